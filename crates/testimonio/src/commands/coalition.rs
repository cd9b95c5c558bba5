//! `coalition join/share/status` (a member group's side) and `custodian
//! init/add-member/serve` (the key custodian's): parse, call the use
//! case, print.

use serde_json::json;
use testimonio_app::coalition::{self, JoinRequest, custodian};
use testimonio_i18n::tr;
use zeroize::Zeroizing;

use crate::cli_coalition::{CoalitionCommand, CoalitionJoinArgs, CustodianCommand};
use crate::commands::analyze::today;
use crate::context::{CliResult, Context, Failure, io_reason, operator, print_json};

pub fn run(cx: &Context, command: &CoalitionCommand) -> CliResult {
    match command {
        CoalitionCommand::Join(args) => join(cx, args),
        CoalitionCommand::Share { out, json } => share(cx, out, *json),
        CoalitionCommand::Status { json } => status(cx, *json),
        CoalitionCommand::Create { coalition_id, json } => {
            crate::commands::coalition_hub::create(cx, coalition_id, *json)
        }
        CoalitionCommand::Invite { json } => crate::commands::coalition_hub::invite(cx, *json),
        CoalitionCommand::Admit { name, member_key } => {
            crate::commands::coalition_hub::admit(cx, name, member_key)
        }
        CoalitionCommand::Receive { files, json } => {
            crate::commands::coalition_hub::receive(cx, files, *json)
        }
    }
}

fn join(cx: &Context, args: &CoalitionJoinArgs) -> CliResult {
    let token = match &args.custodian_token_file {
        Some(path) => Some(Zeroizing::new(
            std::fs::read_to_string(path)
                .map_err(|e| cx.io_error(path, &e))?
                .trim()
                .to_owned(),
        )),
        None => None,
    };
    let mut vault = cx.open()?;
    let request = JoinRequest {
        coalition_id: args.coalition_id.clone(),
        hub_recipient: args.hub_recipient.clone(),
        custodian_url: args.custodian_url.clone(),
        custodian_public_key: args.custodian_key.clone(),
        custodian_token: token,
    };
    let joined =
        coalition::join(&mut vault, &operator(), &request).map_err(|e| cx.app_error(&e))?;
    if args.json {
        print_json(&json!({ "coalition": joined.coalition_id, "member_key": joined.member_key }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "coalition-joined",
                coalition = joined.coalition_id.as_str(),
                key = joined.member_key.as_str()
            )
        );
    }
    Ok(())
}

fn share(cx: &Context, out: &std::path::Path, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let shared =
        coalition::share(&mut vault, &operator(), today(), &now).map_err(|e| cx.app_error(&e))?;
    // Ciphertext to the hub: written privately all the same.
    cx.write_private(out, shared.sealed())?;
    let c = shared.counts;
    if json_out {
        print_json(&json!({
            "coalition": shared.coalition_id, "number": shared.number,
            "people": c.people, "events": c.events, "narratives": c.narratives, "tokens": c.tokens,
        }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "coalition-shared",
                number = shared.number,
                coalition = shared.coalition_id.as_str(),
                file = out.display().to_string(),
                people = c.people,
                events = c.events,
                narratives = c.narratives,
                tokens = c.tokens
            )
        );
    }
    Ok(())
}

fn status(cx: &Context, json_out: bool) -> CliResult {
    let vault = cx.open()?;
    if vault
        .hub_coalition()
        .map_err(|e| cx.vault_error(e))?
        .is_some()
    {
        return crate::commands::coalition_hub::status(cx, &vault, json_out);
    }
    let (m, key) = coalition::membership(&vault).map_err(|e| cx.app_error(&e))?;
    if json_out {
        print_json(&json!({
            "coalition": m.coalition_id, "hub_recipient": m.hub_recipient,
            "member_key": key, "last_number": m.last_number, "joined_at": m.joined_at,
            "custodian": m.custodian.as_ref().map(|c| json!({ "url": c.url, "public_key": c.public_key })),
        }));
        return Ok(());
    }
    println!(
        "{}",
        tr!(
            cx.lang,
            "coalition-status",
            coalition = m.coalition_id.as_str(),
            joined = m.joined_at.as_str(),
            number = m.last_number,
            key = key.as_str()
        )
    );
    match &m.custodian {
        Some(c) => println!(
            "{}",
            tr!(cx.lang, "coalition-status-custodian", url = c.url.as_str())
        ),
        None => println!("{}", tr!(cx.lang, "coalition-status-no-custodian")),
    }
    Ok(())
}

pub fn custodian(cx: &Context, command: &CustodianCommand) -> CliResult {
    match command {
        CustodianCommand::Init { json } => {
            let mut vault = cx.open()?;
            let key = custodian::init(&mut vault, &operator()).map_err(|e| cx.app_error(&e))?;
            if *json {
                print_json(&json!({ "public_key": key }));
            } else {
                println!(
                    "{}",
                    tr!(cx.lang, "custodian-initialized", key = key.as_str())
                );
            }
            Ok(())
        }
        CustodianCommand::AddMember {
            name,
            daily_budget,
            token_out,
        } => {
            let mut vault = cx.open()?;
            let token = custodian::add_member(&mut vault, &operator(), name, *daily_budget)
                .map_err(|e| cx.app_error(&e))?;
            cx.write_private(token_out, token.as_bytes())?;
            println!(
                "{}",
                tr!(
                    cx.lang,
                    "custodian-member-added",
                    name = name.as_str(),
                    budget = *daily_budget,
                    file = token_out.display().to_string()
                )
            );
            Ok(())
        }
        CustodianCommand::Serve { addr } => serve(cx, *addr),
    }
}

fn serve(cx: &Context, addr: std::net::SocketAddr) -> CliResult {
    let _ = tracing_subscriber::fmt()
        .json()
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
    let vault = cx.open()?;
    let state =
        testimonio_web::custodian::CustodianState::new(vault).map_err(|e| cx.app_error(&e))?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| {
        Failure::message(tr!(
            cx.lang,
            "cli-serve-cannot-start",
            reason = io_reason(cx.lang, &e)
        ))
    })?;
    println!(
        "{}",
        tr!(
            cx.lang,
            "custodian-serving",
            url = format!("http://{addr}/")
        )
    );
    runtime
        .block_on(testimonio_web::custodian::serve(addr, state))
        .map_err(|e| {
            Failure::message(tr!(
                cx.lang,
                "cli-serve-failed",
                addr = addr.to_string(),
                reason = io_reason(cx.lang, &e)
            ))
        })
}
