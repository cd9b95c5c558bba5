//! Watchlists re-run after every ingest and queue new hits; accepted hits
//! become excerpts with page citations, linked to events and people.

use crate::ingest::corpus;
use crate::{TestEnv, stderr};

const RECORDS: &str = concat!(
    r#"{"type":"group","id":"g-1","name":"Vigil group (test)","state":"CA"}"#,
    "\n",
    r#"{"type":"person","id":"p-1","pseudonym":"Rosa","groups":["g-1"],"consent":"internal"}"#,
    "\n",
    r#"{"type":"event","id":"e-1","event_type":"press_interview","date":"2025-06","state":"CA","people":[{"id":"p-1","role":"spokesperson"}]}"#,
    "\n",
);

#[test]
fn watchlist_hits_are_reviewed_into_excerpts() {
    let env = TestEnv::new();
    env.init();
    let records = env.write("in/records.jsonl", RECORDS);
    env.ok(&["import", records.to_str().unwrap()]);
    let letter = corpus("foia/ice-fourth-interim-release-letter-2025-scanned.pdf");
    env.ok(&["ingest", letter.to_str().unwrap()]);

    let bad = env.run(&[
        "watchlist",
        "add",
        "broken",
        "--query",
        "privacy AND",
        "--purpose",
        "x",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("--query: at character"),
        "{}",
        stderr(&bad)
    );

    let added = env.json(&[
        "watchlist",
        "add",
        "privacy exemptions",
        "--query",
        "privacy",
        "--purpose",
        "How ICE justifies withholding names",
        "--json",
    ]);
    assert_eq!(
        added["runs"][0]["new_hits"], 2,
        "both pages of the letter: {added}"
    );
    let listed = env.json(&["watchlist", "list", "--json"]);
    assert_eq!(listed["watchlists"][0]["pending"], 2);
    assert_eq!(
        env.json(&["watchlist", "run", "--json"])["runs"][0]["new_hits"],
        0,
        "seen hits are not queued twice"
    );

    let hits = env.json(&["watchlist", "hits", "--json"]);
    let hits = hits["hits"].as_array().unwrap();
    let page2 = hits.iter().find(|h| h["page"] == 2).unwrap();
    assert!(
        page2["snippet"].as_str().unwrap().contains("«privacy»"),
        "{page2}"
    );
    let accepted = env.json(&[
        "watchlist",
        "accept",
        &page2["id"].to_string(),
        "--tag",
        "animus",
        "--event",
        "e-1",
        "--person",
        "p-1",
        "--json",
    ]);
    let excerpt = &accepted["excerpt"];
    let quote = excerpt["quote"].as_str().unwrap();
    assert!(
        quote.contains("privacy") && quote.ends_with('.'),
        "the sentence around the match: {excerpt}"
    );
    assert_eq!(excerpt["page"], 2);
    assert_eq!(excerpt["tags"][0], "animus");
    assert_eq!(excerpt["document_sha256"].as_str().unwrap().len(), 64);
    let again = env.run(&["watchlist", "accept", &page2["id"].to_string()]);
    assert_eq!(again.status.code(), Some(1), "a hit is reviewed once");
    let page1 = hits.iter().find(|h| h["page"] == 1).unwrap();
    env.ok(&["watchlist", "dismiss", &page1["id"].to_string()]);
    assert_eq!(
        env.json(&["watchlist", "hits", "--json"])["hits"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    let for_event = env.json(&["excerpt", "list", "--event", "e-1", "--json"]);
    assert_eq!(for_event["excerpts"].as_array().unwrap().len(), 1);
    let for_person = env.json(&[
        "excerpt", "list", "--person", "p-1", "--tag", "animus", "--json",
    ]);
    assert_eq!(for_person["excerpts"][0]["id"], excerpt["id"]);

    // A new ingest re-runs the watchlist and reports what it queued.
    let opinion = corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf");
    let out = env.run(&["ingest", opinion.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("privacy exemptions:"),
        "{}",
        stderr(&out)
    );
    assert!(
        !env.json(&["watchlist", "hits", "--json"])["hits"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // A hand-made excerpt, and the errors.
    let document = excerpt["document"].as_str().unwrap();
    let made = env.json(&[
        "excerpt",
        "add",
        document,
        "--page",
        "1",
        "--from",
        "0",
        "--to",
        "42",
        "--tag",
        "surveillance",
        "--json",
    ]);
    assert_eq!(
        made["excerpt"]["quote"].as_str().unwrap().chars().count(),
        42
    );
    let out = env.run(&[
        "excerpt", "add", document, "--page", "1", "--from", "10", "--to", "999999",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a passage"), "{}", stderr(&out));
    let out = env.run(&[
        "excerpt", "add", document, "--page", "1", "--from", "0", "--to", "5", "--event", "e-404",
    ]);
    assert!(stderr(&out).contains("e-404"), "{}", stderr(&out));
    let out = env.run(&[
        "excerpt", "add", document, "--page", "1", "--from", "0", "--to", "5", "--tag", "Bad Tag",
    ]);
    assert!(stderr(&out).contains("--tag"), "{}", stderr(&out));
    env.ok(&["check"]);
}

/// `a `, 600 dashes, `b`: the query that used to overflow the stack.
fn hostile() -> String {
    format!("a {}b", "-".repeat(600))
}

#[test]
fn queries_past_the_bounds_are_refused_and_a_stored_one_is_skipped() {
    let env = TestEnv::new();
    env.init();
    let note = env.write(
        "in/vigil.txt",
        "Notes from the vigil in front of the field office (fictional).\n",
    );
    env.ok(&["ingest", note.to_str().unwrap()]);

    let search = env.run(&["search", &hostile()]);
    assert_eq!(search.status.code(), Some(1));
    assert!(
        stderr(&search).contains("at character 67: the query nests too deeply"),
        "{}",
        stderr(&search)
    );
    let search = env.run(&["--lang", "es", "search", &hostile()]);
    assert!(
        stderr(&search).contains("en el carácter 67: la consulta anida demasiados niveles"),
        "{}",
        stderr(&search)
    );
    let add = env.run(&[
        "watchlist",
        "add",
        "hostile",
        "--query",
        &hostile(),
        "--purpose",
        "x",
    ]);
    assert_eq!(add.status.code(), Some(1));
    assert!(
        stderr(&add).contains("--query: at character 67"),
        "{}",
        stderr(&add)
    );

    // Saved as an older version could have saved it: through the vault,
    // which does not read queries.
    {
        use testimonio_vault::{Actor, Passphrase, Unlock, Vault};
        let passphrase = Passphrase::new(crate::PASSPHRASE.to_owned()).unwrap();
        let mut vault = Vault::open(
            &env.vault(),
            Unlock::Passphrase(&passphrase),
            Actor::new("test:older-version").unwrap(),
        )
        .unwrap();
        vault
            .add_watchlist("Hostile", &hostile(), "saved before queries were bounded")
            .unwrap();
    }
    let added = env.run(&[
        "watchlist",
        "add",
        "Vigils",
        "--query",
        "vigil",
        "--purpose",
        "Vigils at the field office",
        "--json",
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(
        stderr(&added)
            .contains("watchlist Hostile: not run, at character 67: the query nests too deeply"),
        "{}",
        stderr(&added)
    );
    let runs: serde_json::Value = serde_json::from_slice(&added.stdout).unwrap();
    let runs = runs["runs"].as_array().unwrap();
    let run = |name: &str| runs.iter().find(|r| r["name"] == name).unwrap();
    assert!(
        run("Hostile")["error"]
            .as_str()
            .unwrap()
            .starts_with("at character 67"),
        "{runs:?}"
    );
    assert_eq!(run("Vigils")["error"], serde_json::Value::Null);
    assert_eq!(run("Vigils")["new_hits"], 1);

    let again = env.run(&["--lang", "es", "watchlist", "run"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stderr(&again).contains(
            "lista de seguimiento Hostile: no se ejecutó, en el carácter 67: la consulta anida demasiados niveles"
        ),
        "{}",
        stderr(&again)
    );
}
