//! serve: the web app over an open vault (accounts are in `user.rs`).

use testimonio_vault::Vault;
use testimonio_web::{AppState, Config};

use crate::cli::ServeArgs;
use crate::context::{CliResult, Context};

/// Runs the web server on `vault` until Ctrl-C.
pub fn run_server(
    cx: &Context,
    vault: Vault,
    addr: std::net::SocketAddr,
    secure_cookies: bool,
) -> CliResult {
    let _ = tracing_subscriber::fmt()
        .json()
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
    let state = AppState::new(
        vault,
        Config {
            secure_cookies,
            ..Config::default()
        },
    );
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
    let vault = cx.open()?;
    println!(
        "{} http://{}/",
        cx.t("Serving on", "Sirviendo en"),
        args.addr
    );
    run_server(cx, vault, args.addr, args.secure_cookies)
}
