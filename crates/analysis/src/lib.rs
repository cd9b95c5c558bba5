//! Testimonio's pattern analysis: does retaliation follow protected
//! activity, more closely than chance, broadly and nationally? And which
//! of it may be shown to whom?
//!
//! - [`input`]: [`AnalysisInput`], the people and events reduced to what the
//!   analysis needs, and how imprecise dates are placed on one day.
//! - [`proximity`](mod@proximity): for each enforcement action and each
//!   person it was aimed at, the days since their (and their group's) most
//!   recent protected activity; distribution and shares within 30, 90 and
//!   180 days.
//! - [`permutation`]: a permutation test of that proximity against chance
//!   timing within each person's documented period, and an exact p-value
//!   for tiny cases.
//! - [`spread`](mod@spread): counts by field office, state, year and type,
//!   with concentration (largest share, Herfindahl–Hirschman index).
//! - [`indicators`]: per-person indicators for case work.
//! - [`disclosure`]: tables of people for the coalition or the public, with
//!   small counts suppressed, and complementary suppression, by
//!   construction.
//!
//! Every output derives `serde::Serialize` with stable snake_case field
//! names. Like `testimonio-domain`, this crate does no I/O and never reads
//! the clock: "today" (for consent) is a parameter.

#![warn(missing_docs)]

pub mod disclosure;
pub mod error;
pub mod indicators;
pub mod input;
pub mod permutation;
pub mod proximity;
pub mod spread;
pub mod stats;

pub use disclosure::{
    Cell, DEFAULT_MIN_COUNT, Dimension, DisclosurePolicy, SuppressedList, SuppressedTable,
    people_list, people_table,
};
pub use error::AnalysisError;
pub use indicators::{CaseIndicators, case_indicators};
pub use input::{AnalysisInput, EventFacts, PersonFacts};
pub use permutation::{
    DEFAULT_CAP_DAYS, DEFAULT_PERMUTATIONS, PermutationOptions, PermutationResult, exact_p_value,
    permutation_test,
};
pub use proximity::{
    PriorActivity, ProximityPair, ProximityReport, ProximitySummary, WINDOWS, WithinShare,
    proximity,
};
pub use spread::{Breakdown, Spread, Tally, TallyEntry, spread};
pub use stats::Quantiles;
pub use testimonio_domain::Audience;
