//! Coalition state (migration 18): this vault as a member group of a
//! coalition, and this vault as the coalition's key custodian. Secrets
//! (the member's signing seed and pseudonym key, the custodian's bearer
//! token and OPRF seed) are stored only in the encrypted database and
//! handed out as zeroized bytes; every change is audited, and the
//! custodian records counts of evaluations only.

use std::fmt;

use rusqlite::OptionalExtension;
use testimonio_domain::{ANumber, RecordId, Sensitive};
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::error::{Result, VaultError};
use crate::records;
use crate::vault::Vault;

/// A coalition this vault is a member of (no secret in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub coalition_id: String,
    pub hub_recipient: String,
    pub custodian: Option<CustodianLink>,
    /// The number of the last bundle made (0 before the first).
    pub last_number: u64,
    pub joined_at: String,
}

/// Where the member asks for match tokens.
#[derive(Clone, PartialEq, Eq)]
pub struct CustodianLink {
    pub url: String,
    /// The custodian's public key (hex), pinned at join: every proof is
    /// checked against it.
    pub public_key: String,
    /// The member's bearer token at the custodian (secret).
    pub token: Zeroizing<String>,
}

impl fmt::Debug for CustodianLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CustodianLink")
            .field("url", &self.url)
            .field("public_key", &self.public_key)
            .field("token", &"<redacted>")
            .finish()
    }
}

/// What joining stores.
pub struct NewMembership<'a> {
    pub coalition_id: &'a str,
    pub hub_recipient: &'a str,
    pub member_key: &'a [u8; 32],
    pub pseudonym_key: &'a [u8; 32],
    pub custodian: Option<&'a CustodianLink>,
}

/// The member's secrets: wiped on drop, redacted in `Debug`.
pub struct MembershipSecrets {
    pub member_key: Zeroizing<[u8; 32]>,
    pub pseudonym_key: Zeroizing<[u8; 32]>,
}

impl fmt::Debug for MembershipSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MembershipSecrets(<redacted>)")
    }
}

/// The identity fields private matching reads of one person: nothing else
/// (no contact, address or status).
#[derive(Debug)]
pub struct MatchIdentity {
    pub id: RecordId,
    pub legal_name: Option<Sensitive>,
    pub a_number: Option<ANumber>,
    pub birth_year: Option<u16>,
}

/// What one bundle holds, for its audit entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShareCounts {
    pub people: usize,
    pub events: usize,
    pub narratives: usize,
    pub tokens: usize,
}

pub(crate) fn blob32(bytes: Vec<u8>, what: &str) -> Result<Zeroizing<[u8; 32]>> {
    let bytes = Zeroizing::new(bytes);
    let mut out = Zeroizing::new([0u8; 32]);
    if bytes.len() != 32 {
        return Err(VaultError::internal(format!(
            "stored {what} is not 32 bytes"
        )));
    }
    out.copy_from_slice(&bytes);
    Ok(out)
}

impl Vault {
    /// Records that this vault joined a coalition (audited
    /// `record_created` of `coalition:ID`). Returns `false`, changing
    /// nothing, when it is a member already.
    ///
    /// # Errors
    /// Database errors.
    pub fn join_coalition(&mut self, new: &NewMembership<'_>) -> Result<bool> {
        let now = crate::now();
        self.write(|v, tx| {
            let made = tx.execute(
                "INSERT INTO coalition_membership (id, coalition_id, hub_recipient, member_key,
                     pseudonym_key, custodian_url, custodian_public_key, custodian_token,
                     joined_at, joined_by)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING",
                rusqlite::params![
                    new.coalition_id,
                    new.hub_recipient,
                    new.member_key.as_slice(),
                    new.pseudonym_key.as_slice(),
                    new.custodian.map(|c| c.url.as_str()),
                    new.custodian.map(|c| c.public_key.as_str()),
                    new.custodian.map(|c| c.token.as_str()),
                    now,
                    v.actor().as_str()
                ],
            )?;
            if made == 0 {
                return Ok(false);
            }
            v.audit(
                tx,
                AuditAction::RecordCreated,
                &format!("coalition:{}", new.coalition_id),
                "",
            )?;
            Ok(true)
        })
    }

    /// The coalition this vault is a member of, if any.
    ///
    /// # Errors
    /// Database errors.
    pub fn coalition_membership(&self) -> Result<Option<Membership>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT coalition_id, hub_recipient, custodian_url, custodian_public_key,
                        custodian_token, last_number, joined_at
                 FROM coalition_membership WHERE id = 1",
                [],
                |r| {
                    let url: Option<String> = r.get(2)?;
                    let public_key: Option<String> = r.get(3)?;
                    let token: Option<String> = r.get(4)?;
                    Ok(Membership {
                        coalition_id: r.get(0)?,
                        hub_recipient: r.get(1)?,
                        custodian: match (url, public_key, token) {
                            (Some(url), Some(public_key), Some(token)) => Some(CustodianLink {
                                url,
                                public_key,
                                token: Zeroizing::new(token),
                            }),
                            _ => None,
                        },
                        last_number: r.get::<_, i64>(5)?.try_into().unwrap_or(0),
                        joined_at: r.get(6)?,
                    })
                },
            )
            .optional()?)
    }

    /// The member's secrets, if this vault joined a coalition.
    ///
    /// # Errors
    /// Database errors; [`VaultError::Internal`] for a damaged secret.
    pub fn coalition_secrets(&self) -> Result<Option<MembershipSecrets>> {
        let row = self
            .conn()
            .query_row(
                "SELECT member_key, pseudonym_key FROM coalition_membership WHERE id = 1",
                [],
                |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?)),
            )
            .optional()?;
        row.map(|(m, p)| {
            Ok(MembershipSecrets {
                member_key: blob32(m, "member key")?,
                pseudonym_key: blob32(p, "pseudonym key")?,
            })
        })
        .transpose()
    }

    /// The legal name, A-number and birth year of `ids`, for private
    /// matching: one audited `identity_read` of `coalition:share` with
    /// the count, in the transaction of the read. Unknown ids are skipped.
    ///
    /// # Errors
    /// Database errors; a stored identity that no longer parses.
    pub fn match_identities(&mut self, ids: &[RecordId]) -> Result<Vec<MatchIdentity>> {
        self.write(|v, tx| {
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(p) = records::person_with_identity(tx, id)? {
                    out.push(MatchIdentity {
                        id: p.id,
                        legal_name: p.identity.legal_name,
                        a_number: p.identity.a_number,
                        birth_year: p.identity.birth_year,
                    });
                }
            }
            v.audit(
                tx,
                AuditAction::IdentityRead,
                "coalition:share",
                &format!("people={}", out.len()),
            )?;
            Ok(out)
        })
    }

    /// Takes the next bundle number and audits the share (an `export` of
    /// `coalition-bundle:N`, counts only), in one transaction, before the
    /// bundle's bytes exist.
    ///
    /// # Errors
    /// Database errors; [`VaultError::Internal`] when this vault is no
    /// member (the caller checks first).
    pub fn record_coalition_share(&mut self, counts: ShareCounts) -> Result<u64> {
        self.write(|v, tx| {
            let last: Option<i64> = tx
                .query_row(
                    "SELECT last_number FROM coalition_membership WHERE id = 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            let last = last.ok_or_else(|| VaultError::internal("not a coalition member"))?;
            let number = last + 1;
            tx.execute(
                "UPDATE coalition_membership SET last_number = ?1 WHERE id = 1",
                [number],
            )?;
            v.audit(
                tx,
                AuditAction::Export,
                &format!("coalition-bundle:{number}"),
                &format!(
                    "people={} events={} narratives={} tokens={}",
                    counts.people, counts.events, counts.narratives, counts.tokens
                ),
            )?;
            Ok(u64::try_from(number).unwrap_or(0))
        })
    }
}
