//! Session cookies and CSRF tokens. The sessions themselves live in the
//! vault (`testimonio_vault::sessions`), keyed by a hash of the cookie
//! value: a restart logs nobody out, and whatever ends a session (logout,
//! a password change or a disable from any process, locking the vault)
//! ends it for every request at once. There is no copy in memory that
//! could outlive the vault's.

use std::time::Duration;

use axum::http::HeaderMap;
use cookie::{Cookie, SameSite};
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

/// A cookie's value from the request headers (parsed by the `cookie`
/// crate; pairs it cannot read are skipped).
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// A `Set-Cookie` value (written by the `cookie` crate). Every cookie is
/// `Path=/` and SameSite=Strict; session cookies are HttpOnly, and Secure
/// when the server is behind TLS.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age: Option<u64>,
    http_only: bool,
    secure: bool,
) -> String {
    let mut builder = Cookie::build((name, value))
        .path("/")
        .same_site(SameSite::Strict)
        .http_only(http_only)
        .secure(secure);
    if let Some(age) = max_age {
        let seconds = i64::try_from(age).unwrap_or(i64::MAX);
        builder = builder.max_age(cookie::time::Duration::seconds(seconds));
    }
    builder.build().to_string()
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

    #[test]
    fn odd_cookie_headers_are_read_without_failing() {
        let mut h = HeaderMap::new();
        h.append("cookie", "broken; =nameless; lang=es".parse().unwrap());
        h.append("cookie", "testimonio_session=\"abc\"".parse().unwrap());
        assert_eq!(cookie(&h, "lang").as_deref(), Some("es"));
        assert_eq!(cookie(&h, "broken"), None);
        assert!(cookie(&h, SESSION_COOKIE).is_some());
    }

    #[test]
    fn set_cookie_has_every_attribute_asked_for() {
        let c = set_cookie(SESSION_COOKIE, "abc", Some(60), true, true);
        assert!(c.starts_with("testimonio_session=abc;"), "{c}");
        for attribute in [
            "Path=/",
            "SameSite=Strict",
            "HttpOnly",
            "Secure",
            "Max-Age=60",
        ] {
            assert!(
                c.split("; ").any(|a| a == attribute),
                "{attribute} missing in {c}"
            );
        }
        let plain = set_cookie("lang", "es", None, false, false);
        assert_eq!(plain, "lang=es; SameSite=Strict; Path=/");
    }
}
