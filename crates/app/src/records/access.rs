//! Who may do what with records.

use testimonio_domain::RecordId;
use testimonio_vault::Vault;

use crate::{Actor, AppError, AppResult};

/// Refuses an actor whose role may not write records.
pub(crate) fn require_writer(actor: &Actor) -> AppResult<()> {
    if actor.role().can_write_records() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Whether `actor` may read `person`'s identity fields: the operator always;
/// an account by its role and, for documenters, by the people it created or
/// is assigned to (the vault's rule). An account no longer stored may not.
pub(crate) fn may_see_identity(vault: &Vault, actor: &Actor, person: &RecordId) -> AppResult<bool> {
    let Actor::Account { username, role } = actor else {
        return Ok(true);
    };
    if role.sees_all_identities() {
        return Ok(true);
    }
    if !role.sees_own_identities() {
        return Ok(false);
    }
    let Some(user) = vault
        .users()?
        .into_iter()
        .find(|u| u.username.as_str() == username)
    else {
        return Ok(false);
    };
    Ok(vault.may_see_identity(&user, person)?)
}
