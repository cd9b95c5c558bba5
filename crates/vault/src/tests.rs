//! Tests that need the vault's insides: tampering with the encrypted
//! database the way an attacker holding the key would.

use rusqlite::params;

use testimonio_domain::RecordId;

use crate::{Actor, KdfParams, Passphrase, Vault, VaultError};

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
fn aliases_that_no_longer_read_are_reported_not_read_as_none() {
    let (_tmp, mut vault) = vault_with_history();
    let id = RecordId::parse("id", "p-1").unwrap();
    vault
        .conn()
        .execute(
            "UPDATE person_identity SET aliases = 'Lucecita, not a list' WHERE person_id = 'p-1'",
            [],
        )
        .unwrap();
    match vault.person_identity(&id) {
        Err(VaultError::Schema(reason)) => {
            assert!(reason.contains("p-1"), "{reason}");
            assert!(
                !reason.contains("Lucecita"),
                "the stored text is not quoted: {reason}"
            );
        }
        other => panic!("expected a schema fault, got {other:?}"),
    }
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
                date: None,
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
                    decision: None,
                }],
            },
            capture: None,
            children: Vec::new(),
        })
        .unwrap();
    recorded.id
}

/// A PDF page's decision (text layer kept, or OCR and why) is stored with
/// it and comes back in the page listing and with the page; a page of
/// another kind has none.
#[test]
fn a_page_keeps_its_decision() {
    use crate::ingest::{Extraction, IngestedDocument, Intake, PageText};
    use testimonio_domain::{PageDecision, TextMethod};
    let (_tmp, mut vault) = vault_with_history();
    let page = |number, decision| PageText {
        number,
        method: TextMethod::Ocr,
        text: "Case 1:21-cv-01234 Document 52".into(),
        confidence: Some(91.0),
        bates: None,
        image_size: None,
        words: Vec::new(),
        problem: None,
        decision,
    };
    let blob = vault.store_original(&mut &b"%PDF-1.4 stamped"[..]).unwrap();
    let recorded = vault
        .record_ingested(&IngestedDocument {
            blob,
            intake: Intake::default(),
            extraction: Extraction {
                date: None,
                status: testimonio_domain::ExtractionStatus::Ok,
                detail: String::new(),
                title: None,
                metadata: None,
                tools: "test".into(),
                pages: vec![
                    page(1, Some(PageDecision::ImagePageWithStamp)),
                    page(2, None),
                ],
            },
            capture: None,
            children: Vec::new(),
        })
        .unwrap();
    let listed = vault.document_pages(&recorded.id).unwrap();
    let decisions: Vec<_> = listed.iter().map(|p| p.decision).collect();
    assert_eq!(decisions, [Some(PageDecision::ImagePageWithStamp), None]);
    let one = vault.document_page(&recorded.id, 1).unwrap().unwrap();
    assert_eq!(one.decision, Some(PageDecision::ImagePageWithStamp));
    let json = serde_json::to_value(&listed[0]).unwrap();
    assert_eq!(json["decision"], "image_page_with_stamp");
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

/// The vault of [`vault_with_history`], plus p-2 and an event naming
/// both people, and one account per role that matters here (the
/// documenter assigned to p-1 only).
fn vault_with_accounts() -> (tempfile::TempDir, Vault, Vec<crate::User>) {
    let (tmp, mut vault) = vault_with_history();
    let lines = [
        r#"{"type":"person","id":"p-2","pseudonym":"Sol","legal_name":"Other Name"}"#,
        r#"{"type":"event","id":"e-3","event_type":"protest","date":"2022","people":[{"id":"p-1","role":"organizer"},{"id":"p-2","role":"participant"}]}"#,
        r#"{"type":"event","id":"e-4","event_type":"vigil","date":"2022","people":[{"id":"p-1","role":"organizer"}]}"#,
    ];
    let records = lines.iter().enumerate().map(|(i, l)| {
        (
            format!("line {}", i + 1),
            testimonio_domain::exchange::parse_line(l),
        )
    });
    let report = vault.import_records("test", records, &mut |_| {}).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let mut users = Vec::new();
    for role in [
        testimonio_domain::Role::Coordinator,
        testimonio_domain::Role::Documenter,
        testimonio_domain::Role::Analyst,
    ] {
        let name = crate::Username::parse(&format!("t-{}", role.code())).unwrap();
        let password = crate::Password::new("a long enough password".into()).unwrap();
        users.push(vault.create_user(&name, role, &password).unwrap());
    }
    vault
        .assign(
            &users[1].username,
            &testimonio_domain::RecordId::parse("id", "p-1").unwrap(),
        )
        .unwrap();
    (tmp, vault, users)
}

fn id(text: &str) -> testimonio_domain::RecordId {
    testimonio_domain::RecordId::parse("id", text).unwrap()
}

#[test]
fn an_excerpts_quote_is_read_only_by_those_who_see_everyone_it_ties_to() {
    let (_tmp, mut vault, users) = vault_with_accounts();
    let [coordinator, documenter, analyst] = &users[..] else {
        unreachable!()
    };
    let document = with_page(
        &mut vault,
        "Agents called Quetzalina Verumbre an instigator at the vigil.",
    );
    let mut excerpt = |events: &[&str], people: &[&str]| {
        vault
            .add_excerpt(&crate::ExcerptParts {
                document: document.clone(),
                page: 1,
                start: 14,
                end: 33,
                events: events.iter().map(|e| id(e)).collect(),
                people: people.iter().map(|p| id(p)).collect(),
                ..Default::default()
            })
            .unwrap()
    };
    // (excerpt, who reads it: coordinator, documenter, analyst)
    let cases = [
        // Tied to no one: everyone.
        (excerpt(&["e-1"], &[]), [true, true, true]),
        // To p-1, the documenter's: not the analyst.
        (excerpt(&[], &["p-1"]), [true, true, false]),
        (excerpt(&["e-4"], &[]), [true, true, false]),
        // Through e-3 also to p-2, whom the documenter does not see.
        (excerpt(&["e-3"], &["p-1"]), [true, false, false]),
        (excerpt(&["e-1", "e-3"], &[]), [true, false, false]),
        (excerpt(&[], &["p-1", "p-2"]), [true, false, false]),
    ];
    for (e, expected) in &cases {
        assert_eq!(e.quote, "Quetzalina Verumbre");
        for (user, allowed) in [coordinator, documenter, analyst].iter().zip(expected) {
            assert_eq!(
                vault.may_read_excerpt(user, e).unwrap(),
                *allowed,
                "{} on excerpt linked to {:?} {:?}",
                user.username,
                e.events,
                e.people
            );
        }
    }
    assert_eq!(
        vault
            .people_tied_to_excerpt(&cases[4].0)
            .unwrap()
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>(),
        ["p-1", "p-2"]
    );

    // As listed for the analyst: the withheld ones carry no text at all.
    let before = vault.audit_tail(1).unwrap()[0].seq;
    vault.set_actor(crate::Actor::new("web:t-analyst").unwrap());
    let shown = vault
        .excerpts_for(analyst, &crate::ExcerptFilter::default())
        .unwrap();
    assert_eq!(shown.len(), cases.len());
    let readable: Vec<&str> = shown
        .iter()
        .filter_map(|s| match s {
            crate::ShownExcerpt::Readable(e) => Some(e.id.as_str()),
            crate::ShownExcerpt::Withheld(_) => None,
        })
        .collect();
    assert_eq!(readable, [cases[0].0.id.as_str()]);
    let json = serde_json::to_string(&shown).unwrap();
    assert_eq!(json.matches("Quetzalina").count(), 1, "{json}");
    assert!(json.contains("\"access\":\"withheld\""));
    // The one quote shown is a text read of its document, audited once.
    let reads: Vec<_> = vault
        .audit_tail(100)
        .unwrap()
        .into_iter()
        .filter(|e| e.seq > before)
        .collect();
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(
        (
            reads[0].action.as_str(),
            reads[0].object.as_str(),
            reads[0].detail.as_str()
        ),
        (
            "document_read",
            format!("document:{document}").as_str(),
            "text"
        )
    );
}

#[test]
fn text_reads_are_audited_once_per_account_and_document_within_the_hour() {
    let (_tmp, mut vault) = vault_with_history();
    let document = with_page(&mut vault, "Page text naming nobody.");
    let text_reads = |vault: &Vault| -> Vec<(String, String)> {
        vault
            .audit_tail(1000)
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "document_read" && e.detail == "text")
            .map(|e| (e.actor, e.object))
            .collect()
    };
    vault.set_actor(crate::Actor::new("web:t-analyst").unwrap());
    for _ in 0..5 {
        let page = vault.read_page_text(&document, 1).unwrap().unwrap();
        assert_eq!(page.text, "Page text naming nobody.");
    }
    // A page that does not exist is no read.
    assert!(vault.read_page_text(&document, 2).unwrap().is_none());
    let object = format!("document:{document}");
    assert_eq!(
        text_reads(&vault),
        [("web:t-analyst".to_owned(), object.clone())]
    );
    // Another handle on the same vault remembers it; another account does not.
    let mut other = vault.try_clone().unwrap();
    other.set_actor(crate::Actor::new("web:t-analyst").unwrap());
    other.record_text_reads(&[&document, &document]).unwrap();
    other.set_actor(crate::Actor::new("web:t-viewer").unwrap());
    other.read_page_text(&document, 1).unwrap();
    assert_eq!(
        text_reads(&vault),
        [
            ("web:t-analyst".to_owned(), object.clone()),
            ("web:t-viewer".to_owned(), object.clone())
        ]
    );
    // A vault opened again (a restart) audits the next read again.
    let dir = vault.dir().to_owned();
    drop(other);
    drop(vault);
    let passphrase = Passphrase::new("tamper test passphrase".into()).unwrap();
    let mut reopened = Vault::open(
        &dir,
        crate::Unlock::Passphrase(&passphrase),
        crate::Actor::new("web:t-analyst").unwrap(),
    )
    .unwrap();
    reopened.read_page_text(&document, 1).unwrap();
    assert_eq!(text_reads(&reopened).len(), 3);
}

#[test]
fn a_search_is_audited_by_fingerprint_never_by_its_text() {
    let (_tmp, mut vault) = vault_with_history();
    let query = "exact:\"Quetzalina Verumbre\"";
    vault
        .record_search(query, 20, 42, &["doc-b", "doc-a", "doc-b"], &["e-1"])
        .unwrap();
    let entry = vault.audit_tail(1).unwrap().pop().unwrap();
    assert_eq!(
        (entry.action.as_str(), entry.object.as_str()),
        ("search", "search")
    );
    let fingerprint = vault.query_fingerprint(query);
    assert_eq!(fingerprint.len(), 32);
    assert_eq!(
        entry.detail,
        format!("query={fingerprint} offset=20 results=42 documents=doc-b,doc-a events=e-1")
    );
    assert!(!entry.detail.contains("Quetzalina"));
    // The same query (spaces at the ends aside) has the same fingerprint;
    // another query another.
    assert_eq!(vault.query_fingerprint(&format!("  {query} ")), fingerprint);
    assert_ne!(vault.query_fingerprint("exact:\"Quetzalina\""), fingerprint);
    // Another vault, another key: another fingerprint.
    let (_tmp2, other) = vault_with_history();
    assert_ne!(other.query_fingerprint(query), fingerprint);
    assert!(vault.check().unwrap().is_ok());
}

#[test]
fn the_creator_is_the_actor_of_the_creation_entry_whoever_acts_later() {
    let (_tmp, mut vault) = vault_with_history();
    vault.set_actor(Actor::new("cli:someone else").unwrap());
    vault.check().unwrap();
    assert_eq!(vault.created_by().unwrap().as_deref(), Some("test"));
}
