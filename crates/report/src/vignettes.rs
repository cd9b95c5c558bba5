//! Case vignettes: the people whose consent lets their story reach the
//! audience, their events by date (no finer than the month outside the
//! group, without places), the narratives everyone named allows, the
//! exhibits cited, and the testimonies that may be quoted
//! ([`crate::testimonies`]).

use std::collections::HashMap;

use testimonio_analysis::{AnalysisInput, Audience, CaseIndicators, ProximityReport};
use testimonio_domain::{
    Event, EventKind, EventType, FieldOffice, PartialDate, ParticipantRole, RecordId, UsState,
};

use crate::findings::{Exhibit, FindingsOptions, Subject};
use crate::testimonies::{QuotedTestimony, TestimonyInput};

/// One event in a case vignette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VignetteStep {
    /// The event's id (internal only).
    pub event: Option<RecordId>,
    /// Its date: as recorded (internal), or no finer than the month.
    pub date: PartialDate,
    /// Protected activity or enforcement action.
    pub kind: EventKind,
    /// The type.
    pub event_type: EventType,
    /// The person's role in it.
    pub role: ParticipantRole,
    /// The state (internal only).
    pub state: Option<UsState>,
    /// The field office (internal only).
    pub field_office: Option<FieldOffice>,
    /// For an action aimed at the person: days since their latest own
    /// protected activity.
    pub days_since_activity: Option<u32>,
    /// The account, when everyone the event names allows it.
    pub narrative: Option<String>,
    /// Exhibits cited for this event.
    pub exhibits: Vec<Exhibit>,
}

/// One person's case, anonymized for the audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vignette {
    /// The pseudonym.
    pub pseudonym: String,
    /// The record id (internal only).
    pub person: Option<RecordId>,
    /// Fewest days from one of their protected activities to a later
    /// action against them.
    pub closest_days: Option<u32>,
    /// Their events, oldest first.
    pub steps: Vec<VignetteStep>,
    /// Their testimonies that may be quoted (see [`crate::testimonies`]),
    /// oldest first.
    pub testimonies: Vec<QuotedTestimony>,
}

/// A date no finer than its month.
pub(crate) fn coarsen(date: PartialDate) -> PartialDate {
    let text = match date.month() {
        Some(m) => format!(
            "{}{:04}-{m:02}",
            if date.is_approximate() { "~" } else { "" },
            date.year()
        ),
        None => return date,
    };
    PartialDate::parse("date", &text).unwrap_or(date)
}

/// What a vignette may cite or quote besides the events themselves.
pub(crate) struct Quotable<'a> {
    pub exhibits: &'a HashMap<RecordId, Vec<Exhibit>>,
    pub testimonies: &'a [TestimonyInput],
}

pub(crate) fn vignettes(
    subjects: &[Subject],
    events: &[Event],
    quotable: Quotable<'_>,
    prox: &ProximityReport,
    indicators: &[CaseIndicators],
    input: &AnalysisInput,
    options: &FindingsOptions,
) -> Vec<Vignette> {
    if options.vignettes == 0 {
        return Vec::new();
    }
    let Quotable {
        exhibits,
        testimonies,
    } = quotable;
    let audience = options.audience;
    let internal = audience == Audience::Internal;
    let by_id: HashMap<&RecordId, &Subject> = subjects.iter().map(|s| (&s.id, s)).collect();
    let tells = |id: &RecordId| {
        by_id
            .get(id)
            .is_some_and(|s| s.consent.level_on(options.as_of).allows_narrative(audience))
    };
    let mut chosen: Vec<(&CaseIndicators, &Subject)> = indicators
        .iter()
        .filter(|i| i.enforcement_actions > 0)
        .filter(|i| input.person_index(&i.person).is_some() && tells(&i.person))
        .filter_map(|i| by_id.get(&i.person).map(|s| (i, *s)))
        .collect();
    chosen.sort_by(|(a, sa), (b, sb)| {
        (
            a.closest_days.is_none(),
            a.closest_days,
            sa.pseudonym.as_str(),
        )
            .cmp(&(
                b.closest_days.is_none(),
                b.closest_days,
                sb.pseudonym.as_str(),
            ))
    });
    chosen.truncate(options.vignettes);
    let events_by_id: HashMap<&RecordId, &Event> = events.iter().map(|e| (e.id(), e)).collect();
    let mut testimonies: Vec<&TestimonyInput> = testimonies.iter().collect();
    testimonies.sort_by(|a, b| (a.date.earliest(), &a.id).cmp(&(b.date.earliest(), &b.id)));
    let days_since: HashMap<(&RecordId, &RecordId), u32> = prox
        .pairs
        .iter()
        .filter_map(|p| {
            p.person_activity
                .as_ref()
                .map(|a| ((&p.action, &p.person), a.days_before))
        })
        .collect();
    chosen
        .into_iter()
        .map(|(ind, subject)| {
            let mut mine: Vec<(&Event, ParticipantRole)> = events
                .iter()
                .filter_map(|e| {
                    e.participants()
                        .iter()
                        .find(|p| p.person == subject.id)
                        .map(|p| (e, p.role))
                })
                .collect();
            mine.sort_by(|(a, _), (b, _)| {
                (a.date().earliest(), a.id().as_str()).cmp(&(b.date().earliest(), b.id().as_str()))
            });
            let steps = mine
                .into_iter()
                .map(|(e, role)| {
                    let everyone_tells = e.participants().iter().all(|p| tells(&p.person));
                    VignetteStep {
                        event: internal.then(|| e.id().clone()),
                        date: if internal {
                            e.date()
                        } else {
                            coarsen(e.date())
                        },
                        kind: e.kind(),
                        event_type: e.event_type(),
                        role,
                        state: e.location().state.filter(|_| internal),
                        field_office: e.field_office().filter(|_| internal),
                        days_since_activity: (role == ParticipantRole::Target)
                            .then(|| days_since.get(&(e.id(), &subject.id)).copied())
                            .flatten(),
                        narrative: e
                            .narrative()
                            .filter(|_| everyone_tells)
                            .map(|n| n.expose().to_owned()),
                        exhibits: exhibits.get(e.id()).cloned().unwrap_or_default(),
                    }
                })
                .collect();
            let testimonies = testimonies
                .iter()
                .filter(|t| t.person == subject.id)
                .filter(|t| crate::testimonies::may_quote(t, audience, &tells, &events_by_id))
                .map(|t| QuotedTestimony {
                    id: internal.then(|| t.id.clone()),
                    date: if internal { t.date } else { coarsen(t.date) },
                    account: t.account.expose().to_owned(),
                })
                .collect();
            Vignette {
                pseudonym: subject.pseudonym.as_str().to_owned(),
                person: internal.then(|| subject.id.clone()),
                closest_days: ind.closest_days,
                steps,
                testimonies,
            }
        })
        .collect()
}
