//! The controlled, versioned, bilingual vocabulary of event types.
//!
//! The data lives in `vocabulary/v1.json` in this crate and is compiled in.
//! Codes are stable: a released code is never renamed or removed, only
//! deprecated in a later version, because stored events refer to it.

use std::{fmt, sync::OnceLock};

use serde::{Deserialize, Serialize};

use testimonio_i18n::tr;

use crate::error::{FieldError, Problem};
use crate::lang::{Bilingual, Lang};

const VOCABULARY_JSON: &str = include_str!("../vocabulary/v1.json");

/// Whether an event is something a person did, or something done to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    ProtectedActivity,
    EnforcementAction,
}

impl EventKind {
    pub const ALL: [EventKind; 2] = [EventKind::ProtectedActivity, EventKind::EnforcementAction];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::ProtectedActivity => "protected_activity",
            EventKind::EnforcementAction => "enforcement_action",
        }
    }

    /// # Errors
    /// Anything but `protected_activity` or `enforcement_action`.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        match code.trim() {
            "protected_activity" => Ok(EventKind::ProtectedActivity),
            "enforcement_action" => Ok(EventKind::EnforcementAction),
            _ => Err(FieldError::new(
                field,
                Problem::UnknownCode {
                    known_hint: "protected_activity or enforcement_action",
                },
            )),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            EventKind::ProtectedActivity => tr!(lang, "domain-event-kind-protected-activity"),
            EventKind::EnforcementAction => tr!(lang, "domain-event-kind-enforcement-action"),
        }
    }
}

/// One entry of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EventTypeEntry {
    pub code: String,
    pub kind: EventKind,
    pub label: Bilingual,
    pub definition: Bilingual,
}

/// The whole vocabulary, as compiled in.
#[derive(Debug, Deserialize)]
pub struct Vocabulary {
    pub format: String,
    pub version: u32,
    pub types: Vec<EventTypeEntry>,
}

impl Vocabulary {
    /// The vocabulary compiled into this build.
    pub fn get() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| {
            let v: Vocabulary = serde_json::from_str(VOCABULARY_JSON)
                .expect("vocabulary/v1.json is checked by this crate's tests");
            debug_assert!(v.types.len() < usize::from(u8::MAX));
            v
        })
    }

    pub fn entries(&self, kind: EventKind) -> impl Iterator<Item = &EventTypeEntry> {
        self.types.iter().filter(move |e| e.kind == kind)
    }
}

/// A code from the vocabulary. It can only hold a known code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventType(u8);

impl EventType {
    /// # Errors
    /// A code not in the vocabulary.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        let code = code.trim();
        Vocabulary::get()
            .types
            .iter()
            .position(|e| e.code == code)
            .and_then(|i| u8::try_from(i).ok())
            .map(EventType)
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "see `testimonio vocabulary`",
                    },
                )
            })
    }

    /// Every type, in vocabulary order.
    pub fn all() -> impl Iterator<Item = EventType> {
        (0..Vocabulary::get().types.len()).map(|i| EventType(i as u8))
    }

    pub fn entry(self) -> &'static EventTypeEntry {
        &Vocabulary::get().types[usize::from(self.0)]
    }

    pub fn code(self) -> &'static str {
        &self.entry().code
    }

    pub fn kind(self) -> EventKind {
        self.entry().kind
    }

    pub fn label(self, lang: Lang) -> &'static str {
        self.entry().label.get(lang)
    }
}

impl fmt::Debug for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EventType({})", self.code())
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_is_complete_and_well_formed() {
        let v = Vocabulary::get();
        assert_eq!(v.format, "testimonio-vocabulary");
        assert_eq!(v.version, 1);
        assert!(v.entries(EventKind::ProtectedActivity).count() >= 12);
        assert!(v.entries(EventKind::EnforcementAction).count() >= 16);
        let mut codes = std::collections::HashSet::new();
        for e in &v.types {
            assert!(codes.insert(e.code.as_str()), "duplicate code {}", e.code);
            assert!(
                !e.code.is_empty() && e.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{} is not snake_case",
                e.code
            );
            for text in [&e.label, &e.definition] {
                assert!(
                    !text.en.trim().is_empty() && !text.es.trim().is_empty(),
                    "{}",
                    e.code
                );
            }
        }
    }

    #[test]
    fn the_issue_codes_exist_with_the_right_kind() {
        for code in [
            "hunger_strike",
            "press_interview",
            "protest",
            "foia_request",
            "vigil",
        ] {
            assert_eq!(
                EventType::parse("t", code).unwrap().kind(),
                EventKind::ProtectedActivity
            );
        }
        for code in [
            "notice_to_appear",
            "detention",
            "deportation",
            "physical_surveillance",
            "informant",
            "family_targeting",
        ] {
            assert_eq!(
                EventType::parse("t", code).unwrap().kind(),
                EventKind::EnforcementAction
            );
        }
        assert!(EventType::parse("event_type", "picnic").is_err());
    }
}
