//! Validation errors for FOIA records: which field, and why, in both
//! languages.
//!
//! The reasons of the domain crate ([`testimonio_domain::Problem`]) are
//! reused as they are; the few that only make sense for a FOIA request
//! (a date after today, two tolling periods that overlap, an appeal window
//! shorter than the statute allows) are added here.

use std::fmt;

use testimonio_domain::{Lang, Problem as DomainProblem};
use testimonio_i18n::tr;

/// Why a value was refused. Each reason has an English and a Spanish message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A reason shared with the rest of Testimonio (required, too long,
    /// unknown code, bad date, ends before it starts...).
    Domain(DomainProblem),
    /// A date that has not happened yet: after the `today` given.
    InFuture,
    /// A date earlier than another one it must follow (`other` is that
    /// field's name).
    Before { other: &'static str },
    /// A period that overlaps another one (`other` is that period's field).
    Overlaps { other: String },
    /// A number of days below the statute's floor.
    BelowStatutoryMinimum { min: u32 },
    /// A value that only makes sense together with another one that is
    /// missing or false (`other` names it): a decision on expedited
    /// processing that was never requested, a perfection date without a
    /// receipt date.
    Requires { other: &'static str },
    /// An identifier another request holds already.
    Taken,
}

impl Problem {
    /// The reason in `lang`, without the field name, from the catalog.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Domain(p) => p.message(lang),
            Problem::InFuture => tr!(lang, "foia-problem-in-future").to_owned(),
            Problem::Before { other } => tr!(lang, "foia-problem-before", other = *other),
            Problem::Overlaps { other } => {
                tr!(lang, "foia-problem-overlaps", other = other.as_str())
            }
            Problem::BelowStatutoryMinimum { min } => {
                tr!(lang, "foia-problem-below-minimum", min = *min)
            }
            Problem::Requires { other } => tr!(lang, "foia-problem-requires", other = *other),
            Problem::Taken => tr!(lang, "foia-problem-taken").to_owned(),
        }
    }
}

impl From<DomainProblem> for Problem {
    fn from(p: DomainProblem) -> Self {
        Problem::Domain(p)
    }
}

/// A refused value: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FieldError {
    /// The field's name as in [`crate::FoiaRequestParts`] (`date_received`,
    /// `tolling[1].to`).
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: impl Into<Problem>) -> Self {
        Self {
            field: field.into(),
            problem: problem.into(),
        }
    }

    /// Prefixes the field path, e.g. `to` inside `tolling[1]`.
    #[must_use]
    pub fn within(mut self, parent: &str) -> Self {
        self.field = format!("{parent}.{}", self.field);
        self
    }

    /// `field: reason` in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.field, self.problem.message(lang))
    }
}

impl From<testimonio_domain::FieldError> for FieldError {
    fn from(e: testimonio_domain::FieldError) -> Self {
        Self {
            field: e.field,
            problem: Problem::Domain(e.problem),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_two_distinct_messages() {
        let problems = [
            Problem::Domain(DomainProblem::EndBeforeStart),
            Problem::InFuture,
            Problem::Before { other: "date_sent" },
            Problem::Overlaps {
                other: "tolling[0]".into(),
            },
            Problem::BelowStatutoryMinimum { min: 90 },
            Problem::Requires {
                other: "expedited_requested",
            },
            Problem::Taken,
        ];
        for p in problems {
            let en = p.message(Lang::En);
            let es = p.message(Lang::Es);
            assert!(!en.is_empty() && !es.is_empty());
            assert_ne!(en, es, "{p:?} is not translated");
        }
    }

    #[test]
    fn names_the_field() {
        let e = FieldError::new("to", Problem::Domain(DomainProblem::EndBeforeStart))
            .within("tolling[1]");
        assert_eq!(e.to_string(), "tolling[1].to: ends before it starts");
        assert_eq!(
            e.message(Lang::Es),
            "tolling[1].to: termina antes de empezar"
        );
    }
}
