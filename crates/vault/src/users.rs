//! Accounts for the web app: usernames, roles, Argon2id password hashes,
//! second-factor secrets, and which people a documenter may see. Checking
//! a login is in `login.rs`, API tokens in `tokens.rs`, sessions in
//! `sessions.rs`.

use std::fmt;

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use rusqlite::{OptionalExtension, params};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use testimonio_domain::{RecordId, Role};

use crate::audit::AuditAction;
use crate::error::{ConflictKind, RecordKind, Refusal, Result, VaultError};
use crate::vault::Vault;

/// An account name: 3 to 32 of `a-z 0-9 . _ -`, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Username(String);

impl Username {
    /// # Errors
    /// [`Refusal::UsernameFormat`] outside the allowed form.
    pub fn parse(text: &str) -> Result<Self> {
        let t = text.trim().to_ascii_lowercase();
        let ok = (3..=32).contains(&t.len())
            && t.starts_with(|c: char| c.is_ascii_lowercase())
            && t.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
            });
        if ok {
            Ok(Self(t))
        } else {
            Err(Refusal::UsernameFormat.into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An account password as typed. Redacted in `Debug`, wiped on drop.
pub struct Password(SecretString);

impl Password {
    pub const MIN_CHARS: usize = 12;

    /// # Errors
    /// [`Refusal::PasswordTooShort`] under [`Self::MIN_CHARS`] characters.
    pub fn new(text: String) -> Result<Self> {
        let secret = SecretString::from(text.trim_end_matches(['\n', '\r']).to_owned());
        drop(zeroize::Zeroizing::new(text));
        if secret.expose_secret().chars().count() < Self::MIN_CHARS {
            return Err(Refusal::PasswordTooShort {
                min: Self::MIN_CHARS,
            }
            .into());
        }
        Ok(Self(secret))
    }

    /// For checking a login attempt: no length rule (the attempt just fails).
    pub fn attempt(text: String) -> Self {
        Self(SecretString::from(text))
    }

    fn bytes(&self) -> &[u8] {
        self.0.expose_secret().as_bytes()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// An account, without its password hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub username: Username,
    #[serde(serialize_with = "role_code")]
    pub role: Role,
    pub disabled: bool,
    /// Failed logins in a row.
    pub failed_logins: u32,
    /// No password is evaluated before this time (see `login.rs`).
    pub locked_until: Option<String>,
    pub created_at: String,
}

fn role_code<S: serde::Serializer>(role: &Role, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(role.code())
}

/// What a password change ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CredentialsEnded {
    pub sessions: usize,
    pub tokens: usize,
}

impl User {
    /// The actor name recorded in the audit log for this account.
    pub fn actor_name(&self) -> String {
        format!("web:{}", self.username)
    }
}

fn hash_password(password: &Password) -> Result<String> {
    Argon2::default()
        .hash_password(password.bytes())
        .map(|h| h.to_string())
        .map_err(hashing_failed)
}

/// A password hash that could not be made: never the user's fault.
fn hashing_failed(e: argon2::password_hash::Error) -> VaultError {
    VaultError::internal(format_args!("password hashing failed: {e}"))
}

/// A hash to verify against when the user does not exist, so that the
/// time taken does not tell whether a username exists.
pub(crate) fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_password(&Password::attempt("dummy password never used".into())).unwrap_or_default()
    })
}

pub(crate) fn verify_password(password: &Password, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.bytes(), &h)
            .is_ok()
    })
}

pub(crate) const USER_COLUMNS: &str =
    "id, username, role, disabled, failed_logins, locked_until, created_at";

/// A `users` row as stored, before its values are parsed.
pub(crate) type UserRow = (i64, String, String, bool, u32, Option<String>, String);

pub(crate) fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get::<_, i64>(3)? != 0,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

pub(crate) fn to_user(row: UserRow) -> Result<User> {
    let (id, username, role, disabled, failed_logins, locked_until, created_at) = row;
    Ok(User {
        id,
        username: Username::parse(&username)?,
        role: Role::parse("role", &role)
            .map_err(|e| VaultError::Schema(format!("user {id}: {e}")))?,
        disabled,
        failed_logins,
        locked_until,
        created_at,
    })
}

impl Vault {
    /// Creates an account. Audited.
    ///
    /// # Errors
    /// [`ConflictKind::UsernameTaken`]; [`VaultError::Internal`] when the
    /// password cannot be hashed; database errors.
    pub fn create_user(
        &mut self,
        username: &Username,
        role: Role,
        password: &Password,
    ) -> Result<User> {
        let hash = hash_password(password)?;
        self.write(|v, tx| {
            let taken: Option<i64> =
                tx.query_row("SELECT id FROM users WHERE username = ?1", [username.as_str()], |r| r.get(0)).optional()?;
            if taken.is_some() {
                return Err(ConflictKind::UsernameTaken { username: username.to_string() }.into());
            }
            let now = crate::now();
            tx.execute(
                "INSERT INTO users (username, role, password_hash, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![username.as_str(), role.code(), hash, now],
            )?;
            v.audit(tx, AuditAction::UserChanged, &format!("user:{username}"), &format!("created role={}", role.code()))?;
            let row = tx.query_row(&format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"), [username.as_str()], user_row)?;
            to_user(row)
        })
    }

    /// Every account, by name.
    ///
    /// # Errors
    /// Database errors.
    pub fn users(&self) -> Result<Vec<User>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {USER_COLUMNS} FROM users ORDER BY username"
        ))?;
        let rows: Vec<_> = stmt
            .query_map([], user_row)?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter().map(to_user).collect()
    }

    /// # Errors
    /// Database errors.
    pub fn user(&self, id: i64) -> Result<Option<User>> {
        let row = self
            .conn()
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
                [id],
                user_row,
            )
            .optional()?;
        row.map(to_user).transpose()
    }

    /// # Errors
    /// An unknown user; database errors.
    pub(crate) fn user_by_name(&self, username: &Username) -> Result<User> {
        let row = self
            .conn()
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
                [username.as_str()],
                user_row,
            )
            .optional()?
            .ok_or_else(|| VaultError::NotFound {
                kind: RecordKind::User,
                id: username.to_string(),
            })?;
        to_user(row)
    }

    /// Sets a new password and ends what the old one opened: every web
    /// session of the account (in every server: sessions live in the
    /// vault), every API token it holds, its known login devices. Lifts the login delay and the
    /// second-factor delay. Audited, with the numbers ended.
    ///
    /// # Errors
    /// An unknown user.
    pub fn set_password(
        &mut self,
        username: &Username,
        password: &Password,
    ) -> Result<CredentialsEnded> {
        let user = self.user_by_name(username)?;
        let hash = hash_password(password)?;
        let now = crate::now();
        self.write(|v, tx| {
            tx.execute(
                "UPDATE users SET password_hash = ?1, failed_logins = 0, locked_until = NULL,
                    totp_failures = 0, totp_locked_until = NULL, updated_at = ?2 WHERE id = ?3",
                params![hash, now, user.id],
            )?;
            let ended = CredentialsEnded {
                sessions: crate::sessions::end_sessions_of(tx, user.id)?,
                tokens: crate::tokens::revoke_tokens_of(tx, user.id, &now)?,
            };
            // Browsers trusted under the old password are not any more.
            tx.execute("DELETE FROM login_devices WHERE user_id = ?1", [user.id])?;
            v.audit(
                tx,
                AuditAction::UserChanged,
                &format!("user:{username}"),
                &format!(
                    "password set; sessions ended={} api tokens revoked={}",
                    ended.sessions, ended.tokens
                ),
            )?;
            Ok(ended)
        })
    }

    /// Disables or re-enables an account. Disabling ends every web
    /// session of the account at once; its API tokens stop working while
    /// it is disabled. Audited.
    ///
    /// # Errors
    /// An unknown user.
    pub fn set_disabled(&mut self, username: &Username, disabled: bool) -> Result<User> {
        let user = self.user_by_name(username)?;
        self.write(|v, tx| {
            tx.execute(
                "UPDATE users SET disabled = ?1, updated_at = ?2 WHERE id = ?3",
                params![i64::from(disabled), crate::now(), user.id],
            )?;
            let detail = if disabled {
                let ended = crate::sessions::end_sessions_of(tx, user.id)?;
                format!("disabled; sessions ended={ended}")
            } else {
                "enabled".to_owned()
            };
            v.audit(
                tx,
                AuditAction::UserChanged,
                &format!("user:{username}"),
                &detail,
            )
        })?;
        self.user_by_name(username)
    }

    /// Turns two-factor login on with a base32 TOTP secret the user has
    /// confirmed by a code of time step `used_step`, which cannot be used
    /// again to log in. Audited.
    ///
    /// # Errors
    /// An unknown user.
    pub fn enable_second_factor(
        &mut self,
        user_id: i64,
        secret: &str,
        used_step: u64,
    ) -> Result<()> {
        let step = i64::try_from(used_step).unwrap_or(i64::MAX);
        self.change_second_factor(user_id, Some(secret), Some(step), "two-factor enabled")
    }

    /// Turns two-factor login off. Audited.
    ///
    /// # Errors
    /// An unknown user.
    pub fn disable_second_factor(&mut self, user_id: i64) -> Result<()> {
        self.change_second_factor(user_id, None, None, "two-factor disabled")
    }

    fn change_second_factor(
        &mut self,
        user_id: i64,
        secret: Option<&str>,
        step: Option<i64>,
        detail: &str,
    ) -> Result<()> {
        let user = self.user(user_id)?.ok_or_else(|| VaultError::NotFound {
            kind: RecordKind::User,
            id: user_id.to_string(),
        })?;
        self.write(|v, tx| {
            tx.execute(
                "UPDATE users SET totp_secret = ?1, totp_last_step = ?2, totp_failures = 0,
                    totp_locked_until = NULL, updated_at = ?3 WHERE id = ?4",
                params![secret, step, crate::now(), user_id],
            )?;
            v.audit(
                tx,
                AuditAction::UserChanged,
                &format!("user:{}", user.username),
                detail,
            )
        })
    }

    /// The account's TOTP secret (base32), if two-factor login is on.
    ///
    /// # Errors
    /// Database errors.
    pub fn totp_secret(&self, user_id: i64) -> Result<Option<zeroize::Zeroizing<String>>> {
        let secret: Option<Option<String>> = self
            .conn()
            .query_row(
                "SELECT totp_secret FROM users WHERE id = ?1",
                [user_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(secret.flatten().map(zeroize::Zeroizing::new))
    }

    /// Lets a documenter see a person's identity. Audited.
    ///
    /// # Errors
    /// An unknown user or person.
    pub fn assign(&mut self, username: &Username, person: &RecordId) -> Result<()> {
        let user = self.user_by_name(username)?;
        self.write(|v, tx| {
            tx.execute(
                "INSERT OR IGNORE INTO user_assignments (user_id, person_id) VALUES (?1, ?2)",
                params![user.id, person.as_str()],
            )
            .map_err(|_| VaultError::NotFound {
                kind: RecordKind::Person,
                id: person.to_string(),
            })?;
            v.audit(
                tx,
                AuditAction::UserChanged,
                &format!("user:{username}"),
                &format!("assigned person:{person}"),
            )
        })
    }

    /// Whether `user` may see `person`'s identity fields, by role and, for
    /// documenters, by the person records they created or are assigned to.
    ///
    /// # Errors
    /// Database errors.
    pub fn may_see_identity(&self, user: &User, person: &RecordId) -> Result<bool> {
        if user.role.sees_all_identities() {
            return Ok(true);
        }
        if !user.role.sees_own_identities() {
            return Ok(false);
        }
        let actor = user.actor_name();
        let found: Option<i64> = self
            .conn()
            .query_row(
                // Not "people on events they created": naming a person on a
                // new event must not be a way to read their identity.
                "SELECT 1 WHERE EXISTS (SELECT 1 FROM user_assignments WHERE user_id = ?1 AND person_id = ?2)
                    OR EXISTS (SELECT 1 FROM people WHERE id = ?2 AND created_by = ?3)",
                params![user.id, person.as_str(), actor],
                |r| r.get(0),
            )
            .optional()?;
        Ok(found.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashing_failure_is_internal() {
        for e in [
            argon2::password_hash::Error::OutOfMemory,
            argon2::password_hash::Error::ParamsInvalid,
            argon2::password_hash::Error::PasswordInvalid,
        ] {
            let err = hashing_failed(e);
            assert!(matches!(err, VaultError::Internal(_)), "{err:?}");
            assert!(!err.is_users_mistake());
        }
    }
}
