//! Hand-made inputs shared by the integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use testimonio_analysis::{AnalysisInput, EventFacts, PersonFacts};
use testimonio_domain::{
    ConsentHistory, ConsentLevel, ConsentRecord, EventType, FieldOffice, PartialDate, Participant,
    ParticipantRole, RecordId, UsState,
};

pub fn id(s: &str) -> RecordId {
    RecordId::parse("id", s).unwrap()
}

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn consent(level: Option<ConsentLevel>) -> ConsentHistory {
    ConsentHistory::new(
        level
            .map(|l| ConsentRecord::new(l, Some(day("2022-01-01")), None, None).unwrap())
            .into_iter()
            .collect(),
    )
}

pub fn person(name: &str, groups: &[&str], level: Option<ConsentLevel>) -> PersonFacts {
    PersonFacts {
        id: id(name),
        groups: groups.iter().map(|g| id(g)).collect(),
        consent: consent(level),
        documented_period: None,
        leadership: false,
        known_status_since: None,
    }
}

/// An event: `people` as (person, role code).
pub fn event(
    name: &str,
    code: &str,
    date: &str,
    people: &[(&str, &str)],
    groups: &[&str],
    state: Option<&str>,
    office: Option<&str>,
) -> EventFacts {
    EventFacts {
        id: id(name),
        event_type: EventType::parse("event_type", code).unwrap(),
        date: PartialDate::parse("date", date).unwrap(),
        end_date: None,
        people: people
            .iter()
            .map(|(p, role)| Participant {
                person: id(p),
                role: ParticipantRole::parse("role", role).unwrap(),
            })
            .collect(),
        groups: groups.iter().map(|g| id(g)).collect(),
        state: state.map(|s| UsState::parse("state", s).unwrap()),
        field_office: office.map(|f| FieldOffice::parse("field_office", f).unwrap()),
    }
}

/// Four people, twelve events, all in 2023.
///
/// | event | type                  | date       | who                 | where     |
/// |-------|-----------------------|------------|---------------------|-----------|
/// | e01   | protest               | 2023-01-10 | p1 organizer, g1    | TX        |
/// | e02   | detention             | 2023-01-20 | p1 target           | SNA, TX   |
/// | e03   | press_interview       | 2023-03-01 | p1 spokesperson     |           |
/// | e04   | notice_to_appear      | 2023-05-30 | p1 target           | SNA, TX   |
/// | e05   | vigil                 | 2023-04-15 | p2 participant, g1  |           |
/// | e06   | physical_surveillance | 2023-05-15 | p2 target           | SNA, TX   |
/// | e07   | detention             | 2023-07    | p2 target           | HOU, TX   |
/// | e08   | protest               | 2023-02-01 | p3 organizer, g2    |           |
/// | e09   | detention             | 2023-08-01 | p3 target           | LOS, CA   |
/// | e10   | physical_surveillance | 2023-01-05 | p3 target           | LOS, CA   |
/// | e11   | detention             | 2023-06-10 | p4 target           | NYC, NY   |
/// | e12   | hunger_strike         | 2023-06-10 | p4 participant      |           |
///
/// p1 and p2 are in g1, p3 in g2, p4 in no group. Consent: p1 and p3
/// public_anonymous, p2 coalition_aggregate, p4 none (internal).
/// p1 has a leadership role and known status since 2020-01-01; p3 known
/// status since 2023-03-01.
pub fn fixture() -> AnalysisInput {
    let mut p1 = person("p1", &["g1"], Some(ConsentLevel::PublicAnonymous));
    p1.leadership = true;
    p1.known_status_since = Some(day("2020-01-01"));
    let p2 = person("p2", &["g1"], Some(ConsentLevel::CoalitionAggregate));
    let mut p3 = person("p3", &["g2"], Some(ConsentLevel::PublicAnonymous));
    p3.leadership = true;
    p3.known_status_since = Some(day("2023-03-01"));
    let p4 = person("p4", &[], None);
    let t = |p| [(p, "target")];
    let events = vec![
        event(
            "e01",
            "protest",
            "2023-01-10",
            &[("p1", "organizer")],
            &["g1"],
            Some("TX"),
            None,
        ),
        event(
            "e02",
            "detention",
            "2023-01-20",
            &t("p1"),
            &[],
            Some("TX"),
            Some("SNA"),
        ),
        event(
            "e03",
            "press_interview",
            "2023-03-01",
            &[("p1", "spokesperson")],
            &[],
            None,
            None,
        ),
        event(
            "e04",
            "notice_to_appear",
            "2023-05-30",
            &t("p1"),
            &[],
            Some("TX"),
            Some("SNA"),
        ),
        event(
            "e05",
            "vigil",
            "2023-04-15",
            &[("p2", "participant")],
            &["g1"],
            None,
            None,
        ),
        event(
            "e06",
            "physical_surveillance",
            "2023-05-15",
            &t("p2"),
            &[],
            Some("TX"),
            Some("SNA"),
        ),
        event(
            "e07",
            "detention",
            "2023-07",
            &t("p2"),
            &[],
            Some("TX"),
            Some("HOU"),
        ),
        event(
            "e08",
            "protest",
            "2023-02-01",
            &[("p3", "organizer")],
            &["g2"],
            None,
            None,
        ),
        event(
            "e09",
            "detention",
            "2023-08-01",
            &t("p3"),
            &[],
            Some("CA"),
            Some("LOS"),
        ),
        event(
            "e10",
            "physical_surveillance",
            "2023-01-05",
            &t("p3"),
            &[],
            Some("CA"),
            Some("LOS"),
        ),
        event(
            "e11",
            "detention",
            "2023-06-10",
            &t("p4"),
            &[],
            Some("NY"),
            Some("NYC"),
        ),
        event(
            "e12",
            "hunger_strike",
            "2023-06-10",
            &[("p4", "participant")],
            &[],
            None,
            None,
        ),
    ];
    AnalysisInput::new(vec![p1, p2, p3, p4], events).unwrap()
}
