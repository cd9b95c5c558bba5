//! `testimonio watchlist …` and `testimonio excerpt …`.

use serde_json::json;
use testimonio_app::evidence::search::SearchFailure;
use testimonio_app::evidence::watchlists::{self, Links};
use testimonio_app::evidence::{excerpts, search};
use testimonio_domain::{ExcerptTag, RecordId};
use testimonio_i18n::tr;
use testimonio_search::WatchlistRun;
use testimonio_vault::{ExcerptFilter, ExcerptParts};

use crate::cli::{ExcerptAddArgs, ExcerptCommand, LinkArgs, WatchlistCommand};
use crate::context::{self, CliResult, Context, Failure, exit, print_json};

fn links(cx: &Context, args: &LinkArgs) -> CliResult<Links> {
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
    Ok(Links {
        tags,
        events,
        people,
    })
}

/// A search use case's failure, in the user's language.
pub fn search_failure(cx: &Context, e: &SearchFailure) -> Failure {
    match e {
        SearchFailure::App(e) => cx.app_error(e),
        other => Failure {
            status: exit::FAILURE,
            message: other.message(cx.lang),
        },
    }
}

/// Prints one line per watchlist with new hits (every watchlist unless
/// `quiet_when_none`), and one per watchlist skipped with the reason (a
/// saved query that no longer parses or is past the query language's
/// bounds); used after `ingest` too.
pub fn report_runs(cx: &Context, runs: &[WatchlistRun], quiet_when_none: bool) {
    for run in runs {
        if let Some(skipped) = &run.error {
            eprintln!(
                "{}",
                tr!(
                    cx.lang,
                    "watch-not-run",
                    name = run.name.as_str(),
                    reason = skipped.message(cx.lang)
                )
            );
        } else if run.new_hits > 0 || !quiet_when_none {
            eprintln!(
                "{}",
                tr!(
                    cx.lang,
                    "watch-new-hits",
                    name = run.name.as_str(),
                    count = run.new_hits
                )
            );
        }
    }
}

/// Runs every active watchlist and reports it (see [`report_runs`]).
pub fn run_and_report(
    cx: &Context,
    vault: &mut testimonio_vault::Vault,
    quiet_when_none: bool,
) -> CliResult<Vec<WatchlistRun>> {
    let index = search::open_index(vault).map_err(|e| search_failure(cx, &e))?;
    let runs = watchlists::run_all(vault, &index, &context::operator())
        .map_err(|e| search_failure(cx, &e))?;
    report_runs(cx, &runs, quiet_when_none);
    Ok(runs)
}

pub fn watchlist(cx: &Context, command: &WatchlistCommand) -> CliResult {
    let mut vault = cx.open()?;
    let actor = context::operator();
    let lang = cx.lang;
    match command {
        WatchlistCommand::Add {
            name,
            query,
            purpose,
            json: json_out,
        } => {
            let watchlist =
                watchlists::add(&mut vault, &actor, name, query, purpose).map_err(|e| match e {
                    SearchFailure::Query(q) => Failure {
                        status: exit::FAILURE,
                        message: tr!(lang, "watch-query-error", problem = q.message(lang)),
                    },
                    other => search_failure(cx, &other),
                })?;
            let runs = run_and_report(cx, &mut vault, false)?;
            if *json_out {
                print_json(&json!({ "watchlist": watchlist, "runs": runs }));
            } else {
                println!("{}", watchlist.id);
            }
        }
        WatchlistCommand::List { json: json_out } => {
            let watchlists = watchlists::list(&mut vault, &actor).map_err(|e| cx.app_error(&e))?;
            if *json_out {
                print_json(&json!({ "watchlists": watchlists }));
            } else {
                for w in &watchlists {
                    println!(
                        "{}  {:<24} {}  {}  — {}",
                        w.id,
                        w.name,
                        tr!(lang, "watch-pending", count = w.pending),
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
            // Audited by the use case before the snippets are printed.
            let hits = watchlists::hits(&mut vault, &actor, watchlist.as_deref(), *all, *limit)
                .map_err(|e| cx.app_error(&e))?;
            if *json_out {
                print_json(&json!({ "hits": hits }));
            } else {
                for h in &hits {
                    let place = h.page.map_or_else(String::new, |p| {
                        format!(" {}", tr!(lang, "search-hit-page", page = p))
                    });
                    println!(
                        "{:>6}  {:<9} {}  {}{place}",
                        h.id,
                        tr!(lang, "watch-hit-status", status = h.status.as_str()),
                        h.watchlist_name,
                        h.reference
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
            let links = links(cx, l)?;
            let excerpt = watchlists::accept(&mut vault, &actor, *hit, links)
                .map_err(|e| cx.app_error(&e))?;
            if *json_out {
                print_json(&json!({ "excerpt": excerpt }));
            } else {
                println!("{}  «{}»", excerpt.id, excerpt.quote);
            }
        }
        WatchlistCommand::Dismiss { hit } => {
            watchlists::dismiss(&mut vault, &actor, *hit).map_err(|e| cx.app_error(&e))?;
        }
    }
    Ok(())
}

pub fn excerpt(cx: &Context, command: &ExcerptCommand) -> CliResult {
    let mut vault = cx.open()?;
    let actor = context::operator();
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
            let links = links(cx, l)?;
            let excerpt = excerpts::add(
                &mut vault,
                &actor,
                &ExcerptParts {
                    document: document.clone(),
                    page: *page,
                    start: *from,
                    end: *to,
                    tags: links.tags,
                    events: links.events,
                    people: links.people,
                    note: note.clone(),
                },
            )
            .map_err(|e| cx.app_error(&e))?;
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
            // The quotes are document text: audited by the use case first.
            let excerpts = excerpts::list(
                &mut vault,
                &actor,
                &ExcerptFilter {
                    event: event.clone(),
                    person: person.clone(),
                    document: document.clone(),
                    tag: tag.clone(),
                    id: None,
                },
            )
            .map_err(|e| cx.app_error(&e))?;
            if *json_out {
                print_json(&json!({ "excerpts": excerpts }));
            } else {
                for e in &excerpts {
                    let tags: Vec<String> = e
                        .tags
                        .iter()
                        .map(|t| {
                            ExcerptTag::parse("tag", t)
                                .map_or_else(|_| t.clone(), |tag| tag.label(cx.lang).to_owned())
                        })
                        .collect();
                    println!(
                        "{}  {}  [{}]",
                        e.id,
                        tr!(
                            cx.lang,
                            "excerpt-page",
                            document = e.document.as_str(),
                            page = e.page
                        ),
                        tags.join(", ")
                    );
                    println!("    «{}»", e.quote);
                }
            }
        }
    }
    Ok(())
}
