//! Ingested documents in the web app: the list with its filters, labels in
//! both languages and paging; a document; a page beside its image; the
//! image itself; hostile text kept inert; who may read them.
//!
//! Documents come from the shared corpus (`/work/shared/corpus`, reached
//! from the crate directory) through the real ingest pipeline.

use std::path::{Path, PathBuf};

use axum::http::{HeaderMap, StatusCode, header};
use testimonio_domain::{Role, SourceKind};
use testimonio_ingest::{FileOutcome, IngestOptions};
use testimonio_vault::{Extraction, IngestedDocument, Intake, PageText, Vault, WordBox};

use crate::support::{Agent, TestApp, assert_no_internals, assert_security_headers, spawn_app};

pub(crate) fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(path)
}

pub(crate) const OPINION: &str = "foia/second-circuit-opinion-aclu-v-ice-2021.pdf";
const PHOTOTEST: &str = "ocr/phototest.tif";
const EMAIL: &str = "email/rfc/000.eml";

/// Ingests `paths` with `options` into the app's vault; the document id of
/// each file, in order.
pub(crate) async fn ingest(
    app: &TestApp,
    paths: Vec<PathBuf>,
    options: IngestOptions,
) -> Vec<String> {
    app.state
        .with_vault("test:setup", move |v| {
            let summary = testimonio_ingest::ingest(v, &paths, &options, &|_, _, _| {})
                .expect("ingest started");
            Ok(summary
                .files
                .iter()
                .map(|f| match &f.outcome {
                    FileOutcome::Stored { id, .. } => id.clone(),
                    other => panic!("{} not ingested: {other:?}", f.path.display()),
                })
                .collect())
        })
        .await
        .expect("vault unlocked")
}

/// The opinion as a court record, the TIFF and an email, as one run.
async fn ingest_corpus(app: &TestApp) -> (String, String, String) {
    let ids = ingest(
        app,
        vec![corpus(OPINION), corpus(PHOTOTEST), corpus(EMAIL)],
        IngestOptions {
            source_kind: Some(SourceKind::CourtRecord),
            ..IngestOptions::default()
        },
    )
    .await;
    (ids[0].clone(), ids[1].clone(), ids[2].clone())
}

/// A response read as bytes (images), with the security headers checked.
struct Bytes {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

async fn get_bytes(agent: &Agent, path: &str) -> Bytes {
    let response = agent
        .http
        .get(format!("{}{}", agent.base, path))
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: no response: {e}"));
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.expect("a body").to_vec();
    assert_security_headers(&crate::support::Reply {
        method: axum::http::Method::GET,
        path: path.to_owned(),
        status,
        headers: headers.clone(),
        body: String::new(),
    });
    Bytes {
        status,
        headers,
        body,
    }
}

fn header_of(headers: &HeaderMap, name: header::HeaderName) -> &str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(
        png.len() > 24 && png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "not a PNG"
    );
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

async fn audit_details(app: &TestApp) -> Vec<(String, String, String)> {
    app.state
        .with_vault("test:setup", |v| {
            Ok(v.audit_tail(50)
                .expect("the audit log")
                .into_iter()
                .map(|e| (e.action, e.object, e.detail))
                .collect())
        })
        .await
        .expect("vault unlocked")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_shows_ingested_documents_with_spanish_labels_and_filters() {
    let app = spawn_app().await;
    let (opinion, tiff, email) = ingest_corpus(&app).await;
    let mut coordinator = app.login(Role::Coordinator).await;
    coordinator.accept_language = Some("es-MX,es;q=0.9".into());

    let list = coordinator.get("/documents").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.excerpt());
    assert!(list.body.contains("<html lang=\"es\""));
    for text in [
        "Documentos",
        "Extracción de texto",
        "Expediente judicial",
        "correcto",
        "second-circuit-opinion-aclu-v-ice-2021.pdf",
        "phototest.tif",
        "000.eml",
        "sample-note.txt",
    ] {
        assert!(
            list.body.contains(text),
            "no {text:?} in the list:\n{}",
            list.body
        );
    }
    for id in [&opinion, &tiff, &email] {
        assert!(
            list.body.contains(&format!("href=\"/documents/{id}\"")),
            "no link to {id}"
        );
    }
    assert!(
        list.body.contains("<strong>4</strong> documentos"),
        "the total: {}",
        list.excerpt()
    );
    // 40 pages, 440.6 kB (Spanish decimal comma; sizes in decimal units,
    // written by the one formatting module).
    assert!(list.body.contains(">40<"), "the opinion's page count");
    assert!(list.body.contains("440,6 kB"), "the opinion's size");
    assert!(
        list.body.contains("href=\"/documents\"") || list.body.contains("action=\"/documents\"")
    );
    assert_no_internals(&list);

    // Filters: by source, by status, by FOIA request.
    let court = coordinator.get("/documents?source=court_record").await;
    assert_eq!(court.status, StatusCode::OK);
    assert!(court.body.contains(&opinion) && court.body.contains(&tiff));
    assert!(
        !court.body.contains("sample-note.txt"),
        "a filter by source"
    );
    let failed = coordinator.get("/documents?status=failed").await;
    assert!(failed.body.contains("Ningún documento coincide."));
    let foia = coordinator
        .get(&format!("/documents?foia={}", app.foia_id))
        .await;
    assert_eq!(foia.status, StatusCode::OK, "{}", foia.excerpt());
    assert!(foia.body.contains("Ningún documento coincide."));
    let bad = coordinator
        .get("/documents?source=rumour&status=meh&foia=foia-nope")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.excerpt());
    assert!(bad.body.contains("error-summary"));
    assert_no_internals(&bad);

    // In English the same list says so.
    coordinator.accept_language = Some("en".into());
    let list = coordinator.get("/documents").await;
    for text in ["Text extraction", "Court record", "ok", "440.6 kB"] {
        assert!(list.body.contains(text), "no {text:?} in the English list");
    }
    // The navigation links to the list.
    let home = coordinator.get("/").await;
    assert!(home.body.contains("<a href=\"/documents\">Documents</a>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_is_paged_and_attachments_only_on_request() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut paths = Vec::new();
    for i in 0..54 {
        let path = dir.path().join(format!("note-{i:03}.txt"));
        std::fs::write(&path, format!("Test note number {i}.\n")).expect("a file");
        paths.push(path);
    }
    paths.push(corpus("email/rfc/002.eml"));
    ingest(&app, paths, IngestOptions::default()).await;
    let analyst = app.login(Role::Analyst).await;
    let first = analyst.get("/documents").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.body.contains("<strong>56</strong> documents"),
        "{}",
        first.excerpt()
    );
    assert!(first.body.contains("Page 1 of 2"));
    assert!(
        first
            .body
            .contains("rel=\"next\" href=\"/documents?page=2\"")
    );
    let second = analyst.get("/documents?page=2").await;
    assert!(second.body.contains("Page 2 of 2"));
    assert!(
        second
            .body
            .contains("rel=\"prev\" href=\"/documents?page=1\"")
    );
    let rows = |body: &str| body.matches("<td class=\"doc-name\">").count();
    assert_eq!(rows(&first.body) + rows(&second.body), 56);
    // Past the end: the last page.
    let far = analyst.get("/documents?page=999").await;
    assert!(far.body.contains("Page 2 of 2"));
    // Filters are kept by the pager.
    let filtered = analyst.get("/documents?status=ok&attachments=1").await;
    assert!(
        filtered
            .body
            .contains("href=\"/documents?status=ok&amp;attachments=1&amp;page=2\""),
        "{}",
        filtered.excerpt()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_opinion_page_shows_its_text_beside_its_image() {
    let app = spawn_app().await;
    let (opinion, _, _) = ingest_corpus(&app).await;
    let analyst = app.login(Role::Analyst).await;

    let doc = analyst.get(&format!("/documents/{opinion}")).await;
    assert_eq!(doc.status, StatusCode::OK, "{}", doc.excerpt());
    for text in [
        "second-circuit-opinion-aclu-v-ice-2021.pdf",
        "application/pdf",
        "Chain of custody",
        "ingested",
        "text layer",
        "pdftotext",
        "Court record",
        // Each page's decision, from the catalog.
        "Why read so",
        "text layer kept: it reads as language",
    ] {
        assert!(doc.body.contains(text), "no {text:?} on the document page");
    }
    for n in [1, 2, 40] {
        assert!(
            doc.body
                .contains(&format!("href=\"/documents/{opinion}/pages/{n}\"")),
            "no link to page {n}"
        );
    }

    let page = analyst.get(&format!("/documents/{opinion}/pages/1")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(page.body.contains("AUGUST TERM 2021"), "{}", page.excerpt());
    assert!(page.body.contains("No. 21-1233"));
    let img = format!(
        "<img src=\"/documents/{opinion}/pages/1/image\" width=\"850\" height=\"1100\" alt=\"Image of page 1"
    );
    assert!(page.body.contains(&img), "no {img:?}:\n{}", page.body);
    assert!(page.body.contains(&format!(
        "rel=\"next\" href=\"/documents/{opinion}/pages/2\""
    )));
    assert!(!page.body.contains("rel=\"prev\""));
    assert!(page.body.contains("Page 1 of 40"));
    let last = analyst.get(&format!("/documents/{opinion}/pages/40")).await;
    assert_eq!(last.status, StatusCode::OK);
    assert!(last.body.contains(&format!(
        "rel=\"prev\" href=\"/documents/{opinion}/pages/39\""
    )));
    assert!(!last.body.contains("rel=\"next\""));

    let image = get_bytes(&analyst, &format!("/documents/{opinion}/pages/1/image")).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(header_of(&image.headers, header::CONTENT_TYPE), "image/png");
    assert_eq!(header_of(&image.headers, header::CACHE_CONTROL), "no-store");
    assert_eq!(
        header_of(&image.headers, header::X_CONTENT_TYPE_OPTIONS),
        "nosniff"
    );
    assert_eq!(
        png_size(&image.body),
        (850, 1100),
        "a letter page at 100 dpi"
    );

    // The read of the original is audited, with what it was for.
    let audit = audit_details(&app).await;
    assert!(
        audit
            .iter()
            .any(|(action, object, detail)| action == "document_read"
                && *object == format!("document:{opinion}")
                && detail == "page 1 image"),
        "no audit entry for the image: {audit:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_documents_and_pages_are_not_found() {
    let app = spawn_app().await;
    let (opinion, _, email) = ingest_corpus(&app).await;
    let viewer = app.login(Role::Viewer).await;
    for path in [
        format!("/documents/{opinion}/pages/41"),
        format!("/documents/{opinion}/pages/41/image"),
        format!("/documents/{opinion}/pages/0"),
        format!("/documents/{opinion}/pages/0/image"),
        format!("/documents/{opinion}/pages/01"),
        format!("/documents/{opinion}/pages/x/image"),
        format!("/documents/{email}/pages/1/image"),
        format!("/documents/{email}/pages/2"),
        "/documents/doc-0000000000000000".to_owned(),
        "/documents/doc-0000000000000000/pages/1".to_owned(),
        "/documents/doc-0000000000000000/pages/1/image".to_owned(),
        "/documents/..%2F..%2Fetc/pages/1".to_owned(),
        "/documents/%3Cscript%3E".to_owned(),
    ] {
        let reply = viewer.get(&path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.excerpt());
        assert!(reply.content_type().starts_with("text/html"), "{path}");
        assert!(
            reply.body.contains("Not found") || reply.body.contains("not found"),
            "{}",
            reply.excerpt()
        );
        assert_no_internals(&reply);
    }
    // A 404 for an image does not decrypt or audit anything.
    let audit = audit_details(&app).await;
    assert!(
        !audit.iter().any(|(action, _, _)| action == "document_read"),
        "{audit:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tiff_page_comes_as_png_and_an_email_page_as_text_only() {
    let app = spawn_app().await;
    let (_, tiff, email) = ingest_corpus(&app).await;
    let analyst = app.login(Role::Analyst).await;

    let page = analyst.get(&format!("/documents/{tiff}/pages/1")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(
        page.body.contains(&format!(
            "<img src=\"/documents/{tiff}/pages/1/image\" width=\"640\" height=\"480\""
        )),
        "the OCR image size announced:\n{}",
        page.body
    );
    assert!(page.body.contains("OCR"));
    assert!(
        page.body.contains("brown dog"),
        "the OCR text: {}",
        page.excerpt()
    );
    let image = get_bytes(&analyst, &format!("/documents/{tiff}/pages/1/image")).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(header_of(&image.headers, header::CONTENT_TYPE), "image/png");
    assert_eq!(png_size(&image.body), (640, 480));

    let page = analyst.get(&format!("/documents/{email}/pages/1")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(!page.body.contains("<img"), "an email has no page image");
    assert!(page.body.contains("This document has no page images"));
    assert!(page.body.contains("<pre class=\"page-text\">"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_in_a_document_is_shown_as_text_never_run() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("<b>bold<\\b> & \"quoted\".txt");
    std::fs::write(
        &path,
        "Before <script>alert(1)</script> and <img src=x onerror=alert(2)> after.\n\
         </pre><a href=\"javascript:alert(3)\">click</a>\n",
    )
    .expect("a file");
    let id = ingest(&app, vec![path], IngestOptions::default())
        .await
        .remove(0);
    let analyst = app.login(Role::Analyst).await;
    for path in [
        "/documents".to_owned(),
        format!("/documents/{id}"),
        format!("/documents/{id}/pages/1"),
    ] {
        let reply = analyst.get(&path).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
        for live in [
            "<script>alert",
            "<img src=x",
            "<a href=\"javascript:",
            "<b>bold",
            "</pre><a",
        ] {
            assert!(
                !reply.body.contains(live),
                "{path} carries live markup {live:?}:\n{}",
                reply.body
            );
        }
        assert!(
            reply
                .body
                .contains("&lt;b&gt;bold&lt;\\b&gt; &amp; &quot;quoted&quot;.txt")
                || path.ends_with("/pages/1"),
            "{path}: the file name, escaped:\n{}",
            reply.body
        );
    }
    let page = analyst.get(&format!("/documents/{id}/pages/1")).await;
    assert!(page.body.contains(
        "Before &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; after."
    ));
    assert!(
        page.body
            .contains("&lt;/pre&gt;&lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;")
    );
    // A text document has no image.
    let image = get_bytes(&analyst, &format!("/documents/{id}/pages/1/image")).await;
    assert_eq!(image.status, StatusCode::NOT_FOUND);
}

/// A document recorded as a TIFF whose bytes are not one: its image cannot
/// be made, and the answer says so without internals.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_image_that_cannot_be_made_is_a_500_without_internals() {
    let app = spawn_app().await;
    let id = app
        .state
        .with_vault("test:setup", |v: &mut Vault| {
            let blob = v
                .store_original(&mut &b"II*\0 not really a TIFF at all"[..])
                .expect("stored");
            let doc = IngestedDocument {
                blob,
                intake: Intake {
                    file_name: Some("broken.tif".into()),
                    media_type: Some("image/tiff".into()),
                    ..Intake::default()
                },
                extraction: Extraction {
                    date: None,
                    status: testimonio_domain::ExtractionStatus::Ok,
                    detail: String::new(),
                    title: None,
                    metadata: None,
                    tools: "test".into(),
                    pages: vec![PageText {
                        number: 1,
                        method: testimonio_domain::TextMethod::Ocr,
                        text: "words".into(),
                        confidence: Some(90.0),
                        bates: None,
                        image_size: Some((10, 10)),
                        words: Vec::<WordBox>::new(),
                        problem: None,
                        decision: None,
                    }],
                },
                capture: None,
                children: Vec::new(),
            };
            Ok(v.record_ingested(&doc).expect("recorded").id)
        })
        .await
        .expect("vault unlocked");
    let analyst = app.login(Role::Analyst).await;
    let page = analyst.get(&format!("/documents/{id}/pages/1")).await;
    assert_eq!(page.status, StatusCode::OK);
    let reply = analyst.get(&format!("/documents/{id}/pages/1/image")).await;
    assert_eq!(
        reply.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "{}",
        reply.excerpt()
    );
    assert!(reply.content_type().starts_with("text/html"));
    assert!(
        reply.body.contains("Something went wrong"),
        "{}",
        reply.excerpt()
    );
    for word in ["TIFF", "tiff", "decod", "broken.tif"] {
        assert!(
            !reply.body.contains(word),
            "the error page reveals {word:?}"
        );
    }
    assert_no_internals(&reply);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_reads_documents_and_an_anonymous_visitor_is_sent_to_log_in() {
    let app = spawn_app().await;
    let id = app.document_id.clone();
    let paths = [
        "/documents".to_owned(),
        format!("/documents/{id}"),
        format!("/documents/{id}/pages/1"),
    ];
    for role in Role::ALL {
        let agent = app.login(role).await;
        for path in &paths {
            let reply = agent.get(path).await;
            assert_eq!(
                reply.status,
                StatusCode::OK,
                "{role:?}: {}",
                reply.excerpt()
            );
            assert!(reply.body.contains("sample-note.txt"), "{role:?} {path}");
        }
    }
    let analyst = app.login(Role::Analyst).await;
    let page = analyst.get(&format!("/documents/{id}/pages/1")).await;
    assert!(page.body.contains("Notes from a know-your-rights training"));
    let anon = app.anonymous();
    for path in paths
        .iter()
        .cloned()
        .chain([format!("/documents/{id}/pages/1/image")])
    {
        let reply = anon.get(&path).await;
        assert!(reply.is_login_redirect(), "{}", reply.excerpt());
        assert!(!reply.body.contains("sample-note"), "{path}");
    }
}
