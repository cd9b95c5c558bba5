//! Word forms: `proceeding` finds "proceedings", `instigadora` finds
//! "instigadoras", in English and in Spanish.
//!
//! Besides `text` (folded: the word as typed, case and accents ignored)
//! and `exact` (as written), a page is indexed in two stemmed fields:
//! `text_en` (Snowball's English stemmer) and `text_es` (its Spanish
//! one), both over the folded words, so that a stem does not depend on
//! whether someone typed the accents. A word, phrase or NEAR of a query
//! is looked up in all three, each with the query's words analysed the
//! same way, and the three are OR'ed; the word as typed scores higher,
//! so pages with that very form come first. Prefix (`inst*`) and fuzzy
//! (`name~1`) queries, which already reach other forms, and `exact:` stay
//! on the unstemmed fields.
//!
//! **Why two fields, and why a page is in both unless it is plainly in one
//! language.** Productions mix languages within documents and within
//! pages: a Spanish declaration with its English translation on the same
//! page, an English opinion quoting a Spanish witness, a form whose
//! printed labels are English and whose answers are Spanish, OCR text too
//! short or too garbled to tell. One stemmed field with each page's text
//! stemmed by the page's detected language would make the other
//! language's forms on such a page unfindable, and would look every
//! query up with both stems in one field, where an English stem can meet
//! a Spanish page's unrelated Spanish stem. With a field per language,
//! each stem meets only words stemmed the same way. A page is left out
//! of a language's field only when it is plainly in the other language
//! alone ([`stemming_languages`]: at least [`SURE`] of the other
//! language's common words and at most [`STRAY`] of this language's, or
//! one for every [`RATIO`] of them on a long page), which spares
//! monolingual pages the other
//! stemmer's conflations (the Spanish stemmer makes English "pen" and
//! "pens" the stem of "pena"; the Spanish "casa" and the English "cases"
//! share one). Everything else is in both: a word form missed is a page
//! nobody reads, a stray match costs a glance and ranks below the exact
//! form.
//!
//! Snowball is a set of suffix rules, not a dictionary: it joins most
//! inflections (plurals, feminines, -ing and -ed) but not all (Spanish
//! "mujer" and "mujeres" stem apart); a prefix (`mujer*`) reaches those.
//!
//! The language is detected here, from the page's text, when it is
//! indexed (ingest stores no language for a page), by counting common
//! words, the same count that sets the `lang` filter and facet
//! ([`guess_language`]); the highlighter counts again on the same text,
//! so it marks exactly the words the index matched.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// Common words that say a text is (partly) English.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "that", "is", "was", "for", "with", "on",
];

/// Common words that say a text is (partly) Spanish.
const SPANISH: &[&str] = &[
    "el", "la", "de", "que", "y", "los", "las", "en", "del", "por", "con", "una",
];

/// Common words of one language a text needs before it can be plainly
/// in that language alone.
pub const SURE: usize = 10;

/// A text plainly in one language alone has at most `STRAY` common words
/// of the other ("y" for a footnote letter, "Los Angeles" or "de novo" in
/// an English opinion, whose pages have 30 to 60 common English words;
/// a Spanish sentence has more)…
pub const STRAY: usize = 2;

/// …or, on a long page, one for every `RATIO` of its own.
pub const RATIO: usize = 25;

/// The stemmed fields a text is indexed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Languages {
    pub english: bool,
    pub spanish: bool,
}

/// Counts the common English and Spanish words among the first `limit`
/// words of `text`.
fn common_words(text: &str, limit: usize) -> (usize, usize) {
    let (mut en, mut es) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()).take(limit) {
        if word.is_empty() || word.len() > 5 {
            continue;
        }
        let lower = word.to_lowercase();
        en += usize::from(ENGLISH.contains(&lower.as_str()));
        es += usize::from(SPANISH.contains(&lower.as_str()));
    }
    (en, es)
}

/// A rough language guess from common words: `eng`, `spa` or `und` (the
/// `lang` filter and facet).
pub fn guess_language(text: &str) -> &'static str {
    let (en, es) = common_words(text, 2000);
    if en + es < 3 {
        "und"
    } else if es > en {
        "spa"
    } else {
        "eng"
    }
}

/// The stemmed fields `text` goes in: both, unless it is plainly in one
/// language alone (see the module's documentation).
pub fn stemming_languages(text: &str) -> Languages {
    let (en, es) = common_words(text, usize::MAX);
    let alone = |mine: usize, other: usize| mine >= SURE && other <= STRAY.max(mine / RATIO);
    Languages {
        english: !alone(es, en),
        spanish: !alone(en, es),
    }
}

/// Lower case, accents folded, then stemmed in `language`; words longer
/// than 64 bytes dropped. The same words, at the same offsets, as the
/// folded analyzer, each replaced by its stem.
pub fn stemmed_analyzer(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(language))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::tokens;

    fn stems(language: Language, text: &str) -> Vec<String> {
        tokens(&mut stemmed_analyzer(language), text)
            .into_iter()
            .map(|t| t.0)
            .collect()
    }

    #[test]
    fn word_forms_share_a_stem_in_their_language() {
        let en = |t| stems(Language::English, t);
        let es = |t| stems(Language::Spanish, t);
        assert_eq!(en("proceeding"), en("Proceedings"));
        assert_eq!(en("protesters"), en("protester"));
        assert_eq!(es("instigadora"), es("INSTIGADORAS"));
        assert_eq!(es("instigadora"), es("instigadores"));
        // Rules, not a dictionary: not every pair meets.
        assert_ne!(es("mujer"), es("mujeres"));
        // Accents are folded before stemming: typed with or without them,
        // a word stems alike.
        assert_eq!(es("detención"), es("detencion"));
        assert_eq!(es("Peña"), es("pena"));
        // Offsets are the folded analyzer's.
        let folded = tokens(
            &mut crate::schema::folded_analyzer(),
            "Las instigadoras, 2025",
        );
        let stemmed = tokens(
            &mut stemmed_analyzer(Language::Spanish),
            "Las instigadoras, 2025",
        );
        let offsets = |t: &[(String, usize, usize)]| -> Vec<(usize, usize)> {
            t.iter().map(|t| (t.1, t.2)).collect()
        };
        assert_eq!(offsets(&folded), offsets(&stemmed));
    }

    #[test]
    fn languages_are_guessed_from_common_words() {
        assert_eq!(
            guess_language("The officer said that the protest was loud"),
            "eng"
        );
        assert_eq!(
            guess_language("La activista dijo que los agentes de la oficina"),
            "spa"
        );
        assert_eq!(guess_language("2025 ICLI"), "und");
    }

    #[test]
    fn a_page_is_in_both_stemmed_fields_unless_plainly_in_one_language() {
        let both = Languages {
            english: true,
            spanish: true,
        };
        let english = "The officer said that the protest was loud and that the vigil \
            was on the corner of the street, with the families of the detained. ";
        let spanish = "La activista dijo que los agentes de la oficina llamaron \
            instigadoras a las mujeres de la vigilia y que el director habló con la prensa. ";
        assert_eq!(
            stemming_languages(&english.repeat(3)),
            Languages {
                english: true,
                spanish: false
            }
        );
        assert_eq!(
            stemming_languages(spanish),
            Languages {
                english: false,
                spanish: true
            }
        );
        // "Los Angeles" or "de novo" in an English page leaves it English.
        assert!(!stemming_languages(&format!("{english} Los Angeles, de novo")).spanish);
        // A Spanish sentence in it, a bilingual page, a short or unknown one:
        // both.
        assert_eq!(
            stemming_languages(&format!("{}{spanish}", english.repeat(6))),
            both
        );
        assert_eq!(stemming_languages(&format!("{english}{spanish}")), both);
        assert_eq!(stemming_languages("Instigadoras. Proceedings."), both);
        assert_eq!(stemming_languages("ICE 000123 A-123-456-789"), both);
    }
}
