//! The query's matches marked on the page image, drawn on the server: the
//! word boxes of a text layer (the Second Circuit opinion, read from the
//! original when the page is viewed, the read audited) and of OCR (the
//! Tesseract test page, stored at ingest), in the page's coordinates.

use std::process::Command;

use axum::http::StatusCode;
use testimonio_domain::{Role, SourceKind};
use testimonio_ingest::IngestOptions;

use crate::documents::{OPINION, corpus, ingest};
use crate::support::spawn_app;

/// The `<rect class="hit">` boxes of a page view: x, y, width, height.
fn hits(body: &str) -> Vec<[f64; 4]> {
    body.split("<rect class=\"hit\"")
        .skip(1)
        .map(|tag| {
            let tag = &tag[..tag.find('>').expect("a closed tag")];
            let value = |name: &str| -> f64 {
                let at = tag
                    .find(&format!(" {name}=\""))
                    .unwrap_or_else(|| panic!("no {name} in {tag}"))
                    + name.len()
                    + 3;
                tag[at..at + tag[at..].find('"').expect("quoted")]
                    .parse()
                    .expect("a number")
            };
            [value("x"), value("y"), value("width"), value("height")]
        })
        .collect()
}

/// The boxes pdftotext gives the words of page 1 of the opinion spelled
/// `word` (case-insensitively), in points.
fn layer_boxes(word: &str) -> Vec<[f64; 4]> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(corpus(OPINION))
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let xhtml = String::from_utf8_lossy(&out.stdout).into_owned();
    xhtml
        .split("<word ")
        .skip(1)
        .filter_map(|w| {
            let (tag, rest) = w.split_once('>')?;
            let text = &rest[..rest.find("</word>")?];
            if !text.eq_ignore_ascii_case(word) {
                return None;
            }
            let attr = |name: &str| -> f64 {
                let at = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                tag[at..at + tag[at..].find('"').expect("quoted")]
                    .parse()
                    .expect("a number")
            };
            let (x0, y0) = (attr("xMin"), attr("yMin"));
            Some([x0, y0, attr("xMax") - x0, attr("yMax") - y0])
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_layer_match_is_boxed_where_pdftotext_places_the_word() {
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
    let analyst = app.login(Role::Analyst).await;
    let expected = layer_boxes("court");
    assert_eq!(
        expected.len(),
        3,
        "page 1: the Court of Appeals, and twice more"
    );

    let page = analyst
        .get(&format!("/documents/{opinion}/pages/1?q=court"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(
        page.body.contains("viewBox=\"0 0 612.0 792.0\""),
        "a letter page in points:\n{}",
        page.body
    );
    assert!(page.body.contains(&format!(
        "<image href=\"/documents/{opinion}/pages/1/image\" x=\"0\" y=\"0\" width=\"612.0\" height=\"792.0\""
    )));
    let drawn = hits(&page.body);
    assert_eq!(drawn.len(), expected.len(), "{drawn:?} vs {expected:?}");
    for (d, e) in drawn.iter().zip(&expected) {
        for k in 0..4 {
            assert!((d[k] - e[k]).abs() < 0.11, "{drawn:?} vs {expected:?}");
        }
    }
    assert!(
        page.body
            .contains(&format!("<strong>{}</strong> word", drawn.len())),
        "the count under the image"
    );
    // The original was read for its word boxes, and the read audited.
    let audit = app
        .state
        .with_vault("test:setup", |v| Ok(v.audit_tail(20).expect("audit")))
        .await
        .expect("unlocked");
    assert!(
        audit.iter().any(|e| e.action == "document_read"
            && e.object == format!("document:{opinion}")
            && e.detail == "page 1 word boxes"),
        "{audit:?}"
    );

    // A caption in small capitals, which pdftotext gives as "A" "UGUST":
    // one box per word of the phrase.
    let caption = analyst
        .get(&format!(
            "/documents/{opinion}/pages/1?q=%22august+term+2021%22"
        ))
        .await;
    assert_eq!(hits(&caption.body).len(), 3, "{}", caption.excerpt());

    // No match, a query that does not parse, no query: the plain image,
    // and the original is not read for it.
    for q in ["?q=deportationx", "?q=%22unclosed", ""] {
        let page = analyst
            .get(&format!("/documents/{opinion}/pages/2{q}"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
        assert!(!page.body.contains("<svg class=\"page-marks\""), "{q}");
        assert!(page.body.contains("<img src="), "{q}");
    }
    let audit = app
        .state
        .with_vault("test:setup", |v| Ok(v.audit_tail(50).expect("audit")))
        .await
        .expect("unlocked");
    assert!(
        !audit.iter().any(|e| e.detail == "page 2 word boxes"),
        "{audit:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ocr_match_is_boxed_in_the_scan_pixels_in_spanish() {
    let app = spawn_app().await;
    let ids = ingest(
        &app,
        vec![corpus("ocr/phototest.tif")],
        IngestOptions::default(),
    )
    .await;
    let tiff = &ids[0];
    let mut reader = app.login(Role::Viewer).await;
    reader.accept_language = Some("es".into());

    let page = reader
        .get(&format!("/documents/{tiff}/pages/1?q=%22brown+dog%22"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(
        page.body.contains("viewBox=\"0 0 640.0 480.0\""),
        "the scan's own pixels:\n{}",
        page.body
    );
    let drawn = hits(&page.body);
    // The test page says "brown dog" on four lines.
    assert_eq!(drawn.len(), 8, "brown and dog, four times: {drawn:?}");
    for pair in drawn.chunks(2) {
        // "brown" left of "dog", on one line.
        assert!(pair[0][0] < pair[1][0], "{drawn:?}");
        assert!((pair[0][1] - pair[1][1]).abs() < 10.0, "{drawn:?}");
    }
    for [x, y, w, h] in &drawn {
        assert!(*w > 5.0 && *h > 5.0 && x + w <= 640.0 && y + h <= 480.0);
    }
    assert!(
        page.body
            .contains("palabras marcadas en la imagen de la página"),
        "{}",
        page.excerpt()
    );
    // OCR boxes were stored at ingest: the original is not read for them.
    let audit = app
        .state
        .with_vault("test:setup", |v| Ok(v.audit_tail(20).expect("audit")))
        .await
        .expect("unlocked");
    assert!(!audit.iter().any(|e| e.detail.ends_with("word boxes")));
}
