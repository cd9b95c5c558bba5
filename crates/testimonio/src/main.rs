//! `testimonio`: the command-line tool. A thin layer: parsing, prompting and
//! printing here; everything else in the library crates.

mod cli;
mod commands;
mod context;

use std::process::ExitCode;

use clap::Parser;
use testimonio_domain::Lang;

use cli::{AuditCommand, Cli, Command, DocumentCommand, DocumentsCommand, EventsCommand, KeyCommand, PeopleCommand, PersonCommand};
use commands::{demo, documents, records, vault};
use context::{CliResult, Context};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .as_deref()
        .or(std::env::var("LC_ALL").ok().filter(|v| !v.is_empty()).as_deref())
        .and_then(Lang::from_tag)
        .or_else(|| std::env::var("LANG").ok().as_deref().and_then(Lang::from_tag))
        .unwrap_or(Lang::En);
    let cx = Context { lang, vault_dir: cli.vault.clone(), passphrase_file: cli.passphrase_file.clone() };
    match run(&cx, &cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("testimonio: {}", failure.message);
            failure.exit_code()
        }
    }
}

fn run(cx: &Context, command: &Command) -> CliResult {
    match command {
        Command::Init(args) => vault::init(cx, args),
        Command::Passwd(args) => vault::passwd(cx, args),
        Command::Import(args) => records::import(cx, args),
        Command::Export(args) => records::export(cx, args),
        Command::Events { command: EventsCommand::List(args) } => records::events_list(cx, args),
        Command::People { command: PeopleCommand::List(args) } => records::people_list(cx, args),
        Command::Person { command: PersonCommand::Show { id, json } } => records::person_show(cx, id, *json),
        Command::Document { command } => match command {
            DocumentCommand::Add { files, json } => documents::add(cx, files, *json),
            DocumentCommand::Get { id, out } => documents::get(cx, id, out),
            DocumentCommand::Show { id, json } => documents::show(cx, id, *json),
        },
        Command::Documents { command: DocumentsCommand::List(flag) } => documents::list(cx, flag.json),
        Command::Check(flag) => vault::check(cx, flag.json),
        Command::Audit { command: AuditCommand::Log { limit, json } } => vault::audit_log(cx, *limit, *json),
        Command::Backup(args) => vault::backup(cx, args),
        Command::Restore(args) => vault::restore(cx, args),
        Command::Vocabulary(args) => records::vocabulary(cx, args.json),
        Command::Key { command: KeyCommand::AgeIdentity } => vault::age_identity(cx),
        Command::Demo(args) => demo::demo(cx, args),
    }
}
