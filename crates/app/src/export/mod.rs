//! Spreadsheet exports in the user's language, beside the lossless
//! canonical exports (JSON Lines and the CSV directory, which stay as they
//! are): for people who work in spreadsheets.
//!
//! [`export_spreadsheet`] writes every record, identities included:
//!
//! - **XLSX**: three sheets named in `lang` — events (one row per event
//!   and participant, or one for an event without participants), people
//!   and groups; every cell written as a string, never a formula.
//! - **CSV**: the events sheet alone, UTF-8 with a byte-order mark (so
//!   that Excel reads accents right), every cell that a spreadsheet would
//!   run as a formula neutralised with a leading `'`.
//!
//! Headers are the import fields' own labels in `lang` ("Evento: fecha")
//! and code values their labels ("Arresto", "Texas"), so the file imports
//! again through the import's suggestions alone. Dates are canonical
//! (`2019-03-04`, `2019-03`, `~2019`): no locale reads them as another day.
//!
//! Who may: the operator, and accounts whose role sees every identity
//! (administrators and coordinators), as for the full canonical export.
//! The export is audited (`export:xlsx`, `export:sheet-csv`, counts only)
//! before its first byte is written.

mod sheets;
#[cfg(test)]
mod tests;

use std::io::Write;

use testimonio_domain::{FieldError, Lang, Problem};
use testimonio_i18n::tr;
use testimonio_sheets::{CsvWriter, SheetError, XlsxWriter};
use testimonio_vault::{Vault, VaultError};

use self::sheets::{
    EVENT_COLUMNS, GROUP_COLUMNS, PERSON_COLUMNS, Rows, event_rows, group_rows, header, person_rows,
};
use crate::import::Field;
use crate::{Actor, AppError, AppResult, act_as};

/// A spreadsheet export's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// A workbook of three sheets: events, people, groups.
    Xlsx,
    /// The events sheet as CSV, with a byte-order mark.
    Csv,
}

impl SheetFormat {
    /// The format's name in the audit log (`export:NAME`) and on the
    /// command line (`--format NAME`).
    pub fn name(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Csv => "sheet-csv",
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SheetExport {
    pub groups: usize,
    pub people: usize,
    pub events: usize,
    /// Rows of the events sheet (one per event and participant).
    pub event_rows: usize,
}

impl SheetExport {
    /// The records exported.
    pub fn records(&self) -> usize {
        self.groups + self.people + self.events
    }
}

/// The most characters (UTF-16 units, as Excel counts them) a cell of a
/// workbook holds.
pub const MAX_CELL: usize = 32_767;

/// Whether `actor` may export every record with identities.
pub fn may_export(actor: &Actor) -> bool {
    actor.role().sees_all_identities()
}

/// Writes every record as a spreadsheet in `lang` to `out` (see the
/// module's documentation), and says how many records it wrote. `out` is
/// the caller's (a private file to commit once this returns, say); nothing
/// else is written anywhere, no temporary file either.
///
/// # Errors
/// [`AppError::Forbidden`] for an account whose role does not see every
/// identity (nothing is read or audited then). [`AppError::Invalid`] for a
/// workbook cell longer than a spreadsheet holds ([`MAX_CELL`]), the field
/// named `ID FIELD` (`evt-1 event.narrative`): the JSON Lines export keeps
/// it whole. [`AppError::Refused`] with [`VaultError::Io`] (path `export`)
/// when writing to `out` fails; [`AppError::Internal`] for a sheet past a
/// spreadsheet's last row (1,048,576). Database errors. The export is audited
/// once the records are read, so a failure after that leaves its entry.
pub fn export_spreadsheet<W: Write + Send + ?Sized>(
    vault: &mut Vault,
    actor: &Actor,
    format: SheetFormat,
    lang: Lang,
    out: &mut W,
) -> AppResult<SheetExport> {
    if !may_export(actor) {
        return Err(AppError::Forbidden);
    }
    act_as(vault, actor)?;
    let all = vault.export_all(format.name())?;
    let events = event_rows(&all, lang);
    let written = SheetExport {
        groups: all.groups.len(),
        people: all.people.len(),
        events: all.events.len(),
        event_rows: events.len(),
    };
    match format {
        SheetFormat::Csv => {
            let mut csv = CsvWriter::with_bom(&mut *out, &header(&EVENT_COLUMNS, lang))
                .map_err(sheet_error)?;
            csv.rows(events.iter()).map_err(sheet_error)?;
            csv.finish().map_err(sheet_error)?;
        }
        SheetFormat::Xlsx => {
            let today = chrono::Utc::now().date_naive();
            let sheets: [(&str, &[Field], Rows); 3] = [
                (tr!(lang, "records-sheet-events"), &EVENT_COLUMNS, events),
                (
                    tr!(lang, "records-sheet-people"),
                    &PERSON_COLUMNS,
                    person_rows(&all, lang, today),
                ),
                (
                    tr!(lang, "records-sheet-groups"),
                    &GROUP_COLUMNS,
                    group_rows(&all, lang),
                ),
            ];
            for (_, columns, rows) in &sheets {
                fits(columns, rows)?;
            }
            let mut book = XlsxWriter::new();
            for (name, columns, rows) in &sheets {
                book.sheet_with_rows(name, &header(columns, lang), rows.iter())
                    .map_err(sheet_error)?;
            }
            book.finish(&mut *out).map_err(sheet_error)?;
        }
    }
    out.flush().map_err(io_error)?;
    Ok(written)
}

/// Refuses a sheet with a cell longer than a workbook holds, naming the
/// record (every sheet's first column is its record's id) and the field.
fn fits(columns: &[Field], rows: &Rows) -> AppResult<()> {
    for row in rows.iter() {
        let id = row.first().map_or("", String::as_str);
        for (cell, field) in row.iter().zip(columns) {
            if cell.encode_utf16().nth(MAX_CELL).is_some() {
                return Err(AppError::invalid(FieldError::new(
                    format!("{id} {}", field.name()),
                    Problem::TooLong { max: MAX_CELL },
                )));
            }
        }
    }
    Ok(())
}

fn io_error(source: std::io::Error) -> AppError {
    AppError::Refused(VaultError::Io {
        path: "export".into(),
        source,
    })
}

/// A writer's failure: writing to `out` is the caller's I/O error; the
/// rest (past a spreadsheet's last row, say) says where, never what a cell
/// holds.
fn sheet_error(error: SheetError) -> AppError {
    match error {
        SheetError::Io { source, .. } => io_error(source),
        other => AppError::internal(other),
    }
}
