//! People mentioned in evidence: every person's legal name, aliases and
//! A-number watched in every page, without anyone searching for them.
//!
//! The vault queues what must be read (a page written: every watched
//! person against it; a person's watched fields written: them against
//! every page, in batches of [`PAGE_BATCH`]). [`scan`] reads that queue
//! and stores the hits; it runs after every ingest and before every read
//! of hits, so what is shown is never behind the vault. Hits are read only
//! by an actor who may see the person's identity (the identity rule:
//! administrators and coordinators every person, a documenter the people
//! they created or are assigned to, analysts and viewers no one), and
//! each read is audited as an identity read of each person it names.

mod matcher;

use std::collections::BTreeSet;

use testimonio_domain::{Lang, RecordId};
use testimonio_i18n::tr;
use testimonio_vault::{
    FoundMention, Mention, MentionKind, MentionScan, MentionStatus, MentionTarget, Vault,
    WatchedPerson,
};

pub use matcher::MIN_ALIAS_CHARS;
use matcher::Matcher;

use super::require_writer;
use crate::records::access::may_see_identity;
use crate::{Actor, AppError, AppResult, act_as};

/// Pages read at a time when a person is scanned against every page.
pub const PAGE_BATCH: u32 = 256;
/// Queue rows read at a time.
const QUEUE_BATCH: u32 = 10_000;
/// Hits shown at most by one read.
pub const MAX_SHOWN: u32 = 500;

/// A kind of match, in words.
pub fn kind_label(lang: Lang, kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::LegalName => tr!(lang, "mention-kind-legal-name"),
        MentionKind::Alias => tr!(lang, "mention-kind-alias"),
        MentionKind::ANumber => tr!(lang, "mention-kind-a-number"),
    }
}

/// A review state, in words.
pub fn status_label(lang: Lang, status: MentionStatus) -> &'static str {
    match status {
        MentionStatus::Pending => tr!(lang, "mention-status-pending"),
        MentionStatus::Confirmed => tr!(lang, "mention-status-confirmed"),
        MentionStatus::Dismissed => tr!(lang, "mention-status-dismissed"),
    }
}

/// What one [`scan`] did: counts only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanOutcome {
    /// Pages read (a page read for two reasons counts twice).
    pub pages: usize,
    /// New hits stored.
    pub new: usize,
}

/// Reads the vault's mention queue to its end and stores what it finds,
/// as `actor` (the audit names them; one `identity_read` entry of
/// `mentions:scan` with counts per batch). Any actor may run it: it
/// shows nothing.
///
/// # Errors
/// Vault errors (what was stored before stays; the rest stays queued).
pub fn scan(vault: &mut Vault, actor: &Actor) -> AppResult<ScanOutcome> {
    act_as(vault, actor)?;
    let mut outcome = ScanOutcome::default();
    loop {
        let queued = vault.mention_queue(0, QUEUE_BATCH)?;
        let Some(through) = queued.last().map(|(seq, _)| *seq) else {
            return Ok(outcome);
        };
        let mut pages = BTreeSet::new();
        let mut people = BTreeSet::new();
        for (_, target) in queued {
            match target {
                MentionTarget::Page { document, page } => {
                    pages.insert((document, page));
                }
                MentionTarget::Person(id) => {
                    people.insert(id);
                }
            }
        }
        let mut batch = MentionScan {
            through,
            ..MentionScan::default()
        };
        if !pages.is_empty() {
            let everyone = vault.watched_people(None)?;
            batch.people = everyone.len();
            if let Some(matcher) = Matcher::new(&everyone)? {
                for (document, page) in &pages {
                    if let Some(stored) = vault.scan_page(document, *page)? {
                        batch.pages += 1;
                        collect(&matcher, &everyone, &stored, &mut batch.found);
                    }
                }
            }
        }
        if !people.is_empty() {
            let people: Vec<RecordId> = people.into_iter().collect();
            let watched = vault.watched_people(Some(&people))?;
            batch.people += watched.len();
            if let Some(matcher) = Matcher::new(&watched)? {
                let mut after: Option<(String, u32)> = None;
                loop {
                    let stored = vault.scan_pages_after(
                        after.as_ref().map(|(d, p)| (d.as_str(), *p)),
                        PAGE_BATCH,
                    )?;
                    let Some(last) = stored.last() else { break };
                    after = Some((last.document.clone(), last.page));
                    batch.pages += stored.len();
                    for page in &stored {
                        collect(&matcher, &watched, page, &mut batch.found);
                    }
                }
            }
            // Everyone queued, found or not: a changed name's old hits go.
            batch.rescanned = people;
        }
        batch.found.sort();
        batch.found.dedup();
        outcome.pages += batch.pages;
        outcome.new += vault.record_mention_scan(&batch)?;
    }
}

fn collect(
    matcher: &Matcher,
    people: &[WatchedPerson],
    page: &testimonio_vault::ScanPage,
    found: &mut Vec<FoundMention>,
) {
    for (person, kind) in matcher.find(&page.text) {
        found.push(FoundMention {
            person: people[person].id.clone(),
            document: page.document.clone(),
            page: page.page,
            kind,
        });
    }
}

/// The hits of one person, newest first (pending ones only unless `all`),
/// after a [`scan`]; audited (`identity_read` of `person:ID`, detail
/// `mentions`) before they are returned.
///
/// # Errors
/// [`AppError::NotFound`] for an unknown person; [`AppError::Forbidden`]
/// for an actor who may not see this person's identity (analysts and
/// viewers always); vault errors.
pub fn for_person(
    vault: &mut Vault,
    actor: &Actor,
    person: &RecordId,
    all: bool,
) -> AppResult<Vec<Mention>> {
    crate::records::people::summary(vault, person)?;
    if !may_see_identity(vault, actor, person)? {
        return Err(AppError::Forbidden);
    }
    scan(vault, actor)?;
    Ok(vault.person_mentions(std::slice::from_ref(person), !all, MAX_SHOWN)?)
}

/// The review queue: hits of every person whose identity `actor` may see,
/// newest first (pending ones only unless `all`), after a [`scan`]; each
/// person's read audited as in [`for_person`]. People the actor may not
/// see are never read, so neither their hits nor their counts leave.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that never sees identities; vault
/// errors.
pub fn queue(vault: &mut Vault, actor: &Actor, all: bool) -> AppResult<Vec<Mention>> {
    if actor.role().is_pseudonymous_only() {
        return Err(AppError::Forbidden);
    }
    scan(vault, actor)?;
    let mut visible = Vec::new();
    for person in vault.mentioned_people(!all)? {
        if may_see_identity(vault, actor, &person)? {
            visible.push(person);
        }
    }
    act_as(vault, actor)?;
    Ok(vault.person_mentions(&visible, !all, MAX_SHOWN)?)
}

/// Marks a pending hit confirmed or dismissed, as `actor` (audited).
///
/// # Errors
/// [`AppError::Forbidden`] for a role that only reads;
/// [`AppError::NotFound`] for an unknown hit or one of a person whose
/// identity `actor` may not see (its existence is not told);
/// [`AppError::Conflict`] for a hit already reviewed; vault errors.
pub fn review(vault: &mut Vault, actor: &Actor, id: i64, status: MentionStatus) -> AppResult<()> {
    require_writer(actor)?;
    let person = vault.mention_person(id)?;
    if !may_see_identity(vault, actor, &person)? {
        return Err(AppError::NotFound {
            kind: testimonio_vault::RecordKind::Mention,
            id: id.to_string(),
        });
    }
    act_as(vault, actor)?;
    Ok(vault.review_mention(id, status)?)
}
