//! A document's own date (migration 14): stored with its source, read
//! back with the document, and the day the search index files it under —
//! own date, else the FOIA production's received day, else obtained,
//! else added.

use chrono::NaiveDate;
use testimonio_domain::{DateSource, DocumentDate, ExtractionStatus, TextMethod};

use testimonio_foia::{FoiaRequest, FoiaRequestParts};
use testimonio_vault::{
    Actor, Extraction, IngestedDocument, Intake, KdfParams, PageText, Passphrase, Vault,
};

fn vault_with_history() -> (tempfile::TempDir, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        &tmp.path().join("v"),
        &Passphrase::new("document date test".into()).unwrap(),
        KdfParams::MINIMUM,
        Actor::new("test").unwrap(),
    )
    .unwrap()
    .vault;
    (tmp, vault)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn record(
    vault: &mut Vault,
    text: &str,
    date: Option<DocumentDate>,
    obtained: Option<NaiveDate>,
) -> String {
    let blob = vault.store_original(&mut text.as_bytes()).unwrap();
    vault
        .record_ingested(&IngestedDocument {
            blob,
            intake: Intake {
                obtained_on: obtained,
                ..Intake::default()
            },
            extraction: Extraction {
                date,
                status: ExtractionStatus::Ok,
                detail: String::new(),
                title: None,
                metadata: None,
                tools: "test".into(),
                pages: vec![PageText {
                    number: 1,
                    method: TextMethod::Plain,
                    text: text.into(),
                    confidence: None,
                    bates: None,
                    image_size: None,
                    words: Vec::new(),
                    problem: None,
                    decision: None,
                }],
            },
            capture: None,
            children: Vec::new(),
        })
        .unwrap()
        .id
}

#[test]
fn the_own_date_is_stored_with_its_source_and_files_the_document() {
    let (_tmp, mut vault) = vault_with_history();
    let stamped = DocumentDate {
        date: day(2021, 3, 4),
        source: DateSource::CourtStamp,
    };
    let id = record(
        &mut vault,
        "Filed 03/04/21",
        Some(stamped),
        Some(day(2026, 1, 2)),
    );
    assert_eq!(vault.document(&id).unwrap().date, Some(stamped));
    let json = serde_json::to_value(vault.document(&id).unwrap()).unwrap();
    assert_eq!(
        json["date"],
        serde_json::json!({"date": "2021-03-04", "source": "court_stamp"})
    );
    // The document's own date wins over the day it was obtained.
    let page = vault.indexable_page(&id, 1).unwrap().unwrap();
    assert_eq!(page.day, Some(day(2021, 3, 4)));
}

#[test]
fn without_an_own_date_the_production_then_obtained_then_added_day() {
    let (_tmp, mut vault) = vault_with_history();
    let obtained = record(&mut vault, "no date inside", None, Some(day(2025, 5, 6)));
    assert_eq!(vault.document(&obtained).unwrap().date, None);
    let page = vault.indexable_page(&obtained, 1).unwrap().unwrap();
    assert_eq!(page.day, Some(day(2025, 5, 6)));

    let request = FoiaRequest::new(
        FoiaRequestParts {
            id: "foia-1".into(),
            agency: "ice".into(),
            subject: "Detainer records (test)".into(),
            ..FoiaRequestParts::default()
        },
        day(2024, 6, 1),
    )
    .unwrap();
    vault.put_foia(&request).unwrap();
    vault
        .add_foia_production("foia-1", &obtained, (None, None), Some(day(2024, 9, 30)))
        .unwrap();
    let produced = DocumentDate {
        date: day(2024, 9, 30),
        source: DateSource::FoiaProduction,
    };
    assert_eq!(vault.document(&obtained).unwrap().date, Some(produced));
    let page = vault.indexable_page(&obtained, 1).unwrap().unwrap();
    assert_eq!(page.day, Some(day(2024, 9, 30)));

    let added = record(&mut vault, "nothing at all", None, None);
    let page = vault.indexable_page(&added, 1).unwrap().unwrap();
    let today = vault.document(&added).unwrap().added_at[..10]
        .parse::<NaiveDate>()
        .unwrap();
    assert_eq!(page.day, Some(today));
}
