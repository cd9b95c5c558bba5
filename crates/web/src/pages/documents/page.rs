//! GET /documents/{id}/pages/{n}: one page's image beside its text, with
//! the matches of the query the reader came with and an excerpt marked.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::evidence::documents;
use testimonio_app::evidence::marks as image_marks;
use testimonio_i18n::tr;
use testimonio_ingest::render;
use testimonio_search::highlight;
use testimonio_search::query::positive_text;
use testimonio_vault::{DocumentInfo, Excerpt, ExcerptFilter, PageText};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::format_number;
use crate::layout::{encode_path, page};
use crate::state::AppState;

use super::marks;
use super::{DEFAULT_IMAGE_SIZE, display_name, document_id, format_confidence, page_number};

struct PageView {
    info: DocumentInfo,
    page: PageText,
    previous: Option<u32>,
    next: Option<u32>,
    last: u32,
    /// The excerpt asked for with `?excerpt=`, when it is on this page.
    excerpt: Option<Excerpt>,
    /// The original, when the query's matches are drawn from its text
    /// layer (see `marks.rs`).
    original: marks::Original,
    /// The query's matches in the page text.
    found: highlight::Matches,
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
pub(super) fn byte_of_char(text: &str, n: usize) -> usize {
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
pub(super) fn marked_text(
    text: &str,
    matches: &[(usize, usize)],
    excerpt: Option<(usize, usize)>,
) -> Markup {
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
    // Roles that may make redacted copies (exports) are offered the form.
    let may_redact = user.role.sees_all_identities();
    let actor = viewer.app_actor()?;
    let lang = viewer.lang;
    // The query the reader came with (a bad query marks nothing and says
    // why).
    let (query, query_problem) = if marks.q.is_empty() {
        (None, None)
    } else {
        match super::super::search::query_problem(lang, &marks.q) {
            Some(problem) => (None, Some(problem)),
            None => (testimonio_search::parse(&marks.q).ok(), None),
        }
    };
    let for_vault = query.clone();
    let view = state
        .with_vault(&viewer.actor(), move |v| {
            // Audited as a text read of the document (once an hour).
            let (info, page) = documents::page_text(v, &actor, &id, n)?;
            // The original is read (and the read audited) only to draw
            // matches that the text has from its text layer.
            // The matches of the query: the words marked, and the
            // occurrences counted (a phrase found once is one).
            let found = for_vault
                .as_ref()
                .map_or_else(highlight::Matches::default, |node| {
                    highlight::find(&page.text, &positive_text(node))
                });
            let media_type = info.media_type.as_deref().unwrap_or_default();
            let original = if !found.ranges.is_empty()
                && render::has_page_images(media_type)
                && image_marks::needs_text_layer(&page, media_type)
            {
                Some(v.document_bytes(&id, &format!("page {n} word boxes"))?)
            } else {
                None
            };
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
                original,
                found,
            })
        })
        .await?;
    let d = &view.info;
    let p = &view.page;
    let name = display_name(d);
    let none = viewer.t("common-none");
    let has_image = d.media_type.as_deref().is_some_and(render::has_page_images);
    let (width, height) = p.image_size.unwrap_or(DEFAULT_IMAGE_SIZE);
    let leaves = query.as_ref().map(positive_text).unwrap_or_default();
    let found = view.found;
    let on_image = if has_image && !found.ranges.is_empty() {
        marks::image_marks(&state, &viewer, p, view.original, &leaves).await?
    } else {
        marks::ImageMarks::None
    };
    let matches = found.ranges;
    let occurrences = found.occurrences;
    let excerpt_range = view
        .excerpt
        .as_ref()
        .map(|e| (byte_of_char(&p.text, e.start), byte_of_char(&p.text, e.end)));
    let excerpt_changed = view
        .excerpt
        .as_ref()
        .zip(excerpt_range)
        .is_some_and(|(e, (s, end))| p.text.get(s..end) != Some(e.quote.as_str()));
    let page_label = super::list::page_of(lang, p.number, view.last);
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
        @if may_redact && d.media_type.as_deref().is_some_and(|m| m.starts_with("application/pdf")) {
            p { a href={ (base) "/" (p.number) "/redact" @if !marks.q.is_empty() { "?q=" (encode_path(&marks.q)) } } {
                (viewer.t("redact-link"))
            } }
        }
        (pager)
        @if !marks.q.is_empty() {
            p.marks role="status" {
                @if let Some(problem) = &query_problem {
                    span.error { (viewer.t("documents-query-unreadable")) " " (problem) }
                } @else if matches.is_empty() {
                    (viewer.t("documents-no-match")) " " code { (marks.q) }
                } @else {
                    strong { (format_number(lang, occurrences as u64)) } " "
                    (tr!(lang, "documents-matches-of", count = occurrences)) " " code { (marks.q) } " · "
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
                (marks::figure(
                    &viewer,
                    &format!("{base}/{}/image", p.number),
                    &format!("{} — {name}", tr!(lang, "documents-image-alt", page = p.number)),
                    (width, height),
                    &on_image,
                ))
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
