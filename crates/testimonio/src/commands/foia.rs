//! foia add/list/show/update/calendar/letter.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;
use testimonio_foia::letters::{
    AppealParams, LetterParams, Signatory, appeal_letter, request_letter,
};
use testimonio_foia::request::{AppealParts, CommunicationParts, TollingParts};
use testimonio_foia::{DecisionParts, FoiaRequest, FoiaRequestParts, Lang, deadlines};

use crate::cli::{FoiaAddArgs, FoiaCommand, FoiaListArgs, FoiaUpdateArgs};
use crate::context::{CliResult, Context, Failure, print_json};

/// Today in the local calendar: FOIA days are the agency's office days.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn refused(cx: &Context, errors: &[testimonio_foia::FieldError]) -> Failure {
    let en: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
    let es: Vec<String> = errors.iter().map(|e| e.message(Lang::Es)).collect();
    cx.fail(
        format!("nothing stored: {}", en.join("; ")),
        format!("no se guardó nada: {}", es.join("; ")),
    )
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

fn new_id() -> String {
    let bytes: [u8; 6] = rand::random();
    format!(
        "foia-{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

fn add(cx: &Context, args: &FoiaAddArgs) -> CliResult {
    let parts = FoiaRequestParts {
        id: args.id.clone().unwrap_or_else(new_id),
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
    // Validated before the vault is even opened: bad input changes nothing.
    let request = FoiaRequest::new(parts, today()).map_err(|e| refused(cx, &e))?;
    let mut vault = cx.open()?;
    if vault
        .foia(request.id().as_str())
        .map_err(|e| cx.vault_error(e))?
        .is_some()
    {
        return Err(cx.fail(
            format!(
                "FOIA request {} already exists: use `foia update`",
                request.id()
            ),
            format!(
                "la solicitud FOIA {} ya existe: use `foia update`",
                request.id()
            ),
        ));
    }
    vault.put_foia(&request).map_err(|e| cx.vault_error(e))?;
    output(cx, &request, args.json)
}

fn output(cx: &Context, request: &FoiaRequest, json_out: bool) -> CliResult {
    let d = deadlines(request, today());
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
        println!("  {:<28} {}", deadline.kind.label(cx.lang), deadline.date);
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
    let mut rows = Vec::new();
    for request in vault.foias().map_err(|e| cx.vault_error(e))? {
        let d = deadlines(&request, today);
        let overdue: Vec<_> = d
            .overdue()
            .iter()
            .map(|x| json!({"kind": x.kind, "date": x.date}))
            .collect();
        let soon: Vec<_> = args
            .due_within
            .map(|days| {
                d.due_within(days)
                    .iter()
                    .map(|x| json!({"kind": x.kind, "date": x.date}))
                    .collect()
            })
            .unwrap_or_default();
        if args.overdue && overdue.is_empty() {
            continue;
        }
        if args.due_within.is_some() && soon.is_empty() {
            continue;
        }
        let due = d.determination.as_ref().map(|x| x.date);
        rows.push((request, due, overdue, soon));
    }
    if args.json {
        let items: Vec<_> = rows
            .iter()
            .map(|(r, due, overdue, soon)| {
                json!({
                    "id": r.id(), "agency": r.agency().code(), "subject": r.subject().as_str(),
                    "tracking_number": r.tracking_number().map(|t| t.as_str()), "status": r.status().code(),
                    "due_date": due, "overdue": overdue, "due_soon": soon,
                })
            })
            .collect();
        print_json(&json!({ "today": today, "total": items.len(), "requests": items }));
    } else {
        for (r, due, overdue, _) in &rows {
            let flag = if overdue.is_empty() {
                ""
            } else {
                cx.t("OVERDUE", "VENCIDA")
            };
            println!(
                "{:<18} {:<6} {:<24} {:<12} {:<8} {}",
                r.id(),
                r.agency().code(),
                r.status().label(cx.lang),
                due.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                flag,
                r.subject()
            );
        }
        println!("{} {}", rows.len(), cx.t("requests", "solicitudes"));
    }
    Ok(())
}

/// A stored request, or a one-line "not found".
fn find(cx: &Context, vault: &testimonio_vault::Vault, id: &str) -> CliResult<FoiaRequest> {
    vault
        .foia(id)
        .map_err(|e| cx.vault_error(e))?
        .ok_or_else(|| {
            cx.fail(
                format!("FOIA request {id} not found"),
                format!("solicitud FOIA {id} no encontrada"),
            )
        })
}

fn show(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let vault = cx.open()?;
    let request = find(cx, &vault, id)?;
    let productions = vault.foia_productions(id).map_err(|e| cx.vault_error(e))?;
    let events = vault.foia_events(id).map_err(|e| cx.vault_error(e))?;
    if json_out {
        let d = deadlines(&request, today());
        let due = d.determination.as_ref().map(|x| x.date);
        print_json(&json!({
            "request": request.to_parts(), "due_date": due, "deadlines": d,
            "productions": productions, "events": events,
        }));
        return Ok(());
    }
    output(cx, &request, false)?;
    for p in &productions {
        println!(
            "  {} {} {}..{}",
            cx.t("production", "entrega"),
            p.document_id,
            p.bates_first.as_deref().unwrap_or("?"),
            p.bates_last.as_deref().unwrap_or("?")
        );
    }
    for e in &events {
        println!("  {} {e}", cx.t("event", "evento"));
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

fn update(cx: &Context, args: &FoiaUpdateArgs) -> CliResult {
    let mut vault = cx.open()?;
    let id = &args.id;
    let current = find(cx, &vault, id)?;
    let mut parts = current.to_parts();
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
    for toll in &args.toll {
        let period = tolling(toll).ok_or_else(|| {
            cx.fail(
                format!("--toll {toll:?}: expected KIND:FROM[..TO]"),
                format!("--toll {toll:?}: se espera TIPO:DESDE[..HASTA]"),
            )
        })?;
        // The same period again (same kind and start) is replaced, e.g. to close it.
        parts
            .tolling
            .retain(|p| !(p.kind == period.kind && p.from == period.from));
        parts.tolling.push(period);
    }
    if let Some(d) = &args.determination {
        let (outcome, date) = d.split_once(':').ok_or_else(|| {
            cx.fail(
                "--determination: expected OUTCOME:DATE",
                "--determination: se espera RESULTADO:FECHA",
            )
        })?;
        parts.determination = Some(DecisionParts {
            outcome: outcome.into(),
            date: date.into(),
        });
    }
    if args.appeal_filed.is_some()
        || args.appeal_received.is_some()
        || args.appeal_decided.is_some()
    {
        let mut appeal = parts.appeal.take().unwrap_or_else(AppealParts::default);
        if let Some(f) = &args.appeal_filed {
            appeal.filed = f.clone();
        }
        set(&mut appeal.received, &args.appeal_received);
        set(&mut appeal.decided, &args.appeal_decided);
        parts.appeal = Some(appeal);
    }
    for note in &args.note {
        let mut pieces = note.splitn(3, ':');
        let (Some(date), Some(direction), Some(summary)) =
            (pieces.next(), pieces.next(), pieces.next())
        else {
            return Err(cx.fail(
                "--note: expected DATE:in|out:SUMMARY",
                "--note: se espera FECHA:in|out:RESUMEN",
            ));
        };
        parts.communications.push(CommunicationParts {
            date: date.into(),
            direction: direction.into(),
            summary: summary.into(),
        });
    }
    let request = FoiaRequest::new(parts, today()).map_err(|e| refused(cx, &e))?;
    vault.put_foia(&request).map_err(|e| cx.vault_error(e))?;
    output(cx, &request, args.json)
}

fn calendar(cx: &Context, out: &Path) -> CliResult {
    let vault = cx.open()?;
    let requests = vault.foias().map_err(|e| cx.vault_error(e))?;
    let params = testimonio_foia::ics::CalendarParams {
        today: today(),
        dtstamp: chrono::Utc::now().naive_utc(),
        lang: cx.lang,
        name: Some(cx.t("FOIA deadlines", "Plazos FOIA").to_owned()),
    };
    let text = testimonio_foia::ics::calendar(&requests, &params);
    cx.write_private(out, text.as_bytes())?;
    eprintln!(
        "{} {}",
        cx.t("calendar written to", "calendario escrito en"),
        out.display()
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
    let vault = cx.open()?;
    let request = find(cx, &vault, id)?;
    let signatory = Signatory {
        name: signatory.unwrap_or("[name]").to_owned(),
        ..Signatory::default()
    };
    let text = match kind {
        "request" => request_letter(&request, &LetterParams::new(today(), signatory)),
        "appeal" => appeal_letter(
            &request,
            &AppealParams {
                date: today(),
                signatory,
                grounds: Vec::new(),
                argument: None,
            },
        ),
        _ => return Err(cx.fail("--kind: request or appeal", "--kind: request o appeal")),
    };
    match out {
        Some(path) => {
            let is_pdf = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            let bytes = if is_pdf {
                let title = format!("FOIA {kind} {}", request.reference());
                testimonio_report::text_pdf::render(&title, &text)
            } else {
                text.into_bytes()
            };
            cx.write_private(path, &bytes)?;
        }
        None => print!("{text}"),
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
        return Err(cx.fail("give --document or --event", "indique --document o --event"));
    }
    let received = received
        .map(|d| testimonio_domain::date::parse_day("received", d))
        .transpose()
        .map_err(|e| {
            cx.fail(
                format!("--{}", e.message(Lang::En)),
                format!("--{}", e.message(Lang::Es)),
            )
        })?;
    let bates = match bates {
        None => (None, None),
        Some(range) => match range.split_once("..") {
            Some((first, last)) => (Some(first.trim()), Some(last.trim())),
            None => (Some(range.trim()), None),
        },
    };
    let event = event
        .map(|e| testimonio_domain::RecordId::parse("event", e))
        .transpose()
        .map_err(|e| {
            cx.fail(
                format!("--{}", e.message(Lang::En)),
                format!("--{}", e.message(Lang::Es)),
            )
        })?;
    let mut vault = cx.open()?;
    if let Some(doc) = document {
        vault
            .add_foia_production(id, doc, bates, received)
            .map_err(|e| cx.vault_error(e))?;
    }
    if let Some(event) = &event {
        vault
            .link_foia_event(id, event)
            .map_err(|e| cx.vault_error(e))?;
    }
    println!("{}", cx.t("Linked.", "Vinculado."));
    Ok(())
}
