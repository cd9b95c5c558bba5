//! The key custodian's state (migration 18): the coalition's OPRF key
//! (its seed), the members it serves and the evaluations each used per
//! UTC day. Bearer tokens are kept as SHA-256 only; no input or output of
//! an evaluation is ever stored, only counts.

use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::coalition::blob32;
use crate::error::Result;
use crate::vault::Vault;

/// The custodian's answer to a member's request for `count` evaluations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Charge {
    /// Within the day's budget: counted.
    Granted {
        member: String,
        used: u64,
        budget: u64,
    },
    /// Over the day's budget: refused (and counted as refused).
    OverBudget {
        member: String,
        used: u64,
        budget: u64,
    },
    /// No member holds this token (or it was revoked).
    UnknownToken,
}

/// A member as the custodian lists it (no token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustodianMember {
    pub name: String,
    pub daily_budget: u64,
    pub created_at: String,
    pub revoked: bool,
}

/// A bearer token's stored form.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl Vault {
    /// Stores the custodian's key seed and public key (audited
    /// `record_created` of `custodian-key`). Returns `false`, changing
    /// nothing, when a key is stored already.
    ///
    /// # Errors
    /// Database errors.
    pub fn custodian_init(&mut self, seed: &[u8; 32], public_key: &str) -> Result<bool> {
        let now = crate::now();
        self.write(|v, tx| {
            let made = tx.execute(
                "INSERT INTO custodian_key (id, seed, public_key, created_at, created_by)
                 VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO NOTHING",
                rusqlite::params![seed.as_slice(), public_key, now, v.actor().as_str()],
            )?;
            if made == 0 {
                return Ok(false);
            }
            v.audit(tx, AuditAction::RecordCreated, "custodian-key", "")?;
            Ok(true)
        })
    }

    /// The custodian's key seed and public key, if this vault is one.
    ///
    /// # Errors
    /// Database errors; [`crate::VaultError::Internal`] for a damaged seed.
    pub fn custodian_key(&self) -> Result<Option<(Zeroizing<[u8; 32]>, String)>> {
        let row = self
            .conn()
            .query_row(
                "SELECT seed, public_key FROM custodian_key WHERE id = 1",
                [],
                |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()?;
        row.map(|(seed, pk)| Ok((blob32(seed, "custodian seed")?, pk)))
            .transpose()
    }

    /// Adds a member with its token's hash and daily budget (audited
    /// `record_created` of `custodian-member:NAME`). Returns `false`,
    /// changing nothing, when the name is taken.
    ///
    /// # Errors
    /// Database errors.
    pub fn custodian_add_member(
        &mut self,
        name: &str,
        token_sha256: &str,
        daily_budget: u64,
    ) -> Result<bool> {
        let now = crate::now();
        let budget = i64::try_from(daily_budget).unwrap_or(i64::MAX);
        self.write(|v, tx| {
            let made = tx.execute(
                "INSERT INTO custodian_members (name, token_sha256, daily_budget, created_at)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO NOTHING",
                rusqlite::params![name, token_sha256, budget, now],
            )?;
            if made == 0 {
                return Ok(false);
            }
            v.audit(
                tx,
                AuditAction::RecordCreated,
                &format!("custodian-member:{name}"),
                &format!("budget={daily_budget}"),
            )?;
            Ok(true)
        })
    }

    /// The custodian's members, by name.
    ///
    /// # Errors
    /// Database errors.
    pub fn custodian_members(&self) -> Result<Vec<CustodianMember>> {
        let mut stmt = self.conn().prepare(
            "SELECT name, daily_budget, created_at, revoked_at IS NOT NULL
             FROM custodian_members ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CustodianMember {
                name: r.get(0)?,
                daily_budget: r.get::<_, i64>(1)?.try_into().unwrap_or(0),
                created_at: r.get(2)?,
                revoked: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Charges `count` evaluations to the member holding the token whose
    /// hash is `token_sha256`, on `day` (UTC, `YYYY-MM-DD`), in one
    /// transaction: granted within the day's budget, refused past it (the
    /// refusal counted). A granted or refused charge is audited
    /// (`custodian:evaluate`, the member and counts only).
    ///
    /// # Errors
    /// Database errors.
    pub fn custodian_charge(
        &mut self,
        token_sha256: &str,
        count: u64,
        day: &str,
    ) -> Result<Charge> {
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        self.write(|v, tx| {
            let member: Option<(String, i64)> = tx
                .query_row(
                    "SELECT name, daily_budget FROM custodian_members
                     WHERE token_sha256 = ?1 AND revoked_at IS NULL",
                    [token_sha256],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((name, budget)) = member else {
                return Ok(Charge::UnknownToken);
            };
            let used: i64 = tx
                .query_row(
                    "SELECT evaluations FROM custodian_usage WHERE member = ?1 AND day = ?2",
                    rusqlite::params![name, day],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(0);
            let granted = used.saturating_add(count) <= budget;
            let (evaluations, refused) = if granted { (count, 0) } else { (0, 1) };
            tx.execute(
                "INSERT INTO custodian_usage (member, day, evaluations, refused)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (member, day) DO UPDATE SET
                     evaluations = evaluations + excluded.evaluations,
                     refused = refused + excluded.refused",
                rusqlite::params![name, day, evaluations, refused],
            )?;
            v.audit(
                tx,
                AuditAction::Export,
                "custodian:evaluate",
                &format!(
                    "member={name} {}={count}",
                    if granted { "granted" } else { "refused" }
                ),
            )?;
            let used = u64::try_from(used + evaluations).unwrap_or(0);
            let budget = u64::try_from(budget).unwrap_or(0);
            Ok(if granted {
                Charge::Granted {
                    member: name,
                    used,
                    budget,
                }
            } else {
                Charge::OverBudget {
                    member: name,
                    used,
                    budget,
                }
            })
        })
    }
}
