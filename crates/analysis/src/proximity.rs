//! Temporal proximity: how soon after a protected activity each
//! enforcement action came.
//!
//! The unit is the *pair* (enforcement action, person it was aimed at): an
//! action aimed at two people is two pairs. For each pair, the most recent
//! protected activity of the same person on or before the action's day,
//! and separately the most recent of any of the person's groups. Days are
//! placed as described in [`crate::input`].

use chrono::NaiveDate;
use serde::Serialize;
use testimonio_domain::{Bilingual, EventKind, Lang, RecordId};

use crate::input::{Activities, AnalysisInput, Dated, from_day_number};
use crate::stats::{Quantiles, share};

/// The windows, in days, whose shares are reported.
pub const WINDOWS: [u32; 3] = [30, 90, 180];

/// The protected activity nearest before an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PriorActivity {
    /// The activity's event id.
    pub event: RecordId,
    /// The day the interval runs from: the activity's day, or for one
    /// that lasted, its end (the action's day if it came during it).
    pub day: NaiveDate,
    /// Days from the activity to the action (0: the same day, or during).
    pub days_before: u32,
    /// Whether the activity's date is known to the day and not approximate.
    pub precise: bool,
}

/// One enforcement action and one person it was aimed at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProximityPair {
    /// The enforcement action's event id.
    pub action: RecordId,
    /// The person it was aimed at.
    pub person: RecordId,
    /// The day the action is placed on.
    pub action_day: NaiveDate,
    /// Whether the action's date is known to the day and not approximate.
    pub action_precise: bool,
    /// The person's own latest protected activity on or before the action.
    pub person_activity: Option<PriorActivity>,
    /// The latest protected activity of any of the person's groups on or
    /// before the action (`None` also when the person has no group).
    pub group_activity: Option<PriorActivity>,
    /// Whether the person belongs to at least one group.
    pub has_group: bool,
}

/// How many pairs fell within a window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WithinShare {
    /// The window: at most this many days after the activity.
    pub days: u32,
    /// Pairs within the window.
    pub count: u64,
    /// The denominator: every pair considered, *including* those with no
    /// earlier activity (which are never within a window).
    pub denominator: u64,
    /// `count / denominator` (0 when there are no pairs).
    pub share: f64,
}

/// The distribution of days between activity and action over many pairs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProximitySummary {
    /// Pairs considered: the denominator of every share.
    pub pairs: u64,
    /// Pairs with a protected activity on or before the action.
    pub with_earlier: u64,
    /// Pairs with none, counted here and left out of `days`.
    pub without_earlier: u64,
    /// Pairs with an earlier activity in which the action's or the
    /// activity's date is imprecise or approximate.
    pub imprecise: u64,
    /// Minimum, quartiles, median and maximum of the days, over the pairs
    /// with an earlier activity; `None` when there are none.
    pub days: Option<Quantiles>,
    /// Shares within 30, 90 and 180 days.
    pub within: Vec<WithinShare>,
}

/// Temporal proximity over a whole input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProximityReport {
    /// Every (action, targeted person) pair, person by person, oldest
    /// action first.
    pub pairs: Vec<ProximityPair>,
    /// The person's own activity, over every pair.
    pub person: ProximitySummary,
    /// The person's groups' activity, over the pairs whose person belongs
    /// to a group.
    pub group: ProximitySummary,
    /// Pairs left out of `group` because the person belongs to no group.
    pub pairs_without_group: u64,
    /// Enforcement actions that name no targeted person and so make no
    /// pair.
    pub actions_without_target: u64,
    /// How this was computed, in English and Spanish.
    pub method: Bilingual,
}

/// Computes temporal proximity for every enforcement action and every
/// person it was aimed at.
pub fn proximity(input: &AnalysisInput) -> ProximityReport {
    let index = input.index();
    let events = input.events();
    let mut pairs = Vec::new();
    for (p, person) in input.people().iter().enumerate() {
        let own = &index.protected[p];
        let group_lists: Vec<&Activities> = index.person_groups[p]
            .iter()
            .map(|&g| &index.group_protected[g as usize])
            .collect();
        for action in &index.enforcement[p] {
            let prior = |(found, days_before): (Dated, u32)| {
                let e = &events[found.event as usize];
                debug_assert!(found.day <= action.day);
                PriorActivity {
                    event: e.id.clone(),
                    day: from_day_number(found.until.min(action.day)),
                    days_before,
                    precise: e.is_precise(),
                }
            };
            // The nearest of the groups' (the latest begun among equals).
            let group_found = group_lists
                .iter()
                .filter_map(|list| list.nearest(action.day))
                .min_by_key(|(found, days)| (*days, std::cmp::Reverse(*found)));
            let e = &events[action.event as usize];
            pairs.push(ProximityPair {
                action: e.id.clone(),
                person: person.id.clone(),
                action_day: from_day_number(action.day),
                action_precise: e.is_precise(),
                person_activity: own.nearest(action.day).map(prior),
                group_activity: group_found.map(prior),
                has_group: !person.groups.is_empty(),
            });
        }
    }
    let person_summary = summarize(
        pairs
            .iter()
            .map(|pair| (pair.action_precise, pair.person_activity.as_ref())),
    );
    let group_summary = summarize(
        pairs
            .iter()
            .filter(|pair| pair.has_group)
            .map(|pair| (pair.action_precise, pair.group_activity.as_ref())),
    );
    let actions_without_target = events
        .iter()
        .filter(|e| e.kind() == EventKind::EnforcementAction && e.targets().next().is_none())
        .count() as u64;
    ProximityReport {
        pairs_without_group: pairs.iter().filter(|p| !p.has_group).count() as u64,
        pairs,
        person: person_summary,
        group: group_summary,
        actions_without_target,
        method: method(),
    }
}

/// The summary of pairs given as (action precise, prior activity).
pub(crate) fn summarize<'a>(
    pairs: impl Iterator<Item = (bool, Option<&'a PriorActivity>)>,
) -> ProximitySummary {
    let mut total = 0u64;
    let mut imprecise = 0u64;
    let mut days = Vec::new();
    for (action_precise, prior) in pairs {
        total += 1;
        if let Some(prior) = prior {
            days.push(prior.days_before);
            if !(action_precise && prior.precise) {
                imprecise += 1;
            }
        }
    }
    days.sort_unstable();
    let with_earlier = days.len() as u64;
    let within = WINDOWS
        .iter()
        .map(|&w| {
            let count = days.partition_point(|&d| d <= w) as u64;
            WithinShare {
                days: w,
                count,
                denominator: total,
                share: share(count, total),
            }
        })
        .collect();
    let as_f64: Vec<f64> = days.iter().map(|&d| f64::from(d)).collect();
    debug_assert!(with_earlier <= total);
    ProximitySummary {
        pairs: total,
        with_earlier,
        without_earlier: total - with_earlier,
        imprecise,
        days: Quantiles::of_sorted(&as_f64),
        within,
    }
}

fn method() -> Bilingual {
    Bilingual {
        en: testimonio_i18n::tr!(Lang::En, "analysis-method-proximity").to_owned(),
        es: testimonio_i18n::tr!(Lang::Es, "analysis-method-proximity").to_owned(),
    }
}
