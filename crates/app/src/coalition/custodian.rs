//! The key custodian's use cases: its key made once and kept in its own
//! encrypted vault, members added with a bearer token (kept hashed) and a
//! daily budget, and evaluations charged to a member before they are made.
//! The custodian never sees an identity: it evaluates blinded elements.

use chrono::NaiveDate;
use testimonio_coalition::oprf::{CustodianKey, EvaluateRequest, EvaluateResponse};
use testimonio_vault::{Charge, Vault, token_hash};
use zeroize::Zeroizing;

use super::error::CoalitionError;
use crate::{Actor, AppError, AppResult, act_as};

/// Makes the custodian's key and stores it (audited); returns its public
/// key (hex), which members pin. Refused when a key exists.
///
/// # Errors
/// [`AppError::Forbidden`] but for an administrator;
/// [`CoalitionError::CustodianExists`]; the vault's errors.
pub fn init(vault: &mut Vault, actor: &Actor) -> AppResult<String> {
    if !actor.role().is_admin() {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    if vault.custodian_key()?.is_some() {
        return Err(AppError::Coalition(CoalitionError::CustodianExists));
    }
    let (key, seed) = CustodianKey::generate().map_err(AppError::internal)?;
    let public_key = key.public_key().to_hex();
    if !vault.custodian_init(&seed, &public_key)? {
        return Err(AppError::Coalition(CoalitionError::CustodianExists));
    }
    Ok(public_key)
}

/// The custodian's key, to serve with.
///
/// # Errors
/// [`CoalitionError::NotACustodian`]; the vault's errors.
pub fn key(vault: &Vault) -> AppResult<CustodianKey> {
    let (seed, _) = vault
        .custodian_key()?
        .ok_or(AppError::Coalition(CoalitionError::NotACustodian))?;
    CustodianKey::from_seed(&seed).map_err(AppError::internal)
}

/// Adds a member: a new random bearer token (returned once, stored
/// hashed) and its daily budget of evaluations.
///
/// # Errors
/// [`AppError::Forbidden`] but for an administrator;
/// [`CoalitionError::NotACustodian`]; [`CoalitionError::MemberTaken`] or
/// [`CoalitionError::BadCoalitionId`] for a bad name; the vault's errors.
pub fn add_member(
    vault: &mut Vault,
    actor: &Actor,
    name: &str,
    daily_budget: u64,
) -> AppResult<Zeroizing<String>> {
    if !actor.role().is_admin() {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    if vault.custodian_key()?.is_none() {
        return Err(AppError::Coalition(CoalitionError::NotACustodian));
    }
    if !super::valid_coalition_id(name) {
        return Err(AppError::Coalition(CoalitionError::BadCoalitionId));
    }
    let bytes = Zeroizing::new(rand::random::<[u8; 32]>());
    let token = Zeroizing::new(hex::encode(bytes.as_slice()));
    if !vault.custodian_add_member(name, &token_hash(&token), daily_budget)? {
        return Err(AppError::Coalition(CoalitionError::MemberTaken {
            name: name.to_owned(),
        }));
    }
    Ok(token)
}

/// A request's outcome, for the server to answer.
#[derive(Debug)]
pub enum Evaluated {
    Done(EvaluateResponse),
    UnknownToken,
    OverBudget,
}

/// Charges the request to the member holding `token` on `day`, then
/// evaluates it. Only counts are recorded (the audit entry of the charge).
///
/// # Errors
/// [`AppError::Invalid`]-free: a malformed request is
/// [`CoalitionError::CustodianProof`] (the server answers 400); the
/// vault's errors.
pub fn evaluate(
    vault: &mut Vault,
    key: &CustodianKey,
    token: &str,
    request: &EvaluateRequest,
    day: NaiveDate,
) -> AppResult<Evaluated> {
    let count = request.blinded.len() as u64;
    match vault.custodian_charge(&token_hash(token), count, &day.to_string())? {
        Charge::UnknownToken => Ok(Evaluated::UnknownToken),
        Charge::OverBudget { .. } => Ok(Evaluated::OverBudget),
        Charge::Granted { .. } => key
            .evaluate(request)
            .map(Evaluated::Done)
            .map_err(|e| AppError::Coalition(CoalitionError::CustodianProof(e))),
    }
}
