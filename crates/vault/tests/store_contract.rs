//! Contract tests of the storage boundary (`testimonio_vault::store`): one
//! story per trait, written against the traits only, run against every
//! backend in [`backends`]. Today that is the SQLCipher vault; a
//! PostgreSQL and S3 backend is one more entry there (and one more arm in
//! [`Backend::run`]), and must pass these stories unchanged.

use std::time::Duration;

use testimonio_domain::exchange::{ExchangeRecord, parse_line};
use testimonio_domain::{
    Event, ExtractionStatus, Group, Person, RecordId, Role, Testimony, TestimonyParts, TextMethod,
};
use testimonio_foia::{FoiaRequest, FoiaRequestParts};
use testimonio_vault::foia::FoiaExport;
use testimonio_vault::store::{
    AccountStore, AuditLog, CaseStore, DocumentStore, ExcerptStore, FoiaStore, ImportStore,
    ImportWriter, Maintenance, MentionStore, RecordStore, SearchFeed, Store, TestimonyStore,
};
use testimonio_vault::{
    Actor, AuditAction, ConflictKind, EventFilter, ExcerptFilter, ExcerptParts, Extraction,
    ImportMode, ImportRecord, ImportRow, ImportStatus, IndexTarget, IngestedDocument, Intake,
    KdfParams, LoginOutcome, NewHit, PageText, Passphrase, Password, PeopleFilter, Provenance,
    RecordKind, Refusal, SessionTimeouts, StoredImport, TestimonyFilter, TestimonyLink, Throttle,
    Username, Vault, VaultError, WatchlistField, WriteOutcome,
};
use testimonio_vault::{FoundMention, MentionKind, MentionScan, MentionStatus, MentionTarget};

// ---------------------------------------------------------------------------
// Backends

/// The backends under contract.
#[derive(Debug, Clone, Copy)]
enum Backend {
    /// The SQLCipher database and age blob store in one directory.
    SqlCipher,
}

/// Every backend the stories run against.
fn backends() -> Vec<Backend> {
    vec![Backend::SqlCipher]
}

const ACTOR: &str = "test:contract";

impl Backend {
    /// Tells `story` on a fresh, empty store of this backend.
    fn run(self, story: &impl Story) {
        eprintln!("backend {self:?}");
        match self {
            Backend::SqlCipher => {
                let tmp = tempfile::tempdir().unwrap();
                let mut vault = Vault::create(
                    &tmp.path().join("vault"),
                    &Passphrase::new("contract test passphrase".into()).unwrap(),
                    KdfParams::MINIMUM,
                    Actor::new(ACTOR).unwrap(),
                )
                .unwrap()
                .vault;
                story.tell(&mut vault, tmp.path());
            }
        }
    }
}

/// A story, generic over the store (a closure cannot be generic).
trait Story {
    /// `scratch` is a private directory for files the story writes.
    fn tell<S: Store>(&self, store: &mut S, scratch: &std::path::Path);
}

/// One test that tells `$story` on every backend.
macro_rules! contract_test {
    ($test:ident, $story:ident) => {
        #[test]
        fn $test() {
            struct Tell;
            impl Story for Tell {
                fn tell<S: Store>(&self, store: &mut S, scratch: &std::path::Path) {
                    $story(store, scratch)
                }
            }
            for backend in backends() {
                backend.run(&Tell);
            }
        }
    };
}

contract_test!(record_store_keeps_its_contract, records_story);
contract_test!(document_store_keeps_its_contract, documents_story);
contract_test!(search_feed_keeps_its_contract, search_feed_story);
contract_test!(audit_log_keeps_its_contract, audit_story);
contract_test!(account_store_keeps_its_contract, accounts_story);
contract_test!(foia_store_keeps_its_contract, foia_story);
contract_test!(excerpt_store_keeps_its_contract, excerpts_story);
contract_test!(case_store_keeps_its_contract, cases_story);
contract_test!(maintenance_keeps_its_contract, maintenance_story);
contract_test!(testimony_store_keeps_its_contract, testimonies_story);
contract_test!(import_store_keeps_its_contract, imports_story);
contract_test!(mention_store_keeps_its_contract, mentions_story);

// ---------------------------------------------------------------------------
// Helpers

fn record(line: &str) -> ExchangeRecord {
    parse_line(line).unwrap()
}

fn group(line: &str) -> Group {
    match record(line) {
        ExchangeRecord::Group(g) => g.into_group().unwrap(),
        other => panic!("not a group: {other:?}"),
    }
}

fn person(line: &str) -> Person {
    match record(line) {
        ExchangeRecord::Person(p) => p.into_person().unwrap(),
        other => panic!("not a person: {other:?}"),
    }
}

fn event(line: &str) -> Event {
    match record(line) {
        ExchangeRecord::Event(e) => e.into_event().unwrap(),
        other => panic!("not an event: {other:?}"),
    }
}

fn id(text: &str) -> RecordId {
    RecordId::parse("id", text).unwrap()
}

fn last_entry(store: &impl AuditLog) -> testimonio_vault::AuditEntry {
    store.audit_tail(1).unwrap().pop().unwrap()
}

fn entries(store: &impl AuditLog) -> usize {
    let (count, faults) = store.verify_audit_chain().unwrap();
    assert!(faults.is_empty(), "{faults:?}");
    count
}

/// A document with one page of `text`, recorded as ingest records it.
fn ingest_page<S: DocumentStore>(store: &mut S, text: &str) -> String {
    let blob = store.store_original(&mut text.as_bytes()).unwrap();
    store
        .record_ingested(&IngestedDocument {
            blob,
            intake: Intake::default(),
            extraction: Extraction {
                date: None,
                status: ExtractionStatus::Ok,
                detail: String::new(),
                title: None,
                metadata: None,
                tools: "contract test".into(),
                pages: vec![PageText {
                    number: 1,
                    method: TextMethod::Plain,
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
        .unwrap()
        .id
}

const GROUP: &str = r#"{"type":"group","id":"g-1","name":"Vecinos (demo)"}"#;
const PERSON: &str =
    r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Luz Legal","groups":["g-1"]}"#;
const EVENT_2020: &str = r#"{"type":"event","id":"e-1","event_type":"protest","date":"2020-03","people":[{"id":"p-1","role":"organizer"}],"groups":["g-1"]}"#;
const EVENT_2019: &str = r#"{"type":"event","id":"e-2","event_type":"vigil","date":"2019-05","people":[{"id":"p-1","role":"participant"}]}"#;
const EVENT_UNKNOWN_PERSON: &str = r#"{"type":"event","id":"e-3","event_type":"vigil","date":"2021","people":[{"id":"p-9","role":"witness"}]}"#;

// ---------------------------------------------------------------------------
// Stories

fn records_story<S: RecordStore + AuditLog>(s: &mut S, _scratch: &std::path::Path) {
    assert_eq!(s.counts().unwrap().events, 0);

    // A write is audited once; the same record again is Unchanged and not.
    assert_eq!(s.put_group(&group(GROUP)).unwrap(), WriteOutcome::Created);
    let entry = last_entry(s);
    assert_eq!(
        (entry.action.as_str(), entry.object.as_str()),
        (AuditAction::RecordCreated.code(), "group:g-1")
    );
    let before = entries(s);
    assert_eq!(s.put_group(&group(GROUP)).unwrap(), WriteOutcome::Unchanged);
    assert_eq!(entries(s), before);

    assert_eq!(
        s.put_person(&person(PERSON)).unwrap(),
        WriteOutcome::Created
    );
    s.put_event(&event(EVENT_2020)).unwrap();
    s.put_event(&event(EVENT_2019)).unwrap();

    // An unknown reference is typed, and nothing is stored or audited.
    let before = entries(s);
    match s.put_event(&event(EVENT_UNKNOWN_PERSON)) {
        Err(VaultError::UnknownReference { field, kind, id }) => {
            assert_eq!(
                (field.as_str(), kind, id.as_str()),
                ("people[0].id", RecordKind::Person, "p-9")
            );
        }
        other => panic!("expected an unknown reference: {other:?}"),
    }
    assert_eq!(entries(s), before);
    assert_eq!(s.count_events(&EventFilter::default()).unwrap(), 2);

    // Reads: events in date order, oldest first unless asked otherwise.
    let ids = |events: Vec<Event>| {
        events
            .iter()
            .map(|e| e.id().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(s.events(&EventFilter::default()).unwrap()),
        ["e-2", "e-1"]
    );
    let newest = EventFilter {
        newest_first: true,
        ..EventFilter::default()
    };
    assert_eq!(ids(s.events(&newest).unwrap()), ["e-1", "e-2"]);
    assert_eq!(s.event(&id("e-1")).unwrap().unwrap().id().as_str(), "e-1");
    assert!(s.event(&id("e-404")).unwrap().is_none());
    assert_eq!(s.groups().unwrap().len(), 1);
    assert!(s.group(&id("g-1")).unwrap().is_some());
    assert_eq!(s.count_people().unwrap(), 1);

    // People are listed without identity, unaudited; an identity read is
    // audited before it returns.
    let people = s.people(&PeopleFilter::default()).unwrap();
    assert_eq!(people.len(), 1);
    assert!(s.person_summary(&id("p-1")).unwrap().is_some());
    let before = entries(s);
    let luz = s.person_identity(&id("p-1")).unwrap();
    assert_eq!(luz.id.as_str(), "p-1");
    assert_eq!(entries(s), before + 1);
    let entry = last_entry(s);
    assert_eq!(
        (entry.action.as_str(), entry.object.as_str()),
        (AuditAction::IdentityRead.code(), "person:p-1")
    );
    assert!(matches!(
        s.person_identity(&id("p-404")),
        Err(VaultError::NotFound {
            kind: RecordKind::Person,
            ..
        })
    ));
    assert!(matches!(
        s.withdraw_consent(
            &id("p-404"),
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
        ),
        Err(VaultError::NotFound {
            kind: RecordKind::Person,
            ..
        })
    ));

    // An import reports a record's own fault and goes on.
    let lines = [
        EVENT_UNKNOWN_PERSON,
        r#"{"type":"event","id":"e-4","event_type":"vigil","date":"2022"}"#,
    ];
    let records = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("line {}", i + 1), parse_line(l)));
    let report = s.import_records("contract", records, &mut |_| {}).unwrap();
    assert_eq!((report.created, report.failed.len()), (1, 1));
    assert_eq!(report.failed[0].reason, "people[0].id: unknown person p-9");
    assert_eq!(last_entry(s).action, AuditAction::Import.code());

    // An export is audited, and reads back.
    let mut out = Vec::new();
    let total = s.export_jsonl(&mut out).unwrap();
    assert_eq!(total, 1 + 1 + 3);
    assert_eq!(last_entry(s).action, AuditAction::Export.code());
    let text = String::from_utf8(out).unwrap();
    assert_eq!(
        text.lines().count(),
        1 + total as usize,
        "a header, then every record"
    );
    assert!(text.contains("Luz Legal"), "identities are exported");

    // Records for an export the caller writes: audited first, counts only.
    let all = s.export_all("xlsx").unwrap();
    assert_eq!(
        (all.groups.len(), all.people.len(), all.events.len()),
        (1, 1, 3)
    );
    let entry = last_entry(s);
    assert_eq!(
        (entry.action.as_str(), entry.object.as_str()),
        (AuditAction::Export.code(), "export:xlsx")
    );
    assert!(!entry.detail.contains("Luz"), "{}", entry.detail);
    assert!(
        all.people[0]
            .identity
            .legal_name
            .as_ref()
            .is_some_and(|n| n.expose() == "Luz Legal"),
        "identities are exported"
    );
}

fn documents_story<S: DocumentStore + AuditLog>(s: &mut S, _scratch: &std::path::Path) {
    let bytes = b"an original, as received".as_slice();
    let from = Provenance {
        file_name: Some("original.txt"),
        ..Provenance::default()
    };
    let (info, new) = s.add_document(&mut { bytes }, &from).unwrap();
    assert!(new);
    assert_eq!(last_entry(s).action, AuditAction::DocumentAdded.code());
    // The same bytes again are kept once; receiving them is custody.
    let (again, new) = s.add_document(&mut { bytes }, &from).unwrap();
    assert!(!new);
    assert_eq!(again.id, info.id);
    assert_eq!(s.documents().unwrap().len(), 1);
    assert_eq!(s.custody(&info.id).unwrap().len(), 2);
    assert_eq!(
        s.document_by_sha256(&info.sha256).unwrap().map(|d| d.id),
        Some(info.id.clone())
    );

    // Reading the original is audited before the bytes leave.
    let before = entries(s);
    let mut read = Vec::new();
    assert_eq!(
        s.read_document(&info.id, &mut read).unwrap(),
        bytes.len() as u64
    );
    assert_eq!(read, bytes);
    assert_eq!(entries(s), before + 1);
    assert_eq!(last_entry(s).action, AuditAction::DocumentRead.code());
    assert_eq!(&s.document_bytes(&info.id, "test").unwrap()[..], bytes);
    assert!(matches!(
        s.document("doc-0000000000000000"),
        Err(VaultError::NotFound {
            kind: RecordKind::Document,
            ..
        })
    ));
    assert!(matches!(
        s.record_document_read("doc-0000000000000000", "test"),
        Err(VaultError::NotFound {
            kind: RecordKind::Document,
            ..
        })
    ));

    // Pages: machine reads are not audited; a person's read is, once per
    // window; a page that does not exist is neither returned nor audited.
    let doc = ingest_page(s, "La patrulla llegó a las seis.");
    assert_eq!(s.document_pages(&doc).unwrap().len(), 1);
    let before = entries(s);
    assert!(s.document_page(&doc, 1).unwrap().is_some());
    assert_eq!(entries(s), before);
    let page = s.read_page_text(&doc, 1).unwrap().unwrap();
    assert_eq!(page.text, "La patrulla llegó a las seis.");
    assert_eq!(entries(s), before + 1);
    s.record_text_reads(&[doc.as_str()]).unwrap();
    assert_eq!(entries(s), before + 1, "read again within the window");
    assert!(s.read_page_text(&doc, 9).unwrap().is_none());
    assert_eq!(entries(s), before + 1);
    assert_eq!(
        s.count_documents(&testimonio_vault::DocumentFilter::default())
            .unwrap(),
        2
    );
}

fn search_feed_story<S: SearchFeed + DocumentStore + RecordStore>(
    s: &mut S,
    _scratch: &std::path::Path,
) {
    let start = s.index_queue_head().unwrap();
    let doc = ingest_page(s, "Texto para el índice.");
    s.put_event(&event(
        r#"{"type":"event","id":"e-1","event_type":"vigil","date":"2020"}"#,
    ))
    .unwrap();
    let changes = s.index_changes_after(start, 100).unwrap();
    assert!(changes.len() >= 2, "{changes:?}");
    let event_changes = |changes: &[(i64, IndexTarget)]| {
        changes
            .iter()
            .filter(|(_, t)| *t == IndexTarget::Event("e-1".into()))
            .count()
    };
    assert_eq!(event_changes(&changes), 1, "{changes:?}");
    // An event written unchanged is not queued again; a changed one is.
    let queued = s.index_queue_head().unwrap();
    s.put_event(&event(
        r#"{"type":"event","id":"e-1","event_type":"vigil","date":"2020"}"#,
    ))
    .unwrap();
    assert_eq!(s.index_queue_head().unwrap(), queued);
    s.put_event(&event(
        r#"{"type":"event","id":"e-1","event_type":"vigil","date":"2020","narrative":"Una vigilia."}"#,
    ))
    .unwrap();
    assert_eq!(
        event_changes(&s.index_changes_after(queued, 100).unwrap()),
        1
    );
    let changes = s.index_changes_after(start, 100).unwrap();
    assert!(changes.windows(2).all(|w| w[0].0 < w[1].0), "oldest first");
    let head = s.index_queue_head().unwrap();
    assert_eq!(changes.last().unwrap().0, head);
    assert_eq!(s.index_changes_after(start, 1).unwrap().len(), 1);
    s.trim_index_queue(head).unwrap();
    assert!(s.index_changes_after(start, 100).unwrap().is_empty());

    assert_eq!(s.all_document_ids().unwrap(), std::slice::from_ref(&doc));
    assert_eq!(s.all_event_ids().unwrap(), ["e-1"]);
    assert_eq!(s.indexable_pages(&doc, None).unwrap().len(), 1);
    assert!(s.indexable_page(&doc, 1).unwrap().is_some());
    assert!(s.indexable_page(&doc, 2).unwrap().is_none());
    assert!(s.indexable_event("e-1").unwrap().is_some());
    let sealer = s.search_index_sealer();
    let sealed = sealer.seal("segment", b"index bytes");
    assert_eq!(
        &sealer.open("segment", &sealed).unwrap()[..],
        b"index bytes"
    );
}

fn audit_story<S: AuditLog + RecordStore>(s: &mut S, _scratch: &std::path::Path) {
    s.put_group(&group(GROUP)).unwrap();
    let (count, faults) = s.verify_audit_chain().unwrap();
    assert!(faults.is_empty());
    assert_eq!(count as u64, s.counts().unwrap().audit_entries);
    let tail = s.audit_tail(2).unwrap();
    assert_eq!(tail.len(), 2);
    assert!(tail[0].seq < tail[1].seq, "in the order written");

    // A search is recorded by fingerprint, never by its words.
    let query = "redada escuela";
    assert_eq!(
        s.query_fingerprint(query),
        s.query_fingerprint("  redada escuela ")
    );
    assert_ne!(s.query_fingerprint(query), s.query_fingerprint("otra cosa"));
    s.record_search(query, 0, 3, &["doc-1"], &["e-1"]).unwrap();
    let entry = last_entry(s);
    assert_eq!(entry.action, AuditAction::Search.code());
    assert!(!entry.detail.contains("redada"), "{}", entry.detail);
    assert!(
        entry.detail.contains(&s.query_fingerprint(query)),
        "{}",
        entry.detail
    );
    s.record_hits_view(None, &[]).unwrap();
    assert_eq!(last_entry(s).action, AuditAction::Search.code());

    s.record_lock().unwrap();
    assert_eq!(last_entry(s).action, AuditAction::Locked.code());
    s.record_unlock().unwrap();
    assert_eq!(last_entry(s).action, AuditAction::Unlocked.code());
    let failed = testimonio_vault::FailedUnlock {
        at: testimonio_vault::now(),
        client: "192.0.2.1".into(),
    };
    s.record_unlock_after(&[failed], 2).unwrap();
    let tail = s.audit_tail(2).unwrap();
    assert_eq!(tail[0].action, AuditAction::UnlockFailed.code());
    assert_eq!(tail[1].action, AuditAction::Unlocked.code());
    assert!(s.verify_audit_chain().unwrap().1.is_empty());
}

fn accounts_story<S: AccountStore>(s: &mut S, _scratch: &std::path::Path) {
    let alice = Username::parse("alice").unwrap();
    let password = Password::new("correct horse battery".into()).unwrap();
    let user = s.create_user(&alice, Role::Coordinator, &password).unwrap();
    assert!(matches!(
        s.create_user(&alice, Role::Viewer, &password),
        Err(VaultError::Conflict(ConflictKind::UsernameTaken { .. }))
    ));
    s.create_user(&Username::parse("aaron").unwrap(), Role::Viewer, &password)
        .unwrap();
    let names: Vec<String> = s
        .users()
        .unwrap()
        .iter()
        .map(|u| u.username.to_string())
        .collect();
    assert_eq!(names, ["aaron", "alice"]);
    assert_eq!(s.user(user.id).unwrap().unwrap().username, alice);

    // Login: outcomes, not errors.
    let login = |s: &mut S, name: &str, password: &str| {
        s.verify_login(
            name,
            &Password::attempt(password.into()),
            &Throttle::LOGIN,
            None,
        )
        .unwrap()
    };
    assert!(matches!(
        login(s, "alice", "correct horse battery"),
        LoginOutcome::Success(_)
    ));
    assert!(matches!(
        login(s, "alice", "wrong password!!"),
        LoginOutcome::BadCredentials
    ));
    assert!(matches!(
        login(s, "nobody", "correct horse battery"),
        LoginOutcome::BadCredentials
    ));

    // Sessions.
    let timeouts = SessionTimeouts {
        idle: Duration::from_secs(600),
        absolute: Duration::from_secs(3600),
    };
    let session = s.create_session(user.id, false, timeouts).unwrap();
    let live = s.session(&session.token, timeouts.idle).unwrap().unwrap();
    assert_eq!(live.user.id, user.id);
    s.end_session(&session.token).unwrap();
    assert!(s.session(&session.token, timeouts.idle).unwrap().is_none());

    // Tokens: returned once, work until revoked.
    let token = s.create_api_token(&alice, "script").unwrap();
    assert_eq!(
        s.user_for_api_token(&token).unwrap().map(|u| u.id),
        Some(user.id)
    );
    let listed = s.api_tokens(Some(&alice)).unwrap();
    assert_eq!(listed.len(), 1);
    s.revoke_api_token(&alice, listed[0].id).unwrap();
    assert!(s.user_for_api_token(&token).unwrap().is_none());
    assert!(matches!(
        s.revoke_api_token(&alice, listed[0].id + 1000),
        Err(VaultError::NotFound {
            kind: RecordKind::ApiToken,
            ..
        })
    ));
    assert!(matches!(
        s.create_api_token_valid_for(&alice, "t", Duration::ZERO),
        Err(VaultError::Refused(Refusal::TokenTooLong { .. }))
    ));

    // A new password ends what the old one opened.
    let session = s.create_session(user.id, false, timeouts).unwrap();
    let token = s.create_api_token(&alice, "script").unwrap();
    let ended = s
        .set_password(
            &alice,
            &Password::new("another long password".into()).unwrap(),
        )
        .unwrap();
    assert_eq!((ended.sessions, ended.tokens), (1, 1));
    assert!(s.session(&session.token, timeouts.idle).unwrap().is_none());
    assert!(s.user_for_api_token(&token).unwrap().is_none());

    // A disabled account does not log in, even with the right password.
    s.set_disabled(&alice, true).unwrap();
    assert!(matches!(
        login(s, "alice", "another long password"),
        LoginOutcome::Disabled
    ));
    assert!(matches!(
        s.set_disabled(&Username::parse("nobody").unwrap(), true),
        Err(VaultError::NotFound {
            kind: RecordKind::User,
            ..
        })
    ));
    assert!(s.totp_secret(user.id).unwrap().is_none());
}

fn foia_story<S: FoiaStore + RecordStore + DocumentStore + AuditLog>(
    s: &mut S,
    _scratch: &std::path::Path,
) {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let request = FoiaRequest::new(
        FoiaRequestParts {
            id: "foia-1".into(),
            agency: "ice".into(),
            subject: "Detainer records (test)".into(),
            ..FoiaRequestParts::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(s.put_foia(&request).unwrap(), WriteOutcome::Created);
    assert_eq!(s.put_foia(&request).unwrap(), WriteOutcome::Unchanged);
    assert_eq!(s.foia("foia-1").unwrap().as_ref(), Some(&request));
    assert!(s.foia("foia-404").unwrap().is_none());
    assert_eq!(s.foias().unwrap().len(), 1);

    assert!(matches!(
        s.link_foia_event("foia-1", &id("e-404")),
        Err(VaultError::NotFound {
            kind: RecordKind::Event,
            ..
        })
    ));
    s.put_event(&event(
        r#"{"type":"event","id":"e-1","event_type":"vigil","date":"2020"}"#,
    ))
    .unwrap();
    assert!(matches!(
        s.link_foia_event("foia-404", &id("e-1")),
        Err(VaultError::NotFound {
            kind: RecordKind::FoiaRequest,
            ..
        })
    ));
    s.link_foia_event("foia-1", &id("e-1")).unwrap();
    assert_eq!(s.foia_events("foia-1").unwrap(), ["e-1"]);

    assert!(matches!(
        s.add_foia_production("foia-1", "doc-0000000000000000", (None, None), None),
        Err(VaultError::NotFound { .. })
    ));
    let doc = ingest_page(s, "Produced page.");
    s.add_foia_production(
        "foia-1",
        &doc,
        (Some("ICE-0001"), Some("ICE-0002")),
        Some(today),
    )
    .unwrap();
    assert_eq!(s.foia_productions("foia-1").unwrap().len(), 1);

    // A letter or calendar leaving the vault: one export entry, ids and
    // counts only.
    let before = entries(s);
    s.record_foia_export(FoiaExport::Letter {
        request: "foia-1",
        kind: "appeal",
    })
    .unwrap();
    let entry = last_entry(s);
    assert_eq!(
        (
            entry.action.as_str(),
            entry.object.as_str(),
            entry.detail.as_str()
        ),
        ("export", "foia:foia-1", "letter=appeal")
    );
    s.record_foia_export(FoiaExport::Calendar { requests: 1 })
        .unwrap();
    assert_eq!(last_entry(s).object, "foia:calendar");
    assert_eq!(entries(s), before + 2);
}

fn excerpts_story<S: ExcerptStore + DocumentStore + RecordStore>(
    s: &mut S,
    _scratch: &std::path::Path,
) {
    assert!(matches!(
        s.add_watchlist(" ", "redada", "monitoring"),
        Err(VaultError::Refused(Refusal::WatchlistFieldEmpty {
            field: WatchlistField::Name
        }))
    ));
    let watchlist = s.add_watchlist("Redadas", "redada", "monitoring").unwrap();
    assert_eq!(s.watchlist(&watchlist.id).unwrap().id, watchlist.id);
    assert_eq!(s.watchlists().unwrap().len(), 1);
    assert!(matches!(
        s.watchlist("watch-404"),
        Err(VaultError::NotFound {
            kind: RecordKind::Watchlist,
            ..
        })
    ));

    let text = "Hubo una redada en la escuela. Nadie fue detenido.";
    let doc = ingest_page(s, text);
    let hit = NewHit {
        kind: "page",
        reference: doc.clone(),
        page: Some(1),
        snippet: "una redada en".into(),
        match_range: Some((9, 15)),
    };
    assert_eq!(
        s.record_watchlist_run(&watchlist.id, std::slice::from_ref(&hit))
            .unwrap(),
        1
    );
    assert_eq!(
        s.record_watchlist_run(&watchlist.id, &[hit]).unwrap(),
        0,
        "seen before"
    );
    assert_eq!(s.pending_hit_count().unwrap(), 1);
    let hits = s.watchlist_hits(Some(&watchlist.id), true, 10).unwrap();
    assert_eq!(hits.len(), 1);
    let hit_id = hits[0].id;
    assert_eq!(s.watchlist_hit(hit_id).unwrap().status, "pending");

    // Accepting quotes the sentence around the match, once.
    let excerpt = s
        .accept_hit(hit_id, Vec::new(), Vec::new(), Vec::new())
        .unwrap();
    assert_eq!(excerpt.quote, "Hubo una redada en la escuela.");
    assert_eq!(s.pending_hit_count().unwrap(), 0);
    assert!(matches!(
        s.accept_hit(hit_id, Vec::new(), Vec::new(), Vec::new()),
        Err(VaultError::Conflict(ConflictKind::HitReviewed {
            status: Some(_),
            ..
        }))
    ));
    assert!(matches!(
        s.dismiss_hit(hit_id),
        Err(VaultError::Conflict(ConflictKind::HitReviewed {
            status: None,
            ..
        }))
    ));

    // Excerpts by hand: only real passages.
    assert!(matches!(
        s.add_excerpt(&ExcerptParts {
            document: doc.clone(),
            page: 1,
            start: 10,
            end: 1000,
            ..ExcerptParts::default()
        }),
        Err(VaultError::Refused(Refusal::NotAPassage { .. }))
    ));
    s.put_group(&group(GROUP)).unwrap();
    s.put_person(&person(PERSON)).unwrap();
    let tied = s
        .add_excerpt(&ExcerptParts {
            document: doc.clone(),
            page: 1,
            start: 31,
            end: 50,
            people: vec![id("p-1")],
            ..ExcerptParts::default()
        })
        .unwrap();
    assert_eq!(tied.quote, "Nadie fue detenido.");
    assert_eq!(s.excerpt(&tied.id).unwrap(), tied);
    assert_eq!(s.excerpts(&ExcerptFilter::default()).unwrap().len(), 2);
    assert_eq!(s.people_tied_to_excerpt(&tied).unwrap(), [id("p-1")]);
    assert!(matches!(
        s.excerpt("exc-404"),
        Err(VaultError::NotFound {
            kind: RecordKind::Excerpt,
            ..
        })
    ));
}

fn cases_story<S: CaseStore + RecordStore + AuditLog>(s: &mut S, _scratch: &std::path::Path) {
    use testimonio_domain::{CaseLinkKind, CaseParts, CaseStatus};
    let parts = |id: &str, person: Option<&str>, group: Option<&str>| CaseParts {
        id: id.into(),
        title: "Removal defense (test)".into(),
        kind: "removal_defense".into(),
        person: person.map(Into::into),
        group: group.map(Into::into),
        attorney: Some("Attorney (test)".into()),
        opened_on: Some("2024-03".into()),
        notes: Some("Strategy notes (test)".into()),
        ..CaseParts::default()
    };

    // The subject must exist: a typed unknown reference, nothing stored
    // or audited.
    let before = entries(s);
    let (case, notes) = parts("case-1", Some("p-1"), None).into_case().unwrap();
    assert!(matches!(
        s.add_case(&case, notes.as_ref()),
        Err(VaultError::UnknownReference { ref field, kind: RecordKind::Person, .. }) if field == "person"
    ));
    assert_eq!(entries(s), before);
    assert!(s.case("case-1").unwrap().is_none());

    s.put_group(&group(GROUP)).unwrap();
    s.put_person(&person(PERSON)).unwrap();
    s.add_case(&case, notes.as_ref()).unwrap();
    let entry = last_entry(s);
    assert_eq!(
        (entry.action.as_str(), entry.object.as_str()),
        (AuditAction::RecordCreated.code(), "case:case-1")
    );
    assert_eq!(s.case("case-1").unwrap().as_ref(), Some(&case));
    let (group_case, _) = parts("case-2", None, Some("g-1")).into_case().unwrap();
    s.add_case(&group_case, None).unwrap();
    let ids: Vec<String> = s
        .cases()
        .unwrap()
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(ids, ["case-1", "case-2"]);

    // Notes are read on their own, audited before they are returned.
    let notes = s.case_notes("case-1").unwrap().unwrap();
    assert_eq!(notes.expose(), "Strategy notes (test)");
    let entry = last_entry(s);
    assert_eq!(
        (
            entry.action.as_str(),
            entry.object.as_str(),
            entry.detail.as_str()
        ),
        (AuditAction::IdentityRead.code(), "case:case-1", "notes")
    );
    assert!(s.case_notes("case-2").unwrap().is_none());
    assert!(matches!(
        s.case_notes("case-404"),
        Err(VaultError::NotFound {
            kind: RecordKind::Case,
            ..
        })
    ));

    // Status: audited when it changes.
    assert_eq!(
        s.set_case_status("case-1", CaseStatus::PendingDecision)
            .unwrap(),
        WriteOutcome::Updated
    );
    let before = entries(s);
    assert_eq!(
        s.set_case_status("case-1", CaseStatus::PendingDecision)
            .unwrap(),
        WriteOutcome::Unchanged
    );
    assert_eq!(entries(s), before);
    assert_eq!(
        s.case("case-1").unwrap().unwrap().status,
        CaseStatus::PendingDecision
    );

    // Links keep their order; a link again changes nothing.
    assert!(s.link_case("case-1", CaseLinkKind::Event, "e-9").unwrap());
    assert!(s.link_case("case-1", CaseLinkKind::Foia, "foia-9").unwrap());
    let before = entries(s);
    assert!(!s.link_case("case-1", CaseLinkKind::Event, "e-9").unwrap());
    assert_eq!(entries(s), before);
    let links: Vec<(CaseLinkKind, String)> = s
        .case_links("case-1")
        .unwrap()
        .into_iter()
        .map(|l| (l.kind, l.target))
        .collect();
    assert_eq!(
        links,
        [
            (CaseLinkKind::Event, "e-9".to_owned()),
            (CaseLinkKind::Foia, "foia-9".to_owned())
        ]
    );
    assert!(s.unlink_case("case-1", CaseLinkKind::Event, "e-9").unwrap());
    assert!(!s.unlink_case("case-1", CaseLinkKind::Event, "e-9").unwrap());
    assert_eq!(s.case_links("case-1").unwrap().len(), 1);
    assert!(matches!(
        s.link_case("case-404", CaseLinkKind::Event, "e-9"),
        Err(VaultError::NotFound {
            kind: RecordKind::Case,
            ..
        })
    ));
}

fn maintenance_story<S: Maintenance + AuditLog>(s: &mut S, scratch: &std::path::Path) {
    assert_eq!(s.actor().as_str(), ACTOR);
    s.set_actor(Actor::new("test:other").unwrap());
    let report = s.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.faults);
    let entry = last_entry(s);
    assert_eq!(
        (entry.action.as_str(), entry.actor.as_str()),
        (AuditAction::Check.code(), "test:other")
    );

    let out = scratch.join("backup.tmo");
    s.backup(&out).unwrap();
    assert!(out.is_file());
    assert_eq!(last_entry(s).action, AuditAction::Backup.code());

    let identity = s.reveal_age_identity().unwrap();
    assert!(identity.starts_with("AGE-SECRET-KEY-"));
    assert_eq!(
        last_entry(s).action,
        AuditAction::AgeIdentityRevealed.code()
    );

    s.change_passphrase(&Passphrase::new("a new contract passphrase".into()).unwrap())
        .unwrap();
    assert_eq!(last_entry(s).action, AuditAction::PassphraseChanged.code());
}

fn testimony(id: &str, person: &str, events: &[&str], account: &str) -> Testimony {
    Testimony::parse(&TestimonyParts {
        id: id.into(),
        person: person.into(),
        interviewer: "Ana (voluntaria)".into(),
        date: "2024-03-02".into(),
        place: "Santa Ana".into(),
        language: "es".into(),
        account: zeroize::Zeroizing::new(account.into()),
        consent: "public_anonymous".into(),
        events: events.iter().map(|e| (*e).to_owned()).collect(),
        documents: Vec::new(),
    })
    .unwrap()
}

fn testimonies_story<S: TestimonyStore + RecordStore + DocumentStore + AuditLog>(
    s: &mut S,
    _scratch: &std::path::Path,
) {
    s.put_group(&group(GROUP)).unwrap();
    // Every reference is checked before anything is written.
    let before = entries(s);
    let orphan = testimony("tst-1", "p-1", &[], "Yo vi todo.");
    assert!(matches!(
        s.put_testimony(&orphan),
        Err(VaultError::UnknownReference { ref field, kind: RecordKind::Person, .. }) if field == "person"
    ));
    s.put_person(&person(PERSON)).unwrap();
    let unknown_event = testimony("tst-1", "p-1", &["e-1", "e-404"], "Yo vi todo.");
    s.put_event(&event(EVENT_2020)).unwrap();
    assert!(matches!(
        s.put_testimony(&unknown_event),
        Err(VaultError::UnknownReference { ref field, kind: RecordKind::Event, .. }) if field == "events[1]"
    ));
    assert!(
        s.testimonies(&TestimonyFilter::default())
            .unwrap()
            .is_empty()
    );
    assert_eq!(entries(s), before + 2, "only the person and the event");

    // Created, audited; the same again is Unchanged and not audited.
    let t = testimony("tst-1", "p-1", &["e-1"], "Yo vi todo.");
    assert_eq!(s.put_testimony(&t).unwrap(), WriteOutcome::Created);
    assert_eq!(last_entry(s).object, "testimony:tst-1");
    let n = entries(s);
    assert_eq!(s.put_testimony(&t).unwrap(), WriteOutcome::Unchanged);
    assert_eq!(entries(s), n);

    // Listing holds no account and is not audited.
    let list = s.testimonies(&TestimonyFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].pseudonym.as_str(), "Luz");
    assert_eq!(list[0].events, [id("e-1")]);
    assert!(list[0].review.is_none());
    assert_eq!(entries(s), n);
    let filtered = TestimonyFilter {
        person: Some(id("p-9")),
        ..TestimonyFilter::default()
    };
    assert!(s.testimonies(&filtered).unwrap().is_empty());
    let by_event = |e: &str| TestimonyFilter {
        event: Some(id(e)),
        ..TestimonyFilter::default()
    };
    assert_eq!(s.testimonies(&by_event("e-1")).unwrap().len(), 1);
    assert!(s.testimonies(&by_event("e-2")).unwrap().is_empty());

    // Reading the account is audited before it is returned.
    let read = s.testimony(&id("tst-1")).unwrap();
    assert_eq!(read.account.expose(), "Yo vi todo.");
    let entry = last_entry(s);
    assert_eq!(
        (entry.action.as_str(), entry.object.as_str()),
        (AuditAction::TestimonyRead.code(), "testimony:tst-1")
    );
    assert!(matches!(
        s.testimony(&id("tst-404")),
        Err(VaultError::NotFound {
            kind: RecordKind::Testimony,
            ..
        })
    ));

    // The review mark: set once, kept through an edit that leaves the
    // account alone, cleared by one that changes it.
    assert!(s.reviewed_testimonies().unwrap().is_empty());
    assert_eq!(
        s.mark_testimony_reviewed(&id("tst-1")).unwrap(),
        WriteOutcome::Updated
    );
    assert_eq!(last_entry(s).detail, "reviewed");
    assert_eq!(
        s.mark_testimony_reviewed(&id("tst-1")).unwrap(),
        WriteOutcome::Unchanged
    );
    let reviewed = s.reviewed_testimonies().unwrap();
    assert_eq!(reviewed.len(), 1);
    assert_eq!(reviewed[0].1.by, ACTOR);
    let mut moved = t.clone();
    moved.place = testimonio_domain::ShortText::parse("place", "Anaheim").unwrap();
    assert_eq!(s.put_testimony(&moved).unwrap(), WriteOutcome::Updated);
    assert!(
        s.testimony_summary(&id("tst-1"))
            .unwrap()
            .unwrap()
            .review
            .is_some()
    );
    let retold = testimony("tst-1", "p-1", &["e-1"], "Yo vi todo, y más.");
    assert_eq!(s.put_testimony(&retold).unwrap(), WriteOutcome::Updated);
    assert!(
        s.testimony_summary(&id("tst-1"))
            .unwrap()
            .unwrap()
            .review
            .is_none()
    );
    assert!(s.reviewed_testimonies().unwrap().is_empty());

    // Links: checked, audited once, kept in order.
    s.put_event(&event(EVENT_2019)).unwrap();
    assert!(matches!(
        s.link_testimony(&id("tst-1"), &TestimonyLink::Event(id("e-404"))),
        Err(VaultError::UnknownReference { ref field, .. }) if field == "event"
    ));
    assert!(matches!(
        s.link_testimony(&id("tst-404"), &TestimonyLink::Event(id("e-2"))),
        Err(VaultError::NotFound {
            kind: RecordKind::Testimony,
            ..
        })
    ));
    let link = TestimonyLink::Event(id("e-2"));
    assert_eq!(
        s.link_testimony(&id("tst-1"), &link).unwrap(),
        WriteOutcome::Updated
    );
    assert_eq!(
        s.link_testimony(&id("tst-1"), &link).unwrap(),
        WriteOutcome::Unchanged
    );
    let doc = ingest_page(s, "A signed statement.");
    s.link_testimony(&id("tst-1"), &TestimonyLink::Document(id(&doc)))
        .unwrap();
    let summary = s.testimony_summary(&id("tst-1")).unwrap().unwrap();
    assert_eq!(summary.events, [id("e-1"), id("e-2")]);
    assert_eq!(summary.documents, [id(&doc)]);

    // Searching accounts: only among those given, audited with the ids and
    // a fingerprint, never the query.
    let other = testimony("tst-2", "p-1", &[], "Nada que ver.");
    s.put_testimony(&other).unwrap();
    let found = s
        .search_testimonies(&[id("tst-1"), id("tst-2")], "otra vez", &|a| {
            a.contains("más")
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, id("tst-1"));
    let entry = last_entry(s);
    assert_eq!(
        (entry.action.as_str(), entry.object.as_str()),
        ("search", "testimonies")
    );
    assert!(
        entry.detail.contains("results=1 testimonies=tst-1"),
        "{}",
        entry.detail
    );
    assert!(!entry.detail.contains("otra vez"));
    let none = s
        .search_testimonies(&[id("tst-2")], "x", &|a| a.contains("más"))
        .unwrap();
    assert!(none.is_empty(), "tst-1 was not among those given");
}

// ---------------------------------------------------------------------------
// Imports

fn imports_story<S: ImportStore + RecordStore + AuditLog>(s: &mut S, _scratch: &std::path::Path) {
    let draft = |id: &str| StoredImport {
        id: id.into(),
        created_at: "2026-12-03T00:00:00Z".into(),
        updated_at: "2026-12-03T00:00:00Z".into(),
        created_by: ACTOR.into(),
        source_name: "red.csv".into(),
        source_blob: None,
        profile: "[columns]\n".into(),
        status: ImportStatus::Draft,
        report: None,
    };
    // Stored imports and profiles read back as saved.
    s.save_import(&draft("imp-1")).unwrap();
    let mut checked = draft("imp-1");
    checked.status = ImportStatus::Checked;
    checked.report = Some("{}".into());
    s.save_import(&checked).unwrap();
    assert_eq!(s.stored_import("imp-1").unwrap(), Some(checked.clone()));
    assert_eq!(s.stored_imports(10).unwrap(), [checked.clone()]);
    assert!(s.stored_import("imp-404").unwrap().is_none());
    assert!(s.import_sheet(&checked).unwrap().is_none());
    s.save_import_profile("red", "[columns]\n\"A\" = \"event.date\"\n")
        .unwrap();
    s.save_import_profile("otra", "[columns]\n").unwrap();
    assert_eq!(s.import_profile_names().unwrap(), ["otra", "red"]);
    assert!(
        s.import_profile("red")
            .unwrap()
            .unwrap()
            .contains("event.date")
    );
    assert!(s.import_profile("nada").unwrap().is_none());

    let row = |n: u64, records: Vec<ImportRecord>| ImportRow {
        row_number: n,
        records,
        cells_json: format!(r#"{{"Fila":"{n}"}}"#),
    };
    let full_row = || {
        row(
            2,
            vec![
                ImportRecord::Group(group(GROUP)),
                ImportRecord::Person(person(PERSON)),
                ImportRecord::Event(event(EVENT_2020)),
            ],
        )
    };
    let counts = |s: &S| {
        let c = s.counts().unwrap();
        (c.groups, c.people, c.events)
    };

    // A dry run writes every row as the import would, then keeps nothing
    // but its one audit entry.
    let mut writer = s.begin_import("imp-1", ImportMode::DryRun).unwrap();
    let writes = writer.write_row(&full_row()).unwrap().unwrap();
    assert_eq!(writes.len(), 3);
    assert_eq!(
        writer.people().unwrap().len(),
        1,
        "the writer sees its own rows"
    );
    writer.finish("rows=1").unwrap();
    assert_eq!(counts(s), (0, 0, 0));
    let entry = last_entry(s);
    assert_eq!(entry.action, AuditAction::Import.code());
    assert_eq!(entry.object, "import:imp-1");
    assert!(
        entry.detail.contains("mode=dry_run rows=1"),
        "{}",
        entry.detail
    );

    // An import: a row whose records name one another is written whole;
    // a row naming a record neither stored nor earlier in it is refused
    // whole (its new group too), and the rows after it go on.
    let mut writer = s.begin_import("imp-1", ImportMode::Commit).unwrap();
    assert_eq!(writer.write_row(&full_row()).unwrap().unwrap().len(), 3);
    let refused = row(
        3,
        vec![
            ImportRecord::Group(group(r#"{"type":"group","id":"g-2","name":"Otra"}"#)),
            ImportRecord::Event(event(EVENT_UNKNOWN_PERSON)),
        ],
    );
    match writer.write_row(&refused).unwrap() {
        Err(VaultError::UnknownReference { field, kind, id }) => assert_eq!(
            (field.as_str(), kind, id.as_str()),
            ("people[0].id", RecordKind::Person, "p-9")
        ),
        other => panic!("expected an unknown reference, got {other:?}"),
    }
    let again = row(4, vec![ImportRecord::Group(group(GROUP))]);
    assert_eq!(
        writer.write_row(&again).unwrap().unwrap(),
        [(RecordKind::Group, WriteOutcome::Unchanged)]
    );
    assert!(writer.person(&id("p-1")).unwrap().is_some());
    writer.finish("rows=3").unwrap();
    assert_eq!(counts(s), (1, 1, 1));
    assert!(s.group(&id("g-2")).unwrap().is_none());
    let entry = last_entry(s);
    assert!(
        entry
            .detail
            .contains("mode=commit rows=3 identities_read=1"),
        "{}",
        entry.detail
    );

    // A writer dropped without finishing keeps nothing of its rows.
    let mut writer = s.begin_import("imp-1", ImportMode::Commit).unwrap();
    let lost = row(
        5,
        vec![ImportRecord::Group(group(
            r#"{"type":"group","id":"g-3","name":"Perdida"}"#,
        ))],
    );
    writer.write_row(&lost).unwrap().unwrap();
    drop(writer);
    assert!(s.group(&id("g-3")).unwrap().is_none());

    // Provenance: the row a record came from, its cells as written, read
    // only under an identity-read entry; a record from no row reads none
    // and leaves no entry.
    let origins = s
        .read_import_origins(RecordKind::Event, &id("e-1"))
        .unwrap();
    assert_eq!(origins.len(), 1);
    assert_eq!(
        (
            origins[0].import_id.as_str(),
            origins[0].source_name.as_str(),
            origins[0].row_number
        ),
        ("imp-1", "red.csv", 2)
    );
    assert_eq!(origins[0].cells_json, r#"{"Fila":"2"}"#);
    let entry = last_entry(s);
    assert_eq!(
        (
            entry.action.as_str(),
            entry.object.as_str(),
            entry.detail.as_str()
        ),
        (
            AuditAction::IdentityRead.code(),
            "event:e-1",
            "import_origin"
        )
    );
    let before = entries(s);
    assert!(
        s.read_import_origins(RecordKind::Event, &id("e-404"))
            .unwrap()
            .is_empty()
    );
    assert_eq!(entries(s), before);
}

/// The mention scan's storage: what it must read is queued by the change
/// itself; a scan's hits are stored once with the queue it read; reading
/// them is an identity read of each person; a rescanned person keeps only
/// what was found again (and what was reviewed); a review happens once.
fn mentions_story<S: MentionStore + RecordStore + DocumentStore + AuditLog>(
    s: &mut S,
    _scratch: &std::path::Path,
) {
    s.put_group(&group(GROUP)).unwrap();
    s.put_person(&person(PERSON)).unwrap();
    let document = ingest_page(s, "The report names LUZ LEGAL twice.");
    let queued = s.mention_queue(0, 100).unwrap();
    assert_eq!(
        queued.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>(),
        [
            MentionTarget::Person(id("p-1")),
            MentionTarget::Page {
                document: document.clone(),
                page: 1
            },
        ]
    );
    let watched = s.watched_people(None).unwrap();
    assert_eq!(watched.len(), 1);
    assert_eq!(
        watched[0].legal_name.as_ref().map(|n| n.expose()),
        Some("Luz Legal")
    );
    assert_eq!(
        s.scan_page(&document, 1).unwrap().unwrap().text.as_str(),
        "The report names LUZ LEGAL twice."
    );
    assert_eq!(s.scan_pages_after(None, 10).unwrap().len(), 1);
    assert!(
        s.scan_pages_after(Some((document.as_str(), 1)), 10)
            .unwrap()
            .is_empty()
    );
    let hit = |kind| FoundMention {
        person: id("p-1"),
        document: document.clone(),
        page: 1,
        kind,
    };
    let before = entries(s);
    let scan = MentionScan {
        through: queued.last().unwrap().0,
        found: vec![hit(MentionKind::LegalName), hit(MentionKind::ANumber)],
        rescanned: vec![],
        pages: 1,
        people: 1,
    };
    assert_eq!(s.record_mention_scan(&scan).unwrap(), 2);
    assert_eq!(entries(s), before + 1);
    assert_eq!(last_entry(s).object, "mentions:scan");
    assert!(s.mention_queue(0, 100).unwrap().is_empty());
    // Seen before: not added again.
    assert_eq!(s.record_mention_scan(&scan).unwrap(), 0);
    assert_eq!(s.mentioned_people(true).unwrap(), [id("p-1")]);

    let before = entries(s);
    let found = s.person_mentions(&[id("p-1")], true, 10).unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(entries(s), before + 1);
    let read = last_entry(s);
    assert_eq!(
        (
            read.action.as_str(),
            read.object.as_str(),
            read.detail.as_str()
        ),
        ("identity_read", "person:p-1", "mentions")
    );
    let legal = found
        .iter()
        .find(|m| m.kind == MentionKind::LegalName)
        .unwrap();
    assert_eq!((legal.pseudonym.as_str(), legal.page), ("Luz", 1));
    assert_eq!(s.mention_person(legal.id).unwrap(), id("p-1"));
    assert!(matches!(
        s.mention_person(999_999),
        Err(VaultError::NotFound {
            kind: RecordKind::Mention,
            ..
        })
    ));
    s.review_mention(legal.id, MentionStatus::Confirmed)
        .unwrap();
    assert!(matches!(
        s.review_mention(legal.id, MentionStatus::Dismissed),
        Err(VaultError::Conflict(ConflictKind::MentionReviewed { .. }))
    ));

    // A rescan that finds nothing: the pending hit goes, the reviewed stays.
    let rescan = MentionScan {
        through: 0,
        rescanned: vec![id("p-1")],
        ..MentionScan::default()
    };
    s.record_mention_scan(&rescan).unwrap();
    let left = s.person_mentions(&[id("p-1")], false, 10).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(
        (left[0].kind, left[0].status),
        (MentionKind::LegalName, MentionStatus::Confirmed)
    );
    assert!(s.mentioned_people(true).unwrap().is_empty());
}
