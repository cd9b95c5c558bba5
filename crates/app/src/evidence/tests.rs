//! The evidence use cases on a real temporary vault: plain-text files
//! (read without external tools), a missing path, searches, a watchlist
//! and its hit accepted as an excerpt.

use std::path::PathBuf;
use std::time::Duration;

use testimonio_domain::{Lang, Role};
use testimonio_i18n::format;
use testimonio_ingest::{FileOutcome, IngestOptions, IoProblem, Unreadable};
use testimonio_vault::{DocumentFilter, KdfParams, Passphrase, Vault};

use super::*;
use crate::{Actor, AppError, RecordKind};

struct Fixture {
    dir: tempfile::TempDir,
    vault: Vault,
}

fn operator() -> Actor {
    Actor::Operator { name: "Ana".into() }
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        &dir.path().join("vault"),
        &Passphrase::new("evidence test passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        testimonio_vault::Actor::new("test:evidence").unwrap(),
    )
    .unwrap()
    .vault;
    Fixture { dir, vault }
}

impl Fixture {
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn ingest(&mut self, paths: &[PathBuf]) -> ingest::IngestRun {
        ingest::ingest(
            &mut self.vault,
            &operator(),
            paths,
            &IngestOptions::default(),
            &|_, _, _| {},
        )
        .unwrap()
    }
}

fn stored_id(outcome: &FileOutcome) -> String {
    match outcome {
        FileOutcome::Stored { id, .. } => id.clone(),
        FileOutcome::Unreadable { reason } => panic!("{reason}"),
    }
}

#[test]
fn one_bad_file_never_stops_a_batch_and_each_file_has_its_outcome() {
    let mut f = fixture();
    let note = f.file(
        "vigil.txt",
        "The agent called the organizer an instigator.\n",
    );
    let missing = f.dir.path().join("gone.txt");
    let run = f.ingest(&[missing.clone(), note]);
    assert_eq!(run.summary.files.len(), 2);
    let gone = run
        .summary
        .files
        .iter()
        .find(|r| r.path == missing)
        .unwrap();
    assert!(matches!(
        gone.outcome,
        FileOutcome::Unreadable {
            reason: Unreadable::CannotRead(IoProblem::Missing)
        }
    ));
    let totals = run.totals();
    assert_eq!((totals.files, totals.ok, totals.failed), (2, 1, 1));
    assert_eq!(run.not_ok(), 1);
    assert!(run.watchlists.as_ref().unwrap().is_empty());

    // Shown per language from the catalog.
    let reason = Unreadable::CannotRead(IoProblem::Missing);
    assert_eq!(reason.message(Lang::Es), "no se puede leer: no existe");
    // Durations in the user's language.
    assert_eq!(
        format::duration(Lang::Es, Duration::from_millis(12_600)),
        "12,6 s"
    );
    assert_eq!(
        format::duration(Lang::En, Duration::from_millis(12_600)),
        "12.6 s"
    );
}

#[test]
fn an_unknown_foia_request_and_a_reading_role_are_refused_before_anything_is_read() {
    let mut f = fixture();
    let note = f.file("a.txt", "text\n");
    let options = IngestOptions {
        foia: Some("2024-ICE-404".into()),
        ..IngestOptions::default()
    };
    let err = ingest::ingest(
        &mut f.vault,
        &operator(),
        std::slice::from_ref(&note),
        &options,
        &|_, _, _| {},
    )
    .unwrap_err();
    assert!(matches!(
        err,
        AppError::UnknownReference {
            kind: RecordKind::FoiaRequest,
            ..
        }
    ));
    assert_eq!(
        err.message(Lang::Es),
        "foia: no existe ninguna solicitud FOIA 2024-ICE-404"
    );
    let viewer = Actor::Account {
        username: "vera".into(),
        role: Role::Viewer,
    };
    let err = ingest::ingest(
        &mut f.vault,
        &viewer,
        &[note],
        &IngestOptions::default(),
        &|_, _, _| {},
    )
    .unwrap_err();
    assert!(matches!(err, AppError::Forbidden));
    assert_eq!(
        f.vault.count_documents(&DocumentFilter::default()).unwrap(),
        0
    );
}

#[test]
fn documents_are_listed_by_page_and_shown_with_custody() {
    let mut f = fixture();
    let paths: Vec<PathBuf> = (0..3)
        .map(|i| f.file(&format!("n{i}.txt"), &format!("note number {i}\n")))
        .collect();
    let run = f.ingest(&paths);
    let first = stored_id(&run.summary.files[0].outcome);

    let list = documents::list(
        &mut f.vault,
        &operator(),
        &DocumentFilter::default(),
        9,
        Some(2),
    )
    .unwrap();
    assert_eq!((list.total, list.page, list.pages), (3, 2, 2));
    assert_eq!(list.documents.len(), 1);
    let all = documents::list(
        &mut f.vault,
        &operator(),
        &DocumentFilter::default(),
        1,
        None,
    )
    .unwrap();
    assert_eq!(all.documents.len(), 3);

    let view = documents::show(&mut f.vault, &operator(), &first).unwrap();
    assert_eq!(view.pages.len(), 1);
    assert!(!view.custody.is_empty());
    let (_, page) = documents::page_text(&mut f.vault, &operator(), &first, 1).unwrap();
    assert!(page.text.contains("note number"));
    let err = documents::page_text(&mut f.vault, &operator(), &first, 9).unwrap_err();
    assert!(matches!(
        err,
        AppError::NotFound {
            kind: RecordKind::Page,
            ..
        }
    ));
    assert!(matches!(
        documents::show(&mut f.vault, &operator(), "doc-nope").unwrap_err(),
        AppError::NotFound { .. }
    ));
}

#[test]
fn searches_are_audited_and_malformed_queries_say_where_in_spanish() {
    let mut f = fixture();
    f.ingest(&[f.file("v.txt", "El agente llamó instigadora a la organizadora.\n")]);
    let index = search::open_index(&mut f.vault).unwrap();
    let found = search::search(&mut f.vault, &index, &operator(), "instigadora", 0, 10).unwrap();
    assert_eq!(found.total, 1);
    let entry = f.vault.audit_tail(1).unwrap().pop().unwrap();
    assert_eq!(entry.action, "search");
    assert_eq!(entry.actor, "cli:Ana");
    assert!(!entry.detail.contains("instigadora"), "{}", entry.detail);

    let err = search::search(&mut f.vault, &index, &operator(), "(protesta", 0, 10).unwrap_err();
    assert!(matches!(err, SearchFailure::Query(_)));
    assert_eq!(
        err.message(Lang::Es),
        "en el carácter 1: falta cerrar un paréntesis"
    );
}

#[test]
fn a_watchlist_hit_is_reviewed_and_its_excerpt_knows_where_it_came_from() {
    let mut f = fixture();
    let analyst = Actor::Account {
        username: "ann".into(),
        role: Role::Analyst,
    };
    let err = watchlists::add(&mut f.vault, &operator(), "Bad", "a OR", "p").unwrap_err();
    assert!(matches!(err, SearchFailure::Query(_)));
    assert!(err.message(Lang::En).starts_with("at character"));
    assert!(matches!(
        watchlists::add(&mut f.vault, &analyst, "Words", "instigator", "why").unwrap_err(),
        SearchFailure::App(AppError::Forbidden)
    ));
    watchlists::add(
        &mut f.vault,
        &operator(),
        "Words",
        "instigator",
        "the agency's words",
    )
    .unwrap();
    let run = f.ingest(&[f.file("m.txt", "First. He called her an instigator. Last.\n")]);
    let runs = run.watchlists.unwrap();
    assert_eq!(runs[0].new_hits, 1);

    let hits = watchlists::hits(&mut f.vault, &operator(), None, false, 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(f.vault.audit_tail(1).unwrap()[0].object, "watchlist_hits");
    let excerpt = watchlists::accept(
        &mut f.vault,
        &operator(),
        hits[0].id,
        watchlists::Links::default(),
    )
    .unwrap();
    assert_eq!(excerpt.quote, "He called her an instigator.");
    assert_eq!(excerpt.note, None);
    assert_eq!(
        ExcerptOrigin::of(&excerpt),
        ExcerptOrigin::Watchlist("Words")
    );
    assert!(matches!(
        watchlists::dismiss(&mut f.vault, &operator(), hits[0].id).unwrap_err(),
        AppError::Conflict(_)
    ));

    assert!(matches!(
        watchlists::dismiss(&mut f.vault, &operator(), 999_999).unwrap_err(),
        AppError::NotFound {
            kind: RecordKind::WatchlistHit,
            ..
        }
    ));

    let listed = excerpts::list(&mut f.vault, &operator(), &Default::default()).unwrap();
    assert_eq!(listed, vec![excerpt]);
    assert!(matches!(
        excerpts::list(&mut f.vault, &analyst, &Default::default()).unwrap_err(),
        AppError::Forbidden
    ));
}
