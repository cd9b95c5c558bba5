//! import, export, events list, people list, person show, vocabulary.

use std::fs::File;
use std::io::{self, BufReader};

use serde_json::json;
use testimonio_domain::exchange::{EventRecord, PersonRecord};
use testimonio_domain::{
    ConsentLevel, EventKind, EventType, FieldError, FieldOffice, RecordId, UsState, Verification,
    Vocabulary, date::parse_day,
};
use testimonio_vault::private_fs::PrivateFile;
use testimonio_vault::{EventFilter, ImportReport, PeopleFilter};

use crate::cli::{EventsListArgs, ExportArgs, ExportFormat, ImportArgs, PeopleListArgs};
use crate::context::{CliResult, Context, Failure, Progress, exit, print_json};

fn bad_option(cx: &Context, option: &str, err: FieldError) -> Failure {
    cx.option_error(option, &err)
}

pub fn import(cx: &Context, args: &ImportArgs) -> CliResult {
    let mut vault = cx.open()?;
    let progress = Progress::new(cx.t("records:", "registros:"));
    let mut tick = |n| progress.update(n);
    let report = if args.file.as_os_str() == "-" {
        vault.import_jsonl(io::stdin().lock(), &mut tick)
    } else if args.file.is_dir() {
        vault.import_csv_dir(&args.file, &mut tick)
    } else {
        let file = File::open(&args.file).map_err(|e| {
            cx.fail(
                format!("{}: {e}", args.file.display()),
                format!("{}: {e}", args.file.display()),
            )
        })?;
        vault.import_jsonl(BufReader::new(file), &mut tick)
    }
    .map_err(|e| cx.vault_error(e))?;
    progress.finish();
    print_import_report(cx, &report, args.json);
    if report.failed.is_empty() {
        Ok(())
    } else {
        Err(cx
            .fail(
                format!(
                    "{} record(s) were refused; the rest was imported",
                    report.failed.len()
                ),
                format!(
                    "se rechazaron {} registro(s); el resto se importó",
                    report.failed.len()
                ),
            )
            .with_status(exit::PARTIAL))
    }
}

fn print_import_report(cx: &Context, report: &ImportReport, json_out: bool) {
    if json_out {
        print_json(report);
        return;
    }
    for f in &report.failed {
        println!(
            "{}: {}: {}",
            cx.t("refused", "rechazado"),
            f.location,
            f.reason
        );
    }
    println!(
        "{}: {}, {}: {}, {}: {}, {}: {}",
        cx.t("created", "creados"),
        report.created,
        cx.t("updated", "actualizados"),
        report.updated,
        cx.t("unchanged", "sin cambios"),
        report.unchanged,
        cx.t("refused", "rechazados"),
        report.failed.len()
    );
}

pub fn export(cx: &Context, args: &ExportArgs) -> CliResult {
    let mut vault = cx.open()?;
    let vault_error = |e| cx.vault_error(e);
    let written = match (args.format, &args.out) {
        (ExportFormat::Jsonl, None) => vault
            .export_jsonl(&mut io::stdout().lock())
            .map_err(vault_error)?,
        (ExportFormat::Jsonl, Some(path)) => {
            let mut file = io::BufWriter::new(cx.create_private(path)?);
            let written = vault.export_jsonl(&mut file).map_err(vault_error)?;
            file.into_inner()
                .map_err(io::IntoInnerError::into_error)
                .and_then(PrivateFile::commit)
                .map_err(|e| cx.io_error(path, &e))?;
            written
        }
        // Private files in a private directory, written by the vault.
        (ExportFormat::Csv, Some(dir)) => vault.export_csv_dir(dir).map_err(vault_error)?,
        (ExportFormat::Csv, None) => {
            return Err(cx.fail(
                "--format csv needs --out DIR (it writes groups.csv, people.csv, events.csv)",
                "--format csv necesita --out DIR (escribe groups.csv, people.csv, events.csv)",
            ));
        }
    };
    if args.out.is_some() {
        eprintln!(
            "{} {written} {}",
            cx.t("exported", "exportados"),
            cx.t("records", "registros")
        );
    }
    Ok(())
}

pub fn events_list(cx: &Context, args: &EventsListArgs) -> CliResult {
    let opt_id =
        |name: &str, v: &Option<String>| v.as_deref().map(|s| RecordId::parse(name, s)).transpose();
    let day = |name: &str, v: &Option<String>| v.as_deref().map(|s| parse_day(name, s)).transpose();
    let filter = EventFilter {
        kind: args
            .kind
            .as_deref()
            .map(|k| EventKind::parse("kind", k))
            .transpose()
            .map_err(|e| bad_option(cx, "kind", e))?,
        event_type: args
            .event_type
            .as_deref()
            .map(|t| EventType::parse("type", t))
            .transpose()
            .map_err(|e| bad_option(cx, "type", e))?,
        state: args
            .state
            .as_deref()
            .map(|s| UsState::parse("state", s))
            .transpose()
            .map_err(|e| bad_option(cx, "state", e))?,
        field_office: args
            .field_office
            .as_deref()
            .map(|f| FieldOffice::parse("field-office", f))
            .transpose()
            .map_err(|e| bad_option(cx, "field-office", e))?,
        group: opt_id("group", &args.group).map_err(|e| bad_option(cx, "group", e))?,
        person: opt_id("person", &args.person).map_err(|e| bad_option(cx, "person", e))?,
        from: day("from", &args.from).map_err(|e| bad_option(cx, "from", e))?,
        to: day("to", &args.to).map_err(|e| bad_option(cx, "to", e))?,
        verification: args
            .verification
            .as_deref()
            .map(|v| Verification::parse("verification", v))
            .transpose()
            .map_err(|e| bad_option(cx, "verification", e))?,
        id: None,
        newest_first: false,
        limit: args.limit,
        offset: args.offset,
    };
    let vault = cx.open()?;
    let total = vault.count_events(&filter).map_err(|e| cx.vault_error(e))?;
    let events = vault.events(&filter).map_err(|e| cx.vault_error(e))?;
    if args.json {
        // Narratives are sensitive and long: lists carry the record without them.
        let items: Vec<_> = events
            .iter()
            .map(|e| EventRecord {
                narrative: None,
                ..EventRecord::from_event(e)
            })
            .collect();
        print_json(&json!({ "total": total, "offset": args.offset, "events": items }));
    } else {
        for e in &events {
            let people: Vec<_> = e
                .participants()
                .iter()
                .map(|p| format!("{}({})", p.person, p.role.code()))
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
            "{} {} {total}",
            events.len(),
            cx.t("shown of", "mostrados de")
        );
    }
    Ok(())
}

pub fn people_list(cx: &Context, args: &PeopleListArgs) -> CliResult {
    let filter = PeopleFilter {
        id: None,
        group: args
            .group
            .as_deref()
            .map(|g| RecordId::parse("group", g))
            .transpose()
            .map_err(|e| bad_option(cx, "group", e))?,
        consent_at_least: args
            .consent
            .as_deref()
            .map(|c| ConsentLevel::parse("consent", c))
            .transpose()
            .map_err(|e| bad_option(cx, "consent", e))?,
    };
    let vault = cx.open()?;
    let people = vault.people(&filter).map_err(|e| cx.vault_error(e))?;
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
        println!("{} {}", people.len(), cx.t("people", "personas"));
    }
    Ok(())
}

pub fn person_show(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let id = RecordId::parse("id", id).map_err(|e| bad_option(cx, "id", e))?;
    let mut vault = cx.open()?;
    let person = vault.person_identity(&id).map_err(|e| cx.vault_error(e))?;
    let record = PersonRecord::from_person(&person);
    if json_out {
        print_json(&record);
    } else {
        let line = |en: &str, es: &str, v: Option<&str>| {
            if let Some(v) = v {
                println!("{:<22} {v}", cx.t(en, es));
            }
        };
        line("id", "id", Some(&record.id));
        line("pseudonym", "seudónimo", Some(&record.pseudonym));
        line("legal name", "nombre legal", record.legal_name.as_deref());
        line("contact", "contacto", record.contact.as_deref());
        line("A-number", "número A", record.a_number.as_deref());
        line(
            "immigration status",
            "estatus migratorio",
            record.immigration_status.as_deref(),
        );
        line("address", "dirección", record.address.as_deref());
        let today = chrono::Utc::now().date_naive();
        line(
            "consent",
            "consentimiento",
            Some(person.consent.level_on(today).label(cx.lang)),
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
