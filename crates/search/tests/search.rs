//! Search on the real corpus: page-cited phrases in the Second Circuit
//! opinion, a fuzzy query that finds an OCR-garbled word in the scanned
//! ICE letter, accent-insensitive names, filters, facets, stable paging,
//! and sealed index files.

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
