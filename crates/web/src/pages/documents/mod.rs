//! Documents: the filtered, paged list of originals (GET /documents), one
//! document with its pages, attachments and custody log
//! (GET /documents/{id}), one page's image beside its text
//! (GET /documents/{id}/pages/{n}) and that image
//! (GET /documents/{id}/pages/{n}/image).
//!
//! Access: every logged-in role may read these pages (`Access::LoggedIn`).
//! The pages are the evidence itself, which every analyst must read to do
//! the work; the identities of the people in the person records stay
//! protected exactly as before, since nothing here reads a person record.
//!
//! A page's text is hostile input (anyone can write anything into a PDF or
//! an email): it is only ever interpolated as escaped text. A page image is
//! made on request from the original (decrypted and hash-verified in
//! memory, the read audited), huge pages scaled down, kept in memory only
//! (`page_images.rs`; every view is audited, from memory or not), and
//! served `no-store`.

mod image;
mod list;
mod marks;
mod page;
mod redact;
mod show;
#[cfg(test)]
mod tests;

pub use image::page_image;
pub use list::list;
pub use page::page_view;
pub use redact::{form as redact_form, make as redact_make};
pub use show::show;

use chrono::DateTime;
use maud::{Markup, html};
use testimonio_domain::{ExtractionStatus, SourceKind};
use testimonio_i18n::format;
use testimonio_ingest::render;
use testimonio_vault::DocumentInfo;

use crate::error::AppError;
use crate::i18n::{Lang, t};

use super::foia::{format_day, format_stored_day};

/// Rows per page of the document list.
pub const PAGE_SIZE: u32 = 50;

/// Resolution of rendered PDF pages: a letter page is 850 × 1100 pixels,
/// legible on a screen and light enough for a phone.
pub const DISPLAY_DPI: u32 = 100;

/// How pages are rendered for display: [`DISPLAY_DPI`], and huge pages
/// (a poster, or a hostile 200-inch page) scaled down to the render
/// module's pixel cap.
pub(super) const DISPLAY: render::RenderOptions = render::RenderOptions {
    dpi: DISPLAY_DPI,
    max_size: render::MAX_DISPLAY_SIZE,
};

/// The size announced for a page image whose size is not recorded (PDF
/// pages read from their text layer): a letter page at [`DISPLAY_DPI`].
/// Only the proportions matter: the stylesheet scales the image to its
/// column and the browser takes the real proportions once it has loaded.
pub(super) const DEFAULT_IMAGE_SIZE: (u32, u32) = (850, 1100);

/// A document id from a URL; anything that cannot be one is simply not
/// found (and never reaches the database).
pub(crate) fn document_id(id: &str) -> Result<String, AppError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(id.to_owned())
    } else {
        Err(AppError::NOT_FOUND)
    }
}

/// A page number from a URL: 1 or more.
pub(super) fn page_number(n: &str) -> Result<u32, AppError> {
    // Digits only, no leading zero: one URL per page.
    if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::NOT_FOUND);
    }
    n.parse::<u32>().map_err(|_| AppError::NOT_FOUND)
}

/// What a document is called: its file name, the name it had as an
/// attachment, its title, or its id.
pub(crate) fn display_name(d: &DocumentInfo) -> &str {
    d.file_name
        .as_deref()
        .or(d.attachment_name.as_deref())
        .or(d.title.as_deref())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(d.id.as_str())
}

/// OCR confidence (0–100): `93%` / `93 %`.
pub(super) fn format_confidence(lang: Lang, c: f32) -> String {
    let n = format::number(lang, c.clamp(0.0, 100.0).round() as u64);
    match lang {
        Lang::En => format!("{n}%"),
        Lang::Es => format!("{n}\u{a0}%"),
    }
}

/// A stored RFC 3339 time as day and time in UTC; anything else as it is.
pub(crate) fn format_time(lang: Lang, text: &str) -> String {
    DateTime::parse_from_rfc3339(text).map_or_else(
        |_| text.to_owned(),
        |at| {
            let at = at.naive_utc();
            format!("{} {} UTC", format_day(lang, at.date()), at.format("%H:%M"))
        },
    )
}

/// The day a document was added.
pub(super) fn format_added(lang: Lang, added_at: &str) -> String {
    DateTime::parse_from_rfc3339(added_at).map_or_else(
        |_| format_stored_day(lang, added_at),
        |at| format_day(lang, at.naive_utc().date()),
    )
}

pub(super) fn status_badge(lang: Lang, status: ExtractionStatus) -> Markup {
    html! { span class={ "badge doc-" (status.code()) } { (status.label(lang)) } }
}

pub(super) fn custody_action(lang: Lang, action: &str) -> String {
    let key = match action {
        "received" => "documents-act-received",
        "received_again" => "documents-act-received-again",
        "ingested" => "documents-act-ingested",
        "exported" => "documents-act-exported",
        "redacted_copy_made" => "documents-act-redacted-copy-made",
        "redacted_from" => "documents-act-redacted-from",
        other => return other.to_owned(),
    };
    t(lang, key).to_owned()
}

pub(super) fn source_kind_options(lang: Lang) -> Vec<(String, String)> {
    SourceKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), k.label(lang).to_owned()))
        .collect()
}

pub(super) fn status_options(lang: Lang) -> Vec<(String, String)> {
    ExtractionStatus::ALL
        .iter()
        .map(|s| (s.code().to_owned(), s.label(lang).to_owned()))
        .collect()
}
