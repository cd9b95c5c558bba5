//! Where and when a photo was taken (what the camera wrote into it), and
//! originals attached to the records they document.
//!
//! Capture metadata is evidence — a photo of a notice taken at 9:41 on the
//! day of the raid — and as identifying as an address: it lives apart from
//! the document listing every role sees, and each read is audited
//! (`capture_read`) before it is returned.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::audit::AuditAction;
use crate::documents::{DOCUMENT_COLUMNS, DocumentInfo, document_row};
use crate::error::{RecordKind, Result, VaultError};
use crate::vault::Vault;

/// What a camera recorded about a photo. Redacted in `Debug`: a position
/// must not reach a log.
#[derive(Clone, PartialEq, Default, Serialize)]
pub struct CaptureMetadata {
    /// As the camera wrote it: `2026-11-30T09:41:07`, with the offset when
    /// the camera recorded one.
    pub captured_at: Option<String>,
    /// Degrees, WGS 84.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Metres above sea level.
    pub altitude: Option<f64>,
    /// Make and model of the camera or phone.
    pub device: Option<String>,
}

impl CaptureMetadata {
    /// Nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// Both coordinates are known.
    pub fn position(&self) -> Option<(f64, f64)> {
        self.latitude.zip(self.longitude)
    }
}

impl std::fmt::Debug for CaptureMetadata {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaptureMetadata")
            .field("captured_at", &self.captured_at.as_ref().map(|_| "<set>"))
            .field("position", &self.position().map(|_| "<set>"))
            .field("device", &self.device.as_ref().map(|_| "<set>"))
            .finish()
    }
}

/// The records an original can be attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentOwner {
    Event,
    Person,
}

impl AttachmentOwner {
    pub fn code(self) -> &'static str {
        match self {
            AttachmentOwner::Event => "event",
            AttachmentOwner::Person => "person",
        }
    }

    fn record_kind(self) -> RecordKind {
        match self {
            AttachmentOwner::Event => RecordKind::Event,
            AttachmentOwner::Person => RecordKind::Person,
        }
    }

    fn table(self) -> &'static str {
        match self {
            AttachmentOwner::Event => "events",
            AttachmentOwner::Person => "people",
        }
    }
}

/// Records the capture metadata of a document inside an ingest transaction.
pub(crate) fn insert_capture(tx: &Connection, id: &str, capture: &CaptureMetadata) -> Result<()> {
    if capture.is_empty() {
        return Ok(());
    }
    tx.execute(
        "INSERT OR REPLACE INTO document_capture
         (document_id, captured_at, latitude, longitude, altitude, device)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            capture.captured_at,
            capture.latitude,
            capture.longitude,
            capture.altitude,
            capture.device
        ],
    )?;
    Ok(())
}

impl Vault {
    /// What the camera recorded about document `id`, or `None` when it
    /// recorded nothing. A read that finds metadata is audited
    /// (`capture_read`) in the same transaction, before it is returned.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Document`); database errors.
    pub fn document_capture(&mut self, id: &str) -> Result<Option<CaptureMetadata>> {
        self.write(|v, tx| {
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
            let capture = tx
                .query_row(
                    "SELECT captured_at, latitude, longitude, altitude, device
                     FROM document_capture WHERE document_id = ?1",
                    [id],
                    |r| {
                        Ok(CaptureMetadata {
                            captured_at: r.get(0)?,
                            latitude: r.get(1)?,
                            longitude: r.get(2)?,
                            altitude: r.get(3)?,
                            device: r.get(4)?,
                        })
                    },
                )
                .optional()?;
            if capture.is_some() {
                v.audit(tx, AuditAction::CaptureRead, &format!("document:{id}"), "")?;
            }
            Ok(capture)
        })
    }

    /// Whether document `id` has capture metadata, without reading it. Not
    /// audited.
    ///
    /// # Errors
    /// Database errors.
    pub fn has_capture(&self, id: &str) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM document_capture WHERE document_id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Attaches document `document` to a record. Returns false when it was
    /// attached already (nothing written). Audited as a change of the
    /// owner.
    ///
    /// # Errors
    /// [`VaultError::UnknownReference`] for an owner or document the vault
    /// does not have (field `owner` or `document`); database errors.
    pub fn attach_document(
        &mut self,
        owner: AttachmentOwner,
        owner_id: &str,
        document: &str,
    ) -> Result<bool> {
        self.write(|v, tx| {
            let owner_known: bool = tx.query_row(
                &format!(
                    "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)",
                    owner.table()
                ),
                [owner_id],
                |r| r.get(0),
            )?;
            if !owner_known {
                return Err(VaultError::UnknownReference {
                    field: "owner".into(),
                    kind: owner.record_kind(),
                    id: owner_id.to_owned(),
                });
            }
            let document_known: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)",
                [document],
                |r| r.get(0),
            )?;
            if !document_known {
                return Err(VaultError::UnknownReference {
                    field: "document".into(),
                    kind: RecordKind::Document,
                    id: document.to_owned(),
                });
            }
            let added = tx.execute(
                "INSERT OR IGNORE INTO attachments
                 (owner_kind, owner_id, document_id, attached_at, attached_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    owner.code(),
                    owner_id,
                    document,
                    crate::now(),
                    v.actor().as_str()
                ],
            )?;
            if added > 0 {
                v.audit(
                    tx,
                    AuditAction::RecordUpdated,
                    &format!("{}:{owner_id}", owner.code()),
                    &format!("attached document:{document}"),
                )?;
            }
            Ok(added > 0)
        })
    }

    /// The documents attached to a record, oldest attachment first. Not
    /// audited (a listing, like [`Vault::documents`]).
    ///
    /// # Errors
    /// Database errors.
    pub fn attachments(&self, owner: AttachmentOwner, owner_id: &str) -> Result<Vec<DocumentInfo>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM attachments a JOIN documents d ON d.id = a.document_id
             WHERE a.owner_kind = ?1 AND a.owner_id = ?2
             ORDER BY a.attached_at, a.document_id"
        ))?;
        let rows = stmt.query_map(params![owner.code(), owner_id], document_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
