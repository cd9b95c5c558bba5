//! People mentioned in evidence: the pages on which a person's legal name,
//! an alias or their A-number was found, without anyone searching for
//! them.
//!
//! - The section on a person's page (only when the viewer may see that
//!   person's identity: the page loads it only then).
//! - GET /mentions (writers): the review queue — hits of the people whose
//!   identity this account may see, nobody else's, not even counted.
//! - POST /mentions/{id} (writers): confirm or dismiss one.
//!
//! Every read goes through `testimonio_app::evidence::mentions`, which
//! audits it as an identity read of each person named. Nothing here shows
//! the text that matched, only which kind of field did.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use testimonio_app::AppError as UseCaseError;
use testimonio_app::evidence::mentions::{self, kind_label, status_label};
use testimonio_i18n::tr;
use testimonio_vault::{ConflictKind, Mention, MentionStatus};

use super::events::use_case;
use super::forms::{flash_saved, has_flash, with_flash_cleared};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::layout::{csrf_field, page};
use crate::state::AppState;

/// "«document» page 37", linking to the page.
fn page_link(viewer: &Viewer, m: &Mention) -> Markup {
    let name = m.title.as_deref().unwrap_or(m.document.as_str());
    html! {
        a href={ "/documents/" (m.document) "/pages/" (m.page) } {
            (tr!(viewer.lang, "mention-where", document = name, page = m.page))
        }
    }
}

/// The confirm and dismiss buttons of a pending hit.
fn review_buttons(viewer: &Viewer, m: &Mention) -> Markup {
    html! {
        form.inline method="post" action={ "/mentions/" (m.id) } {
            (csrf_field(viewer))
            button type="submit" name="status" value="confirmed" { (viewer.t("mention-confirm")) }
            " "
            button type="submit" name="status" value="dismissed" { (viewer.t("mention-dismiss")) }
        }
    }
}

/// The section of a person's page: where they are mentioned. Only called
/// for a viewer who may see the person's identity.
pub(crate) fn person_section(viewer: &Viewer, found: &[Mention], can_write: bool) -> Markup {
    let lang = viewer.lang;
    html! {
        section aria-labelledby="mentions-heading" {
            h2 #mentions-heading { (viewer.t("mention-heading")) }
            @if found.is_empty() {
                p { (viewer.t("mention-none")) }
            } @else {
                ul.mentions {
                    @for m in found {
                        li {
                            (page_link(viewer, m))
                            " — " (kind_label(lang, m.kind))
                            " — " (status_label(lang, m.status))
                            @if can_write && m.status == MentionStatus::Pending {
                                " " (review_buttons(viewer, m))
                            }
                        }
                    }
                }
            }
            p.hint { (viewer.t("mention-hint")) }
        }
    }
}

// ---------------------------------------------------------------------------
// GET /mentions

pub async fn queue(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let found = use_case(&state, &viewer, |v, actor| mentions::queue(v, actor, false)).await?;
    let lang = viewer.lang;
    let flashed = has_flash(&headers);
    let body = html! {
        h1 { (tr!(lang, "mention-queue-heading", count = found.len())) }
        p.hint { (viewer.t("mention-hint")) }
        @if found.is_empty() {
            p { (viewer.t("mention-queue-none")) }
        } @else {
            div.scroll {
                table.mentions {
                    thead { tr {
                        th scope="col" { (viewer.t("field-pseudonym")) }
                        th scope="col" { (viewer.t("mention-column-where")) }
                        th scope="col" { (viewer.t("mention-column-kind")) }
                        th scope="col" { (viewer.t("mention-column-review")) }
                    } }
                    tbody {
                        @for m in &found {
                            tr {
                                th scope="row" translate="no" { a href={ "/people/" (m.person) } { (m.pseudonym) } }
                                td { (page_link(&viewer, m)) }
                                td { (kind_label(lang, m.kind)) }
                                td { (review_buttons(&viewer, m)) }
                            }
                        }
                    }
                }
            }
        }
    };
    let markup = page(&viewer, viewer.t("mention-queue-title"), body);
    Ok(with_flash_cleared(&state, flashed, StatusCode::OK, markup))
}

// ---------------------------------------------------------------------------
// POST /mentions/{id}

#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReviewForm {
    pub status: String,
}

fn mention_id(id: &str) -> Result<i64, AppError> {
    if id.is_empty() || id.starts_with('0') || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::NOT_FOUND);
    }
    id.parse::<i64>().map_err(|_| AppError::NOT_FOUND)
}

pub async fn review(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<ReviewForm>,
) -> Result<Response, AppError> {
    let id = mention_id(&id)?;
    let status = match MentionStatus::parse(&form.status) {
        Some(s @ (MentionStatus::Confirmed | MentionStatus::Dismissed)) => s,
        _ => return Err(AppError::BAD_REQUEST),
    };
    let reviewed = use_case(&state, &viewer, move |v, actor| {
        match mentions::review(v, actor, id, status) {
            Ok(()) => Ok(true),
            // Reviewed by someone else meanwhile: nothing to do.
            Err(UseCaseError::Conflict(ConflictKind::MentionReviewed { .. })) => Ok(false),
            Err(e) => Err(e),
        }
    })
    .await?;
    if reviewed {
        Ok((
            [(axum::http::header::SET_COOKIE, flash_saved(&state))],
            Redirect::to("/mentions"),
        )
            .into_response())
    } else {
        Ok(Redirect::to("/mentions").into_response())
    }
}
