//! A coalition hub's state (migration 19): the coalition and its age
//! identity, the admitted members, and every bundle received. The
//! bundles' bodies are de-identified by construction (see
//! `testimonio-coalition`); they are kept inside the encrypted database
//! all the same. Every change is audited with counts only.

use rusqlite::OptionalExtension;
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::error::Result;
use crate::vault::Vault;

/// An admitted member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubMember {
    pub name: String,
    /// Ed25519 public key, hex.
    pub member_key: String,
    pub admitted_at: String,
    /// The number of its last bundle received (0 before the first).
    pub last_number: u64,
}

/// A bundle as stored: whose, which number, its canonical body.
#[derive(Debug, Clone)]
pub struct StoredBundle {
    pub member: String,
    pub number: u64,
    pub body: Vec<u8>,
}

/// What storing a received bundle did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Stored,
    /// Another bundle of this member at this number or later came first.
    NotNewer {
        last: u64,
    },
}

fn number(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Vault {
    /// Makes this vault the hub of `coalition_id` with `age_identity`
    /// (audited `record_created` of `hub:ID`). `false` when it is a hub
    /// already.
    ///
    /// # Errors
    /// Database errors.
    pub fn hub_create(&mut self, coalition_id: &str, age_identity: &str) -> Result<bool> {
        let now = crate::now();
        self.write(|v, tx| {
            let made = tx.execute(
                "INSERT INTO hub_coalition (id, coalition_id, age_identity, created_at, created_by)
                 VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO NOTHING",
                rusqlite::params![coalition_id, age_identity, now, v.actor().as_str()],
            )?;
            if made == 0 {
                return Ok(false);
            }
            v.audit(
                tx,
                AuditAction::RecordCreated,
                &format!("hub:{coalition_id}"),
                "",
            )?;
            Ok(true)
        })
    }

    /// The coalition this vault is the hub of, with its age identity.
    ///
    /// # Errors
    /// Database errors.
    pub fn hub_coalition(&self) -> Result<Option<(String, Zeroizing<String>)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT coalition_id, age_identity FROM hub_coalition WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, Zeroizing::new(r.get::<_, String>(1)?))),
            )
            .optional()?)
    }

    /// Admits a member by name and public key (audited `record_created` of
    /// `hub-member:NAME`). `false` when the name or the key is taken.
    ///
    /// # Errors
    /// Database errors.
    pub fn hub_admit(&mut self, name: &str, member_key: &str) -> Result<bool> {
        let now = crate::now();
        self.write(|v, tx| {
            let made = tx.execute(
                "INSERT INTO hub_members (name, member_key, admitted_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
                rusqlite::params![name, member_key, now],
            )?;
            if made == 0 {
                return Ok(false);
            }
            v.audit(
                tx,
                AuditAction::RecordCreated,
                &format!("hub-member:{name}"),
                "",
            )?;
            Ok(true)
        })
    }

    /// The admitted members, by name.
    ///
    /// # Errors
    /// Database errors.
    pub fn hub_members(&self) -> Result<Vec<HubMember>> {
        let mut stmt = self.conn().prepare(
            "SELECT name, member_key, admitted_at, last_number FROM hub_members ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(HubMember {
                name: r.get(0)?,
                member_key: r.get(1)?,
                admitted_at: r.get(2)?,
                last_number: number(r.get(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Stores a verified bundle of `member` if its number is above the
    /// member's last (checked again inside the transaction), with an
    /// audited `import` of `coalition-bundle:MEMBER:N` (counts only).
    ///
    /// # Errors
    /// Database errors.
    pub fn hub_store_bundle(
        &mut self,
        member: &str,
        bundle_number: u64,
        counts: (usize, usize),
        body: &[u8],
    ) -> Result<Stored> {
        let now = crate::now();
        let n = i64::try_from(bundle_number).unwrap_or(i64::MAX);
        self.write(|v, tx| {
            let last: i64 = tx.query_row(
                "SELECT last_number FROM hub_members WHERE name = ?1",
                [member],
                |r| r.get(0),
            )?;
            if n <= last {
                return Ok(Stored::NotNewer { last: number(last) });
            }
            tx.execute(
                "INSERT INTO hub_bundles (member, number, received_at, people, events, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![member, n, now, counts.0 as i64, counts.1 as i64, body],
            )?;
            tx.execute(
                "UPDATE hub_members SET last_number = ?1 WHERE name = ?2",
                rusqlite::params![n, member],
            )?;
            v.audit(
                tx,
                AuditAction::Import,
                &format!("coalition-bundle:{member}:{bundle_number}"),
                &format!("people={} events={}", counts.0, counts.1),
            )?;
            Ok(Stored::Stored)
        })
    }

    /// Each member's newest bundle: the coalition's current picture.
    ///
    /// # Errors
    /// Database errors.
    pub fn hub_current_bundles(&self) -> Result<Vec<StoredBundle>> {
        let mut stmt = self.conn().prepare(
            "SELECT b.member, b.number, b.body FROM hub_bundles b
             JOIN hub_members m ON m.name = b.member AND m.last_number = b.number
             ORDER BY b.member",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StoredBundle {
                member: r.get(0)?,
                number: number(r.get(1)?),
                body: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// How many bundles the hub keeps (every member's history).
    ///
    /// # Errors
    /// Database errors.
    pub fn hub_bundle_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM hub_bundles", [], |r| r.get(0))?;
        Ok(number(n))
    }
}
