//! Does a PDF page's text layer carry the page, or must it be OCRed?
//!
//! Agency releases often carry text layers whose fonts lack a usable
//! encoding: the text extracts as symbols, private-use characters or
//! consonant soup ([`judge`]'s shape test, script-neutral: Arabic or
//! Greek text is fine; only Latin-letter words are checked for vowels),
//! or as letters shifted into non-words ([`language`]: the share of
//! English and Spanish words). And scans often carry a text layer that is
//! only a stamp: a court header, a Bates number ([`coverage`]: a sliver
//! of text on a page an image fills). [`decide`] puts the two together
//! into the page's [`PageDecision`], stored with the page.

pub mod coverage;
pub mod language;

use testimonio_domain::PageDecision;

pub use coverage::Coverage;

/// The verdict on one page's text layer, from its text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextLayer {
    /// Real text: enough words, and they read as English or Spanish (or
    /// are words of another script).
    Good,
    /// Real-looking text, too few words to judge by language: its
    /// coverage decides.
    Short,
    /// Little or no text: probably a scanned image.
    Missing,
    /// Symbols, private-use codes or consonant soup.
    Garbage,
    /// Letters and vowels, but not English or Spanish words.
    NotLanguage,
}

/// Fewer visible characters than this: treat the page as having no text.
const MIN_CHARS: usize = 12;

/// Judges a page's extracted text.
pub fn judge(text: &str) -> TextLayer {
    let mut visible = 0usize;
    let mut alphanumeric = 0usize;
    let mut suspicious = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        if c.is_alphanumeric() {
            alphanumeric += 1;
        }
        if c == '\u{FFFD}' || c.is_control() || ('\u{E000}'..='\u{F8FF}').contains(&c) {
            suspicious += 1;
        }
    }
    if visible < MIN_CHARS {
        return TextLayer::Missing;
    }
    if suspicious * 20 > visible || alphanumeric * 2 < visible {
        return TextLayer::Garbage;
    }
    let mut latin_words = 0usize;
    let mut with_vowel = 0usize;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.chars().count() < 3 || !word.chars().all(is_latin_letter) {
            continue;
        }
        latin_words += 1;
        if word.chars().any(is_vowel) {
            with_vowel += 1;
        }
    }
    // With enough words, the language share says more than vowels do
    // (shifted letters keep many of them); on fewer, vowels still catch
    // consonant soup.
    let words = language::count(text);
    if words.latin >= language::MIN_WORDS {
        if words.share() < language::MIN_SHARE {
            TextLayer::NotLanguage
        } else {
            TextLayer::Good
        }
    } else if latin_words >= 8 && with_vowel * 10 < latin_words * 7 {
        TextLayer::Garbage
    } else if words.latin + words.other >= language::MIN_WORDS {
        // Mostly another script: the lists cannot tell, the shape test did.
        TextLayer::Good
    } else {
        TextLayer::Short
    }
}

/// The page's decision from its text layer's verdict and, when measured,
/// what covers the page. A layer that reads as language is still a stamp
/// when an image fills the page and the layer covers a sliver of it;
/// a layer that does not read is OCRed whatever covers the page.
pub fn decide(layer: TextLayer, coverage: Option<&Coverage>) -> PageDecision {
    let stamp = coverage.is_some_and(Coverage::is_stamp_on_image);
    match layer {
        TextLayer::Missing => PageDecision::NoTextLayer,
        TextLayer::Garbage => PageDecision::GarbageSymbols,
        TextLayer::NotLanguage => PageDecision::NotLanguage,
        TextLayer::Good | TextLayer::Short if stamp => PageDecision::ImagePageWithStamp,
        TextLayer::Good => PageDecision::TextLayerGood,
        TextLayer::Short => PageDecision::ShortTextLayer,
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{C0}'..='\u{24F}').contains(&c) && c != '×' && c != '÷')
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'á'
            | 'é'
            | 'í'
            | 'ó'
            | 'ú'
            | 'à'
            | 'è'
            | 'ì'
            | 'ò'
            | 'ù'
            | 'â'
            | 'ê'
            | 'î'
            | 'ô'
            | 'û'
            | 'ä'
            | 'ë'
            | 'ï'
            | 'ö'
            | 'ü'
            | 'ã'
            | 'õ'
            | 'å'
            | 'æ'
            | 'ø'
            | 'œ'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "The agency shall make the records promptly available to any \
        person who asks for them, and it shall answer every request within twenty working \
        days of receiving it, unless unusual circumstances require more time for the search.";

    /// Every letter moved three places on, as a broken font encoding does.
    fn shifted(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                'a'..='z' => char::from(b'a' + (c as u8 - b'a' + 3) % 26),
                'A'..='Z' => char::from(b'A' + (c as u8 - b'A' + 3) % 26),
                c => c,
            })
            .collect()
    }

    #[test]
    fn ordinary_english_and_spanish_text_is_good() {
        assert_eq!(judge(ENGLISH), TextLayer::Good);
        assert_eq!(
            judge(
                "La agencia detuvo a la activista después de la huelga de hambre en Tacoma, \
                 y los agentes volvieron a su casa dos semanas más tarde para preguntar por \
                 ella y por las otras personas que habían participado en la protesta."
            ),
            TextLayer::Good
        );
        let arabic = "مرحبا بكم في المحكمة العليا للولايات المتحدة الأمريكية ";
        assert_eq!(judge(&arabic.repeat(4)), TextLayer::Good);
    }

    #[test]
    fn shifted_letters_are_not_language() {
        let text = shifted(ENGLISH);
        assert!(text.starts_with("Wkh djhqfb vkdoo"), "{text}");
        assert_eq!(judge(&text), TextLayer::NotLanguage);
    }

    #[test]
    fn a_few_words_are_short_not_misjudged() {
        // A court's header stamp, and the same shifted: too few words for
        // the language share either way; coverage decides.
        let stamp = "Case 1:21-cv-01234 Document 52 Filed 03/04/21 Page 1 of 15";
        assert_eq!(judge(stamp), TextLayer::Short);
        assert_eq!(judge(&shifted(stamp)), TextLayer::Short);
        assert_eq!(
            judge("Respectfully submitted, Xochitl Tlapalcoyoa"),
            TextLayer::Short
        );
    }

    #[test]
    fn the_decision_puts_verdict_and_coverage_together() {
        let stamp = Coverage {
            image: 1.0,
            text: 0.018,
        };
        let typed = Coverage {
            image: 0.6,
            text: 0.2,
        };
        assert_eq!(decide(TextLayer::Good, None), PageDecision::TextLayerGood);
        assert_eq!(
            decide(TextLayer::Good, Some(&typed)),
            PageDecision::TextLayerGood
        );
        assert_eq!(decide(TextLayer::Short, None), PageDecision::ShortTextLayer);
        assert_eq!(
            decide(TextLayer::Short, Some(&stamp)),
            PageDecision::ImagePageWithStamp
        );
        assert_eq!(
            decide(TextLayer::Good, Some(&stamp)),
            PageDecision::ImagePageWithStamp
        );
        assert_eq!(
            decide(TextLayer::Missing, Some(&stamp)),
            PageDecision::NoTextLayer
        );
        assert_eq!(
            decide(TextLayer::NotLanguage, None),
            PageDecision::NotLanguage
        );
        assert_eq!(
            decide(TextLayer::Garbage, None),
            PageDecision::GarbageSymbols
        );
        assert!(!PageDecision::TextLayerGood.ocr() && PageDecision::NotLanguage.ocr());
    }

    #[test]
    fn a_blank_or_nearly_blank_page_has_no_text_layer() {
        assert_eq!(judge(""), TextLayer::Missing);
        assert_eq!(judge("  \n 12 \n"), TextLayer::Missing);
    }

    #[test]
    fn broken_font_encodings_are_garbage() {
        // Symbol soup from a font without a usable encoding.
        assert_eq!(
            judge("!\"#$%&'()*+ ,-./0 !\"#$% &'()*+,-./"),
            TextLayer::Garbage
        );
        // Private-use glyph codes.
        assert_eq!(
            judge(
                "\u{E001}\u{E002}\u{E003}\u{E004}\u{E005}\u{E006}\u{E007}\u{E008}\u{E009}\u{E00A}\u{E00B}\u{E00C}\u{E00D}"
            ),
            TextLayer::Garbage
        );
        // Consonant soup: shifted letter codes.
        assert_eq!(
            judge("Tkq bgdmbx rkpcc wzfj thpq sdrt bcdf ghjk lmnp qrst vwxz bcdfg hjklm"),
            TextLayer::Garbage
        );
    }
}
