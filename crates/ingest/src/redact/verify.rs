//! The check a copy must pass before it is stored: its text as
//! `pdftotext` extracts it (the OCR of the burned pages and the Bates
//! labels), its document information as `pdfinfo` reads it, and its raw
//! bytes, searched for every redacted word and its near variants.
//!
//! A word redacted in one place may be left readable in another on
//! purpose (a common word, a name redacted once); what the copy may
//! hold is what the original holds outside the redacted boxes. So each
//! redacted word is counted, with its variants, on each page of the
//! original's words left unredacted and of the copy's text: more in the
//! copy than left in the original is a leak.
//!
//! Variants: case and accents folded, whitespace and punctuation removed
//! (so `A-123-456-789` is `a123456789`, and words split or joined by OCR
//! are found), one edit away for words of 6 characters or more, and runs
//! of digits grouped any way (`123 456 789`) for words with 6 digits or
//! more (A-numbers, case and phone numbers).

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::tools::{self, Limits, ToolError};

/// Case, accents, whitespace and punctuation folded away.
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The redacted words to look for, folded, each once.
pub fn secrets<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<Zeroizing<String>> {
    let mut out: Vec<Zeroizing<String>> = Vec::new();
    for word in words {
        let folded = Zeroizing::new(fold(word));
        if !folded.is_empty() && !out.iter().any(|s| **s == *folded) {
            out.push(folded);
        }
    }
    out
}

/// Long enough to be looked for inside other words and with one edit.
const NEAR_MIN: usize = 6;

/// How many times `secret` (folded) or a near variant occurs in `text`.
pub fn occurrences(secret: &str, text: &str) -> usize {
    let tokens: Vec<String> = text
        .split_whitespace()
        .map(fold)
        .filter(|t| !t.is_empty())
        .collect();
    let by_text = if secret.chars().count() >= NEAR_MIN {
        let joined: String = tokens.concat();
        let inside = joined.matches(secret).count();
        let near = tokens
            .iter()
            .filter(|t| !t.contains(secret) && within_one_edit(t, secret))
            .count();
        inside + near
    } else {
        tokens.iter().filter(|t| *t == secret).count()
    };
    let digits: String = secret.chars().filter(char::is_ascii_digit).collect();
    let by_digits = if digits.len() >= NEAR_MIN {
        digit_runs(text)
            .iter()
            .map(|run| run.matches(digits.as_str()).count())
            .sum()
    } else {
        0
    };
    by_text.max(by_digits)
}

/// The digits of each run of digits, spaces, dashes, dots and slashes.
fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else if !(run.is_empty() || is_digit_separator(c)) {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// What may separate the groups of one number.
fn is_digit_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '–')
}

/// Whether `a` becomes `b` by at most one insertion, deletion or
/// substitution.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix.min(short.len())..]
            .iter()
            .skip(1)
            .eq(long[prefix.min(long.len())..].iter().skip(1))
    } else {
        short[prefix..].iter().eq(long[prefix + 1..].iter())
    }
}

/// One page to check: what the original leaves readable there, and what
/// the copy has.
pub struct PageCheck<'a> {
    /// The copy's page, from 1.
    pub page: u32,
    pub allowed: &'a str,
    pub copy: &'a str,
}

/// The first page of the copy on which a secret occurs more often than
/// the original leaves it readable there.
pub fn first_text_leak(secrets: &[Zeroizing<String>], pages: &[PageCheck<'_>]) -> Option<u32> {
    pages.iter().find_map(|p| {
        secrets
            .iter()
            .any(|s| occurrences(s, p.copy) > occurrences(s, p.allowed))
            .then_some(p.page)
    })
}

/// Names whose presence in a copy's raw bytes means an object the copy
/// must not have.
const FORBIDDEN: [&[u8]; 10] = [
    b"/Info",
    b"/Metadata",
    b"/Outlines",
    b"/Annots",
    b"/EmbeddedFiles",
    b"/AcroForm",
    b"/JavaScript",
    b"/OpenAction",
    b"/Names",
    b"/StructTreeRoot",
];

/// Fields of `pdfinfo` that only a document information dictionary or
/// XMP fills.
const INFO_FIELDS: [&str; 8] = [
    "Title:",
    "Subject:",
    "Keywords:",
    "Author:",
    "Creator:",
    "Producer:",
    "CreationDate:",
    "ModDate:",
];

/// Whether the copy carries metadata: a forbidden object in its bytes,
/// an information field `pdfinfo` reads, or a secret (of 6 characters or
/// more, short ones being found by chance in compressed bytes) readable
/// in its raw bytes.
pub fn metadata_leak(pdf: &[u8], pdfinfo: &str, secrets: &[Zeroizing<String>]) -> bool {
    let forbidden = FORBIDDEN
        .iter()
        .any(|name| pdf.windows(name.len()).any(|w| w == *name));
    let info = pdfinfo.lines().any(|l| {
        INFO_FIELDS.iter().any(|f| l.starts_with(f))
            || (l.starts_with("Metadata Stream:") && !l.ends_with("no"))
    });
    let raw = Zeroizing::new(String::from_utf8_lossy(pdf).into_owned());
    let readable = secrets
        .iter()
        .filter(|s| s.chars().count() >= NEAR_MIN)
        .any(|s| occurrences(s, &raw) > 0);
    forbidden || info || readable
}

/// The copy's text, page by page, as `pdftotext` extracts it.
///
/// # Errors
/// pdftotext failing or over `limits`.
pub fn copy_text(pdf: &[u8], limits: Limits) -> Result<Vec<Zeroizing<String>>, ToolError> {
    let out = Zeroizing::new(
        tools::run(
            "pdftotext",
            &["-enc", "UTF-8", "fd://0", "-"],
            &[],
            pdf,
            limits,
        )?
        .stdout,
    );
    let text = String::from_utf8_lossy(&out);
    let mut pages: Vec<Zeroizing<String>> = text
        .split('\u{c}')
        .map(|p| Zeroizing::new(p.to_owned()))
        .collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok(pages)
}

/// The copy's document information as `pdfinfo` prints it.
///
/// # Errors
/// pdfinfo failing or over `limits`.
pub fn copy_info(pdf: &[u8], limits: Limits) -> Result<String, ToolError> {
    let out = tools::run("pdfinfo", &["-"], &[], pdf, limits)?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(word: &str) -> Vec<Zeroizing<String>> {
        secrets([word])
    }

    #[test]
    fn folding_removes_case_accents_and_punctuation() {
        assert_eq!(fold("Peña-Núñez, A."), "penanuneza");
        assert_eq!(fold("A-123-456-789"), "a123456789");
    }

    #[test]
    fn near_variants_are_counted() {
        let secret = &s("Martínez")[0];
        assert_eq!(occurrences(secret, "Sra. MARTINEZ vino"), 1);
        assert_eq!(occurrences(secret, "Sra. Martinex vino"), 1, "one edit");
        assert_eq!(
            occurrences(secret, "Sra. Mar tinez vino"),
            1,
            "split by OCR"
        );
        assert_eq!(occurrences(secret, "Sra. Martin vino"), 0);
        let number = &s("A-123-456-789")[0];
        assert_eq!(occurrences(number, "A# 123 456 789."), 1);
        assert_eq!(occurrences(number, "A123456789"), 1);
        assert_eq!(occurrences(number, "A-123-456-780"), 1, "one edit");
        assert_eq!(occurrences(number, "123-456"), 0);
        // Short words only as whole words.
        let short = &s("Ana")[0];
        assert_eq!(occurrences(short, "Ana and Banana"), 1);
    }

    #[test]
    fn one_edit_means_one() {
        assert!(within_one_edit("garcia", "garcia"));
        assert!(within_one_edit("garcia", "garzia"));
        assert!(within_one_edit("garcia", "garcias"));
        assert!(within_one_edit("garcia", "arcia"));
        assert!(!within_one_edit("garcia", "gracia"));
        assert!(!within_one_edit("garcia", "garc"));
    }

    #[test]
    fn a_word_left_readable_elsewhere_is_not_a_leak_but_one_more_is() {
        let secrets = secrets(["Martinez", "de"]);
        let allowed = "carta de la oficina; Martinez firmó";
        let clean = [PageCheck {
            page: 1,
            allowed,
            copy: "carta de la oficina; Martinez firmó ICE-000001",
        }];
        assert_eq!(first_text_leak(&secrets, &clean), None);
        let unburned = [PageCheck {
            page: 1,
            allowed,
            copy: "Sr. Martinez: carta de la oficina; Martinez firmó",
        }];
        assert_eq!(first_text_leak(&secrets, &unburned), Some(1));
    }

    #[test]
    fn metadata_and_raw_bytes_are_checked() {
        let secrets = secrets(["Martinez"]);
        assert!(!metadata_leak(
            b"%PDF-1.7 /Catalog",
            "Pages: 1\nEncrypted: no\n",
            &secrets
        ));
        assert!(metadata_leak(
            b"%PDF-1.7 /Info 3 0 R",
            "Pages: 1\n",
            &secrets
        ));
        assert!(metadata_leak(b"%PDF-1.7", "Title: x\n", &secrets));
        assert!(metadata_leak(
            b"%PDF-1.7 (Martinez)",
            "Pages: 1\n",
            &secrets
        ));
    }
}
