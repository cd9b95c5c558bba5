//! A document's own date, read from the document: the email `Date`
//! header, a court's filing stamp, the date line at the top of a letter,
//! the PDF's metadata creation date. Each reader returns `None` when the
//! document does not carry its kind of date; [`for_pdf`] and [`for_text`]
//! try them in order, content before metadata, because a PDF's creation
//! date is often the day it was scanned or exported, not written.
//!
//! Pure text readers (no regex crate: the shapes are few and fixed).

use chrono::{DateTime, Datelike, NaiveDate};
use testimonio_domain::{DateSource, DocumentDate};
use testimonio_sheets::dates::month as month_number;
use testimonio_vault::PageText;

use crate::tools::{self, Limits, ToolError};

/// How many non-blank lines at the top of the first page may hold a
/// letter's date line (letterhead, address and reference lines above it).
const LETTER_TOP_LINES: usize = 15;

/// The date of an email from its `Date` header, as the extraction keeps
/// it (RFC 3339 when mail-parser read it, else as written): the day in the
/// sender's own offset, the day the sender wrote.
pub fn email_header(header: &str) -> Option<NaiveDate> {
    let header = header.trim();
    DateTime::parse_from_rfc3339(header)
        .or_else(|_| DateTime::parse_from_rfc2822(header))
        .ok()
        .map(|d| d.date_naive())
}

/// A court's filing stamp: the CM/ECF header `Filed 03/04/21` (two- or
/// four-digit year), or the Second Circuit's `Case 21-1233, Document 32,
/// 08/20/2021, 3160136, Page1 of 196`. The first stamp on the page wins.
pub fn court_stamp(text: &str) -> Option<NaiveDate> {
    for line in text.lines() {
        if let Some(at) = find_word(line, "Filed") {
            let rest = line[at + "Filed".len()..].trim_start_matches([':', ' ']);
            if let Some(day) = slash_date(first_token(rest)) {
                return Some(day);
            }
        }
        // Second Circuit: "Case N, Document N, MM/DD/YYYY, N, PageN of N".
        let trimmed = line.trim();
        if trimmed.starts_with("Case ") && trimmed.contains("Document") {
            let fields: Vec<&str> = trimmed.split(',').map(str::trim).collect();
            if fields.len() >= 4
                && fields[1].starts_with("Document")
                && let Some(day) = slash_date(fields[2])
            {
                return Some(day);
            }
        }
    }
    None
}

/// A letter's date line: near the top of the first page, a line that is a
/// date and nothing else, in English (`March 4, 2021`, `Mar. 4, 2021`,
/// `4 March 2021`), in Spanish (`4 de marzo de 2021`) or ISO
/// (`2021-03-04`), optionally after a label (`Date:`, `Dated:`,
/// `Decided:`, `Fecha:`), as a court opinion's `DECIDED: JANUARY 26, 2023`.
pub fn letter_date(first_page: &str) -> Option<NaiveDate> {
    first_page
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(LETTER_TOP_LINES)
        .find_map(|line| date_line(strip_label(line)))
}

/// The `CreationDate` line of `pdfinfo -isodates` output.
pub fn pdf_metadata(pdfinfo: &str) -> Option<NaiveDate> {
    let value = pdfinfo
        .lines()
        .find_map(|l| l.strip_prefix("CreationDate:"))?
        .trim();
    let day = value.get(..10)?.parse::<NaiveDate>().ok()?;
    // Producers write 1970 or 0000-like placeholders for "unknown".
    (day.year() > 1970).then_some(day)
}

/// Runs `pdfinfo -isodates` on the PDF (on its standard input, as every
/// tool gets the PDF) and reads the creation date.
///
/// # Errors
/// pdfinfo failed (see [`ToolError`]); a PDF without the date is `Ok(None)`.
pub fn pdf_creation_date(pdf: &[u8], limits: Limits) -> Result<Option<NaiveDate>, ToolError> {
    let out = tools::run("pdfinfo", &["-isodates", "fd://0"], &[], pdf, limits)?;
    Ok(pdf_metadata(&String::from_utf8_lossy(&out.stdout)))
}

/// The date of a document read as pages of text (plain text, HTML, a
/// message body): a court stamp on any page, then a letter's date line.
pub fn for_text(pages: &[PageText]) -> Option<DocumentDate> {
    let stamp = pages
        .iter()
        .find_map(|p| court_stamp(&p.text))
        .map(|date| DocumentDate {
            date,
            source: DateSource::CourtStamp,
        });
    stamp.or_else(|| {
        let first = pages.first()?;
        letter_date(&first.text).map(|date| DocumentDate {
            date,
            source: DateSource::LetterDate,
        })
    })
}

/// The date of a PDF: what its pages say ([`for_text`]) before its
/// metadata, whose creation date is read only when the pages say nothing.
/// Also returns why the metadata could not be read, if it was tried and
/// failed (for the extraction's detail; the document is still read).
pub fn for_pdf(
    pages: &[PageText],
    pdf: &[u8],
    limits: Limits,
) -> (Option<DocumentDate>, Option<String>) {
    if let Some(found) = for_text(pages) {
        return (Some(found), None);
    }
    match pdf_creation_date(pdf, limits) {
        Ok(date) => (
            date.map(|date| DocumentDate {
                date,
                source: DateSource::PdfMetadata,
            }),
            None,
        ),
        Err(e) => (
            None,
            Some(format!("the PDF's metadata date could not be read ({e})")),
        ),
    }
}

fn first_token(text: &str) -> &str {
    text.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.', ';'])
}

/// The byte offset of `word` in `line` where it starts a word.
fn find_word(line: &str, word: &str) -> Option<usize> {
    line.match_indices(word).map(|(i, _)| i).find(|&i| {
        line[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// `MM/DD/YY` or `MM/DD/YYYY` (US order, as US courts stamp). Two-digit
/// years are this century: stamps date from electronic filing (1990s on),
/// and a 19YY one would read as 20YY only for years after 2069.
fn slash_date(token: &str) -> Option<NaiveDate> {
    let mut parts = token.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !all_digits(m) || !all_digits(d) || !all_digits(y) {
        return None;
    }
    let year: i32 = match y.len() {
        2 => 2000 + y.parse::<i32>().ok()?,
        4 => y.parse().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

fn strip_label(line: &str) -> &str {
    const LABELS: [&str; 5] = ["date", "dated", "decided", "fecha", "filed"];
    if let Some((label, rest)) = line.split_once(':')
        && LABELS.contains(&label.trim().to_lowercase().as_str())
    {
        return rest.trim();
    }
    line
}

/// A line that is exactly one date, in one of the letter forms.
fn date_line(line: &str) -> Option<NaiveDate> {
    if let Ok(day) = line.parse::<NaiveDate>() {
        return Some(day);
    }
    let lower = line.to_lowercase().replace(',', " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        // March 4 2021 / Mar. 4 2021
        [month, day, year] if month_number(month).is_some() => {
            ymd(year, month_number(month)?, day.trim_end_matches(['.', ',']))
        }
        // 4 March 2021
        [day, month, year] if month_number(month).is_some() => ymd(year, month_number(month)?, day),
        // 4 de marzo de 2021 / 4 de marzo del 2021
        [day, "de", month, "de" | "del", year] => ymd(year, month_number(month)?, day),
        _ => None,
    }
}

fn ymd(year: &str, month: u32, day: &str) -> Option<NaiveDate> {
    if year.len() != 4 || !all_digits(year) || !all_digits(day) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
