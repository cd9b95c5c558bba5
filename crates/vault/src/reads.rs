//! Audited reads of document text, and audited searches.
//!
//! Page images and originals are audited on every read (`document_bytes`,
//! `read_document`). Text is read far more often — a page view, a search
//! result's snippet, a quote on an event page — so a text read is audited
//! once per account and document per hour: the first read writes a
//! `document_read` entry with detail `text`, and reads of the same
//! document by the same account within the next hour write nothing more.
//! The memory of what was audited is kept in [`TextReads`], shared by
//! every handle on one open vault and lost with it (a restart, or a
//! locked vault, audits the next read again). A new process — each run of
//! the command line — audits every read.
//!
//! Each view of search results (and of watchlist hits) writes its own
//! `search` entry: the number of results and the ids of the documents and
//! events shown. The query itself is not written: it can name a person,
//! and audit entries hold ids and counts only (they are shown to
//! administrators, printed by `testimonio audit log`). Instead the entry
//! holds the query's fingerprint, a BLAKE3 hash keyed by a subkey of the
//! audit key: the same query always has the same fingerprint in one
//! vault, so repeated searches show, and whoever holds the vault can tell
//! whether a given query was made ([`Vault::query_fingerprint`]); without
//! the key, nobody can test guesses against the log.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::audit::AuditAction;
use crate::error::Result;
use crate::excerpts::WatchlistHit;
use crate::ingest::PageText;
use crate::vault::Vault;

/// How long one audited text read covers later reads of the same
/// document by the same account.
pub const TEXT_READ_WINDOW: Duration = Duration::from_secs(3600);

/// Most (account, document) pairs remembered. Past it, the expired ones
/// are dropped, and if that is not enough, all are: forgetting only means
/// more audit entries, never fewer.
const TEXT_READS_KEPT: usize = 100_000;

/// Which (account, document) text reads were audited, and when.
#[derive(Debug, Default)]
pub(crate) struct TextReads {
    seen: Mutex<HashMap<(String, String), Instant>>,
}

impl TextReads {
    fn seen(&self) -> MutexGuard<'_, HashMap<(String, String), Instant>> {
        // A panic elsewhere while holding the lock leaves a valid map.
        self.seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The documents of `documents` that `actor` has not read within the
    /// window before `now`, marked as read at `now`, in the given order,
    /// each once.
    fn claim(&self, actor: &str, documents: &[&str], now: Instant) -> Vec<String> {
        let mut seen = self.seen();
        if seen.len() >= TEXT_READS_KEPT {
            seen.retain(|_, at| now.saturating_duration_since(*at) < TEXT_READ_WINDOW);
            if seen.len() >= TEXT_READS_KEPT {
                seen.clear();
            }
        }
        let mut claimed = Vec::new();
        for document in documents {
            let key = (actor.to_owned(), (*document).to_owned());
            let fresh = seen
                .get(&key)
                .is_some_and(|at| now.saturating_duration_since(*at) < TEXT_READ_WINDOW);
            if !fresh {
                seen.insert(key, now);
                claimed.push((*document).to_owned());
            }
        }
        claimed
    }

    /// Forgets claims whose audit entries could not be written, so that
    /// the next read tries again.
    fn release(&self, actor: &str, documents: &[String]) {
        let mut seen = self.seen();
        for document in documents {
            seen.remove(&(actor.to_owned(), document.clone()));
        }
    }
}

/// Each id once, in order of first appearance.
fn distinct<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

impl Vault {
    /// One page's text, for a person to read: audited as a text read of
    /// the document (see [`Vault::record_text_reads`]) before it is
    /// returned. A page that does not exist is not audited.
    ///
    /// # Errors
    /// Database errors; stored word boxes that no longer parse.
    pub fn read_page_text(&mut self, document: &str, page: u32) -> Result<Option<PageText>> {
        let Some(text) = self.document_page(document, page)? else {
            return Ok(None);
        };
        self.record_text_reads(&[document])?;
        Ok(Some(text))
    }

    /// Records that text of `documents` (a page, snippets, quotes) is
    /// about to be shown to the acting account: one `document_read` entry
    /// (detail `text`) per document not already audited for this account
    /// within [`TEXT_READ_WINDOW`], all in one transaction. Call before
    /// the text leaves; if this fails, it must not leave.
    ///
    /// # Errors
    /// Database errors (nothing is remembered as audited then).
    pub fn record_text_reads(&mut self, documents: &[&str]) -> Result<()> {
        let actor = self.actor().as_str().to_owned();
        let reads = self.text_reads();
        let claimed = reads.claim(&actor, &distinct(documents.iter().copied()), Instant::now());
        if claimed.is_empty() {
            return Ok(());
        }
        let written = self.write(|v, tx| {
            for document in &claimed {
                v.audit(
                    tx,
                    AuditAction::DocumentRead,
                    &format!("document:{document}"),
                    "text",
                )?;
            }
            Ok(())
        });
        if written.is_err() {
            reads.release(&actor, &claimed);
        }
        written
    }

    /// The fingerprint of a search query in this vault's audit log: a
    /// keyed hash (128 bits, hex) of the query as typed, spaces at the
    /// ends aside. Whoever holds the vault can compute it for a query to
    /// find the searches that used it; the log never holds the query.
    pub fn query_fingerprint(&self, query: &str) -> String {
        let key = self
            .keys()
            .audit
            .derive("testimonio 2026 audit query fingerprint v1");
        let hash = blake3::keyed_hash(key.bytes(), query.trim().as_bytes());
        hex::encode(&hash.as_bytes()[..16])
    }

    /// Records one view of search results, before they are shown: a
    /// `search` entry with the query's fingerprint, the offset, the total
    /// number of results, and the ids of the documents and events whose
    /// snippets are shown.
    ///
    /// # Errors
    /// Database errors.
    pub fn record_search(
        &mut self,
        query: &str,
        offset: usize,
        total: u64,
        documents: &[&str],
        events: &[&str],
    ) -> Result<()> {
        let detail = format!(
            "query={} offset={offset} results={total} documents={} events={}",
            self.query_fingerprint(query),
            distinct(documents.iter().copied()).join(","),
            distinct(events.iter().copied()).join(","),
        );
        self.write(|v, tx| v.audit(tx, AuditAction::Search, "search", &detail))
    }

    /// Records one view of watchlist hits (of one watchlist, or all),
    /// before their snippets are shown: a `search` entry with the number
    /// of hits and the ids of their documents and events.
    ///
    /// # Errors
    /// Database errors.
    pub fn record_hits_view(
        &mut self,
        watchlist: Option<&str>,
        hits: &[WatchlistHit],
    ) -> Result<()> {
        let of_kind = |kind: &str| {
            distinct(
                hits.iter()
                    .filter(|h| h.kind == kind)
                    .map(|h| h.reference.as_str()),
            )
            .join(",")
        };
        let object = watchlist.map_or_else(
            || "watchlist_hits".to_owned(),
            |id| format!("watchlist:{id}"),
        );
        let detail = format!(
            "hits={} documents={} events={}",
            hits.len(),
            of_kind("page"),
            of_kind("event"),
        );
        self.write(|v, tx| v.audit(tx, AuditAction::Search, &object, &detail))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_read_is_claimed_once_per_account_and_document_per_hour() {
        let reads = TextReads::default();
        let t0 = Instant::now();
        assert_eq!(reads.claim("web:a", &["d1", "d2"], t0), ["d1", "d2"]);
        // Again within the hour: nothing; another account: its own.
        let later = t0 + Duration::from_secs(3599);
        assert!(reads.claim("web:a", &["d1", "d2"], later).is_empty());
        assert_eq!(reads.claim("web:b", &["d1"], later), ["d1"]);
        // An hour after the first: audited again.
        let next_hour = t0 + TEXT_READ_WINDOW;
        assert_eq!(reads.claim("web:a", &["d2", "d1"], next_hour), ["d2", "d1"]);
        // A claim released (its entry not written) is claimed again.
        reads.release("web:a", &["d1".to_owned()]);
        assert_eq!(reads.claim("web:a", &["d1", "d2"], next_hour), ["d1"]);
    }

    #[test]
    fn the_memory_of_reads_is_bounded() {
        let reads = TextReads::default();
        let t0 = Instant::now();
        for i in 0..TEXT_READS_KEPT {
            reads.claim("web:a", &[&format!("d{i}")], t0);
        }
        // Full of fresh claims: forgotten, so the next reads are audited.
        let soon = t0 + Duration::from_secs(1);
        assert_eq!(reads.claim("web:a", &["d0"], soon), ["d0"]);
        assert_eq!(reads.seen().len(), 1);
    }

    #[test]
    fn ids_are_listed_once_in_order() {
        assert_eq!(distinct(["b", "a", "b", "c", "a"]), ["b", "a", "c"]);
    }
}
