//! Deterministic generator of clearly fictional demo data for Testimonio.
//!
//! [`generate`] turns a [`DemoSpec`] into groups, people and events as
//! canonical exchange records ([`testimonio_domain::exchange`]), so demo
//! data goes through exactly the validation any import does. The same spec
//! always yields the same data: there is no clock and no OS randomness,
//! only a small seeded generator written out in this crate.
//!
//! Everything is invented and says so: group names end in "(demo)", legal
//! names read like "María Peña Ficticia Demo-017", A-numbers sit in the
//! range `A000-xxx-xxx`, addresses are on "Calle Ficticia, Demo City",
//! contacts use the reserved `example.invalid` domain or the fictional
//! 555-01xx phone range, and every narrative ends with
//! "(Relato ficticio de demostración)" or "(Fictional demo narrative)".
//!
//! The data has the shape of real documentation: groups in several states,
//! people who protest, testify and speak to the press, and for many of them
//! enforcement actions that follow an activity within weeks and escalate
//! over time (surveillance, then arrest, detention, deportation), while
//! others are never targeted.

#![warn(missing_docs)]

mod rng;
mod tables;

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate};
use testimonio_domain::date::{MAX_YEAR, MIN_YEAR};
use testimonio_domain::exchange::{
    ConsentEntry, ConsentField, EventRecord, ExchangeRecord, GroupRecord, ParticipantEntry,
    PersonRecord,
};
use testimonio_domain::{EventType, Lang};

use crate::rng::{Rng, forked_rng};
use crate::tables::{CITIES, City, HOME_CITIES};

/// What to generate: how much, over which years, from which seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSpec {
    /// Seed of the generator: the same spec always gives the same data.
    pub seed: u64,
    /// Number of groups.
    pub groups: usize,
    /// Number of people. Each belongs to one group (some to two) when
    /// there is at least one group.
    pub people: usize,
    /// Exact number of events.
    pub events: usize,
    /// Calendar years the dates fall in (clamped to 1900–2100, the years
    /// the domain accepts; a reversed range is read the right way round).
    pub years: RangeInclusive<i32>,
}

impl DemoSpec {
    /// The standard demo: seed 2026, 8 groups in 7 states, 60 people and
    /// 400 events over 2015–2024.
    pub fn standard() -> Self {
        Self {
            seed: 2026,
            groups: 8,
            people: 60,
            events: 400,
            years: 2015..=2024,
        }
    }

    /// A spec with `events` events and the standard proportions: about one
    /// person per six events (at least 60) and one group per eight people
    /// (at least 6). Seed and years are the standard ones.
    pub fn scaled(events: usize) -> Self {
        let people = (events / 6).max(60);
        let groups = (people / 8).max(6);
        Self {
            groups,
            people,
            events,
            ..Self::standard()
        }
    }
}

impl Default for DemoSpec {
    /// [`DemoSpec::standard`].
    fn default() -> Self {
        Self::standard()
    }
}

/// Generated demo data, as exchange records that still need validating
/// (`into_group`, `into_person`, `into_event`) like any import.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DemoData {
    /// The groups, `demo-g-001` onwards.
    pub groups: Vec<GroupRecord>,
    /// The people, `demo-p-0001` onwards.
    pub people: Vec<PersonRecord>,
    /// The events, oldest first, `demo-e-00001` onwards.
    pub events: Vec<EventRecord>,
}

impl DemoData {
    /// Every record in import order: groups, then people, then events.
    pub fn records(&self) -> impl Iterator<Item = ExchangeRecord> + '_ {
        let groups = self.groups.iter().cloned().map(ExchangeRecord::Group);
        let people = self.people.iter().cloned().map(ExchangeRecord::Person);
        let events = self.events.iter().cloned().map(ExchangeRecord::Event);
        groups.chain(people).chain(events)
    }
}

/// Generates the demo data described by `spec`. Deterministic, and linear
/// in the size of the output (100 000 events take well under a second in
/// a release build).
pub fn generate(spec: &DemoSpec) -> DemoData {
    Generator::new(spec).run()
}

// ---------------------------------------------------------------------------
// Calendar

/// The span of days dates are drawn from.
struct Calendar {
    start: NaiveDate,
    end: NaiveDate,
    /// Days from `start` to `end`.
    span: u64,
}

impl Calendar {
    fn new(years: &RangeInclusive<i32>) -> Self {
        let clamp = |y: i32| y.clamp(MIN_YEAR, MAX_YEAR);
        let (a, b) = (clamp(*years.start()), clamp(*years.end()));
        let (first, last) = (a.min(b), a.max(b));
        let start = NaiveDate::from_ymd_opt(first, 1, 1)
            .expect("1 January of a year clamped to 1900-2100 exists");
        let end = NaiveDate::from_ymd_opt(last, 12, 31)
            .expect("31 December of a year clamped to 1900-2100 exists");
        let span = u64::try_from((end - start).num_days()).unwrap_or(0);
        Self { start, end, span }
    }

    /// `start` plus `offset` days, never past `end`.
    fn day(&self, offset: u64) -> NaiveDate {
        self.after(self.start, offset)
    }

    /// `day` plus `days`, never past `end`.
    fn after(&self, day: NaiveDate, days: u64) -> NaiveDate {
        day.checked_add_days(Days::new(days))
            .map_or(self.end, |d| d.min(self.end))
    }

    /// Days left from `day` to `end`.
    fn left(&self, day: NaiveDate) -> u64 {
        u64::try_from((self.end - day).num_days()).unwrap_or(0)
    }

    /// A day that leaves room for a follow-up within a few months, when
    /// the span is long enough.
    fn anchor(&self, rng: &mut Rng) -> NaiveDate {
        let room = if self.span > 365 { 90 } else { 0 };
        self.day(rng.below(self.span - room + 1))
    }
}

/// Renders a day at a mixed precision: mostly the day, some only the month,
/// a few only the year, some marked approximate.
fn render_date(rng: &mut Rng, day: NaiveDate) -> (String, bool) {
    let (y, m, d) = (day.year(), day.month(), day.day());
    let roll = rng.below(100);
    match roll {
        0..78 => (format!("{y:04}-{m:02}-{d:02}"), true),
        78..90 => (format!("{y:04}-{m:02}"), false),
        90..94 => (format!("~{y:04}-{m:02}"), false),
        94..96 => (format!("~{y:04}-{m:02}-{d:02}"), false),
        96..98 => (format!("{y:04}"), false),
        _ => (format!("~{y:04}"), false),
    }
}

fn day_string(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

// ---------------------------------------------------------------------------
// Plans: what the generator knows about each group and person.

struct GroupPlan {
    id: String,
    /// Index into [`CITIES`].
    city: usize,
    /// Members, by person index.
    members: Vec<usize>,
}

struct PersonPlan {
    id: String,
    pseudonym: String,
    /// Index into [`CITIES`]: the primary group's city.
    city: usize,
    /// Group indices, primary first.
    groups: Vec<usize>,
    /// Leads often and is targeted more.
    leader: bool,
    /// Ever the target of enforcement.
    targeted: bool,
    /// A U.S. citizen: only the milder enforcement actions.
    citizen: bool,
    /// When deported, if ever: no group events in the US after that.
    deported_on: Option<NaiveDate>,
}

/// One step of a person's story: an activity (or none, for enforcement
/// out of the blue) and the enforcement sequence that followed it.
struct Episode {
    /// Type and role of the activity.
    activity: Option<(&'static str, &'static str)>,
    /// Done from abroad, after a deportation: no US place.
    abroad: bool,
    chain: &'static [&'static str],
    /// Days from the activity to the first enforcement action.
    lag: u64,
}

/// An event before it gets its id: events are sorted by date first.
struct Draft {
    day: NaiveDate,
    record: EventRecord,
}

const PROTECTED: &str = "protected_activity";
const ENFORCEMENT: &str = "enforcement_action";

/// Activity types for personal stories, by weight.
const PERSONAL_ACTIVITIES: &[(u64, &str)] = &[
    (16, "protest"),
    (12, "press_interview"),
    (9, "public_testimony"),
    (10, "social_media_advocacy"),
    (8, "vigil"),
    (5, "hunger_strike"),
    (7, "organizing_campaign"),
    (4, "lawsuit"),
    (4, "foia_request"),
    (8, "accompaniment"),
    (4, "civil_disobedience"),
    (4, "publication"),
    (5, "know_your_rights_training"),
    (5, "rapid_response"),
    (3, "administrative_complaint"),
];

/// What a deported activist can still do from abroad.
const ABROAD_ACTIVITIES: &[(u64, &str)] = &[
    (40, "social_media_advocacy"),
    (30, "press_interview"),
    (15, "publication"),
    (10, "lawsuit"),
    (5, "administrative_complaint"),
];

/// Group-level activities, by weight.
const GROUP_ACTIVITIES: &[(u64, &str)] = &[
    (45, "protest"),
    (20, "vigil"),
    (10, "know_your_rights_training"),
    (10, "rapid_response"),
    (8, "civil_disobedience"),
    (4, "hunger_strike"),
    (3, "organizing_campaign"),
];

/// Enforcement sequences by escalation tier: a person's first retaliation
/// is usually surveillance or intimidation, later ones arrest, detention
/// and removal.
const TIERS: [&[&[&str]]; 4] = [
    &[
        &["physical_surveillance"],
        &["online_surveillance"],
        &["threat_or_intimidation"],
        &["home_or_workplace_visit"],
        &["informant"],
        &["data_sharing"],
        &["family_targeting"],
    ],
    &[
        &["stop_or_arrest"],
        &["stop_or_arrest", "detention"],
        &["home_or_workplace_visit", "stop_or_arrest"],
        &["physical_surveillance", "stop_or_arrest"],
        &["supervision_conditions_changed"],
        &["benefit_denied_or_revoked"],
    ],
    &[
        &["stop_or_arrest", "detention", "notice_to_appear"],
        &["notice_to_appear"],
        &["detention", "bond_denied_or_raised"],
        &["detention", "transfer"],
        &["detention", "punitive_segregation"],
        &["stay_denied_or_revoked"],
    ],
    &[
        &["stop_or_arrest", "detention", "deportation"],
        &["stay_denied_or_revoked", "deportation"],
        &["detention", "transfer", "deportation"],
        &["notice_to_appear"],
        &["supervision_conditions_changed"],
    ],
];

/// The agency behind an enforcement type, by weight: mostly ICE.
fn agencies(code: &str) -> &'static [(u64, &'static str)] {
    match code {
        "physical_surveillance" => &[(70, "ice"), (10, "fbi"), (15, "local_police"), (5, "dhs")],
        "online_surveillance" => &[(60, "ice"), (25, "dhs"), (15, "fbi")],
        "informant" => &[(60, "ice"), (25, "fbi"), (15, "local_police")],
        "data_sharing" => &[(60, "local_police"), (25, "state_police"), (15, "ice")],
        "home_or_workplace_visit" => &[(85, "ice"), (5, "cbp"), (10, "local_police")],
        "threat_or_intimidation" => &[(65, "ice"), (10, "cbp"), (25, "local_police")],
        "stop_or_arrest" => &[
            (60, "ice"),
            (25, "local_police"),
            (10, "cbp"),
            (5, "state_police"),
        ],
        "detention" => &[(95, "ice"), (5, "cbp")],
        "notice_to_appear" => &[(75, "ice"), (10, "cbp"), (15, "uscis")],
        "bond_denied_or_raised" => &[(70, "ice"), (30, "eoir")],
        "family_targeting" => &[(85, "ice"), (15, "cbp")],
        "benefit_denied_or_revoked" => &[(100, "uscis")],
        _ => &[(100, "ice")],
    }
}

/// Days between one enforcement step and the next in a sequence.
fn step_lag(rng: &mut Rng, prev: &str, next: &str) -> u64 {
    match (prev, next) {
        ("stop_or_arrest", "detention") => rng.between(0, 1),
        ("detention", "notice_to_appear") => rng.between(0, 7),
        ("detention", "bond_denied_or_raised") => rng.between(3, 30),
        ("detention", "transfer") => rng.between(5, 60),
        ("detention", "punitive_segregation") => rng.between(7, 45),
        ("stay_denied_or_revoked", "deportation") => rng.between(3, 30),
        (_, "deportation") => rng.between(20, 120),
        _ => rng.between(1, 30),
    }
}

/// Verification codes, by weight, for an event type.
fn verifications(kind: &str, code: &str) -> &'static [(u64, &'static str)] {
    match (kind, code) {
        (PROTECTED, _) => &[(50, "reported"), (35, "corroborated"), (15, "documented")],
        (
            _,
            "notice_to_appear"
            | "deportation"
            | "bond_denied_or_raised"
            | "stay_denied_or_revoked"
            | "benefit_denied_or_revoked",
        ) => &[(15, "reported"), (25, "corroborated"), (60, "documented")],
        _ => &[(40, "reported"), (35, "corroborated"), (25, "documented")],
    }
}

// ---------------------------------------------------------------------------
// The generator

struct Generator<'a> {
    spec: &'a DemoSpec,
    cal: Calendar,
    groups: Vec<GroupPlan>,
    people: Vec<PersonPlan>,
    drafts: Vec<Draft>,
    /// For each city, the cities in the same state (itself included).
    same_state: Vec<Vec<usize>>,
    /// Group indices by state.
    by_state: BTreeMap<&'static str, Vec<usize>>,
}

impl<'a> Generator<'a> {
    fn new(spec: &'a DemoSpec) -> Self {
        let same_state = CITIES
            .iter()
            .map(|c| {
                CITIES
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.state == c.state)
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        Self {
            spec,
            cal: Calendar::new(&spec.years),
            groups: Vec::with_capacity(spec.groups),
            people: Vec::with_capacity(spec.people),
            drafts: Vec::with_capacity(spec.events),
            same_state,
            by_state: BTreeMap::new(),
        }
    }

    fn run(mut self) -> DemoData {
        let groups = self.make_groups();
        let people = self.make_people();
        self.make_events();
        let mut drafts = std::mem::take(&mut self.drafts);
        // Stable: events on the same day keep their generation order.
        drafts.sort_by_key(|d| d.day);
        let events = drafts
            .into_iter()
            .enumerate()
            .map(|(i, mut d)| {
                d.record.id = format!("demo-e-{:05}", i + 1);
                d.record
            })
            .collect();
        DemoData {
            groups,
            people,
            events,
        }
    }

    fn make_groups(&mut self) -> Vec<GroupRecord> {
        (0..self.spec.groups)
            .map(|i| {
                let city = i % HOME_CITIES;
                let round = i / HOME_CITIES;
                let (stem, lang) = tables::GROUP_STEMS[i % tables::GROUP_STEMS.len()];
                let place = &CITIES[city];
                let town = place.name_in(lang);
                let name = match (round, lang) {
                    (0, _) => format!("{stem} — {town} (demo)"),
                    (_, Lang::Es) => format!("{stem} — {town}, sección {} (demo)", round + 1),
                    (_, Lang::En) => format!("{stem} — {town}, chapter {} (demo)", round + 1),
                };
                let id = format!("demo-g-{:03}", i + 1);
                self.groups.push(GroupPlan {
                    id: id.clone(),
                    city,
                    members: Vec::new(),
                });
                self.by_state.entry(place.state).or_default().push(i);
                GroupRecord {
                    id,
                    name,
                    state: Some(place.state.to_owned()),
                    city: Some(place.name.to_owned()),
                }
            })
            .collect()
    }

    /// Other groups in the same state as group `g`, if any.
    fn neighbours(&self, g: usize) -> &[usize] {
        self.by_state
            .get(CITIES[self.groups[g].city].state)
            .map_or(&[][..], Vec::as_slice)
    }

    fn make_people(&mut self) -> Vec<PersonRecord> {
        let mut rng = forked_rng(self.spec.seed, 2);
        // Pseudonyms are dealt from a shuffled deck; each new deck adds a
        // number ("Luz 2"), so they stay unique with the fewest suffixes.
        let mut deck: Vec<usize> = Vec::new();
        let group_count = self.groups.len();
        let mut out = Vec::with_capacity(self.spec.people);
        for i in 0..self.spec.people {
            let n = i + 1;
            let id = format!("demo-p-{n:04}");

            // Groups: the primary one round-robin, a second one for some,
            // in the same state when there is one.
            let mut groups = Vec::with_capacity(2);
            if group_count > 0 {
                let primary = i % group_count;
                groups.push(primary);
                if group_count > 1 && rng.percent(20) {
                    let nearby = self.neighbours(primary);
                    let second = if nearby.len() > 1 && rng.percent(70) {
                        *rng.pick(nearby)
                    } else {
                        rng.index(group_count)
                    };
                    if second != primary {
                        groups.push(second);
                    }
                }
            }
            let city = groups
                .first()
                .map_or(i % HOME_CITIES, |&g| self.groups[g].city);
            for &g in &groups {
                self.groups[g].members.push(i);
            }

            let names = tables::PSEUDONYMS.len();
            if i % names == 0 {
                deck = (0..names).collect();
                for j in (1..names).rev() {
                    deck.swap(j, rng.index(j + 1));
                }
            }
            let (short, gender) = tables::PSEUDONYMS[deck[i % names]];
            let pseudonym = match i / names {
                0 => short.to_owned(),
                round => format!("{short} {}", round + 1),
            };

            // An invented legal name of the pseudonym's gender.
            let feminine = gender.unwrap_or_else(|| rng.percent(50));
            let mut matching = tables::GIVEN_NAMES.iter().filter(|(_, f)| *f == feminine);
            let count = matching.clone().count();
            let given = matching.nth(rng.index(count)).map_or("Ana", |(g, _)| g);
            let surname = rng.pick(tables::SURNAMES);
            let fictional = if feminine { "Ficticia" } else { "Ficticio" };
            let legal_name = format!("{given} {surname} {fictional} Demo-{n:03}");

            let aliases = if rng.percent(10) {
                vec![format!("{} (apodo ficticio)", rng.pick(tables::NICKNAMES))]
            } else {
                Vec::new()
            };
            let contact = match rng.below(100) {
                0..75 => Some(format!("demo-{n:03}@example.invalid")),
                75..85 => Some(format!("+1 555-01{:02} (ficticio)", n % 100)),
                _ => None,
            };
            let status = rng.percent(90).then(|| *rng.weighted(tables::STATUSES));
            let citizen = status.is_some_and(|(_, citizen)| citizen);
            let a_number = (!citizen && rng.percent(85))
                .then(|| format!("A000-{:03}-{:03}", (n / 1000) % 1000, n % 1000));
            let address = rng.percent(70).then(|| {
                format!(
                    "{} {}, Demo City, {}",
                    rng.between(100, 999),
                    rng.pick(tables::STREETS),
                    CITIES[city].state
                )
            });
            let first_year = self.cal.start.year();
            let birth_year = rng.percent(85).then(|| {
                let age = i64::try_from(rng.between(18, 70)).unwrap_or(30);
                (i64::from(first_year) - age).max(i64::from(MIN_YEAR))
            });
            let consent = self.consent(&mut rng);

            let leader = rng.percent(25);
            let targeted = rng.percent(if leader { 80 } else { 60 });
            self.people.push(PersonPlan {
                id: id.clone(),
                pseudonym: pseudonym.clone(),
                city,
                groups: groups.clone(),
                leader,
                targeted,
                citizen,
                deported_on: None,
            });
            out.push(PersonRecord {
                id,
                pseudonym,
                legal_name: Some(legal_name),
                aliases,
                contact,
                a_number,
                immigration_status: status.map(|(text, _)| text.to_owned()),
                address,
                birth_year,
                groups: groups.iter().map(|&g| self.groups[g].id.clone()).collect(),
                consent: Some(ConsentField::History(consent)),
            });
        }
        out
    }

    /// A consent history: one grant, sometimes a later second one, and a
    /// few withdrawn.
    fn consent(&self, rng: &mut Rng) -> Vec<ConsentEntry> {
        const LEVELS: &[(u64, &str)] = &[
            (15, "internal"),
            (25, "coalition_aggregate"),
            (25, "coalition_narrative"),
            (20, "public_anonymous"),
            (15, "public_named"),
        ];
        let first_day = self.cal.day(rng.below(self.cal.span * 6 / 10 + 1));
        let first_level = *rng.weighted(LEVELS);
        let mut entries = vec![ConsentEntry {
            level: first_level.to_owned(),
            given_on: Some(day_string(first_day)),
            withdrawn_on: None,
            note: rng
                .percent(50)
                .then(|| (*rng.pick(tables::CONSENT_NOTES)).to_owned()),
        }];
        let mut last_day = first_day;
        if rng.percent(25) {
            let left = self.cal.left(first_day);
            let day = self.cal.after(first_day, rng.between(30.min(left), left));
            let mut level = *rng.weighted(LEVELS);
            if level == first_level {
                level = if level == "public_named" {
                    "coalition_narrative"
                } else {
                    "public_named"
                };
            }
            entries.push(ConsentEntry {
                level: level.to_owned(),
                given_on: Some(day_string(day)),
                withdrawn_on: None,
                note: None,
            });
            last_day = day;
        }
        if rng.percent(8) {
            let withdrawn = self.cal.after(last_day, rng.between(15, 400));
            if let Some(last) = entries.last_mut() {
                last.withdrawn_on = Some(day_string(withdrawn));
                last.note = Some((*rng.pick(tables::WITHDRAWAL_NOTES)).to_owned());
            }
        }
        entries
    }

    fn make_events(&mut self) {
        let mut rng = forked_rng(self.spec.seed, 3);
        let total = self.spec.events;
        let has_members = self.groups.iter().any(|g| !g.members.is_empty());
        let group_budget = if self.people.is_empty() {
            total
        } else if has_members {
            total * 15 / 100
        } else {
            0
        };
        let personal_budget = total - group_budget;

        // Every person gets one event if the budget allows, leaders get
        // a larger share of the rest.
        let people = self.people.len();
        let mut allot = vec![0usize; people];
        let base = personal_budget.min(people);
        for a in &mut allot[..base] {
            *a = 1;
        }
        let leaders: Vec<usize> = (0..people).filter(|&i| self.people[i].leader).collect();
        for _ in base..personal_budget {
            let i = if !leaders.is_empty() && rng.percent(40) {
                *rng.pick(&leaders)
            } else {
                rng.index(people)
            };
            allot[i] += 1;
        }
        for (person, &k) in allot.iter().enumerate() {
            self.story(&mut rng, person, k);
        }

        let members: Vec<usize> = (0..self.groups.len())
            .filter(|&g| !self.groups[g].members.is_empty() || self.people.is_empty())
            .collect();
        let mut left = group_budget;
        while left > 0 {
            let group = (!members.is_empty()).then(|| *rng.pick(&members));
            left -= self.group_event(&mut rng, group, left);
        }
        debug_assert_eq!(self.drafts.len(), total);
    }

    /// A city near `home`: usually `home`, sometimes elsewhere in its state.
    fn nearby(&self, rng: &mut Rng, home: usize) -> usize {
        if rng.percent(80) {
            home
        } else {
            *rng.pick(&self.same_state[home])
        }
    }

    /// One person's own events, `count` of them, in date order: protected
    /// activities, each possibly followed within weeks by enforcement that
    /// escalates from one episode to the next.
    fn story(&mut self, rng: &mut Rng, person: usize, count: usize) {
        let (leader, targeted, citizen, home) = {
            let p = &self.people[person];
            (p.leader, p.targeted, p.citizen, p.city)
        };

        // First the plot: which activities, which retaliation, in order.
        let mut plot: Vec<Episode> = Vec::new();
        let mut emitted = 0;
        let mut retaliations = 0usize;
        let mut deported = false;
        while emitted < count {
            // Now and then an enforcement action with no activity before it.
            if !plot.is_empty() && targeted && !deported && rng.percent(6) {
                let chain = &rng.pick(TIERS[0])[..1];
                plot.push(Episode {
                    activity: None,
                    abroad: false,
                    chain,
                    lag: 0,
                });
                emitted += 1;
                continue;
            }
            let code = if deported {
                *rng.weighted(ABROAD_ACTIVITIES)
            } else {
                *rng.weighted(PERSONAL_ACTIVITIES)
            };
            let role = if leader {
                *rng.weighted(&[(45, "organizer"), (35, "spokesperson"), (20, "participant")])
            } else {
                *rng.weighted(&[(10, "organizer"), (15, "spokesperson"), (75, "participant")])
            };
            emitted += 1;
            let mut episode = Episode {
                activity: Some((code, role)),
                abroad: deported,
                chain: &[],
                lag: 0,
            };
            let odds = if role == "participant" { 40 } else { 70 };
            if targeted && !deported && emitted < count && rng.percent(odds) {
                let tier = if citizen { 0 } else { retaliations.min(3) };
                let chain = *rng.pick(TIERS[tier]);
                episode.chain = &chain[..chain.len().min(count - emitted)];
                episode.lag = if rng.percent(70) {
                    rng.between(3, 42)
                } else {
                    rng.between(43, 150)
                };
                emitted += episode.chain.len();
                retaliations += 1;
                deported = episode.chain.contains(&"deportation");
            }
            plot.push(episode);
        }

        // Then the dates: episodes spread over the whole span, in order.
        let mut anchors: Vec<NaiveDate> = plot.iter().map(|_| self.cal.anchor(rng)).collect();
        anchors.sort_unstable();
        for (episode, mut day) in plot.into_iter().zip(anchors) {
            let city = self.nearby(rng, home);
            let Some((code, role)) = episode.activity else {
                self.chain(rng, person, city, episode.chain, day, None);
                continue;
            };
            if let (true, Some(deported)) = (episode.abroad, self.people[person].deported_on) {
                // Activity from abroad comes after the deportation.
                day = day.max(self.cal.after(deported, rng.between(7, 60)));
            }
            let place = (!episode.abroad).then_some(city);
            let mut record = self.base_record(rng, PROTECTED, code, day, place);
            record.people = vec![ParticipantEntry {
                id: self.people[person].id.clone(),
                role: role.to_owned(),
            }];
            if let Some(&g) = self.people[person].groups.first()
                && !episode.abroad
                && rng.percent(70)
            {
                record.groups = vec![self.groups[g].id.clone()];
            }
            let who = Some(person_name(&self.people[person]));
            record.narrative = self.narrative(rng, code, who, city, None, 0);
            self.drafts.push(Draft { day, record });
            if !episode.chain.is_empty() {
                let first = self.cal.after(day, episode.lag);
                let label = EventType::parse("event_type", code).ok();
                let after = label.map(|t| (t, episode.lag));
                let last = self.chain(rng, person, city, episode.chain, first, after);
                if episode.chain.contains(&"deportation") {
                    self.people[person].deported_on = Some(last);
                }
            }
        }
    }

    /// Emits one enforcement sequence against `person`, starting on `first`,
    /// and returns the day of its last step. `after` names the activity it
    /// followed and how many days later.
    fn chain(
        &mut self,
        rng: &mut Rng,
        person: usize,
        city: usize,
        chain: &[&str],
        first: NaiveDate,
        after: Option<(EventType, u64)>,
    ) -> NaiveDate {
        let mut day = first;
        for (step, &code) in chain.iter().enumerate() {
            if step > 0 {
                day = self.cal.after(day, step_lag(rng, chain[step - 1], code));
            }
            let last = step + 1 == chain.len();
            let mut record = self.base_record(rng, ENFORCEMENT, code, day, Some(city));
            self.enforcement_fields(rng, &mut record, code, city, day, last);
            record.people = vec![ParticipantEntry {
                id: self.people[person].id.clone(),
                role: "target".to_owned(),
            }];
            if rng.percent(30)
                && let Some(&g) = self.people[person].groups.first()
            {
                record.groups = vec![self.groups[g].id.clone()];
            }
            let follow = if step == 0 { after } else { None };
            let (label, lag) = follow.map_or((None, 0), |(t, lag)| (Some(t), lag));
            record.narrative = self.narrative(
                rng,
                code,
                Some(person_name(&self.people[person])),
                city,
                label,
                lag,
            );
            self.drafts.push(Draft { day, record });
        }
        day
    }

    /// Agency, field office, facility and end date of an enforcement action.
    fn enforcement_fields(
        &self,
        rng: &mut Rng,
        record: &mut EventRecord,
        code: &str,
        city: usize,
        day: NaiveDate,
        last_in_chain: bool,
    ) {
        let place = &CITIES[city];
        if rng.percent(96) {
            record.agency = Some((*rng.weighted(agencies(code))).to_owned());
        }
        if rng.percent(90) {
            record.field_office = Some(place.office.to_owned());
        }
        match code {
            "detention" | "bond_denied_or_raised" | "punitive_segregation" => {
                record.facility = Some(detention_center(place));
            }
            "transfer" => {
                let other = &CITIES[*rng.pick(&self.same_state[city])];
                record.facility = Some(format!(
                    "Centro de Procesamiento Ficticio de {} (demo)",
                    other.name
                ));
            }
            _ => {}
        }
        if code == "detention" && last_in_chain && record.date.len() == 10 && rng.percent(50) {
            let release = self.cal.after(day, rng.between(14, 180));
            record.end_date = Some(day_string(release));
        }
    }

    /// A group event, with its participants, and for civil disobedience
    /// and some protests a mass arrest. Returns how many events it made
    /// (at most `budget`, at least one).
    fn group_event(&mut self, rng: &mut Rng, group: Option<usize>, budget: usize) -> usize {
        let code = *rng.weighted(GROUP_ACTIVITIES);
        let home = group.map_or_else(|| rng.index(HOME_CITIES), |g| self.groups[g].city);
        let city = if rng.percent(85) {
            home
        } else {
            self.nearby(rng, home)
        };
        let day = self.cal.anchor(rng);
        let mut record = self.base_record(rng, PROTECTED, code, day, Some(city));

        // Participants: distinct members still in the country, the first
        // organizing. Bounded tries: a group may have few members left.
        let mut chosen: Vec<usize> = Vec::new();
        if let Some(g) = group {
            let members = &self.groups[g].members;
            let want = members
                .len()
                .min(usize::try_from(rng.between(3, 8)).unwrap_or(3));
            for _ in 0..want * 4 {
                if chosen.len() == want {
                    break;
                }
                let m = *rng.pick(members);
                let here = self.people[m].deported_on.is_none_or(|d| d > day);
                if here && !chosen.contains(&m) {
                    chosen.push(m);
                }
            }
            record.groups.push(self.groups[g].id.clone());
            let nearby = self.neighbours(g);
            if nearby.len() > 1 && rng.percent(15) {
                let other = *rng.pick(nearby);
                if other != g {
                    record.groups.push(self.groups[other].id.clone());
                }
            }
        }
        record.people = chosen
            .iter()
            .enumerate()
            .map(|(i, &p)| ParticipantEntry {
                id: self.people[p].id.clone(),
                role: match i {
                    0 => "organizer",
                    1 if rng.percent(60) => "spokesperson",
                    _ if rng.percent(5) => "witness",
                    _ => "participant",
                }
                .to_owned(),
            })
            .collect();
        let who = chosen.first().map(|&p| person_name(&self.people[p]));
        let mut narrative = self.narrative(rng, code, who, city, None, 0);
        if let (Some(text), true) = (narrative.as_mut(), chosen.len() > 1) {
            let others = chosen.len() - 1;
            let extra = if text.ends_with(tables::MARK_ES) {
                format!(" Junto a {others} integrantes más del grupo.")
            } else {
                format!(" Together with {others} other members of the group.")
            };
            let at = text.rfind(" (").unwrap_or(text.len());
            text.insert_str(at, &extra);
        }
        record.narrative = narrative;
        let groups = record.groups.clone();
        self.drafts.push(Draft { day, record });

        // A mass arrest at civil disobedience, sometimes at a protest.
        let arrest_odds = match code {
            "civil_disobedience" => 60,
            "protest" => 10,
            _ => 0,
        };
        if budget < 2 || chosen.is_empty() || !rng.percent(arrest_odds) {
            return 1;
        }
        let arrest_day = self.cal.after(day, rng.between(0, 1));
        let mut arrest =
            self.base_record(rng, ENFORCEMENT, "stop_or_arrest", arrest_day, Some(city));
        self.enforcement_fields(rng, &mut arrest, "stop_or_arrest", city, arrest_day, true);
        if rng.percent(60) {
            arrest.agency = Some("local_police".to_owned());
        }
        let arrested = usize::try_from(rng.between(1, chosen.len() as u64)).unwrap_or(1);
        arrest.people = chosen[..arrested]
            .iter()
            .map(|&p| ParticipantEntry {
                id: self.people[p].id.clone(),
                role: "target".to_owned(),
            })
            .collect();
        arrest.groups = groups;
        let label = EventType::parse("event_type", code).ok();
        let lag = u64::try_from((arrest_day - day).num_days()).unwrap_or(0);
        let template = if arrested > 1 {
            "mass_arrest"
        } else {
            "arrest_at_action"
        };
        arrest.narrative = self.narrative(
            rng,
            template,
            Some(person_name(&self.people[chosen[0]])),
            city,
            label,
            lag,
        );
        self.drafts.push(Draft {
            day: arrest_day,
            record: arrest,
        });
        2
    }

    /// The fields every event has: kind, type, date, place, verification.
    fn base_record(
        &self,
        rng: &mut Rng,
        kind: &str,
        code: &str,
        day: NaiveDate,
        city: Option<usize>,
    ) -> EventRecord {
        let (date, exact) = render_date(rng, day);
        let end_date = if exact {
            match code {
                "hunger_strike" if rng.percent(60) => {
                    Some(day_string(self.cal.after(day, rng.between(3, 25))))
                }
                "organizing_campaign" if rng.percent(50) => {
                    let end = self.cal.after(day, rng.between(60, 400));
                    Some(format!("{:04}-{:02}", end.year(), end.month()))
                }
                _ => None,
            }
        } else {
            None
        };
        let place = city.map(|c| &CITIES[c]);
        let facility = match (code, place) {
            ("accompaniment", Some(p)) if rng.percent(60) => Some(format!(
                "Corte de Inmigración Ficticia de {} (demo)",
                p.name
            )),
            ("vigil", Some(p)) if rng.percent(40) => Some(detention_center(p)),
            _ => None,
        };
        EventRecord {
            id: String::new(),
            kind: rng.percent(90).then(|| kind.to_owned()),
            event_type: code.to_owned(),
            date,
            end_date,
            state: place.map(|p| p.state.to_owned()),
            city: place.map(|p| p.name.to_owned()),
            facility,
            verification: Some((*rng.weighted(verifications(kind, code))).to_owned()),
            ..EventRecord::default()
        }
    }

    /// A short narrative in Spanish or English, naming only the pseudonym
    /// (or "a group member" without one), ending with the demo marker;
    /// absent for some events.
    fn narrative(
        &self,
        rng: &mut Rng,
        code: &str,
        who: Option<&str>,
        city: usize,
        after: Option<EventType>,
        lag: u64,
    ) -> Option<String> {
        if !rng.percent(88) {
            return None;
        }
        let lang = if rng.percent(55) { Lang::Es } else { Lang::En };
        let (es, en) = tables::templates(code);
        let who = who.unwrap_or_else(|| lang.pick("A group member", "Una persona del grupo"));
        let mut text = lang
            .pick(en, es)
            .replace("{p}", who)
            .replace("{c}", CITIES[city].name_in(lang));
        if let Some(t) = after.filter(|_| rng.percent(60)) {
            let label = t.label(lang);
            let sentence = match (lang, lag) {
                (Lang::Es, 0) => format!(" Ocurrió el mismo día de su participación en «{label}»."),
                (Lang::Es, 1) => {
                    format!(" Ocurrió un día después de su participación en «{label}».")
                }
                (Lang::Es, n) => {
                    format!(" Ocurrió {n} días después de su participación en «{label}».")
                }
                (Lang::En, 0) => {
                    format!(" It happened the same day they took part in \"{label}\".")
                }
                (Lang::En, 1) => {
                    format!(" It happened one day after they took part in \"{label}\".")
                }
                (Lang::En, n) => {
                    format!(" It happened {n} days after they took part in \"{label}\".")
                }
            };
            text.push_str(&sentence);
        }
        text.push(' ');
        text.push_str(lang.pick(tables::MARK_EN, tables::MARK_ES));
        Some(text)
    }
}

fn person_name(p: &PersonPlan) -> &str {
    &p.pseudonym
}

fn detention_center(place: &City) -> String {
    format!("Centro de Detención Ficticio de {} (demo)", place.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_type_has_its_own_template() {
        let fallback = tables::templates("no_such_type");
        for t in EventType::all() {
            assert_ne!(tables::templates(t.code()), fallback, "{}", t.code());
        }
    }

    #[test]
    fn every_code_in_the_tables_is_in_the_vocabulary() {
        let codes = PERSONAL_ACTIVITIES
            .iter()
            .chain(ABROAD_ACTIVITIES)
            .chain(GROUP_ACTIVITIES)
            .map(|(_, c)| *c)
            .chain(
                TIERS
                    .iter()
                    .flat_map(|t| t.iter().flat_map(|c| c.iter().copied())),
            );
        for code in codes {
            assert!(EventType::parse("t", code).is_ok(), "{code}");
        }
    }

    #[test]
    fn home_cities_cover_the_field_offices_of_their_state() {
        for c in CITIES {
            assert!(testimonio_domain::UsState::parse("s", c.state).is_ok());
            assert!(testimonio_domain::FieldOffice::parse("f", c.office).is_ok());
        }
        assert!(HOME_CITIES <= CITIES.len());
    }

    #[test]
    fn calendar_handles_odd_ranges() {
        let c = Calendar::new(&RangeInclusive::new(2024, 2015));
        assert_eq!(c.start, NaiveDate::from_ymd_opt(2015, 1, 1).unwrap());
        assert_eq!(c.end, NaiveDate::from_ymd_opt(2024, 12, 31).unwrap());
        let c = Calendar::new(&(1000..=9999));
        assert_eq!(c.start.year(), MIN_YEAR);
        assert_eq!(c.end.year(), MAX_YEAR);
        assert_eq!(c.after(c.end, 10), c.end);
    }
}
