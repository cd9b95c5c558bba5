//! A document's own date on the real corpus (`../shared/corpus/foia`):
//! the Second Circuit opinion is dated by its "DECIDED:" line (January 26,
//! 2023: the case is of 2021, the opinion of 2023, and its PDF metadata
//! of the day before), and the joint appendix by the court's stamp on its
//! pages (August 20, 2021); an email by its `Date` header.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use testimonio_domain::{DateSource, DocumentDate};
use testimonio_ingest::dates::{court_stamp, pdf_creation_date};
use testimonio_ingest::extract::Deadline;
use testimonio_ingest::tools::{Limits, Slots, run};
use testimonio_ingest::{ExtractOptions, extract};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_second_circuit_opinion_is_dated_by_its_decision_not_its_ingest() {
    let pdf = std::fs::read(corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf")).unwrap();
    let read = extract(
        &pdf,
        Some("opinion.pdf"),
        &ExtractOptions::default(),
        &Slots::new(2),
        Deadline::after(Duration::from_secs(600)),
    )
    .extraction;
    assert_eq!(
        read.date,
        Some(DocumentDate {
            date: day(2023, 1, 26),
            source: DateSource::LetterDate,
        }),
        "{}",
        read.detail
    );
    // The metadata says the day before (exported from Word): read only
    // when the pages carry no date.
    assert_eq!(
        pdf_creation_date(&pdf, Limits::default()).unwrap(),
        Some(day(2023, 1, 25))
    );
}

#[test]
fn the_joint_appendix_carries_the_courts_stamp_of_2021() {
    let pdf = std::fs::read(corpus("foia/joint-appendix-aclu-v-ice-2021.pdf")).unwrap();
    // The first page only: the whole appendix is 196 pages.
    let first = run(
        "pdftotext",
        &["-enc", "UTF-8", "-l", "1", "-", "-"],
        &[],
        &pdf,
        Limits::default(),
    )
    .unwrap()
    .stdout;
    assert_eq!(
        court_stamp(&String::from_utf8_lossy(&first)),
        Some(day(2021, 8, 20))
    );
}

#[test]
fn an_email_is_dated_by_its_date_header_and_an_unreadable_one_by_nothing() {
    let read = |name: &str| {
        let bytes = std::fs::read(corpus(&format!("email/rfc/{name}"))).unwrap();
        extract(
            &bytes,
            Some(name),
            &ExtractOptions::default(),
            &Slots::new(1),
            Deadline::after(Duration::from_secs(60)),
        )
        .extraction
        .date
    };
    // "Fri, 07 Oct 1994 16:15:05 -0700 (PDT)": the sender's day.
    assert_eq!(
        read("000.eml"),
        Some(DocumentDate {
            date: day(1994, 10, 7),
            source: DateSource::EmailHeader,
        })
    );
    // "Date: Whenever" is kept as written, and dates nothing.
    assert_eq!(read("001.eml"), None);
}
