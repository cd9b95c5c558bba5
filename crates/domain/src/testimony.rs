//! A testimony: one person's first-person account, who took it, when,
//! where, in which language, and the consent given for this account.

use std::fmt;

use zeroize::Zeroizing;

use crate::consent::ConsentLevel;
use crate::date::PartialDate;
use crate::error::{FieldError, Problem};
use crate::text::{RecordId, Sensitive, ShortText};

/// The hint shown when a language code is refused.
pub const LANGUAGE_HINT: &str = "a language code such as es, en or pt-BR";

/// A language code in the shape of BCP 47: a primary language of two or
/// three letters (`es`, `en`, `mam`), then optional subtags of two to
/// eight letters or digits (`es-MX`, `zh-Hant`). Stored as written, with
/// the primary language in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    /// # Errors
    /// Empty, or not shaped like a language code.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(FieldError::new(field, Problem::Required));
        }
        let refused = || {
            FieldError::new(
                field,
                Problem::UnknownCode {
                    known_hint: LANGUAGE_HINT,
                },
            )
        };
        let mut parts = value.split('-');
        let primary = parts.next().unwrap_or_default();
        if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(refused());
        }
        let mut tag = primary.to_ascii_lowercase();
        for sub in parts {
            if !(2..=8).contains(&sub.len()) || !sub.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(refused());
            }
            tag.push('-');
            tag.push_str(sub);
        }
        Ok(Self(tag))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A testimony's fields as typed, before they are checked. Holds the
/// account as typed, so it has no `Debug` and its account is wiped on drop.
#[derive(Clone, Default)]
pub struct TestimonyParts {
    pub id: String,
    pub person: String,
    pub interviewer: String,
    pub date: String,
    pub place: String,
    pub language: String,
    pub account: Zeroizing<String>,
    pub consent: String,
    pub events: Vec<String>,
    pub documents: Vec<String>,
}

/// A checked testimony. The account is [`Sensitive`]: redacted `Debug`,
/// read only through `expose()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Testimony {
    pub id: RecordId,
    /// The person who gave it.
    pub person: RecordId,
    /// Who took it (a volunteer's or an attorney's name).
    pub interviewer: ShortText,
    pub date: PartialDate,
    pub place: ShortText,
    pub language: LanguageTag,
    /// The first-person account.
    pub account: Sensitive,
    /// The consent given for this account; the one in force is the
    /// narrower of this and the person's own ([`Testimony::effective_consent`]).
    pub consent: ConsentLevel,
    /// Events the account tells of.
    pub events: Vec<RecordId>,
    /// Documents attached (a recording, a signed statement).
    pub documents: Vec<RecordId>,
}

impl Testimony {
    /// Longest accepted account, in characters.
    pub const MAX_ACCOUNT: usize = Sensitive::MAX_LEN;

    /// Checks every field; every refused field is reported at once, with
    /// list entries named by position (`events[1]`).
    ///
    /// # Errors
    /// Every refused field.
    pub fn parse(parts: &TestimonyParts) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        fn keep<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
            r.map_err(|e| errors.push(e)).ok()
        }
        let id = keep(&mut errors, RecordId::parse("id", &parts.id));
        let person = keep(&mut errors, RecordId::parse("person", &parts.person));
        let interviewer = keep(
            &mut errors,
            ShortText::parse("interviewer", &parts.interviewer),
        );
        let date = keep(&mut errors, PartialDate::parse("date", &parts.date));
        let place = keep(&mut errors, ShortText::parse("place", &parts.place));
        let language = keep(&mut errors, LanguageTag::parse("language", &parts.language));
        let account = keep(
            &mut errors,
            Sensitive::parse("account", &parts.account, Self::MAX_ACCOUNT),
        );
        let consent = keep(&mut errors, ConsentLevel::parse("consent", &parts.consent));
        let ids = |name: &str, list: &[String], errors: &mut Vec<FieldError>| {
            let mut out: Vec<RecordId> = Vec::new();
            for (i, raw) in list.iter().enumerate() {
                match RecordId::parse(&format!("{name}[{i}]"), raw) {
                    Ok(id) if !out.contains(&id) => out.push(id),
                    Ok(_) => {}
                    Err(e) => errors.push(e),
                }
            }
            out
        };
        let events = ids("events", &parts.events, &mut errors);
        let documents = ids("documents", &parts.documents, &mut errors);
        match (
            id,
            person,
            interviewer,
            date,
            place,
            language,
            account,
            consent,
        ) {
            (
                Some(id),
                Some(person),
                Some(interviewer),
                Some(date),
                Some(place),
                Some(language),
                Some(account),
                Some(consent),
            ) if errors.is_empty() => Ok(Self {
                id,
                person,
                interviewer,
                date,
                place,
                language,
                account,
                consent,
                events,
                documents,
            }),
            _ => Err(errors),
        }
    }

    /// The consent in force for this account: the narrower of the one given
    /// for it and the person's own (`person`).
    pub fn effective_consent(&self, person: ConsentLevel) -> ConsentLevel {
        self.consent.min(person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> TestimonyParts {
        TestimonyParts {
            id: "tst-000000000001".into(),
            person: "p-1".into(),
            interviewer: "Ana Voluntaria".into(),
            date: "2024-03".into(),
            place: "Santa Ana".into(),
            language: "es".into(),
            account: Zeroizing::new("Yo, María, vi cómo llegaron.".into()),
            consent: "public_anonymous".into(),
            events: vec!["evt-1".into(), "evt-1".into()],
            documents: vec![],
        }
    }

    #[test]
    fn a_testimony_is_checked_field_by_field() {
        let t = Testimony::parse(&parts()).unwrap();
        assert_eq!(t.events.len(), 1, "a repeated event is kept once");
        assert_eq!(t.language.as_str(), "es");
        assert!(!format!("{t:?}").contains("María"));
        assert_eq!(
            t.effective_consent(ConsentLevel::Internal),
            ConsentLevel::Internal
        );
        assert_eq!(
            t.effective_consent(ConsentLevel::PublicNamed),
            ConsentLevel::PublicAnonymous
        );

        let mut bad = parts();
        bad.language = "español".into();
        bad.account = Zeroizing::new("  ".into());
        bad.events = vec!["evt 1".into()];
        let errors = Testimony::parse(&bad).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["language", "account", "events[0]"]);
    }

    #[test]
    fn language_codes() {
        for ok in ["es", "EN", "mam", "es-MX", "zh-Hant", "pt-BR"] {
            assert!(LanguageTag::parse("language", ok).is_ok(), "{ok}");
        }
        assert_eq!(LanguageTag::parse("l", "EN").unwrap().as_str(), "en");
        for bad in ["", "e", "spanish", "es_MX", "es-", "es-M"] {
            assert!(LanguageTag::parse("language", bad).is_err(), "{bad}");
        }
    }
}
