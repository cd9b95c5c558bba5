//! The records use cases against a real temporary vault.

use testimonio_domain::exchange::{EventRecord, ParticipantEntry, parse_line};
use testimonio_domain::{Lang, RecordId, Role};
use testimonio_vault::{Actor as AuditActor, KdfParams, Passphrase, PeopleFilter, Vault};

use super::consent::{GivenOn, Grant};
use super::events::{EventQuery, FieldPath, Recorded, Write};
use super::{consent, events, groups, people};
use crate::{Actor, AppError, RecordKind};

fn vault() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let passphrase = Passphrase::new("records test passphrase".into()).unwrap();
    let mut vault = Vault::create(
        &tmp.path().join("v"),
        &passphrase,
        KdfParams::MINIMUM,
        AuditActor::new("cli:test").unwrap(),
    )
    .unwrap()
    .vault;
    let lines = [
        r#"{"type":"group","id":"g-1","name":"Grupo"}"#,
        r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Secret Name","groups":["g-1"]}"#,
        r#"{"type":"event","id":"e-1","event_type":"protest","date":"2020-05-01","state":"IL","groups":["g-1"],"people":[{"id":"p-1","role":"organizer"}]}"#,
        r#"{"type":"event","id":"e-2","event_type":"vigil","date":"2021"}"#,
    ];
    let records = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("line {}", i + 1), parse_line(l)));
    let report = vault.import_records("test", records, &mut |_| {}).unwrap();
    assert!(report.failed.is_empty());
    (tmp, vault)
}

fn id(text: &str) -> RecordId {
    RecordId::parse("id", text).unwrap()
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

fn event(id: &str, people: &[&str], groups: &[&str]) -> EventRecord {
    EventRecord {
        id: id.into(),
        kind: None,
        event_type: "protest".into(),
        date: "2022-03-04".into(),
        end_date: None,
        state: Some("TX".into()),
        city: None,
        facility: None,
        agency: None,
        field_office: None,
        people: people
            .iter()
            .map(|p| ParticipantEntry {
                id: (*p).into(),
                role: "participant".into(),
            })
            .collect(),
        groups: groups.iter().map(|g| (*g).to_string()).collect(),
        narrative: None,
        verification: None,
    }
}

#[test]
fn an_unknown_person_is_refused_with_its_place_before_anything_is_stored() {
    let (_tmp, mut vault) = vault();
    let record = event("e-9", &["p-1", "p-404"], &["g-1", "g-404"]);
    let err = events::record(&mut vault, &operator(), &record, Write::Create).unwrap_err();
    match &err {
        AppError::UnknownReference { field, kind, id } => {
            assert_eq!(
                (field.as_str(), *kind, id.as_str()),
                ("people[1].id", RecordKind::Person, "p-404")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        err.message(Lang::Es),
        "people[1].id: no existe ninguna persona p-404"
    );
    let unknown = events::unknown_references(&vault, &record).unwrap();
    let places: Vec<(FieldPath, RecordKind)> =
        unknown.into_iter().map(|r| (r.at, r.kind)).collect();
    assert_eq!(
        places,
        [
            (
                FieldPath::Participant {
                    index: 1,
                    part: "id".into()
                },
                RecordKind::Person
            ),
            (FieldPath::Group(1), RecordKind::Group)
        ]
    );
    assert!(vault.event(&id("e-9")).unwrap().is_none());
}

#[test]
fn events_are_created_once_changed_where_they_exist_and_only_by_writers() {
    let (_tmp, mut vault) = vault();
    let record = event("e-9", &["p-1"], &["g-1"]);
    let denied = events::record(&mut vault, &account(Role::Analyst), &record, Write::Put);
    assert!(matches!(denied, Err(AppError::Forbidden)));
    let stored = events::record(&mut vault, &operator(), &record, Write::Create).unwrap();
    assert!(matches!(
        stored,
        Recorded::Stored(testimonio_vault::WriteOutcome::Created, _)
    ));
    let again = events::record(&mut vault, &operator(), &record, Write::Create).unwrap();
    assert!(matches!(again, Recorded::IdTaken));
    let missing = events::record(
        &mut vault,
        &account(Role::Coordinator),
        &event("e-10", &[], &[]),
        Write::Change,
    );
    assert!(matches!(
        missing,
        Err(AppError::NotFound {
            kind: RecordKind::Event,
            ..
        })
    ));
    let mut bad = event("e-11", &[], &[]);
    bad.date = "2019-02-30".into();
    bad.state = Some("XX".into());
    match events::record(&mut vault, &operator(), &bad, Write::Put) {
        Err(AppError::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, ["date", "state"]);
        }
        other => panic!("{other:?}"),
    }
    let audit = vault.audit_tail(1).unwrap();
    assert_eq!(audit[0].actor, "cli:Ana");
    assert_eq!(
        events::show(&vault, &operator(), &id("e-9"))
            .unwrap()
            .event_type()
            .code(),
        "protest"
    );
}

#[test]
fn queries_keep_what_parses_and_name_what_does_not() {
    let (_tmp, vault) = vault();
    let query = EventQuery {
        state: Some("XX".into()),
        from: Some("2021".into()),
        to: Some("2020".into()),
        group: Some(" ".into()),
        ..EventQuery::default()
    };
    let (filter, errors) = query.parse();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["state", "to"]);
    assert!(filter.state.is_none() && filter.to.is_none() && filter.group.is_none());
    assert!(matches!(query.filter(), Err(AppError::Invalid(e)) if e.len() == 2));
    let page = events::list(
        &vault,
        &account(Role::Viewer),
        &EventQuery {
            state: Some("il".into()),
            ..EventQuery::default()
        }
        .filter()
        .unwrap(),
    )
    .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.events[0].id().as_str(), "e-1");
}

#[test]
fn identities_are_read_only_for_those_allowed_and_each_read_is_audited() {
    let (_tmp, mut vault) = vault();
    let shown = people::show(&mut vault, &account(Role::Analyst), &id("p-1")).unwrap();
    assert!(shown.identity.is_none());
    assert!(
        !vault
            .audit_tail(3)
            .unwrap()
            .iter()
            .any(|e| e.action == "identity_read")
    );
    let shown = people::show(&mut vault, &operator(), &id("p-1")).unwrap();
    let identity = shown.identity.expect("the operator sees identities");
    assert_eq!(
        identity.identity.legal_name.as_ref().unwrap().expose(),
        "Secret Name"
    );
    let last = vault.audit_tail(1).unwrap().remove(0);
    assert_eq!(
        (
            last.action.as_str(),
            last.object.as_str(),
            last.actor.as_str()
        ),
        ("identity_read", "person:p-1", "cli:Ana")
    );
    let missing = people::show(&mut vault, &operator(), &id("p-9")).unwrap_err();
    assert_eq!(missing.message(Lang::Es), "No se encontró la persona p-9.");
    assert_eq!(
        people::list(&vault, &operator(), &PeopleFilter::default())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn groups_show_their_members_and_newest_events() {
    let (_tmp, vault) = vault();
    let all = groups::list(&vault, &operator()).unwrap();
    assert_eq!(all.len(), 1);
    let view = groups::show(&vault, &operator(), &id("g-1"), 50).unwrap();
    assert_eq!(view.members[0].id.as_str(), "p-1");
    assert_eq!((view.total_events, view.events.len()), (1, 1));
    let missing = groups::show(&vault, &operator(), &id("g-9"), 50).unwrap_err();
    assert_eq!(missing.message(Lang::Es), "No se encontró el grupo g-9.");
}

#[test]
fn consent_grants_are_checked_then_recorded_for_people_who_exist() {
    let (_tmp, mut vault) = vault();
    let bad = Grant {
        level: "everyone".into(),
        given_on: Some("2024-13-01".into()),
        ..Grant::default()
    };
    match consent::add(&mut vault, &operator(), &id("p-1"), &bad, GivenOn::Optional) {
        Err(AppError::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, ["level", "given_on"]);
        }
        other => panic!("{other:?}"),
    }
    let undated = Grant {
        level: "internal".into(),
        ..Grant::default()
    };
    assert!(undated.parse(GivenOn::Required).is_err());
    let missing = consent::add(
        &mut vault,
        &operator(),
        &id("p-9"),
        &undated,
        GivenOn::Optional,
    );
    assert!(matches!(missing, Err(AppError::NotFound { .. })));
    let grant = Grant {
        level: "public_anonymous".into(),
        given_on: Some("2024-01-01".into()),
        ..Grant::default()
    };
    consent::add(
        &mut vault,
        &account(Role::Documenter),
        &id("p-1"),
        &grant,
        GivenOn::Required,
    )
    .unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let person = people::summary(&vault, &id("p-1")).unwrap();
    assert_eq!(person.consent.level_on(day).code(), "public_anonymous");
    let withdrawn = consent::withdraw(&mut vault, &operator(), &id("p-1"), day).unwrap();
    assert_eq!(withdrawn, 1);
    assert!(matches!(
        consent::withdraw(&mut vault, &operator(), &id("p-9"), day),
        Err(AppError::NotFound { .. })
    ));
    assert!(matches!(
        consent::withdraw(&mut vault, &account(Role::Viewer), &id("p-1"), day),
        Err(AppError::Forbidden)
    ));
}

#[test]
fn field_paths_read_the_domains_names() {
    let mut record = EventRecord {
        date: "2019-02-30".into(),
        ..event("e-1", &["p-1", "p-2"], &["g-1", "g-1"])
    };
    record.people[1].role = "picnic".into();
    let paths: Vec<String> = record
        .into_event()
        .unwrap_err()
        .iter()
        .map(|e| {
            let path = FieldPath::of(e, &record);
            assert_eq!(path.to_string(), e.field);
            format!("{path:?}")
        })
        .collect();
    assert_eq!(
        paths,
        [
            "Field(\"date\")",
            "Participant { index: 1, part: \"role\" }",
            "Group(1)"
        ]
    );
}

fn fields(pseudonym: &str) -> people::PersonFields {
    people::PersonFields {
        pseudonym: Some(pseudonym.into()),
        legal_name: Some("Nueva Persona Ficticia".into()),
        groups: Some(vec!["g-1".into()]),
        ..Default::default()
    }
}

fn consent_given(level: &str) -> Option<people::InitialConsent> {
    Some(people::InitialConsent {
        level: level.into(),
        given_on: Some("2026-11-30".into()),
    })
}

#[test]
fn a_new_person_needs_a_pseudonym_and_a_consent_and_gets_an_id() {
    let (_tmp, mut vault) = vault();
    // Nothing given: both refusals at once, nothing stored.
    let before = vault.people(&PeopleFilter::default()).unwrap().len();
    let err = people::create(&mut vault, &operator(), None, Default::default(), None).unwrap_err();
    let AppError::Invalid(errors) = &err else {
        panic!("{err:?}")
    };
    let refused: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert!(refused.contains(&"pseudonym"), "{refused:?}");
    assert!(refused.contains(&"consent"), "{refused:?}");
    assert_eq!(
        vault.people(&PeopleFilter::default()).unwrap().len(),
        before
    );

    // An unknown group is named before anything is stored.
    let mut unknown = fields("Rosa");
    unknown.groups = Some(vec!["g-404".into()]);
    let err = people::create(
        &mut vault,
        &operator(),
        None,
        unknown,
        consent_given("internal"),
    )
    .unwrap_err();
    assert!(
        matches!(&err, AppError::UnknownReference { kind: RecordKind::Group, id, .. } if id == "g-404"),
        "{err:?}"
    );
    assert_eq!(
        vault.people(&PeopleFilter::default()).unwrap().len(),
        before
    );

    // Recorded with a new id, the consent in force, the write audited.
    let recorded = people::create(
        &mut vault,
        &operator(),
        None,
        fields("Rosa"),
        consent_given("coalition_aggregate"),
    )
    .unwrap();
    let new_id = recorded.id.clone();
    assert!(new_id.to_string().starts_with("p-"), "{new_id}");
    let shown = people::show(&mut vault, &operator(), &new_id).unwrap();
    assert_eq!(shown.summary.pseudonym.to_string(), "Rosa");
    let identity = shown.identity.expect("the operator sees it");
    assert_eq!(
        identity.identity.legal_name.as_ref().unwrap().expose(),
        "Nueva Persona Ficticia"
    );
    assert_eq!(identity.consent.records().len(), 1);
    assert_eq!(
        identity
            .consent
            .level_on(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
            .code(),
        "coalition_aggregate"
    );

    // The same id again is refused on the id.
    let err = people::create(
        &mut vault,
        &operator(),
        Some(&new_id.to_string()),
        fields("Otra"),
        consent_given("internal"),
    )
    .unwrap_err();
    assert!(
        matches!(&err, AppError::Invalid(errors) if errors[0].field == "id"),
        "{err:?}"
    );
    // Roles that only read may not record people.
    let err = people::create(
        &mut vault,
        &account(Role::Analyst),
        None,
        fields("Nadie"),
        consent_given("internal"),
    )
    .unwrap_err();
    assert!(matches!(err, AppError::Forbidden), "{err:?}");
    assert!(err.message(Lang::Es).chars().any(char::is_alphabetic));
}

#[test]
fn an_edit_keeps_what_it_does_not_change_and_clears_what_is_emptied() {
    let (_tmp, mut vault) = vault();
    let changes = people::PersonFields {
        pseudonym: Some("Luz María".into()),
        contact: Some("+1 555 0100".into()),
        ..Default::default()
    };
    let recorded = people::edit(&mut vault, &operator(), &id("p-1"), changes).unwrap();
    assert_eq!(recorded.pseudonym, "Luz María");
    let stored = vault.person_identity(&id("p-1")).unwrap();
    assert_eq!(
        stored.identity.legal_name.as_ref().unwrap().expose(),
        "Secret Name"
    );
    assert_eq!(
        stored.identity.contact.as_ref().unwrap().expose(),
        "+1 555 0100"
    );
    assert_eq!(stored.groups.len(), 1);

    let clear = people::PersonFields {
        contact: Some(String::new()),
        ..Default::default()
    };
    people::edit(&mut vault, &operator(), &id("p-1"), clear).unwrap();
    let stored = vault.person_identity(&id("p-1")).unwrap();
    assert!(stored.identity.contact.is_none());
    assert_eq!(stored.pseudonym.to_string(), "Luz María");

    // Unknown person; a documenter who did not record them; a reader.
    let err = people::edit(&mut vault, &operator(), &id("p-404"), Default::default()).unwrap_err();
    assert!(
        matches!(
            err,
            AppError::NotFound {
                kind: RecordKind::Person,
                ..
            }
        ),
        "{err:?}"
    );
    let change = || people::PersonFields {
        contact: Some("x".into()),
        ..Default::default()
    };
    for role in [Role::Documenter, Role::Viewer] {
        let err = people::edit(&mut vault, &account(role), &id("p-1"), change()).unwrap_err();
        assert!(matches!(err, AppError::Forbidden), "{role:?}: {err:?}");
    }
    // An edit that changes nothing reads and stores nothing.
    let unchanged = people::edit(
        &mut vault,
        &account(Role::Documenter),
        &id("p-1"),
        Default::default(),
    )
    .unwrap();
    assert_eq!(unchanged.outcome, testimonio_vault::WriteOutcome::Unchanged);
}
