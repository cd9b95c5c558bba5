//! Watchlists (saved queries), the hits their runs find, and excerpts:
//! passages quoted from document pages, tagged and linked to records.

use testimonio_domain::{ExcerptTag, RecordId};

use crate::error::Result;
use crate::excerpts::{
    Excerpt, ExcerptFilter, ExcerptParts, NewHit, ShownExcerpt, Watchlist, WatchlistHit,
};
use crate::users::User;

/// Watchlists, their hits awaiting review, and excerpts.
pub trait ExcerptStore {
    /// Saves a query, owned by the acting account. Audited.
    ///
    /// # Errors
    /// [`Refusal::WatchlistFieldEmpty`] for an empty name, query or
    /// purpose; database errors.
    ///
    /// [`Refusal::WatchlistFieldEmpty`]: crate::Refusal::WatchlistFieldEmpty
    fn add_watchlist(&mut self, name: &str, query: &str, purpose: &str) -> Result<Watchlist>;

    /// One watchlist with its count of pending hits.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Watchlist`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn watchlist(&self, id: &str) -> Result<Watchlist>;

    /// Every watchlist, oldest first, with its count of pending hits.
    ///
    /// # Errors
    /// Database errors.
    fn watchlists(&self) -> Result<Vec<Watchlist>>;

    /// Turns a watchlist on or off. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn set_watchlist_active(&mut self, id: &str, active: bool) -> Result<()>;

    /// Records a run's hits; a hit seen before (in any state) is not added
    /// again. Returns how many are new.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn record_watchlist_run(&mut self, id: &str, hits: &[NewHit]) -> Result<usize>;

    /// Hits of one watchlist (or all), newest first, at most `limit`; only
    /// pending ones with `pending_only`. Not audited: see
    /// [`AuditLog::record_hits_view`] before showing their snippets.
    ///
    /// # Errors
    /// Database errors.
    ///
    /// [`AuditLog::record_hits_view`]: crate::store::AuditLog::record_hits_view
    fn watchlist_hits(
        &self,
        watchlist: Option<&str>,
        pending_only: bool,
        limit: u32,
    ) -> Result<Vec<WatchlistHit>>;

    /// How many hits await review, across all watchlists.
    ///
    /// # Errors
    /// Database errors.
    fn pending_hit_count(&self) -> Result<u64>;

    /// One hit.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `WatchlistHit`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn watchlist_hit(&self, id: i64) -> Result<WatchlistHit>;

    /// Dismisses a pending hit. Audited.
    ///
    /// # Errors
    /// [`ConflictKind::HitReviewed`] for a hit that is unknown or already
    /// reviewed; database errors.
    ///
    /// [`ConflictKind::HitReviewed`]: crate::ConflictKind::HitReviewed
    fn dismiss_hit(&mut self, id: i64) -> Result<()>;

    /// Accepts a pending page hit: the sentence around its match becomes an
    /// excerpt with these tags and links, and the hit is marked accepted,
    /// in one transaction. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; [`ConflictKind::HitReviewed`];
    /// [`Refusal::HitNotOnPage`] for a hit on an event narrative;
    /// [`ConflictKind::PageGone`]; as [`ExcerptStore::add_excerpt`].
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    /// [`ConflictKind::HitReviewed`]: crate::ConflictKind::HitReviewed
    /// [`ConflictKind::PageGone`]: crate::ConflictKind::PageGone
    /// [`Refusal::HitNotOnPage`]: crate::Refusal::HitNotOnPage
    fn accept_hit(
        &mut self,
        id: i64,
        tags: Vec<ExcerptTag>,
        events: Vec<RecordId>,
        people: Vec<RecordId>,
    ) -> Result<Excerpt>;

    /// Records an excerpt: the quote is copied from the page now, with the
    /// original's hash, so that later readers can verify it. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown document, page, event or
    /// person; [`Refusal::NotAPassage`] for a range outside the page;
    /// database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    /// [`Refusal::NotAPassage`]: crate::Refusal::NotAPassage
    fn add_excerpt(&mut self, parts: &ExcerptParts) -> Result<Excerpt>;

    /// One excerpt, quote included, NOT filtered by who reads it: for the
    /// application's own checks. For a person, use
    /// [`ExcerptStore::excerpts_for`].
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Excerpt`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn excerpt(&self, id: &str) -> Result<Excerpt>;

    /// Excerpts matching `filter`, in document, page and position order,
    /// not filtered by reader (as [`ExcerptStore::excerpt`]).
    ///
    /// # Errors
    /// Database errors.
    fn excerpts(&self, filter: &ExcerptFilter) -> Result<Vec<Excerpt>>;

    /// The people an excerpt ties its quote to: those linked to it and
    /// every participant of every event linked to it, each once, sorted.
    ///
    /// # Errors
    /// Database errors; a stored id that no longer parses.
    fn people_tied_to_excerpt(&self, excerpt: &Excerpt) -> Result<Vec<RecordId>>;

    /// THE rule for excerpts: whether `user` may read `excerpt`'s quote,
    /// note and citation: only if they may see the identity of every
    /// person it ties to ([`ExcerptStore::people_tied_to_excerpt`]).
    ///
    /// # Errors
    /// Database errors.
    fn may_read_excerpt(&self, user: &User, excerpt: &Excerpt) -> Result<bool>;

    /// Excerpts matching `filter` as `user` may see them: withheld ones
    /// without their quote. The documents whose quotes are returned are
    /// audited as text reads of the acting account first.
    ///
    /// # Errors
    /// Database errors; nothing is returned then.
    fn excerpts_for(&mut self, user: &User, filter: &ExcerptFilter) -> Result<Vec<ShownExcerpt>>;
}
