//! People: the list (pseudonyms only) and one person, with identity fields
//! only for an actor allowed to see them (that read is audited).

use testimonio_domain::{Person, RecordId};
use testimonio_vault::{PeopleFilter, PersonSummary, Vault};

use super::access::may_see_identity;
use crate::{Actor, AppError, AppResult, RecordKind, act_as};

/// People matching `filter`, without identity fields: what every role may
/// see. Not audited.
///
/// # Errors
/// Storage failures.
pub fn list(vault: &Vault, _actor: &Actor, filter: &PeopleFilter) -> AppResult<Vec<PersonSummary>> {
    Ok(vault.people(filter)?)
}

/// One person as `actor` may see them.
#[derive(Debug, Clone)]
pub struct PersonView {
    pub summary: PersonSummary,
    /// The identity fields, only for an actor allowed to see them; the
    /// vault audited the read (`identity_read`) before returning them.
    pub identity: Option<Person>,
}

/// One person: the summary, and the identity when `actor` may see it. The
/// identity of a person the actor may not see is never read.
///
/// # Errors
/// [`AppError::NotFound`] (kind `Person`); storage failures.
pub fn show(vault: &mut Vault, actor: &Actor, id: &RecordId) -> AppResult<PersonView> {
    let summary = summary(vault, id)?;
    let identity = if may_see_identity(vault, actor, id)? {
        act_as(vault, actor)?;
        Some(vault.person_identity(id)?)
    } else {
        None
    };
    Ok(PersonView { summary, identity })
}

/// One person without identity fields. Not audited.
///
/// # Errors
/// [`AppError::NotFound`] (kind `Person`); storage failures.
pub fn summary(vault: &Vault, id: &RecordId) -> AppResult<PersonSummary> {
    vault.person_summary(id)?.ok_or_else(|| AppError::NotFound {
        kind: RecordKind::Person,
        id: id.to_string(),
    })
}
