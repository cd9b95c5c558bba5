//! The statutory clock, case by case, against dates computed by hand.
//!
//! Every expected date below was counted by hand on a calendar; the
//! reasoning is the comment above each case. Working days are counted from
//! the day after the start; "skip" lists the days not counted. As a second
//! check, each case is also recomputed by a plain day-by-day loop over the
//! holiday lists OPM publishes (typed in below, not computed), so that a
//! slip in a hand count or in the crate's holiday rules shows up as a
//! disagreement. The expected values stay literal dates.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use testimonio_foia::clock::{Rule, SkipReason, Unit};
use testimonio_foia::{
    AppealParts, DeadlineKind, DecisionParts, FoiaRequest, FoiaRequestParts, HolidayKind,
    TollingParts, deadlines, observed_holidays,
};

/// Federal holidays as observed, from OPM's published lists, by year.
#[rustfmt::skip]
const OPM_HOLIDAYS: &[(i32, &[&str])] = &[
    (1985, &["01-01", "02-18", "05-27", "07-04", "09-02", "10-14", "11-11", "11-28", "12-25"]),
    (1986, &["01-01", "01-20", "02-17", "05-26", "07-04", "09-01", "10-13", "11-11", "11-27", "12-25"]),
    (2017, &["01-02", "01-16", "02-20", "05-29", "07-04", "09-04", "10-09", "11-10", "11-23", "12-25"]),
    (2019, &["01-01", "01-21", "02-18", "05-27", "07-04", "09-02", "10-14", "11-11", "11-28", "12-25"]),
    (2020, &["01-01", "01-20", "02-17", "05-25", "07-03", "09-07", "10-12", "11-11", "11-26", "12-25"]),
    (2021, &["01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11", "11-25", "12-24", "12-31"]),
    (2022, &["01-17", "02-21", "05-30", "06-20", "07-04", "09-05", "10-10", "11-11", "11-24", "12-26"]),
    (2023, &["01-02", "01-16", "02-20", "05-29", "06-19", "07-04", "09-04", "10-09", "11-10", "11-23", "12-25"]),
    (2024, &["01-01", "01-15", "02-19", "05-27", "06-19", "07-04", "09-02", "10-14", "11-11", "11-28", "12-25"]),
    (2025, &["01-01", "01-20", "02-17", "05-26", "06-19", "07-04", "09-01", "10-13", "11-11", "11-27", "12-25"]),
    (2026, &["01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "09-07", "10-12", "11-11", "11-26", "12-25"]),
    (2027, &["01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11", "11-25", "12-24", "12-31"]),
    (2028, &["01-17", "02-21", "05-29", "06-19", "07-04", "09-04", "10-09", "11-10", "11-23", "12-25"]),
];

/// A `today` after every case, for the cases where it does not matter.
const LATER: &str = "2030-01-01";

#[derive(Clone, Copy)]
enum Setup {
    /// The determination deadline. Tolling is `(kind, from, to)`.
    Determination {
        received: &'static str,
        perfected: Option<&'static str>,
        tolling: &'static [(&'static str, &'static str, Option<&'static str>)],
        extension_notified: Option<&'static str>,
    },
    /// The decision on expedited processing.
    Expedited { received: &'static str },
    /// The last day to appeal an adverse determination.
    AppealBy {
        determined: &'static str,
        window_days: Option<u32>,
    },
    /// The decision on an appeal.
    AppealDecision {
        received: &'static str,
        extension_notified: Option<&'static str>,
    },
    /// May sue: no determination at all.
    MaySue { received: &'static str },
    /// May sue: timely denial, appeal never decided.
    MaySueAfterAppeal {
        received: &'static str,
        determined: &'static str,
        appeal_received: &'static str,
    },
}

struct Case {
    name: &'static str,
    today: &'static str,
    setup: Setup,
    expected: &'static str,
}

use Setup::*;

const NO_TOLLING: &[(&str, &str, Option<&str>)] = &[];

const fn determination(received: &'static str) -> Setup {
    Determination {
        received,
        perfected: None,
        tolling: NO_TOLLING,
        extension_notified: None,
    }
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // 1. Received Fri 2024-12-20. Skip Sat 21, Sun 22, Wed 25 Christmas,
    // Sat 28, Sun 29, Wed Jan 1 New Year's Day, weekends Jan 4-5, 11-12,
    // 18-19, Mon Jan 20 King's birthday. Count: Dec 23 (1), 24 (2), 26 (3),
    // 27 (4), 30 (5), 31 (6), Jan 2 (7), 3 (8), 6-10 (13), 13-17 (18),
    // 21 (19), 22 (20) → 2025-01-22.
    Case { name: "christmas, new year, king 2024-25", today: LATER, setup: Determination { received: "2024-12-20", perfected: None, tolling: NO_TOLLING, extension_notified: None }, expected: "2025-01-22" },
    // 2. Received Mon 2026-01-05. Jan 6-9 (4), 12-16 (9), skip Mon 19
    // King's birthday, 20-23 (13), 26-30 (18), Feb 2 (19), 3 (20) → 2026-02-03.
    Case { name: "king's birthday 2026", today: LATER, setup: determination("2026-01-05"), expected: "2026-02-03" },
    // 3. Received Mon 2026-02-02. Feb 3-6 (4), 9-13 (9), skip Mon 16
    // Washington's Birthday, 17-20 (13), 23-27 (18), Mar 2 (19), 3 (20) → 2026-03-03.
    Case { name: "washington's birthday 2026", today: LATER, setup: determination("2026-02-02"), expected: "2026-03-03" },
    // 4. Received Thu 2025-05-15. May 16 (1), 19-23 (6), skip Mon 26
    // Memorial Day, 27-30 (10), Jun 2-6 (15), 9-13 (20) → 2025-06-13.
    Case { name: "memorial day 2025", today: LATER, setup: determination("2025-05-15"), expected: "2025-06-13" },
    // 5. Received Mon 2024-06-17. Jun 18 (1), skip Wed 19 Juneteenth,
    // 20-21 (3), 24-28 (8), Jul 1-3 (11), skip Thu 4 Independence Day,
    // 5 (12), 8-12 (17), 15-17 (20) → 2024-07-17.
    Case { name: "juneteenth and july 4 on weekdays 2024", today: LATER, setup: determination("2024-06-17"), expected: "2024-07-17" },
    // 6. Received Wed 2021-06-16. Jun 17 (1), skip Fri 18 (Juneteenth, Sat
    // Jun 19, first observed), 21-25 (6), 28-Jul 2 (11), skip Mon Jul 5
    // (July 4 was a Sunday), 6-9 (15), 12-16 (20) → 2021-07-16.
    Case { name: "first juneteenth, observed fri 2021-06-18", today: LATER, setup: determination("2021-06-16"), expected: "2021-07-16" },
    // 7. Received Tue 2020-06-16: no Juneteenth in 2020, so Fri Jun 19
    // counts. Jun 17-19 (3), 22-26 (8), 29-Jul 2 (12), skip Fri Jul 3
    // (July 4 was a Saturday), 6-10 (17), 13-15 (20) → 2020-07-15.
    Case { name: "no juneteenth in 2020", today: LATER, setup: determination("2020-06-16"), expected: "2020-07-15" },
    // 8. Received Fri 2026-06-26. Jun 29-Jul 2 (4), skip Fri Jul 3 (July 4
    // 2026 is a Saturday), 6-10 (9), 13-17 (14), 20-24 (19), 27 (20) → 2026-07-27.
    Case { name: "july 4 2026 on a saturday", today: LATER, setup: determination("2026-06-26"), expected: "2026-07-27" },
    // 9. Received Fri 2025-08-22. Aug 25-29 (5), skip Mon Sep 1 Labor Day,
    // 2-5 (9), 8-12 (14), 15-19 (19), 22 (20) → 2025-09-22.
    Case { name: "labor day 2025", today: LATER, setup: determination("2025-08-22"), expected: "2025-09-22" },
    // 10. Received Wed 2025-10-08. Oct 9-10 (2), skip Mon 13 Columbus Day,
    // 14-17 (6), 20-24 (11), 27-31 (16), Nov 3-6 (20) → 2025-11-06.
    Case { name: "columbus day 2025", today: LATER, setup: determination("2025-10-08"), expected: "2025-11-06" },
    // 11. Received Mon 2023-11-06. Nov 7-9 (3), skip Fri 10 (Veterans Day,
    // Sat Nov 11), 13-17 (8), 20-22 (11), skip Thu 23 Thanksgiving,
    // 24 (12), 27-Dec 1 (17), 4-6 (20) → 2023-12-06.
    Case { name: "veterans day 2023 on a saturday, thanksgiving", today: LATER, setup: determination("2023-11-06"), expected: "2023-12-06" },
    // 12. Received Wed 2026-11-25. Skip Thu 26 Thanksgiving, Nov 27 (1),
    // 30 (2), Dec 1-4 (6), 7-11 (11), 14-18 (16), 21-24 (20) → 2026-12-24
    // (Christmas, the Friday, is not reached).
    Case { name: "thanksgiving 2026", today: LATER, setup: determination("2026-11-25"), expected: "2026-12-24" },
    // 13. Received Mon 2026-11-30. Dec 1-4 (4), 7-11 (9), 14-18 (14),
    // 21-24 (18), skip Fri 25 Christmas, 28 (19), 29 (20) → 2026-12-29.
    Case { name: "christmas 2026 on a friday", today: LATER, setup: determination("2026-11-30"), expected: "2026-12-29" },
    // 14. Received Fri 2022-12-16. Dec 19-23 (5), skip Mon 26 (Christmas
    // was a Sunday), 27-30 (9), skip Mon Jan 2 (New Year's Day was a
    // Sunday), 3-6 (13), 9-13 (18), skip Mon 16 King's birthday,
    // 17 (19), 18 (20) → 2023-01-18.
    Case { name: "christmas 2022 and new year 2023 on sundays", today: LATER, setup: determination("2022-12-16"), expected: "2023-01-18" },
    // 15. Received Mon 2021-12-20. Dec 21-23 (3), skip Fri 24 (Christmas
    // was a Saturday), 27-30 (7), skip Fri 31 (New Year's Day 2022 was a
    // Saturday: observed in 2021), Jan 3-7 (12), 10-14 (17), skip Mon 17
    // King's birthday, 18-20 (20) → 2022-01-20.
    Case { name: "new year 2022 observed fri 2021-12-31", today: LATER, setup: determination("2021-12-20"), expected: "2022-01-20" },
    // 16. Received Mon 2027-12-20: the same calendar as 2021. Dec 21-23
    // (3), skip Fri 24, 27-30 (7), skip Fri 31 (New Year's Day 2028 is a
    // Saturday), Jan 3-7 (12), 10-14 (17), skip Mon 17 King's birthday,
    // 18-20 (20) → 2028-01-20.
    Case { name: "new year 2028 observed fri 2027-12-31", today: LATER, setup: determination("2027-12-20"), expected: "2028-01-20" },
    // 17. Received Mon 2025-03-03; clarification tolled Mon 10 - Fri 14.
    // Mar 4-7 (4), skip 10-14 (tolled), 17-21 (9), 24-28 (14), 31 (15),
    // Apr 1-4 (19), 7 (20) → 2025-04-07 (without tolling: Mar 31).
    Case { name: "clarification tolling", today: LATER, setup: Determination { received: "2025-03-03", perfected: None, tolling: &[("clarification", "2025-03-10", Some("2025-03-14"))], extension_notified: None }, expected: "2025-04-07" },
    // 18. Received Tue 2025-06-10; fee dispute tolled Fri 13 - Tue 24.
    // Jun 11-12 (2), skip 13 (tolled), 14-15 (weekend), 16-18 (tolled),
    // 19 (Juneteenth), 20 (tolled), 21-22 (weekend), 23-24 (tolled);
    // 25-27 (5), 30 (6), Jul 1-3 (9), skip Fri 4 Independence Day,
    // 7-11 (14), 14-18 (19), 21 (20) → 2025-07-21.
    Case { name: "fee dispute tolling over juneteenth", today: LATER, setup: Determination { received: "2025-06-10", perfected: None, tolling: &[("fee_dispute", "2025-06-13", Some("2025-06-24"))], extension_notified: None }, expected: "2025-07-21" },
    // 19. Received Mon 2024-09-09; clarification Thu Sep 12 - Wed 18, fee
    // dispute Mon Oct 7 - Fri 11. Sep 10-11 (2), skip 12-18, 19-20 (4),
    // 23-27 (9), 30 (10), Oct 1-4 (14), skip 7-11 (tolled) and Mon 14
    // Columbus Day, 15-18 (18), 21 (19), 22 (20) → 2024-10-22.
    Case { name: "clarification then fee dispute, columbus day", today: LATER, setup: Determination { received: "2024-09-09", perfected: None, tolling: &[("clarification", "2024-09-12", Some("2024-09-18")), ("fee_dispute", "2024-10-07", Some("2024-10-11"))], extension_notified: None }, expected: "2024-10-22" },
    // 20. Received Mon 2025-03-03, unusual circumstances notified Thu Mar 20.
    // 20 days: Mar 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), 31 (20).
    // The notice came before Mar 31, so 10 more: Apr 1-4 (24), 7-11 (29),
    // 14 (30) → 2025-04-14.
    Case { name: "unusual circumstances extension", today: LATER, setup: Determination { received: "2025-03-03", perfected: None, tolling: NO_TOLLING, extension_notified: Some("2025-03-20") }, expected: "2025-04-14" },
    // 21. Received Fri 2025-11-07; clarification Mon 17 - Wed 19; extension
    // notified Mon Dec 1. Nov 10 (1), skip Tue 11 Veterans Day, 12-14 (4),
    // skip 17-19, 20-21 (6), 24-26 (9), skip Thu 27 Thanksgiving, 28 (10),
    // Dec 1-5 (15), 8-12 (20) = Dec 12, after the notice, so 10 more:
    // 15-19 (25), 22-24 (28), skip Thu 25 Christmas, 26 (29), 29 (30) → 2025-12-29.
    Case { name: "extension with tolling, veterans day, thanksgiving, christmas", today: LATER, setup: Determination { received: "2025-11-07", perfected: None, tolling: &[("clarification", "2025-11-17", Some("2025-11-19"))], extension_notified: Some("2025-12-01") }, expected: "2025-12-29" },
    // 22. Received Mon 2025-03-03: due Mar 31 (case 20). An extension
    // notified Wed Apr 2, after the deadline passed, extends nothing → 2025-03-31.
    Case { name: "extension notified too late", today: LATER, setup: Determination { received: "2025-03-03", perfected: None, tolling: NO_TOLLING, extension_notified: Some("2025-04-02") }, expected: "2025-03-31" },
    // 23. Received Mon 2025-03-03, perfected Mon Mar 10: the agency counts
    // from Mar 10. Mar 11-14 (4), 17-21 (9), 24-28 (14), 31 (15),
    // Apr 1-4 (19), 7 (20) → 2025-04-07.
    Case { name: "counted from perfection", today: LATER, setup: Determination { received: "2025-03-03", perfected: Some("2025-03-10"), tolling: NO_TOLLING, extension_notified: None }, expected: "2025-04-07" },
    // 24. Received Tue 2017-01-10. Jan 11-13 (3), skip Mon 16 King's
    // birthday, 17-20 (7) — Fri Jan 20 is Inauguration Day, a holiday only
    // in the D.C. area, so it counts — 23-27 (12), 30-31 (14), Feb 1-3 (17),
    // 6-8 (20) → 2017-02-08.
    Case { name: "inauguration day 2017 counts", today: LATER, setup: determination("2017-01-10"), expected: "2017-02-08" },
    // 25. Received Mon 1986-01-06: King's birthday is a holiday from 1986.
    // Jan 7-10 (4), 13-17 (9), skip Mon 20, 21-24 (13), 27-31 (18),
    // Feb 3 (19), 4 (20) → 1986-02-04.
    Case { name: "first king's birthday, 1986", today: LATER, setup: determination("1986-01-06"), expected: "1986-02-04" },
    // 26. Received Mon 1985-01-07: no King's birthday yet, so Mon Jan 21
    // counts. Jan 8-11 (4), 14-18 (9), 21-25 (14), 28-Feb 1 (19), 4 (20) → 1985-02-04.
    Case { name: "no king's birthday in 1985", today: LATER, setup: determination("1985-01-07"), expected: "1985-02-04" },
    // 27. Received Sat 2025-07-05 (an online portal on a weekend): Sun 6
    // skipped, Jul 7-11 (5), 14-18 (10), 21-25 (15), 28-Aug 1 (20) → 2025-08-01.
    Case { name: "received on a saturday", today: LATER, setup: determination("2025-07-05"), expected: "2025-08-01" },
    // 28. Received Mon 2026-11-02; fee dispute open since Mon Nov 16, today
    // Wed Nov 25: tolled Nov 16-25. Nov 3-6 (4), 9-10 (6), skip Wed 11
    // Veterans Day, 12-13 (8), skip 16-25 (tolled, with the weekend),
    // skip Thu 26 Thanksgiving, 27 (9), 30 (10), Dec 1-4 (14), 7-11 (19),
    // 14 (20) → 2026-12-14, provisional.
    Case { name: "open tolling counted through today", today: "2026-11-25", setup: Determination { received: "2026-11-02", perfected: None, tolling: &[("fee_dispute", "2026-11-16", None)], extension_notified: None }, expected: "2026-12-14" },
    // 29. As case 17, plus a second clarification Mon Mar 24 - Wed 26: the
    // statute allows one, so those days count and the date stays 2025-04-07
    // (honouring it would give Apr 10).
    Case { name: "second clarification not honoured", today: LATER, setup: Determination { received: "2025-03-03", perfected: None, tolling: &[("clarification", "2025-03-10", Some("2025-03-14")), ("clarification", "2025-03-24", Some("2025-03-26"))], extension_notified: None }, expected: "2025-04-07" },
    // 30. Expedited processing requested, received Fri 2024-12-20:
    // 10 calendar days, holidays included → Mon 2024-12-30.
    Case { name: "expedited decision, calendar days over christmas", today: LATER, setup: Expedited { received: "2024-12-20" }, expected: "2024-12-30" },
    // 31. Received Tue 2026-06-23 → Jun 23 + 10 = Fri 2026-07-03, the
    // observed July 4: calendar days do not move.
    Case { name: "expedited decision on an observed holiday", today: LATER, setup: Expedited { received: "2026-06-23" }, expected: "2026-07-03" },
    // 32. Received Wed 2025-12-24 → Dec 24 + 10 = Sat 2026-01-03 (7 days to
    // Dec 31, 3 more).
    Case { name: "expedited decision across the year", today: LATER, setup: Expedited { received: "2025-12-24" }, expected: "2026-01-03" },
    // 33. Denied Fri 2025-01-31; 90 days: Feb 28 is +28, Mar 31 +59,
    // Apr 30 +89, May 1 +90 → 2025-05-01.
    Case { name: "appeal window 90 days", today: LATER, setup: AppealBy { determined: "2025-01-31", window_days: None }, expected: "2025-05-01" },
    // 34. Denied Mon 2024-01-15 (a leap year): Jan 31 +16, Feb 29 +45,
    // Mar 31 +76, Apr 14 +90 → Sun 2024-04-14, not moved.
    Case { name: "appeal window over a leap day", today: LATER, setup: AppealBy { determined: "2024-01-15", window_days: None }, expected: "2024-04-14" },
    // 35. Agency allowing 120 days, denied Wed 2025-10-01: Oct 31 +30,
    // Nov 30 +60, Dec 31 +91, Jan 29 +120 → 2026-01-29.
    Case { name: "appeal window of 120 days", today: LATER, setup: AppealBy { determined: "2025-10-01", window_days: Some(120) }, expected: "2026-01-29" },
    // 36. Appeal received Wed 2025-11-19. Nov 20-21 (2), 24-26 (5), skip
    // Thu 27 Thanksgiving, 28 (6), Dec 1-5 (11), 8-12 (16), 15-18 (20) → 2025-12-18.
    Case { name: "appeal decision over thanksgiving", today: LATER, setup: AppealDecision { received: "2025-11-19", extension_notified: None }, expected: "2025-12-18" },
    // 37. Appeal received Mon 2026-12-14. Dec 15-18 (4), 21-24 (8), skip
    // Fri 25 Christmas, 28-31 (12), skip Fri Jan 1 2027 New Year's Day,
    // Jan 4-8 (17), 11-13 (20) → 2027-01-13.
    Case { name: "appeal decision across the year", today: LATER, setup: AppealDecision { received: "2026-12-14", extension_notified: None }, expected: "2027-01-13" },
    // 38. Appeal received Wed 2025-11-19 (case 36: Dec 18), extension
    // notified Mon Dec 1: Dec 19 (21), 22-24 (24), skip Thu 25 Christmas,
    // 26 (25), 29-31 (28), skip Thu Jan 1, Jan 2 (29), 5 (30) → 2026-01-05.
    Case { name: "appeal decision extended", today: LATER, setup: AppealDecision { received: "2025-11-19", extension_notified: Some("2025-12-01") }, expected: "2026-01-05" },
    // 39. No determination on a request received Fri 2024-12-20: due Wed
    // 2025-01-22 (case 1), so the requester may sue from Thu 2025-01-23.
    Case { name: "constructive exhaustion", today: LATER, setup: MaySue { received: "2024-12-20" }, expected: "2025-01-23" },
    // 40. Received Thu 2025-05-15: due Fri 2025-06-13 (case 4); may sue
    // from the next calendar day, Sat 2025-06-14.
    Case { name: "constructive exhaustion on a saturday", today: LATER, setup: MaySue { received: "2025-05-15" }, expected: "2025-06-14" },
    // 41. Received Wed 2025-10-01 (due Oct 30), denied in time on Oct 20,
    // appeal received Wed Nov 19 and never decided: due Dec 18 (case 36),
    // may sue from Fri 2025-12-19.
    Case { name: "constructive exhaustion of the appeal", today: LATER, setup: MaySueAfterAppeal { received: "2025-10-01", determined: "2025-10-20", appeal_received: "2025-11-19" }, expected: "2025-12-19" },
];

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn opm_holidays() -> BTreeSet<NaiveDate> {
    OPM_HOLIDAYS
        .iter()
        .flat_map(|(year, days)| days.iter().map(move |md| day(&format!("{year}-{md}"))))
        .collect()
}

/// The independent loop: one day at a time, skipping weekends, OPM's
/// holidays and the tolled ranges. Panics outside the years typed in.
fn oracle_working(start: NaiveDate, n: u32, tolled: &[(NaiveDate, NaiveDate)]) -> NaiveDate {
    let holidays = opm_holidays();
    let mut date = start;
    let mut counted = 0;
    while counted < n {
        date = date.succ_opt().unwrap();
        assert!(
            OPM_HOLIDAYS.iter().any(|(y, _)| *y == date.year()),
            "no OPM list typed in for {}",
            date.year()
        );
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let tolled = tolled.iter().any(|(a, b)| *a <= date && date <= *b);
        if !weekend && !holidays.contains(&date) && !tolled {
            counted += 1;
        }
    }
    date
}

fn oracle(case: &Case) -> NaiveDate {
    let today = day(case.today);
    match case.setup {
        Determination {
            received,
            perfected,
            tolling,
            extension_notified,
        } => {
            let start = day(perfected.unwrap_or(received));
            let mut honoured = Vec::new();
            let mut clarified = false;
            for (kind, from, to) in tolling {
                if *kind == "clarification" {
                    if clarified {
                        continue;
                    }
                    clarified = true;
                }
                honoured.push((day(from), to.map_or(today, day)));
            }
            let base = oracle_working(start, 20, &honoured);
            match extension_notified {
                Some(n) if day(n) <= base => oracle_working(start, 30, &honoured),
                _ => base,
            }
        }
        Expedited { received } => day(received) + Days::new(10),
        AppealBy {
            determined,
            window_days,
        } => day(determined) + Days::new(u64::from(window_days.unwrap_or(90))),
        AppealDecision {
            received,
            extension_notified,
        } => {
            let base = oracle_working(day(received), 20, &[]);
            match extension_notified {
                Some(n) if day(n) <= base => oracle_working(day(received), 30, &[]),
                _ => base,
            }
        }
        MaySue { received } => oracle_working(day(received), 20, &[]) + Days::new(1),
        MaySueAfterAppeal {
            appeal_received, ..
        } => oracle_working(day(appeal_received), 20, &[]) + Days::new(1),
    }
}

fn request(case: &Case) -> FoiaRequest {
    let mut parts = FoiaRequestParts {
        id: "table-1".into(),
        agency: "ice".into(),
        subject: "Clock test".into(),
        ..FoiaRequestParts::default()
    };
    match case.setup {
        Determination {
            received,
            perfected,
            tolling,
            extension_notified,
        } => {
            parts.date_received = Some(received.into());
            parts.date_perfected = perfected.map(Into::into);
            parts.tolling = tolling
                .iter()
                .map(|(kind, from, to)| TollingParts {
                    kind: (*kind).into(),
                    from: (*from).into(),
                    to: to.map(Into::into),
                })
                .collect();
            parts.unusual_circumstances = extension_notified.is_some();
            parts.extension_notified = extension_notified.map(Into::into);
        }
        Expedited { received } => {
            parts.date_received = Some(received.into());
            parts.expedited_requested = true;
        }
        AppealBy {
            determined,
            window_days,
        } => {
            parts.determination = Some(DecisionParts {
                outcome: "denied".into(),
                date: determined.into(),
            });
            parts.appeal_window_days = window_days;
        }
        AppealDecision {
            received,
            extension_notified,
        } => {
            parts.appeal = Some(AppealParts {
                filed: received.into(),
                received: Some(received.into()),
                unusual_circumstances: extension_notified.is_some(),
                extension_notified: extension_notified.map(Into::into),
                ..AppealParts::default()
            });
        }
        MaySue { received } => parts.date_received = Some(received.into()),
        MaySueAfterAppeal {
            received,
            determined,
            appeal_received,
        } => {
            parts.date_received = Some(received.into());
            parts.determination = Some(DecisionParts {
                outcome: "denied".into(),
                date: determined.into(),
            });
            parts.appeal = Some(AppealParts {
                filed: appeal_received.into(),
                received: Some(appeal_received.into()),
                ..AppealParts::default()
            });
        }
    }
    FoiaRequest::new(parts, day(case.today)).unwrap_or_else(|e| panic!("{}: {e:?}", case.name))
}

fn kind(setup: Setup) -> DeadlineKind {
    match setup {
        Determination { .. } => DeadlineKind::Determination,
        Expedited { .. } => DeadlineKind::ExpeditedDecision,
        AppealBy { .. } => DeadlineKind::Appeal,
        AppealDecision { .. } => DeadlineKind::AppealDecision,
        MaySue { .. } | MaySueAfterAppeal { .. } => DeadlineKind::MaySue,
    }
}

#[test]
fn clock_table() {
    assert!(CASES.len() >= 30);
    let mut holidays_seen = BTreeSet::new();
    let mut rules_seen = BTreeSet::new();
    for case in CASES {
        let expected = day(case.expected);
        assert_eq!(
            oracle(case),
            expected,
            "{}: the hand count disagrees with the day-by-day loop",
            case.name
        );
        let r = request(case);
        let all = deadlines(&r, day(case.today));
        let deadline = all
            .get(kind(case.setup))
            .unwrap_or_else(|| panic!("{}: no deadline", case.name));
        assert_eq!(deadline.date, expected, "{}", case.name);
        let e = &deadline.explanation;
        assert_eq!(e.result, expected, "{}", case.name);
        rules_seen.insert(format!("{:?}", e.rule));
        if e.unit == Unit::WorkingDays {
            assert_eq!(
                e.skipped.len() as i64 + i64::from(e.count),
                (e.result - e.start).num_days(),
                "{}",
                case.name
            );
        }
        for s in &e.skipped {
            if let SkipReason::Holiday(h) = s.reason {
                holidays_seen.insert(h);
            }
        }
        if let Determination { tolling, .. } = case.setup
            && tolling.iter().any(|t| t.2.is_none())
        {
            assert!(deadline.provisional, "{}", case.name);
        }
    }
    let missing: Vec<_> = HolidayKind::ALL
        .iter()
        .filter(|h| !holidays_seen.contains(h))
        .collect();
    assert!(missing.is_empty(), "holidays never skipped: {missing:?}");
    for rule in [
        Rule::Determination,
        Rule::DeterminationExtended,
        Rule::ExpeditedDecision,
        Rule::AppealWindow,
        Rule::AppealDecision,
        Rule::AppealDecisionExtended,
        Rule::ConstructiveExhaustion,
    ] {
        assert!(
            rules_seen.contains(&format!("{rule:?}")),
            "no case for {rule:?}"
        );
    }
    println!("{} clock cases checked", CASES.len());
}

#[test]
fn citations_in_the_explanations() {
    let expect = [
        (
            "christmas, new year, king 2024-25",
            "5 U.S.C. 552(a)(6)(A)(i)",
        ),
        ("unusual circumstances extension", "(a)(6)(B)(i)"),
        (
            "expedited decision, calendar days over christmas",
            "5 U.S.C. 552(a)(6)(E)(ii)(I)",
        ),
        ("appeal window 90 days", "5 U.S.C. 552(a)(6)(A)(i)(III)(aa)"),
        (
            "appeal decision over thanksgiving",
            "5 U.S.C. 552(a)(6)(A)(ii)",
        ),
        ("constructive exhaustion", "5 U.S.C. 552(a)(6)(C)(i)"),
    ];
    for (name, citation) in expect {
        let case = CASES.iter().find(|c| c.name == name).unwrap();
        let r = request(case);
        let all = deadlines(&r, day(case.today));
        let d = all.get(kind(case.setup)).unwrap();
        assert!(d.explanation.rule.citation().contains(citation), "{name}");
        assert!(
            d.explanation
                .describe(testimonio_foia::Lang::En)
                .contains(citation),
            "{name}"
        );
        assert!(
            d.explanation
                .describe(testimonio_foia::Lang::Es)
                .contains(citation),
            "{name}"
        );
    }
}

#[test]
fn crate_holidays_match_opm_lists() {
    for (year, days) in OPM_HOLIDAYS {
        let ours: Vec<String> = observed_holidays(*year)
            .iter()
            .map(|h| h.date.format("%m-%d").to_string())
            .collect();
        assert_eq!(ours, *days, "{year}");
    }
}
