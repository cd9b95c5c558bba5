//! Events, people and groups through the records use cases: typed errors
//! reach the API as stable codes and the forms as rows, in Spanish too.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testimonio_domain::Role;
use testimonio_vault::Username;

use crate::support::{TestApp, spawn_app};

async fn token(app: &TestApp, role: Role) -> String {
    let name = Username::parse(&crate::support::username(role)).unwrap();
    app.state
        .with_vault("test:records", move |v| {
            Ok(v.create_api_token(&name, "test")?.to_string())
        })
        .await
        .unwrap()
}

async fn call_es(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    call_as(app, Role::Coordinator, method, path, body).await
}

async fn call_as(
    app: &TestApp,
    role: Role,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let t = token(app, role).await;
    let mut req = reqwest::Client::new()
        .request(method, format!("{}{}", app.base, path))
        .header("accept-language", "es")
        .header("authorization", format!("Bearer {t}"));
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    (status, resp.json().await.unwrap())
}

#[tokio::test]
async fn the_api_names_unknown_references_and_missing_records_in_spanish() {
    let app = spawn_app().await;
    let event = json!({
        "id": "api-rec-1", "event_type": "protest", "date": "2024-02-03",
        "people": [{"id": app.person_id, "role": "organizer"}, {"id": "p-404", "role": "witness"}],
    });
    let (status, v) = call_es(&app, Method::POST, "/api/v1/events", Some(event)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["error"], "unknown_reference");
    assert_eq!(v["field"], "people[1].id");
    assert_eq!(v["kind"], "person");
    assert_eq!(v["id"], "p-404");
    assert_eq!(
        v["message"],
        "people[1].id: no existe ninguna persona p-404"
    );
    let (status, v) = call_es(&app, Method::GET, "/api/v1/events/api-rec-1", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "nothing was stored: {v}");
    assert_eq!(v["message"], "No se encontró el evento api-rec-1.");
    let (status, v) = call_es(&app, Method::GET, "/api/v1/people/p-404", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(v["error"], "not_found");
    assert_eq!(v["message"], "No se encontró la persona p-404.");
}

#[tokio::test]
async fn the_event_form_puts_every_unknown_reference_on_its_line() {
    let app = spawn_app().await;
    let mut agent = app.login(Role::Coordinator).await;
    agent.accept_language = Some("es".into());
    let people = format!("{} = organizer\n\np-404 = witness", app.person_id);
    let reply = agent
        .post(
            "/events",
            &[
                ("id", "form-rec-1"),
                ("event_type", "protest"),
                ("date", "2024-02-03"),
                ("people", &people),
                ("groups", "g-404"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.excerpt());
    assert!(
        reply
            .body
            .contains("Línea 3: ninguna persona tiene este id: p-404"),
        "{}",
        reply.excerpt()
    );
    assert!(reply.body.contains("ningún grupo tiene este id: g-404"));
    let missing = agent.get("/people/p-404").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let list = agent.get("/events?group=g-404").await;
    assert_eq!(list.status, StatusCode::BAD_REQUEST);
    assert!(list.body.contains("ningún grupo tiene este id: g-404"));
}

#[tokio::test]
async fn the_api_records_a_person_with_consent_and_changes_one() {
    let app = spawn_app().await;
    let new = json!({
        "pseudonym": "Rosa", "legal_name": "Rosa Ficticia",
        "consent": {"level": "coalition_aggregate", "given_on": "2026-11-30"},
        "groups": [app.group_id],
    });
    // A reader may not; a body without consent names the field.
    let (status, _) = call_as(
        &app,
        Role::Analyst,
        Method::POST,
        "/api/v1/people",
        Some(new.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, v) = call_es(
        &app,
        Method::POST,
        "/api/v1/people",
        Some(json!({"pseudonym": "Rosa"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["error"], "invalid");
    assert_eq!(v["fields"][0]["field"], "consent", "{v}");

    // A documenter records the person and, having recorded them, sees them.
    let (status, v) = call_as(
        &app,
        Role::Documenter,
        Method::POST,
        "/api/v1/people",
        Some(new),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let id = v["id"].as_str().unwrap().to_owned();
    assert_eq!(v["outcome"], "created");
    assert!(v.get("legal_name").is_none(), "{v}");
    let path = format!("/api/v1/people/{id}");
    let (status, v) = call_as(&app, Role::Documenter, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["identity"]["legal_name"], "Rosa Ficticia", "{v}");

    // A change keeps what it does not name; a reader may not change it.
    let (status, v) = call_es(
        &app,
        Method::PUT,
        &path,
        Some(json!({"contact": "+1 555 0100"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["outcome"], "updated");
    let (_, v) = call_es(&app, Method::GET, &path, None).await;
    assert_eq!(v["identity"]["legal_name"], "Rosa Ficticia", "{v}");
    assert_eq!(v["identity"]["contact"], "+1 555 0100", "{v}");
    let (status, _) = call_as(
        &app,
        Role::Viewer,
        Method::PUT,
        &path,
        Some(json!({"contact": ""})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, v) = call_es(
        &app,
        Method::PUT,
        "/api/v1/people/p-404",
        Some(json!({"contact": "x"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{v}");
    assert_eq!(v["message"], "No se encontró la persona p-404.");
}

#[tokio::test]
async fn a_documenter_records_a_person_with_consent_on_the_web_and_changes_them() {
    let app = spawn_app().await;
    let mut agent = app.login(Role::Documenter).await;
    agent.accept_language = Some("es".into());
    let form = agent.get("/people/new").await;
    assert_eq!(form.status, reqwest::StatusCode::OK);
    assert!(form.body.contains("Nueva persona"), "{}", form.excerpt());
    assert!(form.body.contains("name=\"legal_name\""));

    // Without a consent: told on the field, in Spanish, and what was typed kept.
    let refused = agent
        .post(
            "/people",
            &[("pseudonym", "Rosa"), ("legal_name", "Rosa Ficticia")],
        )
        .await;
    assert_eq!(refused.status, reqwest::StatusCode::BAD_REQUEST);
    assert!(
        refused.body.contains("f-consent-error"),
        "{}",
        refused.excerpt()
    );
    assert!(refused.body.contains("value=\"Rosa Ficticia\""));
    // An unknown group is named.
    let refused = agent
        .post(
            "/people",
            &[
                ("pseudonym", "Rosa"),
                ("consent", "internal"),
                ("groups", "g-404"),
            ],
        )
        .await;
    assert_eq!(refused.status, reqwest::StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("g-404"), "{}", refused.excerpt());

    let saved = agent
        .post(
            "/people",
            &[
                ("pseudonym", "Rosa"),
                ("consent", "coalition_aggregate"),
                ("consent_given", "2026-11-30"),
                ("legal_name", "Rosa Ficticia"),
                ("groups", &app.group_id),
            ],
        )
        .await;
    assert_eq!(
        saved.status,
        reqwest::StatusCode::SEE_OTHER,
        "{}",
        saved.excerpt()
    );
    let at = saved.location().unwrap().to_owned();
    assert!(at.starts_with("/people/p-"), "{at}");
    // Having recorded her, the documenter sees her identity and may change it.
    let page = agent.get(&at).await;
    assert!(page.body.contains("Rosa Ficticia"), "{}", page.excerpt());
    assert!(page.body.contains(&format!("{at}/edit")));
    let changed = agent
        .post(&at, &[("pseudonym", "Rosa M."), ("contact", "+1 555 0100")])
        .await;
    assert_eq!(
        changed.status,
        reqwest::StatusCode::SEE_OTHER,
        "{}",
        changed.excerpt()
    );
    let page = agent.get(&at).await;
    assert!(page.body.contains("Rosa M."));
    assert!(page.body.contains("+1 555 0100"));
    assert!(
        page.body.contains("Rosa Ficticia"),
        "kept what was not changed"
    );

    // A reader is refused the form.
    let viewer = app.login(Role::Viewer).await;
    assert_eq!(
        viewer.get("/people/new").await.status,
        reqwest::StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_later_grant_replaces_an_earlier_one_and_only_it_is_in_force() {
    let app = crate::support::spawn_app().await;
    let mut agent = app.login(testimonio_domain::Role::Coordinator).await;
    agent.accept_language = Some("es".into());
    let created = agent
        .post(
            "/people",
            &[
                ("pseudonym", "Dos permisos"),
                ("consent", "coalition_aggregate"),
                ("consent_given", "2026-01-10"),
            ],
        )
        .await;
    let person = created
        .location()
        .expect("the new person's page")
        .to_owned();
    let granted = agent
        .post(
            &format!("{person}/consent"),
            &[("level", "public_anonymous"), ("given_on", "2026-06-01")],
        )
        .await;
    assert!(granted.status.is_redirection(), "{}", granted.excerpt());
    let page = agent.get(&person).await;
    let table = &page.body[page
        .body
        .find("table class=\"consent\"")
        .expect("the history")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert_eq!(table.matches("<td>Sí</td>").count(), 1, "{table}");
    assert_eq!(table.matches("<td>No</td>").count(), 1, "{table}");
}
