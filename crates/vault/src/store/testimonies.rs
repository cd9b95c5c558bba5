//! Testimonies: a person's first-person account with its consent, links
//! and review mark.

use testimonio_domain::{RecordId, Testimony};

use crate::error::Result;
use crate::records::WriteOutcome;
use crate::testimonies::{Review, TestimonyFilter, TestimonyLink, TestimonySummary};

/// Testimonies and the audited read of their accounts.
pub trait TestimonyStore {
    /// Stores a testimony, new or replacing the one with its id, with its
    /// event and document links. Every reference is checked before
    /// anything is written. A changed account clears the review mark.
    /// Audited (`record_created` / `record_updated`, object
    /// `testimony:ID`) when anything changed; the same testimony again is
    /// `Unchanged` and not audited.
    ///
    /// # Errors
    /// [`VaultError::UnknownReference`] naming `person`, `events[i]` or
    /// `documents[i]`; database errors.
    ///
    /// [`VaultError::UnknownReference`]: crate::VaultError::UnknownReference
    fn put_testimony(&mut self, testimony: &Testimony) -> Result<WriteOutcome>;

    /// Testimonies matching `filter` without their accounts, oldest date
    /// first, then by id. Not audited.
    ///
    /// # Errors
    /// Database errors; a stored value that no longer parses.
    fn testimonies(&self, filter: &TestimonyFilter) -> Result<Vec<TestimonySummary>>;

    /// One testimony without its account, or `None`. Not audited.
    ///
    /// # Errors
    /// As [`TestimonyStore::testimonies`].
    fn testimony_summary(&self, id: &RecordId) -> Result<Option<TestimonySummary>>;

    /// One testimony with its account. Audited (`testimony_read`, object
    /// `testimony:ID`) before it is returned.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Testimony`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn testimony(&mut self, id: &RecordId) -> Result<Testimony>;

    /// Marks a testimony reviewed for publication by the current actor.
    /// Audited (`record_updated`, detail `reviewed`); already reviewed is
    /// `Unchanged`.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn mark_testimony_reviewed(&mut self, id: &RecordId) -> Result<WriteOutcome>;

    /// Links an event or a document. Audited when new; a link already
    /// there is `Unchanged`.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for the testimony,
    /// [`VaultError::UnknownReference`] (field `event` / `document`) for
    /// the target; database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    /// [`VaultError::UnknownReference`]: crate::VaultError::UnknownReference
    fn link_testimony(&mut self, id: &RecordId, link: &TestimonyLink) -> Result<WriteOutcome>;

    /// The testimonies among `among` whose account `matches` accepts, with
    /// their accounts. Audited before they are returned: one `search`
    /// entry (object `testimonies`) with the query's keyed fingerprint,
    /// the number of results and their ids; never the query or an account.
    ///
    /// # Errors
    /// Database errors.
    fn search_testimonies(
        &mut self,
        among: &[RecordId],
        query: &str,
        matches: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<Testimony>>;

    /// Every reviewed testimony with its account, for a report, which is
    /// audited as an export before it leaves. Not audited itself.
    ///
    /// # Errors
    /// As [`TestimonyStore::testimonies`].
    fn reviewed_testimonies(&self) -> Result<Vec<(Testimony, Review)>>;
}
