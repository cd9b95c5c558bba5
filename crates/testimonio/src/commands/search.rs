//! `testimonio search` and `testimonio reindex`.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use serde_json::json;
use testimonio_app::evidence::search;
use testimonio_i18n::{format, tr};
use testimonio_search::HitKind;

use crate::cli::SearchArgs;
use crate::commands::watch::search_failure;
use crate::context::{self, CliResult, Context, print_json};

pub fn run(cx: &Context, args: &SearchArgs) -> CliResult {
    let lang = cx.lang;
    let mut vault = cx.open()?;
    let index = search::open_index(&mut vault).map_err(|e| search_failure(cx, &e))?;
    // Audited by the use case before the snippets (document text) are printed.
    let results = search::search(
        &mut vault,
        &index,
        &context::operator(),
        &args.query,
        args.offset,
        args.limit,
    )
    .map_err(|e| search_failure(cx, &e))?;
    if args.json {
        print_json(&results);
        return Ok(());
    }
    let (open, close) = if std::io::stdout().is_terminal() {
        ("\x1b[1;4m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    // Each document's own date, read once per document shown: the date the
    // results are filtered by, with where it was read, so a reader can
    // weigh it (document listings are read by every role, unaudited).
    let mut dates = BTreeMap::new();
    for hit in &results.hits {
        if hit.kind == HitKind::Page && !dates.contains_key(&hit.id) {
            let info = vault.document(&hit.id).map_err(|e| cx.vault_error(e))?;
            dates.insert(hit.id.clone(), info.date);
        }
    }
    for (i, hit) in results.hits.iter().enumerate() {
        let place = match (hit.kind, hit.page) {
            (HitKind::Page, Some(page)) => tr!(lang, "search-hit-page", page = page),
            _ => tr!(lang, "search-hit-event").to_owned(),
        };
        let dated = match dates.get(&hit.id) {
            Some(Some(date)) => format!(
                "  {}",
                tr!(
                    lang,
                    "search-hit-date",
                    date = format::day(lang, date.date),
                    source = date.source.label(lang)
                )
            ),
            _ => String::new(),
        };
        println!(
            "{:>4}. {}  {place}{dated}  [{}]",
            format::number(lang, (results.offset + i + 1) as u64),
            hit.id,
            format::decimal(lang, f64::from(hit.score), 2)
        );
        println!("      {}", hit.snippet.marked(open, close));
    }
    let shown_to = results.offset + results.hits.len();
    let from = if results.hits.is_empty() {
        0
    } else {
        results.offset + 1
    };
    println!(
        "{}",
        tr!(
            lang,
            "search-results-range",
            from = from,
            to = shown_to,
            total = results.total
        )
    );
    if !results.facets.source.is_empty() {
        println!(
            "{}",
            tr!(
                lang,
                "search-by-source",
                facets = facets(cx, &results.facets.source)
            )
        );
    }
    if !results.facets.year.is_empty() {
        println!(
            "{}",
            tr!(
                lang,
                "search-by-year",
                facets = facets(cx, &results.facets.year)
            )
        );
    }
    Ok(())
}

/// `foia_production 12, news 3`.
fn facets<K: std::fmt::Display>(cx: &Context, counts: &BTreeMap<K, u64>) -> String {
    counts
        .iter()
        .map(|(k, v)| format!("{k} {}", format::number(cx.lang, *v)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn reindex(cx: &Context, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let (index, done) =
        search::reindex(&mut vault, &context::operator()).map_err(|e| search_failure(cx, &e))?;
    if json_out {
        print_json(&json!({ "entries": index.entries(), "written": done.entries_written }));
    } else {
        println!(
            "{}",
            tr!(cx.lang, "search-reindexed", count = index.entries())
        );
    }
    Ok(())
}
