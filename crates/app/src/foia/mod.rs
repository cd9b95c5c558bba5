//! FOIA requests: list, show, file, update, record a production, link an
//! event, and the exports (letters, calendars) in [`exports`].
//!
//! The front ends parse input into [`FoiaRequestParts`] or a filter, call
//! a use case here with the [`Actor`], and render what comes back. A
//! request that does not validate is not an error of the use case but an
//! answer ([`Saved::Refused`]), with each problem on its field, so that a
//! form can show them in place; an unknown request is
//! [`AppError::NotFound`] with [`RecordKind::FoiaRequest`].

use chrono::NaiveDate;
use testimonio_domain::RecordId;
use testimonio_foia::{
    DeadlineKind, Deadlines, FederalAgency, FieldError, FoiaRequest, FoiaRequestParts, Problem,
    Status, deadlines,
};
use testimonio_vault::Vault;
use testimonio_vault::foia::Production;

use crate::{Actor, AppError, AppResult, RecordKind, act_as};

pub mod exports;
#[cfg(test)]
mod tests;

pub use exports::{Letter, LetterKind, calendar, letter};

/// A request id the web app cannot show (its form lives at `/foia/new`).
const RESERVED_IDS: [&str; 1] = ["new"];

/// A new random request id: `foia-` and 12 hex digits.
pub fn new_request_id() -> String {
    crate::ids::new_id("foia")
}

/// One request of the list, with where its deadlines stand today.
#[derive(Debug, Clone)]
pub struct Listed {
    pub request: FoiaRequest,
    pub deadlines: Deadlines,
    /// A deadline has passed unmet.
    pub overdue: bool,
    /// Not overdue, and a deadline falls within the filter's `soon_days`.
    pub due_soon: bool,
    /// The earliest deadline still to meet (see [`next_deadline`]).
    pub next: Option<(DeadlineKind, NaiveDate)>,
}

impl Listed {
    pub fn new(request: FoiaRequest, today: NaiveDate, soon_days: u32) -> Self {
        let d = deadlines(&request, today);
        let overdue = !d.overdue().is_empty();
        let due_soon = !overdue && !d.due_within(soon_days).is_empty();
        let next = next_deadline(&d);
        Self {
            request,
            deadlines: d,
            overdue,
            due_soon,
            next,
        }
    }
}

/// The earliest deadline an active request still has to meet (overdue
/// ones included). The day from which the requester may sue is a right,
/// not a deadline, and is left out.
pub fn next_deadline(d: &Deadlines) -> Option<(DeadlineKind, NaiveDate)> {
    if !d.active {
        return None;
    }
    d.iter()
        .filter(|x| x.met_on.is_none() && x.kind != DeadlineKind::MaySue)
        .map(|x| (x.kind, x.date))
        .min_by_key(|(_, date)| *date)
}

/// Which requests the list keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListFilter {
    pub agency: Option<FederalAgency>,
    pub status: Option<Status>,
    /// Keep overdue requests (and, with `due_soon`, those due soon).
    pub overdue: bool,
    /// Keep requests due within `soon_days` (and, with `overdue`, the
    /// overdue ones). Neither flag: every request.
    pub due_soon: bool,
    /// What "soon" means, in days.
    pub soon_days: u32,
}

/// The web list's "due soon": seven days.
pub const SOON_DAYS: u32 = 7;

impl Default for ListFilter {
    fn default() -> Self {
        Self {
            agency: None,
            status: None,
            overdue: false,
            due_soon: false,
            soon_days: SOON_DAYS,
        }
    }
}

impl ListFilter {
    fn keep(&self, row: &Listed) -> bool {
        let flagged = match (self.overdue, self.due_soon) {
            (false, false) => true,
            (overdue, soon) => (overdue && row.overdue) || (soon && row.due_soon),
        };
        flagged
            && self.agency.is_none_or(|a| row.request.agency() == a)
            && self.status.is_none_or(|s| row.request.status() == s)
    }
}

/// The list: the requests kept and how many are stored in all.
#[derive(Debug, Clone)]
pub struct List {
    /// Overdue first, then by next deadline (requests without one last),
    /// then by id.
    pub rows: Vec<Listed>,
    pub total: usize,
}

/// The requests that `filter` keeps, as of `today`.
///
/// # Errors
/// A vault failure.
pub fn list(vault: &Vault, filter: &ListFilter, today: NaiveDate) -> AppResult<List> {
    let requests = vault.foias()?;
    let total = requests.len();
    let mut rows: Vec<Listed> = requests
        .into_iter()
        .map(|r| Listed::new(r, today, filter.soon_days))
        .filter(|r| filter.keep(r))
        .collect();
    sort(&mut rows);
    Ok(List { rows, total })
}

/// Overdue first, then by next deadline (requests without one last), then
/// by id.
pub fn sort(rows: &mut [Listed]) {
    rows.sort_by_cached_key(|r| {
        (
            !r.overdue,
            r.next.is_none(),
            r.next.map(|n| n.1),
            r.request.id().to_string(),
        )
    });
}

/// One request, or [`AppError::NotFound`].
///
/// # Errors
/// An unknown request; a vault failure.
pub fn find(vault: &Vault, id: &str) -> AppResult<FoiaRequest> {
    vault.foia(id)?.ok_or_else(|| not_found(id))
}

fn not_found(id: &str) -> AppError {
    AppError::NotFound {
        kind: RecordKind::FoiaRequest,
        id: id.to_owned(),
    }
}

/// Whether `actor` may read a request's sensitive fields (the request
/// text, the requester, the summaries of communications: a request for
/// someone's A-file names that person). Analysts and viewers, whose roles
/// see pseudonymous data only, may not.
pub fn reads_sensitive(actor: &Actor) -> bool {
    !actor.role().is_pseudonymous_only()
}

/// A request with its deadlines and what is linked to it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub request: FoiaRequest,
    /// Whether the actor may be shown the sensitive fields
    /// ([`reads_sensitive`]); a front end shows them only then.
    pub sensitive: bool,
    pub deadlines: Deadlines,
    pub productions: Vec<Production>,
    /// Ids of the linked events, sorted.
    pub events: Vec<String>,
}

/// One request as of `today`, with its productions and events, for
/// `actor`.
///
/// # Errors
/// An unknown request; a vault failure.
pub fn show(vault: &Vault, actor: &Actor, id: &str, today: NaiveDate) -> AppResult<Shown> {
    let request = find(vault, id)?;
    let productions = vault.foia_productions(id)?;
    let events = vault.foia_events(id)?;
    Ok(Shown {
        sensitive: reads_sensitive(actor),
        deadlines: deadlines(&request, today),
        request,
        productions,
        events,
    })
}

/// What came of filing or updating a request.
#[derive(Debug, Clone)]
#[must_use]
pub enum Saved {
    /// Stored (audited), with its deadlines as of the day given.
    Stored(Box<FoiaRequest>, Box<Deadlines>),
    /// Refused, nothing stored: every problem, on its field.
    Refused(Vec<FieldError>),
}

/// Checks parts as a request filed or updated on `today` must be.
///
/// # Errors
/// Every problem, on its field.
pub fn validate(parts: FoiaRequestParts, today: NaiveDate) -> Result<FoiaRequest, Vec<FieldError>> {
    FoiaRequest::new(parts, today)
}

fn stored(request: FoiaRequest, today: NaiveDate) -> Saved {
    let d = deadlines(&request, today);
    Saved::Stored(Box::new(request), Box::new(d))
}

/// Files a new request: refused if it does not validate or its id is
/// taken; otherwise stored, audited.
///
/// # Errors
/// A vault failure.
pub fn file(
    vault: &mut Vault,
    actor: &Actor,
    parts: FoiaRequestParts,
    today: NaiveDate,
) -> AppResult<Saved> {
    let request = match validate(parts, today) {
        Ok(request) => request,
        Err(errors) => return Ok(Saved::Refused(errors)),
    };
    let id = request.id().as_str();
    if RESERVED_IDS.contains(&id) || vault.foia(id)?.is_some() {
        return Ok(Saved::Refused(vec![FieldError::new("id", Problem::Taken)]));
    }
    act_as(vault, actor)?;
    vault.put_foia(&request)?;
    Ok(stored(request, today))
}

/// Updates a stored request: `edit` changes its parts (the id stays);
/// refused if the result does not validate, otherwise stored, audited.
///
/// # Errors
/// An unknown request; a vault failure.
pub fn update(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    today: NaiveDate,
    edit: impl FnOnce(&mut FoiaRequestParts),
) -> AppResult<Saved> {
    let current = find(vault, id)?;
    let mut parts = current.to_parts();
    edit(&mut parts);
    parts.id = current.id().to_string();
    let request = match validate(parts, today) {
        Ok(request) => request,
        Err(errors) => return Ok(Saved::Refused(errors)),
    };
    act_as(vault, actor)?;
    vault.put_foia(&request)?;
    Ok(stored(request, today))
}

/// A document produced in answer to a request.
#[derive(Debug, Clone, Copy)]
pub struct ProductionParts<'a> {
    pub document: &'a str,
    pub bates_first: Option<&'a str>,
    pub bates_last: Option<&'a str>,
    pub received_on: Option<NaiveDate>,
}

/// Records that `production.document` answers request `id`. Audited.
///
/// # Errors
/// An unknown request or document; a vault failure.
pub fn record_production(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    production: &ProductionParts<'_>,
) -> AppResult<()> {
    find(vault, id)?;
    act_as(vault, actor)?;
    vault.add_foia_production(
        id,
        production.document,
        (production.bates_first, production.bates_last),
        production.received_on,
    )?;
    Ok(())
}

/// Links event `event` to request `id`. Audited.
///
/// # Errors
/// An unknown request or event; a vault failure.
pub fn link_event(vault: &mut Vault, actor: &Actor, id: &str, event: &RecordId) -> AppResult<()> {
    find(vault, id)?;
    act_as(vault, actor)?;
    vault.link_foia_event(id, event)?;
    Ok(())
}
