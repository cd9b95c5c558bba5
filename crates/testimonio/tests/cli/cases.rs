//! `testimonio case`: a case recorded about a person, records linked to it
//! (an unknown one refused by name, nothing stored), shown with its notes
//! for the operator, its status changed, and its packet written with the
//! case on its cover; every step in the audit log.

use std::fs;

use crate::{TestEnv, stderr};

const RECORDS: &str = concat!(
    r#"{"type":"group","id":"g-1","name":"Comité (test)","state":"WA"}"#,
    "\n",
    r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Ana Casename","groups":["g-1"],"consent":"internal"}"#,
    "\n",
    r#"{"type":"event","id":"e-1","event_type":"hunger_strike","date":"2025-02-10","state":"WA","people":[{"id":"p-1","role":"organizer"}]}"#,
    "\n",
    r#"{"type":"event","id":"e-2","event_type":"stop_or_arrest","date":"2025-03-12","state":"WA","people":[{"id":"p-1","role":"target"}]}"#,
    "\n",
);

#[test]
fn a_case_is_added_linked_shown_and_packed() {
    let env = TestEnv::new();
    env.init();
    let records = env.write("in/records.jsonl", RECORDS);
    env.ok(&["import", records.to_str().unwrap()]);
    let notice = env.write(
        "in/notice.txt",
        "Notice to appear, issued after the strike.",
    );
    let ingested = env.json(&["ingest", "--json", notice.to_str().unwrap()]);
    let document = ingested["files"][0]["id"].as_str().unwrap().to_owned();

    let added = env.json(&[
        "case",
        "add",
        "--title",
        "Defensa de Luz",
        "--kind",
        "removal_defense",
        "--person",
        "p-1",
        "--attorney",
        "Abogada Ejemplo",
        "--opened",
        "2025-04",
        "--json",
    ]);
    let id = added["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("case-"), "{id}");

    // An unknown subject or record is refused by name; nothing is stored.
    let refused = env.run(&[
        "case", "add", "--title", "X", "--kind", "advocacy", "--person", "p-404",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("p-404"), "{}", stderr(&refused));
    let refused = env.run(&["case", "link", &id, "--event", "e-404"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("e-404"), "{}", stderr(&refused));
    // Exactly one subject and one record: the command line says so.
    let both = env.run(&[
        "case", "add", "--title", "X", "--kind", "advocacy", "--person", "p-1", "--group", "g-1",
    ]);
    assert_eq!(both.status.code(), Some(2));

    env.ok(&["case", "link", &id, "--event", "e-2"]);
    env.ok(&["case", "link", &id, "--document", &document]);
    let again = env.json(&["case", "link", &id, "--event", "e-2", "--json"]);
    assert_eq!(again["changed"], false);
    env.ok(&["case", "status", &id, "pending_decision"]);

    let shown = env.json(&["case", "show", &id, "--json"]);
    assert_eq!(shown["case"]["title"], "Defensa de Luz");
    assert_eq!(shown["case"]["status"], "pending_decision");
    assert_eq!(shown["subject"]["name"], "Luz");
    assert_eq!(shown["events"][0]["id"], "e-2");
    assert_eq!(shown["documents"][0]["id"], document.as_str());
    let listed = env.json(&["case", "list", "--json"]);
    assert_eq!(listed[0]["links"], 2);
    let text = env.ok(&["case", "show", &id]);
    assert!(
        text.contains("Abogada Ejemplo") && text.contains("Luz"),
        "{text}"
    );
    assert!(
        !text.contains("Ana Casename"),
        "a case names a pseudonym only"
    );

    let out = env.path("out/case.html");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    let exhibits = env.path("out/exhibits");
    let packet = env.run(&[
        "--lang",
        "es",
        "case",
        "packet",
        &id,
        "--out",
        out.to_str().unwrap(),
        "--format",
        "html",
        "--exhibits-dir",
        exhibits.to_str().unwrap(),
    ]);
    assert!(packet.status.success(), "{}", stderr(&packet));
    let html = fs::read_to_string(&out).unwrap();
    for expected in [
        "Defensa de Luz",
        "Defensa contra la deportación",
        "Abogada Ejemplo",
        "Ana Casename",
    ] {
        assert!(
            html.contains(expected),
            "{expected:?} missing from the packet"
        );
    }
    let files: Vec<_> = fs::read_dir(&exhibits).unwrap().collect();
    assert_eq!(files.len(), 1, "the linked document is the one exhibit");

    let log = env.ok(&["audit", "log", "--limit", "30"]);
    for expected in [format!("case:{id}"), "export".to_owned()] {
        assert!(
            log.contains(&expected),
            "{expected} missing from the audit log:\n{log}"
        );
    }
}
