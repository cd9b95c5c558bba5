//! The case use cases against a real temporary vault: a person's case and
//! a group's, links checked before they are stored, notes and excerpt
//! quotes only for those allowed, the case packet.

use testimonio_domain::exchange::parse_line;
use testimonio_domain::{CaseParts, CaseStatus, Lang, Role};
use testimonio_ingest::{FileOutcome, IngestOptions};
use testimonio_report::Format;
use testimonio_vault::{
    Actor as AuditActor, ExcerptParts, KdfParams, Passphrase, Password, ShownExcerpt, Username,
    Vault, WriteOutcome,
};

use super::{LinkTarget, add, link, list, set_status, show, unlink};
use crate::reports::make_case_packet;
use crate::{Actor, AppError, RecordKind};

struct Fixture {
    dir: tempfile::TempDir,
    vault: Vault,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::create(
        &dir.path().join("v"),
        &Passphrase::new("cases test passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        AuditActor::new("cli:test").unwrap(),
    )
    .unwrap()
    .vault;
    let lines = [
        r#"{"type":"group","id":"g-1","name":"Comité"}"#,
        r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Secret Name","groups":["g-1"]}"#,
        r#"{"type":"event","id":"e-1","event_type":"protest","date":"2020-05-01","people":[{"id":"p-1","role":"organizer"}]}"#,
        r#"{"type":"event","id":"e-2","event_type":"stop_or_arrest","date":"2020-06-01","people":[{"id":"p-1","role":"target"}]}"#,
    ];
    let records = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("line {}", i + 1), parse_line(l)));
    assert!(
        vault
            .import_records("test", records, &mut |_| {})
            .unwrap()
            .failed
            .is_empty()
    );
    Fixture { dir, vault }
}

impl Fixture {
    /// A document with one page, and an excerpt of it tied to `e-2` (and
    /// so to Luz): (document id, excerpt id).
    fn document_and_excerpt(&mut self) -> (String, String) {
        let path = self.dir.path().join("notice.txt");
        std::fs::write(&path, "Notice to appear for the organizer.").unwrap();
        let run = crate::evidence::ingest::ingest(
            &mut self.vault,
            &operator(),
            &[path],
            &IngestOptions::default(),
            &|_, _, _| {},
        )
        .unwrap();
        let FileOutcome::Stored { id: document, .. } = &run.summary.files[0].outcome else {
            panic!("the file was not stored");
        };
        let excerpt = self
            .vault
            .add_excerpt(&ExcerptParts {
                document: document.clone(),
                page: 1,
                start: 0,
                end: 16,
                tags: Vec::new(),
                events: vec![testimonio_domain::RecordId::parse("e", "e-2").unwrap()],
                people: Vec::new(),
                note: None,
            })
            .unwrap();
        (document.clone(), excerpt.id)
    }
}

fn operator() -> Actor {
    Actor::Operator { name: "Ana".into() }
}

fn account(role: Role) -> Actor {
    Actor::Account {
        username: format!("t-{}", role.code()),
        role,
    }
}

fn parts(person: Option<&str>, group: Option<&str>) -> CaseParts {
    CaseParts {
        title: "Defensa de Luz".into(),
        kind: "removal_defense".into(),
        person: person.map(Into::into),
        group: group.map(Into::into),
        attorney: Some("Abogada Ejemplo".into()),
        opened_on: Some("2024-03".into()),
        notes: Some("Estrategia confidencial".into()),
        ..CaseParts::default()
    }
}

fn target<'a>(kind: &'a str, id: &'a str) -> LinkTarget<'a> {
    LinkTarget { kind, id }
}

#[test]
fn a_case_gets_an_id_and_needs_a_known_subject_and_a_writer() {
    let mut f = fixture();
    let case = add(&mut f.vault, &operator(), parts(Some("p-1"), None)).unwrap();
    let id = case.id.as_str();
    assert!(
        id.starts_with("case-") && id.len() == "case-".len() + 12,
        "{id}"
    );
    assert_eq!(case.status, CaseStatus::Open);

    let before = f.vault.audit_tail(1000).unwrap().len();
    let err = add(&mut f.vault, &operator(), parts(Some("p-404"), None)).unwrap_err();
    assert!(
        matches!(&err, AppError::UnknownReference { field, kind: RecordKind::Person, id } if field == "person" && id == "p-404"),
        "{err:?}"
    );
    let err = add(
        &mut f.vault,
        &operator(),
        CaseParts {
            kind: "divorce".into(),
            ..parts(Some("p-1"), Some("g-1"))
        },
    )
    .unwrap_err();
    let AppError::Invalid(errors) = err else {
        panic!("{err:?}")
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["kind", "group"]);
    let taken = CaseParts {
        id: id.to_owned(),
        ..parts(Some("p-1"), None)
    };
    assert!(matches!(
        add(&mut f.vault, &operator(), taken),
        Err(AppError::Invalid(e)) if e[0].field == "id"
    ));
    assert!(matches!(
        add(
            &mut f.vault,
            &account(Role::Analyst),
            parts(None, Some("g-1"))
        ),
        Err(AppError::Forbidden)
    ));
    assert_eq!(
        f.vault.audit_tail(1000).unwrap().len(),
        before,
        "nothing stored"
    );

    add(
        &mut f.vault,
        &account(Role::Coordinator),
        parts(None, Some("g-1")),
    )
    .unwrap();
    let listed = list(&f.vault, &account(Role::Viewer)).unwrap();
    let mut names: Vec<&str> = listed.iter().map(|l| l.subject.name()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Comité", "Luz"]);
}

#[test]
fn links_are_checked_by_kind_before_they_are_stored() {
    let mut f = fixture();
    let case = add(&mut f.vault, &operator(), parts(Some("p-1"), None)).unwrap();
    let id = case.id.as_str();
    let writer = account(Role::Documenter);
    assert!(link(&mut f.vault, &writer, id, target("event", "e-2")).unwrap());
    assert!(!link(&mut f.vault, &writer, id, target("event", "e-2")).unwrap());

    for (kind, missing, record) in [
        ("event", "e-404", RecordKind::Event),
        ("document", "doc-404", RecordKind::Document),
        ("excerpt", "x-404", RecordKind::Excerpt),
        ("foia", "foia-404", RecordKind::FoiaRequest),
        ("testimony", "t-1", RecordKind::Testimony),
    ] {
        let err = link(&mut f.vault, &writer, id, target(kind, missing)).unwrap_err();
        assert!(
            matches!(&err, AppError::UnknownReference { field, kind: k, id } if field == kind && *k == record && id == missing),
            "{kind}: {err:?}"
        );
    }
    assert!(matches!(
        link(&mut f.vault, &writer, id, target("note", "e-1")),
        Err(AppError::Invalid(e)) if e[0].field == "kind"
    ));
    assert!(matches!(
        link(&mut f.vault, &writer, "case-404", target("event", "e-1")),
        Err(AppError::NotFound {
            kind: RecordKind::Case,
            ..
        })
    ));
    assert!(matches!(
        link(
            &mut f.vault,
            &account(Role::Viewer),
            id,
            target("event", "e-1")
        ),
        Err(AppError::Forbidden)
    ));
    assert_eq!(f.vault.case_links(id).unwrap().len(), 1);

    assert!(unlink(&mut f.vault, &writer, id, target("event", "e-2")).unwrap());
    assert!(f.vault.case_links(id).unwrap().is_empty());

    assert_eq!(
        set_status(&mut f.vault, &writer, id, "pending_decision").unwrap(),
        WriteOutcome::Updated
    );
    assert!(matches!(
        set_status(&mut f.vault, &writer, id, "maybe"),
        Err(AppError::Invalid(e)) if e[0].field == "status"
    ));
}

#[test]
fn notes_and_quotes_are_shown_only_to_those_allowed_and_the_notes_read_is_audited() {
    let mut f = fixture();
    let (document, excerpt) = f.document_and_excerpt();
    let case = add(&mut f.vault, &operator(), parts(Some("p-1"), None)).unwrap();
    let id = case.id.as_str();
    for (kind, target_id) in [
        ("event", "e-1"),
        ("document", document.as_str()),
        ("excerpt", excerpt.as_str()),
    ] {
        link(&mut f.vault, &operator(), id, target(kind, target_id)).unwrap();
    }
    // An analyst account that exists: the excerpt rule withholds the quote.
    f.vault
        .create_user(
            &Username::parse("t-analyst").unwrap(),
            Role::Analyst,
            &Password::new("a long enough password".into()).unwrap(),
        )
        .unwrap();

    let view = show(&mut f.vault, &account(Role::Analyst), id).unwrap();
    assert_eq!(view.subject.name(), "Luz");
    assert!(!view.sees_notes && view.notes.is_none());
    assert_eq!(view.events.len(), 1);
    assert_eq!(view.documents.len(), 1);
    assert!(matches!(view.excerpts[..], [ShownExcerpt::Withheld(_)]));
    let tail = f.vault.audit_tail(3).unwrap();
    assert!(
        !tail.iter().any(|e| e.action == "identity_read"),
        "{tail:?}"
    );

    let view = show(&mut f.vault, &account(Role::Coordinator), id).unwrap();
    assert_eq!(view.notes.unwrap().expose(), "Estrategia confidencial");
    assert!(
        matches!(&view.excerpts[..], [ShownExcerpt::Readable(x)] if x.quote == "Notice to appear")
    );
    let notes_read = f
        .vault
        .audit_tail(5)
        .unwrap()
        .into_iter()
        .any(|e| e.action == "identity_read" && e.object == format!("case:{id}"));
    assert!(notes_read);

    assert!(matches!(
        show(&mut f.vault, &operator(), "case-404"),
        Err(AppError::NotFound {
            kind: RecordKind::Case,
            ..
        })
    ));
}

#[test]
fn a_case_packet_is_the_persons_packet_with_the_case_on_its_cover() {
    let mut f = fixture();
    let (document, _excerpt) = f.document_and_excerpt();
    let case = add(&mut f.vault, &operator(), parts(Some("p-1"), None)).unwrap();
    let id = case.id.as_str();
    link(&mut f.vault, &operator(), id, target("event", "e-2")).unwrap();
    link(&mut f.vault, &operator(), id, target("document", &document)).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();

    let packet = make_case_packet(
        &mut f.vault,
        &operator(),
        id,
        Lang::Es,
        Format::Html,
        day,
        true,
    )
    .unwrap();
    let html = String::from_utf8(packet.document).unwrap();
    assert!(html.contains("Defensa de Luz"), "the case title");
    assert!(html.contains("Defensa contra la deportación"), "the kind");
    assert!(html.contains("Abogada Ejemplo"), "the attorney");
    assert!(html.contains("Secret Name"), "the packet names the person");
    // Only the linked event, the excerpt tied to it, its document once.
    assert_eq!((packet.events, packet.excerpts, packet.exhibits), (1, 1, 1));
    assert_eq!(packet.exhibit_files.len(), 1);
    let export = f.vault.audit_tail(10).unwrap();
    assert!(export.iter().any(|e| e.action == "export"));

    assert!(matches!(
        make_case_packet(
            &mut f.vault,
            &account(Role::Documenter),
            id,
            Lang::En,
            Format::Html,
            day,
            false
        ),
        Err(AppError::Forbidden)
    ));
    let group_case = add(&mut f.vault, &operator(), parts(None, Some("g-1"))).unwrap();
    assert!(matches!(
        make_case_packet(&mut f.vault, &operator(), group_case.id.as_str(), Lang::En, Format::Html, day, false),
        Err(AppError::Invalid(e)) if e[0].field == "subject"
    ));
}
