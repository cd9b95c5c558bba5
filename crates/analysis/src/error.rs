//! Why an analysis could not be done, in English and Spanish.
//!
//! Like every error in Testimonio, these name records by id and never
//! carry a name or a narrative.

use testimonio_domain::{Lang, RecordId};
use testimonio_i18n::tr;

/// Why an analysis or a table was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalysisError {
    /// Two people with the same id.
    #[error("person {id} is listed more than once")]
    DuplicatePerson {
        /// The repeated id.
        id: RecordId,
    },
    /// Two events with the same id.
    #[error("event {id} is listed more than once")]
    DuplicateEvent {
        /// The repeated id.
        id: RecordId,
    },
    /// An event names a person who is not among the people.
    #[error("event {event} names person {person}, who is not in the analysis")]
    UnknownPerson {
        /// The event.
        event: RecordId,
        /// The missing person.
        person: RecordId,
    },
    /// An event names the same person twice.
    #[error("event {event} names person {person} more than once")]
    DuplicateParticipant {
        /// The event.
        event: RecordId,
        /// The repeated person.
        person: RecordId,
    },
    /// A documented period that ends before it starts.
    #[error("person {id}: the documented period ends before it starts")]
    PeriodEndsBeforeStart {
        /// The person.
        id: RecordId,
    },
    /// The permutation test has no enforcement action aimed at a person.
    #[error("nothing to test: no enforcement action names a targeted person")]
    NothingToTest,
    /// Zero permutations were asked for.
    #[error("the number of permutations must be at least 1")]
    NoPermutations,
    /// The exact p-value would take too long or overflow its counters.
    #[error("too many combinations for an exact p-value; use the permutation test")]
    TooLargeForExact,
    /// A table whose rows do not match its labels.
    #[error(
        "the table has {rows} rows of {columns} columns, but its counts do not have that shape"
    )]
    TableShape {
        /// Number of row labels.
        rows: usize,
        /// Number of column labels.
        columns: usize,
    },
    /// A minimum cell count that would publish single people.
    #[error(
        "the minimum cell count for coalition or public tables must be at least 2, not {min_count}"
    )]
    MinCountTooSmall {
        /// The refused threshold.
        min_count: u64,
    },
}

impl AnalysisError {
    /// The message in `lang`, from the catalog (`reports.ftl`).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AnalysisError::DuplicatePerson { id } => {
                tr!(lang, "analysis-error-duplicate-person", id = id.as_str())
            }
            AnalysisError::DuplicateEvent { id } => {
                tr!(lang, "analysis-error-duplicate-event", id = id.as_str())
            }
            AnalysisError::UnknownPerson { event, person } => tr!(
                lang,
                "analysis-error-unknown-person",
                event = event.as_str(),
                person = person.as_str()
            ),
            AnalysisError::DuplicateParticipant { event, person } => tr!(
                lang,
                "analysis-error-duplicate-participant",
                event = event.as_str(),
                person = person.as_str()
            ),
            AnalysisError::PeriodEndsBeforeStart { id } => {
                tr!(lang, "analysis-error-period", id = id.as_str())
            }
            AnalysisError::NothingToTest => tr!(lang, "analysis-error-nothing-to-test").to_owned(),
            AnalysisError::NoPermutations => tr!(lang, "analysis-error-no-permutations").to_owned(),
            AnalysisError::TooLargeForExact => {
                tr!(lang, "analysis-error-too-large-for-exact").to_owned()
            }
            AnalysisError::TableShape { rows, columns } => tr!(
                lang,
                "analysis-error-table-shape",
                rows = *rows,
                columns = *columns
            ),
            AnalysisError::MinCountTooSmall { min_count } => {
                tr!(lang, "analysis-error-min-count", count = *min_count)
            }
        }
    }
}
