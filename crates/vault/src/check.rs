//! `check`: the database, every blob against its hash, every excerpt
//! against its page, the audit chain.

use serde::Serialize;

use crate::audit::AuditAction;
use crate::blobs::Sha256Hex;
use crate::error::Result;
use crate::vault::Vault;

/// What `check` found. Faults are damage; notes are harmless leftovers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    pub faults: Vec<String>,
    pub notes: Vec<String>,
    pub documents_checked: usize,
    pub audit_entries: usize,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.faults.is_empty()
    }
}

impl Vault {
    /// Checks everything and records the check in the audit log.
    ///
    /// # Errors
    /// Only errors that stop the check itself (the database cannot be read
    /// at all); damage found is reported in the [`CheckReport`].
    pub fn check(&mut self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        for pragma in ["PRAGMA cipher_integrity_check", "PRAGMA integrity_check"] {
            let mut stmt = self.conn().prepare(pragma)?;
            let rows: Vec<String> = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for row in rows.into_iter().filter(|r| r != "ok") {
                report.faults.push(format!("database: {row}"));
            }
        }
        let rows: Vec<(String, String)> = {
            let mut stmt = self.conn().prepare("PRAGMA foreign_key_check")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (table, parent) in rows {
            report.faults.push(format!(
                "database: a row in {table} refers to a missing row in {parent}"
            ));
        }

        let documents: Vec<(String, String, String)> = {
            let mut stmt = self
                .conn()
                .prepare("SELECT id, sha256, blob_name FROM documents ORDER BY id")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut referenced = std::collections::HashSet::new();
        for (id, sha, name) in &documents {
            report.documents_checked += 1;
            referenced.insert(name.clone());
            let verdict = Sha256Hex::parse(sha).and_then(|sha| {
                if self.blobs().name_for(&sha) != *name {
                    return Err(crate::VaultError::Blob {
                        name: name.clone(),
                        reason: "its name does not match its hash".into(),
                    });
                }
                self.blobs().get(&sha, &mut std::io::sink())
            });
            if let Err(e) = verdict {
                report.faults.push(format!("document {id}: {e}"));
            }
        }
        // A spreadsheet uploaded for an import is kept with its import.
        for import in self.stored_imports(usize::MAX)? {
            if let Some(sha) = import.source_blob.as_deref().map(Sha256Hex::parse) {
                referenced.insert(self.blobs().name_for(&sha?));
            }
        }
        for name in self.blobs().names_on_disk()? {
            if !referenced.contains(&name) {
                report.notes.push(format!(
                    "blob {name} is not referenced by any document (left by an interrupted add)"
                ));
            }
        }

        // Every excerpt still quotes its page exactly.
        for excerpt in self.excerpts(&crate::excerpts::ExcerptFilter::default())? {
            let now: Option<String> =
                self.document_page(&excerpt.document, excerpt.page)?
                    .map(|p| {
                        p.text
                            .chars()
                            .skip(excerpt.start)
                            .take(excerpt.end - excerpt.start)
                            .collect()
                    });
            if now.as_deref() != Some(excerpt.quote.as_str()) {
                report.faults.push(format!(
                    "excerpt {}: its quote no longer matches page {} of {}",
                    excerpt.id, excerpt.page, excerpt.document
                ));
            }
        }

        let (entries, chain_faults) = self.verify_audit_chain()?;
        report.audit_entries = entries;
        report
            .faults
            .extend(chain_faults.iter().map(ToString::to_string));

        let detail = format!("faults={}", report.faults.len());
        self.write(|v, tx| v.audit(tx, AuditAction::Check, "vault", &detail))?;
        Ok(report)
    }
}
