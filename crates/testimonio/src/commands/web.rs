//! serve: the web app over an open vault (accounts are in `user.rs`).

use testimonio_app::evidence::upload::UploadLimits;
use testimonio_vault::Vault;
use testimonio_web::{AppState, Config, TrustedProxies, parse_trusted_proxy};

use crate::cli::ServeArgs;
use testimonio_i18n::tr;

use crate::context::{CliResult, Context, Failure, io_reason};

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
        Failure::message(tr!(
            cx.lang,
            "cli-serve-cannot-start",
            reason = io_reason(cx.lang, &e)
        ))
    })?;
    runtime
        .block_on(testimonio_web::serve(addr, state))
        .map_err(|e| {
            Failure::message(tr!(
                cx.lang,
                "cli-serve-failed",
                addr = addr.to_string(),
                reason = io_reason(cx.lang, &e)
            ))
        })
}

pub fn serve(cx: &Context, args: &ServeArgs) -> CliResult {
    let mut proxies = Vec::new();
    for text in &args.trusted_proxies {
        proxies.push(parse_trusted_proxy(text).map_err(|_| {
            Failure::message(tr!(
                cx.lang,
                "cli-serve-bad-proxy",
                value = format!("{text:?}")
            ))
        })?);
    }
    let config = Config {
        secure_cookies: args.secure_cookies,
        trusted_proxies: TrustedProxies::new(proxies),
        uploads: UploadLimits {
            per_file: args.max_upload_mb * 1_000_000,
            per_request: args.max_request_mb * 1_000_000,
        },
        ..Config::default()
    };
    let vault = cx.open()?;
    println!(
        "{}",
        tr!(
            cx.lang,
            "cli-serve-listening",
            url = format!("http://{}/", args.addr)
        )
    );
    run_server(cx, vault, args.addr, config)
}
