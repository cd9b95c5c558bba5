//! The vault's errors are typed: a user's mistake comes back as
//! `Refused`, `UnknownReference` or `Conflict` with its data, and a failure
//! that is not the user's fault (key derivation) as `Internal`.

use std::time::Duration;

use testimonio_domain::exchange::parse_line;
use testimonio_domain::{Event, Group, Person, RecordId, Role};
use testimonio_vault::{
    Actor, ConflictKind, KdfParams, Passphrase, Password, RecordKind, RecoveryKey, Refusal, Unlock,
    Username, Vault, VaultError, WatchlistField,
};

const PASSPHRASE: &str = "errors test passphrase";

fn new_vault() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        &tmp.path().join("v"),
        &Passphrase::new(PASSPHRASE.into()).unwrap(),
        KdfParams::MINIMUM,
        Actor::new("test:errors").unwrap(),
    )
    .unwrap()
    .vault;
    (tmp, vault)
}

fn record<T>(
    line: &str,
    convert: impl FnOnce(testimonio_domain::exchange::ExchangeRecord) -> T,
) -> T {
    convert(parse_line(line).unwrap())
}

fn event(line: &str) -> Event {
    record(line, |r| match r {
        testimonio_domain::exchange::ExchangeRecord::Event(e) => e.into_event().unwrap(),
        other => panic!("not an event: {other:?}"),
    })
}

fn person(line: &str) -> Person {
    record(line, |r| match r {
        testimonio_domain::exchange::ExchangeRecord::Person(p) => p.into_person().unwrap(),
        other => panic!("not a person: {other:?}"),
    })
}

fn group(line: &str) -> Group {
    record(line, |r| match r {
        testimonio_domain::exchange::ExchangeRecord::Group(g) => g.into_group().unwrap(),
        other => panic!("not a group: {other:?}"),
    })
}

fn refusal<T: std::fmt::Debug>(result: Result<T, VaultError>) -> Refusal {
    match result {
        Err(VaultError::Refused(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn malformed_input_is_refused_with_the_rule() {
    assert_eq!(refusal(Actor::new("")), Refusal::ActorName);
    assert_eq!(refusal(Username::parse("X")), Refusal::UsernameFormat);
    assert_eq!(
        refusal(Password::new("short".into())),
        Refusal::PasswordTooShort {
            min: Password::MIN_CHARS
        }
    );
    assert_eq!(
        refusal(Passphrase::new("short".into())),
        Refusal::PassphraseTooShort {
            min: Passphrase::MIN_CHARS
        }
    );
    assert_eq!(
        refusal(RecoveryKey::parse("not a key")),
        Refusal::RecoveryKeyFormat
    );
    // The text for logs is unchanged.
    assert_eq!(
        VaultError::Refused(Refusal::PasswordTooShort { min: 12 }).to_string(),
        "a password has at least 12 characters"
    );
}

#[test]
fn vault_operations_refuse_user_mistakes() {
    let (_tmp, mut vault) = new_vault();
    assert_eq!(
        refusal(vault.add_watchlist("raids", "  ", "monitoring")),
        Refusal::WatchlistFieldEmpty {
            field: WatchlistField::Query
        }
    );
    let alice = Username::parse("alice").unwrap();
    vault
        .create_user(
            &alice,
            Role::Coordinator,
            &Password::new("a long enough password".into()).unwrap(),
        )
        .unwrap();
    assert!(matches!(
        refusal(vault.create_api_token_valid_for(&alice, "t", Duration::ZERO)),
        Refusal::TokenTooLong {
            max_days: testimonio_vault::tokens::MAX_TOKEN_DAYS
        }
    ));
}

#[test]
fn a_taken_username_is_a_conflict() {
    let (_tmp, mut vault) = new_vault();
    let alice = Username::parse("alice").unwrap();
    let password = Password::new("a long enough password".into()).unwrap();
    vault
        .create_user(&alice, Role::Coordinator, &password)
        .unwrap();
    let again = vault.create_user(&alice, Role::Viewer, &password);
    assert!(
        matches!(
            &again,
            Err(VaultError::Conflict(ConflictKind::UsernameTaken { username })) if username == "alice"
        ),
        "{again:?}"
    );
}

#[test]
fn unknown_references_name_the_field_the_kind_and_the_id() {
    let (_tmp, mut vault) = new_vault();
    let e = event(
        r#"{"type":"event","id":"e-1","event_type":"protest","date":"2020","people":[{"id":"p-9","role":"witness"}]}"#,
    );
    match vault.put_event(&e) {
        Err(VaultError::UnknownReference { field, kind, id }) => {
            assert_eq!(
                (field.as_str(), kind, id.as_str()),
                ("people[0].id", RecordKind::Person, "p-9")
            );
        }
        other => panic!("expected an unknown reference, got {other:?}"),
    }
    let p = person(r#"{"type":"person","id":"p-1","pseudonym":"Luz","groups":["g-9"]}"#);
    assert!(matches!(
        vault.put_person(&p),
        Err(VaultError::UnknownReference { kind: RecordKind::Group, ref id, .. }) if id == "g-9"
    ));
    // Nothing was stored.
    assert_eq!(vault.counts().unwrap().events, 0);
    vault
        .put_group(&group(r#"{"type":"group","id":"g-9","name":"G"}"#))
        .unwrap();
    vault.put_person(&p).unwrap();
}

#[test]
fn an_import_reports_unknown_references_per_record_and_goes_on() {
    let (_tmp, mut vault) = new_vault();
    let lines = [
        r#"{"type":"event","id":"e-1","event_type":"protest","date":"2020","people":[{"id":"p-9","role":"witness"}]}"#,
        r#"{"type":"event","id":"e-2","event_type":"vigil","date":"2021"}"#,
    ];
    let records = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("line {}", i + 1), parse_line(l)));
    let report = vault.import_records("test", records, &mut |_| {}).unwrap();
    assert_eq!(report.created, 1);
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].location, "line 1");
    assert_eq!(report.failed[0].reason, "people[0].id: unknown person p-9");
}

#[test]
fn a_missing_record_is_not_found_with_its_kind() {
    let (_tmp, mut vault) = new_vault();
    let alice = Username::parse("alice").unwrap();
    vault
        .create_user(
            &alice,
            Role::Admin,
            &Password::new("a long enough password".into()).unwrap(),
        )
        .unwrap();
    assert!(matches!(
        vault.revoke_api_token(&alice, 42),
        Err(VaultError::NotFound {
            kind: RecordKind::ApiToken,
            ..
        })
    ));
    assert!(matches!(
        vault.person_identity(&RecordId::parse("id", "p-404").unwrap()),
        Err(VaultError::NotFound { kind: RecordKind::Person, ref id }) if id == "p-404"
    ));
}

/// A key file whose salt Argon2 cannot use: the derivation fails, which is
/// not the user's fault, so it is `Internal` (a 500), not a refusal.
#[test]
fn a_failed_key_derivation_is_internal() {
    let (tmp, vault) = new_vault();
    let dir = vault.dir().to_owned();
    drop(vault);
    let key_file = dir.join(testimonio_vault::vault::KEY_FILE);
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&key_file).unwrap()).unwrap();
    // Valid base64, but 3 bytes: below Argon2's minimum salt length.
    json["kdf"]["salt"] = "AAAA".into();
    std::fs::write(&key_file, json.to_string()).unwrap();
    let passphrase = Passphrase::new(PASSPHRASE.into()).unwrap();
    let opened = Vault::open(
        &dir,
        Unlock::Passphrase(&passphrase),
        Actor::new("test").unwrap(),
    );
    let err = opened.err().expect("the vault must not open");
    assert!(matches!(err, VaultError::Internal(_)), "{err:?}");
    assert!(!err.is_users_mistake());
    drop(tmp);
}
