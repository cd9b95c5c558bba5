//! `testimonio packet PERSON`: one person's case packet (internal
//! audience), audited before it is written; with `--exhibits-dir`, the
//! cited originals are written beside it as "Exhibit NN - name",
//! byte-exact and hash-verified.

use testimonio_domain::{Audience, EventKind, RecordId};
use testimonio_report::packet::{
    PacketDocument, PacketEvent, PacketExcerpt, PacketInput, PacketPerson, exhibit_numbers, packet,
};
use testimonio_vault::{EventFilter, ExcerptFilter};

use crate::cli::{PacketArgs, ReportFormat};
use crate::context::{CliResult, Context};

pub fn run(cx: &Context, args: &PacketArgs) -> CliResult {
    let mut vault = cx.open()?;
    let id = RecordId::parse("person", &args.person).map_err(|e| {
        cx.fail(
            format!("PERSON: {}", e.problem.message(testimonio_domain::Lang::En)),
            format!("PERSON: {}", e.problem.message(testimonio_domain::Lang::Es)),
        )
    })?;
    // The identity read is audited by the vault.
    let person = vault.person_identity(&id).map_err(|e| cx.vault_error(e))?;
    let events = vault
        .events(&EventFilter {
            person: Some(id.clone()),
            ..EventFilter::default()
        })
        .map_err(|e| cx.vault_error(e))?;
    let mut excerpts = vault
        .excerpts(&ExcerptFilter {
            person: Some(id.as_str().to_owned()),
            ..ExcerptFilter::default()
        })
        .map_err(|e| cx.vault_error(e))?;
    for event in &events {
        for excerpt in vault
            .excerpts(&ExcerptFilter {
                event: Some(event.id().as_str().to_owned()),
                ..ExcerptFilter::default()
            })
            .map_err(|e| cx.vault_error(e))?
        {
            if !excerpts.iter().any(|x| x.id == excerpt.id) {
                excerpts.push(excerpt);
            }
        }
    }
    let mut documents = Vec::new();
    for excerpt in &excerpts {
        if documents
            .iter()
            .any(|d: &PacketDocument| d.id == excerpt.document)
        {
            continue;
        }
        let info = vault
            .document(&excerpt.document)
            .map_err(|e| cx.vault_error(e))?;
        documents.push(PacketDocument {
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
    let input = PacketInput {
        person: PacketPerson {
            id: person.id.as_str().to_owned(),
            pseudonym: person.pseudonym.as_str().to_owned(),
            legal_name: person
                .identity
                .legal_name
                .as_ref()
                .map(|n| n.expose().to_owned()),
        },
        events: events
            .iter()
            .map(|e| {
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
                PacketEvent {
                    id: e.id().as_str().to_owned(),
                    date: e.date().to_string(),
                    day: e.date().earliest(),
                    protected: e.event_type().kind() == EventKind::ProtectedActivity,
                    type_label: e.event_type().label(cx.lang).to_owned(),
                    role_label: e
                        .participants()
                        .iter()
                        .find(|p| p.person == id)
                        .map_or_else(String::new, |p| p.role.label(cx.lang).to_owned()),
                    place,
                    narrative: e.narrative().map(|n| n.expose().to_owned()),
                }
            })
            .collect(),
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
        generated_on: crate::commands::analyze::today().to_string(),
    };
    let document = packet(&input, cx.lang);
    let bytes = match args.format {
        ReportFormat::Pdf => testimonio_report::pdf::render(&document),
        ReportFormat::Html => testimonio_report::html::render(&document).into_bytes(),
    };
    let exhibits = exhibit_numbers(&input);
    vault
        .record_report(
            "packet",
            Audience::Internal,
            &[
                ("events", input.events.len() as u64),
                ("excerpts", input.excerpts.len() as u64),
                ("exhibits", exhibits.len() as u64),
                ("identities", 1),
            ],
        )
        .map_err(|e| cx.vault_error(e))?;
    cx.write_private(&args.out, &bytes)?;
    if let Some(dir) = &args.exhibits_dir {
        cx.create_private_dir(dir)?;
        for (n, document) in &exhibits {
            let safe: String = document
                .file_name
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let path = dir.join(format!("Exhibit {n:02} - {safe}"));
            let mut file = Vec::new();
            // Audited and hash-verified by the vault.
            vault
                .read_document(&document.id, &mut file)
                .map_err(|e| cx.vault_error(e))?;
            cx.write_private(&path, &file)?;
        }
    }
    eprintln!(
        "{} {} ({} {}, {} {})",
        cx.t("wrote", "escrito"),
        args.out.display(),
        input.events.len(),
        cx.t("events", "eventos"),
        exhibits.len(),
        cx.t("exhibits", "pruebas documentales"),
    );
    Ok(())
}
