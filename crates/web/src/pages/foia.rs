//! FOIA requests: the list with overdue and due-soon requests highlighted
//! (GET /foia) and one request with every deadline explained, its
//! timeline, communications and productions (GET /foia/{id}). The form
//! that records or updates a request is in `foia_form.rs`.
//!
//! The use cases are `testimonio_app::foia`; these handlers parse the
//! query, call them and render (`view`).
//!
//! The request text, the requester and the summaries of communications
//! are `Sensitive` (a request for someone's A-file names that person):
//! like identity fields they are never shown to analysts or viewers.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use maud::{Markup, html};
use testimonio_app::foia::{self as uc, ListFilter, Listed};
use testimonio_foia::{FederalAgency, Status};
use testimonio_i18n::tr;

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{Lang, t};
use crate::layout::page;
use crate::state::AppState;

use super::forms::*;

mod view;

pub(crate) use view::*;

/// A deadline this many days away or fewer is "due soon" in the list.
pub const SOON_DAYS: u32 = uc::SOON_DAYS;

/// Most rows of tolling periods or communications one form may carry.
pub const MAX_ROWS: usize = 500;

/// Today, on the server's clock: the day deadlines are computed for and
/// the latest day a form may record.
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

pub(crate) fn is_checked(value: &str) -> bool {
    !matches!(value.trim(), "" | "0" | "false" | "off")
}

// ---------------------------------------------------------------------------
// GET /foia

/// The list's filters as given in the query string.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListFilters {
    overdue: bool,
    soon: bool,
    agency: String,
    status: String,
    agency_code: Option<FederalAgency>,
    status_code: Option<Status>,
}

impl ListFilters {
    fn parse(lang: Lang, pairs: &[(String, String)]) -> (Self, FormErrors) {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map_or("", |(_, v)| v.trim())
        };
        let mut f = ListFilters {
            overdue: is_checked(get("overdue")),
            soon: is_checked(get("soon")),
            agency: get("agency").to_owned(),
            status: get("status").to_owned(),
            ..ListFilters::default()
        };
        let mut errors = FormErrors::default();
        if !f.agency.is_empty() {
            match FederalAgency::parse("agency", &f.agency) {
                Ok(a) => f.agency_code = Some(a),
                Err(e) => errors.add("agency", t(lang, "foia-agency"), e.problem.message(lang)),
            }
        }
        if !f.status.is_empty() {
            match Status::parse("status", &f.status) {
                Ok(s) => f.status_code = Some(s),
                Err(e) => errors.add("status", t(lang, "foia-status"), e.problem.message(lang)),
            }
        }
        (f, errors)
    }

    fn filter(&self) -> ListFilter {
        ListFilter {
            agency: self.agency_code,
            status: self.status_code,
            overdue: self.overdue,
            due_soon: self.soon,
            soon_days: SOON_DAYS,
        }
    }
}

pub(crate) fn filter_form(viewer: &Viewer, f: &ListFilters, errors: &FormErrors) -> Markup {
    let lang = viewer.lang;
    let any = viewer.t("events-any");
    html! {
        form.filters method="get" action="/foia" aria-label=(viewer.t("events-filter")) {
            (field(errors, "agency", viewer.t("foia-agency"), None, |c| select(c, "agency", Some(any), &federal_agency_options(lang), &f.agency)))
            (field(errors, "status", viewer.t("foia-status"), None, |c| select(c, "status", Some(any), &status_options(lang), &f.status)))
            div.field.check {
                input #f-overdue type="checkbox" name="overdue" value="1" checked[f.overdue];
                label for="f-overdue" { (viewer.t("foia-only-overdue")) }
            }
            div.field.check {
                input #f-soon type="checkbox" name="soon" value="1" checked[f.soon];
                label for="f-soon" { (viewer.t("foia-only-soon")) }
            }
            div.field.buttons {
                button type="submit" { (viewer.t("events-filter")) }
                a href="/foia" { (viewer.t("events-clear")) }
            }
        }
    }
}

/// `2 requests` / `2 solicitudes`, and `of 5` when the filters left some
/// out.
pub(crate) fn count_text(lang: Lang, shown: usize, total: usize) -> String {
    if shown < total {
        tr!(lang, "foia-count-of-total", count = shown, total = total)
    } else {
        tr!(lang, "foia-count", count = shown)
    }
}

fn list_table(viewer: &Viewer, rows: &[Listed]) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    html! {
        div.scroll {
            table.foia {
                thead { tr {
                    th scope="col" { (viewer.t("foia-reference")) }
                    th scope="col" { (viewer.t("foia-agency")) }
                    th scope="col" { (viewer.t("foia-subject")) }
                    th scope="col" { (viewer.t("foia-status")) }
                    th scope="col" { (viewer.t("foia-next-deadline")) }
                    th scope="col" { (viewer.t("foia-alert")) }
                } }
                tbody {
                    @for row in rows {
                        @let r = &row.request;
                        @let class = if row.overdue { Some("overdue") } else if row.due_soon { Some("due-soon") } else { None };
                        tr class=[class] {
                            td { a href={ "/foia/" (r.id()) } { (r.reference()) } }
                            td { (r.agency().name(lang)) }
                            td { (r.subject().as_str()) }
                            td { (r.status().label(lang)) }
                            td {
                                @if let Some((kind, date)) = row.next {
                                    (format_day(lang, date)) br; small { (kind.label(lang)) }
                                } @else {
                                    (none)
                                }
                            }
                            td { (flag_badge(viewer, row.overdue, row.due_soon)) }
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
    let (filters, errors) = ListFilters::parse(lang, &pairs);
    let filter = filters.filter();
    let listed = state
        .with_vault(&viewer.actor(), move |v| Ok(uc::list(v, &filter, today())?))
        .await?;
    let body = html! {
        h1 { (viewer.t("foia-title")) }
        p.hint { (viewer.t("foia-intro")) }
        @if can_write(&viewer) {
            p { a.button href="/foia/new" { (viewer.t("foia-new")) } }
        }
        p { a href="/foia/calendar.ics" download { (tr!(viewer.lang, "foia-download-calendar")) } }
        (error_summary(&viewer, &errors))
        (filter_form(&viewer, &filters, &errors))
        p role="status" { (count_text(lang, listed.rows.len(), listed.total)) }
        @if listed.rows.is_empty() {
            p { (viewer.t("foia-none")) }
        } @else {
            (list_table(&viewer, &listed.rows))
        }
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, page(&viewer, viewer.t("foia-title"), body)).into_response())
}

// ---------------------------------------------------------------------------
// GET /foia/{id}

/// A request that is not stored: 404, saying which in the user's language.
pub(crate) fn not_found_page(viewer: &Viewer, err: &testimonio_app::AppError) -> Response {
    let body = html! {
        p { a href="/foia" { (viewer.t("foia-back")) } }
        h1 { (viewer.t("foia-title")) }
        p.notice role="alert" { (err.message(viewer.lang)) }
    };
    (
        StatusCode::NOT_FOUND,
        page(viewer, viewer.t("foia-title"), body),
    )
        .into_response()
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let actor = viewer.app_actor()?;
    let shown = state
        .with_vault(&viewer.actor(), move |v| {
            Ok(uc::show(v, &actor, id.as_str(), today()))
        })
        .await?;
    let shown = match shown {
        Ok(shown) => shown,
        Err(err @ testimonio_app::AppError::NotFound { .. }) => {
            return Ok(not_found_page(&viewer, &err));
        }
        Err(err) => return Err(err.into()),
    };
    let flashed = has_flash(&headers);
    let lang = viewer.lang;
    let r = &shown.request;
    let d = &shown.deadlines;
    let sensitive = shown.sensitive;
    let none = viewer.t("common-none");
    let title = tr!(
        lang,
        "foia-page-title",
        reference = r.reference(),
        subject = r.subject().as_str()
    );
    let body = html! {
        p { a href="/foia" { (viewer.t("foia-back")) } }
        h1 { (r.subject().as_str()) " " small { (r.reference()) } }
        @if flashed { p.notice role="status" { (viewer.t("event-saved")) } }
        p {
            @let overdue = !d.overdue().is_empty();
            (flag_badge(&viewer, overdue, !overdue && !d.due_within(SOON_DAYS).is_empty()))
        }
        @if can_write(&viewer) {
            p { a.button href={ "/foia/" (r.id()) "/edit" } { (viewer.t("foia-update")) } }
            p {
                a href={ "/foia/" (r.id()) "/letter?kind=request" } download { (tr!(viewer.lang, "foia-download-request-letter")) }
                " · "
                a href={ "/foia/" (r.id()) "/letter?kind=appeal" } download { (tr!(viewer.lang, "foia-download-appeal-letter")) }
            }
        }
        (facts(&viewer, r, sensitive))
        h2 { (viewer.t("foia-request-text")) }
        @if !sensitive {
            p.hint { (viewer.t("foia-hidden")) }
        } @else if let Some(text) = r.request_text() {
            div.narrative { (text.expose()) }
        } @else {
            p { (none) }
        }
        (deadlines_section(&viewer, d))
        section aria-labelledby="timeline-heading" {
            h2 #timeline-heading { (viewer.t("foia-timeline")) }
            @let entries = timeline(&viewer, r, sensitive);
            @if entries.is_empty() {
                p { (none) }
            } @else {
                ol.foia-timeline {
                    @for e in &entries {
                        li class=(e.class) {
                            time datetime=(e.date.format("%Y-%m-%d")) { (format_day(lang, e.date)) }
                            " — " (e.text)
                        }
                    }
                }
            }
        }
        section aria-labelledby="communications-heading" {
            h2 #communications-heading { (viewer.t("foia-communications")) }
            @if r.communications().is_empty() {
                p { (viewer.t("foia-no-communications")) }
            } @else {
                @if !sensitive { p.hint { (viewer.t("foia-hidden")) } }
                div.scroll {
                    table {
                        thead { tr {
                            th scope="col" { (viewer.t("foia-comm-date")) }
                            th scope="col" { (viewer.t("foia-direction")) }
                            @if sensitive { th scope="col" { (viewer.t("foia-summary")) } }
                        } }
                        tbody {
                            @for m in r.communications() {
                                tr {
                                    td { (format_day(lang, m.date)) }
                                    td { (m.direction.label(lang)) }
                                    @if sensitive { td.narrative { (m.summary.expose()) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        (productions_section(&viewer, &shown.productions))
    };
    Ok(with_flash_cleared(
        &state,
        flashed,
        StatusCode::OK,
        page(&viewer, &title, body),
    ))
}

/// GET /foia/calendar.ics: every active request's deadlines, audited as an
/// export before it leaves.
pub async fn calendar(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    let lang = viewer.lang;
    let text = super::events::use_case(&state, &viewer, move |v, actor| {
        testimonio_app::foia::exports::calendar(
            v,
            actor,
            today(),
            chrono::Utc::now().naive_utc(),
            lang,
        )
    })
    .await?;
    Ok(crate::api::foia::calendar_response(text))
}

/// The letter asked for in the query.
#[derive(Debug, serde::Deserialize, Default)]
pub struct LetterQuery {
    #[serde(default)]
    kind: String,
}

/// GET /foia/{id}/letter?kind=request|appeal: the letter as plain text,
/// audited as an export before it leaves.
pub async fn letter(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Query(q): Query<LetterQuery>,
) -> Result<Response, AppError> {
    use testimonio_app::foia::exports::{self, LetterKind};
    let kind = LetterKind::parse(if q.kind.is_empty() {
        "request"
    } else {
        &q.kind
    })
    .ok_or(AppError::BAD_REQUEST)?;
    let lang = viewer.lang;
    let letter = super::events::use_case(&state, &viewer, move |v, actor| {
        exports::letter(v, actor, &id, kind, None, today(), lang)
    })
    .await?;
    Ok(crate::api::foia::letter_response(&letter.text, kind))
}
