//! `demo`: a fresh vault full of clearly fictional data.

use std::path::PathBuf;

use serde_json::json;
use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::Role;
use testimonio_vault::{
    EventFilter, KdfParams, Passphrase, Password, PeopleFilter, Username, Vault,
};

use crate::cli::DemoArgs;
use testimonio_i18n::tr;

use crate::context::{CliResult, Context, Failure, Progress, actor, io_reason, print_json};

/// The demo vault's passphrase: printed, because the data is fictional.
pub const DEMO_PASSPHRASE: &str = "demo-passphrase-not-secret";

pub fn demo(cx: &Context, args: &DemoArgs) -> CliResult {
    let dir: PathBuf = match &cx.vault_dir {
        Some(dir) => dir.clone(),
        None => tempfile::Builder::new()
            .prefix("testimonio-demo-")
            .tempdir()
            .map_err(|e| {
                Failure::message(tr!(
                    cx.lang,
                    "cli-demo-no-directory",
                    reason = io_reason(cx.lang, &e)
                ))
            })?
            .keep(),
    };
    let passphrase = match &cx.passphrase_file {
        Some(_) => cx.passphrase(tr!(cx.lang, "cli-prompt-passphrase"))?,
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
    let progress = Progress::new(tr!(cx.lang, "cli-demo-progress-records"));
    let report = vault
        .import_records("demo", records.collect::<Vec<_>>().into_iter(), &mut |n| {
            progress.update(n)
        })
        .map_err(|e| cx.vault_error(e))?;
    progress.finish();
    if !report.failed.is_empty() {
        return Err(Failure::message(tr!(
            cx.lang,
            "cli-demo-invalid-records",
            count = report.failed.len()
        )));
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
    let lang = cx.lang;
    println!("{}", tr!(lang, "cli-demo-title"));
    println!(
        "  {}",
        tr!(lang, "cli-demo-vault", path = dir.display().to_string())
    );
    if documents > 0 {
        println!("  {}", tr!(lang, "cli-demo-documents", pages = documents));
    }
    println!(
        "  {}",
        tr!(lang, "cli-demo-passphrase", passphrase = DEMO_PASSPHRASE)
    );
    println!(
        "  {}",
        tr!(
            lang,
            "cli-demo-counts",
            groups = counts.groups,
            people = counts.people,
            events = counts.events,
            protected = counts.protected_activities,
            enforcement = counts.enforcement_actions
        )
    );
    println!();
    println!("{}", tr!(lang, "cli-demo-latest-events"));
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
            e.event_type().label(lang),
            e.location().state.map(|s| s.code()).unwrap_or("-"),
            e.field_office().map(|f| f.code()).unwrap_or("")
        );
    }
    println!();
    println!("{}", tr!(lang, "cli-demo-accounts"));
    for (username, role, password) in &accounts {
        println!(
            "  {:<12} {:<24} {}",
            super::user::role_label(lang, *role),
            username,
            password
        );
    }
    if !args.no_serve {
        println!();
        println!(
            "{}",
            tr!(
                lang,
                "cli-demo-web-app",
                url = format!("http://{}/", args.addr)
            )
        );
        println!("{}", tr!(lang, "cli-demo-stop"));
        return super::web::run_server(cx, vault, args.addr, testimonio_web::Config::default());
    }
    println!();
    println!("{}", tr!(lang, "cli-demo-try"));
    println!("  export TESTIMONIO_VAULT={}", dir.display());
    println!(
        "  export TESTIMONIO_PASSPHRASE_FILE=<{}>",
        tr!(lang, "cli-demo-passphrase-file")
    );
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
        .map_err(|testimonio_ingest::pipeline::IngestError::Vault(e)| cx.vault_error(e))?;
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
