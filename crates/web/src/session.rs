//! Server-side sessions and CSRF tokens. Sessions live in memory only (a
//! restart logs everyone out); the map is keyed by a hash of the cookie
//! value, so a memory dump does not yield usable cookies.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "testimonio_session";
/// The double-submit cookie protecting forms shown before login.
pub const PRE_SESSION_COOKIE: &str = "testimonio_csrf";

/// How long sessions last.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 3600),
        }
    }
}

#[derive(Clone)]
pub struct Session {
    pub user_id: i64,
    pub csrf: String,
    /// Password accepted, TOTP code still to come: not logged in yet.
    pub second_factor_pending: bool,
    /// Failed TOTP codes in this session.
    pub second_factor_failures: u32,
    /// A TOTP secret shown for enrollment, not yet confirmed.
    pub enrolling_secret: Option<zeroize::Zeroizing<String>>,
    created: Instant,
    last_seen: Instant,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("user_id", &self.user_id)
            .finish_non_exhaustive()
    }
}

#[derive(Default)]
pub struct Sessions {
    by_hash: HashMap<[u8; 32], Session>,
}

/// 32 random bytes as hex.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn key(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl Sessions {
    /// Starts a session; returns the cookie value. With
    /// `second_factor_pending`, the session only allows entering a TOTP code.
    pub fn create(&mut self, user_id: i64, second_factor_pending: bool) -> String {
        let token = random_token();
        let now = Instant::now();
        self.by_hash.insert(
            key(&token),
            Session {
                user_id,
                csrf: random_token(),
                second_factor_pending,
                second_factor_failures: 0,
                enrolling_secret: None,
                created: now,
                last_seen: now,
            },
        );
        token
    }

    /// Changes a live session in place.
    pub fn update(&mut self, token: &str, f: impl FnOnce(&mut Session)) {
        if let Some(s) = self.by_hash.get_mut(&key(token)) {
            f(s);
        }
    }

    /// The live session for a cookie value, touching its idle timer.
    /// Expired sessions are removed.
    pub fn get(&mut self, token: &str, timeouts: Timeouts) -> Option<Session> {
        let k = key(token);
        let now = Instant::now();
        let session = self.by_hash.get_mut(&k)?;
        if now.duration_since(session.last_seen) > timeouts.idle
            || now.duration_since(session.created) > timeouts.absolute
        {
            self.by_hash.remove(&k);
            return None;
        }
        session.last_seen = now;
        Some(session.clone())
    }

    pub fn remove(&mut self, token: &str) {
        self.by_hash.remove(&key(token));
    }

    /// Ends every session of one account (disabled, password changed).
    pub fn remove_user(&mut self, user_id: i64) {
        self.by_hash.retain(|_, s| s.user_id != user_id);
    }

    pub fn clear(&mut self) {
        self.by_hash.clear();
    }
}

/// A cookie's value from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// A `Set-Cookie` value. Session cookies are HttpOnly and SameSite=Strict,
/// and Secure when the server is behind TLS.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age: Option<u64>,
    http_only: bool,
    secure: bool,
) -> String {
    let mut c = format!("{name}={value}; Path=/; SameSite=Strict");
    if http_only {
        c.push_str("; HttpOnly");
    }
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

/// Constant-time comparison of two tokens.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_expire_when_idle() {
        let mut s = Sessions::default();
        let token = s.create(7, false);
        let strict = Timeouts {
            idle: Duration::ZERO,
            absolute: Duration::from_secs(60),
        };
        std::thread::sleep(Duration::from_millis(5));
        assert!(s.get(&token, strict).is_none());
        let token = s.create(7, false);
        assert_eq!(s.get(&token, Timeouts::default()).unwrap().user_id, 7);
        s.remove_user(7);
        assert!(s.get(&token, Timeouts::default()).is_none());
    }

    #[test]
    fn cookies_parse() {
        let mut h = HeaderMap::new();
        h.insert(
            "cookie",
            "a=1; testimonio_session=abc; lang=es".parse().unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&h, "missing"), None);
        assert!(same_token("abc", "abc") && !same_token("abc", "abd") && !same_token("a", "ab"));
    }
}
