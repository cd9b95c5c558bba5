//! `coalition create/invite/admit/receive` and the hub's `coalition
//! status`: the coordinator's side of a coalition.

use std::path::PathBuf;

use serde_json::json;
use testimonio_app::coalition::hub;
use testimonio_i18n::tr;
use testimonio_vault::Vault;

use crate::context::{CliResult, Context, Failure, operator, print_json};

pub fn create(cx: &Context, coalition_id: &str, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let recipient =
        hub::create(&mut vault, &operator(), coalition_id).map_err(|e| cx.app_error(&e))?;
    if json_out {
        print_json(&json!({ "coalition": coalition_id.trim(), "hub_recipient": recipient }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "coalition-created",
                coalition = coalition_id.trim(),
                recipient = recipient.as_str()
            )
        );
    }
    Ok(())
}

pub fn invite(cx: &Context, json_out: bool) -> CliResult {
    let vault = cx.open()?;
    let (id, recipient) = hub::invitation(&vault).map_err(|e| cx.app_error(&e))?;
    if json_out {
        print_json(&json!({ "coalition": id, "hub_recipient": recipient }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "coalition-invitation",
                coalition = id.as_str(),
                recipient = recipient.as_str()
            )
        );
    }
    Ok(())
}

pub fn admit(cx: &Context, name: &str, member_key: &str) -> CliResult {
    let mut vault = cx.open()?;
    hub::admit(&mut vault, &operator(), name, member_key).map_err(|e| cx.app_error(&e))?;
    println!("{}", tr!(cx.lang, "coalition-admitted", name = name));
    Ok(())
}

/// Each file received on its own: a refused one is named with its reason
/// and stores nothing; the others are kept. Exit 1 if any was refused.
pub fn receive(cx: &Context, files: &[PathBuf], json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let mut results = Vec::new();
    let mut refused = 0usize;
    for file in files {
        let shown = file.display().to_string();
        let bytes = std::fs::read(file).map_err(|e| cx.io_error(file, &e))?;
        match hub::receive(&mut vault, &operator(), &bytes) {
            Ok(r) => {
                if !json_out {
                    println!(
                        "{}",
                        tr!(
                            cx.lang,
                            "coalition-received",
                            file = shown.as_str(),
                            member = r.member.as_str(),
                            number = r.number,
                            people = r.people,
                            events = r.events
                        )
                    );
                }
                results.push(
                    json!({ "file": shown, "member": r.member, "number": r.number,
                    "people": r.people, "events": r.events }),
                );
            }
            Err(e) => {
                refused += 1;
                let reason = e.message(cx.lang);
                if !json_out {
                    eprintln!(
                        "{}",
                        tr!(
                            cx.lang,
                            "coalition-receive-refused",
                            file = shown.as_str(),
                            reason = reason.as_str()
                        )
                    );
                }
                results.push(json!({ "file": shown, "refused": reason }));
            }
        }
    }
    if json_out {
        print_json(&results);
    }
    if refused > 0 {
        return Err(Failure::message(tr!(
            cx.lang,
            "coalition-receive-some-refused",
            count = refused
        )));
    }
    Ok(())
}

pub fn status(cx: &Context, vault: &Vault, json_out: bool) -> CliResult {
    let s = hub::status(vault).map_err(|e| cx.app_error(&e))?;
    let members: Vec<_> = s
        .members
        .iter()
        .map(|m| {
            json!({ "name": m.name, "last_number": m.last_number,
                "shared_people": s.merged.shared_by(&m.name) })
        })
        .collect();
    if json_out {
        print_json(&json!({
            "coalition": s.coalition_id, "members": members, "bundles": s.bundles,
            "reported_people": s.reported, "distinct_people": s.merged.people.len(),
            "shared_people": s.merged.shared(), "flagged_for_review": s.merged.flagged.len(),
        }));
        return Ok(());
    }
    println!(
        "{}",
        tr!(
            cx.lang,
            "coalition-hub-status",
            coalition = s.coalition_id.as_str(),
            members = s.members.len(),
            reported = s.reported,
            distinct = s.merged.people.len(),
            shared = s.merged.shared(),
            flagged = s.merged.flagged.len()
        )
    );
    Ok(())
}
