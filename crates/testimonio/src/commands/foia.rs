//! foia add/list/show/update/link/calendar/letter: options parsed here,
//! the use cases in `testimonio_app::foia`, output rendered here.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;
use testimonio_app::foia::{self as uc, LetterKind, ListFilter, ProductionParts, Saved};
use testimonio_foia::request::{CommunicationParts, TollingParts};
use testimonio_foia::{
    Deadlines, DecisionParts, FieldError, FoiaRequest, FoiaRequestParts, Problem,
};
use testimonio_i18n::tr;

use crate::cli::{FoiaAddArgs, FoiaCommand, FoiaListArgs, FoiaUpdateArgs};
use crate::context::{self, CliResult, Context, Failure, print_json};

/// Today in the local calendar: FOIA days are the agency's office days.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A failure whose message comes from the catalog already.
fn failure(message: String) -> Failure {
    Failure {
        status: context::exit::FAILURE,
        message,
    }
}

fn refused(cx: &Context, errors: &[FieldError]) -> Failure {
    let reasons: Vec<String> = errors.iter().map(|e| e.message(cx.lang)).collect();
    failure(tr!(
        cx.lang,
        "foia-cli-nothing-stored",
        reasons = reasons.join("; ")
    ))
}

pub fn run(cx: &Context, command: &FoiaCommand) -> CliResult {
    match command {
        FoiaCommand::Add(args) => add(cx, args),
        FoiaCommand::List(args) => list(cx, args),
        FoiaCommand::Show { id, json } => show(cx, id, *json),
        FoiaCommand::Update(args) => update(cx, args),
        FoiaCommand::Link {
            id,
            document,
            bates,
            received,
            event,
        } => link(
            cx,
            id,
            document.as_deref(),
            bates.as_deref(),
            received.as_deref(),
            event.as_deref(),
        ),
        FoiaCommand::Calendar { out } => calendar(cx, out),
        FoiaCommand::Letter {
            id,
            kind,
            signatory,
            out,
        } => letter(cx, id, kind, signatory.as_deref(), out.as_deref()),
    }
}

fn add(cx: &Context, args: &FoiaAddArgs) -> CliResult {
    let parts = FoiaRequestParts {
        id: args.id.clone().unwrap_or_else(uc::new_request_id),
        agency: args.agency.clone(),
        component: args.component.clone(),
        subject: args.subject.clone(),
        tracking_number: args.tracking.clone(),
        status: Some(
            if args.received.is_some() || args.sent.is_some() {
                "submitted"
            } else {
                "drafted"
            }
            .into(),
        ),
        date_sent: args.sent.clone(),
        date_received: args.received.clone(),
        expedited_requested: args.expedited,
        ..FoiaRequestParts::default()
    };
    // Checked before the vault is even opened: bad input changes nothing.
    uc::validate(parts.clone(), today()).map_err(|e| refused(cx, &e))?;
    let mut vault = cx.open()?;
    let id = parts.id.clone();
    let saved =
        uc::file(&mut vault, &context::operator(), parts, today()).map_err(|e| cx.app_error(&e))?;
    output_saved(cx, &id, saved, args.json)
}

fn output_saved(cx: &Context, id: &str, saved: Saved, json_out: bool) -> CliResult {
    match saved {
        Saved::Stored(request, deadlines) => output(cx, &request, &deadlines, json_out),
        // The one refusal the command line can say more about.
        Saved::Refused(errors) if errors.iter().any(|e| e.problem == Problem::Taken) => {
            Err(failure(tr!(cx.lang, "foia-cli-id-taken", id = id)))
        }
        Saved::Refused(errors) => Err(refused(cx, &errors)),
    }
}

fn output(cx: &Context, request: &FoiaRequest, d: &Deadlines, json_out: bool) -> CliResult {
    if json_out {
        let due = d.determination.as_ref().map(|x| x.date);
        print_json(&json!({ "request": request.to_parts(), "due_date": due, "deadlines": d }));
        return Ok(());
    }
    println!(
        "{}  {}  {}  {}",
        request.id(),
        request.agency().code(),
        request.status().label(cx.lang),
        request.subject()
    );
    for deadline in d.iter() {
        println!(
            "  {:<28} {}",
            deadline.kind.label(cx.lang),
            testimonio_i18n::format::day(cx.lang, deadline.date)
        );
        println!(
            "    {}",
            deadline
                .explanation
                .describe(cx.lang)
                .replace('\n', "\n    ")
        );
    }
    Ok(())
}

fn list(cx: &Context, args: &FoiaListArgs) -> CliResult {
    let vault = cx.open()?;
    let today = today();
    let filter = ListFilter {
        overdue: args.overdue,
        due_soon: args.due_within.is_some(),
        soon_days: args.due_within.unwrap_or(uc::SOON_DAYS),
        ..ListFilter::default()
    };
    let listed = uc::list(&vault, &filter, today).map_err(|e| cx.app_error(&e))?;
    if args.json {
        let dated = |deadlines: Vec<&testimonio_foia::Deadline>| -> Vec<serde_json::Value> {
            deadlines
                .iter()
                .map(|x| json!({"kind": x.kind, "date": x.date}))
                .collect()
        };
        let items: Vec<_> = listed
            .rows
            .iter()
            .map(|row| {
                let (r, d) = (&row.request, &row.deadlines);
                let soon = args.due_within.map(|days| dated(d.due_within(days)));
                json!({
                    "id": r.id(), "agency": r.agency().code(), "subject": r.subject().as_str(),
                    "tracking_number": r.tracking_number().map(|t| t.as_str()), "status": r.status().code(),
                    "due_date": d.determination.as_ref().map(|x| x.date),
                    "overdue": dated(d.overdue()), "due_soon": soon.unwrap_or_default(),
                })
            })
            .collect();
        print_json(&json!({ "today": today, "total": items.len(), "requests": items }));
        return Ok(());
    }
    for row in &listed.rows {
        let r = &row.request;
        let flag = if row.overdue {
            tr!(cx.lang, "foia-cli-overdue")
        } else {
            ""
        };
        let due = row.deadlines.determination.as_ref().map_or_else(
            || tr!(cx.lang, "foia-cli-no-date").to_owned(),
            |x| testimonio_i18n::format::day(cx.lang, x.date),
        );
        println!(
            "{:<18} {:<6} {:<24} {:<18} {:<8} {}",
            r.id(),
            r.agency().code(),
            r.status().label(cx.lang),
            due,
            flag,
            r.subject()
        );
    }
    println!("{}", tr!(cx.lang, "foia-count", count = listed.rows.len()));
    Ok(())
}

fn show(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let vault = cx.open()?;
    let shown =
        uc::show(&vault, &context::operator(), id, today()).map_err(|e| cx.app_error(&e))?;
    if json_out {
        let due = shown.deadlines.determination.as_ref().map(|x| x.date);
        print_json(&json!({
            "request": shown.request.to_parts(), "due_date": due, "deadlines": shown.deadlines,
            "productions": shown.productions, "events": shown.events,
        }));
        return Ok(());
    }
    output(cx, &shown.request, &shown.deadlines, false)?;
    let unknown = tr!(cx.lang, "foia-cli-unknown-bates");
    for p in &shown.productions {
        println!(
            "  {}",
            tr!(
                cx.lang,
                "foia-cli-production",
                document = p.document_id.as_str(),
                first = p.bates_first.as_deref().unwrap_or(unknown),
                last = p.bates_last.as_deref().unwrap_or(unknown)
            )
        );
    }
    for e in &shown.events {
        println!("  {}", tr!(cx.lang, "foia-cli-event", id = e.as_str()));
    }
    Ok(())
}

/// `KIND:FROM[..TO]`.
fn tolling(text: &str) -> Option<TollingParts> {
    let (kind, range) = text.split_once(':')?;
    let (from, to) = match range.split_once("..") {
        Some((f, t)) => (f.to_owned(), Some(t.to_owned()).filter(|t| !t.is_empty())),
        None => (range.to_owned(), None),
    };
    Some(TollingParts {
        kind: kind.trim().to_owned(),
        from,
        to,
    })
}

/// The options of `foia update`, parsed: what changes in the parts.
struct Changes {
    tolling: Vec<TollingParts>,
    determination: Option<DecisionParts>,
    communications: Vec<CommunicationParts>,
}

fn parse_changes(cx: &Context, args: &FoiaUpdateArgs) -> CliResult<Changes> {
    let mut tolls = Vec::new();
    for toll in &args.toll {
        let period = tolling(toll).ok_or_else(|| {
            failure(tr!(
                cx.lang,
                "foia-cli-toll-format",
                value = format!("{toll:?}")
            ))
        })?;
        tolls.push(period);
    }
    let determination = match &args.determination {
        None => None,
        Some(d) => {
            let (outcome, date) = d
                .split_once(':')
                .ok_or_else(|| failure(tr!(cx.lang, "foia-cli-determination-format").to_owned()))?;
            Some(DecisionParts {
                outcome: outcome.into(),
                date: date.into(),
            })
        }
    };
    let mut communications = Vec::new();
    for note in &args.note {
        let mut pieces = note.splitn(3, ':');
        let (Some(date), Some(direction), Some(summary)) =
            (pieces.next(), pieces.next(), pieces.next())
        else {
            return Err(failure(tr!(cx.lang, "foia-cli-note-format").to_owned()));
        };
        communications.push(CommunicationParts {
            date: date.into(),
            direction: direction.into(),
            summary: summary.into(),
        });
    }
    Ok(Changes {
        tolling: tolls,
        determination,
        communications,
    })
}

fn apply(args: &FoiaUpdateArgs, changes: Changes, parts: &mut FoiaRequestParts) {
    let set = |field: &mut Option<String>, value: &Option<String>| {
        if let Some(v) = value {
            *field = Some(v.clone());
        }
    };
    set(&mut parts.status, &args.status);
    set(&mut parts.tracking_number, &args.tracking);
    set(&mut parts.date_sent, &args.sent);
    set(&mut parts.date_received, &args.received);
    set(&mut parts.date_perfected, &args.perfected);
    set(&mut parts.extension_notified, &args.extension_notified);
    if args.extension_notified.is_some() {
        parts.unusual_circumstances = true;
    }
    for period in changes.tolling {
        // The same period again (same kind and start) is replaced, e.g. to close it.
        parts
            .tolling
            .retain(|p| !(p.kind == period.kind && p.from == period.from));
        parts.tolling.push(period);
    }
    if let Some(d) = changes.determination {
        parts.determination = Some(d);
    }
    if args.appeal_filed.is_some()
        || args.appeal_received.is_some()
        || args.appeal_decided.is_some()
    {
        let mut appeal = parts.appeal.take().unwrap_or_default();
        if let Some(f) = &args.appeal_filed {
            appeal.filed = f.clone();
        }
        set(&mut appeal.received, &args.appeal_received);
        set(&mut appeal.decided, &args.appeal_decided);
        parts.appeal = Some(appeal);
    }
    parts.communications.extend(changes.communications);
}

fn update(cx: &Context, args: &FoiaUpdateArgs) -> CliResult {
    let changes = parse_changes(cx, args)?;
    let mut vault = cx.open()?;
    let saved = uc::update(
        &mut vault,
        &context::operator(),
        &args.id,
        today(),
        |parts| {
            apply(args, changes, parts);
        },
    )
    .map_err(|e| cx.app_error(&e))?;
    output_saved(cx, &args.id, saved, args.json)
}

fn calendar(cx: &Context, out: &Path) -> CliResult {
    let mut vault = cx.open()?;
    let text = uc::calendar(
        &mut vault,
        &context::operator(),
        today(),
        chrono::Utc::now().naive_utc(),
        cx.lang,
    )
    .map_err(|e| cx.app_error(&e))?;
    cx.write_private(out, text.as_bytes())?;
    eprintln!(
        "{}",
        tr!(
            cx.lang,
            "foia-cli-calendar-written",
            path = out.display().to_string()
        )
    );
    Ok(())
}

fn letter(
    cx: &Context,
    id: &str,
    kind: &str,
    signatory: Option<&str>,
    out: Option<&Path>,
) -> CliResult {
    let kind = LetterKind::parse(kind)
        .ok_or_else(|| failure(tr!(cx.lang, "foia-cli-letter-kind").to_owned()))?;
    let mut vault = cx.open()?;
    let letter = uc::letter(
        &mut vault,
        &context::operator(),
        id,
        kind,
        signatory,
        today(),
        cx.lang,
    )
    .map_err(|e| cx.app_error(&e))?;
    match out {
        Some(path) => {
            let is_pdf = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            let bytes = if is_pdf {
                testimonio_report::text_pdf::render(&letter.title, &letter.text)
            } else {
                letter.text.into_bytes()
            };
            cx.write_private(path, &bytes)?;
        }
        None => print!("{}", letter.text),
    }
    Ok(())
}

fn link(
    cx: &Context,
    id: &str,
    document: Option<&str>,
    bates: Option<&str>,
    received: Option<&str>,
    event: Option<&str>,
) -> CliResult {
    if document.is_none() && event.is_none() {
        return Err(failure(tr!(cx.lang, "foia-cli-link-what").to_owned()));
    }
    let received = received
        .map(|d| testimonio_domain::date::parse_day("received", d))
        .transpose()
        .map_err(|e| cx.option_error("received", &e))?;
    let (bates_first, bates_last) = match bates {
        None => (None, None),
        Some(range) => match range.split_once("..") {
            Some((first, last)) => (Some(first.trim()), Some(last.trim())),
            None => (Some(range.trim()), None),
        },
    };
    let event = event
        .map(|e| testimonio_domain::RecordId::parse("event", e))
        .transpose()
        .map_err(|e| cx.option_error("event", &e))?;
    let mut vault = cx.open()?;
    let operator = context::operator();
    if let Some(document) = document {
        let production = ProductionParts {
            document,
            bates_first,
            bates_last,
            received_on: received,
        };
        uc::record_production(&mut vault, &operator, id, &production)
            .map_err(|e| cx.app_error(&e))?;
    }
    if let Some(event) = &event {
        uc::link_event(&mut vault, &operator, id, event).map_err(|e| cx.app_error(&e))?;
    }
    println!("{}", tr!(cx.lang, "foia-cli-linked"));
    Ok(())
}
