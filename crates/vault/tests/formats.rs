//! Golden tests: files written by format version 1 still open. The
//! fixtures under `tests/fixtures/v1/` were made once by
//! `examples/make_fixtures.rs` and are never regenerated.

use std::fs;
use std::path::{Path, PathBuf};

use testimonio_domain::exchange::{EventRecord, ExchangeRecord, parse_line};
use testimonio_domain::{ConsentLevel, RecordId};
use testimonio_vault::{Actor, EventFilter, Passphrase, RecoveryKey, Unlock, Vault, restore};

const PASSPHRASE: &str = "fixture passphrase v1";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

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

fn actor() -> Actor {
    Actor::new("test:formats").unwrap()
}

fn assert_fixture_content(vault: &mut Vault) {
    let counts = vault.counts().unwrap();
    assert_eq!(
        (
            counts.groups,
            counts.people,
            counts.events,
            counts.documents
        ),
        (1, 2, 3, 1)
    );
    let person = vault
        .person_identity(&RecordId::parse("id", "p-fixture-1").unwrap())
        .unwrap();
    assert_eq!(
        person.identity.legal_name.as_ref().unwrap().expose(),
        "Fixture Legal Name"
    );
    assert_eq!(
        person.identity.a_number.as_ref().unwrap().expose(),
        "A000000001"
    );
    assert_eq!(person.consent.records().len(), 2);
    assert_eq!(
        person
            .consent
            .level_on(chrono::NaiveDate::from_ymd_opt(2021, 3, 1).unwrap()),
        ConsentLevel::PublicNamed
    );
    assert_eq!(
        person
            .consent
            .level_on(chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()),
        ConsentLevel::CoalitionNarrative
    );

    let stored: Vec<EventRecord> = vault
        .events(&EventFilter::default())
        .unwrap()
        .iter()
        .map(EventRecord::from_event)
        .collect();
    let text = fs::read_to_string(fixtures().join("exchange.jsonl")).unwrap();
    let mut expected: Vec<EventRecord> = text
        .lines()
        .filter_map(|l| match parse_line(l).unwrap() {
            ExchangeRecord::Event(e) => Some(EventRecord::from_event(&e.into_event().unwrap())),
            _ => None,
        })
        .collect();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    let mut stored_sorted = stored.clone();
    stored_sorted.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(stored_sorted, expected);

    let docs = vault.documents().unwrap();
    let mut bytes = Vec::new();
    vault.read_document(&docs[0].id, &mut bytes).unwrap();
    assert_eq!(bytes, b"Fixture document, format version 1.\n");

    let report = vault.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.faults);
    assert!(report.audit_entries >= 8);
}

#[test]
fn version_1_vault_opens_with_passphrase_and_recovery_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    copy_dir(&fixtures().join("vault"), &dir);
    let key_file = testimonio_vault::vault::read_key_file(&dir).unwrap();
    assert_eq!(
        (key_file.format.as_str(), key_file.version),
        ("testimonio-keyfile", 1)
    );
    let passphrase = Passphrase::new(PASSPHRASE.into()).unwrap();
    let mut vault = Vault::open(&dir, Unlock::Passphrase(&passphrase), actor()).unwrap();
    assert_fixture_content(&mut vault);
    drop(vault);

    let recovery =
        RecoveryKey::parse(&fs::read_to_string(fixtures().join("recovery-key.txt")).unwrap())
            .unwrap();
    let vault = Vault::open(&dir, Unlock::Recovery(&recovery), actor()).unwrap();
    assert_eq!(vault.counts().unwrap().events, 3);
}

#[test]
fn version_1_backup_restores() {
    let tmp = tempfile::tempdir().unwrap();
    let passphrase = Passphrase::new(PASSPHRASE.into()).unwrap();
    let mut vault = restore(
        &fixtures().join("backup.tar"),
        &tmp.path().join("restored"),
        Unlock::Passphrase(&passphrase),
        actor(),
    )
    .unwrap();
    assert_fixture_content(&mut vault);
}

#[test]
fn version_1_exchange_file_imports_into_a_new_vault() {
    let tmp = tempfile::tempdir().unwrap();
    let passphrase = Passphrase::new(PASSPHRASE.into()).unwrap();
    let mut vault = Vault::create(
        &tmp.path().join("v"),
        &passphrase,
        testimonio_vault::KdfParams::MINIMUM,
        actor(),
    )
    .unwrap()
    .vault;
    let file = fs::File::open(fixtures().join("exchange.jsonl")).unwrap();
    let report = vault
        .import_jsonl(std::io::BufReader::new(file), &mut |_| {})
        .unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.created, 6);
}
