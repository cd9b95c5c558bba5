//! import, export, events list, people list, person show, vocabulary:
//! parse the options, call the records use cases, print.

use std::fs::File;
use std::io::{self, BufReader};
use std::path::Path;

use serde_json::json;
use testimonio_app::AppError;
use testimonio_app::export::{SheetFormat, export_spreadsheet};
use testimonio_app::records::{EventQuery, events, people};
use testimonio_domain::exchange::{EventRecord, PersonRecord};
use testimonio_domain::{ConsentLevel, EventKind, RecordId, Vocabulary};
use testimonio_i18n::tr;
use testimonio_vault::ImportReport;
use testimonio_vault::PeopleFilter;
use testimonio_vault::VaultError;
use testimonio_vault::private_fs::PrivateFile;

use crate::cli::{EventsListArgs, ExportArgs, ExportFormat, ImportArgs, PeopleListArgs};
use crate::context::{CliResult, Context, Failure, Progress, exit, operator, print_json};

pub fn import(cx: &Context, args: &ImportArgs) -> CliResult {
    let is_sheet = args.file.as_os_str() != "-"
        && args.file.is_file()
        && !super::sheet_import::is_json_lines(&args.file);
    if is_sheet {
        return super::sheet_import::import_sheet(cx, args);
    }
    let mut vault = cx.open()?;
    let progress = Progress::new(tr!(cx.lang, "records-import-progress"));
    let mut tick = |n| progress.update(n);
    let report = if args.file.as_os_str() == "-" {
        vault.import_jsonl(io::stdin().lock(), &mut tick)
    } else if args.file.is_dir() {
        vault.import_csv_dir(&args.file, &mut tick)
    } else {
        let file = File::open(&args.file).map_err(|e| cx.io_error(&args.file, &e))?;
        vault.import_jsonl(BufReader::new(file), &mut tick)
    }
    .map_err(|e| cx.vault_error(e))?;
    progress.finish();
    print_import_report(cx, &report, args.json);
    if report.failed.is_empty() {
        Ok(())
    } else {
        Err(Failure {
            status: exit::PARTIAL,
            message: tr!(
                cx.lang,
                "records-import-partial",
                count = report.failed.len()
            ),
        })
    }
}

fn print_import_report(cx: &Context, report: &ImportReport, json_out: bool) {
    if json_out {
        print_json(report);
        return;
    }
    for f in &report.failed {
        println!(
            "{}",
            tr!(
                cx.lang,
                "records-import-refused",
                location = f.location.as_str(),
                reason = f.reason.as_str()
            )
        );
    }
    println!(
        "{}",
        tr!(
            cx.lang,
            "records-import-summary",
            created = report.created,
            updated = report.updated,
            unchanged = report.unchanged,
            refused = report.failed.len()
        )
    );
}

pub fn export(cx: &Context, args: &ExportArgs) -> CliResult {
    let out = args.out.as_deref();
    match args.format {
        ExportFormat::Jsonl => export_jsonl(cx, out),
        ExportFormat::Csv => export_csv_dir(cx, out),
        ExportFormat::Xlsx => export_sheet(cx, SheetFormat::Xlsx, out),
        ExportFormat::SheetCsv => export_sheet(cx, SheetFormat::Csv, out),
    }
}

/// The canonical JSON Lines, to standard output or a private file.
fn export_jsonl(cx: &Context, out: Option<&Path>) -> CliResult {
    let mut vault = cx.open()?;
    let vault_error = |e| cx.vault_error(e);
    let Some(path) = out else {
        vault
            .export_jsonl(&mut io::stdout().lock())
            .map_err(vault_error)?;
        return Ok(());
    };
    let mut file = io::BufWriter::new(cx.create_private(path)?);
    let written = vault.export_jsonl(&mut file).map_err(vault_error)?;
    file.into_inner()
        .map_err(io::IntoInnerError::into_error)
        .and_then(PrivateFile::commit)
        .map_err(|e| cx.io_error(path, &e))?;
    eprintln!("{}", tr!(cx.lang, "records-exported", count = written));
    Ok(())
}

/// The canonical CSV directory: private files in a private directory,
/// written by the vault.
fn export_csv_dir(cx: &Context, out: Option<&Path>) -> CliResult {
    let Some(dir) = out else {
        return Err(Failure {
            status: exit::FAILURE,
            message: tr!(cx.lang, "records-export-csv-needs-out").to_owned(),
        });
    };
    let mut vault = cx.open()?;
    let written = vault.export_csv_dir(dir).map_err(|e| cx.vault_error(e))?;
    eprintln!("{}", tr!(cx.lang, "records-exported", count = written));
    Ok(())
}

/// `--format xlsx` and `--format sheet-csv`: a spreadsheet in the user's
/// language, written to the private file `--out` names (checked before
/// the vault is opened).
fn export_sheet(cx: &Context, format: SheetFormat, out: Option<&Path>) -> CliResult {
    let Some(path) = out else {
        return Err(Failure {
            status: exit::FAILURE,
            message: tr!(
                cx.lang,
                "records-export-sheet-needs-out",
                format = format.name()
            ),
        });
    };
    let mut vault = cx.open()?;
    let mut file = io::BufWriter::new(cx.create_private(path)?);
    let written = export_spreadsheet(&mut vault, &operator(), format, cx.lang, &mut file).map_err(
        |e| match e {
            AppError::Refused(VaultError::Io { source, .. }) => cx.io_error(path, &source),
            other => cx.app_error(&other),
        },
    )?;
    file.into_inner()
        .map_err(io::IntoInnerError::into_error)
        .and_then(PrivateFile::commit)
        .map_err(|e| cx.io_error(path, &e))?;
    eprintln!(
        "{}",
        tr!(cx.lang, "records-exported", count = written.records())
    );
    Ok(())
}

pub fn events_list(cx: &Context, args: &EventsListArgs) -> CliResult {
    let query = EventQuery {
        kind: args.kind.clone(),
        event_type: args.event_type.clone(),
        state: args.state.clone(),
        field_office: args.field_office.clone(),
        group: args.group.clone(),
        person: args.person.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        verification: args.verification.clone(),
        limit: args.limit,
        offset: args.offset,
    };
    let filter = query.filter().map_err(|e| option_error(cx, &e))?;
    let vault = cx.open()?;
    let page = events::list(&vault, &operator(), &filter).map_err(|e| cx.app_error(&e))?;
    if args.json {
        // Narratives are sensitive and long: lists carry the record without them.
        let items: Vec<_> = page
            .events
            .iter()
            .map(|e| EventRecord {
                narrative: None,
                ..EventRecord::from_event(e)
            })
            .collect();
        print_json(&json!({ "total": page.total, "offset": args.offset, "events": items }));
    } else {
        for e in &page.events {
            let people: Vec<_> = e
                .participants()
                .iter()
                .map(|p| format!("{}({})", p.person, p.role.label(cx.lang)))
                .collect();
            println!(
                "{:<14} {:<12} {:<10} {:<36} {:<3} {:<4} {}",
                e.id(),
                e.date(),
                e.verification().label(cx.lang),
                e.event_type().label(cx.lang),
                e.location().state.map(|s| s.code()).unwrap_or("-"),
                e.field_office().map(|f| f.code()).unwrap_or("-"),
                people.join(" ")
            );
        }
        println!(
            "{}",
            tr!(
                cx.lang,
                "records-events-shown",
                shown = page.events.len(),
                total = page.total
            )
        );
    }
    Ok(())
}

/// A use case's refusal of command-line options: the first bad one, as
/// `--option: reason`; anything else as the use case's message.
fn option_error(cx: &Context, err: &AppError) -> Failure {
    match err {
        AppError::Invalid(errors) if !errors.is_empty() => {
            let first = &errors[0];
            cx.option_error(&first.field.replace('_', "-"), first)
        }
        other => cx.app_error(other),
    }
}

pub fn people_list(cx: &Context, args: &PeopleListArgs) -> CliResult {
    let filter = PeopleFilter {
        id: None,
        group: args
            .group
            .as_deref()
            .map(|g| RecordId::parse("group", g))
            .transpose()
            .map_err(|e| cx.option_error("group", &e))?,
        consent_at_least: args
            .consent
            .as_deref()
            .map(|c| ConsentLevel::parse("consent", c))
            .transpose()
            .map_err(|e| cx.option_error("consent", &e))?,
    };
    let vault = cx.open()?;
    let people = people::list(&vault, &operator(), &filter).map_err(|e| cx.app_error(&e))?;
    let today = chrono::Utc::now().date_naive();
    if args.json {
        let items: Vec<_> = people
            .iter()
            .map(|p| {
                json!({
                    "id": p.id,
                    "pseudonym": p.pseudonym,
                    "groups": p.groups,
                    "consent": p.consent.level_on(today).code(),
                })
            })
            .collect();
        print_json(&json!({ "total": items.len(), "people": items }));
    } else {
        for p in &people {
            let groups: Vec<_> = p.groups.iter().map(ToString::to_string).collect();
            println!(
                "{:<12} {:<24} {:<28} {}",
                p.id,
                p.pseudonym,
                p.consent.level_on(today).label(cx.lang),
                groups.join(" ")
            );
        }
        println!(
            "{}",
            tr!(cx.lang, "records-people-count", count = people.len())
        );
    }
    Ok(())
}

pub fn person_show(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let id = RecordId::parse("id", id).map_err(|e| cx.option_error("id", &e))?;
    let mut vault = cx.open()?;
    let view = people::show(&mut vault, &operator(), &id).map_err(|e| cx.app_error(&e))?;
    // The operator sees every identity; the use case read it, audited.
    let Some(person) = view.identity else {
        return Err(cx.app_error(&AppError::Forbidden));
    };
    let record = PersonRecord::from_person(&person);
    if json_out {
        print_json(&record);
    } else {
        let line = |label: &str, v: Option<&str>| {
            if let Some(v) = v {
                println!("{label:<22} {v}");
            }
        };
        let lang = cx.lang;
        line(tr!(lang, "field-id"), Some(&record.id));
        line(tr!(lang, "field-pseudonym"), Some(&record.pseudonym));
        line(tr!(lang, "field-legal-name"), record.legal_name.as_deref());
        line(tr!(lang, "field-contact"), record.contact.as_deref());
        line(tr!(lang, "field-a-number"), record.a_number.as_deref());
        line(
            tr!(lang, "field-immigration-status"),
            record.immigration_status.as_deref(),
        );
        line(tr!(lang, "field-address"), record.address.as_deref());
        let today = chrono::Utc::now().date_naive();
        line(
            tr!(lang, "field-consent"),
            Some(person.consent.level_on(today).label(lang)),
        );
    }
    Ok(())
}

pub fn vocabulary(cx: &Context, json_out: bool) -> CliResult {
    let v = Vocabulary::get();
    if json_out {
        let types: Vec<_> = v
            .types
            .iter()
            .map(|t| json!({"code": t.code, "kind": t.kind, "label": t.label, "definition": t.definition}))
            .collect();
        print_json(&json!({ "format": v.format, "version": v.version, "types": types }));
        return Ok(());
    }
    for kind in EventKind::ALL {
        println!("{}", kind.label(cx.lang));
        for t in v.entries(kind) {
            println!("  {:<32} {}", t.code, t.label.get(cx.lang));
        }
    }
    Ok(())
}
