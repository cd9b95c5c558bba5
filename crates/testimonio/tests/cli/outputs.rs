//! What testimonio writes for the user: every file 0600 and every
//! directory it creates 0700 (exports and packets hold identities in
//! plaintext), restores as private as `init`, and a CSV export that a
//! spreadsheet opens without running formulas while the JSON Lines export
//! stays exact.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use testimonio_demo::DemoSpec;

use crate::{TestEnv, demo_jsonl, files_under, stderr};

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// `dir` and everything under it: directories 0700, files 0600.
fn assert_private_tree(dir: &Path) {
    assert_private_tree_except(dir, None);
}

fn assert_private_tree_except(dir: &Path, except: Option<&Path>) {
    assert_eq!(mode(dir), 0o700, "{}", dir.display());
    let files = files_under(dir);
    assert!(!files.is_empty(), "{} is empty", dir.display());
    for file in files {
        if except.is_some_and(|e| file.starts_with(e)) {
            continue;
        }
        assert_eq!(mode(&file), 0o600, "{}", file.display());
        let mut d = file.parent().unwrap();
        while d != dir {
            assert_eq!(mode(d), 0o700, "{}", d.display());
            d = d.parent().unwrap();
        }
    }
}

/// A 0644 file already at `path`: replacing it must not keep that mode.
fn planted(env: &TestEnv, rel: &str) -> std::path::PathBuf {
    let path = env.write(rel, "old, world-readable\n");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    path
}

#[test]
fn every_file_written_for_the_user_is_private() {
    let env = TestEnv::new();
    env.init();
    let records = env.write("in/demo.jsonl", &demo_jsonl(&DemoSpec::standard()));
    env.ok(&["import", records.to_str().unwrap()]);
    let text = env.write("in/note.txt", "A note about the strike at the facility.\n");
    let ingested = env.json(&["ingest", "--json", text.to_str().unwrap()]);
    let doc = ingested["files"][0]["id"].as_str().unwrap().to_owned();
    env.ok(&[
        "excerpt",
        "add",
        &doc,
        "--page",
        "1",
        "--from",
        "0",
        "--to",
        "6",
        "--person",
        "demo-p-0001",
    ]);
    env.ok(&[
        "foia",
        "add",
        "--agency",
        "ice",
        "--subject",
        "Records",
        "--received",
        "2025-12-19",
        "--id",
        "foia-1",
    ]);
    fs::create_dir_all(env.path("out")).unwrap();
    let out = |rel: &str| env.path(&format!("out/{rel}"));
    let s = |p: &Path| p.to_str().unwrap().to_owned();

    let jsonl = planted(&env, "out/all.jsonl");
    env.ok(&["export", "--out", &s(&jsonl)]);
    env.ok(&["export", "--format", "csv", "--out", &s(&out("csv/new"))]);
    let xlsx = planted(&env, "out/all.xlsx");
    env.ok(&["export", "--format", "xlsx", "--out", &s(&xlsx)]);
    env.ok(&[
        "export",
        "--format",
        "sheet-csv",
        "--out",
        &s(&out("events.csv")),
    ]);
    env.ok(&[
        "report",
        "--audience",
        "internal",
        "--format",
        "html",
        "--out",
        &s(&out("report.html")),
        "--permutations",
        "200",
    ]);
    env.ok(&[
        "packet",
        "demo-p-0001",
        "--format",
        "html",
        "--out",
        &s(&out("packet.html")),
        "--exhibits-dir",
        &s(&out("exhibits")),
    ]);
    env.ok(&[
        "foia",
        "calendar",
        "--out",
        &s(&planted(&env, "out/deadlines.ics")),
    ]);
    env.ok(&["foia", "letter", "foia-1", "--out", &s(&out("letter.txt"))]);
    env.ok(&["foia", "letter", "foia-1", "--out", &s(&out("letter.pdf"))]);
    env.ok(&["backup", &s(&out("vault.tar"))]);
    env.ok(&[
        "document",
        "get",
        &doc,
        "--out",
        &s(&planted(&env, "out/note.txt")),
    ]);

    let written = files_under(&env.path("out"));
    for name in [
        "all.jsonl",
        "csv/new/groups.csv",
        "csv/new/people.csv",
        "csv/new/events.csv",
        "all.xlsx",
        "events.csv",
        "report.html",
        "packet.html",
        "exhibits/Exhibit 01 - note.txt",
        "deadlines.ics",
        "letter.txt",
        "letter.pdf",
        "vault.tar",
        "note.txt",
    ] {
        assert!(written.contains(&out(name)), "{name} missing: {written:?}");
    }
    assert_private_tree(&out("csv"));
    assert_private_tree(&out("exhibits"));
    for file in written {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    // Nothing half-written or temporary was left beside them.
    assert!(
        files_under(&env.path("out")).iter().all(|p| !p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with('.')),
        "a temporary file was left"
    );
    // The vault itself, too. The search index (sealed segments, written by
    // testimonio-search) still follows the umask inside the 0700 vault.
    assert_private_tree_except(&env.vault(), Some(&env.vault().join("index")));
}

#[test]
fn a_restored_vault_is_as_private_as_a_new_one() {
    let env = TestEnv::new();
    env.init();
    let doc = env.write("in/letter.txt", "a letter\n");
    env.ok(&["document", "add", doc.to_str().unwrap()]);
    let backup = env.path("vault.tar");
    env.ok(&["backup", backup.to_str().unwrap()]);
    let restored = env.path("restored");
    let mut cmd = env.command(&["restore", backup.to_str().unwrap()]);
    cmd.env("TESTIMONIO_VAULT", &restored);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        files_under(&restored)
            .iter()
            .any(|p| p.ends_with("key.json"))
    );
    assert!(
        files_under(&restored)
            .iter()
            .any(|p| p.starts_with(restored.join("blobs")))
    );
    assert_private_tree(&restored);
}

#[test]
fn a_restore_refuses_an_unlisted_entry_by_name_in_both_languages() {
    let env = TestEnv::new();
    env.init();
    let backup = env.path("vault.tar");
    env.ok(&["backup", backup.to_str().unwrap()]);
    // The backup, plus one well-formed blob the signed manifest does not list.
    let planted = env.path("planted.tar");
    let mut builder = tar::Builder::new(fs::File::create(&planted).unwrap());
    let mut archive = tar::Archive::new(fs::File::open(&backup).unwrap());
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let header = entry.header().clone();
        builder.append(&header, &mut entry).unwrap();
    }
    let name = format!("blobs/ab/ab{}.age", "0".repeat(62));
    let mut header = tar::Header::new_gnu();
    header.set_size(4);
    header.set_mode(0o600);
    header.set_cksum();
    builder
        .append_data(&mut header, &name, &b"evil"[..])
        .unwrap();
    builder.finish().unwrap();
    drop(builder);

    for (lang, words) in [
        ("en", "is not listed in the signed manifest"),
        ("es", "no figura en el manifiesto firmado"),
    ] {
        let target = env.path(&format!("restored-{lang}"));
        let mut cmd = env.command(&["--lang", lang, "restore", planted.to_str().unwrap()]);
        cmd.env("TESTIMONIO_VAULT", &target);
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.contains(&name) && message.contains(words),
            "{message}"
        );
        assert!(
            !target.exists(),
            "a refused restore left {}",
            target.display()
        );
    }
    let left: Vec<_> = fs::read_dir(env.root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".testimonio"))
        .collect();
    assert!(left.is_empty(), "staging left behind: {left:?}");
}

const PLANTED: &str = concat!(
    r#"{"type":"group","id":"g-1","name":"+1 (test)","city":"'=already quoted"}"#,
    "\n",
    r#"{"type":"person","id":"p-1","pseudonym":"-2","legal_name":"@SUM(A1:A9)","contact":"'plain quote","address":"''=two quotes"}"#,
    "\n",
    r#"{"type":"event","id":"e-1","event_type":"protest","date":"2025-02-10","narrative":"=HYPERLINK(\"http://x\",\"click\")","facility":"@facility"}"#,
    "\n",
);

fn csv_cells(path: &Path) -> Vec<String> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn csv_cells_that_start_a_formula_are_neutralised_and_round_trip() {
    let env = TestEnv::new();
    env.init();
    let records = env.write("in/planted.jsonl", PLANTED);
    env.ok(&["import", records.to_str().unwrap()]);
    let jsonl = env.ok(&["export"]);
    for exact in [
        r#""narrative":"=HYPERLINK(\"http://x\",\"click\")""#,
        r#""name":"+1 (test)""#,
        r#""pseudonym":"-2""#,
        r#""legal_name":"@SUM(A1:A9)""#,
        r#""city":"'=already quoted""#,
    ] {
        assert!(jsonl.contains(exact), "JSON Lines changed {exact}: {jsonl}");
    }

    let dir = env.path("out/csv");
    env.ok(&["export", "--format", "csv", "--out", dir.to_str().unwrap()]);
    let groups = csv_cells(&dir.join("groups.csv"));
    let people = csv_cells(&dir.join("people.csv"));
    let events = csv_cells(&dir.join("events.csv"));
    assert!(groups.contains(&"'+1 (test)".to_owned()), "{groups:?}");
    assert!(
        groups.contains(&"''=already quoted".to_owned()),
        "{groups:?}"
    );
    for cell in ["'-2", "'@SUM(A1:A9)", "''plain quote", "'''=two quotes"] {
        assert!(people.contains(&cell.to_owned()), "{cell}: {people:?}");
    }
    assert!(
        events.contains(&r#"'=HYPERLINK("http://x","click")"#.to_owned()),
        "{events:?}"
    );
    assert!(events.contains(&"'@facility".to_owned()), "{events:?}");
    for cell in groups.iter().chain(&people).chain(&events) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a formula cell reached the spreadsheet: {cell:?}"
        );
    }

    // Into another vault through the CSV, and out again as JSON Lines: exact.
    let b = TestEnv::new();
    b.init();
    let report = b.json(&["import", dir.to_str().unwrap(), "--json"]);
    assert_eq!(report["created"], 3, "{report}");
    assert_eq!(b.ok(&["export"]), jsonl);
}
