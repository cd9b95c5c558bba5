//! Property tests: any valid record survives domain → exchange JSON →
//! domain unchanged, and normalizing twice changes nothing.

use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use testimonio_domain::exchange::{
    ConsentEntry, ConsentField, EventRecord, ExchangeRecord, ParticipantEntry, PersonRecord,
    parse_line,
};
use testimonio_domain::{
    ConsentLevel, EventKind, EventType, FieldOffice, ParticipantRole, UsState, Verification,
};

fn id() -> impl Strategy<Value = String> {
    "[a-z]{1,3}-[0-9]{1,5}"
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zñéÁü]{1,12}( [A-Za-z0-9'.,]{1,12}){0,3}"
}

fn day() -> impl Strategy<Value = (i32, u32, u32)> {
    (1900i32..=2100, 1u32..=12, 1u32..=28)
}

fn partial_date() -> impl Strategy<Value = String> {
    (day(), 0usize..3, any::<bool>()).prop_map(|((y, m, d), precision, approx)| {
        let base = match precision {
            0 => format!("{y:04}-{m:02}-{d:02}"),
            1 => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}"),
        };
        if approx { format!("~{base}") } else { base }
    })
}

fn consent() -> impl Strategy<Value = Option<ConsentField>> {
    let entry = (
        0usize..5,
        option::of(day()),
        option::of(1i64..2000),
        option::of(text()),
    )
        .prop_map(|(level, given, withdraw_after, note)| {
            let given =
                given.map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y.min(2090), m, d).unwrap());
            ConsentEntry {
                level: ConsentLevel::ALL[level].code().into(),
                given_on: given.map(|g| g.format("%Y-%m-%d").to_string()),
                withdrawn_on: given.zip(withdraw_after).map(|(g, n)| {
                    (g + chrono::Duration::days(n))
                        .format("%Y-%m-%d")
                        .to_string()
                }),
                note,
            }
        });
    prop_oneof![
        Just(None),
        (0usize..5).prop_map(|l| Some(ConsentField::Level(ConsentLevel::ALL[l].code().into()))),
        vec(entry, 0..4).prop_map(|v| Some(ConsentField::History(v))),
    ]
}

fn person() -> impl Strategy<Value = PersonRecord> {
    (
        id(),
        text(),
        option::of(text()),
        vec(text(), 0..3),
        option::of(text()),
        option::of("[0-9]{9}"),
        (
            option::of(text()),
            option::of(text()),
            option::of(1900i64..=2100),
        ),
        btree_set(id(), 0..3),
        consent(),
    )
        .prop_map(
            |(
                id,
                pseudonym,
                legal_name,
                aliases,
                contact,
                a_number,
                (status, address, birth_year),
                groups,
                consent,
            )| {
                PersonRecord {
                    id,
                    pseudonym,
                    legal_name,
                    aliases,
                    contact,
                    a_number,
                    immigration_status: status,
                    address,
                    birth_year,
                    groups: groups.into_iter().collect(),
                    consent,
                }
            },
        )
}

fn event() -> impl Strategy<Value = EventRecord> {
    let types: Vec<&'static str> = EventType::all().map(EventType::code).collect();
    let states: Vec<&'static str> = UsState::all().map(UsState::code).collect();
    let offices: Vec<&'static str> = FieldOffice::all().map(FieldOffice::code).collect();
    (
        id(),
        proptest::sample::select(types),
        any::<bool>(),
        partial_date(),
        option::of(proptest::sample::select(states)),
        (option::of(text()), option::of(text())),
        (option::of(proptest::sample::select(offices)), any::<bool>()),
        btree_set(id(), 0..4),
        (btree_set(id(), 0..3), option::of(text()), 0usize..3),
    )
        .prop_map(
            |(
                id,
                code,
                with_kind,
                date,
                state,
                (city, facility),
                (office, with_agency),
                people,
                (groups, narrative, v),
            )| {
                let t = EventType::parse("event_type", code).unwrap();
                let enforcement = t.kind() == EventKind::EnforcementAction;
                EventRecord {
                    id,
                    kind: with_kind.then(|| t.kind().code().to_owned()),
                    event_type: code.into(),
                    date,
                    end_date: None,
                    state: state.map(Into::into),
                    city,
                    facility,
                    agency: (enforcement && with_agency).then(|| "ice".into()),
                    field_office: if enforcement {
                        office.map(Into::into)
                    } else {
                        None
                    },
                    people: people
                        .into_iter()
                        .enumerate()
                        .map(|(i, id)| ParticipantEntry {
                            id,
                            role: ParticipantRole::ALL[i % 7].code().into(),
                        })
                        .collect(),
                    groups: groups.into_iter().collect(),
                    narrative,
                    verification: Some(Verification::ALL[v].code().into()),
                }
            },
        )
}

proptest! {
    #[test]
    fn people_round_trip(record in person()) {
        let first = record.into_person().expect("generated records are valid");
        let exported = PersonRecord::from_person(&first);
        let line = serde_json::to_string(&ExchangeRecord::Person(exported.clone())).unwrap();
        let ExchangeRecord::Person(parsed) = parse_line(&line).unwrap() else { panic!("not a person") };
        let second = parsed.into_person().unwrap();
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(PersonRecord::from_person(&second), exported);
    }

    #[test]
    fn events_round_trip(record in event()) {
        let first = record.into_event().expect("generated records are valid");
        let exported = EventRecord::from_event(&first);
        let line = serde_json::to_string(&ExchangeRecord::Event(exported.clone())).unwrap();
        let ExchangeRecord::Event(parsed) = parse_line(&line).unwrap() else { panic!("not an event") };
        let second = parsed.into_event().unwrap();
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(EventRecord::from_event(&second), exported);
    }

    #[test]
    fn arbitrary_lines_never_panic(line in "\\PC{0,200}") {
        let _ = parse_line(&line).map(|r| match r {
            ExchangeRecord::Person(p) => { let _ = p.into_person(); }
            ExchangeRecord::Event(e) => { let _ = e.into_event(); }
            ExchangeRecord::Group(g) => { let _ = g.into_group(); }
            ExchangeRecord::Header(h) => { let _ = h.check(); }
        });
    }
}
