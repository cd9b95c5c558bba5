//! The member's consented, de-identified picture: which people, events
//! and fields a bundle carries. Pure: the records in, a [`Bundle`] out.
//!
//! - People: those whose consent in force today is `coalition_aggregate`
//!   or wider; by pseudonymous id, with their groups (pseudonymous), the
//!   states of those groups, the five-year band of the birth year, and
//!   their match tokens.
//! - Events: those with at least one of those people, with only those
//!   people as participants; kind, type, dates at their precision, state,
//!   field office, agency, verification, groups. The narrative only when
//!   every person the event names (included or not) allows
//!   `coalition_narrative`. Never a city, a facility, a group's name.
//! - Nothing of a person's identity but the birth band: names, aliases,
//!   contact, A-number, address and status have no field in a bundle.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use testimonio_coalition::pseudonym::RecordClass;
use testimonio_coalition::{
    Bundle, BundleEvent, BundleGroup, BundleParticipant, BundlePerson, MatchToken, PseudonymKey,
    birth_band,
};
use testimonio_domain::{Audience, ConsentLevel, Event, Group, RecordId};
use testimonio_vault::{PersonSummary, ShareCounts};

/// What the picture is made from.
pub struct Sources<'a> {
    pub people: &'a [PersonSummary],
    pub events: &'a [Event],
    pub groups: &'a [Group],
    /// Birth years of the included people (from the audited read).
    pub birth_years: &'a HashMap<RecordId, u16>,
    /// Match tokens of the included people.
    pub tokens: &'a HashMap<RecordId, Vec<MatchToken>>,
    pub today: NaiveDate,
}

/// The people whose consent in force on `today` lets the coalition count them.
pub fn consenting(people: &[PersonSummary], today: NaiveDate) -> Vec<&PersonSummary> {
    people
        .iter()
        .filter(|p| {
            p.consent
                .level_on(today)
                .allows_counting(Audience::Coalition)
        })
        .collect()
}

/// The bundle of `sources` (number 0 until the share is recorded) and
/// its counts.
pub fn picture(
    sources: &Sources<'_>,
    key: &PseudonymKey,
    coalition: &str,
    created_at: &str,
) -> (Bundle, ShareCounts) {
    let today = sources.today;
    let levels: HashMap<&RecordId, ConsentLevel> = sources
        .people
        .iter()
        .map(|p| (&p.id, p.consent.level_on(today)))
        .collect();
    let included: HashMap<&RecordId, String> = consenting(sources.people, today)
        .into_iter()
        .map(|p| (&p.id, key.id(RecordClass::Person, p.id.as_str())))
        .collect();
    let group_states: HashMap<&RecordId, _> =
        sources.groups.iter().map(|g| (&g.id, g.state)).collect();
    let mut used_groups: BTreeSet<&RecordId> = BTreeSet::new();
    let mut bundle = Bundle::new(coalition, 0, created_at);
    let mut counts = ShareCounts::default();
    for p in sources.people {
        let Some(pid) = included.get(&p.id) else {
            continue;
        };
        used_groups.extend(p.groups.iter());
        let tokens = sources.tokens.get(&p.id).cloned().unwrap_or_default();
        counts.tokens += tokens.len();
        bundle.people.push(BundlePerson {
            id: pid.clone(),
            consent: levels[&p.id],
            groups: p
                .groups
                .iter()
                .map(|g| key.id(RecordClass::Group, g.as_str()))
                .collect(),
            states: p
                .groups
                .iter()
                .filter_map(|g| group_states.get(g).copied().flatten())
                .collect(),
            birth_band: sources.birth_years.get(&p.id).map(|y| birth_band(*y)),
            tokens,
        });
    }
    for e in sources.events {
        let participants: Vec<BundleParticipant> = e
            .participants()
            .iter()
            .filter_map(|part| {
                included.get(&part.person).map(|pid| BundleParticipant {
                    person: pid.clone(),
                    role: part.role,
                })
            })
            .collect();
        if participants.is_empty() {
            continue;
        }
        let narrative_allowed = e.participants().iter().all(|part| {
            levels
                .get(&part.person)
                .is_some_and(|l| l.allows_narrative(Audience::Coalition))
        });
        let narrative = e
            .narrative()
            .filter(|_| narrative_allowed)
            .map(|n| n.expose().to_owned());
        counts.narratives += usize::from(narrative.is_some());
        used_groups.extend(e.groups().iter());
        bundle.events.push(BundleEvent {
            id: key.id(RecordClass::Event, e.id().as_str()),
            kind: e.kind(),
            event_type: e.event_type().code().to_owned(),
            date: e.date(),
            end_date: e.end_date(),
            state: e.location().state,
            field_office: e.field_office(),
            agency: e.agency(),
            verification: e.verification(),
            participants,
            groups: e
                .groups()
                .iter()
                .map(|g| key.id(RecordClass::Group, g.as_str()))
                .collect(),
            narrative,
        });
    }
    for g in used_groups {
        bundle.groups.push(BundleGroup {
            id: key.id(RecordClass::Group, g.as_str()),
            state: group_states.get(g).copied().flatten(),
        });
    }
    counts.people = bundle.people.len();
    counts.events = bundle.events.len();
    bundle.canonicalize();
    (bundle, counts)
}
