//! Cases on the web, in Spanish: a coordinator records a case choosing the
//! person by pseudonym, links records (an unknown one refused on its
//! field), changes the status and downloads the packet; analysts and
//! viewers never read a case's notes, on the page or through the API; the
//! API names a body's wrong field and an unknown subject.

use axum::http::{Method, StatusCode};
use serde_json::json;
use testimonio_domain::Role;

use crate::api::{call, token};
use crate::support::{CASE_ID, CASE_NOTES, CASE_TITLE, spawn_app};

#[tokio::test]
async fn a_coordinator_records_links_and_packs_a_case_in_spanish() {
    let app = spawn_app().await;
    let mut agent = app.login(Role::Coordinator).await;
    agent.accept_language = Some("es-MX,es;q=0.9".into());
    let person = app.demo.people[1].clone();

    let form = agent.get("/cases/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Caso nuevo"), "{}", form.excerpt());
    assert!(form.body.contains("Defensa contra la deportación"));
    assert!(
        form.body.contains(&person.pseudonym),
        "people chosen by pseudonym"
    );

    // Refused in one round, each message on its field, what was typed kept.
    let refused = agent
        .post(
            "/cases",
            &[
                ("title", ""),
                ("kind", "removal_defense"),
                ("subject", ""),
                ("attorney", "Lic. Ruiz"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused.body.contains("es obligatorio"),
        "{}",
        refused.excerpt()
    );
    assert!(refused.body.contains("Lic. Ruiz"));

    let subject = format!("person:{}", person.id);
    let created = agent
        .post(
            "/cases",
            &[
                ("title", "Defensa ante el tribunal"),
                ("kind", "removal_defense"),
                ("subject", &subject),
                ("status", "open"),
                ("attorney", "Lic. Ruiz"),
                ("opened_on", "2024-03"),
                ("notes", "Notas privadas del caso"),
            ],
        )
        .await;
    assert_eq!(
        created.status,
        StatusCode::SEE_OTHER,
        "{}",
        created.excerpt()
    );
    let path = created.location().unwrap().to_owned();
    assert!(path.starts_with("/cases/case-"), "{path}");

    let page = agent.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    for expected in [
        "Defensa ante el tribunal",
        "Defensa contra la deportación",
        "Abierto",
        "marzo de 2024",
        "Notas privadas del caso",
        &person.pseudonym,
        "Vincular un registro",
    ] {
        assert!(
            page.body.contains(expected),
            "{expected:?} missing: {}",
            page.excerpt()
        );
    }

    let event = app.demo.events[0].id.clone();
    let linked = agent
        .post(
            &format!("{path}/links"),
            &[("kind", "event"), ("id", &event)],
        )
        .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER, "{}", linked.excerpt());
    let unknown = agent
        .post(
            &format!("{path}/links"),
            &[("kind", "document"), ("id", "doc-404")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(
        unknown.body.contains("ningún documento doc-404"),
        "{}",
        unknown.excerpt()
    );
    assert!(unknown.body.contains("doc-404"), "what was typed is kept");

    let status = agent
        .post(&format!("{path}/status"), &[("status", "pending_decision")])
        .await;
    assert_eq!(status.status, StatusCode::SEE_OTHER);
    let page = agent.get(&path).await;
    assert!(page.body.contains("En espera de decisión"));
    assert!(page.body.contains("Un evento"), "{}", page.excerpt());

    // Taken off and put back: each a button or a form, each audited.
    let unlinked = agent
        .post(
            &format!("{path}/unlink"),
            &[("kind", "event"), ("id", &event)],
        )
        .await;
    assert_eq!(unlinked.status, StatusCode::SEE_OTHER);
    let page = agent.get(&path).await;
    assert!(
        page.body
            .contains("Todavía no hay ningún registro vinculado"),
        "{}",
        page.excerpt()
    );
    agent
        .post(
            &format!("{path}/links"),
            &[("kind", "event"), ("id", &event)],
        )
        .await;

    let packet = agent.get(&format!("{path}/packet")).await;
    assert_eq!(packet.status, StatusCode::OK);
    assert_eq!(packet.content_type(), "application/pdf");
    let id = path.trim_start_matches("/cases/").to_owned();
    let exported = app
        .state
        .with_vault("test:cases", |v| Ok(v.audit_tail(20)?))
        .await
        .unwrap()
        .into_iter()
        .any(|e| e.action == "export");
    assert!(exported, "the packet is audited as an export");

    let list = agent.get("/cases").await;
    assert!(list.body.contains("Defensa ante el tribunal") && list.body.contains(&id));
    assert!(list.body.contains("2 casos"), "{}", list.excerpt());
}

#[tokio::test]
async fn notes_reach_only_roles_that_may_see_the_identity() {
    let app = spawn_app().await;
    let path = format!("/cases/{CASE_ID}");
    for role in Role::ALL {
        let agent = app.login(role).await;
        let page = agent.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{role:?}");
        assert!(page.body.contains(CASE_TITLE));
        let t = token(&app, role).await;
        let (status, api) = call(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{CASE_ID}"),
            Some(&t),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let sees = matches!(role, Role::Admin | Role::Coordinator | Role::Documenter);
        assert_eq!(page.body.contains(CASE_NOTES), sees, "{role:?} page");
        assert_eq!(api["notes"] == json!(CASE_NOTES), sees, "{role:?} API");
        if matches!(role, Role::Analyst | Role::Viewer) {
            assert!(api["notes"].is_null());
            let packet = agent.get(&format!("{path}/packet")).await;
            assert_eq!(packet.status, StatusCode::FORBIDDEN, "{role:?} packet");
        }
    }
}

#[tokio::test]
async fn the_api_names_the_wrong_field_and_the_unknown_subject() {
    let app = spawn_app().await;
    let t = token(&app, Role::Documenter).await;
    let (status, body) = call(
        &app,
        Method::POST,
        "/api/v1/cases",
        Some(&t),
        Some(json!({"title": "X", "kind": "advocacy", "person": 7, "colour": "red"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["colour", "person"], "{body}");

    let (status, body) = call(
        &app,
        Method::POST,
        "/api/v1/cases",
        Some(&t),
        Some(json!({"title": "X", "kind": "advocacy", "person": "p-nobody"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        (body["error"].as_str(), body["field"].as_str()),
        (Some("unknown_reference"), Some("person"))
    );

    let (status, body) = call(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{CASE_ID}/links"),
        Some(&t),
        Some(json!({"kind": "testimony", "id": "t-1"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["kind"], "testimony");

    let unlink = format!("/api/v1/cases/{CASE_ID}/unlink");
    let event = json!({"kind": "event", "id": app.demo.events[0].id});
    let (status, body) = call(&app, Method::POST, &unlink, Some(&t), Some(event.clone())).await;
    assert_eq!((status, &body["changed"]), (StatusCode::OK, &json!(true)));
    let (_, body) = call(&app, Method::POST, &unlink, Some(&t), Some(event)).await;
    assert_eq!(body["changed"], false);

    let (status, body) = call(&app, Method::GET, "/api/v1/cases", Some(&t), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["cases"][0]["case"]["id"], CASE_ID);
    assert_eq!(body["cases"][0]["subject"]["kind"], "person");
}
