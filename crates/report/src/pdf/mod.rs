//! A [`Document`] as PDF, typeset by typst (through `typst-as-lib`):
//! US Letter, one-inch margins, Noto Serif for text and Noto Sans for
//! headings, tables and figures ([`crate::fonts`], embedded and subset),
//! so every name prints, whatever its script (Latin with Vietnamese,
//! Greek, Cyrillic). Paragraphs are justified and never hyphenated;
//! headings stay with what follows and become bookmarks; tables size
//! their columns to their content and repeat their header on each page;
//! figures are the same SVG as in the HTML. Every page carries the
//! audience marking, the title and "page n of N". The file is PDF/A-2a
//! (or, when a text holds a character the fonts lack, the same PDF
//! without the PDF/A claim, which forbids missing glyphs):
//! tagged (headings, paragraphs, lists, tables, figures with their
//! descriptions), with its title and language, compressed.
//!
//! The layout is one fixed template (`template.typ`). The document
//! reaches it only as data: [`model`] serializes it to JSON, given to the
//! template as `sys.inputs.data`, which places each text as a string.
//! Nothing a user wrote is ever read as typst markup.

pub(crate) mod model;

use std::sync::OnceLock;

use typst::foundations::{Datetime, Dict, IntoValue};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::doc::Document;
use crate::fonts;

const TEMPLATE: &str = include_str!("template.typ");

/// The engine: the template and the shipped fonts, nothing else (no
/// system fonts, no files, no packages).
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            .fonts(fonts::ALL)
            .build()
    })
}

/// Renders the document as a PDF file.
pub fn render(doc: &Document) -> Vec<u8> {
    typeset(&model::Data::document(doc))
}

/// Renders a plain-text letter (one paragraph per line) as a PDF file
/// with `title` in its metadata.
pub(crate) fn render_letter(title: &str, text: &str) -> Vec<u8> {
    typeset(&model::Data::letter(title, text))
}

/// Typesets the data with the template.
///
/// # Panics
///
/// Only if the fixed template fails on data the model produced, a bug
/// caught by this module's tests; the message then names typst's
/// diagnostics in debug builds and nothing of the document in any build.
fn typeset(data: &model::Data<'_>) -> Vec<u8> {
    let json = serde_json::to_string(data).expect("the document serializes to JSON");
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.as_str().into_value());
    let compiled = engine().compile_with_input::<_, PagedDocument>(inputs);
    let document = match compiled.output {
        Ok(document) => document,
        Err(error) => failed("compile", &error),
    };
    let options = PdfOptions {
        // PDF/A wants a creation date: the day, not the time, so that the
        // same document made on the same day is the same file.
        timestamp: today(),
        standards: standards(),
        tagged: true,
        ..PdfOptions::default()
    };
    match typst_pdf::pdf(&document, &options) {
        Ok(bytes) => bytes,
        // PDF/A refuses a character the shipped fonts lack (a CJK name, an
        // emoji, a symbol): the document is still made, as a tagged PDF
        // that is not PDF/A, with that character shown as a missing glyph.
        // User text must never stop a report.
        Err(_) => match typst_pdf::pdf(
            &document,
            &PdfOptions {
                standards: PdfStandards::default(),
                ..options
            },
        ) {
            Ok(bytes) => bytes,
            Err(error) => failed("export", &error),
        },
    }
}

fn today() -> Option<Timestamp> {
    use chrono::Datelike;
    let day = chrono::Utc::now().date_naive();
    let month = u8::try_from(day.month()).ok()?;
    let dom = u8::try_from(day.day()).ok()?;
    Datetime::from_ymd_hms(day.year(), month, dom, 0, 0, 0).map(Timestamp::new_utc)
}

fn standards() -> PdfStandards {
    PdfStandards::new(&[PdfStandard::A_2a]).expect("PDF/A-2a alone is a valid set of standards")
}

fn failed(step: &str, error: &dyn std::fmt::Debug) -> ! {
    if cfg!(debug_assertions) {
        panic!("the PDF template failed to {step}: {error:?}");
    }
    panic!("the PDF template failed to {step}");
}

#[cfg(test)]
mod tests;
