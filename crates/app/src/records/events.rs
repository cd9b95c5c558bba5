//! Events: the filtered list, one event, recording and changing one.

use std::collections::HashSet;
use std::fmt;

use testimonio_domain::exchange::EventRecord;
use testimonio_domain::{
    Event, EventKind, EventType, FieldError, FieldOffice, PartialDate, Problem, RecordId, UsState,
    Verification,
};
use testimonio_vault::{EventFilter, PeopleFilter, Vault, WriteOutcome};

use super::access::require_writer;
use crate::{Actor, AppError, AppResult, RecordKind, act_as};

/// The filters of an event list as typed (a query string, command-line
/// options). Empty values are no filter.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub kind: Option<String>,
    pub event_type: Option<String>,
    pub state: Option<String>,
    pub field_office: Option<String>,
    pub group: Option<String>,
    pub person: Option<String>,
    /// A day, month or year: events that may have happened from its start.
    pub from: Option<String>,
    /// A day, month or year: events that may have happened until its end.
    pub to: Option<String>,
    pub verification: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

impl EventQuery {
    /// The vault filter for the values that parse, and a [`FieldError`] for
    /// each that does not, in this order: `kind`, `type`, `state`,
    /// `field_office`, `verification`, `from`, `to`, `group`, `person`. A bad value is left
    /// out of the filter, so a page can list what it can and say why.
    pub fn parse(&self) -> (EventFilter, Vec<FieldError>) {
        let mut errors = Vec::new();
        let value = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let kind = value(&self.kind).and_then(|v| take(&mut errors, EventKind::parse("kind", &v)));
        let event_type =
            value(&self.event_type).and_then(|v| take(&mut errors, EventType::parse("type", &v)));
        let state = value(&self.state).and_then(|v| take(&mut errors, UsState::parse("state", &v)));
        let field_office = value(&self.field_office)
            .and_then(|v| take(&mut errors, FieldOffice::parse("field_office", &v)));
        let verification = value(&self.verification)
            .and_then(|v| take(&mut errors, Verification::parse("verification", &v)));
        let from = value(&self.from)
            .and_then(|v| take(&mut errors, PartialDate::parse("from", &v)))
            .map(|d| d.earliest());
        let mut to = value(&self.to)
            .and_then(|v| take(&mut errors, PartialDate::parse("to", &v)))
            .map(|d| d.latest());
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            errors.push(FieldError::new("to", Problem::EndBeforeStart));
            to = None;
        }
        let group =
            value(&self.group).and_then(|v| take(&mut errors, RecordId::parse("group", &v)));
        let person =
            value(&self.person).and_then(|v| take(&mut errors, RecordId::parse("person", &v)));
        let filter = EventFilter {
            kind,
            event_type,
            state,
            field_office,
            group,
            person,
            from,
            to,
            verification,
            id: None,
            newest_first: false,
            limit: self.limit,
            offset: self.offset,
        };
        (filter, errors)
    }

    /// The vault filter, or [`AppError::Invalid`] with every bad value.
    ///
    /// # Errors
    /// [`AppError::Invalid`].
    pub fn filter(&self) -> AppResult<EventFilter> {
        match self.parse() {
            (filter, errors) if errors.is_empty() => Ok(filter),
            (_, errors) => Err(AppError::Invalid(errors)),
        }
    }
}

/// One page of events and how many match in all.
#[derive(Debug, Clone)]
pub struct EventPage {
    pub total: u64,
    pub events: Vec<Event>,
}

/// The events matching `filter`, paged by it, and their total. Events hold
/// no identity fields: every role may list them.
///
/// # Errors
/// Storage failures.
pub fn list(vault: &Vault, _actor: &Actor, filter: &EventFilter) -> AppResult<EventPage> {
    let total = vault.count_events(filter)?;
    let events = if total > 0 && filter.limit != Some(0) {
        vault.events(filter)?
    } else {
        Vec::new()
    };
    Ok(EventPage { total, events })
}

/// One event.
///
/// # Errors
/// [`AppError::NotFound`] (kind `Event`); storage failures.
pub fn show(vault: &Vault, _actor: &Actor, id: &RecordId) -> AppResult<Event> {
    vault.event(id)?.ok_or_else(|| AppError::NotFound {
        kind: RecordKind::Event,
        id: id.to_string(),
    })
}

/// Where in an event a field or a reference is: the typed form of the
/// exchange format's field paths (`people[2].id`, `groups[0]`, `date`), so
/// that a front end can put a message next to its row without reading text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldPath {
    /// A top-level field (`date`, `state`, …).
    Field(String),
    /// The `index`th participant (0-based); `part` is `id` or `role`.
    Participant { index: usize, part: String },
    /// The `index`th group (0-based).
    Group(usize),
}

impl FieldPath {
    /// The path of a domain [`FieldError`] of `record`. The domain names
    /// fields by their exchange-format path; this is the one place that
    /// name is matched, against the paths `record` can have (nothing is
    /// parsed out of it).
    pub fn of(error: &FieldError, record: &EventRecord) -> Self {
        let field = error.field.as_str();
        let participant = (0..record.people.len()).find_map(|index| {
            ["id", "role"].into_iter().find_map(|part| {
                let path = FieldPath::Participant {
                    index,
                    part: part.to_owned(),
                };
                (path.to_string() == field).then_some(path)
            })
        });
        let group = || {
            (0..record.groups.len())
                .map(FieldPath::Group)
                .find(|path| path.to_string() == field)
        };
        participant
            .or_else(group)
            .unwrap_or_else(|| FieldPath::Field(field.to_owned()))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Field(name) => f.write_str(name),
            FieldPath::Participant { index, part } => write!(f, "people[{index}].{part}"),
            FieldPath::Group(index) => write!(f, "groups[{index}]"),
        }
    }
}

/// A person or group an event names that the vault does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub at: FieldPath,
    pub kind: RecordKind,
    pub id: RecordId,
}

impl From<Reference> for AppError {
    fn from(r: Reference) -> Self {
        AppError::UnknownReference {
            field: r.at.to_string(),
            kind: r.kind,
            id: r.id.to_string(),
        }
    }
}

/// Every person and group `record` names (by a valid id) that the vault
/// does not hold, in the record's order: people first, then groups.
///
/// # Errors
/// Storage failures.
pub fn unknown_references(vault: &Vault, record: &EventRecord) -> AppResult<Vec<Reference>> {
    let mut unknown = Vec::new();
    let people: Vec<(usize, RecordId)> = record
        .people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| RecordId::parse("id", &p.id).ok().map(|id| (i, id)))
        .collect();
    if !people.is_empty() {
        let known: HashSet<RecordId> = vault
            .people(&PeopleFilter::default())?
            .into_iter()
            .map(|p| p.id)
            .collect();
        unknown.extend(
            people
                .into_iter()
                .filter(|(_, id)| !known.contains(id))
                .map(|(index, id)| Reference {
                    at: FieldPath::Participant {
                        index,
                        part: "id".into(),
                    },
                    kind: RecordKind::Person,
                    id,
                }),
        );
    }
    let groups: Vec<(usize, RecordId)> = record
        .groups
        .iter()
        .enumerate()
        .filter_map(|(i, g)| RecordId::parse("groups", g).ok().map(|id| (i, id)))
        .collect();
    if !groups.is_empty() {
        let known: HashSet<RecordId> = vault.groups()?.into_iter().map(|g| g.id).collect();
        unknown.extend(
            groups
                .into_iter()
                .filter(|(_, id)| !known.contains(id))
                .map(|(index, id)| Reference {
                    at: FieldPath::Group(index),
                    kind: RecordKind::Group,
                    id,
                }),
        );
    }
    Ok(unknown)
}

/// How an event is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    /// A new event: its id must be free.
    Create,
    /// A change of an event that exists.
    Change,
    /// Create or replace (the API's and the import's way).
    Put,
}

/// Records or changes the event `record` describes, as `actor` (audited).
/// Its fields are checked, then the people and groups it names, before
/// anything is stored.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::Invalid`] with every refused field;
/// [`AppError::UnknownReference`] for the first person or group not held
/// (field `people[i].id` or `groups[i]`; [`unknown_references`] lists them
/// all); [`AppError::NotFound`] for [`Write::Change`] of an event not held;
/// storage failures. [`Write::Create`] of a taken id is
/// [`Recorded::IdTaken`], not an error: nothing was stored.
pub fn record(
    vault: &mut Vault,
    actor: &Actor,
    record: &EventRecord,
    write: Write,
) -> AppResult<Recorded> {
    require_writer(actor)?;
    let event = record.into_event().map_err(AppError::Invalid)?;
    if let Some(first) = unknown_references(vault, record)?.into_iter().next() {
        return Err(first.into());
    }
    let exists = vault.event(event.id())?.is_some();
    match write {
        Write::Create if exists => return Ok(Recorded::IdTaken),
        Write::Change if !exists => {
            return Err(AppError::NotFound {
                kind: RecordKind::Event,
                id: event.id().to_string(),
            });
        }
        _ => {}
    }
    act_as(vault, actor)?;
    let outcome = vault.put_event(&event)?;
    Ok(Recorded::Stored(outcome, Box::new(event)))
}

/// What came of [`record`].
#[derive(Debug)]
pub enum Recorded {
    /// Stored (or unchanged), with the event as stored.
    Stored(WriteOutcome, Box<Event>),
    /// [`Write::Create`] of an id another event has; nothing was stored.
    IdTaken,
}

/// The value, or `None` with its error kept.
fn take<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}
