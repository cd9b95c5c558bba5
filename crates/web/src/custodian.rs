//! The key custodian's HTTP service (`testimonio custodian serve`): a
//! separate, small server over the custodian's own vault, run by another
//! organization than the hub. Two routes:
//!
//! - `GET /v1/key`: the custodian's public key (hex), which members pin.
//! - `POST /v1/evaluate` (`Authorization: Bearer TOKEN`, JSON
//!   [`EvaluateRequest`]): the request is charged to the member holding
//!   the token first (401 for an unknown token, 429 past the day's
//!   budget), then evaluated ([`EvaluateResponse`]; 400 for a malformed
//!   batch). The inputs are blinded: the custodian learns nothing of them,
//!   and it records and logs counts only.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use testimonio_app::coalition::custodian::{self, Evaluated};
use testimonio_app::{AppError, ErrorClass};
use testimonio_coalition::oprf::{CustodianKey, EvaluateRequest};
use testimonio_vault::Vault;

/// The custodian's state: its vault (for the members and their budgets)
/// and its key.
#[derive(Clone)]
pub struct CustodianState {
    vault: Arc<Mutex<Vault>>,
    key: Arc<CustodianKey>,
}

impl CustodianState {
    /// # Errors
    /// The vault is no custodian; the vault's errors.
    pub fn new(vault: Vault) -> Result<Self, AppError> {
        let key = custodian::key(&vault)?;
        Ok(Self {
            vault: Arc::new(Mutex::new(vault)),
            key: Arc::new(key),
        })
    }
}

/// The custodian's routes.
pub fn router(state: CustodianState) -> Router {
    Router::new()
        .route("/v1/key", get(public_key))
        .route("/v1/evaluate", post(evaluate))
        .layer(DefaultBodyLimit::max(2 * 1024 * 1024))
        .with_state(state)
}

/// Serves the custodian on `addr` until the process ends.
///
/// # Errors
/// The address cannot be bound; the server fails.
pub async fn serve(addr: SocketAddr, state: CustodianState) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, router(state)).await
}

async fn public_key(State(state): State<CustodianState>) -> Response {
    state.key.public_key().to_hex().into_response()
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(|t| t.trim().to_owned())
}

async fn evaluate(
    State(state): State<CustodianState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(token) = bearer(&headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    // The body's text is never echoed: a bad one is a bare 400.
    let Ok(request) = serde_json::from_slice::<EvaluateRequest>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let count = request.blinded.len();
    let outcome = tokio::task::spawn_blocking(move || {
        let mut vault = state
            .vault
            .lock()
            .map_err(|_| AppError::internal("custodian vault lock poisoned"))?;
        let day = chrono::Utc::now().date_naive();
        custodian::evaluate(&mut vault, &state.key, &token, &request, day)
    })
    .await;
    match outcome {
        Ok(Ok(Evaluated::Done(response))) => {
            tracing::info!(evaluations = count, "custodian evaluated");
            axum::Json(response).into_response()
        }
        Ok(Ok(Evaluated::UnknownToken)) => {
            tracing::info!("custodian refused an unknown token");
            StatusCode::UNAUTHORIZED.into_response()
        }
        Ok(Ok(Evaluated::OverBudget)) => {
            tracing::info!(evaluations = count, "custodian refused over budget");
            StatusCode::TOO_MANY_REQUESTS.into_response()
        }
        Ok(Err(e)) if e.class() == ErrorClass::BadRequest => {
            StatusCode::BAD_REQUEST.into_response()
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "custodian failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
