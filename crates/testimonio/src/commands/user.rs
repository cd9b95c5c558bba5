//! user: the accounts of the web app and their API tokens. Changes made
//! here reach a running server at once: sessions live in the vault.

use std::path::Path;

use serde_json::json;
use testimonio_domain::Role;
use testimonio_vault::{Password, RecordKind, TokenStatus, Username, Vault, VaultError};

use crate::cli::UserCommand;
use crate::context::{CliResult, Context, print_json};

fn password(cx: &Context, file: Option<&Path>) -> CliResult<Password> {
    let text = match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            cx.fail(
                format!("{}: {e}", path.display()),
                format!("{}: {e}", path.display()),
            )
        })?,
        None => {
            let first = cx.ask("Account password", "Contraseña de la cuenta")?;
            let again = cx.ask("Repeat the password", "Repita la contraseña")?;
            if first != again {
                return Err(cx.fail("the passwords differ", "las contraseñas no coinciden"));
            }
            first
        }
    };
    Password::new(text).map_err(|_| {
        cx.fail(
            format!("a password has at least {} characters", Password::MIN_CHARS),
            format!(
                "una contraseña tiene al menos {} caracteres",
                Password::MIN_CHARS
            ),
        )
    })
}

fn username(cx: &Context, name: &str) -> CliResult<Username> {
    Username::parse(name).map_err(|_| {
        cx.fail(
            "a username is 3 to 32 lowercase letters, digits, '.', '_' or '-', starting with a letter",
            "un nombre de usuario tiene de 3 a 32 letras minúsculas, dígitos, '.', '_' o '-', y empieza con una letra",
        )
    })
}

pub fn user(cx: &Context, command: &UserCommand) -> CliResult {
    match command {
        UserCommand::Add {
            username: name,
            role,
            password_file,
        } => {
            let name = username(cx, name)?;
            let role = Role::parse("role", role).map_err(|e| {
                cx.fail(
                    format!("--role: {e}"),
                    format!("--role: {}", e.message(cx.lang)),
                )
            })?;
            let mut vault = cx.open()?;
            let password = password(cx, password_file.as_deref())?;
            let user = vault
                .create_user(&name, role, &password)
                .map_err(|e| cx.vault_error(e))?;
            println!(
                "{} {} ({})",
                cx.t("created", "creada"),
                user.username,
                user.role.label(cx.lang)
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
            println!("{}", cx.t("Password set.", "Contraseña cambiada."));
            println!(
                "{}: {}; {}: {}",
                cx.t("web sessions ended", "sesiones web cerradas"),
                ended.sessions,
                cx.t("API tokens revoked", "tokens de la API revocados"),
                ended.tokens
            );
        }
        UserCommand::Disable { username: name } | UserCommand::Enable { username: name } => {
            let disable = matches!(command, UserCommand::Disable { .. });
            let name = username(cx, name)?;
            let mut vault = cx.open()?;
            vault
                .set_disabled(&name, disable)
                .map_err(|e| cx.vault_error(e))?;
            println!(
                "{} {}",
                name,
                if disable {
                    cx.t("disabled", "desactivada")
                } else {
                    cx.t("enabled", "activada")
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
                        u.role.label(cx.lang),
                        if u.disabled {
                            cx.t("disabled", "desactivada")
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
    if !(1..=testimonio_vault::tokens::MAX_TOKEN_DAYS).contains(&days) {
        return Err(cx.fail(
            format!(
                "--expires-in: 1 to {} days",
                testimonio_vault::tokens::MAX_TOKEN_DAYS
            ),
            format!(
                "--expires-in: de 1 a {} días",
                testimonio_vault::tokens::MAX_TOKEN_DAYS
            ),
        ));
    }
    let token = vault
        .create_api_token_valid_for(name, label, testimonio_vault::tokens::days(days))
        .map_err(|e| cx.vault_error(e))?;
    let message = match cx.lang {
        testimonio_domain::Lang::Es => format!(
            "Token de la API (se muestra solo ahora; vence en {days} {}):",
            if days == 1 { "día" } else { "días" }
        ),
        testimonio_domain::Lang::En => format!(
            "API token (shown only now; expires in {days} {}):",
            if days == 1 { "day" } else { "days" }
        ),
    };
    eprintln!("{message}");
    println!("{}", token.as_str());
    Ok(())
}

fn list_tokens(cx: &Context, vault: &Vault, name: &Username, json: bool) -> CliResult {
    let tokens = vault
        .api_tokens(Some(name))
        .map_err(|e| cx.vault_error(e))?;
    let now = testimonio_vault::now();
    let status = |s: TokenStatus| match s {
        TokenStatus::Active => cx.t("active", "activo"),
        TokenStatus::Expired => cx.t("expired", "vencido"),
        TokenStatus::Revoked => cx.t("revoked", "revocado"),
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
        println!("{}", cx.t("No API tokens.", "No hay tokens de la API."));
        return Ok(());
    }
    let never = cx.t("never", "nunca");
    println!(
        "{:>5}  {:<24}  {:<24}  {:<24}  {:<8}  {}",
        "id",
        cx.t("issued", "emitido"),
        cx.t("expires", "vence"),
        cx.t("last used", "último uso"),
        cx.t("status", "estado"),
        cx.t("label", "etiqueta"),
    );
    for t in &tokens {
        println!(
            "{:>5}  {:<24}  {:<24}  {:<24}  {:<8}  {}",
            t.id,
            t.created_at,
            t.expires_at.as_deref().unwrap_or("-"),
            t.last_used.as_deref().unwrap_or(never),
            status(t.status(&now)),
            t.label
        );
    }
    Ok(())
}

fn revoke_token(cx: &Context, vault: &mut Vault, name: &Username, id: i64) -> CliResult {
    match vault.revoke_api_token(name, id) {
        Ok(()) => {
            println!(
                "{} {id} {}",
                cx.t("API token", "Token de la API"),
                cx.t("revoked.", "revocado.")
            );
            Ok(())
        }
        Err(VaultError::NotFound {
            kind: RecordKind::ApiToken,
            ..
        }) => Err(cx.fail(
            format!("{name} has no API token {id} (see --list)"),
            format!("{name} no tiene el token de la API {id} (vea --list)"),
        )),
        Err(e) => Err(cx.vault_error(e)),
    }
}
