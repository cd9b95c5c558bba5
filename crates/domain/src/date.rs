//! Dates known to a day, a month or a year, possibly approximate.

use std::{fmt, str::FromStr};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Problem};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

impl DatePrecision {
    pub fn code(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// A date as precisely as it is known: `2019-05-03`, `2019-05` or `2019`,
/// and marked approximate with a leading `~` (`~2019-05`).
///
/// Invariant: the parts form a real calendar date between 1900 and 2100, and
/// a day is only present together with a month.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    approximate: bool,
}

pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;
const EXPECTED: &str = "YYYY-MM-DD, YYYY-MM or YYYY, with ~ in front if approximate";

impl PartialDate {
    /// A date known to the day.
    ///
    /// # Errors
    /// Outside the years 1900–2100.
    pub fn from_day(field: &str, date: NaiveDate) -> Result<Self, FieldError> {
        check_year(field, date.year())?;
        Ok(Self {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
            approximate: false,
        })
    }

    /// Parses the canonical text form.
    ///
    /// # Errors
    /// Anything but `[~]YYYY[-MM[-DD]]` naming a real date between 1900 and 2100.
    pub fn parse(field: &str, text: &str) -> Result<Self, FieldError> {
        let bad = || FieldError::new(field, Problem::BadDate { expected: EXPECTED });
        let text = text.trim();
        let (approximate, rest) = match text.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let parts: Vec<&str> = rest.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, FieldError> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (year, month, day) = match parts.as_slice() {
            [y] => (number(y, 4)?, None, None),
            [y, m] => (number(y, 4)?, Some(number(m, 2)?), None),
            [y, m, d] => (number(y, 4)?, Some(number(m, 2)?), Some(number(d, 2)?)),
            _ => return Err(bad()),
        };
        let year = i32::try_from(year).map_err(|_| bad())?;
        check_year(field, year)?;
        if let Some(m) = month {
            NaiveDate::from_ymd_opt(year, m, day.unwrap_or(1)).ok_or_else(bad)?;
        }
        Ok(Self {
            year,
            month,
            day,
            approximate,
        })
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The date written out in `lang` at its precision: `3 May 2019`,
    /// `mayo de 2019`, `about 2019` (see [`testimonio_i18n::format::date`]).
    pub fn written(&self, lang: crate::Lang) -> String {
        testimonio_i18n::format::date(
            lang,
            self.year(),
            self.month(),
            self.day(),
            self.is_approximate(),
        )
    }

    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<u32> {
        self.month
    }

    pub fn day(&self) -> Option<u32> {
        self.day
    }

    /// The first day the date can mean (`2019-05` → 2019-05-01).
    pub fn earliest(&self) -> NaiveDate {
        let d = NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        debug_assert!(d.is_some(), "PartialDate invariant broken");
        d.unwrap_or(NaiveDate::MIN)
    }

    /// The last day the date can mean (`2019-02` → 2019-02-28).
    pub fn latest(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => {
                let (ny, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// A point to place the date on a timeline: the middle of its span.
    pub fn midpoint(&self) -> NaiveDate {
        let (a, b) = (self.earliest(), self.latest());
        a + (b - a) / 2
    }
}

fn check_year(field: &str, year: i32) -> Result<(), FieldError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(FieldError::new(field, Problem::DateOutOfRange))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartialDate({self})")
    }
}

impl FromStr for PartialDate {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse("date", s)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse("date", &s).map_err(serde::de::Error::custom)
    }
}

/// Parses a plain `YYYY-MM-DD` day (consent dates, record dates).
///
/// # Errors
/// Anything but a real calendar day between 1900 and 2100.
pub fn parse_day(field: &str, text: &str) -> Result<NaiveDate, FieldError> {
    let d = PartialDate::parse(field, text)?;
    if d.precision() != DatePrecision::Day || d.is_approximate() {
        return Err(FieldError::new(
            field,
            Problem::BadDate {
                expected: "YYYY-MM-DD",
            },
        ));
    }
    Ok(d.earliest())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_each_precision() {
        let d = PartialDate::parse("date", "2019-05-03").unwrap();
        assert_eq!(d.precision(), DatePrecision::Day);
        let m = PartialDate::parse("date", "2019-02").unwrap();
        assert_eq!(m.precision(), DatePrecision::Month);
        assert_eq!(m.latest(), NaiveDate::from_ymd_opt(2019, 2, 28).unwrap());
        let y = PartialDate::parse("date", "~2019").unwrap();
        assert_eq!(y.precision(), DatePrecision::Year);
        assert!(y.is_approximate());
        assert_eq!(y.to_string(), "~2019");
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "2019-02-29",
            "2019-13",
            "2019-00",
            "19-05-03",
            "2019-5-3",
            "2019/05/03",
            "",
            "~",
            "1899",
            "2101",
            "2019-05-03-01",
            " 2019-05-0a",
            "+2019",
        ] {
            let err = PartialDate::parse("date", bad).unwrap_err();
            assert_eq!(err.field, "date", "{bad}");
        }
        assert!(PartialDate::parse("date", "2020-02-29").is_ok());
    }

    #[test]
    fn parse_day_needs_a_day() {
        assert!(parse_day("given_on", "2020-01-01").is_ok());
        assert!(parse_day("given_on", "2020-01").is_err());
        assert!(parse_day("given_on", "~2020-01-01").is_err());
    }

    proptest! {
        #[test]
        fn display_round_trips(
            year in MIN_YEAR..=MAX_YEAR,
            month in proptest::option::of(1u32..=12),
            day in 1u32..=31,
            with_day in any::<bool>(),
            approximate in any::<bool>(),
        ) {
            let mut text = format!("{}{year:04}", if approximate { "~" } else { "" });
            if let Some(m) = month {
                text.push_str(&format!("-{m:02}"));
                if with_day {
                    text.push_str(&format!("-{day:02}"));
                }
            }
            match PartialDate::parse("date", &text) {
                Ok(d) => {
                    prop_assert_eq!(d.to_string(), text);
                    prop_assert!(d.earliest() <= d.latest());
                    prop_assert!(d.earliest() <= d.midpoint() && d.midpoint() <= d.latest());
                }
                Err(_) => {
                    // Only a day past the month's end may be refused.
                    prop_assert!(month.is_some() && with_day);
                    let m = month.unwrap_or(1);
                    prop_assert!(NaiveDate::from_ymd_opt(year, m, day).is_none());
                }
            }
        }

        #[test]
        fn never_panics_on_arbitrary_text(text in "\\PC{0,20}") {
            let _ = PartialDate::parse("date", &text);
        }
    }
}
