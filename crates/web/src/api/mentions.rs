//! `/api/v1/people/{id}/mentions` and `/api/v1/mentions`: the pages that
//! mention a person (their legal name, an alias or their A-number), only
//! for accounts that may see that person's identity — through the same use
//! cases as the pages, each read audited as an identity read.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use serde_json::{Value, json};
use testimonio_app::evidence::mentions;
use testimonio_domain::RecordId;
use testimonio_vault::Mention;

use super::{ApiError, ApiUser, field_errors, json_error, run};
use crate::error::ErrorKind;
use crate::state::AppState;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct MentionsQuery {
    /// Reviewed hits too.
    all: Option<bool>,
}

/// One hit as JSON: where, how, and its review; never the matched text.
pub(super) fn mention_json(m: &Mention) -> Value {
    json!({
        "id": m.id, "person": m.person, "pseudonym": m.pseudonym,
        "document": m.document, "title": m.title, "page": m.page,
        "kind": m.kind.code(), "found_at": m.found_at,
        "status": m.status.code(), "reviewed_by": m.reviewed_by,
    })
}

/// GET /api/v1/people/{id}/mentions: 403 for an account that may not see
/// this person's identity.
pub async fn for_person(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    query: Result<Query<MentionsQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let all = q.all.unwrap_or(false);
    let id = RecordId::parse("id", &id).map_err(|e| field_errors(api.lang, &[e]))?;
    let person = id.clone();
    let found = run(&state, &api, move |v, actor| {
        mentions::for_person(v, actor, &person, all)
    })
    .await?;
    let items: Vec<Value> = found.iter().map(mention_json).collect();
    Ok(Json(json!({ "person": id, "mentions": items })))
}

/// GET /api/v1/mentions: the review queue, people this account may see.
pub async fn queue(
    State(state): State<AppState>,
    api: ApiUser,
    query: Result<Query<MentionsQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(ApiError(json_error(api.lang, ErrorKind::BadRequest)));
    };
    let all = q.all.unwrap_or(false);
    let found = run(&state, &api, move |v, actor| mentions::queue(v, actor, all)).await?;
    let items: Vec<Value> = found.iter().map(mention_json).collect();
    Ok(Json(json!({ "mentions": items })))
}

/// The OpenAPI description of these routes.
pub fn openapi_paths() -> serde_json::Map<String, Value> {
    let (ok, merge, errors) = (
        super::ok_response,
        super::merge_responses,
        super::error_responses,
    );
    let all = json!({"name": "all", "in": "query", "required": false, "description": "Reviewed hits too", "schema": {"type": "boolean"}});
    let id = json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}});
    let mut paths = serde_json::Map::new();
    paths.insert("/api/v1/people/{id}/mentions".into(), json!({
        "get": {"summary": "Pages that mention this person (legal name, alias or A-number; never the matched text); only for an account that may see the person's identity (audited as an identity read)",
            "parameters": [id, all],
            "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "403", "404", "503"]))}
    }));
    paths.insert("/api/v1/mentions".into(), json!({
        "get": {"summary": "Mentions waiting for review, of the people whose identity this account may see (audited as identity reads)",
            "parameters": [all],
            "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "403", "503"]))}
    }));
    paths
}
