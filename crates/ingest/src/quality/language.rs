//! Does a text layer read as English or Spanish? The share of its words
//! found among the most frequent words of either language.
//!
//! A font whose glyph codes are shifted extracts as `Wkh djhqfb vkdoo`
//! for "The agency shall": letters and vowels, so the shape test of
//! [`super::judge`] passes it, but almost none of its words is a word.
//! Real pages of the corpus score far above the threshold; shifted text
//! far below (figures at [`MIN_SHARE`]).
//!
//! The lists (`data/words-{en,es}.txt`, about 4,900 words each, from
//! wordfreq 3.1.1, CC BY-SA 4.0: see their headers) are compiled in and
//! turned into one set the first time a page is judged. Words of one or
//! two letters are not counted, on the page or in the lists: shifted, a
//! single letter is still a single letter, and most of them are in a
//! frequency list (counting them, the shifted layer of one joint-appendix
//! page, mostly list markers and initials, scored 0.96).

use std::collections::HashSet;
use std::sync::OnceLock;

const ENGLISH: &str = include_str!("../../data/words-en.txt");
const SPANISH: &str = include_str!("../../data/words-es.txt");

/// Shortest word counted, in letters.
const MIN_LETTERS: usize = 3;

/// Fewest counted (Latin-letter) words for the language share to decide
/// a page; a page with fewer is judged by its shape and its coverage
/// (court headers and Bates stamps have 10 to 15 such words, exhibit
/// cover sheets and signature pages not many more, and names, case
/// numbers and abbreviations weigh too much among so few).
pub const MIN_WORDS: usize = 20;

/// Least share of a page's counted words found in the English or Spanish
/// list for its text layer to read as language.
///
/// Measured on `../shared/corpus/foia` (pdftotext's layer, pages of at
/// least 20 counted words): the Second Circuit opinion's 40 pages score
/// 0.655 to 0.834 (median 0.755); the joint appendix's 164 such pages
/// 0.404 to 0.953 (median 0.81; the lowest is a table of
/// "8-Excluded/Removed - Inadmissibility" rows). The same pages with
/// every letter shifted by 3 score at most 0.028 (median 0). A French
/// paragraph scores about 0.28 and a Portuguese one about 0.17: other
/// Latin-script languages are kept when they sit above the line, and
/// only read by OCR (slower, not lost) below it.
pub const MIN_SHARE: f64 = 0.15;

/// The words of a text layer, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordCount {
    /// Words of Latin letters, of at least [`MIN_LETTERS`].
    pub latin: usize,
    /// Of those, how many are in the English or Spanish list.
    pub known: usize,
    /// Words of at least [`MIN_LETTERS`] letters of other scripts.
    pub other: usize,
}

impl WordCount {
    /// The share of Latin words that are known, 0 when there are none.
    pub fn share(&self) -> f64 {
        if self.latin == 0 {
            0.0
        } else {
            self.known as f64 / self.latin as f64
        }
    }
}

/// Counts the words of `text` and how many of them are English or
/// Spanish.
pub fn count(text: &str) -> WordCount {
    let known_words = words();
    let mut count = WordCount::default();
    let mut folded = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.chars().count() < MIN_LETTERS {
            continue;
        }
        if !word.chars().all(super::is_latin_letter) {
            count.other += 1;
            continue;
        }
        count.latin += 1;
        folded.clear();
        folded.extend(word.chars().map(fold));
        if known_words.contains(folded.as_str()) {
            count.known += 1;
        }
    }
    count
}

/// Both lists, folded, in one set.
fn words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        ENGLISH
            .lines()
            .chain(SPANISH.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|w| w.chars().map(fold).collect())
            .collect()
    })
}

/// Lower case without accents: a layer or a list may drop or keep them
/// ("detencion", "detención"), and a word is the same word either way.
fn fold(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_loaded_without_their_headers() {
        let words = words();
        assert!(words.len() > 9_000, "{} words", words.len());
        assert!(words.contains("the") && words.contains("agency"));
        assert!(words.contains("tambien"), "accents folded");
        assert!(!words.iter().any(|w| w.starts_with('#') || w.contains(' ')));
    }

    #[test]
    fn english_and_spanish_words_are_known_and_shifted_ones_are_not() {
        let english = count("The agency shall make the records promptly available to any person");
        assert_eq!(english.latin, 10);
        assert!(english.share() > 0.8, "{english:?}");
        let spanish = count("La agencia detuvo a la activista después de la huelga de hambre");
        assert!(spanish.share() > 0.5, "{spanish:?}");
        let shifted = count("Wkh djhqfb vkdoo pdnh wkh uhfrugv surpswob dydlodeoh wr dqb shuvrq");
        assert_eq!(shifted.latin, 10);
        assert!(shifted.share() < MIN_SHARE, "{shifted:?}");
    }

    #[test]
    fn other_scripts_are_counted_apart() {
        let arabic = count("مرحبا بكم في المحكمة العليا للولايات المتحدة");
        assert_eq!(arabic.latin, 0);
        assert!(arabic.other >= 5, "{arabic:?}");
        assert_eq!(arabic.share(), 0.0);
    }
}
