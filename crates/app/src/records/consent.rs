//! Consent: adding a grant (or a withdrawn one) to a person's history, and
//! withdrawing what is in force.

use chrono::NaiveDate;
use testimonio_domain::date::parse_day;
use testimonio_domain::{ConsentLevel, ConsentRecord, FieldError, Problem, RecordId, ShortText};
use testimonio_vault::Vault;

use super::access::require_writer;
use super::people::summary;
use crate::{Actor, AppError, AppResult, act_as};

/// A grant as typed: `level` a consent code, days as `YYYY-MM-DD`.
#[derive(Debug, Clone, Default)]
pub struct Grant {
    pub level: String,
    pub given_on: Option<String>,
    pub withdrawn_on: Option<String>,
    pub note: Option<String>,
}

/// Whether a grant must say when it was given (the web form asks for the
/// day; the API and older spreadsheets may leave it out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GivenOn {
    Required,
    Optional,
}

/// A day of a form: `YYYY-MM-DD`, or nothing.
///
/// # Errors
/// A bad day; a missing one when `required`.
pub fn day(
    field: &str,
    value: Option<&str>,
    required: bool,
) -> Result<Option<NaiveDate>, FieldError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => parse_day(field, v).map(Some),
        None if required => Err(FieldError::new(field, Problem::Required)),
        None => Ok(None),
    }
}

impl Grant {
    /// The consent record, or every refused field (`level`, `given_on`,
    /// `withdrawn_on`, `note`, in that order).
    ///
    /// # Errors
    /// The refused fields.
    pub fn parse(&self, given_on: GivenOn) -> Result<ConsentRecord, Vec<FieldError>> {
        let mut errors = Vec::new();
        let level = take(&mut errors, ConsentLevel::parse("level", &self.level));
        let given = take(
            &mut errors,
            day(
                "given_on",
                self.given_on.as_deref(),
                given_on == GivenOn::Required,
            ),
        );
        let withdrawn = take(
            &mut errors,
            day("withdrawn_on", self.withdrawn_on.as_deref(), false),
        );
        let note = take(
            &mut errors,
            ShortText::parse_optional("note", self.note.as_deref()),
        );
        match (level, given, withdrawn, note) {
            (Some(level), Some(given), Some(withdrawn), Some(note)) if errors.is_empty() => {
                ConsentRecord::new(level, given, withdrawn, note).map_err(|e| vec![e])
            }
            _ => Err(errors),
        }
    }
}

/// Adds `grant` to `person`'s consent history, as `actor` (audited).
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::Invalid`] with every refused field;
/// [`AppError::NotFound`] (kind `Person`); storage failures.
pub fn add(
    vault: &mut Vault,
    actor: &Actor,
    person: &RecordId,
    grant: &Grant,
    given_on: GivenOn,
) -> AppResult<()> {
    require_writer(actor)?;
    let record = grant.parse(given_on).map_err(AppError::Invalid)?;
    summary(vault, person)?;
    act_as(vault, actor)?;
    vault.record_consent(person, &record)?;
    Ok(())
}

/// Withdraws, as of `on`, every grant of `person` in force then, as `actor`
/// (audited); returns how many.
///
/// # Errors
/// [`AppError::Forbidden`]; [`AppError::NotFound`] (kind `Person`);
/// storage failures.
pub fn withdraw(
    vault: &mut Vault,
    actor: &Actor,
    person: &RecordId,
    on: NaiveDate,
) -> AppResult<usize> {
    require_writer(actor)?;
    // The vault's withdrawal does not check that the person exists.
    summary(vault, person)?;
    act_as(vault, actor)?;
    Ok(vault.withdraw_consent(person, on)?)
}

/// The value, or `None` with its error kept.
fn take<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}
