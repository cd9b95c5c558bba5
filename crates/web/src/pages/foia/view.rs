//! What the FOIA pages show of a request: days and counts of days, the
//! options of the selects, where a deadline stands, the timeline, the
//! facts and the sections of the request page.

use chrono::NaiveDate;
use maud::{Markup, html};
use testimonio_foia::{
    Deadline, DeadlineStatus, Deadlines, DeterminationOutcome, Direction, FederalAgency,
    FeeCategory, FoiaRequest, Outcome, Status, TollingKind,
};
use testimonio_i18n::{format, tr};
use testimonio_vault::foia::Production;

use crate::auth::Viewer;
use crate::i18n::Lang;

use super::SOON_DAYS;

/// A day for display: `3 May 2025` / `3 de mayo de 2025`.
pub(crate) fn format_day(lang: Lang, date: NaiveDate) -> String {
    format::day(lang, date)
}

/// A stored `YYYY-MM-DD` for display; anything else as it is.
pub(crate) fn format_stored_day(lang: Lang, text: &str) -> String {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_or_else(|_| text.to_owned(), |d| format_day(lang, d))
}

/// `1 day` / `3 days`, `1 día` / `3 días` (past or future alike).
pub(crate) fn days_text(lang: Lang, n: i64) -> String {
    format::days(lang, n.unsigned_abs())
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

pub(crate) fn flag_badge(viewer: &Viewer, overdue: bool, soon: bool) -> Markup {
    html! {
        @if overdue {
            span.badge.overdue { (viewer.t("foia-overdue")) }
        } @else if soon {
            span.badge.due-soon { (viewer.t("foia-due-soon")) }
        }
    }
}

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
            tr!(lang, "foia-met-on", date = format_day(lang, on))
        }
        DeadlineStatus::Met { on, late: true } => {
            tr!(lang, "foia-met-late-on", date = format_day(lang, on))
        }
        DeadlineStatus::Upcoming { days_left } => {
            tr!(lang, "foia-days-left", count = days_left.unsigned_abs())
        }
        DeadlineStatus::DueToday => viewer.t("foia-due-today").to_owned(),
        DeadlineStatus::Overdue { days_late } => {
            tr!(lang, "foia-overdue-by", days = days_text(lang, days_late))
        }
        DeadlineStatus::Reached { days_since } => {
            tr!(
                lang,
                "foia-reached-since",
                days = days_text(lang, days_since)
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
    pub(crate) date: NaiveDate,
    pub(crate) text: String,
    pub(crate) class: &'static str,
}

/// Everything dated that the request records, by date (same-day entries
/// in the order of the procedure); the summaries of communications only
/// when `sensitive` (`testimonio_app::foia::reads_sensitive`).
pub(crate) fn timeline(viewer: &Viewer, r: &FoiaRequest, sensitive: bool) -> Vec<Entry> {
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
        let text = tr!(lang, "foia-ev-expedited", outcome = x.outcome.label(lang));
        push(x.date, text, "agency");
    }
    if let Some(x) = r.fee_waiver_decision() {
        let text = tr!(lang, "foia-ev-fee-waiver", outcome = x.outcome.label(lang));
        push(x.date, text, "agency");
    }
    for p in r.tolling() {
        push(
            p.from,
            tr!(lang, "foia-ev-tolled", reason = p.kind.label(lang)),
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
        let text = tr!(
            lang,
            "foia-ev-determination",
            outcome = x.outcome.label(lang)
        );
        push(x.date, text, "agency");
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
    for m in r.communications() {
        let text = if sensitive {
            tr!(
                lang,
                "foia-ev-communication",
                direction = m.direction.label(lang),
                summary = m.summary.expose()
            )
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

/// The request's facts; the requester only when `sensitive`.
pub(crate) fn facts(viewer: &Viewer, r: &FoiaRequest, sensitive: bool) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let day = |d: Option<NaiveDate>| d.map_or_else(|| none.to_owned(), |d| format_day(lang, d));
    let decision = |d: Option<testimonio_foia::Decision>| {
        d.map_or_else(
            || none.to_owned(),
            |d| {
                tr!(
                    lang,
                    "foia-decision",
                    outcome = d.outcome.label(lang),
                    date = format_day(lang, d.date)
                )
            },
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
                @if sensitive {
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
                    " " (tr!(lang, "foia-extension-notified-note", date = format_day(lang, n)))
                }
            }
            dt { (viewer.t("foia-determination")) }
            dd {
                @if let Some(d) = r.determination() {
                    (tr!(lang, "foia-decision", outcome = d.outcome.label(lang), date = format_day(lang, d.date)))
                } @else { (none) }
            }
            @if let Some(a) = r.appeal() {
                dt { (viewer.t("foia-appeal-filed")) } dd { (format_day(lang, a.filed)) }
                dt { (viewer.t("foia-appeal-received")) } dd { (day(a.received)) }
                dt { (viewer.t("foia-appeal-decided")) } dd { (day(a.decided)) }
                @if let Some(e) = a.extension {
                    dt { (viewer.t("foia-appeal-unusual-circumstances")) }
                    dd {
                        (yes_no(viewer, true))
                        @if let Some(n) = e.notified_on {
                            " " (tr!(lang, "foia-notified-note", date = format_day(lang, n)))
                        }
                    }
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
                    h3 {
                        (tr!(lang, "foia-deadline-heading",
                            deadline = capitalized(dl.kind.label(lang)),
                            date = format_day(lang, dl.date)))
                    }
                    p {
                        span class={ "badge " (class) } { (status) }
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
                                            (Some(a), Some(b)) => { (tr!(lang, "foia-bates-range", first = a, last = b)) },
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
