//! `testimonio document redact` on the Second Circuit opinion: a copy of
//! page 1 with every match of the docket number burned, Bates-numbered,
//! stored with its own hash; nothing written to the temp directory; a
//! malformed pick refused as a usage error.

use std::process::Command;

use crate::TestEnv;
use crate::ingest::corpus;

#[test]
fn a_redacted_copy_is_stored_numbered_and_holds_no_match() {
    let env = TestEnv::new();
    env.init();
    let pdf = corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf");
    let report = env.json(&["ingest", "--json", pdf.to_str().unwrap()]);
    let id = report["files"][0]["id"]
        .as_str()
        .expect("stored")
        .to_owned();
    let out = env.json(&[
        "document",
        "redact",
        &id,
        "--pages",
        "1",
        "--match",
        "\"21-1233\"",
        "--region",
        "1:0.1,0.9,0.3,0.95",
        "--bates-prefix",
        "EXH",
        "--json",
    ]);
    let copy = &out["copy"];
    assert_eq!(copy["bates_first"], "EXH-000001", "{out}");
    assert_eq!(copy["bates_last"], "EXH-000001");
    assert_eq!(copy["matches"], 2);
    assert_eq!(copy["regions"], 1);
    let copy_id = copy["copy"]["id"].as_str().unwrap();
    let written = env.path("copy.pdf");
    env.ok(&[
        "document",
        "get",
        copy_id,
        "--out",
        written.to_str().unwrap(),
    ]);
    let text = Command::new("pdftotext")
        .arg(&written)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(!text.contains("1233"), "{text}");
    assert!(text.contains("EXH-000001"), "{text}");
    // No page image or text was written to the temp directory.
    assert_eq!(std::fs::read_dir(env.tmp()).unwrap().count(), 0);
    // The copy's own page shows its Bates number.
    let shown = env.json(&["document", "show", copy_id, "--json"]);
    assert_eq!(shown["pages"][0]["bates"], "EXH-000001");

    let bad = env.run(&[
        "document",
        "redact",
        &id,
        "--region",
        "1:0.1,0.2",
        "--bates-prefix",
        "EXH",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    let bad = env.run(&["document", "redact", &id, "--bates-prefix", "exh!"]);
    assert_eq!(bad.status.code(), Some(1));
}
