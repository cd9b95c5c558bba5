//! `testimonio-bundle` v1: one member's consented, de-identified picture,
//! as canonical JSON (fields in declaration order, lists sorted by id,
//! absent optional fields left out), so that the same picture is the same
//! bytes. `tests/golden.rs` freezes the format.
//!
//! What a bundle can hold is fixed by its types: pseudonymous ids, codes
//! from closed tables, dates, a five-year birth band, match tokens, and a
//! narrative only where the member's consent rule allowed it. There is no
//! field for a name, an alias, a contact, an A-number, an address, an
//! immigration status or any other free text, and parsing refuses
//! unknown fields.

use serde::{Deserialize, Serialize};
use testimonio_domain::{
    Agency, ConsentLevel, EventKind, EventType, FieldOffice, PartialDate, ParticipantRole, UsState,
    Verification,
};

use crate::error::BundleFault;

/// The format's name, first in every bundle.
pub const FORMAT: &str = "testimonio-bundle";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
/// Longest narrative a bundle carries, in characters: the exchange
/// format's, so every stored narrative fits.
pub const MAX_NARRATIVE_CHARS: usize = testimonio_domain::exchange::NARRATIVE_MAX;

/// A member's whole picture: a later bundle replaces the earlier one whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    /// The coalition it is for.
    pub coalition: String,
    /// Increasing per member: the hub refuses a number not above the last.
    pub number: u64,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// The event-type vocabulary's version the codes come from.
    pub vocabulary: u32,
    pub groups: Vec<BundleGroup>,
    pub people: Vec<BundlePerson>,
    pub events: Vec<BundleEvent>,
}

/// A group, by pseudonymous id: its state only (its name is free text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleGroup {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<UsState>,
}

/// A person, by a pseudonymous id keyed per member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundlePerson {
    pub id: String,
    /// The consent in force when the bundle was made
    /// (`coalition_aggregate` or wider).
    pub consent: ConsentLevel,
    /// Pseudonymous group ids, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// The states of the person's groups, sorted, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub states: Vec<UsState>,
    /// First year of the five-year band holding the birth year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_band: Option<u16>,
    /// Match tokens from the custodian's oblivious PRF, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<MatchToken>,
}

/// What identity variant a match token was made from (never the variant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// The A-number's digits.
    ANumber,
    /// A full name with the birth year (given names and every surname).
    Name,
    /// The given names and the first surname alone, with the birth year.
    NamePart,
}

/// One match token: 32 bytes of the oblivious PRF's output, in hex.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchToken {
    pub kind: TokenKind,
    pub token: String,
}

/// An event one of the bundle's people took part in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleEvent {
    pub id: String,
    pub kind: EventKind,
    /// The vocabulary code.
    #[serde(rename = "type")]
    pub event_type: String,
    /// At its precision, `~` in front when approximate.
    pub date: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<UsState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_office: Option<FieldOffice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<Agency>,
    pub verification: Verification,
    /// The bundle's people in it, sorted by id.
    pub participants: Vec<BundleParticipant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Only when every person the event names allows
    /// `coalition_narrative`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleParticipant {
    pub person: String,
    pub role: ParticipantRole,
}

impl Bundle {
    /// An empty bundle of this version.
    pub fn new(coalition: &str, number: u64, created_at: &str) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            coalition: coalition.to_owned(),
            number,
            created_at: created_at.to_owned(),
            vocabulary: 1,
            groups: Vec::new(),
            people: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Puts every list in its canonical order (by id; tokens, groups and
    /// states sorted and deduplicated).
    pub fn canonicalize(&mut self) {
        self.groups.sort_by(|a, b| a.id.cmp(&b.id));
        self.people.sort_by(|a, b| a.id.cmp(&b.id));
        for p in &mut self.people {
            p.groups.sort();
            p.groups.dedup();
            p.states.sort();
            p.states.dedup();
            p.tokens.sort();
            p.tokens.dedup();
        }
        self.events.sort_by(|a, b| a.id.cmp(&b.id));
        for e in &mut self.events {
            e.participants
                .sort_by(|a, b| (&a.person, a.role).cmp(&(&b.person, b.role)));
            e.groups.sort();
            e.groups.dedup();
        }
    }

    /// The canonical bytes (the caller canonicalizes first).
    ///
    /// # Errors
    /// Never for a well-formed value; serialization's own failure as
    /// [`BundleFault::Invalid`].
    pub fn to_bytes(&self) -> Result<Vec<u8>, BundleFault> {
        serde_json::to_vec(self).map_err(|_| BundleFault::Invalid {
            field: "bundle".to_owned(),
        })
    }

    /// Parses and checks a bundle's bytes: the format and version first,
    /// then every field, then the references between its parts.
    ///
    /// # Errors
    /// [`BundleFault::NotABundle`], [`BundleFault::UnsupportedVersion`],
    /// [`BundleFault::Malformed`] (position only) or
    /// [`BundleFault::Invalid`] (the field's path only).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, BundleFault> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<String>,
            version: Option<serde_json::Value>,
        }
        let head: Head = serde_json::from_slice(bytes).map_err(|_| BundleFault::NotABundle)?;
        if head.format.as_deref() != Some(FORMAT) {
            return Err(BundleFault::NotABundle);
        }
        match head.version {
            Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(VERSION)) => {}
            other => {
                return Err(BundleFault::UnsupportedVersion {
                    found: match other {
                        Some(serde_json::Value::Number(n)) => n.to_string(),
                        _ => "?".to_owned(),
                    },
                });
            }
        }
        let bundle: Bundle = serde_json::from_slice(bytes).map_err(|e| BundleFault::Malformed {
            line: e.line(),
            column: e.column(),
        })?;
        bundle.check()?;
        Ok(bundle)
    }

    /// The references and values serde cannot check.
    fn check(&self) -> Result<(), BundleFault> {
        let invalid = |field: String| Err(BundleFault::Invalid { field });
        let person_ids: std::collections::HashSet<&str> =
            self.people.iter().map(|p| p.id.as_str()).collect();
        let group_ids: std::collections::HashSet<&str> =
            self.groups.iter().map(|g| g.id.as_str()).collect();
        if person_ids.len() != self.people.len() {
            return invalid("people[].id".to_owned());
        }
        for (i, g) in self.groups.iter().enumerate() {
            if !is_id(&g.id) {
                return invalid(format!("groups[{i}].id"));
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            if !is_id(&p.id) {
                return invalid(format!("people[{i}].id"));
            }
            if p.consent < ConsentLevel::CoalitionAggregate {
                return invalid(format!("people[{i}].consent"));
            }
            if p.birth_band
                .is_some_and(|b| b % 5 != 0 || !(1900..=2100).contains(&b))
            {
                return invalid(format!("people[{i}].birth_band"));
            }
            if let Some(j) = p
                .groups
                .iter()
                .position(|g| !group_ids.contains(g.as_str()))
            {
                return invalid(format!("people[{i}].groups[{j}]"));
            }
            if let Some(j) = p.tokens.iter().position(|t| !is_token(&t.token)) {
                return invalid(format!("people[{i}].tokens[{j}]"));
            }
        }
        for (i, e) in self.events.iter().enumerate() {
            if !is_id(&e.id) {
                return invalid(format!("events[{i}].id"));
            }
            match EventType::parse("type", &e.event_type) {
                Ok(t) if t.kind() == e.kind => {}
                _ => return invalid(format!("events[{i}].type")),
            }
            if e.participants.is_empty() {
                return invalid(format!("events[{i}].participants"));
            }
            if let Some(j) = e
                .participants
                .iter()
                .position(|p| !person_ids.contains(p.person.as_str()))
            {
                return invalid(format!("events[{i}].participants[{j}].person"));
            }
            if let Some(j) = e
                .groups
                .iter()
                .position(|g| !group_ids.contains(g.as_str()))
            {
                return invalid(format!("events[{i}].groups[{j}]"));
            }
            if e.narrative
                .as_ref()
                .is_some_and(|n| n.chars().count() > MAX_NARRATIVE_CHARS)
            {
                return invalid(format!("events[{i}].narrative"));
            }
        }
        Ok(())
    }
}

/// A pseudonymous id: a letter, `-`, 32 lower-case hex digits.
fn is_id(id: &str) -> bool {
    let mut parts = id.splitn(2, '-');
    matches!(parts.next(), Some("p" | "g" | "e"))
        && parts.next().is_some_and(|h| {
            h.len() == 32 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        })
}

/// A match token: 64 lower-case hex digits.
fn is_token(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}
