//! The dashboard: counts, latest events, what needs review.

use axum::extract::State;
use maud::{Markup, html};
use testimonio_domain::{Event, Verification};
use testimonio_i18n::tr;
use testimonio_vault::{Counts, EventFilter};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{format_date, format_number};
use crate::layout::page;
use crate::state::AppState;

/// A short table of events: date, type, place, verification.
pub fn event_rows(viewer: &Viewer, events: &[Event]) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    html! {
        table.events {
            thead { tr {
                th scope="col" { (viewer.t("field-date")) }
                th scope="col" { (viewer.t("field-event-type")) }
                th scope="col" { (viewer.t("field-state")) }
                th scope="col" { (viewer.t("field-field-office")) }
                th scope="col" { (viewer.t("field-verification")) }
            } }
            tbody {
                @for e in events {
                    tr class=(e.kind().code()) {
                        td { a href={ "/events/" (e.id()) } { (format_date(lang, &e.date())) } }
                        td { (e.event_type().label(lang)) }
                        td { (e.location().state.map_or(none, |s| s.name(lang))) }
                        td { (e.field_office().map_or(none, |f| f.name(lang))) }
                        td { (e.verification().label(lang)) }
                    }
                }
            }
        }
    }
}

pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, AppError> {
    let (counts, latest, review, review_total, pending_hits): (
        Counts,
        Vec<Event>,
        Vec<Event>,
        u64,
        u64,
    ) = state
        .with_vault(&viewer.actor(), |v| {
            let counts = v.counts()?;
            let latest = v.events(&EventFilter {
                newest_first: true,
                limit: Some(10),
                ..Default::default()
            })?;
            let reported = EventFilter {
                verification: Some(Verification::Reported),
                newest_first: true,
                ..Default::default()
            };
            let review_total = v.count_events(&reported)?;
            let review = v.events(&EventFilter {
                limit: Some(5),
                ..reported
            })?;
            let pending_hits = v.pending_hit_count()?;
            Ok((counts, latest, review, review_total, pending_hits))
        })
        .await?;
    let lang = viewer.lang;
    let user = viewer.user()?;
    let card = |key: &'static str, n: u64| html! { div.card { span.count { (format_number(lang, n)) } span.label { (viewer.t(key)) } } };
    let body = html! {
        h1 { (viewer.t("dashboard-title")) }
        section.cards aria-label=(viewer.t("dashboard-title")) {
            (card("dashboard-people", counts.people))
            (card("dashboard-groups", counts.groups))
            (card("dashboard-events", counts.events))
            (card("dashboard-protected", counts.protected_activities))
            (card("dashboard-enforcement", counts.enforcement_actions))
            (card("dashboard-documents", counts.documents))
        }
        p.pending-hits {
            a href="/watchlists/hits" {
                strong { (format_number(lang, pending_hits)) } " " (tr!(lang, "dashboard-pending-hits", count = pending_hits))
            }
        }
        p.analysis-link {
            a href="/analysis" { (viewer.t("dashboard-analysis")) }
        }
        @if user.role.can_write_records() {
            p { a.button href="/events/new" { (viewer.t("dashboard-new-event")) } }
        }
        section {
            h2 { (viewer.t("dashboard-latest")) }
            (event_rows(&viewer, &latest))
        }
        section {
            h2 { (tr!(lang, "dashboard-review-count", count = review_total)) }
            p.hint { (viewer.t("dashboard-review-hint")) }
            (event_rows(&viewer, &review))
        }
    };
    Ok(page(&viewer, viewer.t("dashboard-title"), body))
}
