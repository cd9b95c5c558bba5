//! People: the list (pseudonyms only), one person with identity fields
//! only for an actor allowed to see them (that read is audited), and
//! recording a new person with their consent or editing one.

use testimonio_domain::exchange::{ConsentEntry, ConsentField, PersonRecord};
use testimonio_domain::{FieldError, Person, Problem, RecordId};
use testimonio_vault::{PeopleFilter, PersonSummary, Vault, WriteOutcome};

use super::access::{may_see_identity, require_writer};
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

/// The fields of a person as typed (a form, command-line options, an API
/// body). On [`create`] an absent field is empty; on [`edit`] an absent
/// field is kept and an empty text clears it.
///
/// Holds identity fields as typed, so it has no `Debug`: it must never be
/// printed or logged.
#[derive(Clone, Default)]
pub struct PersonFields {
    pub pseudonym: Option<String>,
    pub legal_name: Option<String>,
    pub aliases: Option<Vec<String>>,
    pub contact: Option<String>,
    pub a_number: Option<String>,
    pub immigration_status: Option<String>,
    pub address: Option<String>,
    pub birth_year: Option<i64>,
    pub groups: Option<Vec<String>>,
}

/// The consent a new person gives as they are recorded: a level, and the
/// day it was given (today when absent is not assumed: the day is asked).
#[derive(Debug, Clone)]
pub struct InitialConsent {
    pub level: String,
    pub given_on: Option<String>,
}

/// What [`create`] and [`edit`] stored: never the identity fields.
#[derive(Debug, Clone)]
pub struct PersonRecorded {
    pub outcome: WriteOutcome,
    pub id: RecordId,
    pub pseudonym: String,
}

impl PersonFields {
    /// Whether no field is given (an edit that changes nothing).
    pub fn is_empty(&self) -> bool {
        let PersonFields {
            pseudonym,
            legal_name,
            aliases,
            contact,
            a_number,
            immigration_status,
            address,
            birth_year,
            groups,
        } = self;
        pseudonym.is_none()
            && legal_name.is_none()
            && aliases.is_none()
            && contact.is_none()
            && a_number.is_none()
            && immigration_status.is_none()
            && address.is_none()
            && birth_year.is_none()
            && groups.is_none()
    }
}

/// A new random person id: `p-` and 12 hex digits.
pub fn new_person_id() -> String {
    crate::ids::new_id("p")
}

/// Records a new person with the consent they give, as `actor` (audited):
/// a pseudonym is required, a consent level is required, the id is
/// `id` or a new one. Every field is checked, then the groups named,
/// before anything is stored. A documenter who records a person may see
/// that person's identity from then on (the vault's rule).
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::Invalid`] with every refused field (a missing consent is
/// `consent: required`); [`AppError::UnknownReference`] for an unknown
/// group; [`AppError::Invalid`] on `id` ([`Problem::Duplicate`]) when
/// `id` is taken; storage failures.
pub fn create(
    vault: &mut Vault,
    actor: &Actor,
    id: Option<&str>,
    fields: PersonFields,
    consent: Option<InitialConsent>,
) -> AppResult<PersonRecorded> {
    require_writer(actor)?;
    let id = match id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => id.to_owned(),
        None => loop {
            let candidate = new_person_id();
            let parsed = RecordId::parse("id", &candidate).map_err(AppError::invalid)?;
            if vault.person_summary(&parsed)?.is_none() {
                break candidate;
            }
        },
    };
    let record = PersonRecord {
        id,
        pseudonym: fields.pseudonym.unwrap_or_default(),
        legal_name: fields.legal_name,
        aliases: fields.aliases.unwrap_or_default(),
        contact: fields.contact,
        a_number: fields.a_number,
        immigration_status: fields.immigration_status,
        address: fields.address,
        birth_year: fields.birth_year,
        groups: fields.groups.unwrap_or_default(),
        consent: consent.as_ref().map(|c| {
            ConsentField::History(vec![ConsentEntry {
                level: c.level.clone(),
                given_on: c.given_on.clone(),
                withdrawn_on: None,
                note: None,
            }])
        }),
    };
    // Every refused field at once, the missing consent among them.
    let consent_required = || FieldError::new("consent", Problem::Required);
    let person = match (record.into_person(), consent.is_some()) {
        (Ok(person), true) => person,
        (Ok(_), false) => return Err(AppError::invalid(consent_required())),
        (Err(mut errors), given) => {
            if !given {
                errors.push(consent_required());
            }
            return Err(AppError::Invalid(errors));
        }
    };
    if vault.person_summary(&person.id)?.is_some() {
        return Err(AppError::invalid(FieldError::new(
            "id",
            Problem::Duplicate {
                value: person.id.to_string(),
            },
        )));
    }
    act_as(vault, actor)?;
    let outcome = vault.put_person(&person)?;
    Ok(PersonRecorded {
        outcome,
        id: person.id.clone(),
        pseudonym: person.pseudonym.to_string(),
    })
}

/// Changes the fields of person `id` that `changes` holds, as `actor`
/// (audited); consent is not changed here (see [`super::consent`]). Only an
/// actor who may see the person's identity may edit them: an edit reads
/// the stored identity (audited) to keep what it does not change. An edit
/// that changes nothing stores and reads nothing.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records or may
/// not see this person's identity; [`AppError::NotFound`]; the errors of
/// [`create`] for refused fields and unknown groups; storage failures.
pub fn edit(
    vault: &mut Vault,
    actor: &Actor,
    id: &RecordId,
    changes: PersonFields,
) -> AppResult<PersonRecorded> {
    require_writer(actor)?;
    let current = summary(vault, id)?;
    if changes.is_empty() {
        return Ok(PersonRecorded {
            outcome: WriteOutcome::Unchanged,
            id: id.clone(),
            pseudonym: current.pseudonym.to_string(),
        });
    }
    if !may_see_identity(vault, actor, id)? {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    let stored = vault.person_identity(id)?;
    let mut record = PersonRecord::from_person(&stored);
    let text = |value: Option<String>, kept: Option<String>| match value {
        Some(v) if v.trim().is_empty() => None,
        Some(v) => Some(v),
        None => kept,
    };
    if let Some(pseudonym) = changes.pseudonym {
        record.pseudonym = pseudonym;
    }
    record.legal_name = text(changes.legal_name, record.legal_name);
    record.contact = text(changes.contact, record.contact);
    record.a_number = text(changes.a_number, record.a_number);
    record.immigration_status = text(changes.immigration_status, record.immigration_status);
    record.address = text(changes.address, record.address);
    if let Some(aliases) = changes.aliases {
        record.aliases = aliases
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .collect();
    }
    if let Some(year) = changes.birth_year {
        record.birth_year = Some(year);
    }
    if let Some(groups) = changes.groups {
        record.groups = groups
            .into_iter()
            .filter(|g| !g.trim().is_empty())
            .collect();
    }
    let person = record.into_person().map_err(AppError::Invalid)?;
    let outcome = vault.put_person(&person)?;
    Ok(PersonRecorded {
        outcome,
        id: person.id.clone(),
        pseudonym: person.pseudonym.to_string(),
    })
}
