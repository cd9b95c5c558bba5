//! Golden test of `testimonio-bundle` v1: the fixtures under
//! `tests/fixtures/v1/` were written once by `examples/make_fixtures.rs`
//! and are never regenerated. The same picture must give the same bytes,
//! and a bundle sealed by the released format must open forever.

mod common;

use std::fs;

use testimonio_coalition::seal::{self, open_envelope};
use testimonio_coalition::{Bundle, BundleFault, HubIdentity, MemberKey};

fn read(name: &str) -> Vec<u8> {
    fs::read(common::fixtures().join(name)).unwrap()
}

fn hub() -> HubIdentity {
    HubIdentity::parse(&String::from_utf8(read("hub-identity.txt")).unwrap()).unwrap()
}

#[test]
fn the_v1_body_and_envelope_bytes_are_frozen() {
    let bundle = common::fixture_bundle();
    assert_eq!(
        String::from_utf8(bundle.to_bytes().unwrap()).unwrap(),
        String::from_utf8(read("bundle.json")).unwrap()
    );
    let key = MemberKey::from_seed(&common::MEMBER_SEED);
    assert_eq!(key.sign(&bundle).unwrap(), read("bundle.envelope"));
    assert_eq!(Bundle::from_bytes(&read("bundle.json")).unwrap(), bundle);
}

#[test]
fn a_released_sealed_bundle_opens_with_its_signer() {
    let opened = hub().open(&read("bundle.age")).unwrap();
    assert_eq!(opened.bundle, common::fixture_bundle());
    assert_eq!(
        opened.signer,
        MemberKey::from_seed(&common::MEMBER_SEED).public()
    );
}

#[test]
fn sealing_round_trips_and_only_the_hub_opens() {
    let hub = hub();
    let key = MemberKey::generate();
    let envelope = key.sign(&common::fixture_bundle()).unwrap();
    let sealed = seal::encrypt_to_hub(&envelope, &hub.recipient()).unwrap();
    assert_eq!(hub.open(&sealed).unwrap().signer, key.public());
    let other = HubIdentity::generate();
    assert_eq!(other.open(&sealed).unwrap_err(), BundleFault::NotForThisHub);
    assert_eq!(
        hub.open(b"not age").unwrap_err(),
        BundleFault::NotForThisHub
    );
}

#[test]
fn tampering_breaks_the_signature() {
    let mut envelope = read("bundle.envelope");
    let at = envelope.len() - 10;
    envelope[at] ^= 1;
    assert_eq!(
        open_envelope(&envelope).unwrap_err(),
        BundleFault::BadSignature
    );
    // Another key's signature over the same body.
    let mut swapped = read("bundle.envelope");
    let other = MemberKey::generate().public().to_hex();
    swapped[21..53].copy_from_slice(&hex::decode(other).unwrap());
    assert_eq!(
        open_envelope(&swapped).unwrap_err(),
        BundleFault::BadSignature
    );
}

#[test]
fn other_versions_and_shapes_are_refused_by_name() {
    let mut envelope = read("bundle.envelope");
    envelope[19] = b'2';
    assert_eq!(
        open_envelope(&envelope).unwrap_err(),
        BundleFault::UnsupportedVersion {
            found: "2".to_owned()
        }
    );
    assert_eq!(
        open_envelope(b"PK\x03\x04").unwrap_err(),
        BundleFault::NotABundle
    );
    let body = String::from_utf8(read("bundle.json")).unwrap();
    let v2 = body.replace("\"version\":1", "\"version\":2");
    assert!(matches!(
        Bundle::from_bytes(v2.as_bytes()),
        Err(BundleFault::UnsupportedVersion { .. })
    ));
    // A field the format has no place for (a name) is refused.
    let named = body.replace("\"consent\":", "\"legal_name\":\"X\",\"consent\":");
    assert!(matches!(
        Bundle::from_bytes(named.as_bytes()),
        Err(BundleFault::Malformed { .. })
    ));
    // A participant who is not among the people.
    let dangling = body.replacen(&"2".repeat(32), &"3".repeat(32), 1);
    assert!(matches!(
        Bundle::from_bytes(dangling.as_bytes()),
        Err(BundleFault::Invalid { .. })
    ));
    let bad_code = body.replace("\"stop_or_arrest\"", "\"hunger_strike\"");
    assert_eq!(
        Bundle::from_bytes(bad_code.as_bytes()).unwrap_err(),
        BundleFault::Invalid {
            field: "events[1].type".to_owned()
        }
    );
}
