//! Reading document text from the command line is audited: `document
//! text` (every run: each is a new process), `search` (one entry per run,
//! the query's fingerprint and never its text), `excerpt list` and
//! `watchlist hits`.

use serde_json::Value;

use crate::TestEnv;

/// Audit entries after entry `after`, as (actor, action, object, detail).
fn entries_after(env: &TestEnv, after: u64) -> Vec<(String, String, String, String)> {
    let log = env.json(&["audit", "log", "--limit", "100000", "--json"]);
    log["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["seq"].as_u64().unwrap_or(0) > after)
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
            (s("actor"), s("action"), s("object"), s("detail"))
        })
        .collect()
}

fn head(env: &TestEnv) -> u64 {
    let log = env.json(&["audit", "log", "--limit", "1", "--json"]);
    log["entries"][0]["seq"].as_u64().expect("an entry")
}

#[test]
fn reading_text_and_searching_from_the_command_line_are_audited() {
    let env = TestEnv::new();
    env.init();
    let notes = env.write(
        "in/notes.txt",
        "Notes (fictional): the officer called Quetzalina Verumbre a vexillarian.\n",
    );
    let ingested: Value = env.json(&["ingest", "--json", notes.to_str().unwrap()]);
    let document = ingested["files"][0]["id"].as_str().unwrap().to_owned();
    let object = format!("document:{document}");

    let before = head(&env);
    let text = env.ok(&["document", "text", &document, "--page", "1"]);
    assert!(text.contains("Quetzalina Verumbre"));
    env.ok(&["document", "text", &document, "--page", "1"]);
    let reads: Vec<_> = entries_after(&env, before)
        .into_iter()
        .filter(|(_, action, _, _)| action == "document_read")
        .collect();
    assert_eq!(reads.len(), 2, "one per run: {reads:?}");
    assert!(reads.iter().all(|(_, _, o, d)| *o == object && d == "text"));
    // A page that does not exist reads nothing.
    let before = head(&env);
    assert!(
        !env.run(&["document", "text", &document, "--page", "9"])
            .status
            .success()
    );
    assert!(
        entries_after(&env, before)
            .iter()
            .all(|(_, a, _, _)| a != "document_read")
    );

    let before = head(&env);
    let found = env.json(&["search", "\"Quetzalina Verumbre\"", "--json"]);
    assert_eq!(found["total"], 1, "{found}");
    let searches: Vec<_> = entries_after(&env, before)
        .into_iter()
        .filter(|(_, action, _, _)| action == "search")
        .collect();
    assert_eq!(searches.len(), 1, "{searches:?}");
    let detail = &searches[0].3;
    assert!(
        detail.contains("results=1") && detail.contains(&format!("documents={document}")),
        "{detail}"
    );
    assert!(!detail.contains("Quetzalina"), "{detail}");
    // Whoever holds the vault can tell which query it was.
    let fingerprint = env.ok(&["audit", "fingerprint", "\"Quetzalina Verumbre\""]);
    assert!(
        detail.starts_with(&format!("query={} ", fingerprint.trim())),
        "{detail}"
    );

    // Excerpt quotes and watchlist snippets are document text too.
    env.ok(&[
        "excerpt", "add", &document, "--page", "1", "--from", "38", "--to", "57",
    ]);
    let before = head(&env);
    let listed = env.json(&["excerpt", "list", "--json"]);
    assert_eq!(listed["excerpts"][0]["quote"], "Quetzalina Verumbre");
    assert!(
        entries_after(&env, before)
            .iter()
            .any(|(_, a, o, d)| a == "document_read" && *o == object && d == "text")
    );
    env.ok(&[
        "watchlist",
        "add",
        "labels",
        "--query",
        "vexillarian",
        "--purpose",
        "labels",
    ]);
    let before = head(&env);
    let hits = env.json(&["watchlist", "hits", "--json"]);
    assert_eq!(hits["hits"].as_array().map(Vec::len), Some(1), "{hits}");
    let views: Vec<_> = entries_after(&env, before)
        .into_iter()
        .filter(|(_, action, _, _)| action == "search")
        .collect();
    assert_eq!(views.len(), 1, "{views:?}");
    assert_eq!(views[0].2, "watchlist_hits");
    assert_eq!(views[0].3, format!("hits=1 documents={document} events="));
}
