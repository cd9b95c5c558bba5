//! `person add` and `person edit`: parse the options, call the records use
//! cases, print what was stored.

use serde_json::json;
use testimonio_app::evidence::mentions;
use testimonio_app::records::people::{self, InitialConsent, PersonFields, PersonRecorded};
use testimonio_domain::RecordId;
use testimonio_i18n::tr;
use testimonio_vault::WriteOutcome;

use crate::cli::{PersonAddArgs, PersonEditArgs, PersonFieldArgs};
use crate::context::{CliResult, Context, operator, print_json};

/// The fields the options give; repeatable options given none are absent.
fn fields(pseudonym: Option<String>, args: &PersonFieldArgs) -> PersonFields {
    let list = |values: &Vec<String>| (!values.is_empty()).then(|| values.clone());
    PersonFields {
        pseudonym,
        legal_name: args.legal_name.clone(),
        aliases: list(&args.aliases),
        contact: args.contact.clone(),
        a_number: args.a_number.clone(),
        immigration_status: args.immigration_status.clone(),
        address: args.address.clone(),
        birth_year: args.birth_year,
        groups: list(&args.groups),
    }
}

pub fn add(cx: &Context, args: &PersonAddArgs) -> CliResult {
    let mut vault = cx.open()?;
    let consent = InitialConsent {
        level: args.consent.clone(),
        given_on: args.consent_given.clone(),
    };
    let recorded = people::create(
        &mut vault,
        &operator(),
        args.id.as_deref(),
        fields(Some(args.pseudonym.clone()), &args.fields),
        Some(consent),
    )
    .map_err(|e| cx.app_error(&e))?;
    report(cx, &recorded, args.json);
    Ok(())
}

pub fn edit(cx: &Context, args: &PersonEditArgs) -> CliResult {
    let id = RecordId::parse("id", &args.id).map_err(|e| cx.option_error("id", &e))?;
    let mut vault = cx.open()?;
    let recorded = people::edit(
        &mut vault,
        &operator(),
        &id,
        fields(args.pseudonym.clone(), &args.fields),
    )
    .map_err(|e| cx.app_error(&e))?;
    report(cx, &recorded, args.json);
    Ok(())
}

fn report(cx: &Context, recorded: &PersonRecorded, json_out: bool) {
    let outcome = match recorded.outcome {
        WriteOutcome::Created => "created",
        WriteOutcome::Updated => "updated",
        WriteOutcome::Unchanged => "unchanged",
    };
    let id = recorded.id.to_string();
    if json_out {
        print_json(&json!({ "id": id, "outcome": outcome }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "records-person-recorded",
                id = id.as_str(),
                pseudonym = recorded.pseudonym.as_str(),
                outcome = outcome
            )
        );
    }
}

/// `person mentions [ID]`: one person's mentions, or the review queue.
pub fn mentions(cx: &Context, id: Option<&str>, all: bool, json_out: bool) -> CliResult {
    let id = id
        .map(|id| RecordId::parse("id", id).map_err(|e| cx.option_error("id", &e)))
        .transpose()?;
    let mut vault = cx.open()?;
    let found = match &id {
        Some(id) => mentions::for_person(&mut vault, &operator(), id, all),
        None => mentions::queue(&mut vault, &operator(), all),
    }
    .map_err(|e| cx.app_error(&e))?;
    if json_out {
        let items: Vec<_> = found
            .iter()
            .map(|m| {
                json!({
                    "id": m.id, "person": m.person, "pseudonym": m.pseudonym,
                    "document": m.document, "title": m.title, "page": m.page,
                    "kind": m.kind.code(), "found_at": m.found_at,
                    "status": m.status.code(), "reviewed_by": m.reviewed_by,
                })
            })
            .collect();
        print_json(&json!({ "mentions": items }));
        return Ok(());
    }
    let lang = cx.lang;
    if found.is_empty() {
        let none = if id.is_some() {
            tr!(lang, "mention-none")
        } else {
            tr!(lang, "mention-queue-none")
        };
        println!("{none}");
    }
    for m in &found {
        let name = m.title.as_deref().unwrap_or(m.document.as_str());
        let place = tr!(lang, "mention-where", document = name, page = m.page);
        println!(
            "{}",
            tr!(
                lang,
                "mention-cli-line",
                id = m.id,
                pseudonym = m.pseudonym.as_str(),
                person = m.person.as_str(),
                place = place.as_str(),
                kind = mentions::kind_label(lang, m.kind),
                status = mentions::status_label(lang, m.status)
            )
        );
    }
    Ok(())
}
