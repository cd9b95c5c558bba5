//! What a writer does on the pages exists in `/api/v1` too: FOIA requests
//! with their deadlines, the calendar as ICS and the letters (audited as
//! exports, sensitive fields only for roles that see identities), search
//! (a malformed query names the field), watchlists and their hits; and the
//! calendar and letters are downloads on the FOIA pages.

use axum::http::{Method, StatusCode};
use testimonio_domain::Role;
use testimonio_vault::Username;

use crate::support::{Agent, TestApp, spawn_app};

async fn token(app: &TestApp, role: Role) -> String {
    let name = Username::parse(&crate::support::username(role)).unwrap();
    app.state
        .with_vault("test:api", move |v| {
            Ok(v.create_api_token(&name, "test")?.to_string())
        })
        .await
        .unwrap()
}

async fn get(app: &TestApp, token: &str, path: &str) -> crate::support::Reply {
    let auth = format!("Bearer {token}");
    Agent::new(&app.base, "api")
        .send_with(
            Method::GET,
            path,
            None,
            &[("authorization", auth.as_str()), ("accept-language", "es")],
        )
        .await
}

async fn exports(app: &TestApp) -> usize {
    app.state
        .with_vault("test:check", |v| Ok(v.audit_tail(200)?))
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "export")
        .count()
}

#[tokio::test]
async fn foia_requests_deadlines_calendar_and_letters_through_the_api() {
    let app = spawn_app().await;
    let coordinator = token(&app, Role::Coordinator).await;
    let analyst = token(&app, Role::Analyst).await;

    let listed = get(&app, &coordinator, "/api/v1/foia").await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
    let body: serde_json::Value = serde_json::from_str(&listed.body).unwrap();
    let row = &body["requests"][0];
    assert_eq!(row["request"]["id"], app.foia_id);
    assert!(
        row["deadlines"]["determination"]["date"].is_string(),
        "{row}"
    );
    let shown = get(&app, &analyst, &format!("/api/v1/foia/{}", app.foia_id)).await;
    assert_eq!(shown.status, StatusCode::OK);
    let body: serde_json::Value = serde_json::from_str(&shown.body).unwrap();
    assert!(body["request"].get("requester").is_none(), "{body}");
    assert!(body["request"].get("request_text").is_none(), "{body}");

    let before = exports(&app).await;
    let calendar = get(&app, &analyst, "/api/v1/foia/calendar.ics").await;
    assert_eq!(calendar.status, StatusCode::OK);
    assert!(calendar.content_type().starts_with("text/calendar"));
    assert!(
        calendar.body.starts_with("BEGIN:VCALENDAR"),
        "{}",
        calendar.body
    );
    let letter = get(
        &app,
        &coordinator,
        &format!("/api/v1/foia/{}/letter?kind=appeal", app.foia_id),
    )
    .await;
    assert_eq!(letter.status, StatusCode::OK, "{}", letter.body);
    assert!(letter.body.contains("Appeal"), "{}", letter.body);
    assert_eq!(
        exports(&app).await,
        before + 2,
        "each download is an audited export"
    );

    let refused = get(
        &app,
        &analyst,
        &format!("/api/v1/foia/{}/letter", app.foia_id),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let bad = get(
        &app,
        &coordinator,
        &format!("/api/v1/foia/{}/letter?kind=carta", app.foia_id),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let body: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
    assert_eq!(body["fields"][0]["field"], "kind", "{body}");
}

#[tokio::test]
async fn search_and_watchlists_through_the_api() {
    let app = spawn_app().await;
    let analyst = token(&app, Role::Analyst).await;
    let found = get(&app, &analyst, "/api/v1/search?q=training").await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    let body: serde_json::Value = serde_json::from_str(&found.body).unwrap();
    assert!(
        body["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == app.document_id),
        "{body}"
    );
    let bad = get(&app, &analyst, "/api/v1/search?q=%22unclosed").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
    let body: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
    assert_eq!(body["fields"][0]["field"], "q", "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("comillas"),
        "{body}"
    );

    let lists = get(&app, &analyst, "/api/v1/watchlists").await;
    assert_eq!(lists.status, StatusCode::OK, "{}", lists.body);
    let hits = get(&app, &analyst, "/api/v1/watchlists/hits?all=true").await;
    assert_eq!(hits.status, StatusCode::OK, "{}", hits.body);
}

#[tokio::test]
async fn the_foia_pages_offer_the_calendar_and_the_letters() {
    let app = spawn_app().await;
    let viewer = app.login(Role::Viewer).await;
    let list = viewer.get("/foia").await;
    assert!(
        list.body.contains("href=\"/foia/calendar.ics\""),
        "{}",
        list.excerpt()
    );
    let calendar = viewer.get("/foia/calendar.ics").await;
    assert_eq!(calendar.status, StatusCode::OK);
    assert!(calendar.body.starts_with("BEGIN:VCALENDAR"));
    let coordinator = app.login(Role::Coordinator).await;
    let page = coordinator.get(&format!("/foia/{}", app.foia_id)).await;
    assert!(
        page.body.contains("/letter?kind=appeal"),
        "{}",
        page.excerpt()
    );
    let letter = coordinator
        .get(&format!("/foia/{}/letter?kind=request", app.foia_id))
        .await;
    assert_eq!(letter.status, StatusCode::OK);
    assert!(letter.content_type().starts_with("text/plain"));
    assert_eq!(
        viewer
            .get(&format!("/foia/{}/letter", app.foia_id))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn an_event_without_an_id_gets_one_and_a_malformed_body_names_its_field() {
    let app = spawn_app().await;
    let writer = token(&app, Role::Documenter).await;
    let auth = format!("Bearer {writer}");
    let agent = Agent::new(&app.base, "api");
    let send = |body: serde_json::Value| {
        let (agent, auth) = (&agent, auth.clone());
        async move {
            agent
                .send_with(
                    Method::POST,
                    "/api/v1/events",
                    Some((body.to_string(), "application/json")),
                    &[("authorization", auth.as_str()), ("accept-language", "es")],
                )
                .await
        }
    };
    let created = send(serde_json::json!({
        "event_type": "hunger_strike", "date": "2026-11-20", "state": "CA",
        "people": [{"id": app.person_id, "role": "organizer"}]
    }))
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let body: serde_json::Value = serde_json::from_str(&created.body).unwrap();
    assert!(body["id"].as_str().unwrap().starts_with("evt-"), "{body}");

    for (bad, field) in [
        (serde_json::json!({"event_type": "vigil"}), "date"),
        (
            serde_json::json!({"event_type": "vigil", "date": "2026-11-20", "colour": "red"}),
            "colour",
        ),
        (
            serde_json::json!({"event_type": "vigil", "date": "2026-11-20", "groups": "g-1"}),
            "groups",
        ),
        (
            serde_json::json!({"event_type": "vigil", "date": "2026-11-20", "people": [{"id": "p-1", "role": 3}]}),
            "people[0].role",
        ),
    ] {
        let refused = send(bad).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
        let body: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
        assert_eq!(body["fields"][0]["field"], field, "{body}");
    }
}

#[tokio::test]
async fn excerpts_and_watchlists_are_recorded_through_the_api() {
    let app = spawn_app().await;
    let writer = token(&app, Role::Coordinator).await;
    let auth = format!("Bearer {writer}");
    let agent = Agent::new(&app.base, "api");
    let post = |path: &'static str, body: serde_json::Value| {
        let (agent, auth) = (&agent, auth.clone());
        async move {
            agent
                .send_with(
                    Method::POST,
                    path,
                    Some((body.to_string(), "application/json")),
                    &[("authorization", auth.as_str()), ("accept-language", "es")],
                )
                .await
        }
    };
    let created = post(
        "/api/v1/excerpts",
        serde_json::json!({"document": app.document_id, "page": 1, "start": 0, "end": 24,
            "tags": ["surveillance"], "events": [app.event_id]}),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let listed = get(
        &app,
        &writer,
        &format!("/api/v1/excerpts?document={}", app.document_id),
    )
    .await;
    assert!(
        listed.body.contains("Notes from a know-your-"),
        "{}",
        listed.body
    );
    let refused = post(
        "/api/v1/excerpts",
        serde_json::json!({"document": app.document_id, "page": 1, "start": 0, "end": 5, "tags": ["Not A Tag!"]}),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    let body: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
    assert_eq!(body["fields"][0]["field"], "tags[0]", "{body}");

    let saved = post(
        "/api/v1/watchlists",
        serde_json::json!({"name": "Vigilancia", "query": "surveillance OR vigilancia", "purpose": "FOIA"}),
    )
    .await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.body);
    let bad = post(
        "/api/v1/watchlists",
        serde_json::json!({"name": "Mala", "query": "\"sin cerrar"}),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
    let body: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
    assert_eq!(body["fields"][0]["field"], "query", "{body}");
}
