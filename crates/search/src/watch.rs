//! Running watchlists: each active saved query is searched again and the
//! hits not seen before are queued for review in the vault.

use serde::Serialize;
use testimonio_vault::{NewHit, Vault};

use crate::index::{HitKind, IndexError, SearchError, SearchIndex};

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
    /// The saved query no longer parses (the language changed): say so.
    pub error: Option<String>,
}

/// Runs every active watchlist against the index.
///
/// # Errors
/// Index or vault errors (a malformed saved query is reported in its run).
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
            let results = match index.search(vault, &watchlist.query, offset, 500) {
                Ok(results) => results,
                Err(SearchError::Query(e)) => {
                    run.error = Some(e.to_string());
                    break;
                }
                Err(SearchError::Index(e)) => return Err(e),
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
