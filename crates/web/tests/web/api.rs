//! The JSON API: tokens, the same access rules as the pages (derived from
//! `api_routes()`), identity only where the role allows, field errors,
//! JSON error bodies, and an OpenAPI document that is served publicly.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testimonio_domain::Role;
use testimonio_vault::Username;
use testimonio_web::api::api_routes;
use testimonio_web::{Access, sample_path};

use crate::support::{TESTIMONY_CANARY, TestApp, spawn_app};

pub(crate) async fn token(app: &TestApp, role: Role) -> String {
    let name = Username::parse(&crate::support::username(role)).unwrap();
    app.state
        .with_vault("test:api", move |v| {
            Ok(v.create_api_token(&name, "test")?.to_string())
        })
        .await
        .unwrap()
}

pub(crate) async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let client = reqwest::Client::new();
    let mut req = client
        .request(method, format!("{}{}", app.base, path))
        .header("accept-language", "en");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    // A download (a calendar, a letter) is text; every error is JSON.
    let value = serde_json::from_str(&text).unwrap_or_else(|_| {
        assert!(status.is_success(), "{path}: {status}, not JSON: {text}");
        Value::String(text)
    });
    (status, value)
}

/// `POST /api/v1/documents` with one small file, as `multipart/form-data`.
async fn call_upload(app: &TestApp, path: &str, token: Option<&str>) -> (StatusCode, Value) {
    let part = reqwest::multipart::Part::bytes(b"An uploaded note (matrix).\n".to_vec())
        .file_name("matrix.txt")
        .mime_str("text/plain")
        .unwrap();
    let mut req = reqwest::Client::new()
        .post(format!("{}{}", app.base, path))
        .header("accept-language", "en")
        .multipart(reqwest::multipart::Form::new().part("file", part));
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    let value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("{path}: not JSON: {text}"));
    (status, value)
}

fn sample_event(app: &TestApp, id: &str) -> Value {
    json!({
        "id": id, "event_type": "detention", "date": "2024-02-03", "state": "TX",
        "agency": "ice", "field_office": "SNA",
        "people": [{"id": app.person_id, "role": "target"}], "verification": "reported"
    })
}

#[tokio::test]
async fn api_access_matrix_follows_the_route_table() {
    let app = spawn_app().await;
    let mut tokens = Vec::new();
    for role in Role::ALL {
        tokens.push((role, token(&app, role).await));
    }
    for (spec, _) in api_routes() {
        let path = if spec.path.starts_with("/api/v1/documents/") {
            spec.path
                .replace("{id}", &app.document_id)
                .replace("{n}", "1")
        } else {
            sample_path(
                spec.path,
                if spec.path.contains("/people/") {
                    &app.person_id
                } else if spec.path.contains("/testimonies/") {
                    &app.testimony_id
                } else if spec.path.contains("/cases/") {
                    &app.case_id
                } else if spec.path.contains("/foia/") {
                    &app.foia_id
                } else {
                    &app.event_id
                },
            )
        };
        // A search needs a query.
        let path = if spec.path == "/api/v1/search" {
            format!("{path}?q=training")
        } else {
            path
        };
        let method = Method::from_bytes(spec.method.to_ascii_uppercase().as_bytes()).unwrap();
        let body = (method != Method::GET).then(|| {
            if spec.path.ends_with("/consent") {
                json!({"level": "coalition_aggregate", "given_on": "2024-01-01"})
            } else if spec.path == "/api/v1/people" {
                json!({"pseudonym": "Matrix", "consent": {"level": "internal"}})
            } else if spec.path == "/api/v1/testimonies" {
                json!({"person": app.person_id, "interviewer": "Matrix", "date": "2024-03",
                    "place": "Matrix", "language": "es", "account": "Yo, Matrix.",
                    "consent": "internal", "events": [app.event_id]})
            } else if spec.path == "/api/v1/testimonies/{id}" {
                // A change of nothing: any writer who may read the account.
                json!({})
            } else if spec.path == "/api/v1/testimonies/{id}/review" {
                json!({})
            } else if spec.path == "/api/v1/excerpts" {
                json!({"document": app.document_id, "page": 1, "start": 0, "end": 5})
            } else if spec.path == "/api/v1/watchlists" {
                json!({"name": "Matrix", "query": "training", "purpose": "the matrix"})
            } else if spec.path == "/api/v1/cases" {
                json!({"title": "Matrix case", "kind": "advocacy", "person": app.person_id})
            } else if spec.path == "/api/v1/cases/{id}/links"
                || spec.path == "/api/v1/cases/{id}/unlink"
            {
                json!({"kind": "event", "id": app.event_id})
            } else if spec.path == "/api/v1/cases/{id}/status" {
                json!({"status": "open"})
            } else if spec.path == "/api/v1/people/{id}" {
                // A change of nothing: any writer may, and nothing changes.
                json!({})
            } else {
                sample_event(&app, &app.event_id)
            }
        });
        let upload = spec.path == "/api/v1/documents" && method == Method::POST;
        let send = |token: Option<String>| {
            let (app, method, path, body) = (&app, method.clone(), path.clone(), body.clone());
            async move {
                if upload {
                    call_upload(app, &path, token.as_deref()).await
                } else {
                    call(app, method, &path, token.as_deref(), body).await
                }
            }
        };
        let (status, value) = send(None).await;
        if matches!(spec.access, Access::Public | Access::Static) {
            assert_eq!(status, StatusCode::OK, "{} {path}", spec.method);
        } else {
            assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "{} {path} without a token",
                spec.method
            );
            assert_eq!(value["error"], "unauthorized");
        }
        for (role, t) in &tokens {
            let (status, value) = send(Some(t.clone())).await;
            if matches!(role, Role::Analyst | Role::Viewer) {
                assert!(
                    !value.to_string().contains(TESTIMONY_CANARY),
                    "{} {path} as {role:?}: a testimony's account",
                    spec.method
                );
            }
            let allowed = match spec.access {
                Access::Static | Access::Public | Access::LoggedIn => true,
                Access::Writer => role.can_write_records(),
                Access::Reviewer => matches!(role, Role::Admin | Role::Coordinator),
                Access::Admin => role.is_admin(),
            };
            if allowed {
                assert!(
                    status.is_success(),
                    "{} {path} as {role:?}: {status} {value}",
                    spec.method
                );
            } else {
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{} {path} as {role:?}",
                    spec.method
                );
                assert_eq!(value["error"], "forbidden");
            }
        }
    }
}

#[tokio::test]
async fn identities_only_for_roles_that_may_see_them() {
    let app = spawn_app().await;
    let analyst = token(&app, Role::Analyst).await;
    let coordinator = token(&app, Role::Coordinator).await;
    let path = format!("/api/v1/people/{}", app.person_id);
    let (status, seen_by_analyst) = call(&app, Method::GET, &path, Some(&analyst), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        seen_by_analyst.get("identity").is_none(),
        "{seen_by_analyst}"
    );
    let (_, all_people) = call(&app, Method::GET, "/api/v1/people", Some(&analyst), None).await;
    let (_, events) = call(
        &app,
        Method::GET,
        "/api/v1/events?limit=1000",
        Some(&analyst),
        None,
    )
    .await;
    let text = format!("{seen_by_analyst}{all_people}{events}");
    for secret in app.identity_strings() {
        assert!(
            !text.contains(&secret),
            "an analyst received an identity field"
        );
    }
    let (_, seen_by_coordinator) = call(&app, Method::GET, &path, Some(&coordinator), None).await;
    assert!(
        seen_by_coordinator["identity"]["legal_name"].is_string(),
        "{seen_by_coordinator}"
    );
    let audited = app
        .state
        .with_vault("test:api", |v| Ok(v.audit_tail(5)?))
        .await
        .unwrap();
    assert!(
        audited
            .iter()
            .any(|e| e.action == "identity_read" && e.actor == "web:t-coordinator")
    );
}

#[tokio::test]
async fn writes_validate_and_report_fields() {
    let app = spawn_app().await;
    let t = token(&app, Role::Coordinator).await;
    let (status, created) = call(
        &app,
        Method::POST,
        "/api/v1/events",
        Some(&t),
        Some(sample_event(&app, "api-e-1")),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["kind"], "enforcement_action");
    let (status, _) = call(
        &app,
        Method::PUT,
        "/api/v1/events/api-e-1",
        Some(&t),
        Some(sample_event(&app, "ignored")),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, shown) = call(&app, Method::GET, "/api/v1/events/api-e-1", Some(&t), None).await;
    assert_eq!(
        (status, shown["field_office"].as_str()),
        (StatusCode::OK, Some("SNA"))
    );

    let mut bad = sample_event(&app, "api-e-2");
    bad["date"] = json!("2024-02-30");
    bad["state"] = json!("XX");
    let (status, errors) = call(&app, Method::POST, "/api/v1/events", Some(&t), Some(bad)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let fields: Vec<&str> = errors["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["date", "state"]);

    let mut unknown = sample_event(&app, "api-e-3");
    unknown["people"] = json!([{"id": "nobody-here", "role": "target"}]);
    let (status, errors) = call(
        &app,
        Method::POST,
        "/api/v1/events",
        Some(&t),
        Some(unknown),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{errors}");
    assert_eq!(errors["fields"][0]["field"], "people[0].id");

    let client = reqwest::Client::new();
    let resp = client
        .post(format!("{}/api/v1/events", app.base))
        .header("authorization", format!("Bearer {t}"))
        .header("accept-language", "es")
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["message"], "No se pudo entender la solicitud.");
    let (status, v) = call(&app, Method::GET, "/api/v1/events?state=XX", Some(&t), None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(v["fields"][0]["field"], "state");
    let (status, v) = call(&app, Method::GET, "/api/v1/nothing-here", Some(&t), None).await;
    assert_eq!(
        (status, v["error"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn openapi_document_is_served_and_a_locked_vault_answers_503() {
    let app = spawn_app().await;
    let (status, doc) = call(&app, Method::GET, "/api/v1/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.0.3");
    assert!(doc["paths"]["/api/v1/events"]["post"].is_object());
    let t = token(&app, Role::Viewer).await;
    app.state.lock_vault();
    let (status, v) = call(&app, Method::GET, "/api/v1/events", Some(&t), None).await;
    assert_eq!(
        (status, v["error"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("locked"))
    );
}

#[tokio::test]
async fn consent_grants_are_validated_and_recorded() {
    let app = spawn_app().await;
    let t = token(&app, Role::Documenter).await;
    let path = format!("/api/v1/people/{}/consent", app.person_id);
    let (status, v) = call(
        &app,
        Method::POST,
        &path,
        Some(&t),
        Some(json!({"level": "everyone", "given_on": "2024-13-01"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let fields: Vec<&str> = v["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["level", "given_on"]);
    let (status, _) = call(
        &app,
        Method::POST,
        &path,
        Some(&t),
        Some(json!({"level": "public_anonymous", "given_on": "2024-01-01"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, person) = call(
        &app,
        Method::GET,
        &format!("/api/v1/people/{}", app.person_id),
        Some(&t),
        None,
    )
    .await;
    assert_eq!(person["consent"], "public_anonymous");
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/people/nobody-here/consent",
        Some(&t),
        Some(json!({"level": "internal"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let admin = token(&app, Role::Admin).await;
    let (_, users) = call(&app, Method::GET, "/api/v1/users", Some(&admin), None).await;
    assert!(
        !users.to_string().contains("argon2"),
        "no password hashes in the API"
    );
    let (_, audit) = call(&app, Method::GET, "/api/v1/audit", Some(&admin), None).await;
    assert_eq!(audit["chain_ok"], true);
}
