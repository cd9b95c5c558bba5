//! Working-day arithmetic, and the explanation of every computed date.
//!
//! FOIA's time limits are counted in days "excepting Saturdays, Sundays,
//! and legal public holidays" (5 U.S.C. 552(a)(6)(A)(i)), from the day
//! *after* the event that starts them: a request received on a Friday has
//! Monday as its first working day. Periods during which the agency lawfully
//! stops the clock ("tolling", 552(a)(6)(A)(ii)(I) and (II)) are skipped as
//! well.
//!
//! Every function here returns an [`Explanation`]: the rule and its
//! citation, the start, the count, the result, and each day that was not
//! counted with the reason, so a person can check the date by hand and an
//! advocate can show the agency how it was reached.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use testimonio_domain::Lang;
use testimonio_i18n::tr;

use crate::error::FieldError;
use crate::holidays::{self, HolidayKind};

/// Why the agency stopped the clock (5 U.S.C. 552(a)(6)(A)(ii)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TollingKind {
    /// The agency asked the requester for information, (ii)(I): allowed
    /// once per request.
    Clarification,
    /// The agency needed to clarify fees with the requester, (ii)(II).
    FeeDispute,
}

impl TollingKind {
    pub const ALL: [TollingKind; 2] = [TollingKind::Clarification, TollingKind::FeeDispute];

    pub fn code(self) -> &'static str {
        match self {
            TollingKind::Clarification => "clarification",
            TollingKind::FeeDispute => "fee_dispute",
        }
    }

    /// # Errors
    /// Anything but `clarification` or `fee_dispute`.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        let code = code.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.code().eq_ignore_ascii_case(code))
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    testimonio_domain::Problem::UnknownCode {
                        known_hint: "clarification or fee_dispute",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TollingKind::Clarification => {
                testimonio_i18n::message(lang, "foia-tolling-clarification")
            }
            TollingKind::FeeDispute => testimonio_i18n::message(lang, "foia-tolling-fee-dispute"),
        }
    }

    pub fn citation(self) -> &'static str {
        match self {
            TollingKind::Clarification => "5 U.S.C. 552(a)(6)(A)(ii)(I)",
            TollingKind::FeeDispute => "5 U.S.C. 552(a)(6)(A)(ii)(II)",
        }
    }
}

/// A closed range of days during which the clock was stopped, both ends
/// included: the day the agency asked is not counted, nor the day the
/// requester's answer arrived (the clock restarts the day after, as it
/// starts the day after receipt). A range whose end is before its start
/// holds no day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TolledRange {
    pub kind: TollingKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl TolledRange {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// Why a day was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "reason", content = "detail", rename_all = "snake_case")]
pub enum SkipReason {
    Weekend,
    Holiday(HolidayKind),
    Tolled(TollingKind),
}

impl SkipReason {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SkipReason::Weekend => testimonio_i18n::message(lang, "foia-skip-weekend"),
            SkipReason::Holiday(kind) => kind.name(lang),
            SkipReason::Tolled(kind) => kind.label(lang),
        }
    }
}

/// A day between the start and the result that was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SkippedDay {
    pub date: NaiveDate,
    pub reason: SkipReason,
}

/// Why `date` is not a working day for the clock, if it is not: a weekend
/// comes first, then an observed holiday, then a tolled range.
pub fn skip_reason(date: NaiveDate, tolled: &[TolledRange]) -> Option<SkipReason> {
    if holidays::is_weekend(date) {
        return Some(SkipReason::Weekend);
    }
    if let Some(h) = holidays::holiday_on(date) {
        return Some(SkipReason::Holiday(h.kind));
    }
    tolled
        .iter()
        .find(|r| r.contains(date))
        .map(|r| SkipReason::Tolled(r.kind))
}

/// What is being counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    WorkingDays,
    CalendarDays,
}

/// The rule a date was computed under, with its citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Plain working-day arithmetic.
    WorkingDays,
    /// Plain calendar-day arithmetic.
    CalendarDays,
    /// 20 working days for the determination on a request.
    Determination,
    /// The same, plus 10 working days for unusual circumstances.
    DeterminationExtended,
    /// 10 calendar days to decide on expedited processing.
    ExpeditedDecision,
    /// The requester's time to appeal an adverse determination.
    AppealWindow,
    /// 20 working days to decide an appeal.
    AppealDecision,
    /// The same, plus 10 working days for unusual circumstances.
    AppealDecisionExtended,
    /// The requester may sue once a time limit has passed.
    ConstructiveExhaustion,
}

impl Rule {
    pub fn citation(self) -> &'static str {
        match self {
            Rule::WorkingDays => "5 U.S.C. 552(a)(6)(A)(i); 5 U.S.C. 6103",
            Rule::CalendarDays => "calendar days",
            Rule::Determination => "5 U.S.C. 552(a)(6)(A)(i)",
            Rule::DeterminationExtended => "5 U.S.C. 552(a)(6)(A)(i), (a)(6)(B)(i)",
            Rule::ExpeditedDecision => "5 U.S.C. 552(a)(6)(E)(ii)(I)",
            Rule::AppealWindow => "5 U.S.C. 552(a)(6)(A)(i)(III)(aa)",
            Rule::AppealDecision => "5 U.S.C. 552(a)(6)(A)(ii)",
            Rule::AppealDecisionExtended => "5 U.S.C. 552(a)(6)(A)(ii), (a)(6)(B)(i)",
            Rule::ConstructiveExhaustion => "5 U.S.C. 552(a)(6)(C)(i)",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Rule::WorkingDays => testimonio_i18n::message(lang, "foia-rule-working-days"),
            Rule::CalendarDays => testimonio_i18n::message(lang, "foia-rule-calendar-days"),
            Rule::Determination => testimonio_i18n::message(lang, "foia-rule-determination"),
            Rule::DeterminationExtended => {
                testimonio_i18n::message(lang, "foia-rule-determination-extended")
            }
            Rule::ExpeditedDecision => {
                testimonio_i18n::message(lang, "foia-rule-expedited-decision")
            }
            Rule::AppealWindow => testimonio_i18n::message(lang, "foia-rule-appeal-window"),
            Rule::AppealDecision => testimonio_i18n::message(lang, "foia-rule-appeal-decision"),
            Rule::AppealDecisionExtended => {
                testimonio_i18n::message(lang, "foia-rule-appeal-decision-extended")
            }
            Rule::ConstructiveExhaustion => {
                testimonio_i18n::message(lang, "foia-rule-constructive-exhaustion")
            }
        }
    }
}

/// The event a count starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StartEvent {
    /// A date given directly.
    Given,
    /// The proper component received the request.
    Received,
    /// The request was perfected (it reasonably described the records and
    /// followed the agency's rules), when the agency counts from that day.
    Perfected,
    /// The agency made an adverse determination.
    Determination,
    /// The appeal was received.
    AppealReceived,
    /// The deadline for the determination.
    DeterminationDue,
    /// The deadline for the decision on the appeal.
    AppealDecisionDue,
}

impl StartEvent {
    /// `after the start date` / `después de la fecha de inicio`: the
    /// event as the explanation counts from it (Spanish contracts "de el"
    /// into "del", so each is its own message).
    pub fn after(self, lang: Lang) -> &'static str {
        match self {
            StartEvent::Given => testimonio_i18n::message(lang, "foia-after-given"),
            StartEvent::Received => testimonio_i18n::message(lang, "foia-after-received"),
            StartEvent::Perfected => testimonio_i18n::message(lang, "foia-after-perfected"),
            StartEvent::Determination => testimonio_i18n::message(lang, "foia-after-determination"),
            StartEvent::AppealReceived => {
                testimonio_i18n::message(lang, "foia-after-appeal-received")
            }
            StartEvent::DeterminationDue => {
                testimonio_i18n::message(lang, "foia-after-determination-due")
            }
            StartEvent::AppealDecisionDue => {
                testimonio_i18n::message(lang, "foia-after-appeal-decision-due")
            }
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            StartEvent::Given => testimonio_i18n::message(lang, "foia-start-given"),
            StartEvent::Received => testimonio_i18n::message(lang, "foia-start-received"),
            StartEvent::Perfected => testimonio_i18n::message(lang, "foia-start-perfected"),
            StartEvent::Determination => testimonio_i18n::message(lang, "foia-start-determination"),
            StartEvent::AppealReceived => {
                testimonio_i18n::message(lang, "foia-start-appeal-received")
            }
            StartEvent::DeterminationDue => {
                testimonio_i18n::message(lang, "foia-start-determination-due")
            }
            StartEvent::AppealDecisionDue => {
                testimonio_i18n::message(lang, "foia-start-appeal-decision-due")
            }
        }
    }
}

/// Something a reader of a date should know beyond the count itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// The count starts at perfection, later than receipt.
    StartedOnPerfection { received: NaiveDate },
    /// Unusual circumstances added 10 working days, 552(a)(6)(B)(i).
    ExtensionApplied {
        notified: Option<NaiveDate>,
        original: NaiveDate,
    },
    /// The extension was notified after the original deadline had passed,
    /// so it does not extend it.
    ExtensionNoticeLate {
        notified: NaiveDate,
        original: NaiveDate,
    },
    /// A second request for clarification: the statute allows the agency
    /// one, so these days are counted.
    ClarificationNotHonored { from: NaiveDate },
    /// Tolling still open: counted as tolled through `through` (today).
    TollingOpen { from: NaiveDate, through: NaiveDate },
    /// A calendar-day deadline that falls on a weekend or holiday: it
    /// does not move.
    NotMoved { date: NaiveDate },
    /// The agency allows more than the statute's minimum of 90 days.
    LongerAppealWindow { days: u32 },
    /// The agency answered after the deadline.
    AnsweredLate { on: NaiveDate },
    /// Counting stopped at the end of the representable calendar.
    Saturated,
}

impl Note {
    /// The note as a sentence in `lang`, from the catalog.
    pub fn describe(&self, lang: Lang) -> String {
        match *self {
            Note::StartedOnPerfection { received } => tr!(
                lang,
                "foia-note-started-on-perfection",
                received = day(received, lang)
            ),
            Note::ExtensionApplied {
                notified: Some(notified),
                original,
            } => tr!(
                lang,
                "foia-note-extension-applied",
                notified = day(notified, lang),
                original = day(original, lang)
            ),
            Note::ExtensionApplied {
                notified: None,
                original,
            } => tr!(
                lang,
                "foia-note-extension-applied-unnotified",
                original = day(original, lang)
            ),
            Note::ExtensionNoticeLate { notified, original } => tr!(
                lang,
                "foia-note-extension-notice-late",
                notified = day(notified, lang),
                original = day(original, lang)
            ),
            Note::ClarificationNotHonored { from } => tr!(
                lang,
                "foia-note-clarification-not-honored",
                from = day(from, lang)
            ),
            Note::TollingOpen { from, through } => tr!(
                lang,
                "foia-note-tolling-open",
                from = day(from, lang),
                through = day(through, lang)
            ),
            Note::NotMoved { date } => {
                tr!(lang, "foia-note-not-moved", date = day(date, lang))
            }
            Note::LongerAppealWindow { days } => {
                tr!(lang, "foia-note-longer-appeal-window", days = days)
            }
            Note::AnsweredLate { on } => {
                tr!(lang, "foia-note-answered-late", on = day(on, lang))
            }
            Note::Saturated => tr!(lang, "foia-note-saturated").to_owned(),
        }
    }
}

/// How a date was computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub rule: Rule,
    pub start: NaiveDate,
    pub start_event: StartEvent,
    pub count: u32,
    pub unit: Unit,
    /// The computed date.
    pub result: NaiveDate,
    /// Each day after `start` and before `result` that was not counted, in
    /// order. Empty for calendar days.
    pub skipped: Vec<SkippedDay>,
    pub notes: Vec<Note>,
}

impl Explanation {
    /// The same computation, labelled with the rule it serves and the event
    /// it starts from.
    #[must_use]
    pub fn under(mut self, rule: Rule, start_event: StartEvent) -> Self {
        self.rule = rule;
        self.start_event = start_event;
        self
    }

    #[must_use]
    pub fn with_note(mut self, note: Note) -> Self {
        self.notes.push(note);
        self
    }

    /// The whole explanation in `lang`, one paragraph and one line per note.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use testimonio_domain::Lang;
    /// use testimonio_foia::clock::add_working_days;
    ///
    /// let start = NaiveDate::from_ymd_opt(2025, 7, 3).unwrap();
    /// let e = add_working_days(start, 1, &[]);
    /// assert_eq!(
    ///     e.describe(Lang::En),
    ///     "Working days: Mon 2025-07-07. 1 working day after the start date \
    ///      (Thu 2025-07-03), 5 U.S.C. 552(a)(6)(A)(i); 5 U.S.C. 6103. \
    ///      Counting starts the next day. Not counted: Fri 2025-07-04 \
    ///      (Independence Day), Sat 2025-07-05 (weekend), Sun 2025-07-06 (weekend)."
    /// );
    /// ```
    pub fn describe(&self, lang: Lang) -> String {
        let unit = match self.unit {
            Unit::WorkingDays => "working",
            Unit::CalendarDays => "calendar",
        };
        let mut out = tr!(
            lang,
            "foia-explanation",
            rule = self.rule.name(lang),
            result = day(self.result, lang),
            count = self.count,
            unit = unit,
            after = self.start_event.after(lang),
            start = day(self.start, lang),
            citation = self.rule.citation()
        );
        if self.unit == Unit::WorkingDays {
            out.push(' ');
            out.push_str(tr!(lang, "foia-counting-starts"));
            if !self.skipped.is_empty() {
                let days: Vec<String> = self
                    .skipped
                    .iter()
                    .map(|s| {
                        tr!(
                            lang,
                            "foia-skipped-day",
                            day = day(s.date, lang),
                            reason = s.reason.label(lang)
                        )
                    })
                    .collect();
                out.push(' ');
                out.push_str(&tr!(lang, "foia-not-counted", days = days.join(", ")));
            }
        }
        for note in &self.notes {
            out.push('\n');
            out.push_str(&note.describe(lang));
        }
        out
    }
}

/// The date `n` working days after `start`, counting from the day after
/// `start` and skipping weekends, observed legal public holidays and the
/// days in `tolled`. With `n = 0` it is `start` itself.
///
/// Counting stops at the end of the calendar chrono can represent (far
/// beyond the years 1900–2100 that requests use), with a
/// [`Note::Saturated`].
///
/// ```
/// use chrono::NaiveDate;
/// use testimonio_foia::clock::add_working_days;
///
/// // Received Friday 2024-12-20: Christmas, New Year's Day and King's
/// // birthday are skipped along with the weekends.
/// let start = NaiveDate::from_ymd_opt(2024, 12, 20).unwrap();
/// let e = add_working_days(start, 20, &[]);
/// assert_eq!(e.result, NaiveDate::from_ymd_opt(2025, 1, 22).unwrap());
/// assert_eq!(e.skipped.len() + 20, 33);
/// ```
pub fn add_working_days(start: NaiveDate, n: u16, tolled: &[TolledRange]) -> Explanation {
    let mut date = start;
    let mut counted = 0;
    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    while counted < n {
        let Some(next) = date.succ_opt() else {
            notes.push(Note::Saturated);
            break;
        };
        date = next;
        match skip_reason(date, tolled) {
            Some(reason) => skipped.push(SkippedDay { date, reason }),
            None => counted += 1,
        }
    }
    Explanation {
        rule: Rule::WorkingDays,
        start,
        start_event: StartEvent::Given,
        count: u32::from(n),
        unit: Unit::WorkingDays,
        result: date,
        skipped,
        notes,
    }
}

/// The date `n` calendar days after `start`. A result that falls on a
/// weekend or a holiday is not moved (FOIA's calendar-day limits do not
/// say it should), but carries a [`Note::NotMoved`].
pub fn add_calendar_days(start: NaiveDate, n: u32) -> Explanation {
    let (result, mut notes) = match start.checked_add_days(Days::new(u64::from(n))) {
        Some(d) => (d, Vec::new()),
        None => (NaiveDate::MAX, vec![Note::Saturated]),
    };
    if !holidays::is_working_day(result) {
        notes.push(Note::NotMoved { date: result });
    }
    Explanation {
        rule: Rule::CalendarDays,
        start,
        start_event: StartEvent::Given,
        count: n,
        unit: Unit::CalendarDays,
        result,
        skipped: Vec::new(),
        notes,
    }
}

/// `Wed 2025-01-22` / `mié 2025-01-22`: the weekday helps a reader check
/// the count, the ISO date cannot be misread.
pub fn day(date: NaiveDate, lang: Lang) -> String {
    let weekday = match date.weekday() {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    };
    tr!(
        lang,
        "foia-day",
        weekday = weekday,
        date = date.format("%Y-%m-%d").to_string()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn zero_days_is_the_start() {
        let sunday = d(2025, 7, 6);
        let e = add_working_days(sunday, 0, &[]);
        assert_eq!(e.result, sunday);
        assert!(e.skipped.is_empty());
    }

    #[test]
    fn weekend_before_holiday_and_tolling_in_the_reasons() {
        let tolled = [TolledRange {
            kind: TollingKind::FeeDispute,
            from: d(2025, 6, 16),
            to: d(2025, 6, 21),
        }];
        let e = add_working_days(d(2025, 6, 13), 1, &tolled);
        assert_eq!(e.result, d(2025, 6, 23));
        let reasons: Vec<_> = e.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            [
                SkipReason::Weekend,
                SkipReason::Weekend,
                SkipReason::Tolled(TollingKind::FeeDispute),
                SkipReason::Tolled(TollingKind::FeeDispute),
                SkipReason::Tolled(TollingKind::FeeDispute),
                SkipReason::Holiday(HolidayKind::JuneteenthNationalIndependenceDay),
                SkipReason::Tolled(TollingKind::FeeDispute),
                SkipReason::Weekend,
                SkipReason::Weekend,
            ]
        );
    }

    #[test]
    fn descriptions_are_bilingual() {
        let e = add_working_days(d(2024, 12, 20), 20, &[])
            .under(Rule::Determination, StartEvent::Received)
            .with_note(Note::NotMoved {
                date: d(2025, 1, 4),
            });
        let en = e.describe(Lang::En);
        let es = e.describe(Lang::Es);
        assert!(en.starts_with("Determination due: Wed 2025-01-22. 20 working days after"));
        assert!(en.contains("Wed 2024-12-25 (Christmas Day)"));
        assert!(en.contains("5 U.S.C. 552(a)(6)(A)(i)"));
        assert!(es.starts_with(
            "Fecha límite para la determinación: mié 2025-01-22. 20 días hábiles después del día en que"
        ));
        assert!(es.contains("mié 2024-12-25 (Día de Navidad)"));
        assert!(es.contains("sáb 2025-01-04 no es día hábil"));
    }

    #[test]
    fn every_note_is_translated() {
        let x = d(2025, 1, 2);
        let notes = [
            Note::StartedOnPerfection { received: x },
            Note::ExtensionApplied {
                notified: Some(x),
                original: x,
            },
            Note::ExtensionApplied {
                notified: None,
                original: x,
            },
            Note::ExtensionNoticeLate {
                notified: x,
                original: x,
            },
            Note::ClarificationNotHonored { from: x },
            Note::TollingOpen {
                from: x,
                through: x,
            },
            Note::NotMoved { date: x },
            Note::LongerAppealWindow { days: 120 },
            Note::AnsweredLate { on: x },
            Note::Saturated,
        ];
        for n in notes {
            assert_ne!(n.describe(Lang::En), n.describe(Lang::Es), "{n:?}");
        }
    }

    #[test]
    fn saturates_at_the_end_of_the_calendar() {
        let e = add_working_days(NaiveDate::MAX, 3, &[]);
        assert_eq!(e.result, NaiveDate::MAX);
        assert_eq!(e.notes, [Note::Saturated]);
        assert_eq!(add_calendar_days(NaiveDate::MAX, 1).result, NaiveDate::MAX);
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        // 1900-01-01 ..= 2100-12-31
        (0i64..73_414).prop_map(|n| d(1900, 1, 1) + chrono::Duration::days(n))
    }

    fn any_tolling() -> impl Strategy<Value = Vec<TolledRange>> {
        proptest::collection::vec((any_date(), 0u64..40, any::<bool>()), 0..4).prop_map(|v| {
            v.into_iter()
                .map(|(from, len, fee)| TolledRange {
                    kind: if fee {
                        TollingKind::FeeDispute
                    } else {
                        TollingKind::Clarification
                    },
                    from,
                    to: from + Days::new(len),
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn lands_on_a_working_day(start in any_date(), n in 1u16..400, tolled in any_tolling()) {
            let e = add_working_days(start, n, &tolled);
            prop_assert!(holidays::is_working_day(e.result));
            prop_assert!(skip_reason(e.result, &tolled).is_none());
            prop_assert!(e.result > start);
        }

        #[test]
        fn is_strictly_monotone_in_n(
            start in any_date(), a in 0u16..300, b in 0u16..300, tolled in any_tolling(),
        ) {
            let (lo, hi) = (a.min(b), a.max(b));
            let x = add_working_days(start, lo, &tolled).result;
            let y = add_working_days(start, hi, &tolled).result;
            if lo < hi {
                prop_assert!(x < y);
            } else {
                prop_assert_eq!(x, y);
            }
        }

        #[test]
        fn skipped_plus_counted_is_the_span(start in any_date(), n in 0u16..400, tolled in any_tolling()) {
            let e = add_working_days(start, n, &tolled);
            let span = (e.result - start).num_days();
            prop_assert_eq!(e.skipped.len() as i64 + i64::from(n), span);
            // The skipped days are exactly the non-working days of the span.
            for s in &e.skipped {
                prop_assert!(start < s.date && s.date < e.result);
                prop_assert_eq!(skip_reason(s.date, &tolled), Some(s.reason));
            }
            prop_assert!(e.skipped.windows(2).all(|w| w[0].date < w[1].date));
        }

        #[test]
        fn calendar_days_are_plain_addition(start in any_date(), n in 0u32..1000) {
            let e = add_calendar_days(start, n);
            prop_assert_eq!((e.result - start).num_days(), i64::from(n));
        }
    }
}
