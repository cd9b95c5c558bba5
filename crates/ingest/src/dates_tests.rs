use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn page(text: &str) -> PageText {
    PageText {
        number: 1,
        method: testimonio_domain::TextMethod::TextLayer,
        text: text.to_owned(),
        confidence: None,
        bates: None,
        image_size: None,
        words: Vec::new(),
        problem: None,
        decision: None,
    }
}

#[test]
fn the_email_date_header_is_the_senders_day() {
    // As mail-parser's reading is kept (RFC 3339) and as written (RFC 2822).
    assert_eq!(
        email_header("2021-03-04T23:30:00-05:00"),
        Some(day(2021, 3, 4))
    );
    assert_eq!(
        email_header("Thu, 4 Mar 2021 23:30:00 -0500"),
        Some(day(2021, 3, 4))
    );
    assert_eq!(email_header("sometime last spring"), None);
}

#[test]
fn court_stamps_are_read_with_two_and_four_digit_years() {
    let two = "Case 1:21-cv-01234 Document 52 Filed 03/04/21 Page 1 of 15";
    assert_eq!(court_stamp(two), Some(day(2021, 3, 4)));
    let four = "Case 1:21-cv-01234-GBD Document 52 Filed 03/04/2021 Page 1 of 15";
    assert_eq!(court_stamp(four), Some(day(2021, 3, 4)));
    let second_circuit = "Case 21-1233, Document 32, 08/20/2021, 3160136, Page1 of 196";
    assert_eq!(court_stamp(second_circuit), Some(day(2021, 8, 20)));
    // "Filed" in prose, an impossible day, "Refiled": no stamp.
    assert_eq!(court_stamp("The motion was filed late."), None);
    assert_eq!(court_stamp("Document 52 Filed 13/45/21"), None);
    assert_eq!(court_stamp("Refiled 03/04/21"), None);
}

#[test]
fn letter_date_lines_in_english_spanish_and_iso() {
    let letter = "U.S. Immigration and Customs Enforcement\nWashington, DC 20536\n\nMarch 4, 2021\n\nDear Ms. Peña:";
    assert_eq!(letter_date(letter), Some(day(2021, 3, 4)));
    assert_eq!(letter_date("Mar. 4, 2021\nDear"), Some(day(2021, 3, 4)));
    assert_eq!(letter_date("4 March 2021"), Some(day(2021, 3, 4)));
    let carta = "Red de Apoyo Migrante\n\n4 de marzo de 2021\n\nEstimada señora:";
    assert_eq!(letter_date(carta), Some(day(2021, 3, 4)));
    assert_eq!(
        letter_date("15 de setiembre del 2020"),
        Some(day(2020, 9, 15))
    );
    assert_eq!(letter_date("Re: FOIA\n2021-03-04\n"), Some(day(2021, 3, 4)));
    assert_eq!(
        letter_date("No. 21-1233\nDECIDED: JANUARY 26, 2023"),
        Some(day(2023, 1, 26))
    );
    // A date inside a sentence is not a date line; nor one far down.
    assert_eq!(letter_date("On March 10, 2021, the court ruled."), None);
    let far = format!("{}March 4, 2021", "line\n".repeat(LETTER_TOP_LINES));
    assert_eq!(letter_date(&far), None);
}

#[test]
fn the_pdf_metadata_creation_date() {
    let info = "Title:           \nCreator:         Word\nCreationDate:    2023-01-25T14:48:09-05\nModDate:         2023-01-25T14:48:34-05\n";
    assert_eq!(pdf_metadata(info), Some(day(2023, 1, 25)));
    assert_eq!(pdf_metadata("Title: x\n"), None);
    assert_eq!(pdf_metadata("CreationDate:    1970-01-01T00:00:00Z"), None);
}

#[test]
fn content_dates_win_over_each_other_in_order() {
    let pages = [
        page("Acme Corp\nMarch 4, 2021\nDear Sir"),
        page("Case 1:21-cv-01234 Document 52 Filed 05/06/21 Page 2 of 2"),
    ];
    assert_eq!(
        for_text(&pages),
        Some(DocumentDate {
            date: day(2021, 5, 6),
            source: DateSource::CourtStamp
        })
    );
    assert_eq!(
        for_text(&pages[..1]),
        Some(DocumentDate {
            date: day(2021, 3, 4),
            source: DateSource::LetterDate
        })
    );
    assert_eq!(for_text(&[page("no date here")]), None);
}
