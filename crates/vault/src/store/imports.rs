//! Spreadsheet imports: the stored import (a wizard's draft, its uploaded
//! sheet and profile, then its report), saved profiles, the spreadsheet
//! rows records were written from, and the session that writes an
//! import's rows.

use testimonio_domain::{Event, Group, Person, RecordId};
use zeroize::Zeroizing;

use crate::error::{RecordKind, Result, VaultError};
use crate::imports::{ImportMode, ImportOrigin, ImportRow, RowWrites, StoredImport};
use crate::records::PersonSummary;

/// Stored imports, saved profiles and import provenance.
pub trait ImportStore {
    /// A session writing one import's rows (see [`ImportWriter`]).
    type Writer<'s>: ImportWriter
    where
        Self: 's;

    /// Stores a new import or replaces the stored one of its id. Not
    /// audited: what an import does is audited when it runs.
    ///
    /// # Errors
    /// Database errors.
    fn save_import(&mut self, import: &StoredImport) -> Result<()>;

    /// One stored import, or `None`.
    ///
    /// # Errors
    /// Database errors; a stored status that does not read back.
    fn stored_import(&self, id: &str) -> Result<Option<StoredImport>>;

    /// Stored imports, the most recently changed first, at most `limit`.
    ///
    /// # Errors
    /// As [`ImportStore::stored_import`].
    fn stored_imports(&self, limit: usize) -> Result<Vec<StoredImport>>;

    /// The bytes of an import's uploaded sheet, decrypted in memory and
    /// checked against their hash; `None` for an import without one.
    ///
    /// # Errors
    /// A missing or altered blob.
    fn import_sheet(&self, import: &StoredImport) -> Result<Option<Zeroizing<Vec<u8>>>>;

    /// Saves a mapping profile under `name`, replacing one of that name.
    ///
    /// # Errors
    /// Database errors.
    fn save_import_profile(&mut self, name: &str, profile: &str) -> Result<()>;

    /// The profile saved as `name`, or `None`.
    ///
    /// # Errors
    /// Database errors.
    fn import_profile(&self, name: &str) -> Result<Option<String>>;

    /// The names of saved profiles, in order.
    ///
    /// # Errors
    /// Database errors.
    fn import_profile_names(&self) -> Result<Vec<String>>;

    /// The spreadsheet rows a record was written from, oldest import
    /// first, with the original text of their cells. A read that finds
    /// any is audited (`identity_read`, object `KIND:ID`, detail
    /// `import_origin`) before they are returned: cells can name people.
    ///
    /// # Errors
    /// Database errors.
    fn read_import_origins(&mut self, kind: RecordKind, id: &RecordId)
    -> Result<Vec<ImportOrigin>>;

    /// Starts writing the rows of stored import `import_id`: one write
    /// transaction, which the writer commits every batch of rows (or, for
    /// [`ImportMode::DryRun`], rolls back whole at the end).
    ///
    /// # Errors
    /// Database errors (the store busy past its timeout).
    fn begin_import(&mut self, import_id: &str, mode: ImportMode) -> Result<Self::Writer<'_>>;
}

/// An import being written. Dropped without [`ImportWriter::finish`], it
/// rolls back the rows not yet committed.
pub trait ImportWriter {
    /// Every person, without identity fields, as the import sees them now
    /// (its own rows included).
    ///
    /// # Errors
    /// Database errors.
    fn people(&self) -> Result<Vec<PersonSummary>>;

    /// Every group, as the import sees them now.
    ///
    /// # Errors
    /// Database errors.
    fn groups(&self) -> Result<Vec<Group>>;

    /// One group, or `None`.
    ///
    /// # Errors
    /// Database errors.
    fn group(&self, id: &RecordId) -> Result<Option<Group>>;

    /// A person with identity fields, to merge a row into: counted, and
    /// the count is audited when the import finishes.
    ///
    /// # Errors
    /// Database errors.
    fn person(&mut self, id: &RecordId) -> Result<Option<Person>>;

    /// Every person with identity fields, counted like
    /// [`ImportWriter::person`].
    ///
    /// # Errors
    /// Database errors.
    fn identities(&mut self) -> Result<Vec<Person>>;

    /// One event, or `None`.
    ///
    /// # Errors
    /// Database errors.
    fn event(&self, id: &RecordId) -> Result<Option<Event>>;

    /// Writes one row: all of its records (each write audited, the row's
    /// cells kept as their provenance), or — a row naming a record that
    /// is neither stored nor earlier in the row — none of them.
    ///
    /// # Errors
    /// `Ok(Err(VaultError::UnknownReference))` for a refused row, nothing
    /// of it written; `Err` for anything that must stop the import.
    fn write_row(&mut self, row: &ImportRow) -> Result<std::result::Result<RowWrites, VaultError>>;

    /// Ends the import: commits the last rows (a dry run: rolls every row
    /// back) and appends one audit entry (`import`, object `import:ID`)
    /// with `detail` (counts, never content) and the identities read.
    ///
    /// # Errors
    /// Database errors.
    fn finish(self, detail: &str) -> Result<()>;
}
