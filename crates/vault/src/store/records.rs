//! Groups, people, events and consent; import and export of records.

use std::io::{BufRead, Write};
use std::path::Path;

use chrono::NaiveDate;
use testimonio_domain::exchange::ExchangeRecord;
use testimonio_domain::{ConsentRecord, Event, Group, Person, RecordId};

use crate::error::Result;
use crate::records::{Counts, EventFilter, PeopleFilter, PersonSummary, WriteOutcome};
use crate::transfer::{ExportedRecords, ImportReport};

/// The records of the documentation: groups, people (with their identity
/// and consent), events, and their exchange formats.
pub trait RecordStore {
    /// Stores a group, new or replacing the one with its id, and audits a
    /// `record_created` or `record_updated` entry; a group equal to the
    /// stored one is `Unchanged` and not audited.
    ///
    /// # Errors
    /// Database errors; nothing is stored then.
    fn put_group(&mut self, group: &Group) -> Result<WriteOutcome>;

    /// Stores a person with identity and consent history, as
    /// [`RecordStore::put_group`] does.
    ///
    /// # Errors
    /// [`VaultError::UnknownReference`] (field `groups[i]`) for a group that
    /// does not exist; database errors. Nothing is stored then.
    ///
    /// [`VaultError::UnknownReference`]: crate::VaultError::UnknownReference
    fn put_person(&mut self, person: &Person) -> Result<WriteOutcome>;

    /// Stores an event, as [`RecordStore::put_group`] does.
    ///
    /// # Errors
    /// [`VaultError::UnknownReference`] (field `people[i].id` or
    /// `groups[i]`) for a person or group that does not exist, the first
    /// one in that order; database errors. Nothing is stored then.
    ///
    /// [`VaultError::UnknownReference`]: crate::VaultError::UnknownReference
    fn put_event(&mut self, event: &Event) -> Result<WriteOutcome>;

    /// Every group, by id. Not audited.
    ///
    /// # Errors
    /// Database errors.
    fn groups(&self) -> Result<Vec<Group>>;

    /// One group, or `None`. Not audited.
    ///
    /// # Errors
    /// Database errors.
    fn group(&self, id: &RecordId) -> Result<Option<Group>>;

    /// People matching `filter`, without identity fields, by id. Not
    /// audited: nothing sensitive leaves.
    ///
    /// # Errors
    /// Database errors.
    fn people(&self, filter: &PeopleFilter) -> Result<Vec<PersonSummary>>;

    /// One person with identity fields. The read is audited
    /// (`identity_read`) before the identity is returned.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Person`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn person_identity(&mut self, id: &RecordId) -> Result<Person>;

    /// One person without identity fields, or `None`. Not audited.
    ///
    /// # Errors
    /// Database errors.
    fn person_summary(&self, id: &RecordId) -> Result<Option<PersonSummary>>;

    /// Events matching `filter` by start date then id (oldest first, or
    /// newest first when the filter says so), paged by the filter. Not
    /// audited: events hold no identity fields.
    ///
    /// # Errors
    /// Database errors.
    fn events(&self, filter: &EventFilter) -> Result<Vec<Event>>;

    /// One event, or `None`.
    ///
    /// # Errors
    /// Database errors.
    fn event(&self, id: &RecordId) -> Result<Option<Event>>;

    /// How many events match `filter`, ignoring its paging.
    ///
    /// # Errors
    /// Database errors.
    fn count_events(&self, filter: &EventFilter) -> Result<u64>;

    /// How many people are stored.
    ///
    /// # Errors
    /// Database errors.
    fn count_people(&self) -> Result<u64>;

    /// How many records of each kind are stored.
    ///
    /// # Errors
    /// Database errors.
    fn counts(&self) -> Result<Counts>;

    /// Adds a grant of consent to a person's history. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Person`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn record_consent(&mut self, person: &RecordId, record: &ConsentRecord) -> Result<()>;

    /// Withdraws, as of `on`, every grant of `person` still in force then;
    /// returns how many. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Person`); database errors.
    ///
    /// [`VaultError::NotFound`]: crate::VaultError::NotFound
    fn withdraw_consent(&mut self, person: &RecordId, on: NaiveDate) -> Result<usize>;

    /// Imports records, `location` naming each one, in batches: each batch
    /// commits with its audit entries. A record refused for its own fault
    /// (a field, an unknown reference) is listed in the report and the
    /// import goes on; records are stored in the order given, so a record
    /// may name one earlier in the same import. One `import` entry with the
    /// counts closes the import.
    ///
    /// # Errors
    /// Failures that stop the import ([`VaultError::AtRecord`] names the
    /// record); batches committed before stay.
    ///
    /// [`VaultError::AtRecord`]: crate::VaultError::AtRecord
    fn import_records(
        &mut self,
        source: &str,
        records: impl Iterator<Item = (String, std::result::Result<ExchangeRecord, String>)>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport>;

    /// Imports JSON Lines (blank lines skipped), as
    /// [`RecordStore::import_records`].
    ///
    /// # Errors
    /// As [`RecordStore::import_records`], and read errors.
    fn import_jsonl(
        &mut self,
        reader: impl BufRead,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport>;

    /// Imports whichever of `groups.csv`, `people.csv` and `events.csv`
    /// `dir` holds, in that order, as [`RecordStore::import_records`].
    ///
    /// # Errors
    /// [`Refusal::NoCsvFiles`], [`Refusal::Csv`]; as
    /// [`RecordStore::import_records`].
    ///
    /// [`Refusal::NoCsvFiles`]: crate::Refusal::NoCsvFiles
    /// [`Refusal::Csv`]: crate::Refusal::Csv
    fn import_csv_dir(&mut self, dir: &Path, progress: &mut dyn FnMut(u64))
    -> Result<ImportReport>;

    /// Writes every record, identities included, as JSON Lines in export
    /// order (header, groups, people, events); returns how many records.
    /// Audited as an export before the first byte is written.
    ///
    /// # Errors
    /// Database and write errors.
    fn export_jsonl(&mut self, out: &mut dyn Write) -> Result<u64>;

    /// Writes every record as `groups.csv`, `people.csv` and `events.csv`
    /// in `dir`, each file private and whole. Audited as an export.
    ///
    /// # Errors
    /// Database and write errors.
    fn export_csv_dir(&mut self, dir: &Path) -> Result<u64>;

    /// Every record, identities included, for an export that the caller
    /// writes (a spreadsheet in the user's language): groups, people and
    /// events in listing order. Audited as an export (`export:FORMAT`,
    /// counts only in the detail) in the transaction that reads them,
    /// before anything is returned.
    ///
    /// # Errors
    /// Database errors; nothing is audited then.
    fn export_all(&mut self, format: &str) -> Result<ExportedRecords>;
}
