//! Dates as people type them in spreadsheets, to the canonical
//! `[~]YYYY[-MM[-DD]]`: ISO dates; day and month in the order the user
//! picks for the column (`03/04/2019`), with two-digit years; month names
//! in Spanish and English ("3 de marzo de 2019", "marzo 2019",
//! "Mar 3, 2019"); Excel serial numbers; a month or a year alone; "aprox.",
//! "ca." or "~" kept as an approximate date. The domain checks the result
//! (a real day, a year in range).

/// Which of two leading numbers is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `03/04/2019` is 3 April (most of the world, and Spanish).
    DayMonth,
    /// `03/04/2019` is 4 March (the United States).
    MonthDay,
}

impl DateOrder {
    /// `dmy` or `mdy`, as a mapping profile writes it.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "dmy" => Some(DateOrder::DayMonth),
            "mdy" => Some(DateOrder::MonthDay),
            _ => None,
        }
    }
}

/// A cell read as a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellDate {
    /// `[~]YYYY[-MM[-DD]]`.
    pub canonical: String,
    /// Read in the other order it would be another date (`03/04/2019`):
    /// counted and shown, so the user can check the column's order.
    pub ambiguous: bool,
}

const MONTHS: [(&str, u32); 30] = [
    ("enero", 1),
    ("january", 1),
    ("febrero", 2),
    ("february", 2),
    ("marzo", 3),
    ("march", 3),
    ("abril", 4),
    ("april", 4),
    ("mayo", 5),
    ("may", 5),
    ("junio", 6),
    ("june", 6),
    ("julio", 7),
    ("july", 7),
    ("agosto", 8),
    ("august", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("september", 9),
    ("octubre", 10),
    ("october", 10),
    ("noviembre", 11),
    ("november", 11),
    ("diciembre", 12),
    ("december", 12),
    ("sept", 9),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
];

/// The month a word names, in English or Spanish (`marzo`, `March`,
/// `Mar.`, `sept`), whole or by its first three letters; lower case.
pub fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .or_else(|| {
            MONTHS
                .iter()
                .find(|(name, _)| name.len() > 4 && name.starts_with(word) && word.len() >= 3)
        })
        .map(|(_, m)| *m)
}

/// Reads `text` as a date, `order` deciding between day and month when
/// both are numbers. `None` for text that is no date.
pub fn read_date(text: &str, order: DateOrder) -> Option<CellDate> {
    let folded = text.trim().to_lowercase();
    let (approximate, rest) = strip_approximate(&folded);
    let (canonical, ambiguous) = numeric(rest, order)
        .or_else(|| named(rest))
        .or_else(|| serial(rest).map(|c| (c, false)))?;
    Some(CellDate {
        canonical: if approximate {
            format!("~{canonical}")
        } else {
            canonical
        },
        ambiguous,
    })
}

fn strip_approximate(text: &str) -> (bool, &str) {
    for marker in [
        "~", "aprox.", "aprox", "approx.", "approx", "ca.", "circa", "c.",
    ] {
        if let Some(rest) = text.strip_prefix(marker) {
            return (true, rest.trim());
        }
        if let Some(rest) = text.strip_suffix(marker) {
            return (true, rest.trim().trim_end_matches(',').trim());
        }
    }
    (false, text)
}

fn year(text: &str) -> Option<u32> {
    let n: u32 = text.parse().ok()?;
    match text.len() {
        4 => Some(n),
        // Two digits: this century up to 40 years ahead of 2000, else 19xx.
        2 if n <= 40 => Some(2000 + n),
        2 => Some(1900 + n),
        _ => None,
    }
}

/// `YYYY-MM-DD` for a real day.
fn day_text(year: u32, month: u32, day: u32) -> Option<String> {
    let year = i32::try_from(year).ok()?;
    chrono::NaiveDate::from_ymd_opt(year, month, day).map(|d| d.format("%Y-%m-%d").to_string())
}

/// `2019-03-04`, `2019-03`, `2019`, `03/04/2019`, `3.4.19`, `04/2019`.
fn numeric(text: &str, order: DateOrder) -> Option<(String, bool)> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    match parts.as_slice() {
        [y] if y.len() == 4 => Some((y.to_string(), false)),
        [y, m] if y.len() == 4 => {
            let m: u32 = m.parse().ok()?;
            (1..=12)
                .contains(&m)
                .then(|| (format!("{y}-{m:02}"), false))
        }
        [m, y] if y.len() == 4 && m.len() <= 2 => {
            let m: u32 = m.parse().ok()?;
            (1..=12)
                .contains(&m)
                .then(|| (format!("{y}-{m:02}"), false))
        }
        [y, m, d] if y.len() == 4 => {
            day_text(year(y)?, m.parse().ok()?, d.parse().ok()?).map(|t| (t, false))
        }
        [a, b, y] if a.len() <= 2 && b.len() <= 2 => {
            let (a, b, y): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, year(y)?);
            let (day, month) = match order {
                DateOrder::DayMonth => (a, b),
                DateOrder::MonthDay => (b, a),
            };
            let text = day_text(y, month, day)?;
            let other = match order {
                DateOrder::DayMonth => day_text(y, a, b),
                DateOrder::MonthDay => day_text(y, b, a),
            };
            Some((text.clone(), other.is_some_and(|o| o != text)))
        }
        _ => None,
    }
}

/// "3 de marzo de 2019", "marzo de 2019", "marzo 2019", "Mar 3, 2019",
/// "March 3 2019", "3 March 2019".
fn named(text: &str) -> Option<(String, bool)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && *w != "de" && *w != "del" && *w != "of")
        .collect();
    let number = |w: &str| -> Option<u32> {
        w.trim_end_matches(|c: char| c.is_alphabetic() || c == '.' || c == 'º')
            .parse()
            .ok()
    };
    match words.as_slice() {
        [m, y] => {
            let (m, y) = (month(m)?, year(y)?);
            Some((format!("{y:04}-{m:02}"), false))
        }
        [d, m, y] if month(m).is_some() => {
            day_text(year(y)?, month(m)?, number(d)?).map(|t| (t, false))
        }
        [m, d, y] => day_text(year(y)?, month(m)?, number(d)?).map(|t| (t, false)),
        _ => None,
    }
}

/// An Excel serial day (the 1900 system, as every spreadsheet writes it):
/// five digits, a fraction of a day (the time) ignored.
fn serial(text: &str) -> Option<String> {
    let whole = text.split('.').next()?;
    if whole.len() != 5 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let days: i64 = whole.parse().ok()?;
    // Excel counts a 29 February 1900 that never was: for every serial
    // from 61 on (all five-digit ones), day 0 is 30 December 1899.
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let day = epoch.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
    Some(day.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dmy(text: &str) -> Option<String> {
        read_date(text, DateOrder::DayMonth).map(|d| d.canonical)
    }

    #[test]
    fn both_orders_and_what_is_ambiguous() {
        let d = read_date("03/04/2019", DateOrder::DayMonth).unwrap();
        assert_eq!((d.canonical.as_str(), d.ambiguous), ("2019-04-03", true));
        let m = read_date("03/04/2019", DateOrder::MonthDay).unwrap();
        assert_eq!((m.canonical.as_str(), m.ambiguous), ("2019-03-04", true));
        let not = read_date("25/04/2019", DateOrder::DayMonth).unwrap();
        assert_eq!(
            (not.canonical.as_str(), not.ambiguous),
            ("2019-04-25", false)
        );
        assert_eq!(read_date("25/04/2019", DateOrder::MonthDay), None);
        assert_eq!(dmy("3.4.19").as_deref(), Some("2019-04-03"));
        assert_eq!(dmy("3/4/99").as_deref(), Some("1999-04-03"));
        assert!(
            !read_date("04/04/2019", DateOrder::DayMonth)
                .unwrap()
                .ambiguous
        );
    }

    #[test]
    fn iso_partial_named_serial_and_approximate() {
        assert_eq!(dmy("2019-03-04").as_deref(), Some("2019-03-04"));
        assert_eq!(dmy("2019-03").as_deref(), Some("2019-03"));
        assert_eq!(dmy("2019").as_deref(), Some("2019"));
        assert_eq!(dmy("03/2019").as_deref(), Some("2019-03"));
        assert_eq!(dmy("3 de marzo de 2019").as_deref(), Some("2019-03-03"));
        assert_eq!(dmy("Marzo de 2019").as_deref(), Some("2019-03"));
        assert_eq!(dmy("marzo 2019").as_deref(), Some("2019-03"));
        assert_eq!(dmy("Mar 3, 2019").as_deref(), Some("2019-03-03"));
        assert_eq!(dmy("March 3rd 2019").as_deref(), Some("2019-03-03"));
        assert_eq!(dmy("3 sept. 2019").as_deref(), Some("2019-09-03"));
        assert_eq!(dmy("1 dic 2020").as_deref(), Some("2020-12-01"));
        assert_eq!(dmy("aprox. marzo 2019").as_deref(), Some("~2019-03"));
        assert_eq!(dmy("2019 (aprox)"), None, "parentheses are not a date");
        assert_eq!(dmy("~2019").as_deref(), Some("~2019"));
        assert_eq!(dmy("43528").as_deref(), Some("2019-03-04"));
        assert_eq!(dmy("43528.75").as_deref(), Some("2019-03-04"));
        assert_eq!(dmy("36526").as_deref(), Some("2000-01-01"));
        assert_eq!(dmy("31/02/2019"), None);
        assert_eq!(dmy("mañana"), None);
        assert_eq!(dmy(""), None);
    }

    #[test]
    fn orders_from_profiles() {
        assert_eq!(DateOrder::parse("dmy"), Some(DateOrder::DayMonth));
        assert_eq!(DateOrder::parse("mdy"), Some(DateOrder::MonthDay));
        assert_eq!(DateOrder::parse("ydm"), None);
    }
}
