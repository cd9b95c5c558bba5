//! `testimonio search` and `testimonio reindex`.

use std::io::IsTerminal;

use serde_json::json;
use testimonio_search::{HitKind, SearchError, SearchIndex};
use testimonio_vault::Vault;

use crate::cli::SearchArgs;
use crate::context::{CliResult, Context, Failure, print_json};

/// Opens the vault's index and brings it up to date.
pub fn open_index(cx: &Context, vault: &mut Vault) -> CliResult<SearchIndex> {
    let index_failure = |e: testimonio_search::IndexError| {
        cx.fail(
            e.to_string(),
            format!("índice de búsqueda: {e} (ejecute `testimonio reindex`)"),
        )
    };
    SearchIndex::open_current(vault).map_err(index_failure)
}

pub fn run(cx: &Context, args: &SearchArgs) -> CliResult {
    let mut vault = cx.open()?;
    let index = open_index(cx, &mut vault)?;
    let results = index
        .search(&vault, &args.query, args.offset, args.limit)
        .map_err(|e| search_failure(cx, &e))?;
    // Audited before the snippets (document text) are printed.
    let of_kind = |kind: HitKind| -> Vec<&str> {
        results
            .hits
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.id.as_str())
            .collect()
    };
    vault
        .record_search(
            &args.query,
            results.offset,
            results.total,
            &of_kind(HitKind::Page),
            &of_kind(HitKind::Event),
        )
        .map_err(|e| cx.vault_error(e))?;
    if args.json {
        print_json(&results);
        return Ok(());
    }
    let (open, close) = if std::io::stdout().is_terminal() {
        ("\x1b[1;4m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    for (i, hit) in results.hits.iter().enumerate() {
        let place = match (hit.kind, hit.page) {
            (HitKind::Page, Some(page)) => format!("{}  {} {page}", hit.id, cx.t("page", "página")),
            _ => format!(
                "{}  ({})",
                hit.id,
                cx.t("event narrative", "relato del evento")
            ),
        };
        println!("{:>4}. {place}  [{:.2}]", args.offset + i + 1, hit.score);
        println!("      {}", hit.snippet.marked(open, close));
    }
    let shown_to = args.offset + results.hits.len();
    println!(
        "{} {}–{} {} {}",
        cx.t("results", "resultados"),
        if results.hits.is_empty() {
            0
        } else {
            args.offset + 1
        },
        shown_to,
        cx.t("of", "de"),
        results.total
    );
    if !results.facets.source.is_empty() {
        let facets: Vec<String> = results
            .facets
            .source
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        println!("{}: {}", cx.t("by source", "por origen"), facets.join(", "));
    }
    if !results.facets.year.is_empty() {
        let facets: Vec<String> = results
            .facets
            .year
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        println!("{}: {}", cx.t("by year", "por año"), facets.join(", "));
    }
    Ok(())
}

fn search_failure(cx: &Context, e: &SearchError) -> Failure {
    use testimonio_domain::Lang;
    Failure::new(cx.lang, e.user_message(Lang::En), e.user_message(Lang::Es))
}

pub fn reindex(cx: &Context, json_out: bool) -> CliResult {
    let mut vault = cx.open()?;
    let (index, done) = SearchIndex::rebuild(&mut vault).map_err(|e| {
        cx.fail(
            e.to_string(),
            format!("no se pudo reconstruir el índice de búsqueda: {e}"),
        )
    })?;
    if json_out {
        print_json(&json!({ "entries": index.entries(), "written": done.entries_written }));
    } else {
        println!(
            "{}: {} {}",
            cx.t("search index rebuilt", "índice de búsqueda reconstruido"),
            index.entries(),
            cx.t("pages and narratives", "páginas y relatos")
        );
    }
    Ok(())
}
