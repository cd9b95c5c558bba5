//! The legal public holidays of 5 U.S.C. 6103(a) and the days on which
//! federal employees observe them.
//!
//! FOIA counts its time limits in days "excepting Saturdays, Sundays, and
//! legal public holidays" (5 U.S.C. 552(a)(6)(A)). A holiday that falls on
//! a weekend is observed on a weekday, and FOIA offices are closed that
//! weekday:
//!
//! - a holiday on a **Saturday** is observed the **Friday before**
//!   (5 U.S.C. 6103(b)(1), for employees whose basic workweek is Monday to
//!   Friday);
//! - a holiday on a **Sunday** is observed the **Monday after**
//!   (Executive Order 11582, section 3(a)).
//!
//! So New Year's Day on a Saturday (2022, 2028) is observed on Friday
//! December 31 of the year before, which is why
//! [`observed_holidays`] lists the days observed *in* a year, whatever
//! year the holiday belongs to.
//!
//! # What is not a holiday here
//!
//! - **Inauguration Day** (January 20 after a presidential election,
//!   5 U.S.C. 6103(c)) is a holiday only for employees who work in the
//!   District of Columbia and the nearby counties and cities of Maryland
//!   and Virginia. It is not a legal public holiday under 6103(a): FOIA
//!   offices elsewhere (ICE's and USCIS's among them) are open, and the
//!   FOIA clock keeps running. It counts as a working day.
//! - Days on which federal offices close by executive order (a Christmas
//!   Eve, a national day of mourning) are not legal public holidays either,
//!   and count as working days. An agency may treat them otherwise; the
//!   [`crate::clock::Explanation`] of every date lists the days that were
//!   skipped, so the difference can be seen and argued.
//!
//! # Years
//!
//! The calendar is meant for the years 1900 to 2100 ([`FIRST_YEAR`],
//! [`LAST_YEAR`]), the years Testimonio accepts in dates. It applies the
//! current statute: Birthday of Martin Luther King, Jr. from 1986,
//! Juneteenth National Independence Day from 2021, every other holiday on
//! its present rule in every year. Before the Uniform Monday Holiday Act
//! took effect in 1971 some holidays fell on other days (Washington's
//! Birthday on February 22, Memorial Day on May 30), Columbus Day was not a
//! legal public holiday, and from 1971 to 1977 Veterans Day was the fourth
//! Monday in October; those historical calendars are not reproduced. The
//! time limits this crate computes date from 1996 (20 working days), so no
//! deadline depends on them. Outside 1900–2100 the same rules are simply
//! extended, so that arithmetic near the ends of the range stays defined.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use testimonio_domain::Lang;

/// First year the calendar is meant for.
pub const FIRST_YEAR: i32 = 1900;
/// Last year the calendar is meant for.
pub const LAST_YEAR: i32 = 2100;

/// One of the eleven legal public holidays of 5 U.S.C. 6103(a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    NewYearsDay,
    MartinLutherKingJrBirthday,
    WashingtonsBirthday,
    MemorialDay,
    JuneteenthNationalIndependenceDay,
    IndependenceDay,
    LaborDay,
    ColumbusDay,
    VeteransDay,
    ThanksgivingDay,
    ChristmasDay,
}

impl HolidayKind {
    /// Every holiday, in calendar order.
    pub const ALL: [HolidayKind; 11] = [
        HolidayKind::NewYearsDay,
        HolidayKind::MartinLutherKingJrBirthday,
        HolidayKind::WashingtonsBirthday,
        HolidayKind::MemorialDay,
        HolidayKind::JuneteenthNationalIndependenceDay,
        HolidayKind::IndependenceDay,
        HolidayKind::LaborDay,
        HolidayKind::ColumbusDay,
        HolidayKind::VeteransDay,
        HolidayKind::ThanksgivingDay,
        HolidayKind::ChristmasDay,
    ];

    /// A stable code (`new_years_day`, `christmas_day`).
    pub fn code(self) -> &'static str {
        match self {
            HolidayKind::NewYearsDay => "new_years_day",
            HolidayKind::MartinLutherKingJrBirthday => "martin_luther_king_jr_birthday",
            HolidayKind::WashingtonsBirthday => "washingtons_birthday",
            HolidayKind::MemorialDay => "memorial_day",
            HolidayKind::JuneteenthNationalIndependenceDay => {
                "juneteenth_national_independence_day"
            }
            HolidayKind::IndependenceDay => "independence_day",
            HolidayKind::LaborDay => "labor_day",
            HolidayKind::ColumbusDay => "columbus_day",
            HolidayKind::VeteransDay => "veterans_day",
            HolidayKind::ThanksgivingDay => "thanksgiving_day",
            HolidayKind::ChristmasDay => "christmas_day",
        }
    }

    /// The holiday's name as 5 U.S.C. 6103(a) gives it, and in Spanish.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            HolidayKind::NewYearsDay => {
                testimonio_i18n::message(lang, "foia-holiday-new-years-day")
            }
            HolidayKind::MartinLutherKingJrBirthday => {
                testimonio_i18n::message(lang, "foia-holiday-martin-luther-king-jr-birthday")
            }
            HolidayKind::WashingtonsBirthday => {
                testimonio_i18n::message(lang, "foia-holiday-washingtons-birthday")
            }
            HolidayKind::MemorialDay => testimonio_i18n::message(lang, "foia-holiday-memorial-day"),
            HolidayKind::JuneteenthNationalIndependenceDay => {
                testimonio_i18n::message(lang, "foia-holiday-juneteenth-national-independence-day")
            }
            HolidayKind::IndependenceDay => {
                testimonio_i18n::message(lang, "foia-holiday-independence-day")
            }
            HolidayKind::LaborDay => testimonio_i18n::message(lang, "foia-holiday-labor-day"),
            HolidayKind::ColumbusDay => testimonio_i18n::message(lang, "foia-holiday-columbus-day"),
            HolidayKind::VeteransDay => testimonio_i18n::message(lang, "foia-holiday-veterans-day"),
            HolidayKind::ThanksgivingDay => {
                testimonio_i18n::message(lang, "foia-holiday-thanksgiving-day")
            }
            HolidayKind::ChristmasDay => {
                testimonio_i18n::message(lang, "foia-holiday-christmas-day")
            }
        }
    }

    /// The first year the holiday is a legal public holiday in this
    /// calendar: 1986 for Martin Luther King, Jr.'s birthday (Pub. L.
    /// 98-144), 2021 for Juneteenth (Pub. L. 117-17, signed June 17, 2021,
    /// first observed Friday June 18, 2021), [`FIRST_YEAR`] for the others.
    pub fn first_year(self) -> i32 {
        match self {
            HolidayKind::MartinLutherKingJrBirthday => 1986,
            HolidayKind::JuneteenthNationalIndependenceDay => 2021,
            _ => FIRST_YEAR,
        }
    }

    /// The holiday's own date in `year` (before any weekend shift), or
    /// `None` in a year before [`Self::first_year`] or a year the calendar
    /// cannot represent.
    pub fn date_in(self, year: i32) -> Option<NaiveDate> {
        if year < self.first_year() {
            return None;
        }
        let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
        let nth = |month, weekday, n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n);
        match self {
            HolidayKind::NewYearsDay => fixed(1, 1),
            HolidayKind::MartinLutherKingJrBirthday => nth(1, Weekday::Mon, 3),
            HolidayKind::WashingtonsBirthday => nth(2, Weekday::Mon, 3),
            HolidayKind::MemorialDay => last_weekday_of_may(year, Weekday::Mon),
            HolidayKind::JuneteenthNationalIndependenceDay => fixed(6, 19),
            HolidayKind::IndependenceDay => fixed(7, 4),
            HolidayKind::LaborDay => nth(9, Weekday::Mon, 1),
            HolidayKind::ColumbusDay => nth(10, Weekday::Mon, 2),
            HolidayKind::VeteransDay => fixed(11, 11),
            HolidayKind::ThanksgivingDay => nth(11, Weekday::Thu, 4),
            HolidayKind::ChristmasDay => fixed(12, 25),
        }
    }
}

fn last_weekday_of_may(year: i32, weekday: Weekday) -> Option<NaiveDate> {
    let may_31 = NaiveDate::from_ymd_opt(year, 5, 31)?;
    let back = (7 + may_31.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    may_31.checked_sub_days(chrono::Days::new(u64::from(back)))
}

/// The weekday on which federal employees observe a holiday falling on
/// `actual`: the Friday before a Saturday, the Monday after a Sunday, the
/// day itself otherwise.
pub fn observed_date(actual: NaiveDate) -> NaiveDate {
    match actual.weekday() {
        Weekday::Sat => actual.pred_opt().unwrap_or(actual),
        Weekday::Sun => actual.succ_opt().unwrap_or(actual),
        _ => actual,
    }
}

/// A legal public holiday in a given year: its own date and the day it is
/// observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Holiday {
    pub kind: HolidayKind,
    /// The day federal offices are closed for it (always a weekday).
    pub date: NaiveDate,
    /// The holiday's own date, which may be a Saturday or a Sunday.
    pub actual_date: NaiveDate,
    pub name_en: &'static str,
    pub name_es: &'static str,
}

impl Holiday {
    fn of(kind: HolidayKind, year: i32) -> Option<Self> {
        let actual_date = kind.date_in(year)?;
        Some(Self {
            kind,
            date: observed_date(actual_date),
            actual_date,
            name_en: kind.name(Lang::En),
            name_es: kind.name(Lang::Es),
        })
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        self.kind.name(lang)
    }

    /// Whether the holiday is observed on another day than its own.
    pub fn is_shifted(&self) -> bool {
        self.date != self.actual_date
    }
}

/// The holidays that belong to `year` (their own date is in `year`), in
/// calendar order, with the day each is observed — which for New Year's
/// Day may be December 31 of the year before.
pub fn legal_holidays(year: i32) -> Vec<Holiday> {
    HolidayKind::ALL
        .iter()
        .filter_map(|&kind| Holiday::of(kind, year))
        .collect()
}

/// The holidays observed during `year`, by observed date: the year's own
/// holidays, less a New Year's Day observed on December 31 of the year
/// before, plus next year's New Year's Day when it is observed on
/// December 31 of `year`.
///
/// ```
/// use chrono::NaiveDate;
/// use testimonio_foia::holidays::observed_holidays;
///
/// // New Year's Day 2022 fell on a Saturday: observed Friday 2021-12-31.
/// let last = *observed_holidays(2021).last().unwrap();
/// assert_eq!(last.date, NaiveDate::from_ymd_opt(2021, 12, 31).unwrap());
/// assert_eq!(last.actual_date, NaiveDate::from_ymd_opt(2022, 1, 1).unwrap());
/// assert_eq!(last.name_en, "New Year's Day");
/// ```
pub fn observed_holidays(year: i32) -> Vec<Holiday> {
    let mut days: Vec<Holiday> = legal_holidays(year)
        .into_iter()
        .chain(Holiday::of(HolidayKind::NewYearsDay, year + 1))
        .filter(|h| h.date.year() == year)
        .collect();
    days.sort_by_key(|h| h.date);
    days
}

/// The holiday observed on `date`, if any.
pub fn holiday_on(date: NaiveDate) -> Option<Holiday> {
    // Only New Year's Day can be observed in another year than its own,
    // and only one day earlier: Dec 31 may belong to next year.
    let year = date.year();
    HolidayKind::ALL
        .iter()
        .filter_map(|&kind| Holiday::of(kind, year))
        .chain(Holiday::of(HolidayKind::NewYearsDay, year + 1))
        .find(|h| h.date == date)
}

/// Whether `date` is a weekend day.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Whether federal offices work on `date`: not a Saturday, a Sunday or an
/// observed legal public holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && holiday_on(date).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn observed(year: i32, kind: HolidayKind) -> Vec<NaiveDate> {
        observed_holidays(year)
            .into_iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.date)
            .collect()
    }

    #[test]
    fn weekend_holidays_shift_to_the_nearest_weekday() {
        // July 4, 2026 is a Saturday: observed Friday July 3.
        assert_eq!(
            observed(2026, HolidayKind::IndependenceDay),
            [d(2026, 7, 3)]
        );
        // Christmas 2022 is a Sunday: observed Monday December 26.
        assert_eq!(observed(2022, HolidayKind::ChristmasDay), [d(2022, 12, 26)]);
        // Veterans Day 2023 is a Saturday: observed Friday November 10.
        assert_eq!(observed(2023, HolidayKind::VeteransDay), [d(2023, 11, 10)]);
        assert!(is_working_day(d(2026, 7, 2)));
        assert!(!is_working_day(d(2026, 7, 3)));
        assert!(!is_working_day(d(2022, 12, 26)));
    }

    #[test]
    fn new_years_day_crosses_the_year_boundary() {
        // 2022-01-01 is a Saturday: observed Friday 2021-12-31.
        let h = holiday_on(d(2021, 12, 31)).unwrap();
        assert_eq!(h.kind, HolidayKind::NewYearsDay);
        assert_eq!(h.actual_date, d(2022, 1, 1));
        assert!(observed(2022, HolidayKind::NewYearsDay).is_empty());
        assert_eq!(observed(2021, HolidayKind::NewYearsDay).len(), 2);
        assert_eq!(observed_holidays(2022).len(), 10);
        // 2023-01-01 is a Sunday: observed Monday 2023-01-02.
        assert_eq!(observed(2023, HolidayKind::NewYearsDay), [d(2023, 1, 2)]);
        // 2028-01-01 is a Saturday: observed Friday 2027-12-31.
        assert_eq!(
            holiday_on(d(2027, 12, 31)).unwrap().actual_date,
            d(2028, 1, 1)
        );
        // The legal holidays of a year keep their own year.
        let new_year_2022 = legal_holidays(2022)[0];
        assert_eq!(new_year_2022.date, d(2021, 12, 31));
        assert!(new_year_2022.is_shifted());
    }

    #[test]
    fn juneteenth_from_2021_and_king_from_1986() {
        assert!(observed(2020, HolidayKind::JuneteenthNationalIndependenceDay).is_empty());
        assert!(is_working_day(d(2020, 6, 19)));
        assert_eq!(
            observed(2021, HolidayKind::JuneteenthNationalIndependenceDay),
            [d(2021, 6, 18)]
        );
        assert!(observed(1985, HolidayKind::MartinLutherKingJrBirthday).is_empty());
        assert_eq!(
            observed(1986, HolidayKind::MartinLutherKingJrBirthday),
            [d(1986, 1, 20)]
        );
        assert_eq!(legal_holidays(1985).len(), 9);
        assert_eq!(legal_holidays(2020).len(), 10);
        assert_eq!(legal_holidays(2021).len(), 11);
    }

    #[test]
    fn inauguration_day_is_a_working_day() {
        // Friday January 20, 2017: a holiday only in the D.C. area.
        assert!(is_working_day(d(2017, 1, 20)));
        // 2025: January 20 is also King's birthday, a holiday for that reason.
        assert_eq!(
            holiday_on(d(2025, 1, 20)).unwrap().kind,
            HolidayKind::MartinLutherKingJrBirthday
        );
    }

    #[test]
    fn rules_hold_in_every_supported_year() {
        for year in FIRST_YEAR..=LAST_YEAR {
            for h in legal_holidays(year) {
                assert!(!is_weekend(h.date), "{h:?}");
                assert!((h.date - h.actual_date).num_days().abs() <= 1, "{h:?}");
                assert_eq!(h.actual_date.year(), year);
                assert_eq!(holiday_on(h.date), Some(h));
                match h.kind {
                    HolidayKind::MemorialDay => {
                        assert_eq!(h.actual_date.weekday(), Weekday::Mon);
                        assert!(h.actual_date.day() >= 25);
                    }
                    HolidayKind::ThanksgivingDay => {
                        assert_eq!(h.actual_date.weekday(), Weekday::Thu);
                        assert!((22..=28).contains(&h.actual_date.day()));
                    }
                    HolidayKind::ColumbusDay => {
                        assert!((8..=14).contains(&h.actual_date.day()));
                    }
                    _ => {}
                }
            }
            // Every holiday of a year is observed once, in that year or
            // (New Year's Day only) on the last day of the year before.
            let mut seen: Vec<Holiday> = (year - 1..=year)
                .flat_map(observed_holidays)
                .filter(|h| h.actual_date.year() == year)
                .collect();
            seen.sort_by_key(|h| h.kind);
            assert_eq!(seen, legal_holidays(year));
        }
    }

    #[test]
    fn names_are_bilingual() {
        for kind in HolidayKind::ALL {
            assert_ne!(kind.name(Lang::En), kind.name(Lang::Es), "{kind:?}");
        }
    }
}
