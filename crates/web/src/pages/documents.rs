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

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::DateTime;
use maud::{Markup, html};
use testimonio_domain::{ExtractionStatus, SourceKind};
use testimonio_foia::FoiaRequest;
use testimonio_ingest::render::{self, RenderError};
use testimonio_search::highlight;
use testimonio_search::query::positive_text;
use testimonio_vault::{
    CustodyEvent, DocumentFilter, DocumentInfo, Excerpt, ExcerptFilter, PageSummary, PageText,
};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{Lang, format_number, t};
use crate::layout::{encode_path, page};
use crate::page_images::{PageImage, PageKey};
use crate::state::AppState;

use super::foia::{format_day, format_stored_day, is_checked};
use super::forms::*;

/// Rows per page of the document list.
pub const PAGE_SIZE: u32 = 50;

/// Resolution of rendered PDF pages: a letter page is 850 × 1100 pixels,
/// legible on a screen and light enough for a phone.
pub const DISPLAY_DPI: u32 = 100;

/// How pages are rendered for display: [`DISPLAY_DPI`], and huge pages
/// (a poster, or a hostile 200-inch page) scaled down to the render
/// module's pixel cap.
const DISPLAY: render::RenderOptions = render::RenderOptions {
    dpi: DISPLAY_DPI,
    max_size: render::MAX_DISPLAY_SIZE,
};

/// The size announced for a page image whose size is not recorded (PDF
/// pages read from their text layer): a letter page at [`DISPLAY_DPI`].
/// Only the proportions matter: the stylesheet scales the image to its
/// column and the browser takes the real proportions once it has loaded.
const DEFAULT_IMAGE_SIZE: (u32, u32) = (850, 1100);

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
fn page_number(n: &str) -> Result<u32, AppError> {
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

/// `812 bytes`, `40.2 KB` / `40,2 KB`, `2.4 MB`.
pub(crate) fn format_size(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return format!(
            "{} {}",
            format_number(lang, bytes),
            t(lang, "documents-bytes")
        );
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let text = format!("{value:.1}");
    let text = match lang {
        Lang::En => text,
        Lang::Es => text.replace('.', ","),
    };
    format!("{text} {}", UNITS[unit])
}

/// OCR confidence (0–100): `93%` / `93 %`.
fn format_confidence(lang: Lang, c: f32) -> String {
    let n = c.clamp(0.0, 100.0).round() as u64;
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
fn format_added(lang: Lang, added_at: &str) -> String {
    DateTime::parse_from_rfc3339(added_at).map_or_else(
        |_| format_stored_day(lang, added_at),
        |at| format_day(lang, at.naive_utc().date()),
    )
}

fn status_badge(lang: Lang, status: ExtractionStatus) -> Markup {
    html! { span.badge class={ "doc-" (status.code()) } { (status.label(lang)) } }
}

fn custody_action(lang: Lang, action: &str) -> String {
    let key = match action {
        "received" => "documents-act-received",
        "received_again" => "documents-act-received-again",
        "ingested" => "documents-act-ingested",
        "exported" => "documents-act-exported",
        other => return other.to_owned(),
    };
    t(lang, key).to_owned()
}

fn source_kind_options(lang: Lang) -> Vec<(String, String)> {
    SourceKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), k.label(lang).to_owned()))
        .collect()
}

fn status_options(lang: Lang) -> Vec<(String, String)> {
    ExtractionStatus::ALL
        .iter()
        .map(|s| (s.code().to_owned(), s.label(lang).to_owned()))
        .collect()
}

// ---------------------------------------------------------------------------
// GET /documents

/// The list's filters as given in the query string.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListQuery {
    source: String,
    status: String,
    foia: String,
    attachments: bool,
    page: u32,
}

impl ListQuery {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map_or("", |(_, v)| v.trim())
        };
        ListQuery {
            source: get("source").to_owned(),
            status: get("status").to_owned(),
            foia: get("foia").to_owned(),
            attachments: is_checked(get("attachments")),
            page: get("page").parse::<u32>().unwrap_or(1).max(1),
        }
    }

    /// `/documents?…&page=N`, keeping every filter.
    fn url(&self, page: u32) -> String {
        let mut url = String::from("/documents?");
        for (k, v) in [
            ("source", &self.source),
            ("status", &self.status),
            ("foia", &self.foia),
        ] {
            if !v.is_empty() {
                url.push_str(&format!("{k}={}&", encode_path(v)));
            }
        }
        if self.attachments {
            url.push_str("attachments=1&");
        }
        url.push_str(&format!("page={page}"));
        url
    }

    /// The vault filter, and a message for each bad value (left out of
    /// the filter).
    fn filter(&self, lang: Lang, requests: &[FoiaRequest]) -> (DocumentFilter, FormErrors) {
        let mut filter = DocumentFilter {
            top_level_only: !self.attachments,
            ..DocumentFilter::default()
        };
        let mut errors = FormErrors::default();
        if !self.source.is_empty() {
            match SourceKind::parse("source", &self.source) {
                Ok(k) => filter.source_kind = Some(k),
                Err(e) => errors.add(
                    "source",
                    t(lang, "documents-source"),
                    e.problem.message(lang),
                ),
            }
        }
        if !self.status.is_empty() {
            match ExtractionStatus::parse("status", &self.status) {
                Ok(s) => filter.status = Some(s),
                Err(e) => errors.add(
                    "status",
                    t(lang, "documents-status"),
                    e.problem.message(lang),
                ),
            }
        }
        if !self.foia.is_empty() {
            if requests.iter().any(|r| r.id().as_str() == self.foia) {
                filter.foia = Some(self.foia.clone());
            } else {
                errors.add(
                    "foia",
                    t(lang, "documents-foia"),
                    t(lang, "error-not-found").to_owned(),
                );
            }
        }
        (filter, errors)
    }
}

struct ListData {
    requests: Vec<FoiaRequest>,
    errors: FormErrors,
    total: u64,
    page: u32,
    pages: u32,
    documents: Vec<DocumentInfo>,
}

fn filter_form(viewer: &Viewer, q: &ListQuery, data: &ListData) -> Markup {
    let lang = viewer.lang;
    let any = viewer.t("events-any");
    let e = &data.errors;
    let requests: Vec<(String, String)> = data
        .requests
        .iter()
        .map(|r| {
            (
                r.id().to_string(),
                format!("{} · {}", r.reference(), r.subject().as_str()),
            )
        })
        .collect();
    html! {
        form.filters method="get" action="/documents" aria-label=(viewer.t("events-filter")) {
            (field(e, "source", viewer.t("documents-source"), None, |c| select(c, "source", Some(any), &source_kind_options(lang), &q.source)))
            (field(e, "status", viewer.t("documents-status"), None, |c| select(c, "status", Some(any), &status_options(lang), &q.status)))
            (field(e, "foia", viewer.t("documents-foia"), None, |c| select(c, "foia", Some(any), &requests, &q.foia)))
            div.field.check {
                input #f-attachments type="checkbox" name="attachments" value="1" checked[q.attachments];
                label for="f-attachments" { (viewer.t("documents-include-attachments")) }
            }
            div.field.buttons {
                button type="submit" { (viewer.t("events-filter")) }
                a href="/documents" { (viewer.t("events-clear")) }
            }
        }
    }
}

fn documents_table(viewer: &Viewer, documents: &[DocumentInfo]) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    html! {
        div.scroll {
            table.documents {
                thead { tr {
                    th scope="col" { (viewer.t("documents-name")) }
                    th scope="col" { (viewer.t("documents-status")) }
                    th scope="col" class="num" { (viewer.t("documents-pages")) }
                    th scope="col" class="col-source" { (viewer.t("documents-source")) }
                    th scope="col" class="num" { (viewer.t("documents-size")) }
                    th scope="col" class="col-added" { (viewer.t("documents-added")) }
                } }
                tbody {
                    @for d in documents {
                        tr {
                            td.doc-name { a href={ "/documents/" (d.id) } { (display_name(d)) } }
                            td { (status_badge(lang, d.status)) }
                            td.num { (format_number(lang, u64::from(d.page_count))) }
                            td.col-source { (d.source_kind.map_or(none, |k| k.label(lang))) }
                            td.num { (format_size(lang, d.size)) }
                            td.col-added { (format_added(lang, &d.added_at)) }
                        }
                    }
                }
            }
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let q = ListQuery::from_pairs(&pairs);
    let query = q.clone();
    let data = state
        .with_vault(&viewer.actor(), move |v| {
            let requests = v.foias()?;
            let (mut filter, errors) = query.filter(lang, &requests);
            let total = v.count_documents(&filter)?;
            let pages = u32::try_from(total.div_ceil(u64::from(PAGE_SIZE)))
                .unwrap_or(u32::MAX)
                .max(1);
            let page = query.page.min(pages);
            filter.limit = Some(PAGE_SIZE);
            filter.offset = (page - 1).saturating_mul(PAGE_SIZE);
            let documents = if total > 0 {
                v.documents_filtered(&filter)?
            } else {
                Vec::new()
            };
            Ok(ListData {
                requests,
                errors,
                total,
                page,
                pages,
                documents,
            })
        })
        .await?;
    let body = html! {
        h1 { (viewer.t("documents-title")) }
        p.hint { (viewer.t("documents-intro")) }
        (error_summary(&viewer, &data.errors))
        (filter_form(&viewer, &q, &data))
        p role="status" {
            strong { (format_number(lang, data.total)) } " " (viewer.t("documents-count"))
            @if data.pages > 1 {
                " · " (viewer.t("events-page")) " " (format_number(lang, u64::from(data.page))) " "
                (viewer.t("events-page-of")) " " (format_number(lang, u64::from(data.pages)))
            }
        }
        @if data.documents.is_empty() {
            p { (viewer.t("documents-none")) }
        } @else {
            (documents_table(&viewer, &data.documents))
        }
        @if data.pages > 1 {
            nav.pager aria-label=(viewer.t("events-page")) {
                @if data.page > 1 {
                    a rel="prev" href=(q.url(data.page - 1)) { "← " (viewer.t("events-previous")) }
                }
                span { (viewer.t("events-page")) " " (format_number(lang, u64::from(data.page))) " " (viewer.t("events-page-of")) " " (format_number(lang, u64::from(data.pages))) }
                @if data.page < data.pages {
                    a rel="next" href=(q.url(data.page + 1)) { (viewer.t("events-next")) " →" }
                }
            }
        }
    };
    let status = if data.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, page(&viewer, viewer.t("documents-title"), body)).into_response())
}

// ---------------------------------------------------------------------------
// GET /documents/{id}

struct DocumentView {
    info: DocumentInfo,
    parent: Option<DocumentInfo>,
    attachments: Vec<DocumentInfo>,
    pages: Vec<PageSummary>,
    custody: Vec<CustodyEvent>,
}

fn facts(viewer: &Viewer, view: &DocumentView) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let d = &view.info;
    html! {
        dl.facts {
            dt { (viewer.t("documents-id")) } dd { code { (d.id) } }
            @if let Some(title) = &d.title {
                dt { (viewer.t("documents-doc-title")) } dd { (title) }
            }
            @if let Some(name) = &d.file_name {
                dt { (viewer.t("documents-name")) } dd { (name) }
            }
            @if let Some(parent) = &view.parent {
                dt { (viewer.t("documents-parent")) }
                dd {
                    a href={ "/documents/" (parent.id) } { (display_name(parent)) }
                    @if let Some(name) = &d.attachment_name { " (" (name) ")" }
                }
            }
            dt { (viewer.t("documents-status")) }
            dd {
                (status_badge(lang, d.status))
                @if !d.status_detail.is_empty() { " " span.detail { (d.status_detail) } }
            }
            dt { (viewer.t("documents-source")) } dd { (d.source_kind.map_or(none, |k| k.label(lang))) }
            dt { (viewer.t("documents-custodian")) } dd { (d.custodian.as_deref().unwrap_or(none)) }
            dt { (viewer.t("documents-obtained-on")) }
            dd { (d.obtained_on.as_deref().map_or_else(|| none.to_owned(), |o| format_stored_day(lang, o))) }
            dt { (viewer.t("documents-media-type")) } dd { code { (d.media_type.as_deref().unwrap_or(none)) } }
            dt { (viewer.t("documents-size")) }
            dd { (format_size(lang, d.size)) " (" (format_number(lang, d.size)) " " (viewer.t("documents-bytes")) ")" }
            dt { "SHA-256" } dd { code.hash { (d.sha256) } }
            dt { (viewer.t("documents-extracted-with")) } dd { (d.extracted_with.as_deref().unwrap_or(none)) }
            dt { (viewer.t("documents-added")) } dd { (format_time(lang, &d.added_at)) " · " (d.added_by) }
        }
    }
}

fn pages_table(viewer: &Viewer, id: &str, pages: &[PageSummary]) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    html! {
        div.scroll {
            table.doc-pages {
                thead { tr {
                    th scope="col" { (viewer.t("documents-page")) }
                    th scope="col" { (viewer.t("documents-method")) }
                    th scope="col" class="num" { (viewer.t("documents-chars")) }
                    th scope="col" class="num" { (viewer.t("documents-confidence")) }
                    th scope="col" { (viewer.t("documents-bates")) }
                    th scope="col" { (viewer.t("documents-problem")) }
                } }
                tbody {
                    @for p in pages {
                        tr class=[p.problem.as_ref().map(|_| "problem")] {
                            td { a href={ "/documents/" (id) "/pages/" (p.number) } { (viewer.t("documents-page")) " " (p.number) } }
                            td { (p.method.label(lang)) }
                            td.num { (format_number(lang, p.chars)) }
                            td.num { (p.confidence.map_or_else(|| none.to_owned(), |c| format_confidence(lang, c))) }
                            td { (p.bates.as_deref().unwrap_or(none)) }
                            td { (p.problem.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
    }
}

/// Whether the viewer sees where originals came from (the path on the
/// intake machine and its host name): the roles that handle intake do;
/// analysts and viewers, who read under pseudonyms, do not, since paths
/// and host names can name people and places.
fn sees_intake_places(viewer: &Viewer) -> bool {
    viewer
        .user
        .as_ref()
        .is_some_and(|u| u.role.can_write_records())
}

fn custody_table(viewer: &Viewer, events: &[CustodyEvent]) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let places = sees_intake_places(viewer);
    html! {
        div.scroll {
            table.custody {
                thead { tr {
                    th scope="col" { (viewer.t("documents-when")) }
                    th scope="col" { (viewer.t("documents-action")) }
                    th scope="col" { (viewer.t("documents-actor")) }
                    @if places {
                        th scope="col" { (viewer.t("documents-source-path")) }
                        th scope="col" { (viewer.t("documents-host")) }
                    }
                    th scope="col" { (viewer.t("documents-custodian")) }
                    th scope="col" { (viewer.t("documents-details")) }
                } }
                tbody {
                    @for e in events {
                        tr {
                            td { (format_time(lang, &e.at)) }
                            td { (custody_action(lang, &e.action)) }
                            td { (e.actor) }
                            @if places {
                                td.path { (e.source_path.as_deref().unwrap_or(none)) }
                                td { (e.host.as_deref().unwrap_or(none)) }
                            }
                            td { (e.custodian.as_deref().unwrap_or(none)) }
                            td.detail { (e.detail) }
                        }
                    }
                }
            }
            @if !places {
                p.hint { (viewer.t("documents-places-hidden")) }
            }
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = document_id(&id)?;
    let view = state
        .with_vault(&viewer.actor(), move |v| {
            let info = v.document(&id)?;
            let parent = match &info.parent_id {
                Some(p) => Some(v.document(p)?),
                None => None,
            };
            let attachments = v.documents_filtered(&DocumentFilter {
                parent: Some(id.clone()),
                ..DocumentFilter::default()
            })?;
            let pages = v.document_pages(&id)?;
            let custody = v.custody(&id)?;
            Ok(DocumentView {
                info,
                parent,
                attachments,
                pages,
                custody,
            })
        })
        .await?;
    let lang = viewer.lang;
    let d = &view.info;
    let name = display_name(d);
    let body = html! {
        p { a href="/documents" { "← " (viewer.t("documents-title")) } }
        h1.doc-title { (name) }
        (facts(&viewer, &view))
        section aria-labelledby="attachments-heading" {
            h2 #attachments-heading { (viewer.t("documents-attachments")) }
            @if view.attachments.is_empty() {
                p { (viewer.t("documents-no-attachments")) }
            } @else {
                ul {
                    @for a in &view.attachments {
                        li {
                            a href={ "/documents/" (a.id) } { (display_name(a)) }
                            " — " (status_badge(lang, a.status)) " · "
                            (format_number(lang, u64::from(a.page_count))) " " (viewer.t("documents-pages-lower"))
                        }
                    }
                }
            }
        }
        section aria-labelledby="pages-heading" {
            h2 #pages-heading { (viewer.t("documents-pages")) }
            @if view.pages.is_empty() {
                p { (viewer.t("documents-no-pages")) }
            } @else {
                (pages_table(&viewer, &d.id, &view.pages))
            }
        }
        section aria-labelledby="custody-heading" {
            h2 #custody-heading { (viewer.t("documents-custody")) }
            @if view.custody.is_empty() {
                p { (viewer.t("common-none")) }
            } @else {
                (custody_table(&viewer, &view.custody))
            }
        }
    };
    Ok((StatusCode::OK, page(&viewer, name, body)).into_response())
}

// ---------------------------------------------------------------------------
// GET /documents/{id}/pages/{n}

struct PageView {
    info: DocumentInfo,
    page: PageText,
    previous: Option<u32>,
    next: Option<u32>,
    last: u32,
    /// The excerpt asked for with `?excerpt=`, when it is on this page.
    excerpt: Option<Excerpt>,
}

/// What the page view marks: the matches of `?q=` and the range of
/// `?excerpt=`.
#[derive(Debug, Clone, Default)]
struct Marks {
    q: String,
    excerpt: String,
}

impl Marks {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map_or(String::new(), |(_, v)| v.trim().to_owned())
        };
        Marks {
            q: get("q"),
            excerpt: get("excerpt"),
        }
    }

    /// `?q=…` for links to other pages of the document.
    fn suffix(&self) -> String {
        if self.q.is_empty() {
            String::new()
        } else {
            format!("?q={}", encode_path(&self.q))
        }
    }
}

/// The byte offset of character `n` of `text` (its length past the end).
fn byte_of_char(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// `text[from..to]` with the parts of `ranges` inside it in `<mark>`; the
/// first mark drawn anywhere on the page gets `id="match"`.
fn marked_part(
    text: &str,
    (from, to): (usize, usize),
    ranges: &[(usize, usize)],
    first: &mut bool,
) -> Markup {
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = from;
    for &(s, e) in ranges {
        let (s, e) = (s.max(at), e.min(to));
        if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            pieces.push((&text[at..s], false));
        }
        pieces.push((&text[s..e], true));
        at = e;
    }
    if at < to {
        pieces.push((&text[at..to], false));
    }
    html! {
        @for (piece, marked) in pieces {
            @if marked {
                @if std::mem::take(first) {
                    mark #match { (piece) }
                } @else {
                    mark { (piece) }
                }
            } @else {
                (piece)
            }
        }
    }
}

/// A page's text, escaped, with the query's matches in `<mark>` and the
/// excerpt's range (byte offsets) in `<mark class="excerpt">`.
fn marked_text(text: &str, matches: &[(usize, usize)], excerpt: Option<(usize, usize)>) -> Markup {
    let mut first = true;
    match excerpt {
        Some((s, e)) if s < e && e <= text.len() => html! {
            (marked_part(text, (0, s), matches, &mut first))
            mark.excerpt #excerpt { (marked_part(text, (s, e), matches, &mut first)) }
            (marked_part(text, (e, text.len()), matches, &mut first))
        },
        _ => marked_part(text, (0, text.len()), matches, &mut first),
    }
}

/// An excerpt id from a URL: like a document id; anything else is ignored.
fn excerpt_id(id: &str) -> Option<String> {
    document_id(id).ok()
}

pub async fn page_view(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, n)): Path<(String, String)>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = document_id(&id)?;
    let n = page_number(&n)?;
    let marks = Marks::from_pairs(&pairs);
    let wanted = excerpt_id(&marks.excerpt);
    let user = viewer.user()?.clone();
    let view = state
        .with_vault(&viewer.actor(), move |v| {
            let info = v.document(&id)?;
            // Audited as a text read of the document (once an hour).
            let page = v.read_page_text(&id, n)?.ok_or(AppError::NOT_FOUND)?;
            let numbers: Vec<u32> = v.document_pages(&id)?.iter().map(|p| p.number).collect();
            // Marked only for those who may read the excerpt: the mark
            // says which passage is tied to the excerpt's people.
            let excerpt = match wanted {
                Some(wanted) => v
                    .excerpts(&ExcerptFilter {
                        document: Some(id.clone()),
                        id: Some(wanted),
                        ..ExcerptFilter::default()
                    })?
                    .into_iter()
                    .find(|e| e.page == n),
                None => None,
            };
            let excerpt = match excerpt {
                Some(e) if v.may_read_excerpt(&user, &e)? => Some(e),
                _ => None,
            };
            Ok(PageView {
                previous: numbers.iter().copied().filter(|&m| m < n).max(),
                next: numbers.iter().copied().filter(|&m| m > n).min(),
                last: numbers.iter().copied().max().unwrap_or(n),
                info,
                page,
                excerpt,
            })
        })
        .await?;
    let lang = viewer.lang;
    let d = &view.info;
    let p = &view.page;
    let name = display_name(d);
    let none = viewer.t("common-none");
    let has_image = d.media_type.as_deref().is_some_and(render::has_page_images);
    let (width, height) = p.image_size.unwrap_or(DEFAULT_IMAGE_SIZE);
    // The matches of the query the reader came with (a bad query marks
    // nothing and says why).
    let (matches, query_problem) = if marks.q.is_empty() {
        (Vec::new(), None)
    } else {
        match super::search::query_problem(lang, &marks.q) {
            Some(problem) => (Vec::new(), Some(problem)),
            None => match testimonio_search::parse(&marks.q) {
                Ok(node) => (highlight::matches(&p.text, &positive_text(&node)), None),
                Err(_) => (Vec::new(), None),
            },
        }
    };
    let excerpt_range = view
        .excerpt
        .as_ref()
        .map(|e| (byte_of_char(&p.text, e.start), byte_of_char(&p.text, e.end)));
    let excerpt_changed = view
        .excerpt
        .as_ref()
        .zip(excerpt_range)
        .is_some_and(|(e, (s, end))| p.text.get(s..end) != Some(e.quote.as_str()));
    let page_label = format!(
        "{} {} {} {}",
        viewer.t("documents-page"),
        format_number(lang, u64::from(p.number)),
        viewer.t("events-page-of"),
        format_number(lang, u64::from(view.last))
    );
    let base = format!("/documents/{}/pages", d.id);
    let suffix = marks.suffix();
    let pager = html! {
        nav.pager aria-label=(viewer.t("documents-pages")) {
            @if let Some(prev) = view.previous {
                a rel="prev" href={ (base) "/" (prev) (suffix) } { "← " (viewer.t("documents-previous-page")) }
            }
            span { (page_label) }
            @if let Some(next) = view.next {
                a rel="next" href={ (base) "/" (next) (suffix) } { (viewer.t("documents-next-page")) " →" }
            }
        }
    };
    let body = html! {
        p.crumbs {
            a href="/documents" { (viewer.t("documents-title")) } " › "
            a href={ "/documents/" (d.id) } { (name) }
        }
        h1.doc-title { (name) " " small { (page_label) } }
        (pager)
        @if !marks.q.is_empty() {
            p.marks role="status" {
                @if let Some(problem) = &query_problem {
                    span.error { (viewer.t("documents-query-unreadable")) " " (problem) }
                } @else if matches.is_empty() {
                    (viewer.t("documents-no-match")) " " code { (marks.q) }
                } @else {
                    strong { (format_number(lang, matches.len() as u64)) } " "
                    (viewer.t("documents-matches-of")) " " code { (marks.q) } " · "
                    a href="#match" { (viewer.t("documents-first-match")) }
                }
                " · " a href={ "/search?q=" (encode_path(&marks.q)) } { (viewer.t("documents-back-to-results")) }
            }
        }
        @if view.excerpt.is_some() {
            p.marks role="status" {
                (viewer.t("documents-excerpt-marked")) " · "
                a href="#excerpt" { (viewer.t("documents-go-to-excerpt")) }
            }
            @if excerpt_changed {
                p.error role="alert" { (viewer.t("documents-excerpt-changed")) }
            }
        }
        dl.page-facts {
            div { dt { (viewer.t("documents-method")) } dd { (p.method.label(lang)) } }
            div {
                dt { (viewer.t("documents-confidence")) }
                dd { (p.confidence.map_or_else(|| none.to_owned(), |c| format_confidence(lang, c))) }
            }
            div { dt { (viewer.t("documents-bates")) } dd { (p.bates.as_deref().unwrap_or(none)) } }
            @if let Some(problem) = &p.problem {
                div { dt { (viewer.t("documents-problem")) } dd.error { (problem) } }
            }
        }
        div.page-view.with-image[has_image] {
            @if has_image {
                figure.page-image {
                    a href={ (base) "/" (p.number) "/image" } {
                        img src={ (base) "/" (p.number) "/image" } width=(width) height=(height)
                            alt={ (viewer.t("documents-image-alt")) " " (p.number) " — " (name) };
                    }
                }
            } @else {
                p.hint { (viewer.t("documents-no-image")) }
            }
            section.page-text aria-labelledby="text-heading" {
                h2 #text-heading { (viewer.t("documents-text")) }
                @if p.text.trim().is_empty() {
                    p { (viewer.t("documents-empty-page")) }
                } @else {
                    // The document's own language, not the interface's.
                    pre.page-text { (marked_text(&p.text, &matches, excerpt_range)) }
                }
            }
        }
        (pager)
    };
    Ok((
        StatusCode::OK,
        page(&viewer, &format!("{name} · {page_label}"), body),
    )
        .into_response())
}

// ---------------------------------------------------------------------------
// GET /documents/{id}/pages/{n}/image

/// The image of a page: from memory when it was rendered before (the read
/// is audited all the same), else rendered — within the account's share of
/// renders and the server's (429 / 503 beyond) — and kept in memory (see
/// `page_images.rs`).
pub async fn page_image(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = document_id(&id)?;
    let n = page_number(&n)?;
    let account = viewer.user()?.id;
    let purpose = format!("page {n} image");
    let lookup = id.clone();
    let (media_type, key) = state
        .with_vault(&viewer.actor(), move |v| {
            let info = v.document(&lookup)?;
            let media_type = info.media_type.unwrap_or_default();
            // Unknown pages and documents without images are answered
            // before anything is decrypted or audited.
            if !render::has_page_images(&media_type)
                || !v.document_pages(&lookup)?.iter().any(|p| p.number == n)
            {
                return Err(AppError::NOT_FOUND);
            }
            let key = PageKey {
                document: info.id,
                page: n,
                sha256: info.sha256,
            };
            Ok((media_type, key))
        })
        .await?;
    let images = state.page_images();
    if let Some(image) = images.get(&key) {
        state
            .with_vault(&viewer.actor(), move |v| {
                Ok(v.record_document_read(&id, &purpose)?)
            })
            .await?;
        return Ok(image_response(image));
    }
    // Taken before the original is decrypted: at most this many originals
    // are in memory for rendering at once.
    let permit = images.start(account).await.map_err(AppError::Kind)?;
    let original = state
        .with_vault(&viewer.actor(), move |v| {
            Ok(v.document_bytes(&id, &purpose)?)
        })
        .await?;
    let rendered = tokio::task::spawn_blocking(move || {
        // Held by the render: a client that goes away does not free it.
        let _permit = permit;
        render::render_page(&original, &media_type, n, &DISPLAY)
    })
    .await
    .map_err(|e| AppError::internal(&e))?;
    match rendered {
        Ok(Some(image)) => {
            images.count_render();
            let image = PageImage::new(image.format, image.bytes);
            images.insert(key, image.clone());
            Ok(image_response(image))
        }
        Ok(None) | Err(RenderError::NoSuchPage { .. }) => Err(AppError::NOT_FOUND),
        Err(e) => Err(AppError::internal(&e)),
    }
}

fn image_response(image: PageImage) -> Response {
    (
        [
            (header::CONTENT_TYPE, image.format.content_type()),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CONTENT_DISPOSITION, "inline"),
        ],
        image.bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_page_numbers_from_urls() {
        assert!(document_id("doc-0123456789abcdef").is_ok());
        for bad in ["", "../etc", "doc 1", "doc%201", &"a".repeat(65), "doc'--"] {
            assert!(document_id(bad).is_err(), "{bad:?}");
        }
        assert_eq!(page_number("1").ok(), Some(1));
        assert_eq!(page_number("40").ok(), Some(40));
        for bad in ["0", "-1", "+1", "01", "1.0", "x", "99999999999"] {
            assert!(page_number(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn matches_and_excerpts_are_marked_escaped() {
        let text = "Él dijo <b>protesta</b> y protesta.";
        let at = text.find("protesta").unwrap();
        let later = text.rfind("protesta").unwrap();
        let m = [(at, at + 8), (later, later + 8)];
        let html = marked_text(text, &m, None).into_string();
        assert_eq!(
            html,
            "Él dijo &lt;b&gt;<mark id=\"match\">protesta</mark>&lt;/b&gt; y <mark>protesta</mark>."
        );
        // An excerpt around the second match, overlapping ranges, ranges
        // past the end or inside a character are drawn once or not at all.
        let ex = (byte_of_char(text, 26), byte_of_char(text, 35));
        let m = [
            (at, at + 8),
            (at + 2, at + 4),
            (later, later + 8),
            (1, 2),
            (90, 99),
        ];
        let html = marked_text(text, &m, Some(ex)).into_string();
        assert!(
            html.ends_with(
                "y <mark class=\"excerpt\" id=\"excerpt\"><mark>protesta</mark>.</mark>"
            ),
            "{html}"
        );
        assert_eq!(html.matches("<mark").count(), 3, "{html}");
        assert_eq!(byte_of_char("aé b", 2), 3);
        assert_eq!(byte_of_char("ab", 5), 2);
    }

    #[test]
    fn sizes_follow_the_language() {
        assert_eq!(format_size(Lang::En, 812), "812 bytes");
        assert_eq!(format_size(Lang::En, 440_551), "430.2 KB");
        assert_eq!(format_size(Lang::Es, 440_551), "430,2 KB");
        assert_eq!(format_size(Lang::En, 2_495_130), "2.4 MB");
        assert_eq!(format_confidence(Lang::Es, 92.6), "93\u{a0}%");
        assert_eq!(format_confidence(Lang::En, 92.6), "93%");
    }

    #[test]
    fn times_are_shown_as_day_and_utc_time() {
        assert_eq!(
            format_time(Lang::Es, "2025-03-04T05:06:07.123Z"),
            "4 de marzo de 2025 05:06 UTC"
        );
        assert_eq!(
            format_added(Lang::En, "2025-03-04T05:06:07.123Z"),
            "4 March 2025"
        );
        assert_eq!(format_time(Lang::En, "garbage"), "garbage");
    }
}
