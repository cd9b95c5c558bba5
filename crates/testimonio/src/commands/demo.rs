//! `demo`: a fresh vault full of clearly fictional data.

use std::path::PathBuf;

use serde_json::json;
use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::Role;
use testimonio_vault::{
    EventFilter, KdfParams, Passphrase, Password, PeopleFilter, Username, Vault,
};

use crate::cli::DemoArgs;
use crate::context::{CliResult, Context, Progress, actor, print_json};

/// The demo vault's passphrase: printed, because the data is fictional.
pub const DEMO_PASSPHRASE: &str = "demo-passphrase-not-secret";

pub fn demo(cx: &Context, args: &DemoArgs) -> CliResult {
    let dir: PathBuf = match &cx.vault_dir {
        Some(dir) => dir.clone(),
        None => tempfile::Builder::new()
            .prefix("testimonio-demo-")
            .tempdir()
            .map_err(|e| {
                cx.fail(
                    format!("cannot create a directory: {e}"),
                    format!("no se puede crear un directorio: {e}"),
                )
            })?
            .keep(),
    };
    let passphrase = match &cx.passphrase_file {
        Some(_) => cx.passphrase("Passphrase", "Frase de contraseña")?,
        None => Passphrase::new(DEMO_PASSPHRASE.into()).map_err(|e| cx.vault_error(e))?,
    };
    let created = Vault::create(&dir, &passphrase, KdfParams::DEFAULT, actor())
        .map_err(|e| cx.vault_error(e))?;
    let mut vault = created.vault;
    let spec = if args.events == DemoSpec::standard().events {
        DemoSpec::standard()
    } else {
        DemoSpec::scaled(args.events)
    };
    let data = generate(&spec);
    let records = data
        .records()
        .enumerate()
        .map(|(i, r)| (format!("demo record {}", i + 1), Ok(r)));
    let progress = Progress::new(cx.t("records:", "registros:"));
    let report = vault
        .import_records("demo", records.collect::<Vec<_>>().into_iter(), &mut |n| {
            progress.update(n)
        })
        .map_err(|e| cx.vault_error(e))?;
    progress.finish();
    if !report.failed.is_empty() {
        return Err(cx.fail(
            format!(
                "the demo generator produced {} invalid records (a bug)",
                report.failed.len()
            ),
            format!(
                "el generador de demostración produjo {} registros inválidos (un error)",
                report.failed.len()
            ),
        ));
    }
    let accounts = demo_accounts(&mut vault).map_err(|e| cx.vault_error(e))?;
    let documents = demo_documents(cx, &mut vault, &args.documents)?;
    let counts = vault.counts().map_err(|e| cx.vault_error(e))?;
    if args.json {
        let logins: Vec<_> = accounts
            .iter()
            .map(|(u, r, p)| json!({"username": u, "role": r.code(), "password": p}))
            .collect();
        print_json(
            &json!({ "vault": dir, "passphrase": DEMO_PASSPHRASE, "counts": counts, "accounts": logins, "document_pages": documents }),
        );
        if args.no_serve {
            return Ok(());
        }
        return super::web::run_server(cx, vault, args.addr, testimonio_web::Config::default());
    }
    println!(
        "{}",
        cx.t(
            "Testimonio demo vault (all data is fictional)",
            "Bóveda de demostración de Testimonio (todos los datos son ficticios)"
        )
    );
    println!("  {}: {}", cx.t("vault", "bóveda"), dir.display());
    if documents > 0 {
        println!(
            "  {}: {documents} {}",
            cx.t(
                "real public documents ingested",
                "documentos públicos reales ingresados"
            ),
            cx.t(
                "pages (search them in the web app)",
                "páginas (búsquelas en la aplicación web)"
            )
        );
    }
    println!(
        "  {}: {DEMO_PASSPHRASE}",
        cx.t("passphrase", "frase de contraseña")
    );
    println!(
        "  {} {}, {} {}, {} {} ({} {}, {} {})",
        counts.groups,
        cx.t("groups", "grupos"),
        counts.people,
        cx.t("people", "personas"),
        counts.events,
        cx.t("events", "eventos"),
        counts.protected_activities,
        cx.t("protected activities", "actividades protegidas"),
        counts.enforcement_actions,
        cx.t("enforcement actions", "acciones de control migratorio"),
    );
    println!();
    println!("{}", cx.t("Latest events:", "Eventos más recientes:"));
    let total = vault
        .count_events(&EventFilter::default())
        .map_err(|e| cx.vault_error(e))?;
    let latest = vault
        .events(&EventFilter {
            offset: total.saturating_sub(10) as usize,
            ..EventFilter::default()
        })
        .map_err(|e| cx.vault_error(e))?;
    for e in &latest {
        println!(
            "  {:<12} {:<40} {:<3} {}",
            e.date(),
            e.event_type().label(cx.lang),
            e.location().state.map(|s| s.code()).unwrap_or("-"),
            e.field_office().map(|f| f.code()).unwrap_or("")
        );
    }
    println!();
    println!(
        "{}",
        cx.t(
            "Demo accounts (username / password):",
            "Cuentas de demostración (usuario / contraseña):"
        )
    );
    for (username, role, password) in &accounts {
        println!(
            "  {:<12} {:<24} {}",
            role.label(cx.lang),
            username,
            password
        );
    }
    if !args.no_serve {
        println!();
        println!(
            "{} http://{}/",
            cx.t("Web app:", "Aplicación web:"),
            args.addr
        );
        println!(
            "{}",
            cx.t("Press Ctrl-C to stop.", "Pulse Ctrl-C para detener.")
        );
        return super::web::run_server(cx, vault, args.addr, testimonio_web::Config::default());
    }
    println!();
    println!("{}", cx.t("Try:", "Pruebe:"));
    let passfile = cx.t(
        "a file holding the passphrase",
        "un archivo con la frase de contraseña",
    );
    println!("  export TESTIMONIO_VAULT={}", dir.display());
    println!("  export TESTIMONIO_PASSPHRASE_FILE=<{passfile}>");
    println!("  testimonio events list --state TX");
    println!("  testimonio people list --json");
    println!("  testimonio check");
    Ok(())
}

/// Ingests real documents given with `--documents` (public court records
/// and FOIA letters from the corpus, in `scripts/demo`) and saves a
/// watchlist, so the documents, search and review pages have content.
/// Returns the number of pages read.
fn demo_documents(
    cx: &Context,
    vault: &mut Vault,
    paths: &[std::path::PathBuf],
) -> CliResult<usize> {
    if paths.is_empty() {
        return Ok(0);
    }
    let options = testimonio_ingest::IngestOptions {
        source_kind: Some(testimonio_domain::SourceKind::FoiaProduction),
        ..testimonio_ingest::IngestOptions::default()
    };
    let summary = testimonio_ingest::ingest(vault, paths, &options, &|_, _, _| {})
        .map_err(|e| cx.fail(e.to_string(), format!("error: {e}")))?;
    vault
        .add_watchlist(
            "privacy",
            "privacy OR \"unwarranted invasion\"",
            "Demo: how the agency justifies withholding records",
        )
        .map_err(|e| cx.vault_error(e))?;
    crate::commands::watch::run_and_report(cx, vault, true)?;
    Ok(summary.pages().0)
}

/// One account per role, with printed passwords (the data is fictional).
/// The documenter is assigned the first ten people, to see their identities.
fn demo_accounts(vault: &mut Vault) -> testimonio_vault::Result<Vec<(String, Role, String)>> {
    let mut out = Vec::new();
    for role in Role::ALL {
        let name = format!("demo-{}", role.code());
        let password = format!("{}-demo-password", role.code());
        let username = Username::parse(&name)?;
        vault.create_user(&username, role, &Password::new(password.clone())?)?;
        if role == Role::Documenter {
            for person in vault.people(&PeopleFilter::default())?.into_iter().take(10) {
                vault.assign(&username, &person.id)?;
            }
        }
        out.push((name, role, password));
    }
    Ok(out)
}
