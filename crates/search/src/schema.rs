//! The index's fields and text analysis.
//!
//! Text is indexed twice: `text` folded (lower case, accents removed:
//! José = jose, Peña = pena) for ordinary queries, and `exact` as written
//! (case and accents kept) for the exact mode used with names.

use tantivy::Index;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

pub const FOLDED: &str = "testimonio_folded";
pub const EXACT: &str = "testimonio_exact";

/// The index's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Unique per entry: `p:DOC:PAGE` or `e:EVENT`.
    pub key: Field,
    /// The document (or event) id.
    pub doc: Field,
    /// `page` or `event`.
    pub kind: Field,
    pub page: Field,
    pub text: Field,
    pub exact: Field,
    pub source: Field,
    pub foia: Field,
    /// Days since 1970-01-01 of the document's or event's date.
    pub day: Field,
    pub year: Field,
    pub lang: Field,
    pub person: Field,
    pub group: Field,
    /// A stable hash of `key`: the order of equal scores, so paging is stable.
    pub order: Field,
}

pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text_options = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        key: builder.add_text_field("key", STRING | STORED),
        doc: builder.add_text_field("doc", STRING | STORED | FAST),
        kind: builder.add_text_field("kind", STRING | STORED | FAST),
        page: builder.add_u64_field("page", STORED | FAST),
        text: builder.add_text_field("text", text_options(FOLDED)),
        exact: builder.add_text_field("exact", text_options(EXACT)),
        source: builder.add_text_field("source", STRING | FAST),
        foia: builder.add_text_field("foia", STRING | FAST),
        day: builder.add_i64_field("day", INDEXED | FAST),
        year: builder.add_u64_field("year", INDEXED | FAST),
        lang: builder.add_text_field("lang", STRING | FAST),
        person: builder.add_text_field("person", STRING | FAST),
        group: builder.add_text_field("group", STRING | FAST),
        order: builder.add_u64_field("order", FAST),
    };
    (builder.build(), fields)
}

/// Lower case, accents folded; words longer than 64 bytes dropped.
pub fn folded_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// As written: case and accents kept.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .build()
}

pub fn register_tokenizers(index: &Index) {
    index.tokenizers().register(FOLDED, folded_analyzer());
    index.tokenizers().register(EXACT, exact_analyzer());
}

/// The tokens of `text` under an analyzer, with their byte offsets.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.offset_from, t.offset_to));
    }
    out
}

/// A rough language guess from common words: `eng`, `spa` or `und`.
pub fn guess_language(text: &str) -> &'static str {
    const ENGLISH: &[&str] = &[
        "the", "and", "of", "to", "that", "is", "was", "for", "with", "on",
    ];
    const SPANISH: &[&str] = &[
        "el", "la", "de", "que", "y", "los", "las", "en", "del", "por", "con", "una",
    ];
    let (mut en, mut es) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()).take(2000) {
        let lower = word.to_lowercase();
        if ENGLISH.contains(&lower.as_str()) {
            en += 1;
        }
        if SPANISH.contains(&lower.as_str()) {
            es += 1;
        }
    }
    if en + es < 3 {
        "und"
    } else if es > en {
        "spa"
    } else {
        "eng"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_accents_but_exact_keeps_them() {
        let folded: Vec<String> = tokens(&mut folded_analyzer(), "José PEÑA, 2025-ICLI-00019")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(folded, ["jose", "pena", "2025", "icli", "00019"]);
        let exact: Vec<String> = tokens(&mut exact_analyzer(), "José PEÑA")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(exact, ["José", "PEÑA"]);
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
}
