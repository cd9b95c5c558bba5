//! Groups: the list, and one group with its members and its events.

use axum::extract::{Path, State};
use maud::{Markup, html};
use testimonio_domain::{Event, Group};
use testimonio_vault::{EventFilter, PeopleFilter, PersonSummary};

use super::forms::{events_table, path_id};
use super::people::people_table;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::format_number;
use crate::layout::{encode_path, page};
use crate::state::AppState;

/// Events shown on a group's page; the rest are one link away.
const GROUP_EVENTS: u64 = 50;

// ---------------------------------------------------------------------------
// GET /groups

pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Markup, AppError> {
    let (groups, people) = state
        .with_vault(&viewer.actor(), |v| {
            Ok((v.groups()?, v.people(&PeopleFilter::default())?))
        })
        .await?;
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let members = |g: &Group| people.iter().filter(|p| p.groups.contains(&g.id)).count() as u64;
    let body = html! {
        h1 { (viewer.t("groups-title")) " (" (format_number(lang, groups.len() as u64)) ")" }
        @if groups.is_empty() {
            p { (viewer.t("groups-none")) }
        } @else {
            div.scroll {
                table.groups {
                    thead { tr {
                        th scope="col" { (viewer.t("field-name")) }
                        th scope="col" { (viewer.t("field-city")) }
                        th scope="col" { (viewer.t("field-state")) }
                        th scope="col" { (viewer.t("group-members")) }
                    } }
                    tbody {
                        @for g in &groups {
                            tr {
                                th scope="row" { a href={ "/groups/" (g.id) } { (g.name.as_str()) } }
                                td { (g.city.as_ref().map_or(none, |c| c.as_str())) }
                                td { (g.state.map_or(none, |s| s.name(lang))) }
                                td { (format_number(lang, members(g))) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&viewer, viewer.t("groups-title"), body))
}

// ---------------------------------------------------------------------------
// GET /groups/{id}

struct GroupData {
    group: Group,
    groups: Vec<Group>,
    members: Vec<PersonSummary>,
    events: Vec<Event>,
    total_events: u64,
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Markup, AppError> {
    let id = path_id(&id)?;
    let data = state
        .with_vault(&viewer.actor(), move |v| {
            let groups = v.groups()?;
            let group = groups
                .iter()
                .find(|g| g.id == id)
                .cloned()
                .ok_or(AppError::NOT_FOUND)?;
            let members = v.people(&PeopleFilter {
                group: Some(id.clone()),
                ..PeopleFilter::default()
            })?;
            let filter = EventFilter {
                group: Some(id),
                ..EventFilter::default()
            };
            let total_events = v.count_events(&filter)?;
            // The newest ones: the last slice of the oldest-first order.
            let mut events = if total_events == 0 {
                Vec::new()
            } else {
                v.events(&EventFilter {
                    offset: total_events.saturating_sub(GROUP_EVENTS) as usize,
                    limit: Some(GROUP_EVENTS as usize),
                    ..filter
                })?
            };
            events.reverse();
            Ok(GroupData {
                group,
                groups,
                members,
                events,
                total_events,
            })
        })
        .await?;
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let g = &data.group;
    let body = html! {
        p { a href="/groups" { "← " (viewer.t("groups-title")) } }
        h1 { (g.name.as_str()) }
        dl.facts {
            dt { (viewer.t("field-id")) } dd { code { (g.id) } }
            dt { (viewer.t("field-city")) } dd { (g.city.as_ref().map_or(none, |c| c.as_str())) }
            dt { (viewer.t("field-state")) } dd { (g.state.map_or(none, |s| s.name(lang))) }
        }
        section aria-labelledby="members-heading" {
            h2 #members-heading { (viewer.t("group-members")) " (" (format_number(lang, data.members.len() as u64)) ")" }
            @if data.members.is_empty() {
                p { (viewer.t("group-no-members")) }
            } @else {
                (people_table(&viewer, &data.members, &data.groups))
            }
        }
        section aria-labelledby="group-events-heading" {
            h2 #group-events-heading { (viewer.t("group-events")) " (" (format_number(lang, data.total_events)) ")" }
            @if data.events.is_empty() {
                p { (viewer.t("events-none")) }
            } @else {
                @if data.total_events > GROUP_EVENTS {
                    p.hint { (viewer.t("group-latest-shown")) }
                }
                (events_table(&viewer, &data.events, None, false))
                p { a href={ "/events?group=" (encode_path(g.id.as_str())) } { (viewer.t("group-all-events")) } }
            }
        }
    };
    let title = format!("{} · {}", g.name, viewer.t("group-title"));
    Ok(page(&viewer, &title, body))
}
