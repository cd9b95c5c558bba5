//! What the vault knows about an original document, beyond its bytes.

use testimonio_i18n::tr;

use crate::error::{FieldError, Problem};
use crate::lang::Lang;

/// Where a document came from. Codes are stable forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    FoiaProduction,
    CourtRecord,
    Email,
    Photo,
    Interview,
    News,
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 7] = [
        SourceKind::FoiaProduction,
        SourceKind::CourtRecord,
        SourceKind::Email,
        SourceKind::Photo,
        SourceKind::Interview,
        SourceKind::News,
        SourceKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SourceKind::FoiaProduction => "foia_production",
            SourceKind::CourtRecord => "court_record",
            SourceKind::Email => "email",
            SourceKind::Photo => "photo",
            SourceKind::Interview => "interview",
            SourceKind::News => "news",
            SourceKind::Other => "other",
        }
    }

    /// # Errors
    /// An unknown source-kind code.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "foia_production, court_record, email, photo, interview, news, other",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SourceKind::FoiaProduction => tr!(lang, "domain-source-foia-production"),
            SourceKind::CourtRecord => tr!(lang, "domain-source-court-record"),
            SourceKind::Email => tr!(lang, "domain-source-email"),
            SourceKind::Photo => tr!(lang, "domain-source-photo"),
            SourceKind::Interview => tr!(lang, "domain-source-interview"),
            SourceKind::News => tr!(lang, "domain-source-news"),
            SourceKind::Other => tr!(lang, "domain-source-other"),
        }
    }
}

/// How far text extraction got for a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExtractionStatus {
    /// Stored, text not extracted (yet): added with `document add`, or an
    /// ingest that has not reached it.
    Stored,
    /// Every page has text (or is honestly blank).
    Ok,
    /// Some pages or attachments could not be read; the rest is there.
    Partial,
    /// No text could be read; the original is kept.
    Failed,
}

impl ExtractionStatus {
    pub const ALL: [ExtractionStatus; 4] = [
        ExtractionStatus::Stored,
        ExtractionStatus::Ok,
        ExtractionStatus::Partial,
        ExtractionStatus::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ExtractionStatus::Stored => "stored",
            ExtractionStatus::Ok => "ok",
            ExtractionStatus::Partial => "partial",
            ExtractionStatus::Failed => "failed",
        }
    }

    /// # Errors
    /// An unknown status code.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "stored, ok, partial, failed",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ExtractionStatus::Stored => tr!(lang, "domain-extraction-stored"),
            ExtractionStatus::Ok => tr!(lang, "domain-extraction-ok"),
            ExtractionStatus::Partial => tr!(lang, "domain-extraction-partial"),
            ExtractionStatus::Failed => tr!(lang, "domain-extraction-failed"),
        }
    }

    /// The worse of two statuses: a document is as good as its worst part.
    #[must_use]
    pub fn worst(self, other: ExtractionStatus) -> ExtractionStatus {
        self.max(other)
    }
}

/// How a page's text was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextMethod {
    /// The PDF's own text layer.
    TextLayer,
    /// Optical character recognition of the rendered page or image.
    Ocr,
    /// Headers and body of an email message.
    Email,
    /// A plain-text file.
    Plain,
    /// An HTML file, converted to text.
    Html,
    /// Nothing could be read from the page.
    None,
}

impl TextMethod {
    pub const ALL: [TextMethod; 6] = [
        TextMethod::TextLayer,
        TextMethod::Ocr,
        TextMethod::Email,
        TextMethod::Plain,
        TextMethod::Html,
        TextMethod::None,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TextMethod::TextLayer => "text_layer",
            TextMethod::Ocr => "ocr",
            TextMethod::Email => "email",
            TextMethod::Plain => "plain",
            TextMethod::Html => "html",
            TextMethod::None => "none",
        }
    }

    /// # Errors
    /// An unknown method code.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "text_layer, ocr, email, plain, html, none",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TextMethod::TextLayer => tr!(lang, "domain-text-method-text-layer"),
            TextMethod::Ocr => tr!(lang, "domain-text-method-ocr"),
            TextMethod::Email => tr!(lang, "domain-text-method-email"),
            TextMethod::Plain => tr!(lang, "domain-text-method-plain"),
            TextMethod::Html => tr!(lang, "domain-text-method-html"),
            TextMethod::None => tr!(lang, "domain-text-method-none"),
        }
    }
}

/// Why a PDF page's text is what it is: its text layer was kept, or the
/// page was OCRed, and for which reason. Stored per page (so a reader can
/// see why a page reads the way it does, and a later change of the rules
/// can find the pages decided by the old ones). Codes are stable forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageDecision {
    /// Kept: the text layer reads as English or Spanish (or as words of
    /// another script) and no image covers the page.
    TextLayerGood,
    /// Kept: too few words to judge by language, and no image covers most
    /// of the page.
    ShortTextLayer,
    /// OCRed: no text layer, or almost none.
    NoTextLayer,
    /// OCRed: the text layer is symbols, private-use codes or consonant
    /// soup (a font without a usable encoding).
    GarbageSymbols,
    /// OCRed: the text layer has letters and vowels, but its words are not
    /// English or Spanish (glyph codes shifted by a broken font encoding).
    NotLanguage,
    /// OCRed: an image covers most of the page and the text layer only a
    /// small part of it (a court header, a Bates stamp on a scan); the
    /// layer's text is kept after the OCR text.
    ImagePageWithStamp,
}

impl PageDecision {
    pub const ALL: [PageDecision; 6] = [
        PageDecision::TextLayerGood,
        PageDecision::ShortTextLayer,
        PageDecision::NoTextLayer,
        PageDecision::GarbageSymbols,
        PageDecision::NotLanguage,
        PageDecision::ImagePageWithStamp,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PageDecision::TextLayerGood => "text_layer_good",
            PageDecision::ShortTextLayer => "short_text_layer",
            PageDecision::NoTextLayer => "no_text_layer",
            PageDecision::GarbageSymbols => "garbage_symbols",
            PageDecision::NotLanguage => "not_language",
            PageDecision::ImagePageWithStamp => "image_page_with_stamp",
        }
    }

    /// # Errors
    /// An unknown decision code.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "text_layer_good, short_text_layer, no_text_layer, garbage_symbols, not_language, image_page_with_stamp",
                    },
                )
            })
    }

    /// Whether the page is read by OCR rather than from its text layer.
    pub fn ocr(self) -> bool {
        !matches!(
            self,
            PageDecision::TextLayerGood | PageDecision::ShortTextLayer
        )
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PageDecision::TextLayerGood => tr!(lang, "domain-page-decision-text-layer-good"),
            PageDecision::ShortTextLayer => tr!(lang, "domain-page-decision-short-text-layer"),
            PageDecision::NoTextLayer => tr!(lang, "domain-page-decision-no-text-layer"),
            PageDecision::GarbageSymbols => tr!(lang, "domain-page-decision-garbage-symbols"),
            PageDecision::NotLanguage => tr!(lang, "domain-page-decision-not-language"),
            PageDecision::ImagePageWithStamp => {
                tr!(lang, "domain-page-decision-image-page-with-stamp")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::parse("source_kind", k.code()).unwrap(), k);
            assert!(!k.label(Lang::Es).is_empty());
        }
        for s in ExtractionStatus::ALL {
            assert_eq!(ExtractionStatus::parse("status", s.code()).unwrap(), s);
        }
        for m in TextMethod::ALL {
            assert_eq!(TextMethod::parse("method", m.code()).unwrap(), m);
        }
        for d in PageDecision::ALL {
            assert_eq!(PageDecision::parse("decision", d.code()).unwrap(), d);
            assert!(!d.label(Lang::Es).is_empty());
        }
        assert!(SourceKind::parse("source_kind", "rumour").is_err());
    }

    #[test]
    fn a_document_is_as_good_as_its_worst_part() {
        use ExtractionStatus::*;
        assert_eq!(Ok.worst(Partial), Partial);
        assert_eq!(Failed.worst(Ok), Failed);
        assert_eq!(Ok.worst(Ok), Ok);
    }
}

/// A tag on an excerpt: one of the known tags (with labels in both
/// languages) or a project's own, in `snake_case`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExcerptTag(String);

impl ExcerptTag {
    /// The tags every project shares, with their labels as data (pages
    /// show [`Self::label`], from the catalog).
    pub const KNOWN: [(&'static str, &'static str, &'static str); 8] = [
        ("animus", "Animus", "Animadversión"),
        ("surveillance", "Surveillance", "Vigilancia"),
        (
            "protest_monitoring",
            "Protest monitoring",
            "Monitoreo de protestas",
        ),
        (
            "targeting_leader",
            "Targeting a leader",
            "Ataque a un liderazgo",
        ),
        ("informant", "Informant", "Informante"),
        ("press_activity", "Press activity", "Actividad de prensa"),
        ("retaliation", "Retaliation", "Represalia"),
        ("timing", "Timing", "Momento"),
    ];

    /// # Errors
    /// Not 2–40 characters of `a-z`, `0-9` and `_` starting with a letter.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let value = value.trim();
        let ok = (2..=40).contains(&value.len())
            && value.starts_with(|c: char| c.is_ascii_lowercase())
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            Ok(Self(value.to_owned()))
        } else {
            Err(FieldError::new(
                field,
                Problem::BadCharacters {
                    allowed: "a-z, 0-9 and _ (snake_case), 2-40 characters",
                },
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The known tags, in the order of [`Self::KNOWN`].
    pub fn known() -> impl Iterator<Item = ExcerptTag> {
        Self::KNOWN
            .iter()
            .map(|(code, _, _)| Self((*code).to_owned()))
    }

    /// The known tag's label from the catalog (`domain.ftl`), or the tag
    /// itself.
    pub fn label(&self, lang: Lang) -> &str {
        match self.0.as_str() {
            "animus" => tr!(lang, "domain-tag-animus"),
            "surveillance" => tr!(lang, "domain-tag-surveillance"),
            "protest_monitoring" => tr!(lang, "domain-tag-protest-monitoring"),
            "targeting_leader" => tr!(lang, "domain-tag-targeting-leader"),
            "informant" => tr!(lang, "domain-tag-informant"),
            "press_activity" => tr!(lang, "domain-tag-press-activity"),
            "retaliation" => tr!(lang, "domain-tag-retaliation"),
            "timing" => tr!(lang, "domain-tag-timing"),
            own => own,
        }
    }
}

#[cfg(test)]
mod tag_tests {
    use super::*;

    #[test]
    fn tags_are_snake_case_and_known_ones_have_labels() {
        let tag = ExcerptTag::parse("tag", "animus").unwrap();
        assert_eq!(tag.label(Lang::Es), "Animadversión");
        assert_eq!(
            ExcerptTag::parse("tag", "clinic_specific")
                .unwrap()
                .label(Lang::En),
            "clinic_specific"
        );
        assert!(ExcerptTag::parse("tag", "Animus").is_err());
        assert!(ExcerptTag::parse("tag", "a").is_err());
        assert!(ExcerptTag::parse("tag", "has space").is_err());
        for (code, _, _) in ExcerptTag::KNOWN {
            assert!(ExcerptTag::parse("tag", code).is_ok());
        }
    }
}
