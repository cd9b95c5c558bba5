//! Numbers, shares and dates as each language writes them (the same
//! conventions as the web app: `10,000` / `10 000`, `45.5%` / `45,5 %`,
//! `3 May 2019` / `3 de mayo de 2019`).

use testimonio_analysis::Cell;
use testimonio_domain::{Lang, PartialDate};

/// A count with the language's grouping: `10,000` / `10 000` (none for
/// four digits in Spanish, as the RAE recommends).
pub fn count(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::En => ',',
        Lang::Es => '\u{a0}',
    };
    if lang == Lang::Es && digits.len() <= 4 {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// [`count`] in English, as a plain function for charts.
pub fn count_en(n: u64) -> String {
    count(Lang::En, n)
}

/// [`count`] in Spanish, as a plain function for charts.
pub fn count_es(n: u64) -> String {
    count(Lang::Es, n)
}

/// The chart formatter for `lang`.
pub fn counter(lang: Lang) -> fn(u64) -> String {
    match lang {
        Lang::En => count_en,
        Lang::Es => count_es,
    }
}

/// A number with `digits` decimals and the language's decimal mark.
pub fn decimal(lang: Lang, x: f64, digits: usize) -> String {
    let s = format!("{x:.digits$}");
    match lang {
        Lang::En => s,
        Lang::Es => s.replace('.', ","),
    }
}

/// A share as a percentage with one decimal: `45.5%` / `45,5 %`.
pub fn percent(lang: Lang, share: f64) -> String {
    let s = decimal(lang, share * 100.0, 1);
    match lang {
        Lang::En => format!("{s}%"),
        Lang::Es => format!("{s}\u{a0}%"),
    }
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
    lang.pick("suppressed", "suprimido")
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// A date at its precision, marked when approximate.
pub fn date(lang: Lang, d: &PartialDate) -> String {
    let month = |m: u32| match lang {
        Lang::En => EN_MONTHS[(m - 1) as usize],
        Lang::Es => ES_MONTHS[(m - 1) as usize],
    };
    let body = match (d.month(), d.day(), lang) {
        (Some(m), Some(day), Lang::En) => format!("{day} {} {}", month(m), d.year()),
        (Some(m), Some(day), Lang::Es) => format!("{day} de {} de {}", month(m), d.year()),
        (Some(m), None, Lang::En) => format!("{} {}", month(m), d.year()),
        (Some(m), None, Lang::Es) => format!("{} de {}", month(m), d.year()),
        _ => d.year().to_string(),
    };
    if d.is_approximate() {
        format!("{} {body}", lang.pick("about", "hacia"))
    } else {
        body
    }
}

/// A calendar day, written out.
pub fn day(lang: Lang, d: chrono::NaiveDate) -> String {
    PartialDate::from_day("date", d).map_or_else(|_| d.to_string(), |p| date(lang, &p))
}

/// "1 day" / "12 days", "1 día" / "12 días".
pub fn days(lang: Lang, n: u64) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 day".into(),
        (Lang::Es, 1) => "1 día".into(),
        (Lang::En, n) => format!("{} days", count(lang, n)),
        (Lang::Es, n) => format!("{} días", count(lang, n)),
    }
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
