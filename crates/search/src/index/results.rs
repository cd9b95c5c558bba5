//! Searching: a query in, one page of hits with snippets, the total and
//! the facets out.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::schema::{TantivyDocument, Value};
use tantivy::{DocAddress, DocId, Score, SegmentReader};
use testimonio_domain::Lang;
use testimonio_vault::{Vault, VaultError};

use super::facets::{FacetCollector, Facets};
use super::{IndexError, SearchIndex};
use crate::compile::compile;
use crate::highlight::{Snippet, snippet};
use crate::query::{QueryError, parse, positive_text};

/// A search that could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query is malformed: tell the user where and why.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// Something else: not the user's fault.
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Index(IndexError::Tantivy(e))
    }
}

impl From<VaultError> for SearchError {
    fn from(e: VaultError) -> Self {
        SearchError::Index(IndexError::Vault(e))
    }
}

/// A hit without its snippet: the document (or event) id, the page, the
/// score.
pub type IdHit = (String, Option<u32>, f32);

/// What kind of thing a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Page,
    Event,
}

/// One result: a page of a document (or an event), with its snippet.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    /// The document's id (or the event's).
    pub id: String,
    pub page: Option<u32>,
    pub score: f32,
    pub snippet: Snippet,
}

/// A page of results.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub query: String,
    pub total: u64,
    pub offset: usize,
    pub limit: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

impl SearchIndex {
    /// Runs a query for ids only: (total, [(id, page, score)]), no
    /// snippets and no vault reads: for benchmarks.
    ///
    /// # Errors
    /// As [`SearchIndex::search`].
    pub fn search_ids(
        &self,
        query: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<IdHit>), SearchError> {
        self.search_ids_unchecked(query, offset, limit)
            .map_err(|e| self.checked_search(e))
    }

    /// A search error, or the damaged block behind it: see
    /// [`SearchIndex::checked`].
    fn checked_search(&self, error: SearchError) -> SearchError {
        match error {
            SearchError::Index(e) => SearchError::Index(self.checked(e)),
            query => query,
        }
    }

    fn search_ids_unchecked(
        &self,
        query: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<IdHit>), SearchError> {
        let node = parse(query)?;
        let compiled = compile(&node, &self.fields)?;
        let searcher = self.reader.searcher();
        let top = tantivy::collector::TopDocs::with_limit(limit.clamp(1, 1000))
            .and_offset(offset)
            .order_by_score();
        let (top, total) = searcher.search(&compiled, &(top, Count))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            let id = stored
                .get_first(self.fields.doc)
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let page = stored
                .get_first(self.fields.page)
                .and_then(|v| v.as_u64())
                .map(|n| n as u32);
            hits.push((id, page, score));
        }
        Ok((total as u64, hits))
    }

    /// Runs a query: one page of hits (best first; equal scores in a fixed
    /// order, so paging is stable), the total, and facets over every match.
    ///
    /// # Errors
    /// [`SearchError::Query`] for a malformed query (the user's to fix);
    /// [`SearchError::Index`] otherwise.
    pub fn search(
        &self,
        vault: &Vault,
        query: &str,
        offset: usize,
        limit: usize,
    ) -> Result<SearchResults, SearchError> {
        self.search_unchecked(vault, query, offset, limit)
            .map_err(|e| self.checked_search(e))
    }

    fn search_unchecked(
        &self,
        vault: &Vault,
        query: &str,
        offset: usize,
        limit: usize,
    ) -> Result<SearchResults, SearchError> {
        let node = parse(query)?;
        let compiled = compile(&node, &self.fields)?;
        let searcher = self.reader.searcher();
        let limit = limit.clamp(1, 1000);
        // Past the last entry there is nothing: do not ask tantivy to keep
        // `offset` hits in memory to find that out.
        let offset = offset.min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX));
        // Each segment's order column, opened here where a failure (a
        // damaged block) can be returned rather than inside the collector.
        let mut orders = HashMap::new();
        for segment in searcher.segment_readers() {
            let order = segment.fast_fields().u64("order")?.first_or_default_col(0);
            orders.insert(segment.segment_id(), order);
        }
        let top = tantivy::collector::TopDocs::with_limit(limit)
            .and_offset(offset)
            .tweak_score(move |segment: &SegmentReader| {
                let order = orders.get(&segment.segment_id()).cloned();
                move |doc: DocId, score: Score| {
                    let order = order.as_ref().map_or(0, |o| o.get_val(doc));
                    (score, std::cmp::Reverse(order))
                }
            });
        let (top, total, facets) = searcher.search(&compiled, &(top, Count, FacetCollector))?;
        let leaves = positive_text(&node);
        let mut hits = Vec::with_capacity(top.len());
        for ((score, _), address) in top {
            hits.push(self.hit(vault, &searcher, address, score, &leaves)?);
        }
        Ok(SearchResults {
            query: query.to_owned(),
            total: total as u64,
            offset,
            limit,
            hits,
            facets,
        })
    }

    fn hit(
        &self,
        vault: &Vault,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        score: Score,
        leaves: &[&crate::query::TextQuery],
    ) -> Result<Hit, SearchError> {
        let stored: TantivyDocument = searcher.doc(address)?;
        let text_of = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        let id = text_of(self.fields.doc);
        let kind = if text_of(self.fields.kind) == "event" {
            HitKind::Event
        } else {
            HitKind::Page
        };
        let page = stored
            .get_first(self.fields.page)
            .and_then(|v| v.as_u64())
            .map(|n| n as u32);
        let text = match (kind, page) {
            (HitKind::Page, Some(n)) => vault
                .document_page(&id, n)?
                .map(|p| p.text)
                .unwrap_or_default(),
            _ => vault
                .indexable_event(&id)?
                .and_then(|e| e.narrative().map(|n| n.expose().to_owned()))
                .unwrap_or_default(),
        };
        Ok(Hit {
            kind,
            id,
            page,
            score,
            snippet: snippet(&text, leaves),
        })
    }
}

impl SearchError {
    /// The message for the user: the query problem in their language, or a
    /// generic sentence (internals go to the log, not to the user).
    pub fn user_message(&self, lang: Lang) -> String {
        match self {
            SearchError::Query(e) => e.message(lang),
            SearchError::Index(_) => testimonio_i18n::tr!(lang, "search-could-not-run").to_owned(),
        }
    }
}
