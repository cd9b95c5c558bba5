//! What the search index reads from the vault: the queue of changes
//! (filled by triggers, migration 5), the searchable content of a page or
//! an event, and the key that seals the index's files.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use testimonio_domain::{Event, RecordId, SourceKind};

use crate::error::{Result, VaultError};
use crate::sealed::FileSealer;
use crate::vault::Vault;

/// Something whose index entries must be brought up to date.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IndexTarget {
    Page {
        document: String,
        page: u32,
    },
    /// Every page of the document.
    Document(String),
    Event(String),
}

/// A page as the index sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexablePage {
    pub document: String,
    pub page: u32,
    pub text: String,
    pub source_kind: Option<SourceKind>,
    pub foia: Vec<String>,
    /// The document's date: its own (read from it at ingest, else its FOIA
    /// production's received day), else the day it was obtained, else the
    /// day it was added — so `date:` and the year facet follow when the
    /// document was written, not when it reached the vault.
    pub day: Option<NaiveDate>,
    pub file_name: Option<String>,
}

impl Vault {
    /// The sealer for the search index's files.
    pub fn search_index_sealer(&self) -> FileSealer {
        FileSealer::new(self.keys().search_index.clone(), "search index")
    }

    /// Changes after `seq`, oldest first, at most `limit`.
    ///
    /// # Errors
    /// Database errors.
    pub fn index_changes_after(&self, seq: i64, limit: u32) -> Result<Vec<(i64, IndexTarget)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT seq, target, ref, page FROM index_queue WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![seq, i64::from(limit)], |r| {
            let target: String = r.get(1)?;
            let reference: String = r.get(2)?;
            let page: Option<i64> = r.get(3)?;
            let target = match (target.as_str(), page) {
                ("page", Some(page)) => IndexTarget::Page {
                    document: reference,
                    page: page as u32,
                },
                ("event", _) => IndexTarget::Event(reference),
                _ => IndexTarget::Document(reference),
            };
            Ok((r.get(0)?, target))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest change's number (0 when none was ever queued).
    ///
    /// # Errors
    /// Database errors.
    pub fn index_queue_head(&self) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'index_queue'), 0)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Forgets the changes the index has applied, up to `seq`. Not audited:
    /// bookkeeping of derived data, no record changes.
    ///
    /// # Errors
    /// Database errors.
    pub fn trim_index_queue(&mut self, seq: i64) -> Result<()> {
        self.conn()
            .execute("DELETE FROM index_queue WHERE seq <= ?1", [seq])?;
        Ok(())
    }

    /// One page with what the index needs to filter it.
    ///
    /// # Errors
    /// Database errors.
    pub fn indexable_page(&self, document: &str, page: u32) -> Result<Option<IndexablePage>> {
        let mut pages = self.indexable_pages(document, Some(page))?;
        Ok(pages.pop())
    }

    /// Every page of a document (or one), with what the index needs.
    ///
    /// # Errors
    /// Database errors.
    pub fn indexable_pages(&self, document: &str, only: Option<u32>) -> Result<Vec<IndexablePage>> {
        let meta = self
            .conn()
            .prepare_cached(
                "SELECT source_kind, coalesce(obtained_on, substr(added_at, 1, 10)), file_name,
                 own_date, own_date_source,
                 (SELECT min(f.received_on) FROM foia_productions f WHERE f.document_id = d.id)
                 FROM documents d WHERE id = ?1",
            )?
            .query_row([document], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    (r.get(3)?, r.get(4)?, r.get(5)?),
                ))
            })
            .optional()?;
        let Some((kind, day, file_name, (own, own_source, production))) = meta else {
            return Ok(Vec::new());
        };
        let own = crate::documents::document_date(own, own_source, production).map_err(|_| {
            VaultError::Schema(format!("document {document} has an unreadable own date"))
        })?;
        // Values the vault wrote itself: one that no longer parses is damage.
        let source_kind = kind
            .map(|k| SourceKind::parse("source_kind", &k))
            .transpose()
            .map_err(|_| {
                VaultError::Schema(format!("document {document} has an unknown source kind"))
            })?;
        let day = day
            .map(|d| d.parse::<NaiveDate>())
            .transpose()
            .map_err(|_| {
                VaultError::Schema(format!("document {document} has an unreadable date"))
            })?;
        let day = own.map(|d| d.date).or(day);
        let foia: Vec<String> = self
            .conn()
            .prepare_cached("SELECT request_id FROM foia_productions WHERE document_id = ?1 ORDER BY request_id")?
            .query_map([document], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT page, text FROM document_pages WHERE document_id = ?1 AND (?2 IS NULL OR page = ?2) ORDER BY page",
        )?;
        let rows = stmt.query_map(params![document, only.map(i64::from)], |r| {
            Ok(IndexablePage {
                document: document.to_owned(),
                page: r.get::<_, i64>(0)? as u32,
                text: r.get(1)?,
                source_kind,
                foia: foia.clone(),
                day,
                file_name: file_name.clone(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every document id, for rebuilding the index.
    ///
    /// # Errors
    /// Database errors.
    pub fn all_document_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id FROM documents ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every event id, for rebuilding the index.
    ///
    /// # Errors
    /// Database errors.
    pub fn all_event_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare("SELECT id FROM events ORDER BY id")?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// An event for the index (narrative included; the index is sealed).
    ///
    /// # Errors
    /// Database errors.
    pub fn indexable_event(&self, id: &str) -> Result<Option<Event>> {
        match RecordId::parse("id", id) {
            Ok(id) => self.event(&id),
            Err(_) => Ok(None),
        }
    }
}
