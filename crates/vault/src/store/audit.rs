//! The audit log: a hash-chained record of every write and every read of
//! identities and document text, and the entries of reads that happen
//! outside the store (searches, hit lists, locks).

use crate::audit::{AuditEntry, ChainFault};
use crate::error::Result;
use crate::excerpts::WatchlistHit;
use crate::vault::FailedUnlock;

/// The append-only, hash-chained audit log. Every entry is keyed to the
/// previous one, so a removed, altered or reordered entry is found by
/// [`AuditLog::verify_audit_chain`]. Entries hold ids, counts and keyed
/// fingerprints, never content or search terms.
pub trait AuditLog {
    /// The newest `limit` entries, in the order they were written. Not
    /// itself audited.
    ///
    /// # Errors
    /// Database errors.
    fn audit_tail(&self, limit: usize) -> Result<Vec<AuditEntry>>;

    /// Walks the whole chain from the first entry: how many entries, and
    /// every fault found (an empty list means the chain is intact).
    ///
    /// # Errors
    /// Database errors (faults in the chain are not errors).
    fn verify_audit_chain(&self) -> Result<(usize, Vec<ChainFault>)>;

    /// The keyed fingerprint of a search query (128 bits, hex) as this log
    /// records it: whoever holds the store can find the searches that used
    /// a query; the log never holds the query.
    fn query_fingerprint(&self, query: &str) -> String;

    /// Records one view of search results before they are shown: the
    /// query's fingerprint, the offset, the total, and the ids of the
    /// documents and events whose snippets are shown.
    ///
    /// # Errors
    /// Database errors; the results must not be shown then.
    fn record_search(
        &mut self,
        query: &str,
        offset: usize,
        total: u64,
        documents: &[&str],
        events: &[&str],
    ) -> Result<()>;

    /// Records one view of watchlist hits (of one watchlist, or all) before
    /// their snippets are shown.
    ///
    /// # Errors
    /// Database errors; the hits must not be shown then.
    fn record_hits_view(&mut self, watchlist: Option<&str>, hits: &[WatchlistHit]) -> Result<()>;

    /// Records that a server is about to drop its keys, and ends every web
    /// session in the same transaction.
    ///
    /// # Errors
    /// Database errors.
    fn record_lock(&mut self) -> Result<()>;

    /// Records that a server reopened the store after a lock, ending any
    /// web session left from before it, in the same transaction.
    ///
    /// # Errors
    /// Database errors.
    fn record_unlock(&mut self) -> Result<()>;

    /// As [`AuditLog::record_unlock`], first recording the attempts that
    /// failed while the store was locked (kept in memory then), all in one
    /// transaction; `not_itemized` counts those beyond the ones kept.
    ///
    /// # Errors
    /// Database errors.
    fn record_unlock_after(&mut self, failed: &[FailedUnlock], not_itemized: u64) -> Result<()>;
}
