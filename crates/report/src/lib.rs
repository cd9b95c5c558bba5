//! Documents that leave Testimonio for people to read.
//!
//! - Pattern reports: [`findings`] computes, for one audience (internal,
//!   coalition or public), every figure a report shows, under disclosure
//!   control (consent filtering, small counts suppressed with
//!   complementary suppression, no identity fields at all);
//!   [`compose`] turns the findings into a [`doc::Document`] in English
//!   or Spanish (summary, methodology, charts, a tile-grid map, tables,
//!   case vignettes, a data appendix); [`html`] and [`pdf`] render that
//!   same document, so the two formats carry the same content. Charts and
//!   the map are vector drawings ([`chart`]) written as SVG ([`svg`]),
//!   inline in the HTML and embedded as images in the PDF.
//! - [`packet`]: one person's case packet (internal): timeline, events
//!   with their sources, excerpts cited by exhibit and page, a manifest of
//!   the originals' SHA-256 hashes; rendered by the same renderers.
//! - [`text_pdf`]: plain-text letters to PDF.
//!
//! Every PDF is typeset by typst through one fixed template ([`pdf`]),
//! with fonts shipped in the binary.
//!
//! No I/O: callers pass records in and get bytes back.

pub mod chart;
pub mod compose;
pub mod doc;
pub mod findings;
pub mod fmt;
pub(crate) mod fonts;
pub mod html;
pub mod packet;
pub mod pdf;
pub mod svg;
pub mod testimonies;
pub mod text_pdf;
pub mod vignettes;

pub use findings::{Exhibit, Findings, FindingsOptions, Subject};
pub use testimonies::{QuotedTestimony, TestimonyInput};
use testimonio_domain::Lang;

/// The formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML file.
    Html,
    /// A PDF file.
    Pdf,
}

impl Format {
    /// `html` or `pdf`.
    pub fn code(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// The report of `findings` in `lang`, as the bytes of a file.
pub fn render(findings: &Findings, lang: Lang, format: Format) -> Vec<u8> {
    let document = compose::compose(findings, lang);
    match format {
        Format::Html => html::render(&document).into_bytes(),
        Format::Pdf => pdf::render(&document),
    }
}
