//! Web sessions, kept in the vault so that a restart or an upgrade of the
//! server logs nobody out, and so that whatever ends a session ends it in
//! every process at once: a password change or a disable (also from the
//! command line while a server runs), a logout, locking the vault.
//!
//! The cookie value is never stored: rows are keyed by its SHA-256, so a
//! copy of the database (even decrypted) yields no usable cookie. The CSRF
//! token and an unconfirmed TOTP secret are secrets too; they are stored
//! as they are because the database is encrypted.
//!
//! Timeouts are the server's: the absolute one is fixed at creation
//! (`expires_at`); the idle one is checked against `last_seen`, which is
//! written at most once a minute per session (so that reading a page is
//! not a write), so a session may end up to a minute before its idle
//! timeout.

use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use zeroize::Zeroizing;

use crate::error::Result;
use crate::login::{later, stamp};
use crate::tokens::token_hash;
use crate::users::{User, to_user, user_row};
use crate::vault::Vault;

/// How often `last_seen` is written at most.
const TOUCH_EVERY: Duration = Duration::from_secs(60);

/// How long sessions last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimeouts {
    /// Without a request for this long, a session ends.
    pub idle: Duration,
    /// A session ends this long after it began, whatever happens.
    pub absolute: Duration,
}

/// A live session and its account.
pub struct WebSession {
    pub user: User,
    /// The token every state-changing form of this session carries.
    pub csrf: Zeroizing<String>,
    /// Password accepted, TOTP code still to come: not logged in yet.
    pub second_factor_pending: bool,
    /// A TOTP secret shown for enrollment, not yet confirmed.
    pub enrolling_secret: Option<Zeroizing<String>>,
}

impl std::fmt::Debug for WebSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebSession")
            .field("user", &self.user.id)
            .field("second_factor_pending", &self.second_factor_pending)
            .finish_non_exhaustive()
    }
}

/// A session just begun: the cookie value (returned once, never stored)
/// and the session's CSRF token.
pub struct NewSession {
    pub token: Zeroizing<String>,
    pub csrf: Zeroizing<String>,
}

/// 32 random bytes as hex.
pub(crate) fn random_hex() -> Zeroizing<String> {
    let mut bytes = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
    let out = Zeroizing::new(hex::encode(bytes));
    zeroize::Zeroize::zeroize(&mut bytes);
    out
}

/// Ends every session of `user_id`; how many. Inside the transaction of
/// the change that requires it.
pub(crate) fn end_sessions_of(tx: &Connection, user_id: i64) -> Result<usize> {
    Ok(tx.execute("DELETE FROM web_sessions WHERE user_id = ?1", [user_id])?)
}

/// Ends every session; how many.
pub(crate) fn end_all_sessions(tx: &Connection) -> Result<usize> {
    Ok(tx.execute("DELETE FROM web_sessions", [])?)
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl Vault {
    /// Begins a session for `user_id` and clears away sessions that have
    /// timed out.
    ///
    /// # Errors
    /// Database errors (an unknown account among them).
    pub fn create_session(
        &mut self,
        user_id: i64,
        second_factor_pending: bool,
        timeouts: SessionTimeouts,
    ) -> Result<NewSession> {
        let token = random_hex();
        let csrf = random_hex();
        let now = Utc::now();
        let idle_cutoff =
            stamp(now - chrono::Duration::from_std(timeouts.idle).unwrap_or_default());
        self.write(|_, tx| {
            tx.execute(
                "DELETE FROM web_sessions WHERE expires_at <= ?1 OR last_seen <= ?2",
                params![stamp(now), idle_cutoff],
            )?;
            tx.execute(
                "INSERT INTO web_sessions (token_hash, user_id, csrf, second_factor_pending, created_at, last_seen, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
                params![
                    token_hash(&token),
                    user_id,
                    csrf.as_str(),
                    i64::from(second_factor_pending),
                    stamp(now),
                    stamp(later(now, timeouts.absolute)),
                ],
            )?;
            Ok(())
        })?;
        Ok(NewSession { token, csrf })
    }

    /// The live session of a cookie value, with its account. A session
    /// past a timeout, or of a disabled account, is ended and `None`.
    ///
    /// # Errors
    /// Database errors.
    pub fn session(&mut self, token: &str, idle: Duration) -> Result<Option<WebSession>> {
        let hash = token_hash(token);
        type Row = (
            crate::users::UserRow,
            String,
            bool,
            Option<String>,
            String,
            String,
        );
        let row: Option<Row> = self
            .conn()
            .query_row(
                "SELECT u.id, u.username, u.role, u.disabled, u.failed_logins, u.locked_until, u.created_at,
                        s.csrf, s.second_factor_pending, s.enrolling_totp_secret, s.last_seen, s.expires_at
                 FROM web_sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = ?1",
                [&hash],
                |r| {
                    Ok((
                        user_row(r)?,
                        r.get(7)?,
                        r.get::<_, i64>(8)? != 0,
                        r.get(9)?,
                        r.get(10)?,
                        r.get(11)?,
                    ))
                },
            )
            .optional()?;
        let Some((user, csrf, pending, enrolling, last_seen, expires_at)) = row else {
            return Ok(None);
        };
        let csrf = Zeroizing::new(csrf);
        let enrolling = enrolling.map(Zeroizing::new);
        let user = to_user(user)?;
        let now = Utc::now();
        let last_seen = parse_time(&last_seen);
        let idle_for = last_seen.map(|t| (now - t).to_std().unwrap_or_default());
        let timed_out =
            parse_time(&expires_at).is_none_or(|e| e <= now) || idle_for.is_none_or(|d| d > idle);
        if timed_out || user.disabled {
            self.write(|_, tx| {
                if user.disabled {
                    end_sessions_of(tx, user.id)?;
                } else {
                    tx.execute("DELETE FROM web_sessions WHERE token_hash = ?1", [&hash])?;
                }
                Ok(())
            })?;
            return Ok(None);
        }
        if idle_for.is_some_and(|d| d >= TOUCH_EVERY.min(idle / 2)) {
            self.write(|_, tx| {
                tx.execute(
                    "UPDATE web_sessions SET last_seen = ?1 WHERE token_hash = ?2",
                    params![stamp(now), hash],
                )?;
                Ok(())
            })?;
        }
        Ok(Some(WebSession {
            user,
            csrf,
            second_factor_pending: pending,
            enrolling_secret: enrolling,
        }))
    }

    /// Keeps (or with `None` forgets) a TOTP secret shown for enrollment
    /// in the session of `token`.
    ///
    /// # Errors
    /// Database errors.
    pub fn set_session_enrollment(&mut self, token: &str, secret: Option<&str>) -> Result<()> {
        self.write(|_, tx| {
            tx.execute(
                "UPDATE web_sessions SET enrolling_totp_secret = ?1 WHERE token_hash = ?2",
                params![secret, token_hash(token)],
            )?;
            Ok(())
        })
    }

    /// Ends the session of `token` (logging out, or trading a half-open
    /// session for a full one).
    ///
    /// # Errors
    /// Database errors.
    pub fn end_session(&mut self, token: &str) -> Result<()> {
        self.write(|_, tx| {
            tx.execute(
                "DELETE FROM web_sessions WHERE token_hash = ?1",
                [token_hash(token)],
            )?;
            Ok(())
        })
    }

    /// Ends every session of every account (the vault is being locked).
    /// Returns how many ended.
    ///
    /// # Errors
    /// Database errors.
    pub fn end_all_sessions(&mut self) -> Result<usize> {
        self.write(|_, tx| end_all_sessions(tx))
    }
}
