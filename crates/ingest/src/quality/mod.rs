//! Is a PDF page's text layer worth keeping, or is it gibberish?
//!
//! Agency releases often carry text layers whose fonts lack a usable
//! encoding: the text extracts as symbols, private-use characters or
//! consonant soup. Such pages are rasterized and OCRed instead. The test
//! is deliberately script-neutral (Arabic or Greek text is fine); only
//! Latin-letter words are checked for vowels.

/// The verdict on one page's text layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextLayer {
    /// Real text.
    Good,
    /// Little or no text: probably a scanned image.
    Missing,
    /// Text that does not read as language.
    Garbage,
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
    if latin_words >= 8 && with_vowel * 10 < latin_words * 7 {
        return TextLayer::Garbage;
    }
    TextLayer::Good
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

    #[test]
    fn ordinary_english_and_spanish_text_is_good() {
        assert_eq!(
            judge("The agency shall make the records promptly available to any person."),
            TextLayer::Good
        );
        assert_eq!(
            judge("La agencia detuvo a la activista después de la huelga de hambre en Tacoma."),
            TextLayer::Good
        );
        assert_eq!(
            judge("مرحبا بكم في المحكمة العليا للولايات المتحدة الأمريكية"),
            TextLayer::Good
        );
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
