//! The member's side of private matching: its variants blinded, sent to
//! the key custodian in batches, the answers unblinded and checked
//! against the custodian's pinned public key. The custodian sees blinded
//! elements only; nothing here logs a variant.

use std::collections::HashMap;
use std::time::Duration;

use testimonio_coalition::MatchToken;
use testimonio_coalition::oprf::{
    self, CustodianPublicKey, EvaluateRequest, EvaluateResponse, MAX_BATCH,
};
use testimonio_domain::RecordId;
use testimonio_vault::{CustodianLink, MatchIdentity};
use zeroize::Zeroizing;

use super::error::CoalitionError;
use super::variants::variants;
use crate::{AppError, AppResult};

/// Inputs per request: the custodian's limit, and its unit of charge.
pub const BATCH: usize = 2_000;
const _: () = assert!(BATCH <= MAX_BATCH);

/// The match tokens of `people`, by person id.
///
/// # Errors
/// [`CoalitionError`]s of the custodian: unreachable, unauthorized, out
/// of budget, an answer whose proof fails.
pub fn match_tokens(
    link: &CustodianLink,
    people: &[MatchIdentity],
) -> AppResult<HashMap<RecordId, Vec<MatchToken>>> {
    let public_key = CustodianPublicKey::parse(&link.public_key)
        .map_err(|_| AppError::Coalition(CoalitionError::BadCustodianKey))?;
    let mut owners: Vec<(&RecordId, testimonio_coalition::TokenKind)> = Vec::new();
    let mut inputs: Vec<Zeroizing<Vec<u8>>> = Vec::new();
    for person in people {
        for (kind, text) in variants(
            person.legal_name.as_ref(),
            person.birth_year,
            person.a_number.as_ref(),
        ) {
            owners.push((&person.id, kind));
            inputs.push(oprf::match_input(kind, &text));
        }
    }
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .map_err(AppError::internal)?;
    let mut out: HashMap<RecordId, Vec<MatchToken>> = HashMap::new();
    for (chunk_owners, chunk) in owners.chunks(BATCH).zip(inputs.chunks(BATCH)) {
        let blinded = oprf::blind(chunk)
            .map_err(|e| AppError::Coalition(CoalitionError::CustodianProof(e)))?;
        let response = evaluate(&client, link, &blinded.request)?;
        let tokens = oprf::finalize(chunk, &blinded, &response, public_key)
            .map_err(|e| AppError::Coalition(CoalitionError::CustodianProof(e)))?;
        for ((id, kind), token) in chunk_owners.iter().zip(tokens) {
            out.entry((*id).clone())
                .or_default()
                .push(MatchToken { kind: *kind, token });
        }
    }
    Ok(out)
}

fn evaluate(
    client: &reqwest::blocking::Client,
    link: &CustodianLink,
    request: &EvaluateRequest,
) -> AppResult<EvaluateResponse> {
    let unreachable = || {
        AppError::Coalition(CoalitionError::CustodianUnreachable {
            url: link.url.clone(),
        })
    };
    let url = format!("{}/v1/evaluate", link.url.trim_end_matches('/'));
    let response = client
        .post(url)
        .bearer_auth(link.token.as_str())
        .json(request)
        .send()
        .map_err(|_| unreachable())?;
    match response.status().as_u16() {
        200 => response.json().map_err(|_| unreachable()),
        401 => Err(AppError::Coalition(CoalitionError::CustodianUnauthorized)),
        429 => Err(AppError::Coalition(CoalitionError::CustodianBudget)),
        _ => Err(unreachable()),
    }
}
