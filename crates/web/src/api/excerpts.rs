//! `/api/v1/excerpts` and `POST /api/v1/watchlists`: exact passages of
//! pages, tied to events and people (the quotes only where the role may
//! read them), and saved queries — through the same use cases as the
//! pages.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use testimonio_app::evidence::{excerpts, watchlists};
use testimonio_domain::{ExcerptTag, FieldError, RecordId};
use testimonio_vault::{ExcerptFilter, ExcerptParts};

use super::testimonies::parse_object;
use super::{ApiError, ApiUser, field_errors, json_error, run};
use crate::error::ErrorKind;
use crate::state::AppState;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    event: Option<String>,
    person: Option<String>,
    document: Option<String>,
    tag: Option<String>,
}

/// GET /api/v1/excerpts: as this account may see them (a quote withheld
/// where its document or the people it names are beyond the role).
pub async fn list(
    State(state): State<AppState>,
    api: ApiUser,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let filter = ExcerptFilter {
        event: q.event,
        person: q.person,
        document: q.document,
        tag: q.tag,
        ..ExcerptFilter::default()
    };
    let user = api.user.clone();
    let shown = run(&state, &api, move |v, _actor| {
        Ok(v.excerpts_for(&user, &filter)?)
    })
    .await?;
    Ok(Json(json!({ "excerpts": shown })).into_response())
}

/// The fields of an excerpt body.
const EXCERPT_FIELDS: &[&str] = &[
    "document", "page", "start", "end", "tags", "events", "people", "note",
];

#[derive(Deserialize)]
struct ExcerptBody {
    document: String,
    page: u32,
    start: usize,
    end: usize,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    events: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    note: Option<String>,
}

/// The parts of a body, or every field refused with its path.
fn parts(body: ExcerptBody) -> Result<ExcerptParts, Vec<FieldError>> {
    let mut problems = Vec::new();
    let mut ids = |field: &str, values: &[String]| -> Vec<RecordId> {
        values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                RecordId::parse(&format!("{field}[{i}]"), v)
                    .map_err(|e| problems.push(e))
                    .ok()
            })
            .collect()
    };
    let events = ids("events", &body.events);
    let people = ids("people", &body.people);
    let tags = body
        .tags
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            ExcerptTag::parse(&format!("tags[{i}]"), t)
                .map_err(|e| problems.push(e))
                .ok()
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ExcerptParts {
        document: body.document,
        page: body.page,
        start: body.start,
        end: body.end,
        tags,
        events,
        people,
        note: body.note,
    })
}

/// POST /api/v1/excerpts: the quote copied from the page now, with the
/// original's hash.
pub async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let value: Value = serde_json::from_slice(&body)
        .map_err(|_| ApiError(json_error(api.lang, ErrorKind::BadRequest)))?;
    let body: ExcerptBody = parse_object(value, EXCERPT_FIELDS, "api-body-field-wrong-type")
        .map_err(|p| p.into_error(api.lang))?;
    let parts = parts(body).map_err(|problems| field_errors(api.lang, &problems))?;
    let excerpt = run(&state, &api, move |v, actor| {
        excerpts::add(v, actor, &parts)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(json!(excerpt))).into_response())
}

#[derive(Deserialize)]
struct WatchlistBody {
    name: String,
    query: String,
    #[serde(default)]
    purpose: String,
}

/// POST /api/v1/watchlists: a saved query, checked before it is saved.
pub async fn create_watchlist(
    State(state): State<AppState>,
    api: ApiUser,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let lang = api.lang;
    let value: Value = serde_json::from_slice(&body)
        .map_err(|_| ApiError(json_error(lang, ErrorKind::BadRequest)))?;
    let body: WatchlistBody = parse_object(
        value,
        &["name", "query", "purpose"],
        "api-body-field-wrong-type",
    )
    .map_err(|p| p.into_error(lang))?;
    let actor = api.actor();
    let saved = state
        .with_vault(&api.user.actor_name(), move |v| {
            Ok(watchlists::add(
                v,
                &actor,
                &body.name,
                &body.query,
                &body.purpose,
            ))
        })
        .await
        .map_err(|e| super::fail(lang, e))?;
    match saved {
        Ok(watchlist) => Ok((StatusCode::CREATED, Json(json!(watchlist))).into_response()),
        Err(failure) => Ok(super::search::failed(lang, failure, "query")),
    }
}

/// The OpenAPI description of these routes.
pub fn openapi_paths() -> serde_json::Map<String, Value> {
    let (ok, merge, errors) = (
        super::ok_response,
        super::merge_responses,
        super::error_responses,
    );
    let tags: Vec<&str> = ExcerptTag::KNOWN.iter().map(|(code, ..)| *code).collect();
    let ids =
        |what: &str| json!({"type": "array", "items": {"type": "string"}, "description": what});
    let excerpt_body = json!({"type": "object", "required": ["document", "page", "start", "end"], "additionalProperties": false, "properties": {
        "document": {"type": "string", "description": "The document id"},
        "page": {"type": "integer", "minimum": 1, "description": "The page number"},
        "start": {"type": "integer", "minimum": 0, "description": "First character of the passage in the page text"},
        "end": {"type": "integer", "minimum": 1, "description": "Character after the passage (exclusive)"},
        "tags": {"type": "array", "items": {"type": "string"}, "description": format!("Known tags: {}; or a project's own in snake_case", tags.join(", "))},
        "events": ids("Event ids the passage documents"),
        "people": ids("Person ids the passage names"),
        "note": {"type": "string"}}});
    let filter = |name: &str, what: &str| json!({"name": name, "in": "query", "required": false, "description": what, "schema": {"type": "string"}});
    let mut paths = serde_json::Map::new();
    paths.insert("/api/v1/excerpts".into(), json!({
        "get": {"summary": "Excerpts as this account may see them (quotes withheld where the role may not read them)",
            "parameters": [filter("event", "Tied to this event"), filter("person", "Naming this person"), filter("document", "From this document"), filter("tag", "With this tag")],
            "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "503"]))},
        "post": {"summary": "Record an excerpt: the passage is copied from the page with the original's hash",
            "requestBody": {"required": true, "content": {"application/json": {"schema": excerpt_body}}},
            "responses": merge(json!({"201": ok(json!({"type": "object"}))}), errors(&["400", "401", "403", "404", "503"]))}
    }));
    paths.insert("/api/v1/watchlists".into(), json!({
        "get": {"summary": "Saved queries, with their pending hits",
            "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "503"]))},
        "post": {"summary": "Save a query to run after every ingest (checked first)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name", "query"], "additionalProperties": false, "properties": {
                "name": {"type": "string"}, "query": {"type": "string", "description": "A search query (see /api/v1/search)"}, "purpose": {"type": "string", "description": "Why it is watched"}}}}}},
            "responses": merge(json!({"201": ok(json!({"type": "object"}))}), errors(&["400", "401", "403", "503"]))}
    }));
    paths
}
