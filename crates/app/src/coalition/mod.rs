//! Coalitions (issue 16), the member group's side: joining a coalition
//! and sharing the member's consented, de-identified picture as a signed
//! bundle encrypted to the hub, with match tokens from the key custodian.
//!
//! `picture.rs` decides what a bundle holds (pure); `variants.rs` makes
//! the identity variants tokens come from; `custodian_client.rs` runs the
//! oblivious PRF with the custodian over HTTP. The formats and the
//! cryptography are `testimonio-coalition`'s.

pub mod custodian;
pub mod custodian_client;
pub mod error;
pub mod hub;
pub mod picture;
pub mod variants;

use std::collections::HashMap;

use chrono::NaiveDate;
use testimonio_coalition::{MemberKey, PseudonymKey, seal};
use testimonio_domain::RecordId;
use testimonio_vault::{
    CustodianLink, EventFilter, Membership, NewMembership, PeopleFilter, ShareCounts, Vault,
};
use zeroize::Zeroizing;

pub use error::CoalitionError;

use crate::{Actor, AppError, AppResult, act_as};

/// What joining a coalition needs.
pub struct JoinRequest {
    pub coalition_id: String,
    pub hub_recipient: String,
    /// The key custodian: its address, its public key (hex) and this
    /// member's bearer token there; all three or none.
    pub custodian_url: Option<String>,
    pub custodian_public_key: Option<String>,
    pub custodian_token: Option<Zeroizing<String>>,
}

/// What joining hands back: what the hub's coordinator registers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub coalition_id: String,
    /// The member's public signing key (hex): the hub admits it.
    pub member_key: String,
}

fn coalition(err: CoalitionError) -> AppError {
    AppError::Coalition(err)
}

fn valid_coalition_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Joins a coalition: checks the hub's recipient and the custodian's key,
/// makes the member's signing key and pseudonym secret, stores them in
/// the vault (audited). For an administrator (the operator is one).
///
/// # Errors
/// [`AppError::Forbidden`]; [`CoalitionError`]s for a bad id, recipient or
/// custodian, or a vault already in a coalition; the vault's errors.
pub fn join(vault: &mut Vault, actor: &Actor, request: &JoinRequest) -> AppResult<Joined> {
    if !actor.role().is_admin() {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    let id = request.coalition_id.trim();
    if !valid_coalition_id(id) {
        return Err(coalition(CoalitionError::BadCoalitionId));
    }
    if seal::parse_recipient(&request.hub_recipient).is_none() {
        return Err(coalition(CoalitionError::BadHubRecipient));
    }
    let custodian = match (
        &request.custodian_url,
        &request.custodian_public_key,
        &request.custodian_token,
    ) {
        (None, None, None) => None,
        (Some(url), Some(pk), Some(token)) => {
            let pk = testimonio_coalition::oprf::CustodianPublicKey::parse(pk)
                .map_err(|_| coalition(CoalitionError::BadCustodianKey))?;
            Some(CustodianLink {
                url: url.trim().to_owned(),
                public_key: pk.to_hex(),
                token: token.clone(),
            })
        }
        _ => return Err(coalition(CoalitionError::CustodianIncomplete)),
    };
    if let Some(existing) = vault.coalition_membership()? {
        return Err(coalition(CoalitionError::AlreadyJoined {
            coalition: existing.coalition_id,
        }));
    }
    let member_key = MemberKey::generate();
    let pseudonym_key = PseudonymKey::generate();
    let joined = vault.join_coalition(&NewMembership {
        coalition_id: id,
        hub_recipient: request.hub_recipient.trim(),
        member_key: &member_key.seed(),
        pseudonym_key: pseudonym_key.expose(),
        custodian: custodian.as_ref(),
    })?;
    if !joined {
        let existing = vault.coalition_membership()?.map(|m| m.coalition_id);
        return Err(coalition(CoalitionError::AlreadyJoined {
            coalition: existing.unwrap_or_default(),
        }));
    }
    Ok(Joined {
        coalition_id: id.to_owned(),
        member_key: member_key.public().to_hex(),
    })
}

/// The coalition this vault is a member of, and its public key.
///
/// # Errors
/// [`CoalitionError::NotJoined`]; the vault's errors.
pub fn membership(vault: &Vault) -> AppResult<(Membership, String)> {
    let membership = vault
        .coalition_membership()?
        .ok_or_else(|| coalition(CoalitionError::NotJoined))?;
    let secrets = vault
        .coalition_secrets()?
        .ok_or_else(|| coalition(CoalitionError::NotJoined))?;
    let key = MemberKey::from_seed(&secrets.member_key);
    Ok((membership, key.public().to_hex()))
}

/// A bundle made, audited and sealed: its bytes are ciphertext to the hub.
#[derive(Debug)]
pub struct SharedBundle {
    pub coalition_id: String,
    pub number: u64,
    pub counts: ShareCounts,
    sealed: Vec<u8>,
}

impl SharedBundle {
    /// The sealed bundle (age ciphertext to the hub): audited already.
    pub fn sealed(&self) -> &[u8] {
        &self.sealed
    }
}

/// Shares the member's current picture: the consenting people, their
/// events, birth bands and match tokens (when a custodian is set), signed
/// and encrypted to the hub, numbered after the last. The identity read
/// for matching is audited (`identity_read` of `coalition:share`, a
/// count), and so is the share itself (`export` of `coalition-bundle:N`,
/// counts only) before the bundle's bytes exist. For a role that sees
/// every identity.
///
/// # Errors
/// [`AppError::Forbidden`]; [`CoalitionError::NotJoined`]; the
/// custodian's failures; the vault's errors.
pub fn share(
    vault: &mut Vault,
    actor: &Actor,
    today: NaiveDate,
    created_at: &str,
) -> AppResult<SharedBundle> {
    if !actor.role().sees_all_identities() {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    let membership = vault
        .coalition_membership()?
        .ok_or_else(|| coalition(CoalitionError::NotJoined))?;
    let secrets = vault
        .coalition_secrets()?
        .ok_or_else(|| coalition(CoalitionError::NotJoined))?;
    // Events first: people are never deleted, so everyone an event names
    // is among the people read after it.
    let events = vault.events(&EventFilter::default())?;
    let people = vault.people(&PeopleFilter::default())?;
    let groups = vault.groups()?;
    let ids: Vec<RecordId> = picture::consenting(&people, today)
        .into_iter()
        .map(|p| p.id.clone())
        .collect();
    let identities = vault.match_identities(&ids)?;
    let birth_years: HashMap<RecordId, u16> = identities
        .iter()
        .filter_map(|i| i.birth_year.map(|y| (i.id.clone(), y)))
        .collect();
    let tokens = match &membership.custodian {
        Some(link) => custodian_client::match_tokens(link, &identities)?,
        None => HashMap::new(),
    };
    drop(identities);
    let key = PseudonymKey::from_bytes(*secrets.pseudonym_key);
    let sources = picture::Sources {
        people: &people,
        events: &events,
        groups: &groups,
        birth_years: &birth_years,
        tokens: &tokens,
        today,
    };
    let (mut bundle, counts) =
        picture::picture(&sources, &key, &membership.coalition_id, created_at);
    bundle.number = vault.record_coalition_share(counts)?;
    let member_key = MemberKey::from_seed(&secrets.member_key);
    let envelope = Zeroizing::new(
        member_key
            .sign(&bundle)
            .map_err(|e| coalition(CoalitionError::Bundle(e)))?,
    );
    let sealed = seal::encrypt_to_hub(&envelope, &membership.hub_recipient)
        .map_err(|_| coalition(CoalitionError::BadHubRecipient))?;
    Ok(SharedBundle {
        coalition_id: membership.coalition_id,
        number: bundle.number,
        counts,
        sealed,
    })
}
