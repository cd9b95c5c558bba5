//! People mentioned in evidence: the scan's queue and reads, the hits it
//! stores, their audited reads and their review.

use testimonio_domain::RecordId;

use crate::error::Result;
use crate::mentions::{
    Mention, MentionScan, MentionStatus, MentionTarget, ScanPage, WatchedPerson,
};

/// The mention scan's storage. Hits name a person and a page, never the
/// text that matched; reading them is an identity read of each person.
pub trait MentionStore {
    /// What the scan has still to read, after `after`, oldest first: pages
    /// written and people whose legal name, aliases or A-number were
    /// written (queued in the transaction of the change).
    ///
    /// # Errors
    /// Database errors; a stored row that does not parse.
    fn mention_queue(&self, after: i64, limit: u32) -> Result<Vec<(i64, MentionTarget)>>;

    /// The watched fields of every person who has any (or of `only`). For
    /// the scan alone, which shows nothing: not audited by itself (the
    /// stored scan is).
    ///
    /// # Errors
    /// Database errors; a stored value that no longer parses.
    fn watched_people(&self, only: Option<&[RecordId]>) -> Result<Vec<WatchedPerson>>;

    /// Stored pages after `after` (document, page), in that order, at most
    /// `limit`, with their text, for the scan.
    ///
    /// # Errors
    /// Database errors.
    fn scan_pages_after(&self, after: Option<(&str, u32)>, limit: u32) -> Result<Vec<ScanPage>>;

    /// One page's text for the scan; `None` when it is gone.
    ///
    /// # Errors
    /// Database errors.
    fn scan_page(&self, document: &str, page: u32) -> Result<Option<ScanPage>>;

    /// Stores a scan atomically: new hits (one seen before, in any state,
    /// is kept as it is), a rescanned person's pending hits not found again
    /// removed, the queue through `scan.through` removed, one
    /// `identity_read` entry of `mentions:scan` with counts when anything
    /// was read. Returns how many hits are new.
    ///
    /// # Errors
    /// Database errors.
    fn record_mention_scan(&mut self, scan: &MentionScan) -> Result<usize>;

    /// The ids of people with hits (pending ones only with
    /// `pending_only`). Not audited: no hit is read.
    ///
    /// # Errors
    /// Database errors.
    fn mentioned_people(&self, pending_only: bool) -> Result<Vec<RecordId>>;

    /// The hits of `people`, newest first, at most `limit`; one
    /// `identity_read` entry (`person:ID`, detail `mentions`) per person
    /// asked about is written before they are returned.
    ///
    /// # Errors
    /// Database errors.
    fn person_mentions(
        &mut self,
        people: &[RecordId],
        pending_only: bool,
        limit: u32,
    ) -> Result<Vec<Mention>>;

    /// The person a hit names (its id only; not audited).
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Mention`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn mention_person(&self, id: i64) -> Result<RecordId>;

    /// Confirms or dismisses a pending hit. Audited (`record_updated`,
    /// `mention:ID`).
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; [`ConflictKind::MentionReviewed`] for a
    /// hit already reviewed; database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    /// [`ConflictKind::MentionReviewed`]: crate::ConflictKind::MentionReviewed
    fn review_mention(&mut self, id: i64, status: MentionStatus) -> Result<()>;
}
