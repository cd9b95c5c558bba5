//! One person's case packet: the queries, the audit entry and the
//! exhibits, in one use case. The front end writes what it returns.

use testimonio_domain::{Audience, CaseLinkKind, EventKind, FieldError, Lang, Problem, RecordId};
use testimonio_i18n::tr;
use testimonio_report::Format;
use testimonio_report::packet::{
    PacketCase, PacketDocument, PacketEvent, PacketExcerpt, PacketInput, PacketPerson,
    PacketProvenance, exhibit_numbers, packet,
};
use testimonio_vault::{CustodyEvent, EventFilter, Excerpt, ExcerptFilter, Vault};

use crate::{Actor, AppError, AppResult, act_as};

/// A packet made, audited and ready to be written.
#[derive(Debug)]
pub struct Packet {
    /// The packet itself, in the format asked for.
    pub document: Vec<u8>,
    /// Events in the person's history.
    pub events: usize,
    /// Excerpts cited.
    pub excerpts: usize,
    /// Exhibits cited (whether or not their files were asked for).
    pub exhibits: usize,
    /// The cited originals, byte-exact and hash-verified, when asked for.
    pub exhibit_files: Vec<ExhibitFile>,
    /// What the packet is about: `person:ID` or `case:ID`.
    pub subject: String,
}

/// One cited original, named for the packet.
#[derive(Debug)]
pub struct ExhibitFile {
    /// The packet's label for it, in the packet's language, and its name
    /// (`Exhibit 01 - name`, `Prueba 01 - name`), with every character but
    /// letters, digits, `.`, `-` and `_` replaced by `_`: safe as a file
    /// name.
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Its exhibit number in the packet.
    pub number: usize,
    pub document_id: String,
    pub sha256: String,
    /// Its custody log, oldest first, including this export's read.
    pub custody: Vec<CustodyEvent>,
}

/// The packet of person `person` (an id as typed) in `lang` and `format`,
/// for `actor`. The identity read is audited by the vault; the packet's
/// export entry is written before the packet is returned; with
/// `with_exhibits`, each cited original is read (audited and
/// hash-verified by the vault).
///
/// # Errors
/// [`AppError::Invalid`] for a malformed id, [`AppError::NotFound`] for an
/// unknown person, [`AppError::Forbidden`] for a role that does not see
/// identities, and the vault's errors.
pub fn make_packet(
    vault: &mut Vault,
    actor: &Actor,
    person: &str,
    lang: Lang,
    format: Format,
    generated_on: chrono::NaiveDate,
    with_exhibits: bool,
) -> AppResult<Packet> {
    if !actor.role().sees_all_identities() {
        return Err(AppError::Forbidden);
    }
    let id = RecordId::parse("person", person)?;
    act_as(vault, actor)?;
    let input = input(vault, &id, lang, generated_on)?;
    finish(
        vault,
        &input,
        lang,
        format,
        with_exhibits,
        format!("person:{}", id.as_str()),
    )
}

/// The packet of case `case` (an id as typed), for `actor`: the packet of
/// the person the case is about, with the case (title, kind, status,
/// attorney, opening) on its cover and the case's linked events, excerpts
/// (with those tied to its linked events) and documents as its content.
/// Only an actor who may see the person's identity may make it (a
/// documenter for the people they created or are assigned to); its quotes
/// are those the actor may read by the excerpt rule. Audited as
/// [`make_packet`].
///
/// # Errors
/// [`AppError::Forbidden`] for an actor who may not see the person's
/// identity,
/// [`AppError::NotFound`] for an unknown case, [`AppError::Invalid`] on
/// `subject` for a group's case (a packet is about one person), and the
/// vault's errors.
pub fn make_case_packet(
    vault: &mut Vault,
    actor: &Actor,
    case: &str,
    lang: Lang,
    format: Format,
    generated_on: chrono::NaiveDate,
    with_exhibits: bool,
) -> AppResult<Packet> {
    if !actor.role().sees_own_identities() && !actor.role().sees_all_identities() {
        return Err(AppError::Forbidden);
    }
    let case = crate::records::cases::find(vault, case)?;
    let Some(person) = case.subject.person().cloned() else {
        return Err(AppError::invalid(FieldError::new(
            "subject",
            Problem::PersonOnly,
        )));
    };
    if !crate::records::cases::sees_notes(vault, actor, &case)? {
        return Err(AppError::Forbidden);
    }
    // Who may read which quote: the excerpt rule, for an account that
    // does not see every identity.
    let reader = match actor {
        Actor::Account { username, role } if !role.sees_all_identities() => Some(
            vault
                .users()?
                .into_iter()
                .find(|u| u.username.as_str() == username)
                .ok_or(AppError::Forbidden)?,
        ),
        _ => None,
    };
    act_as(vault, actor)?;
    let links = vault.case_links(case.id.as_str())?;
    let targets = |kind: CaseLinkKind| {
        links
            .iter()
            .filter(move |l| l.kind == kind)
            .map(|l| l.target.as_str())
    };
    let mut events = Vec::new();
    for target in targets(CaseLinkKind::Event) {
        let id = RecordId::parse("event", target)?;
        if let Some(event) = vault.event(&id)? {
            events.push(event);
        }
    }
    let mut excerpts = Vec::new();
    for target in targets(CaseLinkKind::Excerpt) {
        excerpts.push(vault.excerpt(target)?);
    }
    for event in &events {
        for excerpt in vault.excerpts(&ExcerptFilter {
            event: Some(event.id().as_str().to_owned()),
            ..ExcerptFilter::default()
        })? {
            if !excerpts.iter().any(|x| x.id == excerpt.id) {
                excerpts.push(excerpt);
            }
        }
    }
    if let Some(reader) = &reader {
        let mut readable = Vec::new();
        for excerpt in excerpts {
            if vault.may_read_excerpt(reader, &excerpt)? {
                readable.push(excerpt);
            }
        }
        excerpts = readable;
    }
    let extra: Vec<&str> = targets(CaseLinkKind::Document).collect();
    let mut input = assemble(
        vault,
        &person,
        &events,
        &excerpts,
        &extra,
        lang,
        generated_on,
    )?;
    input.case = Some(PacketCase {
        id: case.id.to_string(),
        title: case.title.to_string(),
        kind_label: case.kind.label(lang).to_owned(),
        status_label: case.status.label(lang).to_owned(),
        attorney: case.attorney.as_ref().map(ToString::to_string),
        opened_on: case.opened_on.map(|d| d.written(lang)),
    });
    finish(
        vault,
        &input,
        lang,
        format,
        with_exhibits,
        format!("case:{}", case.id),
    )
}

/// Renders `input`, writes the export's audit entry, then reads the
/// exhibits when asked (each read audited and hash-checked by the vault).
fn finish(
    vault: &mut Vault,
    input: &PacketInput,
    lang: Lang,
    format: Format,
    with_exhibits: bool,
    subject: String,
) -> AppResult<Packet> {
    let document = packet(input, lang);
    let document = match format {
        Format::Pdf => testimonio_report::pdf::render(&document),
        Format::Html => testimonio_report::html::render(&document).into_bytes(),
    };
    let exhibits = exhibit_numbers(input);
    vault.record_report(
        "packet",
        Audience::Internal,
        &[
            ("events", input.events.len() as u64),
            ("excerpts", input.excerpts.len() as u64),
            ("exhibits", exhibits.len() as u64),
            ("identities", 1),
        ],
    )?;
    let mut exhibit_files = Vec::new();
    if with_exhibits {
        for (n, document) in &exhibits {
            let mut bytes = Vec::new();
            vault.read_document(&document.id, &mut bytes)?;
            let bytes = crate::evidence::strip::for_export(vault, &document.id, bytes)?;
            let custody = vault.custody(&document.id)?;
            exhibit_files.push(ExhibitFile {
                file_name: tr!(
                    lang,
                    "packet-exhibit-file",
                    number = format!("{n:02}"),
                    file = safe_name(&document.file_name)
                ),
                bytes,
                number: *n,
                document_id: document.id.clone(),
                sha256: document.sha256.clone(),
                custody,
            });
        }
    }
    Ok(Packet {
        document,
        events: input.events.len(),
        excerpts: input.excerpts.len(),
        exhibits: exhibits.len(),
        exhibit_files,
        subject,
    })
}

fn safe_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Everything the packet shows: the person (identity read, audited), their
/// events, the excerpts tied to them or to their events, and the documents
/// those cite.
fn input(
    vault: &mut Vault,
    id: &RecordId,
    lang: Lang,
    generated_on: chrono::NaiveDate,
) -> AppResult<PacketInput> {
    let events = vault.events(&EventFilter {
        person: Some(id.clone()),
        ..EventFilter::default()
    })?;
    let excerpts = excerpts(vault, id, &events)?;
    assemble(vault, id, &events, &excerpts, &[], lang, generated_on)
}

/// The packet's input from what was chosen: the person (identity read,
/// audited), the events and excerpts, the documents the excerpts cite,
/// then `extra` documents in their order.
fn assemble(
    vault: &mut Vault,
    id: &RecordId,
    events: &[testimonio_domain::Event],
    excerpts: &[Excerpt],
    extra: &[&str],
    lang: Lang,
    generated_on: chrono::NaiveDate,
) -> AppResult<PacketInput> {
    let person = vault.person_identity(id)?;
    let cited = excerpts.iter().map(|x| x.document.as_str());
    let mut documents: Vec<PacketDocument> = Vec::new();
    for document in cited.chain(extra.iter().copied()) {
        if documents.iter().any(|d| d.id == document) {
            continue;
        }
        let info = vault.document(document)?;
        let custody_events = vault.custody(&info.id)?.len();
        documents.push(PacketDocument {
            provenance: PacketProvenance {
                added_at: info.added_at.clone(),
                added_by: info.added_by.clone(),
                source_label: info.source_kind.map(|k| k.label(lang).to_owned()),
                custodian: info.custodian.clone(),
                obtained_on: info.obtained_on.clone(),
                extracted_with: info.extracted_with.clone(),
                custody_events,
            },
            file_name: info
                .file_name
                .clone()
                .or(info.attachment_name.clone())
                .unwrap_or_else(|| info.id.clone()),
            id: info.id,
            sha256: info.sha256,
            size: info.size,
        });
    }
    Ok(PacketInput {
        case: None,
        person: PacketPerson {
            id: person.id.as_str().to_owned(),
            pseudonym: person.pseudonym.as_str().to_owned(),
            legal_name: person
                .identity
                .legal_name
                .as_ref()
                .map(|n| n.expose().to_owned()),
        },
        events: events.iter().map(|e| packet_event(e, id, lang)).collect(),
        excerpts: excerpts
            .iter()
            .map(|x| PacketExcerpt {
                document: x.document.clone(),
                page: x.page,
                quote: x.quote.clone(),
                tags: x.tags.clone(),
                events: x.events.clone(),
            })
            .collect(),
        documents,
        generated_on: generated_on.to_string(),
        software: format!("testimonio {}", env!("CARGO_PKG_VERSION")),
    })
}

/// The excerpts tied to the person, then those tied to one of their
/// events, each once.
fn excerpts(
    vault: &Vault,
    id: &RecordId,
    events: &[testimonio_domain::Event],
) -> AppResult<Vec<Excerpt>> {
    let mut excerpts = vault.excerpts(&ExcerptFilter {
        person: Some(id.as_str().to_owned()),
        ..ExcerptFilter::default()
    })?;
    for event in events {
        for excerpt in vault.excerpts(&ExcerptFilter {
            event: Some(event.id().as_str().to_owned()),
            ..ExcerptFilter::default()
        })? {
            if !excerpts.iter().any(|x| x.id == excerpt.id) {
                excerpts.push(excerpt);
            }
        }
    }
    Ok(excerpts)
}

fn packet_event(e: &testimonio_domain::Event, person: &RecordId, lang: Lang) -> PacketEvent {
    let location = e.location();
    let place = [
        location.facility.as_ref().map(|f| f.as_str().to_owned()),
        location.city.as_ref().map(|c| c.as_str().to_owned()),
        location.state.map(|s| s.code().to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let protected = e.event_type().kind() == EventKind::ProtectedActivity;
    let day = e.date().earliest();
    // An activity that lasted counts from its end, placed on the end's
    // first possible day (the interval can only lengthen).
    let until = match e.end_date() {
        Some(end) if protected => end.earliest().max(day),
        _ => day,
    };
    PacketEvent {
        id: e.id().as_str().to_owned(),
        date: match e.end_date() {
            Some(end) => format!("{} – {end}", e.date()),
            None => e.date().to_string(),
        },
        day,
        until,
        protected,
        type_label: e.event_type().label(lang).to_owned(),
        role_label: e
            .participants()
            .iter()
            .find(|p| p.person == *person)
            .map_or_else(String::new, |p| p.role.label(lang).to_owned()),
        place,
        narrative: e.narrative().map(|n| n.expose().to_owned()),
    }
}
