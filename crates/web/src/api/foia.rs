//! `/api/v1/foia`: requests with their deadlines, one request with its
//! productions and events, the deadlines as an iCalendar file and the
//! request or appeal letter — through the same use cases as the pages and
//! the command line (the calendar and letters audited as exports before
//! their bytes leave).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use testimonio_app::foia::exports::{self, LetterKind};
use testimonio_app::foia::{self as uc, ListFilter, Listed};
use testimonio_foia::FoiaRequest;

use super::{ApiError, ApiUser, json_error, run};
use crate::error::ErrorKind;
use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A request as JSON for a role: the request text, the requester and the
/// summaries of communications only when `sensitive` (they can name the
/// person whose file was asked for).
pub(crate) fn request_json(request: &FoiaRequest, sensitive: bool) -> Value {
    let mut value = serde_json::to_value(request.to_parts()).unwrap_or(Value::Null);
    if !sensitive && let Some(object) = value.as_object_mut() {
        object.remove("request_text");
        object.remove("requester");
        if let Some(Value::Array(messages)) = object.get_mut("communications") {
            for m in messages.iter_mut().filter_map(Value::as_object_mut) {
                m.remove("summary");
            }
        }
    }
    value
}

fn listed_json(row: &Listed, sensitive: bool) -> Value {
    json!({
        "request": request_json(&row.request, sensitive),
        "deadlines": row.deadlines,
        "overdue": row.overdue,
        "due_soon": row.due_soon,
        "next": row.next.map(|(kind, date)| json!({"kind": kind, "date": date})),
    })
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    overdue: Option<bool>,
    due_soon: Option<bool>,
}

/// GET /api/v1/foia: overdue first, then by next deadline.
pub async fn list(
    State(state): State<AppState>,
    api: ApiUser,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let filter = ListFilter {
        overdue: q.overdue.unwrap_or(false),
        due_soon: q.due_soon.unwrap_or(false),
        ..ListFilter::default()
    };
    let (listed, sensitive) = run(&state, &api, move |v, actor| {
        Ok((uc::list(v, &filter, today())?, uc::reads_sensitive(actor)))
    })
    .await?;
    let rows: Vec<Value> = listed
        .rows
        .iter()
        .map(|r| listed_json(r, sensitive))
        .collect();
    Ok(Json(json!({ "total": listed.total, "requests": rows })).into_response())
}

/// GET /api/v1/foia/{id}
pub async fn show(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let shown = run(&state, &api, move |v, actor| {
        uc::show(v, actor, &id, today())
    })
    .await?;
    Ok(Json(json!({
        "request": request_json(&shown.request, shown.sensitive),
        "deadlines": shown.deadlines,
        "productions": shown.productions,
        "events": shown.events,
    }))
    .into_response())
}

/// GET /api/v1/foia/calendar.ics: every active request's deadlines.
pub async fn calendar(State(state): State<AppState>, api: ApiUser) -> Result<Response, ApiError> {
    let lang = api.lang;
    let text = run(&state, &api, move |v, actor| {
        exports::calendar(v, actor, today(), chrono::Utc::now().naive_utc(), lang)
    })
    .await?;
    Ok(calendar_response(text))
}

/// An iCalendar file to download.
pub(crate) fn calendar_response(text: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"foia-deadlines.ics\"",
            ),
        ],
        text,
    )
        .into_response()
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LetterQuery {
    kind: Option<String>,
    signatory: Option<String>,
}

/// GET /api/v1/foia/{id}/letter?kind=request|appeal: the letter as plain
/// text (English: agencies take letters in English).
pub async fn letter(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    query: Result<Query<LetterQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let Some(kind) = LetterKind::parse(q.kind.as_deref().unwrap_or("request")) else {
        let problem = testimonio_domain::FieldError::new(
            "kind",
            testimonio_domain::Problem::UnknownCode {
                known_hint: "request, appeal",
            },
        );
        return Err(super::field_errors(api.lang, &[problem]));
    };
    let lang = api.lang;
    let letter = run(&state, &api, move |v, actor| {
        exports::letter(v, actor, &id, kind, q.signatory.as_deref(), today(), lang)
    })
    .await?;
    Ok(letter_response(&letter.text, kind))
}

/// A letter to download, as plain text.
pub(crate) fn letter_response(text: &str, kind: LetterKind) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"foia-{}-letter.txt\"", kind.code()),
            ),
        ],
        text.to_owned(),
    )
        .into_response()
}

/// The OpenAPI description of these routes.
pub fn openapi_paths() -> serde_json::Map<String, Value> {
    let (ok, merge, errors) = (
        super::ok_response,
        super::merge_responses,
        super::error_responses,
    );
    let id = json!({"name": "id", "in": "path", "required": true, "description": "A FOIA request id", "schema": {"type": "string"}});
    let mut paths = serde_json::Map::new();
    paths.insert("/api/v1/foia".into(), json!({"get": {
        "summary": "FOIA requests with their statutory deadlines as of today, overdue first; the request text, requester and communication summaries only for roles that see identities",
        "parameters": [
            {"name": "overdue", "in": "query", "required": false, "description": "Only requests with a deadline passed unmet", "schema": {"type": "boolean"}},
            {"name": "due_soon", "in": "query", "required": false, "description": "Only requests with a deadline within 10 days", "schema": {"type": "boolean"}}
        ],
        "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "503"]))}}));
    paths.insert("/api/v1/foia/{id}".into(), json!({"get": {
        "summary": "One FOIA request with its deadlines, productions and linked events", "parameters": [id],
        "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "404", "503"]))}}));
    paths.insert("/api/v1/foia/calendar.ics".into(), json!({"get": {
        "summary": "Every active request's deadlines as an iCalendar (RFC 5545) file (audited as an export)",
        "responses": merge(json!({"200": {"description": "OK", "content": {"text/calendar": {"schema": {"type": "string"}}}}}), errors(&["401", "503"]))}}));
    paths.insert("/api/v1/foia/{id}/letter".into(), json!({"get": {
        "summary": "The request or appeal letter as plain text, in English (audited as an export)",
        "parameters": [id,
            {"name": "kind", "in": "query", "required": false, "description": "Which letter (request by default)", "schema": {"type": "string", "enum": ["request", "appeal"]}},
            {"name": "signatory", "in": "query", "required": false, "description": "The name signing it (a placeholder when absent)", "schema": {"type": "string"}}],
        "responses": merge(json!({"200": {"description": "OK", "content": {"text/plain": {"schema": {"type": "string"}}}}}), errors(&["400", "401", "403", "404", "503"]))}}));
    paths
}
