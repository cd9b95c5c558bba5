//! `/api/v1/documents`: the originals — list, one with its pages, a page's
//! text, and uploads (`multipart/form-data`, field `file`, several
//! allowed), through the same use cases as the pages.

use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use testimonio_app::evidence::documents;
use testimonio_app::evidence::upload::{self, NotReceived, UploadContext, UploadRun, UploadTarget};
use testimonio_domain::{ExtractionStatus, SourceKind};
use testimonio_ingest::FileOutcome;
use testimonio_vault::{DocumentFilter, DocumentInfo};

use super::{ApiError, ApiUser, fail, field_errors, json_error, run};
use crate::error::ErrorKind;
use crate::pages::uploads::web_ingest_options;
use crate::state::AppState;
use crate::upload::receive;

/// At most this many documents per page of the list.
const MAX_PER_PAGE: u32 = 500;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    source_kind: Option<String>,
    status: Option<String>,
    foia: Option<String>,
    page: Option<u32>,
    per_page: Option<u32>,
}

/// GET /api/v1/documents
pub async fn list(
    State(state): State<AppState>,
    api: ApiUser,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let mut filter = DocumentFilter {
        top_level_only: true,
        foia: q.foia.filter(|f| !f.is_empty()),
        ..DocumentFilter::default()
    };
    let mut errors = Vec::new();
    if let Some(kind) = q.source_kind.filter(|k| !k.is_empty()) {
        match SourceKind::parse("source_kind", &kind) {
            Ok(k) => filter.source_kind = Some(k),
            Err(e) => errors.push(e),
        }
    }
    if let Some(status) = q.status.filter(|s| !s.is_empty()) {
        match ExtractionStatus::parse("status", &status) {
            Ok(s) => filter.status = Some(s),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(field_errors(api.lang, &errors));
    }
    let per_page = q.per_page.unwrap_or(100).clamp(1, MAX_PER_PAGE);
    let page = q.page.unwrap_or(1).max(1);
    let listed = run(&state, &api, move |v, actor| {
        documents::list(v, actor, &filter, page, Some(per_page))
    })
    .await?;
    Ok(Json(json!({
        "total": listed.total,
        "page": listed.page,
        "pages": listed.pages,
        "documents": listed.documents.iter().map(document_json).collect::<Vec<_>>(),
    }))
    .into_response())
}

/// GET /api/v1/documents/{id}: the document, its pages (without text) and,
/// for roles that handle intake, its custody.
pub async fn show(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let sees_custody = api.user.role.can_write_records();
    let view = run(&state, &api, move |v, actor| documents::show(v, actor, &id)).await?;
    let mut body = document_json(&view.info);
    body["pages"] = json!(view.pages);
    body["attachments"] = json!(
        view.attachments
            .iter()
            .map(document_json)
            .collect::<Vec<_>>()
    );
    if sees_custody {
        body["custody"] = json!(view.custody);
    }
    Ok(Json(body).into_response())
}

/// GET /api/v1/documents/{id}/pages/{n}: a page's text (the read audited).
pub async fn page_text(
    State(state): State<AppState>,
    api: ApiUser,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let Ok(number) = n.parse::<u32>() else {
        return Err(ApiError(json_error(api.lang, ErrorKind::NotFound)));
    };
    let (_, page) = run(&state, &api, move |v, actor| {
        documents::page_text(v, actor, &id, number)
    })
    .await?;
    Ok(Json(json!({
        "number": page.number,
        "method": page.method.code(),
        "text": page.text,
        "confidence": page.confidence,
        "bates": page.bates,
        "problem": page.problem,
        "decision": page.decision.map(|d| d.code()),
    }))
    .into_response())
}

/// POST /api/v1/documents: `multipart/form-data` with one or more `file`
/// parts, and optionally an `event` or `person` part naming the record the
/// files document. Answers each file's outcome; 413 when the request went
/// over its limit (the files before it are kept and reported).
pub async fn upload_files(
    State(state): State<AppState>,
    api: ApiUser,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, ApiError> {
    let Ok(multipart) = multipart else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let limits = state.config().uploads;
    let sent = receive(&state, &api.user.actor_name(), multipart, limits)
        .await
        .map_err(|e| fail(api.lang, e))?;
    let named: Vec<(&str, &str)> = ["event", "person", "testimony"]
        .into_iter()
        .filter_map(|kind| sent.field(kind).map(|id| (kind, id)))
        .collect();
    let attach_to = match named.as_slice() {
        [] => None,
        [(kind, id)] => match UploadTarget::parse(kind, id) {
            Ok(target) => Some(target),
            Err(e) => return Err(field_errors(api.lang, &[e])),
        },
        // One record per upload.
        _ => return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest))),
    };
    let request_over = sent.request_over;
    let context = UploadContext {
        channel: "/api/v1/documents".into(),
        attach_to,
    };
    let run_outcome = run(&state, &api, move |v, actor| {
        upload::record(v, actor, sent.files, &context, &web_ingest_options())
    })
    .await?;
    let status = if request_over {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::OK
    };
    Ok((status, Json(upload_json(&run_outcome))).into_response())
}

fn upload_json(run: &UploadRun) -> Value {
    let files: Vec<Value> = run
        .files
        .iter()
        .map(|f| match &f.outcome {
            Ok(report) => match &report.outcome {
                FileOutcome::Stored {
                    id,
                    status,
                    detail,
                    media_type,
                    pages,
                    ocr_pages,
                    attachments,
                    new,
                } => json!({
                    "name": f.name, "result": "stored", "id": id, "status": status.code(),
                    "detail": detail, "media_type": media_type, "pages": pages,
                    "ocr_pages": ocr_pages, "attachments": attachments, "new": new,
                }),
                FileOutcome::Unreadable { reason } => {
                    json!({ "name": f.name, "result": "unreadable", "reason": reason.code() })
                }
            },
            Err(reason) => {
                let (code, limit) = match reason {
                    NotReceived::FileTooLarge { limit } => ("file_too_large", Some(*limit)),
                    NotReceived::RequestTooLarge { limit } => ("request_too_large", Some(*limit)),
                    NotReceived::Interrupted => ("interrupted", None),
                };
                json!({ "name": f.name, "result": "not_received", "reason": code, "limit_bytes": limit })
            }
        })
        .collect();
    json!({ "files": files })
}

fn document_json(d: &DocumentInfo) -> Value {
    json!({
        "id": d.id,
        "sha256": d.sha256,
        "size": d.size,
        "file_name": d.file_name,
        "media_type": d.media_type,
        "added_at": d.added_at,
        "parent_id": d.parent_id,
        "source_kind": d.source_kind.map(|k| k.code()),
        "status": d.status.code(),
        "title": d.title,
        "page_count": d.page_count,
    })
}

/// The OpenAPI description of these routes.
pub fn openapi_paths() -> serde_json::Map<String, Value> {
    let (ok, merge, errors) = (
        super::ok_response,
        super::merge_responses,
        super::error_responses,
    );
    let id = json!({"name": "id", "in": "path", "required": true, "description": "A document id (doc-…)", "schema": {"type": "string"}});
    let statuses: Vec<&str> = ExtractionStatus::ALL.iter().map(|s| s.code()).collect();
    let kinds: Vec<&str> = SourceKind::ALL.iter().map(|k| k.code()).collect();
    let list_params = json!([
        {"name": "source_kind", "in": "query", "required": false, "description": "Only documents of this source", "schema": {"type": "string", "enum": kinds}},
        {"name": "status", "in": "query", "required": false, "description": "Only documents whose text extraction ended so", "schema": {"type": "string", "enum": statuses}},
        {"name": "foia", "in": "query", "required": false, "description": "Only documents produced under this FOIA request id", "schema": {"type": "string"}},
        {"name": "page", "in": "query", "required": false, "description": "Page of the list, from 1", "schema": {"type": "integer", "minimum": 1}},
        {"name": "per_page", "in": "query", "required": false, "description": "Documents per page", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}}
    ]);
    let file_result = json!({"type": "object", "properties": {
        "name": {"type": "string", "description": "The file name as sent"},
        "result": {"type": "string", "enum": ["stored", "unreadable", "not_received"]},
        "id": {"type": "string"}, "status": {"type": "string", "enum": statuses},
        "media_type": {"type": "string"}, "pages": {"type": "integer"}, "ocr_pages": {"type": "integer"},
        "new": {"type": "boolean", "description": "False when these bytes were already in the vault"},
        "reason": {"type": "string", "description": "not_received: file_too_large, request_too_large, interrupted; unreadable: why"},
        "limit_bytes": {"type": "integer"}}});
    let upload_body = json!({"type": "object", "required": ["file"], "properties": {
        "file": {"type": "array", "items": {"type": "string", "format": "binary"}, "description": "One part per file: photos, recordings, videos, PDFs, emails. Each at most the server's per-file limit (200 MB by default), all together at most its per-request limit"},
        "event": {"type": "string", "description": "An event id: the files document it (not with person or testimony)"},
        "person": {"type": "string", "description": "A person id: the files are about them (not with event or testimony)"},
        "testimony": {"type": "string", "description": "A testimony id: the files become its documents (not with event or person)"}}});
    let mut paths = serde_json::Map::new();
    paths.insert("/api/v1/documents".into(), json!({
        "get": {"summary": "Originals in the vault, newest first, without attachments found inside others", "parameters": list_params,
            "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "503"]))},
        "post": {"summary": "Upload files (streamed, encrypted as they arrive, then read for text like the command line's ingest)",
            "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": upload_body}}},
            "responses": merge(json!({"200": ok(json!({"type": "object", "properties": {"files": {"type": "array", "items": file_result}}})),
                "413": ok(json!({"type": "object", "description": "The request went over its limit; the files before it are reported"}))}),
                errors(&["400", "401", "403", "503"]))}
    }));
    paths.insert("/api/v1/documents/{id}".into(), json!({
        "get": {"summary": "One document with its pages (without text) and attachments; custody for roles that write records", "parameters": [id],
            "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "404", "503"]))}
    }));
    paths.insert("/api/v1/documents/{id}/pages/{n}".into(), json!({
        "get": {"summary": "The text of one page (the read is audited)",
            "parameters": [id, {"name": "n", "in": "path", "required": true, "description": "Page number, from 1", "schema": {"type": "integer", "minimum": 1}}],
            "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "404", "503"]))}
    }));
    paths
}
