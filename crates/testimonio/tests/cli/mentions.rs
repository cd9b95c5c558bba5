//! People mentioned in evidence, from the command line: a person planted
//! on page 37 of a real production (the Second Circuit opinion from the
//! corpus with one generated page put in as page 37) is found by legal
//! name — written without accents, in capitals, across a line break — and
//! by A-number in another spelling, without anyone searching; the reads
//! are audited; nothing of it reaches the disk in plaintext; a person
//! recorded or changed later is checked against the pages already stored.

use std::fs;
use std::process::Command;

use crate::ingest::corpus;
use crate::{TestEnv, files_under};

const LEGAL_NAME: &str = "María José Peña Núñez";
/// As the planted page writes it.
const WRITTEN: &str = "MARIA JOSE\nPENA NUNEZ";
const A_NUMBER: &str = "A-123-456-789";
const ALIAS_LATER: &str = "La Golondrina";

/// The opinion with a generated page naming the person put in as page 37.
fn production(env: &TestEnv) -> std::path::PathBuf {
    let dir = env.path("in/split");
    fs::create_dir_all(&dir).unwrap();
    let opinion = corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf");
    let status = Command::new("pdfseparate")
        .arg(&opinion)
        .arg(dir.join("p-%d.pdf"))
        .status()
        .unwrap();
    assert!(status.success());
    let planted = testimonio_report::text_pdf::render(
        "Record of deportable alien",
        &format!(
            "The officer reported that the detainee {WRITTEN} was transferred to the \
             processing center on the same day. Alien registration number 123 456 789. \
             The detainee was known to other detainees as la golondrina and had led \
             the hunger strike in the housing unit.\n"
        ),
    );
    fs::write(dir.join("planted.pdf"), planted).unwrap();
    let mut parts: Vec<std::path::PathBuf> =
        (1..=36).map(|n| dir.join(format!("p-{n}.pdf"))).collect();
    parts.push(dir.join("planted.pdf"));
    parts.extend((37..=40).map(|n| dir.join(format!("p-{n}.pdf"))));
    let out = env.path("in/production.pdf");
    let status = Command::new("pdfunite")
        .args(&parts)
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    fs::remove_dir_all(&dir).unwrap();
    out
}

fn mentions(env: &TestEnv, id: &str) -> Vec<(u64, String, String)> {
    let json = env.json(&["person", "mentions", id, "--all", "--json"]);
    let mut out: Vec<(u64, String, String)> = json["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["page"].as_u64().unwrap(),
                m["kind"].as_str().unwrap().to_owned(),
                m["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_person_planted_on_page_37_is_found_audited_and_never_on_disk() {
    let env = TestEnv::new();
    env.init();
    env.ok(&[
        "person",
        "add",
        "--id",
        "p-luz",
        "--pseudonym",
        "Luz",
        "--legal-name",
        LEGAL_NAME,
        "--a-number",
        A_NUMBER,
        "--consent",
        "internal",
    ]);
    // Someone else, whose name and number are not on the page.
    env.ok(&[
        "person",
        "add",
        "--id",
        "p-other",
        "--pseudonym",
        "Otra",
        "--legal-name",
        "Rosa Elena Marquez Diaz",
        "--a-number",
        "A-987-654-321",
        "--consent",
        "internal",
    ]);
    let production = production(&env);
    let ingested = env.ok(&["ingest", production.to_str().unwrap()]);
    assert!(ingested.contains("2 mentions"), "{ingested}");

    assert_eq!(
        mentions(&env, "p-luz"),
        [
            (37, "a_number".to_owned(), "pending".to_owned()),
            (37, "legal_name".to_owned(), "pending".to_owned()),
        ]
    );
    assert!(mentions(&env, "p-other").is_empty());
    // The review queue, in Spanish: the page, by pseudonym.
    let queue = env.ok(&["--lang", "es", "person", "mentions"]);
    assert!(queue.contains("Luz (p-luz)"), "{queue}");
    assert!(queue.contains("production.pdf, página 37"), "{queue}");
    assert!(
        queue.contains("nombre legal") && queue.contains("número A"),
        "{queue}"
    );
    assert!(!queue.contains("Peña") && !queue.contains("123"), "{queue}");

    // Every read of hits is an identity read of the person.
    let log = env.json(&["audit", "log", "--limit", "200", "--json"]);
    let reads = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["action"] == "identity_read"
                && e["object"] == "person:p-luz"
                && e["detail"] == "mentions"
        })
        .count();
    // `person mentions p-luz`, then the queue (which named her).
    assert_eq!(reads, 2, "{log}");

    // A person recorded after the pages: the pages already stored are
    // checked for them (an alias of two words, in lower case on the page).
    env.ok(&["person", "edit", "p-other", "--alias", ALIAS_LATER]);
    assert_eq!(
        mentions(&env, "p-other"),
        [(37, "alias".to_owned(), "pending".to_owned())]
    );
    // A changed name: the hit on the old one goes, the A-number's stays.
    env.ok(&[
        "person",
        "edit",
        "p-luz",
        "--legal-name",
        "Luz Adriana Vega",
    ]);
    assert_eq!(
        mentions(&env, "p-luz"),
        [(37, "a_number".to_owned(), "pending".to_owned())]
    );

    // Nothing of the person, the page or the hits is on disk in plaintext:
    // not the database, its WAL, the blobs, the sealed index, the
    // temporary directory the tools ran with.
    let scanned: Vec<_> = ["vault", "tmp"]
        .iter()
        .flat_map(|d| files_under(&env.path(d)))
        .collect();
    assert!(scanned.len() >= 4, "{scanned:?}");
    for path in &scanned {
        let bytes = fs::read(path).unwrap();
        for needle in [
            "PENA NUNEZ",
            "Peña Núñez",
            "123 456 789",
            "123456789",
            "golondrina",
            "Golondrina",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle:?} in {}",
                path.display()
            );
        }
    }
}
