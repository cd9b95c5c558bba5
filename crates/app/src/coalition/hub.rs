//! The coalition hub's use cases: create the coalition (its age identity
//! made and kept in the hub's vault), admit members by their public key,
//! receive bundles — each checked whole (for this hub, a valid signature
//! of an admitted member, this coalition, a number above the member's
//! last) before anything of it is stored —, and the merged status. The
//! hub never sees an identity: bundles hold none, and match tokens cannot
//! be computed without the custodian.

use testimonio_coalition::merge::{Merged, merge};
use testimonio_coalition::{Bundle, BundleFault, HubIdentity, MemberPublicKey};
use testimonio_vault::{HubMember, Stored, Vault};

use super::error::CoalitionError;
use crate::{Actor, AppError, AppResult, act_as};

fn refused(fault: BundleFault) -> AppError {
    AppError::Coalition(CoalitionError::Bundle(fault))
}

/// Makes this vault the hub of `coalition_id`; returns the age recipient
/// members encrypt to (what an invitation gives them).
///
/// # Errors
/// [`AppError::Forbidden`] but for an administrator; a bad id; a vault
/// that is a hub already; the vault's errors.
pub fn create(vault: &mut Vault, actor: &Actor, coalition_id: &str) -> AppResult<String> {
    if !actor.role().is_admin() {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    let id = coalition_id.trim();
    if !super::valid_coalition_id(id) {
        return Err(AppError::Coalition(CoalitionError::BadCoalitionId));
    }
    if let Some((existing, _)) = vault.hub_coalition()? {
        return Err(AppError::Coalition(CoalitionError::HubExists {
            coalition: existing,
        }));
    }
    let identity = HubIdentity::generate();
    if !vault.hub_create(id, &identity.expose())? {
        return Err(AppError::Coalition(CoalitionError::HubExists {
            coalition: id.to_owned(),
        }));
    }
    Ok(identity.recipient())
}

fn hub(vault: &Vault) -> AppResult<(String, HubIdentity)> {
    let (id, identity) = vault
        .hub_coalition()?
        .ok_or(AppError::Coalition(CoalitionError::NotAHub))?;
    let identity = HubIdentity::parse(&identity).map_err(AppError::internal)?;
    Ok((id, identity))
}

/// The hub's coalition id and recipient: the invitation a member joins
/// with.
///
/// # Errors
/// [`CoalitionError::NotAHub`]; the vault's errors.
pub fn invitation(vault: &Vault) -> AppResult<(String, String)> {
    let (id, identity) = hub(vault)?;
    Ok((id, identity.recipient()))
}

/// Admits a member by name and the public key its `join` printed.
///
/// # Errors
/// [`AppError::Forbidden`] but for an administrator; not a hub; a bad
/// name or key; a name or key admitted already; the vault's errors.
pub fn admit(vault: &mut Vault, actor: &Actor, name: &str, member_key: &str) -> AppResult<()> {
    if !actor.role().is_admin() {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    hub(vault)?;
    if !super::valid_coalition_id(name) {
        return Err(AppError::Coalition(CoalitionError::BadCoalitionId));
    }
    let key = MemberPublicKey::parse(member_key).map_err(refused)?;
    if !vault.hub_admit(name, &key.to_hex())? {
        return Err(AppError::Coalition(CoalitionError::MemberTaken {
            name: name.to_owned(),
        }));
    }
    Ok(())
}

/// A bundle received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub member: String,
    pub number: u64,
    pub people: usize,
    pub events: usize,
}

/// Receives one sealed bundle: refused whole, nothing stored, unless it
/// is for this hub, signed by an admitted member, for this coalition,
/// and numbered above the member's last.
///
/// # Errors
/// [`CoalitionError::Bundle`] with the reason; [`AppError::Forbidden`]
/// but for a role that writes records; the vault's errors.
pub fn receive(vault: &mut Vault, actor: &Actor, sealed: &[u8]) -> AppResult<Received> {
    if !actor.role().can_write_records() {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    let (coalition_id, identity) = hub(vault)?;
    let opened = identity.open(sealed).map_err(refused)?;
    let signer = opened.signer.to_hex();
    let member = vault
        .hub_members()?
        .into_iter()
        .find(|m| m.member_key == signer)
        .ok_or_else(|| refused(BundleFault::UnknownMember))?;
    let bundle = opened.bundle;
    if bundle.coalition != coalition_id {
        return Err(refused(BundleFault::ForeignCoalition));
    }
    let not_newer = |last| {
        refused(BundleFault::NotNewer {
            number: bundle.number,
            last,
        })
    };
    if bundle.number <= member.last_number {
        return Err(not_newer(member.last_number));
    }
    let body = bundle.to_bytes().map_err(refused)?;
    let counts = (bundle.people.len(), bundle.events.len());
    match vault.hub_store_bundle(&member.name, bundle.number, counts, &body)? {
        Stored::Stored => Ok(Received {
            member: member.name,
            number: bundle.number,
            people: counts.0,
            events: counts.1,
        }),
        Stored::NotNewer { last } => Err(not_newer(last)),
    }
}

/// The hub's picture: members, and people merged across them.
#[derive(Debug, Clone)]
pub struct HubStatus {
    pub coalition_id: String,
    pub members: Vec<HubMember>,
    /// Bundles kept (every member's history).
    pub bundles: u64,
    /// People in the members' current bundles, each member's counted.
    pub reported: usize,
    pub merged: Merged,
}

/// The hub's status: the current bundles merged.
///
/// # Errors
/// [`CoalitionError::NotAHub`]; a stored bundle that no longer parses
/// ([`AppError::Internal`]); the vault's errors.
pub fn status(vault: &Vault) -> AppResult<HubStatus> {
    let (coalition_id, _) = hub(vault)?;
    let mut bundles = Vec::new();
    for stored in vault.hub_current_bundles()? {
        let bundle = Bundle::from_bytes(&stored.body).map_err(AppError::internal)?;
        bundles.push((stored.member, bundle));
    }
    let reported = bundles.iter().map(|(_, b)| b.people.len()).sum();
    Ok(HubStatus {
        coalition_id,
        members: vault.hub_members()?,
        bundles: vault.hub_bundle_count()?,
        reported,
        merged: merge(&bundles),
    })
}
