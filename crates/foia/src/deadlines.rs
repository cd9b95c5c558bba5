//! The statutory deadlines of a request, each with its explanation.
//!
//! | deadline | rule | counted from |
//! | --- | --- | --- |
//! | determination | 20 working days, + 10 with an unusual-circumstances extension, tolled days excluded: 5 U.S.C. 552(a)(6)(A)(i), (a)(6)(B)(i) | receipt by the proper component (perfection, if the agency recorded a later one) |
//! | expedited-processing decision | 10 calendar days: 552(a)(6)(E)(ii)(I) | receipt |
//! | appeal | the agency's window, at least 90 calendar days: 552(a)(6)(A)(i)(III)(aa) | an adverse determination |
//! | appeal decision | 20 working days (+ 10 with an extension): 552(a)(6)(A)(ii), (a)(6)(B)(i) | receipt of the appeal |
//! | may sue from | the day after a missed determination or appeal deadline: 552(a)(6)(C)(i) | that deadline |
//!
//! Where the law leaves room, the computation favours the later date for
//! the agency's deadlines (both ends of a tolling period are excluded; an
//! extension counts when its notice date is unknown) and the earlier date
//! for the requester's (the appeal window is not moved off a weekend), so
//! that a deadline this crate calls missed is missed under any reading,
//! and a requester who follows it is never late.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use testimonio_domain::Lang;

use crate::agency::AppealWindow;
use crate::clock::{
    Explanation, Note, Rule, StartEvent, TolledRange, TollingKind, add_calendar_days,
    add_working_days,
};
use crate::request::{Extension, FoiaRequest};

/// Working days for a determination or an appeal decision.
pub const WORKING_DAYS: u16 = 20;
/// Working days added by an unusual-circumstances extension.
pub const EXTENSION_DAYS: u16 = 10;
/// Calendar days to decide on expedited processing.
pub const EXPEDITED_DECISION_DAYS: u32 = 10;

/// Which deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    Determination,
    ExpeditedDecision,
    Appeal,
    AppealDecision,
    MaySue,
}

/// Who has to act by a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Agency,
    Requester,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 5] = [
        DeadlineKind::Determination,
        DeadlineKind::ExpeditedDecision,
        DeadlineKind::Appeal,
        DeadlineKind::AppealDecision,
        DeadlineKind::MaySue,
    ];

    /// A stable code, used in calendar UIDs.
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::Determination => "determination",
            DeadlineKind::ExpeditedDecision => "expedited-decision",
            DeadlineKind::Appeal => "appeal",
            DeadlineKind::AppealDecision => "appeal-decision",
            DeadlineKind::MaySue => "may-sue",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DeadlineKind::Determination => {
                testimonio_i18n::message(lang, "foia-deadline-determination")
            }
            DeadlineKind::ExpeditedDecision => {
                testimonio_i18n::message(lang, "foia-deadline-expedited-decision")
            }
            DeadlineKind::Appeal => testimonio_i18n::message(lang, "foia-deadline-appeal"),
            DeadlineKind::AppealDecision => {
                testimonio_i18n::message(lang, "foia-deadline-appeal-decision")
            }
            DeadlineKind::MaySue => testimonio_i18n::message(lang, "foia-deadline-may-sue"),
        }
    }

    /// Who acts: the agency decides, the requester appeals or sues.
    pub fn party(self) -> Party {
        match self {
            DeadlineKind::Appeal | DeadlineKind::MaySue => Party::Requester,
            _ => Party::Agency,
        }
    }
}

/// Where a deadline stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// Done on `on`; `late` if after the deadline.
    Met {
        on: NaiveDate,
        late: bool,
    },
    /// Not yet due.
    Upcoming {
        days_left: i64,
    },
    DueToday,
    /// Passed without being met.
    Overdue {
        days_late: i64,
    },
    /// For [`DeadlineKind::MaySue`]: the right to sue has arisen.
    Reached {
        days_since: i64,
    },
}

/// One computed deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub explanation: Explanation,
    /// When what was due happened (the determination, the decision, the
    /// appeal's filing), if it has.
    pub met_on: Option<NaiveDate>,
    /// Whether the date can still move: a tolling period is open.
    pub provisional: bool,
}

impl Deadline {
    pub fn status(&self, today: NaiveDate) -> DeadlineStatus {
        let days = (today - self.date).num_days();
        if let Some(on) = self.met_on {
            return DeadlineStatus::Met {
                on,
                late: on > self.date,
            };
        }
        match (self.kind, days) {
            (DeadlineKind::MaySue, d) if d >= 0 => DeadlineStatus::Reached { days_since: d },
            (_, 0) => DeadlineStatus::DueToday,
            (_, d) if d > 0 => DeadlineStatus::Overdue { days_late: d },
            (_, d) => DeadlineStatus::Upcoming { days_left: -d },
        }
    }

    /// Passed without being met.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        matches!(self.status(today), DeadlineStatus::Overdue { .. })
    }

    /// Not met, and falling between `today` and `days` calendar days from
    /// now, both included.
    pub fn is_due_within(&self, today: NaiveDate, days: u32) -> bool {
        self.met_on.is_none()
            && today <= self.date
            && today
                .checked_add_days(Days::new(u64::from(days)))
                .is_none_or(|limit| self.date <= limit)
    }
}

/// Every deadline of a request that can be computed from what it records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadlines {
    pub today: NaiveDate,
    /// `false` for a closed or withdrawn request, whose deadlines are
    /// kept for the record but never flagged.
    pub active: bool,
    pub determination: Option<Deadline>,
    pub expedited_decision: Option<Deadline>,
    pub appeal: Option<Deadline>,
    pub appeal_decision: Option<Deadline>,
    pub may_sue: Option<Deadline>,
}

impl Deadlines {
    /// The computed deadlines, in the order of [`DeadlineKind::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = &Deadline> {
        [
            &self.determination,
            &self.expedited_decision,
            &self.appeal,
            &self.appeal_decision,
            &self.may_sue,
        ]
        .into_iter()
        .flatten()
    }

    pub fn get(&self, kind: DeadlineKind) -> Option<&Deadline> {
        self.iter().find(|d| d.kind == kind)
    }

    /// The deadlines passed without being met (never for an inactive
    /// request).
    pub fn overdue(&self) -> Vec<&Deadline> {
        self.iter()
            .filter(|d| self.active && d.is_overdue(self.today))
            .collect()
    }

    /// The unmet deadlines from today to `days` days from now (never for an
    /// inactive request).
    pub fn due_within(&self, days: u32) -> Vec<&Deadline> {
        self.iter()
            .filter(|d| self.active && d.is_due_within(self.today, days))
            .collect()
    }
}

/// Computes every deadline of `request` as of `today` (which only matters
/// for an open tolling period, counted as running through today, and for
/// the status flags).
///
/// ```
/// use chrono::NaiveDate;
/// use testimonio_foia::{FoiaRequest, FoiaRequestParts, deadlines};
///
/// let today = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
/// let request = FoiaRequest::new(
///     FoiaRequestParts {
///         id: "r-1".into(),
///         agency: "uscis".into(),
///         subject: "Records of the asylum office's backlog".into(),
///         date_received: Some("2024-12-20".into()),
///         ..Default::default()
///     },
///     today,
/// )
/// .unwrap();
/// let d = deadlines(&request, today);
/// let due = d.determination.as_ref().unwrap();
/// assert_eq!(due.date, NaiveDate::from_ymd_opt(2025, 1, 22).unwrap());
/// assert_eq!(d.may_sue.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2025, 1, 23).unwrap());
/// assert_eq!(d.overdue().len(), 1);
/// ```
pub fn deadlines(request: &FoiaRequest, today: NaiveDate) -> Deadlines {
    let determination = determination_deadline(request, today);
    let expedited_decision = expedited_deadline(request);
    let appeal = appeal_deadline(request);
    let appeal_decision = appeal_decision_deadline(request);
    let may_sue = may_sue(determination.as_ref(), appeal_decision.as_ref());
    Deadlines {
        today,
        active: request.status().is_active(),
        determination,
        expedited_decision,
        appeal,
        appeal_decision,
        may_sue,
    }
}

/// The tolling ranges the clock honours, with the notes that explain the
/// choice, and whether one is still open.
fn honoured_tolling(
    request: &FoiaRequest,
    today: NaiveDate,
) -> (Vec<TolledRange>, Vec<Note>, bool) {
    let mut ranges = Vec::new();
    let mut notes = Vec::new();
    let mut open = false;
    let mut clarified = false;
    for t in request.tolling() {
        if t.kind == TollingKind::Clarification {
            if clarified {
                notes.push(Note::ClarificationNotHonored { from: t.from });
                continue;
            }
            clarified = true;
        }
        let to = match t.to {
            Some(to) => to,
            None => {
                let through = today.max(t.from);
                open = true;
                notes.push(Note::TollingOpen {
                    from: t.from,
                    through,
                });
                through
            }
        };
        ranges.push(TolledRange {
            kind: t.kind,
            from: t.from,
            to,
        });
    }
    (ranges, notes, open)
}

/// `n` working days from `start`, plus the extension if it was notified in
/// time (or on an unknown day), with the notes that say which.
fn with_extension(
    start: NaiveDate,
    tolled: &[TolledRange],
    extension: Option<Extension>,
    rules: (Rule, Rule),
    start_event: StartEvent,
) -> Explanation {
    let base = add_working_days(start, WORKING_DAYS, tolled).under(rules.0, start_event);
    let Some(ext) = extension else {
        return base;
    };
    let original = base.result;
    match ext.notified_on {
        Some(notified) if notified > original => {
            base.with_note(Note::ExtensionNoticeLate { notified, original })
        }
        notified => add_working_days(start, WORKING_DAYS + EXTENSION_DAYS, tolled)
            .under(rules.1, start_event)
            .with_note(Note::ExtensionApplied { notified, original }),
    }
}

fn determination_deadline(request: &FoiaRequest, today: NaiveDate) -> Option<Deadline> {
    let received = request.date_received()?;
    let (start, start_event, mut notes) = match request.date_perfected() {
        Some(p) if p > received => (
            p,
            StartEvent::Perfected,
            vec![Note::StartedOnPerfection { received }],
        ),
        _ => (received, StartEvent::Received, Vec::new()),
    };
    let (tolled, tolling_notes, provisional) = honoured_tolling(request, today);
    let mut explanation = with_extension(
        start,
        &tolled,
        request.extension(),
        (Rule::Determination, Rule::DeterminationExtended),
        start_event,
    );
    notes.extend(tolling_notes);
    notes.append(&mut explanation.notes);
    explanation.notes = notes;
    Some(Deadline {
        kind: DeadlineKind::Determination,
        date: explanation.result,
        explanation,
        met_on: request.determination().map(|d| d.date),
        provisional,
    })
}

fn expedited_deadline(request: &FoiaRequest) -> Option<Deadline> {
    if !request.expedited_requested() {
        return None;
    }
    let received = request.date_received()?;
    let explanation = add_calendar_days(received, EXPEDITED_DECISION_DAYS)
        .under(Rule::ExpeditedDecision, StartEvent::Received);
    Some(Deadline {
        kind: DeadlineKind::ExpeditedDecision,
        date: explanation.result,
        explanation,
        met_on: request.expedited_decision().map(|d| d.date),
        provisional: false,
    })
}

fn appeal_deadline(request: &FoiaRequest) -> Option<Deadline> {
    let determination = request.determination().filter(|d| d.outcome.is_adverse())?;
    let window = request.appeal_window();
    let mut explanation = add_calendar_days(determination.date, window.days())
        .under(Rule::AppealWindow, StartEvent::Determination);
    if window > AppealWindow::STATUTORY_MINIMUM {
        explanation.notes.insert(
            0,
            Note::LongerAppealWindow {
                days: window.days(),
            },
        );
    }
    Some(Deadline {
        kind: DeadlineKind::Appeal,
        date: explanation.result,
        explanation,
        met_on: request.appeal().map(|a| a.filed),
        provisional: false,
    })
}

fn appeal_decision_deadline(request: &FoiaRequest) -> Option<Deadline> {
    let appeal = request.appeal()?;
    let received = appeal.received?;
    let explanation = with_extension(
        received,
        &[],
        appeal.extension,
        (Rule::AppealDecision, Rule::AppealDecisionExtended),
        StartEvent::AppealReceived,
    );
    Some(Deadline {
        kind: DeadlineKind::AppealDecision,
        date: explanation.result,
        explanation,
        met_on: appeal.decided,
        provisional: false,
    })
}

/// The day after a missed deadline: first the determination's; when the
/// determination came in time, the appeal decision's.
fn may_sue(
    determination: Option<&Deadline>,
    appeal_decision: Option<&Deadline>,
) -> Option<Deadline> {
    let missed = |d: &Deadline, start_event| {
        let mut explanation =
            add_calendar_days(d.date, 1).under(Rule::ConstructiveExhaustion, start_event);
        // The day after a deadline may well be a weekend: that is fine for
        // filing a complaint electronically, and not worth a note.
        explanation
            .notes
            .retain(|n| !matches!(n, Note::NotMoved { .. }));
        if let Some(on) = d.met_on {
            explanation.notes.push(Note::AnsweredLate { on });
        }
        Deadline {
            kind: DeadlineKind::MaySue,
            date: explanation.result,
            explanation,
            met_on: None,
            provisional: d.provisional,
        }
    };
    let determination = determination?;
    match determination.met_on {
        None => return Some(missed(determination, StartEvent::DeterminationDue)),
        Some(on) if on > determination.date => {
            return Some(missed(determination, StartEvent::DeterminationDue));
        }
        Some(_) => {}
    }
    let appeal_decision = appeal_decision?;
    match appeal_decision.met_on {
        Some(on) if on <= appeal_decision.date => None,
        _ => Some(missed(appeal_decision, StartEvent::AppealDecisionDue)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{AppealParts, DecisionParts, FoiaRequestParts, TollingParts};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn request(parts: FoiaRequestParts) -> FoiaRequest {
        FoiaRequest::new(
            FoiaRequestParts {
                id: "r-1".into(),
                agency: "ice".into(),
                subject: "Records".into(),
                ..parts
            },
            d(2026, 11, 25),
        )
        .unwrap()
    }

    #[test]
    fn nothing_to_compute_for_a_draft() {
        let r = request(FoiaRequestParts::default());
        let dl = deadlines(&r, d(2026, 11, 25));
        assert_eq!(dl.iter().count(), 0);
    }

    #[test]
    fn status_flags() {
        let r = request(FoiaRequestParts {
            status: Some("processing".into()),
            date_received: Some("2026-11-02".into()),
            ..FoiaRequestParts::default()
        });
        // Nov 2 2026 (Mon) + 20 working days, skipping Veterans Day (Wed
        // Nov 11) and Thanksgiving (Thu Nov 26): Dec 2.
        let due = d(2026, 12, 2);
        let dl = deadlines(&r, d(2026, 11, 25));
        let det = dl.determination.as_ref().unwrap();
        assert_eq!(det.date, due);
        assert_eq!(
            det.status(d(2026, 11, 25)),
            DeadlineStatus::Upcoming { days_left: 7 }
        );
        assert!(dl.overdue().is_empty());
        assert!(dl.due_within(6).is_empty());
        assert_eq!(dl.due_within(7).len(), 1);
        assert_eq!(det.status(due), DeadlineStatus::DueToday);
        assert!(!det.is_overdue(due));
        assert!(det.is_overdue(d(2026, 12, 3)));
        let later = deadlines(&r, d(2026, 12, 10));
        assert_eq!(
            later.overdue().iter().map(|d| d.kind).collect::<Vec<_>>(),
            [DeadlineKind::Determination]
        );
        let sue = later.may_sue.as_ref().unwrap();
        assert_eq!(sue.date, d(2026, 12, 3));
        assert_eq!(
            sue.status(d(2026, 12, 10)),
            DeadlineStatus::Reached { days_since: 7 }
        );
        assert_eq!(sue.kind.party(), Party::Requester);
    }

    #[test]
    fn met_deadlines_are_not_flagged_and_withdrawn_requests_never() {
        let r = request(FoiaRequestParts {
            status: Some("released".into()),
            date_received: Some("2025-03-03".into()),
            determination: Some(DecisionParts {
                outcome: "granted".into(),
                date: "2025-03-20".into(),
            }),
            ..FoiaRequestParts::default()
        });
        let dl = deadlines(&r, d(2026, 1, 1));
        let det = dl.determination.as_ref().unwrap();
        assert_eq!(
            det.status(d(2026, 1, 1)),
            DeadlineStatus::Met {
                on: d(2025, 3, 20),
                late: false
            }
        );
        assert!(dl.may_sue.is_none());
        assert!(dl.appeal.is_none(), "a full grant is not adverse");

        let r = request(FoiaRequestParts {
            status: Some("withdrawn".into()),
            date_received: Some("2025-03-03".into()),
            ..FoiaRequestParts::default()
        });
        let dl = deadlines(&r, d(2026, 1, 1));
        assert!(dl.determination.as_ref().unwrap().is_overdue(d(2026, 1, 1)));
        assert!(dl.overdue().is_empty());
        assert!(dl.due_within(10_000).is_empty());
    }

    #[test]
    fn a_late_answer_still_left_a_right_to_sue() {
        let r = request(FoiaRequestParts {
            date_received: Some("2025-03-03".into()),
            determination: Some(DecisionParts {
                outcome: "denied".into(),
                date: "2025-05-01".into(),
            }),
            ..FoiaRequestParts::default()
        });
        let dl = deadlines(&r, d(2026, 1, 1));
        let det = dl.determination.as_ref().unwrap();
        assert_eq!(det.date, d(2025, 3, 31));
        assert_eq!(
            det.status(d(2026, 1, 1)),
            DeadlineStatus::Met {
                on: d(2025, 5, 1),
                late: true
            }
        );
        let sue = dl.may_sue.as_ref().unwrap();
        assert_eq!(sue.date, d(2025, 4, 1));
        assert_eq!(
            sue.explanation.notes,
            [Note::AnsweredLate { on: d(2025, 5, 1) }]
        );
        // And the appeal window runs from the denial: May 1 + 90 = Jul 30.
        assert_eq!(dl.appeal.as_ref().unwrap().date, d(2025, 7, 30));
    }

    #[test]
    fn an_undecided_appeal_leads_to_court() {
        let r = request(FoiaRequestParts {
            date_received: Some("2025-03-03".into()),
            determination: Some(DecisionParts {
                outcome: "no_records".into(),
                date: "2025-03-20".into(),
            }),
            appeal: Some(AppealParts {
                filed: "2025-04-01".into(),
                received: Some("2025-04-01".into()),
                ..AppealParts::default()
            }),
            ..FoiaRequestParts::default()
        });
        let dl = deadlines(&r, d(2026, 1, 1));
        // Apr 1 2025 (Tue) + 20 working days, no holidays: Apr 29.
        let decision = dl.appeal_decision.as_ref().unwrap();
        assert_eq!(decision.date, d(2025, 4, 29));
        assert_eq!(dl.appeal.as_ref().unwrap().met_on, Some(d(2025, 4, 1)));
        let sue = dl.may_sue.as_ref().unwrap();
        assert_eq!(sue.date, d(2025, 4, 30));
        assert_eq!(sue.explanation.start_event, StartEvent::AppealDecisionDue);
    }

    #[test]
    fn open_tolling_is_provisional() {
        let r = request(FoiaRequestParts {
            date_received: Some("2026-11-02".into()),
            tolling: vec![TollingParts {
                kind: "fee_dispute".into(),
                from: "2026-11-16".into(),
                to: None,
            }],
            ..FoiaRequestParts::default()
        });
        let dl = deadlines(&r, d(2026, 11, 25));
        let det = dl.determination.as_ref().unwrap();
        assert!(det.provisional);
        assert!(dl.may_sue.as_ref().unwrap().provisional);
        assert!(matches!(det.explanation.notes[0], Note::TollingOpen { .. }));
        // A day later with no answer, the date moves.
        let next = deadlines(&r, d(2026, 11, 27));
        assert!(next.determination.unwrap().date > det.date);
    }
}
