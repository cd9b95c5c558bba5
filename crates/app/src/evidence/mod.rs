//! Evidence: ingest, documents, search, watchlists and excerpts.
//!
//! Each use case takes the [`Actor`](crate::Actor) doing it, makes it the
//! vault's audit actor, and keeps the invariant of its area here once:
//! document text (pages, snippets, quotes, hits) is audited before it is
//! returned, so a front end can only show what the audit log already
//! records; one bad file never stops an ingest run; a malformed query is a
//! typed error that says where and why.

pub mod documents;
pub mod excerpts;
pub mod ingest;
pub mod marks;
pub mod mentions;
pub mod redaction;
pub mod search;
pub mod strip;
pub mod upload;
pub mod watchlists;

#[cfg(test)]
mod tests;

pub use documents::{DocumentList, DocumentView};
pub use excerpts::ExcerptOrigin;
pub use ingest::{IngestRun, IngestTotals};
pub use search::{SearchFailure, SearchPage};

use crate::{Actor, AppError, AppResult};

/// Refuses a change to the actor whose role only reads.
pub(crate) fn require_writer(actor: &Actor) -> AppResult<()> {
    if actor.role().can_write_records() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
