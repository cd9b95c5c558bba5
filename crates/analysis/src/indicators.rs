//! Per-case indicators: the facts about one person that a lawyer or an
//! advocate looks at first.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use testimonio_domain::RecordId;

use crate::input::{Activities, AnalysisInput, day_number, from_day_number};

/// The indicators of one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseIndicators {
    /// The person.
    pub person: RecordId,
    /// Enforcement actions aimed at them.
    pub enforcement_actions: u64,
    /// Protected activities they took part in.
    pub protected_activities: u64,
    /// The fewest days from one of their own protected activities to a
    /// later (or same-day) action against them; `None` if no action
    /// followed an activity of theirs.
    pub closest_days: Option<u32>,
    /// The same, counting their groups' activities.
    pub closest_group_days: Option<u32>,
    /// Excerpts coded as showing animus that concern them (as given).
    pub animus_excerpts: u32,
    /// Whether they held a leadership role.
    pub leadership: bool,
    /// Since when the authorities knew their immigration status, if known.
    pub known_status_since: Option<NaiveDate>,
    /// The first enforcement action on or after `known_status_since`.
    pub first_enforcement_after_known_status: Option<NaiveDate>,
    /// Days from `known_status_since` to that first action: how long the
    /// authorities left them alone while knowing their status. `None`
    /// without a known-status day or without a later action.
    pub days_without_enforcement_despite_known_status: Option<u32>,
}

/// The indicators of every person in `input`, in input order.
/// `animus_excerpts` gives the number of excerpts coded as animus per
/// person; people it does not list have none.
pub fn case_indicators(
    input: &AnalysisInput,
    animus_excerpts: &HashMap<RecordId, u32>,
) -> Vec<CaseIndicators> {
    let index = input.index();
    input
        .people()
        .iter()
        .enumerate()
        .map(|(p, person)| {
            let actions = &index.enforcement[p];
            let own = &index.protected[p];
            let groups: Vec<&Activities> = index.person_groups[p]
                .iter()
                .map(|&g| &index.group_protected[g as usize])
                .collect();
            let closest = |lists: &[&Activities]| {
                actions
                    .iter()
                    .filter_map(|a| {
                        lists
                            .iter()
                            .filter_map(|l| l.nearest(a.day))
                            .map(|(_, days)| days)
                            .min()
                    })
                    .min()
            };
            let first_after = person.known_status_since.and_then(|since| {
                let since = day_number(since);
                let i = actions.partition_point(|a| a.day < since);
                actions
                    .get(i)
                    .map(|a| (a.day, (a.day - since).unsigned_abs()))
            });
            CaseIndicators {
                person: person.id.clone(),
                enforcement_actions: actions.len() as u64,
                protected_activities: own.len() as u64,
                closest_days: closest(&[own]),
                closest_group_days: closest(&groups),
                animus_excerpts: animus_excerpts.get(&person.id).copied().unwrap_or(0),
                leadership: person.leadership,
                known_status_since: person.known_status_since,
                first_enforcement_after_known_status: first_after
                    .map(|(day, _)| from_day_number(day)),
                days_without_enforcement_despite_known_status: first_after.map(|(_, d)| d),
            }
        })
        .collect()
}
