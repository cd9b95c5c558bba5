//! Search on the real corpus: page-cited phrases in the Second Circuit
//! opinion, a fuzzy query that finds an OCR-garbled word in the scanned
//! ICE letter, accent-insensitive names, filters, facets, stable paging,
//! and sealed index files (word forms and Spanish operators: `words.rs`).

use std::path::{Path, PathBuf};

use testimonio_ingest::{IngestOptions, ingest};
use testimonio_search::{SearchError, SearchIndex};
use testimonio_vault::{Actor, KdfParams, Passphrase, Vault};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

const OPINION: &str = "foia/second-circuit-opinion-aclu-v-ice-2021.pdf";
const LETTER: &str = "foia/ice-fourth-interim-release-letter-2025-scanned.pdf";
const NOTE: &str =
    "Notas de la vigilia: la activista María José Peña Núñez habló frente a la oficina.\n";

struct Fixture {
    _dir: tempfile::TempDir,
    vault: Vault,
    index: SearchIndex,
    opinion: String,
    letter: String,
}

/// A new, empty vault in `dir`.
fn new_vault(dir: &std::path::Path) -> Vault {
    Vault::create(
        &dir.join("vault"),
        &Passphrase::new("search test passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        Actor::new("test:search").unwrap(),
    )
    .unwrap()
    .vault
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = new_vault(dir.path());
    let note = dir.path().join("notas.txt");
    std::fs::write(&note, NOTE).unwrap();
    let summary = ingest(
        &vault,
        &[corpus(OPINION), corpus(LETTER), note],
        &IngestOptions::default(),
        &|_, _, _| {},
    )
    .unwrap();
    let id = |i: usize| match &summary.files[i].outcome {
        testimonio_ingest::FileOutcome::Stored { id, .. } => id.clone(),
        other => panic!("{other:?}"),
    };
    let (opinion, letter) = (id(0), id(1));
    let mut index = SearchIndex::open(&vault).unwrap();
    let done = index.catch_up(&mut vault).unwrap();
    assert_eq!(done.entries_written, 40 + 2 + 1, "{done:?}");
    Fixture {
        _dir: dir,
        vault,
        index,
        opinion,
        letter,
    }
}

#[test]
fn the_corpus_is_searchable_with_page_citations() {
    let f = fixture();
    let search = |q: &str| f.index.search(&f.vault, q, 0, 20).unwrap();

    // A phrase from the middle of page 7 comes back as page 7.
    let page7 = f.vault.document_page(&f.opinion, 7).unwrap().unwrap().text;
    let words: Vec<&str> = page7.split_whitespace().collect();
    let middle = (words.len() / 2..words.len())
        .find(|&i| words[i].chars().all(char::is_alphabetic))
        .unwrap();
    let phrase = words[middle..middle + 6].join(" ");
    let results = search(&format!("\"{phrase}\""));
    assert!(results.total >= 1, "{phrase}");
    assert_eq!(
        (results.hits[0].id.as_str(), results.hits[0].page),
        (f.opinion.as_str(), Some(7)),
        "{phrase}"
    );
    let marked = results.hits[0].snippet.marked("[", "]");
    assert!(marked.contains(&format!("[{}]", words[middle])), "{marked}");

    let first = search("\"AUGUST TERM 2021\"");
    assert_eq!(first.hits[0].page, Some(1));

    // OCR read the firm's domain "lchb.com" as "Ichb.com": the exact word
    // finds nothing, one edit finds the garbled one on page 1.
    assert_eq!(search("lchb").total, 0);
    let fuzzy = search("lchb~1");
    assert_eq!(
        (fuzzy.hits[0].id.as_str(), fuzzy.hits[0].page),
        (f.letter.as_str(), Some(1))
    );
    assert!(fuzzy.hits[0].snippet.marked("[", "]").contains("[Ichb]"));

    // Case and accents are ignored by default, kept in exact mode.
    assert_eq!(search("maria jose PENA nunez").total, 1);
    assert_eq!(search("\"Maria Jose Pena\"").total, 1);
    assert_eq!(search("exact:\"María José Peña\"").total, 1);
    assert_eq!(search("exact:\"Maria Jose Pena\"").total, 0);
    let marked = search("pena").hits[0].snippet.marked("[", "]");
    assert!(marked.contains("[Peña]"), "{marked}");

    // Boolean, prefix, proximity, filters and facets.
    assert!(search("exemption AND privacy").total >= 1);
    let both = search("\"unwarranted invasion\"");
    assert!(
        both.hits.iter().any(|h| h.id == f.opinion) && both.hits.iter().any(|h| h.id == f.letter)
    );
    let not_opinion = search(&format!("\"unwarranted invasion\" NOT doc:{}", f.opinion));
    assert!(not_opinion.total >= 1 && not_opinion.hits.iter().all(|h| h.id == f.letter));
    assert!(search("exempt*").total >= 1);
    assert!(search("\"unwarranted privacy\"~3").total >= 1);
    assert!(search("privacy NEAR/3 unwarranted").total >= 1);
    let in_letter = search(&format!("privacy doc:{}", f.letter));
    assert!(in_letter.total >= 1 && in_letter.hits.iter().all(|h| h.id == f.letter));
    let facets = search("immigration").facets;
    assert!(
        facets.kind.get("page").copied().unwrap_or(0) >= 2,
        "{facets:?}"
    );
    assert!(!facets.year.is_empty());
}

#[test]
fn paging_is_stable_and_uncapped() {
    let f = fixture();
    let all = f.index.search(&f.vault, "the", 0, 1000).unwrap();
    assert!(all.total >= 40);
    let mut paged = Vec::new();
    let mut offset = 0;
    while offset < all.total as usize {
        let page = f.index.search(&f.vault, "the", offset, 7).unwrap();
        assert_eq!(page.total, all.total);
        paged.extend(page.hits.into_iter().map(|h| (h.id, h.page)));
        offset += 7;
    }
    let whole: Vec<_> = all.hits.into_iter().map(|h| (h.id, h.page)).collect();
    assert_eq!(paged, whole);
}

#[test]
fn excluding_a_phrase_whose_words_occur_apart_keeps_the_page() {
    // Words of the note: "Notas de la vigilia ... frente a la oficina."
    let f = fixture();
    let kept = f
        .index
        .search(&f.vault, "notas -\"oficina notas\"", 0, 10)
        .unwrap();
    assert_eq!(kept.total, 1);
    let dropped = f
        .index
        .search(&f.vault, "notas -\"notas de la vigilia\"", 0, 10)
        .unwrap();
    assert_eq!(dropped.total, 0);
}

#[test]
fn malformed_queries_are_the_users_to_fix() {
    let f = fixture();
    match f.index.search(&f.vault, "protest AND (", 0, 10) {
        Err(SearchError::Query(e)) => assert!(e.to_string().starts_with("at character")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn index_files_are_sealed_and_survive_reopening() {
    let mut f = fixture();
    let dir = testimonio_search::index_dir(f.vault.dir());
    let mode = |path: &std::path::Path| {
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(path).unwrap().permissions())
            & 0o777
    };
    // Private like the rest of the vault, whatever the umask.
    assert_eq!(mode(&dir), 0o700);
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
        let bytes = std::fs::read(&path).unwrap();
        files += 1;
        for needle in [
            &b"AUGUST"[..],
            b"august",
            b"dermody",
            b"Dermody",
            b"Pe\xc3\xb1a",
            b"vigilia",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "plaintext in the index"
            );
        }
    }
    assert!(files >= 3);
    drop(f.index);
    let mut reopened = SearchIndex::open(&f.vault).unwrap();
    assert_eq!(reopened.catch_up(&mut f.vault).unwrap().changes, 0);
    assert_eq!(reopened.search(&f.vault, "dermody", 0, 5).unwrap().total, 1);
    let (rebuilt, done) = SearchIndex::rebuild(&mut f.vault).unwrap();
    assert_eq!(done.entries_written, 43);
    assert_eq!(rebuilt.search(&f.vault, "dermody", 0, 5).unwrap().total, 1);
}

#[test]
fn a_stale_copy_reloads_before_writing_and_never_undoes_another_commit() {
    let mut f = fixture();
    let mut other = SearchIndex::open(&f.vault).unwrap();
    let add = |vault: &mut Vault, dir: &Path, name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        ingest(vault, &[path], &IngestOptions::default(), &|_, _, _| {}).unwrap();
    };
    let dir = tempfile::tempdir().unwrap();
    add(
        &mut f.vault,
        dir.path(),
        "one.txt",
        "Zorblat first marker.\n",
    );
    // Another copy (another process, in real use) commits first…
    assert_eq!(other.catch_up(&mut f.vault).unwrap().entries_written, 1);
    add(
        &mut f.vault,
        dir.path(),
        "two.txt",
        "Quuxifer second marker.\n",
    );
    // …then the stale copy catches up: it must reload, not overwrite.
    f.index.catch_up(&mut f.vault).unwrap();
    assert_eq!(f.index.search(&f.vault, "zorblat", 0, 5).unwrap().total, 1);
    assert_eq!(f.index.search(&f.vault, "quuxifer", 0, 5).unwrap().total, 1);
    assert!(other.reload_if_changed().unwrap());
    assert_eq!(
        other
            .search(&f.vault, "quuxifer OR zorblat", 0, 5)
            .unwrap()
            .total,
        2
    );
}

#[test]
fn fuzzy_and_prefix_matches_rank_the_exact_spelling_first() {
    let mut f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, text) in [
        ("a.txt", "Dermady was mentioned.\n"),
        ("b.txt", "Dermody appears here, Dermody again.\n"),
        ("c.txt", "Dermodys in plural.\n"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    ingest(&f.vault, &paths, &IngestOptions::default(), &|_, _, _| {}).unwrap();
    f.index.catch_up(&mut f.vault).unwrap();
    let fuzzy = f.index.search(&f.vault, "dermody~1", 0, 10).unwrap();
    assert!(fuzzy.total >= 4, "the letter, a, b and c: {}", fuzzy.total);
    let top = f.vault.document(&fuzzy.hits[0].id).unwrap();
    assert!(
        fuzzy.hits[0].snippet.marked("[", "]").contains("[Dermody]"),
        "the exact spelling ranks first, not {:?}",
        top.file_name
    );
    let prefix = f.index.search(&f.vault, "dermody*", 0, 10).unwrap();
    assert!(prefix.total >= 3, "Dermody and Dermodys");
    assert!(
        prefix.hits[0]
            .snippet
            .marked("[", "]")
            .contains("[Dermody]")
    );
}

/// A vault with one short note ingested and its index: enough for the
/// index to build scorers, without reading the corpus.
fn small_fixture() -> (tempfile::TempDir, Vault, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = new_vault(dir.path());
    let note = dir.path().join("notas.txt");
    std::fs::write(&note, NOTE).unwrap();
    ingest(&vault, &[note], &IngestOptions::default(), &|_, _, _| {}).unwrap();
    let mut index = SearchIndex::open(&vault).unwrap();
    index.catch_up(&mut vault).unwrap();
    (dir, vault, index)
}

/// Runs `f` on a thread with the stack of a tokio blocking thread (2 MiB),
/// where the web app used to search: a stack overflow there aborts the
/// process, and so this test.
fn on_a_server_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

/// A query near the deepest allowed, with a NOT under an OR at every
/// other level (each one more boolean query in tantivy) and fuzzy and
/// prefix words: `vigilia (w0 OR -(v0 OR -(… (peña~1 OR activ*) …)))`.
/// Each wrapping keeps what matches (no page has w or v), so the note
/// still matches.
fn deepest_query() -> String {
    // Past the bound the parser refuses it.
    let depth = |q: &str| {
        testimonio_search::parse(q).map_or(usize::MAX, |n| testimonio_search::query::depth(&n))
    };
    let mut inner = "peña~1 OR activ*".to_owned();
    for level in 0.. {
        let wider = format!("w{level} OR -(v{level} OR -({inner}))");
        if depth(&format!("vigilia ({wider})")) > testimonio_search::query::MAX_DEPTH {
            break;
        }
        inner = wider;
    }
    format!("vigilia ({inner})")
}

#[test]
fn hostile_queries_are_refused_before_the_index_and_the_deepest_allowed_runs() {
    let (dir, vault, index) = small_fixture();
    let deepest = deepest_query();
    let node = testimonio_search::parse(&deepest).unwrap();
    assert!(testimonio_search::query::depth(&node) >= testimonio_search::query::MAX_DEPTH - 3);
    let hostile = [
        format!("a {}b", "-".repeat(600)),
        format!("vigilia {}vigilia", "NOT ".repeat(5_000)),
        format!("{}vigilia", "(".repeat(10_000)),
        format!("vigilia {}", "-(vigilia OR ".repeat(100)),
    ];
    let outcomes = on_a_server_stack(move || {
        let deepest = index.search(&vault, &deepest, 0, 10).map(|r| r.total);
        let refused: Vec<_> = hostile
            .iter()
            .map(|q| match index.search(&vault, q, 0, 10) {
                Err(SearchError::Query(e)) => Some(e),
                _ => None,
            })
            .collect();
        drop(dir);
        (deepest.ok(), refused)
    });
    // The note says "vigilia"; the deepest query matches it.
    assert_eq!(outcomes.0, Some(1));
    for e in outcomes.1 {
        let e = e.expect("a query error");
        assert_eq!(e.problem, testimonio_search::QueryProblem::TooDeep);
    }
}

#[test]
fn a_stored_hostile_watchlist_is_reported_and_skipped_and_the_others_run() {
    use testimonio_domain::Lang;
    use testimonio_search::{QueryProblem, Skipped, run_watchlists};

    let (_dir, mut vault, index) = small_fixture();
    // Written through the vault, as an older version could have saved it:
    // the vault does not read queries.
    let hostile = vault
        .add_watchlist("Hostile", &format!("a {}b", "-".repeat(600)), "test")
        .unwrap();
    let broken = vault
        .add_watchlist("Broken", "protest AND (", "test")
        .unwrap();
    let good = vault.add_watchlist("Vigils", "vigilia", "test").unwrap();
    let runs = on_a_server_stack(move || {
        let runs = run_watchlists(&index, &mut vault).unwrap();
        let watchlists = vault.watchlists().unwrap();
        (runs, watchlists)
    });
    let (runs, watchlists) = runs;
    let run = |id: &str| runs.iter().find(|r| r.id == id).unwrap();

    let skipped = run(&hostile.id).error.clone().expect("skipped");
    let Skipped::Query(e) = &skipped else {
        panic!("{skipped:?}")
    };
    assert_eq!((e.problem.clone(), e.position), (QueryProblem::TooDeep, 66));
    assert_eq!(
        skipped.message(Lang::En),
        "at character 67: the query nests too deeply: at most 32 levels of parentheses, AND, OR, NOT and -"
    );
    assert!(
        skipped
            .message(Lang::Es)
            .starts_with("en el carácter 67: la consulta anida demasiados niveles")
    );
    assert_eq!(run(&hostile.id).new_hits, 0);
    // The JSON keeps the reason as a sentence.
    let json = serde_json::to_value(run(&hostile.id)).unwrap();
    assert!(
        json["error"]
            .as_str()
            .unwrap()
            .starts_with("at character 67")
    );

    assert!(matches!(
        run(&broken.id).error,
        Some(Skipped::Query(ref e)) if e.problem == QueryProblem::UnclosedParenthesis
    ));
    assert_eq!(run(&good.id).error, None);
    assert_eq!(run(&good.id).new_hits, 1);
    let last_run = |id: &str| {
        watchlists
            .iter()
            .find(|w| w.id == id)
            .unwrap()
            .last_run_at
            .clone()
    };
    assert!(last_run(&good.id).is_some());
    assert_eq!(
        last_run(&hostile.id),
        None,
        "a skipped watchlist has not run"
    );
}
