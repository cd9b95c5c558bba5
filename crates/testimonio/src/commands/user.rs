//! user: the accounts of the web app and their API tokens. Changes made
//! here reach a running server at once: sessions live in the vault.

use std::path::Path;

use serde_json::json;
use testimonio_domain::{Lang, Role};
use testimonio_i18n::{format, tr};
use testimonio_vault::{Password, RecordKind, TokenStatus, Username, Vault, VaultError};

use crate::cli::UserCommand;
use crate::context::{CliResult, Context, Failure, print_json};

fn password(cx: &Context, file: Option<&Path>) -> CliResult<Password> {
    let text = match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| cx.io_error(path, &e))?,
        None => {
            let first = cx.ask(tr!(cx.lang, "accounts-prompt-password"))?;
            let again = cx.ask(tr!(cx.lang, "accounts-prompt-repeat-password"))?;
            if first != again {
                return Err(Failure::message(tr!(
                    cx.lang,
                    "accounts-error-passwords-differ"
                )));
            }
            first
        }
    };
    Password::new(text).map_err(|e| cx.vault_error(e))
}

/// A role's name, agreeing with "cuenta" in Spanish.
pub fn role_label(lang: Lang, role: Role) -> String {
    tr!(lang, "accounts-role", role = role.code())
}

fn username(cx: &Context, name: &str) -> CliResult<Username> {
    Username::parse(name).map_err(|e| cx.vault_error(e))
}

pub fn user(cx: &Context, command: &UserCommand) -> CliResult {
    match command {
        UserCommand::Add {
            username: name,
            role,
            password_file,
        } => {
            let name = username(cx, name)?;
            let role = Role::parse("role", role).map_err(|e| cx.option_error("role", &e))?;
            let mut vault = cx.open()?;
            let password = password(cx, password_file.as_deref())?;
            let user = vault
                .create_user(&name, role, &password)
                .map_err(|e| cx.vault_error(e))?;
            println!(
                "{}",
                tr!(
                    cx.lang,
                    "accounts-created",
                    username = user.username.to_string(),
                    role = role_label(cx.lang, user.role)
                )
            );
        }
        UserCommand::Passwd {
            username: name,
            password_file,
        } => {
            let name = username(cx, name)?;
            let mut vault = cx.open()?;
            let password = password(cx, password_file.as_deref())?;
            let ended = vault
                .set_password(&name, &password)
                .map_err(|e| cx.vault_error(e))?;
            println!("{}", tr!(cx.lang, "accounts-password-set"));
            println!(
                "{}",
                tr!(
                    cx.lang,
                    "accounts-sessions-ended",
                    sessions = ended.sessions,
                    tokens = ended.tokens
                )
            );
        }
        UserCommand::Disable { username: name } | UserCommand::Enable { username: name } => {
            let disable = matches!(command, UserCommand::Disable { .. });
            let name = username(cx, name)?;
            let mut vault = cx.open()?;
            vault
                .set_disabled(&name, disable)
                .map_err(|e| cx.vault_error(e))?;
            let username = name.to_string();
            println!(
                "{}",
                if disable {
                    tr!(cx.lang, "accounts-disabled", username = username)
                } else {
                    tr!(cx.lang, "accounts-enabled", username = username)
                }
            );
        }
        UserCommand::Token {
            username: name,
            label,
            expires_in,
            list,
            revoke,
            json,
        } => {
            let name = username(cx, name)?;
            let mut vault = cx.open()?;
            if *list {
                list_tokens(cx, &vault, &name, *json)?;
            } else if let Some(id) = revoke {
                revoke_token(cx, &mut vault, &name, *id)?;
            } else {
                issue_token(cx, &mut vault, &name, label, *expires_in)?;
            }
        }
        UserCommand::List(flag) => {
            let vault = cx.open()?;
            let users = vault.users().map_err(|e| cx.vault_error(e))?;
            if flag.json {
                print_json(&json!({ "users": users }));
            } else {
                for u in &users {
                    println!(
                        "{:<24} {:<16} {}",
                        u.username,
                        role_label(cx.lang, u.role),
                        if u.disabled {
                            tr!(cx.lang, "accounts-status-disabled")
                        } else {
                            ""
                        }
                    );
                }
            }
        }
    }
    Ok(())
}

fn issue_token(
    cx: &Context,
    vault: &mut Vault,
    name: &Username,
    label: &str,
    days: u32,
) -> CliResult {
    let max = testimonio_vault::tokens::MAX_TOKEN_DAYS;
    if !(1..=max).contains(&days) {
        return Err(Failure::message(tr!(
            cx.lang,
            "accounts-error-token-days",
            max = max
        )));
    }
    let token = vault
        .create_api_token_valid_for(name, label, testimonio_vault::tokens::days(days))
        .map_err(|e| cx.vault_error(e))?;
    eprintln!(
        "{}",
        tr!(
            cx.lang,
            "accounts-token-issued",
            days = format::days(cx.lang, u64::from(days))
        )
    );
    println!("{}", token.as_str());
    Ok(())
}

fn list_tokens(cx: &Context, vault: &Vault, name: &Username, json: bool) -> CliResult {
    let tokens = vault
        .api_tokens(Some(name))
        .map_err(|e| cx.vault_error(e))?;
    let now = testimonio_vault::now();
    let status = |s: TokenStatus| match s {
        TokenStatus::Active => tr!(cx.lang, "accounts-token-active"),
        TokenStatus::Expired => tr!(cx.lang, "accounts-token-expired"),
        TokenStatus::Revoked => tr!(cx.lang, "accounts-token-revoked"),
    };
    let code = |s: TokenStatus| match s {
        TokenStatus::Active => "active",
        TokenStatus::Expired => "expired",
        TokenStatus::Revoked => "revoked",
    };
    if json {
        let items: Vec<_> = tokens
            .iter()
            .map(|t| {
                json!({
                    "id": t.id,
                    "label": t.label,
                    "created_at": t.created_at,
                    "expires_at": t.expires_at,
                    "last_used": t.last_used,
                    "revoked": t.revoked,
                    "revoked_at": t.revoked_at,
                    "status": code(t.status(&now)),
                })
            })
            .collect();
        print_json(&json!({ "username": name, "tokens": items }));
        return Ok(());
    }
    if tokens.is_empty() {
        println!("{}", tr!(cx.lang, "accounts-no-tokens"));
        return Ok(());
    }
    let never = tr!(cx.lang, "accounts-token-never-used");
    println!(
        "{:>5}  {:<32}  {:<32}  {:<32}  {:<8}  {}",
        tr!(cx.lang, "accounts-column-id"),
        tr!(cx.lang, "accounts-column-issued"),
        tr!(cx.lang, "accounts-column-expires"),
        tr!(cx.lang, "accounts-column-last-used"),
        tr!(cx.lang, "accounts-column-status"),
        tr!(cx.lang, "accounts-column-label"),
    );
    for t in &tokens {
        println!(
            "{:>5}  {:<32}  {:<32}  {:<32}  {:<8}  {}",
            t.id,
            moment(cx.lang, &t.created_at),
            t.expires_at
                .as_deref()
                .map_or_else(|| "-".to_owned(), |at| moment(cx.lang, at)),
            t.last_used
                .as_deref()
                .map_or_else(|| never.to_owned(), |at| moment(cx.lang, at)),
            status(t.status(&now)),
            t.label
        );
    }
    Ok(())
}

/// A stored UTC timestamp (`2026-12-03T06:11:31.984Z`) as the day in the
/// user's language and the time; as stored if it is not one.
fn moment(lang: Lang, at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(at) => tr!(
            lang,
            "accounts-moment",
            day = format::day(lang, at.date_naive()),
            time = at.format("%H:%M").to_string()
        ),
        Err(_) => at.to_owned(),
    }
}

fn revoke_token(cx: &Context, vault: &mut Vault, name: &Username, id: i64) -> CliResult {
    match vault.revoke_api_token(name, id) {
        Ok(()) => {
            println!(
                "{}",
                tr!(cx.lang, "accounts-token-revoked-now", id = id.to_string())
            );
            Ok(())
        }
        Err(VaultError::NotFound {
            kind: RecordKind::ApiToken,
            ..
        }) => Err(Failure::message(tr!(
            cx.lang,
            "accounts-error-no-such-token",
            username = name.to_string(),
            id = id.to_string()
        ))),
        Err(e) => Err(cx.vault_error(e)),
    }
}
