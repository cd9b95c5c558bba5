//! What an import (or a dry run) did: counts per row and per record, and
//! each refused row's problems, and the problems as the user's CSV.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use testimonio_domain::Lang;
use testimonio_vault::{RecordKind, RowWrites, WriteOutcome};

use crate::{AppError, AppResult};

/// Problems kept in a report at most; the totals count every one.
pub const MAX_PROBLEMS: usize = 2000;

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

impl ImportReport {
    /// Counts a problem, and keeps it while fewer than [`MAX_PROBLEMS`] are.
    pub(crate) fn problem(&mut self, row: u64, column: Option<String>, reason: String) {
        self.problems_total += 1;
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(ProblemLine {
                row,
                column,
                reason,
            });
        }
    }

    /// Counts a written row: each record's outcome, and the row's (created
    /// if it created any record, else updated if it updated any).
    pub(crate) fn count(&mut self, writes: &RowWrites) {
        let mut row_outcome = WriteOutcome::Unchanged;
        for (kind, outcome) in writes {
            let tally = match kind {
                RecordKind::Group => &mut self.records.groups,
                RecordKind::Person => &mut self.records.people,
                _ => &mut self.records.events,
            };
            tally.count(*outcome);
            row_outcome = match (row_outcome, *outcome) {
                (WriteOutcome::Created, _) | (_, WriteOutcome::Created) => WriteOutcome::Created,
                (WriteOutcome::Updated, _) | (_, WriteOutcome::Updated) => WriteOutcome::Updated,
                _ => WriteOutcome::Unchanged,
            };
        }
        match row_outcome {
            WriteOutcome::Created => self.created += 1,
            WriteOutcome::Updated => self.updated += 1,
            WriteOutcome::Unchanged => self.unchanged += 1,
        }
    }
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
