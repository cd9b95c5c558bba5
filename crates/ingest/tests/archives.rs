//! ZIP archives: entries become child documents; a hostile archive (a zip
//! bomb, path traversal names, 10,000 entries, a cut-short file) gets a
//! status and a reason, and nothing else happens (nothing is written
//! anywhere: the test's working directory stays as it was).

use std::io::Write;
use std::time::Duration;

use testimonio_domain::ExtractionStatus;
use testimonio_ingest::detect::FileKind;
use testimonio_ingest::extract::{Deadline, Extracted};
use testimonio_ingest::tools::Slots;
use testimonio_ingest::{ExtractOptions, extract};
use zip::write::SimpleFileOptions;

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, deflated).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn read(bytes: &[u8]) -> Extracted {
    extract(
        bytes,
        Some("produccion.zip"),
        &ExtractOptions::default(),
        &Slots::new(2),
        Deadline::after(Duration::from_secs(120)),
    )
}

const EMAIL: &[u8] = b"From: Oficina <oficina@example.org>\r\nTo: Red <red@example.org>\r\nSubject: Aviso de la vigilia\r\nDate: Tue, 4 Mar 2021 10:00:00 -0500\r\n\r\nLa vigilia es el jueves frente al centro.\r\n";

#[test]
fn each_entry_of_an_archive_is_a_child_document() {
    let bytes = zip_of(&[
        (
            "notas/nota.txt",
            "Nota sobre la huelga de hambre.".as_bytes(),
        ),
        ("correo.eml", EMAIL),
    ]);
    let read = read(&bytes);
    assert_eq!(read.kind, FileKind::Zip);
    assert_eq!(
        read.extraction.status,
        ExtractionStatus::Ok,
        "{}",
        read.extraction.detail
    );
    let names: Vec<&str> = read
        .children
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert_eq!(names, ["nota.txt", "correo.eml"]);
    assert_eq!(read.children[1].extracted.kind, FileKind::Email);
    assert!(
        read.children[0].extracted.extraction.pages[0]
            .text
            .contains("huelga de hambre")
    );
    // The archive's own page lists its files, so that it is found by them.
    assert_eq!(read.extraction.pages[0].text, "nota.txt\ncorreo.eml");
}

#[test]
fn a_zip_bomb_entry_is_not_inflated_and_the_rest_is_read() {
    // 64 MiB of zeros deflate to about 64 KiB: a ratio near 1,000.
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let bytes = zip_of(&[("bomba.txt", &zeros), ("nota.txt", b"Texto de la nota.")]);
    assert!(bytes.len() < 1024 * 1024, "{}", bytes.len());
    let read = read(&bytes);
    assert_eq!(read.extraction.status, ExtractionStatus::Partial);
    assert!(
        read.extraction
            .detail
            .contains("entry 1: not read, it inflates more than 100 times"),
        "{}",
        read.extraction.detail
    );
    let names: Vec<&str> = read
        .children
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert_eq!(names, ["nota.txt"]);
}

#[test]
fn entry_names_are_labels_never_paths() {
    let before: Vec<_> = std::fs::read_dir(".")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let bytes = zip_of(&[
        ("../../../../tmp/escape.txt", b"fuera"),
        ("/etc/cron.d/evil", b"* * * * * root true"),
        ("..\\..\\windows\\system.ini", b"[x]"),
    ]);
    let read = read(&bytes);
    let names: Vec<&str> = read
        .children
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert_eq!(names, ["escape.txt", "evil", "system.ini"]);
    let after: Vec<_> = std::fs::read_dir(".")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(before, after, "nothing is unpacked");
    assert!(!std::path::Path::new("/tmp/escape.txt").exists());
}

#[test]
fn ten_thousand_entries_are_read_up_to_the_limit() {
    let names: Vec<String> = (0..10_000).map(|i| format!("f{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), b"x".as_slice()))
        .collect();
    let read = read(&zip_of(&entries));
    assert_eq!(read.children.len(), testimonio_ingest::archive::MAX_ENTRIES);
    assert_eq!(read.extraction.status, ExtractionStatus::Partial);
    assert!(
        read.extraction
            .detail
            .contains("9000 entries not read: an archive is read up to 1000 entries"),
        "{}",
        read.extraction.detail
    );
}

#[test]
fn a_cut_short_archive_fails_with_a_reason_and_an_office_file_is_no_archive() {
    let bytes = zip_of(&[("nota.txt", b"Texto de la nota.")]);
    let read = read(&bytes[..bytes.len() / 2]);
    assert_eq!(read.extraction.status, ExtractionStatus::Failed);
    assert!(
        read.extraction
            .detail
            .starts_with("not a readable ZIP archive"),
        "{}",
        read.extraction.detail
    );
    assert!(read.children.is_empty());
    // A DOCX is a ZIP file too, told by its first entry: not unpacked.
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w/>"),
    ]);
    assert_ne!(read_kind(&docx), FileKind::Zip);
}

fn read_kind(bytes: &[u8]) -> FileKind {
    testimonio_ingest::detect::sniff(bytes, Some("informe.docx"))
}
