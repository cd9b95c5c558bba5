//! FOIA requests, the documents produced for them, and the events they
//! document.

use chrono::NaiveDate;
use testimonio_domain::RecordId;
use testimonio_foia::FoiaRequest;

use crate::error::Result;
use crate::foia::{FoiaExport, Production};
use crate::records::WriteOutcome;

/// Freedom of Information Act requests and what they link to.
pub trait FoiaStore {
    /// Stores a request, new or replacing the one with its id. Audited
    /// when it changes anything.
    ///
    /// # Errors
    /// Database errors.
    fn put_foia(&mut self, request: &FoiaRequest) -> Result<WriteOutcome>;

    /// One request, or `None`.
    ///
    /// # Errors
    /// Database errors; a stored request that no longer validates
    /// ([`VaultError::Schema`]).
    ///
    /// [`VaultError::Schema`]: crate::VaultError::Schema
    fn foia(&self, id: &str) -> Result<Option<FoiaRequest>>;

    /// Every request, by id.
    ///
    /// # Errors
    /// As [`FoiaStore::foia`].
    fn foias(&self) -> Result<Vec<FoiaRequest>>;

    /// Links a stored document to the request it answers, with its Bates
    /// range and the day it was received. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown request or document.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn add_foia_production(
        &mut self,
        request: &str,
        document: &str,
        bates: (Option<&str>, Option<&str>),
        received_on: Option<NaiveDate>,
    ) -> Result<()>;

    /// The documents produced for a request, by document id.
    ///
    /// # Errors
    /// Database errors.
    fn foia_productions(&self, request: &str) -> Result<Vec<Production>>;

    /// Links an event to the request that documents it. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown request or event.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn link_foia_event(&mut self, request: &str, event: &RecordId) -> Result<()>;

    /// The ids of the events linked to a request, sorted.
    ///
    /// # Errors
    /// Database errors.
    fn foia_events(&self, request: &str) -> Result<Vec<String>>;

    /// Writes the audit entry of a letter or calendar about to leave the
    /// vault ([`AuditAction::Export`]); ids and counts only. The caller
    /// lets the bytes leave only after this succeeded.
    ///
    /// # Errors
    /// Database errors.
    ///
    /// [`AuditAction::Export`]: crate::AuditAction::Export
    fn record_foia_export(&mut self, export: FoiaExport<'_>) -> Result<()>;
}
