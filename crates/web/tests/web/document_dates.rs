//! A document's own date on the web: the document page and each search
//! hit show it with where it was read (the Second Circuit opinion: its
//! "DECIDED:" line, January 26, 2023).

use axum::http::StatusCode;
use testimonio_domain::Role;
use testimonio_ingest::IngestOptions;

use crate::documents::{OPINION, corpus, ingest};
use crate::support::{spawn_app, urlencode};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_document_page_and_search_hits_show_the_documents_own_date() {
    let app = spawn_app().await;
    let id = ingest(
        &app,
        vec![corpus(OPINION)],
        IngestOptions {
            jobs: 1,
            ..IngestOptions::default()
        },
    )
    .await
    .remove(0);
    let analyst = app.login(Role::Analyst).await;
    let page = analyst.get(&format!("/documents/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Date of the document")
            && page
                .body
                .contains("26 January 2023 (from the date line on the first page)"),
        "{}",
        page.excerpt()
    );
    let found = analyst
        .get(&format!("/search?q={}", urlencode("\"AUGUST TERM 2021\"")))
        .await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(
        found
            .body
            .contains("26 January 2023 (from the date line on the first page)"),
        "{}",
        found.excerpt()
    );
}
