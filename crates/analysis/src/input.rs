//! What the analysis reads: people and events reduced to the facts it
//! needs, decoupled from the vault so that every computation can be tested
//! on a handful of hand-made records.
//!
//! # Dates of imprecise precision
//!
//! Every event is placed on one day ([`EventFacts::day`]):
//!
//! - a **protected activity** on the *earliest* day its date can mean
//!   (`2019-05` → 2019-05-01, `2019` → 2019-01-01);
//! - an **enforcement action** on the *latest* day its date can mean
//!   (`2019-05` → 2019-05-31, `2019` → 2019-12-31).
//!
//! Both choices can only lengthen the interval from an activity to an
//! action, so a month- or year-precision date never makes retaliation look
//! *quicker* than it could have been. The price is that an imprecise
//! activity and action in the same month or year are ordered activity
//! first; every pair that rests on an imprecise or approximate (`~`) date
//! is flagged and counted (`imprecise`), so a reader can see how much of a
//! result depends on them. The approximate marker does not move the day.
//!
//! An activity with an end date (a hunger strike from March 3 to 17) went
//! on until then: it comes before every action on or after its first day,
//! and the interval to an action runs from its end, placed on the
//! *earliest* day the end date can mean (again the longer interval); an
//! action during the activity is 0 days from it.
//!
//! # Who an event is about
//!
//! - An enforcement action is *aimed at* the people listed with the role
//!   [`ParticipantRole::Target`]. Family members and witnesses are not
//!   targets of their own.
//! - A person *took part in* a protected activity when listed as organizer,
//!   spokesperson, participant or other (not as witness, family member or
//!   target).
//! - A group's protected activity is every protected activity that names
//!   the group or in which one of its members took part.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use testimonio_domain::{
    Audience, ConsentHistory, DatePrecision, Event, EventKind, EventType, FieldOffice, PartialDate,
    Participant, ParticipantRole, Person, RecordId, UsState,
};

use crate::error::AnalysisError;

/// One person, as far as the analysis is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFacts {
    /// The person's record id.
    pub id: RecordId,
    /// The groups the person belongs to (possibly none).
    pub groups: Vec<RecordId>,
    /// Every consent grant, to decide which audiences may count them.
    pub consent: ConsentHistory,
    /// First and last day of the period in which the person's life was
    /// documented. `None`: from the earliest day of their first documented
    /// event to the latest day of their last one.
    pub documented_period: Option<(NaiveDate, NaiveDate)>,
    /// Whether the person held a leadership role (organizer, spokesperson).
    pub leadership: bool,
    /// The day from which the authorities are known to have known the
    /// person's immigration status, if it is known.
    pub known_status_since: Option<NaiveDate>,
}

/// One event, as far as the analysis is concerned. Its kind follows from
/// its type, so the two cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFacts {
    /// The event's record id.
    pub id: RecordId,
    /// The vocabulary type (and with it the kind).
    pub event_type: EventType,
    /// The date, as precisely as it is known.
    pub date: PartialDate,
    /// The last day of an activity that lasted (a hunger strike, a
    /// campaign), if recorded.
    pub end_date: Option<PartialDate>,
    /// The people named and their roles.
    pub people: Vec<Participant>,
    /// The groups named.
    pub groups: Vec<RecordId>,
    /// Where it happened, if known.
    pub state: Option<UsState>,
    /// The ICE field office responsible (enforcement actions only).
    pub field_office: Option<FieldOffice>,
}

impl EventFacts {
    /// The facts of a domain event.
    pub fn from_event(event: &Event) -> Self {
        Self {
            id: event.id().clone(),
            event_type: event.event_type(),
            date: event.date(),
            end_date: event.end_date(),
            people: event.participants().to_vec(),
            groups: event.groups().to_vec(),
            state: event.location().state,
            field_office: event.field_office(),
        }
    }

    /// Protected activity or enforcement action.
    pub fn kind(&self) -> EventKind {
        self.event_type.kind()
    }

    /// The one day the analysis places the event on: the earliest possible
    /// day of a protected activity, the latest possible day of an
    /// enforcement action (see the [module documentation](self)).
    pub fn day(&self) -> NaiveDate {
        match self.kind() {
            EventKind::ProtectedActivity => self.date.earliest(),
            EventKind::EnforcementAction => self.date.latest(),
        }
    }

    /// The day intervals to later actions run from: a protected activity's
    /// end placed on its earliest day (never before [`Self::day`]), else
    /// [`Self::day`] (see the [module documentation](self)).
    pub fn until(&self) -> NaiveDate {
        match (self.kind(), self.end_date) {
            (EventKind::ProtectedActivity, Some(end)) => end.earliest().max(self.day()),
            _ => self.day(),
        }
    }

    /// Whether the date is known to the day and not marked approximate.
    pub fn is_precise(&self) -> bool {
        self.date.precision() == DatePrecision::Day && !self.date.is_approximate()
    }

    /// The people an enforcement action is aimed at (none for an activity).
    pub fn targets(&self) -> impl Iterator<Item = &RecordId> {
        let enforcement = self.kind() == EventKind::EnforcementAction;
        self.people
            .iter()
            .filter(move |p| enforcement && p.role == ParticipantRole::Target)
            .map(|p| &p.person)
    }

    /// The people who took part in a protected activity (none for an
    /// enforcement action).
    pub fn actors(&self) -> impl Iterator<Item = &RecordId> {
        let protected = self.kind() == EventKind::ProtectedActivity;
        self.people
            .iter()
            .filter(move |p| protected && takes_part(p.role))
            .map(|p| &p.person)
    }
}

/// Whether a role in a protected activity counts as taking part in it.
fn takes_part(role: ParticipantRole) -> bool {
    matches!(
        role,
        ParticipantRole::Organizer
            | ParticipantRole::Spokesperson
            | ParticipantRole::Participant
            | ParticipantRole::Other
    )
}

/// A day as a number (days since 0001-01-01 of the proleptic Gregorian
/// calendar, which is day 1), for fast arithmetic.
pub(crate) fn day_number(day: NaiveDate) -> i32 {
    day.num_days_from_ce()
}

/// The inverse of [`day_number`].
pub(crate) fn from_day_number(n: i32) -> NaiveDate {
    let day = NaiveDate::from_num_days_from_ce_opt(n);
    debug_assert!(day.is_some(), "day numbers come from real dates");
    day.unwrap_or(NaiveDate::MIN)
}

/// An event placed on its day: the unit of every index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Dated {
    /// [`day_number`] of [`EventFacts::day`].
    pub day: i32,
    /// Index into [`AnalysisInput::events`].
    pub event: u32,
    /// [`day_number`] of [`EventFacts::until`] (`day` for most events).
    pub until: i32,
}

/// Lookups built once when the input is made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Index {
    /// Per person: the protected activities they took part in, sorted.
    pub protected: Vec<Activities>,
    /// Per person: the enforcement actions aimed at them, sorted.
    pub enforcement: Vec<Vec<Dated>>,
    /// Per person: the documented period as day numbers, `None` for a
    /// person with no event and no period given.
    pub period: Vec<Option<(i32, i32)>>,
    /// Per person: the numbers of their groups.
    pub person_groups: Vec<Vec<u32>>,
    /// Per group number: the group's protected activities, sorted.
    pub group_protected: Vec<Activities>,
}

/// Everything an analysis reads, checked: ids are unique and every person
/// an event names is among the people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisInput {
    people: Vec<PersonFacts>,
    events: Vec<EventFacts>,
    by_id: HashMap<RecordId, usize>,
    index: Index,
}

impl AnalysisInput {
    /// Checks and indexes people and events.
    ///
    /// # Errors
    /// A person or event id listed twice, an event naming a person twice or
    /// naming a person who is not in `people`, or a documented period that
    /// ends before it starts.
    pub fn new(people: Vec<PersonFacts>, events: Vec<EventFacts>) -> Result<Self, AnalysisError> {
        let mut by_id = HashMap::with_capacity(people.len());
        for (i, p) in people.iter().enumerate() {
            if by_id.insert(p.id.clone(), i).is_some() {
                return Err(AnalysisError::DuplicatePerson { id: p.id.clone() });
            }
            if let Some((start, end)) = p.documented_period
                && end < start
            {
                return Err(AnalysisError::PeriodEndsBeforeStart { id: p.id.clone() });
            }
        }
        let mut event_ids = HashSet::with_capacity(events.len());
        let mut seen = HashSet::new();
        // The index of every participant, event by event.
        let mut participants = Vec::with_capacity(events.iter().map(|e| e.people.len()).sum());
        for e in &events {
            if !event_ids.insert(&e.id) {
                return Err(AnalysisError::DuplicateEvent { id: e.id.clone() });
            }
            seen.clear();
            for p in &e.people {
                let Some(&person) = by_id.get(&p.person) else {
                    return Err(AnalysisError::UnknownPerson {
                        event: e.id.clone(),
                        person: p.person.clone(),
                    });
                };
                if !seen.insert(person) {
                    return Err(AnalysisError::DuplicateParticipant {
                        event: e.id.clone(),
                        person: p.person.clone(),
                    });
                }
                participants.push(u32::try_from(person).unwrap_or(u32::MAX));
            }
        }
        let index = build_index(&people, &events, &participants);
        Ok(Self {
            people,
            events,
            by_id,
            index,
        })
    }

    /// The input for the records of a vault. No one has a documented
    /// period or a known-status day (the vault does not hold them yet; set
    /// them on [`PersonFacts`] and use [`AnalysisInput::new`] when known);
    /// a person has a leadership role when they organized or spoke for a
    /// protected activity.
    ///
    /// # Errors
    /// As [`AnalysisInput::new`]: above all, an event naming a person who
    /// is not in `people`.
    pub fn from_records(people: &[Person], events: &[Event]) -> Result<Self, AnalysisError> {
        let leaders: HashSet<&RecordId> = events
            .iter()
            .filter(|e| e.kind() == EventKind::ProtectedActivity)
            .flat_map(|e| e.participants())
            .filter(|p| p.role.is_leadership())
            .map(|p| &p.person)
            .collect();
        let facts = people
            .iter()
            .map(|p| PersonFacts {
                id: p.id.clone(),
                groups: p.groups.clone(),
                consent: p.consent.clone(),
                documented_period: None,
                leadership: leaders.contains(&p.id),
                known_status_since: None,
            })
            .collect();
        let events = events.iter().map(EventFacts::from_event).collect();
        Self::new(facts, events)
    }

    /// The people, in the order given.
    pub fn people(&self) -> &[PersonFacts] {
        &self.people
    }

    /// The events, in the order given.
    pub fn events(&self) -> &[EventFacts] {
        &self.events
    }

    /// The position of a person in [`AnalysisInput::people`].
    pub fn person_index(&self, id: &RecordId) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The documented period of the person at `person` (an index into
    /// [`AnalysisInput::people`]): the one given, or from the earliest day
    /// of their first event to the latest day of their last. `None` for a
    /// person with neither.
    pub fn documented_period(&self, person: usize) -> Option<(NaiveDate, NaiveDate)> {
        self.index
            .period
            .get(person)
            .copied()
            .flatten()
            .map(|(a, b)| (from_day_number(a), from_day_number(b)))
    }

    /// Only the people whose consent on `as_of` allows `audience` to count
    /// them, and only the events that still name someone (events that
    /// never named anyone are kept). People left out are also taken off
    /// the events that named them.
    pub fn for_audience(&self, audience: Audience, as_of: NaiveDate) -> AnalysisInput {
        let allowed: HashSet<&RecordId> = self
            .people
            .iter()
            .filter(|p| p.consent.level_on(as_of).allows_counting(audience))
            .map(|p| &p.id)
            .collect();
        let people = self
            .people
            .iter()
            .filter(|p| allowed.contains(&p.id))
            .cloned()
            .collect();
        let events = self
            .events
            .iter()
            .filter_map(|e| {
                if e.people.is_empty() {
                    return Some(e.clone());
                }
                let kept: Vec<Participant> = e
                    .people
                    .iter()
                    .filter(|p| allowed.contains(&p.person))
                    .cloned()
                    .collect();
                (!kept.is_empty()).then(|| EventFacts {
                    people: kept,
                    ..e.clone()
                })
            })
            .collect();
        let restricted = Self::new(people, events);
        debug_assert!(restricted.is_ok(), "a subset of a valid input is valid");
        restricted.unwrap_or_else(|_| Self::empty())
    }

    fn empty() -> Self {
        Self {
            people: Vec::new(),
            events: Vec::new(),
            by_id: HashMap::new(),
            index: Index::default(),
        }
    }

    pub(crate) fn index(&self) -> &Index {
        &self.index
    }
}

fn build_index(people: &[PersonFacts], events: &[EventFacts], participants: &[u32]) -> Index {
    let n = people.len();
    let mut protected = vec![Vec::new(); n];
    let mut enforcement = vec![Vec::new(); n];
    let mut span: Vec<Option<(i32, i32)>> = vec![None; n];
    // Groups are numbered in order of first mention.
    let mut group_numbers: HashMap<&RecordId, u32> = HashMap::new();
    let person_groups: Vec<Vec<u32>> = people
        .iter()
        .map(|p| {
            p.groups
                .iter()
                .map(|g| group_number(&mut group_numbers, g))
                .collect()
        })
        .collect();
    let mut group_protected: Vec<Vec<Dated>> = Vec::new();
    let mut groups_of_event: Vec<u32> = Vec::new();
    let mut next_participant = 0;
    for (i, e) in events.iter().enumerate() {
        let dated = Dated {
            day: day_number(e.day()),
            event: u32::try_from(i).unwrap_or(u32::MAX),
            until: day_number(e.until()),
        };
        let (earliest, latest) = (day_number(e.date.earliest()), day_number(e.date.latest()));
        let who = &participants[next_participant..next_participant + e.people.len()];
        next_participant += e.people.len();
        let kind = e.kind();
        groups_of_event.clear();
        for (p, &person) in e.people.iter().zip(who) {
            let person = person as usize;
            span[person] = Some(match span[person] {
                None => (earliest, latest),
                Some((a, b)) => (a.min(earliest), b.max(latest)),
            });
            match kind {
                EventKind::EnforcementAction if p.role == ParticipantRole::Target => {
                    enforcement[person].push(dated);
                }
                EventKind::ProtectedActivity if takes_part(p.role) => {
                    protected[person].push(dated);
                    groups_of_event.extend(&person_groups[person]);
                }
                _ => {}
            }
        }
        if kind == EventKind::ProtectedActivity {
            groups_of_event.extend(e.groups.iter().map(|g| group_number(&mut group_numbers, g)));
            groups_of_event.sort_unstable();
            groups_of_event.dedup();
            for &g in &groups_of_event {
                let g = g as usize;
                if group_protected.len() <= g {
                    group_protected.resize_with(g + 1, Vec::new);
                }
                group_protected[g].push(dated);
            }
        }
    }
    debug_assert_eq!(next_participant, participants.len());
    group_protected.resize_with(group_numbers.len(), Vec::new);
    for list in &mut enforcement {
        list.sort_unstable();
    }
    let protected = protected.into_iter().map(Activities::new).collect();
    let group_protected = group_protected.into_iter().map(Activities::new).collect();
    let period = people
        .iter()
        .zip(span)
        .map(|(p, s)| match p.documented_period {
            Some((a, b)) => Some((day_number(a), day_number(b))),
            None => s,
        })
        .collect();
    Index {
        protected,
        enforcement,
        period,
        person_groups,
        group_protected,
    }
}

/// The number of group `g`, numbering it next if it is new.
fn group_number<'a>(numbers: &mut HashMap<&'a RecordId, u32>, g: &'a RecordId) -> u32 {
    let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
    *numbers.entry(g).or_insert(next)
}

/// Protected activities sorted by day, with what [`Self::nearest`] needs
/// to answer in logarithmic time: for each prefix, the activity that went
/// on latest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Activities {
    dated: Vec<Dated>,
    /// `reach[i]`: the index among `dated[..=i]` of the greatest `until`
    /// (the latest index among equals).
    reach: Vec<u32>,
}

impl Activities {
    pub(crate) fn new(mut dated: Vec<Dated>) -> Self {
        dated.sort_unstable();
        let mut reach = Vec::with_capacity(dated.len());
        let mut best = 0usize;
        for (i, d) in dated.iter().enumerate() {
            if d.until >= dated[best].until {
                best = i;
            }
            reach.push(u32::try_from(best).unwrap_or(u32::MAX));
        }
        Self { dated, reach }
    }

    /// The activity nearest before `day`: among those begun on or before
    /// it, the one that went on latest, and the days from its end to
    /// `day` (0 when `day` falls within it).
    pub(crate) fn nearest(&self, day: i32) -> Option<(Dated, u32)> {
        let n = self.dated.partition_point(|d| d.day <= day);
        let i = *self.reach.get(n.checked_sub(1)?)? as usize;
        let found = self.dated[i];
        Some((found, (day - found.until.min(day)).unsigned_abs()))
    }
}

impl std::ops::Deref for Activities {
    type Target = [Dated];

    fn deref(&self) -> &[Dated] {
        &self.dated
    }
}
