//! Writes the frozen format fixtures under `tests/fixtures/v1/`.
//!
//! Run once per format version (`cargo run -p testimonio-vault --example
//! make_fixtures`) and commit the result; never regenerate a released
//! version's fixtures: the tests prove that old files still open.

use std::path::Path;

use testimonio_domain::exchange::ExchangeRecord;
use testimonio_domain::exchange::parse_line;
use testimonio_vault::{Actor, KdfParams, Passphrase, Provenance, Vault};

pub const PASSPHRASE: &str = "fixture passphrase v1";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
    let vault_dir = root.join("vault");
    assert!(
        !vault_dir.exists(),
        "{} exists: fixtures of a released version are never regenerated",
        vault_dir.display()
    );
    let passphrase = Passphrase::new(PASSPHRASE.into()).unwrap();
    let created = Vault::create(
        &vault_dir,
        &passphrase,
        KdfParams::MINIMUM,
        Actor::new("fixture:maker").unwrap(),
    )
    .unwrap();
    let mut vault = created.vault;
    std::fs::write(
        root.join("recovery-key.txt"),
        format!("{}\n", created.recovery_key.reveal()),
    )
    .unwrap();
    let lines = std::fs::read_to_string(root.join("exchange.jsonl")).unwrap();
    let records: Vec<_> = lines
        .lines()
        .enumerate()
        .map(|(i, l)| (format!("line {}", i + 1), parse_line(l)))
        .filter(|(_, r)| !matches!(r, Ok(ExchangeRecord::Header(_))))
        .collect();
    let report = vault
        .import_records("fixture", records.into_iter(), &mut |_| {})
        .unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let from = Provenance {
        file_name: Some("fixture-letter.txt"),
        media_type: Some("text/plain"),
        source_path: None,
        host: None,
    };
    vault
        .add_document(&mut &b"Fixture document, format version 1.\n"[..], &from)
        .unwrap();
    vault.backup(&root.join("backup.tar")).unwrap();
    drop(vault);
    std::fs::remove_dir_all(vault_dir.join("tmp")).ok();
    println!("fixtures written to {}", root.display());
}
