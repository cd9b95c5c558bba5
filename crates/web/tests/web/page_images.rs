//! Page images of hostile or huge documents: a tiny PDF declaring a
//! 200-inch page is shown within the pixel cap, rendered once and then
//! served from memory (every view audited), forgotten when the vault is
//! locked; renders beyond an account's share are refused with 429.

use axum::http::StatusCode;
use testimonio_domain::Role;
use testimonio_web::Config;

use crate::support::{Agent, TestApp, ingest_one, spawn_app, spawn_app_with};

/// A one-page PDF of `width` × `height` points with a line of text (so that
/// ingest reads its text layer and needs no OCR).
fn pdf_with_page(width: u32, height: u32) -> Vec<u8> {
    let content = "BT /F1 24 Tf 72 72 Td (A poster sized page of a fictional test document) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] \
             /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Ingests a PDF with one `width` × `height`-point page; its document id.
async fn ingest_pdf(app: &TestApp, width: u32, height: u32) -> String {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(format!("poster-{width}x{height}.pdf"));
    let pdf = pdf_with_page(width, height);
    assert!(pdf.len() < 1000, "a tiny file: {} bytes", pdf.len());
    std::fs::write(&path, pdf).expect("the test PDF written");
    app.state
        .with_vault("test:setup", move |v| Ok(ingest_one(v, &path)))
        .await
        .expect("ingested")
}

/// GET `path` as bytes: status and body.
async fn get_bytes(agent: &Agent, path: &str) -> (StatusCode, Vec<u8>) {
    let response = agent
        .http
        .get(format!("{}{path}", agent.base))
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let status = response.status();
    (status, response.bytes().await.expect("a body").to_vec())
}

/// Width and height of a PNG, as the `png` crate decodes its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG");
    let info = reader.info();
    (info.width, info.height)
}

async fn image_reads(app: &TestApp, id: &str) -> usize {
    let object = format!("document:{id}");
    app.state
        .with_vault("test:check", move |v| {
            Ok(v.audit_tail(100)?
                .iter()
                .filter(|e| {
                    e.action == "document_read" && e.object == object && e.detail == "page 1 image"
                })
                .count())
        })
        .await
        .expect("the audit log")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_pdf_page_is_scaled_down_rendered_once_and_audited_at_every_view() {
    let app = spawn_app().await;
    // 200 × 200 inches: 20,000 × 20,000 pixels at the display resolution.
    let id = ingest_pdf(&app, 14_400, 14_400).await;
    let analyst = app.login(Role::Analyst).await;
    let path = format!("/documents/{id}/pages/1/image");
    let renders = app.state.page_images().renders();

    let (status, first) = get_bytes(&analyst, &path).await;
    assert_eq!(status, StatusCode::OK);
    let (w, h) = png_size(&first);
    let (short, long) = testimonio_ingest::render::MAX_DISPLAY_SIZE;
    assert!(
        w.min(h) <= short && w.max(h) <= long,
        "{w} × {h} pixels: over the display cap"
    );
    assert_eq!((w, h), (2500, 2500), "a square page fills the short side");
    assert_eq!(app.state.page_images().renders(), renders + 1);
    assert_eq!(image_reads(&app, &id).await, 1);

    // Again: the same image from memory, read audited all the same.
    let (status, second) = get_bytes(&analyst, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(second, first);
    assert_eq!(app.state.page_images().renders(), renders + 1);
    assert_eq!(image_reads(&app, &id).await, 2);

    // Locking drops the images with the keys.
    app.state.lock_vault();
    assert_eq!(app.state.page_images().cached_bytes(), 0);
    app.unlock_via_form().await;
    let analyst = app.login(Role::Analyst).await;
    let (status, third) = get_bytes(&analyst, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(third, first);
    assert_eq!(app.state.page_images().renders(), renders + 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renders_over_an_accounts_share_are_refused_with_a_page_in_its_language() {
    let app = spawn_app_with(Config {
        renders_per_account: 2,
        ..Config::default()
    })
    .await;
    let id = ingest_pdf(&app, 612, 792).await;
    let path = format!("/documents/{id}/pages/1/image");
    let mut analyst = app.login(Role::Analyst).await;
    let account = app.account(Role::Analyst).id;
    // Two renders of the analyst's in progress (held here as a render
    // would hold them).
    let held: Vec<_> = (0..2)
        .map(|_| {
            app.state
                .page_images()
                .hold_account_slot(account)
                .expect("a render place")
        })
        .collect();
    let reply = analyst.get(&path).await;
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        reply.excerpt()
    );
    assert!(
        reply
            .body
            .contains("Page images for your account are already being prepared."),
        "{}",
        reply.excerpt()
    );
    analyst.accept_language = Some("es".into());
    let reply = analyst.get(&path).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        reply
            .body
            .contains("Ya se están preparando imágenes de página para su cuenta."),
        "{}",
        reply.excerpt()
    );
    assert_eq!(app.state.page_images().renders(), 0);

    // Another account renders it…
    let coordinator = app.login(Role::Coordinator).await;
    let (status, image) = get_bytes(&coordinator, &path).await;
    assert_eq!(status, StatusCode::OK);
    // …at the display resolution: a letter page is not scaled down.
    assert_eq!(png_size(&image), (850, 1100));
    // …and once in memory, it costs no render: the analyst gets it too.
    let (status, _) = get_bytes(&analyst, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.state.page_images().renders(), 1);
    drop(held);
}
