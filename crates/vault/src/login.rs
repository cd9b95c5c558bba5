//! Checking a login: the password, then (when enrolled) a TOTP code, each
//! with a per-account throttle kept in the vault.
//!
//! Both checks follow one protocol, so that parallel requests cannot race
//! it: a write transaction (`BEGIN IMMEDIATE`) reads the account's counter,
//! refuses the attempt if the account is in its delay, and otherwise counts
//! the attempt as a failure **before** it is evaluated; then the password
//! hash or the code is checked outside the transaction (Argon2 must not
//! hold the write lock); then a second transaction resets the counter on
//! success or audits the failure. However many requests arrive at once,
//! at most [`Throttle::free`] of them are evaluated before the delay
//! starts, and a crash between the two steps leaves a failure counted.
//!
//! A delay rather than a lock, and known devices: a browser that logged in
//! to the account before carries a device cookie (kept by its SHA-256 in
//! `login_devices`), and its password attempts are counted on their own
//! (OWASP's "device cookies"): someone guessing from elsewhere keeps only
//! the account's *other* attempts in their delay, never its owner's usual
//! browser. A known device gets [`Throttle::free`] wrong passwords in a
//! row, then is forgotten and counted with everyone else.

use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::error::Result;
use crate::tokens::token_hash;
use crate::users::{Password, User, Username, dummy_hash, verify_password};
use crate::vault::Vault;

/// How failures in a row slow an account down: the first `free` failures
/// cost nothing; from then on, no attempt is evaluated until
/// `first_delay · 2^(failures − free)` after the last one, at most
/// `max_delay`. Attempts refused during a delay are not evaluated and do
/// not count. A success starts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    pub free: u32,
    pub first_delay: Duration,
    pub max_delay: Duration,
}

impl Throttle {
    /// Passwords: after 5 failures, 30 s, doubling, at most 15 minutes.
    pub const LOGIN: Throttle = Throttle {
        free: 5,
        first_delay: Duration::from_secs(30),
        max_delay: Duration::from_secs(15 * 60),
    };

    /// Second-factor codes (whoever sends them knows the password): after
    /// 5 failures, 1 minute, doubling, at most 24 hours.
    pub const SECOND_FACTOR: Throttle = Throttle {
        free: 5,
        first_delay: Duration::from_secs(60),
        max_delay: Duration::from_secs(24 * 3600),
    };

    /// The delay after `failures` failures in a row, if any.
    pub fn delay_after(&self, failures: u32) -> Option<Duration> {
        let beyond = failures.checked_sub(self.free)?;
        let factor = 1u32.checked_shl(beyond).unwrap_or(u32::MAX);
        Some(
            self.first_delay
                .checked_mul(factor)
                .unwrap_or(self.max_delay)
                .min(self.max_delay),
        )
    }
}

/// What a login attempt came to. The web layer answers
/// [`LoginOutcome::BadCredentials`] and [`LoginOutcome::Throttled`]
/// identically, so that neither tells whether a username exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginOutcome {
    Success(User),
    /// An unknown username or a wrong password.
    BadCredentials,
    /// The account is in its delay: the password was not evaluated.
    Throttled {
        until: String,
    },
    /// The right password for a disabled account.
    Disabled,
}

/// What a second-factor code came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecondFactorOutcome {
    Accepted,
    /// A wrong code, or one already used.
    Wrong,
    /// Too many wrong codes: no code is evaluated until `until`.
    Throttled {
        until: String,
    },
    /// The account has no second factor (any more).
    NotEnrolled,
}

/// A time as stored everywhere (RFC 3339 UTC, milliseconds), so that
/// stored times compare as text.
pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// `t` plus `d`, with `d` cut to ten years: a stored time must stay a
/// four-digit year, or it would no longer compare as text.
pub(crate) fn later(t: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
    const TEN_YEARS: Duration = Duration::from_secs(10 * 365 * 24 * 3600);
    t + chrono::Duration::from_std(d.min(TEN_YEARS)).unwrap_or_default()
}

/// Whether a stored "until" time is still ahead of `now`.
fn in_delay(until: Option<&str>, now: DateTime<Utc>) -> Option<String> {
    let until = until?;
    let parsed = DateTime::parse_from_rfc3339(until).ok()?;
    (parsed > now).then(|| until.to_owned())
}

fn delay_detail(delay: Option<Duration>) -> String {
    delay.map_or_else(String::new, |d| {
        format!("; next attempt after {} s", d.as_secs())
    })
}

/// How long a device stays known without a login from it.
pub const DEVICE_DAYS: u32 = 365;

/// A password's check, decided before the hash is evaluated.
enum PasswordGate {
    Unknown,
    Throttled(String),
    Evaluate {
        id: i64,
        name: Username,
        hash: String,
        disabled: bool,
        failures: u32,
        delay: Option<Duration>,
        /// The known device the attempt came from, counted on its own.
        device: Option<String>,
    },
}

/// Counts an attempt from a known device of account `user_id`: its
/// failures in a row so far plus this one, or `None` when `device` is not
/// a known device of this account (any more).
fn count_device_attempt(
    tx: &rusqlite::Connection,
    user_id: i64,
    device_hash: &str,
    throttle: &Throttle,
) -> Result<Option<u32>> {
    let failures: Option<u32> = tx
        .query_row(
            "SELECT failures FROM login_devices WHERE token_hash = ?1 AND user_id = ?2",
            params![device_hash, user_id],
            |r| r.get(0),
        )
        .optional()?;
    match failures {
        Some(n) if n < throttle.free => {
            tx.execute(
                "UPDATE login_devices SET failures = ?1 WHERE token_hash = ?2",
                params![n + 1, device_hash],
            )?;
            Ok(Some(n + 1))
        }
        Some(_) => {
            // Its own wrong passwords used up: no longer trusted.
            tx.execute(
                "DELETE FROM login_devices WHERE token_hash = ?1",
                [device_hash],
            )?;
            Ok(None)
        }
        None => Ok(None),
    }
}

impl Vault {
    /// Checks a login attempt under `throttle` (see the module's
    /// protocol), from a browser with device cookie `device`, if any. The
    /// password hash is evaluated for unknown names and throttled accounts
    /// too, so that the time taken tells nothing. Failures and successes
    /// of known accounts are audited; attempts refused during a delay are
    /// not evaluated, not counted and not audited (so that nobody can fill
    /// the log faster than the delay). After a success, see
    /// [`Vault::remember_device`].
    ///
    /// # Errors
    /// Database errors.
    pub fn verify_login(
        &mut self,
        username: &str,
        password: &Password,
        throttle: &Throttle,
        device: Option<&str>,
    ) -> Result<LoginOutcome> {
        let Ok(name) = Username::parse(username) else {
            verify_password(password, dummy_hash());
            return Ok(LoginOutcome::BadCredentials);
        };
        let now = Utc::now();
        let gate = self.write(|_, tx| {
            let row: Option<(i64, String, bool, u32, Option<String>)> = tx
                .query_row(
                    "SELECT id, password_hash, disabled, failed_logins, locked_until FROM users WHERE username = ?1",
                    [name.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? != 0, r.get(3)?, r.get(4)?)),
                )
                .optional()?;
            let Some((id, hash, disabled, failed, until)) = row else {
                return Ok(PasswordGate::Unknown);
            };
            if let Some(device) = device.map(token_hash)
                && let Some(failures) = count_device_attempt(tx, id, &device, throttle)?
            {
                return Ok(PasswordGate::Evaluate {
                    id,
                    name: name.clone(),
                    hash,
                    disabled,
                    failures,
                    delay: None,
                    device: Some(device),
                });
            }
            if let Some(until) = in_delay(until.as_deref(), now) {
                return Ok(PasswordGate::Throttled(until));
            }
            let failures = failed.saturating_add(1);
            let delay = throttle.delay_after(failures);
            tx.execute(
                "UPDATE users SET failed_logins = ?1, locked_until = ?2 WHERE id = ?3",
                params![failures, delay.map(|d| stamp(later(now, d))), id],
            )?;
            Ok(PasswordGate::Evaluate {
                id,
                name: name.clone(),
                hash,
                disabled,
                failures,
                delay,
                device: None,
            })
        })?;
        let (id, name, hash, disabled, failures, delay, device) = match gate {
            PasswordGate::Unknown => {
                verify_password(password, dummy_hash());
                return Ok(LoginOutcome::BadCredentials);
            }
            PasswordGate::Throttled(until) => {
                verify_password(password, dummy_hash());
                return Ok(LoginOutcome::Throttled { until });
            }
            PasswordGate::Evaluate {
                id,
                name,
                hash,
                disabled,
                failures,
                delay,
                device,
            } => (id, name, hash, disabled, failures, delay, device),
        };
        let object = format!("user:{name}");
        if !verify_password(password, &hash) {
            let from = if device.is_some() {
                " from a known device"
            } else {
                ""
            };
            let detail = format!("failed ({failures} in a row{from}){}", delay_detail(delay));
            self.write(|v, tx| v.audit(tx, AuditAction::Login, &object, &detail))?;
            return Ok(LoginOutcome::BadCredentials);
        }
        // The right password: the counts start over, even when disabled.
        self.write(|v, tx| {
            tx.execute(
                "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?1",
                [id],
            )?;
            if let Some(device) = &device {
                tx.execute(
                    "UPDATE login_devices SET failures = 0 WHERE token_hash = ?1",
                    [device],
                )?;
            }
            let detail = if disabled {
                "refused; disabled"
            } else {
                "success"
            };
            v.audit(tx, AuditAction::Login, &object, detail)
        })?;
        if disabled {
            return Ok(LoginOutcome::Disabled);
        }
        Ok(LoginOutcome::Success(self.user_by_name(&name)?))
    }

    /// Marks the browser of a successful login as a known device of
    /// account `user_id` (see the module): with `device`, the cookie it
    /// sent, if that is already a known device of this account, it is kept
    /// (`None` returned); otherwise a new device cookie value is returned,
    /// to be set for [`DEVICE_DAYS`]. Devices unused for that long are
    /// forgotten.
    ///
    /// # Errors
    /// Database errors.
    pub fn remember_device(
        &mut self,
        user_id: i64,
        device: Option<&str>,
    ) -> Result<Option<Zeroizing<String>>> {
        let now = Utc::now();
        let cutoff = stamp(now - chrono::Duration::days(i64::from(DEVICE_DAYS)));
        let token = crate::sessions::random_hex();
        self.write(|_, tx| {
            tx.execute("DELETE FROM login_devices WHERE last_used < ?1", [&cutoff])?;
            if let Some(device) = device {
                let kept = tx.execute(
                    "UPDATE login_devices SET last_used = ?1 WHERE token_hash = ?2 AND user_id = ?3",
                    params![stamp(now), token_hash(device), user_id],
                )?;
                if kept == 1 {
                    return Ok(None);
                }
            }
            tx.execute(
                "INSERT INTO login_devices (token_hash, user_id, created_at, last_used) VALUES (?1, ?2, ?3, ?3)",
                params![token_hash(&token), user_id, stamp(now)],
            )?;
            Ok(Some(token.clone()))
        })
    }

    /// Checks a second-factor code of account `user_id` under `throttle`
    /// (see the module's protocol). `check` gets the account's TOTP secret
    /// (base32) and returns the time step the code matches, if any; a step
    /// at or before the last one accepted is a replay and fails (RFC 6238
    /// §5.2). Every wrong code is audited; a success resets the count. A
    /// new password login does not: only a success, or an administrator
    /// setting a new password, does.
    ///
    /// # Errors
    /// Database errors.
    pub fn verify_second_factor(
        &mut self,
        user_id: i64,
        throttle: &Throttle,
        check: impl FnOnce(&str) -> Option<u64>,
    ) -> Result<SecondFactorOutcome> {
        let now = Utc::now();
        type Row = (String, Option<String>, u32, Option<String>);
        let gate = self.write(|_, tx| {
            let row: Option<Row> = tx
                .query_row(
                    "SELECT username, totp_secret, totp_failures, totp_locked_until FROM users WHERE id = ?1",
                    [user_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let Some((name, Some(secret), failed, until)) = row else {
                return Ok(Err(SecondFactorOutcome::NotEnrolled));
            };
            let secret = Zeroizing::new(secret);
            if let Some(until) = in_delay(until.as_deref(), now) {
                return Ok(Err(SecondFactorOutcome::Throttled { until }));
            }
            let failures = failed.saturating_add(1);
            let delay = throttle.delay_after(failures);
            tx.execute(
                "UPDATE users SET totp_failures = ?1, totp_locked_until = ?2 WHERE id = ?3",
                params![failures, delay.map(|d| stamp(later(now, d))), user_id],
            )?;
            Ok(Ok((name, secret, failures, delay)))
        })?;
        let (name, secret, failures, delay) = match gate {
            Ok(found) => found,
            Err(outcome) => return Ok(outcome),
        };
        let step = check(&secret);
        drop(secret);
        let object = format!("user:{name}");
        self.write(|v, tx| {
            let accepted = match step {
                // Only a step later than the last one accepted: the
                // comparison is in the update, so that two requests with
                // the same code cannot both pass.
                Some(step) => {
                    let step = i64::try_from(step).unwrap_or(i64::MAX);
                    tx.execute(
                        "UPDATE users SET totp_failures = 0, totp_locked_until = NULL, totp_last_step = ?1
                         WHERE id = ?2 AND coalesce(totp_last_step, -1) < ?1",
                        params![step, user_id],
                    )? == 1
                }
                None => false,
            };
            if accepted {
                v.audit(tx, AuditAction::Login, &object, "second factor accepted")?;
                Ok(SecondFactorOutcome::Accepted)
            } else {
                let detail = format!(
                    "second factor failed ({failures} in a row){}",
                    delay_detail(delay)
                );
                v.audit(tx, AuditAction::Login, &object, &detail)?;
                Ok(SecondFactorOutcome::Wrong)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_the_first_and_stop_at_the_cap() {
        let t = Throttle::LOGIN;
        assert_eq!(t.delay_after(0), None);
        assert_eq!(t.delay_after(4), None);
        assert_eq!(t.delay_after(5), Some(Duration::from_secs(30)));
        assert_eq!(t.delay_after(6), Some(Duration::from_secs(60)));
        assert_eq!(t.delay_after(9), Some(Duration::from_secs(480)));
        assert_eq!(t.delay_after(10), Some(Duration::from_secs(900)));
        assert_eq!(t.delay_after(u32::MAX), Some(Duration::from_secs(900)));
    }
}
