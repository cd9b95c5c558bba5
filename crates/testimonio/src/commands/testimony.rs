//! `testimony add`, `list`, `show` and `review`: parse the options, call
//! the testimony use cases, print what they return. The account is read
//! from a file or stdin, never from an option (the command line is
//! visible to every user of the machine in `ps`).

use std::io::Read;

use serde::Serialize;
use serde_json::json;
use testimonio_app::records::testimonies::{self, TestimonyFields, TestimonyView};
use testimonio_domain::{Lang, RecordId};
use testimonio_i18n::tr;
use testimonio_vault::{TestimonyFilter, TestimonyLink, TestimonySummary, WriteOutcome};
use zeroize::Zeroizing;

use crate::cli::TestimonyAddArgs;
use crate::context::{CliResult, Context, operator, print_json};

fn outcome_code(outcome: WriteOutcome) -> &'static str {
    match outcome {
        WriteOutcome::Created => "created",
        WriteOutcome::Updated => "updated",
        WriteOutcome::Unchanged => "unchanged",
    }
}

/// The account from `--account-file`, or else all of stdin.
fn read_account(cx: &Context, args: &TestimonyAddArgs) -> CliResult<Zeroizing<String>> {
    let mut text = Zeroizing::new(String::new());
    match &args.account_file {
        Some(path) => {
            let mut file = std::fs::File::open(path).map_err(|e| cx.io_error(path, &e))?;
            file.read_to_string(&mut text)
                .map_err(|e| cx.io_error(path, &e))?;
        }
        None => {
            let stdin = std::path::Path::new("-");
            std::io::stdin()
                .lock()
                .read_to_string(&mut text)
                .map_err(|e| cx.io_error(stdin, &e))?;
        }
    }
    Ok(text)
}

pub fn add(cx: &Context, args: &TestimonyAddArgs) -> CliResult {
    let account = read_account(cx, args)?;
    let fields = TestimonyFields {
        person: Some(args.person.clone()),
        interviewer: Some(args.interviewer.clone()),
        date: Some(args.date.clone()),
        place: Some(args.place.clone()),
        language: Some(args.language.clone()),
        account: Some(account),
        consent: Some(args.consent.clone()),
        events: Some(args.events.clone()),
        documents: Some(args.documents.clone()),
    };
    let mut vault = cx.open()?;
    let recorded = testimonies::add(&mut vault, &operator(), args.id.as_deref(), fields)
        .map_err(|e| cx.app_error(&e))?;
    let id = recorded.id.to_string();
    let outcome = outcome_code(recorded.outcome);
    if args.json {
        print_json(&json!({ "id": id, "outcome": outcome }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "testimony-recorded",
                id = id.as_str(),
                outcome = outcome
            )
        );
    }
    Ok(())
}

/// A testimony as JSON: never the account unless `account` is given.
#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    person: &'a str,
    pseudonym: &'a str,
    interviewer: &'a str,
    date: String,
    place: &'a str,
    language: &'a str,
    consent: &'static str,
    events: Vec<&'a str>,
    documents: Vec<&'a str>,
    reviewed_by: Option<&'a str>,
    reviewed_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective_consent: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account: Option<&'a str>,
}

fn summary_json(s: &TestimonySummary) -> Summary<'_> {
    Summary {
        id: s.id.as_str(),
        person: s.person.as_str(),
        pseudonym: s.pseudonym.as_str(),
        interviewer: s.interviewer.as_str(),
        date: s.date.to_string(),
        place: s.place.as_str(),
        language: s.language.as_str(),
        consent: s.consent.code(),
        events: s.events.iter().map(RecordId::as_str).collect(),
        documents: s.documents.iter().map(RecordId::as_str).collect(),
        reviewed_by: s.review.as_ref().map(|r| r.by.as_str()),
        reviewed_at: s.review.as_ref().map(|r| r.at.as_str()),
        effective_consent: None,
        account: None,
    }
}

fn review_text(lang: Lang, s: &TestimonySummary) -> String {
    match &s.review {
        Some(r) => tr!(
            lang,
            "testimony-reviewed-by",
            by = r.by.as_str(),
            at = r.at.get(..10).unwrap_or(r.at.as_str())
        ),
        None => tr!(lang, "testimony-not-reviewed").to_owned(),
    }
}

pub fn list(cx: &Context, person: Option<&str>, json_out: bool) -> CliResult {
    let filter = TestimonyFilter {
        person: person
            .map(|p| RecordId::parse("person", p))
            .transpose()
            .map_err(|e| cx.option_error("person", &e))?,
        ..TestimonyFilter::default()
    };
    let vault = cx.open()?;
    let list = testimonies::list(&vault, &operator(), &filter).map_err(|e| cx.app_error(&e))?;
    if json_out {
        let items: Vec<Summary<'_>> = list.iter().map(summary_json).collect();
        print_json(&json!({ "total": items.len(), "testimonies": items }));
        return Ok(());
    }
    if list.is_empty() {
        println!("{}", tr!(cx.lang, "testimony-none"));
    }
    for s in &list {
        println!(
            "{:<18} {:<24} {:<20} {:<6} {}",
            s.id,
            s.pseudonym,
            s.date.written(cx.lang),
            s.language,
            review_text(cx.lang, s)
        );
    }
    Ok(())
}

pub fn show(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let id = RecordId::parse("id", id).map_err(|e| cx.option_error("id", &e))?;
    let mut vault = cx.open()?;
    let view: TestimonyView =
        testimonies::show(&mut vault, &operator(), &id).map_err(|e| cx.app_error(&e))?;
    let s = &view.summary;
    let account = view.account.as_ref().map(|a| a.expose());
    if json_out {
        let mut out = summary_json(s);
        out.effective_consent = Some(view.effective_consent.code());
        out.account = account;
        print_json(&out);
        return Ok(());
    }
    let lang = cx.lang;
    let line = |label: &str, v: &str| println!("{label:<26} {v}");
    line(tr!(lang, "field-id"), s.id.as_str());
    line(
        tr!(lang, "field-person"),
        &format!("{} ({})", s.pseudonym, s.person),
    );
    line(tr!(lang, "field-interviewer"), s.interviewer.as_str());
    line(tr!(lang, "field-date"), &s.date.written(lang));
    line(tr!(lang, "field-place"), s.place.as_str());
    line(tr!(lang, "field-language"), s.language.as_str());
    line(tr!(lang, "field-consent"), s.consent.label(lang));
    line(
        tr!(lang, "field-consent-effective"),
        view.effective_consent.label(lang),
    );
    let ids = |list: &[RecordId]| {
        list.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    if !s.events.is_empty() {
        line(tr!(lang, "field-events"), &ids(&s.events));
    }
    if !s.documents.is_empty() {
        line(tr!(lang, "field-documents"), &ids(&s.documents));
    }
    line(tr!(lang, "field-review"), &review_text(lang, s));
    if let Some(account) = account {
        println!();
        println!("{}", tr!(lang, "field-account"));
        println!("{account}");
    }
    Ok(())
}

pub fn review(cx: &Context, id: &str, json_out: bool) -> CliResult {
    let id = RecordId::parse("id", id).map_err(|e| cx.option_error("id", &e))?;
    let mut vault = cx.open()?;
    let outcome =
        testimonies::review(&mut vault, &operator(), &id).map_err(|e| cx.app_error(&e))?;
    let outcome = outcome_code(outcome);
    if json_out {
        print_json(&json!({ "id": id.as_str(), "outcome": outcome }));
    } else {
        println!(
            "{}",
            tr!(
                cx.lang,
                "testimony-review-recorded",
                id = id.as_str(),
                outcome = outcome
            )
        );
    }
    Ok(())
}

pub fn search(cx: &Context, query: &str, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let hits = testimonies::search(&mut vault, &operator(), query).map_err(|e| cx.app_error(&e))?;
    if json_out {
        let items: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let mut item = serde_json::to_value(summary_json(&h.summary))
                    .unwrap_or(serde_json::Value::Null);
                item["passage"] = json!(h.passage.expose());
                item
            })
            .collect();
        print_json(&json!({ "total": items.len(), "testimonies": items }));
        return Ok(());
    }
    println!(
        "{}",
        tr!(cx.lang, "testimony-search-results", count = hits.len())
    );
    for h in &hits {
        println!();
        println!(
            "{}  {}  {}",
            h.summary.id,
            h.summary.pseudonym,
            h.summary.date.written(cx.lang)
        );
        println!("{}", h.passage.expose());
    }
    Ok(())
}

/// Links events and documents to a testimony, one by one (each audited);
/// every id is checked as an option first.
pub fn link(
    cx: &Context,
    id: &str,
    events: &[String],
    documents: &[String],
    json_out: bool,
) -> CliResult {
    let id = RecordId::parse("id", id).map_err(|e| cx.option_error("id", &e))?;
    let mut links = Vec::new();
    for e in events {
        let e = RecordId::parse("event", e).map_err(|err| cx.option_error("event", &err))?;
        links.push(TestimonyLink::Event(e));
    }
    for d in documents {
        let d = RecordId::parse("document", d).map_err(|err| cx.option_error("document", &err))?;
        links.push(TestimonyLink::Document(d));
    }
    let mut vault = cx.open()?;
    let mut added = 0usize;
    for l in &links {
        let outcome =
            testimonies::link(&mut vault, &operator(), &id, l).map_err(|e| cx.app_error(&e))?;
        if outcome == WriteOutcome::Updated {
            added += 1;
        }
    }
    if json_out {
        print_json(&json!({ "id": id.as_str(), "linked": added }));
    } else {
        println!(
            "{}",
            tr!(cx.lang, "testimony-linked", id = id.as_str(), count = added)
        );
    }
    Ok(())
}
