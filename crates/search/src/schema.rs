//! The index's fields and text analysis.
//!
//! Text is indexed four times: `text` folded (lower case, accents removed:
//! José = jose, Peña = pena) for the words as typed, prefixes and fuzzy
//! matches; `exact` as written (case and accents kept) for the exact mode
//! used with names; `text_en` and `text_es` folded and stemmed, for the
//! other forms of a word ([`crate::stemming`] says why two fields, and
//! which pages are in each).
//!
//! The schema is the index's format, [`SCHEMA_VERSION`]: an index whose
//! schema is not this build's (fields, their options, their analyzers'
//! names) is rebuilt, never read ([`crate::SearchIndex::open_current`]).
//! Changing what an analyzer does without changing the fields means
//! renaming its tokenizer, so that the schema changes too.

use tantivy::Index;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

use crate::stemming::stemmed_analyzer;

pub const FOLDED: &str = "testimonio_folded";
pub const EXACT: &str = "testimonio_exact";
pub const STEM_EN: &str = "testimonio_stem_en";
pub const STEM_ES: &str = "testimonio_stem_es";

/// The version of the schema: 1 had no stemmed fields; 2 adds `text_en`
/// and `text_es`. Written with every commit and checked at open, beside
/// the schema itself.
pub const SCHEMA_VERSION: u32 = 2;

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
    /// Folded and stemmed in English (see [`crate::stemming`]).
    pub text_en: Field,
    /// Folded and stemmed in Spanish.
    pub text_es: Field,
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
        text_en: builder.add_text_field("text_en", text_options(STEM_EN)),
        text_es: builder.add_text_field("text_es", text_options(STEM_ES)),
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
    index
        .tokenizers()
        .register(STEM_EN, stemmed_analyzer(Language::English));
    index
        .tokenizers()
        .register(STEM_ES, stemmed_analyzer(Language::Spanish));
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
}
