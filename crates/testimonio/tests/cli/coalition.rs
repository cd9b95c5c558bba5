//! Coalitions: a member's bundle holds only what consent allows and no
//! identity (every byte of the decrypted bundle scanned for planted
//! strings), is numbered and audited; private matching through a real key
//! custodian process on loopback gives two members' spellings of one
//! person a shared token, and the custodian's budget stops a member.

use std::collections::BTreeSet;
use std::fs;

use testimonio_coalition::oprf::CustodianKey;
use testimonio_coalition::{Bundle, HubIdentity, TokenKind};

use crate::served::Served;
use crate::{TestEnv, stderr};

const CANARIES: &[&str] = &[
    "Canarylegal Qwzxv",
    "Canaryalias Plokij",
    "canary-contact@example.invalid",
    "A-987-654-321",
    "987654321",
    "Canaryaddress 9 Calle Xyzzy",
    "Canarynarrative internal fnord",
    "Canarystatus parole",
    // The consenting person's identity never travels either.
    "Consentinglegal Name",
    "Consentingaddress 1 Main",
    "A-111-222-333",
    "111222333",
    // A pseudonym is the member's own label, not shared.
    "Rosa Canarypseudonym",
];

fn contains(haystack: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    haystack.windows(n.len()).any(|w| w == n)
}

fn records() -> String {
    format!(
        concat!(
            r#"{{"type":"group","id":"g-1","name":"Canary group name","state":"TX","city":"Canarycity"}}"#,
            "\n",
            r#"{{"type":"person","id":"p-ok","pseudonym":"{p}","legal_name":"{ln}","address":"{ad}","a_number":"{an}","birth_year":1987,"groups":["g-1"],"consent":"coalition_narrative"}}"#,
            "\n",
            r#"{{"type":"person","id":"p-agg","pseudonym":"Luis","birth_year":1990,"consent":"coalition_aggregate"}}"#,
            "\n",
            r#"{{"type":"person","id":"p-no","pseudonym":"Marta","legal_name":"{c0}","aliases":["{c1}"],"contact":"{c2}","a_number":"{c3}","address":"{c5}","immigration_status":"{c7}","consent":"internal"}}"#,
            "\n",
            r#"{{"type":"event","id":"e-shared","event_type":"hunger_strike","date":"2018-03-02","state":"TX","people":[{{"id":"p-ok","role":"organizer"}},{{"id":"p-no","role":"participant"}}],"narrative":"{c6} shared"}}"#,
            "\n",
            r#"{{"type":"event","id":"e-ok","event_type":"press_interview","date":"2018-04","people":[{{"id":"p-ok","role":"spokesperson"}}],"groups":["g-1"],"narrative":"Allowed narrative text"}}"#,
            "\n",
            r#"{{"type":"event","id":"e-agg","event_type":"detention","date":"~2019","field_office":"HOU","agency":"ice","people":[{{"id":"p-agg","role":"target"}}],"narrative":"{c6} aggregate only"}}"#,
            "\n",
            r#"{{"type":"event","id":"e-no","event_type":"stop_or_arrest","date":"2019-01-05","people":[{{"id":"p-no","role":"target"}}],"narrative":"{c6} internal"}}"#,
            "\n",
        ),
        p = CANARIES[12],
        ln = CANARIES[8],
        ad = CANARIES[9],
        an = CANARIES[10],
        c0 = CANARIES[0],
        c1 = CANARIES[1],
        c2 = CANARIES[2],
        c3 = CANARIES[3],
        c5 = CANARIES[5],
        c6 = CANARIES[6],
        c7 = CANARIES[7],
    )
}

/// Opens a sealed bundle as the hub does; returns the envelope's bundle
/// and every byte the hub can read.
fn open(hub: &HubIdentity, sealed: &[u8]) -> (Bundle, Vec<u8>) {
    let opened = hub.open(sealed).expect("the bundle opens");
    let body = opened.bundle.to_bytes().unwrap();
    (opened.bundle, body)
}

#[test]
fn a_bundle_holds_only_the_consented_picture_and_no_identity() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/records.jsonl", &records());
    env.ok(&["import", file.to_str().unwrap()]);
    let out = env.path("bundle.age");
    // Not joined: refused by name.
    let refused = env.run(&["coalition", "share", "--out", out.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("coalition join"),
        "{}",
        stderr(&refused)
    );
    let bad = env.run(&[
        "coalition",
        "join",
        "--coalition",
        "c1",
        "--hub",
        "age1nope",
    ]);
    assert!(stderr(&bad).contains("age recipient"), "{}", stderr(&bad));

    let hub = HubIdentity::generate();
    let joined = env.json(&[
        "coalition",
        "join",
        "--coalition",
        "coal-tx",
        "--hub",
        &hub.recipient(),
        "--json",
    ]);
    let member_key = joined["member_key"].as_str().unwrap().to_owned();
    let shared = env.json(&[
        "coalition",
        "share",
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(shared["number"], 1);
    assert_eq!(
        (&shared["people"], &shared["events"], &shared["narratives"]),
        (&2.into(), &3.into(), &1.into())
    );
    let sealed = fs::read(&out).unwrap();
    for canary in CANARIES {
        assert!(!contains(&sealed, canary), "{canary} in the sealed file");
    }
    let opened = hub.open(&sealed).unwrap();
    assert_eq!(opened.signer.to_hex(), member_key);
    let (bundle, bytes) = open(&hub, &sealed);
    for canary in CANARIES
        .iter()
        .chain(&["Canary group name", "Canarycity", "p-ok", "e-ok"])
    {
        assert!(
            !contains(&bytes, canary),
            "{canary} in the decrypted bundle"
        );
    }
    assert_eq!(bundle.coalition, "coal-tx");
    assert_eq!(bundle.number, 1);
    assert_eq!(bundle.people.len(), 2);
    let narrated: Vec<_> = bundle
        .events
        .iter()
        .filter_map(|e| e.narrative.as_deref())
        .collect();
    assert_eq!(narrated, vec!["Allowed narrative text"]);
    // The event shared with a non-consenting person lists only the other.
    assert!(bundle.events.iter().all(|e| e.participants.len() == 1));
    let bands: BTreeSet<_> = bundle.people.iter().filter_map(|p| p.birth_band).collect();
    assert_eq!(bands, BTreeSet::from([1985, 1990]));
    assert!(bundle.people.iter().all(|p| p.tokens.is_empty()));

    // The next bundle replaces it: a higher number, the same ids.
    env.ok(&["coalition", "share", "--out", out.to_str().unwrap()]);
    let (again, _) = open(&hub, &fs::read(&out).unwrap());
    assert_eq!(again.number, 2);
    assert_eq!(
        again.people.iter().map(|p| &p.id).collect::<Vec<_>>(),
        bundle.people.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    let status = env.json(&["coalition", "status", "--json"]);
    assert_eq!(status["last_number"], 2);
    // Audited with counts, never content.
    let log = env.ok(&["audit", "log", "--limit", "20"]);
    assert!(log.contains("coalition-bundle:2"), "{log}");
    assert!(
        log.contains("people=2 events=3 narratives=1 tokens=0"),
        "{log}"
    );
    assert!(log.contains("coalition:share"), "{log}");
    for canary in CANARIES {
        assert!(!log.contains(canary));
    }
}

/// A member vault holding one person as `legal_name` / `a_number`, and a
/// stranger, joined to the coalition with its custodian token.
fn member(
    custodian: &Served,
    public_key: &str,
    token: &std::path::Path,
    hub: &HubIdentity,
    legal_name: &str,
    a_number: &str,
) -> TestEnv {
    let env = TestEnv::new();
    env.init();
    let records = format!(
        concat!(
            r#"{{"type":"person","id":"p-1","pseudonym":"One","legal_name":"{}","a_number":"{}","birth_year":1986,"consent":"coalition_aggregate"}}"#,
            "\n",
            r#"{{"type":"person","id":"p-2","pseudonym":"Two","legal_name":"Otra Persona Distinta","birth_year":1986,"consent":"coalition_aggregate"}}"#,
            "\n",
            r#"{{"type":"event","id":"e-1","event_type":"protest","date":"2020-02","people":[{{"id":"p-1","role":"organizer"}},{{"id":"p-2","role":"participant"}}]}}"#,
            "\n",
        ),
        legal_name, a_number
    );
    let file = env.write("in/records.jsonl", &records);
    env.ok(&["import", file.to_str().unwrap()]);
    env.ok(&[
        "coalition",
        "join",
        "--coalition",
        "coal-national",
        "--hub",
        &hub.recipient(),
        "--custodian-url",
        &format!("http://{}", custodian.addr),
        "--custodian-key",
        public_key,
        "--custodian-token-file",
        token.to_str().unwrap(),
    ]);
    env
}

fn tokens(bundle: &Bundle, kind: TokenKind) -> Vec<BTreeSet<String>> {
    bundle
        .people
        .iter()
        .map(|p| {
            p.tokens
                .iter()
                .filter(|t| {
                    t.kind == kind || (kind == TokenKind::Name && t.kind == TokenKind::NamePart)
                })
                .map(|t| t.token.clone())
                .collect()
        })
        .collect()
}

#[test]
fn two_spellings_meet_through_the_custodian_and_its_budget_holds() {
    let keeper = TestEnv::new();
    keeper.init();
    let public_key = keeper.json(&["custodian", "init", "--json"])["public_key"]
        .as_str()
        .unwrap()
        .to_owned();
    for (name, budget) in [("group-a", "100"), ("group-b", "100"), ("group-c", "3")] {
        let path = keeper.path(&format!("tokens/{name}"));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        keeper.ok(&[
            "custodian",
            "add-member",
            name,
            "--daily-budget",
            budget,
            "--token-out",
            path.to_str().unwrap(),
        ]);
    }
    let custodian = Served::start_command(&keeper, &["custodian", "serve"]);
    let hub = HubIdentity::generate();
    let token = |name: &str| keeper.path(&format!("tokens/{name}"));
    let a = member(
        &custodian,
        &public_key,
        &token("group-a"),
        &hub,
        "María José Peña Núñez",
        "A-012-345-678",
    );
    let b = member(
        &custodian,
        &public_key,
        &token("group-b"),
        &hub,
        "Maria Jose Pena",
        "12345678",
    );
    let share = |env: &TestEnv| {
        let out = env.path("bundle.age");
        env.ok(&["coalition", "share", "--out", out.to_str().unwrap()]);
        open(&hub, &fs::read(out).unwrap()).0
    };
    let (ba, bb) = (share(&a), share(&b));
    // Pseudonymous ids never meet; tokens do.
    let ids_a: BTreeSet<_> = ba.people.iter().map(|p| p.id.clone()).collect();
    assert!(bb.people.iter().all(|p| !ids_a.contains(&p.id)));
    let shared = |kind| {
        let (ta, tb) = (tokens(&ba, kind), tokens(&bb, kind));
        let mut pairs = 0;
        for x in &ta {
            for y in &tb {
                pairs += usize::from(!x.is_disjoint(y));
            }
        }
        pairs
    };
    // The one person meets by name and by A-number; the second person
    // (one spelling in both vaults) meets only its namesake, never the
    // first (same birth year, another name).
    assert_eq!(shared(TokenKind::ANumber), 1);
    assert_eq!(
        shared(TokenKind::Name),
        2,
        "the person, and the stranger with the stranger"
    );
    // The custodian kept counts, never an input, in its audit log.
    let log = keeper.ok(&["audit", "log", "--limit", "10"]);
    assert!(log.contains("member=group-a granted="), "{log}");
    for word in ["Peña", "Pena", "pena", "012345678"] {
        assert!(!log.contains(word));
    }
    // Over its budget, a member is refused and shares nothing.
    let c = member(
        &custodian,
        &public_key,
        &token("group-c"),
        &hub,
        "Juan Pérez García",
        "A-222-333-444",
    );
    let out = c.path("bundle.age");
    let refused = c.run(&["coalition", "share", "--out", out.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("budget"), "{}", stderr(&refused));
    assert!(!out.exists());
    assert_eq!(c.json(&["coalition", "status", "--json"])["last_number"], 0);
    // A member who pinned another key refuses the custodian's answers.
    let (other, _) = CustodianKey::generate().unwrap();
    let d = member(
        &custodian,
        &other.public_key().to_hex(),
        &token("group-a"),
        &hub,
        "Ana Ruiz",
        "A-555-666-777",
    );
    let refused = d.run(&[
        "coalition",
        "share",
        "--out",
        d.path("b.age").to_str().unwrap(),
    ]);
    assert!(
        stderr(&refused).contains("does not verify"),
        "{}",
        stderr(&refused)
    );
}

/// A hub vault made by `coalition create`; returns it and its recipient.
fn hub_vault() -> (TestEnv, String) {
    let env = TestEnv::new();
    env.init();
    let made = env.json(&[
        "coalition",
        "create",
        "--coalition",
        "coal-national",
        "--json",
    ]);
    let recipient = made["hub_recipient"].as_str().unwrap().to_owned();
    (env, recipient)
}

/// A member vault with one person, joined to `coalition` at `hub_recipient`
/// with the custodian; returns it and its member key.
fn hub_member(
    custodian: &Served,
    public_key: &str,
    token: &std::path::Path,
    coalition: &str,
    hub_recipient: &str,
    legal_name: &str,
) -> (TestEnv, String) {
    let env = TestEnv::new();
    env.init();
    let records = format!(
        r#"{{"type":"person","id":"p-1","pseudonym":"One","legal_name":"{legal_name}","birth_year":1979,"consent":"coalition_aggregate"}}"#
    );
    let file = env.write("in/records.jsonl", &records);
    env.ok(&["import", file.to_str().unwrap()]);
    let joined = env.json(&[
        "coalition",
        "join",
        "--coalition",
        coalition,
        "--hub",
        hub_recipient,
        "--custodian-url",
        &format!("http://{}", custodian.addr),
        "--custodian-key",
        public_key,
        "--custodian-token-file",
        token.to_str().unwrap(),
        "--json",
    ]);
    let key = joined["member_key"].as_str().unwrap().to_owned();
    (env, key)
}

#[test]
fn the_hub_receives_only_checked_bundles_and_merges_people_whose_tokens_meet() {
    let keeper = TestEnv::new();
    keeper.init();
    let public_key = keeper.json(&["custodian", "init", "--json"])["public_key"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = keeper.path("member.token");
    keeper.ok(&[
        "custodian",
        "add-member",
        "all",
        "--token-out",
        token.to_str().unwrap(),
    ]);
    let custodian = Served::start_command(&keeper, &["custodian", "serve"]);
    let (hub, recipient) = hub_vault();
    let invite = hub.json(&["coalition", "invite", "--json"]);
    assert_eq!(invite["hub_recipient"].as_str().unwrap(), recipient);
    let (a, key_a) = hub_member(
        &custodian,
        &public_key,
        &token,
        "coal-national",
        &recipient,
        "Rosa María López Díaz",
    );
    let (b, key_b) = hub_member(
        &custodian,
        &public_key,
        &token,
        "coal-national",
        &recipient,
        "Rosa Maria Lopez",
    );
    let (stranger, _) = hub_member(
        &custodian,
        &public_key,
        &token,
        "coal-national",
        &recipient,
        "Rosa María López Díaz",
    );
    let (foreign, key_f) = hub_member(
        &custodian,
        &public_key,
        &token,
        "coal-other",
        &recipient,
        "Pedro Páramo",
    );
    hub.ok(&["coalition", "admit", "group-a", "--member-key", &key_a]);
    hub.ok(&["coalition", "admit", "group-b", "--member-key", &key_b]);
    hub.ok(&["coalition", "admit", "group-f", "--member-key", &key_f]);
    let share = |env: &TestEnv| {
        let out = env.path("bundle.age");
        env.ok(&["coalition", "share", "--out", out.to_str().unwrap()]);
        out
    };
    let (fa, fb) = (share(&a), share(&b));
    let received = hub.json(&[
        "coalition",
        "receive",
        fa.to_str().unwrap(),
        fb.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(received[0]["member"], "group-a");
    assert_eq!(received[1]["number"], 1);
    let status = hub.json(&["coalition", "status", "--json"]);
    assert_eq!(status["reported_people"], 2);
    assert_eq!(status["distinct_people"], 1);
    assert_eq!(status["shared_people"], 1);
    assert_eq!(status["members"][0]["shared_people"], 1);
    // Refused, each by its reason, nothing stored.
    let mut tampered = fs::read(&fa).unwrap();
    let at = tampered.len() - 20;
    tampered[at] ^= 1;
    let tampered_file = hub.write("tampered.age", "");
    fs::write(&tampered_file, tampered).unwrap();
    let refusals = [
        (fa.clone(), "not newer"),
        (tampered_file, "not encrypted to this hub"),
        (share(&stranger), "no member"),
        (share(&foreign), "another coalition"),
    ];
    for (file, reason) in &refusals {
        let out = hub.run(&["coalition", "receive", file.to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains(reason), "{reason}: {}", stderr(&out));
    }
    let after = hub.json(&["coalition", "status", "--json"]);
    assert_eq!(after["bundles"], 2);
    // A later bundle replaces the member's picture; the history is kept.
    let fa2 = share(&a);
    hub.ok(&["coalition", "receive", fa2.to_str().unwrap()]);
    let last = hub.json(&["coalition", "status", "--json"]);
    assert_eq!(
        (&last["bundles"], &last["reported_people"]),
        (&3.into(), &2.into())
    );
    // The hub's audit log holds counts, never a name.
    let log = hub.ok(&["audit", "log", "--limit", "20"]);
    assert!(log.contains("coalition-bundle:group-a:2"), "{log}");
    assert!(!log.contains("Rosa") && !log.contains("rosa"));
}
