//! What evidence ingest stores: an original with its provenance and the
//! text of every page, recorded in one transaction per file so that a
//! crash leaves either the whole document or nothing visible.
//!
//! The original's bytes go to the blob store first ([`Vault::store_original`]);
//! a crash before the row commits leaves an unreferenced blob that the next
//! ingest of the same file adopts.

use std::io::Read;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use testimonio_domain::{DocumentDate, ExtractionStatus, SourceKind};
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::blobs::{Sha256Hex, StoredBlob};
use crate::documents::{DOCUMENT_COLUMNS, DocumentInfo, document_row};
use crate::error::{RecordKind, Result, VaultError};
use crate::vault::Vault;

use crate::pages::insert_pages;
pub use crate::pages::{PageSummary, PageText, WordBox};

/// Where an original came from, as the person ingesting it states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Intake {
    pub file_name: Option<String>,
    pub media_type: Option<String>,
    pub source_path: Option<String>,
    pub host: Option<String>,
    pub source_kind: Option<SourceKind>,
    /// A FOIA request this document was produced under.
    pub foia: Option<String>,
    pub custodian: Option<String>,
    pub obtained_on: Option<NaiveDate>,
}

/// What extraction produced for one original.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    pub status: ExtractionStatus,
    /// Why the status is not `ok` (English, one line).
    pub detail: String,
    pub title: Option<String>,
    pub metadata: Option<serde_json::Value>,
    /// The tools and versions that produced the text.
    pub tools: String,
    pub pages: Vec<PageText>,
    /// The document's own date as read from it (never a FOIA
    /// production's: the vault falls back to that when this is `None`).
    pub date: Option<DocumentDate>,
}

/// An ingested original, its extraction, and what was found inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestedDocument {
    pub blob: StoredBlob,
    pub intake: Intake,
    pub extraction: Extraction,
    /// What the camera recorded, for a photo that carries it.
    pub capture: Option<crate::capture::CaptureMetadata>,
    /// Attachments, each with the name it had inside this document.
    pub children: Vec<(Option<String>, IngestedDocument)>,
}

/// What recording an ingested document did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IngestRecorded {
    pub id: String,
    /// False when these bytes were already in the vault with their text.
    pub new: bool,
    pub children: Vec<IngestRecorded>,
}

/// Which documents to list.
#[derive(Debug, Clone, Default)]
pub struct DocumentFilter {
    pub source_kind: Option<SourceKind>,
    pub status: Option<ExtractionStatus>,
    pub foia: Option<String>,
    /// Only documents that were not found inside another one.
    pub top_level_only: bool,
    pub parent: Option<String>,
    pub limit: Option<u32>,
    pub offset: u32,
}

fn document_id_for(blob: &StoredBlob) -> String {
    format!("doc-{}", &blob.name[..16])
}

impl Vault {
    /// Encrypts an original into the blob store, without recording it.
    /// Follow with [`Vault::record_ingested`].
    ///
    /// # Errors
    /// Reading the input or writing the store.
    pub fn store_original(&self, reader: &mut dyn Read) -> Result<StoredBlob> {
        Ok(self.blobs().put(reader)?.0)
    }

    /// The plaintext of a blob stored by [`Vault::blob_sink`] and not yet
    /// recorded, checked against its hash, for reading its text. Not
    /// audited: nothing leaves the process (the caller records the
    /// document next).
    ///
    /// # Errors
    /// A missing or altered blob.
    pub fn stored_bytes(&self, blob: &StoredBlob) -> Result<Zeroizing<Vec<u8>>> {
        let capacity = usize::try_from(blob.size).unwrap_or(0);
        // Sized once, so that growing never leaves a copy behind unwiped.
        let mut out = Zeroizing::new(Vec::with_capacity(capacity));
        self.blobs().get(&blob.sha256, &mut *out)?;
        Ok(out)
    }

    /// A writer into the blob store that holds no database connection and
    /// no key able to decrypt, for an upload that arrives slowly: the
    /// bytes are encrypted as they come, then [`Vault::record_ingested`]
    /// records them.
    pub fn blob_sink(&self) -> crate::blobs::BlobSink {
        self.blobs().sink()
    }

    /// The document holding exactly these bytes, if any.
    ///
    /// # Errors
    /// Database errors.
    pub fn document_by_sha256(&self, sha256: &str) -> Result<Option<DocumentInfo>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.sha256 = ?1"
            ))?
            .query_row([sha256], document_row)
            .optional()?)
    }

    /// Records an ingested original (and its attachments) in one
    /// transaction: the document row, its pages, the custody event naming
    /// the tools that produced the text, the FOIA production link and the
    /// audit entry. Bytes already in the vault with their text are not
    /// stored again; receiving them from a new place is a custody event.
    /// A document stored earlier without text gets its text now.
    ///
    /// # Errors
    /// An unknown FOIA request; database errors. Nothing is written then.
    pub fn record_ingested(&mut self, doc: &IngestedDocument) -> Result<IngestRecorded> {
        self.write(|v, tx| record_one(v, tx, doc, None))
    }

    /// Records that already-ingested bytes were received again. Adds a
    /// custody event only when this source (path, host, custodian) is new
    /// for the document, so re-ingesting the same directory adds nothing.
    /// Returns whether an event was added.
    ///
    /// # Errors
    /// An unknown document; database errors.
    pub fn record_receipt(&mut self, id: &str, intake: &Intake) -> Result<bool> {
        self.write(|v, tx| receipt(v, tx, id, intake))
    }

    /// Documents matching `filter`, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub fn documents_filtered(&self, filter: &DocumentFilter) -> Result<Vec<DocumentInfo>> {
        let (clause, args) = filter_clause(filter);
        let sql = format!(
            "SELECT {DOCUMENT_COLUMNS} FROM documents d {clause} ORDER BY d.added_at, d.id LIMIT ?{} OFFSET ?{}",
            args.len() + 1,
            args.len() + 2
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let limit = filter.limit.map_or(-1, i64::from);
        let mut all: Vec<&dyn rusqlite::ToSql> =
            args.iter().map(|a| a as &dyn rusqlite::ToSql).collect();
        let offset = i64::from(filter.offset);
        all.push(&limit);
        all.push(&offset);
        let rows = stmt.query_map(all.as_slice(), document_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many documents match `filter` (ignoring its paging).
    ///
    /// # Errors
    /// Database errors.
    pub fn count_documents(&self, filter: &DocumentFilter) -> Result<u64> {
        let (clause, args) = filter_clause(filter);
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("SELECT count(*) FROM documents d {clause}"))?;
        let params: Vec<&dyn rusqlite::ToSql> =
            args.iter().map(|a| a as &dyn rusqlite::ToSql).collect();
        Ok(stmt.query_row(params.as_slice(), |r| r.get::<_, i64>(0))? as u64)
    }

    /// Audits a read of a document without decrypting it (a page image
    /// served from memory is still a read); its description.
    ///
    /// # Errors
    /// An unknown document; database errors.
    pub fn record_document_read(&mut self, id: &str, purpose: &str) -> Result<DocumentInfo> {
        let info = self.document(id)?;
        self.write(|v, tx| {
            v.audit(
                tx,
                AuditAction::DocumentRead,
                &format!("document:{}", info.id),
                purpose,
            )
        })?;
        Ok(info)
    }

    /// The original bytes of a document, in memory, hash verified: for
    /// rendering a page image. Audited as a read of the document.
    ///
    /// # Errors
    /// An unknown document; a missing or altered blob.
    pub fn document_bytes(&mut self, id: &str, purpose: &str) -> Result<Zeroizing<Vec<u8>>> {
        let info = self.record_document_read(id, purpose)?;
        let mut bytes = Zeroizing::new(Vec::with_capacity(info.size as usize));
        self.blobs()
            .get(&Sha256Hex::parse(&info.sha256)?, &mut *bytes)?;
        Ok(bytes)
    }
}

fn filter_clause(filter: &DocumentFilter) -> (String, Vec<String>) {
    let mut conditions = Vec::new();
    let mut args = Vec::new();
    if let Some(kind) = filter.source_kind {
        args.push(kind.code().to_owned());
        conditions.push(format!("d.source_kind = ?{}", args.len()));
    }
    if let Some(status) = filter.status {
        args.push(status.code().to_owned());
        conditions.push(format!("d.status = ?{}", args.len()));
    }
    if let Some(foia) = &filter.foia {
        args.push(foia.clone());
        conditions.push(format!(
            "d.id IN (SELECT document_id FROM foia_productions WHERE request_id = ?{})",
            args.len()
        ));
    }
    if filter.top_level_only {
        conditions.push("d.parent_id IS NULL".to_owned());
    }
    if let Some(parent) = &filter.parent {
        args.push(parent.clone());
        conditions.push(format!("d.parent_id = ?{}", args.len()));
    }
    if conditions.is_empty() {
        (String::new(), args)
    } else {
        (format!("WHERE {}", conditions.join(" AND ")), args)
    }
}

fn record_one(
    v: &Vault,
    tx: &Connection,
    doc: &IngestedDocument,
    parent: Option<(&str, Option<&str>)>,
) -> Result<IngestRecorded> {
    let id = document_id_for(&doc.blob);
    let existing: Option<String> = tx
        .query_row(
            "SELECT status FROM documents WHERE sha256 = ?1",
            [doc.blob.sha256.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    let intake = &doc.intake;
    if let Some(foia) = &intake.foia {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM foia_requests WHERE id = ?1)",
            [foia],
            |r| r.get(0),
        )?;
        if !known {
            return Err(VaultError::NotFound {
                kind: RecordKind::FoiaRequest,
                id: foia.clone(),
            });
        }
    }
    let extraction = &doc.extraction;
    let is_new = match existing.as_deref() {
        // Already there with its text: at most a custody event.
        Some(status) if status != ExtractionStatus::Stored.code() => false,
        Some(_) => {
            // Stored earlier without text (`document add`): give it its text.
            tx.execute(
                "UPDATE documents SET source_kind = coalesce(source_kind, ?2), custodian = coalesce(custodian, ?3),
                 obtained_on = coalesce(obtained_on, ?4), status = ?5, status_detail = ?6, title = ?7,
                 metadata = ?8, extracted_with = ?9, own_date = ?10, own_date_source = ?11 WHERE sha256 = ?1",
                params![
                    doc.blob.sha256.as_str(),
                    intake.source_kind.map(SourceKind::code),
                    intake.custodian,
                    intake.obtained_on.map(|d| d.to_string()),
                    extraction.status.code(),
                    extraction.detail,
                    extraction.title,
                    extraction.metadata.as_ref().map(ToString::to_string),
                    extraction.tools,
                    extraction.date.map(|d| d.date.to_string()),
                    extraction.date.map(|d| d.source.code()),
                ],
            )?;
            true
        }
        None => {
            tx.execute(
                "INSERT INTO documents (id, sha256, blob_name, size, file_name, media_type, added_at, added_by,
                 parent_id, attachment_name, source_kind, custodian, obtained_on, status, status_detail, title,
                 metadata, extracted_with, own_date, own_date_source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                params![
                    id,
                    doc.blob.sha256.as_str(),
                    doc.blob.name,
                    doc.blob.size as i64,
                    intake.file_name,
                    intake.media_type,
                    crate::now(),
                    v.actor().as_str(),
                    parent.map(|p| p.0),
                    parent.and_then(|p| p.1),
                    intake.source_kind.map(SourceKind::code),
                    intake.custodian,
                    intake.obtained_on.map(|d| d.to_string()),
                    extraction.status.code(),
                    extraction.detail,
                    extraction.title,
                    extraction.metadata.as_ref().map(ToString::to_string),
                    extraction.tools,
                    extraction.date.map(|d| d.date.to_string()),
                    extraction.date.map(|d| d.source.code()),
                ],
            )?;
            true
        }
    };
    // The stored id wins: an older document may have been named otherwise.
    let id: String = tx.query_row(
        "SELECT id FROM documents WHERE sha256 = ?1",
        [doc.blob.sha256.as_str()],
        |r| r.get(0),
    )?;
    if is_new {
        insert_pages(tx, &id, &extraction.pages)?;
        if let Some(capture) = &doc.capture {
            crate::capture::insert_capture(tx, &id, capture)?;
        }
        let from_parent = parent.map_or(String::new(), |(p, name)| {
            format!(" inside={p} name={}", name.unwrap_or("-"))
        });
        tx.execute(
            "INSERT INTO custody_events (document_id, at, actor, action, source_path, host, custodian, detail)
             VALUES (?1, ?2, ?3, 'ingested', ?4, ?5, ?6, ?7)",
            params![
                id,
                crate::now(),
                v.actor().as_str(),
                intake.source_path,
                intake.host,
                intake.custodian,
                format!(
                    "sha256={} size={} pages={} status={} tools={}{from_parent}",
                    doc.blob.sha256.as_str(),
                    doc.blob.size,
                    extraction.pages.len(),
                    extraction.status.code(),
                    extraction.tools
                ),
            ],
        )?;
        v.audit(
            tx,
            AuditAction::DocumentAdded,
            &format!("document:{id}"),
            "ingest",
        )?;
    } else {
        receipt(v, tx, &id, intake)?;
    }
    if let Some(foia) = &intake.foia {
        let bates: Vec<&str> = extraction
            .pages
            .iter()
            .filter_map(|p| p.bates.as_deref())
            .collect();
        tx.execute(
            "INSERT OR IGNORE INTO foia_productions (request_id, document_id, bates_first, bates_last, received_on)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                foia,
                id,
                bates.first(),
                bates.last(),
                intake.obtained_on.map(|d| d.to_string())
            ],
        )?;
    }
    let mut children = Vec::with_capacity(doc.children.len());
    for (name, child) in &doc.children {
        children.push(record_one(v, tx, child, Some((&id, name.as_deref())))?);
    }
    Ok(IngestRecorded {
        id,
        new: is_new,
        children,
    })
}

fn receipt(v: &Vault, tx: &Connection, id: &str, intake: &Intake) -> Result<bool> {
    let known: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if !known {
        return Err(VaultError::NotFound {
            kind: RecordKind::Document,
            id: id.to_owned(),
        });
    }
    let seen: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM custody_events WHERE document_id = ?1
           AND action IN ('received', 'ingested', 'received_again')
           AND source_path IS ?2 AND host IS ?3 AND custodian IS ?4)",
        params![id, intake.source_path, intake.host, intake.custodian],
        |r| r.get(0),
    )?;
    if seen {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO custody_events (document_id, at, actor, action, source_path, host, custodian, detail)
         VALUES (?1, ?2, ?3, 'received_again', ?4, ?5, ?6, '')",
        params![id, crate::now(), v.actor().as_str(), intake.source_path, intake.host, intake.custodian],
    )?;
    v.audit(
        tx,
        AuditAction::DocumentReceivedAgain,
        &format!("document:{id}"),
        "",
    )?;
    Ok(true)
}
