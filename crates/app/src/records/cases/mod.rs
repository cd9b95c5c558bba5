//! Cases: a legal or advocacy file around a person or a group (title,
//! kind, status, attorney, dates, notes) and the records it links to
//! (events, documents, excerpts, FOIA requests, testimonies).
//!
//! A case names its person by pseudonym only; its notes are read (audited)
//! only for an actor who may see the identity of the person it is about
//! (for a group's case: a role that sees every identity). Excerpt quotes
//! follow the vault's one rule for excerpts ([`Vault::may_read_excerpt`]).

use testimonio_domain::{
    Case, CaseLinkKind, CaseParts, CaseStatus, CaseSubject, Event, FieldError, Group, Problem,
    RecordId, Sensitive,
};
use testimonio_foia::FoiaRequest;
use testimonio_vault::{
    CaseLink, DocumentInfo, PersonSummary, ShownExcerpt, Vault, VaultError, WriteOutcome,
};

mod json;

use super::access::{may_see_identity, require_writer};
use crate::{Actor, AppError, AppResult, RecordKind, act_as};

/// A new random case id: `case-` and 12 hex digits.
pub fn new_case_id() -> String {
    crate::ids::new_id("case")
}

/// Who a case is about, as every role may see it: a person by pseudonym
/// (never an identity field), or a group.
#[derive(Debug, Clone)]
pub enum Subject {
    Person(PersonSummary),
    Group(Group),
}

impl Subject {
    /// The pseudonym or the group's name.
    pub fn name(&self) -> &str {
        match self {
            Subject::Person(p) => p.pseudonym.as_str(),
            Subject::Group(g) => g.name.as_str(),
        }
    }

    /// The person's or the group's id.
    pub fn id(&self) -> &RecordId {
        match self {
            Subject::Person(p) => &p.id,
            Subject::Group(g) => &g.id,
        }
    }
}

/// A case in a list: the case and who it is about.
#[derive(Debug, Clone)]
pub struct Listed {
    pub case: Case,
    pub subject: Subject,
    /// How many records it links to.
    pub links: usize,
}

/// Records a new case as `actor` (audited). The id is `parts.id` or a new
/// one when blank; the status is `open` when not given. Every field is
/// checked, then the subject, before anything is stored.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::Invalid`] with every refused field (on `id`
/// [`Problem::Duplicate`] when it is taken); [`AppError::UnknownReference`]
/// (field `person` or `group`) for an unknown subject; storage failures.
pub fn add(vault: &mut Vault, actor: &Actor, mut parts: CaseParts) -> AppResult<Case> {
    require_writer(actor)?;
    if parts.id.trim().is_empty() {
        parts.id = loop {
            let candidate = new_case_id();
            if vault.case(&candidate)?.is_none() {
                break candidate;
            }
        };
    }
    let (case, notes) = parts.into_case().map_err(AppError::Invalid)?;
    if vault.case(case.id.as_str())?.is_some() {
        return Err(AppError::invalid(FieldError::new(
            "id",
            Problem::Duplicate {
                value: case.id.to_string(),
            },
        )));
    }
    subject(vault, &case.subject)?;
    act_as(vault, actor)?;
    vault.add_case(&case, notes.as_ref())?;
    Ok(case)
}

/// The subject of a case as every role may see it.
///
/// # Errors
/// [`AppError::UnknownReference`] (field `person` or `group`) when it is
/// not stored; storage failures.
fn subject(vault: &Vault, subject: &CaseSubject) -> AppResult<Subject> {
    let unknown = |field: &str, kind: RecordKind, id: &RecordId| AppError::UnknownReference {
        field: field.to_owned(),
        kind,
        id: id.to_string(),
    };
    match subject {
        CaseSubject::Person(id) => vault
            .person_summary(id)?
            .map(Subject::Person)
            .ok_or_else(|| unknown("person", RecordKind::Person, id)),
        CaseSubject::Group(id) => vault
            .group(id)?
            .map(Subject::Group)
            .ok_or_else(|| unknown("group", RecordKind::Group, id)),
    }
}

/// Every case, by id, with who it is about (pseudonyms only). Not audited.
///
/// # Errors
/// Storage failures.
pub fn list(vault: &Vault, _actor: &Actor) -> AppResult<Vec<Listed>> {
    vault
        .cases()?
        .into_iter()
        .map(|case| {
            Ok(Listed {
                subject: subject(vault, &case.subject)?,
                links: vault.case_links(case.id.as_str())?.len(),
                case,
            })
        })
        .collect()
}

/// One case as `actor` may see it, with its linked records summarised.
#[derive(Debug, Clone)]
pub struct CaseView {
    pub case: Case,
    pub subject: Subject,
    /// Whether `actor` may read the notes (and make the case's packet).
    pub sees_notes: bool,
    /// The notes, read (audited) only when `sees_notes`.
    pub notes: Option<Sensitive>,
    /// Linked events, in the order they were linked.
    pub events: Vec<Event>,
    pub documents: Vec<DocumentInfo>,
    /// Linked excerpts, each readable or withheld by the excerpt rule.
    pub excerpts: Vec<ShownExcerpt>,
    pub foia: Vec<FoiaRequest>,
    /// Ids of linked testimonies.
    pub testimonies: Vec<String>,
    /// Links whose record is no longer stored.
    pub missing: Vec<CaseLink>,
}

impl CaseView {
    /// Whether the case is about a person (a packet can be made of it).
    pub fn subject_is_person(&self) -> bool {
        matches!(self.subject, Subject::Person(_))
    }
}

/// Whether `actor` may read the notes of `case`: for a person's case, who
/// may see that person's identity; for a group's case, a role that sees
/// every identity (and the operator).
///
/// # Errors
/// Storage failures.
pub fn sees_notes(vault: &Vault, actor: &Actor, case: &Case) -> AppResult<bool> {
    match &case.subject {
        CaseSubject::Person(person) => may_see_identity(vault, actor, person),
        CaseSubject::Group(_) => Ok(actor.role().sees_all_identities()),
    }
}

/// One case. The notes are read (audited by the vault) only for an actor
/// who may see them; excerpt quotes only as the excerpt rule allows, the
/// documents they quote recorded as text reads first.
///
/// # Errors
/// [`AppError::NotFound`] (kind `Case`); storage failures.
pub fn show(vault: &mut Vault, actor: &Actor, id: &str) -> AppResult<CaseView> {
    let case = find(vault, id)?;
    let subject = subject(vault, &case.subject)?;
    let sees_notes = sees_notes(vault, actor, &case)?;
    act_as(vault, actor)?;
    let notes = if sees_notes {
        vault.case_notes(id)?
    } else {
        None
    };
    let mut view = CaseView {
        case,
        subject,
        sees_notes,
        notes,
        events: Vec::new(),
        documents: Vec::new(),
        excerpts: Vec::new(),
        foia: Vec::new(),
        testimonies: Vec::new(),
        missing: Vec::new(),
    };
    // Who reads excerpt quotes: the operator and roles that see every
    // identity read them all; other accounts by the excerpt rule (an
    // account no longer stored reads none).
    let user = match actor {
        Actor::Account { username, role } if !role.sees_all_identities() => Some(
            vault
                .users()?
                .into_iter()
                .find(|u| u.username.as_str() == username),
        ),
        _ => None,
    };
    let mut excerpts = Vec::new();
    for link in vault.case_links(id)? {
        let target = link.target.as_str();
        let found = match link.kind {
            CaseLinkKind::Event => match RecordId::parse("event", target) {
                Ok(event) => vault.event(&event)?.map(|e| view.events.push(e)),
                Err(_) => None,
            },
            CaseLinkKind::Document => {
                present(vault.document(target))?.map(|d| view.documents.push(d))
            }
            CaseLinkKind::Excerpt => present(vault.excerpt(target))?.map(|x| excerpts.push(x)),
            CaseLinkKind::Foia => vault.foia(target)?.map(|f| view.foia.push(f)),
            CaseLinkKind::Testimony => {
                view.testimonies.push(link.target.clone());
                Some(())
            }
        };
        if found.is_none() {
            view.missing.push(link);
        }
    }
    // The excerpt rule, then the text reads of the quotes shown.
    let mut shown = Vec::new();
    for excerpt in excerpts {
        let readable = match &user {
            None => true,
            Some(Some(user)) => vault.may_read_excerpt(user, &excerpt)?,
            Some(None) => false,
        };
        shown.push(if readable {
            ShownExcerpt::Readable(excerpt)
        } else {
            ShownExcerpt::Withheld(excerpt.into())
        });
    }
    let documents: Vec<&str> = shown
        .iter()
        .filter_map(|s| match s {
            ShownExcerpt::Readable(e) => Some(e.document.as_str()),
            ShownExcerpt::Withheld(_) => None,
        })
        .collect();
    vault.record_text_reads(&documents)?;
    view.excerpts = shown;
    Ok(view)
}

/// `Ok(None)` for a record the vault does not have; other errors pass.
fn present<T>(result: Result<T, VaultError>) -> AppResult<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(VaultError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// One case without notes or links.
///
/// # Errors
/// [`AppError::NotFound`] (kind `Case`); storage failures.
pub fn find(vault: &Vault, id: &str) -> AppResult<Case> {
    vault.case(id.trim())?.ok_or_else(|| AppError::NotFound {
        kind: RecordKind::Case,
        id: id.to_owned(),
    })
}

/// A record to link a case to, as typed: its kind's code and its id.
#[derive(Debug, Clone)]
pub struct LinkTarget<'a> {
    pub kind: &'a str,
    pub id: &'a str,
}

/// Links case `id` to a record, as `actor` (audited when the link is new).
/// The record must exist: an unknown one is [`AppError::UnknownReference`]
/// named by its kind (`event`, `document`, `excerpt`, `foia`,
/// `testimony`), before anything is stored. Returns whether the link is
/// new.
///
/// Testimonies are a record of their own being added beside cases: until
/// their store is wired here, every testimony id is an unknown reference.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::NotFound`] (kind `Case`); [`AppError::Invalid`] on `kind`
/// for an unknown kind and on its field for a malformed id;
/// [`AppError::UnknownReference`]; storage failures.
pub fn link(vault: &mut Vault, actor: &Actor, id: &str, target: LinkTarget<'_>) -> AppResult<bool> {
    require_writer(actor)?;
    let case = find(vault, id)?;
    let (kind, target) = check_target(vault, target)?;
    act_as(vault, actor)?;
    Ok(vault.link_case(case.id.as_str(), kind, &target)?)
}

/// Removes a link of case `id`, as `actor` (audited when there was one).
/// Returns whether there was one.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::NotFound`] (kind `Case`); [`AppError::Invalid`] on `kind`;
/// storage failures.
pub fn unlink(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    target: LinkTarget<'_>,
) -> AppResult<bool> {
    require_writer(actor)?;
    let case = find(vault, id)?;
    let kind = CaseLinkKind::parse("kind", target.kind)?;
    act_as(vault, actor)?;
    Ok(vault.unlink_case(case.id.as_str(), kind, target.id.trim())?)
}

/// The kind and id of an existing record, or why not.
fn check_target(vault: &Vault, target: LinkTarget<'_>) -> AppResult<(CaseLinkKind, String)> {
    let kind = CaseLinkKind::parse("kind", target.kind)?;
    let field = kind.code();
    let id = RecordId::parse(field, target.id)?;
    let unknown = |record: RecordKind| AppError::UnknownReference {
        field: field.to_owned(),
        kind: record,
        id: id.to_string(),
    };
    let exists = match kind {
        CaseLinkKind::Event => vault.event(&id)?.is_some(),
        CaseLinkKind::Document => present(vault.document(id.as_str()))?.is_some(),
        CaseLinkKind::Excerpt => present(vault.excerpt(id.as_str()))?.is_some(),
        CaseLinkKind::Foia => vault.foia(id.as_str())?.is_some(),
        CaseLinkKind::Testimony => vault.testimony_summary(&id)?.is_some(),
    };
    if exists {
        Ok((kind, id.to_string()))
    } else {
        Err(unknown(match kind {
            CaseLinkKind::Event => RecordKind::Event,
            CaseLinkKind::Document => RecordKind::Document,
            CaseLinkKind::Excerpt => RecordKind::Excerpt,
            CaseLinkKind::Foia => RecordKind::FoiaRequest,
            CaseLinkKind::Testimony => RecordKind::Testimony,
        }))
    }
}

/// Changes the status of case `id` (a status code as typed), as `actor`
/// (audited when it changes).
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not write records;
/// [`AppError::Invalid`] on `status`; [`AppError::NotFound`] (kind
/// `Case`); storage failures.
pub fn set_status(
    vault: &mut Vault,
    actor: &Actor,
    id: &str,
    status: &str,
) -> AppResult<WriteOutcome> {
    require_writer(actor)?;
    let status = CaseStatus::parse("status", status)?;
    let case = find(vault, id)?;
    act_as(vault, actor)?;
    Ok(vault.set_case_status(case.id.as_str(), status)?)
}

#[cfg(test)]
mod tests;
