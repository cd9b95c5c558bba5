//! Testimonies on the web and the API: the form in Spanish with each
//! refusal on its field, the account shown only to roles that may see the
//! giver, the review button for coordinators, and API bodies whose
//! malformed fields are named.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testimonio_domain::Role;
use testimonio_vault::Username;

use crate::support::{TESTIMONY_CANARY, TestApp, spawn_app};

const ACCOUNT: &str = "Yo, María, vi cuando llegaron. Relato de prueba.";

#[tokio::test]
async fn a_documenter_records_a_testimony_in_spanish_and_a_coordinator_reviews_it() {
    let app = spawn_app().await;
    let mut documenter = app.login(Role::Documenter).await;
    documenter.accept_language = Some("es".into());

    // The person's page offers it, and the form comes with the person chosen.
    let person = documenter.get(&format!("/people/{}", app.person_id)).await;
    let link = format!("/testimonies/new?person={}", app.person_id);
    assert!(person.body.contains(&link), "{}", person.excerpt());
    assert!(person.body.contains("Registrar un testimonio"));
    let form = documenter.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("Registrar un testimonio"),
        "{}",
        form.excerpt()
    );
    assert!(
        form.body
            .contains(&format!("<option value=\"{}\" selected", app.person_id)),
        "{}",
        form.excerpt()
    );

    // Refused: a malformed language and an unknown event, each on its
    // field, in Spanish, what was typed kept.
    let mut fields = vec![
        ("person", app.person_id.as_str()),
        ("interviewer", "Ana (voluntaria)"),
        ("date", "2024-03-02"),
        ("place", "Santa Ana"),
        ("language", "castellano"),
        ("consent", "internal"),
        ("account", ACCOUNT),
        ("events", "e-404"),
    ];
    let refused = documenter.post("/testimonies", &fields).await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{}",
        refused.excerpt()
    );
    assert!(
        refused.body.contains("f-language-error"),
        "{}",
        refused.excerpt()
    );
    assert!(
        refused
            .body
            .contains("un código de idioma como es, en o pt-BR")
    );
    assert!(refused.body.contains(ACCOUNT), "the account typed is kept");
    fields[4].1 = "es";
    let refused = documenter.post("/testimonies", &fields).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused.body.contains("f-events-error"),
        "{}",
        refused.excerpt()
    );
    assert!(refused.body.contains("no existe ningún evento e-404"));

    fields[7].1 = &app.event_id;
    let saved = documenter.post("/testimonies", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.excerpt());
    let at = saved.location().unwrap().to_owned();
    assert!(at.starts_with("/testimonies/tst-"), "{at}");
    let page = documenter.get(&at).await;
    assert!(page.body.contains(ACCOUNT), "{}", page.excerpt());
    assert!(page.body.contains("Sin revisar para publicar"));
    let event_page = documenter.get(&format!("/events/{}", app.event_id)).await;
    assert!(event_page.body.contains(&at), "{}", event_page.excerpt());
    // This one and the test app's own.
    assert!(
        event_page
            .body
            .contains("2 testimonios hablan de este evento")
    );
    assert!(
        !page.body.contains("Marcar como revisado"),
        "documenters do not review"
    );

    // Analysts and viewers: the record, never the account.
    for role in [Role::Analyst, Role::Viewer] {
        let mut agent = app.login(role).await;
        agent.accept_language = Some("es".into());
        let page = agent.get(&at).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("vi cuando llegaron"), "{role:?}");
        assert!(
            page.body
                .contains("El relato solo lo ve quien puede ver la identidad")
        );
        let list = agent.get("/testimonies").await;
        assert!(!list.body.contains("vi cuando llegaron"));
        assert!(!list.body.contains(TESTIMONY_CANARY));
        let refused = agent.post(&format!("{at}/review"), &[]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    let refused = documenter.post(&format!("{at}/review"), &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let mut coordinator = app.login(Role::Coordinator).await;
    coordinator.accept_language = Some("es".into());
    let page = coordinator.get(&at).await;
    assert!(page.body.contains("Marcar como revisado para publicar"));
    let reviewed = coordinator.post(&format!("{at}/review"), &[]).await;
    assert_eq!(reviewed.status, StatusCode::SEE_OTHER);
    let page = coordinator.get(&at).await;
    assert!(
        page.body.contains("Revisado para publicar el"),
        "{}",
        page.excerpt()
    );
    assert!(page.body.contains("web:t-coordinator"));
    assert!(!page.body.contains("Marcar como revisado para publicar"));
    let list = coordinator.get("/testimonies").await;
    assert!(list.body.contains(&at), "{}", list.excerpt());

    // Changing the account clears the review mark; analysts may not edit.
    let edit = coordinator.get(&format!("{at}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.body.contains(ACCOUNT), "{}", edit.excerpt());
    assert!(edit.body.contains("Modificar este testimonio"));
    let mut changed = fields.clone();
    changed[6].1 = "Yo, María, lo cuento otra vez: vi cuando llegaron.";
    let saved = coordinator.post(&at, &changed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.excerpt());
    let page = coordinator.get(&at).await;
    assert!(page.body.contains("lo cuento otra vez"));
    assert!(
        page.body.contains("Sin revisar para publicar"),
        "{}",
        page.excerpt()
    );
    coordinator.post(&format!("{at}/review"), &[]).await;
    let analyst = app.login(Role::Analyst).await;
    assert_eq!(
        analyst.get(&format!("{at}/edit")).await.status,
        StatusCode::FORBIDDEN
    );

    // The accounts are searched by those who may read them, folded for
    // case and accents; analysts and viewers may not search them.
    let found = coordinator.get("/testimonies?q=MARIA+llegaron").await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(
        found.body.contains("Un relato contiene estas palabras"),
        "{}",
        found.excerpt()
    );
    assert!(found.body.contains("vi cuando llegaron"));
    let none = coordinator.get("/testimonies?q=perro").await;
    assert!(none.body.contains("Ningún relato contiene estas palabras"));
    for role in [Role::Analyst, Role::Viewer] {
        let agent = app.login(role).await;
        let refused = agent.get("/testimonies?q=maria").await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{role:?}");
        assert!(!refused.body.contains("vi cuando llegaron"));
        let list = agent.get("/testimonies").await;
        assert!(
            !list.body.contains("name=\"q\""),
            "no search box for {role:?}"
        );
    }
}

async fn token(app: &TestApp, role: Role) -> String {
    let name = Username::parse(&crate::support::username(role)).unwrap();
    app.state
        .with_vault("test:testimonies", move |v| {
            Ok(v.create_api_token(&name, "test")?.to_string())
        })
        .await
        .unwrap()
}

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<String>,
) -> (StatusCode, Value) {
    let mut req = reqwest::Client::new()
        .request(method, format!("{}{}", app.base, path))
        .header("accept-language", "es")
        .header("authorization", format!("Bearer {token}"));
    if let Some(b) = body {
        req = req.header("content-type", "application/json").body(b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let text = resp.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_api_names_a_malformed_field_and_keeps_accounts_from_analysts() {
    let app = spawn_app().await;
    let writer = token(&app, Role::Documenter).await;
    let analyst = token(&app, Role::Analyst).await;
    let good = json!({"person": app.person_id, "interviewer": "Ana", "date": "2024-03",
        "place": "Santa Ana", "language": "es", "account": ACCOUNT, "consent": "internal",
        "events": [app.event_id]});

    for (body, field) in [
        (json!({"events": "e-1"}), "events"),
        (json!({"events": ["e-1", 7]}), "events[1]"),
        (json!({"person": 12}), "person"),
        (json!({"acount": "typo"}), "acount"),
    ] {
        let mut b = good.clone();
        for (k, v) in body.as_object().unwrap() {
            b[k] = v.clone();
        }
        let (status, v) = call(
            &app,
            Method::POST,
            "/api/v1/testimonies",
            &writer,
            Some(b.to_string()),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
        assert_eq!(v["fields"][0]["field"], field, "{v}");
    }
    let (status, v) = call(
        &app,
        Method::POST,
        "/api/v1/testimonies",
        &writer,
        Some("{not json".into()),
    )
    .await;
    assert_eq!(
        (status, v["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_request"))
    );
    let mut unknown = good.clone();
    unknown["documents"] = json!(["doc-404"]);
    let (status, v) = call(
        &app,
        Method::POST,
        "/api/v1/testimonies",
        &writer,
        Some(unknown.to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(v["error"], "unknown_reference");
    assert_eq!(v["field"], "documents[0]");
    assert_eq!(
        v["message"],
        "documents[0]: no existe ningún documento doc-404"
    );
    let mut missing = good.clone();
    missing["account"] = json!("   ");
    let (_, v) = call(
        &app,
        Method::POST,
        "/api/v1/testimonies",
        &writer,
        Some(missing.to_string()),
    )
    .await;
    assert_eq!(v["fields"][0]["field"], "account", "{v}");

    let (status, created) = call(
        &app,
        Method::POST,
        "/api/v1/testimonies",
        &writer,
        Some(good.to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let path = format!("/api/v1/testimonies/{}", created["id"].as_str().unwrap());
    let (_, shown) = call(&app, Method::GET, &path, &writer, None).await;
    assert_eq!(shown["account"], ACCOUNT);
    let (_, hidden) = call(&app, Method::GET, &path, &analyst, None).await;
    assert!(hidden.get("account").is_none(), "{hidden}");
    assert_eq!(hidden["review"], Value::Null);
    let (_, list) = call(&app, Method::GET, "/api/v1/testimonies", &analyst, None).await;
    assert!(!list.to_string().contains("vi cuando"), "{list}");
    let (status, v) = call(
        &app,
        Method::PUT,
        &path,
        &writer,
        Some(json!({"place": "Anaheim"}).to_string()),
    )
    .await;
    assert_eq!(
        (status, v["outcome"].as_str()),
        (StatusCode::OK, Some("updated")),
        "{v}"
    );
    let (status, v) = call(
        &app,
        Method::PUT,
        &path,
        &writer,
        Some(json!({"id": "tst-other"}).to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(v["fields"][0]["field"], "id", "{v}");
    let (status, _) = call(
        &app,
        Method::PUT,
        &path,
        &analyst,
        Some(json!({"place": "X"}).to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, found) = call(
        &app,
        Method::GET,
        "/api/v1/testimonies?q=maria",
        &writer,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert!(
        found["testimonies"][0]["passage"]
            .as_str()
            .unwrap()
            .contains("María"),
        "{found}"
    );
    let (status, refused) = call(
        &app,
        Method::GET,
        "/api/v1/testimonies?q=maria",
        &analyst,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!refused.to_string().contains("María"));
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("{path}/review"),
        &writer,
        Some("{}".into()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let coordinator = token(&app, Role::Coordinator).await;
    let (status, v) = call(
        &app,
        Method::POST,
        &format!("{path}/review"),
        &coordinator,
        None,
    )
    .await;
    assert_eq!(
        (status, v["outcome"].as_str()),
        (StatusCode::OK, Some("updated")),
        "{v}"
    );
}
