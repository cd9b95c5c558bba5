//! The FOIA use cases against a real temporary vault.

use chrono::NaiveDate;
use testimonio_domain::{Lang, RecordId};
use testimonio_foia::{FoiaRequestParts, Problem, TollingParts};
use testimonio_i18n::tr;
use testimonio_vault::{Actor as AuditActor, KdfParams, Passphrase, Vault};

use super::*;

fn new_vault() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        &tmp.path().join("v"),
        &Passphrase::new("foia use cases passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        AuditActor::new("test:foia").unwrap(),
    )
    .unwrap()
    .vault;
    (tmp, vault)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn operator() -> Actor {
    Actor::Operator {
        name: "Ana Demo".into(),
    }
}

fn parts(id: &str, received: &str) -> FoiaRequestParts {
    FoiaRequestParts {
        id: id.into(),
        agency: "ice".into(),
        subject: "Records on the hunger strike, 2019".into(),
        date_received: Some(received.into()),
        status: Some("submitted".into()),
        ..FoiaRequestParts::default()
    }
}

fn file_ok(vault: &mut Vault, parts: FoiaRequestParts, today: NaiveDate) -> FoiaRequest {
    match file(vault, &operator(), parts, today).unwrap() {
        Saved::Stored(request, _) => *request,
        Saved::Refused(errors) => panic!("refused: {errors:?}"),
    }
}

#[test]
fn filed_requests_are_listed_shown_and_updated_with_their_deadlines() {
    let (_tmp, mut vault) = new_vault();
    let today = day(2026, 1, 5);
    let filed = match file(
        &mut vault,
        &operator(),
        parts("foia-1", "2025-12-19"),
        today,
    )
    .unwrap()
    {
        Saved::Stored(request, deadlines) => {
            // Fri 2025-12-19 + 20 working days: Wed 2026-01-21.
            assert_eq!(deadlines.determination.unwrap().date, day(2026, 1, 21));
            request
        }
        Saved::Refused(errors) => panic!("{errors:?}"),
    };
    assert_eq!(filed.id().as_str(), "foia-1");
    let last = vault.audit_tail(1).unwrap();
    assert_eq!(last[0].actor, "cli:Ana Demo");
    assert_eq!(last[0].object, "foia:foia-1");

    file_ok(&mut vault, parts("foia-2", "2025-06-02"), today);
    let all = list(&vault, &ListFilter::default(), today).unwrap();
    assert_eq!(all.total, 2);
    // Overdue first.
    let ids: Vec<&str> = all.rows.iter().map(|r| r.request.id().as_str()).collect();
    assert_eq!(ids, ["foia-2", "foia-1"]);
    assert!(all.rows[0].overdue && !all.rows[1].overdue);
    let overdue = ListFilter {
        overdue: true,
        ..ListFilter::default()
    };
    assert_eq!(list(&vault, &overdue, today).unwrap().rows.len(), 1);
    let soon = ListFilter {
        due_soon: true,
        soon_days: 30,
        ..ListFilter::default()
    };
    let soon = list(&vault, &soon, today).unwrap();
    assert_eq!(soon.rows.len(), 1);
    assert!(soon.rows[0].due_soon);

    // Clarification tolling for five working days moves it a week.
    let later = day(2026, 1, 12);
    let updated = update(&mut vault, &operator(), "foia-1", later, |p| {
        p.tolling.push(TollingParts {
            kind: "clarification".into(),
            from: "2026-01-05".into(),
            to: Some("2026-01-09".into()),
        });
        p.id = "ignored".into();
    })
    .unwrap();
    let Saved::Stored(request, deadlines) = updated else {
        panic!("refused")
    };
    assert_eq!(request.id().as_str(), "foia-1", "the id stays");
    assert_eq!(deadlines.determination.unwrap().date, day(2026, 1, 28));

    let shown = show(&vault, &operator(), "foia-1", later).unwrap();
    assert_eq!(shown.request, *request);
    assert!(shown.productions.is_empty() && shown.events.is_empty());
    assert!(shown.sensitive, "the operator reads everything");
    let analyst = Actor::Account {
        username: "ana".into(),
        role: testimonio_domain::Role::Analyst,
    };
    assert!(!show(&vault, &analyst, "foia-1", later).unwrap().sensitive);
}

#[test]
fn an_unknown_request_is_not_found_in_both_languages() {
    let (_tmp, mut vault) = new_vault();
    let today = day(2026, 1, 5);
    let err = show(&vault, &operator(), "2024-ICE-1", today).unwrap_err();
    assert!(matches!(
        &err,
        AppError::NotFound { kind: RecordKind::FoiaRequest, id } if id == "2024-ICE-1"
    ));
    assert_eq!(
        err.message(Lang::Es),
        "No se encontró la solicitud FOIA 2024-ICE-1."
    );
    let err = update(&mut vault, &operator(), "2024-ICE-1", today, |_| {}).unwrap_err();
    assert!(matches!(err, AppError::NotFound { .. }));
    let err = letter(
        &mut vault,
        &operator(),
        "2024-ICE-1",
        LetterKind::Request,
        None,
        today,
        Lang::En,
    )
    .unwrap_err();
    assert_eq!(err.message(Lang::En), "FOIA request 2024-ICE-1 not found");
}

#[test]
fn counts_of_requests_agree_in_number() {
    assert_eq!(tr!(Lang::Es, "foia-count", count = 1), "1 solicitud");
    assert_eq!(tr!(Lang::Es, "foia-count", count = 2), "2 solicitudes");
    assert_eq!(tr!(Lang::En, "foia-count", count = 1), "1 request");
    assert_eq!(tr!(Lang::En, "foia-count", count = 1234), "1,234 requests");
}

#[test]
fn refused_requests_store_nothing() {
    let (_tmp, mut vault) = new_vault();
    let today = day(2026, 1, 5);
    file_ok(&mut vault, parts("foia-1", "2025-12-19"), today);
    let entries = vault.audit_tail(1).unwrap()[0].seq;
    let Saved::Refused(errors) = file(
        &mut vault,
        &operator(),
        parts("foia-1", "2025-12-20"),
        today,
    )
    .unwrap() else {
        panic!("a taken id was stored")
    };
    assert_eq!(errors[0].field, "id");
    assert_eq!(errors[0].problem, Problem::Taken);
    let Saved::Refused(errors) =
        file(&mut vault, &operator(), parts("new", "2025-12-20"), today).unwrap()
    else {
        panic!("the reserved id was stored")
    };
    assert_eq!(errors[0].problem, Problem::Taken);
    let Saved::Refused(errors) = file(
        &mut vault,
        &operator(),
        parts("foia-2", "2099-01-02"),
        today,
    )
    .unwrap() else {
        panic!("a future date was stored")
    };
    assert_eq!(errors[0].field, "date_received");
    assert_eq!(errors[0].problem.message(Lang::Es), "es posterior a hoy");
    let refused = update(&mut vault, &operator(), "foia-1", today, |p| {
        p.tolling.push(TollingParts {
            kind: "fee_dispute".into(),
            from: "2025-12-30".into(),
            to: Some("2025-12-22".into()),
        });
    })
    .unwrap();
    assert!(matches!(refused, Saved::Refused(_)));
    assert_eq!(vault.audit_tail(1).unwrap()[0].seq, entries);
    assert_eq!(
        list(&vault, &ListFilter::default(), today).unwrap().total,
        1
    );
}

#[test]
fn letters_and_calendars_are_audited_before_they_leave() {
    let (_tmp, mut vault) = new_vault();
    let today = day(2026, 1, 5);
    file_ok(&mut vault, parts("foia-1", "2025-12-19"), today);
    let drafted = letter(
        &mut vault,
        &operator(),
        "foia-1",
        LetterKind::Request,
        Some("Ana Peña"),
        today,
        Lang::Es,
    )
    .unwrap();
    assert!(drafted.text.contains("5 U.S.C. 552(a)(3)(A)"));
    assert!(drafted.text.contains("Ana Peña"));
    assert!(
        drafted.text.starts_with("January 5, 2026"),
        "{}",
        drafted.text
    );
    assert_eq!(drafted.title, "Solicitud FOIA foia-1");
    let entry = &vault.audit_tail(1).unwrap()[0];
    assert_eq!(
        (
            entry.action.as_str(),
            entry.object.as_str(),
            entry.detail.as_str()
        ),
        ("export", "foia:foia-1", "letter=request")
    );
    assert!(
        !format!("{drafted:?}").contains("Ana Peña"),
        "Debug hides the text"
    );

    let ics = calendar(
        &mut vault,
        &operator(),
        today,
        day(2026, 1, 5).and_hms_opt(9, 0, 0).unwrap(),
        Lang::Es,
    )
    .unwrap();
    assert!(ics.contains("X-WR-CALNAME:Plazos FOIA"), "{ics}");
    let entry = &vault.audit_tail(1).unwrap()[0];
    assert_eq!(
        (
            entry.action.as_str(),
            entry.object.as_str(),
            entry.detail.as_str()
        ),
        ("export", "foia:calendar", "requests=1")
    );
}

#[test]
fn productions_and_events_need_both_ends() {
    let (_tmp, mut vault) = new_vault();
    let today = day(2026, 1, 5);
    file_ok(&mut vault, parts("foia-1", "2025-12-19"), today);
    let event = RecordId::parse("event", "e-404").unwrap();
    let err = link_event(&mut vault, &operator(), "foia-1", &event).unwrap_err();
    assert!(matches!(
        &err,
        AppError::NotFound { kind: RecordKind::Event, id } if id == "e-404"
    ));
    assert_eq!(err.message(Lang::Es), "No se encontró el evento e-404.");
    let err = link_event(&mut vault, &operator(), "foia-404", &event).unwrap_err();
    assert!(matches!(
        err,
        AppError::NotFound {
            kind: RecordKind::FoiaRequest,
            ..
        }
    ));
    let production = ProductionParts {
        document: "doc-404",
        bates_first: Some("ICE-1"),
        bates_last: None,
        received_on: None,
    };
    let err = record_production(&mut vault, &operator(), "foia-1", &production).unwrap_err();
    assert!(matches!(
        err,
        AppError::NotFound {
            kind: RecordKind::Document,
            ..
        }
    ));
}

#[test]
fn the_list_puts_overdue_requests_first() {
    let today = day(2025, 6, 2);
    let request = |id: &str, received: &str| {
        FoiaRequest::new(
            FoiaRequestParts {
                id: id.into(),
                agency: "uscis".into(),
                subject: "Records".into(),
                date_received: Some(received.into()),
                ..FoiaRequestParts::default()
            },
            today,
        )
        .unwrap()
    };
    let draft = FoiaRequest::new(
        FoiaRequestParts {
            id: "d-none".into(),
            agency: "ice".into(),
            subject: "Draft".into(),
            ..FoiaRequestParts::default()
        },
        today,
    )
    .unwrap();
    let mut rows = vec![
        Listed::new(draft, today, SOON_DAYS),
        Listed::new(request("a-later", "2025-05-30"), today, SOON_DAYS),
        Listed::new(request("b-soon", "2025-05-02"), today, SOON_DAYS),
        Listed::new(request("c-overdue", "2025-03-03"), today, SOON_DAYS),
    ];
    sort(&mut rows);
    let ids: Vec<String> = rows.iter().map(|r| r.request.id().to_string()).collect();
    assert_eq!(ids, ["c-overdue", "b-soon", "a-later", "d-none"]);
    assert!(rows[0].overdue && !rows[0].due_soon);
    assert!(rows[1].due_soon && !rows[1].overdue);
    assert_eq!(rows[3].next, None);
}

#[test]
fn generated_ids_are_valid() {
    let id = new_request_id();
    assert_eq!(id.len(), 17);
    assert!(testimonio_domain::RecordId::parse("id", &id).is_ok());
}
