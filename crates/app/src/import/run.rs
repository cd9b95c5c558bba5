//! The import use cases: preview a file with suggestions, run an import
//! (or a dry run), and keep profiles by name.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use testimonio_domain::Lang;
use testimonio_sheets::{Row, SheetError};
use testimonio_vault::{ImportMode, ImportStatus, RecordKind, StoredImport, Vault, WriteOutcome};

use super::ImportError;
use super::assemble::Assembler;
use super::cells::{Place, read_row};
use super::profile::{Mapping, Profile};
use super::source::{self, SheetInput};
use super::suggest::{SAMPLE_ROWS, suggest};
use crate::{Actor, AppError, AppResult, act_as};

/// Problems kept in a report at most; the totals count every one.
pub const MAX_PROBLEMS: usize = 2000;
/// Rows shown in a preview.
pub const PREVIEW_ROWS: usize = 10;
/// Distinct values of a column offered for mapping.
pub const DISTINCT_VALUES: usize = 40;

/// A file opened, with a profile suggested for it.
#[derive(Debug, Clone)]
pub struct Preview {
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub header_row: u64,
    pub header: Vec<String>,
    pub sample: Vec<Row>,
    /// Per column, its distinct values among the first rows (at most
    /// [`DISTINCT_VALUES`]), for mapping values to codes.
    pub distinct: Vec<Vec<String>>,
    pub encoding: Option<&'static str>,
    pub delimiter: Option<char>,
    pub suggested: Profile,
}

/// Opens `input` (sheet `sheet` of a workbook, the header on row
/// `header_row` or found) and suggests a profile.
///
/// # Errors
/// [`AppError::Import`] for a file that cannot be read as a sheet.
pub fn preview(
    input: &SheetInput,
    sheet: Option<&str>,
    header_row: Option<u64>,
    lang: Lang,
) -> AppResult<Preview> {
    let opened = source::open(input, sheet, header_row)?;
    let mut sample = Vec::new();
    for row in opened.rows.take(SAMPLE_ROWS) {
        match row {
            Ok(row) => sample.push(row),
            Err(SheetError::Malformed { .. }) => {}
            Err(other) => return Err(ImportError::from_sheet(other).into()),
        }
    }
    let cells: Vec<Vec<String>> = sample.iter().map(|r| r.cells.clone()).collect();
    let mut suggested = suggest(&opened.header, &cells, lang);
    let distinct = (0..opened.header.len())
        .map(|column| {
            let mut seen = std::collections::BTreeSet::new();
            for row in &cells {
                if seen.len() >= DISTINCT_VALUES {
                    break;
                }
                if let Some(cell) = row.get(column).map(|c| c.trim()).filter(|c| !c.is_empty()) {
                    seen.insert(cell.to_owned());
                }
            }
            seen.into_iter().collect()
        })
        .collect();
    suggested.sheet.clone_from(&opened.sheet);
    suggested.header_row = header_row;
    sample.truncate(PREVIEW_ROWS);
    Ok(Preview {
        sheets: opened.sheets,
        sheet: opened.sheet,
        header_row: opened.header_row,
        header: opened.header,
        sample,
        distinct,
        encoding: opened.encoding,
        delimiter: opened.delimiter,
        suggested,
    })
}

/// Counts of one kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
}

impl Tally {
    fn count(&mut self, outcome: WriteOutcome) {
        match outcome {
            WriteOutcome::Created => self.created += 1,
            WriteOutcome::Updated => self.updated += 1,
            WriteOutcome::Unchanged => self.unchanged += 1,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCounts {
    pub groups: Tally,
    pub people: Tally,
    pub events: Tally,
}

/// One refused cell or row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemLine {
    /// The row as the spreadsheet numbers it.
    pub row: u64,
    /// The column's header, or `constant event.kind` for a profile's constant.
    pub column: Option<String>,
    pub reason: String,
}

/// A row naming a stored person by legal name or A-number, under another
/// pseudonym: for the user to confirm (the profile's `[people]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchLine {
    pub row: u64,
    /// The legal name or A-number as the sheet writes it.
    pub value: String,
    pub person: String,
    pub pseudonym: String,
}

/// What an import (or a dry run) did, row by row and record by record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub import: String,
    pub dry_run: bool,
    pub sheet: Option<String>,
    pub header_row: u64,
    /// Delimited text: the encoding it was read in (`windows-1252`) and
    /// the delimiter, for the user to confirm against accented values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<char>,
    /// Rows with a value in a mapped column.
    pub rows: u64,
    /// Rows that created a record, updated one (and created none), or
    /// changed nothing.
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub refused: u64,
    pub records: RecordCounts,
    /// Per date column, values the other day-month order reads as another day.
    pub ambiguous_dates: BTreeMap<String, u64>,
    /// The first [`MAX_PROBLEMS`] problems.
    pub problems: Vec<ProblemLine>,
    pub problems_total: u64,
    /// Rows that may name a stored person (the first [`MAX_PROBLEMS`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matches: Vec<MatchLine>,
}

/// An import to run.
#[derive(Debug, Clone)]
pub struct ImportRequest<'a> {
    pub input: &'a SheetInput,
    /// The file's name, as the user gave it.
    pub source_name: &'a str,
    pub profile: &'a Profile,
    pub dry_run: bool,
    /// The language of the report's reasons.
    pub lang: Lang,
    /// A stored import (a web draft) this run belongs to; else a new one.
    pub import_id: Option<&'a str>,
    /// The uploaded sheet in the blob store, for a new stored import.
    pub source_blob: Option<&'a str>,
}

/// Who may import: those who write records and see every identity
/// (rows are merged into people's identities).
pub(crate) fn require_importer(actor: &Actor) -> AppResult<()> {
    let role = actor.role();
    if role.can_write_records() && role.sees_all_identities() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A new import id: `imp-` and the time, then random digits.
pub fn new_import_id() -> String {
    let now = chrono::Utc::now().format("%Y%m%d%H%M%S");
    format!("imp-{now}-{:06}", rand::random::<u32>() % 1_000_000)
}

/// Runs an import, or a dry run of it.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not import;
/// [`AppError::Import`] for a file or profile that cannot be used; storage
/// errors. Bad rows are in the report, not errors.
pub fn run(
    vault: &mut Vault,
    actor: &Actor,
    request: &ImportRequest<'_>,
    progress: &mut dyn FnMut(u64),
) -> AppResult<ImportReport> {
    require_importer(actor)?;
    act_as(vault, actor)?;
    let opened = source::open(
        request.input,
        request.profile.sheet.as_deref(),
        request.profile.header_row,
    )?;
    let mapping = Mapping::new(request.profile, &opened.header).map_err(ImportError::Profile)?;
    if mapping.columns.is_empty() {
        return Err(ImportError::NothingMapped.into());
    }
    let now = testimonio_vault::now();
    let mut stored = match request.import_id {
        Some(id) => vault.stored_import(id)?.ok_or_else(|| AppError::NotFound {
            kind: RecordKind::Import,
            id: id.to_owned(),
        })?,
        None => StoredImport {
            id: new_import_id(),
            created_at: now.clone(),
            updated_at: now.clone(),
            created_by: actor.audit_name(),
            source_name: request.source_name.to_owned(),
            source_blob: request.source_blob.map(str::to_owned),
            profile: String::new(),
            status: ImportStatus::Draft,
            report: None,
        },
    };
    stored.profile = request.profile.to_toml();
    stored.updated_at = now;
    vault.save_import(&stored)?;

    let mut report = ImportReport {
        import: stored.id.clone(),
        dry_run: request.dry_run,
        sheet: opened.sheet.clone(),
        header_row: opened.header_row,
        encoding: opened.encoding.map(str::to_owned),
        delimiter: opened.delimiter,
        ..ImportReport::default()
    };
    let mode = if request.dry_run {
        ImportMode::DryRun
    } else {
        ImportMode::Commit
    };
    let header = opened.header.clone();
    let column_name = |place: &Place| match place {
        Place::Column(i) => header.get(*i).cloned(),
        Place::Constant(field) => Some(format!("constant {}", field.name())),
        Place::Row => None,
    };
    let problem = |report: &mut ImportReport, row: u64, column: Option<String>, reason: String| {
        report.problems_total += 1;
        if report.problems.len() < MAX_PROBLEMS {
            report.problems.push(ProblemLine {
                row,
                column,
                reason,
            });
        }
    };
    {
        let mut session = vault.begin_import(&stored.id, mode)?;
        let mut assembler = Assembler::new(&mut session, &mapping)?;
        let mut seen = 0u64;
        for row in opened.rows {
            seen += 1;
            if seen.is_multiple_of(1000) {
                progress(seen);
            }
            let row = match row {
                Ok(row) => row,
                Err(SheetError::Malformed { line, .. }) => {
                    report.rows += 1;
                    report.refused += 1;
                    let reason = ImportError::Malformed { line }.message(request.lang);
                    problem(&mut report, line, None, reason);
                    continue;
                }
                Err(other) => return Err(ImportError::from_sheet(other).into()),
            };
            let read = read_row(&mapping, &row.cells);
            if read.is_blank() {
                continue;
            }
            report.rows += 1;
            for column in &read.ambiguous {
                if let Some(name) = header.get(*column) {
                    *report.ambiguous_dates.entry(name.clone()).or_default() += 1;
                }
            }
            let mut problems = read.problems.clone();
            let records = if problems.is_empty() {
                match assembler.assemble(&mut session, &mapping, &read, row.line)? {
                    Ok(records) => Some(records),
                    Err(found) => {
                        problems = found;
                        None
                    }
                }
            } else {
                None
            };
            let written = match records {
                Some(records) => {
                    let cells_json = originals_json(&header, &read.originals);
                    let import_row = testimonio_vault::ImportRow {
                        row_number: row.line,
                        records,
                        cells_json: cells_json.to_string(),
                    };
                    match session.write_row(&import_row)? {
                        Ok(writes) => {
                            assembler.written(&import_row.records);
                            Some(writes)
                        }
                        Err(refusal) => {
                            let reason = AppError::from(refusal).message(request.lang);
                            problems.push((Place::Row, super::cells::RowProblem::Refused(reason)));
                            None
                        }
                    }
                }
                None => None,
            };
            match written {
                Some(writes) => {
                    let mut row_outcome = WriteOutcome::Unchanged;
                    for (kind, outcome) in writes {
                        let tally = match kind {
                            RecordKind::Group => &mut report.records.groups,
                            RecordKind::Person => &mut report.records.people,
                            _ => &mut report.records.events,
                        };
                        tally.count(outcome);
                        row_outcome = match (row_outcome, outcome) {
                            (WriteOutcome::Created, _) | (_, WriteOutcome::Created) => {
                                WriteOutcome::Created
                            }
                            (WriteOutcome::Updated, _) | (_, WriteOutcome::Updated) => {
                                WriteOutcome::Updated
                            }
                            _ => WriteOutcome::Unchanged,
                        };
                    }
                    match row_outcome {
                        WriteOutcome::Created => report.created += 1,
                        WriteOutcome::Updated => report.updated += 1,
                        WriteOutcome::Unchanged => report.unchanged += 1,
                    }
                }
                None => {
                    report.refused += 1;
                    for (place, reason) in problems {
                        if let super::cells::RowProblem::PossibleMatch {
                            value,
                            person,
                            pseudonym,
                        } = &reason
                            && report.matches.len() < MAX_PROBLEMS
                        {
                            report.matches.push(MatchLine {
                                row: row.line,
                                value: value.clone(),
                                person: person.to_string(),
                                pseudonym: pseudonym.clone(),
                            });
                        }
                        let column = column_name(&place);
                        problem(&mut report, row.line, column, reason.message(request.lang));
                    }
                }
            }
        }
        progress(seen);
        let detail = format!(
            "rows={} created={} updated={} unchanged={} refused={}",
            report.rows, report.created, report.updated, report.unchanged, report.refused
        );
        session.finish(&detail)?;
    }
    stored.status = if request.dry_run {
        ImportStatus::Checked
    } else {
        ImportStatus::Imported
    };
    stored.report = Some(serde_json::to_string(&report).map_err(AppError::internal)?);
    stored.updated_at = testimonio_vault::now();
    vault.save_import(&stored)?;
    Ok(report)
}

/// The original text of a row's mapped cells, by header.
fn originals_json(header: &[String], originals: &[(usize, String)]) -> zeroize::Zeroizing<String> {
    let map: BTreeMap<&str, &str> = originals
        .iter()
        .filter_map(|(i, text)| header.get(*i).map(|h| (h.as_str(), text.as_str())))
        .collect();
    zeroize::Zeroizing::new(serde_json::to_string(&map).unwrap_or_default())
}

/// The profile saved as `name`.
///
/// # Errors
/// [`AppError::Import`] for no such profile, or a stored one that no
/// longer reads.
pub fn saved_profile(vault: &Vault, name: &str) -> AppResult<Profile> {
    let text = vault
        .import_profile(name)?
        .ok_or_else(|| ImportError::UnknownProfile {
            name: name.to_owned(),
        })?;
    Profile::from_toml(&text).map_err(|p| ImportError::Profile(vec![p]).into())
}

/// Saves `profile` as `name`.
///
/// # Errors
/// [`AppError::Forbidden`] for a role that may not import; storage errors.
pub fn save_profile(
    vault: &mut Vault,
    actor: &Actor,
    name: &str,
    profile: &Profile,
) -> AppResult<()> {
    require_importer(actor)?;
    act_as(vault, actor)?;
    let mut named = profile.clone();
    named.name = Some(name.to_owned());
    vault.save_import_profile(name, &named.to_toml())?;
    Ok(())
}

/// A report's problems as CSV (UTF-8 with a byte-order mark, so that
/// spreadsheets read accents), headers in `lang`, every cell neutralised
/// against formula injection: the user's own download.
///
/// # Errors
/// [`AppError::Internal`] if writing to memory fails.
pub fn report_csv(report: &ImportReport, lang: Lang) -> AppResult<Vec<u8>> {
    use testimonio_i18n::tr;
    let header = [
        tr!(lang, "import-report-row"),
        tr!(lang, "import-report-column"),
        tr!(lang, "import-report-reason"),
    ];
    let mut csv =
        testimonio_sheets::CsvWriter::with_bom(Vec::new(), &header).map_err(AppError::internal)?;
    for problem in &report.problems {
        csv.row(&[
            problem.row.to_string(),
            problem.column.clone().unwrap_or_default(),
            problem.reason.clone(),
        ])
        .map_err(AppError::internal)?;
    }
    csv.finish().map_err(AppError::internal)
}
