//! Testimonio's FOIA model: requests to federal agencies and the statutory
//! clock of 5 U.S.C. 552(a)(6).
//!
//! Groups that file many Freedom of Information Act requests with ICE, CBP,
//! USCIS, EOIR and the rest of DHS and DOJ need to know, for each one, when
//! the agency's answer is due, when it is late, when they may appeal and
//! when they may sue. This crate computes those dates and says how: every
//! date comes with an [`Explanation`] that names the rule and its citation
//! and lists each day that was not counted (weekend, holiday, tolling).
//!
//! - [`holidays`]: the legal public holidays of 5 U.S.C. 6103 and the days
//!   they are observed.
//! - [`clock`]: working-day arithmetic and explanations.
//! - [`agency`]: the federal agencies and their appeal windows.
//! - [`request`]: [`FoiaRequest`], built from [`FoiaRequestParts`] by a
//!   `new` that reports every problem with its field, in English and
//!   Spanish.
//! - [`deadlines`](mod@deadlines): the deadlines of a request as of a given
//!   day.
//! - [`ics`]: the deadlines as an iCalendar (RFC 5545) file.
//! - [`letters`]: request and appeal letters as editable plain text.
//!
//! Like `testimonio-domain`, this crate does no I/O and never reads the
//! clock: "today" is always a parameter.

pub mod agency;
pub mod clock;
pub mod deadlines;
pub mod error;
pub mod holidays;
pub mod ics;
pub mod letters;
pub mod request;

pub use agency::{AppealWindow, AppealWindows, FederalAgency};
pub use clock::{
    Explanation, Rule, SkipReason, SkippedDay, TolledRange, TollingKind, add_working_days,
};
pub use deadlines::{Deadline, DeadlineKind, DeadlineStatus, Deadlines, Party, deadlines};
pub use error::{FieldError, Problem};
pub use holidays::{Holiday, HolidayKind, is_working_day, observed_holidays};
pub use request::{
    Appeal, AppealParts, Communication, CommunicationParts, Decision, DecisionParts, Determination,
    DeterminationOutcome, Direction, Extension, FeeCategory, FoiaRequest, FoiaRequestParts,
    Outcome, Status, TollingParts, TollingPeriod,
};
pub use testimonio_domain::Lang;
