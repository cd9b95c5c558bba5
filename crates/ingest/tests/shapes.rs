//! A page is OCRed when its text layer does not carry the page: the two
//! shapes real productions hold (a font encoding that shifts its glyph
//! codes; a scan whose only text layer is a stamp), built here from
//! `testimonio_ingest::shapes` and the scanned ICE letter of
//! `../shared/corpus`, must come back OCRed with their words (and the
//! stamp's text); the corpus's typed pages keep their text layer.

use std::path::{Path, PathBuf};
use std::time::Duration;

use testimonio_domain::{PageDecision, TextMethod};
use testimonio_ingest::extract::Deadline;
use testimonio_ingest::pdf::decide_pages;
use testimonio_ingest::shapes::{shifted_encoding_pdf, stamped_scan_pdf};
use testimonio_ingest::tools::{Limits, Slots, run};
use testimonio_ingest::{ExtractOptions, extract};
use testimonio_vault::Extraction;

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

const STAMP: &str = "Case 1:21-cv-01234 Document 52 Filed 03/04/21 Page 1 of 15";

/// A page of an agency's answer, in words of our own.
const LETTER: &[&str] = &[
    "This letter answers your request under the Freedom of Information Act.",
    "The agency shall make the records promptly available to any person who",
    "asks for them, and it shall answer every request within twenty working",
    "days of receiving it. We searched the files of the field office and the",
    "headquarters program office for records about the detention center and",
    "about the hunger strike that began there in March. We found seventeen",
    "pages that answer your request. We are releasing eleven pages in full",
    "and six pages in part, withholding the names and telephone numbers of",
    "officers under exemptions six and seven. You may appeal this decision",
    "within ninety days of the date of this letter. If you have questions",
    "about your request, please call our public liaison or write to us.",
];

fn read(pdf: &[u8], name: &str) -> Extraction {
    extract(
        pdf,
        Some(name),
        &ExtractOptions::default(),
        &Slots::new(2),
        Deadline::after(Duration::from_secs(600)),
    )
    .extraction
}

fn text_layer(pdf: &[u8]) -> String {
    let out = run(
        "pdftotext",
        &["-enc", "UTF-8", "-", "-"],
        &[],
        pdf,
        Limits::default(),
    )
    .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_page_whose_font_shifts_its_glyph_codes_is_read_by_ocr() {
    let pdf = shifted_encoding_pdf(LETTER);
    // The shape itself: the layer extracts as shifted letters.
    let layer = text_layer(&pdf);
    assert!(layer.contains("Wkh djhqfb vkdoo"), "{layer}");

    let read = read(&pdf, "shifted.pdf");
    assert_eq!(read.pages.len(), 1, "{}", read.detail);
    let page = &read.pages[0];
    assert_eq!(page.decision, Some(PageDecision::NotLanguage));
    assert_eq!(page.method, TextMethod::Ocr, "{}", page.text);
    for word in [
        "agency",
        "Freedom of Information Act",
        "hunger strike",
        "exemptions",
    ] {
        assert!(
            page.text.contains(word),
            "{word:?} not read:\n{}",
            page.text
        );
    }
    assert!(!page.text.contains("djhqfb"), "{}", page.text);
}

#[test]
fn a_scan_with_a_stamped_text_line_is_read_by_ocr_and_keeps_the_stamp() {
    let letter = std::fs::read(corpus(
        "foia/ice-fourth-interim-release-letter-2025-scanned.pdf",
    ))
    .unwrap();
    // The letter's first page as a JPEG scan, through a pipe.
    let jpeg = run(
        "pdftoppm",
        &["-r", "300", "-jpeg", "-f", "1", "-l", "1", "-"],
        &[],
        &letter,
        Limits::default(),
    )
    .unwrap()
    .stdout;
    let pdf = stamped_scan_pdf(&jpeg, STAMP).expect("pdftoppm wrote a JPEG");
    let layer = text_layer(&pdf);
    assert_eq!(layer.trim(), STAMP, "the stamp is the only text layer");

    let read = read(&pdf, "stamped.pdf");
    assert_eq!(read.pages.len(), 1, "{}", read.detail);
    let page = &read.pages[0];
    assert_eq!(page.decision, Some(PageDecision::ImagePageWithStamp));
    assert_eq!(page.method, TextMethod::Ocr);
    // The court's stamp dates the document, before the scanned letter's
    // own date line and the PDF's metadata (made today by the test).
    assert_eq!(
        read.date,
        Some(testimonio_domain::DocumentDate {
            date: chrono::NaiveDate::from_ymd_opt(2021, 3, 4).unwrap(),
            source: testimonio_domain::DateSource::CourtStamp,
        })
    );
    assert!(
        page.text.contains("2025-ICLI-00019"),
        "the scan's words are read:\n{}",
        page.text
    );
    assert!(
        page.text.trim_end().ends_with(STAMP),
        "the stamp's text is kept after the OCR text:\n{}",
        page.text
    );
    assert!(!page.words.is_empty(), "OCR word boxes are kept");
}

#[test]
fn the_born_digital_opinion_keeps_every_text_layer() {
    let pdf = std::fs::read(corpus("foia/second-circuit-opinion-aclu-v-ice-2021.pdf")).unwrap();
    let layer = text_layer(&pdf);
    let layers: Vec<&str> = layer
        .split('\u{c}')
        .filter(|l| !l.trim().is_empty())
        .collect();
    let (decisions, measured, problem) = decide_pages(&pdf, &layers, Limits::default());
    assert_eq!(decisions.len(), 40);
    assert_eq!(problem, None);
    assert!(!measured, "no page has an image to measure");
    assert!(
        decisions.iter().all(|d| *d == PageDecision::TextLayerGood),
        "{decisions:?}"
    );
}

/// The joint appendix of the same appeal holds the stamped shape for
/// real: 20 scanned pages whose only layer is the court's header and the
/// "JA" number. Those, and only those, are OCRed.
#[test]
fn the_joint_appendix_ocrs_its_stamped_scans_and_nothing_else() {
    let pdf = std::fs::read(corpus("foia/joint-appendix-aclu-v-ice-2021.pdf")).unwrap();
    let layer = text_layer(&pdf);
    let mut layers: Vec<&str> = layer.split('\u{c}').collect();
    layers.pop();
    assert_eq!(layers.len(), 196);
    let (decisions, measured, problem) = decide_pages(&pdf, &layers, Limits::default());
    assert_eq!(problem, None);
    assert!(measured);
    let ocred: Vec<usize> = (0..decisions.len())
        .filter(|&i| decisions[i].ocr())
        .map(|i| i + 1)
        .collect();
    let stamped: Vec<usize> = (33..=37).chain(179..=193).collect();
    // Two tables of redaction labels, "(b)(6)(b)(7)(c)" row after row,
    // are more symbols than letters: OCRed by the shape test, as before.
    let labels = [61, 76];
    let mut expected: Vec<usize> = stamped.iter().chain(&labels).copied().collect();
    expected.sort_unstable();
    assert_eq!(ocred, expected, "{decisions:?}");
    assert!(
        stamped
            .iter()
            .all(|&p| decisions[p - 1] == PageDecision::ImagePageWithStamp)
    );
    assert!(
        labels
            .iter()
            .all(|&p| decisions[p - 1] == PageDecision::GarbageSymbols)
    );
}

/// Files that break parsers: every page still gets a decision, and the
/// extraction never panics (a panic would fail the test).
#[test]
fn hostile_pdfs_get_a_decision_per_page() {
    let mut seen = 0;
    for entry in std::fs::read_dir(corpus("pdf-robustness")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        seen += 1;
        let bytes = std::fs::read(&path).unwrap();
        let read = read(&bytes, "hostile.pdf");
        for page in &read.pages {
            assert!(
                page.decision.is_some(),
                "{}: page {} has no decision",
                path.display(),
                page.number
            );
        }
    }
    assert_eq!(seen, 18);
}
