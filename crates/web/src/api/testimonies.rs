//! `/api/v1/testimonies`: list (no accounts), record, one (the account only
//! for roles that may see the giver's identity, audited), and the review
//! mark for publication (coordinators and administrators).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use testimonio_app::records::testimonies::{self, TestimonyFields};
use testimonio_domain::{Lang, RecordId};
use testimonio_vault::{TestimonyFilter, TestimonySummary, WriteOutcome};
use zeroize::Zeroizing;

use super::{ApiError, ApiUser, field_errors, json_error, run};
use crate::error::ErrorKind;
use crate::i18n::t;
use crate::state::AppState;

/// The fields a body may hold.
const FIELDS: &[&str] = &[
    "id",
    "person",
    "interviewer",
    "date",
    "place",
    "language",
    "account",
    "consent",
    "events",
    "documents",
];

/// A testimony in a request body. Holds the account, so it has no
/// `Debug`: it is never printed or logged.
#[derive(Deserialize)]
struct TestimonyBody {
    id: Option<String>,
    person: Option<String>,
    interviewer: Option<String>,
    date: Option<String>,
    place: Option<String>,
    language: Option<String>,
    account: Option<String>,
    consent: Option<String>,
    events: Option<Vec<String>>,
    documents: Option<Vec<String>>,
}

/// A body field refused before the use case: `field` and why, in the
/// shape of the use cases' field errors.
fn body_field_error(lang: Lang, field: &str, key: &'static str) -> ApiError {
    let message = t(lang, key);
    let body = json!({
        "error": "invalid",
        "message": t(lang, "event-has-errors"),
        "fields": [{ "field": field, "message": message }],
    });
    ApiError((StatusCode::BAD_REQUEST, Json(body)).into_response())
}

/// Why a body was refused before the use case.
pub(super) enum BodyProblem {
    /// Not a JSON object.
    NotJson,
    /// A field the body may not hold, or one of the wrong type: its path
    /// (`events[1]`) and the message's catalog id.
    Field(String, &'static str),
}

impl BodyProblem {
    pub(super) fn into_error(self, lang: Lang) -> ApiError {
        match self {
            BodyProblem::NotJson => ApiError(json_error(lang, ErrorKind::BadRequest)),
            BodyProblem::Field(field, key) => body_field_error(lang, &field, key),
        }
    }
}

/// The body: a JSON object (else a plain 400) of known fields (else the
/// unknown one is named), each of its type (else its path is named, e.g.
/// `events[1]`).
fn parse_body(bytes: &[u8]) -> Result<TestimonyBody, BodyProblem> {
    let value: Value = serde_json::from_slice(bytes).map_err(|_| BodyProblem::NotJson)?;
    parse_object(value, FIELDS, "api-body-wrong-type")
}

/// A JSON object of the `fields` given (else the unknown one is named),
/// each of its type (else its path is named), as `T`.
pub(super) fn parse_object<T: serde::de::DeserializeOwned>(
    value: Value,
    fields: &[&str],
    wrong_type: &'static str,
) -> Result<T, BodyProblem> {
    let Some(map) = value.as_object() else {
        return Err(BodyProblem::NotJson);
    };
    if let Some(unknown) = map.keys().find(|k| !fields.contains(&k.as_str())) {
        return Err(BodyProblem::Field(
            unknown.clone(),
            "api-body-unknown-field",
        ));
    }
    serde_path_to_error::deserialize(value)
        .map_err(|e| BodyProblem::Field(e.path().to_string(), wrong_type))
}

fn summary_json(s: &TestimonySummary) -> Value {
    json!({
        "id": s.id,
        "person": s.person,
        "pseudonym": s.pseudonym,
        "interviewer": s.interviewer,
        "date": s.date.to_string(),
        "place": s.place,
        "language": s.language.as_str(),
        "consent": s.consent.code(),
        "events": s.events,
        "documents": s.documents,
        "review": s.review.as_ref().map(|r| json!({ "by": r.by, "at": r.at })),
    })
}

fn outcome_code(outcome: WriteOutcome) -> &'static str {
    match outcome {
        WriteOutcome::Created => "created",
        WriteOutcome::Updated => "updated",
        WriteOutcome::Unchanged => "unchanged",
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct ListQuery {
    person: Option<String>,
    /// Words to find in the accounts.
    q: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    api: ApiUser,
    Query(q): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let person = q
        .person
        .as_deref()
        .map(|p| RecordId::parse("person", p))
        .transpose()
        .map_err(|e| field_errors(api.lang, &[e]))?;
    if let Some(q) = q.q.filter(|q| !q.trim().is_empty()) {
        let hits = run(&state, &api, move |v, actor| {
            testimonies::search(v, actor, &q)
        })
        .await?;
        let items: Vec<Value> = hits
            .iter()
            .filter(|h| person.as_ref().is_none_or(|p| &h.summary.person == p))
            .map(|h| {
                let mut item = summary_json(&h.summary);
                item["passage"] = json!(h.passage.expose());
                item
            })
            .collect();
        return Ok(Json(json!({ "total": items.len(), "testimonies": items })));
    }
    let filter = TestimonyFilter {
        person,
        ..TestimonyFilter::default()
    };
    let list = run(&state, &api, move |v, actor| {
        testimonies::list(v, actor, &filter)
    })
    .await?;
    let items: Vec<Value> = list.iter().map(summary_json).collect();
    Ok(Json(json!({ "total": items.len(), "testimonies": items })))
}

pub async fn create(
    State(state): State<AppState>,
    api: ApiUser,
    body: Bytes,
) -> Result<Response, ApiError> {
    let body = parse_body(&body).map_err(|p| p.into_error(api.lang))?;
    let id = body.id;
    let fields = TestimonyFields {
        person: body.person,
        interviewer: body.interviewer,
        date: body.date,
        place: body.place,
        language: body.language,
        account: body.account.map(Zeroizing::new),
        consent: body.consent,
        events: body.events,
        documents: body.documents,
    };
    let recorded = run(&state, &api, move |v, actor| {
        testimonies::add(v, actor, id.as_deref(), fields)
    })
    .await?;
    let body = json!({ "id": recorded.id, "outcome": outcome_code(recorded.outcome) });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// `PUT /api/v1/testimonies/{id}`: the fields present change; the id is
/// the path's. Only a caller who may read the account may change it.
pub async fn update(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let id = RecordId::parse("id", &id).map_err(|e| field_errors(api.lang, &[e]))?;
    let body = parse_body(&body).map_err(|p| p.into_error(api.lang))?;
    if body.id.as_deref().is_some_and(|b| b != id.as_str()) {
        return Err(body_field_error(api.lang, "id", "api-body-id-mismatch"));
    }
    let fields = TestimonyFields {
        person: body.person,
        interviewer: body.interviewer,
        date: body.date,
        place: body.place,
        language: body.language,
        account: body.account.map(Zeroizing::new),
        consent: body.consent,
        events: body.events,
        documents: body.documents,
    };
    let recorded = run(&state, &api, move |v, actor| {
        testimonies::edit(v, actor, &id, fields)
    })
    .await?;
    let body = json!({ "id": recorded.id, "outcome": outcome_code(recorded.outcome) });
    Ok((StatusCode::OK, Json(body)).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = RecordId::parse("id", &id).map_err(|e| field_errors(api.lang, &[e]))?;
    let view = run(&state, &api, move |v, actor| {
        testimonies::show(v, actor, &id)
    })
    .await?;
    let mut out = summary_json(&view.summary);
    out["effective_consent"] = json!(view.effective_consent.code());
    if let Some(account) = &view.account {
        out["account"] = json!(account.expose());
    }
    Ok(Json(out))
}

pub async fn review(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = RecordId::parse("id", &id).map_err(|e| field_errors(api.lang, &[e]))?;
    let shown = id.clone();
    let outcome = run(&state, &api, move |v, actor| {
        testimonies::review(v, actor, &id)
    })
    .await?;
    Ok(Json(
        json!({ "id": shown, "outcome": outcome_code(outcome) }),
    ))
}

/// The OpenAPI paths of these routes.
pub fn openapi_paths(errors: &dyn Fn(&[&str]) -> Value, ok: &dyn Fn(Value) -> Value) -> Value {
    let merge = super::merge_responses;
    let text = |description: &str| json!({"type": "string", "description": description});
    let ids = |description: &str| json!({"type": "array", "items": {"type": "string"}, "description": description});
    let levels = json!([
        "internal",
        "coalition_aggregate",
        "coalition_narrative",
        "public_anonymous",
        "public_named"
    ]);
    let summary = json!({"type": "object", "properties": {
        "id": text("tst- and 12 hex digits when made by the server"),
        "person": text("Id of the person who gave it"), "pseudonym": text("Their pseudonym"),
        "interviewer": text("Who took it"), "date": text("YYYY-MM-DD, YYYY-MM or YYYY; ~ in front if approximate"),
        "place": text("Where it was given"), "language": text("Language code of the account (es, en, pt-BR…)"),
        "consent": {"type": "string", "enum": levels, "description": "Consent given for this account"},
        "events": ids("Ids of the events it tells of"), "documents": ids("Ids of attached documents"),
        "review": {"type": "object", "nullable": true, "description": "Who marked it reviewed for publication, and when",
            "properties": {"by": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}}
    }});
    let mut one = summary.clone();
    one["properties"]["account"] = text(
        "The first-person account: only for roles that may see the giver's identity (the read is audited); absent otherwise",
    );
    one["properties"]["effective_consent"] = json!({"type": "string", "enum": levels,
        "description": "The consent in force for the account: the narrower of its own and the giver's"});
    let body = json!({"type": "object", "additionalProperties": false,
    "required": ["person", "interviewer", "date", "place", "language", "account", "consent"],
    "description": "A malformed body is a 400 whose fields name the field (e.g. events[1])",
    "properties": {
        "id": text("Optional: a new tst- id is made when absent"),
        "person": text("Id of the person who gave it (must exist)"),
        "interviewer": text("Who took it: a volunteer's or an attorney's name"),
        "date": text("YYYY-MM-DD, YYYY-MM or YYYY; ~ in front if approximate"),
        "place": text("Where it was given"),
        "language": text("Language code of the account: two or three letters, then optional subtags (es, en, mam, pt-BR)"),
        "account": text("The first-person account (sensitive: stored encrypted, never logged)"),
        "consent": {"type": "string", "enum": levels, "description": "Consent given for this account; the narrower of this and the person's own is in force"},
        "events": ids("Ids of events the account tells of (must exist)"),
        "documents": ids("Ids of attached documents (must exist)")
    }});
    let mut edit_body = body.clone();
    edit_body["required"] = json!([]);
    edit_body["properties"]["id"] = text("Optional: when given, the path's id");
    let written = json!({"type": "object", "properties": {"id": {"type": "string"},
        "outcome": {"type": "string", "enum": ["created", "updated", "unchanged"]}}});
    let id_param = json!([{"name": "id", "in": "path", "required": true, "description": "The testimony's id", "schema": {"type": "string"}}]);
    json!({
        "/api/v1/testimonies": {
            "get": {"summary": "Testimonies, oldest first, without their accounts; with q, those whose account holds its words",
                "parameters": [{"name": "person", "in": "query", "required": false, "description": "Only those given by this person (id)", "schema": {"type": "string"}},
                    {"name": "q", "in": "query", "required": false, "description": "Words every account found must hold (case and accents folded); each hit carries a passage. Only for roles that may read accounts (403 for analysts and viewers), among the accounts the caller may read; audited", "schema": {"type": "string"}}],
                "responses": merge(json!({"200": ok(json!({"type": "object", "properties": {"total": {"type": "integer"}, "testimonies": {"type": "array", "items": summary}}}))}), errors(&["400", "401", "403", "503"]))},
            "post": {"summary": "Record a testimony (audited); every reference is checked before anything is stored",
                "requestBody": {"required": true, "content": {"application/json": {"schema": body}}},
                "responses": merge(json!({"201": ok(written.clone())}), errors(&["400", "401", "403", "503"]))}
        },
        "/api/v1/testimonies/{id}": {
            "get": {"summary": "One testimony; the account only for roles that may see the giver's identity (audited)", "parameters": id_param,
                "responses": merge(json!({"200": ok(one)}), errors(&["400", "401", "404", "503"]))},
            "put": {"summary": "Change the fields given (the others are kept); only a caller who may read the account (audited); a changed account clears the review mark", "parameters": id_param,
                "requestBody": {"required": true, "content": {"application/json": {"schema": edit_body}}},
                "responses": merge(json!({"200": ok(written.clone())}), errors(&["400", "401", "403", "404", "503"]))}
        },
        "/api/v1/testimonies/{id}/review": {
            "post": {"summary": "Mark it reviewed for publication (coordinators and administrators; audited); a changed account clears the mark", "parameters": id_param,
                "responses": merge(json!({"200": ok(written)}), errors(&["400", "401", "403", "404", "503"]))}
        }
    })
}
