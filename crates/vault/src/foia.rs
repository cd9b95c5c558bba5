//! FOIA requests in the vault: stored as their validated parts, checked
//! again on every read, audited on every write.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use testimonio_foia::{FoiaRequest, FoiaRequestParts};

use crate::audit::AuditAction;
use crate::error::{RecordKind, Result, VaultError};
use crate::records::WriteOutcome;
use crate::vault::Vault;

/// A stored request no longer validates: it was changed outside testimonio.
fn corrupt(id: &str, errors: &[testimonio_foia::FieldError]) -> VaultError {
    let reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
    VaultError::Schema(format!(
        "FOIA request {id} holds invalid values: {}",
        reasons.join("; ")
    ))
}

/// Stored requests are re-validated without the "not after today" rule,
/// which is for input: a clock set back must not make them unreadable.
fn far_future() -> NaiveDate {
    NaiveDate::from_ymd_opt(2100, 12, 31).expect("a valid date")
}

fn parse(id: &str, json: &str) -> Result<FoiaRequest> {
    let parts: FoiaRequestParts = serde_json::from_str(json).map_err(|e| {
        VaultError::Schema(format!(
            // The category only: serde's message could quote stored content.
            "FOIA request {id} is not readable ({:?} error)",
            e.classify()
        ))
    })?;
    FoiaRequest::new(parts, far_future()).map_err(|e| corrupt(id, &e))
}

/// A document produced in answer to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Production {
    pub document_id: String,
    pub bates_first: Option<String>,
    pub bates_last: Option<String>,
    pub received_on: Option<String>,
}

/// What leaves the vault from the FOIA records, for the audit log. The
/// detail written holds ids, static names and counts only: never the
/// request text, the requester or a letter's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoiaExport<'a> {
    /// A letter drafted from a request (`kind`: `request`, `appeal`).
    Letter {
        request: &'a str,
        kind: &'static str,
    },
    /// The deadlines of `requests` requests as one calendar.
    Calendar { requests: usize },
}

impl Vault {
    /// Records that a FOIA letter or calendar is about to leave the vault,
    /// as an [`AuditAction::Export`] (object `foia:ID` for a letter,
    /// `foia:calendar` for a calendar). Call after it is made and before
    /// it is written or shown, so that what cannot be audited never leaves.
    ///
    /// # Errors
    /// Database errors.
    pub fn record_foia_export(&mut self, export: FoiaExport<'_>) -> Result<()> {
        let (object, detail) = match export {
            FoiaExport::Letter { request, kind } => {
                (format!("foia:{request}"), format!("letter={kind}"))
            }
            FoiaExport::Calendar { requests } => {
                ("foia:calendar".to_owned(), format!("requests={requests}"))
            }
        };
        self.write(|v, tx| v.audit(tx, AuditAction::Export, &object, &detail))
    }

    /// Stores a request (new, or replacing the one with its id). Audited.
    ///
    /// # Errors
    /// Database errors.
    pub fn put_foia(&mut self, request: &FoiaRequest) -> Result<WriteOutcome> {
        let json = zeroize::Zeroizing::new(
            serde_json::to_string(&request.to_parts()).expect("parts serialize"),
        );
        let id = request.id().to_string();
        self.write(|v, tx| {
            let existing: Option<String> =
                tx.query_row("SELECT parts FROM foia_requests WHERE id = ?1", [&id], |r| r.get(0)).optional()?;
            let outcome = match existing.as_deref() {
                None => WriteOutcome::Created,
                Some(old) if old == json.as_str() => return Ok(WriteOutcome::Unchanged),
                Some(_) => WriteOutcome::Updated,
            };
            let now = crate::now();
            tx.execute(
                "INSERT INTO foia_requests (id, parts, created_at, updated_at, created_by) VALUES (?1, ?2, ?3, ?3, ?4)
                 ON CONFLICT(id) DO UPDATE SET parts = excluded.parts, updated_at = excluded.updated_at",
                params![id, json.as_str(), now, v.actor().as_str()],
            )?;
            let action = if outcome == WriteOutcome::Created { AuditAction::RecordCreated } else { AuditAction::RecordUpdated };
            v.audit(tx, action, &format!("foia:{id}"), "")?;
            Ok(outcome)
        })
    }

    /// One request.
    ///
    /// # Errors
    /// Database errors; a stored request that no longer validates.
    pub fn foia(&self, id: &str) -> Result<Option<FoiaRequest>> {
        let json: Option<String> = self
            .conn()
            .query_row("SELECT parts FROM foia_requests WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        json.map(|j| parse(id, &j)).transpose()
    }

    /// Every request, by id.
    ///
    /// # Errors
    /// Database errors; a stored request that no longer validates.
    pub fn foias(&self) -> Result<Vec<FoiaRequest>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id, parts FROM foia_requests ORDER BY id")?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows.iter().map(|(id, json)| parse(id, json)).collect()
    }

    /// Links an ingested document to the request it answers. Audited.
    ///
    /// # Errors
    /// An unknown request or document.
    pub fn add_foia_production(
        &mut self,
        request: &str,
        document: &str,
        bates: (Option<&str>, Option<&str>),
        received_on: Option<NaiveDate>,
    ) -> Result<()> {
        if self.foia(request)?.is_none() {
            return Err(VaultError::NotFound {
                kind: RecordKind::FoiaRequest,
                id: request.to_owned(),
            });
        }
        self.document(document)?;
        self.write(|v, tx| {
            tx.execute(
                "INSERT INTO foia_productions (request_id, document_id, bates_first, bates_last, received_on)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(request_id, document_id) DO UPDATE SET bates_first = excluded.bates_first,
                     bates_last = excluded.bates_last, received_on = excluded.received_on",
                params![request, document, bates.0, bates.1, received_on.map(|d| d.format("%Y-%m-%d").to_string())],
            )?;
            v.audit(tx, AuditAction::RecordUpdated, &format!("foia:{request}"), &format!("production document:{document}"))
        })
    }

    /// The documents produced for a request.
    ///
    /// # Errors
    /// Database errors.
    pub fn foia_productions(&self, request: &str) -> Result<Vec<Production>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT document_id, bates_first, bates_last, received_on FROM foia_productions WHERE request_id = ?1 ORDER BY document_id",
        )?;
        let rows = stmt.query_map([request], |r| {
            Ok(Production {
                document_id: r.get(0)?,
                bates_first: r.get(1)?,
                bates_last: r.get(2)?,
                received_on: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Links an event to the request that documents it. Audited.
    ///
    /// # Errors
    /// An unknown request or event.
    pub fn link_foia_event(
        &mut self,
        request: &str,
        event: &testimonio_domain::RecordId,
    ) -> Result<()> {
        if self.foia(request)?.is_none() {
            return Err(VaultError::NotFound {
                kind: RecordKind::FoiaRequest,
                id: request.to_owned(),
            });
        }
        if self.event(event)?.is_none() {
            return Err(VaultError::NotFound {
                kind: RecordKind::Event,
                id: event.to_string(),
            });
        }
        self.write(|v, tx| {
            tx.execute(
                "INSERT OR IGNORE INTO foia_events (request_id, event_id) VALUES (?1, ?2)",
                params![request, event.as_str()],
            )?;
            v.audit(
                tx,
                AuditAction::RecordUpdated,
                &format!("foia:{request}"),
                &format!("linked event:{event}"),
            )
        })
    }

    /// The events linked to a request.
    ///
    /// # Errors
    /// Database errors.
    pub fn foia_events(&self, request: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT event_id FROM foia_events WHERE request_id = ?1 ORDER BY event_id",
        )?;
        let rows = stmt.query_map([request], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
