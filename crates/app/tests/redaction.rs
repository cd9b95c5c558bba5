//! Redacted, Bates-stamped copies on real documents of the corpus: the
//! scanned ICE letter (OCR) and the Second Circuit opinion (a text layer).
//! Each redacted string must be unrecoverable from the copy by
//! `pdftotext`, by `pdftoppm` + `tesseract`, from `pdfinfo` or from the
//! raw bytes; the original's hash is unchanged; Bates numbers continue
//! across copies; the custody events list what was redacted, not the text.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use testimonio_app::evidence::redaction::{
    self, RedactFailure, RedactionRequest, RegionPick, WordPick, page_words,
};
use testimonio_app::evidence::{documents, ingest};
use testimonio_app::{Actor, AppError};
use testimonio_domain::{Problem, Role};
use testimonio_ingest::redact::compose::compose;
use testimonio_ingest::redact::verify::fold;
use testimonio_ingest::redact::{Area, PageToBurn, RedactOptions, burn_pages};
use testimonio_ingest::tools::{self, Limits};
use testimonio_ingest::{FileOutcome, IngestOptions};
use testimonio_vault::{Actor as AuditActor, KdfParams, Passphrase, Vault};

const LETTER: &str = "foia/ice-fourth-interim-release-letter-2025-scanned.pdf";
const OPINION: &str = "foia/second-circuit-opinion-aclu-v-ice-2021.pdf";

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(name)
}

fn operator() -> Actor {
    Actor::Operator { name: "Ana".into() }
}

fn vault() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        &tmp.path().join("v"),
        &Passphrase::new("redaction use case passphrase".into()).unwrap(),
        KdfParams::MINIMUM,
        AuditActor::new("test:redaction").unwrap(),
    )
    .unwrap()
    .vault;
    (tmp, vault)
}

fn ingest_one(vault: &mut Vault, name: &str) -> String {
    let run = ingest::ingest(
        vault,
        &operator(),
        &[corpus(name)],
        &IngestOptions::default(),
        &|_, _, _| {},
    )
    .unwrap();
    match &run.summary.files[0].outcome {
        FileOutcome::Stored { id, .. } => id.clone(),
        FileOutcome::Unreadable { reason } => panic!("{reason}"),
    }
}

fn original_bytes(vault: &mut Vault, id: &str) -> Vec<u8> {
    let mut out = Vec::new();
    documents::read_original(vault, &operator(), id, &mut out).unwrap();
    out
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn limits() -> Limits {
    Limits::default()
}

/// Everything a reader could recover from the copy, folded: its text
/// layer, its pages read again by OCR, its document information, its raw
/// bytes.
fn recoverable(pdf: &[u8]) -> Vec<(&'static str, String)> {
    let text = tools::run("pdftotext", &["fd://0", "-"], &[], pdf, limits()).unwrap();
    let info = tools::run("pdfinfo", &["-"], &[], pdf, limits()).unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    for field in [
        "Title:",
        "Author:",
        "Subject:",
        "Keywords:",
        "Creator:",
        "Producer:",
    ] {
        assert!(!info.contains(field), "pdfinfo shows {field}: {info}");
    }
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    let mut ocr = String::new();
    for page in 1..=pages {
        let n = page.to_string();
        let image = tools::run(
            "pdftoppm",
            &["-r", "300", "-gray", "-f", &n, "-l", &n, "-"],
            &[],
            pdf,
            limits(),
        )
        .unwrap();
        let read = tools::run(
            "tesseract",
            &["stdin", "stdout", "-l", "eng+spa"],
            &[("OMP_THREAD_LIMIT", "1")],
            &image.stdout,
            limits(),
        )
        .unwrap();
        ocr.push_str(&String::from_utf8_lossy(&read.stdout));
    }
    vec![
        ("pdftotext", fold(&String::from_utf8_lossy(&text.stdout))),
        ("tesseract", fold(&ocr)),
        ("pdfinfo", fold(&info)),
        ("raw", fold(&String::from_utf8_lossy(pdf))),
    ]
}

fn request(document: &str, prefix: &str) -> RedactionRequest {
    RedactionRequest {
        document: document.to_owned(),
        pages: None,
        words: Vec::new(),
        regions: Vec::new(),
        queries: Vec::new(),
        bates_prefix: prefix.to_owned(),
    }
}

#[test]
fn redacted_copies_hold_nothing_redacted_and_leave_the_original_alone() {
    let (_tmp, mut vault) = vault();
    let letter = ingest_one(&mut vault, LETTER);
    let opinion = ingest_one(&mut vault, OPINION);
    let letter_before = original_bytes(&mut vault, &letter);
    let opinion_before = original_bytes(&mut vault, &opinion);
    assert_eq!(
        sha256(&letter_before),
        sha256(&std::fs::read(corpus(LETTER)).unwrap())
    );

    // The scanned letter: every match of two searches (the case number,
    // the law firm's name) on its OCR word boxes.
    let mut asked = request(&letter, "ICE");
    asked.queries = vec!["\"2025-ICLI-00019\"".into(), "Cabraser".into()];
    let copy = redaction::redact(&mut vault, &operator(), &asked, &RedactOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (copy.bates_first.as_str(), copy.bates_last.as_str()),
        ("ICE-000001", "ICE-000002")
    );
    assert!(copy.matches >= 2, "{copy:?}");
    assert_ne!(copy.copy.sha256, copy.original_sha256);
    let letter_copy = original_bytes(&mut vault, &copy.copy.id);
    let found = recoverable(&letter_copy);
    for secret in ["2025icli00019", "icli00019", "cabraser"] {
        for (how, text) in &found {
            assert!(!text.contains(secret), "{secret} recoverable by {how}");
        }
    }
    // The rest of the letter is still read, and the label is on each page.
    assert!(found[0].1.contains("homelandsecurity"), "{}", found[0].1);
    assert!(found[0].1.contains("ice000001") && found[0].1.contains("ice000002"));

    // The opinion's first page (a text layer): a search for the docket
    // number, a word picked, and a region drawn around another word.
    let words = page_words(&mut vault, &operator(), &opinion, 1).unwrap();
    let index_of = |text: &str| {
        words
            .words
            .iter()
            .find(|w| w.text == text)
            .unwrap_or_else(|| panic!("{text} on page 1"))
            .clone()
    };
    let raggi = index_of("RAGGI,");
    let daniels = index_of("Daniels,");
    let a = daniels.area;
    let mut asked = request(&opinion, "ICE");
    asked.pages = Some((1, 1));
    asked.queries = vec!["\"21-1233\"".into()];
    asked.words = vec![WordPick {
        page: 1,
        index: raggi.index,
    }];
    asked.regions = vec![RegionPick {
        page: 1,
        area: Area::new(a.x0 - 0.005, a.y0 - 0.003, a.x1 + 0.005, a.y1 + 0.003).unwrap(),
    }];
    let second = redaction::redact(&mut vault, &operator(), &asked, &RedactOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    // Numbers continue across the vault's productions.
    assert_eq!(
        (second.bates_first.as_str(), second.bates_last.as_str()),
        ("ICE-000003", "ICE-000003")
    );
    assert_eq!((second.words, second.regions, second.matches), (1, 1, 2));
    let opinion_copy = original_bytes(&mut vault, &second.copy.id);
    let found = recoverable(&opinion_copy);
    for secret in ["211233", "raggi", "daniels"] {
        for (how, text) in &found {
            assert!(!text.contains(secret), "{secret} recoverable by {how}");
        }
    }
    assert!(found[0].1.contains("augustterm2021"), "{}", found[0].1);

    // The originals never change.
    assert_eq!(
        sha256(&original_bytes(&mut vault, &letter)),
        sha256(&letter_before)
    );
    assert_eq!(
        sha256(&original_bytes(&mut vault, &opinion)),
        sha256(&opinion_before)
    );
    assert_eq!(
        vault.document(&opinion).unwrap().sha256,
        sha256(&opinion_before)
    );

    // Custody on both sides: the link and what was redacted, no text.
    let original_side = documents::show(&mut vault, &operator(), &opinion).unwrap();
    let made = original_side
        .custody
        .iter()
        .find(|e| e.action == "redacted_copy_made")
        .expect("a custody event on the original");
    let copy_side = documents::show(&mut vault, &operator(), &second.copy.id).unwrap();
    let from = copy_side
        .custody
        .iter()
        .find(|e| e.action == "redacted_from")
        .expect("a custody event on the copy");
    assert!(made.detail.contains(&second.copy.id));
    assert!(from.detail.contains(&opinion) && from.detail.contains(&second.copy.sha256));
    for detail in [&made.detail, &from.detail] {
        for kind in ["\"word\"", "\"region\"", "\"match\""] {
            assert!(detail.contains(kind), "{detail}");
        }
        let folded = fold(detail);
        for secret in ["211233", "raggi", "daniels"] {
            assert!(!folded.contains(secret), "{secret} in custody: {detail}");
        }
    }
    assert_eq!(copy_side.pages[0].bates.as_deref(), Some("ICE-000003"));
    let export = vault
        .audit_tail(20)
        .unwrap()
        .into_iter()
        .rev()
        .find(|e| e.action == "export")
        .expect("audited as an export");
    assert_eq!(export.object, format!("document:{opinion}"));
}

#[test]
fn a_box_left_unburned_fails_the_check() {
    let pdf = std::fs::read(corpus(OPINION)).unwrap();
    let options = RedactOptions::default();
    let burned = burn_pages(
        &pdf,
        &[PageToBurn {
            number: 1,
            areas: Vec::new(),
        }],
        &options,
    )
    .unwrap();
    let copy = compose(&burned, &["T-000001".to_owned()], options.dpi).unwrap();
    // "Daniels," was to be redacted but its box was not burned: the
    // original leaves it readable nowhere else on the page.
    let kept = "In the United States Court of Appeals AUGUST TERM 2021";
    let err = redaction::verify(&copy, &[kept], &["Daniels,"], options.limits).unwrap_err();
    match err {
        AppError::Invalid(fields) => assert_eq!(
            fields[0].problem,
            Problem::RedactionLeak {
                page: 1,
                via: "text"
            }
        ),
        other => panic!("{other}"),
    }
    // Left readable elsewhere in the original, it is not a leak.
    redaction::verify(&copy, &["Daniels, Judge"], &["Daniels,"], options.limits).unwrap();
}

#[test]
fn requests_are_checked_before_anything_is_made() {
    let (_tmp, mut vault) = vault();
    let opinion = ingest_one(&mut vault, OPINION);
    let analyst = Actor::Account {
        username: "ana".into(),
        role: Role::Analyst,
    };
    let asked = request(&opinion, "ICE");
    let options = RedactOptions::default();
    assert!(matches!(
        redaction::redact(&mut vault, &analyst, &asked, &options),
        Err(RedactFailure::App(AppError::Forbidden))
    ));
    let mut bad = asked.clone();
    bad.bates_prefix = "ice 1".into();
    assert!(matches!(
        redaction::redact(&mut vault, &operator(), &bad, &options),
        Err(RedactFailure::App(AppError::Invalid(_)))
    ));
    let mut bad = asked.clone();
    bad.pages = Some((1, 41));
    match redaction::redact(&mut vault, &operator(), &bad, &options) {
        Err(RedactFailure::App(AppError::Invalid(f))) => {
            assert_eq!(f[0].problem, Problem::OutOfRange { max: 40 });
        }
        other => panic!("{other:?}"),
    }
    let mut bad = asked.clone();
    bad.pages = Some((1, 1));
    bad.words = vec![WordPick {
        page: 1,
        index: 100_000,
    }];
    assert!(matches!(
        redaction::redact(&mut vault, &operator(), &bad, &options),
        Err(RedactFailure::App(AppError::Invalid(_)))
    ));
    let mut bad = asked;
    bad.pages = Some((1, 1));
    bad.queries = vec!["\"unclosed".into()];
    assert!(matches!(
        redaction::redact(&mut vault, &operator(), &bad, &options),
        Err(RedactFailure::Query { index: 0, .. })
    ));
    // Nothing was stored, no number taken.
    assert_eq!(vault.bates_next("ICE").unwrap(), 1);
}
