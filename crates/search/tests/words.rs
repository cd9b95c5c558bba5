//! Search people type, on the real corpus: word forms in English and
//! Spanish ("proceeding" finds the Second Circuit opinion's
//! "proceedings", "instigadora" a planted declaration's "instigadoras"),
//! `exact:` as written, and the Spanish operators.

use std::path::{Path, PathBuf};

use testimonio_ingest::{IngestOptions, ingest};
use testimonio_search::{SearchError, SearchIndex};
use testimonio_vault::{Actor, KdfParams, Passphrase, Vault};

const OPINION: &str = "foia/second-circuit-opinion-aclu-v-ice-2021.pdf";
const NOTE: &str =
    "Notas de la vigilia: la activista María José Peña Núñez habló frente a la oficina.\n";

struct Fixture {
    _dir: tempfile::TempDir,
    vault: Vault,
    index: SearchIndex,
    opinion: String,
}

/// The opinion, a Spanish note and the declaration below, ingested and
/// indexed.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::create(
        &dir.path().join("vault"),
        &Passphrase::new("search test passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        Actor::new("test:search").unwrap(),
    )
    .unwrap()
    .vault;
    let (note, declaration) = (
        dir.path().join("notas.txt"),
        dir.path().join("declaracion.txt"),
    );
    std::fs::write(&note, NOTE).unwrap();
    std::fs::write(&declaration, DECLARATION).unwrap();
    let opinion: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(OPINION);
    let summary = ingest(
        &vault,
        &[opinion, note, declaration],
        &IngestOptions::default(),
        &|_, _, _| {},
    )
    .unwrap();
    let opinion = match &summary.files[0].outcome {
        testimonio_ingest::FileOutcome::Stored { id, .. } => id.clone(),
        other => panic!("{other:?}"),
    };
    let mut index = SearchIndex::open(&vault).unwrap();
    assert_eq!(index.catch_up(&mut vault).unwrap().entries_written, 40 + 2);
    Fixture {
        _dir: dir,
        vault,
        index,
        opinion,
    }
}

/// A Spanish declaration, planted beside the corpus: the corpus has no
/// Spanish text.
const DECLARATION: &str = "Declaración de la testigo: los agentes llamaron instigadoras \
a las mujeres de la huelga de hambre y dijeron que eran las organizadoras.\n";

#[test]
fn word_forms_are_found_in_english_and_spanish_and_exact_stays_exact() {
    let f = fixture();
    let search = |q: &str| f.index.search(&f.vault, q, 0, 100).unwrap();
    let pages = |q: &str| -> Vec<(String, Option<u32>)> {
        let mut pages: Vec<_> = search(q).hits.into_iter().map(|h| (h.id, h.page)).collect();
        pages.sort();
        pages
    };

    // The opinion says "proceedings" (pages 6, 7, 9, 22 and 40), never
    // "proceeding": either form finds the same pages.
    let proceeding = pages("proceeding");
    for page in [6, 7, 9, 22, 40] {
        assert!(
            proceeding.contains(&(f.opinion.clone(), Some(page))),
            "page {page}: {proceeding:?}"
        );
    }
    assert_eq!(proceeding, pages("proceedings"));
    assert_eq!(proceeding, pages("Proceedings"));
    let marked = search("proceeding").hits[0].snippet.marked("[", "]");
    assert!(marked.to_lowercase().contains("[proceedings]"), "{marked}");
    // exact: is the word as written, no other form.
    assert_eq!(search("exact:proceeding").total, 0);
    assert!(search("exact:proceedings").total >= 4);
    assert_eq!(search("exact:\"proceeding\"").total, 0);

    // Spanish: the feminine plural from the singular, and the other way.
    let found = search("instigadora");
    assert_eq!(found.total, 1);
    let marked = found.hits[0].snippet.marked("[", "]");
    assert!(marked.contains("[instigadoras]"), "{marked}");
    assert_eq!(search("instigador").total, 1);
    assert_eq!(search("organizadora").total, 1);
    assert_eq!(search("exact:instigadora").total, 0);
    assert_eq!(search("\"huelgas de hambre\"").total, 1);
    assert_eq!(search("instigadora CERCA/2 agente").total, 1);
    // A phrase of the opinion in another form.
    let phrase = search("\"removal proceeding\"");
    assert_eq!(phrase.total, 1);
    assert_eq!(phrase.hits[0].id, f.opinion);
    let marked = phrase.hits[0].snippet.marked("[", "]");
    assert!(marked.contains("[removal] [proceedings]"), "{marked}");
}

#[test]
fn spanish_operators_work_like_the_english_ones() {
    let f = fixture();
    let total = |q: &str| f.index.search(&f.vault, q, 0, 10).unwrap().total;
    // The note says "vigilia", the declaration "huelga".
    assert_eq!(total("huelga O vigilia"), 2);
    assert_eq!(total("huelga OR vigilia"), 2);
    assert_eq!(total("huelga o vigilia"), 0, "lower case: words");
    assert_eq!(total("huelga Y hambre"), 1);
    assert_eq!(total("vigilia NO huelga"), 1);
    assert_eq!(total("(huelga O vigilia) NO hambre"), 1);
    assert_eq!(total("huelga CERCA/2 hambre"), 1);
    assert_eq!(total("hambre CERCA/2 huelga"), 1);
    match f.index.search(&f.vault, "huelga O", 0, 10) {
        Err(SearchError::Query(e)) => {
            assert_eq!(e.position, 7);
            assert!(
                e.message(testimonio_domain::Lang::Es)
                    .starts_with("en el carácter 8: O ")
            );
        }
        other => panic!("{other:?}"),
    }
}
