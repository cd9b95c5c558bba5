//! `testimonio watchlist …` and `testimonio excerpt …`.

use serde_json::json;
use testimonio_domain::{ExcerptTag, Lang, RecordId};
use testimonio_search::run_watchlists;
use testimonio_vault::{ExcerptFilter, ExcerptParts, Vault};

use crate::cli::{ExcerptAddArgs, ExcerptCommand, LinkArgs, WatchlistCommand};
use crate::commands::search::open_index;
use crate::context::{CliResult, Context, print_json};

fn links(
    cx: &Context,
    args: &LinkArgs,
) -> CliResult<(Vec<ExcerptTag>, Vec<RecordId>, Vec<RecordId>)> {
    let tags = args
        .tag
        .iter()
        .map(|t| ExcerptTag::parse("tag", t).map_err(|e| cx.option_error("tag", &e)))
        .collect::<CliResult<Vec<_>>>()?;
    let events = args
        .event
        .iter()
        .map(|t| RecordId::parse("event", t).map_err(|e| cx.option_error("event", &e)))
        .collect::<CliResult<Vec<_>>>()?;
    let people = args
        .person
        .iter()
        .map(|t| RecordId::parse("person", t).map_err(|e| cx.option_error("person", &e)))
        .collect::<CliResult<Vec<_>>>()?;
    Ok((tags, events, people))
}

/// Runs every active watchlist and prints one line per watchlist with new
/// hits, and one per watchlist skipped with the reason (a saved query that
/// no longer parses or is past the query language's bounds); used after
/// `ingest` too.
pub fn run_and_report(
    cx: &Context,
    vault: &mut Vault,
    quiet_when_none: bool,
) -> CliResult<serde_json::Value> {
    let index = open_index(cx, vault)?;
    let runs = run_watchlists(&index, vault).map_err(|e| {
        cx.fail(
            e.to_string(),
            format!("no se pudieron ejecutar las listas de seguimiento: {e}"),
        )
    })?;
    for run in &runs {
        if let Some(skipped) = &run.error {
            eprintln!(
                "{} {}: {} {}",
                cx.t("watchlist", "lista de seguimiento"),
                run.name,
                cx.t("not run,", "no se ejecutó,"),
                skipped.message(cx.lang)
            );
        } else if run.new_hits > 0 || !quiet_when_none {
            eprintln!(
                "{} {}: {} {}",
                cx.t("watchlist", "lista de seguimiento"),
                run.name,
                run.new_hits,
                cx.t("new hits to review", "resultados nuevos por revisar")
            );
        }
    }
    Ok(json!(runs))
}

pub fn watchlist(cx: &Context, command: &WatchlistCommand) -> CliResult {
    let mut vault = cx.open()?;
    match command {
        WatchlistCommand::Add {
            name,
            query,
            purpose,
            json: json_out,
        } => {
            testimonio_search::parse(query).map_err(|e| {
                cx.fail(
                    format!(
                        "--query: at character {}: {}",
                        e.position + 1,
                        e.problem.message(Lang::En)
                    ),
                    format!(
                        "--query: en el carácter {}: {}",
                        e.position + 1,
                        e.problem.message(Lang::Es)
                    ),
                )
            })?;
            let watchlist = vault
                .add_watchlist(name, query, purpose)
                .map_err(|e| cx.vault_error(e))?;
            let runs = run_and_report(cx, &mut vault, false)?;
            if *json_out {
                print_json(&json!({ "watchlist": watchlist, "runs": runs }));
            } else {
                println!("{}", watchlist.id);
            }
        }
        WatchlistCommand::List { json: json_out } => {
            let watchlists = vault.watchlists().map_err(|e| cx.vault_error(e))?;
            if *json_out {
                print_json(&json!({ "watchlists": watchlists }));
            } else {
                for w in &watchlists {
                    println!(
                        "{}  {:<24} {:>4} {}  {}  — {}",
                        w.id,
                        w.name,
                        w.pending,
                        cx.t("pending", "pendientes"),
                        w.query,
                        w.purpose
                    );
                }
            }
        }
        WatchlistCommand::Run { json: json_out } => {
            let runs = run_and_report(cx, &mut vault, false)?;
            if *json_out {
                print_json(&json!({ "runs": runs }));
            }
        }
        WatchlistCommand::Hits {
            watchlist,
            all,
            limit,
            json: json_out,
        } => {
            let hits = vault
                .watchlist_hits(watchlist.as_deref(), !all, *limit)
                .map_err(|e| cx.vault_error(e))?;
            // Audited before the snippets (document text) are printed.
            vault
                .record_hits_view(watchlist.as_deref(), &hits)
                .map_err(|e| cx.vault_error(e))?;
            if *json_out {
                print_json(&json!({ "hits": hits }));
            } else {
                for h in &hits {
                    let place = h
                        .page
                        .map_or_else(String::new, |p| format!(" {} {p}", cx.t("page", "página")));
                    println!(
                        "{:>6}  {:<9} {}  {}{place}",
                        h.id, h.status, h.watchlist_name, h.reference
                    );
                    println!("        {}", h.snippet);
                }
            }
        }
        WatchlistCommand::Accept {
            hit,
            links: l,
            json: json_out,
        } => {
            let (tags, events, people) = links(cx, l)?;
            let excerpt = vault
                .accept_hit(*hit, tags, events, people)
                .map_err(|e| cx.vault_error(e))?;
            if *json_out {
                print_json(&json!({ "excerpt": excerpt }));
            } else {
                println!("{}  «{}»", excerpt.id, excerpt.quote);
            }
        }
        WatchlistCommand::Dismiss { hit } => {
            vault.dismiss_hit(*hit).map_err(|e| cx.vault_error(e))?;
        }
    }
    Ok(())
}

pub fn excerpt(cx: &Context, command: &ExcerptCommand) -> CliResult {
    let mut vault = cx.open()?;
    match command {
        ExcerptCommand::Add(ExcerptAddArgs {
            document,
            page,
            from,
            to,
            note,
            links: l,
            json: json_out,
        }) => {
            let (tags, events, people) = links(cx, l)?;
            let excerpt = vault
                .add_excerpt(&ExcerptParts {
                    document: document.clone(),
                    page: *page,
                    start: *from,
                    end: *to,
                    tags,
                    events,
                    people,
                    note: note.clone(),
                })
                .map_err(|e| cx.vault_error(e))?;
            if *json_out {
                print_json(&json!({ "excerpt": excerpt }));
            } else {
                println!("{}  «{}»", excerpt.id, excerpt.quote);
            }
        }
        ExcerptCommand::List {
            event,
            person,
            document,
            tag,
            json: json_out,
        } => {
            let excerpts = vault
                .excerpts(&ExcerptFilter {
                    event: event.clone(),
                    person: person.clone(),
                    document: document.clone(),
                    tag: tag.clone(),
                    id: None,
                })
                .map_err(|e| cx.vault_error(e))?;
            // The quotes are document text: audited before they are printed.
            let documents: Vec<&str> = excerpts.iter().map(|e| e.document.as_str()).collect();
            vault
                .record_text_reads(&documents)
                .map_err(|e| cx.vault_error(e))?;
            if *json_out {
                print_json(&json!({ "excerpts": excerpts }));
            } else {
                for e in &excerpts {
                    println!(
                        "{}  {} {} {}  [{}]",
                        e.id,
                        e.document,
                        cx.t("page", "página"),
                        e.page,
                        e.tags.join(", ")
                    );
                    println!("    «{}»", e.quote);
                }
            }
        }
    }
    Ok(())
}
