//! `date:` and the year facet follow the document's own date (issue 15,
//! item 4): the Second Circuit opinion of the corpus is filed under 2023,
//! the year it was decided, not the year it was ingested; a filing whose
//! only date is the court's stamp is filed under that stamp's year; a note
//! with no date of its own under the day it was added.

use std::path::{Path, PathBuf};

use chrono::Datelike;
use testimonio_ingest::{FileOutcome, IngestOptions, ingest};
use testimonio_search::SearchIndex;
use testimonio_vault::{Actor, KdfParams, Passphrase, Vault};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

const OPINION: &str = "foia/second-circuit-opinion-aclu-v-ice-2021.pdf";
const FILING: &str = "Case 1:21-cv-01234 Document 52 Filed 03/04/21 Page 1 of 15\n\nORDER granting the motion to compel the detention records.\n";
const NOTE: &str = "Notes from the vigil outside the detention center.\n";

#[test]
fn date_filters_and_the_year_facet_use_the_documents_own_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::create(
        &dir.path().join("vault"),
        &Passphrase::new("search dates passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        Actor::new("test:search").unwrap(),
    )
    .unwrap()
    .vault;
    let (filing, note) = (dir.path().join("order.txt"), dir.path().join("notes.txt"));
    std::fs::write(&filing, FILING).unwrap();
    std::fs::write(&note, NOTE).unwrap();
    let summary = ingest(
        &vault,
        &[corpus(OPINION), filing, note],
        &IngestOptions::default(),
        &|_, _, _| {},
    )
    .unwrap();
    let ids: Vec<String> = summary
        .files
        .iter()
        .map(|f| match &f.outcome {
            FileOutcome::Stored { id, .. } => id.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    let (opinion, filing, note) = (&ids[0], &ids[1], &ids[2]);
    let mut index = SearchIndex::open(&vault).unwrap();
    index.catch_up(&mut vault).unwrap();
    let docs = |q: &str| {
        let mut found: Vec<String> = index
            .search(&vault, q, 0, 100)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        found.dedup();
        found
    };

    assert_eq!(docs("detention date:2023"), [opinion.as_str()]);
    assert_eq!(docs("detention date:2021"), [filing.as_str()]);
    assert_eq!(docs("detention date:2021-03-04"), [filing.as_str()]);
    let this_year = chrono::Utc::now().year();
    assert_eq!(
        docs(&format!("detention date:{this_year}")),
        [note.as_str()]
    );
    assert!(!docs("detention date:2026..").contains(opinion));

    // The year facet counts the opinion's pages under 2023.
    let facets = index.search(&vault, "detention", 0, 1).unwrap().facets;
    assert!(
        facets.year.get(&2023).copied().unwrap_or(0) >= 1,
        "{facets:?}"
    );
    assert_eq!(facets.year.get(&2021).copied(), Some(1), "{facets:?}");
}
