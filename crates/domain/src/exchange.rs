//! The canonical exchange format: one JSON object per line (JSON Lines).
//!
//! Each line has a `type` (`header`, `person`, `group`, `event`). The
//! format is versioned by its header line, which export always writes first
//! and import accepts but does not require. Version 1 is frozen: fields may
//! be added in later versions, never renamed. Unknown fields are refused,
//! so that a misspelt field is an error instead of silently lost data.
//!
//! These records are plain data: conversion to and from the domain types
//! is where validation happens ([`PersonRecord::into_person`] and friends).

use serde::{Deserialize, Serialize};

use crate::consent::{ConsentHistory, ConsentLevel, ConsentRecord};
use crate::date::{PartialDate, parse_day};
use crate::error::{FieldError, Problem};
use crate::event::{Event, EventParts, Location, Participant, ParticipantRole, Verification};
use crate::geo::{Agency, FieldOffice, UsState};
use crate::person::{ANumber, Group, Identity, Person, parse_birth_year};
use crate::text::{RecordId, Sensitive, ShortText};
use crate::vocabulary::{EventKind, EventType};

pub const FORMAT_NAME: &str = "testimonio-exchange";
pub const FORMAT_VERSION: u32 = 1;

/// Longest narrative, in characters.
pub const NARRATIVE_MAX: usize = 50_000;
/// Longest identity field, in characters.
pub const IDENTITY_FIELD_MAX: usize = 500;

/// One line of the exchange format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExchangeRecord {
    Header(HeaderRecord),
    Person(PersonRecord),
    Group(GroupRecord),
    Event(EventRecord),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderRecord {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary_version: Option<u32>,
}

impl HeaderRecord {
    pub fn current() -> Self {
        Self {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            vocabulary_version: Some(crate::vocabulary::Vocabulary::get().version),
        }
    }

    /// # Errors
    /// Another format, or a version newer than this build reads.
    pub fn check(&self) -> Result<(), FieldError> {
        if self.format != FORMAT_NAME {
            return Err(FieldError::new(
                "format",
                Problem::UnknownCode {
                    known_hint: FORMAT_NAME,
                },
            ));
        }
        if self.version == 0 || self.version > FORMAT_VERSION {
            return Err(FieldError::new(
                "version",
                Problem::UnknownCode {
                    known_hint: "version 1",
                },
            ));
        }
        Ok(())
    }
}

/// Consent as written in a file: a bare level (`"coalition_aggregate"`)
/// or the full history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConsentField {
    Level(String),
    History(Vec<ConsentEntry>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentEntry {
    pub level: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRecord {
    pub id: String,
    pub pseudonym: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immigration_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentField>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupRecord {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantEntry {
    pub id: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub event_type: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_office: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<ParticipantEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<String>,
}

/// Collects field errors so that a record reports all of its faults at once.
#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn take<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        r.map_err(|e| self.0.push(e)).ok()
    }
    fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self.0)
        }
    }
}

fn opt(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.trim().is_empty())
}

fn sensitive(field: &str, value: &Option<String>) -> Result<Option<Sensitive>, FieldError> {
    Sensitive::parse_optional(field, value.as_deref(), IDENTITY_FIELD_MAX)
}

fn ids(field: &str, values: &[String], errors: &mut Errors) -> Vec<RecordId> {
    let mut out: Vec<RecordId> = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let name = format!("{field}[{i}]");
        if let Some(id) = errors.take(RecordId::parse(&name, v)) {
            if out.contains(&id) {
                errors.0.push(FieldError::new(
                    name,
                    Problem::Duplicate {
                        value: id.to_string(),
                    },
                ));
            } else {
                out.push(id);
            }
        }
    }
    out
}

impl PersonRecord {
    /// # Errors
    /// Every invalid field.
    pub fn into_person(&self) -> Result<Person, Vec<FieldError>> {
        let mut e = Errors::default();
        let id = e.take(RecordId::parse("id", &self.id));
        let pseudonym = e.take(ShortText::parse("pseudonym", &self.pseudonym));
        let legal_name = e.take(sensitive("legal_name", &self.legal_name)).flatten();
        let mut aliases = Vec::new();
        for (i, a) in self.aliases.iter().enumerate() {
            if let Some(a) = e.take(Sensitive::parse(
                &format!("aliases[{i}]"),
                a,
                IDENTITY_FIELD_MAX,
            )) {
                aliases.push(a);
            }
        }
        let contact = e.take(sensitive("contact", &self.contact)).flatten();
        let a_number = opt(&self.a_number).and_then(|v| e.take(ANumber::parse("a_number", v)));
        let immigration_status = e
            .take(sensitive("immigration_status", &self.immigration_status))
            .flatten();
        let address = e.take(sensitive("address", &self.address)).flatten();
        let birth_year = self
            .birth_year
            .and_then(|y| e.take(parse_birth_year("birth_year", y)));
        let groups = ids("groups", &self.groups, &mut e);
        let consent = match &self.consent {
            None => Some(ConsentHistory::default()),
            Some(ConsentField::Level(level)) => {
                e.take(ConsentLevel::parse("consent", level)).map(|level| {
                    ConsentHistory::new(vec![ConsentRecord {
                        level,
                        given_on: None,
                        withdrawn_on: None,
                        note: None,
                    }])
                })
            }
            Some(ConsentField::History(entries)) => {
                let mut records = Vec::new();
                for (i, entry) in entries.iter().enumerate() {
                    let parent = format!("consent[{i}]");
                    if let Some(r) = e.take(entry.to_record().map_err(|err| err.within(&parent))) {
                        records.push(r);
                    }
                }
                Some(ConsentHistory::new(records))
            }
        };
        e.finish(|| Person {
            id: id.expect("checked"),
            pseudonym: pseudonym.expect("checked"),
            identity: Identity {
                legal_name,
                aliases,
                contact,
                a_number,
                immigration_status,
                address,
                birth_year,
            },
            groups,
            consent: consent.expect("checked"),
        })
    }

    /// The record for `person`, identity included: callers audit this read.
    pub fn from_person(person: &Person) -> Self {
        let expose = |s: &Option<Sensitive>| s.as_ref().map(|s| s.expose().to_owned());
        let id = &person.identity;
        Self {
            id: person.id.to_string(),
            pseudonym: person.pseudonym.to_string(),
            legal_name: expose(&id.legal_name),
            aliases: id.aliases.iter().map(|a| a.expose().to_owned()).collect(),
            contact: expose(&id.contact),
            a_number: id.a_number.as_ref().map(|a| a.expose().to_owned()),
            immigration_status: expose(&id.immigration_status),
            address: expose(&id.address),
            birth_year: id.birth_year.map(i64::from),
            groups: person.groups.iter().map(ToString::to_string).collect(),
            consent: if person.consent.records().is_empty() {
                None
            } else {
                Some(ConsentField::History(
                    person
                        .consent
                        .records()
                        .iter()
                        .map(ConsentEntry::from_record)
                        .collect(),
                ))
            },
        }
    }
}

impl ConsentEntry {
    fn to_record(&self) -> Result<ConsentRecord, FieldError> {
        let level = ConsentLevel::parse("level", &self.level)?;
        let given_on = opt(&self.given_on)
            .map(|d| parse_day("given_on", d))
            .transpose()?;
        let withdrawn_on = opt(&self.withdrawn_on)
            .map(|d| parse_day("withdrawn_on", d))
            .transpose()?;
        let note = ShortText::parse_optional("note", self.note.as_deref())?;
        ConsentRecord::new(level, given_on, withdrawn_on, note)
    }

    fn from_record(r: &ConsentRecord) -> Self {
        Self {
            level: r.level.code().into(),
            given_on: r.given_on.map(|d| d.format("%Y-%m-%d").to_string()),
            withdrawn_on: r.withdrawn_on.map(|d| d.format("%Y-%m-%d").to_string()),
            note: r.note.as_ref().map(ToString::to_string),
        }
    }
}

impl GroupRecord {
    /// # Errors
    /// Every invalid field.
    pub fn into_group(&self) -> Result<Group, Vec<FieldError>> {
        let mut e = Errors::default();
        let id = e.take(RecordId::parse("id", &self.id));
        let name = e.take(ShortText::parse("name", &self.name));
        let state = opt(&self.state).and_then(|s| e.take(UsState::parse("state", s)));
        let city = e
            .take(ShortText::parse_optional("city", self.city.as_deref()))
            .flatten();
        e.finish(|| Group {
            id: id.expect("checked"),
            name: name.expect("checked"),
            state,
            city,
        })
    }

    pub fn from_group(g: &Group) -> Self {
        Self {
            id: g.id.to_string(),
            name: g.name.to_string(),
            state: g.state.map(|s| s.code().into()),
            city: g.city.as_ref().map(ToString::to_string),
        }
    }
}

impl EventRecord {
    /// # Errors
    /// Every invalid field, and every broken event rule.
    pub fn into_event(&self) -> Result<Event, Vec<FieldError>> {
        let mut e = Errors::default();
        let id = e.take(RecordId::parse("id", &self.id));
        let kind = opt(&self.kind).and_then(|k| e.take(EventKind::parse("kind", k)));
        let event_type = e.take(EventType::parse("event_type", &self.event_type));
        let date = e.take(PartialDate::parse("date", &self.date));
        let end_date = opt(&self.end_date).and_then(|d| e.take(PartialDate::parse("end_date", d)));
        let state = opt(&self.state).and_then(|s| e.take(UsState::parse("state", s)));
        let city = e
            .take(ShortText::parse_optional("city", self.city.as_deref()))
            .flatten();
        let facility = e
            .take(ShortText::parse_optional(
                "facility",
                self.facility.as_deref(),
            ))
            .flatten();
        let agency = opt(&self.agency).and_then(|a| e.take(Agency::parse("agency", a)));
        let field_office =
            opt(&self.field_office).and_then(|f| e.take(FieldOffice::parse("field_office", f)));
        let mut participants = Vec::with_capacity(self.people.len());
        for (i, p) in self.people.iter().enumerate() {
            let person = e.take(RecordId::parse(&format!("people[{i}].id"), &p.id));
            let role = e.take(ParticipantRole::parse(
                &format!("people[{i}].role"),
                &p.role,
            ));
            if let (Some(person), Some(role)) = (person, role) {
                participants.push(Participant { person, role });
            }
        }
        let groups = ids("groups", &self.groups, &mut e);
        let narrative = e
            .take(Sensitive::parse_optional(
                "narrative",
                self.narrative.as_deref(),
                NARRATIVE_MAX,
            ))
            .flatten();
        let verification = match opt(&self.verification) {
            None => Some(Verification::default()),
            Some(v) => e.take(Verification::parse("verification", v)),
        };
        if !e.0.is_empty() {
            return Err(e.0);
        }
        Event::new(EventParts {
            id: id.expect("checked"),
            kind,
            event_type: event_type.expect("checked"),
            date: date.expect("checked"),
            end_date,
            location: Location {
                state,
                city,
                facility,
            },
            agency,
            field_office,
            participants,
            groups,
            narrative,
            verification: verification.expect("checked"),
        })
    }

    /// The record for `event`, narrative included.
    pub fn from_event(ev: &Event) -> Self {
        Self {
            id: ev.id().to_string(),
            kind: Some(ev.kind().code().into()),
            event_type: ev.event_type().code().into(),
            date: ev.date().to_string(),
            end_date: ev.end_date().map(|d| d.to_string()),
            state: ev.location().state.map(|s| s.code().into()),
            city: ev.location().city.as_ref().map(ToString::to_string),
            facility: ev.location().facility.as_ref().map(ToString::to_string),
            agency: ev.agency().map(|a| a.code().into()),
            field_office: ev.field_office().map(|f| f.code().into()),
            people: ev
                .participants()
                .iter()
                .map(|p| ParticipantEntry {
                    id: p.person.to_string(),
                    role: p.role.code().into(),
                })
                .collect(),
            groups: ev.groups().iter().map(ToString::to_string).collect(),
            narrative: ev.narrative().map(|n| n.expose().to_owned()),
            verification: Some(ev.verification().code().into()),
        }
    }
}

/// Parses one line. The error says what is wrong in the line, never
/// echoing its content (which may hold a legal name).
///
/// # Errors
/// Invalid JSON, an unknown `type`, unknown or mistyped fields.
pub fn parse_line(line: &str) -> Result<ExchangeRecord, String> {
    serde_json::from_str(line).map_err(|e| {
        // serde_json's messages name fields and types, and quote values only
        // for unknown variants/fields: keep the category and column only.
        let category = match e.classify() {
            serde_json::error::Category::Syntax => "invalid JSON",
            serde_json::error::Category::Eof => "incomplete JSON",
            serde_json::error::Category::Data => "fields do not match the format",
            serde_json::error::Category::Io => "read error",
        };
        let detail = e.to_string();
        let detail = detail.split(" at line").next().unwrap_or("");
        let safe_detail = if detail.starts_with("unknown field")
            || detail.starts_with("missing field")
            || detail.starts_with("unknown variant")
            || detail.starts_with("invalid type")
        {
            // These quote a field name or a type, not record content, except
            // `unknown variant` which quotes the `type` value: cap its length.
            detail.chars().take(160).collect::<String>()
        } else {
            String::new()
        };
        if safe_detail.is_empty() {
            format!("{category} (column {})", e.column())
        } else {
            format!("{category}: {safe_detail}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_minimal_lines() {
        let lines = [
            r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Ana Ejemplo","consent":"coalition_aggregate"}"#,
            r#"{"type":"group","id":"g-1","name":"Unidos","state":"TX"}"#,
            r#"{"type":"event","id":"e-1","kind":"enforcement_action","event_type":"detention","date":"2019-05","state":"TX","field_office":"SNA","people":[{"id":"p-1","role":"target"}],"groups":["g-1"],"narrative":"Detenida."}"#,
        ];
        for line in lines {
            match parse_line(line).unwrap() {
                ExchangeRecord::Person(p) => {
                    let person = p.into_person().unwrap();
                    assert_eq!(person.identity.legal_name.unwrap().expose(), "Ana Ejemplo");
                }
                ExchangeRecord::Group(g) => {
                    assert_eq!(g.into_group().unwrap().state.unwrap().code(), "TX")
                }
                ExchangeRecord::Event(e) => {
                    let ev = e.into_event().unwrap();
                    assert_eq!(ev.kind(), EventKind::EnforcementAction);
                    assert_eq!(ev.participants()[0].role, ParticipantRole::Target);
                }
                ExchangeRecord::Header(_) => unreachable!(),
            }
        }
    }

    #[test]
    fn misspelt_fields_are_refused_without_echoing_values() {
        let err = parse_line(
            r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_nmae":"Secret Name"}"#,
        )
        .unwrap_err();
        assert!(err.contains("legal_nmae"), "{err}");
        assert!(!err.contains("Secret"), "{err}");
        let err = parse_line(
            r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Secret Name""#,
        )
        .unwrap_err();
        assert!(!err.contains("Secret"), "{err}");
    }

    #[test]
    fn reports_every_bad_field() {
        let rec = EventRecord {
            id: "e 1".into(),
            event_type: "picnic".into(),
            date: "2019-02-30".into(),
            state: Some("XX".into()),
            ..Default::default()
        };
        let errors = rec.into_event().unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["id", "event_type", "date", "state"]);
    }
}
