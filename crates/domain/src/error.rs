//! Validation errors that say which field and why, in both languages.

use std::fmt;

use crate::lang::Lang;

/// Why a value was refused. Each reason has an English and a Spanish message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong { max: usize },
    BadCharacters { allowed: &'static str },
    BadDate { expected: &'static str },
    DateOutOfRange,
    EndBeforeStart,
    UnknownCode { known_hint: &'static str },
    WrongKind { code: String, kind: &'static str },
    OnlyForEnforcement,
    BadANumber,
    BadBirthYear,
    WithdrawnBeforeGiven,
    Duplicate { value: String },
}

impl Problem {
    /// The reason in `lang`, without the field name.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Required, Lang::En) => "is required".into(),
            (Problem::Required, Lang::Es) => "es obligatorio".into(),
            (Problem::TooLong { max }, Lang::En) => format!("is longer than {max} characters"),
            (Problem::TooLong { max }, Lang::Es) => format!("tiene más de {max} caracteres"),
            (Problem::BadCharacters { allowed }, Lang::En) => {
                format!("may only contain {allowed}")
            }
            (Problem::BadCharacters { allowed }, Lang::Es) => {
                format!("solo puede contener {}", spanish_allowed(allowed))
            }
            (Problem::BadDate { expected }, Lang::En) => {
                format!("is not a valid date (expected {expected})")
            }
            (Problem::BadDate { expected }, Lang::Es) => {
                format!(
                    "no es una fecha válida (se espera {})",
                    spanish_hint(expected)
                )
            }
            (Problem::DateOutOfRange, Lang::En) => "must be between the years 1900 and 2100".into(),
            (Problem::DateOutOfRange, Lang::Es) => "debe estar entre los años 1900 y 2100".into(),
            (Problem::EndBeforeStart, Lang::En) => "ends before it starts".into(),
            (Problem::EndBeforeStart, Lang::Es) => "termina antes de empezar".into(),
            (Problem::UnknownCode { known_hint }, Lang::En) => {
                format!("is not a known code ({known_hint})")
            }
            (Problem::UnknownCode { known_hint }, Lang::Es) => {
                format!("no es un código conocido ({})", spanish_hint(known_hint))
            }
            (Problem::WrongKind { code, kind }, Lang::En) => {
                format!("'{code}' is not a type of {kind}")
            }
            (Problem::WrongKind { code, kind }, Lang::Es) => {
                format!("'{code}' no es un tipo de {}", spanish_kind(kind))
            }
            (Problem::OnlyForEnforcement, Lang::En) => "applies only to enforcement actions".into(),
            (Problem::OnlyForEnforcement, Lang::Es) => {
                "solo se aplica a acciones de control migratorio".into()
            }
            (Problem::BadANumber, Lang::En) => {
                "must be an A-number: 8 or 9 digits, optionally after 'A'".into()
            }
            (Problem::BadANumber, Lang::Es) => {
                "debe ser un número A: 8 o 9 dígitos, opcionalmente precedidos de 'A'".into()
            }
            (Problem::BadBirthYear, Lang::En) => "must be a year between 1900 and 2100".into(),
            (Problem::BadBirthYear, Lang::Es) => "debe ser un año entre 1900 y 2100".into(),
            (Problem::WithdrawnBeforeGiven, Lang::En) => "is withdrawn before it was given".into(),
            (Problem::WithdrawnBeforeGiven, Lang::Es) => {
                "se retira antes de haberse otorgado".into()
            }
            (Problem::Duplicate { value }, Lang::En) => format!("lists '{value}' twice"),
            (Problem::Duplicate { value }, Lang::Es) => format!("incluye '{value}' dos veces"),
        }
    }
}

fn spanish_allowed(allowed: &str) -> &str {
    match allowed {
        "letters, digits and . _ : -" => "letras, dígitos y . _ : -",
        "printable text" => "texto imprimible",
        other => other,
    }
}

/// The Spanish form of a hint about expected values. Lists of codes are
/// the same in both languages.
fn spanish_hint(hint: &str) -> &str {
    match hint {
        "YYYY-MM-DD, YYYY-MM or YYYY, with ~ in front if approximate" => {
            "AAAA-MM-DD, AAAA-MM o AAAA, con ~ delante si es aproximada"
        }
        "YYYY-MM-DD" => "AAAA-MM-DD",
        "a two-letter USPS code such as TX" => "un código postal de dos letras como TX",
        "a three-letter ERO code such as SNA" => "un código de oficina ERO de tres letras como SNA",
        "see `testimonio vocabulary`" => "vea `testimonio vocabulary`",
        "protected_activity or enforcement_action" => "protected_activity o enforcement_action",
        "reported, corroborated or documented" => "reported, corroborated o documented",
        "version 1" => "versión 1",
        other => other,
    }
}

fn spanish_kind(kind: &str) -> &str {
    match kind {
        "protected_activity" => "actividad protegida",
        "enforcement_action" => "acción de control migratorio",
        other => other,
    }
}

/// A refused value: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FieldError {
    /// The field's name as in the exchange format (`date`, `people[2].role`).
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            problem,
        }
    }

    /// Prefixes the field path, e.g. `role` inside `people[2]`.
    pub fn within(mut self, parent: &str) -> Self {
        self.field = format!("{parent}.{}", self.field);
        self
    }

    /// `field: reason` in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.field, self.problem.message(lang))
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
            Problem::Required,
            Problem::TooLong { max: 3 },
            Problem::BadCharacters {
                allowed: "letters, digits and . _ : -",
            },
            Problem::BadDate {
                expected: "YYYY-MM-DD",
            },
            Problem::DateOutOfRange,
            Problem::EndBeforeStart,
            Problem::UnknownCode { known_hint: "x" },
            Problem::WrongKind {
                code: "x".into(),
                kind: "protected_activity",
            },
            Problem::OnlyForEnforcement,
            Problem::BadANumber,
            Problem::BadBirthYear,
            Problem::WithdrawnBeforeGiven,
            Problem::Duplicate { value: "x".into() },
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
        let e = FieldError::new("role", Problem::Required).within("people[2]");
        assert_eq!(e.to_string(), "people[2].role: is required");
        assert_eq!(e.message(Lang::Es), "people[2].role: es obligatorio");
    }
}
