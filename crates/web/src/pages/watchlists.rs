//! Watchlists: saved queries with an owner and a purpose, run against the
//! search index; each run queues the hits it has not seen before for
//! review; an accepted hit becomes an excerpt (the sentence around the
//! match, tagged and linked to events and people), a dismissed one is
//! never shown again.
//!
//! - GET /watchlists (every role): the watchlists with their pending hits;
//!   for writers, the form to add one and the button to run them all.
//! - POST /watchlists, POST /watchlists/run (writers): add (then run), run.
//! - GET /watchlists/hits (every role): the pending hits with their
//!   snippets; for writers, the forms to accept or dismiss each.
//! - POST /watchlists/hits/{id}/accept, …/dismiss (writers).
//!
//! Snippets are document text or event narratives, which every role reads
//! on their own pages; nothing here reads an identity field. Each view of
//! the hits is audited (`Vault::record_hits_view`).

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_app::evidence::SearchFailure;
use testimonio_app::evidence::watchlists::{self, Links};
use testimonio_app::{AppError as UseCaseError, RecordKind};
use testimonio_domain::{ExcerptTag, Lang, RecordId, ShortText};
use testimonio_i18n::tr;
use testimonio_vault::{ConflictKind, Watchlist, WatchlistHit};

use crate::auth::Viewer;
use crate::error::{AppError, ErrorKind};
use crate::i18n::{format_number, t};
use crate::layout::{csrf_field, encode_path, page};
use crate::state::AppState;

use super::documents::{display_name, format_time};
use super::forms::*;
use super::search::{MAX_QUERY_CHARS, query_problem};

/// Most pending hits shown at once (the oldest wait for the newest to be
/// reviewed).
pub const HITS_SHOWN: u32 = 200;

fn can_write(viewer: &Viewer) -> bool {
    viewer
        .user
        .as_ref()
        .is_some_and(|u| u.role.can_write_records())
}

// ---------------------------------------------------------------------------
// GET /watchlists, POST /watchlists, POST /watchlists/run

/// The form's fields as submitted.
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct WatchlistForm {
    pub name: String,
    pub query: String,
    pub purpose: String,
}

/// The watchlist the form describes, or the messages about its fields.
fn parse_form(lang: Lang, form: &WatchlistForm) -> Result<(String, String, String), FormErrors> {
    let mut errors = FormErrors::default();
    let name = ShortText::parse("name", &form.name)
        .map_err(|e| errors.add("name", t(lang, "watchlists-name"), e.problem.message(lang)))
        .ok();
    let query = form.query.trim();
    if query.is_empty() {
        errors.add(
            "query",
            t(lang, "watchlists-query"),
            t(lang, "watchlists-required").to_owned(),
        );
    } else if let Some(problem) = query_problem(lang, query) {
        errors.add("query", t(lang, "watchlists-query"), problem);
    }
    let purpose = ShortText::parse("purpose", &form.purpose)
        .map_err(|e| {
            errors.add(
                "purpose",
                t(lang, "watchlists-purpose"),
                e.problem.message(lang),
            );
        })
        .ok();
    match (name, purpose) {
        (Some(name), Some(purpose)) if errors.is_empty() => {
            Ok((name.into(), query.to_owned(), purpose.into()))
        }
        _ => Err(errors),
    }
}

fn watchlists_table(viewer: &Viewer, watchlists: &[Watchlist]) -> Markup {
    let lang = viewer.lang;
    html! {
        div.scroll {
            table.watchlists {
                thead { tr {
                    th scope="col" { (viewer.t("watchlists-name")) }
                    th scope="col" { (viewer.t("watchlists-query")) }
                    th scope="col" { (viewer.t("watchlists-purpose")) }
                    th scope="col" { (viewer.t("watchlists-owner")) }
                    th scope="col" { (viewer.t("watchlists-last-run")) }
                    th scope="col" class="num" { (viewer.t("watchlists-pending")) }
                } }
                tbody {
                    @for w in watchlists {
                        // Runs read the saved query again with today's
                        // bounds and skip it if it does not pass.
                        @let problem = query_problem(lang, &w.query);
                        tr.inactive[!w.active] {
                            th scope="row" {
                                (w.name)
                                @if !w.active { " " span.badge.inactive { (viewer.t("watchlists-inactive")) } }
                            }
                            td {
                                code { (w.query) }
                                @if let Some(problem) = &problem {
                                    p.error { (viewer.t("watchlists-query-broken")) " " (problem) }
                                }
                            }
                            td { (w.purpose) }
                            td { (w.owner) " · " (format_time(lang, &w.created_at)) }
                            td {
                                @if problem.is_some() {
                                    span.badge.not-run { (viewer.t("watchlists-not-run")) } " "
                                }
                                (w.last_run_at.as_deref().map_or_else(|| viewer.t("watchlists-never").to_owned(), |at| format_time(lang, at)))
                            }
                            td.num {
                                @if w.pending > 0 {
                                    a href={ "/watchlists/hits?watchlist=" (encode_path(&w.id)) } { (format_number(lang, w.pending)) }
                                } @else {
                                    (format_number(lang, 0))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn watchlists_page(
    viewer: &Viewer,
    watchlists: &[Watchlist],
    form: &WatchlistForm,
    errors: &FormErrors,
    flashed: bool,
) -> Markup {
    let lang = viewer.lang;
    let pending: u64 = watchlists.iter().map(|w| w.pending).sum();
    let body = html! {
        h1 { (viewer.t("watchlists-title")) }
        p.hint { (viewer.t("watchlists-intro")) }
        @if flashed { p.notice role="status" { (viewer.t("event-saved")) } }
        p {
            a href="/watchlists/hits" {
                (viewer.t("watchlists-review")) " (" (format_number(lang, pending)) ")"
            }
        }
        @if watchlists.is_empty() {
            p { (viewer.t("watchlists-none")) }
        } @else {
            (watchlists_table(viewer, watchlists))
        }
        @if can_write(viewer) {
            @if !watchlists.is_empty() {
                form method="post" action="/watchlists/run" {
                    (csrf_field(viewer))
                    button type="submit" { (viewer.t("watchlists-run")) }
                }
            }
            h2 #add-heading { (viewer.t("watchlists-add")) }
            (error_summary(viewer, errors))
            form.stack method="post" action="/watchlists" aria-labelledby="add-heading" {
                (csrf_field(viewer))
                (field(errors, "name", viewer.t("watchlists-name"), None, |c| input(c, "name", "text", &form.name)))
                (field(errors, "query", viewer.t("watchlists-query"), Some(viewer.t("watchlists-query-hint")), |c| html! {
                    input id=(c.id) name="query" type="text" value=(form.query) maxlength=(MAX_QUERY_CHARS)
                        autocapitalize="none" spellcheck="false"
                        aria-describedby=[c.described_by.as_deref()]
                        aria-invalid=[c.invalid.then_some("true")];
                }))
                p.hint { a href="/search" { (viewer.t("watchlists-query-help")) } }
                (field(errors, "purpose", viewer.t("watchlists-purpose"), Some(viewer.t("watchlists-purpose-hint")), |c| input(c, "purpose", "text", &form.purpose)))
                button type="submit" { (viewer.t("watchlists-save-and-run")) }
            }
        }
    };
    page(viewer, viewer.t("watchlists-title"), body)
}

/// A search use case's failure as the web answers it: a busy index is
/// "try again"; a query problem cannot reach here (queries are checked
/// with the form).
pub(crate) fn search_error(e: SearchFailure) -> AppError {
    match e {
        SearchFailure::IndexBusy => AppError::Kind(ErrorKind::Busy),
        SearchFailure::App(e) => e.into(),
        SearchFailure::Query(_) => AppError::BAD_REQUEST,
    }
}

async fn load_watchlists(state: &AppState, viewer: &Viewer) -> Result<Vec<Watchlist>, AppError> {
    let actor = viewer.app_actor()?;
    state
        .with_vault(&viewer.actor(), move |v| Ok(watchlists::list(v, &actor)?))
        .await
}

pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let watchlists = load_watchlists(&state, &viewer).await?;
    let flashed = has_flash(&headers);
    let markup = watchlists_page(
        &viewer,
        &watchlists,
        &WatchlistForm::default(),
        &FormErrors::default(),
        flashed,
    );
    Ok(with_flash_cleared(&state, flashed, StatusCode::OK, markup))
}

/// Runs every active watchlist (on a search thread: see
/// `AppState::with_search`). One whose saved query is malformed or past
/// the bounds is skipped, and the page says why. Another process writing
/// the index is not a failure here: the watchlists run again next time.
async fn run_all(state: &AppState, viewer: &Viewer) -> Result<(), AppError> {
    let actor = viewer.app_actor()?;
    let ran = state
        .with_search(&viewer.actor(), move |index, v, _| {
            watchlists::run_all(v, index, &actor).map_err(search_error)
        })
        .await;
    match ran {
        Ok(runs) => {
            let skipped = runs.iter().filter(|r| r.error.is_some()).count();
            tracing::info!(watchlists = runs.len(), skipped, "watchlists run");
            Ok(())
        }
        Err(e) if e.kind() == ErrorKind::Busy => Ok(()),
        Err(e) => Err(e),
    }
}

fn back_to(state: &AppState, path: &str) -> Response {
    (
        [(header::SET_COOKIE, flash_saved(state))],
        Redirect::to(path),
    )
        .into_response()
}

pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<WatchlistForm>,
) -> Result<Response, AppError> {
    match parse_form(viewer.lang, &form) {
        Ok((name, query, purpose)) => {
            let actor = viewer.app_actor()?;
            state
                .with_vault(&viewer.actor(), move |v| {
                    watchlists::add(v, &actor, &name, &query, &purpose).map_err(search_error)
                })
                .await?;
            run_all(&state, &viewer).await?;
            Ok(back_to(&state, "/watchlists"))
        }
        Err(errors) => {
            let viewer = viewer_at(&viewer, "/watchlists".to_owned());
            let watchlists = load_watchlists(&state, &viewer).await?;
            Ok((
                StatusCode::BAD_REQUEST,
                watchlists_page(&viewer, &watchlists, &form, &errors, false),
            )
                .into_response())
        }
    }
}

pub async fn run(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    run_all(&state, &viewer).await?;
    Ok(back_to(&state, "/watchlists"))
}

// ---------------------------------------------------------------------------
// GET /watchlists/hits

/// A snippet as the vault stores it, matches between « and », as markup:
/// the matches in `<mark>`, everything escaped. (A « in the document's own
/// text inside a match, or a » outside one, is shown as it is.)
pub(crate) fn marked_snippet(snippet: &str) -> Markup {
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let mut inside = false;
    for c in snippet.chars() {
        match c {
            '«' if !inside => {
                pieces.push((std::mem::take(&mut current), false));
                inside = true;
            }
            '»' if inside => {
                pieces.push((std::mem::take(&mut current), true));
                inside = false;
            }
            c => current.push(c),
        }
    }
    if inside {
        current.insert(0, '«');
    }
    pieces.push((current, false));
    html! {
        @for (text, marked) in pieces.iter().filter(|(t, _)| !t.is_empty()) {
            @if *marked { mark { (text) } } @else { (text) }
        }
    }
}

/// The accept form's fields as submitted.
#[derive(Clone, Default)]
pub struct AcceptForm {
    pub tags: Vec<String>,
    pub event: String,
    pub person: String,
}

impl AcceptForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = AcceptForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "tags" => form.tags.push(v),
                "event" => form.event = v,
                "person" => form.person = v,
                _ => {}
            }
        }
        form
    }
}

/// A refused accept form: which hit, what was submitted, what is wrong
/// (field name, message).
#[derive(Clone, Default)]
struct Refused {
    hit: i64,
    form: AcceptForm,
    errors: Vec<(&'static str, String)>,
}

impl Refused {
    fn messages(&self, field: &str) -> Vec<&str> {
        self.errors
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
            .collect()
    }
}

struct HitsData {
    watchlists: Vec<Watchlist>,
    /// The watchlist the list is narrowed to.
    only: Option<String>,
    hits: Vec<WatchlistHit>,
    /// Pending hits in all (of the watchlist, when narrowed).
    pending: u64,
    /// Document id → display name.
    documents: HashMap<String, String>,
}

async fn load_hits(
    state: &AppState,
    viewer: &Viewer,
    only: Option<String>,
) -> Result<HitsData, AppError> {
    let actor = viewer.app_actor()?;
    state
        .with_vault(&viewer.actor(), move |v| {
            let watchlists = watchlists::list(v, &actor)?;
            if let Some(id) = &only
                && !watchlists.iter().any(|w| &w.id == id)
            {
                return Err(AppError::NOT_FOUND);
            }
            // Audited by the use case before the snippets (document
            // text) are shown.
            let hits = watchlists::hits(v, &actor, only.as_deref(), false, HITS_SHOWN)?;
            let pending = match &only {
                Some(id) => watchlists
                    .iter()
                    .find(|w| &w.id == id)
                    .map_or(0, |w| w.pending),
                None => v.pending_hit_count()?,
            };
            let mut documents = HashMap::new();
            for hit in hits.iter().filter(|h| h.kind == "page") {
                if !documents.contains_key(&hit.reference)
                    && let Ok(info) = v.document(&hit.reference)
                {
                    documents.insert(hit.reference.clone(), display_name(&info).to_owned());
                }
            }
            Ok(HitsData {
                watchlists,
                only,
                hits,
                pending,
                documents,
            })
        })
        .await
}

fn accept_form(viewer: &Viewer, hit: &WatchlistHit, refused: Option<&Refused>) -> Markup {
    let lang = viewer.lang;
    let empty = Refused::default();
    let r = refused.unwrap_or(&empty);
    let h = hit.id;
    let tag_messages = r.messages("tags");
    html! {
        form.stack.accept method="post" action={ "/watchlists/hits/" (h) "/accept" } aria-label=(viewer.t("hits-accept")) {
            (csrf_field(viewer))
            fieldset.tags id={ "f-tags-" (h) } aria-invalid=[(!tag_messages.is_empty()).then_some("true")] {
                legend { (viewer.t("excerpts-tags")) }
                @if !tag_messages.is_empty() {
                    div.field-error { @for m in &tag_messages { p { (m) } } }
                }
                @for (code, _, _) in ExcerptTag::KNOWN {
                    @let id = format!("tag-{h}-{code}");
                    div.field.check {
                        input id=(id) type="checkbox" name="tags" value=(code)
                            checked[r.form.tags.iter().any(|t| t == code)];
                        label for=(id) { (super::excerpts::tag_label(lang, code)) }
                    }
                }
            }
            (labelled(&r.messages("event"), &format!("event-{h}"), viewer.t("hits-event"), Some(viewer.t("hits-optional-id")), |c| input(c, "event", "text", &r.form.event)))
            (labelled(&r.messages("person"), &format!("person-{h}"), viewer.t("hits-person"), Some(viewer.t("hits-optional-id")), |c| input(c, "person", "text", &r.form.person)))
            button type="submit" { (viewer.t("hits-accept")) }
        }
    }
}

fn hit_item(
    viewer: &Viewer,
    hit: &WatchlistHit,
    data: &HitsData,
    refused: Option<&Refused>,
) -> Markup {
    let lang = viewer.lang;
    let query = data
        .watchlists
        .iter()
        .find(|w| w.id == hit.watchlist_id)
        .map_or("", |w| w.query.as_str());
    let writer = can_write(viewer);
    html! {
        li.hit id={ "hit-" (hit.id) } {
            p.hit-meta {
                strong { (hit.watchlist_name) } " · " (format_time(lang, &hit.found_at))
            }
            @match (hit.kind.as_str(), hit.page) {
                ("page", Some(n)) => {
                    @let name = data.documents.get(&hit.reference).map_or(hit.reference.as_str(), String::as_str);
                    h3 {
                        a href={ "/documents/" (hit.reference) "/pages/" (n) "?q=" (encode_path(query)) "#match" } {
                            (name) " — " (tr!(lang, "documents-page-number", page = n))
                        }
                    }
                }
                _ => {
                    h3 { a href={ "/events/" (hit.reference) } { (viewer.t("search-kind-event")) " " code { (hit.reference) } } }
                }
            }
            blockquote.snippet { (marked_snippet(&hit.snippet)) }
            @if writer {
                @if let Some(r) = refused.filter(|r| r.hit == hit.id) {
                    div.error-summary role="alert" {
                        h2 { (viewer.t("event-has-errors")) }
                        ul {
                            @for (field, message) in &r.errors {
                                li { a href={ "#f-" (field) "-" (hit.id) } { (message) } }
                            }
                        }
                    }
                }
                div.hit-actions {
                    @if hit.kind == "page" && hit.page.is_some() {
                        (accept_form(viewer, hit, refused.filter(|r| r.hit == hit.id)))
                    } @else {
                        p.hint { (viewer.t("hits-events-not-excerpted")) }
                    }
                    form method="post" action={ "/watchlists/hits/" (hit.id) "/dismiss" } {
                        (csrf_field(viewer))
                        button.secondary type="submit" { (viewer.t("hits-dismiss")) }
                    }
                }
            }
        }
    }
}

fn hits_page(viewer: &Viewer, data: &HitsData, refused: Option<&Refused>, flashed: bool) -> Markup {
    let lang = viewer.lang;
    let body = html! {
        p { a href="/watchlists" { "← " (viewer.t("watchlists-title")) } }
        h1 { (viewer.t("hits-title")) }
        @if flashed { p.notice role="status" { (viewer.t("event-saved")) } }
        @if data.watchlists.len() > 1 || data.only.is_some() {
            nav.watchlist-filter aria-label=(viewer.t("watchlists-title")) {
                ul {
                    li {
                        @if data.only.is_none() { strong aria-current="true" { (viewer.t("hits-all")) } }
                        @else { a href="/watchlists/hits" { (viewer.t("hits-all")) } }
                    }
                    @for w in &data.watchlists {
                        li {
                            @if data.only.as_deref() == Some(w.id.as_str()) {
                                strong aria-current="true" { (w.name) } " (" (format_number(lang, w.pending)) ")"
                            } @else {
                                a href={ "/watchlists/hits?watchlist=" (encode_path(&w.id)) } { (w.name) }
                                " (" (format_number(lang, w.pending)) ")"
                            }
                        }
                    }
                }
            }
        }
        p role="status" {
            strong { (format_number(lang, data.pending)) } " " (viewer.t("hits-pending"))
            @if (data.hits.len() as u64) < data.pending {
                " · " (viewer.t("hits-showing")) " " (format_number(lang, data.hits.len() as u64))
            }
        }
        @if data.hits.is_empty() {
            p { (viewer.t("hits-none")) }
        } @else {
            ol.hits {
                @for hit in &data.hits {
                    (hit_item(viewer, hit, data, refused))
                }
            }
        }
    };
    page(viewer, viewer.t("hits-title"), body)
}

pub async fn hits(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let only = pairs
        .into_iter()
        .find(|(k, _)| k == "watchlist")
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty());
    let data = load_hits(&state, &viewer, only).await?;
    let flashed = has_flash(&headers);
    let markup = hits_page(&viewer, &data, None, flashed);
    Ok(with_flash_cleared(&state, flashed, StatusCode::OK, markup))
}

// ---------------------------------------------------------------------------
// POST /watchlists/hits/{id}/accept, POST /watchlists/hits/{id}/dismiss

/// A hit id from a URL: a positive number; anything else is not found.
fn hit_id(id: &str) -> Result<i64, AppError> {
    if id.is_empty() || id.starts_with('0') || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::NOT_FOUND);
    }
    id.parse::<i64>().map_err(|_| AppError::NOT_FOUND)
}

/// An optional record id of the accept form.
fn optional_id(
    lang: Lang,
    errors: &mut Vec<(&'static str, String)>,
    name: &'static str,
    value: &str,
) -> Option<RecordId> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    RecordId::parse(name, value)
        .map_err(|e| errors.push((name, e.problem.message(lang))))
        .ok()
}

enum Accepted {
    Done,
    /// Reviewed by someone else meanwhile: nothing to do.
    AlreadyReviewed,
    Invalid(Vec<(&'static str, String)>),
}

pub async fn accept(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = hit_id(&id)?;
    let lang = viewer.lang;
    let form = AcceptForm::from_pairs(pairs);
    let mut errors = Vec::new();
    let mut tags: Vec<ExcerptTag> = Vec::new();
    for tag in &form.tags {
        match ExcerptTag::parse("tags", tag) {
            Ok(tag) if !tags.contains(&tag) => tags.push(tag),
            Ok(_) => {}
            Err(e) => errors.push(("tags", e.problem.message(lang))),
        }
    }
    let event = optional_id(lang, &mut errors, "event", &form.event);
    let person = optional_id(lang, &mut errors, "person", &form.person);
    let not_found = t(lang, "hits-unknown-record");
    let actor = viewer.app_actor()?;
    let outcome = state
        .with_vault(&viewer.actor(), move |v| {
            // Every unknown record at once, each by its field.
            if let Some(e) = &event
                && v.event(e)?.is_none()
            {
                errors.push(("event", not_found.to_owned()));
            }
            if let Some(p) = &person
                && v.person_summary(p)?.is_none()
            {
                errors.push(("person", not_found.to_owned()));
            }
            if !errors.is_empty() {
                return Ok(Accepted::Invalid(errors));
            }
            let links = Links {
                tags,
                events: event.into_iter().collect(),
                people: person.into_iter().collect(),
            };
            match watchlists::accept(v, &actor, id, links) {
                Ok(_) => Ok(Accepted::Done),
                // Reviewed by someone else meanwhile.
                Err(UseCaseError::Conflict(ConflictKind::HitReviewed { .. })) => {
                    Ok(Accepted::AlreadyReviewed)
                }
                Err(UseCaseError::NotFound {
                    kind: RecordKind::Event,
                    ..
                }) => Ok(Accepted::Invalid(vec![("event", not_found.to_owned())])),
                Err(UseCaseError::NotFound {
                    kind: RecordKind::Person,
                    ..
                }) => Ok(Accepted::Invalid(vec![("person", not_found.to_owned())])),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Accepted::Done => Ok(back_to(&state, "/watchlists/hits")),
        Accepted::AlreadyReviewed => Ok(Redirect::to("/watchlists/hits").into_response()),
        Accepted::Invalid(errors) => {
            let viewer = viewer_at(&viewer, "/watchlists/hits".to_owned());
            let data = load_hits(&state, &viewer, None).await?;
            let refused = Refused {
                hit: id,
                form,
                errors,
            };
            Ok((
                StatusCode::BAD_REQUEST,
                hits_page(&viewer, &data, Some(&refused), false),
            )
                .into_response())
        }
    }
}

pub async fn dismiss(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = hit_id(&id)?;
    let actor = viewer.app_actor()?;
    let dismissed = state
        .with_vault(&viewer.actor(), move |v| {
            match watchlists::dismiss(v, &actor, id) {
                Ok(()) => Ok(true),
                // Reviewed by someone else meanwhile: nothing to do.
                Err(UseCaseError::Conflict(ConflictKind::HitReviewed { .. })) => Ok(false),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    if dismissed {
        Ok(back_to(&state, "/watchlists/hits"))
    } else {
        Ok(Redirect::to("/watchlists/hits").into_response())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_snippets_are_marked_and_escaped() {
        let html = marked_snippet("… the «instigator» <b>and</b> «José» …").into_string();
        assert_eq!(
            html,
            "… the <mark>instigator</mark> &lt;b&gt;and&lt;/b&gt; <mark>José</mark> …"
        );
        assert_eq!(marked_snippet("a » b «c").into_string(), "a » b «c");
    }

    #[test]
    fn watchlist_forms_are_checked_field_by_field() {
        let form = |name: &str, query: &str, purpose: &str| WatchlistForm {
            name: name.into(),
            query: query.into(),
            purpose: purpose.into(),
        };
        let ok = parse_form(
            Lang::En,
            &form(" Leaders ", "leader NEAR/5 protest", "brief"),
        )
        .unwrap();
        assert_eq!(ok.0, "Leaders");
        let errors = parse_form(Lang::Es, &form("", "\"open", "")).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "query", "purpose"]);
        assert!(errors.messages("query")[0].starts_with("en el carácter 1:"));
        assert_eq!(hit_id("12").ok(), Some(12));
        for bad in ["", "0", "-1", "01", "x", "99999999999999999999"] {
            assert!(hit_id(bad).is_err(), "{bad:?}");
        }
    }
}
