//! FOIA requests: the list with overdue and due-soon requests highlighted
//! (GET /foia), one request with every deadline explained, its timeline,
//! communications and productions (GET /foia/{id}), and the form that
//! records or updates a request (GET /foia/new, POST /foia,
//! GET /foia/{id}/edit, POST /foia/{id}).
//!
//! The form maps field by field onto `FoiaRequestParts`, so that nothing a
//! request holds is lost by editing it; `FoiaRequest::new` checks it and
//! its messages are shown next to their fields in the user's language.
//!
//! The request text, the requester and the summaries of communications
//! are `Sensitive` (a request for someone's A-file names that person):
//! like identity fields they are never shown to analysts or viewers.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use maud::{Markup, html};
use testimonio_domain::PartialDate;
use testimonio_foia::{
    Deadline, DeadlineKind, DeadlineStatus, Deadlines, DeterminationOutcome, Direction,
    FederalAgency, FeeCategory, FoiaRequest, Outcome, Status, TollingKind, deadlines,
};
use testimonio_vault::foia::Production;

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{Lang, format_date, format_number, t};
use crate::layout::page;
use crate::state::AppState;

use super::forms::*;

/// A deadline this many days away or fewer is "due soon" in the list.
pub const SOON_DAYS: u32 = 7;

/// Most rows of tolling periods or communications one form may carry.
pub const MAX_ROWS: usize = 500;

/// Today, on the server's clock: the day deadlines are computed for and
/// the latest day a form may record.
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A day for display: `3 May 2025` / `3 de mayo de 2025`.
pub(crate) fn format_day(lang: Lang, date: NaiveDate) -> String {
    match PartialDate::from_day("date", date) {
        Ok(d) => format_date(lang, &d),
        Err(_) => date.format("%Y-%m-%d").to_string(),
    }
}

/// A stored `YYYY-MM-DD` for display; anything else as it is.
pub(crate) fn format_stored_day(lang: Lang, text: &str) -> String {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_or_else(|_| text.to_owned(), |d| format_day(lang, d))
}

/// `1 day` / `3 days`, `1 día` / `3 días`.
pub(crate) fn days_text(lang: Lang, n: i64) -> String {
    let unit = if n.unsigned_abs() == 1 {
        t(lang, "foia-day")
    } else {
        t(lang, "foia-days")
    };
    format!("{} {unit}", format_number(lang, n.unsigned_abs()))
}

/// Whether the viewer may read the sensitive fields of a request: not an
/// analyst or a viewer.
pub(crate) fn sees_sensitive(viewer: &Viewer) -> bool {
    viewer
        .user
        .as_ref()
        .is_some_and(|u| !u.role.is_pseudonymous_only())
}

pub(crate) fn can_write(viewer: &Viewer) -> bool {
    viewer
        .user
        .as_ref()
        .is_some_and(|u| u.role.can_write_records())
}

/// `determination due` → `Determination due`.
pub(crate) fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

pub(crate) fn federal_agency_options(lang: Lang) -> Vec<(String, String)> {
    FederalAgency::all()
        .map(|a| (a.code().to_owned(), a.name(lang).to_owned()))
        .collect()
}

pub(crate) fn status_options(lang: Lang) -> Vec<(String, String)> {
    Status::ALL
        .iter()
        .map(|s| (s.code().to_owned(), s.label(lang).to_owned()))
        .collect()
}

pub(crate) fn fee_category_options(lang: Lang) -> Vec<(String, String)> {
    FeeCategory::ALL
        .iter()
        .map(|f| (f.code().to_owned(), f.label(lang).to_owned()))
        .collect()
}

pub(crate) fn outcome_options(lang: Lang) -> Vec<(String, String)> {
    Outcome::ALL
        .iter()
        .map(|o| (o.code().to_owned(), o.label(lang).to_owned()))
        .collect()
}

pub(crate) fn determination_options(lang: Lang) -> Vec<(String, String)> {
    DeterminationOutcome::ALL
        .iter()
        .map(|o| (o.code().to_owned(), o.label(lang).to_owned()))
        .collect()
}

pub(crate) fn tolling_options(lang: Lang) -> Vec<(String, String)> {
    TollingKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), capitalized(k.label(lang))))
        .collect()
}

pub(crate) fn direction_options(lang: Lang) -> Vec<(String, String)> {
    Direction::ALL
        .iter()
        .map(|d| (d.code().to_owned(), d.label(lang).to_owned()))
        .collect()
}

// ---------------------------------------------------------------------------
// GET /foia

/// One request of the list, with where its deadlines stand today.
pub(crate) struct Row {
    pub(crate) request: FoiaRequest,
    pub(crate) overdue: bool,
    pub(crate) soon: bool,
    pub(crate) next: Option<(DeadlineKind, NaiveDate)>,
}

impl Row {
    pub(crate) fn new(request: FoiaRequest, today: NaiveDate) -> Self {
        let d = deadlines(&request, today);
        let overdue = !d.overdue().is_empty();
        let soon = !overdue && !d.due_within(SOON_DAYS).is_empty();
        let next = next_deadline(&d);
        Self {
            request,
            overdue,
            soon,
            next,
        }
    }
}

/// The earliest deadline an active request still has to meet (overdue
/// ones included). The day from which the requester may sue is a right,
/// not a deadline, and is left out.
pub(crate) fn next_deadline(d: &Deadlines) -> Option<(DeadlineKind, NaiveDate)> {
    if !d.active {
        return None;
    }
    d.iter()
        .filter(|x| x.met_on.is_none() && x.kind != DeadlineKind::MaySue)
        .map(|x| (x.kind, x.date))
        .min_by_key(|(_, date)| *date)
}

/// Overdue first, then by next deadline (requests without one last), then
/// by id.
pub(crate) fn sort_rows(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        let key = |r: &Row| {
            (
                !r.overdue,
                r.next.is_none(),
                r.next.map(|n| n.1),
                r.request.id().to_string(),
            )
        };
        key(a).cmp(&key(b))
    });
}

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

pub(crate) fn is_checked(value: &str) -> bool {
    !matches!(value.trim(), "" | "0" | "false" | "off")
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

    fn keep(&self, row: &Row) -> bool {
        let flagged = match (self.overdue, self.soon) {
            (false, false) => true,
            (overdue, soon) => (overdue && row.overdue) || (soon && row.soon),
        };
        flagged
            && self.agency_code.is_none_or(|a| row.request.agency() == a)
            && self.status_code.is_none_or(|s| row.request.status() == s)
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

pub(crate) fn flag_badge(viewer: &Viewer, overdue: bool, soon: bool) -> Markup {
    html! {
        @if overdue {
            span.badge.overdue { (viewer.t("foia-overdue")) }
        } @else if soon {
            span.badge.due-soon { (viewer.t("foia-due-soon")) }
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
    let today = today();
    let requests = state
        .with_vault(&viewer.actor(), |v| Ok(v.foias()?))
        .await?;
    let total = requests.len() as u64;
    let mut rows: Vec<Row> = requests
        .into_iter()
        .map(|r| Row::new(r, today))
        .filter(|r| filters.keep(r))
        .collect();
    sort_rows(&mut rows);
    let none = viewer.t("common-none");
    let body = html! {
        h1 { (viewer.t("foia-title")) }
        p.hint { (viewer.t("foia-intro")) }
        @if can_write(&viewer) {
            p { a.button href="/foia/new" { (viewer.t("foia-new")) } }
        }
        (error_summary(&viewer, &errors))
        (filter_form(&viewer, &filters, &errors))
        p role="status" {
            strong { (format_number(lang, rows.len() as u64)) } " " (viewer.t("foia-count"))
            @if (rows.len() as u64) < total {
                " (" (viewer.t("foia-of-total")) " " (format_number(lang, total)) ")"
            }
        }
        @if rows.is_empty() {
            p { (viewer.t("foia-none")) }
        } @else {
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
                        @for row in &rows {
                            @let r = &row.request;
                            @let class = if row.overdue { Some("overdue") } else if row.soon { Some("due-soon") } else { None };
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
                                td { (flag_badge(&viewer, row.overdue, row.soon)) }
                            }
                        }
                    }
                }
            }
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

/// Where a deadline stands, in words, and the class that colours it.
pub(crate) fn deadline_status(
    viewer: &Viewer,
    d: &Deadline,
    today: NaiveDate,
    active: bool,
) -> (String, &'static str) {
    let lang = viewer.lang;
    let status = d.status(today);
    let text = match status {
        DeadlineStatus::Met { on, late: false } => {
            format!("{} {}", viewer.t("foia-met-on"), format_day(lang, on))
        }
        DeadlineStatus::Met { on, late: true } => {
            format!("{} {}", viewer.t("foia-met-late-on"), format_day(lang, on))
        }
        DeadlineStatus::Upcoming { days_left } => {
            format!(
                "{} {}",
                viewer.t("foia-days-left"),
                days_text(lang, days_left)
            )
        }
        DeadlineStatus::DueToday => viewer.t("foia-due-today").to_owned(),
        DeadlineStatus::Overdue { days_late } => {
            format!(
                "{} {}",
                viewer.t("foia-overdue-by"),
                days_text(lang, days_late)
            )
        }
        DeadlineStatus::Reached { days_since } => {
            format!(
                "{} {}",
                viewer.t("foia-reached-since"),
                days_text(lang, days_since)
            )
        }
    };
    let class = match status {
        _ if !active => "inactive",
        DeadlineStatus::Met { .. } => "met",
        DeadlineStatus::Overdue { .. } => "overdue",
        DeadlineStatus::Reached { .. } => "reached",
        DeadlineStatus::DueToday => "due-soon",
        DeadlineStatus::Upcoming { .. } if d.is_due_within(today, SOON_DAYS) => "due-soon",
        DeadlineStatus::Upcoming { .. } => "upcoming",
    };
    (text, class)
}

/// One dated line of the timeline.
pub(crate) struct Entry {
    date: NaiveDate,
    text: String,
    class: &'static str,
}

/// Everything dated that the request records, by date (same-day entries
/// in the order of the procedure).
pub(crate) fn timeline(viewer: &Viewer, r: &FoiaRequest) -> Vec<Entry> {
    let lang = viewer.lang;
    let mut out = Vec::new();
    let mut push = |date: NaiveDate, text: String, class: &'static str| {
        out.push(Entry { date, text, class });
    };
    if let Some(d) = r.date_sent() {
        push(d, viewer.t("foia-ev-sent").to_owned(), "out");
    }
    if let Some(d) = r.date_received() {
        push(d, viewer.t("foia-ev-received").to_owned(), "agency");
    }
    if let Some(d) = r.date_perfected() {
        push(d, viewer.t("foia-ev-perfected").to_owned(), "agency");
    }
    if let Some(x) = r.expedited_decision() {
        push(
            x.date,
            format!(
                "{}: {}",
                viewer.t("foia-expedited-outcome"),
                x.outcome.label(lang)
            ),
            "agency",
        );
    }
    if let Some(x) = r.fee_waiver_decision() {
        push(
            x.date,
            format!(
                "{}: {}",
                viewer.t("foia-fee-waiver-outcome"),
                x.outcome.label(lang)
            ),
            "agency",
        );
    }
    for p in r.tolling() {
        push(
            p.from,
            format!("{}: {}", viewer.t("foia-ev-tolled"), p.kind.label(lang)),
            "tolled",
        );
        if let Some(to) = p.to {
            push(to, viewer.t("foia-ev-restarted").to_owned(), "tolled");
        }
    }
    if let Some(n) = r.extension().and_then(|e| e.notified_on) {
        push(n, viewer.t("foia-ev-extension").to_owned(), "agency");
    }
    if let Some(x) = r.determination() {
        push(
            x.date,
            format!(
                "{}: {}",
                viewer.t("foia-determination"),
                x.outcome.label(lang)
            ),
            "agency",
        );
    }
    if let Some(a) = r.appeal() {
        push(a.filed, viewer.t("foia-appeal-filed").to_owned(), "out");
        if let Some(d) = a.received {
            push(d, viewer.t("foia-appeal-received").to_owned(), "agency");
        }
        if let Some(n) = a.extension.and_then(|e| e.notified_on) {
            push(n, viewer.t("foia-ev-appeal-extension").to_owned(), "agency");
        }
        if let Some(d) = a.decided {
            push(d, viewer.t("foia-appeal-decided").to_owned(), "agency");
        }
    }
    let sensitive = sees_sensitive(viewer);
    for m in r.communications() {
        let text = if sensitive {
            format!("{}: {}", m.direction.label(lang), m.summary.expose())
        } else {
            m.direction.label(lang).to_owned()
        };
        let class = match m.direction {
            Direction::In => "agency",
            Direction::Out => "out",
        };
        push(m.date, text, class);
    }
    out.sort_by_key(|e| e.date);
    out
}

pub(crate) fn yes_no(viewer: &Viewer, value: bool) -> &'static str {
    if value {
        viewer.t("common-yes")
    } else {
        viewer.t("common-no")
    }
}

pub(crate) fn facts(viewer: &Viewer, r: &FoiaRequest) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let day = |d: Option<NaiveDate>| d.map_or_else(|| none.to_owned(), |d| format_day(lang, d));
    let decision = |d: Option<testimonio_foia::Decision>| {
        d.map_or_else(
            || none.to_owned(),
            |d| format!("{}, {}", d.outcome.label(lang), format_day(lang, d.date)),
        )
    };
    html! {
        dl.facts {
            dt { (viewer.t("foia-id")) } dd { code { (r.id()) } }
            dt { (viewer.t("foia-tracking-number")) } dd { (r.tracking_number().map_or(none, |x| x.as_str())) }
            dt { (viewer.t("foia-agency")) } dd { (r.agency().name(lang)) }
            dt { (viewer.t("foia-component")) } dd { (r.component().map_or(none, |x| x.as_str())) }
            dt { (viewer.t("foia-status")) } dd { (r.status().label(lang)) }
            dt { (viewer.t("foia-requester")) }
            dd {
                @if sees_sensitive(viewer) {
                    (r.requester().map_or(none, |x| x.expose()))
                } @else {
                    span.hint { (viewer.t("foia-hidden")) }
                }
            }
            dt { (viewer.t("foia-date-sent")) } dd { (day(r.date_sent())) }
            dt { (viewer.t("foia-date-received")) } dd { (day(r.date_received())) }
            dt { (viewer.t("foia-date-perfected")) } dd { (day(r.date_perfected())) }
            dt { (viewer.t("foia-expedited-requested")) } dd { (yes_no(viewer, r.expedited_requested())) }
            dt { (viewer.t("foia-expedited-outcome")) } dd { (decision(r.expedited_decision())) }
            dt { (viewer.t("foia-fee-category")) } dd { (r.fee_category().map_or(none, |f| f.label(lang))) }
            dt { (viewer.t("foia-fee-waiver-requested")) } dd { (yes_no(viewer, r.fee_waiver_requested())) }
            dt { (viewer.t("foia-fee-waiver-outcome")) } dd { (decision(r.fee_waiver_decision())) }
            dt { (viewer.t("foia-unusual-circumstances")) }
            dd {
                (yes_no(viewer, r.extension().is_some()))
                @if let Some(n) = r.extension().and_then(|e| e.notified_on) {
                    " (" (viewer.t("foia-extension-notified")) ": " (format_day(lang, n)) ")"
                }
            }
            dt { (viewer.t("foia-determination")) }
            dd {
                @if let Some(d) = r.determination() {
                    (d.outcome.label(lang)) ", " (format_day(lang, d.date))
                } @else { (none) }
            }
            @if let Some(a) = r.appeal() {
                dt { (viewer.t("foia-appeal-filed")) } dd { (format_day(lang, a.filed)) }
                dt { (viewer.t("foia-appeal-received")) } dd { (day(a.received)) }
                dt { (viewer.t("foia-appeal-decided")) } dd { (day(a.decided)) }
                @if let Some(e) = a.extension {
                    dt { (viewer.t("foia-appeal-unusual-circumstances")) }
                    dd { (yes_no(viewer, true)) @if let Some(n) = e.notified_on { " (" (format_day(lang, n)) ")" } }
                }
            }
            dt { (viewer.t("foia-appeal-window-days")) } dd { (days_text(lang, i64::from(r.appeal_window().days()))) }
        }
    }
}

pub(crate) fn deadlines_section(viewer: &Viewer, d: &Deadlines) -> Markup {
    let lang = viewer.lang;
    html! {
        section.deadlines aria-labelledby="deadlines-heading" {
            h2 #deadlines-heading { (viewer.t("foia-deadlines")) }
            @if !d.active {
                p.hint { (viewer.t("foia-inactive")) }
            }
            @if d.iter().next().is_none() {
                p { (viewer.t("foia-no-deadlines")) }
            }
            @for dl in d.iter() {
                @let (status, class) = deadline_status(viewer, dl, d.today, d.active);
                section.deadline class=(class) {
                    h3 { (capitalized(dl.kind.label(lang))) ": " (format_day(lang, dl.date)) }
                    p {
                        span.badge class=(class) { (status) }
                        @if dl.provisional { " " span.hint { (viewer.t("foia-provisional")) } }
                    }
                    div.explanation {
                        @for line in dl.explanation.describe(lang).lines() {
                            p { (line) }
                        }
                    }
                }
            }
        }
    }
}

pub(crate) fn productions_section(viewer: &Viewer, productions: &[Production]) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    html! {
        section aria-labelledby="productions-heading" {
            h2 #productions-heading { (viewer.t("foia-productions")) }
            @if productions.is_empty() {
                p { (viewer.t("foia-no-productions")) }
            } @else {
                div.scroll {
                    table {
                        thead { tr {
                            th scope="col" { (viewer.t("foia-document")) }
                            th scope="col" { (viewer.t("foia-bates")) }
                            th scope="col" { (viewer.t("foia-produced-on")) }
                        } }
                        tbody {
                            @for p in productions {
                                tr {
                                    td { code { (p.document_id) } }
                                    td {
                                        @match (&p.bates_first, &p.bates_last) {
                                            (Some(a), Some(b)) => { (a) " – " (b) },
                                            (Some(a), None) | (None, Some(a)) => { (a) },
                                            (None, None) => { (none) },
                                        }
                                    }
                                    td { (p.received_on.as_deref().map_or_else(|| none.to_owned(), |d| format_stored_day(lang, d))) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (request, productions) = state
        .with_vault(&viewer.actor(), move |v| {
            let request = v.foia(id.as_str())?.ok_or(AppError::NOT_FOUND)?;
            let productions = v.foia_productions(id.as_str())?;
            Ok((request, productions))
        })
        .await?;
    let flashed = has_flash(&headers);
    let lang = viewer.lang;
    let r = &request;
    let d = deadlines(r, today());
    let sensitive = sees_sensitive(&viewer);
    let none = viewer.t("common-none");
    let title = format!("{} · {}", r.reference(), r.subject().as_str());
    let body = html! {
        p { a href="/foia" { "← " (viewer.t("foia-title")) } }
        h1 { (r.subject().as_str()) " " small { (r.reference()) } }
        @if flashed { p.notice role="status" { (viewer.t("event-saved")) } }
        p {
            @let overdue = !d.overdue().is_empty();
            (flag_badge(&viewer, overdue, !overdue && !d.due_within(SOON_DAYS).is_empty()))
        }
        @if can_write(&viewer) {
            p { a.button href={ "/foia/" (r.id()) "/edit" } { (viewer.t("foia-update")) } }
        }
        (facts(&viewer, r))
        h2 { (viewer.t("foia-request-text")) }
        @if !sensitive {
            p.hint { (viewer.t("foia-hidden")) }
        } @else if let Some(text) = r.request_text() {
            div.narrative { (text.expose()) }
        } @else {
            p { (none) }
        }
        (deadlines_section(&viewer, &d))
        section aria-labelledby="timeline-heading" {
            h2 #timeline-heading { (viewer.t("foia-timeline")) }
            @let entries = timeline(&viewer, r);
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
        (productions_section(&viewer, &productions))
    };
    Ok(with_flash_cleared(
        &state,
        flashed,
        StatusCode::OK,
        page(&viewer, &title, body),
    ))
}
