//! Session cookies and CSRF tokens. The sessions themselves live in the
//! vault (`testimonio_vault::sessions`), keyed by a hash of the cookie
//! value: a restart logs nobody out, and whatever ends a session (logout,
//! a password change or a disable from any process, locking the vault)
//! ends it for every request at once. There is no copy in memory that
//! could outlive the vault's.

use std::time::Duration;

use axum::http::HeaderMap;
use rand::RngCore;
use testimonio_vault::SessionTimeouts;

pub const SESSION_COOKIE: &str = "testimonio_session";
/// The double-submit cookie protecting forms shown before login.
pub const PRE_SESSION_COOKIE: &str = "testimonio_csrf";
/// Marks a browser that logged in before: its password attempts are
/// throttled on their own (see `testimonio_vault::login`).
pub const DEVICE_COOKIE: &str = "testimonio_device";

/// How long sessions last.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub idle: Duration,
    pub absolute: Duration,
}

impl From<Timeouts> for SessionTimeouts {
    fn from(t: Timeouts) -> Self {
        SessionTimeouts {
            idle: t.idle,
            absolute: t.absolute,
        }
    }
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 3600),
        }
    }
}

/// 32 random bytes as hex.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
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
