//! Spreadsheet import: the CSV, XLSX and ODS files groups already keep,
//! read through a mapping profile into groups, people and events.
//!
//! [`preview`] opens a file and suggests a profile from its header and
//! first rows; [`run`] imports it (or, as a dry run, writes everything and
//! rolls it back, so the counts are the import's own). A row with a bad
//! cell is refused with its row, column and reason in the user's
//! language; every other row imports; the totals are true. Rows get
//! stable ids, so importing a file again, or a corrected one, updates
//! instead of duplicating. The original text of each row's cells is kept
//! with the records it wrote.

mod assemble;
pub mod cells;
pub mod drafts;
pub mod fields;
pub mod origins;
pub mod profile;
mod report;
mod run;
pub mod source;
pub mod suggest;
#[cfg(test)]
mod tests;
pub mod values;
#[cfg(test)]
mod workbook_tests;

use testimonio_domain::Lang;
use testimonio_i18n::tr;
use testimonio_sheets::SheetError;

pub use fields::{Entity, Field};
pub use profile::{Profile, ProfileProblem};
pub use run::{
    DISTINCT_VALUES, ImportReport, ImportRequest, MatchLine, Preview, ProblemLine, RecordCounts,
    Tally, new_import_id, preview, report_csv, run, save_profile, saved_profile,
};
pub use source::SheetInput;

/// Why a file could not be imported at all (a row's problems are in the
/// report instead). No variant holds a cell's content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file could not be read")]
    Unreadable,
    #[error("no row of the file looks like a header")]
    NoHeader,
    #[error("the file is not a spreadsheet this version reads (line {line})")]
    Malformed { line: u64 },
    #[error("row {row} cannot be the header")]
    NotAHeader { row: u64 },
    #[error("the workbook has no sheet of that name")]
    UnknownSheet { sheet: String },
    #[error("the profile does not fit the file ({} problems)", .0.len())]
    Profile(Vec<ProfileProblem>),
    #[error("the profile maps no column to a field")]
    NothingMapped,
    #[error("no profile was given")]
    NeedsProfile,
    #[error("no saved profile of that name")]
    UnknownProfile { name: String },
}

impl ImportError {
    pub(crate) fn from_sheet(error: SheetError) -> Self {
        match error {
            SheetError::NoHeader { .. } => ImportError::NoHeader,
            SheetError::HeaderRow { row, .. } => ImportError::NotAHeader { row },
            SheetError::NoSheet { .. } => ImportError::UnknownSheet {
                sheet: String::new(),
            },
            SheetError::Malformed { line, .. } => ImportError::Malformed { line },
            _ => ImportError::Unreadable,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Unreadable => tr!(lang, "import-error-unreadable").to_owned(),
            ImportError::NoHeader => tr!(lang, "import-error-no-header").to_owned(),
            ImportError::Malformed { line } => {
                tr!(lang, "import-error-malformed", line = *line)
            }
            ImportError::NotAHeader { row } => tr!(lang, "import-error-not-a-header", row = *row),
            ImportError::UnknownSheet { sheet } => {
                tr!(lang, "import-error-unknown-sheet", sheet = sheet.as_str())
            }
            ImportError::Profile(problems) => problems
                .iter()
                .map(|p| p.message(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            ImportError::NothingMapped => tr!(lang, "import-error-nothing-mapped").to_owned(),
            ImportError::NeedsProfile => tr!(lang, "import-error-needs-profile").to_owned(),
            ImportError::UnknownProfile { name } => {
                tr!(lang, "import-error-unknown-profile", name = name.as_str())
            }
        }
    }
}
