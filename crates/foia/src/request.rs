//! A FOIA request as a group files and follows it.
//!
//! [`FoiaRequestParts`] is plain data (strings, as a form or an import
//! gives them); [`FoiaRequest::new`] checks every field and every relation
//! between dates and returns all the problems at once, each naming its
//! field. A [`FoiaRequest`] can therefore only hold a consistent record.
//!
//! # What is sensitive
//!
//! The text of a request and the requester's name are [`Sensitive`]: a
//! request for someone's A-file or detention records names that person.
//! The subject, the tracking number and the agency are not, and appear in
//! calendars and lists; keep names out of the subject.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use testimonio_domain::date::parse_day;
use testimonio_domain::{Lang, Problem as DomainProblem, RecordId, Sensitive, ShortText};

use crate::agency::{AppealWindow, FederalAgency};
use crate::clock::TollingKind;
use crate::error::{FieldError, Problem};

/// Longest request text, in characters.
pub const REQUEST_TEXT_MAX: usize = 20_000;
/// Longest requester name, in characters.
pub const REQUESTER_MAX: usize = 500;
/// Longest summary of one communication, in characters.
pub const COMMUNICATION_MAX: usize = 5_000;

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal, $hint:literal, [$($(#[$vmeta:meta])* $variant:ident = ($code:literal, $id:literal)),+ $(,)?]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The label in `lang`, from the catalog (`foia.ftl`).
            pub fn label(self, lang: Lang) -> &'static str {
                match self {
                    $($name::$variant => testimonio_i18n::message(lang, $id)),+
                }
            }

            /// Parses a code, case-insensitively.
            ///
            /// # Errors
            /// An empty or unknown code.
            pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
                let code = code.trim();
                if code.is_empty() {
                    return Err(FieldError::new(field, DomainProblem::Required));
                }
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code().eq_ignore_ascii_case(code))
                    .ok_or_else(|| {
                        FieldError::new(field, DomainProblem::UnknownCode { known_hint: $hint })
                    })
            }
        }
    };
}

code_enum!(
    /// Where a request stands.
    Status, "status",
    "drafted, submitted, acknowledged, clarification_requested, fee_dispute, processing, partial_release, released, no_records, denied, appealed, appeal_decided, in_litigation, closed, withdrawn",
    [
        Drafted = ("drafted", "foia-status-drafted"),
        Submitted = ("submitted", "foia-status-submitted"),
        Acknowledged = ("acknowledged", "foia-status-acknowledged"),
        ClarificationRequested = ("clarification_requested", "foia-status-clarification-requested"),
        FeeDispute = ("fee_dispute", "foia-status-fee-dispute"),
        Processing = ("processing", "foia-status-processing"),
        PartialRelease = ("partial_release", "foia-status-partial-release"),
        Released = ("released", "foia-status-released"),
        NoRecords = ("no_records", "foia-status-no-records"),
        Denied = ("denied", "foia-status-denied"),
        Appealed = ("appealed", "foia-status-appealed"),
        AppealDecided = ("appeal_decided", "foia-status-appeal-decided"),
        InLitigation = ("in_litigation", "foia-status-in-litigation"),
        Closed = ("closed", "foia-status-closed"),
        Withdrawn = ("withdrawn", "foia-status-withdrawn"),
    ]
);

impl Status {
    /// Whether deadlines still matter: not closed, not withdrawn.
    pub fn is_active(self) -> bool {
        !matches!(self, Status::Closed | Status::Withdrawn)
    }
}

code_enum!(
    /// The requester's fee category, 5 U.S.C. 552(a)(4)(A)(ii).
    FeeCategory, "fee_category",
    "commercial, educational, news_media or other",
    [
        /// Commercial use, (ii)(I): search, review and duplication.
        Commercial = ("commercial", "foia-fee-category-commercial"),
        /// Educational or noncommercial scientific institution, (ii)(II):
        /// duplication only, after the first 100 pages.
        Educational = ("educational", "foia-fee-category-educational"),
        /// Representative of the news media, (ii)(II).
        NewsMedia = ("news_media", "foia-fee-category-news-media"),
        /// All other requesters, (ii)(III): search and duplication, after
        /// two free hours and 100 free pages. Most community groups.
        Other = ("other", "foia-fee-category-other"),
    ]
);

impl FeeCategory {
    pub fn citation(self) -> &'static str {
        match self {
            FeeCategory::Commercial => "5 U.S.C. 552(a)(4)(A)(ii)(I)",
            FeeCategory::Educational | FeeCategory::NewsMedia => "5 U.S.C. 552(a)(4)(A)(ii)(II)",
            FeeCategory::Other => "5 U.S.C. 552(a)(4)(A)(ii)(III)",
        }
    }
}

code_enum!(
    /// The answer to a request for expedited processing or a fee waiver.
    Outcome, "outcome", "granted or denied",
    [
        Granted = ("granted", "foia-outcome-granted"),
        Denied = ("denied", "foia-outcome-denied"),
    ]
);

code_enum!(
    /// What the agency decided on the request itself.
    DeterminationOutcome, "outcome",
    "granted, partially_granted, denied or no_records",
    [
        Granted = ("granted", "foia-determination-granted"),
        PartiallyGranted = ("partially_granted", "foia-determination-partially-granted"),
        Denied = ("denied", "foia-determination-denied"),
        NoRecords = ("no_records", "foia-determination-no-records"),
    ]
);

impl DeterminationOutcome {
    /// Adverse determinations can be appealed (5 U.S.C.
    /// 552(a)(6)(A)(i)(III)(aa)): anything but a full grant, including a
    /// "no records" answer, which can be appealed as an inadequate search.
    pub fn is_adverse(self) -> bool {
        self != DeterminationOutcome::Granted
    }
}

code_enum!(
    /// Which way a communication went.
    Direction, "direction", "in or out",
    [
        /// From the agency to the group.
        In = ("in", "foia-direction-in"),
        /// From the group to the agency.
        Out = ("out", "foia-direction-out"),
    ]
);

/// A decision with its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Decision {
    pub outcome: Outcome,
    pub date: NaiveDate,
}

/// The agency's determination on the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Determination {
    pub outcome: DeterminationOutcome,
    pub date: NaiveDate,
}

/// A period during which the agency stopped the clock. `to` is the day the
/// requester's answer reached the agency; `None` while it has not.
///
/// Invariant: `to`, if any, is not before `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct TollingPeriod {
    pub kind: TollingKind,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// An extension for unusual circumstances, 5 U.S.C. 552(a)(6)(B)(i): 10
/// more working days, by written notice to the requester.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Extension {
    /// The day the notice was given, if known.
    pub notified_on: Option<NaiveDate>,
}

/// The requester's administrative appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Appeal {
    pub filed: NaiveDate,
    /// The day the appeal office received it (the same day for an online
    /// submission). The 20 working days run from here.
    pub received: Option<NaiveDate>,
    pub decided: Option<NaiveDate>,
    pub extension: Option<Extension>,
}

/// One entry of the communications log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Communication {
    pub date: NaiveDate,
    pub direction: Direction,
    pub summary: Sensitive,
}

/// A decision as plain data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionParts {
    pub outcome: String,
    pub date: String,
}

/// A tolling period as plain data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TollingParts {
    /// `clarification` or `fee_dispute`.
    pub kind: String,
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// An appeal as plain data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealParts {
    pub filed: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<String>,
    #[serde(default)]
    pub unusual_circumstances: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_notified: Option<String>,
}

/// A communication as plain data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommunicationParts {
    pub date: String,
    /// `in` (from the agency) or `out` (to the agency).
    pub direction: String,
    pub summary: String,
}

/// A FOIA request as plain data: what a form or an import gives. Dates are
/// `YYYY-MM-DD`; codes are as listed by each type's `parse`.
///
/// Like the exchange records of `testimonio-domain`, this is plain data:
/// its `Debug` shows the request text and the requester, so it is not for
/// logs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoiaRequestParts {
    pub id: String,
    pub agency: String,
    #[serde(default)]
    pub component: Option<String>,
    pub subject: String,
    #[serde(default)]
    pub request_text: Option<String>,
    #[serde(default)]
    pub requester: Option<String>,
    #[serde(default)]
    pub tracking_number: Option<String>,
    /// `drafted` when absent.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub date_sent: Option<String>,
    /// The day the proper component received the request.
    #[serde(default)]
    pub date_received: Option<String>,
    /// The day the agency considered the request perfected, if later.
    #[serde(default)]
    pub date_perfected: Option<String>,
    #[serde(default)]
    pub expedited_requested: bool,
    #[serde(default)]
    pub expedited_decision: Option<DecisionParts>,
    #[serde(default)]
    pub fee_category: Option<String>,
    #[serde(default)]
    pub fee_waiver_requested: bool,
    #[serde(default)]
    pub fee_waiver_decision: Option<DecisionParts>,
    #[serde(default)]
    pub tolling: Vec<TollingParts>,
    #[serde(default)]
    pub unusual_circumstances: bool,
    #[serde(default)]
    pub extension_notified: Option<String>,
    #[serde(default)]
    pub determination: Option<DecisionParts>,
    #[serde(default)]
    pub appeal: Option<AppealParts>,
    /// Calendar days to appeal; the agency default (90) when absent.
    #[serde(default)]
    pub appeal_window_days: Option<u32>,
    #[serde(default)]
    pub communications: Vec<CommunicationParts>,
}

/// A FOIA request whose fields and dates are consistent.
///
/// Invariants: every date is between 1900 and 2100 and not after the
/// `today` it was built with; receipt is not before sending, perfection
/// not before receipt; decisions, tolling and extensions are not before
/// receipt; tolling periods end after they start and do not overlap; an
/// appeal is not before the determination, its receipt not before its
/// filing, its decision not before its receipt; the appeal window is at
/// least 90 days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoiaRequest {
    id: RecordId,
    agency: FederalAgency,
    component: Option<ShortText>,
    subject: ShortText,
    request_text: Option<Sensitive>,
    requester: Option<Sensitive>,
    tracking_number: Option<ShortText>,
    status: Status,
    date_sent: Option<NaiveDate>,
    date_received: Option<NaiveDate>,
    date_perfected: Option<NaiveDate>,
    expedited_requested: bool,
    expedited_decision: Option<Decision>,
    fee_category: Option<FeeCategory>,
    fee_waiver_requested: bool,
    fee_waiver_decision: Option<Decision>,
    tolling: Vec<TollingPeriod>,
    extension: Option<Extension>,
    determination: Option<Determination>,
    appeal: Option<Appeal>,
    appeal_window: AppealWindow,
    communications: Vec<Communication>,
}

/// Collects errors while checking parts.
struct Checker {
    today: NaiveDate,
    errors: Vec<FieldError>,
}

impl Checker {
    fn keep<T>(&mut self, r: Result<T, impl Into<FieldError>>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e.into());
                None
            }
        }
    }

    /// A required day, not after today.
    fn day(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let d = self.keep(parse_day(field, text))?;
        if d > self.today {
            self.errors.push(FieldError::new(field, Problem::InFuture));
            return None;
        }
        Some(d)
    }

    /// An optional day: absent or blank is `None`.
    fn opt_day(&mut self, field: &str, text: Option<&str>) -> Option<NaiveDate> {
        match text.map(str::trim) {
            None | Some("") => None,
            Some(t) => self.day(field, t),
        }
    }

    /// `later` must not be before `earlier`.
    fn order(
        &mut self,
        field: &str,
        later: Option<NaiveDate>,
        other: &'static str,
        earlier: Option<NaiveDate>,
    ) {
        if let (Some(l), Some(e)) = (later, earlier)
            && l < e
        {
            self.errors
                .push(FieldError::new(field, Problem::Before { other }));
        }
    }

    fn decision(&mut self, field: &str, parts: &DecisionParts) -> Option<Decision> {
        let outcome =
            self.keep(Outcome::parse("outcome", &parts.outcome).map_err(|e| e.within(field)));
        let date = self.day(&format!("{field}.date"), &parts.date);
        Some(Decision {
            outcome: outcome?,
            date: date?,
        })
    }
}

impl FoiaRequest {
    /// Checks every field of `parts` against each other and against
    /// `today` (no date may be after it).
    ///
    /// # Errors
    /// Every problem found, each naming its field: an unknown agency,
    /// status or code; a missing id or subject; a malformed date or one
    /// after `today`; dates out of order (received before sent, a decision
    /// before receipt, an appeal before the determination); a tolling
    /// period that ends before it starts or overlaps another; a decision
    /// on expedited processing or a fee waiver that was never requested;
    /// an appeal window under 90 days.
    pub fn new(parts: FoiaRequestParts, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut c = Checker {
            today,
            errors: Vec::new(),
        };
        let id = c.keep(RecordId::parse("id", &parts.id));
        let agency = c.keep(FederalAgency::parse("agency", &parts.agency));
        let component = c
            .keep(ShortText::parse_optional(
                "component",
                parts.component.as_deref(),
            ))
            .flatten();
        let subject = c.keep(ShortText::parse("subject", &parts.subject));
        let request_text = c
            .keep(Sensitive::parse_optional(
                "request_text",
                parts.request_text.as_deref(),
                REQUEST_TEXT_MAX,
            ))
            .flatten();
        let requester = c
            .keep(Sensitive::parse_optional(
                "requester",
                parts.requester.as_deref(),
                REQUESTER_MAX,
            ))
            .flatten();
        let tracking_number = c
            .keep(ShortText::parse_optional(
                "tracking_number",
                parts.tracking_number.as_deref(),
            ))
            .flatten();
        let status = match parts.status.as_deref().map(str::trim) {
            None | Some("") => Some(Status::Drafted),
            Some(s) => c.keep(Status::parse("status", s)),
        };

        let sent = c.opt_day("date_sent", parts.date_sent.as_deref());
        let received = c.opt_day("date_received", parts.date_received.as_deref());
        let perfected = c.opt_day("date_perfected", parts.date_perfected.as_deref());
        c.order("date_received", received, "date_sent", sent);
        c.order("date_perfected", perfected, "date_received", received);
        if perfected.is_some() && received.is_none() && parts.date_received.is_none() {
            c.errors.push(FieldError::new(
                "date_perfected",
                Problem::Requires {
                    other: "date_received",
                },
            ));
        }
        // Decisions are checked against receipt, or sending when receipt
        // is not known.
        let (floor, floor_name) = match (received, sent) {
            (Some(r), _) => (Some(r), "date_received"),
            (None, s) => (s, "date_sent"),
        };

        let expedited_decision = match &parts.expedited_decision {
            None => None,
            Some(p) => {
                if !parts.expedited_requested {
                    c.errors.push(FieldError::new(
                        "expedited_decision",
                        Problem::Requires {
                            other: "expedited_requested",
                        },
                    ));
                }
                let d = c.decision("expedited_decision", p);
                c.order(
                    "expedited_decision.date",
                    d.map(|d| d.date),
                    floor_name,
                    floor,
                );
                d
            }
        };
        let fee_category = match parts.fee_category.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => c.keep(FeeCategory::parse("fee_category", s)),
        };
        let fee_waiver_decision = match &parts.fee_waiver_decision {
            None => None,
            Some(p) => {
                if !parts.fee_waiver_requested {
                    c.errors.push(FieldError::new(
                        "fee_waiver_decision",
                        Problem::Requires {
                            other: "fee_waiver_requested",
                        },
                    ));
                }
                let d = c.decision("fee_waiver_decision", p);
                c.order(
                    "fee_waiver_decision.date",
                    d.map(|d| d.date),
                    floor_name,
                    floor,
                );
                d
            }
        };

        let mut tolling = Vec::new();
        for (i, t) in parts.tolling.iter().enumerate() {
            let field = format!("tolling[{i}]");
            let kind = c.keep(TollingKind::parse(&format!("{field}.kind"), &t.kind));
            let from = c.day(&format!("{field}.from"), &t.from);
            let to = c.opt_day(&format!("{field}.to"), t.to.as_deref());
            if let (Some(f), Some(t)) = (from, to)
                && t < f
            {
                c.errors.push(FieldError::new(
                    format!("{field}.to"),
                    DomainProblem::EndBeforeStart,
                ));
                continue;
            }
            c.order(&format!("{field}.from"), from, "date_received", received);
            match (kind, from) {
                (Some(kind), Some(from)) if t.to.is_none() || to.is_some() => {
                    tolling.push((i, TollingPeriod { kind, from, to }));
                }
                _ => {}
            }
        }
        // Overlaps, checked among the well-formed periods. An open period
        // runs on indefinitely.
        for (n, (i, a)) in tolling.iter().enumerate() {
            for (j, b) in &tolling[..n] {
                let a_end = a.to.unwrap_or(NaiveDate::MAX);
                let b_end = b.to.unwrap_or(NaiveDate::MAX);
                if a.from <= b_end && b.from <= a_end {
                    c.errors.push(FieldError::new(
                        format!("tolling[{i}]"),
                        Problem::Overlaps {
                            other: format!("tolling[{j}]"),
                        },
                    ));
                }
            }
        }
        let mut tolling: Vec<TollingPeriod> = tolling.into_iter().map(|(_, t)| t).collect();
        tolling.sort_by_key(|t| t.from);

        let extension_notified =
            c.opt_day("extension_notified", parts.extension_notified.as_deref());
        if parts.extension_notified.is_some() && !parts.unusual_circumstances {
            c.errors.push(FieldError::new(
                "extension_notified",
                Problem::Requires {
                    other: "unusual_circumstances",
                },
            ));
        }
        c.order("extension_notified", extension_notified, floor_name, floor);
        let extension = parts.unusual_circumstances.then_some(Extension {
            notified_on: extension_notified,
        });

        let determination = match &parts.determination {
            None => None,
            Some(p) => {
                let outcome = c.keep(
                    DeterminationOutcome::parse("outcome", &p.outcome)
                        .map_err(|e| e.within("determination")),
                );
                let date = c.day("determination.date", &p.date);
                c.order("determination.date", date, floor_name, floor);
                match (outcome, date) {
                    (Some(outcome), Some(date)) => Some(Determination { outcome, date }),
                    _ => None,
                }
            }
        };

        let appeal = match &parts.appeal {
            None => None,
            Some(p) => {
                let filed = c.day("appeal.filed", &p.filed);
                let a_received = c.opt_day("appeal.received", p.received.as_deref());
                let decided = c.opt_day("appeal.decided", p.decided.as_deref());
                let notified =
                    c.opt_day("appeal.extension_notified", p.extension_notified.as_deref());
                if p.extension_notified.is_some() && !p.unusual_circumstances {
                    c.errors.push(FieldError::new(
                        "appeal.extension_notified",
                        Problem::Requires {
                            other: "appeal.unusual_circumstances",
                        },
                    ));
                }
                c.order(
                    "appeal.filed",
                    filed,
                    "determination.date",
                    determination.map(|d| d.date),
                );
                c.order("appeal.filed", filed, floor_name, floor);
                c.order("appeal.received", a_received, "appeal.filed", filed);
                let decided_floor = a_received.or(filed);
                let decided_floor_name = if a_received.is_some() {
                    "appeal.received"
                } else {
                    "appeal.filed"
                };
                c.order("appeal.decided", decided, decided_floor_name, decided_floor);
                c.order(
                    "appeal.extension_notified",
                    notified,
                    decided_floor_name,
                    decided_floor,
                );
                filed.map(|filed| Appeal {
                    filed,
                    received: a_received,
                    decided,
                    extension: p.unusual_circumstances.then_some(Extension {
                        notified_on: notified,
                    }),
                })
            }
        };

        let appeal_window = match parts.appeal_window_days {
            None => agency.map(FederalAgency::default_appeal_window),
            Some(days) => c.keep(AppealWindow::new("appeal_window_days", days)),
        };

        let mut communications = Vec::new();
        for (i, p) in parts.communications.iter().enumerate() {
            let field = format!("communications[{i}]");
            let date = c.day(&format!("{field}.date"), &p.date);
            let direction = c.keep(Direction::parse(
                &format!("{field}.direction"),
                &p.direction,
            ));
            let summary = c.keep(Sensitive::parse(
                &format!("{field}.summary"),
                &p.summary,
                COMMUNICATION_MAX,
            ));
            if let (Some(date), Some(direction), Some(summary)) = (date, direction, summary) {
                communications.push(Communication {
                    date,
                    direction,
                    summary,
                });
            }
        }
        communications.sort_by_key(|m| m.date);

        match (id, agency, subject, status, appeal_window) {
            (Some(id), Some(agency), Some(subject), Some(status), Some(appeal_window))
                if c.errors.is_empty() =>
            {
                Ok(Self {
                    id,
                    agency,
                    component,
                    subject,
                    request_text,
                    requester,
                    tracking_number,
                    status,
                    date_sent: sent,
                    date_received: received,
                    date_perfected: perfected,
                    expedited_requested: parts.expedited_requested,
                    expedited_decision,
                    fee_category,
                    fee_waiver_requested: parts.fee_waiver_requested,
                    fee_waiver_decision,
                    tolling,
                    extension,
                    determination,
                    appeal,
                    appeal_window,
                    communications,
                })
            }
            _ => Err(c.errors),
        }
    }

    /// The request back as plain data, to edit and check again with
    /// [`Self::new`]. It holds the sensitive fields in the clear.
    pub fn to_parts(&self) -> FoiaRequestParts {
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let decision = |d: &Decision| DecisionParts {
            outcome: d.outcome.code().to_owned(),
            date: day(d.date),
        };
        FoiaRequestParts {
            id: self.id.to_string(),
            agency: self.agency.code().to_owned(),
            component: self.component.as_ref().map(|c| c.as_str().to_owned()),
            subject: self.subject.as_str().to_owned(),
            request_text: self.request_text.as_ref().map(|t| t.expose().to_owned()),
            requester: self.requester.as_ref().map(|t| t.expose().to_owned()),
            tracking_number: self.tracking_number.as_ref().map(|t| t.as_str().to_owned()),
            status: Some(self.status.code().to_owned()),
            date_sent: self.date_sent.map(day),
            date_received: self.date_received.map(day),
            date_perfected: self.date_perfected.map(day),
            expedited_requested: self.expedited_requested,
            expedited_decision: self.expedited_decision.as_ref().map(decision),
            fee_category: self.fee_category.map(|f| f.code().to_owned()),
            fee_waiver_requested: self.fee_waiver_requested,
            fee_waiver_decision: self.fee_waiver_decision.as_ref().map(decision),
            tolling: self
                .tolling
                .iter()
                .map(|t| TollingParts {
                    kind: t.kind.code().to_owned(),
                    from: day(t.from),
                    to: t.to.map(day),
                })
                .collect(),
            unusual_circumstances: self.extension.is_some(),
            extension_notified: self.extension.and_then(|e| e.notified_on).map(day),
            determination: self.determination.map(|d| DecisionParts {
                outcome: d.outcome.code().to_owned(),
                date: day(d.date),
            }),
            appeal: self.appeal.map(|a| AppealParts {
                filed: day(a.filed),
                received: a.received.map(day),
                decided: a.decided.map(day),
                unusual_circumstances: a.extension.is_some(),
                extension_notified: a.extension.and_then(|e| e.notified_on).map(day),
            }),
            appeal_window_days: Some(self.appeal_window.days()),
            communications: self
                .communications
                .iter()
                .map(|m| CommunicationParts {
                    date: day(m.date),
                    direction: m.direction.code().to_owned(),
                    summary: m.summary.expose().to_owned(),
                })
                .collect(),
        }
    }

    pub fn id(&self) -> &RecordId {
        &self.id
    }

    pub fn agency(&self) -> FederalAgency {
        self.agency
    }

    pub fn component(&self) -> Option<&ShortText> {
        self.component.as_ref()
    }

    pub fn subject(&self) -> &ShortText {
        &self.subject
    }

    pub fn request_text(&self) -> Option<&Sensitive> {
        self.request_text.as_ref()
    }

    pub fn requester(&self) -> Option<&Sensitive> {
        self.requester.as_ref()
    }

    pub fn tracking_number(&self) -> Option<&ShortText> {
        self.tracking_number.as_ref()
    }

    /// The tracking number, or the record id while there is none: how the
    /// request is named in calendars and letters.
    pub fn reference(&self) -> &str {
        self.tracking_number
            .as_ref()
            .map_or(self.id.as_str(), ShortText::as_str)
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn date_sent(&self) -> Option<NaiveDate> {
        self.date_sent
    }

    pub fn date_received(&self) -> Option<NaiveDate> {
        self.date_received
    }

    pub fn date_perfected(&self) -> Option<NaiveDate> {
        self.date_perfected
    }

    pub fn expedited_requested(&self) -> bool {
        self.expedited_requested
    }

    pub fn expedited_decision(&self) -> Option<Decision> {
        self.expedited_decision
    }

    pub fn fee_category(&self) -> Option<FeeCategory> {
        self.fee_category
    }

    pub fn fee_waiver_requested(&self) -> bool {
        self.fee_waiver_requested
    }

    pub fn fee_waiver_decision(&self) -> Option<Decision> {
        self.fee_waiver_decision
    }

    /// Tolling periods, by start date.
    pub fn tolling(&self) -> &[TollingPeriod] {
        &self.tolling
    }

    pub fn extension(&self) -> Option<Extension> {
        self.extension
    }

    pub fn determination(&self) -> Option<Determination> {
        self.determination
    }

    pub fn appeal(&self) -> Option<Appeal> {
        self.appeal
    }

    pub fn appeal_window(&self) -> AppealWindow {
        self.appeal_window
    }

    /// The communications log, by date.
    pub fn communications(&self) -> &[Communication] {
        &self.communications
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn minimal() -> FoiaRequestParts {
        FoiaRequestParts {
            id: "foia-001".into(),
            agency: "ice".into(),
            subject: "Detainer policy records, 2024".into(),
            ..FoiaRequestParts::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_minimal_request_is_a_draft() {
        let r = FoiaRequest::new(minimal(), today()).unwrap();
        assert_eq!(r.status(), Status::Drafted);
        assert_eq!(r.agency().abbreviation(), "ICE");
        assert_eq!(r.appeal_window().days(), 90);
        assert_eq!(r.reference(), "foia-001");
    }

    #[test]
    fn round_trips_through_parts_and_json() {
        let parts = FoiaRequestParts {
            component: Some("ICE FOIA Office".into()),
            request_text: Some("All records on …".into()),
            requester: Some("Comité de Defensa".into()),
            tracking_number: Some("2025-ICFO-01234".into()),
            status: Some("appealed".into()),
            date_sent: Some("2025-01-02".into()),
            date_received: Some("2025-01-03".into()),
            expedited_requested: true,
            expedited_decision: Some(DecisionParts {
                outcome: "denied".into(),
                date: "2025-01-10".into(),
            }),
            fee_category: Some("other".into()),
            fee_waiver_requested: true,
            tolling: vec![
                TollingParts {
                    kind: "fee_dispute".into(),
                    from: "2025-02-03".into(),
                    to: Some("2025-02-05".into()),
                },
                TollingParts {
                    kind: "clarification".into(),
                    from: "2025-01-10".into(),
                    to: Some("2025-01-14".into()),
                },
            ],
            unusual_circumstances: true,
            extension_notified: Some("2025-01-20".into()),
            determination: Some(DecisionParts {
                outcome: "partially_granted".into(),
                date: "2025-03-01".into(),
            }),
            appeal: Some(AppealParts {
                filed: "2025-04-01".into(),
                received: Some("2025-04-01".into()),
                ..AppealParts::default()
            }),
            appeal_window_days: Some(120),
            communications: vec![CommunicationParts {
                date: "2025-01-03".into(),
                direction: "in".into(),
                summary: "Acknowledgment".into(),
            }],
            ..minimal()
        };
        let r = FoiaRequest::new(parts, today()).unwrap();
        // Tolling comes back sorted.
        assert_eq!(r.tolling()[0].kind, TollingKind::Clarification);
        let again = FoiaRequest::new(r.to_parts(), today()).unwrap();
        assert_eq!(again, r);
        let json = serde_json::to_string(&r.to_parts()).unwrap();
        let back: FoiaRequestParts = serde_json::from_str(&json).unwrap();
        assert_eq!(FoiaRequest::new(back, today()).unwrap(), r);
        // The sensitive fields stay out of Debug.
        let debug = format!("{r:?}");
        assert!(!debug.contains("Comité"), "{debug}");
        assert!(!debug.contains("All records"), "{debug}");
    }

    #[test]
    fn unknown_agency_is_refused() {
        let errors = FoiaRequest::new(
            FoiaRequestParts {
                agency: "migra".into(),
                ..minimal()
            },
            today(),
        )
        .unwrap_err();
        assert_eq!(fields(&errors), ["agency"]);
        assert!(
            errors[0]
                .message(Lang::En)
                .starts_with("agency: is not a known code (ice, cbp")
        );
        assert!(
            errors[0]
                .message(Lang::Es)
                .starts_with("agency: no es un código conocido")
        );
    }

    #[test]
    fn received_after_today_is_refused() {
        let errors = FoiaRequest::new(
            FoiaRequestParts {
                date_received: Some("2026-11-26".into()),
                ..minimal()
            },
            today(),
        )
        .unwrap_err();
        assert_eq!(fields(&errors), ["date_received"]);
        assert_eq!(errors[0].problem, Problem::InFuture);
        assert_eq!(errors[0].to_string(), "date_received: is after today");
        assert_eq!(
            errors[0].message(Lang::Es),
            "date_received: es posterior a hoy"
        );
        // Today itself is fine.
        assert!(
            FoiaRequest::new(
                FoiaRequestParts {
                    date_received: Some("2026-11-25".into()),
                    ..minimal()
                },
                today()
            )
            .is_ok()
        );
    }

    #[test]
    fn received_before_sent_is_refused() {
        let errors = FoiaRequest::new(
            FoiaRequestParts {
                date_sent: Some("2025-03-10".into()),
                date_received: Some("2025-03-07".into()),
                ..minimal()
            },
            today(),
        )
        .unwrap_err();
        assert_eq!(fields(&errors), ["date_received"]);
        assert_eq!(
            errors[0].to_string(),
            "date_received: is earlier than date_sent"
        );
    }

    #[test]
    fn tolling_ending_before_it_starts_is_refused() {
        let errors = FoiaRequest::new(
            FoiaRequestParts {
                date_received: Some("2025-03-03".into()),
                tolling: vec![TollingParts {
                    kind: "clarification".into(),
                    from: "2025-03-14".into(),
                    to: Some("2025-03-10".into()),
                }],
                ..minimal()
            },
            today(),
        )
        .unwrap_err();
        assert_eq!(fields(&errors), ["tolling[0].to"]);
        assert_eq!(
            errors[0].to_string(),
            "tolling[0].to: ends before it starts"
        );
        assert_eq!(
            errors[0].message(Lang::Es),
            "tolling[0].to: termina antes de empezar"
        );
    }

    #[test]
    fn overlapping_tolling_is_refused() {
        let errors = FoiaRequest::new(
            FoiaRequestParts {
                date_received: Some("2025-03-03".into()),
                tolling: vec![
                    TollingParts {
                        kind: "clarification".into(),
                        from: "2025-03-10".into(),
                        to: Some("2025-03-14".into()),
                    },
                    TollingParts {
                        kind: "fee_dispute".into(),
                        from: "2025-03-14".into(),
                        to: Some("2025-03-20".into()),
                    },
                    // Open: runs on, so it overlaps anything later.
                    TollingParts {
                        kind: "fee_dispute".into(),
                        from: "2025-04-01".into(),
                        to: None,
                    },
                    TollingParts {
                        kind: "fee_dispute".into(),
                        from: "2025-05-01".into(),
                        to: Some("2025-05-02".into()),
                    },
                ],
                ..minimal()
            },
            today(),
        )
        .unwrap_err();
        assert_eq!(fields(&errors), ["tolling[1]", "tolling[3]"]);
        assert_eq!(errors[0].to_string(), "tolling[1]: overlaps tolling[0]");
        assert_eq!(
            errors[1].message(Lang::Es),
            "tolling[3]: se superpone con tolling[2]"
        );
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let parts = FoiaRequestParts {
            id: "bad id".into(),
            agency: "nope".into(),
            subject: "  ".into(),
            status: Some("lost".into()),
            date_sent: Some("2025-02-30".into()),
            date_received: Some("2030-01-01".into()),
            date_perfected: Some("1899-12-31".into()),
            expedited_decision: Some(DecisionParts {
                outcome: "maybe".into(),
                date: "2025-01-01".into(),
            }),
            fee_category: Some("rich".into()),
            tolling: vec![TollingParts {
                kind: "vacation".into(),
                from: "2025-01-01".into(),
                to: None,
            }],
            extension_notified: Some("2025-01-01".into()),
            appeal: Some(AppealParts {
                filed: "2025-01-05".into(),
                received: Some("2025-01-04".into()),
                ..AppealParts::default()
            }),
            appeal_window_days: Some(30),
            communications: vec![CommunicationParts {
                date: "2025-01-01".into(),
                direction: "sideways".into(),
                summary: String::new(),
            }],
            ..minimal()
        };
        let errors = FoiaRequest::new(parts, today()).unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "id",
                "agency",
                "subject",
                "status",
                "date_sent",
                "date_received",
                "date_perfected",
                "expedited_decision",
                "expedited_decision.outcome",
                "fee_category",
                "tolling[0].kind",
                "extension_notified",
                "appeal.received",
                "appeal_window_days",
                "communications[0].direction",
                "communications[0].summary",
            ]
        );
        for e in &errors {
            assert_ne!(e.message(Lang::En), e.message(Lang::Es), "{e}");
        }
    }

    #[test]
    fn dates_must_follow_receipt() {
        let parts = FoiaRequestParts {
            date_received: Some("2025-03-03".into()),
            date_perfected: Some("2025-03-01".into()),
            expedited_requested: true,
            expedited_decision: Some(DecisionParts {
                outcome: "granted".into(),
                date: "2025-03-02".into(),
            }),
            tolling: vec![TollingParts {
                kind: "clarification".into(),
                from: "2025-02-01".into(),
                to: Some("2025-02-02".into()),
            }],
            determination: Some(DecisionParts {
                outcome: "denied".into(),
                date: "2025-04-01".into(),
            }),
            appeal: Some(AppealParts {
                filed: "2025-03-31".into(),
                ..AppealParts::default()
            }),
            ..minimal()
        };
        let errors = FoiaRequest::new(parts, today()).unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "date_perfected",
                "expedited_decision.date",
                "tolling[0].from",
                "appeal.filed",
            ]
        );
        assert_eq!(
            errors[3].to_string(),
            "appeal.filed: is earlier than determination.date"
        );
    }

    #[test]
    fn labels_are_bilingual() {
        assert_eq!(Status::ALL.len(), 15);
        for s in Status::ALL {
            assert_ne!(s.label(Lang::En), s.label(Lang::Es), "{s:?}");
            assert_eq!(Status::parse("status", s.code()).unwrap(), *s);
        }
        for f in FeeCategory::ALL {
            assert_ne!(f.label(Lang::En), f.label(Lang::Es), "{f:?}");
        }
        for o in DeterminationOutcome::ALL {
            assert_ne!(o.label(Lang::En), o.label(Lang::Es), "{o:?}");
        }
    }
}
