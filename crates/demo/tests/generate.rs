//! The generated demo data validates like any import, is deterministic,
//! and has the shape the demo needs.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use testimonio_demo::{DemoData, DemoSpec, generate};
use testimonio_domain::exchange::{ConsentField, ExchangeRecord, parse_line};
use testimonio_domain::{DatePrecision, Event, EventKind, Person};

/// Validates every record and every reference; returns the domain values.
fn validate(spec: &DemoSpec, data: &DemoData) -> (Vec<Person>, Vec<Event>) {
    assert_eq!(data.groups.len(), spec.groups);
    assert_eq!(data.people.len(), spec.people);
    assert_eq!(data.events.len(), spec.events);

    let mut group_ids = HashSet::new();
    for g in &data.groups {
        let group = g
            .into_group()
            .unwrap_or_else(|e| panic!("group {} invalid: {e:?}", g.id));
        assert!(group_ids.insert(group.id.to_string()), "duplicate {}", g.id);
    }
    let mut person_ids = HashSet::new();
    let mut people = Vec::with_capacity(data.people.len());
    for p in &data.people {
        let person = p
            .into_person()
            .unwrap_or_else(|e| panic!("person {} invalid: {e:?}", p.id));
        assert!(
            person_ids.insert(person.id.to_string()),
            "duplicate {}",
            p.id
        );
        if !data.groups.is_empty() {
            assert!((1..=2).contains(&person.groups.len()), "{}", p.id);
        }
        for g in &person.groups {
            assert!(
                group_ids.contains(g.as_str()),
                "{} names unknown group {g}",
                p.id
            );
        }
        people.push(person);
    }
    let mut event_ids = HashSet::new();
    let mut events = Vec::with_capacity(data.events.len());
    for e in &data.events {
        let event = e
            .into_event()
            .unwrap_or_else(|err| panic!("event {} invalid: {err:?}", e.id));
        assert!(
            event_ids.insert(event.id().to_string()),
            "duplicate {}",
            e.id
        );
        for p in event.participants() {
            assert!(
                person_ids.contains(p.person.as_str()),
                "{} names unknown {}",
                e.id,
                p.person
            );
        }
        for g in event.groups() {
            assert!(
                group_ids.contains(g.as_str()),
                "{} names unknown group {g}",
                e.id
            );
        }
        let years = spec.years.clone();
        assert!(
            years.contains(&event.date().year()),
            "{} dated {}",
            e.id,
            event.date()
        );
        if let Some(end) = event.end_date() {
            assert!(end.latest() <= chrono::NaiveDate::from_ymd_opt(*years.end(), 12, 31).unwrap());
        }
        if event.kind() == EventKind::ProtectedActivity {
            assert!(
                event.agency().is_none() && event.field_office().is_none(),
                "{}",
                e.id
            );
        }
        events.push(event);
    }
    (people, events)
}

/// ICE field offices whose area covers each state the demo uses.
fn offices_of(state: &str) -> &'static [&'static str] {
    match state {
        "TX" => &["SNA", "HLG", "HOU", "DAL", "ELP"],
        "CA" => &["LOS", "SFR", "SND"],
        "IL" => &["CHI"],
        "NY" => &["NYC", "BUF"],
        "AZ" => &["PHO"],
        "FL" => &["MIA"],
        "GA" | "NC" => &["ATL"],
        "WA" => &["SEA"],
        "CO" => &["DEN"],
        "NJ" => &["NEW"],
        "PA" => &["PHI"],
        "MN" => &["SPM"],
        "LA" => &["NOL"],
        "MA" => &["BOS"],
        "MI" => &["DET"],
        "UT" => &["SLC"],
        "MD" => &["BAL"],
        _ => &[],
    }
}

#[test]
fn standard_validates_and_has_the_demo_shape() {
    let spec = DemoSpec::standard();
    assert_eq!(
        (
            spec.seed,
            spec.groups,
            spec.people,
            spec.events,
            spec.years.clone()
        ),
        (2026, 8, 60, 400, 2015..=2024)
    );
    let data = generate(&spec);
    let (people, events) = validate(&spec, &data);

    // Groups: at least 6, in at least 5 states, every group's events in its state.
    let group_state: HashMap<&str, &str> = data
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.state.as_deref().unwrap()))
        .collect();
    assert!(data.groups.len() >= 6);
    let states: BTreeSet<&str> = group_state.values().copied().collect();
    assert!(states.len() >= 5, "{states:?}");
    for e in &events {
        for g in e.groups() {
            let state = e.location().state.map(|s| s.code());
            assert_eq!(
                state,
                Some(group_state[g.as_str()]),
                "{} away from {g}",
                e.id()
            );
        }
    }

    // People: at least 60, some in two groups, pseudonyms unique.
    assert!(people.len() >= 60);
    assert!(people.iter().any(|p| p.groups.len() == 2));
    let pseudonyms: HashSet<&str> = people.iter().map(|p| p.pseudonym.as_str()).collect();
    assert_eq!(pseudonyms.len(), people.len());

    // Events: 400 over ten years.
    assert_eq!(events.len(), 400);
    let years: BTreeSet<i32> = events.iter().map(|e| e.date().year()).collect();
    assert_eq!(years.len(), 10, "{years:?}");
    let sorted = events
        .windows(2)
        .all(|w| w[0].date().earliest() <= w[1].date().latest());
    assert!(sorted, "events are listed oldest first");

    // Field offices match the state; agency mostly ICE.
    let mut offices = BTreeSet::new();
    let mut agencies: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &events {
        if let Some(fo) = e.field_office() {
            let state = e.location().state.expect("enforcement has a state").code();
            assert!(
                offices_of(state).contains(&fo.code()),
                "{} {state} {fo}",
                e.id()
            );
            offices.insert(fo.code());
        }
        if let Some(a) = e.agency() {
            *agencies.entry(a.code()).or_default() += 1;
        }
    }
    assert!(offices.len() >= 5, "{offices:?}");
    let with_agency: usize = agencies.values().sum();
    assert!(agencies["ice"] * 2 > with_agency, "{agencies:?}");
    assert!(agencies.len() >= 3, "{agencies:?}");

    // Types and roles.
    let types: BTreeSet<&str> = events.iter().map(|e| e.event_type().code()).collect();
    for code in [
        "protest",
        "hunger_strike",
        "press_interview",
        "vigil",
        "public_testimony",
        "physical_surveillance",
        "stop_or_arrest",
        "detention",
        "notice_to_appear",
        "deportation",
    ] {
        assert!(types.contains(code), "no {code}");
    }
    let roles: BTreeSet<&str> = events
        .iter()
        .flat_map(|e| e.participants().iter().map(|p| p.role.code()))
        .collect();
    for role in ["organizer", "spokesperson", "participant", "target"] {
        assert!(roles.contains(role), "no {role}");
    }
    for e in &events {
        for p in e.participants() {
            let target = p.role.code() == "target";
            assert_eq!(
                target,
                e.kind() == EventKind::EnforcementAction,
                "{}",
                e.id()
            );
        }
    }
    assert!(
        events
            .iter()
            .filter(|e| e.kind() == EventKind::ProtectedActivity && e.participants().len() >= 3)
            .count()
            >= 10,
        "group-level events with several participants"
    );

    // Story shape: everyone active, many targeted, some never; enforcement
    // often within eight weeks after one of the person's activities.
    let mut activities: HashMap<&str, Vec<chrono::NaiveDate>> = HashMap::new();
    let mut targeted: HashSet<&str> = HashSet::new();
    for e in &events {
        for p in e.participants() {
            match e.kind() {
                EventKind::ProtectedActivity => activities
                    .entry(p.person.as_str())
                    .or_default()
                    .push(e.date().midpoint()),
                EventKind::EnforcementAction => {
                    targeted.insert(p.person.as_str());
                }
            }
        }
    }
    for p in &people {
        assert!(
            activities.contains_key(p.id.as_str()),
            "{} has no activity",
            p.id
        );
    }
    assert!(
        targeted.len() * 10 >= people.len() * 4,
        "{} targeted",
        targeted.len()
    );
    assert!(
        targeted.len() * 10 <= people.len() * 9,
        "{} targeted",
        targeted.len()
    );
    let enforcement: Vec<&Event> = events
        .iter()
        .filter(|e| e.kind() == EventKind::EnforcementAction)
        .collect();
    assert!(
        enforcement.len() >= 80,
        "{} enforcement actions",
        enforcement.len()
    );
    let soon_after = enforcement
        .iter()
        .filter(|e| {
            let day = e.date().midpoint();
            e.participants().iter().any(|p| {
                activities.get(p.person.as_str()).is_some_and(|acts| {
                    acts.iter()
                        .any(|a| (0..=56).contains(&(day - *a).num_days()))
                })
            })
        })
        .count();
    assert!(
        soon_after * 10 >= enforcement.len() * 4,
        "{soon_after} of {}",
        enforcement.len()
    );

    // Date precision mixed.
    let count = |f: &dyn Fn(&Event) -> bool| events.iter().filter(|e| f(e)).count();
    assert!(count(&|e| e.date().precision() == DatePrecision::Day) * 2 > events.len());
    assert!(count(&|e| e.date().precision() == DatePrecision::Month) >= 10);
    assert!(count(&|e| e.date().precision() == DatePrecision::Year) >= 2);
    assert!(count(&|e| e.date().is_approximate()) >= 5);
    assert!(count(&|e| e.end_date().is_some()) >= 5);

    // Verification mixed.
    let verifications: BTreeSet<&str> = events.iter().map(|e| e.verification().code()).collect();
    assert_eq!(verifications.len(), 3);

    // Consent: every level, all as dated histories, some withdrawn.
    let mut levels = BTreeSet::new();
    let mut withdrawn = 0;
    for p in &data.people {
        let Some(ConsentField::History(entries)) = &p.consent else {
            panic!("{} has no consent history", p.id)
        };
        for entry in entries {
            levels.insert(entry.level.clone());
            let given = entry.given_on.as_deref().expect("given_on");
            if let Some(w) = entry.withdrawn_on.as_deref() {
                assert!(w >= given);
                withdrawn += 1;
            }
        }
    }
    assert_eq!(levels.len(), 5, "{levels:?}");
    assert!(withdrawn >= 1);
    assert!(people.iter().any(|p| p.consent.records().len() > 1));

    // Clearly fictional.
    assert!(data.groups.iter().all(|g| g.name.ends_with("(demo)")));
    assert!(data.groups[0].name.contains(" — "));
    for p in &data.people {
        let legal = p.legal_name.as_deref().unwrap();
        assert!(
            legal.contains("Ficti") && legal.contains("Demo-"),
            "{legal}"
        );
        if let Some(a) = &p.a_number {
            assert!(a.starts_with("A000-"), "{a}");
        }
        if let Some(c) = &p.contact {
            assert!(
                c.ends_with("@example.invalid") || c.contains("555-01"),
                "{c}"
            );
        }
        if let Some(a) = &p.address {
            assert!(a.contains("Demo City"), "{a}");
        }
    }
    assert!(data.people.iter().any(|p| p.a_number.is_some()));
    assert!(data.people.iter().any(|p| !p.pseudonym.is_ascii()));
    assert!(
        data.people
            .iter()
            .any(|p| !p.legal_name.as_deref().unwrap().is_ascii())
    );

    // Narratives: bilingual, marked as demo, never naming anyone legally.
    let legal_names: Vec<&str> = data
        .people
        .iter()
        .filter_map(|p| p.legal_name.as_deref())
        .collect();
    let (mut es, mut en) = (0, 0);
    for e in &data.events {
        let Some(n) = &e.narrative else { continue };
        if n.ends_with("(Relato ficticio de demostración)") {
            es += 1;
        } else if n.ends_with("(Fictional demo narrative)") {
            en += 1;
        } else {
            panic!("{} narrative not marked as demo: {n}", e.id);
        }
        for name in &legal_names {
            assert!(!n.contains(name), "{} narrative names {name}", e.id);
        }
        assert!(!n.contains("Demo-"), "{}", e.id);
    }
    assert!(es >= 50 && en >= 50, "{es} Spanish, {en} English");
}

#[test]
fn generation_is_deterministic() {
    let spec = DemoSpec::standard();
    let a = generate(&spec);
    let b = generate(&spec);
    assert_eq!(a, b);
    let lines = |d: &DemoData| -> Vec<String> {
        d.records()
            .map(|r| serde_json::to_string(&r).unwrap())
            .collect()
    };
    assert_eq!(lines(&a), lines(&b));
    let other = generate(&DemoSpec {
        seed: 7,
        ..DemoSpec::standard()
    });
    assert_ne!(a, other, "the seed matters");
}

#[test]
fn records_come_in_import_order_and_round_trip_through_json() {
    let data = generate(&DemoSpec::standard());
    let records: Vec<ExchangeRecord> = data.records().collect();
    assert_eq!(records.len(), 8 + 60 + 400);
    let rank = |r: &ExchangeRecord| match r {
        ExchangeRecord::Header(_) => 0,
        ExchangeRecord::Group(_) => 1,
        ExchangeRecord::Person(_) => 2,
        ExchangeRecord::Event(_) => 3,
    };
    assert!(records.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])));
    assert_eq!(rank(&records[0]), 1);
    for r in &records {
        let line = serde_json::to_string(r).unwrap();
        assert_eq!(&parse_line(&line).unwrap(), r, "{line}");
    }
}

#[test]
fn scaled_keeps_the_proportions() {
    let s = DemoSpec::scaled(400);
    assert_eq!((s.people, s.groups, s.events), (66, 8, 400));
    let s = DemoSpec::scaled(0);
    assert_eq!((s.people, s.groups, s.events), (60, 7, 0));
    let s = DemoSpec::scaled(10_000);
    assert_eq!((s.people, s.groups, s.events), (1666, 208, 10_000));
    assert_eq!(s.seed, DemoSpec::standard().seed);
    assert_eq!(s.years, DemoSpec::standard().years);
}

#[test]
fn scaled_ten_thousand_validates() {
    let spec = DemoSpec::scaled(10_000);
    let data = generate(&spec);
    let (people, events) = validate(&spec, &data);
    let pseudonyms: HashSet<&str> = people.iter().map(|p| p.pseudonym.as_str()).collect();
    assert_eq!(pseudonyms.len(), people.len());
    let states: BTreeSet<_> = events.iter().filter_map(|e| e.location().state).collect();
    assert!(states.len() >= 15, "{}", states.len());
    assert_eq!(generate(&spec), data);
}

#[test]
fn scaled_hundred_thousand_has_the_promised_shape() {
    // Its speed is measured by `scripts/bench`, not here.
    let data = generate(&DemoSpec::scaled(100_000));
    assert_eq!(data.events.len(), 100_000);
    assert_eq!(data.people.len(), 16_666);
    assert_eq!(data.groups.len(), 2_083);
}

#[test]
fn small_and_odd_specs_still_validate() {
    for spec in [
        DemoSpec {
            groups: 0,
            people: 0,
            events: 0,
            ..DemoSpec::standard()
        },
        DemoSpec {
            groups: 0,
            people: 0,
            events: 20,
            ..DemoSpec::standard()
        },
        DemoSpec {
            groups: 3,
            people: 0,
            events: 20,
            ..DemoSpec::standard()
        },
        DemoSpec {
            groups: 0,
            people: 10,
            events: 50,
            ..DemoSpec::standard()
        },
        DemoSpec {
            groups: 1,
            people: 30,
            events: 10,
            ..DemoSpec::standard()
        },
        DemoSpec {
            groups: 40,
            people: 5,
            events: 100,
            years: 2020..=2020,
            ..DemoSpec::standard()
        },
        DemoSpec {
            groups: 2,
            people: 4,
            events: 60,
            years: std::ops::RangeInclusive::new(2100, 1800),
            seed: u64::MAX,
        },
    ] {
        let data = generate(&spec);
        let mut checked = spec.clone();
        checked.years = (*spec.years.start())
            .clamp(1900, 2100)
            .min((*spec.years.end()).clamp(1900, 2100))
            ..=(*spec.years.start())
                .clamp(1900, 2100)
                .max((*spec.years.end()).clamp(1900, 2100));
        validate(&checked, &data);
    }
}
