//! Writes the frozen fixture of the search index sealed in blocks (sealed
//! file format v2: 64 KiB blocks, each its own AEAD; the index's schema
//! version 2) under `tests/fixtures/index-blocks/`: the sealed index files
//! of the format version 2 vault (`tests/fixtures/v2/vault`, whose own
//! index has schema version 1 in whole sealed files), rebuilt by this
//! version. The vault is copied to a temporary folder and rebuilt there;
//! only the index files are kept.
//!
//! Run once (`cargo run -p testimonio-search --example
//! make_fixtures_index_blocks`) and commit the result; never regenerate:
//! the tests prove old files open. (The whole-file fixture
//! `index-schema-2/` was written by this program's predecessor,
//! `make_fixtures_index_schema_2.rs`, removed once this version could only
//! write blocks; see commit 279e9ca.)

use std::fs;
use std::path::Path;

use testimonio_search::SearchIndex;
use testimonio_vault::{Actor, Passphrase, Unlock, Vault};

const PASSPHRASE: &str = "fixture passphrase v2";

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

fn main() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = fixtures.join("index-blocks");
    assert!(
        !out.exists(),
        "{} exists: fixtures of a released version are never regenerated",
        out.display()
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    copy_dir(&fixtures.join("v2/vault"), &dir);
    let mut vault = Vault::open(
        &dir,
        Unlock::Passphrase(&Passphrase::new(PASSPHRASE.into()).unwrap()),
        Actor::new("fixture:maker").unwrap(),
    )
    .unwrap();
    // Schema version 1 is not read: it is rebuilt.
    let index = SearchIndex::open_current(&mut vault).unwrap();
    assert_eq!(index.entries(), 2, "the page and the event");
    drop(index);
    drop(vault);
    fs::create_dir_all(&out).unwrap();
    for entry in fs::read_dir(dir.join("index")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "sealed") {
            fs::copy(&path, out.join(path.file_name().unwrap())).unwrap();
        }
    }
    println!("fixtures written to {}", out.display());
}
