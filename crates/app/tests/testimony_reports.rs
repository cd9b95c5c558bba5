//! A report quotes a testimony's account only when it was marked reviewed
//! for publication, the account's own consent allows it for the audience,
//! and so does the consent of its giver and of everyone its events name.

use std::io::Cursor;

use testimonio_app::records::testimonies::{self, TestimonyFields};
use testimonio_app::reports::{self, compose_report};
use testimonio_app::{Actor, AppError};
use testimonio_domain::{Audience, Lang, RecordId, Role};
use testimonio_report::{FindingsOptions, Format};
use testimonio_vault::{Actor as AuditActor, KdfParams, Passphrase, Vault};
use zeroize::Zeroizing;

const CANARY: &str = "CANARY-TESTIMONY";

fn vault() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = Vault::create(
        &tmp.path().join("v"),
        &Passphrase::new("testimony reports passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        AuditActor::new("test:reports").unwrap(),
    )
    .unwrap()
    .vault;
    let mut lines = Vec::new();
    for i in 1..=3 {
        lines.push(format!(
            r#"{{"type":"person","id":"p-{i}","pseudonym":"Seudo {i}","consent":"public_anonymous"}}"#
        ));
        lines.push(format!(
            r#"{{"type":"event","id":"e-{i}a","event_type":"protest","date":"2021-03-0{i}","state":"TX","people":[{{"id":"p-{i}","role":"participant"}}]}}"#
        ));
        lines.push(format!(
            r#"{{"type":"event","id":"e-{i}b","event_type":"stop_or_arrest","date":"2021-04-0{i}","state":"TX","field_office":"SNA","people":[{{"id":"p-{i}","role":"target"}}]}}"#
        ));
    }
    // Someone who allows nothing beyond the group, named by one event.
    lines.push(
        r#"{"type":"person","id":"p-9","pseudonym":"Reservada","consent":"internal"}"#.into(),
    );
    lines.push(r#"{"type":"event","id":"e-9","event_type":"vigil","date":"2021-02-01","people":[{"id":"p-1","role":"participant"},{"id":"p-9","role":"participant"}]}"#.into());
    let report = vault
        .import_jsonl(Cursor::new(lines.join("\n")), &mut |_| {})
        .unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    (tmp, vault)
}

fn operator() -> Actor {
    Actor::Operator {
        name: "tester".into(),
    }
}

fn coordinator() -> Actor {
    Actor::Account {
        username: "coco".into(),
        role: Role::Coordinator,
    }
}

fn options(audience: Audience) -> FindingsOptions {
    FindingsOptions {
        audience,
        min_count: if audience == Audience::Internal { 1 } else { 5 },
        as_of: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        permutations: 20,
        seed: 1,
        vignettes: 10,
        threads: None,
    }
}

/// The report's HTML for `audience`, released (audited) as the operator.
fn report(vault: &mut Vault, audience: Audience) -> (String, String) {
    let actor = operator();
    let f = reports::findings(vault, &actor, &options(audience)).unwrap();
    let composed = compose_report(&actor, &f, Lang::Es, Format::Html).unwrap();
    let html = String::from_utf8(composed.release(vault, &actor).unwrap()).unwrap();
    let detail = vault.audit_tail(1).unwrap().remove(0).detail;
    (html, detail)
}

fn record(vault: &mut Vault, consent: &str, events: &[&str]) -> RecordId {
    let fields = TestimonyFields {
        person: Some("p-1".into()),
        interviewer: Some("Ana (voluntaria)".into()),
        date: Some("2024-03-02".into()),
        place: Some("Santa Ana".into()),
        language: Some("es".into()),
        account: Some(Zeroizing::new(format!(
            "Yo, María, vi cómo se lo llevaron. {CANARY}"
        ))),
        consent: Some(consent.into()),
        events: Some(events.iter().map(|e| (*e).to_owned()).collect()),
        documents: None,
    };
    testimonies::add(vault, &operator(), None, fields)
        .unwrap()
        .id
}

#[test]
fn a_public_report_quotes_an_account_only_once_reviewed_and_with_every_consent() {
    let (_tmp, mut vault) = vault();
    let tst = record(&mut vault, "public_anonymous", &["e-1b"]);

    // Without the review mark: in no report, internal included.
    for audience in [Audience::Public, Audience::Coalition, Audience::Internal] {
        let (html, detail) = report(&mut vault, audience);
        assert!(
            !html.contains(CANARY),
            "{audience:?} quoted an unreviewed account"
        );
        assert!(detail.contains("testimonies=0"), "{detail}");
    }

    // A documenter cannot mark it; a coordinator can.
    let documenter = Actor::Account {
        username: "doc".into(),
        role: Role::Documenter,
    };
    assert!(matches!(
        testimonies::review(&mut vault, &documenter, &tst),
        Err(AppError::Forbidden)
    ));
    testimonies::review(&mut vault, &coordinator(), &tst).unwrap();
    let (html, detail) = report(&mut vault, Audience::Public);
    assert!(html.contains(CANARY), "reviewed, every consent public");
    assert!(html.contains("Testimonio, marzo de 2024"), "the month only");
    assert!(
        !html.contains(tst.as_str()),
        "no record id in a public report"
    );
    assert!(detail.contains("testimonies=1"), "{detail}");

    // The account's own consent narrower than the audience: not quoted,
    // though the person's consent would allow it.
    let narrower = TestimonyFields {
        consent: Some("coalition_narrative".into()),
        ..TestimonyFields::default()
    };
    testimonies::edit(&mut vault, &operator(), &tst, narrower).unwrap();
    assert!(!report(&mut vault, Audience::Public).0.contains(CANARY));
    assert!(report(&mut vault, Audience::Coalition).0.contains(CANARY));

    // A linked event naming someone whose consent is internal: not quoted.
    let wider = TestimonyFields {
        consent: Some("public_named".into()),
        events: Some(vec!["e-1b".into(), "e-9".into()]),
        ..TestimonyFields::default()
    };
    testimonies::edit(&mut vault, &operator(), &tst, wider).unwrap();
    assert!(!report(&mut vault, Audience::Public).0.contains(CANARY));
    assert!(!report(&mut vault, Audience::Coalition).0.contains(CANARY));
    let (internal, _) = report(&mut vault, Audience::Internal);
    assert!(internal.contains(CANARY), "internal: consent allows");

    // Back to the one event; a changed account clears the mark.
    let retold = TestimonyFields {
        events: Some(vec!["e-1b".into()]),
        account: Some(Zeroizing::new(format!(
            "Yo, María, lo cuento otra vez. {CANARY}"
        ))),
        ..TestimonyFields::default()
    };
    testimonies::edit(&mut vault, &operator(), &tst, retold).unwrap();
    assert!(!report(&mut vault, Audience::Public).0.contains(CANARY));
    testimonies::review(&mut vault, &coordinator(), &tst).unwrap();
    assert!(report(&mut vault, Audience::Public).0.contains(CANARY));
}

#[test]
fn the_givers_own_consent_bounds_the_accounts() {
    let (_tmp, mut vault) = vault();
    let lines =
        r#"{"type":"person","id":"p-1","pseudonym":"Seudo 1","consent":"coalition_narrative"}"#;
    let report_ = vault.import_jsonl(Cursor::new(lines), &mut |_| {}).unwrap();
    assert!(report_.failed.is_empty(), "{:?}", report_.failed);
    let tst = record(&mut vault, "public_named", &["e-1b"]);
    testimonies::review(&mut vault, &coordinator(), &tst).unwrap();
    assert!(!report(&mut vault, Audience::Public).0.contains(CANARY));
    assert!(report(&mut vault, Audience::Coalition).0.contains(CANARY));
}

#[test]
fn a_report_quotes_only_accounts_its_maker_may_read() {
    let (_tmp, mut vault) = vault();
    let tst = record(&mut vault, "public_anonymous", &["e-1b"]);
    testimonies::review(&mut vault, &coordinator(), &tst).unwrap();
    for role in [Role::Analyst, Role::Viewer, Role::Documenter] {
        let actor = Actor::Account {
            username: format!("t-{}", role.code()),
            role,
        };
        let records = reports::load(&mut vault, &actor).unwrap();
        assert!(records.testimonies.is_empty(), "{role:?}");
    }
    let records = reports::load(&mut vault, &coordinator()).unwrap();
    assert_eq!(records.testimonies.len(), 1);
}
