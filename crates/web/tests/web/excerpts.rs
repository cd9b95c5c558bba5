//! Excerpts under one rule (a quote is read only by those who may see
//! the identity of everyone it is tied to), and the audit of reading
//! document text: page views, quotes, search results, watchlist hits.

use axum::http::StatusCode;
use testimonio_domain::exchange::parse_line;
use testimonio_domain::{ExcerptTag, RecordId, Role};
use testimonio_vault::{AuditEntry, ExcerptParts};

use crate::support::{Agent, TestApp, ingest_one, spawn_app};

/// A made-up legal name and A-number: a quote that names a person.
pub const CANARY: &str = "Quetzalina Verumbre-Oxley, A-987-654-321";

/// The withheld excerpt's message, in English.
pub const WITHHELD: &str = "Quote withheld";

/// Ingests a plain-text document (one page per form feed) and returns
/// its id. The file is named so that its name gives nothing away.
pub async fn ingest_text(app: &TestApp, text: &str) -> String {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("witness-statement.txt");
    std::fs::write(&path, text).expect("the document written");
    app.state
        .with_vault("test:setup", move |v| {
            let id = ingest_one(v, &path);
            drop(dir);
            Ok(id)
        })
        .await
        .expect("vault unlocked")
}

/// Records an excerpt quoting `quote` (which must be on page 1 of
/// `document`), tied to `events` and `people`; returns its id.
pub async fn excerpt_of(
    app: &TestApp,
    document: &str,
    quote: &str,
    events: &[&str],
    people: &[&str],
) -> String {
    let document = document.to_owned();
    let quote = quote.to_owned();
    let ids = |list: &[&str]| -> Vec<RecordId> {
        list.iter()
            .map(|i| RecordId::parse("id", i).expect("an id"))
            .collect()
    };
    let (events, people) = (ids(events), ids(people));
    app.state
        .with_vault("test:setup", move |v| {
            let text = v
                .document_page(&document, 1)
                .expect("readable")
                .expect("a page 1")
                .text;
            let at = text.find(&quote).expect("the quote is on the page");
            let start = text[..at].chars().count();
            let excerpt = v
                .add_excerpt(&ExcerptParts {
                    document,
                    page: 1,
                    start,
                    end: start + quote.chars().count(),
                    tags: vec![ExcerptTag::parse("tag", "animus").expect("a tag")],
                    events,
                    people,
                    note: Some("planted by the test".into()),
                })
                .expect("excerpt recorded");
            Ok(excerpt.id)
        })
        .await
        .expect("vault unlocked")
}

/// The canary planted for the authorization matrix: a quote naming a
/// person, tied to the matrix's event and person, and the roles that may
/// read it — worked out here from the demo data, not by the vault's rule.
pub struct Canary {
    pub readers: Vec<Role>,
    pub document: String,
}

pub async fn plant_canary(app: &TestApp) -> Canary {
    let document = ingest_text(
        app,
        &format!(
            "Statement of a witness (fictional).\nThe agents told {CANARY} she was an instigator.\n"
        ),
    )
    .await;
    excerpt_of(app, &document, CANARY, &[&app.event_id], &[&app.person_id]).await;
    let event = app
        .demo
        .events
        .iter()
        .find(|e| e.id == app.event_id)
        .expect("the matrix's event");
    let tied: Vec<&String> = event
        .people
        .iter()
        .map(|p| &p.id)
        .chain(std::iter::once(&app.person_id))
        .collect();
    let documenter_reads = tied.iter().all(|p| app.assigned.contains(p));
    let readers = Role::ALL
        .into_iter()
        .filter(|r| match r {
            Role::Admin | Role::Coordinator => true,
            Role::Documenter => documenter_reads,
            Role::Analyst | Role::Viewer => false,
        })
        .collect();
    Canary { readers, document }
}

/// Audit entries of `action` after entry `after`.
async fn entries_after(app: &TestApp, after: i64, action: &str) -> Vec<AuditEntry> {
    let action = action.to_owned();
    app.state
        .with_vault("test:check", move |v| {
            Ok(v.audit_tail(100_000)?
                .into_iter()
                .filter(|e| e.seq > after && e.action == action)
                .collect())
        })
        .await
        .expect("vault unlocked")
}

async fn audit_head(app: &TestApp) -> i64 {
    app.state
        .with_vault("test:check", |v| {
            Ok(v.audit_tail(1)?.last().map_or(0, |e| e.seq))
        })
        .await
        .expect("vault unlocked")
}

/// An event whose participants are `people` (organizers all).
async fn event_naming(app: &TestApp, id: &str, people: &[&str]) {
    let people: Vec<String> = people
        .iter()
        .map(|p| format!(r#"{{"id":"{p}","role":"organizer"}}"#))
        .collect();
    let line = format!(
        r#"{{"type":"event","id":"{id}","event_type":"vigil","date":"2024-05","people":[{}]}}"#,
        people.join(",")
    );
    app.state
        .with_vault("test:setup", move |v| {
            let report = v.import_records(
                "test",
                std::iter::once(("line 1".to_owned(), parse_line(&line))),
                &mut |_| {},
            )?;
            assert!(report.failed.is_empty(), "{:?}", report.failed);
            Ok(())
        })
        .await
        .expect("vault unlocked");
}

async fn page_of(agent: &Agent, path: &str) -> String {
    let reply = agent.get(path).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
    reply.body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quote_is_shown_only_to_those_who_may_see_everyone_it_names() {
    let app = spawn_app().await;
    let mine = app.assigned[0].clone();
    let stranger = app
        .demo
        .people
        .iter()
        .map(|p| p.id.clone())
        .find(|p| !app.assigned.contains(p))
        .expect("someone not assigned to the documenter");
    event_naming(&app, "e-test-mine", &[&mine]).await;
    event_naming(&app, "e-test-stranger", &[&stranger]).await;
    let document = ingest_text(
        &app,
        "Witness notes (fictional).\nAgents called Quetzalina Verumbre an agitator.\nAgents followed Oxlaia Bremont-Ruiz home.\n",
    )
    .await;
    let first = "Quetzalina Verumbre";
    let second = "Oxlaia Bremont-Ruiz";
    // Tied only to the documenter's person; tied (through an event) to a
    // stranger too.
    let readable_by_documenter =
        excerpt_of(&app, &document, first, &["e-test-mine"], &[&mine]).await;
    let withheld_from_documenter =
        excerpt_of(&app, &document, second, &["e-test-stranger"], &[&mine]).await;

    let coordinator = app.login(Role::Coordinator).await;
    let documenter = app.login(Role::Documenter).await;
    let analyst = app.login(Role::Analyst).await;

    // The event pages.
    let body = page_of(&coordinator, "/events/e-test-stranger").await;
    assert!(body.contains(second) && !body.contains(WITHHELD), "{body}");
    assert!(body.contains("planted by the test"));
    let body = page_of(&documenter, "/events/e-test-mine").await;
    assert!(body.contains(first), "{body}");
    let body = page_of(&documenter, "/events/e-test-stranger").await;
    assert!(!body.contains(second) && body.contains(WITHHELD), "{body}");
    for path in ["/events/e-test-mine", "/events/e-test-stranger"] {
        let body = page_of(&analyst, path).await;
        assert!(
            !body.contains(first) && !body.contains(second),
            "{path}: {body}"
        );
        assert!(body.contains(WITHHELD), "{path}: {body}");
        // Tags stay; the note and the citation go.
        assert!(body.contains("Animus"));
        assert!(!body.contains("planted by the test"));
        assert!(!body.contains(&document), "{path}: the citation");
        assert!(
            !body.contains("?excerpt="),
            "{path}: the link to the passage"
        );
    }

    // The person page: the documenter's person, with both excerpts.
    let body = page_of(&coordinator, &format!("/people/{mine}")).await;
    assert!(body.contains(first) && body.contains(second));
    let body = page_of(&documenter, &format!("/people/{mine}")).await;
    assert!(body.contains(first) && !body.contains(second), "{body}");
    assert_eq!(body.matches(WITHHELD).count(), 1);
    let body = page_of(&analyst, &format!("/people/{mine}")).await;
    assert!(!body.contains(first) && !body.contains(second));
    assert_eq!(body.matches(WITHHELD).count(), 2, "{body}");

    // The page view marks an excerpt only for those who may read it (the
    // page text itself every role reads).
    let marked = "<mark class=\"excerpt\" id=\"excerpt\">";
    let view = |id: &str| format!("/documents/{document}/pages/1?excerpt={id}");
    assert!(
        page_of(&coordinator, &view(&withheld_from_documenter))
            .await
            .contains(marked)
    );
    assert!(
        page_of(&documenter, &view(&readable_by_documenter))
            .await
            .contains(marked)
    );
    assert!(
        !page_of(&documenter, &view(&withheld_from_documenter))
            .await
            .contains(marked)
    );
    for id in [&readable_by_documenter, &withheld_from_documenter] {
        let body = page_of(&analyst, &view(id)).await;
        assert!(
            !body.contains(marked) && !body.contains("href=\"#excerpt\""),
            "{body}"
        );
    }

    // In Spanish.
    let mut spanish = app.login(Role::Analyst).await;
    spanish.accept_language = Some("es".into());
    let body = page_of(&spanish, "/events/e-test-mine").await;
    assert!(body.contains("Cita reservada"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reading_document_text_is_audited_once_per_document_and_hour() {
    let app = spawn_app().await;
    let pages = [
        "First page of the notes (fictional): a vigil.",
        "Second page: the officer called the organizer a vexillarian.",
        "Third page: nothing more.",
    ];
    let document = ingest_text(&app, &pages.join("\u{c}")).await;
    let other = ingest_text(&app, "Another document: a vexillarian again.").await;
    let analyst = app.login(Role::Analyst).await;
    let viewer = app.login(Role::Viewer).await;

    // Crawling every page, twice: one entry for the document.
    let start = audit_head(&app).await;
    for _ in 0..2 {
        for n in 1..=3 {
            page_of(&analyst, &format!("/documents/{document}/pages/{n}")).await;
        }
    }
    // A page that does not exist reads nothing.
    let missing = analyst.get(&format!("/documents/{document}/pages/4")).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let reads = entries_after(&app, start, "document_read").await;
    let summary: Vec<(&str, &str, &str)> = reads
        .iter()
        .map(|e| (e.actor.as_str(), e.object.as_str(), e.detail.as_str()))
        .collect();
    let object = format!("document:{document}");
    assert_eq!(summary, [("web:t-analyst", object.as_str(), "text")]);
    // Another account: its own entry.
    page_of(&viewer, &format!("/documents/{document}/pages/2")).await;
    assert_eq!(entries_after(&app, start, "document_read").await.len(), 2);

    // One entry per search results page viewed, naming the documents
    // shown, never the query.
    let before = audit_head(&app).await;
    let found = page_of(&analyst, "/search?q=vexillarian").await;
    assert!(
        found.contains(&document) && found.contains(&other),
        "{found}"
    );
    page_of(&analyst, "/search?q=vexillarian").await;
    let searches = entries_after(&app, before, "search").await;
    assert_eq!(searches.len(), 2, "{searches:?}");
    let entry = &searches[0];
    assert_eq!(
        (entry.actor.as_str(), entry.object.as_str()),
        ("web:t-analyst", "search")
    );
    assert!(entry.detail.contains("results=2"), "{}", entry.detail);
    assert!(entry.detail.contains(&document) && entry.detail.contains(&other));
    assert!(!entry.detail.contains("vexillarian"), "{}", entry.detail);
    let fingerprint = app
        .state
        .with_vault("test:check", |v| Ok(v.query_fingerprint("vexillarian")))
        .await
        .expect("vault unlocked");
    assert!(entry.detail.contains(&format!("query={fingerprint}")));
    assert_eq!(searches[0].detail, searches[1].detail);
    // A malformed query shows nothing and records nothing.
    let bad = analyst.get("/search?q=%28vexillarian").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(entries_after(&app, before, "search").await.len(), 2);

    // Watchlist hits: one entry per view.
    let coordinator = app.login(Role::Coordinator).await;
    let added = coordinator
        .post(
            "/watchlists",
            &[
                ("name", "Labels"),
                ("query", "vexillarian"),
                ("purpose", "labels used for organizers"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.excerpt());
    let before = audit_head(&app).await;
    let hits = page_of(&analyst, "/watchlists/hits").await;
    assert!(hits.contains("<mark>vexillarian</mark>"), "{hits}");
    let views = entries_after(&app, before, "search").await;
    assert_eq!(views.len(), 1, "{views:?}");
    assert_eq!(views[0].object, "watchlist_hits");
    assert!(
        views[0].detail.starts_with("hits=2 "),
        "{}",
        views[0].detail
    );
    assert!(views[0].detail.contains(&document) && views[0].detail.contains(&other));

    // A quote on an event page is text of its document: a text read.
    event_naming(&app, "e-test-nobody", &[]).await;
    excerpt_of(&app, &other, "a vexillarian again", &["e-test-nobody"], &[]).await;
    let before = audit_head(&app).await;
    let event = page_of(&analyst, "/events/e-test-nobody").await;
    assert!(
        event.contains("a vexillarian again"),
        "tied to no one: readable"
    );
    page_of(&analyst, "/events/e-test-nobody").await;
    let reads = entries_after(&app, before, "document_read").await;
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(reads[0].object, format!("document:{other}"));
}
