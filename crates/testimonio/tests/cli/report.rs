//! `testimonio analyze` and `testimonio report`: the figures on a small
//! fixture worked out by hand, and the disclosure control of every report
//! artifact: small counts never shown to the public, no legal name ever,
//! no narrative beyond what consent allows. Reports are also rendered to
//! PNG pages under `target-artifacts/reports/` to be looked at.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::{TestEnv, demo_jsonl, stderr};

/// Where rendered pages go: `$TESTIMONIO_ARTIFACTS/reports`, by default
/// `<workspace>/target-artifacts/reports`.
pub fn artifact_dir() -> PathBuf {
    let root = std::env::var_os("TESTIMONIO_ARTIFACTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target-artifacts"),
        PathBuf::from,
    );
    root.join("reports")
}

/// A unique word in every legal name, and per-audience narratives.
const LEGAL: &str = "Zlegalcanary";
const INTERNAL_NARRATIVE: &str = "Qinternalnarrativecanary";
const SHARED_NARRATIVE: &str = "Qsharedeventcanary";
const COALITION_NARRATIVE: &str = "Qcoalitionnarrativecanary";
const PUBLIC_NARRATIVE: &str = "Qpublicnarrativemarker";

fn person(id: &str, pseudonym: &str, consent: &str) -> String {
    format!(
        r#"{{"type":"person","id":"{id}","pseudonym":"{pseudonym}","legal_name":"{LEGAL}{id} Quux","groups":["g-1"],"consent":"{consent}"}}"#
    )
}

#[allow(clippy::too_many_arguments)]
fn event(
    id: &str,
    event_type: &str,
    date: &str,
    state: &str,
    field_office: Option<&str>,
    people: &[(&str, &str)],
    narrative: Option<&str>,
) -> String {
    let people: Vec<String> = people
        .iter()
        .map(|(p, role)| format!(r#"{{"id":"{p}","role":"{role}"}}"#))
        .collect();
    let mut line = format!(
        r#"{{"type":"event","id":"{id}","event_type":"{event_type}","date":"{date}","state":"{state}","people":[{}]"#,
        people.join(",")
    );
    if let Some(fo) = field_office {
        line.push_str(&format!(r#","field_office":"{fo}""#));
    }
    if let Some(n) = narrative {
        line.push_str(&format!(r#","narrative":"{n}""#));
    }
    line.push('}');
    line
}

/// Thirteen people the public may count (6 in Texas, 5 in California and
/// exactly 2 in Vermont), one internal-only person in Texas, one person
/// with coalition-narrative consent in Illinois; every legal name and
/// some narratives carry canaries.
fn consent_fixture() -> String {
    let mut lines =
        vec![r#"{"type":"group","id":"g-1","name":"Comité (fixture)","state":"TX"}"#.to_owned()];
    let places = [
        ("tx", 6, "TX", "SNA", "2021", "protest", "stop_or_arrest"),
        (
            "ca",
            5,
            "CA",
            "LOS",
            "2022",
            "vigil",
            "home_or_workplace_visit",
        ),
        (
            "vt",
            2,
            "VT",
            "BOS",
            "2023",
            "press_interview",
            "notice_to_appear",
        ),
    ];
    for (tag, n, state, office, year, activity, action) in places {
        for i in 1..=n {
            let id = format!("p-{tag}{i}");
            lines.push(person(&id, &format!("Seudo {tag}{i}"), "public_anonymous"));
            lines.push(event(
                &format!("e-{tag}{i}a"),
                activity,
                &format!("{year}-03-0{i}"),
                state,
                None,
                &[(&id, "participant")],
                None,
            ));
            let narrative = (id == "p-tx1").then_some(PUBLIC_NARRATIVE);
            lines.push(event(
                &format!("e-{tag}{i}b"),
                action,
                &format!("{year}-04-1{i}"),
                state,
                Some(office),
                &[(&id, "target")],
                narrative,
            ));
        }
    }
    lines.push(person("p-int", "Interna", "internal"));
    lines.push(event(
        "e-int-a",
        "protest",
        "2021-03-05",
        "TX",
        None,
        &[("p-int", "organizer")],
        None,
    ));
    lines.push(event(
        "e-int-b",
        "detention",
        "2021-04-20",
        "TX",
        Some("SNA"),
        &[("p-int", "target")],
        Some(INTERNAL_NARRATIVE),
    ));
    // One event naming a public person and the internal-only one: its
    // account may reach no one outside.
    lines.push(event(
        "e-shared",
        "threat_or_intimidation",
        "2021-05-01",
        "TX",
        Some("SNA"),
        &[("p-tx2", "target"), ("p-int", "target")],
        Some(SHARED_NARRATIVE),
    ));
    lines.push(person("p-coal", "Coalicia", "coalition_narrative"));
    lines.push(event(
        "e-coal-a",
        "protest",
        "2021-03-06",
        "IL",
        None,
        &[("p-coal", "participant")],
        None,
    ));
    lines.push(event(
        "e-coal-b",
        "stop_or_arrest",
        "2021-04-22",
        "IL",
        Some("CHI"),
        &[("p-coal", "target")],
        Some(COALITION_NARRATIVE),
    ));
    lines.join("\n") + "\n"
}

fn pdftotext(pdf: &Path, extra: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(extra)
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup");
    assert!(out.status.success(), "pdftotext failed: {}", stderr(&out));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Writes a report and returns its path.
fn report(env: &TestEnv, audience: &str, format: &str, lang: &str, name: &str) -> PathBuf {
    let out = env.path(&format!("out/{name}.{format}"));
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    env.ok(&[
        "--lang",
        lang,
        "report",
        "--audience",
        audience,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
        "--permutations",
        "2000",
    ]);
    out
}

/// One word of `pdftotext -bbox` output: text and box.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    page: usize,
    x_min: f64,
    y_min: f64,
    x_max: f64,
}

fn attr(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
    let end = tag[at..].find('"').unwrap() + at;
    tag[at..end].parse().unwrap()
}

fn bbox_words(pdf: &Path) -> Vec<Word> {
    let html = pdftotext(pdf, &["-bbox"]);
    let mut words = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        }
        if let Some(rest) = line.strip_prefix("<word ") {
            let close = rest.find('>').unwrap();
            let tag = &rest[..close];
            let text = rest[close + 1..].trim_end_matches("</word>").to_owned();
            words.push(Word {
                text,
                page,
                x_min: attr(tag, "xMin"),
                y_min: attr(tag, "yMin"),
                x_max: attr(tag, "xMax"),
            });
        }
    }
    words
}

fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

/// (a) Vermont has exactly two people: the public report shows
/// "suppressed" on its map tile and in its table row, never the count,
/// in the HTML and in the PDF's text.
#[test]
fn a_state_with_two_people_is_suppressed_in_a_public_report() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/fixture.jsonl", &consent_fixture());
    env.ok(&["import", file.to_str().unwrap()]);

    // The internal report shows the count; the public one must not.
    let internal = fs::read_to_string(report(&env, "internal", "html", "en", "internal")).unwrap();
    assert!(
        internal.contains(r#"data-key="VT">2</text>"#),
        "internal map shows 2"
    );

    let html = fs::read_to_string(report(&env, "public", "html", "en", "public")).unwrap();
    let vt_texts: Vec<&str> = html
        .split(r#"data-key="VT">"#)
        .skip(1)
        .map(|rest| &rest[..rest.find("</text>").unwrap()])
        .collect();
    assert_eq!(vt_texts, ["VT", "suppressed"], "the map tile of Vermont");
    assert!(
        html.contains(r#"<td>Vermont (VT)</td><td class="num muted">suppressed</td>"#),
        "the table row of Vermont"
    );
    assert!(
        html.contains(r#"<td>Boston (BOS)</td><td class="num muted">suppressed</td>"#),
        "the field office of the two Vermont people"
    );
    assert!(html.contains(r#"<td>Texas (TX)</td><td class="num">6</td>"#));

    let pdf = report(&env, "public", "pdf", "en", "public");
    let html_path = env.path("out/public.html");
    assert!(!keep_pages(&pdf, &html_path, "fixture-public-en").is_empty());
    let words = bbox_words(&pdf);
    // The map tile: the words inside the tile under "VT".
    let tile = words
        .iter()
        .find(|w| w.text == "VT")
        .expect("a VT tile in the PDF");
    let in_tile: Vec<&str> = words
        .iter()
        .filter(|w| {
            w.page == tile.page
                && w.y_min > tile.y_min + 1.0
                && w.y_min < tile.y_min + 30.0
                && w.x_max > tile.x_min - 12.0
                && w.x_min < tile.x_max + 12.0
        })
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(in_tile, ["suppressed"], "under VT on the map");
    // Every line that names Vermont or Boston: no number on it.
    let mut rows = 0;
    for name in ["Vermont", "Boston"] {
        for w in words.iter().filter(|w| w.text == name) {
            let line: Vec<&str> = words
                .iter()
                .filter(|o| o.page == w.page && (o.y_min - w.y_min).abs() < 2.0)
                .map(|o| o.text.as_str())
                .collect();
            assert!(
                !line.iter().any(|t| is_number(t)),
                "a number beside {name}: {line:?}"
            );
            assert!(line.contains(&"suppressed"), "{line:?}");
            rows += 1;
        }
    }
    assert_eq!(rows, 2, "one table row each for Vermont and Boston");
    let text = pdftotext(&pdf, &["-layout"]);
    assert!(text.contains("PUBLIC — COUNTS OF FEWER PEOPLE THAN 5 SUPPRESSED"));

    // The terminal summary for the public says the same.
    let summary = env.json(&["analyze", "--audience", "public", "--json"]);
    let states = &summary["by_state"];
    let labels: Vec<&str> = states["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let vt = labels.iter().position(|l| *l == "VT").unwrap();
    assert_eq!(states["cells"][vt], "suppressed");
    assert!(summary.get("detail").is_none(), "no per-pair detail");
    let out = env.ok(&["analyze", "--audience", "public"]);
    assert!(!out.contains("VT 2"), "{out}");
    assert!(out.contains("VT suppressed"), "{out}");

    // The export was audited.
    let log = env.json(&["audit", "log", "--json"]);
    let entries = log["entries"].as_array().expect("entries");
    let reports: Vec<&Value> = entries
        .iter()
        .filter(|e| e["action"] == "export" && e["object"] == "report:pdf")
        .collect();
    assert_eq!(reports.len(), 1, "{entries:#?}");
    let detail = reports[0]["detail"].as_str().unwrap();
    assert!(detail.contains("audience=public"), "{detail}");
    assert!(detail.contains("identities=0"), "{detail}");
}

/// (b) Legal names never appear in any report; an internal-only person's
/// account, and the account of an event that names them, never reach the
/// coalition or the public; a coalition-narrative account reaches the
/// coalition only; a public account reaches the public.
#[test]
fn names_and_narratives_reach_only_whom_consent_allows() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/fixture.jsonl", &consent_fixture());
    env.ok(&["import", file.to_str().unwrap()]);

    let mut texts: Vec<(String, String)> = Vec::new();
    for audience in ["internal", "coalition", "public"] {
        for lang in ["en", "es"] {
            let name = format!("{audience}-{lang}");
            let html = report(&env, audience, "html", lang, &name);
            let pdf = report(&env, audience, "pdf", lang, &name);
            let raw_pdf = String::from_utf8_lossy(&fs::read(&pdf).unwrap()).into_owned();
            let all = [
                fs::read_to_string(&html).unwrap(),
                raw_pdf,
                pdftotext(&pdf, &[]),
                env.ok(&["--lang", lang, "analyze", "--audience", audience]),
                env.ok(&["analyze", "--audience", audience, "--json"]),
            ]
            .join("\n");
            texts.push((name, all));
        }
    }
    for (name, text) in &texts {
        assert!(!text.contains(LEGAL), "a legal name in {name}");
        let outside = !name.starts_with("internal");
        let check = |canary: &str, allowed: bool| {
            assert_eq!(
                text.contains(canary),
                allowed,
                "{canary} in {name}: expected {allowed}"
            );
        };
        check(INTERNAL_NARRATIVE, !outside);
        check(SHARED_NARRATIVE, !outside);
        check(
            COALITION_NARRATIVE,
            name.starts_with("internal") || name.starts_with("coalition"),
        );
        check(PUBLIC_NARRATIVE, true);
        // Pseudonyms of people the audience may not describe are absent.
        if outside {
            assert!(
                !text.contains("Interna"),
                "the internal pseudonym in {name}"
            );
            assert!(!text.contains("p-int"), "a record id in {name}");
        }
        if name.starts_with("public") {
            assert!(!text.contains("Coalicia"), "coalition pseudonym in {name}");
        }
    }
    // Nothing was written where the vault could hold plaintext.
    for dir in ["vault", "tmp"] {
        for path in crate::files_under(&env.path(dir)) {
            let bytes = fs::read(&path).unwrap();
            assert!(
                !bytes
                    .windows(PUBLIC_NARRATIVE.len())
                    .any(|w| w == PUBLIC_NARRATIVE.as_bytes()),
                "plaintext in {}",
                path.display()
            );
        }
    }
}

/// (c) Reports rendered to PNG pages, kept for people to look at: the
/// fixture's public report and the demo data's reports for each audience,
/// in English and Spanish.
#[test]
fn reports_render_to_pages() {
    let env = TestEnv::new();
    env.init();
    let demo = env.write(
        "in/demo.jsonl",
        &demo_jsonl(&testimonio_demo::DemoSpec::standard()),
    );
    env.ok(&["import", demo.to_str().unwrap()]);
    for (audience, lang) in [("public", "en"), ("coalition", "es"), ("internal", "en")] {
        let name = format!("demo-{audience}-{lang}");
        let pdf = report(&env, audience, "pdf", lang, &name);
        let html = report(&env, audience, "html", lang, &name);
        let pages = keep_pages(&pdf, &html, &name);
        assert!(pages.len() >= 4, "{name}: {} pages", pages.len());
    }
}

/// Renders `pdf` to `<artifacts>/reports/NAME-N.png` at 60 dpi (replacing
/// an earlier rendering) and keeps the PDF and HTML beside them; returns
/// the pages.
fn keep_pages(pdf: &Path, html: &Path, name: &str) -> Vec<PathBuf> {
    let dir = artifact_dir();
    fs::create_dir_all(&dir).unwrap();
    let page_of = |p: &Path| {
        let n = p.file_name().unwrap().to_string_lossy().into_owned();
        n.strip_prefix(&format!("{name}-"))
            .and_then(|rest| rest.strip_suffix(".png"))
            .is_some_and(|num| num.bytes().all(|b| b.is_ascii_digit()))
    };
    for old in fs::read_dir(&dir).unwrap().flatten() {
        if page_of(&old.path()) {
            fs::remove_file(old.path()).unwrap();
        }
    }
    let out = Command::new("pdftoppm")
        .args(["-r", "60", "-png"])
        .arg(pdf)
        .arg(dir.join(name))
        .output()
        .expect("pdftoppm (poppler-utils) is installed by scripts/setup");
    assert!(out.status.success(), "pdftoppm: {}", stderr(&out));
    fs::copy(pdf, dir.join(format!("{name}.pdf"))).unwrap();
    fs::copy(html, dir.join(format!("{name}.html"))).unwrap();
    let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| page_of(p))
        .collect();
    pages.sort();
    for page in &pages {
        let bytes = fs::read(page).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "{}", page.display());
        assert!(bytes.len() > 2_000, "{} looks blank", page.display());
    }
    pages
}

/// The fixture of `crates/analysis/tests`, reduced: three people, no
/// groups, every interval worked out by hand.
///
/// - p1: protest 2023-01-10, arrest 2023-01-20 → 10 days; interview
///   2023-03-01, notice to appear 2023-05-30 → 30 + 30 + 30 = 90 days.
/// - p2: vigil 2023-04-15, detention 2023-05-15 → 30 days.
/// - p3: arrest 2023-01-05 before any activity → none; protest
///   2023-02-01, deportation 2023-08-01 → 28 + 31 + 30 + 31 + 30 + 31 = 181.
fn hand_fixture() -> String {
    let p = |id: &str| {
        format!(
            r#"{{"type":"person","id":"{id}","pseudonym":"P {id}","consent":"public_anonymous"}}"#
        )
    };
    [
        p("hand-p1"),
        p("hand-p2"),
        p("hand-p3"),
        event(
            "h01",
            "protest",
            "2023-01-10",
            "TX",
            None,
            &[("hand-p1", "organizer")],
            None,
        ),
        event(
            "h02",
            "stop_or_arrest",
            "2023-01-20",
            "TX",
            Some("SNA"),
            &[("hand-p1", "target")],
            None,
        ),
        event(
            "h03",
            "press_interview",
            "2023-03-01",
            "TX",
            None,
            &[("hand-p1", "spokesperson")],
            None,
        ),
        event(
            "h04",
            "notice_to_appear",
            "2023-05-30",
            "TX",
            Some("SNA"),
            &[("hand-p1", "target")],
            None,
        ),
        event(
            "h05",
            "vigil",
            "2023-04-15",
            "CA",
            None,
            &[("hand-p2", "participant")],
            None,
        ),
        event(
            "h06",
            "detention",
            "2023-05-15",
            "CA",
            Some("LOS"),
            &[("hand-p2", "target")],
            None,
        ),
        event(
            "h07",
            "stop_or_arrest",
            "2023-01-05",
            "IL",
            Some("CHI"),
            &[("hand-p3", "target")],
            None,
        ),
        event(
            "h08",
            "protest",
            "2023-02-01",
            "IL",
            None,
            &[("hand-p3", "participant")],
            None,
        ),
        event(
            "h09",
            "deportation",
            "2023-08-01",
            "IL",
            Some("CHI"),
            &[("hand-p3", "target")],
            None,
        ),
    ]
    .join("\n")
        + "\n"
}

/// (d) `analyze --json` on the hand-made fixture.
#[test]
fn analyze_json_gives_the_hand_computed_days_and_shares() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/hand.jsonl", &hand_fixture());
    env.ok(&["import", file.to_str().unwrap()]);
    let v = env.json(&["analyze", "--json", "--permutations", "500", "--seed", "7"]);
    assert_eq!(v["audience"], "internal");
    let pairs = v["detail"]["proximity"]["pairs"].as_array().unwrap();
    let got: Vec<(String, String, Option<u64>)> = pairs
        .iter()
        .map(|p| {
            (
                p["action"].as_str().unwrap().to_owned(),
                p["person"].as_str().unwrap().to_owned(),
                p["person_activity"]["days_before"].as_u64(),
            )
        })
        .collect();
    let expected = [
        ("h02", "hand-p1", Some(10)),
        ("h04", "hand-p1", Some(90)),
        ("h06", "hand-p2", Some(30)),
        ("h07", "hand-p3", None),
        ("h09", "hand-p3", Some(181)),
    ];
    let expected: Vec<(String, String, Option<u64>)> = expected
        .iter()
        .map(|(a, p, d)| (a.to_string(), p.to_string(), *d))
        .collect();
    assert_eq!(got, expected);
    // Shares over all 5 pairs: within 30 days 10 and 30 (2, 0.4); within
    // 90 also 90 (3, 0.6); within 180 the same (181 is over).
    let within = v["proximity"]["within"].as_array().unwrap();
    let shares: Vec<(u64, u64, u64, f64)> = within
        .iter()
        .map(|w| {
            (
                w["days"].as_u64().unwrap(),
                w["count"]["shown"].as_u64().unwrap(),
                w["denominator"]["shown"].as_u64().unwrap(),
                w["share"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(shares, [(30, 2, 5, 0.4), (90, 3, 5, 0.6), (180, 3, 5, 0.6)]);
    // Days 10, 30, 90, 181: median (30 + 90) / 2 = 60; q1 = 10 + 0.75 × 20
    // = 25; q3 = 90 + 0.25 × 91 = 112.75.
    let days = &v["proximity"]["days"];
    assert_eq!(days["n"], 4);
    assert_eq!(days["median"], 60.0);
    assert_eq!(days["q1"], 25.0);
    assert_eq!(days["q3"], 112.75);
    assert_eq!(
        (days["min"].as_f64(), days["max"].as_f64()),
        (Some(10.0), Some(181.0))
    );
    assert_eq!(
        v["proximity"]["intervals"]["cells"][5]["shown"], 1,
        "one pair with none"
    );
    // People by shortest interval: p1 10 and p2 30 (0–30), p3 181.
    let by_closest: Vec<u64> = v["people_by_interval"]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["shown"].as_u64().unwrap())
        .collect();
    assert_eq!(by_closest, [2, 0, 0, 1, 0, 0]);
    assert_eq!(v["chance"]["status"], "done");
    assert_eq!(v["chance"]["permutations"], 500);
    assert_eq!(v["chance"]["seed"], 7);
    // Same seed, same p-value.
    let again = env.json(&["analyze", "--json", "--permutations", "500", "--seed", "7"]);
    assert_eq!(again["chance"]["p_value"], v["chance"]["p_value"]);
    // Spread by first action: p1 TX/SNA, p2 CA/LOS, p3 IL/CHI.
    assert_eq!(v["offices"]["distinct"], 3);
    assert!((v["offices"]["hhi"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-12);

    // For the public, three people are fewer than five: everything small
    // is suppressed, the test is withheld, no record id is printed.
    let public = env.ok(&["analyze", "--json", "--audience", "public"]);
    let p: Value = serde_json::from_str(&public).unwrap();
    assert_eq!(p["population"]["people"], "suppressed");
    assert_eq!(p["proximity"]["pairs"], "suppressed");
    assert_eq!(p["chance"]["status"], "withheld");
    assert!(p["proximity"]["days"].is_null());
    assert!(!public.contains("hand-p"), "record ids in public output");
    // With a threshold of 3, the three people may be counted.
    let k3 = env.json(&[
        "analyze",
        "--json",
        "--audience",
        "public",
        "--min-count",
        "3",
    ]);
    assert_eq!(k3["population"]["people"]["shown"], 3);
    // A threshold of 1 would publish single people: refused.
    let refused = env.run(&["analyze", "--audience", "public", "--min-count", "1"]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("at least 2"),
        "{}",
        stderr(&refused)
    );

    // The readable summary, in both languages.
    let en = env.ok(&["analyze", "--permutations", "500"]);
    assert!(en.contains("within  30 days"), "{en}");
    assert!(en.contains("2 of 5"), "{en}");
    assert!(en.contains("40.0%"), "{en}");
    assert!(en.contains("Test against chance: p"), "{en}");
    let es = env.ok(&["--lang", "es", "analyze", "--permutations", "500"]);
    assert!(es.contains("dentro de  30 días"), "{es}");
    assert!(es.contains("40,0\u{a0}%"), "{es}");
    assert!(es.contains("Prueba frente al azar: p"), "{es}");
}

/// (e) A Spanish report has Spanish headings, with accents, in both
/// formats.
#[test]
fn a_spanish_report_is_in_spanish() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/fixture.jsonl", &consent_fixture());
    env.ok(&["import", file.to_str().unwrap()]);
    let html = fs::read_to_string(report(&env, "public", "html", "es", "es")).unwrap();
    assert!(html.contains(r#"<html lang="es">"#));
    for heading in [
        "<h2>Resumen</h2>",
        "<h2>Metodología</h2>",
        "<h2>Dónde ocurrió</h2>",
        "<h2>Casos</h2>",
        "<h2>Apéndice de datos</h2>",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
    assert!(!html.contains("<h2>Summary</h2>"));
    let pdf = report(&env, "public", "pdf", "es", "es");
    let text = pdftotext(&pdf, &[]);
    for heading in [
        "Resumen",
        "Metodología",
        "Control de divulgación",
        "Dónde ocurrió",
        "Apéndice de datos",
        "Página 1 de",
        "suprimido",
    ] {
        assert!(text.contains(heading), "{heading} in:\n{text}");
    }
    assert!(!text.contains("Summary"));
    assert!(!text.contains('\u{fffd}'), "every character printed");
}
