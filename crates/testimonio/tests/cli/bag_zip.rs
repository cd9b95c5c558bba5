//! `testimonio packet --bag FILE.zip`: the bag serialized as a zip (RFC
//! 8493 §4.2: one top-level folder holding the whole bag), verified as it
//! is by `packet verify`, and every change to the zip caught.

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use crate::bag::{findings, packet_vault, verify};
use crate::stderr;

/// A zip's entries: name and bytes, in order.
type Entries = Vec<(String, Vec<u8>)>;

/// The findings `packet verify` names: path and code.
type Findings = Vec<(String, String)>;

/// Every entry of a zip: name and bytes, in order.
fn entries(zip: &Path) -> Entries {
    let mut archive = zip::ZipArchive::new(fs::File::open(zip).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// A zip of `entries` written to `path`.
fn write_zip(path: &Path, entries: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    fs::write(path, zip.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn a_zipped_bag_verifies_as_a_folder_does_and_changes_to_it_are_caught() {
    let env = packet_vault();
    let zipped = env.path("out/Packet 1.zip");
    env.ok(&["packet", "p-1", "--bag", zipped.to_str().unwrap()]);

    // One folder, named after the file, holding the whole bag.
    let files = entries(&zipped);
    assert!(
        files.iter().all(|(name, _)| name.starts_with("Packet 1/")),
        "{:?}",
        files.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for file in [
        "Packet 1/bagit.txt",
        "Packet 1/manifest-sha256.txt",
        "Packet 1/tagmanifest-sha256.txt.minisig",
        "Packet 1/data/packet.pdf",
    ] {
        assert!(files.iter().any(|(n, _)| n == file), "{file} missing");
    }
    let (code, result) = verify(&env, &zipped, &[]);
    assert_eq!(code, Some(0), "{result}");
    assert_eq!(result["signature"]["status"], "trusted", "{result}");
    assert_eq!(result["payload_files"], 3);

    // The same zip unpacked is the same bag.
    let unpacked = env.path("out/unpacked");
    for (name, bytes) in &files {
        let path = unpacked.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    let (code, result) = verify(&env, &unpacked.join("Packet 1"), &[]);
    assert_eq!(code, Some(0), "{result}");

    // A bag is whole: the same name again is refused, the zip unchanged.
    let before = fs::read(&zipped).unwrap();
    let again = env.run(&["packet", "p-1", "--bag", zipped.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read(&zipped).unwrap(), before);

    let exhibit = files
        .iter()
        .position(|(n, _)| n.starts_with("Packet 1/data/exhibits/"))
        .unwrap();
    let exhibit_path = files[exhibit].0.trim_start_matches("Packet 1/").to_owned();
    let cases: Vec<(&str, Entries, Findings)> = vec![
        (
            "flipped byte",
            {
                let mut changed = files.clone();
                changed[exhibit].1[100] ^= 1;
                changed
            },
            vec![(exhibit_path.clone(), "changed".to_owned())],
        ),
        (
            "added file",
            {
                let mut added = files.clone();
                added.push(("Packet 1/data/note.txt".to_owned(), b"later".to_vec()));
                added
            },
            vec![("data/note.txt".to_owned(), "added".to_owned())],
        ),
        (
            "path out of the bag",
            {
                let mut escaping = files.clone();
                escaping.push(("Packet 1/../../evil.txt".to_owned(), b"x".to_vec()));
                escaping
            },
            vec![("../../evil.txt".to_owned(), "unsafe-path".to_owned())],
        ),
        (
            "two top-level folders",
            {
                let mut two = files.clone();
                two.push((
                    "Other/bagit.txt".to_owned(),
                    b"BagIt-Version: 1.0\n".to_vec(),
                ));
                two
            },
            vec![("bagit.txt".to_owned(), "not-a-bag".to_owned())],
        ),
    ];
    for (name, entries, expected) in cases {
        let tampered = env.path(&format!("tampered/{name}.zip"));
        fs::create_dir_all(tampered.parent().unwrap()).unwrap();
        write_zip(&tampered, &entries);
        let (code, result) = verify(&env, &tampered, &[]);
        assert_eq!(code, Some(3), "{name}: {result}");
        assert_eq!(findings(&result), expected, "{name}");
    }

    // Not a zip at all: one finding, no crash.
    let junk = env.path("tampered/junk.zip");
    fs::write(&junk, b"PK\x03\x04 not really").unwrap();
    let (code, result) = verify(&env, &junk, &[]);
    assert_eq!(code, Some(3), "{result}");
    assert_eq!(
        findings(&result),
        [("bagit.txt".to_owned(), "not-a-bag".to_owned())]
    );
}
