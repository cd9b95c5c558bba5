//! Testimonies: recording one (a writer), listing them (no accounts, every
//! role), showing one (the account only to an actor who may see the
//! giver's identity; that read is audited), editing, linking events and
//! documents, and the review mark for publication (coordinators and
//! administrators).

use chrono::NaiveDate;
use testimonio_domain::{
    ConsentLevel, FieldError, Problem, RecordId, Role, Sensitive, Testimony, TestimonyParts,
};
use testimonio_vault::{TestimonyFilter, TestimonyLink, TestimonySummary, Vault, WriteOutcome};
use zeroize::Zeroizing;

use super::access::{may_see_identity, require_writer};
use crate::{Actor, AppError, AppResult, RecordKind, act_as};

/// The fields of a testimony as typed (a form, command-line options and a
/// file, an API body). Holds the account as typed, so it has no `Debug`
/// and the account is wiped on drop. On [`edit`] an absent field is kept.
#[derive(Clone, Default)]
pub struct TestimonyFields {
    pub person: Option<String>,
    pub interviewer: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub language: Option<String>,
    pub account: Option<Zeroizing<String>>,
    pub consent: Option<String>,
    pub events: Option<Vec<String>>,
    pub documents: Option<Vec<String>>,
}

/// What [`add`] and [`edit`] stored: never the account.
#[derive(Debug, Clone)]
pub struct TestimonyRecorded {
    pub outcome: WriteOutcome,
    pub id: RecordId,
}

/// One testimony as `actor` may see it.
#[derive(Debug, Clone)]
pub struct TestimonyView {
    pub summary: TestimonySummary,
    /// The account, only for an actor who may see the giver's identity;
    /// the vault audited the read (`testimony_read`) before returning it.
    pub account: Option<Sensitive>,
    /// The consent in force for the account today: the narrower of the
    /// one given for it and the giver's own.
    pub effective_consent: ConsentLevel,
    /// Whether `actor` may mark it reviewed for publication.
    pub may_review: bool,
}

/// A new random testimony id: `tst-` and 12 hex digits.
pub fn new_testimony_id() -> String {
    crate::ids::new_id("tst")
}

/// Whether `actor` may mark testimonies reviewed for publication:
/// coordinators and administrators (the operator acts as one).
pub fn may_review(actor: &Actor) -> bool {
    matches!(actor.role(), Role::Admin | Role::Coordinator)
}

/// Testimonies matching `filter`, without accounts: what every role may
/// see. Not audited.
///
/// # Errors
/// Storage failures.
pub fn list(
    vault: &Vault,
    _actor: &Actor,
    filter: &TestimonyFilter,
) -> AppResult<Vec<TestimonySummary>> {
    Ok(vault.testimonies(filter)?)
}

/// One testimony without its account. Not audited.
///
/// # Errors
/// [`AppError::NotFound`] (kind `Testimony`); storage failures.
pub fn summary(vault: &Vault, id: &RecordId) -> AppResult<TestimonySummary> {
    vault
        .testimony_summary(id)?
        .ok_or_else(|| AppError::NotFound {
            kind: RecordKind::Testimony,
            id: id.to_string(),
        })
}

/// Whether `actor` may read the account of `summary`: as for the
/// identity of the person who gave it (analysts and viewers never).
///
/// # Errors
/// Storage failures.
pub fn may_read_account(
    vault: &Vault,
    actor: &Actor,
    summary: &TestimonySummary,
) -> AppResult<bool> {
    may_read_accounts_of(vault, actor, &summary.person)
}

/// Whether `actor` may read the accounts given by `person`.
///
/// # Errors
/// Storage failures.
pub fn may_read_accounts_of(vault: &Vault, actor: &Actor, person: &RecordId) -> AppResult<bool> {
    may_see_identity(vault, actor, person)
}

/// One testimony: the summary, and the account when `actor` may read it
/// (audited). An account the actor may not read is never read.
///
/// # Errors
/// [`AppError::NotFound`]; storage failures.
pub fn show(vault: &mut Vault, actor: &Actor, id: &RecordId) -> AppResult<TestimonyView> {
    let summary = summary(vault, id)?;
    let account = if may_read_account(vault, actor, &summary)? {
        act_as(vault, actor)?;
        Some(vault.testimony(id)?.account)
    } else {
        None
    };
    let person = super::people::summary(vault, &summary.person)?;
    let today = chrono::Utc::now().date_naive();
    let effective_consent = effective_consent(&summary, &person.consent, today);
    Ok(TestimonyView {
        summary,
        account,
        effective_consent,
        may_review: may_review(actor),
    })
}

/// The consent in force on `day` for a testimony's account.
pub fn effective_consent(
    summary: &TestimonySummary,
    giver: &testimonio_domain::ConsentHistory,
    day: NaiveDate,
) -> ConsentLevel {
    summary.consent.min(giver.level_on(day))
}

fn parts(id: String, fields: TestimonyFields) -> TestimonyParts {
    TestimonyParts {
        id,
        person: fields.person.unwrap_or_default(),
        interviewer: fields.interviewer.unwrap_or_default(),
        date: fields.date.unwrap_or_default(),
        place: fields.place.unwrap_or_default(),
        language: fields.language.unwrap_or_default(),
        account: fields.account.unwrap_or_default(),
        consent: fields.consent.unwrap_or_default(),
        events: fields.events.unwrap_or_default(),
        documents: fields.documents.unwrap_or_default(),
    }
}

/// Records a new testimony as `actor` (audited). Every field is checked,
/// then the person, events and documents named, before anything is
/// stored; the id is `id` or a new one.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::Invalid`] with every refused field;
/// [`AppError::UnknownReference`] naming `person`, `events[i]` or
/// `documents[i]`; [`AppError::Invalid`] on `id` ([`Problem::Duplicate`])
/// when `id` is taken; storage failures.
pub fn add(
    vault: &mut Vault,
    actor: &Actor,
    id: Option<&str>,
    fields: TestimonyFields,
) -> AppResult<TestimonyRecorded> {
    require_writer(actor)?;
    let id = match id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => id.to_owned(),
        None => loop {
            let candidate = new_testimony_id();
            let parsed = RecordId::parse("id", &candidate).map_err(AppError::invalid)?;
            if vault.testimony_summary(&parsed)?.is_none() {
                break candidate;
            }
        },
    };
    let testimony = Testimony::parse(&parts(id, fields)).map_err(AppError::Invalid)?;
    if vault.testimony_summary(&testimony.id)?.is_some() {
        return Err(AppError::invalid(FieldError::new(
            "id",
            Problem::Duplicate {
                value: testimony.id.to_string(),
            },
        )));
    }
    act_as(vault, actor)?;
    let outcome = vault.put_testimony(&testimony)?;
    Ok(TestimonyRecorded {
        outcome,
        id: testimony.id,
    })
}

/// Changes the fields `changes` holds of testimony `id`, as `actor`
/// (audited). Only an actor who may read the account may edit it (an
/// edit reads the stored account, audited, to keep what it does not
/// change). A changed account clears the review mark.
///
/// # Errors
/// [`AppError::Forbidden`]; [`AppError::NotFound`]; the errors of [`add`]
/// for refused fields and unknown references; storage failures.
pub fn edit(
    vault: &mut Vault,
    actor: &Actor,
    id: &RecordId,
    changes: TestimonyFields,
) -> AppResult<TestimonyRecorded> {
    require_writer(actor)?;
    let current = summary(vault, id)?;
    if !may_read_account(vault, actor, &current)? {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    let stored = vault.testimony(id)?;
    let keep = |given: Option<String>, kept: String| given.unwrap_or(kept);
    let all = |list: &[RecordId]| list.iter().map(ToString::to_string).collect();
    let merged = TestimonyFields {
        person: Some(keep(changes.person, stored.person.to_string())),
        interviewer: Some(keep(changes.interviewer, stored.interviewer.to_string())),
        date: Some(keep(changes.date, stored.date.to_string())),
        place: Some(keep(changes.place, stored.place.to_string())),
        language: Some(keep(changes.language, stored.language.to_string())),
        account: Some(
            changes
                .account
                .unwrap_or_else(|| Zeroizing::new(stored.account.expose().to_owned())),
        ),
        consent: Some(keep(changes.consent, stored.consent.code().to_owned())),
        events: Some(changes.events.unwrap_or_else(|| all(&stored.events))),
        documents: Some(changes.documents.unwrap_or_else(|| all(&stored.documents))),
    };
    let testimony = Testimony::parse(&parts(id.to_string(), merged)).map_err(AppError::Invalid)?;
    let outcome = vault.put_testimony(&testimony)?;
    Ok(TestimonyRecorded {
        outcome,
        id: testimony.id,
    })
}

/// Marks testimony `id` reviewed for publication, as `actor` (audited).
/// Only coordinators and administrators.
///
/// # Errors
/// [`AppError::Forbidden`] for any other role; [`AppError::NotFound`];
/// storage failures.
pub fn review(vault: &mut Vault, actor: &Actor, id: &RecordId) -> AppResult<WriteOutcome> {
    if !may_review(actor) {
        return Err(AppError::Forbidden);
    }
    summary(vault, id)?;
    act_as(vault, actor)?;
    Ok(vault.mark_testimony_reviewed(id)?)
}

/// Links an event or a document to testimony `id`, as `actor` (audited).
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::NotFound`] for the testimony; [`AppError::UnknownReference`]
/// (field `event` / `document`) for the target; storage failures.
pub fn link(
    vault: &mut Vault,
    actor: &Actor,
    id: &RecordId,
    link: &TestimonyLink,
) -> AppResult<WriteOutcome> {
    require_writer(actor)?;
    summary(vault, id)?;
    act_as(vault, actor)?;
    Ok(vault.link_testimony(id, link)?)
}

/// A testimony found by its account: the summary and the passage around
/// the first word matched (sensitive text: redacted `Debug`).
#[derive(Debug, Clone)]
pub struct TestimonyHit {
    pub summary: TestimonySummary,
    pub passage: Sensitive,
}

/// How many characters of the account a passage shows on each side of the
/// first match.
const PASSAGE_SIDE: usize = 120;

/// The words of `text` as the search index folds them (lower case,
/// accents removed), with their byte ranges.
fn folded_words(text: &str) -> Vec<(String, usize, usize)> {
    testimonio_search::schema::tokens(&mut testimonio_search::schema::folded_analyzer(), text)
}

/// The passage of `account` around byte `at`, on character boundaries,
/// with an ellipsis where it is cut.
fn passage(account: &str, at: usize) -> String {
    let start = account[..at]
        .char_indices()
        .rev()
        .nth(PASSAGE_SIDE)
        .map_or(0, |(i, _)| i);
    let end = account[at..]
        .char_indices()
        .nth(PASSAGE_SIDE)
        .map_or(account.len(), |(i, _)| at + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(account[start..end].trim());
    if end < account.len() {
        out.push('…');
    }
    out
}

/// Testimonies whose account holds every word of `query` (folded for case
/// and accents, as the search index folds them), among those whose
/// account `actor` may read; the search is audited (one `search` entry:
/// the query's fingerprint, the number of results and their ids) before
/// anything is returned. Analysts and viewers may not search accounts.
///
/// # Errors
/// [`AppError::Forbidden`] for analysts and viewers; [`AppError::Invalid`]
/// on `query` for a query without a word; storage failures.
pub fn search(vault: &mut Vault, actor: &Actor, query: &str) -> AppResult<Vec<TestimonyHit>> {
    if actor.role().is_pseudonymous_only() {
        return Err(AppError::Forbidden);
    }
    let words: Vec<String> = folded_words(query).into_iter().map(|w| w.0).collect();
    if words.is_empty() {
        return Err(AppError::invalid(FieldError::new(
            "query",
            Problem::Required,
        )));
    }
    let mut readable = Vec::new();
    for s in vault.testimonies(&TestimonyFilter::default())? {
        if may_read_account(vault, actor, &s)? {
            readable.push(s);
        }
    }
    let ids: Vec<RecordId> = readable.iter().map(|s| s.id.clone()).collect();
    let matches = |account: &str| {
        let found = folded_words(account);
        words.iter().all(|w| found.iter().any(|f| &f.0 == w))
    };
    act_as(vault, actor)?;
    let found = vault.search_testimonies(&ids, query, &matches)?;
    let mut hits = Vec::new();
    for t in found {
        let text = t.account.expose();
        let at = folded_words(text)
            .into_iter()
            .find(|f| words.contains(&f.0))
            .map_or(0, |f| f.1);
        let Some(summary) = readable.iter().find(|s| s.id == t.id).cloned() else {
            continue;
        };
        let passage = Sensitive::parse("passage", &passage(text, at), Testimony::MAX_ACCOUNT)
            .map_err(AppError::invalid)?;
        hits.push(TestimonyHit { summary, passage });
    }
    Ok(hits)
}
