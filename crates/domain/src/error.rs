//! Validation errors that say which field and why, in both languages (the
//! messages are in the catalog, `domain.ftl`).

use std::fmt;

use testimonio_i18n::tr;

use crate::lang::Lang;

/// Why a value was refused. Each reason has an English and a Spanish message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    BadCharacters {
        allowed: &'static str,
    },
    BadDate {
        expected: &'static str,
    },
    DateOutOfRange,
    EndBeforeStart,
    UnknownCode {
        known_hint: &'static str,
    },
    WrongKind {
        code: String,
        kind: &'static str,
    },
    OnlyForEnforcement,
    BadANumber,
    BadBirthYear,
    WithdrawnBeforeGiven,
    Duplicate {
        value: String,
    },
    /// Given together with `other` (a field name), where only one of the
    /// two may be.
    ExclusiveWith {
        other: &'static str,
    },
    /// Must name a person, not a group (a case packet is about one person).
    PersonOnly,
    /// The timestamp authority named gave no valid timestamp: `reason` is
    /// `unreachable`, `malformed`, `rejected`, `wrong-imprint` or
    /// `wrong-nonce`.
    TimestampFailed {
        reason: &'static str,
    },
    /// A number past the last one there is (a page, a word on a page).
    OutOfRange {
        max: u64,
    },
    /// The document cannot be redacted: only PDFs can.
    NotRedactable,
    /// A redacted copy's check found a redacted string (or a near variant
    /// of one) still readable on `page` of the copy, `via` its `text` or
    /// its `metadata`: the copy was not stored.
    RedactionLeak {
        page: u32,
        via: &'static str,
    },
}

impl Problem {
    /// The reason in `lang`, without the field name, from the catalog
    /// (`domain.ftl`).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Required => tr!(lang, "domain-problem-required").to_owned(),
            Problem::TooLong { max } => tr!(lang, "domain-problem-too-long", max = *max),
            Problem::BadCharacters { allowed } => {
                tr!(
                    lang,
                    "domain-problem-bad-characters",
                    allowed = allowed_text(lang, allowed)
                )
            }
            Problem::BadDate { expected } => {
                tr!(
                    lang,
                    "domain-problem-bad-date",
                    expected = hint_text(lang, expected)
                )
            }
            Problem::DateOutOfRange => tr!(lang, "domain-problem-date-out-of-range").to_owned(),
            Problem::EndBeforeStart => tr!(lang, "domain-problem-end-before-start").to_owned(),
            Problem::UnknownCode { known_hint } => {
                tr!(
                    lang,
                    "domain-problem-unknown-code",
                    hint = hint_text(lang, known_hint)
                )
            }
            Problem::WrongKind { code, kind } => tr!(
                lang,
                "domain-problem-wrong-kind",
                code = code.as_str(),
                kind = kind_text(lang, kind)
            ),
            Problem::OnlyForEnforcement => {
                tr!(lang, "domain-problem-only-for-enforcement").to_owned()
            }
            Problem::BadANumber => tr!(lang, "domain-problem-bad-a-number").to_owned(),
            Problem::BadBirthYear => tr!(lang, "domain-problem-bad-birth-year").to_owned(),
            Problem::WithdrawnBeforeGiven => {
                tr!(lang, "domain-problem-withdrawn-before-given").to_owned()
            }
            Problem::Duplicate { value } => {
                tr!(lang, "domain-problem-duplicate", value = value.as_str())
            }
            Problem::ExclusiveWith { other } => {
                tr!(lang, "domain-problem-exclusive-with", other = *other)
            }
            Problem::PersonOnly => tr!(lang, "domain-problem-person-only").to_owned(),
            Problem::TimestampFailed { reason } => {
                tr!(lang, "domain-problem-timestamp-failed", reason = *reason)
            }
            Problem::OutOfRange { max } => tr!(lang, "domain-problem-out-of-range", max = *max),
            Problem::NotRedactable => tr!(lang, "domain-problem-not-redactable").to_owned(),
            Problem::RedactionLeak { page, via } => {
                tr!(
                    lang,
                    "domain-problem-redaction-leak",
                    page = *page,
                    via = *via
                )
            }
        }
    }
}

/// What a Bates prefix may be (the rule named by its parser).
pub const BATES_PREFIX_RULE: &str = "A-Z, 0-9, - and _, 1-20 characters, a letter or digit first";

/// What a field may contain, in `lang`. The rules are named by the
/// constants the parsers pass; one the catalog does not know is shown as
/// given.
fn allowed_text(lang: Lang, allowed: &'static str) -> &'static str {
    match allowed {
        "letters, digits and . _ : -" => tr!(lang, "domain-allowed-id"),
        "printable text" => tr!(lang, "domain-allowed-printable"),
        "a-z, 0-9 and _ (snake_case), 2-40 characters" => tr!(lang, "domain-allowed-tag"),
        BATES_PREFIX_RULE => tr!(lang, "domain-allowed-bates-prefix"),
        other => other,
    }
}

/// A hint about the expected values, in `lang`. Plain lists of codes are
/// the same in both languages and are shown as given.
fn hint_text(lang: Lang, hint: &'static str) -> &'static str {
    match hint {
        "YYYY-MM-DD, YYYY-MM or YYYY, with ~ in front if approximate" => {
            tr!(lang, "domain-hint-partial-date")
        }
        "YYYY-MM-DD" => tr!(lang, "domain-hint-day"),
        "a two-letter USPS code such as TX" => tr!(lang, "domain-hint-state"),
        "a three-letter ERO code such as SNA" => tr!(lang, "domain-hint-field-office"),
        "see `testimonio vocabulary`" => tr!(lang, "domain-hint-vocabulary"),
        "protected_activity or enforcement_action" => tr!(lang, "domain-hint-event-kind"),
        "reported, corroborated or documented" => tr!(lang, "domain-hint-verification"),
        "clarification or fee_dispute" => tr!(lang, "domain-hint-tolling"),
        "version 1" => tr!(lang, "domain-hint-version"),
        crate::testimony::LANGUAGE_HINT => tr!(lang, "domain-hint-language"),
        other => other,
    }
}

/// The kind of event a code was expected to be, in `lang`.
fn kind_text(lang: Lang, kind: &'static str) -> &'static str {
    match kind {
        "protected_activity" => tr!(lang, "domain-kind-protected-activity"),
        "enforcement_action" => tr!(lang, "domain-kind-enforcement-action"),
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
        tr!(
            lang,
            "domain-field-error",
            field = self.field.as_str(),
            reason = self.problem.message(lang)
        )
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
            Problem::ExclusiveWith { other: "person" },
            Problem::PersonOnly,
        ];
        for p in problems {
            let en = p.message(Lang::En);
            let es = p.message(Lang::Es);
            assert!(!en.is_empty() && !es.is_empty());
            assert_ne!(en, es, "{p:?} is not translated");
        }
    }

    #[test]
    fn spanish_reasons_agree_in_number_and_translate_hints() {
        assert_eq!(
            Problem::TooLong { max: 1 }.message(Lang::Es),
            "tiene más de 1 carácter"
        );
        assert_eq!(
            Problem::TooLong { max: 200 }.message(Lang::Es),
            "tiene más de 200 caracteres"
        );
        assert_eq!(
            Problem::TooLong { max: 1 }.message(Lang::En),
            "is longer than 1 character"
        );
        let tag = Problem::BadCharacters {
            allowed: "a-z, 0-9 and _ (snake_case), 2-40 characters",
        };
        assert_eq!(
            tag.message(Lang::Es),
            "solo puede contener a-z, 0-9 y _ (snake_case), de 2 a 40 caracteres"
        );
        let kind = Problem::WrongKind {
            code: "march".into(),
            kind: "enforcement_action",
        };
        assert_eq!(
            kind.message(Lang::Es),
            "'march' no es un tipo de acción de control migratorio"
        );
        // Plain lists of codes read the same in both languages.
        let codes = Problem::UnknownCode {
            known_hint: "stored, ok, partial, failed",
        };
        assert_eq!(
            codes.message(Lang::Es),
            "no es un código conocido (stored, ok, partial, failed)"
        );
    }

    #[test]
    fn names_the_field() {
        let e = FieldError::new("role", Problem::Required).within("people[2]");
        assert_eq!(e.to_string(), "people[2].role: is required");
        assert_eq!(e.message(Lang::Es), "people[2].role: es obligatorio");
    }
}
