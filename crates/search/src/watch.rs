//! Running watchlists: each active saved query is searched again and the
//! hits not seen before are queued for review in the vault.
//!
//! A saved query is read again at every run, with today's bounds: one that
//! no longer parses or goes past them (saved by an older version, or
//! written to the vault by other means) is reported with its reason and
//! skipped, and the other watchlists run. So is one whose search panics.

use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::{Serialize, Serializer};
use testimonio_domain::Lang;
use testimonio_vault::{NewHit, Vault};

use crate::index::{HitKind, IndexError, SearchError, SearchIndex, SearchResults};
use crate::query::QueryError;

/// Most hits one run records per watchlist (the best-scoring ones); a
/// query that matches more should be narrowed.
pub const MAX_HITS_PER_RUN: usize = 2_000;

/// What one watchlist's run found.
#[derive(Debug, Clone, Serialize)]
pub struct WatchlistRun {
    pub id: String,
    pub name: String,
    pub matches: u64,
    pub new_hits: usize,
    /// Why the watchlist was not run, if it was not (in JSON, the reason
    /// in English).
    pub error: Option<Skipped>,
}

/// Why a watchlist was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// Its saved query is malformed or past the bounds of the query
    /// language: where and why.
    Query(QueryError),
    /// Its search failed (a panic, caught): not the query's author's fault.
    Failed,
}

impl Skipped {
    /// The reason in `lang`: "at character N: …" for a query.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Skipped::Query(e) => e.message(lang),
            Skipped::Failed => testimonio_i18n::tr!(lang, "search-could-not-run").to_owned(),
        }
    }
}

impl Serialize for Skipped {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.message(Lang::En))
    }
}

/// Runs every active watchlist against the index.
///
/// # Errors
/// Index or vault errors. A saved query that is malformed or past the
/// bounds, or whose search panics, is reported in its run and skipped.
pub fn run_watchlists(
    index: &SearchIndex,
    vault: &mut Vault,
) -> Result<Vec<WatchlistRun>, IndexError> {
    let mut runs = Vec::new();
    for watchlist in vault.watchlists()?.into_iter().filter(|w| w.active) {
        let mut run = WatchlistRun {
            id: watchlist.id.clone(),
            name: watchlist.name.clone(),
            matches: 0,
            new_hits: 0,
            error: None,
        };
        let mut hits = Vec::new();
        let mut offset = 0;
        loop {
            let results = match search(index, vault, &watchlist.query, offset) {
                Ok(Ok(results)) => results,
                Ok(Err(SearchError::Query(e))) => {
                    run.error = Some(Skipped::Query(e));
                    break;
                }
                Ok(Err(SearchError::Index(e))) => return Err(e),
                Err(()) => {
                    run.error = Some(Skipped::Failed);
                    break;
                }
            };
            run.matches = results.total;
            let got = results.hits.len();
            for hit in results.hits {
                hits.push(NewHit {
                    kind: match hit.kind {
                        HitKind::Page => "page",
                        HitKind::Event => "event",
                    },
                    reference: hit.id,
                    page: hit.page,
                    snippet: hit.snippet.marked("«", "»"),
                    match_range: hit.snippet.first_match,
                });
            }
            offset += got;
            if got == 0 || offset >= MAX_HITS_PER_RUN || offset as u64 >= results.total {
                break;
            }
        }
        if run.error.is_none() {
            run.new_hits = vault.record_watchlist_run(&watchlist.id, &hits)?;
        }
        runs.push(run);
    }
    Ok(runs)
}

/// One page of a watchlist's hits; `Err(())` if the search panicked (the
/// index and the vault are only read, so the next watchlist can run).
fn search(
    index: &SearchIndex,
    vault: &Vault,
    query: &str,
    offset: usize,
) -> Result<Result<SearchResults, SearchError>, ()> {
    catch_unwind(AssertUnwindSafe(|| index.search(vault, query, offset, 500))).map_err(|_| ())
}
