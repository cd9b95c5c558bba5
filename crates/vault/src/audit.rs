//! The tamper-evident audit log.
//!
//! Each entry is chained to the one before it: `hash = BLAKE3-keyed(audit
//! key, seq ‖ at ‖ actor ‖ action ‖ object ‖ detail ‖ prev_hash)`. Altering,
//! inserting or deleting an entry breaks the chain at that point, and
//! without the vault key nobody can forge a consistent replacement.
//! Entries name record ids and counts, never names or narratives.
//!
//! What it cannot show by itself: the removal of the newest entries. The
//! head hash printed by `testimonio audit log` can be kept elsewhere to
//! detect that.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::error::Result;
use crate::keys::Key32;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What was done. Stored as its code; new actions may be added, never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    VaultCreated,
    PassphraseChanged,
    RecordCreated,
    RecordUpdated,
    IdentityRead,
    Import,
    Export,
    DocumentAdded,
    DocumentReceivedAgain,
    DocumentRead,
    Backup,
    Restored,
    Check,
    AgeIdentityRevealed,
    UserChanged,
    Login,
    Locked,
    Unlocked,
    /// Search results (or watchlist hits) shown: ids and counts, and the
    /// query's keyed fingerprint, never the query.
    Search,
    UnlockFailed,
    /// Where and when a photo was taken, read (see `capture.rs`).
    CaptureRead,
    /// A testimony's account read (like an identity read).
    TestimonyRead,
}

impl AuditAction {
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::VaultCreated => "vault_created",
            AuditAction::PassphraseChanged => "passphrase_changed",
            AuditAction::RecordCreated => "record_created",
            AuditAction::RecordUpdated => "record_updated",
            AuditAction::IdentityRead => "identity_read",
            AuditAction::Import => "import",
            AuditAction::Export => "export",
            AuditAction::DocumentAdded => "document_added",
            AuditAction::DocumentReceivedAgain => "document_received_again",
            AuditAction::DocumentRead => "document_read",
            AuditAction::Backup => "backup",
            AuditAction::Restored => "restored",
            AuditAction::Check => "check",
            AuditAction::AgeIdentityRevealed => "age_identity_revealed",
            AuditAction::UserChanged => "user_changed",
            AuditAction::Login => "login",
            AuditAction::Locked => "locked",
            AuditAction::Unlocked => "unlocked",
            AuditAction::Search => "search",
            AuditAction::UnlockFailed => "unlock_failed",
            AuditAction::CaptureRead => "capture_read",
            AuditAction::TestimonyRead => "testimony_read",
        }
    }
}

/// One entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub object: String,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of entry `seq` over its fields `[at, actor, action, object,
/// detail, prev_hash]`.
fn entry_hash(key: &Key32, seq: i64, fields: [&str; 6]) -> String {
    let mut h = blake3::Hasher::new_keyed(key.bytes());
    h.update(&seq.to_le_bytes());
    for field in fields {
        // Length-prefixed, so that no two field lists hash alike.
        h.update(&(field.len() as u64).to_le_bytes());
        h.update(field.as_bytes());
    }
    h.finalize().to_hex().to_string()
}

/// Appends an entry. Call inside the transaction that makes the change, so
/// that the change and its entry commit together or not at all.
///
/// # Errors
/// Database errors.
pub(crate) fn append(
    conn: &Connection,
    key: &Key32,
    at: &str,
    actor: &str,
    action: AuditAction,
    object: &str,
    detail: &str,
) -> Result<()> {
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_owned()),
    };
    let hash = entry_hash(key, seq, [at, actor, action.code(), object, detail, &prev]);
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, actor, action, object, detail, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![seq, at, actor, action.code(), object, detail, prev, hash])?;
    Ok(())
}

/// A break in the chain, precise enough to find the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainFault {
    /// Entries between `after` and `next` are missing.
    Missing { after: i64, next: i64 },
    /// The entry's content no longer matches its hash.
    Altered { seq: i64 },
    /// The entry does not link to the hash of the entry before it.
    BrokenLink { seq: i64 },
}

impl std::fmt::Display for ChainFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainFault::Missing { after, next } if next - after == 2 => {
                write!(f, "audit entry {} is missing", after + 1)
            }
            ChainFault::Missing { after, next } => {
                write!(f, "audit entries {} to {} are missing", after + 1, next - 1)
            }
            ChainFault::Altered { seq } => write!(f, "audit entry {seq} was altered"),
            ChainFault::BrokenLink { seq } => {
                write!(f, "audit entry {seq} does not follow the entry before it")
            }
        }
    }
}

/// Walks the whole chain.
///
/// # Errors
/// Database errors.
pub(crate) fn verify(conn: &Connection, key: &Key32) -> Result<(usize, Vec<ChainFault>)> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, object, detail, prev_hash, hash FROM audit_log ORDER BY seq",
    )?;
    let rows = stmt.query_map([], read_entry)?;
    let mut faults = Vec::new();
    let mut prev_seq = 0i64;
    let mut prev_hash = GENESIS.to_owned();
    let mut count = 0;
    for row in rows {
        let e = row?;
        count += 1;
        if e.seq != prev_seq + 1 {
            faults.push(ChainFault::Missing {
                after: prev_seq,
                next: e.seq,
            });
        }
        let expected = entry_hash(
            key,
            e.seq,
            [
                &e.at,
                &e.actor,
                &e.action,
                &e.object,
                &e.detail,
                &e.prev_hash,
            ],
        );
        if expected != e.hash {
            faults.push(ChainFault::Altered { seq: e.seq });
        } else if e.prev_hash != prev_hash && e.seq == prev_seq + 1 {
            faults.push(ChainFault::BrokenLink { seq: e.seq });
        }
        prev_seq = e.seq;
        prev_hash = e.hash;
    }
    Ok((count, faults))
}

pub(crate) fn read_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        object: r.get(4)?,
        detail: r.get(5)?,
        prev_hash: r.get(6)?,
        hash: r.get(7)?,
    })
}

/// The newest entries, newest last.
///
/// # Errors
/// Database errors.
pub(crate) fn tail(conn: &Connection, limit: usize) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, object, detail, prev_hash, hash FROM (SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?1) ORDER BY seq",
    )?;
    let rows = stmt.query_map([limit as i64], read_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn created_by(conn: &Connection) -> Result<Option<String>> {
    let mut stmt = conn.prepare(
        "SELECT actor FROM audit_log WHERE action = 'vault_created' ORDER BY seq LIMIT 1",
    )?;
    let mut rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
    Ok(rows.next().transpose()?)
}

impl crate::vault::Vault {
    /// The actor recorded when the vault was created (e.g. `cli:Ana Pérez`),
    /// the name of the operator who made it; `None` for a vault whose log
    /// has no creation entry.
    ///
    /// # Errors
    /// Database errors.
    pub fn created_by(&self) -> Result<Option<String>> {
        created_by(self.conn())
    }

    /// Records that a report is about to leave the vault, as an
    /// [`AuditAction::Export`] of object `report:KIND` (e.g. `report:pdf`).
    /// The detail holds the audience and the given counts only, from
    /// static names and numbers, so no name or narrative can reach the
    /// log through it. Call after the report is made and before it is
    /// written, so that a report that cannot be audited is not written.
    ///
    /// # Errors
    /// Database errors.
    pub fn record_report(
        &mut self,
        kind: &'static str,
        audience: testimonio_domain::Audience,
        counts: &[(&'static str, u64)],
    ) -> Result<()> {
        let audience = match audience {
            testimonio_domain::Audience::Internal => "internal",
            testimonio_domain::Audience::Coalition => "coalition",
            testimonio_domain::Audience::Public => "public",
        };
        let mut detail = format!("audience={audience}");
        for (name, n) in counts {
            detail.push_str(&format!(" {name}={n}"));
        }
        self.write(|v, tx| v.audit(tx, AuditAction::Export, &format!("report:{kind}"), &detail))
    }
}
