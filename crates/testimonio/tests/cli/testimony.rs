//! `testimony add`, `list`, `show` and `review`: the account comes from a
//! file or stdin, never an option; references are checked; the review
//! mark is set once; everything reads in Spanish.

use std::io::Write;
use std::process::Stdio;

use crate::TestEnv;

const RECORDS: &str = r#"{"type":"person","id":"p-1","pseudonym":"Luz","consent":"public_anonymous"}
{"type":"event","id":"e-1","event_type":"stop_or_arrest","date":"2024-02-01","people":[{"id":"p-1","role":"target"}]}
"#;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn add_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "testimony",
        "add",
        "--person",
        "p-1",
        "--interviewer",
        "Ana (voluntaria)",
        "--date",
        "2024-03",
        "--place",
        "Santa Ana",
        "--language",
        "es",
        "--consent",
        "public_anonymous",
    ];
    args.extend_from_slice(extra);
    args
}

#[test]
fn a_testimony_is_recorded_from_a_file_or_stdin_shown_and_reviewed() {
    let env = TestEnv::new();
    env.init();
    env.write("in/records.jsonl", RECORDS);
    env.ok(&["import", env.path("in/records.jsonl").to_str().unwrap()]);
    let file = env.write("in/account.txt", "Yo, Luz, vi cómo llegaron.\n");

    // An unknown event: named with its place, in Spanish, nothing stored.
    let mut args = vec!["--lang", "es"];
    args.extend(add_args(&[
        "--event",
        "e-404",
        "--account-file",
        file.to_str().unwrap(),
    ]));
    let refused = env.run(&args);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        stderr(&refused).trim_end(),
        "testimonio: events[0]: no existe ningún evento e-404"
    );
    // A malformed language: the field and the rule, in Spanish.
    let mut args = vec!["--lang", "es"];
    args.extend(add_args(&["--account-file"]));
    args.push(file.to_str().unwrap());
    let at = args.iter().position(|a| *a == "--language").unwrap();
    args[at + 1] = "castellano";
    let refused = env.run(&args);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("un código de idioma como es, en o pt-BR"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(env.json(&["testimony", "list", "--json"])["total"], 0);

    let mut args = add_args(&["--event", "e-1", "--account-file"]);
    args.push(file.to_str().unwrap());
    args.push("--json");
    let added = env.json(&args);
    assert_eq!(added["outcome"], "created");
    let id = added["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("tst-"), "{id}");

    // From stdin.
    let mut child = env
        .command(&add_args(&["--json"]))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Yo, Luz, lo conté otra vez.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let second: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(second["outcome"], "created");

    // The list holds no account.
    let list = env.json(&["testimony", "list", "--person", "p-1", "--json"]);
    assert_eq!(list["total"], 2);
    assert!(list["testimonies"][0].get("account").is_none());
    assert!(!list.to_string().contains("vi cómo"));

    let shown = env.json(&["testimony", "show", &id, "--json"]);
    assert_eq!(shown["account"], "Yo, Luz, vi cómo llegaron.");
    assert_eq!(shown["events"][0], "e-1");
    assert_eq!(shown["effective_consent"], "public_anonymous");
    assert!(shown["reviewed_by"].is_null());
    let audit = env.ok(&["audit", "log", "--limit", "1"]);
    assert!(audit.contains("testimony_read"), "{audit}");
    assert!(!audit.contains("vi cómo"), "{audit}");

    let text = env.ok(&["--lang", "es", "testimony", "show", &id]);
    assert!(text.contains("Sin revisar para publicar"), "{text}");
    assert!(text.contains("marzo de 2024"), "{text}");

    let out = env.ok(&["--lang", "es", "testimony", "review", &id]);
    assert_eq!(
        out,
        format!("El testimonio {id} quedó marcado como revisado para publicar.\n")
    );
    let out = env.ok(&["--lang", "es", "testimony", "review", &id]);
    assert!(out.contains("ya estaba marcado"), "{out}");
    let shown = env.json(&["testimony", "show", &id, "--json"]);
    assert!(shown["reviewed_by"].as_str().unwrap().starts_with("cli:"));

    // Links, each checked.
    let refused = env.run(&["--lang", "es", "testimony", "link", &id, "--event", "e-404"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("event: no existe ningún evento e-404"),
        "{}",
        stderr(&refused)
    );
    let second_id = second["id"].as_str().unwrap();
    let out = env.ok(&[
        "--lang",
        "es",
        "testimony",
        "link",
        second_id,
        "--event",
        "e-1",
    ]);
    assert_eq!(out, format!("Testimonio {second_id}: un vínculo nuevo.\n"));
    let out = env.ok(&[
        "--lang",
        "es",
        "testimony",
        "link",
        second_id,
        "--event",
        "e-1",
    ]);
    assert!(out.contains("nada nuevo"), "{out}");

    // The accounts are searched, folded for case and accents.
    let found = env.json(&["testimony", "search", "LUZ COMO", "--json"]);
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["testimonies"][0]["id"], id.as_str());
    assert!(
        found["testimonies"][0]["passage"]
            .as_str()
            .unwrap()
            .contains("vi cómo")
    );
    let text = env.ok(&["--lang", "es", "testimony", "search", "perro"]);
    assert_eq!(text, "Ningún relato contiene estas palabras\n");
    let refused = env.run(&["testimony", "search", " ,, "]);
    assert_eq!(refused.status.code(), Some(1));

    let missing = env.run(&["--lang", "es", "testimony", "show", "tst-404"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("No se encontró el testimonio tst-404"));
}

#[test]
fn the_account_is_never_an_option() {
    let env = TestEnv::new();
    let refused = env.run(&add_args(&["--account", "Yo vi todo"]));
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
}
