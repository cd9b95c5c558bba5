//! The redaction form without JavaScript: two clicks on the page image
//! make a region, a search's matches are drawn, the copy is made by a
//! POST and shown with its Bates number; only roles that may export
//! evidence reach it.

use axum::http::StatusCode;
use testimonio_domain::{Role, SourceKind};
use testimonio_ingest::IngestOptions;

use crate::documents::{OPINION, corpus, ingest};
use crate::support::spawn_app;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_picks_a_region_and_a_search_and_gets_a_numbered_copy() {
    let app = spawn_app().await;
    let ids = ingest(
        &app,
        vec![corpus(OPINION)],
        IngestOptions {
            source_kind: Some(SourceKind::CourtRecord),
            ..IngestOptions::default()
        },
    )
    .await;
    let opinion = &ids[0];
    let form = format!("/documents/{opinion}/pages/1/redact");

    let analyst = app.login(Role::Analyst).await;
    let view = analyst.get(&format!("/documents/{opinion}/pages/1")).await;
    assert!(
        !view.body.contains(&form),
        "no redaction link for an analyst"
    );
    assert_eq!(analyst.get(&form).await.status, StatusCode::FORBIDDEN);

    let coordinator = app.login(Role::Coordinator).await;
    let view = coordinator
        .get(&format!("/documents/{opinion}/pages/1"))
        .await;
    assert!(view.body.contains(&form), "{}", view.excerpt());

    // The first click sets a corner; the second completes the region.
    let first = coordinator
        .get(&format!("{form}?pick.x=60&pick.y=100"))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.excerpt());
    let corner = first.hidden("corner").expect("the first corner kept");
    let second = coordinator
        .get(&format!(
            "{form}?corner={corner}&pick.x=300&pick.y=140&q=%2221-1233%22&prefix=web"
        ))
        .await;
    assert!(second.hidden("corner").is_none());
    let region = second.hidden("r").expect("a region");
    assert_eq!(region.split(',').count(), 4, "{region}");
    assert_eq!(second.body.matches("<rect class=\"match\"").count(), 2);
    assert!(
        second.body.contains("name=\"w\""),
        "the words as checkboxes"
    );

    let refused = coordinator
        .post(&format!("/documents/{opinion}/redact"), &[("page", "1")])
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);

    let made = coordinator
        .post(
            &format!("/documents/{opinion}/redact"),
            &[
                ("page", "1"),
                ("r", &region),
                ("q", "\"21-1233\""),
                ("prefix", "WEB"),
                ("scope", "page"),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.excerpt());
    let location = made.headers["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/documents/doc-") && !location.contains(opinion.as_str()));
    let copy = coordinator.get(&location).await;
    assert!(copy.body.contains("WEB-000001"), "{}", copy.excerpt());
    assert!(copy.body.contains("redacted copy of"), "{}", copy.excerpt());
}
