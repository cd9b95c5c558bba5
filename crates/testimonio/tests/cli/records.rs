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
        "testimonio: se rechazó 1 registro; el resto se importó\n"
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
