//! Accounts for the web app: usernames, roles, Argon2id password hashes,
//! failed-login lockout, and which people a documenter may see.

use std::fmt;

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use rusqlite::{OptionalExtension, params};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use testimonio_domain::{RecordId, Role};

use crate::audit::AuditAction;
use crate::error::{Result, VaultError};
use crate::vault::Vault;

/// Failed logins in a row that lock an account.
pub const LOCKOUT_AFTER: u32 = 5;
/// How long a lockout lasts.
pub const LOCKOUT_MINUTES: i64 = 15;

/// An account name: 3 to 32 of `a-z 0-9 . _ -`, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Username(String);

impl Username {
    /// # Errors
    /// Outside the allowed form.
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
            Err(VaultError::Invalid(
                "a username is 3 to 32 lowercase letters, digits, '.', '_' or '-', starting with a letter".into(),
            ))
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
    /// Shorter than [`Self::MIN_CHARS`] characters.
    pub fn new(text: String) -> Result<Self> {
        let secret = SecretString::from(text.trim_end_matches(['\n', '\r']).to_owned());
        drop(zeroize::Zeroizing::new(text));
        if secret.expose_secret().chars().count() < Self::MIN_CHARS {
            return Err(VaultError::Invalid(format!(
                "a password has at least {} characters",
                Self::MIN_CHARS
            )));
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
    pub failed_logins: u32,
    pub locked_until: Option<String>,
    pub created_at: String,
}

fn role_code<S: serde::Serializer>(role: &Role, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(role.code())
}

impl User {
    /// The actor name recorded in the audit log for this account.
    pub fn actor_name(&self) -> String {
        format!("web:{}", self.username)
    }
}

/// What a login attempt came to. The web layer shows the same message for
/// an unknown user and a wrong password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginOutcome {
    Success(User),
    BadCredentials,
    LockedOut { until: String },
    Disabled,
}

fn hash_password(password: &Password) -> Result<String> {
    Argon2::default()
        .hash_password(password.bytes())
        .map(|h| h.to_string())
        .map_err(|e| VaultError::Invalid(format!("password hashing failed: {e}")))
}

/// A hash to verify against when the user does not exist, so that the
/// time taken does not tell whether a username exists.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_password(&Password::attempt("dummy password never used".into())).unwrap_or_default()
    })
}

fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

fn verify(password: &Password, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.bytes(), &h)
            .is_ok()
    })
}

const USER_COLUMNS: &str = "id, username, role, disabled, failed_logins, locked_until, created_at";

/// A `users` row as stored, before its values are parsed.
type UserRow = (i64, String, String, bool, u32, Option<String>, String);

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
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

fn to_user(row: UserRow) -> Result<User> {
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
    /// A username already taken.
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
                return Err(VaultError::Invalid(format!("the username {username} is taken")));
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

    fn user_by_name(&self, username: &Username) -> Result<User> {
        let row = self
            .conn()
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
                [username.as_str()],
                user_row,
            )
            .optional()?
            .ok_or_else(|| VaultError::NotFound {
                what: "user",
                id: username.to_string(),
            })?;
        to_user(row)
    }

    /// Sets a new password and clears any lockout. Audited.
    ///
    /// # Errors
    /// An unknown user.
    pub fn set_password(&mut self, username: &Username, password: &Password) -> Result<()> {
        let user = self.user_by_name(username)?;
        let hash = hash_password(password)?;
        self.write(|v, tx| {
            tx.execute(
                "UPDATE users SET password_hash = ?1, failed_logins = 0, locked_until = NULL, updated_at = ?2 WHERE id = ?3",
                params![hash, crate::now(), user.id],
            )?;
            v.audit(tx, AuditAction::UserChanged, &format!("user:{username}"), "password set")
        })
    }

    /// Disables or re-enables an account. A disabled account's sessions
    /// stop working at their next request. Audited.
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
            v.audit(
                tx,
                AuditAction::UserChanged,
                &format!("user:{username}"),
                if disabled { "disabled" } else { "enabled" },
            )
        })?;
        self.user_by_name(username)
    }

    /// Checks a login attempt, counting failures: after
    /// [`LOCKOUT_AFTER`] failures in a row the account is locked for
    /// [`LOCKOUT_MINUTES`]. Failures and successes are audited.
    ///
    /// # Errors
    /// Database errors.
    pub fn verify_login(&mut self, username: &str, password: &Password) -> Result<LoginOutcome> {
        let Ok(name) = Username::parse(username) else {
            verify(password, dummy_hash());
            return Ok(LoginOutcome::BadCredentials);
        };
        let row: Option<(i64, String, bool, u32, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT id, password_hash, disabled, failed_logins, locked_until FROM users WHERE username = ?1",
                [name.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? != 0, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((id, hash, disabled, failed, locked_until)) = row else {
            verify(password, dummy_hash());
            return Ok(LoginOutcome::BadCredentials);
        };
        let now = chrono::Utc::now();
        if let Some(until) = locked_until
            .as_deref()
            .and_then(|u| chrono::DateTime::parse_from_rfc3339(u).ok())
            && until > now
        {
            return Ok(LoginOutcome::LockedOut {
                until: until.to_rfc3339(),
            });
        }
        let good = verify(password, &hash);
        let object = format!("user:{name}");
        if !good {
            let failed = failed + 1;
            let lock = (failed >= LOCKOUT_AFTER)
                .then(|| (now + chrono::Duration::minutes(LOCKOUT_MINUTES)).to_rfc3339());
            self.write(|v, tx| {
                tx.execute(
                    "UPDATE users SET failed_logins = ?1, locked_until = ?2 WHERE id = ?3",
                    params![if lock.is_some() { 0 } else { failed }, lock, id],
                )?;
                let detail = if lock.is_some() {
                    "failed; locked"
                } else {
                    "failed"
                };
                v.audit(tx, AuditAction::Login, &object, detail)
            })?;
            return Ok(match lock {
                Some(until) => LoginOutcome::LockedOut { until },
                None => LoginOutcome::BadCredentials,
            });
        }
        if disabled {
            self.write(|v, tx| v.audit(tx, AuditAction::Login, &object, "refused; disabled"))?;
            return Ok(LoginOutcome::Disabled);
        }
        self.write(|v, tx| {
            tx.execute(
                "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?1",
                [id],
            )?;
            v.audit(tx, AuditAction::Login, &object, "success")
        })?;
        Ok(LoginOutcome::Success(self.user_by_name(&name)?))
    }

    /// Issues an API token for `username`; only its hash is stored. The
    /// token is returned once. Audited.
    ///
    /// # Errors
    /// An unknown user.
    pub fn create_api_token(
        &mut self,
        username: &Username,
        label: &str,
    ) -> Result<zeroize::Zeroizing<String>> {
        let user = self.user_by_name(username)?;
        let mut bytes = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
        let token = zeroize::Zeroizing::new(format!("tmo_{}", hex::encode(bytes)));
        let hash = token_hash(&token);
        let label = label.trim().chars().take(100).collect::<String>();
        self.write(|v, tx| {
            tx.execute(
                "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![user.id, hash, label, crate::now()],
            )?;
            v.audit(tx, AuditAction::UserChanged, &format!("user:{username}"), "api token issued")
        })?;
        Ok(token)
    }

    /// The enabled account behind an API token, if any.
    ///
    /// # Errors
    /// Database errors.
    pub fn user_for_api_token(&self, token: &str) -> Result<Option<User>> {
        let id: Option<i64> = self
            .conn()
            .query_row(
                "SELECT t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id
                 WHERE t.token_hash = ?1 AND t.revoked = 0 AND u.disabled = 0",
                [token_hash(token)],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.user(id),
            None => Ok(None),
        }
    }

    /// Turns two-factor login on (with a base32 TOTP secret the user has
    /// confirmed) or off. Audited.
    ///
    /// # Errors
    /// An unknown user.
    pub fn set_totp_secret(&mut self, user_id: i64, secret: Option<&str>) -> Result<()> {
        let user = self.user(user_id)?.ok_or_else(|| VaultError::NotFound {
            what: "user",
            id: user_id.to_string(),
        })?;
        self.write(|v, tx| {
            tx.execute(
                "UPDATE users SET totp_secret = ?1, updated_at = ?2 WHERE id = ?3",
                params![secret, crate::now(), user_id],
            )?;
            let detail = if secret.is_some() {
                "two-factor enabled"
            } else {
                "two-factor disabled"
            };
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
                what: "person",
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
