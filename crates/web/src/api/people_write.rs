//! `POST /api/v1/people` and `PUT /api/v1/people/{id}`: a person recorded
//! with the consent they give, or changed, through the records use cases.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use testimonio_app::records::people::{self, InitialConsent, PersonFields, PersonRecorded};
use testimonio_domain::RecordId;
use testimonio_vault::WriteOutcome;

use super::{ApiError, ApiUser, field_errors, json_error, run};
use crate::error::ErrorKind;
use crate::state::AppState;

/// A person's fields in a request body. On `POST` the consent `level` is
/// required and `id` is optional (a new one is made); on `PUT` only the
/// fields present change, an empty text clears one, and consent is not
/// changed (see `/api/v1/people/{id}/consent`). It holds identity fields,
/// so it has no `Debug`: it is never printed or logged.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PersonBody {
    id: Option<String>,
    pseudonym: Option<String>,
    legal_name: Option<String>,
    aliases: Option<Vec<String>>,
    contact: Option<String>,
    a_number: Option<String>,
    immigration_status: Option<String>,
    address: Option<String>,
    birth_year: Option<i64>,
    groups: Option<Vec<String>>,
    consent: Option<ConsentBody>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConsentBody {
    level: String,
    given_on: Option<String>,
}

impl PersonBody {
    fn fields(self) -> (Option<String>, PersonFields, Option<InitialConsent>) {
        let consent = self.consent.map(|c| InitialConsent {
            level: c.level,
            given_on: c.given_on,
        });
        let fields = PersonFields {
            pseudonym: self.pseudonym,
            legal_name: self.legal_name,
            aliases: self.aliases,
            contact: self.contact,
            a_number: self.a_number,
            immigration_status: self.immigration_status,
            address: self.address,
            birth_year: self.birth_year,
            groups: self.groups,
        };
        (self.id, fields, consent)
    }
}

/// The body, or `None` when it is not JSON of this shape (a 400).
fn body_of(body: Result<Json<PersonBody>, JsonRejection>) -> Option<PersonBody> {
    body.ok().map(|Json(b)| b)
}

fn bad_body(api: &ApiUser) -> ApiError {
    ApiError(json_error(api.lang, ErrorKind::BadRequest))
}

fn answer(recorded: &PersonRecorded) -> Response {
    let (status, outcome) = match recorded.outcome {
        WriteOutcome::Created => (StatusCode::CREATED, "created"),
        WriteOutcome::Updated => (StatusCode::OK, "updated"),
        WriteOutcome::Unchanged => (StatusCode::OK, "unchanged"),
    };
    let body = json!({ "id": recorded.id, "pseudonym": recorded.pseudonym, "outcome": outcome });
    (status, Json(body)).into_response()
}

pub async fn create_person(
    State(state): State<AppState>,
    api: ApiUser,
    body: Result<Json<PersonBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let (id, fields, consent) = body_of(body).ok_or_else(|| bad_body(&api))?.fields();
    let recorded = run(&state, &api, move |v, actor| {
        people::create(v, actor, id.as_deref(), fields, consent)
    })
    .await?;
    Ok(answer(&recorded))
}

pub async fn update_person(
    State(state): State<AppState>,
    api: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<PersonBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let id = RecordId::parse("id", &id).map_err(|e| field_errors(api.lang, &[e]))?;
    let (body_id, fields, consent) = body_of(body).ok_or_else(|| bad_body(&api))?.fields();
    // The id is the path's; consent has its own endpoint.
    if body_id.is_some_and(|b| b != id.as_str()) || consent.is_some() {
        return Err(bad_body(&api));
    }
    let recorded = run(&state, &api, move |v, actor| {
        people::edit(v, actor, &id, fields)
    })
    .await?;
    Ok(answer(&recorded))
}
