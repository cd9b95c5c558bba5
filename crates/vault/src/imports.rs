//! Spreadsheet imports: the stored import (a web wizard's draft with its
//! uploaded sheet and profile, then its report), and the session that
//! writes an import's rows.
//!
//! A session holds one write transaction at a time. A row the vault
//! refuses (an unknown reference) is refused before any of it is written,
//! never half stored, and the next row goes on. A real
//! import commits every [`SHEET_BATCH`] rows, so a crash loses at most
//! the batch in flight, and running the import again finishes it (rows
//! have stable ids). A dry run writes every row exactly as the import
//! would, in one transaction that is rolled back: its counts are the
//! import's, and nothing of it stays but one audit entry.

use rusqlite::{Connection, OptionalExtension, params};
use testimonio_domain::{Event, Group, Person, RecordId};

use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::blobs::Sha256Hex;
use crate::db;
use crate::error::{RecordKind, Result, VaultError};
use crate::records::{self, PeopleFilter, PersonSummary, Reference, WriteOutcome};
use crate::vault::Vault;

/// Spreadsheet rows per transaction of an import. A crash loses at most
/// this many (running the import again writes them: rows have stable
/// ids). A row writes an event and often touches a person, scattered over
/// every index by their hashed ids, so a commit encrypts nearly one page
/// per row written since the last one; fewer commits write each page
/// fewer times. Measured on 50,000 rows (`scripts/bench sheets`' CSV):
/// 3.1 s of CPU at 2,000 rows per commit, 2.7 s at 10,000.
pub const SHEET_BATCH: usize = 10_000;

/// The page cache of an import session, in KiB. Measured on the bench's
/// 100,000-row CSV: 64 MiB (the usual) 5.1 s and 129 MB peak; 32 MiB
/// 5.0 s and 93 MB (91 MB at 20,000 rows: flat); 16 MiB 10.7 s and 76 MB
/// (the indexes' pages no longer fit, every insert reads one back).
const IMPORT_CACHE_KIB: u32 = 32 * 1024;

/// Where an import stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStatus {
    /// Uploaded; the profile is being made.
    Draft,
    /// A dry run was made; its report is stored.
    Checked,
    /// Imported; its report is stored.
    Imported,
}

impl ImportStatus {
    pub fn code(self) -> &'static str {
        match self {
            ImportStatus::Draft => "draft",
            ImportStatus::Checked => "checked",
            ImportStatus::Imported => "imported",
        }
    }

    fn parse(code: &str) -> Result<Self> {
        match code {
            "draft" => Ok(ImportStatus::Draft),
            "checked" => Ok(ImportStatus::Checked),
            "imported" => Ok(ImportStatus::Imported),
            other => Err(VaultError::Internal(format!("import status {other}"))),
        }
    }
}

/// A stored import. Its name, profile and report can say who people are:
/// they live only in the encrypted database.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredImport {
    pub id: String,
    pub created_at: String,
    pub updated_at: String,
    pub created_by: String,
    pub source_name: String,
    /// The uploaded sheet in the blob store (SHA-256), for web imports.
    pub source_blob: Option<String>,
    /// The profile (TOML).
    pub profile: String,
    pub status: ImportStatus,
    /// The last dry run's or the import's report (JSON).
    pub report: Option<String>,
}

impl std::fmt::Debug for StoredImport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredImport")
            .field("id", &self.id)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

const IMPORT_COLUMNS: &str =
    "id, created_at, updated_at, created_by, source_name, source_blob, profile, status, report";

fn import_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(StoredImport, String)> {
    let status: String = r.get(7)?;
    Ok((
        StoredImport {
            id: r.get(0)?,
            created_at: r.get(1)?,
            updated_at: r.get(2)?,
            created_by: r.get(3)?,
            source_name: r.get(4)?,
            source_blob: r.get(5)?,
            profile: r.get(6)?,
            status: ImportStatus::Draft,
            report: r.get(8)?,
        },
        status,
    ))
}

fn with_status((mut import, status): (StoredImport, String)) -> Result<StoredImport> {
    import.status = ImportStatus::parse(&status)?;
    Ok(import)
}

/// A spreadsheet row a record was written from. Redacted in `Debug`: its
/// cells can name people.
#[derive(Clone, PartialEq, Eq)]
pub struct ImportOrigin {
    pub import_id: String,
    pub source_name: String,
    pub imported_at: String,
    pub row_number: u64,
    /// The row's mapped cells as written (JSON: header → text).
    pub cells_json: String,
}

impl std::fmt::Debug for ImportOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportOrigin")
            .field("import_id", &self.import_id)
            .field("row_number", &self.row_number)
            .finish_non_exhaustive()
    }
}

/// One record an import row writes, already checked by the domain.
#[derive(Debug, Clone)]
pub enum ImportRecord {
    Group(Group),
    Person(Person),
    Event(Event),
}

impl ImportRecord {
    fn kind(&self) -> RecordKind {
        match self {
            ImportRecord::Group(_) => RecordKind::Group,
            ImportRecord::Person(_) => RecordKind::Person,
            ImportRecord::Event(_) => RecordKind::Event,
        }
    }

    fn id(&self) -> &RecordId {
        match self {
            ImportRecord::Group(g) => &g.id,
            ImportRecord::Person(p) => &p.id,
            ImportRecord::Event(e) => e.id(),
        }
    }
}

/// One spreadsheet row: the records it writes, in order (a group before
/// the person in it, a person before the event naming them), and the
/// original text of its mapped cells (JSON), kept as their provenance.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub row_number: u64,
    pub records: Vec<ImportRecord>,
    pub cells_json: String,
}

/// How a session's writes end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Everything rolled back at the end; one audit entry stays.
    DryRun,
    /// Committed every [`SHEET_BATCH`] rows.
    Commit,
}

/// What writing one row did to each of its records.
pub type RowWrites = Vec<(RecordKind, WriteOutcome)>;

/// An import being written. Dropped without [`ImportSession::finish`], it
/// rolls back the batch in flight.
pub struct ImportSession<'v> {
    vault: &'v mut Vault,
    import_id: String,
    mode: ImportMode,
    open: bool,
    rows_in_batch: usize,
    identities_read: u64,
}

impl Vault {
    /// Stores a new import or replaces a stored one.
    ///
    /// # Errors
    /// Database errors.
    pub fn save_import(&mut self, import: &StoredImport) -> Result<()> {
        self.write(|_, tx| {
            tx.execute(
                "INSERT INTO imports (id, created_at, updated_at, created_by, source_name, source_blob, profile, status, report)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, source_name = excluded.source_name,
                     source_blob = excluded.source_blob, profile = excluded.profile, status = excluded.status,
                     report = excluded.report",
                params![
                    import.id,
                    import.created_at,
                    import.updated_at,
                    import.created_by,
                    import.source_name,
                    import.source_blob,
                    import.profile,
                    import.status.code(),
                    import.report
                ],
            )?;
            Ok(())
        })
    }

    /// One stored import.
    ///
    /// # Errors
    /// Database errors.
    pub fn stored_import(&self, id: &str) -> Result<Option<StoredImport>> {
        self.conn()
            .query_row(
                &format!("SELECT {IMPORT_COLUMNS} FROM imports WHERE id = ?1"),
                [id],
                import_row,
            )
            .optional()?
            .map(with_status)
            .transpose()
    }

    /// Stored imports, the most recently changed first.
    ///
    /// # Errors
    /// Database errors.
    pub fn stored_imports(&self, limit: usize) -> Result<Vec<StoredImport>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {IMPORT_COLUMNS} FROM imports ORDER BY updated_at DESC, id LIMIT ?1"
        ))?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], import_row)?;
        rows.map(|r| with_status(r?)).collect()
    }

    /// The bytes of an import's uploaded sheet, decrypted in memory and
    /// checked against their hash; `None` for an import without one.
    /// Not audited: the import's own use cases read it and nothing leaves
    /// the process.
    ///
    /// # Errors
    /// A missing or altered blob.
    pub fn import_sheet(&self, import: &StoredImport) -> Result<Option<Zeroizing<Vec<u8>>>> {
        let Some(sha) = &import.source_blob else {
            return Ok(None);
        };
        let sha = Sha256Hex::parse(sha)?;
        let mut out = Zeroizing::new(Vec::new());
        self.blobs().get(&sha, &mut *out)?;
        Ok(Some(out))
    }

    /// Saves a mapping profile under `name`, replacing one of that name.
    ///
    /// # Errors
    /// Database errors.
    pub fn save_import_profile(&mut self, name: &str, profile: &str) -> Result<()> {
        self.write(|v, tx| {
            tx.execute(
                "INSERT INTO import_profiles (name, profile, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(name) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at,
                     updated_by = excluded.updated_by",
                params![name, profile, crate::now(), v.actor().as_str()],
            )?;
            Ok(())
        })
    }

    /// The profile saved as `name`.
    ///
    /// # Errors
    /// Database errors.
    pub fn import_profile(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT profile FROM import_profiles WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The names of saved profiles, in order.
    ///
    /// # Errors
    /// Database errors.
    pub fn import_profile_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT name FROM import_profiles ORDER BY name")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The spreadsheet rows a record was written from, oldest import
    /// first, with the original text of their cells. The cells can hold
    /// identities (a name column): a read that finds any is audited as an
    /// identity read before they are returned.
    ///
    /// # Errors
    /// Database errors.
    pub fn read_import_origins(
        &mut self,
        kind: RecordKind,
        id: &RecordId,
    ) -> Result<Vec<ImportOrigin>> {
        self.write(|v, tx| {
            let mut stmt = tx.prepare(
                "SELECT r.import_id, i.source_name, i.updated_at, r.row_number, r.cells
                 FROM import_rows r JOIN imports i ON i.id = r.import_id
                 WHERE r.record_kind = ?1 AND r.record_id = ?2 ORDER BY i.created_at, r.import_id",
            )?;
            let origins = stmt
                .query_map(params![kind.code(), id.as_str()], |r| {
                    Ok(ImportOrigin {
                        import_id: r.get(0)?,
                        source_name: r.get(1)?,
                        imported_at: r.get(2)?,
                        row_number: r.get::<_, i64>(3)?.unsigned_abs(),
                        cells_json: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if !origins.is_empty() {
                v.audit(
                    tx,
                    AuditAction::IdentityRead,
                    &format!("{}:{id}", kind.code()),
                    "import_origin",
                )?;
            }
            Ok(origins)
        })
    }

    /// Starts writing the rows of stored import `import_id`.
    ///
    /// # Errors
    /// Database errors (the vault busy past its timeout).
    pub fn begin_import(&mut self, import_id: &str, mode: ImportMode) -> Result<ImportSession<'_>> {
        // A smaller page cache while the rows are written, so that memory
        // does not grow with the vault (see IMPORT_CACHE_KIB). Restored
        // when the session ends.
        self.conn().execute_batch(&format!(
            "PRAGMA cache_size = -{IMPORT_CACHE_KIB}; BEGIN IMMEDIATE"
        ))?;
        Ok(ImportSession {
            vault: self,
            import_id: import_id.to_owned(),
            mode,
            open: true,
            rows_in_batch: 0,
            identities_read: 0,
        })
    }
}

impl ImportSession<'_> {
    fn conn(&self) -> &Connection {
        self.vault.conn()
    }

    /// Every person, without identity fields, as the import sees them now.
    ///
    /// # Errors
    /// Database errors.
    pub fn people(&self) -> Result<Vec<PersonSummary>> {
        records::people(self.conn(), &PeopleFilter::default())
    }

    /// Every group, as the import sees them now.
    ///
    /// # Errors
    /// Database errors.
    pub fn groups(&self) -> Result<Vec<Group>> {
        records::groups(self.conn())
    }

    pub fn group(&self, id: &RecordId) -> Result<Option<Group>> {
        records::group(self.conn(), id)
    }

    /// A person with identity fields, to merge a row into: counted, and the
    /// count is audited when the import finishes.
    ///
    /// # Errors
    /// Database errors.
    pub fn person(&mut self, id: &RecordId) -> Result<Option<Person>> {
        let person = records::person_with_identity(self.conn(), id)?;
        if person.is_some() {
            self.identities_read += 1;
        }
        Ok(person)
    }

    /// Every person with identity fields, to find the stored person a row
    /// names by legal name or A-number; counted like [`Self::person`].
    ///
    /// # Errors
    /// Database errors.
    pub fn identities(&mut self) -> Result<Vec<Person>> {
        let people = records::all_people_with_identity(self.conn())?;
        self.identities_read += people.len() as u64;
        Ok(people)
    }

    pub fn event(&self, id: &RecordId) -> Result<Option<Event>> {
        // Most ids an import derives are new: one probe, not the three
        // queries that read a stored event whole.
        if !records::exists(self.conn(), RecordKind::Event, id)? {
            return Ok(None);
        }
        let filter = records::EventFilter {
            id: Some(id.clone()),
            ..records::EventFilter::default()
        };
        Ok(records::events(self.conn(), &filter)?.pop())
    }

    /// Writes one row: all of its records, or (refused) none of them.
    ///
    /// The only refusal a record write can meet is a reference to a record
    /// that is not stored, so the row's references are checked before
    /// anything is written (against the rows before it and the records
    /// earlier in the row) and a refused row writes nothing: no savepoint
    /// per row is needed. A database error during the writes stops the
    /// import; dropping the session then rolls back the batch in flight.
    ///
    /// # Errors
    /// `Ok(Err(refusal))` for a row the vault refuses (an unknown
    /// reference); `Err` for anything that must stop the import (database
    /// errors).
    pub fn write_row(
        &mut self,
        row: &ImportRow,
    ) -> Result<std::result::Result<RowWrites, VaultError>> {
        if let Some(refusal) = self.refusal(row)? {
            return Ok(Err(refusal));
        }
        let writes = self.write_records(row)?;
        self.rows_in_batch += 1;
        if self.mode == ImportMode::Commit && self.rows_in_batch >= SHEET_BATCH {
            let conn = self.vault.conn();
            conn.prepare_cached("COMMIT")?.execute([])?;
            conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
            self.rows_in_batch = 0;
        }
        Ok(Ok(writes))
    }

    /// The first reference of `row` to a record that is neither stored nor
    /// written earlier in the row.
    fn refusal(&self, row: &ImportRow) -> Result<Option<VaultError>> {
        let conn = self.conn();
        for (i, record) in row.records.iter().enumerate() {
            let references: Vec<Reference<'_>> = match record {
                ImportRecord::Group(_) => continue,
                ImportRecord::Person(p) => records::person_references(p).collect(),
                ImportRecord::Event(e) => records::event_references(e).collect(),
            };
            for reference in references {
                let earlier = row.records[..i]
                    .iter()
                    .any(|r| r.kind() == reference.kind && r.id() == reference.id);
                if !earlier && !records::exists(conn, reference.kind, reference.id)? {
                    return Ok(Some(reference.unknown()));
                }
            }
        }
        Ok(None)
    }

    /// Writes the row's records, their references checked, each write
    /// audited and its provenance kept.
    fn write_records(&self, row: &ImportRow) -> Result<RowWrites> {
        let vault = &*self.vault;
        let conn = vault.conn();
        let now = crate::now();
        let actor = vault.actor().as_str();
        let mut writes = Vec::with_capacity(row.records.len());
        for record in &row.records {
            let outcome = match record {
                ImportRecord::Group(g) => records::put_group(conn, g, &now)?,
                ImportRecord::Person(p) => records::write_person(conn, p, &now, actor)?,
                ImportRecord::Event(e) => records::write_event(conn, e, &now, actor)?,
            };
            vault.audit_write(conn, outcome, record.kind().code(), record.id())?;
            if outcome != WriteOutcome::Unchanged {
                // A record this import creates has no provenance row of it
                // yet: a plain insert, without the statement journal that
                // a replace needs (see `records::new_or_upsert`).
                let sql = match outcome {
                    WriteOutcome::Created => {
                        "INSERT INTO import_rows (record_kind, record_id, import_id, row_number, cells)
                         VALUES (?1, ?2, ?3, ?4, ?5)"
                    }
                    _ => {
                        "INSERT OR REPLACE INTO import_rows (record_kind, record_id, import_id, row_number, cells)
                         VALUES (?1, ?2, ?3, ?4, ?5)"
                    }
                };
                conn.prepare_cached(sql)?.execute(params![
                    record.kind().code(),
                    record.id().as_str(),
                    self.import_id,
                    i64::try_from(row.row_number).unwrap_or(i64::MAX),
                    row.cells_json
                ])?;
            }
            writes.push((record.kind(), outcome));
        }
        Ok(writes)
    }

    /// Ends the import: a real one commits its last batch; a dry run rolls
    /// everything back. Either way one audit entry records `detail` (counts,
    /// never content) and how many identities were read to merge rows.
    ///
    /// # Errors
    /// Database errors.
    pub fn finish(mut self, detail: &str) -> Result<()> {
        let detail = format!(
            "import={} mode={} {detail} identities_read={}",
            self.import_id,
            match self.mode {
                ImportMode::DryRun => "dry_run",
                ImportMode::Commit => "commit",
            },
            self.identities_read
        );
        let object = format!("import:{}", self.import_id);
        self.open = false;
        match self.mode {
            ImportMode::Commit => {
                let vault = &*self.vault;
                vault.audit(vault.conn(), AuditAction::Import, &object, &detail)?;
                vault.conn().execute_batch("COMMIT")?;
            }
            ImportMode::DryRun => {
                self.vault.conn().execute_batch("ROLLBACK")?;
                self.vault
                    .write(|v, tx| v.audit(tx, AuditAction::Import, &object, &detail))?;
            }
        }
        Ok(())
    }
}

impl Drop for ImportSession<'_> {
    fn drop(&mut self) {
        if self.open {
            // Best effort: the connection rolls back on close anyway.
            let _ = self.vault.conn().execute_batch("ROLLBACK");
        }
        // Finished or not, the connection gets its usual cache back. A
        // failure here changes only speed, never data: nothing to report.
        let _ = db::restore_cache_size(self.vault.conn());
    }
}
