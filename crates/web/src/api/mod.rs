//! The JSON API under `/api/v1`, for the same operations as the pages,
//! authenticated with per-user API tokens (`Authorization: Bearer tmo_…`,
//! issued by `testimonio user token`). Same access rules as the pages;
//! no cookies, so no CSRF. [`openapi`] describes exactly [`api_routes`]:
//! a test checks that the two agree.

use axum::Json;
use axum::extract::{Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post, put};
use serde::Deserialize;
use serde_json::{Value, json};
use testimonio_app::records::consent::{GivenOn, Grant};
use testimonio_app::records::events::{Recorded, Write};
use testimonio_app::records::{self, consent, events, groups, people};
use testimonio_app::{Actor, AppError as UseCaseError, AppResult, ErrorClass};
use testimonio_domain::exchange::EventRecord;
use testimonio_domain::{Lang, RecordId, Vocabulary};
use testimonio_vault::{PeopleFilter, User};

mod cases;
mod documents;
mod excerpts;
pub(crate) mod foia;
mod mentions;
mod people_write;
mod search;
mod testimonies;

use crate::RouteSpec;
use crate::auth::Access;
use crate::error::{AppError, ErrorKind};
use crate::i18n::{negotiate, t};
use crate::state::AppState;

/// The caller of an API route.
#[derive(Debug, Clone)]
pub struct ApiUser {
    pub user: User,
    pub lang: Lang,
}

/// Every API route, with its access rule.
pub fn api_routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    let r =
        |method: &'static str, path: &'static str, access: Access, m: MethodRouter<AppState>| {
            (
                RouteSpec {
                    method,
                    path,
                    access,
                },
                m,
            )
        };
    let mut routes = vec![
        r(
            "get",
            "/api/v1/openapi.json",
            Access::Public,
            get(openapi_document),
        ),
        r(
            "get",
            "/api/v1/vocabulary",
            Access::LoggedIn,
            get(vocabulary),
        ),
        r("get", "/api/v1/events", Access::LoggedIn, get(list_events)),
        r("post", "/api/v1/events", Access::Writer, post(create_event)),
        r(
            "get",
            "/api/v1/events/{id}",
            Access::LoggedIn,
            get(show_event),
        ),
        r(
            "put",
            "/api/v1/events/{id}",
            Access::Writer,
            put(update_event),
        ),
        r("get", "/api/v1/people", Access::LoggedIn, get(list_people)),
        r(
            "post",
            "/api/v1/people",
            Access::Writer,
            post(people_write::create_person),
        ),
        r(
            "put",
            "/api/v1/people/{id}",
            Access::Writer,
            put(people_write::update_person),
        ),
        r(
            "get",
            "/api/v1/people/{id}",
            Access::LoggedIn,
            get(show_person),
        ),
        r(
            "get",
            "/api/v1/people/{id}/mentions",
            Access::Writer,
            get(mentions::for_person),
        ),
        r(
            "get",
            "/api/v1/mentions",
            Access::Writer,
            get(mentions::queue),
        ),
        r(
            "post",
            "/api/v1/people/{id}/consent",
            Access::Writer,
            post(add_consent),
        ),
        r(
            "get",
            "/api/v1/testimonies",
            Access::LoggedIn,
            get(testimonies::list),
        ),
        r(
            "post",
            "/api/v1/testimonies",
            Access::Writer,
            post(testimonies::create),
        ),
        r(
            "get",
            "/api/v1/testimonies/{id}",
            Access::LoggedIn,
            get(testimonies::show),
        ),
        r(
            "put",
            "/api/v1/testimonies/{id}",
            Access::Writer,
            put(testimonies::update),
        ),
        r(
            "post",
            "/api/v1/testimonies/{id}/review",
            Access::Reviewer,
            post(testimonies::review),
        ),
        r("get", "/api/v1/groups", Access::LoggedIn, get(list_groups)),
        r(
            "get",
            "/api/v1/documents",
            Access::LoggedIn,
            get(documents::list),
        ),
        r(
            "post",
            "/api/v1/documents",
            Access::Writer,
            post(documents::upload_files),
        ),
        r(
            "get",
            "/api/v1/documents/{id}",
            Access::LoggedIn,
            get(documents::show),
        ),
        r(
            "get",
            "/api/v1/documents/{id}/pages/{n}",
            Access::LoggedIn,
            get(documents::page_text),
        ),
        r("get", "/api/v1/foia", Access::LoggedIn, get(foia::list)),
        r(
            "get",
            "/api/v1/foia/calendar.ics",
            Access::LoggedIn,
            get(foia::calendar),
        ),
        r(
            "get",
            "/api/v1/foia/{id}",
            Access::LoggedIn,
            get(foia::show),
        ),
        r(
            "get",
            "/api/v1/foia/{id}/letter",
            Access::Writer,
            get(foia::letter),
        ),
        r(
            "get",
            "/api/v1/search",
            Access::LoggedIn,
            get(search::search_pages),
        ),
        r(
            "get",
            "/api/v1/watchlists",
            Access::LoggedIn,
            get(search::list_watchlists),
        ),
        r(
            "post",
            "/api/v1/watchlists",
            Access::Writer,
            post(excerpts::create_watchlist),
        ),
        r(
            "get",
            "/api/v1/excerpts",
            Access::LoggedIn,
            get(excerpts::list),
        ),
        r(
            "post",
            "/api/v1/excerpts",
            Access::Writer,
            post(excerpts::create),
        ),
        r(
            "get",
            "/api/v1/watchlists/hits",
            Access::LoggedIn,
            get(search::list_hits),
        ),
        r("get", "/api/v1/audit", Access::Admin, get(audit_log)),
        r("get", "/api/v1/users", Access::Admin, get(list_users)),
    ];
    routes.extend(cases::routes());
    routes
}

/// A JSON error: a stable code and a message in the caller's language.
pub fn json_error(lang: Lang, kind: ErrorKind) -> Response {
    let code = match kind {
        ErrorKind::BadRequest => "bad_request",
        ErrorKind::Unauthorized => "unauthorized",
        ErrorKind::Forbidden | ErrorKind::Csrf => "forbidden",
        ErrorKind::NotFound => "not_found",
        ErrorKind::Conflict => "conflict",
        ErrorKind::MethodNotAllowed => "method_not_allowed",
        ErrorKind::TooLarge => "too_large",
        ErrorKind::Locked => "locked",
        ErrorKind::Busy => "busy",
        ErrorKind::TooManyRenders => "too_many_requests",
        ErrorKind::Overloaded => "overloaded",
        ErrorKind::Internal => "internal",
    };
    (
        kind.status(),
        Json(json!({ "error": code, "message": t(lang, kind.message_key()) })),
    )
        .into_response()
}

/// Checks the bearer token and the route's access rule.
pub async fn api_guard(
    State((state, access)): State<(AppState, Access)>,
    mut req: Request,
    next: Next,
) -> Response {
    let lang = negotiate(req.headers());
    if access == Access::Public {
        return next.run(req).await;
    }
    if state.is_locked() {
        return json_error(lang, ErrorKind::Locked);
    }
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let Some(token) = token else {
        return json_error(lang, ErrorKind::Unauthorized);
    };
    let user = match state
        .with_vault("api:auth", move |v| Ok(v.user_for_api_token(&token)?))
        .await
    {
        Ok(Some(user)) => user,
        Ok(None) => return json_error(lang, ErrorKind::Unauthorized),
        Err(e) => return json_error(lang, e.kind()),
    };
    if !access.allows(Some(&user)) {
        return json_error(lang, ErrorKind::Forbidden);
    }
    req.extensions_mut().insert(ApiUser { user, lang });
    next.run(req).await
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ApiUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<ApiUser>()
            .cloned()
            .ok_or_else(|| AppError::internal(&"api route without its guard"))
    }
}

/// Errors of API handlers, answered as JSON.
pub struct ApiError(Response);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0
    }
}

fn fail(lang: Lang, err: AppError) -> ApiError {
    ApiError(json_error(lang, err.kind()))
}

impl ApiUser {
    /// The account as the actor of a use case.
    fn actor(&self) -> Actor {
        Actor::Account {
            username: self.user.username.to_string(),
            role: self.user.role,
        }
    }
}

/// A use case's error as JSON: the status of its class, a stable code
/// (`invalid`, `unknown_reference`, `not_found`, …), the message in the
/// caller's language and, for input, the fields refused. Matched on the
/// typed error; its text is never read.
pub fn use_case_error(lang: Lang, err: UseCaseError) -> ApiError {
    let code = match &err {
        UseCaseError::Invalid(errors) => return field_errors(lang, errors),
        UseCaseError::UnknownReference { field, kind, id } => {
            let message = err.message(lang);
            let body = json!({
                "error": "unknown_reference",
                "message": message,
                "field": field,
                "kind": kind.code(),
                "id": id,
                "fields": [{ "field": field, "message": message }],
            });
            return ApiError((StatusCode::BAD_REQUEST, Json(body)).into_response());
        }
        _ => match err.class() {
            ErrorClass::BadRequest => "bad_request",
            ErrorClass::Forbidden => "forbidden",
            ErrorClass::NotFound => "not_found",
            ErrorClass::Conflict => "conflict",
            // Logged where it is classed, and never shown.
            ErrorClass::Internal => return fail(lang, AppError::from(err)),
        },
    };
    let message = err.message(lang);
    let status = AppError::from(err).kind().status();
    ApiError((status, Json(json!({ "error": code, "message": message }))).into_response())
}

/// Runs a use case with the vault, as the caller.
async fn run<T, F>(state: &AppState, api: &ApiUser, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut testimonio_vault::Vault, &Actor) -> AppResult<T> + Send + 'static,
{
    let actor = api.actor();
    state
        .with_vault(&api.user.actor_name(), move |v| Ok(f(v, &actor)))
        .await
        .map_err(|e| fail(api.lang, e))?
        .map_err(|e| use_case_error(api.lang, e))
}

fn field_errors(lang: Lang, errors: &[testimonio_domain::FieldError]) -> ApiError {
    let items: Vec<Value> = errors
        .iter()
        .map(|e| json!({ "field": e.field, "message": e.problem.message(lang) }))
        .collect();
    let body =
        json!({ "error": "invalid", "message": t(lang, "event-has-errors"), "fields": items });
    ApiError((StatusCode::BAD_REQUEST, Json(body)).into_response())
}

#[derive(Debug, Deserialize, Default)]
pub struct EventQuery {
    kind: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    state: Option<String>,
    field_office: Option<String>,
    group: Option<String>,
    person: Option<String>,
    from: Option<String>,
    to: Option<String>,
    verification: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

impl EventQuery {
    fn into_query(self) -> records::EventQuery {
        records::EventQuery {
            kind: self.kind,
            event_type: self.event_type,
            state: self.state,
            field_office: self.field_office,
            group: self.group,
            person: self.person,
            from: self.from,
            to: self.to,
            verification: self.verification,
            limit: Some(self.limit.unwrap_or(100).min(1000)),
            offset: self.offset.unwrap_or(0),
        }
    }
}

async fn list_events(
    State(state): State<AppState>,
    api: ApiUser,
    Query(q): Query<EventQuery>,
) -> Result<Json<Value>, ApiError> {
    let filter = q
        .into_query()
        .filter()
        .map_err(|e| use_case_error(api.lang, e))?;
    let (offset, limit) = (filter.offset, filter.limit);
    let page = run(&state, &api, move |v, actor| {
        events::list(v, actor, &filter)
    })
    .await?;
    let items: Vec<EventRecord> = page.events.iter().map(EventRecord::from_event).collect();
    Ok(Json(
        json!({ "total": page.total, "offset": offset, "limit": limit, "events": items }),
    ))
}

async fn show_event(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<EventRecord>, ApiError> {
    let id = RecordId::parse("id", &id).map_err(|e| field_errors(api.lang, &[e]))?;
    let event = run(&state, &api, move |v, actor| events::show(v, actor, &id)).await?;
    Ok(Json(EventRecord::from_event(&event)))
}

async fn write_event(
    state: AppState,
    api: ApiUser,
    record: EventRecord,
) -> Result<Response, ApiError> {
    let recorded = run(&state, &api, move |v, actor| {
        events::record(v, actor, &record, Write::Put)
    })
    .await?;
    match recorded {
        Recorded::Stored(outcome, event) => {
            let status = if outcome == testimonio_vault::WriteOutcome::Created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            Ok((status, Json(EventRecord::from_event(&event))).into_response())
        }
        // A put replaces: it never finds the id taken.
        Recorded::IdTaken => Err(fail(
            api.lang,
            AppError::internal(&"a put found its id taken"),
        )),
    }
}

/// The fields of an event body (`EventRecord`).
const EVENT_FIELDS: &[&str] = &[
    "id",
    "kind",
    "event_type",
    "date",
    "end_date",
    "state",
    "city",
    "facility",
    "agency",
    "field_office",
    "people",
    "groups",
    "narrative",
    "verification",
];

/// An event body with `id` (the address's, or a new one when the body
/// has none): a JSON object (else a plain 400) whose missing, unknown or
/// mistyped field is named.
fn event_body(lang: Lang, bytes: &[u8], id: Option<String>) -> Result<EventRecord, Box<ApiError>> {
    let mut value: Value = serde_json::from_slice(bytes)
        .map_err(|_| Box::new(ApiError(json_error(lang, ErrorKind::BadRequest))))?;
    let Some(map) = value.as_object_mut() else {
        return Err(Box::new(ApiError(json_error(lang, ErrorKind::BadRequest))));
    };
    let given = map
        .get("id")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    let id = id
        .or_else(|| given.map(str::to_owned))
        .unwrap_or_else(|| testimonio_app::ids::new_id("evt"));
    map.insert("id".into(), Value::String(id));
    let missing: Vec<testimonio_domain::FieldError> = ["event_type", "date"]
        .into_iter()
        .filter(|f| !map.contains_key(*f))
        .map(|f| testimonio_domain::FieldError::new(f, testimonio_domain::Problem::Required))
        .collect();
    if !missing.is_empty() {
        return Err(Box::new(field_errors(lang, &missing)));
    }
    testimonies::parse_object(value, EVENT_FIELDS, "api-body-field-wrong-type")
        .map_err(|p| Box::new(p.into_error(lang)))
}

async fn create_event(
    State(state): State<AppState>,
    api: ApiUser,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let record = event_body(api.lang, &body, None).map_err(|e| *e)?;
    write_event(state, api, record).await
}

async fn update_event(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let record = event_body(api.lang, &body, Some(id)).map_err(|e| *e)?;
    write_event(state, api, record).await
}

async fn list_people(State(state): State<AppState>, api: ApiUser) -> Result<Json<Value>, ApiError> {
    let people = run(&state, &api, |v, actor| {
        people::list(v, actor, &PeopleFilter::default())
    })
    .await?;
    let today = chrono::Utc::now().date_naive();
    let items: Vec<Value> = people
        .iter()
        .map(|p| json!({ "id": p.id, "pseudonym": p.pseudonym, "groups": p.groups, "consent": p.consent.level_on(today).code() }))
        .collect();
    Ok(Json(json!({ "total": items.len(), "people": items })))
}

/// A person: pseudonymous summary, and identity fields only for roles and
/// records that allow it (that read is audited).
async fn show_person(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = RecordId::parse("id", &id).map_err(|e| field_errors(api.lang, &[e]))?;
    let view = run(&state, &api, move |v, actor| people::show(v, actor, &id)).await?;
    let summary = &view.summary;
    let today = chrono::Utc::now().date_naive();
    let mut out = json!({ "id": summary.id, "pseudonym": summary.pseudonym, "groups": summary.groups,
        "consent": summary.consent.level_on(today).code() });
    if let Some(person) = &view.identity {
        let record = testimonio_domain::exchange::PersonRecord::from_person(person);
        out["identity"] = json!({
            "legal_name": record.legal_name, "aliases": record.aliases, "contact": record.contact,
            "a_number": record.a_number, "immigration_status": record.immigration_status,
            "address": record.address, "birth_year": record.birth_year,
        });
    }
    Ok(Json(out))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentBody {
    level: String,
    given_on: Option<String>,
    withdrawn_on: Option<String>,
    note: Option<String>,
}

/// Adds a grant of consent (or a withdrawn one) to a person's history.
async fn add_consent(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<ConsentBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body.map_err(|_| ApiError(json_error(api.lang, ErrorKind::BadRequest)))?;
    let id = RecordId::parse("id", &id).map_err(|e| field_errors(api.lang, &[e]))?;
    let grant = Grant {
        level: body.level,
        given_on: body.given_on,
        withdrawn_on: body.withdrawn_on,
        note: body.note,
    };
    run(&state, &api, move |v, actor| {
        consent::add(v, actor, &id, &grant, GivenOn::Optional)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(json!({ "ok": true }))).into_response())
}

async fn audit_log(State(state): State<AppState>, api: ApiUser) -> Result<Json<Value>, ApiError> {
    let (entries, total, faults) = state
        .with_vault(&api.user.actor_name(), |v| {
            let entries = v.audit_tail(1000)?;
            let (total, faults) = v.verify_audit_chain()?;
            Ok((entries, total, faults))
        })
        .await
        .map_err(|e| fail(api.lang, e))?;
    let faults: Vec<String> = faults.iter().map(ToString::to_string).collect();
    Ok(Json(
        json!({ "total": total, "chain_ok": faults.is_empty(), "faults": faults, "entries": entries }),
    ))
}

async fn list_users(State(state): State<AppState>, api: ApiUser) -> Result<Json<Value>, ApiError> {
    let users = state
        .with_vault(&api.user.actor_name(), |v| Ok(v.users()?))
        .await
        .map_err(|e| fail(api.lang, e))?;
    Ok(Json(json!({ "total": users.len(), "users": users })))
}

async fn list_groups(State(state): State<AppState>, api: ApiUser) -> Result<Json<Value>, ApiError> {
    let groups = run(&state, &api, |v, actor| groups::list(v, actor)).await?;
    let items: Vec<_> = groups
        .iter()
        .map(testimonio_domain::exchange::GroupRecord::from_group)
        .collect();
    Ok(Json(json!({ "total": items.len(), "groups": items })))
}

async fn vocabulary() -> Json<Value> {
    let v = Vocabulary::get();
    let types: Vec<Value> = v
        .types
        .iter()
        .map(|t| json!({ "code": t.code, "kind": t.kind, "label": t.label, "definition": t.definition }))
        .collect();
    Json(json!({ "version": v.version, "types": types }))
}

async fn openapi_document() -> Json<Value> {
    Json(openapi())
}

/// A 200-like response of `schema`, for the OpenAPI document.
fn ok_response(schema: Value) -> Value {
    json!({"description": "OK", "content": {"application/json": {"schema": schema}}})
}

/// `a`'s responses and `b`'s together.
fn merge_responses(mut a: Value, b: Value) -> Value {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        a.extend(b);
    }
    a
}

/// Each error status of `codes`, answered with the `Error` schema.
fn error_responses(codes: &[&str]) -> Value {
    let mut m = serde_json::Map::new();
    for c in codes {
        m.insert(
            (*c).into(),
            json!({"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}),
        );
    }
    Value::Object(m)
}

/// The OpenAPI 3 description of [`api_routes`].
pub fn openapi() -> Value {
    let person_written = json!({"type": "object", "properties": {"id": {"type": "string"}, "pseudonym": {"type": "string"},
        "outcome": {"type": "string", "enum": ["created", "updated", "unchanged"]}}});
    let event_record = json!({
        "type": "object",
        "required": ["event_type", "date"],
        "additionalProperties": false,
        "properties": {
            "id": {"type": "string", "pattern": "^[A-Za-z0-9._:-]{1,64}$", "description": "Optional when creating: a new id (evt-…) is made; on PUT the address's id is used"},
            "kind": {"type": "string", "enum": ["protected_activity", "enforcement_action"]},
            "event_type": {"type": "string", "description": "A code from GET /api/v1/vocabulary"},
            "date": {"type": "string", "description": "YYYY-MM-DD, YYYY-MM or YYYY; ~ in front if approximate"},
            "end_date": {"type": "string"},
            "state": {"type": "string", "description": "USPS code"},
            "city": {"type": "string"}, "facility": {"type": "string"},
            "agency": {"type": "string"}, "field_office": {"type": "string", "description": "ICE ERO code"},
            "people": {"type": "array", "items": {"type": "object", "required": ["id", "role"],
                "properties": {"id": {"type": "string"}, "role": {"type": "string"}}}},
            "groups": {"type": "array", "items": {"type": "string"}},
            "narrative": {"type": "string"},
            "verification": {"type": "string", "enum": ["reported", "corroborated", "documented"]}
        }
    });
    let error = json!({"type": "object", "required": ["error", "message"], "properties": {
        "error": {"type": "string", "description": "A stable code: invalid, unknown_reference, not_found, bad_request, unauthorized, forbidden, conflict, …"},
        "message": {"type": "string", "description": "In the language of Accept-Language"},
        "field": {"type": "string", "description": "unknown_reference: where the reference is, e.g. people[1].id"},
        "kind": {"type": "string", "description": "unknown_reference: person or group"},
        "id": {"type": "string", "description": "unknown_reference: the id not found"},
        "fields": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}
    }});
    let (ok, merge, errors) = (ok_response, merge_responses, error_responses);
    let id_param =
        json!([{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]);
    let filters: Vec<Value> = ["kind", "type", "state", "field_office", "group", "person", "from", "to", "verification"]
        .iter()
        .map(|n| json!({"name": n, "in": "query", "required": false, "schema": {"type": "string"}}))
        .chain(["limit", "offset"].iter().map(|n| json!({"name": n, "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0}})))
        .collect();
    let event_ref = json!({"$ref": "#/components/schemas/EventRecord"});
    let testimony_paths = testimonies::openapi_paths(&errors, &ok);
    let case_paths = cases::openapi_paths(&errors, &ok);
    let mut doc = json!({
        "openapi": "3.0.3",
        "info": {"title": "Testimonio API", "version": "1",
            "description": "Events, people (pseudonymous; identity only for roles allowed to see it, audited), testimonies (accounts only for those roles, audited), documents and uploads, groups, cases and vocabulary."},
        "security": [{"bearer": []}],
        "paths": {
            "/api/v1/openapi.json": {"get": {"summary": "This document", "security": [], "responses": {"200": ok(json!({"type": "object"}))}}},
            "/api/v1/vocabulary": {"get": {"summary": "Event types in English and Spanish", "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "503"]))}},
            "/api/v1/events": {
                "get": {"summary": "Events, oldest first", "parameters": filters,
                    "responses": merge(json!({"200": ok(json!({"type": "object", "properties": {"total": {"type": "integer"}, "events": {"type": "array", "items": event_ref}}}))}), errors(&["400", "401", "503"]))},
                "post": {"summary": "Create an event", "requestBody": {"required": true, "content": {"application/json": {"schema": event_ref}}},
                    "responses": merge(json!({"201": ok(event_ref.clone()), "200": ok(event_ref.clone())}), errors(&["400", "401", "403", "503"]))}
            },
            "/api/v1/events/{id}": {
                "get": {"summary": "One event", "parameters": id_param, "responses": merge(json!({"200": ok(event_ref.clone())}), errors(&["400", "401", "404", "503"]))},
                "put": {"summary": "Create or replace an event", "parameters": id_param, "requestBody": {"required": true, "content": {"application/json": {"schema": event_ref}}},
                    "responses": merge(json!({"200": ok(event_ref.clone()), "201": ok(event_ref.clone())}), errors(&["400", "401", "403", "503"]))}
            },
            "/api/v1/people": {"get": {"summary": "People, by pseudonym", "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "503"]))},
                "post": {"summary": "Record a new person with the consent they give (audited); a new id when none is given",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": person_body(true)}}},
                    "responses": merge(json!({"201": ok(person_written.clone())}), errors(&["400", "401", "403", "503"]))}},
            "/api/v1/people/{id}": {"get": {"summary": "One person; identity fields only where the role allows (audited)", "parameters": id_param,
                "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["400", "401", "404", "503"]))},
                "put": {"summary": "Change the fields given (an empty text clears one); only an account that may see the person's identity may change it (audited)", "parameters": id_param,
                    "requestBody": {"required": true, "content": {"application/json": {"schema": person_body(false)}}},
                    "responses": merge(json!({"200": ok(person_written)}), errors(&["400", "401", "403", "404", "503"]))}},
            "/api/v1/people/{id}/consent": {"post": {"summary": "Add a grant of consent to a person's history", "parameters": id_param,
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["level"], "additionalProperties": false,
                    "properties": {"level": {"type": "string", "enum": ["internal", "coalition_aggregate", "coalition_narrative", "public_anonymous", "public_named"]},
                        "given_on": {"type": "string", "format": "date"}, "withdrawn_on": {"type": "string", "format": "date"}, "note": {"type": "string"}}}}}},
                "responses": merge(json!({"201": ok(json!({"type": "object"}))}), errors(&["400", "401", "403", "404", "503"]))}},
            "/api/v1/groups": {"get": {"summary": "Groups", "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "503"]))}},
            "/api/v1/audit": {"get": {"summary": "The newest audit entries and the state of the chain (administrators)",
                "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "403", "503"]))}},
            "/api/v1/users": {"get": {"summary": "Accounts (administrators); never password hashes",
                "responses": merge(json!({"200": ok(json!({"type": "object"}))}), errors(&["401", "403", "503"]))}}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "A token from `testimonio user token NAME`"}},
            "schemas": {"EventRecord": event_record, "Error": error}
        }
    });
    if let Some(paths) = doc["paths"].as_object_mut() {
        paths.extend(documents::openapi_paths());
        paths.extend(foia::openapi_paths());
        paths.extend(search::openapi_paths());
        paths.extend(excerpts::openapi_paths());
        paths.extend(mentions::openapi_paths());
        for more in [testimony_paths, case_paths] {
            if let Value::Object(more) = more {
                paths.extend(more);
            }
        }
    }
    doc
}

/// The body of `POST` (`creating`: pseudonym and consent required) and
/// `PUT /api/v1/people/{id}` (the fields present change; no consent).
fn person_body(creating: bool) -> Value {
    let text = |description: &str| json!({"type": "string", "description": description});
    let mut properties = json!({
        "pseudonym": text("The name the person is known by in the vault and every report"),
        "legal_name": text("Sensitive"), "contact": text("Sensitive"), "a_number": text("Sensitive; A and 8 or 9 digits"),
        "immigration_status": text("Sensitive"), "address": text("Sensitive"),
        "aliases": {"type": "array", "items": {"type": "string"}, "description": "Sensitive"},
        "birth_year": {"type": "integer"},
        "groups": {"type": "array", "items": {"type": "string"}, "description": "Group ids"},
    });
    let mut schema = json!({"type": "object", "additionalProperties": false});
    if creating {
        properties["id"] = text("Optional: a new id is made when absent");
        properties["consent"] = json!({"type": "object", "required": ["level"], "additionalProperties": false,
            "properties": {"level": {"type": "string", "enum": ["internal", "coalition_aggregate", "coalition_narrative", "public_anonymous", "public_named"]},
                "given_on": {"type": "string", "format": "date"}}});
        schema["required"] = json!(["pseudonym", "consent"]);
    }
    schema["properties"] = properties;
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document lists exactly the routes the server has, with the same methods.
    #[test]
    fn openapi_matches_the_routes() {
        let doc = openapi();
        let paths = doc["paths"].as_object().unwrap();
        let mut documented: Vec<(String, String)> = paths
            .iter()
            .flat_map(|(p, ops)| {
                ops.as_object()
                    .unwrap()
                    .keys()
                    .map(move |m| (m.clone(), p.clone()))
            })
            .collect();
        let mut served: Vec<(String, String)> = api_routes()
            .iter()
            .map(|(s, _)| (s.method.to_owned(), s.path.to_owned()))
            .collect();
        documented.sort();
        served.sort();
        assert_eq!(documented, served);
        for (spec, _) in api_routes() {
            let op = &doc["paths"][spec.path][spec.method];
            let public = op
                .get("security")
                .is_some_and(|s| s.as_array().is_some_and(Vec::is_empty));
            assert_eq!(
                public,
                spec.access == Access::Public,
                "{} {}",
                spec.method,
                spec.path
            );
            if spec.access != Access::Public {
                assert!(
                    op["responses"].get("401").is_some(),
                    "{} {} documents 401",
                    spec.method,
                    spec.path
                );
            }
            if matches!(
                spec.access,
                Access::Writer | Access::Reviewer | Access::Admin
            ) {
                assert!(
                    op["responses"].get("403").is_some(),
                    "{} {} documents 403",
                    spec.method,
                    spec.path
                );
            }
        }
    }
}
