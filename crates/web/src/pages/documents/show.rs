//! GET /documents/{id}: one document with its pages, attachments and
//! custody log.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::evidence::DocumentView;
use testimonio_app::evidence::documents;
use testimonio_i18n::{format, tr};
use testimonio_vault::{CustodyEvent, PageSummary};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::format_number;
use crate::layout::page;
use crate::state::AppState;

use super::super::foia::format_stored_day;
use super::{
    custody_action, display_name, document_id, format_confidence, format_time, status_badge,
};

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
                @if !d.status_detail.is_empty() { " " span.detail { (testimonio_i18n::tr!(viewer.lang, "evidence-extraction-detail", detail = d.status_detail.as_str())) } }
            }
            dt { (viewer.t("documents-source")) } dd { (d.source_kind.map_or(none, |k| k.label(lang))) }
            dt { (viewer.t("documents-custodian")) } dd { (d.custodian.as_deref().unwrap_or(none)) }
            dt { (viewer.t("documents-obtained-on")) }
            dd { (d.obtained_on.as_deref().map_or_else(|| none.to_owned(), |o| format_stored_day(lang, o))) }
            @if let Some(date) = d.date {
                // The document's own date, which search filters by, and where it was read.
                dt { (viewer.t("documents-own-date-label")) }
                dd { (tr!(lang, "search-hit-date", date = format::day(lang, date.date), source = date.source.label(lang))) }
            }
            dt { (viewer.t("documents-media-type")) } dd { code { (d.media_type.as_deref().unwrap_or(none)) } }
            dt { (viewer.t("documents-size")) }
            dd { (format::file_size(lang, d.size)) " (" (tr!(lang, "unit-bytes", count = d.size)) ")" }
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
                    th scope="col" { (viewer.t("documents-decision")) }
                    th scope="col" class="num" { (viewer.t("documents-chars")) }
                    th scope="col" class="num" { (viewer.t("documents-confidence")) }
                    th scope="col" { (viewer.t("documents-bates")) }
                    th scope="col" { (viewer.t("documents-problem")) }
                } }
                tbody {
                    @for p in pages {
                        tr class=[p.problem.as_ref().map(|_| "problem")] {
                            td { a href={ "/documents/" (id) "/pages/" (p.number) } { (tr!(lang, "documents-page-number", page = p.number)) } }
                            td { (p.method.label(lang)) }
                            // Why the page reads as it does (PDF pages).
                            td { (p.decision.map_or("", |d| d.label(lang))) }
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
    let actor = viewer.app_actor()?;
    let (view, capture) = state
        .with_vault(&viewer.actor(), move |v| {
            let view = documents::show(v, &actor, &id)?;
            let capture = testimonio_app::evidence::upload::capture(v, &actor, &id)?;
            Ok((view, capture))
        })
        .await?;
    let lang = viewer.lang;
    let d = &view.info;
    let name = display_name(d);
    let body = html! {
        p { a href="/documents" { "← " (viewer.t("documents-title")) } }
        h1.doc-title { (name) }
        (facts(&viewer, &view))
        @if let Some(capture) = &capture {
            (capture_section(&viewer, capture))
        }
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
                            (tr!(lang, "documents-page-count", count = a.page_count))
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

/// Where and when a photo was taken, for the roles that see identities
/// (the use case returns nothing to anyone else; the read was audited).
fn capture_section(viewer: &Viewer, capture: &testimonio_vault::CaptureMetadata) -> Markup {
    let lang = viewer.lang;
    let none = viewer.t("common-none");
    html! {
        section aria-labelledby="capture-heading" {
            h2 #capture-heading { (tr!(lang, "upload-capture-title")) }
            p.hint { (tr!(lang, "upload-capture-hint")) }
            dl.facts {
                dt { (tr!(lang, "upload-capture-when")) }
                dd translate="no" { (capture.captured_at.as_deref().unwrap_or(none)) }
                dt { (tr!(lang, "upload-capture-where")) }
                dd translate="no" {
                    @match capture.position() {
                        Some((lat, lon)) => (format!("{lat:.6}, {lon:.6}")),
                        None => (none),
                    }
                }
                dt { (tr!(lang, "upload-capture-device")) }
                dd translate="no" { (capture.device.as_deref().unwrap_or(none)) }
            }
        }
    }
}
