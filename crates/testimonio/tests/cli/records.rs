//! Events, people and person in Spanish: every line from the catalog.

use crate::{TestEnv, stderr, stdout};

const RECORDS: &str = concat!(
    r#"{"type":"group","id":"g-1","name":"Grupo"}"#,
    "\n",
    r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Nombre Secreto","groups":["g-1"],"consent":"internal"}"#,
    "\n",
    r#"{"type":"event","id":"e-1","event_type":"protest","date":"2020-05-01","state":"IL","people":[{"id":"p-1","role":"organizer"}]}"#,
    "\n",
    r#"{"type":"event","id":"e-2","event_type":"protest","date":"2020-06","people":[{"id":"p-9","role":"organizer"}]}"#,
    "\n",
);

#[test]
fn an_unknown_person_reads_as_spanish() {
    let env = TestEnv::new();
    env.init();
    let missing = env.run(&["--lang", "es", "person", "show", "p-404"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        stderr(&missing),
        "testimonio: No se encontró la persona p-404.\n"
    );
}

#[test]
fn lists_count_in_spanish_with_plurals() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/records.jsonl", RECORDS);
    let partial = env.run(&["--lang", "es", "import", file.to_str().unwrap()]);
    assert_eq!(partial.status.code(), Some(4));
    assert!(
        stdout(&partial).contains("creados: 3, actualizados: 0, sin cambios: 0, rechazados: 1"),
        "{}",
        stdout(&partial)
    );
    assert_eq!(
        stderr(&partial),
        "testimonio: se rechazó 1 registro (arriba); los demás se guardaron como indica el resumen\n"
    );
    let events = env.ok(&["--lang", "es", "events", "list"]);
    assert!(events.ends_with("Se muestra 1 evento de 1\n"), "{events}");
    let people = env.ok(&["--lang", "es", "people", "list"]);
    assert!(people.ends_with("\n1 persona\n"), "{people}");
    let person = env.ok(&["--lang", "es", "person", "show", "p-1"]);
    assert!(person.contains("Seudónimo"), "{person}");
    let bad = env.run(&["--lang", "es", "events", "list", "--field-office", "XYZ"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).starts_with("testimonio: --field-office: no es un código conocido"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn a_person_is_added_with_consent_and_edited_from_the_command_line() {
    let env = TestEnv::new();
    env.init();
    env.write("in/records.jsonl", RECORDS);
    env.run(&["import", env.path("in/records.jsonl").to_str().unwrap()]);

    // Without a pseudonym or a consent, clap says what is missing.
    let refused = env.run(&["--lang", "es", "person", "add", "--pseudonym", "Rosa"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));

    // A bad consent level and an unknown group: told in Spanish, nothing stored.
    let refused = env.run(&[
        "--lang",
        "es",
        "person",
        "add",
        "--pseudonym",
        "Rosa",
        "--consent",
        "everyone",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("consent"), "{}", stderr(&refused));
    let refused = env.run(&[
        "--lang",
        "es",
        "person",
        "add",
        "--pseudonym",
        "Rosa",
        "--consent",
        "internal",
        "--group",
        "g-404",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("g-404"), "{}", stderr(&refused));
    assert_eq!(env.json(&["people", "list", "--json"])["total"], 1);

    let added = env.json(&[
        "person",
        "add",
        "--pseudonym",
        "Rosa",
        "--consent",
        "coalition_aggregate",
        "--consent-given",
        "2026-11-30",
        "--legal-name",
        "Rosa Ficticia",
        "--group",
        "g-1",
        "--json",
    ]);
    assert_eq!(added["outcome"], "created");
    let id = added["id"].as_str().unwrap().to_owned();
    let shown = env.json(&["person", "show", &id, "--json"]);
    assert_eq!(shown["pseudonym"], "Rosa");
    assert_eq!(shown["legal_name"], "Rosa Ficticia");

    let out = env.ok(&[
        "--lang",
        "es",
        "person",
        "edit",
        &id,
        "--contact",
        "+1 555 0100",
    ]);
    assert_eq!(out, format!("Se modificó {id} (Rosa).\n"));
    let out = env.ok(&[
        "--lang",
        "es",
        "person",
        "edit",
        &id,
        "--contact",
        "+1 555 0100",
    ]);
    assert_eq!(
        out,
        format!("{id} (Rosa) ya estaba así; no se cambió nada.\n")
    );
    let shown = env.json(&["person", "show", &id, "--json"]);
    assert_eq!(shown["legal_name"], "Rosa Ficticia");
    assert_eq!(shown["contact"], "+1 555 0100");

    // The writes are audited with their ids, never their content.
    let log = env.json(&["audit", "log", "--json"]);
    let entries = log["entries"].as_array().unwrap();
    let objects: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["object"].as_str())
        .collect();
    assert!(
        objects.contains(&format!("person:{id}").as_str()),
        "{objects:?}"
    );
    assert!(!log.to_string().contains("Rosa Ficticia"));
}
