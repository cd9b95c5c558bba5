//! `testimonio`: the command-line tool. A thin layer: parsing, prompting and
//! printing here; everything else in the library crates.

mod cli;
mod cli_coalition;
mod commands;
mod context;
mod help;
mod help_cases;
mod help_coalition;
mod help_redact;
mod usage;

use std::process::ExitCode;

/// mimalloc: the web server allocates per request, and glibc's malloc was
/// a tenth of its time under load (see `scripts/bench web`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{CommandFactory, FromArgMatches};
use testimonio_domain::Lang;

use cli::{
    AuditCommand, Cli, Command, DocumentCommand, DocumentsCommand, EventsCommand, KeyCommand,
    PeopleCommand, PersonCommand, TestimonyCommand,
};
use commands::{
    analyze, case, coalition, demo, documents, foia, ingest, packet, person, records, report,
    search, testimony, user, vault, watch, web,
};
use context::{CliResult, Context};

fn main() -> ExitCode {
    let lang = language_before_parsing();
    let command = help::localize(Cli::command(), lang);
    let cli = match command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => return usage::refuse(lang, &e),
    };
    let cx = Context {
        lang,
        vault_dir: cli.vault.clone(),
        passphrase_file: cli.passphrase_file.clone(),
    };
    if let Some(name) = &cli.operator
        && let Err(failure) = context::set_operator_name(&cx, name)
    {
        return report(&failure);
    }
    match run(&cx, &cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report(&failure),
    }
}

fn report(failure: &context::Failure) -> ExitCode {
    eprintln!("testimonio: {}", failure.message);
    failure.exit_code()
}

/// The language from `--lang`, else `LC_ALL`, else `LANG`; English by default.
/// Read before parsing so that help and usage errors are in that language.
fn language_before_parsing() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let from_flag = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        });
    from_flag
        .or_else(|| std::env::var("LC_ALL").ok().filter(|v| !v.is_empty()))
        .or_else(|| std::env::var("LANG").ok())
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::En)
}

fn run(cx: &Context, command: &Command) -> CliResult {
    match command {
        Command::Init(args) => vault::init(cx, args),
        Command::Passwd(args) => vault::passwd(cx, args),
        Command::Import(args) => records::import(cx, args),
        Command::Export(args) => records::export(cx, args),
        Command::Events {
            command: EventsCommand::List(args),
        } => records::events_list(cx, args),
        Command::People {
            command: PeopleCommand::List(args),
        } => records::people_list(cx, args),
        Command::Person {
            command: PersonCommand::Show { id, json },
        } => records::person_show(cx, id, *json),
        Command::Person {
            command: PersonCommand::Add(args),
        } => person::add(cx, args),
        Command::Person {
            command: PersonCommand::Edit(args),
        } => person::edit(cx, args),
        Command::Person {
            command: PersonCommand::Mentions { id, all, json },
        } => person::mentions(cx, id.as_deref(), *all, *json),
        Command::Testimony { command } => match command {
            TestimonyCommand::Add(args) => testimony::add(cx, args),
            TestimonyCommand::List { person, json } => {
                testimony::list(cx, person.as_deref(), *json)
            }
            TestimonyCommand::Show { id, json } => testimony::show(cx, id, *json),
            TestimonyCommand::Review { id, json } => testimony::review(cx, id, *json),
            TestimonyCommand::Search { query, json } => testimony::search(cx, query, *json),
            TestimonyCommand::Link {
                id,
                events,
                documents,
                json,
            } => testimony::link(cx, id, events, documents, *json),
        },
        Command::Document { command } => match command {
            DocumentCommand::Add { files, json } => documents::add(cx, files, *json),
            DocumentCommand::Get { id, out } => documents::get(cx, id, out),
            DocumentCommand::Show { id, json } => documents::show(cx, id, *json),
            DocumentCommand::Text { id, page, json } => documents::text(cx, id, *page, *json),
            DocumentCommand::Redact(args) => commands::redact::redact(cx, args),
        },
        Command::Documents {
            command: DocumentsCommand::List(args),
        } => documents::list(cx, args),
        Command::Ingest(args) => ingest::run(cx, args),
        Command::Search(args) => search::run(cx, args),
        Command::Reindex(flag) => search::reindex(cx, flag.json),
        Command::Packet(args) => packet::run(cx, args),
        Command::Watchlist { command } => watch::watchlist(cx, command),
        Command::Excerpt { command } => watch::excerpt(cx, command),
        Command::Check(flag) => vault::check(cx, flag.json),
        Command::Audit {
            command: AuditCommand::Log { limit, json },
        } => vault::audit_log(cx, *limit, *json),
        Command::Audit {
            command: AuditCommand::Fingerprint { query },
        } => vault::query_fingerprint(cx, query),
        Command::Backup(args) => vault::backup(cx, args),
        Command::Restore(args) => vault::restore(cx, args),
        Command::Vocabulary(args) => records::vocabulary(cx, args.json),
        Command::Key {
            command: KeyCommand::AgeIdentity,
        } => vault::age_identity(cx),
        Command::Key {
            command: KeyCommand::SigningKey,
        } => vault::signing_key(cx),
        Command::User { command } => user::user(cx, command),
        Command::Foia { command } => foia::run(cx, command),
        Command::Case { command } => case::run(cx, command),
        Command::Coalition { command } => coalition::run(cx, command),
        Command::Custodian { command } => coalition::custodian(cx, command),
        Command::Serve(args) => web::serve(cx, args),
        Command::Demo(args) => demo::demo(cx, args),
        Command::Analyze(args) => analyze::run(cx, args),
        Command::Report(args) => report::run(cx, args),
    }
}
