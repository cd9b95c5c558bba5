//! People mentioned in evidence, on the web: a person planted in a real
//! corpus email (the name without accents, in capitals, across a line
//! break; the A-number in another spelling) is shown to a coordinator on
//! the person's page, in the review queue and in the API, each view
//! audited as an identity read; analysts and viewers see no trace of it —
//! not on the person's page, not in the API, not in search, not counted.

use axum::http::StatusCode;
use testimonio_app::Actor as AppActor;
use testimonio_app::records::people::{self, InitialConsent, PersonFields};
use testimonio_domain::Role;

use crate::api::{call, token};
use crate::documents::corpus;
use crate::support::{TestApp, spawn_app};

const PERSON: &str = "p-colibri";
const PSEUDONYM: &str = "Colibrí";

/// Records the planted person, then ingests the corpus email with a line
/// naming them, as the command line would (the scan runs after the
/// ingest). Returns the document's id.
async fn plant(app: &TestApp) -> String {
    let email = std::fs::read_to_string(corpus("email/rfc/000.eml")).expect("the corpus email");
    let planted = email.replacen(
        "... Some text appears here ...",
        "... Some text appears here ...\nThe detainee MARIA JOSE\nPENA NUNEZ (A# 123 456 789) was moved.",
        1,
    );
    assert_ne!(planted, email);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("transfer-notice.eml");
    std::fs::write(&path, planted).expect("the email written");
    app.state
        .with_vault("test:setup", move |v| {
            let operator = AppActor::Operator {
                name: "setup".into(),
            };
            people::create(
                v,
                &operator,
                Some(PERSON),
                PersonFields {
                    pseudonym: Some(PSEUDONYM.into()),
                    legal_name: Some("María José Peña Núñez".into()),
                    a_number: Some("A-123-456-789".into()),
                    ..PersonFields::default()
                },
                Some(InitialConsent {
                    level: "internal".into(),
                    given_on: Some("2024-01-05".into()),
                }),
            )?;
            let run = testimonio_app::evidence::ingest::ingest(
                v,
                &operator,
                &[path],
                &testimonio_ingest::IngestOptions {
                    jobs: 1,
                    ..Default::default()
                },
                &|_, _, _| {},
            )?;
            drop(dir);
            assert!(run.mentions.as_ref().is_ok_and(|s| s.new == 2));
            match &run.summary.files[0].outcome {
                testimonio_ingest::FileOutcome::Stored { id, .. } => Ok(id.clone()),
                other => panic!("not ingested: {other:?}"),
            }
        })
        .await
        .expect("vault unlocked")
}

/// Identity reads of the planted person's mentions, by account.
async fn mention_reads(app: &TestApp, role: Role) -> usize {
    let actor = format!("web:{}", app.account(role).username);
    let object = format!("person:{PERSON}");
    app.state
        .with_vault("test:check", move |v| {
            Ok(v.audit_tail(1_000_000)?
                .iter()
                .filter(|e| {
                    e.action == "identity_read"
                        && e.object == object
                        && e.detail == "mentions"
                        && e.actor == actor
                })
                .count())
        })
        .await
        .expect("vault unlocked")
}

#[tokio::test]
async fn a_coordinator_sees_who_a_page_mentions_and_analysts_and_viewers_never_do() {
    let app = spawn_app().await;
    let document = plant(&app).await;
    let page_link = format!("/documents/{document}/pages/");

    // The coordinator: the person's page, the queue, the API.
    let coordinator = app.login(Role::Coordinator).await;
    let person = coordinator.get(&format!("/people/{PERSON}")).await;
    assert_eq!(person.status, StatusCode::OK);
    assert!(person.body.contains("mentions-heading"), "{}", person.body);
    assert!(person.body.contains(&page_link), "{}", person.body);
    assert!(person.body.contains("legal name") && person.body.contains("A-number"));
    let queue = coordinator.get("/mentions").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(
        queue.body.contains("2 mentions to review"),
        "{}",
        queue.body
    );
    assert!(queue.body.contains(PSEUDONYM) && queue.body.contains(&page_link));
    assert!(
        coordinator
            .get("/")
            .await
            .body
            .contains("href=\"/mentions\"")
    );
    let coordinator_token = token(&app, Role::Coordinator).await;
    let get = |path: String, token: String| {
        let app = &app;
        async move { call(app, reqwest::Method::GET, &path, Some(&token), None).await }
    };
    let (status, json) = get(
        format!("/api/v1/people/{PERSON}/mentions"),
        coordinator_token.clone(),
    )
    .await;
    assert_eq!(status, reqwest::StatusCode::OK);
    let mut kinds: Vec<&str> = json["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            assert_eq!(m["document"], document.as_str());
            m["kind"].as_str().unwrap()
        })
        .collect();
    kinds.sort_unstable();
    assert_eq!(kinds, ["a_number", "legal_name"]);
    // Never the matched text.
    let body = json.to_string();
    assert!(!body.contains("PENA") && !body.contains("123"));
    assert!(mention_reads(&app, Role::Coordinator).await >= 3);

    // Confirming one takes it out of the queue.
    let id = json["mentions"][0]["id"].as_i64().unwrap().to_string();
    let reviewed = coordinator
        .post(&format!("/mentions/{id}"), &[("status", "confirmed")])
        .await;
    assert_eq!(reviewed.status, StatusCode::SEE_OTHER);
    let queue = coordinator.get("/mentions").await;
    assert!(
        queue.body.contains("One mention to review"),
        "{}",
        queue.body
    );

    // Analysts and viewers: no trace anywhere, and nothing audited of them.
    for role in [Role::Analyst, Role::Viewer] {
        let agent = app.login(role).await;
        let person = agent.get(&format!("/people/{PERSON}")).await;
        assert_eq!(person.status, StatusCode::OK);
        assert!(!person.body.contains("mentions-heading"), "{role:?}");
        assert!(!person.body.contains(&document), "{role:?}");
        assert!(!agent.get("/").await.body.contains("/mentions"), "{role:?}");
        assert_eq!(agent.get("/mentions").await.status, StatusCode::FORBIDDEN);
        let bearer = token(&app, role).await;
        let (status, body) = get(format!("/api/v1/people/{PERSON}/mentions"), bearer.clone()).await;
        assert_eq!(status, reqwest::StatusCode::FORBIDDEN, "{role:?}");
        assert!(!body.to_string().contains(&document));
        let (status, _) = get("/api/v1/mentions".into(), bearer.clone()).await;
        assert_eq!(status, reqwest::StatusCode::FORBIDDEN);
        let (status, shown) = get(format!("/api/v1/people/{PERSON}"), bearer.clone()).await;
        assert_eq!(status, reqwest::StatusCode::OK);
        let shown = shown.to_string();
        assert!(!shown.contains("mention") && !shown.contains(&document));
        // Search finds the page (every role reads pages) but never ties it
        // to the person.
        let (status, found) = get("/api/v1/search?q=detainee".into(), bearer).await;
        assert_eq!(status, reqwest::StatusCode::OK);
        let found = found.to_string();
        assert!(found.contains(&document), "{found}");
        assert!(!found.contains(PERSON) && !found.contains(PSEUDONYM));
        let page = agent.get("/search?q=detainee").await;
        assert!(!page.body.contains(PERSON) && !page.body.contains(PSEUDONYM));
        assert_eq!(mention_reads(&app, role).await, 0, "{role:?}");
    }

    // A documenter sees only the people they created or are assigned to.
    let documenter = app.login(Role::Documenter).await;
    let queue = documenter.get("/mentions").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(!queue.body.contains(PSEUDONYM) && !queue.body.contains(&document));
    let (status, _) = get(
        format!("/api/v1/people/{PERSON}/mentions"),
        token(&app, Role::Documenter).await,
    )
    .await;
    assert_eq!(status, reqwest::StatusCode::FORBIDDEN);
    assert_eq!(mention_reads(&app, Role::Documenter).await, 0);
}
