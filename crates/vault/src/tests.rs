//! Tests that need the vault's insides: tampering with the encrypted
//! database the way an attacker holding the key would.

use rusqlite::params;

use crate::{Actor, KdfParams, Passphrase, Vault};

pub(crate) fn vault_with_history() -> (tempfile::TempDir, Vault) {
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

mod accounts {
    use testimonio_domain::{RecordId, Role};

    use super::vault_with_history;
    use crate::{Actor, LoginOutcome, Password, Throttle, Username};

    fn pw(s: &str) -> Password {
        Password::new(s.into()).unwrap()
    }

    #[test]
    fn disabled_accounts_and_revoked_tokens_do_not_authenticate() {
        let (_tmp, mut vault) = vault_with_history();
        let bob = Username::parse("bob").unwrap();
        vault
            .create_user(&bob, Role::Viewer, &pw("correct horse battery"))
            .unwrap();
        let token = vault.create_api_token(&bob, "test").unwrap();
        assert_eq!(
            vault.user_for_api_token(&token).unwrap().unwrap().username,
            bob
        );
        assert!(vault.user_for_api_token("tmo_wrong").unwrap().is_none());
        vault.set_disabled(&bob, true).unwrap();
        assert!(vault.user_for_api_token(&token).unwrap().is_none());
        let r = vault
            .verify_login(
                "bob",
                &Password::attempt("correct horse battery".into()),
                &Throttle::LOGIN,
                None,
            )
            .unwrap();
        assert_eq!(r, LoginOutcome::Disabled);
    }

    #[test]
    fn documenters_see_identities_of_their_own_and_assigned_people_only() {
        let (_tmp, mut vault) = vault_with_history();
        let doc = Username::parse("doc").unwrap();
        let user = vault
            .create_user(&doc, Role::Documenter, &pw("correct horse battery"))
            .unwrap();
        let analyst = vault
            .create_user(
                &Username::parse("eve").unwrap(),
                Role::Analyst,
                &pw("correct horse battery"),
            )
            .unwrap();
        let admin = vault
            .create_user(
                &Username::parse("root").unwrap(),
                Role::Admin,
                &pw("correct horse battery"),
            )
            .unwrap();
        let p1 = RecordId::parse("id", "p-1").unwrap();
        assert!(!vault.may_see_identity(&user, &p1).unwrap());
        vault.assign(&doc, &p1).unwrap();
        assert!(vault.may_see_identity(&user, &p1).unwrap());
        // A person the documenter recorded.
        vault.set_actor(Actor::new(&user.actor_name()).unwrap());
        let line = r#"{"type":"person","id":"p-own","pseudonym":"Mía"}"#;
        let records = std::iter::once((
            "line 1".to_owned(),
            testimonio_domain::exchange::parse_line(line),
        ));
        vault.import_records("test", records, &mut |_| {}).unwrap();
        assert!(
            vault
                .may_see_identity(&user, &RecordId::parse("id", "p-own").unwrap())
                .unwrap()
        );
        assert!(!vault.may_see_identity(&analyst, &p1).unwrap());
        assert!(vault.may_see_identity(&admin, &p1).unwrap());
    }
}

#[test]
fn two_handles_writing_at_once_keep_the_audit_chain_whole() {
    let (_tmp, mut vault) = vault_with_history();
    let other = vault.try_clone().unwrap();
    let before = vault.counts().unwrap().audit_entries;
    let writers: Vec<_> = [other, vault.try_clone().unwrap()]
        .into_iter()
        .enumerate()
        .map(|(n, mut handle)| {
            std::thread::spawn(move || {
                for i in 0..40 {
                    let line =
                        format!(r#"{{"type":"group","id":"g-{n}-{i}","name":"Group {n} {i}"}}"#);
                    let records = std::iter::once((
                        "line".to_owned(),
                        testimonio_domain::exchange::parse_line(&line),
                    ));
                    handle.import_records("test", records, &mut |_| {}).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let report = vault.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.faults);
    // Each import writes a record entry and a summary entry; check adds one.
    assert_eq!(
        vault.counts().unwrap().audit_entries,
        before + 2 * 40 * 2 + 1
    );
}

/// A document with one page of text, recorded as ingest would.
fn with_page(vault: &mut Vault, text: &str) -> String {
    use crate::ingest::{Extraction, IngestedDocument, Intake, PageText};
    let blob = vault.store_original(&mut text.as_bytes()).unwrap();
    let recorded = vault
        .record_ingested(&IngestedDocument {
            blob,
            intake: Intake::default(),
            extraction: Extraction {
                status: testimonio_domain::ExtractionStatus::Ok,
                detail: String::new(),
                title: None,
                metadata: None,
                tools: "test".into(),
                pages: vec![PageText {
                    number: 1,
                    method: testimonio_domain::TextMethod::Plain,
                    text: text.into(),
                    confidence: None,
                    bates: None,
                    image_size: None,
                    words: Vec::new(),
                    problem: None,
                }],
            },
            children: Vec::new(),
        })
        .unwrap();
    recorded.id
}

#[test]
fn an_excerpt_whose_page_text_changed_is_named() {
    let (_tmp, mut vault) = vault_with_history();
    let document = with_page(
        &mut vault,
        "El agente llamó «instigadora» a Luz durante la vigilia.",
    );
    let excerpt = vault
        .add_excerpt(&crate::ExcerptParts {
            document: document.clone(),
            page: 1,
            start: 16,
            end: 28,
            events: vec![testimonio_domain::RecordId::parse("event", "e-1").unwrap()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(excerpt.quote, "«instigadora");
    assert!(vault.check().unwrap().is_ok());
    vault
        .conn()
        .execute(
            "UPDATE document_pages SET text = 'rewritten' WHERE document_id = ?1",
            [&document],
        )
        .unwrap();
    let report = vault.check().unwrap();
    assert_eq!(
        report.faults,
        [format!(
            "excerpt {}: its quote no longer matches page 1 of {document}",
            excerpt.id
        )]
    );
}

#[test]
fn a_watchlist_queues_each_hit_once_and_accepting_makes_an_excerpt() {
    let (_tmp, mut vault) = vault_with_history();
    let document = with_page(
        &mut vault,
        "First sentence. The officer called her an instigator. Last one.",
    );
    let watchlist = vault
        .add_watchlist("instigator", "instigator", "labels used for activists")
        .unwrap();
    let at = "First sentence. The officer called her an ".len();
    let hit = crate::NewHit {
        kind: "page",
        reference: document.clone(),
        page: Some(1),
        snippet: "…called her an «instigator»…".into(),
        match_range: Some((at, at + "instigator".len())),
    };
    assert_eq!(
        vault
            .record_watchlist_run(&watchlist.id, std::slice::from_ref(&hit))
            .unwrap(),
        1
    );
    assert_eq!(
        vault.record_watchlist_run(&watchlist.id, &[hit]).unwrap(),
        0
    );
    assert_eq!(vault.pending_hit_count().unwrap(), 1);
    let pending = vault.watchlist_hits(None, true, 10).unwrap();
    let tag = testimonio_domain::ExcerptTag::parse("tag", "animus").unwrap();
    let excerpt = vault
        .accept_hit(pending[0].id, vec![tag], Vec::new(), Vec::new())
        .unwrap();
    assert_eq!(excerpt.quote, "The officer called her an instigator.");
    assert_eq!(excerpt.tags, ["animus"]);
    assert_eq!(vault.pending_hit_count().unwrap(), 0);
    assert!(
        vault
            .accept_hit(pending[0].id, Vec::new(), Vec::new(), Vec::new())
            .is_err()
    );
    let entries = vault.audit_tail(100).unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.object == format!("excerpt:{}", excerpt.id))
    );
    assert!(
        entries.iter().all(|e| !e.detail.contains("instigator")),
        "no content in the audit log"
    );
}
