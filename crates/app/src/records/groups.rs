//! Groups: the list, and one group with its members and newest events.

use testimonio_domain::{Event, Group, RecordId};
use testimonio_vault::{EventFilter, PeopleFilter, PersonSummary, Vault};

use crate::{Actor, AppError, AppResult, RecordKind};

/// Every group, by name. Not audited: groups hold no identity fields.
///
/// # Errors
/// Storage failures.
pub fn list(vault: &Vault, _actor: &Actor) -> AppResult<Vec<Group>> {
    Ok(vault.groups()?)
}

/// One group as its page shows it.
#[derive(Debug, Clone)]
pub struct GroupView {
    pub group: Group,
    /// Its members, without identity fields.
    pub members: Vec<PersonSummary>,
    /// At most the `newest` asked for, newest first.
    pub events: Vec<Event>,
    /// How many events name the group in all.
    pub total_events: u64,
}

/// One group, its members and its `newest` most recent events.
///
/// # Errors
/// [`AppError::NotFound`] (kind `Group`); storage failures.
pub fn show(vault: &Vault, _actor: &Actor, id: &RecordId, newest: u64) -> AppResult<GroupView> {
    let group = vault.group(id)?.ok_or_else(|| AppError::NotFound {
        kind: RecordKind::Group,
        id: id.to_string(),
    })?;
    let members = vault.people(&PeopleFilter {
        group: Some(id.clone()),
        ..PeopleFilter::default()
    })?;
    let filter = EventFilter {
        group: Some(id.clone()),
        ..EventFilter::default()
    };
    let total_events = vault.count_events(&filter)?;
    // The newest ones: the last slice of the oldest-first order.
    let mut events = if total_events == 0 || newest == 0 {
        Vec::new()
    } else {
        vault.events(&EventFilter {
            offset: total_events.saturating_sub(newest) as usize,
            limit: Some(newest as usize),
            ..filter
        })?
    };
    events.reverse();
    Ok(GroupView {
        group,
        members,
        events,
        total_events,
    })
}
