//! FOIA requests over real HTTP: recording one through the form, the list
//! with overdue and due-soon requests flagged, the request page with every
//! deadline explained (in Spanish too), refused forms, updates, and what
//! an analyst may and may not do.

use axum::http::StatusCode;
use chrono::{Days, NaiveDate};
use testimonio_domain::{Lang, Role};
use testimonio_foia::{FoiaRequest, FoiaRequestParts, deadlines};

use crate::support::{Agent, TestApp, assert_no_internals, spawn_app};

/// The server's "today".
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A day as the Spanish pages write it: `22 de enero de 2025`.
fn spanish_day(d: NaiveDate) -> String {
    testimonio_i18n::format::day(Lang::Es, d)
}

async fn stored(app: &TestApp) -> Vec<FoiaRequest> {
    app.state
        .with_vault("test:check", |v| Ok(v.foias()?))
        .await
        .expect("vault unlocked")
}

async fn stored_one(app: &TestApp, id: &'static str) -> Option<FoiaRequest> {
    app.state
        .with_vault("test:check", move |v| Ok(v.foia(id)?))
        .await
        .expect("vault unlocked")
}

async fn audit_entries(app: &TestApp) -> usize {
    app.state
        .with_vault("test:check", |v| Ok(v.verify_audit_chain()?.0))
        .await
        .expect("vault unlocked")
}

/// Puts a request straight into the vault, for the list to show.
async fn arrange(app: &TestApp, parts: FoiaRequestParts) {
    let request = FoiaRequest::new(parts, today()).expect("a valid request");
    app.state
        .with_vault("test:setup", move |v| Ok(v.put_foia(&request)?))
        .await
        .expect("vault unlocked");
}

/// Records a request through the form, received eight weeks ago (its
/// 20 working days have passed), with a requester, a text and one
/// communication.
async fn record_overdue(agent: &Agent, id: &str) -> NaiveDate {
    let received = today() - Days::new(56);
    let sent = iso(received - Days::new(3));
    let received_text = iso(received);
    let reply = agent
        .post(
            "/foia",
            &[
                ("id", id),
                ("agency", "ice"),
                ("component", "ICE FOIA Office"),
                ("subject", "Detainer policy records"),
                ("tracking_number", "2025-ICFO-00042"),
                ("status", "acknowledged"),
                ("requester", "Comité Canario de Defensa"),
                ("request_text", "All records naming Persona Canaria"),
                ("date_sent", &sent),
                ("date_received", &received_text),
                ("fee_category", "other"),
                ("fee_waiver_requested", "1"),
                ("communication_0_date", &received_text),
                ("communication_0_direction", "in"),
                (
                    "communication_0_summary",
                    "Acknowledgment letter from Sra. Canaria",
                ),
                ("communication_1_date", ""),
                ("communication_1_direction", ""),
                ("communication_1_summary", ""),
                ("tolling_0_kind", ""),
                ("tolling_0_from", ""),
                ("tolling_0_to", ""),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert_eq!(reply.location(), Some(format!("/foia/{id}").as_str()));
    received
}

/// Finds a day of receipt whose determination falls due within the next
/// seven days (not today), by the crate's own arithmetic.
fn received_for_due_soon() -> NaiveDate {
    let today = today();
    (15..45)
        .map(|back| today - Days::new(back))
        .find(|received| {
            let r = FoiaRequest::new(
                FoiaRequestParts {
                    id: "probe".into(),
                    agency: "uscis".into(),
                    subject: "Probe".into(),
                    date_received: Some(iso(*received)),
                    ..FoiaRequestParts::default()
                },
                today,
            )
            .expect("a valid probe");
            let due = deadlines(&r, today).determination.expect("a deadline").date;
            due > today && due <= today + Days::new(6)
        })
        .expect("some day of receipt is due within a week")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_records_a_request_and_the_list_flags_overdue_and_due_soon() {
    let app = spawn_app().await;
    let coordinator = app.login(Role::Coordinator).await;
    let list = coordinator.get("/foia").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.excerpt());
    assert!(list.body.contains("href=\"/foia/new\""), "writers may add");
    let none = coordinator.get("/foia?status=in_litigation").await;
    assert!(
        none.body.contains("No requests match."),
        "{}",
        none.excerpt()
    );
    let already = stored(&app).await.len();

    record_overdue(&coordinator, "foia-web-0001").await;
    let request = stored_one(&app, "foia-web-0001")
        .await
        .expect("the request was stored");
    assert_eq!(request.communications().len(), 1);
    assert_eq!(
        request.requester().map(|r| r.expose()),
        Some("Comité Canario de Defensa")
    );
    assert!(request.fee_waiver_requested());
    assert!(request.tolling().is_empty());

    // Another, due within the week; and a draft without deadlines.
    arrange(
        &app,
        FoiaRequestParts {
            id: "foia-web-soon".into(),
            agency: "uscis".into(),
            subject: "Asylum office backlog".into(),
            status: Some("processing".into()),
            date_received: Some(iso(received_for_due_soon())),
            ..FoiaRequestParts::default()
        },
    )
    .await;
    arrange(
        &app,
        FoiaRequestParts {
            id: "foia-web-draft".into(),
            agency: "eoir".into(),
            subject: "Court backlog".into(),
            ..FoiaRequestParts::default()
        },
    )
    .await;

    let list = coordinator.get("/foia").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.excerpt());
    assert_no_internals(&list);
    let body = &list.body;
    assert!(body.contains("href=\"/foia\""), "the FOIA link in the nav");
    assert!(body.contains("<tr class=\"overdue\">"), "{body}");
    assert!(body.contains("<tr class=\"due-soon\">"), "{body}");
    assert!(body.contains(">Overdue<") && body.contains(">Due within 7 days<"));
    assert!(body.contains("U.S. Immigration and Customs Enforcement"));
    assert!(body.contains("Acknowledged by the agency"));
    let overdue = body.find("2025-ICFO-00042").expect("the tracking number");
    let soon = body
        .find(">foia-web-soon<")
        .expect("the id, without a tracking number");
    let draft = body.find(">foia-web-draft<").expect("the draft");
    assert!(
        overdue < soon && soon < draft,
        "overdue first, then by deadline"
    );
    assert!(body.contains("href=\"/foia/foia-web-0001\""));
    // The analyst-hidden fields never appear in the list.
    assert!(!body.contains("Comité Canario") && !body.contains("Persona Canaria"));

    let only = coordinator.get("/foia?overdue=1").await;
    assert_eq!(only.status, StatusCode::OK);
    assert!(only.body.contains("2025-ICFO-00042"));
    assert!(!only.body.contains("foia-web-soon") && !only.body.contains("foia-web-draft"));
    let soon = coordinator.get("/foia?soon=1&agency=uscis").await;
    assert!(soon.body.contains("foia-web-soon") && !soon.body.contains("2025-ICFO-00042"));
    let bad = coordinator.get("/foia?status=lost").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.excerpt());
    assert!(bad.body.contains("is not a known code"));

    // The same id again is refused, and the stored request is unchanged.
    let before = audit_entries(&app).await;
    let again = coordinator
        .post(
            "/foia",
            &[
                ("id", "foia-web-0001"),
                ("agency", "cbp"),
                ("subject", "Something else"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.excerpt());
    assert!(
        again
            .body
            .contains("a request with this identifier already exists")
    );
    assert_eq!(audit_entries(&app).await, before);
    assert_eq!(
        stored_one(&app, "foia-web-0001")
            .await
            .unwrap()
            .agency()
            .code(),
        "ice"
    );

    // A blank id gets a generated one.
    let reply = coordinator
        .post(
            "/foia",
            &[
                ("id", ""),
                ("agency", "fbi"),
                ("subject", "Surveillance records"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    let location = reply.location().unwrap();
    assert!(location.starts_with("/foia/foia-") && location.len() == "/foia/foia-".len() + 12);
    assert_eq!(stored(&app).await.len(), already + 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_request_page_explains_each_deadline_in_the_users_language() {
    let app = spawn_app().await;
    let mut coordinator = app.login(Role::Coordinator).await;
    record_overdue(&coordinator, "foia-web-0002").await;
    let request = stored_one(&app, "foia-web-0002").await.unwrap();
    let d = deadlines(&request, today());
    let due = d.determination.as_ref().expect("a determination deadline");

    // English first.
    let page = coordinator.get("/foia/foia-web-0002").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert_no_internals(&page);
    let en = due.explanation.describe(Lang::En);
    let first = en.lines().next().unwrap();
    let first = first.split(" Not counted:").next().unwrap();
    assert!(page.body.contains(first), "{first}\n{}", page.body);
    assert!(page.body.contains("Saved."), "the notice after saving");
    assert!(page.body.contains("Determination due: "));
    assert!(page.body.contains("Overdue by "));
    assert!(page.body.contains("May sue from: "));
    assert!(page.body.contains("Comité Canario de Defensa"));
    assert!(page.body.contains("All records naming Persona Canaria"));
    assert!(
        page.body
            .contains("Acknowledgment letter from Sra. Canaria")
    );
    assert!(page.body.contains("No documents produced yet."));
    assert!(page.body.contains("href=\"/foia/foia-web-0002/edit\""));

    // In Spanish by Accept-Language: the date, the rule, its citation and
    // the skipped days.
    coordinator.accept_language = Some("es-MX,es;q=0.9,en;q=0.5".into());
    let page = coordinator.get("/foia/foia-web-0002").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(page.body.contains("<html lang=\"es\">"));
    assert!(
        page.body.contains(&format!(
            "Vence la determinación: {}",
            spanish_day(due.date)
        )),
        "{}",
        page.body
    );
    let es = due.explanation.describe(Lang::Es);
    let first = es.lines().next().unwrap();
    assert!(first.starts_with("Fecha límite para la determinación: "));
    assert!(first.contains("5 U.S.C. 552(a)(6)(A)(i)"));
    let head = first.split(" No se cuentan:").next().unwrap();
    assert!(page.body.contains(head), "{head}\n{}", page.body);
    if first.contains(" No se cuentan:") {
        assert!(page.body.contains("No se cuentan:"));
        assert!(page.body.contains("(fin de semana)"));
    }
    assert!(page.body.contains("Vencido hace "));
    assert!(page.body.contains(">Vencida<"));
    assert!(page.body.contains("Recibida por la agencia"));
    assert!(page.body.contains("Plazos") && page.body.contains("Cronología"));

    // By the language cookie too.
    coordinator.accept_language = None;
    let switched = coordinator.get("/lang/es?next=/foia").await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    let list = coordinator.get("/foia").await;
    assert!(list.body.contains("Solicitudes FOIA"), "{}", list.excerpt());
    assert!(list.body.contains(">Vencida<"));
    assert!(list.body.contains(&spanish_day(due.date)));
    assert!(
        list.body
            .contains("Servicio de Inmigración y Control de Aduanas (ICE)")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_form_keeps_its_values_shows_each_message_by_its_field_and_stores_nothing() {
    let app = spawn_app().await;
    let mut coordinator = app.login(Role::Coordinator).await;
    let before = audit_entries(&app).await;
    let already = stored(&app).await.len();
    let future = iso(today() + Days::new(3));
    let from = iso(today() - Days::new(10));
    let to = iso(today() - Days::new(15));
    let fields = [
        ("id", "foia-web-bad"),
        ("agency", "la_migra"),
        ("subject", "Records of the field office"),
        ("date_received", future.as_str()),
        ("tolling_0_kind", "clarification"),
        ("tolling_0_from", from.as_str()),
        ("tolling_0_to", to.as_str()),
        ("appeal_window_days", "thirty"),
    ];
    let reply = coordinator.post("/foia", &fields).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.excerpt());
    assert_no_internals(&reply);
    let body = &reply.body;
    assert!(body.contains("class=\"error-summary\""));
    assert!(body.contains("id=\"f-date_received-error\""));
    assert!(body.contains("is after today"), "{body}");
    assert!(body.contains("id=\"f-agency-error\""));
    assert!(body.contains("is not a known code"));
    assert!(body.contains("id=\"f-tolling_0_to-error\""));
    assert!(body.contains("ends before it starts"));
    assert!(body.contains("id=\"f-appeal_window_days-error\""));
    assert!(body.contains("must be a whole number of days"));
    // The values are kept.
    assert!(body.contains("value=\"Records of the field office\""));
    assert!(body.contains(&format!("value=\"{future}\"")));
    assert!(body.contains("value=\"foia-web-bad\""));
    assert!(body.contains("name=\"csrf\""));
    // Nothing was stored or audited.
    assert_eq!(stored(&app).await.len(), already);
    assert_eq!(audit_entries(&app).await, before);

    // The same messages in Spanish.
    coordinator.accept_language = Some("es".into());
    let reply = coordinator.post("/foia", &fields).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body.contains("es posterior a hoy"), "{}", reply.body);
    assert!(reply.body.contains("no es un código conocido"));
    assert!(reply.body.contains("termina antes de empezar"));
    assert!(reply.body.contains("Corrija los campos señalados abajo."));

    // Dates out of order are named by their labels.
    coordinator.accept_language = None;
    let sent = iso(today() - Days::new(5));
    let received = iso(today() - Days::new(9));
    let reply = coordinator
        .post(
            "/foia",
            &[
                ("agency", "ice"),
                ("subject", "Records"),
                ("date_sent", &sent),
                ("date_received", &received),
                ("extension_notified", &sent),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply.body.contains("is earlier than “Sent on”"),
        "{}",
        reply.body
    );
    assert!(
        reply
            .body
            .contains("only applies together with “Extension for unusual circumstances")
    );
    assert_eq!(stored(&app).await.len(), already);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_updates_a_request_and_its_deadlines_follow() {
    let app = spawn_app().await;
    let coordinator = app.login(Role::Coordinator).await;
    let received = record_overdue(&coordinator, "foia-web-0003").await;

    let form = coordinator.get("/foia/foia-web-0003/edit").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.excerpt());
    assert!(form.body.contains("value=\"Detainer policy records\""));
    assert!(
        form.body
            .contains("Acknowledgment letter from Sra. Canaria")
    );
    assert!(
        form.body.contains("name=\"communication_1_summary\""),
        "a row to add"
    );
    assert!(
        form.body.contains("name=\"tolling_0_kind\""),
        "a period to add"
    );
    assert!(form.body.contains("name=\"csrf\""));

    let decided = iso(received + Days::new(40));
    let received_text = iso(received);
    let sent = iso(received - Days::new(3));
    let clarification_from = iso(received + Days::new(5));
    let clarification_to = iso(received + Days::new(8));
    let reply = coordinator
        .post(
            "/foia/foia-web-0003",
            &[
                ("agency", "ice"),
                ("component", "ICE FOIA Office"),
                ("subject", "Detainer policy records"),
                ("tracking_number", "2025-ICFO-00042"),
                ("status", "denied"),
                ("requester", "Comité Canario de Defensa"),
                ("request_text", "All records naming Persona Canaria"),
                ("date_sent", &sent),
                ("date_received", &received_text),
                ("fee_category", "other"),
                ("fee_waiver_requested", "1"),
                ("determination_outcome", "denied"),
                ("determination_date", &decided),
                ("tolling_0_kind", "clarification"),
                ("tolling_0_from", &clarification_from),
                ("tolling_0_to", &clarification_to),
                ("communication_0_date", &received_text),
                ("communication_0_direction", "in"),
                (
                    "communication_0_summary",
                    "Acknowledgment letter from Sra. Canaria",
                ),
                ("communication_1_date", &decided),
                ("communication_1_direction", "in"),
                ("communication_1_summary", "Denial letter"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.excerpt());
    assert_eq!(reply.location(), Some("/foia/foia-web-0003"));
    let request = stored_one(&app, "foia-web-0003").await.unwrap();
    assert_eq!(request.communications().len(), 2);
    assert_eq!(request.tolling().len(), 1);
    assert_eq!(request.status().code(), "denied");

    let page = coordinator.get("/foia/foia-web-0003").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Last day to appeal: "), "{}", page.body);
    assert!(page.body.contains("Met late, on ") || page.body.contains("Met on "));
    assert!(page.body.contains("Clock stopped: "));
    assert!(page.body.contains("Denial letter"));

    // Editing a request that does not exist is not found.
    let missing = coordinator
        .post("/foia/foia-none", &[("agency", "ice"), ("subject", "X")])
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(
        coordinator.get("/foia/foia-none").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        coordinator.get("/foia/bad%20id").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_analyst_reads_requests_without_their_sensitive_fields_and_cannot_write() {
    let app = spawn_app().await;
    let coordinator = app.login(Role::Coordinator).await;
    record_overdue(&coordinator, "foia-web-0004").await;
    let analyst = app.login(Role::Analyst).await;

    let list = analyst.get("/foia").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.excerpt());
    assert!(list.body.contains("2025-ICFO-00042"));
    assert!(
        !list.body.contains("href=\"/foia/new\""),
        "no New request link"
    );

    let page = analyst.get("/foia/foia-web-0004").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(page.body.contains("Detainer policy records"));
    assert!(page.body.contains("Determination due: "));
    assert!(page.body.contains("Not shown to your role"));
    for secret in ["Comité Canario", "Persona Canaria", "Sra. Canaria"] {
        assert!(!page.body.contains(secret), "{secret} shown to an analyst");
    }
    assert!(!page.body.contains("/edit\""), "no Update link");

    let before = audit_entries(&app).await;
    let already = stored(&app).await.len();
    assert_eq!(analyst.get("/foia/new").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        analyst.get("/foia/foia-web-0004/edit").await.status,
        StatusCode::FORBIDDEN
    );
    let create = analyst
        .post(
            "/foia",
            &[
                ("id", "foia-web-analyst"),
                ("agency", "ice"),
                ("subject", "Records"),
            ],
        )
        .await;
    assert_eq!(create.status, StatusCode::FORBIDDEN, "{}", create.excerpt());
    let update = analyst
        .post(
            "/foia/foia-web-0004",
            &[("agency", "cbp"), ("subject", "Changed")],
        )
        .await;
    assert_eq!(update.status, StatusCode::FORBIDDEN, "{}", update.excerpt());
    assert_eq!(stored(&app).await.len(), already);
    assert_eq!(
        stored_one(&app, "foia-web-0004")
            .await
            .unwrap()
            .agency()
            .code(),
        "ice"
    );
    assert_eq!(audit_entries(&app).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counts_and_an_unknown_request_read_as_spanish() {
    let app = spawn_app().await;
    let mut coordinator = app.login(Role::Coordinator).await;
    coordinator.accept_language = Some("es".into());
    let received = iso(today() - Days::new(10));
    let request = |id: &str| FoiaRequestParts {
        id: id.into(),
        agency: "cbp".into(),
        subject: "Port of entry records".into(),
        date_received: Some(received.clone()),
        ..FoiaRequestParts::default()
    };
    let already = stored(&app).await.len();
    arrange(&app, request("foia-es-1")).await;
    let count = |n: usize, word: &str| format!("{n} {word}");
    let one = coordinator.get("/foia?agency=cbp").await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.excerpt());
    let of_total = |n: usize| format!(" de {}", already + n);
    assert!(
        one.body.contains(&count(1, "solicitud")) && !one.body.contains(&count(1, "solicitudes")),
        "{}",
        one.body
    );
    if already > 0 {
        assert!(one.body.contains(&of_total(1)), "{}", one.body);
    }
    arrange(&app, request("foia-es-2")).await;
    let two = coordinator.get("/foia?agency=cbp").await;
    assert!(two.body.contains(&count(2, "solicitudes")), "{}", two.body);
    coordinator.accept_language = Some("en".into());
    let english = coordinator.get("/foia?agency=cbp").await;
    assert!(english.body.contains("2 requests"), "{}", english.body);

    coordinator.accept_language = Some("es".into());
    let missing = coordinator.get("/foia/2024-ICE-1").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        missing
            .body
            .contains("No se encontró la solicitud FOIA 2024-ICE-1."),
        "{}",
        missing.body
    );
    let edit = coordinator.get("/foia/2024-ICE-1/edit").await;
    assert_eq!(edit.status, StatusCode::NOT_FOUND);
    assert!(
        edit.body
            .contains("No se encontró la solicitud FOIA 2024-ICE-1.")
    );
}
