//! Events: protected activity and enforcement actions on one timeline.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use testimonio_i18n::tr;

use crate::error::{FieldError, Problem};
use crate::geo::{Agency, FieldOffice, UsState};
use crate::lang::Lang;
use crate::text::{RecordId, Sensitive, ShortText};
use crate::vocabulary::{EventKind, EventType};

/// How well an event is established.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Told by the person or their group.
    #[default]
    Reported,
    /// Confirmed by an independent account.
    Corroborated,
    /// Backed by a document (a court record, a FOIA page).
    Documented,
}

impl Verification {
    pub const ALL: [Verification; 3] = [
        Verification::Reported,
        Verification::Corroborated,
        Verification::Documented,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Verification::Reported => "reported",
            Verification::Corroborated => "corroborated",
            Verification::Documented => "documented",
        }
    }

    /// # Errors
    /// Anything but the three codes.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|v| v.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "reported, corroborated or documented",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verification::Reported => tr!(lang, "domain-verification-reported"),
            Verification::Corroborated => tr!(lang, "domain-verification-corroborated"),
            Verification::Documented => tr!(lang, "domain-verification-documented"),
        }
    }
}

/// What a person was in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantRole {
    /// Led or organized the activity.
    Organizer,
    /// Spoke for it: to the press, at a hearing.
    Spokesperson,
    Participant,
    /// The person an enforcement action was aimed at.
    Target,
    Witness,
    /// A relative of the person targeted.
    FamilyMember,
    Other,
}

impl ParticipantRole {
    pub const ALL: [ParticipantRole; 7] = [
        ParticipantRole::Organizer,
        ParticipantRole::Spokesperson,
        ParticipantRole::Participant,
        ParticipantRole::Target,
        ParticipantRole::Witness,
        ParticipantRole::FamilyMember,
        ParticipantRole::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ParticipantRole::Organizer => "organizer",
            ParticipantRole::Spokesperson => "spokesperson",
            ParticipantRole::Participant => "participant",
            ParticipantRole::Target => "target",
            ParticipantRole::Witness => "witness",
            ParticipantRole::FamilyMember => "family_member",
            ParticipantRole::Other => "other",
        }
    }

    /// # Errors
    /// A code not in [`Self::ALL`].
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "organizer, spokesperson, participant, target, witness, family_member, other",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ParticipantRole::Organizer => tr!(lang, "domain-participant-organizer"),
            ParticipantRole::Spokesperson => tr!(lang, "domain-participant-spokesperson"),
            ParticipantRole::Participant => tr!(lang, "domain-participant-participant"),
            ParticipantRole::Target => tr!(lang, "domain-participant-target"),
            ParticipantRole::Witness => tr!(lang, "domain-participant-witness"),
            ParticipantRole::FamilyMember => tr!(lang, "domain-participant-family-member"),
            ParticipantRole::Other => tr!(lang, "domain-participant-other"),
        }
    }

    /// Whether the role marks a leader (an indicator in the analysis).
    pub fn is_leadership(self) -> bool {
        matches!(
            self,
            ParticipantRole::Organizer | ParticipantRole::Spokesperson
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub person: RecordId,
    pub role: ParticipantRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub state: Option<UsState>,
    pub city: Option<ShortText>,
    pub facility: Option<ShortText>,
}

/// One dated thing that happened: an activity or an enforcement action.
///
/// Invariants (upheld by [`Event::new`]): the type belongs to the kind; the
/// end, if any, does not end before the start; agency and field office are
/// only set on enforcement actions; no person or group is listed twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    id: RecordId,
    event_type: EventType,
    date: PartialDate,
    end_date: Option<PartialDate>,
    location: Location,
    agency: Option<Agency>,
    field_office: Option<FieldOffice>,
    participants: Vec<Participant>,
    groups: Vec<RecordId>,
    narrative: Option<Sensitive>,
    verification: Verification,
}

/// Everything needed to make an [`Event`]; checked by [`Event::new`].
#[derive(Debug, Clone)]
pub struct EventParts {
    pub id: RecordId,
    /// If given, must match the type's kind.
    pub kind: Option<EventKind>,
    pub event_type: EventType,
    pub date: PartialDate,
    pub end_date: Option<PartialDate>,
    pub location: Location,
    pub agency: Option<Agency>,
    pub field_office: Option<FieldOffice>,
    pub participants: Vec<Participant>,
    pub groups: Vec<RecordId>,
    pub narrative: Option<Sensitive>,
    pub verification: Verification,
}

impl Event {
    /// # Errors
    /// Every broken invariant, each naming its field.
    pub fn new(parts: EventParts) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = parts.event_type.kind();
        if let Some(given) = parts.kind
            && given != kind
        {
            errors.push(FieldError::new(
                "event_type",
                Problem::WrongKind {
                    code: parts.event_type.code().to_owned(),
                    kind: given.code(),
                },
            ));
        }
        if let Some(end) = parts.end_date
            && end.latest() < parts.date.earliest()
        {
            errors.push(FieldError::new("end_date", Problem::EndBeforeStart));
        }
        if kind != EventKind::EnforcementAction {
            if parts.agency.is_some() {
                errors.push(FieldError::new("agency", Problem::OnlyForEnforcement));
            }
            if parts.field_office.is_some() {
                errors.push(FieldError::new("field_office", Problem::OnlyForEnforcement));
            }
        }
        for (i, p) in parts.participants.iter().enumerate() {
            if parts.participants[..i].iter().any(|q| q.person == p.person) {
                errors.push(FieldError::new(
                    format!("people[{i}].id"),
                    Problem::Duplicate {
                        value: p.person.to_string(),
                    },
                ));
            }
        }
        for (i, g) in parts.groups.iter().enumerate() {
            if parts.groups[..i].contains(g) {
                errors.push(FieldError::new(
                    format!("groups[{i}]"),
                    Problem::Duplicate {
                        value: g.to_string(),
                    },
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            id: parts.id,
            event_type: parts.event_type,
            date: parts.date,
            end_date: parts.end_date,
            location: parts.location,
            agency: parts.agency,
            field_office: parts.field_office,
            participants: parts.participants,
            groups: parts.groups,
            narrative: parts.narrative,
            verification: parts.verification,
        })
    }

    pub fn id(&self) -> &RecordId {
        &self.id
    }
    pub fn kind(&self) -> EventKind {
        self.event_type.kind()
    }
    pub fn event_type(&self) -> EventType {
        self.event_type
    }
    pub fn date(&self) -> PartialDate {
        self.date
    }
    pub fn end_date(&self) -> Option<PartialDate> {
        self.end_date
    }
    pub fn location(&self) -> &Location {
        &self.location
    }
    pub fn agency(&self) -> Option<Agency> {
        self.agency
    }
    pub fn field_office(&self) -> Option<FieldOffice> {
        self.field_office
    }
    pub fn participants(&self) -> &[Participant] {
        &self.participants
    }
    pub fn groups(&self) -> &[RecordId] {
        &self.groups
    }
    /// Sensitive: may describe a person in identifying detail.
    pub fn narrative(&self) -> Option<&Sensitive> {
        self.narrative.as_ref()
    }
    pub fn verification(&self) -> Verification {
        self.verification
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(code: &str) -> EventParts {
        EventParts {
            id: RecordId::parse("id", "e-1").unwrap(),
            kind: None,
            event_type: EventType::parse("event_type", code).unwrap(),
            date: PartialDate::parse("date", "2019-05").unwrap(),
            end_date: None,
            location: Location::default(),
            agency: None,
            field_office: None,
            participants: vec![],
            groups: vec![],
            narrative: None,
            verification: Verification::Reported,
        }
    }

    #[test]
    fn collects_every_broken_rule() {
        let mut p = parts("protest");
        p.kind = Some(EventKind::EnforcementAction);
        p.field_office = Some(FieldOffice::parse("field_office", "SNA").unwrap());
        p.end_date = Some(PartialDate::parse("end_date", "2019-04-30").unwrap());
        let person = RecordId::parse("id", "p-1").unwrap();
        p.participants = vec![
            Participant {
                person: person.clone(),
                role: ParticipantRole::Organizer,
            },
            Participant {
                person,
                role: ParticipantRole::Participant,
            },
        ];
        let errors = Event::new(p).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["event_type", "end_date", "field_office", "people[1].id"]
        );
    }

    #[test]
    fn same_month_end_is_fine() {
        let mut p = parts("hunger_strike");
        p.end_date = Some(PartialDate::parse("end_date", "2019-05-20").unwrap());
        assert!(Event::new(p).is_ok());
    }
}
