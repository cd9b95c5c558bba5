//! The page image with the query's matches drawn over it: an inline SVG
//! holding the image and one box per matched word, made on the server
//! (no script runs in the reader's browser; the stylesheet colours the
//! boxes, so no inline style is needed under the content security policy).
//!
//! Word boxes come from the page's OCR (stored at ingest) and, for a PDF
//! page read from its text layer or a scan stamped with one, from the
//! layer, read from the original on request within the account's share of
//! renders (see `page_images.rs`) like the image itself.

use maud::{Markup, html};
use testimonio_app::evidence::marks::{self, PageMarks};
use testimonio_i18n::tr;
use testimonio_ingest::words::{self, LayerWords};
use testimonio_search::query::TextQuery;
use testimonio_vault::PageText;
use zeroize::Zeroizing;

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::format_number;
use crate::state::AppState;

/// What could be marked on the image.
pub(super) enum ImageMarks {
    /// Nothing asked, or nothing to mark: the plain image.
    None,
    /// Boxes to draw.
    Drawn(PageMarks),
    /// The text layer's words could not be read (busy, or a tool failed):
    /// the matches are only marked in the text.
    Unavailable,
}

/// The original of a text-layer page, read (and audited) only when the
/// query matched something in its text.
pub(super) type Original = Option<Zeroizing<Vec<u8>>>;

/// The marks for `page` whose matches in its text are known to exist.
/// `original` is the PDF when [`marks::needs_text_layer`] said so.
pub(super) async fn image_marks(
    state: &AppState,
    viewer: &Viewer,
    page: &PageText,
    original: Original,
    leaves: &[&TextQuery],
) -> Result<ImageMarks, AppError> {
    let layer: Option<LayerWords> = match original {
        None => None,
        Some(pdf) => {
            let account = viewer.user()?.id;
            // Within the account's share of renders: reading the layer
            // runs a tool on the original, as rendering the image does.
            let Ok(permit) = state.page_images().start(account).await else {
                return Ok(ImageMarks::Unavailable);
            };
            let number = page.number;
            let read = tokio::task::spawn_blocking(move || {
                let _permit = permit;
                words::text_layer_words(&pdf, number, words::PAGE_LIMITS)
            })
            .await
            .map_err(|e| AppError::internal(&e))?;
            match read {
                Ok(layer) => Some(layer),
                Err(e) => {
                    // The reason names the tool and the limit, never the
                    // page's content.
                    tracing::warn!(error = %e, "word boxes of a text layer");
                    return Ok(ImageMarks::Unavailable);
                }
            }
        }
    };
    Ok(match marks::page_marks(page, layer.as_ref(), leaves) {
        Some(m) if !m.boxes.is_empty() => ImageMarks::Drawn(m),
        _ => ImageMarks::None,
    })
}

/// A coordinate in the SVG: one decimal is finer than a pixel on screen.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

/// The page image at `src`, linked to itself, with `marks` drawn over it.
pub(super) fn figure(
    viewer: &Viewer,
    src: &str,
    alt: &str,
    (width, height): (u32, u32),
    marks: &ImageMarks,
) -> Markup {
    let lang = viewer.lang;
    match marks {
        ImageMarks::Drawn(m) => html! {
            figure.page-image {
                a href=(src) {
                    svg.page-marks xmlns="http://www.w3.org/2000/svg"
                        viewBox={ "0 0 " (at(m.width)) " " (at(m.height)) }
                        width=(width) height=(height) role="img" aria-label=(alt) {
                        image href=(src) x="0" y="0" width=(at(m.width)) height=(at(m.height))
                            preserveAspectRatio="none" {}
                        @for b in &m.boxes {
                            rect.hit x=(at(b.left)) y=(at(b.top)) width=(at(b.width))
                                height=(at(b.height)) {}
                        }
                    }
                }
                figcaption.marks-note {
                    strong { (format_number(lang, m.boxes.len() as u64)) } " "
                    (tr!(lang, "documents-words-marked", count = m.boxes.len()))
                }
            }
        },
        ImageMarks::None | ImageMarks::Unavailable => html! {
            figure.page-image {
                a href=(src) {
                    img src=(src) width=(width) height=(height) alt=(alt);
                }
                @if matches!(marks, ImageMarks::Unavailable) {
                    figcaption.marks-note { (viewer.t("documents-marks-unavailable")) }
                }
            }
        },
    }
}
