//! Original files in the vault: stored byte-exact, hashed at intake, with
//! a chain of custody.

use std::io::{Read, Write};

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use chrono::NaiveDate;
use testimonio_domain::{DateSource, DocumentDate, ExtractionStatus, FieldError, SourceKind};

use crate::audit::AuditAction;
use crate::blobs::Sha256Hex;
use crate::error::{RecordKind, Result, VaultError};
use crate::vault::Vault;

/// A stored original and what ingest learned about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub sha256: String,
    pub size: u64,
    pub file_name: Option<String>,
    pub media_type: Option<String>,
    pub added_at: String,
    pub added_by: String,
    /// The document this one was found inside (an email's attachment).
    pub parent_id: Option<String>,
    pub attachment_name: Option<String>,
    #[serde(serialize_with = "serialize_source_kind")]
    pub source_kind: Option<SourceKind>,
    pub custodian: Option<String>,
    pub obtained_on: Option<String>,
    #[serde(serialize_with = "serialize_status")]
    pub status: ExtractionStatus,
    /// Why the status is not `ok`, in English (reasons are not translated:
    /// they come from tools).
    pub status_detail: String,
    pub title: Option<String>,
    pub extracted_with: Option<String>,
    pub page_count: u32,
    /// The document's own date: as read from it at ingest, else the day
    /// its FOIA production was received (the earliest, if several).
    pub date: Option<DocumentDate>,
}

fn serialize_source_kind<S: serde::Serializer>(
    kind: &Option<SourceKind>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match kind {
        Some(k) => s.serialize_some(k.code()),
        None => s.serialize_none(),
    }
}

fn serialize_status<S: serde::Serializer>(
    status: &ExtractionStatus,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(status.code())
}

/// One step in a document's chain of custody.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustodyEvent {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub source_path: Option<String>,
    pub host: Option<String>,
    pub custodian: Option<String>,
    pub detail: String,
}

/// Where a file came from, for the custody log.
#[derive(Debug, Clone, Default)]
pub struct Provenance<'a> {
    pub file_name: Option<&'a str>,
    pub media_type: Option<&'a str>,
    pub source_path: Option<&'a str>,
    pub host: Option<&'a str>,
}

pub(crate) const DOCUMENT_COLUMNS: &str = "d.id, d.sha256, d.size, d.file_name, d.media_type, d.added_at, d.added_by, \
     d.parent_id, d.attachment_name, d.source_kind, d.custodian, d.obtained_on, d.status, d.status_detail, d.title, \
     d.extracted_with, (SELECT count(*) FROM document_pages p WHERE p.document_id = d.id), \
     d.own_date, d.own_date_source, (SELECT min(f.received_on) FROM foia_productions f WHERE f.document_id = d.id)";

pub(crate) fn document_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentInfo> {
    let code = |i: usize, e: FieldError| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    let source_kind = r
        .get::<_, Option<String>>(9)?
        .map(|c| SourceKind::parse("source_kind", &c).map_err(|e| code(9, e)))
        .transpose()?;
    let status =
        ExtractionStatus::parse("status", &r.get::<_, String>(12)?).map_err(|e| code(12, e))?;
    let date = document_date(r.get(17)?, r.get(18)?, r.get(19)?).map_err(|e| code(17, e))?;
    Ok(DocumentInfo {
        id: r.get(0)?,
        sha256: r.get(1)?,
        size: r.get::<_, i64>(2)? as u64,
        file_name: r.get(3)?,
        media_type: r.get(4)?,
        added_at: r.get(5)?,
        added_by: r.get(6)?,
        parent_id: r.get(7)?,
        attachment_name: r.get(8)?,
        source_kind,
        custodian: r.get(10)?,
        obtained_on: r.get(11)?,
        status,
        status_detail: r.get(13)?,
        title: r.get(14)?,
        extracted_with: r.get(15)?,
        page_count: r.get::<_, i64>(16)? as u32,
        date,
    })
}

/// A document's own date from its stored columns: the date read at ingest
/// wins, then its FOIA production's received day. Values the vault wrote
/// itself, so one that does not parse is an error, not an absent date.
pub(crate) fn document_date(
    own: Option<String>,
    source: Option<String>,
    production: Option<String>,
) -> std::result::Result<Option<DocumentDate>, FieldError> {
    let day = |field: &str, text: &str| {
        text.parse::<NaiveDate>().map_err(|_| {
            FieldError::new(
                field,
                testimonio_domain::Problem::BadDate {
                    expected: "YYYY-MM-DD",
                },
            )
        })
    };
    if let (Some(own), Some(source)) = (own, source) {
        return Ok(Some(DocumentDate {
            date: day("own_date", &own)?,
            source: DateSource::parse("own_date_source", &source)?,
        }));
    }
    production
        .map(|p| {
            Ok(DocumentDate {
                date: day("received_on", &p)?,
                source: DateSource::FoiaProduction,
            })
        })
        .transpose()
}

impl Vault {
    /// Stores an original file. The same bytes stored twice are kept once;
    /// the second time is recorded as a custody event. Returns whether the
    /// document is new.
    ///
    /// # Errors
    /// Reading the input; writing the store.
    pub fn add_document(
        &mut self,
        reader: &mut dyn Read,
        from: &Provenance<'_>,
    ) -> Result<(DocumentInfo, bool)> {
        // The blob lands first: a crash before the row commits leaves an
        // unreferenced blob that the next add of the same file adopts.
        let (blob, _) = self.blobs().put(reader)?;
        let id = format!("doc-{}", &blob.name[..16]);
        self.write(|v, tx| {
            let existing = tx
                .query_row(&format!("SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.sha256 = ?1"), [blob.sha256.as_str()], document_row)
                .optional()?;
            let now = crate::now();
            let actor = v.actor().as_str();
            let (info, is_new, action) = match existing {
                Some(info) => (info, false, AuditAction::DocumentReceivedAgain),
                None => {
                    tx.execute(
                        "INSERT INTO documents (id, sha256, blob_name, size, file_name, media_type, added_at, added_by)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![id, blob.sha256.as_str(), blob.name, blob.size as i64, from.file_name, from.media_type, now, actor],
                    )?;
                    let info = tx.query_row(
                        &format!("SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?1"),
                        [&id],
                        document_row,
                    )?;
                    (info, true, AuditAction::DocumentAdded)
                }
            };
            tx.execute(
                "INSERT INTO custody_events (document_id, at, actor, action, source_path, host, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    info.id,
                    now,
                    actor,
                    if is_new { "received" } else { "received_again" },
                    from.source_path,
                    from.host,
                    format!("sha256={} size={} tool=testimonio {}", info.sha256, info.size, env!("CARGO_PKG_VERSION")),
                ],
            )?;
            v.audit(tx, action, &format!("document:{}", info.id), "")?;
            Ok((info, is_new))
        })
    }

    /// Every stored document, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub fn documents(&self) -> Result<Vec<DocumentInfo>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM documents d ORDER BY d.added_at, d.id"
        ))?;
        let rows = stmt.query_map([], document_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// # Errors
    /// An unknown document; database errors.
    pub fn document(&self, id: &str) -> Result<DocumentInfo> {
        self.conn()
            .query_row(
                &format!("SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?1"),
                [id],
                document_row,
            )
            .optional()?
            .ok_or_else(|| VaultError::NotFound {
                kind: RecordKind::Document,
                id: id.to_owned(),
            })
    }

    /// # Errors
    /// Database errors.
    pub fn custody(&self, id: &str) -> Result<Vec<CustodyEvent>> {
        let mut stmt = self.conn().prepare(
            "SELECT at, actor, action, source_path, host, custodian, detail FROM custody_events WHERE document_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(CustodyEvent {
                at: r.get(0)?,
                actor: r.get(1)?,
                action: r.get(2)?,
                source_path: r.get(3)?,
                host: r.get(4)?,
                custodian: r.get(5)?,
                detail: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes a document's original bytes to `out`, verifying its hash. The
    /// read is audited and recorded in the custody log first.
    ///
    /// # Errors
    /// An unknown document; a blob that is missing or no longer matches its hash.
    pub fn read_document(&mut self, id: &str, out: &mut dyn Write) -> Result<u64> {
        let info = self.document(id)?;
        self.write(|v, tx| {
            tx.execute(
                "INSERT INTO custody_events (document_id, at, actor, action, detail) VALUES (?1, ?2, ?3, 'exported', '')",
                params![info.id, crate::now(), v.actor().as_str()],
            )?;
            v.audit(tx, AuditAction::DocumentRead, &format!("document:{}", info.id), "")
        })?;
        self.blobs().get(&Sha256Hex::parse(&info.sha256)?, out)
    }
}
