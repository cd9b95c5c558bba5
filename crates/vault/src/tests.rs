//! Tests that need the vault's insides: tampering with the encrypted
//! database the way an attacker holding the key would.

use rusqlite::params;

use crate::{Actor, KdfParams, Passphrase, Vault};

fn vault_with_history() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let passphrase = Passphrase::new("tamper test passphrase".into()).unwrap();
    let mut vault = Vault::create(
        &tmp.path().join("v"),
        &passphrase,
        KdfParams::MINIMUM,
        Actor::new("test").unwrap(),
    )
    .unwrap()
    .vault;
    let lines = [
        r#"{"type":"group","id":"g-1","name":"G (demo)"}"#,
        r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Name"}"#,
        r#"{"type":"event","id":"e-1","event_type":"protest","date":"2020"}"#,
        r#"{"type":"event","id":"e-2","event_type":"vigil","date":"2021"}"#,
    ];
    let records = lines.iter().enumerate().map(|(i, l)| {
        (
            format!("line {}", i + 1),
            testimonio_domain::exchange::parse_line(l),
        )
    });
    vault.import_records("test", records, &mut |_| {}).unwrap();
    (tmp, vault)
}

#[test]
fn an_altered_audit_entry_is_named() {
    let (_tmp, mut vault) = vault_with_history();
    vault
        .conn()
        .execute(
            "UPDATE audit_log SET object = 'person:p-2' WHERE seq = 3",
            [],
        )
        .unwrap();
    let report = vault.check().unwrap();
    assert_eq!(report.faults, ["audit entry 3 was altered"]);
}

#[test]
fn a_deleted_audit_entry_is_named() {
    let (_tmp, mut vault) = vault_with_history();
    vault
        .conn()
        .execute("DELETE FROM audit_log WHERE seq = 4", [])
        .unwrap();
    let report = vault.check().unwrap();
    assert_eq!(report.faults, ["audit entry 4 is missing"]);
}

#[test]
fn a_forged_entry_without_the_key_is_named() {
    let (_tmp, mut vault) = vault_with_history();
    // Recomputing the hash with a guessed key does not help.
    let (prev,): (String,) = vault
        .conn()
        .query_row("SELECT hash FROM audit_log WHERE seq = 2", [], |r| {
            Ok((r.get(0)?,))
        })
        .unwrap();
    let forged = crate::audit::GENESIS.replace('0', "f");
    vault
        .conn()
        .execute("UPDATE audit_log SET actor = 'someone else', hash = ?1 WHERE seq = 3 AND prev_hash = ?2", params![forged, prev])
        .unwrap();
    let report = vault.check().unwrap();
    assert!(
        report
            .faults
            .contains(&"audit entry 3 was altered".to_owned()),
        "{:?}",
        report.faults
    );
}

#[test]
fn a_dangling_reference_is_a_database_fault() {
    let (_tmp, mut vault) = vault_with_history();
    vault.conn().execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM people WHERE id = 'p-1'; PRAGMA foreign_keys = ON;").unwrap();
    vault.conn().execute("INSERT INTO event_people (event_id, person_id, role, position) VALUES ('e-1', 'p-gone', 'target', 0)", []).unwrap_err();
    vault
        .conn()
        .execute_batch(
            "PRAGMA foreign_keys = OFF; INSERT INTO event_people (event_id, person_id, role, position) VALUES ('e-1', 'p-gone', 'target', 0); PRAGMA foreign_keys = ON;",
        )
        .unwrap();
    let report = vault.check().unwrap();
    assert!(
        report
            .faults
            .iter()
            .any(|f| f == "database: a row in event_people refers to a missing row in people"),
        "{:?}",
        report.faults
    );
}

#[test]
fn the_audit_log_holds_ids_never_content() {
    let (_tmp, vault) = vault_with_history();
    let entries = vault.audit_tail(100).unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.object == "person:p-1" && e.action == "record_created")
    );
    for e in &entries {
        assert!(
            !e.object.contains("Name") && !e.detail.contains("Name"),
            "{e:?}"
        );
    }
}
