//! What the index holds for a page or an event, and how a vault change
//! replaces it.

use tantivy::schema::TantivyDocument;
use tantivy::{IndexWriter, Term, doc};
use testimonio_vault::{IndexTarget, Vault};

use super::{IndexError, SearchIndex, payload};
use crate::compile::day_number;
use crate::schema::Fields;
use crate::stemming::{guess_language, stemming_languages};

impl SearchIndex {
    /// Replaces the entries of one target; returns how many were written.
    pub(super) fn apply(
        &self,
        writer: &mut IndexWriter,
        vault: &Vault,
        target: &IndexTarget,
    ) -> Result<u64, IndexError> {
        let f = self.fields;
        match target {
            IndexTarget::Page { document, page } => {
                writer.delete_term(Term::from_field_text(
                    f.key,
                    &format!("p:{document}:{page}"),
                ));
                match vault.indexable_page(document, *page)? {
                    Some(p) => {
                        writer.add_document(self.page_doc(&p))?;
                        Ok(1)
                    }
                    None => Ok(0),
                }
            }
            IndexTarget::Document(document) => {
                writer.delete_term(Term::from_field_text(f.doc, document));
                let pages = vault.indexable_pages(document, None)?;
                for p in &pages {
                    writer.add_document(self.page_doc(p))?;
                }
                Ok(pages.len() as u64)
            }
            IndexTarget::Event(id) => {
                writer.delete_term(Term::from_field_text(f.key, &format!("e:{id}")));
                let Some(event) = vault.indexable_event(id)? else {
                    return Ok(0);
                };
                let mut text = String::new();
                if let Some(n) = event.narrative() {
                    text.push_str(n.expose());
                }
                if text.trim().is_empty() {
                    return Ok(0);
                }
                let key = format!("e:{id}");
                let day = event.date().earliest();
                let mut document = doc!(
                    f.key => key.clone(),
                    f.doc => id.clone(),
                    f.kind => "event",
                    f.text => text.clone(),
                    f.exact => text.clone(),
                    f.source => "event",
                    f.day => day_number(day),
                    f.year => u64::try_from(chrono::Datelike::year(&day)).unwrap_or(0),
                    f.lang => guess_language(&text),
                    f.order => order_of(&key),
                );
                add_stemmed(&f, &mut document, &text);
                for p in event.participants() {
                    document.add_text(f.person, p.person.as_str());
                }
                for g in event.groups() {
                    document.add_text(f.group, g.as_str());
                }
                writer.add_document(document)?;
                Ok(1)
            }
        }
    }

    fn page_doc(&self, p: &testimonio_vault::IndexablePage) -> TantivyDocument {
        let f = self.fields;
        let key = format!("p:{}:{}", p.document, p.page);
        let mut document = doc!(
            f.key => key.clone(),
            f.doc => p.document.clone(),
            f.kind => "page",
            f.page => u64::from(p.page),
            f.text => p.text.clone(),
            f.exact => p.text.clone(),
            f.source => p.source_kind.map_or("other", |k| k.code()),
            f.lang => guess_language(&p.text),
            f.order => order_of(&key),
        );
        add_stemmed(&f, &mut document, &p.text);
        if let Some(day) = p.day {
            document.add_i64(f.day, day_number(day));
            document.add_u64(
                f.year,
                u64::try_from(chrono::Datelike::year(&day)).unwrap_or(0),
            );
        }
        for request in &p.foia {
            document.add_text(f.foia, request);
        }
        document
    }

    /// Adds pages in bulk and commits once (for benchmarks and tools; a
    /// vault's pages reach its index through [`SearchIndex::catch_up`]).
    ///
    /// # Errors
    /// Index errors.
    pub fn add_pages(
        &mut self,
        pages: impl IntoIterator<Item = testimonio_vault::IndexablePage>,
    ) -> Result<u64, IndexError> {
        let _lock = self.writer_lock()?;
        let mut writer = self.writer()?;
        let mut added = 0;
        for page in pages {
            writer.add_document(self.page_doc(&page))?;
            added += 1;
        }
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&payload(self.applied()?));
        commit.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(added)
    }
}

/// `text` in the stemmed fields of the languages it may be in.
fn add_stemmed(f: &Fields, document: &mut TantivyDocument, text: &str) {
    let languages = stemming_languages(text);
    if languages.english {
        document.add_text(f.text_en, text);
    }
    if languages.spanish {
        document.add_text(f.text_es, text);
    }
}

/// A stable 64-bit order for an entry key (FNV-1a).
fn order_of(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
