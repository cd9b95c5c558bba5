//! Redacted, Bates-stamped copies of outgoing exhibits (migration 17).
//!
//! A copy is a document of its own (its bytes in the blob store, its own
//! hash, its pages as re-read by OCR), recorded in one transaction with:
//! the Bates numbers it is stamped with taken from the prefix's counter
//! (`bates_counters`), so no number is given twice across the vault's
//! productions; the link to its original with what was redacted (boxes,
//! kinds, query fingerprints — never the redacted text); a custody event
//! on both documents; and the audit entries (an `export` of the original,
//! a `document_added` of the copy). The original is never changed.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use testimonio_domain::ExtractionStatus;

use crate::audit::AuditAction;
use crate::blobs::StoredBlob;
use crate::documents::DocumentInfo;
use crate::error::{ConflictKind, RecordKind, Result, VaultError};
use crate::pages::{PageText, insert_pages};
use crate::vault::Vault;

/// A redacted copy to record, its bytes already in the blob store
/// ([`Vault::store_original`]).
#[derive(Debug, Clone)]
pub struct NewRedactedCopy<'a> {
    pub original_id: &'a str,
    pub blob: StoredBlob,
    pub file_name: String,
    /// The copy's pages, numbered from 1, each with its Bates label.
    pub pages: Vec<PageText>,
    pub prefix: &'a str,
    /// The first Bates number the copy is stamped with: it must be the
    /// prefix's next number when the copy is recorded.
    pub bates_first: u64,
    /// What was redacted (JSON: boxes, kinds, query fingerprints; never
    /// the redacted text).
    pub redactions: String,
    /// The tools that made the copy, for its custody event.
    pub tools: String,
}

/// A recorded redacted copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RedactedCopyRecord {
    pub copy_id: String,
    pub original_id: String,
    pub prefix: String,
    pub bates_first: u64,
    pub bates_last: u64,
    pub made_at: String,
    pub made_by: String,
    pub redactions: String,
}

/// A Bates label: the prefix, a dash, six digits at least.
pub fn bates_label(prefix: &str, number: u64) -> String {
    format!("{prefix}-{number:06}")
}

impl Vault {
    /// The next Bates number of `prefix` (1 for a prefix never used).
    ///
    /// # Errors
    /// Database errors.
    pub fn bates_next(&self, prefix: &str) -> Result<u64> {
        next_number(self.conn(), prefix)
    }

    /// Records a redacted copy of `copy.original_id`: the copy as a
    /// document with its pages, the Bates numbers taken, the link and what
    /// was redacted, a custody event on both documents, and the audit
    /// entries, in one transaction.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown original;
    /// [`ConflictKind::BatesTaken`] when the prefix's next number is no
    /// longer `copy.bates_first` (another copy took it: stamp again) or the
    /// copy's bytes are already a document; database errors. Nothing is
    /// written then.
    pub fn record_redacted_copy(
        &mut self,
        copy: &NewRedactedCopy<'_>,
    ) -> Result<RedactedCopyRecord> {
        self.write(|v, tx| record(v, tx, copy))
    }

    /// The redacted copies made from `original`, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub fn redacted_copies_of(&self, original: &str) -> Result<Vec<RedactedCopyRecord>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT copy_id, original_id, prefix, bates_first, bates_last, made_at, made_by, redactions
             FROM redacted_copies WHERE original_id = ?1 ORDER BY made_at, bates_first",
        )?;
        let rows = stmt.query_map([original], copy_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The record of the redacted copy `copy`, if it is one.
    ///
    /// # Errors
    /// Database errors.
    pub fn redacted_copy(&self, copy: &str) -> Result<Option<RedactedCopyRecord>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT copy_id, original_id, prefix, bates_first, bates_last, made_at, made_by, redactions
                 FROM redacted_copies WHERE copy_id = ?1",
            )?
            .query_row([copy], copy_row)
            .optional()?)
    }
}

fn copy_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RedactedCopyRecord> {
    Ok(RedactedCopyRecord {
        copy_id: r.get(0)?,
        original_id: r.get(1)?,
        prefix: r.get(2)?,
        bates_first: r.get::<_, i64>(3)? as u64,
        bates_last: r.get::<_, i64>(4)? as u64,
        made_at: r.get(5)?,
        made_by: r.get(6)?,
        redactions: r.get(7)?,
    })
}

fn next_number(conn: &Connection, prefix: &str) -> Result<u64> {
    let next: Option<i64> = conn
        .prepare_cached("SELECT next FROM bates_counters WHERE prefix = ?1")?
        .query_row([prefix], |r| r.get(0))
        .optional()?;
    Ok(next.map_or(1, |n| n as u64))
}

fn record(v: &Vault, tx: &Connection, copy: &NewRedactedCopy<'_>) -> Result<RedactedCopyRecord> {
    let original: DocumentInfo = v.document(copy.original_id)?;
    let taken = || {
        VaultError::Conflict(ConflictKind::BatesTaken {
            prefix: copy.prefix.to_owned(),
        })
    };
    if next_number(tx, copy.prefix)? != copy.bates_first {
        return Err(taken());
    }
    let count = copy.pages.len() as u64;
    if count == 0 {
        return Err(VaultError::NotFound {
            kind: RecordKind::Page,
            id: format!("{}/1", copy.original_id),
        });
    }
    let last = copy.bates_first + count - 1;
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?1)",
        [copy.blob.sha256.as_str()],
        |r| r.get(0),
    )?;
    if exists {
        return Err(taken());
    }
    tx.execute(
        "INSERT INTO bates_counters (prefix, next) VALUES (?1, ?2)
         ON CONFLICT (prefix) DO UPDATE SET next = excluded.next",
        params![copy.prefix, (last + 1) as i64],
    )?;
    let id = format!("doc-{}", &copy.blob.name[..16]);
    let now = crate::now();
    let actor = v.actor().as_str().to_owned();
    let first_label = bates_label(copy.prefix, copy.bates_first);
    let last_label = bates_label(copy.prefix, last);
    tx.execute(
        "INSERT INTO documents (id, sha256, blob_name, size, file_name, media_type, added_at, added_by,
         source_kind, custodian, obtained_on, status, status_detail, title, metadata, extracted_with)
         VALUES (?1, ?2, ?3, ?4, ?5, 'application/pdf', ?6, ?7, ?8, ?9, NULL, ?10, '', NULL, NULL, ?11)",
        params![
            id,
            copy.blob.sha256.as_str(),
            copy.blob.name,
            copy.blob.size as i64,
            copy.file_name,
            now,
            actor,
            original.source_kind.map(testimonio_domain::SourceKind::code),
            original.custodian,
            ExtractionStatus::Ok.code(),
            copy.tools,
        ],
    )?;
    insert_pages(tx, &id, &copy.pages)?;
    tx.execute(
        "INSERT INTO redacted_copies (copy_id, original_id, prefix, bates_first, bates_last, made_at, made_by, redactions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            original.id,
            copy.prefix,
            copy.bates_first as i64,
            last as i64,
            now,
            actor,
            copy.redactions,
        ],
    )?;
    let custody = |document: &str, action: &str, detail: String| {
        tx.execute(
            "INSERT INTO custody_events (document_id, at, actor, action, detail)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![document, now, actor, action, detail],
        )
    };
    custody(
        &original.id,
        "redacted_copy_made",
        format!(
            "copy={id} sha256={} bates={first_label}..{last_label} redactions={}",
            copy.blob.sha256.as_str(),
            copy.redactions
        ),
    )?;
    custody(
        &id,
        "redacted_from",
        format!(
            "original={} original_sha256={} sha256={} size={} pages={count} bates={first_label}..{last_label} tools={} redactions={}",
            original.id,
            original.sha256,
            copy.blob.sha256.as_str(),
            copy.blob.size,
            copy.tools,
            copy.redactions
        ),
    )?;
    v.audit(
        tx,
        AuditAction::Export,
        &format!("document:{}", original.id),
        &format!("redacted-copy:{id} bates={first_label}..{last_label}"),
    )?;
    v.audit(
        tx,
        AuditAction::DocumentAdded,
        &format!("document:{id}"),
        &format!("redacted copy of {}", original.id),
    )?;
    Ok(RedactedCopyRecord {
        copy_id: id,
        original_id: original.id,
        prefix: copy.prefix.to_owned(),
        bates_first: copy.bates_first,
        bates_last: last,
        made_at: now,
        made_by: actor,
        redactions: copy.redactions.clone(),
    })
}
