//! Writes the frozen format fixtures of format version 2 under
//! `tests/fixtures/v2/`: a vault with an ingested document (pages, OCR word
//! boxes, provenance), its sealed search index, a watchlist with a hit and
//! an excerpt (migrations 4 to 6, the sealed-file format v1).
//!
//! Run once (`cargo run -p testimonio-search --example make_fixtures_v2`) and
//! commit the result; never regenerate: the tests prove old files open.

use std::path::Path;

use testimonio_domain::exchange::parse_line;
use testimonio_domain::{ExcerptTag, ExtractionStatus, RecordId, SourceKind, TextMethod};
use testimonio_search::{SearchIndex, run_watchlists};
use testimonio_vault::{
    Actor, ExcerptParts, Extraction, IngestedDocument, Intake, KdfParams, PageText, Passphrase,
    Vault, WordBox,
};

pub const PASSPHRASE: &str = "fixture passphrase v2";
pub const PAGE_TEXT: &str =
    "Memorandum. The officer called José Peña an instigator after the vigil.";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2");
    let vault_dir = root.join("vault");
    assert!(
        !vault_dir.exists(),
        "{} exists: fixtures of a released version are never regenerated",
        vault_dir.display()
    );
    let mut vault = Vault::create(
        &vault_dir,
        &Passphrase::new(PASSPHRASE.into()).unwrap(),
        KdfParams::MINIMUM,
        Actor::new("fixture:maker").unwrap(),
    )
    .unwrap()
    .vault;
    let lines = [
        r#"{"type":"person","id":"p-1","pseudonym":"Luz","consent":"internal"}"#,
        r#"{"type":"event","id":"e-1","event_type":"vigil","date":"2024-05-02","state":"WA","people":[{"id":"p-1","role":"organizer"}],"narrative":"Vigil outside the Tacoma facility."}"#,
    ];
    let records = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("line {}", i + 1), parse_line(l)));
    vault
        .import_records("fixture", records, &mut |_| {})
        .unwrap();

    let original = b"%fixture original bytes, format version 2\n";
    let blob = vault.store_original(&mut &original[..]).unwrap();
    let words = vec![
        WordBox {
            left: 10,
            top: 20,
            width: 110,
            height: 30,
            confidence: 96.5,
            text: "Memorandum.".into(),
        },
        WordBox {
            left: 130,
            top: 20,
            width: 40,
            height: 30,
            confidence: 91.0,
            text: "The".into(),
        },
    ];
    vault
        .record_ingested(&IngestedDocument {
            blob,
            intake: Intake {
                file_name: Some("memo.pdf".into()),
                media_type: Some("application/pdf".into()),
                source_path: Some("/fixtures/memo.pdf".into()),
                host: Some("fixture-host".into()),
                source_kind: Some(SourceKind::FoiaProduction),
                foia: None,
                custodian: Some("Fixture clinic".into()),
                obtained_on: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
            },
            extraction: Extraction {
                date: None,
                status: ExtractionStatus::Ok,
                detail: String::new(),
                title: None,
                metadata: Some(serde_json::json!({ "pages": 1, "ocr_pages": 1 })),
                tools: "fixture".into(),
                pages: vec![PageText {
                    number: 1,
                    method: TextMethod::Ocr,
                    text: PAGE_TEXT.into(),
                    confidence: Some(93.75),
                    bates: Some("ICE 000001".into()),
                    image_size: Some((2550, 3300)),
                    words,
                    problem: None,
                    decision: None,
                }],
            },
            capture: None,
            children: Vec::new(),
        })
        .unwrap();
    let index = SearchIndex::open_current(&mut vault).unwrap();
    vault
        .add_watchlist("instigator", "instigator", "labels for activists")
        .unwrap();
    let runs = run_watchlists(&index, &mut vault).unwrap();
    assert_eq!(runs[0].new_hits, 1);
    let document = vault.documents().unwrap()[0].id.clone();
    vault
        .add_excerpt(&ExcerptParts {
            document,
            page: 1,
            start: 12,
            end: 71,
            tags: vec![ExcerptTag::parse("tag", "animus").unwrap()],
            events: vec![RecordId::parse("event", "e-1").unwrap()],
            people: vec![RecordId::parse("person", "p-1").unwrap()],
            note: None,
        })
        .unwrap();
    drop(index);
    drop(vault);
    std::fs::remove_dir_all(vault_dir.join("tmp")).ok();
    println!("fixtures written to {}", root.display());
}
