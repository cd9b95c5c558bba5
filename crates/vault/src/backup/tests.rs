//! Restore refuses what the signed manifest does not list, leaves nothing
//! behind when it refuses, and makes vaults as private as `init` does.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::*;
use crate::documents::Provenance;
use crate::keys::{KdfParams, Passphrase};

const PASS: &str = "backup test passphrase";

fn pass() -> Passphrase {
    Passphrase::new(PASS.into()).unwrap()
}

fn actor() -> Actor {
    Actor::new("test").unwrap()
}

/// A vault with one document, and its backup at `root/backup.tar`.
fn backed_up() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let mut vault = Vault::create(&root.path().join("v"), &pass(), KdfParams::MINIMUM, actor())
        .unwrap()
        .vault;
    vault
        .add_document(
            &mut &b"an original"[..],
            &Provenance {
                file_name: Some("a.txt"),
                media_type: None,
                source_path: None,
                host: None,
            },
        )
        .unwrap();
    let backup = root.path().join("backup.tar");
    vault.backup(&backup).unwrap();
    (root, backup)
}

/// Every directory and file under `dir` (itself included) with its mode.
fn modes(dir: &Path) -> Vec<(PathBuf, u32, bool)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(p) = stack.pop() {
        let meta = fs::symlink_metadata(&p).unwrap();
        out.push((p.clone(), meta.permissions().mode() & 0o7777, meta.is_dir()));
        if meta.is_dir() {
            stack.extend(fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        }
    }
    out
}

fn assert_private(dir: &Path) {
    let all = modes(dir);
    assert!(all.len() > 4, "{all:?}");
    for (path, mode, is_dir) in all {
        let want = if is_dir { 0o700 } else { 0o600 };
        assert_eq!(mode, want, "{} is {mode:o}", path.display());
    }
}

#[test]
fn new_and_restored_vaults_and_backups_are_private() {
    let (root, backup) = backed_up();
    assert_private(&root.path().join("v"));
    assert_eq!(modes(&backup)[0].1, 0o600, "the backup file");
    let restored = root.path().join("restored");
    let vault = restore(&backup, &restored, Unlock::Passphrase(&pass()), actor()).unwrap();
    drop(vault);
    let names: Vec<_> = modes(&restored)
        .into_iter()
        .map(|(p, _, _)| p.strip_prefix(&restored).unwrap().to_owned())
        .collect();
    assert!(names.iter().any(|n| n.starts_with("blobs")), "{names:?}");
    assert!(names.iter().any(|n| n == Path::new(KEY_FILE)), "{names:?}");
    assert_private(&restored);
}

/// The backup's entries, header and data.
fn members(backup: &Path) -> Vec<(tar::Header, Vec<u8>)> {
    let mut archive = tar::Archive::new(File::open(backup).unwrap());
    archive
        .entries()
        .unwrap()
        .map(|e| {
            let mut e = e.unwrap();
            let mut data = Vec::new();
            e.read_to_end(&mut data).unwrap();
            (e.header().clone(), data)
        })
        .collect()
}

/// A header with a raw name (no checks: the attacker writes what they like).
fn raw_header(name: &str, kind: tar::EntryType, size: u64) -> tar::Header {
    let mut h = tar::Header::new_old();
    h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
    h.set_entry_type(kind);
    h.set_size(size);
    h.set_mode(0o644);
    if kind.is_symlink() || kind.is_hard_link() {
        h.as_old_mut().linkname[..11].copy_from_slice(b"/etc/passwd");
    }
    h.set_cksum();
    h
}

fn write_tar(path: &Path, members: &[(tar::Header, Vec<u8>)]) {
    let mut builder = tar::Builder::new(File::create(path).unwrap());
    for (header, data) in members {
        builder.append(header, &data[..]).unwrap();
    }
    builder.finish().unwrap();
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
}

/// Restores `members` as a backup; returns the problem. The target must
/// not exist afterwards and nothing may be left beside it.
fn refused(members: &[(tar::Header, Vec<u8>)]) -> BackupProblem {
    let work = tempfile::tempdir().unwrap();
    let tar_path = work.path().join("crafted.tar");
    write_tar(&tar_path, members);
    let parent = work.path().join("parent");
    fs::create_dir(&parent).unwrap();
    let target = parent.join("restored");
    let err = restore(&tar_path, &target, Unlock::Passphrase(&pass()), actor())
        .err()
        .expect("the crafted backup was restored");
    assert!(!target.exists(), "a refused restore left the target");
    assert_eq!(listing(&parent), Vec::<PathBuf>::new(), "left behind");
    assert_eq!(listing(work.path()), [tar_path, parent], "wrote outside");
    match err {
        VaultError::Backup { problem, .. } => problem,
        other => panic!("not a backup problem: {other}"),
    }
}

#[test]
fn an_entry_the_manifest_does_not_list_is_refused_by_name() {
    let (_root, backup) = backed_up();
    let mut all = members(&backup);
    let name = format!("blobs/ab/ab{}.age", "0".repeat(62));
    let data = b"not listed".to_vec();
    all.push((
        raw_header(&name, tar::EntryType::Regular, data.len() as u64),
        data,
    ));
    let problem = refused(&all);
    assert_eq!(
        problem,
        BackupProblem::NotListed {
            entry: name.clone()
        }
    );
    assert!(problem.message(Lang::En).contains(&name));
    let es = problem.message(Lang::Es);
    assert!(
        es.contains(&name) && es.contains("no figura en el manifiesto firmado"),
        "{es}"
    );
}

#[test]
fn links_devices_directories_and_escaping_names_are_refused() {
    let (_root, backup) = backed_up();
    let original = members(&backup);
    let cases = [
        ("../escaped", tar::EntryType::Regular, "unsafe"),
        ("/tmp/absolute", tar::EntryType::Regular, "unsafe"),
        ("blobs/../../x", tar::EntryType::Regular, "unsafe"),
        ("notes.txt", tar::EntryType::Regular, "unsafe"),
        (KEY_FILE, tar::EntryType::Symlink, "not a file"),
        (KEY_FILE, tar::EntryType::Link, "not a file"),
        (KEY_FILE, tar::EntryType::Char, "not a file"),
        (KEY_FILE, tar::EntryType::Fifo, "not a file"),
        ("blobs", tar::EntryType::Directory, "not a file"),
    ];
    for (name, kind, want) in cases {
        // Put the crafted entry right after the manifest, before the real files.
        let mut all = original.clone();
        all.insert(1, (raw_header(name, kind, 0), Vec::new()));
        let problem = refused(&all);
        let entry = name.to_owned();
        let expected = match want {
            "unsafe" => BackupProblem::UnsafeEntry { entry },
            _ => BackupProblem::NotAFile { entry },
        };
        assert_eq!(problem, expected, "{name} {kind:?}");
    }
}

#[test]
fn a_second_copy_a_missing_file_or_a_late_manifest_is_refused() {
    let (_root, backup) = backed_up();
    let original = members(&backup);
    let key = original
        .iter()
        .position(|(h, _)| h.path().unwrap() == Path::new(KEY_FILE));
    let key = key.unwrap();

    let mut twice = original.clone();
    twice.push(original[key].clone());
    assert_eq!(
        refused(&twice),
        BackupProblem::Duplicate {
            entry: KEY_FILE.into()
        }
    );

    let mut missing = original.clone();
    missing.remove(key);
    assert_eq!(
        refused(&missing),
        BackupProblem::Missing {
            entry: KEY_FILE.into()
        }
    );

    let mut late = original.clone();
    late.swap(0, key);
    assert_eq!(refused(&late), BackupProblem::NoManifest);

    let mut changed = original.clone();
    let last = changed.len() - 1;
    changed[last].1[40] ^= 1;
    let problem = refused(&changed);
    assert!(
        matches!(problem, BackupProblem::Mismatch { .. }),
        "{problem:?}"
    );

    assert_eq!(refused(&[]), BackupProblem::NoManifest);
}

#[test]
fn entry_names_in_messages_are_escaped_and_cut() {
    let problem = BackupProblem::NotListed {
        entry: format!("\u{1b}[31m{}", "x".repeat(500)),
    };
    let text = problem.message(Lang::En);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.len() < 300, "{text}");
}
