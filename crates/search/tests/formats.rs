//! Golden tests: a vault written by format version 2 (migrations 4–6,
//! sealed index files v1, the index's schema version 1) still opens, and
//! its pages, word boxes, watchlist and excerpt come back; its index, of
//! an older schema, is never read but rebuilt. The index of schema
//! version 2 (stemmed fields) is read as it is (not rebuilt): in whole
//! sealed files (format v1, converted to blocks when opened) and sealed in
//! blocks (format v2). The fixtures were made once by
//! `examples/make_fixtures_v2.rs`, `examples/make_fixtures_index_schema_2.rs`
//! and `examples/make_fixtures_index_blocks.rs` and are never regenerated.

use std::fs;
use std::path::Path;

use testimonio_search::{IndexError, SearchIndex};
use testimonio_vault::{
    Actor, BlockHeader, DEFAULT_BLOCK_SIZE, ExcerptFilter, Passphrase, SealedFormat, Unlock, Vault,
};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A copy of the format version 2 vault in `tmp`, open.
fn version_2_vault(tmp: &Path) -> Vault {
    let dir = tmp.join("vault");
    copy_dir(&fixtures().join("v2/vault"), &dir);
    let passphrase = Passphrase::new("fixture passphrase v2".into()).unwrap();
    Vault::open(
        &dir,
        Unlock::Passphrase(&passphrase),
        Actor::new("test:formats").unwrap(),
    )
    .unwrap()
}

/// The sealed formats of the index files in `dir`: (whole, in blocks).
fn formats(dir: &Path) -> (usize, usize) {
    let mut counts = (0, 0);
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "sealed") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        match SealedFormat::of(&bytes) {
            Some(SealedFormat::Whole) => counts.0 += 1,
            Some(SealedFormat::Blocks) => {
                let name = path.file_stem().unwrap().to_string_lossy();
                let header = BlockHeader::parse(&name, &bytes).unwrap();
                assert_eq!(header.block_size(), DEFAULT_BLOCK_SIZE);
                assert_eq!(header.sealed_len(), bytes.len() as u64);
                counts.1 += 1;
            }
            None => panic!("{} is not sealed", path.display()),
        }
    }
    counts
}

/// What the fixture's index must answer, whichever schema it was made
/// with.
fn searches_answer(index: &SearchIndex, vault: &Vault) {
    let results = index.search(vault, "jose pena", 0, 10).unwrap();
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].page, Some(1));
    assert_eq!(
        index
            .search(vault, "tacoma kind:event", 0, 10)
            .unwrap()
            .total,
        1
    );
}

#[test]
fn a_version_2_vault_still_opens_and_its_old_index_is_rebuilt_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = version_2_vault(tmp.path());

    let document = vault.documents().unwrap().remove(0);
    assert_eq!(document.file_name.as_deref(), Some("memo.pdf"));
    assert_eq!(document.custodian.as_deref(), Some("Fixture clinic"));
    assert_eq!(document.obtained_on.as_deref(), Some("2024-06-01"));
    let page = vault.document_page(&document.id, 1).unwrap().unwrap();
    assert_eq!(page.bates.as_deref(), Some("ICE 000001"));
    assert_eq!(page.words.len(), 2);
    assert_eq!(
        (page.words[0].left, page.words[0].text.as_str()),
        (10, "Memorandum.")
    );
    assert_eq!(page.image_size, Some((2550, 3300)));

    // The sealed index has schema version 1: it is refused, never read,
    // and rebuilt by the call readers make.
    match SearchIndex::open(&vault) {
        Err(IndexError::Outdated { found: 1 }) => {}
        other => panic!("{other:?}"),
    }
    let index = SearchIndex::open_current(&mut vault).unwrap();
    assert_eq!(index.entries(), 2);
    searches_answer(&index, &vault);
    let stemmed = index.search(&vault, "instigators vigils", 0, 10).unwrap();
    assert_eq!(stemmed.total, 1);
    drop(index);
    // Rebuilt once: it now opens as it is.
    assert!(SearchIndex::open(&vault).is_ok());

    let watchlists = vault.watchlists().unwrap();
    assert_eq!(
        (watchlists[0].name.as_str(), watchlists[0].pending),
        ("instigator", 1)
    );
    let excerpt = vault.excerpts(&ExcerptFilter::default()).unwrap().remove(0);
    assert_eq!(
        excerpt.quote,
        "The officer called José Peña an instigator after the vigil."
    );
    assert_eq!(
        (excerpt.tags.as_slice(), excerpt.events.as_slice()),
        (&["animus".to_owned()][..], &["e-1".to_owned()][..])
    );
    assert!(vault.check().unwrap().is_ok());
}

#[test]
fn an_index_of_schema_version_2_in_whole_sealed_files_is_read_and_sealed_in_blocks() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = version_2_vault(tmp.path());
    let dir = testimonio_search::index_dir(vault.dir());
    fs::remove_dir_all(&dir).unwrap();
    copy_dir(&fixtures().join("index-schema-2"), &dir);
    let (whole, blocks) = formats(&dir);
    assert!(whole >= 13 && blocks == 0, "{whole} {blocks}");

    // No rebuild, nothing to catch up: its files are converted to blocks,
    // not rebuilt from the vault.
    let mut index = SearchIndex::open(&vault).unwrap();
    assert_eq!(formats(&dir), (0, whole));
    assert!(index.applied().unwrap() > 0);
    assert_eq!(index.catch_up(&mut vault).unwrap().changes, 0);
    stemmed_searches_answer(&index, &vault);
    drop(index);
    // Converted once: it opens as it is.
    let mut index = SearchIndex::open(&vault).unwrap();
    assert_eq!(index.catch_up(&mut vault).unwrap().changes, 0);
    searches_answer(&index, &vault);
}

#[test]
fn an_index_sealed_in_blocks_is_read_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = version_2_vault(tmp.path());
    let dir = testimonio_search::index_dir(vault.dir());
    fs::remove_dir_all(&dir).unwrap();
    copy_dir(&fixtures().join("index-blocks"), &dir);
    let before = formats(&dir);
    assert_eq!(before.0, 0);
    assert!(before.1 >= 3);

    // No rebuild, nothing to catch up, nothing rewritten.
    let mut index = SearchIndex::open(&vault).unwrap();
    assert!(index.applied().unwrap() > 0);
    assert_eq!(index.catch_up(&mut vault).unwrap().changes, 0);
    assert_eq!(formats(&dir), before);
    stemmed_searches_answer(&index, &vault);
}

/// What an index of schema version 2 answers: the fixture's searches, and
/// its stemmed fields.
fn stemmed_searches_answer(index: &SearchIndex, vault: &Vault) {
    searches_answer(index, vault);
    // Its stemmed fields: "instigators" finds "an instigator", "vigils"
    // "the vigil", in the page and in the event; exact: does not.
    let page = index.search(vault, "instigators vigils", 0, 10).unwrap();
    assert_eq!((page.total, page.hits[0].page), (1, Some(1)));
    let marked = page.hits[0].snippet.marked("[", "]");
    assert!(
        marked.contains("[instigator]") && marked.contains("[vigil]"),
        "{marked}"
    );
    assert_eq!(
        index
            .search(vault, "vigils kind:event", 0, 10)
            .unwrap()
            .total,
        1
    );
    assert_eq!(
        index
            .search(vault, "exact:instigators", 0, 10)
            .unwrap()
            .total,
        0
    );
}
