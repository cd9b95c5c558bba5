//! Cases: legal or advocacy files around a person or a group, and the
//! records they link to.

use testimonio_domain::{Case, CaseLinkKind, CaseStatus, Sensitive};

use crate::cases::CaseLink;
use crate::error::Result;
use crate::records::WriteOutcome;

/// Cases and their links.
pub trait CaseStore {
    /// Stores a new case with its notes, after checking that its subject
    /// (a person or a group) exists. Audited (`record_created`, object
    /// `case:ID`).
    ///
    /// # Errors
    /// [`VaultError::UnknownReference`] (field `person` or `group`) for an
    /// unknown subject, nothing stored; database errors (an id already
    /// taken among them: callers check [`CaseStore::case`] first).
    ///
    /// [`VaultError::UnknownReference`]: crate::VaultError::UnknownReference
    fn add_case(&mut self, case: &Case, notes: Option<&Sensitive>) -> Result<()>;

    /// One case without its notes, or `None`. Not audited.
    ///
    /// # Errors
    /// Database errors; a stored value that does not read back
    /// ([`VaultError::Schema`]).
    ///
    /// [`VaultError::Schema`]: crate::VaultError::Schema
    fn case(&self, id: &str) -> Result<Option<Case>>;

    /// Every case without notes, by id. Not audited.
    ///
    /// # Errors
    /// As [`CaseStore::case`].
    fn cases(&self) -> Result<Vec<Case>>;

    /// A case's notes. The read is audited (`identity_read`, object
    /// `case:ID`, detail `notes`) before they are returned.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown case.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn case_notes(&mut self, id: &str) -> Result<Option<Sensitive>>;

    /// Changes a case's status; audited when it changes.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown case.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn set_case_status(&mut self, id: &str, status: CaseStatus) -> Result<WriteOutcome>;

    /// Links a case to a record whose existence the caller checked.
    /// Audited when new; `false` when the link was there already.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown case.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn link_case(&mut self, id: &str, kind: CaseLinkKind, target: &str) -> Result<bool>;

    /// Removes a link; audited when there was one; `false` when there was
    /// none.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown case.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn unlink_case(&mut self, id: &str, kind: CaseLinkKind, target: &str) -> Result<bool>;

    /// A case's links in the order they were added (empty for an unknown
    /// case).
    ///
    /// # Errors
    /// Database errors.
    fn case_links(&self, id: &str) -> Result<Vec<CaseLink>>;
}
