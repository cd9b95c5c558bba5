//! The walk: every command's `--help`, and representative runs (success
//! and failure) of the commands migrated to the catalog, in Spanish with
//! `TESTIMONIO_PSEUDO_LOCALE=1`. Every message and formatted value then
//! comes wrapped in ⟦…⟧; visible text outside the marks did not come from
//! the catalog and fails the test. Allowed outside the marks: the syntax of
//! the command line (the program's, commands' and options' names),
//! punctuation, and data: ids, paths, numbers, keys and the test's own
//! input. Placeholders such as `<USUARIO>` and headings come from the
//! catalog like the rest.

use std::collections::BTreeSet;
use std::process::Output;

use testimonio_domain::{EventType, Lang};

use testimonio_demo::DemoSpec;

use crate::{TestEnv, demo_jsonl, stderr, stdout};

fn pseudo(env: &TestEnv, args: &[&str]) -> Output {
    let mut all = vec!["--lang", "es"];
    all.extend(args);
    env.command(&all)
        .env("TESTIMONIO_PSEUDO_LOCALE", "1")
        .output()
        .expect("run testimonio")
}

/// The text outside the ⟦…⟧ marks (which may nest).
fn outside_marks(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '⟦' => {
                depth += 1;
                out.push(' ');
            }
            '⟧' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words outside the marks that are neither syntax nor data.
fn stray_words(text: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    let mut stray = Vec::new();
    for token in outside_marks(text).split_whitespace() {
        // Options and paths; placeholders (`<⟦RUTA⟧>`) are in the catalog.
        let syntax = token.starts_with('-') || token.contains('/');
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let no_letters = !word.chars().any(char::is_alphabetic);
        // Keys, hashes and ids: upper-case letters and digits, or hex. A
        // recovery key is dash-grouped base32 and may hold no digit at all
        // (`IWCS-TGAE-VJIF-…`), so dash groups count as a key too.
        let upper_groups = word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        let key = (word.chars().any(|c| c.is_ascii_digit())
            && (upper_groups || word.chars().all(|c| c.is_ascii_hexdigit())))
            || (upper_groups && word.split('-').count() >= 4);
        // Record ids (`doc-0b354eee7ecb8815`, `demo-p-0001`) and actors as
        // the audit and custody logs store them (`cli:ana@host`).
        let id = (word.contains('-') && word.chars().any(|c| c.is_ascii_digit()))
            || token.starts_with("cli:")
            || token.starts_with("web:");
        if !(syntax || no_letters || key || id || allowed.contains(word)) {
            stray.push(token.to_owned());
        }
    }
    stray
}

fn allowed(words: &[&str]) -> BTreeSet<String> {
    let mut set: BTreeSet<String> = ["testimonio"].iter().map(|w| (*w).to_owned()).collect();
    set.extend(words.iter().map(|w| (*w).to_owned()));
    set
}

fn assert_catalog_only(what: &str, out: &Output, allowed: &BTreeSet<String>) {
    for (stream, text) in [("stdout", stdout(out)), ("stderr", stderr(out))] {
        let stray = stray_words(&text, allowed);
        assert!(
            stray.is_empty(),
            "{what}: {stream} has text outside the catalog: {stray:?}\n{text}"
        );
    }
}

/// The subcommands a help lists under its commands heading.
fn subcommands(help: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_commands = false;
    for line in help.lines() {
        if line.starts_with('⟦') && line.ends_with("⟧:") {
            in_commands = line == "⟦Comandos⟧:";
            continue;
        }
        if in_commands
            && line.starts_with("  ")
            && !line.starts_with("   ")
            && let Some(name) = line.split_whitespace().next()
        {
            out.push(name.to_owned());
        }
    }
    out
}

#[test]
fn every_commands_help_comes_from_the_catalog() {
    let env = TestEnv::new();
    let mut queue: Vec<Vec<String>> = vec![Vec::new()];
    let mut walked = 0;
    while let Some(path) = queue.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = pseudo(&env, &args);
        assert!(out.status.success(), "{path:?} --help: {}", stderr(&out));
        let help = stdout(&out);
        assert!(help.contains("⟦Uso:⟧ testimonio"), "{path:?}: {help}");
        let subs = subcommands(&help);
        let mut words: Vec<&str> = path.iter().map(String::as_str).collect();
        words.extend(subs.iter().map(String::as_str));
        assert_catalog_only(&format!("{path:?} --help"), &out, &allowed(&words));
        for sub in subs {
            let mut next = path.clone();
            next.push(sub);
            queue.push(next);
        }
        walked += 1;
    }
    assert!(walked >= 60, "only {walked} commands walked");
}

/// A run of a command, checked for stray text.
fn walk_run(env: &TestEnv, args: &[&str], succeeds: bool, data: &[&str]) -> Output {
    let out = pseudo(env, args);
    assert_eq!(
        out.status.success(),
        succeeds,
        "{args:?}: {}{}",
        stdout(&out),
        stderr(&out)
    );
    let mut words: Vec<&str> = args.to_vec();
    words.extend(data);
    assert_catalog_only(&format!("{args:?}"), &out, &allowed(&words));
    out
}

#[test]
fn the_shells_commands_speak_only_from_the_catalog() {
    let env = TestEnv::new();
    let kdf = ["--kdf-memory-mib", "8", "--kdf-passes", "1"];
    let mut init = vec!["init", "--name", "Ana"];
    init.extend(kdf);
    walk_run(&env, &init, true, &[]);
    walk_run(&env, &init, false, &[]);
    walk_run(&env, &["check"], true, &[]);
    env.write("wrong", "not the passphrase at all\n");
    let wrong = env.path("wrong");
    walk_run(
        &env,
        &["--passphrase-file", wrong.to_str().unwrap(), "check"],
        false,
        &[],
    );
    walk_run(&env, &["audit", "fingerprint", "a query"], true, &[]);
    walk_run(&env, &["key", "age-identity"], true, &[]);
    walk_run(&env, &["frobnicate"], false, &[]);
    walk_run(&env, &["user", "add", "ana"], false, &[]);

    // Accounts.
    env.write("pw", "a long enough password\n");
    let pw = env.path("pw");
    let pw = pw.to_str().unwrap();
    let add = ["user", "add", "ana", "--role", "coordinator"];
    walk_run(
        &env,
        &[&add[..], &["--password-file", pw]].concat(),
        true,
        &[],
    );
    walk_run(
        &env,
        &[&add[..], &["--password-file", pw]].concat(),
        false,
        &[],
    );
    walk_run(
        &env,
        &[
            "user",
            "add",
            "bob",
            "--role",
            "boss",
            "--password-file",
            pw,
        ],
        false,
        &[],
    );
    walk_run(&env, &["user", "token", "ana", "--list"], true, &[]);
    // The new token is printed alone on standard output, to be piped.
    let issued = pseudo(&env, &["user", "token", "ana"]);
    assert!(issued.status.success(), "{}", stderr(&issued));
    let token = stdout(&issued);
    let words = allowed(&["user", "token", "ana", token.trim()]);
    assert_catalog_only("user token", &issued, &words);
    walk_run(&env, &["user", "token", "ana", "--list"], true, &["api"]);
    walk_run(
        &env,
        &["user", "token", "ana", "--revoke", "999"],
        false,
        &[],
    );
    walk_run(
        &env,
        &["user", "token", "ana", "--expires-in", "0"],
        false,
        &[],
    );
    walk_run(&env, &["user", "token", "ana", "--revoke", "1"], true, &[]);
    walk_run(
        &env,
        &["user", "passwd", "ana", "--password-file", pw],
        true,
        &[],
    );
    walk_run(&env, &["user", "disable", "ana"], true, &[]);
    walk_run(&env, &["user", "list"], true, &["ana"]);
    walk_run(&env, &["user", "enable", "ana"], true, &[]);
    assert!(token.trim().starts_with("tmo_"), "{token}");

    // The audit log prints its entries as stored: codes, actors, objects.
    let log = env.json(&["audit", "log", "--json"]);
    let mut stored: Vec<String> = Vec::new();
    for e in log["entries"].as_array().unwrap() {
        for field in ["at", "actor", "action", "object", "detail"] {
            stored.extend(
                e[field]
                    .as_str()
                    .unwrap()
                    .split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()),
            );
        }
    }
    let stored: Vec<&str> = stored.iter().map(String::as_str).collect();
    walk_run(&env, &["audit", "log"], true, &stored);

    // Passphrase, backup, restore.
    env.write("new", "a brand new passphrase\n");
    let new = env.path("new");
    walk_run(
        &env,
        &["passwd", "--new-passphrase-file", new.to_str().unwrap()],
        true,
        &[],
    );
    let backup = env.path("backup.tar");
    let backup = backup.to_str().unwrap();
    let with_new = ["--passphrase-file", new.to_str().unwrap()];
    walk_run(
        &env,
        &[&with_new[..], &["backup", backup]].concat(),
        true,
        &[],
    );
    walk_run(
        &env,
        &[&with_new[..], &["restore", backup]].concat(),
        false,
        &[],
    );
    let other = env.path("restored");
    walk_run(
        &env,
        &[
            &with_new[..],
            &["--vault", other.to_str().unwrap(), "restore", backup],
        ]
        .concat(),
        true,
        &[],
    );
    walk_run(
        &env,
        &["serve", "--trusted-proxy", "proxy.example"],
        false,
        &["proxy.example"],
    );
}

#[test]
fn the_demo_speaks_only_from_the_catalog() {
    let env = TestEnv::new();
    // Data the demo prints as it is: usernames, passwords, state and office
    // codes, and event-type labels (the domain slice moves these to the
    // catalog in parallel; the lead removes them from here after merging).
    let mut data: Vec<String> = vec!["demo-passphrase-not-secret".into()];
    for role in ["admin", "coordinator", "documenter", "analyst", "viewer"] {
        data.push(format!("demo-{role}"));
        data.push(format!("{role}-demo-password"));
    }
    for t in EventType::all() {
        data.extend(
            t.label(Lang::Es)
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()),
        );
    }
    data.extend(
        [
            "export",
            "TESTIMONIO_VAULT",
            "TESTIMONIO_PASSPHRASE_FILE",
            "events",
            "list",
            "people",
            "check",
            "TX",
        ]
        .map(str::to_owned),
    );
    let out = pseudo(&env, &["demo", "--no-serve", "--events", "40"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut allowed_words = allowed(&[]);
    allowed_words.extend(data);
    // State and field-office codes: two to four capital letters.
    for token in outside_marks(&text).split_whitespace() {
        if (2..=4).contains(&token.len()) && token.chars().all(|c| c.is_ascii_uppercase()) {
            allowed_words.insert(token.to_owned());
        }
    }
    assert_catalog_only("demo", &out, &allowed_words);
}

/// Every word of every string value in `value`: the records' own data,
/// which the commands print as it is (pseudonyms, places, codes, notes).
fn data_words(value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::String(text) => out.extend(
            text.split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()),
        ),
        serde_json::Value::Array(items) => items.iter().for_each(|v| data_words(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| data_words(v, out)),
        _ => {}
    }
}

#[test]
fn the_record_foia_and_report_commands_speak_only_from_the_catalog() {
    let env = TestEnv::new();
    env.init();
    let records = env.write("in/demo.jsonl", &demo_jsonl(&DemoSpec::scaled(60)));
    let records = records.to_str().unwrap();
    walk_run(&env, &["import", records], true, &[]);
    walk_run(&env, &["import", "in/missing.jsonl"], false, &[]);

    // The records' own words are data wherever a command prints them.
    std::fs::create_dir_all(env.path("out")).unwrap();
    let export = env.path("out/all.jsonl");
    let export_path = export.to_str().unwrap();
    walk_run(&env, &["export", "--out", export_path], true, &[]);
    let mut data = BTreeSet::new();
    for line in std::fs::read_to_string(&export).unwrap().lines() {
        data_words(&serde_json::from_str(line).unwrap(), &mut data);
    }
    // Event-type codes and labels are data too: the versioned vocabulary
    // file holds them in both languages.
    for t in EventType::all() {
        data.insert(t.code().to_owned());
        data.extend(
            t.label(Lang::Es)
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()),
        );
    }
    let data: Vec<&str> = data.iter().map(String::as_str).collect();
    let data = &data[..];

    walk_run(&env, &["events", "list", "--limit", "20"], true, data);
    walk_run(
        &env,
        &["events", "list", "--from", "yesterday"],
        false,
        data,
    );
    walk_run(&env, &["events", "list", "--person", "p-404"], true, data);
    walk_run(&env, &["people", "list"], true, data);
    walk_run(&env, &["person", "show", "demo-p-0001"], true, data);
    walk_run(&env, &["person", "show", "p-404"], false, data);
    walk_run(&env, &["vocabulary"], true, data);
    let add = [
        "person",
        "add",
        "--pseudonym",
        "Rosa",
        "--consent",
        "internal",
        "--id",
        "p-rosa",
    ];
    walk_run(&env, &add, true, &["Rosa", "p-rosa"]);
    walk_run(&env, &add, false, &["Rosa", "p-rosa"]);
    walk_run(
        &env,
        &["person", "edit", "p-rosa", "--pseudonym", "Rosa M"],
        true,
        &["Rosa", "M", "p-rosa"],
    );
    walk_run(&env, &["person", "edit", "p-404"], false, &[]);

    // Testimonies: recorded from a file, refused again, listed, shown,
    // reviewed; an unknown one.
    let account = env.write("in/account.txt", "Yo vi todo.");
    let t_data = &[
        "Rosa", "M", "p-rosa", "tst-walk", "Ana", "Anaheim", "es", "Yo", "vi", "todo",
    ];
    let t_add = [
        "testimony",
        "add",
        "--person",
        "p-rosa",
        "--interviewer",
        "Ana",
        "--date",
        "2024-03",
        "--place",
        "Anaheim",
        "--language",
        "es",
        "--consent",
        "internal",
        "--id",
        "tst-walk",
        "--account-file",
        account.to_str().unwrap(),
    ];
    walk_run(&env, &t_add, true, t_data);
    walk_run(&env, &t_add, false, t_data);
    walk_run(&env, &["testimony", "list"], true, t_data);
    walk_run(&env, &["testimony", "show", "tst-walk"], true, t_data);
    walk_run(&env, &["testimony", "review", "tst-walk"], true, t_data);
    walk_run(&env, &["testimony", "show", "tst-walk"], true, t_data);
    walk_run(&env, &["testimony", "show", "tst-404"], false, &[]);
    walk_run(&env, &["testimony", "search", "vi todo"], true, t_data);
    walk_run(&env, &["testimony", "search", "perro"], true, t_data);
    walk_run(&env, &["testimony", "search", ",,"], false, t_data);
    walk_run(
        &env,
        &["testimony", "link", "tst-walk", "--event", "e-404"],
        false,
        t_data,
    );

    // FOIA: a request filed, listed, shown; an unknown one; the calendar.
    walk_run(
        &env,
        &[
            "foia",
            "add",
            "--agency",
            "ice",
            "--subject",
            "Detainers",
            "--received",
            "2025-06-02",
            "--id",
            "2025-ICE-1",
        ],
        true,
        &["Detainers", "ice"],
    );
    walk_run(&env, &["foia", "list"], true, &["Detainers", "ice"]);
    walk_run(
        &env,
        &["foia", "show", "2025-ICE-1"],
        true,
        &["Detainers", "ice"],
    );
    walk_run(&env, &["foia", "show", "2024-ICE-9"], false, &[]);
    let calendar = env.path("out/foia.ics");
    walk_run(
        &env,
        &["foia", "calendar", "--out", calendar.to_str().unwrap()],
        true,
        &[],
    );

    // Findings, a report and a packet.
    walk_run(
        &env,
        &["analyze", "--audience", "public", "--permutations", "50"],
        true,
        data,
    );
    let report = env.path("out/report.pdf");
    walk_run(
        &env,
        &[
            "report",
            "--audience",
            "public",
            "--format",
            "pdf",
            "--out",
            report.to_str().unwrap(),
        ],
        true,
        data,
    );
    let packet = env.path("out/packet.pdf");
    walk_run(
        &env,
        &["packet", "demo-p-0001", "--out", packet.to_str().unwrap()],
        true,
        data,
    );
    walk_run(
        &env,
        &["packet", "p-404", "--out", packet.to_str().unwrap()],
        false,
        data,
    );
}

#[test]
fn the_evidence_commands_speak_only_from_the_catalog() {
    let env = TestEnv::new();
    env.init();
    let text = "The agency shall review the vigil of March 3.\n";
    let note = env.write("in/note.txt", text);
    let note = note.to_str().unwrap();
    let broken = env.write("in/broken.pdf", "%PDF-1.7 this is not a PDF at all");
    let broken = broken.to_str().unwrap();
    // The file's own words and its name are data.
    let mut data: Vec<&str> = text.split_whitespace().collect();
    data.extend([
        "note.txt",
        "broken.pdf",
        "vigil",
        "vigils",
        "testimonio-ingest",
    ]);

    let ingested = env.json(&["ingest", "--json", note]);
    let id = ingested["files"][0]["id"].as_str().unwrap().to_owned();
    data.push(&id);
    walk_run(&env, &["ingest", note, broken], false, &data);
    walk_run(&env, &["ingest", "in/missing.pdf"], false, &data);
    walk_run(
        &env,
        &["ingest", "--foia", "2024-ICE-9", note],
        false,
        &data,
    );
    walk_run(&env, &["documents", "list"], true, &data);
    walk_run(&env, &["document", "show", &id], true, &data);
    walk_run(&env, &["document", "text", &id, "--page", "1"], true, &data);
    walk_run(
        &env,
        &["document", "text", &id, "--page", "9"],
        false,
        &data,
    );
    walk_run(&env, &["document", "show", "doc-404"], false, &data);
    walk_run(&env, &["search", "vigil"], true, &data);
    walk_run(&env, &["search", "\"vigil"], false, &data);
    walk_run(&env, &["reindex"], true, &data);
    walk_run(
        &env,
        &[
            "watchlist",
            "add",
            "vigils",
            "--query",
            "vigil",
            "--purpose",
            "Vigils near a facility",
        ],
        true,
        &["vigils", "vigil", "Vigils", "near", "a", "facility"],
    );
    walk_run(
        &env,
        &["watchlist", "list"],
        true,
        &["vigils", "vigil", "Vigils", "near", "a", "facility"],
    );
    walk_run(&env, &["watchlist", "run"], true, &["vigils"]);
    walk_run(&env, &["watchlist", "hits"], true, &data);
    walk_run(&env, &["watchlist", "dismiss", "999"], false, &data);
    walk_run(
        &env,
        &[
            "excerpt", "add", &id, "--page", "1", "--from", "0", "--to", "10",
        ],
        true,
        &data,
    );
    walk_run(&env, &["excerpt", "list"], true, &data);
}

#[test]
fn the_case_commands_speak_only_from_the_catalog() {
    let env = TestEnv::new();
    env.init();
    let records = env.write(
        "in/records.jsonl",
        concat!(
            r#"{"type":"person","id":"p-1","pseudonym":"Luz","consent":"internal"}"#,
            "\n",
            r#"{"type":"event","id":"e-1","event_type":"vigil","date":"2025-02-10","people":[{"id":"p-1","role":"organizer"}]}"#,
            "\n",
        ),
    );
    walk_run(&env, &["import", records.to_str().unwrap()], true, &[]);
    // The case's own words and the vocabulary's label are data.
    let data = ["Defensa", "Luz", "p-1", "e-1", "Vigilia", "case-1"];
    walk_run(&env, &["case", "list"], true, &data);
    let add = [
        "case",
        "add",
        "--id",
        "case-1",
        "--title",
        "Defensa",
        "--kind",
        "advocacy",
        "--person",
        "p-1",
        "--attorney",
        "Luz",
        "--opened",
        "2025-03",
    ];
    walk_run(&env, &add, true, &data);
    walk_run(&env, &add, false, &data);
    walk_run(
        &env,
        &[
            "case", "add", "--title", "Defensa", "--kind", "x", "--person", "p-1",
        ],
        false,
        &data,
    );
    walk_run(
        &env,
        &["case", "link", "case-1", "--event", "e-1"],
        true,
        &data,
    );
    walk_run(
        &env,
        &["case", "link", "case-1", "--event", "e-1"],
        true,
        &data,
    );
    walk_run(
        &env,
        &["case", "link", "case-1", "--testimony", "t-1"],
        false,
        &data,
    );
    walk_run(
        &env,
        &["case", "link", "case-404", "--event", "e-1"],
        false,
        &data,
    );
    walk_run(&env, &["case", "status", "case-1", "won"], true, &data);
    walk_run(&env, &["case", "status", "case-1", "maybe"], false, &data);
    walk_run(&env, &["case", "list"], true, &data);
    walk_run(&env, &["case", "show", "case-1"], true, &data);
    walk_run(
        &env,
        &["case", "unlink", "case-1", "--event", "e-1"],
        true,
        &data,
    );
    walk_run(
        &env,
        &["case", "unlink", "case-1", "--event", "e-1"],
        true,
        &data,
    );
    std::fs::create_dir_all(env.path("out")).unwrap();
    let out = env.path("out/case.html");
    walk_run(
        &env,
        &[
            "case",
            "packet",
            "case-1",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ],
        true,
        &data,
    );
}
