//! `case add/list/show/link/unlink/status/packet`: parse the options, call
//! the case use cases, print what they return.

use serde_json::json;
use testimonio_app::records::cases::{self, CaseView, LinkTarget, Listed};
use testimonio_app::reports::{make_case_packet, make_case_packet_bag};
use testimonio_domain::{CaseParts, Lang, PartialDate};
use testimonio_i18n::tr;
use testimonio_vault::{ShownExcerpt, WriteOutcome};

use crate::cli::{CaseAddArgs, CaseCommand, CaseLinkArgs, CasePacketArgs};
use crate::commands::analyze::today;
use crate::context::{CliResult, Context, operator, print_json};

pub fn run(cx: &Context, command: &CaseCommand) -> CliResult {
    match command {
        CaseCommand::Add(args) => add(cx, args),
        CaseCommand::List { json } => list(cx, *json),
        CaseCommand::Show { id, json } => show(cx, id, *json),
        CaseCommand::Link(args) => link(cx, args, true),
        CaseCommand::Unlink(args) => link(cx, args, false),
        CaseCommand::Status { id, status, json } => set_status(cx, id, status, *json),
        CaseCommand::Packet(args) => packet(cx, args),
    }
}

fn add(cx: &Context, args: &CaseAddArgs) -> CliResult {
    let mut vault = cx.open()?;
    let parts = CaseParts {
        id: args.id.clone().unwrap_or_default(),
        title: args.title.clone(),
        kind: args.kind.clone(),
        status: args.status.clone(),
        person: args.person.clone(),
        group: args.group.clone(),
        attorney: args.attorney.clone(),
        opened_on: args.opened.clone(),
        closed_on: None,
        notes: None,
    };
    let case = cases::add(&mut vault, &operator(), parts).map_err(|e| cx.app_error(&e))?;
    if args.json {
        print_json(&json!({ "id": case.id.as_str(), "outcome": "created" }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "case-recorded",
                id = case.id.as_str(),
                title = case.title.as_str()
            )
        );
    }
    Ok(())
}

fn list(cx: &Context, json_out: bool) -> CliResult {
    let vault = cx.open()?;
    let listed = cases::list(&vault, &operator()).map_err(|e| cx.app_error(&e))?;
    if json_out {
        print_json(&listed.iter().map(Listed::to_json).collect::<Vec<_>>());
        return Ok(());
    }
    if listed.is_empty() {
        println!("{}", tr!(cx.lang, "case-list-empty"));
    }
    for l in &listed {
        println!(
            "{}  {}  {}  {} — {}",
            l.case.id,
            l.case.status.label(cx.lang),
            l.case.kind.label(cx.lang),
            l.case.title,
            l.subject.name()
        );
    }
    Ok(())
}

fn date(lang: Lang, d: PartialDate) -> String {
    d.written(lang)
}

fn show(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let view = cases::show(&mut vault, &operator(), id).map_err(|e| cx.app_error(&e))?;
    if json_out {
        print_json(&view.to_json());
    } else {
        print_view(cx.lang, &view);
    }
    Ok(())
}

fn print_view(lang: Lang, view: &CaseView) {
    let case = &view.case;
    let line = |label: &str, value: &str| println!("{label:<22} {value}");
    line(tr!(lang, "case-field-id"), case.id.as_str());
    line(tr!(lang, "case-field-title"), case.title.as_str());
    line(tr!(lang, "case-field-kind"), case.kind.label(lang));
    line(tr!(lang, "case-field-status"), case.status.label(lang));
    let subject = format!("{} ({})", view.subject.name(), view.subject.id());
    line(tr!(lang, "case-field-subject"), &subject);
    if let Some(attorney) = &case.attorney {
        line(tr!(lang, "case-field-attorney"), attorney.as_str());
    }
    if let Some(d) = case.opened_on {
        line(tr!(lang, "case-field-opened"), &date(lang, d));
    }
    if let Some(d) = case.closed_on {
        line(tr!(lang, "case-field-closed"), &date(lang, d));
    }
    if let Some(notes) = &view.notes {
        line(tr!(lang, "case-field-notes"), notes.expose());
    }
    for event in &view.events {
        let text = format!(
            "{} — {} — {}",
            event.id(),
            date(lang, event.date()),
            event.event_type().label(lang)
        );
        line(tr!(lang, "case-link-kind-event"), &text);
    }
    for document in &view.documents {
        let name = document.file_name.as_deref().unwrap_or(&document.id);
        line(
            tr!(lang, "case-link-kind-document"),
            &format!("{} — {name}", document.id),
        );
    }
    for excerpt in &view.excerpts {
        let text = match excerpt {
            ShownExcerpt::Readable(x) => format!("{} — “{}”", x.id, x.quote),
            ShownExcerpt::Withheld(x) => {
                format!("{} — {}", x.id, tr!(lang, "case-excerpt-withheld"))
            }
        };
        line(tr!(lang, "case-link-kind-excerpt"), &text);
    }
    for request in &view.foia {
        let text = format!("{} — {}", request.id(), request.subject());
        line(tr!(lang, "case-link-kind-foia"), &text);
    }
    for testimony in &view.testimonies {
        line(tr!(lang, "case-link-kind-testimony"), testimony);
    }
    for link in &view.missing {
        let text = tr!(lang, "case-link-missing", id = link.target.as_str());
        line(link.kind.label(lang), &text);
    }
}

fn link(cx: &Context, args: &CaseLinkArgs, add: bool) -> CliResult {
    let (kind, target) = [
        ("event", &args.event),
        ("document", &args.document),
        ("excerpt", &args.excerpt),
        ("foia", &args.foia),
        ("testimony", &args.testimony),
    ]
    .into_iter()
    .find_map(|(kind, v)| v.as_deref().map(|v| (kind, v)))
    .expect("clap requires one target");
    let mut vault = cx.open()?;
    let target = LinkTarget { kind, id: target };
    let changed = if add {
        cases::link(&mut vault, &operator(), &args.id, target.clone())
    } else {
        cases::unlink(&mut vault, &operator(), &args.id, target.clone())
    }
    .map_err(|e| cx.app_error(&e))?;
    if args.json {
        print_json(&json!({ "case": args.id, "kind": kind, "id": target.id, "changed": changed }));
    } else {
        let lang = cx.lang;
        let kind =
            testimonio_domain::CaseLinkKind::parse("kind", kind).map_or(kind, |k| k.label(lang));
        let (target, case) = (target.id, args.id.as_str());
        let text = match (add, changed) {
            (true, true) => tr!(
                lang,
                "case-linked",
                kind = kind,
                target = target,
                case = case
            ),
            (true, false) => tr!(
                lang,
                "case-link-kept",
                kind = kind,
                target = target,
                case = case
            ),
            (false, true) => tr!(
                lang,
                "case-unlinked",
                kind = kind,
                target = target,
                case = case
            ),
            (false, false) => tr!(
                lang,
                "case-unlink-none",
                kind = kind,
                target = target,
                case = case
            ),
        };
        println!("{text}");
    }
    Ok(())
}

fn set_status(cx: &Context, id: &str, status: &str, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let outcome =
        cases::set_status(&mut vault, &operator(), id, status).map_err(|e| cx.app_error(&e))?;
    let outcome = match outcome {
        WriteOutcome::Unchanged => "unchanged",
        WriteOutcome::Created | WriteOutcome::Updated => "updated",
    };
    if json_out {
        print_json(&json!({ "id": id, "status": status.trim(), "outcome": outcome }));
    } else {
        let label = testimonio_domain::CaseStatus::parse("status", status)
            .map_or(status, |s| s.label(cx.lang));
        println!(
            "{}",
            tr!(
                cx.lang,
                "case-status-set",
                id = id,
                status = label,
                outcome = outcome
            )
        );
    }
    Ok(())
}

fn packet(cx: &Context, args: &CasePacketArgs) -> CliResult {
    let mut vault = cx.open()?;
    if let Some(dir) = &args.output.bag {
        let bag = make_case_packet_bag(
            &mut vault,
            &operator(),
            &args.id,
            cx.lang,
            today(),
            args.output.tsa.as_deref(),
        )
        .map_err(|e| cx.app_error(&e))?;
        return super::packet::write_bag(cx, &bag, dir);
    }
    let packet = make_case_packet(
        &mut vault,
        &operator(),
        &args.id,
        cx.lang,
        args.output.format.format(),
        today(),
        args.output.exhibits_dir.is_some(),
    )
    .map_err(|e| cx.app_error(&e))?;
    super::packet::write(cx, &packet, &args.output)
}
