//! The analyses on the hand-made fixture of `common::fixture`, with every
//! expected number worked out by hand in the comments.

mod common;

use std::collections::HashMap;

use common::{day, event, fixture, id, person};
use testimonio_analysis::{
    AnalysisError, AnalysisInput, Audience, Cell, Dimension, DisclosurePolicy, case_indicators,
    people_list, proximity, spread,
};
use testimonio_domain::{
    ConsentLevel, Event, EventParts, Location, PartialDate, Participant, ParticipantRole, Person,
    ShortText, Verification,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn days_between_activity_and_action() {
    let report = proximity(&fixture());
    // Pairs, person by person, oldest action first. Person's own latest
    // activity on or before the action, then their group's:
    //   e02/p1 2023-01-20: e01 2023-01-10 → 10;  group g1: e01 → 10
    //   e04/p1 2023-05-30: e03 2023-03-01 → 31 (to Apr 1) + 30 (to May 1)
    //                      + 29 = 90;  group: e05 2023-04-15 (p2, g1) → 15 + 30 = 45
    //   e06/p2 2023-05-15: e05 2023-04-15 → 30;  group: e05 → 30
    //   e07/p2 2023-07 → placed on its latest day 2023-07-31: e05 → 30 (May 15)
    //                      + 31 (Jun 15) + 30 (Jul 15) + 16 = 107;  group: 107
    //   e10/p3 2023-01-05: p3's only activity e08 is 2023-02-01, later → none;
    //                      group g2: e08 too → none
    //   e09/p3 2023-08-01: e08 2023-02-01 → 28 + 31 + 30 + 31 + 30 + 31 = 181
    //   e11/p4 2023-06-10: e12 the same day → 0; p4 has no group
    let got: Vec<(String, String, Option<u32>, Option<u32>)> = report
        .pairs
        .iter()
        .map(|p| {
            (
                p.action.to_string(),
                p.person.to_string(),
                p.person_activity.as_ref().map(|a| a.days_before),
                p.group_activity.as_ref().map(|a| a.days_before),
            )
        })
        .collect();
    let expected = [
        ("e02", "p1", Some(10), Some(10)),
        ("e04", "p1", Some(90), Some(45)),
        ("e06", "p2", Some(30), Some(30)),
        ("e07", "p2", Some(107), Some(107)),
        ("e10", "p3", None, None),
        ("e09", "p3", Some(181), Some(181)),
        ("e11", "p4", Some(0), None),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(a, p, d, g)| (a.to_string(), p.to_string(), *d, *g))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(report.pairs[3].action_day, day("2023-07-31"));
    assert!(!report.pairs[3].action_precise);
    assert_eq!(
        report.pairs[1].group_activity.as_ref().unwrap().event,
        id("e05")
    );
}

#[test]
fn person_summary_by_hand() {
    let s = proximity(&fixture()).person;
    // 7 pairs; 6 with an earlier activity; e10/p3 without.
    assert_eq!((s.pairs, s.with_earlier, s.without_earlier), (7, 6, 1));
    // Only e07 (month precision) is imprecise.
    assert_eq!(s.imprecise, 1);
    // Sorted days: 0, 10, 30, 90, 107, 181 (n = 6). Type-7 quartiles:
    //   q1: h = 5 × 0.25 = 1.25 → 10 + 0.25 × (30 − 10) = 15
    //   median: h = 2.5 → 30 + 0.5 × (90 − 30) = 60
    //   q3: h = 3.75 → 90 + 0.75 × (107 − 90) = 102.75
    let d = s.days.unwrap();
    assert_eq!(d.n, 6);
    assert_eq!(
        (d.min, d.q1, d.median, d.q3, d.max),
        (0.0, 15.0, 60.0, 102.75, 181.0)
    );
    // Within 30 days (≤ 30): 0, 10, 30 → 3 of 7; within 90: + 90 → 4 of 7;
    // within 180: + 107 → 5 of 7 (181 is one day too many).
    let within: Vec<(u32, u64, u64)> = s
        .within
        .iter()
        .map(|w| (w.days, w.count, w.denominator))
        .collect();
    assert_eq!(within, [(30, 3, 7), (90, 4, 7), (180, 5, 7)]);
    assert!(close(s.within[0].share, 3.0 / 7.0));
    assert!(close(s.within[1].share, 4.0 / 7.0));
    assert!(close(s.within[2].share, 5.0 / 7.0));
}

#[test]
fn group_summary_by_hand() {
    let r = proximity(&fixture());
    // e11/p4 is left out: p4 has no group.
    assert_eq!(r.pairs_without_group, 1);
    assert_eq!(r.actions_without_target, 0);
    let s = r.group;
    // 6 pairs; days 10, 45, 30, 107, —, 181 → 5 with, 1 without.
    assert_eq!((s.pairs, s.with_earlier, s.without_earlier), (6, 5, 1));
    // Sorted 10, 30, 45, 107, 181 (n = 5): h(q1) = 1 → 30, h(median) = 2 →
    // 45, h(q3) = 3 → 107.
    let d = s.days.unwrap();
    assert_eq!(
        (d.min, d.q1, d.median, d.q3, d.max),
        (10.0, 30.0, 45.0, 107.0, 181.0)
    );
    // ≤ 30: 10, 30 → 2/6; ≤ 90: + 45 → 3/6; ≤ 180: + 107 → 4/6.
    let within: Vec<(u64, u64)> = s.within.iter().map(|w| (w.count, w.denominator)).collect();
    assert_eq!(within, [(2, 6), (3, 6), (4, 6)]);
}

#[test]
fn spread_by_hand() {
    let s = spread(&fixture());
    assert_eq!((s.enforcement_actions, s.people_targeted), (7, 4));
    // Field offices of the 7 actions: SNA e02 e04 e06 = 3, LOS e09 e10 = 2,
    // HOU e07 = 1, NYC e11 = 1.
    // HHI = (3² + 2² + 1² + 1²) / 7² = 15/49; largest SNA = 3/7.
    let fo = &s.by_field_office.actions;
    assert_eq!(fo.distinct, 4);
    let order: Vec<(&str, u64)> = fo.entries.iter().map(|e| (e.key.code(), e.count)).collect();
    assert_eq!(order, [("SNA", 3), ("LOS", 2), ("HOU", 1), ("NYC", 1)]);
    assert!(close(fo.hhi.unwrap(), 15.0 / 49.0));
    let largest = fo.largest.as_ref().unwrap();
    assert_eq!(largest.key.code(), "SNA");
    assert!(close(largest.share, 3.0 / 7.0));
    // People by office, each (person, office) once: SNA p1 p2, HOU p2,
    // LOS p3, NYC p4 → 2, 1, 1, 1 of 5; HHI = (4 + 1 + 1 + 1)/25 = 0.28.
    let fp = &s.by_field_office.people;
    assert_eq!(fp.total, 5);
    assert!(close(fp.hhi.unwrap(), 0.28));
    assert!(close(fp.largest.as_ref().unwrap().share, 0.4));
    // States: TX e02 e04 e06 e07 = 4, CA 2, NY 1. HHI = (16 + 4 + 1)/49 = 3/7.
    let st = &s.by_state.actions;
    assert_eq!(st.distinct, 3);
    assert!(close(st.hhi.unwrap(), 21.0 / 49.0));
    assert!(close(st.largest.as_ref().unwrap().share, 4.0 / 7.0));
    // People by state: TX p1 p2, CA p3, NY p4 → (4 + 1 + 1)/16 = 0.375.
    assert!(close(s.by_state.people.hhi.unwrap(), 0.375));
    assert_eq!(s.by_state.actions_unknown, 0);
    // One year: everything in 2023, HHI 1.
    assert_eq!(s.by_year.actions.entries[0].key, 2023);
    assert!(close(s.by_year.actions.hhi.unwrap(), 1.0));
    // Types: detention e02 e07 e09 e11 = 4, physical_surveillance 2,
    // notice_to_appear 1 → (16 + 4 + 1)/49.
    let ty: Vec<(&str, u64)> = s
        .by_type
        .actions
        .entries
        .iter()
        .map(|e| (e.key, e.count))
        .collect();
    assert_eq!(
        ty,
        [
            ("detention", 4),
            ("physical_surveillance", 2),
            ("notice_to_appear", 1)
        ]
    );
    assert!(close(s.by_type.actions.hhi.unwrap(), 21.0 / 49.0));
}

#[test]
fn indicators_by_hand() {
    let animus = HashMap::from([(id("p1"), 2), (id("p3"), 1)]);
    let ind = case_indicators(&fixture(), &animus);
    assert_eq!(ind.len(), 4);
    let p1 = &ind[0];
    // Closest: min(10, 90) = 10, group min(10, 45) = 10.
    assert_eq!(
        (p1.closest_days, p1.closest_group_days),
        (Some(10), Some(10))
    );
    assert_eq!((p1.enforcement_actions, p1.protected_activities), (2, 2));
    assert_eq!(p1.animus_excerpts, 2);
    assert!(p1.leadership);
    // Known since 2020-01-01; first action on or after: e02 2023-01-20.
    // 2020 (leap) 366 + 2021 365 + 2022 365 = 1096 to 2023-01-01, + 19 = 1115.
    assert_eq!(
        p1.first_enforcement_after_known_status,
        Some(day("2023-01-20"))
    );
    assert_eq!(p1.days_without_enforcement_despite_known_status, Some(1115));
    let p2 = &ind[1];
    assert_eq!(
        (p2.closest_days, p2.closest_group_days),
        (Some(30), Some(30))
    );
    assert_eq!(p2.animus_excerpts, 0);
    assert_eq!(p2.days_without_enforcement_despite_known_status, None);
    let p3 = &ind[2];
    // e10 (Jan 5) had no earlier activity; e09: 181.
    assert_eq!(p3.closest_days, Some(181));
    // Known since 2023-03-01: e10 is before, so the first is e09 2023-08-01:
    // 31 + 30 + 31 + 30 + 31 = 153 days.
    assert_eq!(
        p3.first_enforcement_after_known_status,
        Some(day("2023-08-01"))
    );
    assert_eq!(p3.days_without_enforcement_despite_known_status, Some(153));
    let p4 = &ind[3];
    assert_eq!((p4.closest_days, p4.closest_group_days), (Some(0), None));
    assert!(!p4.leadership);
}

#[test]
fn documented_periods_default_to_the_events() {
    let input = fixture();
    // p1: e01 2023-01-10 … e04 2023-05-30.
    assert_eq!(
        input.documented_period(0),
        Some((day("2023-01-10"), day("2023-05-30")))
    );
    // p2: e05 2023-04-15 … e07 "2023-07", whose latest day is 2023-07-31.
    assert_eq!(
        input.documented_period(1),
        Some((day("2023-04-15"), day("2023-07-31")))
    );
}

#[test]
fn consent_decides_who_is_counted() {
    let input = fixture();
    let as_of = day("2024-01-01");
    // First actions: p1 e02 TX, p2 e06 TX, p3 e10 CA, p4 e11 NY.
    let internal = people_list(
        &input,
        Dimension::State,
        DisclosurePolicy::new(Audience::Internal),
        as_of,
    );
    assert_eq!(internal.labels(), ["CA", "NY", "TX"]);
    assert_eq!(
        internal.cells(),
        [Cell::Shown(1), Cell::Shown(1), Cell::Shown(2)]
    );
    assert_eq!(internal.total(), Cell::Shown(4));
    // Public: p1 (TX) and p3 (CA) only; every count is below 5.
    let public = people_list(
        &input,
        Dimension::State,
        DisclosurePolicy::new(Audience::Public),
        as_of,
    );
    assert_eq!(public.labels(), ["CA", "TX"]);
    assert!(public.cells().iter().all(|c| c.is_suppressed()));
    assert!(public.total().is_suppressed());
    // Before consent was given (2022-01-01), nobody may be counted.
    let before = people_list(
        &input,
        Dimension::State,
        DisclosurePolicy::new(Audience::Coalition),
        day("2021-06-01"),
    );
    assert!(before.labels().is_empty());
    assert_eq!(before.total(), Cell::Shown(0));
    // Coalition: p1, p2, p3.
    let coalition = input.for_audience(Audience::Coalition, as_of);
    let ids: Vec<String> = coalition
        .people()
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(ids, ["p1", "p2", "p3"]);
    assert!(
        coalition
            .events()
            .iter()
            .all(|e| e.people.iter().all(|p| p.person.as_str() != "p4"))
    );
}

#[test]
fn from_records_derives_leadership_and_checks_people() {
    let pid = |s: &str| id(s);
    let people: Vec<Person> = ["p1", "p2"]
        .iter()
        .map(|p| Person {
            id: pid(p),
            pseudonym: ShortText::parse("pseudonym", "Demo").unwrap(),
            identity: Default::default(),
            groups: vec![],
            consent: Default::default(),
        })
        .collect();
    let ev = |name: &str, code: &str, who: &str, role: ParticipantRole| {
        Event::new(EventParts {
            id: pid(name),
            kind: None,
            event_type: testimonio_domain::EventType::parse("t", code).unwrap(),
            date: PartialDate::parse("date", "2023-05").unwrap(),
            end_date: None,
            location: Location::default(),
            agency: None,
            field_office: None,
            participants: vec![Participant {
                person: pid(who),
                role,
            }],
            groups: vec![],
            narrative: None,
            verification: Verification::Reported,
        })
        .unwrap()
    };
    let events = vec![
        ev("e1", "protest", "p1", ParticipantRole::Spokesperson),
        ev("e2", "detention", "p1", ParticipantRole::Target),
        ev("e3", "vigil", "p2", ParticipantRole::Participant),
    ];
    let input = AnalysisInput::from_records(&people, &events).unwrap();
    assert!(input.people()[0].leadership);
    assert!(!input.people()[1].leadership);
    // Month precision: the protest is placed on 2023-05-01, the detention on
    // 2023-05-31 → 30 days, flagged imprecise.
    let r = proximity(&input);
    assert_eq!(r.pairs[0].person_activity.as_ref().unwrap().days_before, 30);
    assert_eq!(r.person.imprecise, 1);

    let stranger = vec![ev("e4", "detention", "p9", ParticipantRole::Target)];
    assert_eq!(
        AnalysisInput::from_records(&people, &stranger).unwrap_err(),
        AnalysisError::UnknownPerson {
            event: pid("e4"),
            person: pid("p9")
        }
    );
}

#[test]
fn refuses_inconsistent_input() {
    let p = || person("p1", &[], None);
    assert!(matches!(
        AnalysisInput::new(vec![p(), p()], vec![]),
        Err(AnalysisError::DuplicatePerson { .. })
    ));
    let e = || {
        event(
            "e1",
            "protest",
            "2023-01-01",
            &[("p1", "organizer")],
            &[],
            None,
            None,
        )
    };
    assert!(matches!(
        AnalysisInput::new(vec![p()], vec![e(), e()]),
        Err(AnalysisError::DuplicateEvent { .. })
    ));
    let twice = event(
        "e1",
        "protest",
        "2023-01-01",
        &[("p1", "organizer"), ("p1", "other")],
        &[],
        None,
        None,
    );
    assert!(matches!(
        AnalysisInput::new(vec![p()], vec![twice]),
        Err(AnalysisError::DuplicateParticipant { .. })
    ));
    let mut backwards = p();
    backwards.documented_period = Some((day("2023-02-01"), day("2023-01-01")));
    let err = AnalysisInput::new(vec![backwards], vec![]).unwrap_err();
    assert_eq!(err, AnalysisError::PeriodEndsBeforeStart { id: id("p1") });
    assert!(
        err.message(testimonio_domain::Lang::Es)
            .contains("periodo documentado")
    );
}

#[test]
fn witnesses_and_family_are_not_targets_or_actors() {
    let people = vec![person("p1", &[], None), person("p2", &[], None)];
    let events = vec![
        event(
            "e1",
            "protest",
            "2023-01-01",
            &[("p1", "witness")],
            &[],
            None,
            None,
        ),
        event(
            "e2",
            "detention",
            "2023-01-05",
            &[("p2", "family_member"), ("p1", "target")],
            &[],
            None,
            None,
        ),
        event(
            "e3",
            "detention",
            "2023-01-06",
            &[("p2", "witness")],
            &[],
            None,
            None,
        ),
    ];
    let r = proximity(&AnalysisInput::new(people, events).unwrap());
    // Only e2/p1 is a pair, and p1 only witnessed the protest.
    assert_eq!(r.pairs.len(), 1);
    assert!(r.pairs[0].person_activity.is_none());
    assert_eq!(r.actions_without_target, 1);
}

#[test]
fn outputs_serialize_with_stable_names() {
    let input = fixture();
    let v = serde_json::to_value(proximity(&input)).unwrap();
    for key in [
        "pairs",
        "person",
        "group",
        "pairs_without_group",
        "actions_without_target",
        "method",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["person"]["within"][0]["denominator"], 7);
    assert_eq!(v["person"]["days"]["median"], 60.0);
    assert_eq!(v["pairs"][0]["person_activity"]["days_before"], 10);
    assert!(
        v["method"]["es"]
            .as_str()
            .unwrap()
            .contains("actividad protegida")
    );
    let s = serde_json::to_value(spread(&input)).unwrap();
    assert_eq!(s["by_field_office"]["actions"]["largest"]["key"], "SNA");
    assert_eq!(s["by_type"]["actions"]["entries"][0]["key"], "detention");
    let list = people_list(
        &input,
        Dimension::State,
        DisclosurePolicy::new(Audience::Public),
        day("2024-01-01"),
    );
    let l = serde_json::to_value(&list).unwrap();
    assert_eq!(l["cells"][0], "suppressed");
    assert_eq!(l["policy"]["audience"], "public");
    assert_eq!(l["policy"]["min_count"], 5);
    let internal = people_list(
        &input,
        Dimension::State,
        DisclosurePolicy::new(Audience::Internal),
        day("2024-01-01"),
    );
    assert_eq!(
        serde_json::to_value(&internal).unwrap()["total"]["shown"],
        4
    );
    let consent = ConsentLevel::PublicAnonymous;
    assert!(consent.allows_counting(Audience::Public));
}

#[test]
fn tally_is_generic_over_its_key() {
    // Officers named in excerpts: A twice, B once → shares 2/3 and 1/3,
    // HHI = 4/9 + 1/9 = 5/9.
    let t = testimonio_analysis::Tally::from_keys(["officer-a", "officer-b", "officer-a"]);
    assert_eq!((t.total, t.distinct), (3, 2));
    assert_eq!(t.largest.as_ref().unwrap().key, "officer-a");
    assert!(close(t.largest.unwrap().share, 2.0 / 3.0));
    assert!(close(t.hhi.unwrap(), 5.0 / 9.0));
    let empty = testimonio_analysis::Tally::<&str>::from_counts([("x", 0)]);
    assert_eq!((empty.total, empty.distinct, empty.hhi), (0, 0, None));
}

#[test]
fn an_activity_that_lasted_counts_from_its_end() {
    // A hunger strike from March 3 to 17; an arrest on March 10 (during
    // it) and a notice to appear on March 20; a vigil on March 12 that
    // began later but ended sooner.
    let mut strike = event(
        "strike",
        "hunger_strike",
        "2019-03-03",
        &[("p1", "participant")],
        &[],
        None,
        None,
    );
    strike.end_date = Some(PartialDate::parse("end_date", "2019-03-17").unwrap());
    let events = vec![
        strike,
        event(
            "vigil",
            "vigil",
            "2019-03-12",
            &[("p1", "participant")],
            &[],
            None,
            None,
        ),
        event(
            "arrest",
            "stop_or_arrest",
            "2019-03-10",
            &[("p1", "target")],
            &[],
            None,
            None,
        ),
        event(
            "nta",
            "notice_to_appear",
            "2019-03-20",
            &[("p1", "target")],
            &[],
            None,
            None,
        ),
    ];
    let input = AnalysisInput::new(vec![person("p1", &[], None)], events).unwrap();
    let report = proximity(&input);
    let found: Vec<(&str, &str, String, u32)> = report
        .pairs
        .iter()
        .map(|pair| {
            let a = pair.person_activity.as_ref().unwrap();
            (
                pair.action.as_str(),
                a.event.as_str(),
                a.day.to_string(),
                a.days_before,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            // During the strike: 0 days, counted on the arrest's day.
            ("arrest", "strike", "2019-03-10".to_owned(), 0),
            // From its end, not its first day (17 days): 3 days.
            ("nta", "strike", "2019-03-17".to_owned(), 3),
        ]
    );
    let indicators = case_indicators(&input, &HashMap::new());
    assert_eq!(indicators[0].closest_days, Some(0));

    // A month-precision end is placed on its first day: the interval can
    // only lengthen (March 1 to March 20: 19 days, not 0).
    let mut strike = event(
        "strike",
        "hunger_strike",
        "2019-02-20",
        &[("p1", "participant")],
        &[],
        None,
        None,
    );
    strike.end_date = Some(PartialDate::parse("end_date", "2019-03").unwrap());
    let events = vec![
        strike,
        event(
            "nta",
            "notice_to_appear",
            "2019-03-20",
            &[("p1", "target")],
            &[],
            None,
            None,
        ),
    ];
    let input = AnalysisInput::new(vec![person("p1", &[], None)], events).unwrap();
    let pair = &proximity(&input).pairs[0];
    assert_eq!(pair.person_activity.as_ref().unwrap().days_before, 19);
}
