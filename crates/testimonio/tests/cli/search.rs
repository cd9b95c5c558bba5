//! `testimonio search` and `reindex`: results cite pages, malformed
//! queries are explained, a killed index rebuild is finished by the next
//! search.

use std::fs;
use std::thread::sleep;
use std::time::Duration;

use crate::ingest::corpus;
use crate::{TestEnv, stderr};

#[test]
fn search_cites_pages_and_explains_malformed_queries() {
    let env = TestEnv::new();
    env.init();
    let opinion = corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf");
    env.ok(&[
        "ingest",
        "--source-kind",
        "court_record",
        opinion.to_str().unwrap(),
    ]);
    let results = env.json(&["search", "\"AUGUST TERM 2021\"", "--json"]);
    assert_eq!(results["total"], 1, "{results}");
    assert_eq!(results["hits"][0]["page"], 1);
    assert_eq!(results["facets"]["source"]["court_record"], 1);
    let fragments = results["hits"][0]["snippet"]["fragments"]
        .as_array()
        .unwrap();
    assert!(
        fragments
            .iter()
            .any(|f| f["highlighted"] == true && f["text"] == "AUGUST")
    );

    let text = env.ok(&["search", "immigration AND customs", "--limit", "2"]);
    assert!(text.contains("page") && text.contains("«"), "{text}");
    // Each result shows its document's own date and where it was read.
    assert!(
        text.contains("26 January 2023 (from the date line on the first page)"),
        "{text}"
    );
    let text = env.ok(&["--lang", "es", "search", "immigration", "--limit", "1"]);
    assert!(
        text.contains("26 de enero de 2023 (según la línea de fecha de la primera página)"),
        "{text}"
    );

    let out = env.run(&["search", "privacy AND ("]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("at character 13: a parenthesis is not closed"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["--lang", "es", "search", "colour:red"]);
    assert!(
        stderr(&out).contains("filtro desconocido"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn kill_9_during_reindex_then_search_is_complete() {
    let env = TestEnv::new();
    env.init();
    let folder = env.path("in/opinions");
    fs::create_dir_all(&folder).unwrap();
    let bytes = fs::read(corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf")).unwrap();
    let copies = 12;
    for i in 0..copies {
        let mut copy = bytes.clone();
        copy.extend_from_slice(format!("\n% copy {i}\n").as_bytes());
        fs::write(folder.join(format!("opinion-{i}.pdf")), copy).unwrap();
    }
    env.ok(&["ingest", folder.to_str().unwrap()]);
    let expected = env.json(&["search", "\"AUGUST TERM 2021\"", "--json"])["total"].clone();
    assert_eq!(expected, copies);

    // Kill each rebuild as soon as it has started (its marker file is
    // written before the old index is cleared), at growing delays after that.
    let marker = env.vault().join("index/rebuilding");
    let mut interrupted = 0;
    for delay_ms in [0u64, 20, 60] {
        let mut child = env.command(&["reindex"]).spawn().unwrap();
        while !marker.exists() && child.try_wait().unwrap().is_none() {
            sleep(Duration::from_millis(1));
        }
        sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let after = env.json(&["search", "\"AUGUST TERM 2021\"", "--json"]);
        assert_eq!(
            after["total"], copies,
            "after a kill {delay_ms} ms into a rebuild: {after}"
        );
        let pages = env.json(&["search", "kind:page", "--json", "--limit", "1"]);
        assert_eq!(
            pages["total"],
            copies * 40,
            "after a kill {delay_ms} ms into a rebuild"
        );
        assert!(!marker.exists(), "the next search finished the rebuild");
    }
    assert!(interrupted >= 2, "reindex finished before most kills");
    env.ok(&["check"]);
}
