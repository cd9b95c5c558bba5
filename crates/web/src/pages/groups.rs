//! Groups: the list, and one group with its members and its events.

use axum::extract::{Path, State};
use maud::{Markup, html};
use testimonio_app::records::{groups, people};
use testimonio_domain::Group;
use testimonio_i18n::tr;
use testimonio_vault::PeopleFilter;

use super::events::use_case;
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
    let (groups, people) = use_case(&state, &viewer, |v, actor| {
        Ok((
            groups::list(v, actor)?,
            people::list(v, actor, &PeopleFilter::default())?,
        ))
    })
    .await?;
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    let members = |g: &Group| people.iter().filter(|p| p.groups.contains(&g.id)).count() as u64;
    let body = html! {
        h1 { (tr!(lang, "records-groups-heading", count = groups.len())) }
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

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Markup, AppError> {
    let id = path_id(&id)?;
    let (data, groups) = use_case(&state, &viewer, move |v, actor| {
        Ok((
            groups::show(v, actor, &id, GROUP_EVENTS)?,
            groups::list(v, actor)?,
        ))
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
            h2 #members-heading { (tr!(lang, "records-group-members-heading", count = data.members.len())) }
            @if data.members.is_empty() {
                p { (viewer.t("group-no-members")) }
            } @else {
                (people_table(&viewer, &data.members, &groups))
            }
        }
        section aria-labelledby="group-events-heading" {
            h2 #group-events-heading { (tr!(lang, "records-group-events-heading", count = data.total_events)) }
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
    let title = tr!(lang, "records-group-page-title", name = g.name.as_str());
    Ok(page(&viewer, &title, body))
}
