//! `/api/v1/search` and `/api/v1/watchlists`: the full-text search of
//! document pages and event narratives, saved queries and their hits —
//! through the same use cases as the pages (every results page and hits
//! view audited before it is returned).

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use testimonio_app::evidence::search::{self, SearchFailure};
use testimonio_app::evidence::watchlists;

use super::{ApiError, ApiUser, fail, json_error, run};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::state::AppState;

/// Results per page at most.
const MAX_LIMIT: usize = 100;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    q: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

/// GET /api/v1/search?q=…: pages and narratives, best first, with
/// snippets and facets. A malformed query is a 400 naming where and why.
pub async fn search_pages(
    State(state): State<AppState>,
    api: ApiUser,
    query: Result<Query<SearchQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let text = q.q.unwrap_or_default();
    let offset = q.offset.unwrap_or(0);
    let limit = q.limit.unwrap_or(20).clamp(1, MAX_LIMIT);
    let actor = api.actor();
    let lang = api.lang;
    let outcome = state
        .with_search(&api.user.actor_name(), move |index, v, _current| {
            Ok(search::search(v, index, &actor, &text, offset, limit))
        })
        .await
        .map_err(|e| fail(lang, e))?;
    match outcome {
        Ok(results) => Ok(Json(json!(results)).into_response()),
        Err(failure) => Ok(failed(lang, failure, "q")),
    }
}

/// A search that failed: a malformed query is a 400 naming `field` and
/// where in it the problem is; a busy index a 503; the rest by class.
pub(super) fn failed(lang: Lang, failure: SearchFailure, field: &str) -> Response {
    match failure {
        SearchFailure::Query(e) => {
            let body = json!({
                "error": "invalid",
                "message": e.message(lang),
                "fields": [{"field": field, "message": e.message(lang), "position": e.position}],
            });
            (axum::http::StatusCode::BAD_REQUEST, Json(body)).into_response()
        }
        SearchFailure::IndexBusy => json_error(lang, ErrorKind::Busy),
        SearchFailure::App(e) => super::use_case_error(lang, e).into_response(),
    }
}

/// GET /api/v1/watchlists
pub async fn list_watchlists(
    State(state): State<AppState>,
    api: ApiUser,
) -> Result<Response, ApiError> {
    let lists = run(&state, &api, watchlists::list).await?;
    Ok(Json(json!({ "watchlists": lists })).into_response())
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct HitsQuery {
    watchlist: Option<String>,
    all: Option<bool>,
    limit: Option<u32>,
}

/// GET /api/v1/watchlists/hits: pending hits (all with `all=true`),
/// newest first; the view is audited.
pub async fn list_hits(
    State(state): State<AppState>,
    api: ApiUser,
    query: Result<Query<HitsQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    let hits = run(&state, &api, move |v, actor| {
        watchlists::hits(
            v,
            actor,
            q.watchlist.as_deref(),
            q.all.unwrap_or(false),
            limit,
        )
    })
    .await?;
    Ok(Json(json!({ "hits": hits })).into_response())
}

/// The OpenAPI description of these routes.
pub fn openapi_paths() -> serde_json::Map<String, Value> {
    let (ok, merge, errors) = (
        super::ok_response,
        super::merge_responses,
        super::error_responses,
    );
    let mut paths = serde_json::Map::new();
    paths.insert("/api/v1/search".into(), json!({"get": {
        "summary": "Full-text search of document pages and event narratives (English and Spanish), best first, with snippets and facets; audited",
        "parameters": [
            {"name": "q", "in": "query", "required": true, "description": "The query: words, \"phrases\", AND, OR, NOT, -word, field:value", "schema": {"type": "string"}},
            {"name": "offset", "in": "query", "required": false, "description": "Results to skip", "schema": {"type": "integer", "minimum": 0}},
            {"name": "limit", "in": "query", "required": false, "description": "Results to return", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}}
        ],
        "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "503"]))}}));
    paths.insert("/api/v1/watchlists/hits".into(), json!({"get": {
        "summary": "Hits of the watchlists, newest first (pending only unless all=true); audited",
        "parameters": [
            {"name": "watchlist", "in": "query", "required": false, "description": "Only this watchlist's hits", "schema": {"type": "string"}},
            {"name": "all", "in": "query", "required": false, "description": "Accepted and dismissed hits too", "schema": {"type": "boolean"}},
            {"name": "limit", "in": "query", "required": false, "description": "Hits to return", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}
        ],
        "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "503"]))}}));
    paths
}
