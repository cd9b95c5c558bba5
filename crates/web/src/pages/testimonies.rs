//! Testimonies: `GET /testimonies` (every role: no accounts),
//! `GET /testimonies/{id}` (the account only for a viewer who may see the
//! giver's identity; that read is audited), `POST /testimonies/{id}/review`
//! (coordinators and administrators), and the section on a person's page.
//! The form is in `testimony_form.rs`.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_app::records::testimonies::{self, TestimonyHit, TestimonyView};
use testimonio_domain::RecordId;
use testimonio_i18n::tr;
use testimonio_vault::{TestimonyFilter, TestimonySummary};

use super::events::use_case;
use super::forms::{flash_saved, has_flash, path_id, with_flash_cleared};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{format_date, format_time};
use crate::layout::{csrf_field, page};
use crate::state::AppState;

fn may_write(viewer: &Viewer) -> bool {
    viewer
        .user
        .as_ref()
        .is_some_and(|u| u.role.can_write_records())
}

/// The review state in words: by whom and when, or not yet.
fn review_text(viewer: &Viewer, s: &TestimonySummary) -> Markup {
    let lang = viewer.lang;
    match &s.review {
        Some(r) => html! {
            span.reviewed { (tr!(lang, "testimony-reviewed-on", at = format_time(lang, &r.at))) }
            " " span translate="no" { (r.by) }
        },
        None => html! { span.not-reviewed { (viewer.t("testimony-not-reviewed")) } },
    }
}

/// A table of testimonies: date, person, language, review.
fn table(viewer: &Viewer, list: &[TestimonySummary], with_person: bool) -> Markup {
    let lang = viewer.lang;
    html! {
        div.scroll {
            table.testimonies {
                thead { tr {
                    th scope="col" { (viewer.t("field-date")) }
                    @if with_person { th scope="col" { (viewer.t("field-person")) } }
                    th scope="col" { (viewer.t("field-language")) }
                    th scope="col" { (viewer.t("field-review")) }
                } }
                tbody {
                    @for s in list {
                        tr {
                            th scope="row" { a href={ "/testimonies/" (s.id) } { (format_date(lang, &s.date)) } }
                            @if with_person {
                                td translate="no" { a href={ "/people/" (s.person) } { (s.pseudonym.as_str()) } }
                            }
                            td translate="no" { (s.language.as_str()) }
                            td { (review_text(viewer, s)) }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// Words to find in the accounts (roles that may read accounts only).
    pub q: String,
}

/// The search form over accounts, for roles that may read some.
fn search_form(viewer: &Viewer, q: &str) -> Markup {
    html! {
        form.search method="get" action="/testimonies" role="search" {
            label for="f-q" { (viewer.t("testimony-search-label")) }
            p.hint id="f-q-hint" { (viewer.t("testimony-search-hint")) }
            input id="f-q" name="q" type="search" value=(q) aria-describedby="f-q-hint";
            button type="submit" { (viewer.t("testimony-search-submit")) }
        }
    }
}

fn hits_table(viewer: &Viewer, hits: &[TestimonyHit]) -> Markup {
    let lang = viewer.lang;
    html! {
        h2 { (tr!(lang, "testimony-search-results", count = hits.len())) }
        div.scroll {
            table.testimonies {
                thead { tr {
                    th scope="col" { (viewer.t("field-date")) }
                    th scope="col" { (viewer.t("field-person")) }
                    th scope="col" { (viewer.t("field-account")) }
                } }
                tbody {
                    @for h in hits {
                        tr {
                            th scope="row" { a href={ "/testimonies/" (h.summary.id) } { (format_date(lang, &h.summary.date)) } }
                            td translate="no" { a href={ "/people/" (h.summary.person) } { (h.summary.pseudonym.as_str()) } }
                            td translate="no" lang=(h.summary.language.as_str()) { (h.passage.expose()) }
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
    Query(query): Query<ListQuery>,
) -> Result<Markup, AppError> {
    let q = query.q.trim().to_owned();
    let searched = q.clone();
    let (list, hits) = use_case(&state, &viewer, move |v, actor| {
        let hits = if searched.is_empty() {
            None
        } else {
            Some(testimonies::search(v, actor, &searched)?)
        };
        Ok((
            testimonies::list(v, actor, &TestimonyFilter::default())?,
            hits,
        ))
    })
    .await?;
    let title = viewer.t("testimonies-title");
    let body = html! {
        h1 { (title) }
        @if may_write(&viewer) {
            p.main-action { a.button href="/testimonies/new" { (viewer.t("testimony-new")) } }
            (search_form(&viewer, &q))
        }
        @if let Some(hits) = &hits {
            (hits_table(&viewer, hits))
        }
        p.hint { (viewer.t("testimonies-intro")) }
        @if list.is_empty() {
            p { (viewer.t("testimony-none")) }
        } @else {
            (table(&viewer, &list, true))
        }
    };
    Ok(page(&viewer, title, body))
}

/// The testimonies section of a person's page, with the link to record one.
pub(crate) fn person_section(
    viewer: &Viewer,
    person: &RecordId,
    list: &[TestimonySummary],
) -> Markup {
    html! {
        section aria-labelledby="testimonies-heading" {
            h2 #testimonies-heading { (tr!(viewer.lang, "testimonies-of-person", count = list.len())) }
            @if may_write(viewer) {
                p { a href={ "/testimonies/new?person=" (person) } { (viewer.t("testimony-record-for-person")) } }
            }
            @if !list.is_empty() {
                (table(viewer, list, false))
            }
        }
    }
}

/// The testimonies that tell of an event, on its page.
pub(crate) fn event_section(viewer: &Viewer, list: &[TestimonySummary]) -> Markup {
    html! {
        section aria-labelledby="testimonies-heading" {
            h2 #testimonies-heading { (tr!(viewer.lang, "testimonies-of-event", count = list.len())) }
            (table(viewer, list, true))
        }
    }
}

fn show_page(viewer: &Viewer, view: &TestimonyView, flashed: bool, upload_limit: u64) -> Markup {
    let lang = viewer.lang;
    let s = &view.summary;
    let title = viewer.t("testimony-title");
    let ids = |list: &[RecordId], base: &str| {
        html! {
            @for (i, id) in list.iter().enumerate() {
                @if i > 0 { ", " }
                a translate="no" href={ (base) (id) } { (id) }
            }
        }
    };
    html! {
        p { a href="/testimonies" { "← " (viewer.t("testimonies-title")) } }
        h1 { (title) " " span translate="no" { (s.id) } }
        @if flashed { p.notice role="status" { (viewer.t("event-saved")) } }
        @if may_write(viewer) && view.account.is_some() {
            p { a href={ "/testimonies/" (s.id) "/edit" } { (viewer.t("testimony-edit")) } }
        }
        @if view.may_review && s.review.is_none() {
            form.main-action method="post" action={ "/testimonies/" (s.id) "/review" } {
                (csrf_field(viewer))
                p.hint { (viewer.t("testimony-review-hint")) }
                button type="submit" { (viewer.t("testimony-review-submit")) }
            }
        }
        dl.facts {
            dt { (viewer.t("field-person")) }
            dd translate="no" { a href={ "/people/" (s.person) } { (s.pseudonym.as_str()) } }
            dt { (viewer.t("field-interviewer")) }
            dd translate="no" { (s.interviewer.as_str()) }
            dt { (viewer.t("field-date")) }
            dd { (format_date(lang, &s.date)) }
            dt { (viewer.t("field-place")) }
            dd translate="no" { (s.place.as_str()) }
            dt { (viewer.t("field-language")) }
            dd translate="no" { (s.language.as_str()) }
            dt { (viewer.t("field-consent")) }
            dd { (s.consent.label(lang)) }
            dt { (viewer.t("field-consent-effective")) }
            dd { (view.effective_consent.label(lang)) }
            @if !s.events.is_empty() {
                dt { (viewer.t("field-events")) }
                dd { (ids(&s.events, "/events/")) }
            }
            @if !s.documents.is_empty() {
                dt { (viewer.t("field-documents")) }
                dd { (ids(&s.documents, "/documents/")) }
            }
            dt { (viewer.t("field-review")) }
            dd { (review_text(viewer, s)) }
        }
        section aria-labelledby="account-heading" {
            h2 #account-heading { (viewer.t("field-account")) }
            @match &view.account {
                Some(account) => blockquote.account translate="no" lang=(s.language.as_str()) {
                    (account.expose())
                },
                None => p.withheld { (viewer.t("testimony-account-withheld")) },
            }
        }
        // Its documents come from who may read the account.
        @if may_write(viewer) && view.account.is_some() {
            section aria-labelledby="upload-heading" {
                h2 #upload-heading { (viewer.t("upload-attached-title")) }
                (super::uploads::upload_form(viewer, upload_limit, &format!("/testimonies/{}/files", s.id)))
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
    let view = use_case(&state, &viewer, move |v, actor| {
        testimonies::show(v, actor, &id)
    })
    .await?;
    let flashed = has_flash(&headers);
    let markup = page(
        &viewer,
        viewer.t("testimony-title"),
        show_page(&viewer, &view, flashed, state.config().uploads.per_file),
    );
    Ok(with_flash_cleared(&state, flashed, StatusCode::OK, markup))
}

pub async fn review(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let target = id.clone();
    use_case(&state, &viewer, move |v, actor| {
        testimonies::review(v, actor, &target)
    })
    .await?;
    Ok((
        [(header::SET_COOKIE, flash_saved(&state))],
        Redirect::to(&format!("/testimonies/{id}")),
    )
        .into_response())
}
