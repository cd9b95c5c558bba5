//! OCR quality on Tesseract's own test images, against their ground
//! truth: the character error rate must stay under 2 %.

use std::path::{Path, PathBuf};

use testimonio_ingest::OcrLanguages;
use testimonio_ingest::ocr::recognize;
use testimonio_ingest::tools::Limits;

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

/// Whitespace runs become one space: line breaks are layout, not text.
fn normalize(text: &str) -> Vec<char> {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

fn character_error_rate(image: &str, truth: &str) -> f64 {
    let bytes = std::fs::read(corpus(image)).unwrap();
    let pages = recognize(&bytes, &OcrLanguages::default(), 1, Limits::default()).unwrap();
    assert_eq!(pages.len(), 1);
    let recognized = normalize(&pages[0].text);
    let expected = normalize(&std::fs::read_to_string(corpus(truth)).unwrap());
    let cer = edit_distance(&recognized, &expected) as f64 / expected.len() as f64;
    println!(
        "{image}: CER {:.2} % ({} edits over {} characters, mean word confidence {:.1})",
        cer * 100.0,
        edit_distance(&recognized, &expected),
        expected.len(),
        pages[0].confidence.unwrap_or(0.0)
    );
    cer
}

#[test]
fn edit_distance_is_levenshtein() {
    let c = |s: &str| s.chars().collect::<Vec<_>>();
    assert_eq!(edit_distance(&c("kitten"), &c("sitting")), 3);
    assert_eq!(edit_distance(&c("peña"), &c("pena")), 1);
    assert_eq!(edit_distance(&c(""), &c("abc")), 3);
}

#[test]
fn phototest_character_error_rate_is_under_2_percent() {
    assert!(character_error_rate("ocr/phototest.tif", "ocr/phototest.txt") < 0.02);
}

#[test]
fn eurotext_character_error_rate_is_under_2_percent() {
    assert!(character_error_rate("ocr/eurotext.tif", "ocr/eurotext.txt") < 0.02);
}

#[test]
fn several_pages_are_read_in_one_tesseract_run_from_a_multi_page_tiff() {
    use testimonio_ingest::tiff::{parse_pgm, write_gray_tiff};
    use testimonio_ingest::tools::run;
    let pdf = std::fs::read(corpus(
        "foia/ice-fourth-interim-release-letter-2025-scanned.pdf",
    ))
    .unwrap();
    let render = |page: &str| {
        run(
            "pdftoppm",
            &["-r", "300", "-gray", "-f", page, "-l", page, "-"],
            &[],
            &pdf,
            Limits::default(),
        )
        .unwrap()
        .stdout
    };
    let (one, two) = (render("1"), render("2"));
    let tiff = write_gray_tiff(&[parse_pgm(&one).unwrap(), parse_pgm(&two).unwrap()], 300).unwrap();
    let pages = recognize(&tiff, &OcrLanguages::default(), 5, Limits::default()).unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!((pages[0].number, pages[1].number), (5, 6));
    assert!(
        pages[0].text.contains("2025-ICLI-00019"),
        "{}",
        pages[0].text
    );
    assert!(!pages[1].text.is_empty());
    assert_eq!(pages[0].image_size, Some((2550, 3300)));
}
