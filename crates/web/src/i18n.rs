//! Every user-facing string of the web app, in English and Spanish.
//!
//! The messages themselves are in the one catalog (`testimonio-i18n`,
//! `locales/*/web.ftl`), whose test checks that every id used exists in both
//! languages and that no id is unused.

use axum::http::HeaderMap;
pub use testimonio_domain::Lang;

/// The text of message `id` in `lang`, from the one catalog
/// (`crates/i18n/locales/*/web.ftl`).
pub fn t(lang: Lang, id: &'static str) -> &'static str {
    testimonio_i18n::message(lang, id)
}

/// The user's language: the `lang` cookie if set, else the first
/// supported language in `Accept-Language` by quality (parsed by the
/// `accept-language` crate; `es-MX` counts as Spanish), else English.
pub fn negotiate(headers: &HeaderMap) -> Lang {
    if let Some(lang) = crate::session::cookie(headers, "lang").and_then(|v| Lang::from_tag(&v)) {
        return lang;
    }
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|accept| {
            accept_language::parse(accept)
                .iter()
                .find_map(|tag| Lang::from_tag(tag))
        })
        .unwrap_or(Lang::En)
}

/// A date for display: `3 May 2019` / `3 de mayo de 2019`, keeping the
/// precision (`May 2019`, `2019`) and marking approximate dates.
pub fn format_date(lang: Lang, date: &testimonio_domain::PartialDate) -> String {
    date.written(lang)
}

/// A stored RFC 3339 time as the day and the time of day in UTC
/// (`3 May 2019, 14:05 UTC` / `3 de mayo de 2019, 14:05 UTC`), through
/// [`testimonio_i18n::format::day`]; a text that is not such a time is shown
/// as it is.
pub fn format_time(lang: Lang, text: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(text).map_or_else(
        |_| text.to_owned(),
        |at| {
            let at = at.naive_utc();
            testimonio_i18n::tr!(
                lang,
                "shell-time-utc",
                day = testimonio_i18n::format::day(lang, at.date()),
                time = at.format("%H:%M").to_string()
            )
        },
    )
}

/// A count with the language's grouping: `10,000` / `10 000`.
pub fn format_number(lang: Lang, n: u64) -> String {
    testimonio_i18n::format::number(lang, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_negotiated() {
        let mut h = HeaderMap::new();
        h.insert(
            "accept-language",
            "fr-CA, es-MX;q=0.8, en;q=0.5".parse().unwrap(),
        );
        assert_eq!(negotiate(&h), Lang::Es);
        h.insert("cookie", "lang=en".parse().unwrap());
        assert_eq!(negotiate(&h), Lang::En);
    }

    #[test]
    fn quality_orders_the_languages() {
        let mut h = HeaderMap::new();
        h.insert("accept-language", "en;q=0.4, es-419;q=0.9".parse().unwrap());
        assert_eq!(negotiate(&h), Lang::Es);
        h.insert("accept-language", "de, fr;q=0.8".parse().unwrap());
        assert_eq!(negotiate(&h), Lang::En);
        h.insert("accept-language", "*".parse().unwrap());
        assert_eq!(negotiate(&h), Lang::En);
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(format_number(Lang::En, 10_000), "10,000");
        assert_eq!(format_number(Lang::Es, 10_000), "10\u{a0}000");
        assert_eq!(format_number(Lang::Es, 1_000), "1000");
        let d: testimonio_domain::PartialDate = "2019-05-03".parse().unwrap();
        assert_eq!(format_date(Lang::Es, &d), "3 de mayo de 2019");
        let m: testimonio_domain::PartialDate = "~2019-05".parse().unwrap();
        assert_eq!(format_date(Lang::En, &m), "about May 2019");
        assert_eq!(
            format_time(Lang::Es, "2026-12-03T06:05:09Z"),
            "3 de diciembre de 2026, 06:05 UTC"
        );
        assert_eq!(
            format_time(Lang::En, "2026-12-03T06:05:09+01:00"),
            "3 December 2026, 05:05 UTC"
        );
        assert_eq!(format_time(Lang::En, "yesterday"), "yesterday");
    }
}
