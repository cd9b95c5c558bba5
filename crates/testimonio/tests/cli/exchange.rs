//! Import and export: lossless round trips, bad lines, idempotence.

use testimonio_demo::DemoSpec;
use testimonio_domain::exchange::{ExchangeRecord, parse_line};

use crate::{TestEnv, demo_jsonl, stdout};

/// The records of a JSONL text as domain-comparable JSON values, header
/// left out, each normalized through the domain types.
fn normalized(jsonl: &str) -> Vec<serde_json::Value> {
    use testimonio_domain::exchange::{EventRecord, GroupRecord, PersonRecord};
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| match parse_line(l).expect("valid line") {
            ExchangeRecord::Header(_) => None,
            ExchangeRecord::Group(g) => Some(
                serde_json::to_value(GroupRecord::from_group(&g.into_group().unwrap())).unwrap(),
            ),
            ExchangeRecord::Person(p) => Some(
                serde_json::to_value(PersonRecord::from_person(&p.into_person().unwrap())).unwrap(),
            ),
            ExchangeRecord::Event(e) => Some(
                serde_json::to_value(EventRecord::from_event(&e.into_event().unwrap())).unwrap(),
            ),
        })
        .collect()
}

fn sorted(mut v: Vec<serde_json::Value>) -> Vec<serde_json::Value> {
    v.sort_by_key(|x| format!("{}:{}", x["id"], x));
    v
}

#[test]
fn jsonl_and_csv_round_trips_are_lossless() {
    let env = TestEnv::new();
    env.init();
    let input = demo_jsonl(&DemoSpec::standard());
    let file = env.write("in/demo.jsonl", &input);
    let report = env.json(&["import", file.to_str().unwrap(), "--json"]);
    assert_eq!(report["created"], 8 + 60 + 400);
    assert_eq!(report["failed"].as_array().unwrap().len(), 0);

    let exported = env.ok(&["export", "--format", "jsonl"]);
    assert!(
        exported
            .starts_with("{\"type\":\"header\",\"format\":\"testimonio-exchange\",\"version\":1")
    );
    assert_eq!(
        sorted(normalized(&exported)),
        sorted(normalized(&input)),
        "export differs from what was imported"
    );

    // CSV out of vault A, into vault B, JSONL out of B: identical to A's JSONL.
    let csv_dir = env.path("out/csv");
    env.ok(&[
        "export",
        "--format",
        "csv",
        "--out",
        csv_dir.to_str().unwrap(),
    ]);
    for f in ["groups.csv", "people.csv", "events.csv"] {
        assert!(csv_dir.join(f).exists(), "{f}");
    }
    let b = TestEnv::new();
    b.init();
    let report = b.json(&["import", csv_dir.to_str().unwrap(), "--json"]);
    assert_eq!(report["created"], 468, "{report}");
    assert_eq!(b.ok(&["export"]), exported);
}

#[test]
fn reimport_adds_nothing_and_changes_are_updates() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/demo.jsonl", &demo_jsonl(&DemoSpec::standard()));
    env.ok(&["import", file.to_str().unwrap()]);
    let audit_before = env.json(&["audit", "log", "--limit", "1", "--json"])["total"]
        .as_u64()
        .unwrap();
    let again = env.json(&["import", file.to_str().unwrap(), "--json"]);
    assert_eq!(
        (
            again["created"].as_u64(),
            again["updated"].as_u64(),
            again["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(468))
    );
    let audit_after = env.json(&["audit", "log", "--limit", "1", "--json"])["total"]
        .as_u64()
        .unwrap();
    assert_eq!(
        audit_after,
        audit_before + 1,
        "only the import summary is audited"
    );

    let change = env.write(
        "in/change.jsonl",
        r#"{"type":"group","id":"demo-g-001","name":"Renamed group (demo)","state":"TX"}"#,
    );
    let r = env.json(&["import", change.to_str().unwrap(), "--json"]);
    assert_eq!(r["updated"], 1);
}

#[test]
fn bad_lines_are_reported_with_their_number_and_the_rest_imports() {
    let env = TestEnv::new();
    env.init();
    let file = env.write(
        "in/mixed.jsonl",
        concat!(
            r#"{"type":"group","id":"g-1","name":"Unidos (demo)","state":"TX"}"#, "\n",
            r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Secret Legal Name","consent":"coalition_aggregate","groups":["g-1"]}"#, "\n",
            r#"{"type":"event","id":"e-1","event_type":"detention","date":"2019-02-30","state":"TX"}"#, "\n",
            r#"{"type":"person","id":"p-2","pseudonym":"Beto","legal_nmae":"Secret Other Name"}"#, "\n",
            "this is not json at all\n",
            "\n",
            r#"{"type":"event","id":"e-2","event_type":"protest","date":"2019-05","people":[{"id":"p-9","role":"organizer"}]}"#, "\n",
            r#"{"type":"event","id":"e-3","event_type":"protest","date":"2019-05","field_office":"SNA","people":[{"id":"p-1","role":"organizer"}]}"#, "\n",
            r#"{"type":"event","id":"e-4","kind":"enforcement_action","event_type":"notice_to_appear","date":"2019-06-11","state":"TX","field_office":"sna","people":[{"id":"p-1","role":"target"}],"groups":["g-1"],"narrative":"NTA served."}"#, "\n",
        ),
    );
    let out = env.run(&["import", file.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "partial import has its own exit status"
    );
    let text = stdout(&out);
    for expected in [
        "line 3: date: is not a valid date",
        "line 4: fields do not match the format: unknown field `legal_nmae`",
        "line 5: invalid JSON",
        "line 7: people[0].id: unknown person p-9",
        "line 8: field_office: applies only to enforcement actions",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(
        !text.contains("Secret"),
        "an error echoed record content:\n{text}"
    );
    assert!(text.contains("created: 3"), "{text}");
    let events = env.json(&["events", "list", "--json"]);
    assert_eq!(events["total"], 1);
    assert_eq!(events["events"][0]["field_office"], "SNA");
}

#[test]
fn lists_filter_and_page() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/demo.jsonl", &demo_jsonl(&DemoSpec::standard()));
    env.ok(&["import", file.to_str().unwrap()]);
    let all = env.json(&["events", "list", "--json"]);
    assert_eq!(all["total"], 400);
    let tx = env.json(&[
        "events",
        "list",
        "--state",
        "TX",
        "--kind",
        "enforcement_action",
        "--json",
    ]);
    let n = tx["total"].as_u64().unwrap();
    assert!(n > 0);
    for e in tx["events"].as_array().unwrap() {
        assert_eq!(e["state"], "TX");
        assert_eq!(e["kind"], "enforcement_action");
        assert!(e.get("narrative").is_none(), "lists carry no narratives");
    }
    let page = env.json(&[
        "events", "list", "--limit", "10", "--offset", "395", "--json",
    ]);
    assert_eq!(page["events"].as_array().unwrap().len(), 5);
    let ranged = env.json(&[
        "events",
        "list",
        "--from",
        "2019-01-01",
        "--to",
        "2019-12-31",
        "--json",
    ]);
    for e in ranged["events"].as_array().unwrap() {
        let d = e["date"].as_str().unwrap().trim_start_matches('~');
        assert!(d.starts_with("2019") || e.get("end_date").is_some(), "{e}");
    }
    let people = env.json(&["people", "list", "--json"]);
    assert_eq!(people["total"], 60);
    assert!(people["people"][0].get("legal_name").is_none());
    let bad = env.run(&["events", "list", "--state", "XX"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(crate::stderr(&bad).contains("--state: is not a known code"));
}
