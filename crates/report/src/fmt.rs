//! Numbers, shares and dates in a report, written by the one formatting
//! module (`testimonio_i18n::format`): `10,000` / `10 000`, `45.5%` /
//! `45,5 %`, `3 May 2019` / `3 de mayo de 2019`. What is the report's own
//! is here: p-values, the word for a suppressed count, and formatters as
//! plain functions for the charts.

use testimonio_analysis::Cell;
use testimonio_domain::{Lang, PartialDate};
use testimonio_i18n::{format, tr};

/// A count with the language's grouping: `10,000` / `10 000` (none for
/// four digits in Spanish, as the RAE recommends).
pub fn count(lang: Lang, n: u64) -> String {
    format::number(lang, n)
}

/// The chart formatter for `lang`.
pub fn counter(lang: Lang) -> fn(u64) -> String {
    match lang {
        Lang::En => |n| format::number(Lang::En, n),
        Lang::Es => |n| format::number(Lang::Es, n),
    }
}

/// A number with `digits` decimals and the language's decimal mark.
pub fn decimal(lang: Lang, x: f64, digits: usize) -> String {
    format::decimal(lang, x, digits)
}

/// A share as a percentage with one decimal: `45.5%` / `45,5 %`.
pub fn percent(lang: Lang, share: f64) -> String {
    format::percent(lang, share)
}

/// A p-value: four decimals, or "< 0.0001".
pub fn p_value(lang: Lang, p: f64) -> String {
    if p < 0.0001 {
        format!("<\u{a0}{}", decimal(lang, 0.0001, 4))
    } else {
        decimal(lang, p, 4)
    }
}

/// `p = 0.0123`, or `p < 0.0001`.
pub fn p_equation(lang: Lang, p: f64) -> String {
    let v = p_value(lang, p).replace(' ', "\u{a0}");
    if v.starts_with('<') {
        format!("p\u{a0}{v}")
    } else {
        format!("p\u{a0}=\u{a0}{v}")
    }
}

/// A published count, or the word for a suppressed one.
pub fn cell(lang: Lang, c: Cell) -> String {
    match c {
        Cell::Shown(n) => count(lang, n),
        Cell::Suppressed => suppressed(lang).to_owned(),
    }
}

/// The word that stands in for a suppressed count.
pub fn suppressed(lang: Lang) -> &'static str {
    tr!(lang, "report-suppressed")
}

/// A date at its precision, marked when approximate.
pub fn date(lang: Lang, d: &PartialDate) -> String {
    format::date(lang, d.year(), d.month(), d.day(), d.is_approximate())
}

/// A calendar day, written out.
pub fn day(lang: Lang, d: chrono::NaiveDate) -> String {
    format::day(lang, d)
}

/// "1 day" / "12 days", "1 día" / "12 días".
pub fn days(lang: Lang, n: u64) -> String {
    format::days(lang, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(count(Lang::En, 10_000), "10,000");
        assert_eq!(count(Lang::Es, 10_000), "10\u{a0}000");
        assert_eq!(count(Lang::Es, 1_000), "1000");
        assert_eq!(percent(Lang::En, 0.455), "45.5%");
        assert_eq!(percent(Lang::Es, 0.455), "45,5\u{a0}%");
        assert_eq!(p_value(Lang::Es, 0.01234), "0,0123");
        assert_eq!(p_value(Lang::En, 0.00001), "<\u{a0}0.0001");
        assert_eq!(p_equation(Lang::En, 0.5), "p\u{a0}=\u{a0}0.5000");
        assert_eq!(cell(Lang::Es, Cell::Suppressed), "suprimido");
        let d = PartialDate::parse("d", "2019-05").unwrap();
        assert_eq!(date(Lang::Es, &d), "mayo de 2019");
        assert_eq!(days(Lang::Es, 1), "1 día");
    }
}
