//! Import and export in the canonical exchange format: JSON Lines, and a
//! CSV directory (`groups.csv`, `people.csv`, `events.csv`) with the same
//! fields for spreadsheet users. JSON Lines is the canonical, byte-for-byte
//! lossless form. The CSV is for spreadsheets: a cell that a spreadsheet
//! would run as a formula gets a leading `'`, which the CSV import removes
//! again, so a CSV round trip is lossless too.
//!
//! Import is idempotent by `id` and commits in batches: a crash loses at
//! most the batch in flight, and running the same import again finishes
//! it without duplicates. A bad line is reported with its location and
//! reason, and the rest imports.

use std::io::{BufRead, Write};
use std::path::Path;

use serde::Serialize;
use testimonio_domain::exchange::{
    ConsentField, EventRecord, ExchangeRecord, GroupRecord, HeaderRecord, ParticipantEntry,
    PersonRecord, parse_line,
};
use testimonio_domain::{Event, FieldError, Group, Person};

use crate::audit::AuditAction;
use crate::error::{CsvProblem, Refusal, Result, VaultError};
use crate::private_fs;
use crate::records::{self, EventFilter, WriteOutcome};
use crate::vault::Vault;
use testimonio_sheets::{neutralise_cell, restore_cell};

/// Records per transaction: a crash loses at most this many (and a re-run
/// restores them); larger batches write each hot page (index, audit tail)
/// fewer times, which is what encryption makes costly.
pub const IMPORT_BATCH: usize = 2000;

/// One refused line or row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportFailure {
    /// `line 17`, or `people.csv row 4`.
    pub location: String,
    pub reason: String,
}

/// Every record of the vault, read for an export ([`Vault::export_all`]):
/// people with their identity and consent history.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ExportedRecords {
    pub groups: Vec<Group>,
    pub people: Vec<Person>,
    pub events: Vec<Event>,
}

impl std::fmt::Debug for ExportedRecords {
    /// Counts only: people hold identities.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportedRecords")
            .field("groups", &self.groups.len())
            .field("people", &self.people.len())
            .field("events", &self.events.len())
            .finish()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: Vec<ImportFailure>,
}

impl ImportReport {
    pub(crate) fn count(&mut self, outcome: WriteOutcome) {
        match outcome {
            WriteOutcome::Created => self.created += 1,
            WriteOutcome::Updated => self.updated += 1,
            WriteOutcome::Unchanged => self.unchanged += 1,
        }
    }
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why one record of an import was not stored.
enum RecordFailure {
    /// The record's own fault (a refused field, an unknown reference): it
    /// is reported and the import goes on.
    Refused(String),
    /// Anything else stops the import.
    Stop(VaultError),
}

impl From<String> for RecordFailure {
    fn from(reason: String) -> Self {
        RecordFailure::Refused(reason)
    }
}

impl Vault {
    /// Stores one exchange record in `tx`.
    fn put_record(
        &self,
        tx: &rusqlite::Connection,
        record: &ExchangeRecord,
    ) -> std::result::Result<Option<WriteOutcome>, RecordFailure> {
        let stored = match record {
            ExchangeRecord::Header(h) => {
                return h
                    .check()
                    .map(|()| None)
                    .map_err(|e| RecordFailure::Refused(e.to_string()));
            }
            ExchangeRecord::Group(g) => {
                let group = g.into_group().map_err(|e| join(&e))?;
                self.put_group_in(tx, &group)
            }
            ExchangeRecord::Person(p) => {
                let person = p.into_person().map_err(|e| join(&e))?;
                self.put_person_in(tx, &person)
            }
            ExchangeRecord::Event(e) => {
                let event = e.into_event().map_err(|e| join(&e))?;
                self.put_event_in(tx, &event)
            }
        };
        match stored {
            Ok(outcome) => Ok(Some(outcome)),
            // Unknown references are the record's fault; the rest stops the import.
            Err(e @ (VaultError::UnknownReference { .. } | VaultError::Refused(_))) => {
                Err(RecordFailure::Refused(e.to_string()))
            }
            Err(other) => Err(RecordFailure::Stop(other)),
        }
    }

    /// Imports records from any source, `location` naming each one.
    ///
    /// # Errors
    /// Database or I/O errors that stop the import; bad records are in the report.
    pub fn import_records(
        &mut self,
        source: &str,
        records: impl Iterator<Item = (String, std::result::Result<ExchangeRecord, String>)>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        let mut report = ImportReport::default();
        let mut records = records.peekable();
        let mut seen = 0u64;
        while records.peek().is_some() {
            let batch: Vec<_> = records.by_ref().take(IMPORT_BATCH).collect();
            let outcome = self.write(|v, tx| {
                let mut partial = ImportReport::default();
                for (location, parsed) in &batch {
                    let result = parsed
                        .clone()
                        .map_err(RecordFailure::Refused)
                        .and_then(|record| v.put_record(tx, &record));
                    match result {
                        Ok(Some(outcome)) => partial.count(outcome),
                        Ok(None) => {}
                        Err(RecordFailure::Stop(source)) => {
                            return Err(VaultError::AtRecord {
                                location: location.clone(),
                                source: Box::new(source),
                            });
                        }
                        Err(RecordFailure::Refused(reason)) => partial.failed.push(ImportFailure {
                            location: location.clone(),
                            reason,
                        }),
                    }
                }
                Ok(partial)
            })?;
            report.created += outcome.created;
            report.updated += outcome.updated;
            report.unchanged += outcome.unchanged;
            report.failed.extend(outcome.failed);
            seen += batch.len() as u64;
            progress(seen);
        }
        let detail = format!(
            "created={} updated={} unchanged={} failed={}",
            report.created,
            report.updated,
            report.unchanged,
            report.failed.len()
        );
        self.write(|v, tx| {
            v.audit(
                tx,
                AuditAction::Import,
                &format!("import:{source}"),
                &detail,
            )
        })?;
        Ok(report)
    }

    /// Imports JSON Lines. Blank lines are skipped.
    ///
    /// # Errors
    /// As [`Vault::import_records`], and read errors.
    pub fn import_jsonl(
        &mut self,
        reader: impl BufRead,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        let mut read_error = None;
        let lines = reader
            .lines()
            .enumerate()
            .map_while(|(i, line)| match line {
                Ok(line) => Some((i + 1, line)),
                Err(e) => {
                    read_error = Some(VaultError::io(format!("line {}", i + 1), e));
                    None
                }
            });
        let records = lines
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(n, line)| (format!("line {n}"), parse_line(&line)));
        let report =
            self.import_records("jsonl", records.collect::<Vec<_>>().into_iter(), progress)?;
        match read_error {
            Some(e) => Err(e),
            None => Ok(report),
        }
    }

    /// Imports a CSV directory: whichever of `groups.csv`, `people.csv` and
    /// `events.csv` it holds, in that order.
    ///
    /// # Errors
    /// A directory with none of the files; as [`Vault::import_records`].
    pub fn import_csv_dir(
        &mut self,
        dir: &Path,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        let mut all = Vec::new();
        let mut found = false;
        for table in CsvTable::ALL {
            let path = dir.join(table.file_name());
            if !path.exists() {
                continue;
            }
            found = true;
            let file = std::fs::File::open(&path).map_err(|e| VaultError::io(&path, e))?;
            all.extend(
                read_csv(table, std::io::BufReader::new(file)).map_err(|e| csv_error(&path, e))?,
            );
        }
        if !found {
            return Err(Refusal::NoCsvFiles {
                dir: dir.to_owned(),
            }
            .into());
        }
        self.import_records("csv", all.into_iter(), progress)
    }

    /// Every record, identities included, for an export in `format` (the
    /// name the audit entry gives it: `jsonl`, `csv`, `xlsx`…): groups,
    /// people, events, each in the order the vault lists them. Audited as an
    /// export with identities (`export:FORMAT`, with the counts as detail)
    /// in the same transaction as the reads, before anything is returned.
    ///
    /// # Errors
    /// Database errors; nothing is audited then.
    pub fn export_all(&mut self, format: &str) -> Result<ExportedRecords> {
        self.write(|v, tx| {
            let groups = records::groups(tx)?;
            let people = records::all_people_with_identity(tx)?;
            let events = records::events(tx, &EventFilter::default())?;
            let detail = format!(
                "format={format} groups={} people={} events={} identities=included",
                groups.len(),
                people.len(),
                events.len()
            );
            v.audit(
                tx,
                AuditAction::Export,
                &format!("export:{format}"),
                &detail,
            )?;
            Ok(ExportedRecords {
                groups,
                people,
                events,
            })
        })
    }

    /// [`Vault::export_all`] in the exchange format's plain records.
    fn export_records(
        &mut self,
        format: &str,
    ) -> Result<(Vec<GroupRecord>, Vec<PersonRecord>, Vec<EventRecord>)> {
        let all = self.export_all(format)?;
        Ok((
            all.groups.iter().map(GroupRecord::from_group).collect(),
            all.people.iter().map(PersonRecord::from_person).collect(),
            all.events.iter().map(EventRecord::from_event).collect(),
        ))
    }

    /// Writes everything as JSON Lines.
    ///
    /// # Errors
    /// Database and write errors.
    pub fn export_jsonl(&mut self, out: &mut dyn Write) -> Result<u64> {
        let (groups, people, events) = self.export_records("jsonl")?;
        let io = |e| VaultError::io("export", e);
        let mut line = |record: ExchangeRecord| -> Result<()> {
            let text =
                zeroize::Zeroizing::new(serde_json::to_string(&record).expect("records serialize"));
            out.write_all(text.as_bytes()).map_err(io)?;
            out.write_all(b"\n").map_err(io)
        };
        line(ExchangeRecord::Header(HeaderRecord::current()))?;
        let total = (groups.len() + people.len() + events.len()) as u64;
        groups
            .into_iter()
            .try_for_each(|g| line(ExchangeRecord::Group(g)))?;
        people
            .into_iter()
            .try_for_each(|p| line(ExchangeRecord::Person(p)))?;
        events
            .into_iter()
            .try_for_each(|e| line(ExchangeRecord::Event(e)))?;
        out.flush().map_err(io)?;
        Ok(total)
    }

    /// Writes everything as `groups.csv`, `people.csv` and `events.csv` in `dir`.
    ///
    /// # Errors
    /// Database and write errors.
    pub fn export_csv_dir(&mut self, dir: &Path) -> Result<u64> {
        let (groups, people, events) = self.export_records("csv")?;
        private_fs::create_dir_all(dir).map_err(|e| VaultError::io(dir, e))?;
        let total = (groups.len() + people.len() + events.len()) as u64;
        write_csv(
            &dir.join("groups.csv"),
            CsvKind::Group.columns(),
            groups.iter().map(group_row),
        )?;
        write_csv(
            &dir.join("people.csv"),
            CsvKind::Person.columns(),
            people.iter().map(person_row),
        )?;
        write_csv(
            &dir.join("events.csv"),
            CsvKind::Event.columns(),
            events.iter().map(event_row),
        )?;
        Ok(total)
    }
}

/// A CSV error, without the offending content.
fn csv_error(path: &Path, e: csv::Error) -> VaultError {
    match e.into_kind() {
        csv::ErrorKind::Io(err) => VaultError::io(path, err),
        kind => Refusal::Csv {
            path: path.to_owned(),
            problem: csv_problem(&kind),
        }
        .into(),
    }
}

/// What is wrong with a CSV file that reads (not an I/O error).
fn csv_problem(kind: &csv::ErrorKind) -> CsvProblem {
    match kind {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => CsvProblem::FieldCount {
            expected: *expected_len,
            found: *len,
        },
        csv::ErrorKind::Utf8 { .. } => CsvProblem::NotUtf8,
        _ => CsvProblem::NotCsv,
    }
}

/// A CSV error's reason without the offending content.
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(err) => err.to_string(),
        kind => csv_problem(kind).to_string(),
    }
}

/// Writes one spreadsheet-facing CSV file, privately and whole (see
/// [`private_fs::PrivateFile`]), every cell through [`neutralise_cell`] (the rule of every spreadsheet
/// export, in `testimonio_sheets`).
fn write_csv(path: &Path, columns: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<()> {
    let file = private_fs::PrivateFile::create(path).map_err(|e| VaultError::io(path, e))?;
    let mut w = csv::Writer::from_writer(file);
    w.write_record(columns).map_err(|e| csv_error(path, e))?;
    for row in rows {
        let cells: Vec<_> = row.iter().map(|cell| neutralise_cell(cell)).collect();
        w.write_record(cells.iter().map(|cell| cell.as_bytes()))
            .map_err(|e| csv_error(path, e))?;
    }
    let file = w
        .into_inner()
        .map_err(|e| VaultError::io(path, e.into_error()))?;
    file.commit().map_err(|e| VaultError::io(path, e))
}

/// One file of the CSV directory format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvTable {
    Groups,
    People,
    Events,
}

impl CsvTable {
    /// In import order: groups before the people and events that name them.
    pub const ALL: [CsvTable; 3] = [CsvTable::Groups, CsvTable::People, CsvTable::Events];

    pub fn file_name(self) -> &'static str {
        match self {
            CsvTable::Groups => "groups.csv",
            CsvTable::People => "people.csv",
            CsvTable::Events => "events.csv",
        }
    }

    fn kind(self) -> CsvKind {
        match self {
            CsvTable::Groups => CsvKind::Group,
            CsvTable::People => CsvKind::Person,
            CsvTable::Events => CsvKind::Event,
        }
    }
}

/// A CSV record and where it came from (`people.csv row 4`); a row that
/// cannot become a record carries its reason instead.
pub type CsvRow = (String, std::result::Result<ExchangeRecord, String>);

/// Reads one file of the CSV directory format into exchange records, not
/// yet validated as domain values (the import does that, as for JSON Lines).
///
/// # Errors
/// A header line that cannot be read; bad rows are `Err` items instead.
pub fn read_csv(table: CsvTable, reader: impl std::io::Read) -> csv::Result<Vec<CsvRow>> {
    let file = table.file_name();
    let kind = table.kind();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(reader);
    let headers = reader.headers()?.clone();
    Ok(reader
        .records()
        .enumerate()
        .map(|(i, row)| {
            // Row 1 is the header line.
            let location = format!("{file} row {}", i + 2);
            let parsed = row
                .map_err(|e| format!("unreadable row: {}", csv_reason(&e)))
                .and_then(|row| kind.parse(&headers, &row));
            (location, parsed)
        })
        .collect())
}

#[derive(Clone, Copy)]
enum CsvKind {
    Group,
    Person,
    Event,
}

impl CsvKind {
    fn columns(self) -> &'static [&'static str] {
        match self {
            CsvKind::Group => &["id", "name", "state", "city"],
            CsvKind::Person => &[
                "id",
                "pseudonym",
                "legal_name",
                "aliases",
                "contact",
                "a_number",
                "immigration_status",
                "address",
                "birth_year",
                "groups",
                "consent",
            ],
            CsvKind::Event => &[
                "id",
                "kind",
                "event_type",
                "date",
                "end_date",
                "state",
                "city",
                "facility",
                "agency",
                "field_office",
                "people",
                "groups",
                "narrative",
                "verification",
            ],
        }
    }

    /// Turns a row into a record. Cells: lists of ids are `;`-separated,
    /// participants are `id=role;id=role`, aliases and consent are JSON.
    fn parse(
        self,
        headers: &csv::StringRecord,
        row: &csv::StringRecord,
    ) -> std::result::Result<ExchangeRecord, String> {
        for h in headers {
            if !self.columns().contains(&h) {
                return Err(format!("unknown column {h:?}"));
            }
        }
        let cell = |name: &str| -> Option<String> {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| row.get(i))
                .map(|c| restore_cell(c).to_owned())
                .filter(|s| !s.is_empty())
        };
        let list = |name: &str| -> Vec<String> {
            cell(name)
                .map(|s| {
                    s.split(';')
                        .map(|p| p.trim().to_owned())
                        .filter(|p| !p.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        Ok(match self {
            CsvKind::Group => ExchangeRecord::Group(GroupRecord {
                id: cell("id").unwrap_or_default(),
                name: cell("name").unwrap_or_default(),
                state: cell("state"),
                city: cell("city"),
            }),
            CsvKind::Person => {
                let aliases = match cell("aliases") {
                    None => vec![],
                    Some(s) => serde_json::from_str(&s)
                        .map_err(|_| "aliases: expected a JSON list of texts".to_owned())?,
                };
                let consent = match cell("consent") {
                    None => None,
                    Some(s) if !s.trim_start().starts_with('[') => Some(ConsentField::Level(s)),
                    Some(s) => Some(
                        serde_json::from_str(&s)
                            .map_err(|_| "consent: expected a level or a JSON list".to_owned())?,
                    ),
                };
                let birth_year = match cell("birth_year") {
                    None => None,
                    Some(s) => Some(
                        s.trim()
                            .parse::<i64>()
                            .map_err(|_| "birth_year: expected a year".to_owned())?,
                    ),
                };
                ExchangeRecord::Person(PersonRecord {
                    id: cell("id").unwrap_or_default(),
                    pseudonym: cell("pseudonym").unwrap_or_default(),
                    legal_name: cell("legal_name"),
                    aliases,
                    contact: cell("contact"),
                    a_number: cell("a_number"),
                    immigration_status: cell("immigration_status"),
                    address: cell("address"),
                    birth_year,
                    groups: list("groups"),
                    consent,
                })
            }
            CsvKind::Event => {
                let mut people = Vec::new();
                for (i, entry) in list("people").into_iter().enumerate() {
                    let (id, role) = entry
                        .split_once('=')
                        .ok_or_else(|| format!("people[{i}]: expected id=role"))?;
                    people.push(ParticipantEntry {
                        id: id.trim().to_owned(),
                        role: role.trim().to_owned(),
                    });
                }
                ExchangeRecord::Event(EventRecord {
                    id: cell("id").unwrap_or_default(),
                    kind: cell("kind"),
                    event_type: cell("event_type").unwrap_or_default(),
                    date: cell("date").unwrap_or_default(),
                    end_date: cell("end_date"),
                    state: cell("state"),
                    city: cell("city"),
                    facility: cell("facility"),
                    agency: cell("agency"),
                    field_office: cell("field_office"),
                    people,
                    groups: list("groups"),
                    narrative: cell("narrative"),
                    verification: cell("verification"),
                })
            }
        })
    }
}

fn o(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn group_row(g: &GroupRecord) -> Vec<String> {
    vec![g.id.clone(), g.name.clone(), o(&g.state), o(&g.city)]
}

fn person_row(p: &PersonRecord) -> Vec<String> {
    vec![
        p.id.clone(),
        p.pseudonym.clone(),
        o(&p.legal_name),
        if p.aliases.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&p.aliases).expect("strings serialize")
        },
        o(&p.contact),
        o(&p.a_number),
        o(&p.immigration_status),
        o(&p.address),
        p.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        p.groups.join(";"),
        p.consent
            .as_ref()
            .map(|c| serde_json::to_string(c).expect("consent serializes"))
            .unwrap_or_default(),
    ]
}

fn event_row(e: &EventRecord) -> Vec<String> {
    vec![
        e.id.clone(),
        o(&e.kind),
        e.event_type.clone(),
        e.date.clone(),
        o(&e.end_date),
        o(&e.state),
        o(&e.city),
        o(&e.facility),
        o(&e.agency),
        o(&e.field_office),
        e.people
            .iter()
            .map(|p| format!("{}={}", p.id, p.role))
            .collect::<Vec<_>>()
            .join(";"),
        e.groups.join(";"),
        o(&e.narrative),
        o(&e.verification),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_file_is_read_from_any_reader() {
        let text = "id,name,state,city\ng-1,'=Group (test),WA,'+Tacoma\n";
        let rows = read_csv(CsvTable::Groups, text.as_bytes()).unwrap();
        let [(location, Ok(ExchangeRecord::Group(group)))] = &rows[..] else {
            panic!("{rows:?}");
        };
        assert_eq!(location, "groups.csv row 2");
        assert_eq!(group.name, "=Group (test)");
        assert_eq!(group.city.as_deref(), Some("+Tacoma"));
    }
}
