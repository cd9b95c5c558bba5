//! Watchlists: saved queries run after every ingest and on request, and
//! the review of their hits (accepted as an excerpt, or dismissed).

use testimonio_domain::{ExcerptTag, RecordId};
use testimonio_search::{SearchIndex, WatchlistRun, run_watchlists};
use testimonio_vault::{Excerpt, Vault, Watchlist, WatchlistHit};

use super::require_writer;
use super::search::{SearchFailure, check_query};
use crate::{Actor, AppResult, act_as};

/// Every watchlist, with its count of pending hits.
///
/// # Errors
/// Vault errors.
pub fn list(vault: &mut Vault, actor: &Actor) -> AppResult<Vec<Watchlist>> {
    act_as(vault, actor)?;
    Ok(vault.watchlists()?)
}

/// Saves a watchlist owned by the actor. The query is checked first: a
/// saved query that cannot run would only ever be skipped.
///
/// # Errors
/// [`SearchFailure::Query`] for a malformed query; `Forbidden` for a role
/// that only reads; an empty name or purpose (refused by the vault).
pub fn add(
    vault: &mut Vault,
    actor: &Actor,
    name: &str,
    query: &str,
    purpose: &str,
) -> Result<Watchlist, SearchFailure> {
    require_writer(actor)?;
    act_as(vault, actor)?;
    if !query.trim().is_empty() {
        check_query(query).map_err(SearchFailure::Query)?;
    }
    Ok(vault.add_watchlist(name, query, purpose)?)
}

/// Runs every active watchlist against `index`, recording new hits as
/// pending. A saved query that no longer parses, is past the query
/// language's bounds or whose search fails is skipped, its run saying why.
///
/// # Errors
/// Index and vault errors.
pub fn run_all(
    vault: &mut Vault,
    index: &SearchIndex,
    actor: &Actor,
) -> Result<Vec<WatchlistRun>, SearchFailure> {
    act_as(vault, actor)?;
    Ok(run_watchlists(index, vault)?)
}

/// Hits to review, newest first (of one watchlist, or all; pending only
/// unless `all`), audited as a view of document text before they are
/// returned (their snippets quote pages).
///
/// # Errors
/// Vault errors.
pub fn hits(
    vault: &mut Vault,
    actor: &Actor,
    watchlist: Option<&str>,
    all: bool,
    limit: u32,
) -> AppResult<Vec<WatchlistHit>> {
    act_as(vault, actor)?;
    let hits = vault.watchlist_hits(watchlist, !all, limit)?;
    vault.record_hits_view(watchlist, &hits)?;
    Ok(hits)
}

/// What an accepted hit's excerpt is tied to.
#[derive(Debug, Clone, Default)]
pub struct Links {
    pub tags: Vec<ExcerptTag>,
    pub events: Vec<RecordId>,
    pub people: Vec<RecordId>,
}

/// Accepts a pending hit: the sentence around its match becomes an
/// excerpt, tagged and linked; the excerpt records which watchlist it came
/// from ([`Excerpt::from_watchlist`]).
///
/// # Errors
/// `Forbidden` for a role that only reads; an unknown or already reviewed
/// hit (`Conflict`); a hit on an event narrative; unknown events or people.
pub fn accept(vault: &mut Vault, actor: &Actor, hit: i64, links: Links) -> AppResult<Excerpt> {
    require_writer(actor)?;
    act_as(vault, actor)?;
    Ok(vault.accept_hit(hit, links.tags, links.events, links.people)?)
}

/// Dismisses a pending hit.
///
/// # Errors
/// `Forbidden` for a role that only reads; `NotFound` for an unknown hit;
/// `Conflict` for one already reviewed.
pub fn dismiss(vault: &mut Vault, actor: &Actor, hit: i64) -> AppResult<()> {
    require_writer(actor)?;
    act_as(vault, actor)?;
    // An unknown hit is not found, not a conflict.
    vault.watchlist_hit(hit)?;
    Ok(vault.dismiss_hit(hit)?)
}
