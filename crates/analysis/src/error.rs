//! Why an analysis could not be done, in English and Spanish.
//!
//! Like every error in Testimonio, these name records by id and never
//! carry a name or a narrative.

use testimonio_domain::{Lang, RecordId};

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
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Es => match self {
                AnalysisError::DuplicatePerson { id } => {
                    format!("la persona {id} aparece más de una vez")
                }
                AnalysisError::DuplicateEvent { id } => {
                    format!("el evento {id} aparece más de una vez")
                }
                AnalysisError::UnknownPerson { event, person } => format!(
                    "el evento {event} nombra a la persona {person}, que no está en el análisis"
                ),
                AnalysisError::DuplicateParticipant { event, person } => {
                    format!("el evento {event} nombra a la persona {person} más de una vez")
                }
                AnalysisError::PeriodEndsBeforeStart { id } => {
                    format!("persona {id}: el periodo documentado termina antes de empezar")
                }
                AnalysisError::NothingToTest => "nada que probar: ninguna acción de control \
                     migratorio nombra a una persona afectada"
                    .into(),
                AnalysisError::NoPermutations => {
                    "el número de permutaciones debe ser al menos 1".into()
                }
                AnalysisError::TooLargeForExact => "demasiadas combinaciones para un valor p \
                     exacto; use la prueba de permutaciones"
                    .into(),
                AnalysisError::TableShape { rows, columns } => format!(
                    "la tabla tiene {rows} filas de {columns} columnas, pero sus conteos no \
                     tienen esa forma"
                ),
                AnalysisError::MinCountTooSmall { min_count } => format!(
                    "el conteo mínimo por celda para tablas de la coalición o públicas debe \
                     ser al menos 2, no {min_count}"
                ),
            },
        }
    }
}
