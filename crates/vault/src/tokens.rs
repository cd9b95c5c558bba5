//! API tokens: random bearer tokens for `/api/v1`, of which only a SHA-256
//! is kept. Every token expires; an administrator can list and revoke
//! them; a password change revokes all of an account's tokens.

use std::time::Duration;

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::audit::AuditAction;
use crate::error::{RecordKind, Refusal, Result, VaultError};
use crate::login::{later, stamp};
use crate::users::{User, Username};
use crate::vault::Vault;

/// How long a token lasts unless told otherwise, in days.
pub const DEFAULT_TOKEN_DAYS: u32 = 90;
/// The longest a token may last, in days.
pub const MAX_TOKEN_DAYS: u32 = 3650;

/// A number of days as a duration.
pub fn days(n: u32) -> Duration {
    Duration::from_secs(u64::from(n) * 24 * 3600)
}

/// `last_used` is written at most this often per token, so that a busy
/// API client does not turn every read into a write.
const LAST_USED_EVERY_SECS: i64 = 60;

/// One token as listed: never the token itself, nor its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub username: Username,
    pub label: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used: Option<String>,
    pub revoked: bool,
    pub revoked_at: Option<String>,
}

/// Whether a token works, as listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenStatus {
    Active,
    Expired,
    Revoked,
}

impl ApiToken {
    /// The token's status at `now` (an RFC 3339 time as stored).
    pub fn status(&self, now: &str) -> TokenStatus {
        if self.revoked {
            TokenStatus::Revoked
        } else if self.expires_at.as_deref().is_none_or(|e| e <= now) {
            TokenStatus::Expired
        } else {
            TokenStatus::Active
        }
    }
}

pub(crate) fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

/// Revokes every live token of `user_id`; how many. For a password
/// change, inside its transaction.
pub(crate) fn revoke_tokens_of(tx: &Connection, user_id: i64, now: &str) -> Result<usize> {
    Ok(tx.execute(
        "UPDATE api_tokens SET revoked = 1, revoked_at = ?1 WHERE user_id = ?2 AND revoked = 0",
        params![now, user_id],
    )?)
}

impl Vault {
    /// Issues an API token for `username`, valid for
    /// [`DEFAULT_TOKEN_DAYS`]; only its hash is stored. The token is
    /// returned once. Audited.
    ///
    /// # Errors
    /// An unknown user.
    pub fn create_api_token(
        &mut self,
        username: &Username,
        label: &str,
    ) -> Result<zeroize::Zeroizing<String>> {
        self.create_api_token_valid_for(username, label, days(DEFAULT_TOKEN_DAYS))
    }

    /// Issues an API token that expires `valid_for` from now (at most
    /// [`MAX_TOKEN_DAYS`]). Audited, with the token's id and expiry.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown user;
    /// [`Refusal::TokenTooLong`] for a zero or too long `valid_for`.
    pub fn create_api_token_valid_for(
        &mut self,
        username: &Username,
        label: &str,
        valid_for: Duration,
    ) -> Result<zeroize::Zeroizing<String>> {
        if valid_for.is_zero() || valid_for > days(MAX_TOKEN_DAYS) {
            return Err(Refusal::TokenTooLong {
                max_days: MAX_TOKEN_DAYS,
            }
            .into());
        }
        let user = self.user_by_name(username)?;
        let mut bytes = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
        let token = zeroize::Zeroizing::new(format!("tmo_{}", hex::encode(bytes)));
        zeroize::Zeroize::zeroize(&mut bytes);
        let hash = token_hash(&token);
        let label = label.trim().chars().take(100).collect::<String>();
        let now = Utc::now();
        let expires = stamp(later(now, valid_for));
        self.write(|v, tx| {
            tx.execute(
                "INSERT INTO api_tokens (user_id, token_hash, label, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![user.id, hash, label, stamp(now), expires],
            )?;
            let id = tx.last_insert_rowid();
            v.audit(
                tx,
                AuditAction::UserChanged,
                &format!("user:{username}"),
                &format!("api token {id} issued; expires {expires}"),
            )
        })?;
        Ok(token)
    }

    /// The tokens of one account, or of every account, newest first.
    ///
    /// # Errors
    /// An unknown user; database errors.
    pub fn api_tokens(&self, username: Option<&Username>) -> Result<Vec<ApiToken>> {
        let user_id = username
            .map(|u| self.user_by_name(u))
            .transpose()?
            .map(|u| u.id);
        let mut stmt = self.conn().prepare(
            "SELECT t.id, u.username, t.label, t.created_at, t.expires_at, t.last_used, t.revoked, t.revoked_at
             FROM api_tokens t JOIN users u ON u.id = t.user_id
             WHERE ?1 IS NULL OR t.user_id = ?1
             ORDER BY t.id DESC",
        )?;
        let rows = stmt.query_map([user_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, i64>(6)? != 0,
                r.get::<_, Option<String>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, label, created_at, expires_at, last_used, revoked, revoked_at) = row?;
            out.push(ApiToken {
                id,
                username: Username::parse(&name)?,
                label,
                created_at,
                expires_at,
                last_used,
                revoked,
                revoked_at,
            });
        }
        Ok(out)
    }

    /// Revokes token `id` of `username`: it stops working at once.
    /// Revoking a revoked token changes nothing. Audited.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] when the account has no such token.
    pub fn revoke_api_token(&mut self, username: &Username, id: i64) -> Result<()> {
        let user = self.user_by_name(username)?;
        self.write(|v, tx| {
            let revoked: Option<i64> = tx
                .query_row(
                    "SELECT revoked FROM api_tokens WHERE id = ?1 AND user_id = ?2",
                    params![id, user.id],
                    |r| r.get(0),
                )
                .optional()?;
            match revoked {
                None => Err(VaultError::NotFound {
                    kind: RecordKind::ApiToken,
                    id: id.to_string(),
                }),
                Some(0) => {
                    tx.execute(
                        "UPDATE api_tokens SET revoked = 1, revoked_at = ?1 WHERE id = ?2",
                        params![crate::now(), id],
                    )?;
                    v.audit(
                        tx,
                        AuditAction::UserChanged,
                        &format!("user:{username}"),
                        &format!("api token {id} revoked"),
                    )
                }
                Some(_) => Ok(()),
            }
        })
    }

    /// The enabled account behind a token that is neither revoked nor
    /// expired, if any; notes when the token was last used.
    ///
    /// # Errors
    /// Database errors.
    pub fn user_for_api_token(&mut self, token: &str) -> Result<Option<User>> {
        let now = Utc::now();
        let found: Option<(i64, i64, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT t.id, t.user_id, t.last_used FROM api_tokens t JOIN users u ON u.id = t.user_id
                 WHERE t.token_hash = ?1 AND t.revoked = 0 AND t.expires_at > ?2 AND u.disabled = 0",
                params![token_hash(token), stamp(now)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((token_id, user_id, last_used)) = found else {
            return Ok(None);
        };
        let stale = last_used
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .is_none_or(|t| (now - t.with_timezone(&Utc)).num_seconds() >= LAST_USED_EVERY_SECS);
        if stale {
            self.write(|_, tx| {
                tx.execute(
                    "UPDATE api_tokens SET last_used = ?1 WHERE id = ?2",
                    params![stamp(now), token_id],
                )?;
                Ok(())
            })?;
        }
        self.user(user_id)
    }
}
