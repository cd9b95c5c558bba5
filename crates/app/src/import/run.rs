//! The import use cases: preview a file with suggestions, run an import
//! (or a dry run), and keep profiles by name.

use std::collections::BTreeMap;

use testimonio_domain::Lang;
use testimonio_sheets::{Row, SheetError};
use testimonio_vault::{
    ImportMode, ImportRow, ImportSession, ImportStatus, RecordKind, StoredImport, Vault,
};

use super::ImportError;
use super::assemble::Assembler;
use super::cells::{Place, RowProblem, read_row};
use super::profile::{Mapping, Profile};
pub use super::report::{
    ImportReport, MAX_PROBLEMS, MatchLine, ProblemLine, RecordCounts, Tally, report_csv,
};
use super::source::{self, SheetInput};
use super::suggest::{SAMPLE_ROWS, suggest};
use crate::{Actor, AppError, AppResult, act_as};

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
    let mut stored = stored_import(vault, actor, request)?;

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
    {
        let mut session = vault.begin_import(&stored.id, mode)?;
        let mut rows = RowRun {
            assembler: Assembler::new(&mut session, &mapping)?,
            mapping: &mapping,
            header: &opened.header,
            lang: request.lang,
        };
        let mut seen = 0u64;
        for row in opened.rows {
            seen += 1;
            if seen.is_multiple_of(1000) {
                progress(seen);
            }
            match row {
                Ok(row) => rows.import(&mut session, &row, &mut report)?,
                Err(SheetError::Malformed { line, .. }) => {
                    report.rows += 1;
                    report.refused += 1;
                    let reason = ImportError::Malformed { line }.message(request.lang);
                    report.problem(line, None, reason);
                }
                Err(other) => return Err(ImportError::from_sheet(other).into()),
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

/// The stored import a run belongs to (a web draft), or a new one, saved
/// with the run's profile.
fn stored_import(
    vault: &mut Vault,
    actor: &Actor,
    request: &ImportRequest<'_>,
) -> AppResult<StoredImport> {
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
    Ok(stored)
}

/// One import's rows: each read through the mapping, assembled into
/// records, written, and counted in the report.
struct RowRun<'m> {
    assembler: Assembler,
    mapping: &'m Mapping,
    header: &'m [String],
    lang: Lang,
}

impl RowRun<'_> {
    /// Imports one row, or reports why it is refused.
    ///
    /// # Errors
    /// Storage errors that stop the import.
    fn import(
        &mut self,
        session: &mut ImportSession<'_>,
        row: &Row,
        report: &mut ImportReport,
    ) -> AppResult<()> {
        let read = read_row(self.mapping, &row.cells);
        if read.is_blank() {
            return Ok(());
        }
        report.rows += 1;
        for column in &read.ambiguous {
            if let Some(name) = self.header.get(*column) {
                *report.ambiguous_dates.entry(name.clone()).or_default() += 1;
            }
        }
        if !read.problems.is_empty() {
            self.refuse(report, row.line, read.problems);
            return Ok(());
        }
        let records = match self
            .assembler
            .assemble(session, self.mapping, &read, row.line)?
        {
            Ok(records) => records,
            Err(problems) => {
                self.refuse(report, row.line, problems);
                return Ok(());
            }
        };
        let import_row = ImportRow {
            row_number: row.line,
            records,
            cells_json: originals_json(self.header, &read.originals).to_string(),
        };
        match session.write_row(&import_row)? {
            Ok(writes) => {
                self.assembler.written(&import_row.records);
                report.count(&writes);
            }
            Err(refusal) => {
                let reason = AppError::from(refusal).message(self.lang);
                self.refuse(
                    report,
                    row.line,
                    vec![(Place::Row, RowProblem::Refused(reason))],
                );
            }
        }
        Ok(())
    }

    fn refuse(&self, report: &mut ImportReport, row: u64, problems: Vec<(Place, RowProblem)>) {
        report.refused += 1;
        for (place, problem) in problems {
            if let RowProblem::PossibleMatch {
                value,
                person,
                pseudonym,
            } = &problem
                && report.matches.len() < MAX_PROBLEMS
            {
                report.matches.push(MatchLine {
                    row,
                    value: value.clone(),
                    person: person.to_string(),
                    pseudonym: pseudonym.clone(),
                });
            }
            let column = match place {
                Place::Column(i) => self.header.get(i).cloned(),
                Place::Constant(field) => Some(format!("constant {}", field.name())),
                Place::Row => None,
            };
            report.problem(row, column, problem.message(self.lang));
        }
    }
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
