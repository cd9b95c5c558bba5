//! serve: the web app over an open vault (accounts are in `user.rs`).

use testimonio_vault::Vault;
use testimonio_web::{AppState, Config, TrustedProxies, parse_trusted_proxy};

use crate::cli::ServeArgs;
use crate::context::{CliResult, Context};

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
