//! Page-cited search over a vault: every document page and event
//! narrative in a full-text index (tantivy) whose files are sealed with a
//! vault key, kept up to date from the vault's change queue, queried with
//! a small language (words, phrases, proximity, prefix, fuzzy, boolean,
//! filters), answered with page numbers, highlighted snippets and facets.

pub mod compile;
pub mod directory;
pub mod highlight;
pub mod index;
pub mod query;
pub mod schema;
pub mod stemming;
pub mod watch;

pub use highlight::{Fragment, Snippet};
pub use index::{
    CatchUp, Facets, Hit, HitKind, IndexError, SearchError, SearchIndex, SearchResults, index_dir,
};
pub use query::{QueryError, QueryProblem, parse};
pub use watch::{Skipped, WatchlistRun, run_watchlists};
