//! The testimony use cases against a real temporary vault.

use testimonio_domain::exchange::parse_line;
use testimonio_domain::{ConsentLevel, Problem, RecordId, Role};
use testimonio_vault::{
    Actor as AuditActor, KdfParams, Passphrase, TestimonyFilter, TestimonyLink, Vault, WriteOutcome,
};
use zeroize::Zeroizing;

use super::testimonies::{self, TestimonyFields};
use crate::{Actor, AppError, RecordKind};

const ACCOUNT: &str = "Yo, María, vi cuando llegaron a la casa. CANARY-TESTIMONY";

fn vault() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let passphrase = Passphrase::new("testimony test passphrase".into()).unwrap();
    let mut vault = Vault::create(
        &tmp.path().join("v"),
        &passphrase,
        KdfParams::MINIMUM,
        AuditActor::new("cli:test").unwrap(),
    )
    .unwrap()
    .vault;
    let lines = [
        r#"{"type":"person","id":"p-1","pseudonym":"Luz","consent":"coalition_narrative"}"#,
        r#"{"type":"event","id":"e-1","event_type":"protest","date":"2020-05-01","people":[{"id":"p-1","role":"organizer"}]}"#,
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

fn account(role: Role) -> Actor {
    Actor::Account {
        username: format!("t-{}", role.code()),
        role,
    }
}

fn fields() -> TestimonyFields {
    TestimonyFields {
        person: Some("p-1".into()),
        interviewer: Some("Ana (voluntaria)".into()),
        date: Some("2024-03-02".into()),
        place: Some("Santa Ana".into()),
        language: Some("es".into()),
        account: Some(Zeroizing::new(ACCOUNT.into())),
        consent: Some("public_named".into()),
        events: Some(vec!["e-1".into()]),
        documents: None,
    }
}

fn audit_len(vault: &Vault) -> usize {
    vault.verify_audit_chain().unwrap().0
}

#[test]
fn a_testimony_is_recorded_by_a_writer_with_every_reference_checked_first() {
    let (_tmp, mut vault) = vault();
    let coordinator = account(Role::Coordinator);
    assert!(matches!(
        testimonies::add(&mut vault, &account(Role::Analyst), None, fields()),
        Err(AppError::Forbidden)
    ));
    let mut unknown = fields();
    unknown.events = Some(vec!["e-1".into(), "e-404".into()]);
    let before = audit_len(&vault);
    match testimonies::add(&mut vault, &coordinator, None, unknown) {
        Err(AppError::UnknownReference { field, kind, id }) => {
            assert_eq!(
                (field.as_str(), kind, id.as_str()),
                ("events[1]", RecordKind::Event, "e-404")
            );
        }
        other => panic!("{other:?}"),
    }
    let mut nobody = fields();
    nobody.person = Some("p-404".into());
    assert!(matches!(
        testimonies::add(&mut vault, &coordinator, None, nobody),
        Err(AppError::UnknownReference { ref field, kind: RecordKind::Person, .. }) if field == "person"
    ));
    let mut bad = fields();
    bad.language = Some("castellano".into());
    bad.date = Some("ayer".into());
    match testimonies::add(&mut vault, &coordinator, None, bad) {
        Err(AppError::Invalid(errors)) => {
            let names: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(names, ["date", "language"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(audit_len(&vault), before, "nothing stored");
    assert!(
        vault
            .testimonies(&TestimonyFilter::default())
            .unwrap()
            .is_empty()
    );

    let recorded = testimonies::add(&mut vault, &coordinator, None, fields()).unwrap();
    assert_eq!(recorded.outcome, WriteOutcome::Created);
    assert!(recorded.id.as_str().starts_with("tst-"));
    assert_eq!(recorded.id.as_str().len(), 16);
    let again = testimonies::add(
        &mut vault,
        &coordinator,
        Some(recorded.id.as_str()),
        fields(),
    );
    assert!(matches!(
        again,
        Err(AppError::Invalid(ref e)) if matches!(e[0].problem, Problem::Duplicate { .. })
    ));
    let list =
        testimonies::list(&vault, &account(Role::Viewer), &TestimonyFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].pseudonym.as_str(), "Luz");
}

#[test]
fn the_account_is_shown_only_to_roles_that_may_see_the_giver_and_the_read_is_audited() {
    let (_tmp, mut vault) = vault();
    let tst = testimonies::add(&mut vault, &account(Role::Admin), None, fields())
        .unwrap()
        .id;
    for role in [Role::Analyst, Role::Viewer] {
        let before = audit_len(&vault);
        let view = testimonies::show(&mut vault, &account(role), &tst).unwrap();
        assert!(view.account.is_none(), "{role:?}");
        assert!(!view.may_review);
        assert_eq!(audit_len(&vault), before, "nothing read, nothing audited");
    }
    // A documenter who neither created nor is assigned to the giver.
    let view = testimonies::show(&mut vault, &account(Role::Documenter), &tst).unwrap();
    assert!(view.account.is_none());

    let view = testimonies::show(&mut vault, &account(Role::Coordinator), &tst).unwrap();
    assert_eq!(view.account.as_ref().unwrap().expose(), ACCOUNT);
    assert!(view.may_review);
    // Given public_named for the account; the person's is narrower.
    assert_eq!(view.effective_consent, ConsentLevel::CoalitionNarrative);
    let last = vault.audit_tail(1).unwrap().remove(0);
    assert_eq!(last.action, "testimony_read");
    assert_eq!(last.actor, "web:t-coordinator");
    assert!(!format!("{view:?}").contains("María"));

    assert!(matches!(
        testimonies::show(&mut vault, &account(Role::Admin), &id("tst-404")),
        Err(AppError::NotFound {
            kind: RecordKind::Testimony,
            ..
        })
    ));
}

#[test]
fn only_coordinators_and_administrators_review_and_a_new_account_clears_the_mark() {
    let (_tmp, mut vault) = vault();
    let admin = account(Role::Admin);
    let tst = testimonies::add(&mut vault, &admin, None, fields())
        .unwrap()
        .id;
    for role in [Role::Documenter, Role::Analyst, Role::Viewer] {
        assert!(matches!(
            testimonies::review(&mut vault, &account(role), &tst),
            Err(AppError::Forbidden)
        ));
    }
    assert!(matches!(
        testimonies::review(&mut vault, &admin, &id("tst-404")),
        Err(AppError::NotFound { .. })
    ));
    let coordinator = account(Role::Coordinator);
    assert_eq!(
        testimonies::review(&mut vault, &coordinator, &tst).unwrap(),
        WriteOutcome::Updated
    );
    let review = testimonies::summary(&vault, &tst).unwrap().review.unwrap();
    assert_eq!(review.by, "web:t-coordinator");

    // An edit that keeps the account keeps the mark and the other fields.
    let place = TestimonyFields {
        place: Some("Anaheim".into()),
        ..TestimonyFields::default()
    };
    assert_eq!(
        testimonies::edit(&mut vault, &admin, &tst, place)
            .unwrap()
            .outcome,
        WriteOutcome::Updated
    );
    let s = testimonies::summary(&vault, &tst).unwrap();
    assert_eq!(s.place.as_str(), "Anaheim");
    assert_eq!(s.interviewer.as_str(), "Ana (voluntaria)");
    assert!(s.review.is_some());
    let retold = TestimonyFields {
        account: Some(Zeroizing::new("Yo, María, lo cuento de nuevo.".into())),
        ..TestimonyFields::default()
    };
    testimonies::edit(&mut vault, &admin, &tst, retold).unwrap();
    assert!(testimonies::summary(&vault, &tst).unwrap().review.is_none());

    // Editing needs the right to read the account.
    assert!(matches!(
        testimonies::edit(&mut vault, &account(Role::Documenter), &tst, fields()),
        Err(AppError::Forbidden)
    ));
}

#[test]
fn events_and_documents_are_linked_after_the_fact() {
    let (_tmp, mut vault) = vault();
    let admin = account(Role::Admin);
    let mut plain = fields();
    plain.events = None;
    let tst = testimonies::add(&mut vault, &admin, None, plain)
        .unwrap()
        .id;
    assert!(matches!(
        testimonies::link(
            &mut vault,
            &account(Role::Viewer),
            &tst,
            &TestimonyLink::Event(id("e-1"))
        ),
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        testimonies::link(&mut vault, &admin, &tst, &TestimonyLink::Document(id("doc-404"))),
        Err(AppError::UnknownReference { ref field, kind: RecordKind::Document, .. }) if field == "document"
    ));
    assert_eq!(
        testimonies::link(&mut vault, &admin, &tst, &TestimonyLink::Event(id("e-1"))).unwrap(),
        WriteOutcome::Updated
    );
    assert_eq!(
        testimonies::summary(&vault, &tst).unwrap().events,
        [id("e-1")]
    );
}

#[test]
fn accounts_are_searched_only_by_roles_that_may_read_them_and_the_search_is_audited() {
    let (_tmp, mut vault) = vault();
    let admin = account(Role::Admin);
    let tst = testimonies::add(&mut vault, &admin, None, fields())
        .unwrap()
        .id;
    for role in [Role::Analyst, Role::Viewer] {
        assert!(matches!(
            testimonies::search(&mut vault, &account(role), "maria"),
            Err(AppError::Forbidden)
        ));
    }
    assert!(matches!(
        testimonies::search(&mut vault, &admin, " ,. "),
        Err(AppError::Invalid(_))
    ));
    // Folded for case and accents, every word required.
    let hits = testimonies::search(&mut vault, &admin, "MARIA casa").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].summary.id, tst);
    assert!(hits[0].passage.expose().contains("María"));
    let last = vault.audit_tail(1).unwrap().remove(0);
    assert_eq!(
        (last.action.as_str(), last.object.as_str()),
        ("search", "testimonies")
    );
    assert!(last.detail.contains(tst.as_str()));
    assert!(!last.detail.to_lowercase().contains("maria"));
    assert!(
        testimonies::search(&mut vault, &admin, "maría perro")
            .unwrap()
            .is_empty()
    );
    // A documenter not assigned to the giver finds nothing of theirs.
    let hits = testimonies::search(&mut vault, &account(Role::Documenter), "maria").unwrap();
    assert!(hits.is_empty());
}

#[test]
fn a_passage_is_cut_on_character_boundaries() {
    let long = format!("{} Yo, María. {}", "á".repeat(300), "é".repeat(300));
    let (_tmp, mut vault) = vault();
    let mut f = fields();
    f.account = Some(Zeroizing::new(long));
    testimonies::add(&mut vault, &account(Role::Admin), None, f).unwrap();
    let hits = testimonies::search(&mut vault, &account(Role::Admin), "maria").unwrap();
    let p = hits[0].passage.expose();
    assert!(p.starts_with('…') && p.ends_with('…'), "{p}");
    assert!(p.contains("Yo, María."));
    assert!(p.chars().count() < 250);
}
