//! `testimonio packet`: one person's case packet, with exhibits numbered
//! by first citation, the manifest of hashes, the originals beside it
//! byte-exact, and the identity read and export in the audit log.

use std::fs;
use std::process::Command;

use crate::ingest::corpus;
use crate::report::artifact_dir;
use crate::{TestEnv, stderr};

const RECORDS: &str = concat!(
    r#"{"type":"group","id":"g-1","name":"Hunger strikers (test)","state":"WA"}"#,
    "\n",
    r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Ana Packetname","groups":["g-1"],"consent":"internal"}"#,
    "\n",
    r#"{"type":"event","id":"e-1","event_type":"hunger_strike","date":"2025-02-10","state":"WA","city":"Tacoma","people":[{"id":"p-1","role":"organizer"}],"narrative":"Luz led the strike with Nguyễn Thị Lan, Ольга and Peña Núñez, from Łódź to Đà Nẵng."}"#,
    "\n",
    r#"{"type":"event","id":"e-2","event_type":"stop_or_arrest","date":"2025-03-12","state":"WA","agency":"ice","field_office":"SEA","people":[{"id":"p-1","role":"target"}]}"#,
    "\n",
);

#[test]
fn a_case_packet_cites_exhibits_by_page_with_their_hashes() {
    let env = TestEnv::new();
    env.init();
    let records = env.write("in/records.jsonl", RECORDS);
    env.ok(&["import", records.to_str().unwrap()]);
    let letter = corpus("foia/ice-fourth-interim-release-letter-2025-scanned.pdf");
    let ingested = env.json(&["ingest", "--json", letter.to_str().unwrap()]);
    let document = ingested["files"][0]["id"].as_str().unwrap().to_owned();
    env.ok(&[
        "excerpt", "add", &document, "--page", "1", "--from", "0", "--to", "44", "--event", "e-2",
        "--person", "p-1", "--tag", "timing",
    ]);

    let out = env.path("out/packet.pdf");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    let exhibits = env.path("out/exhibits");
    env.ok(&[
        "packet",
        "p-1",
        "--out",
        out.to_str().unwrap(),
        "--exhibits-dir",
        exhibits.to_str().unwrap(),
    ]);
    let text = Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    let sha = env.json(&["document", "show", &document, "--json"])["document"]["sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    for expected in [
        "Case packet: Luz",
        "Ana Packetname",
        "Exhibit 1",
        "CONFIDENTIAL",
        "Hunger strike",
        "Stop or arrest",
        // Names in every script the fonts cover print and extract whole.
        "Nguyễn Thị Lan",
        "Đà Nẵng",
        "Łódź",
        "Ольга",
        "Peña Núñez",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the packet:\n{text}"
        );
    }
    assert!(
        text.contains(&sha[..32]),
        "the manifest carries the original's SHA-256"
    );
    assert!(
        text.contains("Ex. 1, p. 1"),
        "the arrest cites exhibit 1 page 1:\n{text}"
    );
    let original = fs::read(&letter).unwrap();
    let exported: Vec<_> = fs::read_dir(&exhibits)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(exported.len(), 1);
    assert!(
        exported[0]
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("Exhibit 01 - ice-fourth")
    );
    assert_eq!(
        fs::read(&exported[0]).unwrap(),
        original,
        "exhibits are byte-exact"
    );

    let audit = env.json(&["audit", "log", "--json"]);
    let actions: Vec<(String, String)> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["object"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        actions.contains(&("identity_read".into(), "person:p-1".into())),
        "{actions:?}"
    );
    assert!(
        actions.contains(&("export".into(), "report:packet".into())),
        "{actions:?}"
    );

    // Spanish, HTML; and the pages as PNG artifacts to look at.
    let html = env.path("out/paquete.html");
    env.ok(&[
        "--lang",
        "es",
        "packet",
        "p-1",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ]);
    let html = fs::read_to_string(html).unwrap();
    assert!(
        html.contains("Paquete del caso") && html.contains("Manifiesto"),
        "Spanish headings"
    );
    let dir = artifact_dir();
    fs::create_dir_all(&dir).unwrap();
    let paquete = env.path("out/paquete.pdf");
    env.ok(&[
        "--lang",
        "es",
        "packet",
        "p-1",
        "--out",
        paquete.to_str().unwrap(),
    ]);
    for (pdf, name) in [(&out, "packet"), (&paquete, "packet-es")] {
        let png = Command::new("pdftoppm")
            .args(["-r", "60", "-png"])
            .arg(pdf)
            .arg(dir.join(name))
            .status()
            .unwrap();
        assert!(png.success(), "{name}");
    }

    let missing = env.run(&[
        "packet",
        "p-404",
        "--out",
        env.path("out/x.pdf").to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("p-404"), "{}", stderr(&missing));
}
