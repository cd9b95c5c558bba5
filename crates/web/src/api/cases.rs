//! `/api/v1/cases`: cases (a legal or advocacy file around a person or a
//! group) listed, recorded, shown with their linked records, linked to a
//! record, and their status changed, through the case use cases.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use serde_json::{Map, Value, json};
use testimonio_app::records::cases::{self, LinkTarget};
use testimonio_domain::{CaseKind, CaseLinkKind, CaseParts, CaseStatus, FieldError, Problem};
use testimonio_vault::WriteOutcome;

use super::{ApiError, ApiUser, field_errors, run};
use crate::RouteSpec;
use crate::auth::Access;
use crate::state::AppState;

/// The case routes, with their access rules.
pub fn routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    let r = |method: &'static str, path: &'static str, access: Access, m| {
        (
            RouteSpec {
                method,
                path,
                access,
            },
            m,
        )
    };
    vec![
        r("get", "/api/v1/cases", Access::LoggedIn, get(list_cases)),
        r("post", "/api/v1/cases", Access::Writer, post(create_case)),
        r(
            "get",
            "/api/v1/cases/{id}",
            Access::LoggedIn,
            get(show_case),
        ),
        r(
            "post",
            "/api/v1/cases/{id}/links",
            Access::Writer,
            post(link_case),
        ),
        r(
            "post",
            "/api/v1/cases/{id}/unlink",
            Access::Writer,
            post(unlink_case),
        ),
        r(
            "post",
            "/api/v1/cases/{id}/status",
            Access::Writer,
            post(set_status),
        ),
    ]
}

/// The text fields of a JSON object body, every key known and every value
/// a string (or `null`); otherwise each offending field, named. Reads the
/// parsed JSON, never an error's text.
fn checked_fields(
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
    known: &'static [&'static str],
    hint: &'static str,
) -> Result<Map<String, Value>, Vec<FieldError>> {
    let Ok(Json(Value::Object(map))) = body else {
        return Err(vec![FieldError::new("body", Problem::Required)]);
    };
    let errors: Vec<FieldError> = map
        .iter()
        .filter_map(|(key, value)| {
            if !known.contains(&key.as_str()) {
                Some(FieldError::new(
                    key.clone(),
                    Problem::UnknownCode { known_hint: hint },
                ))
            } else if !(value.is_string() || value.is_null()) {
                Some(FieldError::new(
                    key.clone(),
                    Problem::BadCharacters {
                        allowed: "printable text",
                    },
                ))
            } else {
                None
            }
        })
        .collect();
    if errors.is_empty() {
        Ok(map)
    } else {
        Err(errors)
    }
}

fn text(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_owned)
}

const CASE_FIELDS: &[&str] = &[
    "id",
    "title",
    "kind",
    "status",
    "person",
    "group",
    "attorney",
    "opened_on",
    "closed_on",
    "notes",
];

async fn list_cases(State(state): State<AppState>, api: ApiUser) -> Result<Json<Value>, ApiError> {
    let listed = run(&state, &api, |v, actor| cases::list(v, actor)).await?;
    let items: Vec<Value> = listed.iter().map(cases::Listed::to_json).collect();
    Ok(Json(json!({ "total": items.len(), "cases": items })))
}

async fn create_case(
    State(state): State<AppState>,
    api: ApiUser,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let map = checked_fields(
        body,
        CASE_FIELDS,
        "id, title, kind, status, person, group, attorney, opened_on, closed_on, notes",
    )
    .map_err(|e| field_errors(api.lang, &e))?;
    let parts = CaseParts {
        id: text(&map, "id").unwrap_or_default(),
        title: text(&map, "title").unwrap_or_default(),
        kind: text(&map, "kind").unwrap_or_default(),
        status: text(&map, "status"),
        person: text(&map, "person"),
        group: text(&map, "group"),
        attorney: text(&map, "attorney"),
        opened_on: text(&map, "opened_on"),
        closed_on: text(&map, "closed_on"),
        notes: text(&map, "notes"),
    };
    drop(map);
    let case = run(&state, &api, move |v, actor| cases::add(v, actor, parts)).await?;
    let body = json!({ "id": case.id.as_str(), "outcome": "created" });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

async fn show_case(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let view = run(&state, &api, move |v, actor| cases::show(v, actor, &id)).await?;
    Ok(Json(view.to_json()))
}

async fn link_case(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    change_link(state, api, id, body, true).await
}

async fn unlink_case(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    change_link(state, api, id, body, false).await
}

/// Links (`add`) or unlinks a record: 201 for a new link, 200 otherwise,
/// with whether anything changed.
async fn change_link(
    state: AppState,
    api: ApiUser,
    id: String,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
    add: bool,
) -> Result<Response, ApiError> {
    let map = checked_fields(body, &["kind", "id"], "kind, id")
        .map_err(|e| field_errors(api.lang, &e))?;
    let kind = text(&map, "kind").unwrap_or_default();
    let target = text(&map, "id").unwrap_or_default();
    let changed = run(&state, &api, move |v, actor| {
        let target = LinkTarget {
            kind: &kind,
            id: &target,
        };
        if add {
            cases::link(v, actor, &id, target)
        } else {
            cases::unlink(v, actor, &id, target)
        }
    })
    .await?;
    let status = if add && changed {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(json!({ "changed": changed }))).into_response())
}

async fn set_status(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let map =
        checked_fields(body, &["status"], "status").map_err(|e| field_errors(api.lang, &e))?;
    let status = text(&map, "status").unwrap_or_default();
    let outcome = run(&state, &api, move |v, actor| {
        cases::set_status(v, actor, &id, &status)
    })
    .await?;
    let outcome = match outcome {
        WriteOutcome::Unchanged => "unchanged",
        WriteOutcome::Created | WriteOutcome::Updated => "updated",
    };
    Ok(Json(json!({ "outcome": outcome })))
}

/// The OpenAPI paths of the case routes, with every parameter described
/// and the allowed codes listed.
pub fn openapi_paths(errors: &dyn Fn(&[&str]) -> Value, ok: &dyn Fn(Value) -> Value) -> Value {
    let codes = |all: &[&str]| json!(all);
    let kinds: Vec<&str> = CaseKind::ALL.iter().map(|k| k.code()).collect();
    let statuses: Vec<&str> = CaseStatus::ALL.iter().map(|s| s.code()).collect();
    let links: Vec<&str> = CaseLinkKind::ALL.iter().map(|k| k.code()).collect();
    let merge = super::merge_responses;
    let id_param = json!([{"name": "id", "in": "path", "required": true,
        "description": "The case's id (case-…)", "schema": {"type": "string"}}]);
    let text = |description: &str| json!({"type": "string", "description": description});
    let case_body = json!({
        "type": "object", "additionalProperties": false, "required": ["title", "kind"],
        "description": "Exactly one of person and group.",
        "properties": {
            "id": text("Optional: a new case-… id is made when absent"),
            "title": text("A short title"),
            "kind": {"type": "string", "enum": codes(&kinds), "description": "What the case is"},
            "status": {"type": "string", "enum": codes(&statuses), "description": "Default: open"},
            "person": text("Id of the person the case is about"),
            "group": text("Id of the group the case is about"),
            "attorney": text("The attorney's name"),
            "opened_on": text("YYYY-MM-DD, YYYY-MM or YYYY, ~ in front if approximate"),
            "closed_on": text("As opened_on; not before it"),
            "notes": text("Sensitive: read back only by roles that may see the person's identity (audited)"),
        }
    });
    let case_view = json!({"type": "object", "description":
        "case (codes and ids), subject (kind, id, pseudonym or name: never an identity field), notes (null unless the caller may see them), events, documents, excerpts (a withheld one has no quote), foia, testimonies, missing"});
    json!({
        "/api/v1/cases": {
            "get": {"summary": "Cases, by id, with who each is about (pseudonyms only)",
                "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "503"]))},
            "post": {"summary": "Record a case about a person or a group (audited); an unknown subject is an unknown_reference naming person or group",
                "requestBody": {"required": true, "content": {"application/json": {"schema": case_body}}},
                "responses": merge(json!({"201": ok(json!({"type": "object"}))}), errors(&["400", "401", "403", "503"]))}
        },
        "/api/v1/cases/{id}": {
            "get": {"summary": "One case with its linked records; its notes only for roles that may see the person's identity (audited)",
                "parameters": id_param,
                "responses": merge(json!({"200": ok(case_view)}), errors(&["401", "404", "503"]))}
        },
        "/api/v1/cases/{id}/links": {
            "post": {"summary": "Link a record to the case (audited); 201 when new, 200 when it was linked already",
                "parameters": id_param,
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "additionalProperties": false, "required": ["kind", "id"],
                    "properties": {
                        "kind": {"type": "string", "enum": codes(&links), "description": "The kind of record"},
                        "id": text("The record's id; an unknown one is an unknown_reference named by the kind"),
                    }}}}},
                "responses": merge(json!({"200": ok(json!({"type": "object"})), "201": ok(json!({"type": "object"}))}), errors(&["400", "401", "403", "404", "503"]))}
        },
        "/api/v1/cases/{id}/unlink": {
            "post": {"summary": "Take a record off the case (audited when it was linked); changed says whether it was",
                "parameters": id_param,
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "additionalProperties": false, "required": ["kind", "id"],
                    "properties": {
                        "kind": {"type": "string", "enum": codes(&links), "description": "The kind of record"},
                        "id": text("The record's id"),
                    }}}}},
                "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "403", "404", "503"]))}
        },
        "/api/v1/cases/{id}/status": {
            "post": {"summary": "Change the case's status (audited)",
                "parameters": id_param,
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "additionalProperties": false, "required": ["status"],
                    "properties": {"status": {"type": "string", "enum": codes(&statuses), "description": "The new status"}}}}}},
                "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "403", "404", "503"]))}
        }
    })
}
