//! Golden test: a vault written by format version 2 (migrations 4–6,
//! sealed index files v1, the index's schema) still opens, its index is
//! read as it is (not rebuilt), and its pages, word boxes, watchlist and
//! excerpt come back. The fixture was made once by
//! `examples/make_fixtures_v2.rs` and is never regenerated.

use std::fs;
use std::path::Path;

use testimonio_search::SearchIndex;
use testimonio_vault::{Actor, ExcerptFilter, Passphrase, Unlock, Vault};

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

#[test]
fn a_version_2_vault_and_its_sealed_index_still_open() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2/vault"),
        &dir,
    );
    let passphrase = Passphrase::new("fixture passphrase v2".into()).unwrap();
    let mut vault = Vault::open(
        &dir,
        Unlock::Passphrase(&passphrase),
        Actor::new("test:formats").unwrap(),
    )
    .unwrap();

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

    // The sealed index opens as written: no rebuild, nothing to catch up.
    let mut index = SearchIndex::open(&vault).unwrap();
    assert!(index.applied().unwrap() > 0);
    assert_eq!(index.catch_up(&mut vault).unwrap().changes, 0);
    let results = index.search(&vault, "jose pena", 0, 10).unwrap();
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].page, Some(1));
    assert_eq!(
        index
            .search(&vault, "tacoma kind:event", 0, 10)
            .unwrap()
            .total,
        1
    );

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
