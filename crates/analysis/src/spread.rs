//! Spread: is enforcement against activists local or broad and national?
//!
//! Counts of enforcement actions and of targeted people by field office,
//! state, year and type, with the number of distinct places, the share of
//! the largest, and the Herfindahl–Hirschman index. [`Tally`] is generic
//! over its key, so the same summary serves any other categorical count
//! (for example officers named in excerpts).
//!
//! These are raw counts for internal use. Anything for a coalition or the
//! public goes through [`crate::disclosure`].

use std::collections::BTreeMap;

use serde::Serialize;
use testimonio_domain::{EventKind, FieldOffice, UsState};

use crate::input::{AnalysisInput, EventFacts};
use crate::stats::share;

/// One key's count and share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyEntry<K> {
    /// The category.
    pub key: K,
    /// How many.
    pub count: u64,
    /// `count / total`.
    pub share: f64,
}

/// Counts by category, with how concentrated they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally<K> {
    /// Sum of all counts.
    pub total: u64,
    /// Categories with a count above zero.
    pub distinct: usize,
    /// Every category with a count above zero, largest first (ties by key).
    pub entries: Vec<TallyEntry<K>>,
    /// The largest category (the first of `entries`), if any.
    pub largest: Option<TallyEntry<K>>,
    /// Herfindahl–Hirschman index: the sum of the squared shares, from
    /// `1 / distinct` (evenly spread) to 1 (all in one category). `None`
    /// when the total is zero.
    pub hhi: Option<f64>,
}

impl<K: Ord + Clone> Tally<K> {
    /// Counts each key once per occurrence.
    pub fn from_keys(keys: impl IntoIterator<Item = K>) -> Self {
        let mut counts: BTreeMap<K, u64> = BTreeMap::new();
        for k in keys {
            *counts.entry(k).or_default() += 1;
        }
        Self::from_counts(counts)
    }

    /// Summarizes counts given per key (a key given twice adds up; zero
    /// counts are dropped).
    pub fn from_counts(counts: impl IntoIterator<Item = (K, u64)>) -> Self {
        let mut merged: BTreeMap<K, u64> = BTreeMap::new();
        for (k, c) in counts {
            *merged.entry(k).or_default() += c;
        }
        let total: u64 = merged.values().sum();
        let mut entries: Vec<TallyEntry<K>> = merged
            .into_iter()
            .filter(|(_, c)| *c > 0)
            .map(|(key, count)| TallyEntry {
                key,
                count,
                share: share(count, total),
            })
            .collect();
        // Stable: equal counts keep key order.
        entries.sort_by_key(|e| std::cmp::Reverse(e.count));
        let hhi = (total > 0).then(|| entries.iter().map(|e| e.share * e.share).sum::<f64>());
        debug_assert!(hhi.is_none_or(|h| (0.0..=1.0 + 1e-12).contains(&h)));
        Self {
            total,
            distinct: entries.len(),
            largest: entries.first().cloned(),
            entries,
            hhi,
        }
    }
}

/// Actions and people along one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown<K> {
    /// Enforcement actions by key, each action once.
    pub actions: Tally<K>,
    /// Targeted people by key: each (person, key) pair once, so a person
    /// targeted in two places counts in both and shares are of those pairs.
    pub people: Tally<K>,
    /// Enforcement actions with no value for this key (left out above).
    pub actions_unknown: u64,
}

/// The spread of enforcement over places, time and types.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    /// Enforcement actions, whether or not they name a target.
    pub enforcement_actions: u64,
    /// Distinct people targeted by at least one action.
    pub people_targeted: u64,
    /// By ICE field office.
    pub by_field_office: Breakdown<FieldOffice>,
    /// By state.
    pub by_state: Breakdown<UsState>,
    /// By calendar year of the action's date.
    pub by_year: Breakdown<i32>,
    /// By event type code.
    pub by_type: Breakdown<&'static str>,
}

/// Computes the spread of every enforcement action in `input`.
pub fn spread(input: &AnalysisInput) -> Spread {
    let actions: Vec<&EventFacts> = input
        .events()
        .iter()
        .filter(|e| e.kind() == EventKind::EnforcementAction)
        .collect();
    // (person, event) for every action aimed at a person.
    let targeted: Vec<(usize, &EventFacts)> = input
        .index()
        .enforcement
        .iter()
        .enumerate()
        .flat_map(|(p, list)| list.iter().map(move |d| (p, d.event)))
        .map(|(p, e)| (p, &input.events()[e as usize]))
        .collect();
    let people_targeted = input
        .index()
        .enforcement
        .iter()
        .filter(|l| !l.is_empty())
        .count() as u64;
    Spread {
        enforcement_actions: actions.len() as u64,
        people_targeted,
        by_field_office: breakdown(&actions, &targeted, |e| e.field_office),
        by_state: breakdown(&actions, &targeted, |e| e.state),
        by_year: breakdown(&actions, &targeted, |e| Some(e.date.year())),
        by_type: breakdown(&actions, &targeted, |e| Some(e.event_type.code())),
    }
}

fn breakdown<K: Ord + Clone>(
    actions: &[&EventFacts],
    targeted: &[(usize, &EventFacts)],
    key: impl Fn(&EventFacts) -> Option<K>,
) -> Breakdown<K> {
    let mut unknown = 0;
    let mut keys = Vec::with_capacity(actions.len());
    for e in actions {
        match key(e) {
            None => unknown += 1,
            Some(k) => keys.push(k),
        }
    }
    let mut people: Vec<(usize, K)> = targeted
        .iter()
        .filter_map(|(p, e)| key(e).map(|k| (*p, k)))
        .collect();
    people.sort_unstable();
    people.dedup();
    Breakdown {
        actions: Tally::from_keys(keys),
        people: Tally::from_keys(people.into_iter().map(|(_, k)| k)),
        actions_unknown: unknown,
    }
}
