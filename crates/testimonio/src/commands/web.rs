//! serve, and the user accounts the web app uses.

use std::path::Path;

use serde_json::json;
use testimonio_domain::Role;
use testimonio_vault::{Password, Username, Vault};
use testimonio_web::{AppState, Config, TrustedProxies, parse_trusted_proxy};

use crate::cli::{ServeArgs, UserCommand};
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
            vault
                .set_password(&name, &password)
                .map_err(|e| cx.vault_error(e))?;
            println!("{}", cx.t("Password set.", "Contraseña cambiada."));
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
        } => {
            let name = username(cx, name)?;
            let mut vault = cx.open()?;
            let token = vault
                .create_api_token(&name, label)
                .map_err(|e| cx.vault_error(e))?;
            eprintln!(
                "{}",
                cx.t(
                    "API token (shown only now):",
                    "Token de la API (se muestra solo ahora):"
                )
            );
            println!("{}", token.as_str());
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

/// Runs the web server on `vault` until Ctrl-C.
pub fn run_server(
    cx: &Context,
    vault: Vault,
    addr: std::net::SocketAddr,
    config: Config,
) -> CliResult {
    let _ = tracing_subscriber::fmt()
        .json()
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
    let state = AppState::new(vault, config);
    let runtime = tokio::runtime::Runtime::new().map_err(|e| {
        cx.fail(
            format!("cannot start the server: {e}"),
            format!("no se puede iniciar el servidor: {e}"),
        )
    })?;
    runtime
        .block_on(testimonio_web::serve(addr, state))
        .map_err(|e| cx.fail(format!("{addr}: {e}"), format!("{addr}: {e}")))
}

pub fn serve(cx: &Context, args: &ServeArgs) -> CliResult {
    let mut proxies = Vec::new();
    for text in &args.trusted_proxies {
        proxies.push(parse_trusted_proxy(text).map_err(|_| {
            cx.fail(
                format!("--trusted-proxy {text:?}: expected an IP address or a network such as 10.0.0.0/8"),
                format!("--trusted-proxy {text:?}: se esperaba una dirección IP o una red como 10.0.0.0/8"),
            )
        })?);
    }
    let config = Config {
        secure_cookies: args.secure_cookies,
        trusted_proxies: TrustedProxies::new(proxies),
        ..Config::default()
    };
    let vault = cx.open()?;
    println!(
        "{} http://{}/",
        cx.t("Serving on", "Sirviendo en"),
        args.addr
    );
    run_server(cx, vault, args.addr, config)
}
