//! The bundle the golden fixtures were made from (shared with
//! `examples/make_fixtures.rs`).

use testimonio_coalition::{
    Bundle, BundleEvent, BundleGroup, BundleParticipant, BundlePerson, MatchToken, TokenKind,
};
use testimonio_domain::{
    Agency, ConsentLevel, EventKind, FieldOffice, PartialDate, ParticipantRole, UsState,
    Verification,
};

use std::path::{Path, PathBuf};

/// The member key's seed of the fixtures (a test value, published on
/// purpose; so is `hub-identity.txt`).
pub const MEMBER_SEED: [u8; 32] = [7; 32];

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

pub fn fixture_bundle() -> Bundle {
    let p1 = format!("p-{}", "1".repeat(32));
    let p2 = format!("p-{}", "2".repeat(32));
    let g1 = format!("g-{}", "a".repeat(32));
    let mut b = Bundle::new("coal-fixture", 3, "2026-12-03T12:00:00Z");
    b.groups.push(BundleGroup {
        id: g1.clone(),
        state: Some(UsState::parse("state", "TX").unwrap()),
    });
    b.people.push(BundlePerson {
        id: p1.clone(),
        consent: ConsentLevel::CoalitionNarrative,
        groups: vec![g1.clone()],
        states: vec![UsState::parse("state", "TX").unwrap()],
        birth_band: Some(1985),
        tokens: vec![
            MatchToken {
                kind: TokenKind::Name,
                token: "ab".repeat(32),
            },
            MatchToken {
                kind: TokenKind::ANumber,
                token: "cd".repeat(32),
            },
        ],
    });
    b.people.push(BundlePerson {
        id: p2.clone(),
        consent: ConsentLevel::CoalitionAggregate,
        groups: vec![],
        states: vec![],
        birth_band: None,
        tokens: vec![],
    });
    b.events.push(BundleEvent {
        id: format!("e-{}", "e".repeat(32)),
        kind: EventKind::EnforcementAction,
        event_type: "stop_or_arrest".to_owned(),
        date: PartialDate::parse("date", "~2019-05").unwrap(),
        end_date: None,
        state: Some(UsState::parse("state", "TX").unwrap()),
        field_office: Some(FieldOffice::parse("fo", "SNA").unwrap()),
        agency: Some(Agency::parse("agency", "ice").unwrap()),
        verification: Verification::default(),
        participants: vec![
            BundleParticipant {
                person: p2,
                role: ParticipantRole::parse("role", "target").unwrap(),
            },
            BundleParticipant {
                person: p1,
                role: ParticipantRole::parse("role", "target").unwrap(),
            },
        ],
        groups: vec![g1],
        narrative: None,
    });
    b.events.push(BundleEvent {
        id: format!("e-{}", "d".repeat(32)),
        kind: EventKind::ProtectedActivity,
        event_type: "hunger_strike".to_owned(),
        date: PartialDate::parse("date", "2019-03-02").unwrap(),
        end_date: Some(PartialDate::parse("date", "2019-03-20").unwrap()),
        state: None,
        field_office: None,
        agency: None,
        verification: Verification::default(),
        participants: vec![BundleParticipant {
            person: format!("p-{}", "1".repeat(32)),
            role: ParticipantRole::parse("role", "organizer").unwrap(),
        }],
        groups: vec![],
        narrative: Some("Una huelga de hambre de 18 días.".to_owned()),
    });
    b.canonicalize();
    b
}
