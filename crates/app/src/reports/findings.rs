//! The one load of the records a pattern analysis reads, and the findings
//! for an audience.

use std::collections::HashMap;

use testimonio_domain::Event;
use testimonio_report::{Findings, FindingsOptions, Subject, TestimonyInput};
use testimonio_vault::{EventFilter, PeopleFilter, Vault};

use crate::{Actor, AppError, AppResult, act_as};

/// Every person (pseudonym, groups, consent; never an identity field),
/// every event, and every testimony marked reviewed for publication whose
/// account the actor may read (with the account, which a report quotes
/// only under the rule of `testimonio_report::testimonies`): what
/// findings are computed from.
#[derive(Debug, Clone)]
pub struct Records {
    pub subjects: Vec<Subject>,
    pub events: Vec<Event>,
    pub testimonies: Vec<TestimonyInput>,
}

/// Reads the records for `actor`. Events are read first: people are never
/// deleted, so everyone an event names is among the people read after it,
/// even if a write comes between the two reads.
///
/// # Errors
/// The vault's errors, as [`AppError`].
pub fn load(vault: &mut Vault, actor: &Actor) -> AppResult<Records> {
    act_as(vault, actor)?;
    let events = vault.events(&EventFilter::default())?;
    let subjects = vault
        .people(&PeopleFilter::default())?
        .into_iter()
        .map(|p| Subject {
            id: p.id,
            pseudonym: p.pseudonym,
            groups: p.groups,
            consent: p.consent,
        })
        .collect();
    // Only reviewed accounts are read: an unreviewed one is never quoted.
    // No audit entry here: a report that quotes one is audited as an
    // export before it leaves (`ComposedReport::release`, which counts
    // the accounts quoted).
    // A report quotes only what its maker may read: the accounts of the
    // people whose identity they may see.
    let mut readable = Vec::new();
    for (t, _review) in vault.reviewed_testimonies()? {
        if crate::records::testimonies::may_read_accounts_of(vault, actor, &t.person)? {
            readable.push(t);
        }
    }
    let testimonies = readable
        .into_iter()
        .map(|t| TestimonyInput {
            id: t.id,
            person: t.person,
            date: t.date,
            consent: t.consent,
            reviewed: true,
            events: t.events,
            account: t.account,
        })
        .collect();
    Ok(Records {
        subjects,
        events,
        testimonies,
    })
}

impl Records {
    /// The findings for `options`: consent filtering and the suppression
    /// of small counts are applied here, by [`Findings::compute`], and
    /// nowhere else.
    ///
    /// The front ends check the threshold (at least 2 for a coalition or
    /// public audience) and the number of permutations (at least 1) where
    /// they read them, so the analysis refusing these records is a bug.
    ///
    /// # Errors
    /// [`AppError::Internal`] when the analysis refuses the records or the
    /// options.
    pub fn findings(&self, options: &FindingsOptions) -> AppResult<Findings> {
        Findings::compute_with_testimonies(
            &self.subjects,
            &self.events,
            &HashMap::new(),
            &self.testimonies,
            options,
        )
        .map_err(AppError::internal)
    }
}

/// [`load`] then [`Records::findings`].
///
/// # Errors
/// As [`load`] and [`Records::findings`].
pub fn findings(
    vault: &mut Vault,
    actor: &Actor,
    options: &FindingsOptions,
) -> AppResult<Findings> {
    load(vault, actor)?.findings(options)
}
