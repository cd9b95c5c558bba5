//! Uploads from a phone or a browser: the file field on the documents,
//! event and person pages, and the page that tells the uploader what
//! became of each file. Receiving is in `crate::upload`; recording is the
//! use case `testimonio_app::evidence::upload::record`.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use testimonio_app::evidence::upload::{
    self, NotReceived, UploadContext, UploadRun, UploadTarget, UploadedFile,
};
use testimonio_i18n::{format, tr};
use testimonio_ingest::{FileOutcome, IngestOptions};
use testimonio_vault::DocumentInfo;

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::layout::page;
use crate::state::AppState;
use crate::upload::receive;

use super::documents::display_name;
use super::events::use_case;

/// What a phone offers for the field: the camera and gallery for photos
/// and videos, recordings, and documents.
const ACCEPT: &str = "image/*,audio/*,video/*,application/pdf,message/rfc822,.eml,.mbox,.msg,.pdf,.txt,.html,.tif,.tiff,.zip,application/zip,.docx,.odt,.rtf,.doc,.xlsx,.ods,.xls";

/// The file field and its button, posting to `action`. The CSRF token
/// rides in the action's query: the body is streamed to the handler,
/// never read by the guard.
pub(crate) fn upload_form(viewer: &Viewer, limit: u64, action: &str) -> Markup {
    let lang = viewer.lang;
    html! {
        form.upload method="post" enctype="multipart/form-data" action={ (action) "?csrf=" (viewer.csrf) } {
            label for="upload-file" { (tr!(lang, "upload-field")) }
            input #upload-file type="file" name="file" multiple accept=(ACCEPT) aria-describedby="upload-hint";
            p.hint #upload-hint { (tr!(lang, "upload-hint", size = format::file_size(lang, limit))) }
            button type="submit" { (tr!(lang, "upload-submit")) }
        }
    }
}

/// The files attached to a record, and the field to add more for writers.
pub(crate) fn attachments_section(
    viewer: &Viewer,
    documents: &[DocumentInfo],
    upload: Option<(&str, u64)>,
) -> Markup {
    let lang = viewer.lang;
    html! {
        section.attachments aria-labelledby="attachments-title" {
            h2 #attachments-title { (tr!(lang, "upload-attached-title")) }
            @if documents.is_empty() {
                p { (tr!(lang, "upload-attached-none")) }
            } @else {
                ul {
                    @for d in documents {
                        li {
                            a href={ "/documents/" (d.id) } translate="no" { (display_name(d)) }
                            " · " (media_label(lang, d.media_type.as_deref()))
                            " · " (format::file_size(lang, d.size))
                        }
                    }
                }
            }
            @if let Some((action, limit)) = upload {
                (upload_form(viewer, limit, action))
            }
        }
    }
}

/// A media type as a word: photo, recording, video, PDF, email, file.
pub(crate) fn media_label(lang: Lang, media_type: Option<&str>) -> &'static str {
    let media_type = media_type.unwrap_or_default();
    match media_type.split('/').next().unwrap_or_default() {
        "image" => tr!(lang, "upload-media-photo"),
        "audio" => tr!(lang, "upload-media-audio"),
        "video" => tr!(lang, "upload-media-video"),
        _ if media_type == "application/pdf" => tr!(lang, "upload-media-pdf"),
        _ if matches!(
            media_type,
            "message/rfc822" | "application/mbox" | "application/vnd.ms-outlook"
        ) =>
        {
            tr!(lang, "upload-media-email")
        }
        _ => tr!(lang, "upload-media-file"),
    }
}

/// POST /documents/upload: files not attached to any record.
pub async fn documents(
    State(state): State<AppState>,
    viewer: Viewer,
    multipart: Multipart,
) -> Result<Response, AppError> {
    upload_and_report(&state, &viewer, multipart, None, "/documents".into()).await
}

/// POST /events/{id}/files: files documenting an event.
pub async fn event_files(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let back = format!("/events/{id}");
    upload_and_report(
        &state,
        &viewer,
        multipart,
        Some(target("event", &id)?),
        back,
    )
    .await
}

/// POST /people/{id}/files: files about a person (a notice to appear, a
/// photo of an injury). Listed on the person's page.
pub async fn person_files(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let back = format!("/people/{id}");
    upload_and_report(
        &state,
        &viewer,
        multipart,
        Some(target("person", &id)?),
        back,
    )
    .await
}

/// POST /testimonies/{id}/files: documents of a testimony (a recording of
/// the interview, a signed declaration).
pub async fn testimony_files(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let back = format!("/testimonies/{id}");
    let target = target("testimony", &id)?;
    upload_and_report(&state, &viewer, multipart, Some(target), back).await
}

/// The record of a path, or a 404 for an id that cannot be one.
fn target(kind: &str, id: &str) -> Result<UploadTarget, AppError> {
    UploadTarget::parse(kind, id).map_err(|_| AppError::Kind(crate::error::ErrorKind::NotFound))
}

async fn upload_and_report(
    state: &AppState,
    viewer: &Viewer,
    multipart: Multipart,
    attach_to: Option<UploadTarget>,
    back: String,
) -> Result<Response, AppError> {
    let limits = state.config().uploads;
    let sent = receive(state, &viewer.actor(), multipart, limits).await?;
    let lang = viewer.lang;
    let request_over = sent.request_over;
    let context = UploadContext {
        channel: viewer.path.clone(),
        attach_to,
    };
    let run = use_case(state, viewer, move |v, actor| {
        upload::record(v, actor, sent.files, &context, &web_ingest_options())
    })
    .await?;
    let status = if request_over {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::OK
    };
    let title = tr!(lang, "upload-result-title");
    let body = html! {
        p { a href=(back) { "← " (tr!(lang, "upload-back")) } }
        h1 { (title) }
        (summary(lang, &run))
        @if request_over {
            p.error role="alert" { (tr!(lang, "upload-request-too-large", size = format::file_size(lang, limits.per_request))) }
        }
        (file_list(lang, &run.files))
    };
    Ok((status, page(viewer, title, body)).into_response())
}

/// Ingest settings for an upload: as many files at once as the machine
/// has cores (at most 4: the server's other requests share it), the
/// default OCR languages.
pub(crate) fn web_ingest_options() -> IngestOptions {
    IngestOptions {
        jobs: std::thread::available_parallelism().map_or(2, |n| n.get().min(4)),
        host: Some("web".into()),
        ..IngestOptions::default()
    }
}

fn summary(lang: Lang, run: &UploadRun) -> Markup {
    let received = run.files.iter().filter(|f| f.outcome.is_ok()).count();
    let not = run.files.len() - received;
    html! {
        p role="status" {
            @if run.files.is_empty() {
                (tr!(lang, "upload-none-chosen"))
            } @else {
                (tr!(lang, "upload-summary", count = received as u64))
                @if not > 0 {
                    " " (tr!(lang, "upload-summary-not", count = not as u64))
                }
            }
        }
    }
}

fn file_list(lang: Lang, files: &[UploadedFile]) -> Markup {
    html! {
        ul.upload-results {
            @for file in files {
                li {
                    strong translate="no" { (file.name) }
                    " — "
                    @match &file.outcome {
                        Ok(report) => (stored(lang, &report.outcome)),
                        Err(reason) => span.error { (not_received(lang, reason)) },
                    }
                }
            }
        }
    }
}

fn stored(lang: Lang, outcome: &FileOutcome) -> Markup {
    match outcome {
        FileOutcome::Stored {
            id,
            status,
            media_type,
            pages,
            ocr_pages,
            new,
            ..
        } => html! {
            a href={ "/documents/" (id) } { (media_label(lang, Some(media_type))) }
            " · " span class={ "badge doc-" (status.code()) } { (status.label(lang)) }
            @if *pages > 0 {
                " · " (tr!(lang, "upload-pages", count = *pages as u64, ocr = *ocr_pages as u64))
            }
            @if !*new {
                " · " (tr!(lang, "upload-already-there"))
            }
        },
        FileOutcome::Unreadable { reason } => html! { span.error { (reason.message(lang)) } },
    }
}

fn not_received(lang: Lang, reason: &NotReceived) -> String {
    match reason {
        NotReceived::FileTooLarge { limit } => {
            tr!(
                lang,
                "upload-file-too-large",
                size = format::file_size(lang, *limit)
            )
        }
        NotReceived::RequestTooLarge { limit } => {
            tr!(
                lang,
                "upload-request-too-large",
                size = format::file_size(lang, *limit)
            )
        }
        NotReceived::Interrupted => tr!(lang, "upload-interrupted").to_owned(),
    }
}
