//! The backup reader: the input as a backup archive, restored into a fresh
//! temporary directory. It must never panic, and never write anything but
//! the target (nothing at all when it refuses).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use testimonio_vault::{Actor, Passphrase, Unlock, restore};

/// The passphrase of the format-1 fixture backup that scripts/fuzz seeds with.
const PASSPHRASE: &str = "fixture passphrase v1";

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fuzz_target!(|data: &[u8]| {
    // tmpfs when there is one: restore syncs every file it writes.
    let base = Path::new("/dev/shm");
    let root = if base.is_dir() {
        tempfile::tempdir_in(base)
    } else {
        tempfile::tempdir()
    }
    .expect("a temporary directory");
    let archive = root.path().join("backup.tar");
    std::fs::write(&archive, data).expect("write the input");
    let parent = root.path().join("parent");
    std::fs::create_dir(&parent).expect("mkdir");
    let target = parent.join("restored");
    let passphrase = Passphrase::new(PASSPHRASE.into()).expect("a valid passphrase");
    let actor = Actor::new("fuzz").expect("a valid actor");
    let restored = restore(&archive, &target, Unlock::Passphrase(&passphrase), actor);
    let expected: Vec<String> = if restored.is_ok() {
        vec!["restored".into()]
    } else {
        Vec::new()
    };
    drop(restored);
    assert_eq!(
        names(&parent),
        expected,
        "restore left something beside the target"
    );
    assert_eq!(
        names(root.path()),
        ["backup.tar", "parent"],
        "restore wrote outside"
    );
});
