//! Search: one results page of the vault's index, audited before the
//! snippets (document text) are returned.

use testimonio_domain::Lang;
use testimonio_search::{
    CatchUp, HitKind, IndexError, QueryError, SearchError, SearchIndex, SearchResults,
};
use testimonio_vault::{Vault, VaultError};

use testimonio_i18n::tr;

use crate::{Actor, AppError, act_as};

/// Why a search (or a saved query) was refused: the query, or the rest.
#[derive(Debug, thiserror::Error)]
pub enum SearchFailure {
    /// The query is malformed or past the language's bounds: where and why.
    #[error("query: {0}")]
    Query(QueryError),
    /// Another process is updating the index: try again when it is done.
    #[error("the search index is busy")]
    IndexBusy,
    /// Anything else, typed as every use case's errors are.
    #[error(transparent)]
    App(#[from] AppError),
}

impl SearchFailure {
    /// The message for the user, in `lang`, from the catalog: for a query,
    /// "at character N: reason".
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SearchFailure::Query(e) => e.message(lang),
            SearchFailure::IndexBusy => tr!(lang, "search-index-busy").to_owned(),
            SearchFailure::App(e) => e.message(lang),
        }
    }
}

impl From<VaultError> for SearchFailure {
    fn from(e: VaultError) -> Self {
        SearchFailure::App(e.into())
    }
}

impl From<SearchError> for SearchFailure {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Query(q) => SearchFailure::Query(q),
            SearchError::Index(e) => e.into(),
        }
    }
}

impl From<IndexError> for SearchFailure {
    /// Never the user's fault: busy, a vault error, or internal.
    fn from(e: IndexError) -> Self {
        match e {
            IndexError::Busy => SearchFailure::IndexBusy,
            IndexError::Vault(v) => SearchFailure::App(v.into()),
            other => SearchFailure::App(AppError::internal(other)),
        }
    }
}

/// One results page.
pub type SearchPage = SearchResults;

/// Opens the vault's index and brings it up to date with the vault.
///
/// # Errors
/// [`SearchFailure::IndexBusy`], or [`AppError::Internal`] when the index
/// cannot be opened or updated.
pub fn open_index(vault: &mut Vault) -> Result<SearchIndex, SearchFailure> {
    Ok(SearchIndex::open_current(vault)?)
}

/// Rebuilds the index from the vault.
///
/// # Errors
/// [`SearchFailure::IndexBusy`], or [`AppError::Internal`] when the index
/// cannot be written.
pub fn reindex(vault: &mut Vault, actor: &Actor) -> Result<(SearchIndex, CatchUp), SearchFailure> {
    act_as(vault, actor)?;
    Ok(SearchIndex::rebuild(vault)?)
}

/// Results `offset..offset+limit` of `query`. The results page is audited
/// (`Vault::record_search`: the query's keyed fingerprint, the total, the
/// documents and events shown) before it is returned.
///
/// # Errors
/// [`SearchFailure::Query`] for a malformed query; index and vault errors.
pub fn search(
    vault: &mut Vault,
    index: &SearchIndex,
    actor: &Actor,
    query: &str,
    offset: usize,
    limit: usize,
) -> Result<SearchPage, SearchFailure> {
    act_as(vault, actor)?;
    // Past the last entry there is nothing; the offset cannot ask the
    // index for more room than it has entries.
    let offset = offset.min(usize::try_from(index.entries()).unwrap_or(usize::MAX));
    let results = index.search(vault, query, offset, limit)?;
    let of_kind = |kind: HitKind| -> Vec<&str> {
        results
            .hits
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.id.as_str())
            .collect()
    };
    vault.record_search(
        query,
        results.offset,
        results.total,
        &of_kind(HitKind::Page),
        &of_kind(HitKind::Event),
    )?;
    Ok(results)
}

/// Checks a query without running it.
///
/// # Errors
/// The query's problem, where and why.
pub fn check_query(query: &str) -> Result<(), QueryError> {
    testimonio_search::parse(query).map(|_| ())
}
