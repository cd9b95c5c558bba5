//! The figures of a report for one audience, computed once and shared by
//! `testimonio analyze` and by the HTML and PDF reports, so that what the
//! terminal says and what the documents say cannot differ.
//!
//! # What each audience gets
//!
//! The analysis runs on the input restricted to the people whose consent
//! (on the report's date) lets the audience count them
//! ([`AnalysisInput::for_audience`]). Then, for a coalition or the public:
//!
//! - every count of people goes through the analysis crate's
//!   [`SuppressedList`] (counts from 1 to *k* − 1 hidden, with
//!   complementary suppression), and so does every single count shown on
//!   its own;
//! - counts of (action, person) pairs go through it too, and are all
//!   hidden when a category of pairs rests on fewer than *k* people (one
//!   person with many actions);
//! - quartiles of days are given only over at least *k* pairs of at least
//!   *k* people; minima and maxima, which are single people's values, are
//!   never given;
//! - the largest office's share and the concentration index are given only
//!   when they follow from the counts shown (else they could reveal a
//!   suppressed one);
//! - the permutation test is withheld when fewer than *k* people were
//!   targeted;
//! - no record id appears; case vignettes cover only people whose consent
//!   allows their story to reach the audience, give months instead of days
//!   and no places, and quote an account only when everyone the event
//!   names allows it.
//!
//! Identity fields are not an input: a [`Subject`] has none.

use std::collections::{HashMap, HashSet};
use std::num::NonZeroUsize;

use chrono::NaiveDate;
use serde::Serialize;
use testimonio_analysis::{
    AnalysisError, AnalysisInput, Audience, CaseIndicators, Cell, Dimension, DisclosurePolicy,
    PermutationOptions, PermutationResult, PriorActivity, ProximityReport, ProximitySummary,
    Spread, SuppressedList, WINDOWS, case_indicators, people_list, permutation_test, proximity,
    spread,
};
use testimonio_domain::{
    Bilingual, ConsentHistory, Event, EventKind, Identity, Person, RecordId, ShortText,
};

use crate::testimonies::TestimonyInput;
use crate::vignettes::{Quotable, vignettes};
pub use crate::vignettes::{Vignette, VignetteStep};

/// A person as a report sees them. There is no identity field: a report
/// cannot print a legal name it was never given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The record id (printed only in internal reports).
    pub id: RecordId,
    /// The pseudonym: the only name a report prints.
    pub pseudonym: ShortText,
    /// The groups they belong to.
    pub groups: Vec<RecordId>,
    /// Their consent history.
    pub consent: ConsentHistory,
}

/// An exhibit cited beside an event in a case vignette: the hook for
/// linking passages of stored documents (excerpts) to the cases they
/// support. Nothing fills it yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exhibit {
    /// How it is cited, e.g. "Ex. 3: ICE-FOIA-000123, p. 4".
    pub citation: String,
}

/// How to compute the findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingsOptions {
    /// Who the figures are for.
    pub audience: Audience,
    /// Counts of fewer people than this are suppressed (coalition,
    /// public).
    pub min_count: u64,
    /// The day consent is read on (today).
    pub as_of: NaiveDate,
    /// Permutations of the chance test.
    pub permutations: u32,
    /// Seed of the chance test.
    pub seed: u64,
    /// At most this many case vignettes.
    pub vignettes: usize,
    /// Threads for the chance test (`None`: every core; no effect on the
    /// result).
    pub threads: Option<NonZeroUsize>,
}

/// The label of the interval categories, in order: 0–30 days, 31–90,
/// 91–180, 181–365, over 365, and no earlier protected activity.
pub const INTERVALS: [&str; 6] = ["0_30", "31_90", "91_180", "181_365", "over_365", "none"];

fn interval_bin(days: Option<u32>) -> usize {
    match days {
        None => 5,
        Some(d) if d <= 30 => 0,
        Some(d) if d <= 90 => 1,
        Some(d) if d <= 180 => 2,
        Some(d) if d <= 365 => 3,
        Some(_) => 4,
    }
}

/// Published counts by category with their total. Made only from an
/// analysis [`SuppressedList`], and can only hide more than it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountList {
    labels: Vec<String>,
    cells: Vec<Cell>,
    total: Cell,
}

impl CountList {
    fn from_list(list: &SuppressedList) -> Self {
        Self {
            labels: list.labels().to_vec(),
            cells: list.cells().to_vec(),
            total: list.total(),
        }
    }

    /// Hides every non-zero category (the total stays as it was).
    fn hide_categories(&mut self) {
        for c in &mut self.cells {
            if *c != Cell::Shown(0) {
                *c = Cell::Suppressed;
            }
        }
    }

    /// Category labels (codes: a state's USPS code, an office's ERO code,
    /// a year, an event type code, an interval, or `unknown`).
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The counts, in label order.
    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    /// The total.
    pub fn total(&self) -> Cell {
        self.total
    }

    /// Labels with their counts.
    pub fn entries(&self) -> impl Iterator<Item = (&str, Cell)> {
        self.labels
            .iter()
            .map(String::as_str)
            .zip(self.cells.iter().copied())
    }

    /// The count of one label (`Shown(0)` for a label not listed).
    pub fn get(&self, label: &str) -> Cell {
        self.entries()
            .find(|(l, _)| *l == label)
            .map_or(Cell::Shown(0), |(_, c)| c)
    }

    /// Whether anything is suppressed.
    pub fn any_suppressed(&self) -> bool {
        self.total.is_suppressed() || self.cells.iter().any(|c| c.is_suppressed())
    }
}

/// One count shown on its own, suppressed like a list of one.
fn single(n: u64, policy: DisclosurePolicy) -> Cell {
    SuppressedList::new(vec![("n".to_owned(), n)], policy).total()
}

/// The pairs within a window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PublishedShare {
    /// The window in days.
    pub days: u32,
    /// Pairs within it.
    pub count: Cell,
    /// All pairs.
    pub denominator: Cell,
    /// `count / denominator`, when both are shown.
    pub share: Option<f64>,
}

/// Quartiles of days (and, internally, the extremes).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PublishedQuantiles {
    /// Pairs with an earlier activity (the values summarized).
    pub n: u64,
    /// The first quartile.
    pub q1: f64,
    /// The median.
    pub median: f64,
    /// The third quartile.
    pub q3: f64,
    /// The smallest value (internal only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The largest value (internal only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// Temporal proximity as published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedProximity {
    /// (action, person) pairs considered.
    pub pairs: Cell,
    /// Pairs by days from the activity to the action ([`INTERVALS`]).
    pub intervals: CountList,
    /// Shares within 30, 90 and 180 days.
    pub within: Vec<PublishedShare>,
    /// The distribution of days, over pairs with an earlier activity.
    pub days: Option<PublishedQuantiles>,
    /// Pairs resting on an imprecise or approximate date.
    pub imprecise: Cell,
    /// How it was computed.
    pub method: Bilingual,
}

/// The chance test's result, as published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedTest {
    /// `(1 + as close or closer) / (1 + permutations)`.
    pub p_value: f64,
    /// Permutations run.
    pub permutations: u32,
    /// The seed.
    pub seed: u64,
    /// Days are capped here.
    pub cap_days: u32,
    /// Mean capped days on the documented dates.
    pub observed_mean_days: f64,
    /// Mean over the permutations.
    pub null_mean_days: f64,
    /// 2.5th percentile of the permutations' means.
    pub null_percentile_2_5: f64,
    /// 97.5th percentile of the permutations' means.
    pub null_percentile_97_5: f64,
    /// Pairs in the statistic.
    pub pairs: Cell,
    /// People in the statistic.
    pub people: Cell,
    /// Pairs with no earlier activity (internal only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs_without_earlier: Option<u64>,
    /// How it was computed.
    pub method: Bilingual,
}

/// Whether the chance test was run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ChanceTest {
    /// Run.
    Done(PublishedTest),
    /// No enforcement action names a targeted person.
    NothingToTest,
    /// Fewer people were targeted than the audience may see.
    Withheld,
}

/// The largest category's share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Largest {
    /// Its label (code).
    pub label: String,
    /// Its count.
    pub count: u64,
    /// Its share of the people with a known value.
    pub share: f64,
}

/// How concentrated the people are over one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concentration {
    /// Distinct known categories with at least one person.
    pub distinct: u64,
    /// The largest, when it follows from the counts shown.
    pub largest: Option<Largest>,
    /// Herfindahl–Hirschman index, when no count it rests on is hidden.
    pub hhi: Option<f64>,
}

impl Concentration {
    fn of(list: &CountList) -> Self {
        let known: Vec<(&str, Cell)> = list.entries().filter(|(l, _)| *l != UNKNOWN).collect();
        let distinct = known.len() as u64;
        let shown: Vec<(&str, u64)> = known
            .iter()
            .filter_map(|(l, c)| c.shown().map(|n| (*l, n)))
            .collect();
        let shown_sum: u64 = shown.iter().map(|(_, n)| n).sum();
        let all_shown = shown.len() == known.len();
        let known_total = if all_shown {
            Some(shown_sum)
        } else {
            match (list.total(), list.get(UNKNOWN)) {
                (Cell::Shown(t), Cell::Shown(u)) => Some(t.saturating_sub(u)),
                _ => None,
            }
        };
        let largest_shown = shown
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .copied();
        let largest = match (known_total, largest_shown) {
            (Some(total), Some((label, n))) if total > 0 => {
                let hidden = total.saturating_sub(shown_sum);
                (all_shown || n >= hidden).then(|| Largest {
                    label: label.to_owned(),
                    count: n,
                    share: n as f64 / total as f64,
                })
            }
            _ => None,
        };
        let hhi = match known_total {
            Some(total) if all_shown && total > 0 => Some(
                shown
                    .iter()
                    .map(|(_, n)| {
                        let s = *n as f64 / total as f64;
                        s * s
                    })
                    .sum(),
            ),
            _ => None,
        };
        Self {
            distinct,
            largest,
            hhi,
        }
    }
}

const UNKNOWN: &str = "unknown";

/// Who is in the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Population {
    /// People the audience may count.
    pub people: Cell,
    /// Of them, people targeted by at least one enforcement action.
    pub people_targeted: Cell,
    /// Enforcement actions that still name someone counted (or no one).
    pub enforcement_actions: Cell,
    /// Protected activities likewise.
    pub protected_activities: Cell,
}

/// Everything the analysis crate computed, for internal use only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detail {
    /// Every pair with its days.
    pub proximity: ProximityReport,
    /// Counts of actions by place, year and type.
    pub spread: Spread,
    /// The chance test in full.
    pub permutation: Option<PermutationResult>,
    /// Per-person indicators.
    pub indicators: Vec<CaseIndicators>,
}

/// The figures for one audience.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Findings {
    /// Who they are for.
    pub audience: Audience,
    /// The smallest count shown (coalition, public).
    pub min_count: u64,
    /// The day consent was read on.
    pub as_of: NaiveDate,
    /// Who is counted.
    pub population: Population,
    /// Days from a person's own protected activity to actions against them.
    pub proximity: PublishedProximity,
    /// The same from their groups' activity.
    pub group_proximity: PublishedProximity,
    /// The permutation test.
    pub chance: ChanceTest,
    /// People by their shortest interval from their own protected activity
    /// to a later enforcement action against them ([`INTERVALS`]; `none`:
    /// no action followed an activity of theirs).
    pub people_by_interval: CountList,
    /// People by the state of their first enforcement action.
    pub by_state: CountList,
    /// People by the field office of their first enforcement action.
    pub by_field_office: CountList,
    /// People by the year of their first enforcement action.
    pub by_year: CountList,
    /// People by the type of their first enforcement action.
    pub by_type: CountList,
    /// Concentration over field offices.
    pub offices: Concentration,
    /// Concentration over states.
    pub states: Concentration,
    /// Case vignettes (not serialized: the terminal gets statistics).
    #[serde(skip)]
    pub vignettes: Vec<Vignette>,
    /// Everything, unsuppressed, with record ids (internal only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Detail>,
}

/// A pair for publication: the person and the days, if any.
struct PairDays<'a> {
    person: &'a RecordId,
    days: Option<u32>,
}

fn publish_proximity(
    pairs: &[PairDays<'_>],
    summary: &ProximitySummary,
    policy: DisclosurePolicy,
    method: Bilingual,
) -> PublishedProximity {
    let suppresses = policy.audience() != Audience::Internal;
    let k = policy.min_count();
    let mut counts = [0u64; 6];
    let mut people: [HashSet<&RecordId>; 6] = Default::default();
    for p in pairs {
        let bin = interval_bin(p.days);
        counts[bin] += 1;
        people[bin].insert(p.person);
    }
    let list = SuppressedList::new(
        INTERVALS
            .iter()
            .zip(counts)
            .map(|(l, c)| ((*l).to_owned(), c))
            .collect(),
        policy,
    );
    let mut intervals = CountList::from_list(&list);
    let everyone: HashSet<&RecordId> = pairs.iter().map(|p| p.person).collect();
    let dated: HashSet<&RecordId> = pairs
        .iter()
        .filter(|p| p.days.is_some())
        .map(|p| p.person)
        .collect();
    if suppresses {
        // A category shown with enough pairs but too few people.
        let thin = (0..6).any(|i| {
            matches!(intervals.cells()[i], Cell::Shown(n) if n > 0) && (people[i].len() as u64) < k
        });
        if thin {
            intervals.hide_categories();
        }
        if (everyone.len() as u64) < k {
            intervals.hide_categories();
            intervals.total = Cell::Suppressed;
        }
    }
    let total = intervals.total();
    let within = WINDOWS
        .iter()
        .enumerate()
        .map(|(w, &days)| {
            let parts = &intervals.cells()[..=w];
            let count = if parts.iter().all(|c| !c.is_suppressed()) {
                Cell::Shown(parts.iter().filter_map(|c| c.shown()).sum())
            } else {
                Cell::Suppressed
            };
            let share = match (count, total) {
                (Cell::Shown(c), Cell::Shown(t)) if t > 0 => Some(c as f64 / t as f64),
                _ => None,
            };
            PublishedShare {
                days,
                count,
                denominator: total,
                share,
            }
        })
        .collect();
    let days = summary.days.and_then(|q| {
        let enough = !suppresses || (q.n >= k && dated.len() as u64 >= k);
        enough.then_some(PublishedQuantiles {
            n: q.n,
            q1: q.q1,
            median: q.median,
            q3: q.q3,
            min: (!suppresses).then_some(q.min),
            max: (!suppresses).then_some(q.max),
        })
    });
    PublishedProximity {
        pairs: total,
        intervals,
        within,
        days,
        imprecise: if total.is_suppressed() {
            Cell::Suppressed
        } else {
            single(summary.imprecise, policy)
        },
        method,
    }
}

impl Findings {
    /// Computes the findings of `subjects` and `events` for
    /// `options.audience`. `exhibits` lists, by event id, the exhibits a
    /// case vignette cites beside the event.
    ///
    /// # Errors
    /// The input is inconsistent (an event names someone not among
    /// `subjects`), or the minimum count is below 2 for a coalition or
    /// the public.
    pub fn compute(
        subjects: &[Subject],
        events: &[Event],
        exhibits: &HashMap<RecordId, Vec<Exhibit>>,
        options: &FindingsOptions,
    ) -> Result<Self, AnalysisError> {
        Self::compute_with_testimonies(subjects, events, exhibits, &[], options)
    }

    /// [`Findings::compute`], with testimonies whose accounts the case
    /// vignettes may quote, under the rule of [`crate::testimonies`].
    ///
    /// # Errors
    /// As [`Findings::compute`].
    pub fn compute_with_testimonies(
        subjects: &[Subject],
        events: &[Event],
        exhibits: &HashMap<RecordId, Vec<Exhibit>>,
        testimonies: &[TestimonyInput],
        options: &FindingsOptions,
    ) -> Result<Self, AnalysisError> {
        let audience = options.audience;
        let policy = DisclosurePolicy::with_min_count(audience, options.min_count)?;
        let internal = audience == Audience::Internal;
        let as_of = options.as_of;
        let people: Vec<Person> = subjects
            .iter()
            .map(|s| Person {
                id: s.id.clone(),
                pseudonym: s.pseudonym.clone(),
                identity: Identity::default(),
                groups: s.groups.clone(),
                consent: s.consent.clone(),
            })
            .collect();
        let input = AnalysisInput::from_records(&people, events)?.for_audience(audience, as_of);
        let prox = proximity(&input);
        let spread = spread(&input);
        let indicators = case_indicators(&input, &HashMap::new());

        let population = Population {
            people: single(input.people().len() as u64, policy),
            people_targeted: single(spread.people_targeted, policy),
            enforcement_actions: single(spread.enforcement_actions, policy),
            protected_activities: single(
                input
                    .events()
                    .iter()
                    .filter(|e| e.kind() == EventKind::ProtectedActivity)
                    .count() as u64,
                policy,
            ),
        };

        let own: Vec<PairDays<'_>> = prox
            .pairs
            .iter()
            .map(|p| PairDays {
                person: &p.person,
                days: p
                    .person_activity
                    .as_ref()
                    .map(|a: &PriorActivity| a.days_before),
            })
            .collect();
        let grouped: Vec<PairDays<'_>> = prox
            .pairs
            .iter()
            .filter(|p| p.has_group)
            .map(|p| PairDays {
                person: &p.person,
                days: p.group_activity.as_ref().map(|a| a.days_before),
            })
            .collect();
        let person_proximity = publish_proximity(&own, &prox.person, policy, prox.method.clone());
        let group_proximity = publish_proximity(&grouped, &prox.group, policy, prox.method.clone());

        let withheld = !internal && spread.people_targeted < options.min_count;
        let mut full_test = None;
        let chance = if withheld {
            ChanceTest::Withheld
        } else {
            let test = permutation_test(
                &input,
                &PermutationOptions {
                    permutations: options.permutations,
                    seed: options.seed,
                    threads: options.threads,
                    ..PermutationOptions::default()
                },
            );
            match test {
                Ok(r) => {
                    let published = PublishedTest {
                        p_value: r.p_value,
                        permutations: r.permutations,
                        seed: r.seed,
                        cap_days: r.cap_days,
                        observed_mean_days: r.observed_mean_days,
                        null_mean_days: r.null_mean_days,
                        null_percentile_2_5: r.null_percentile_2_5,
                        null_percentile_97_5: r.null_percentile_97_5,
                        pairs: single(r.pairs, policy),
                        people: single(r.people, policy),
                        pairs_without_earlier: internal.then_some(r.pairs_without_earlier),
                        method: r.method.clone(),
                    };
                    full_test = Some(r);
                    ChanceTest::Done(published)
                }
                Err(AnalysisError::NothingToTest) => ChanceTest::NothingToTest,
                Err(e) => return Err(e),
            }
        };

        let mut by_closest = [0u64; 6];
        for i in indicators.iter().filter(|i| i.enforcement_actions > 0) {
            by_closest[interval_bin(i.closest_days)] += 1;
        }
        let people_by_interval = CountList::from_list(&SuppressedList::new(
            INTERVALS
                .iter()
                .zip(by_closest)
                .map(|(l, c)| ((*l).to_owned(), c))
                .collect(),
            policy,
        ));
        let list = |d: Dimension| CountList::from_list(&people_list(&input, d, policy, as_of));
        let by_state = list(Dimension::State);
        let by_field_office = list(Dimension::FieldOffice);
        let by_year = list(Dimension::Year);
        let by_type = list(Dimension::EventType);

        let vignettes = vignettes(
            subjects,
            events,
            Quotable {
                exhibits,
                testimonies,
            },
            &prox,
            &indicators,
            &input,
            options,
        );

        Ok(Self {
            audience,
            min_count: options.min_count,
            as_of,
            population,
            proximity: person_proximity,
            group_proximity,
            chance,
            people_by_interval,
            offices: Concentration::of(&by_field_office),
            states: Concentration::of(&by_state),
            by_state,
            by_field_office,
            by_year,
            by_type,
            vignettes,
            detail: internal.then_some(Detail {
                proximity: prox,
                spread,
                permutation: full_test,
                indicators,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vignettes::coarsen;
    use testimonio_analysis::SuppressedList;
    use testimonio_domain::PartialDate;

    fn list(entries: &[(&str, u64)], audience: Audience) -> CountList {
        CountList::from_list(&SuppressedList::new(
            entries.iter().map(|(l, c)| ((*l).to_owned(), *c)).collect(),
            DisclosurePolicy::new(audience),
        ))
    }

    #[test]
    fn concentration_only_from_what_is_shown() {
        // Internal: everything.
        let c = Concentration::of(&list(
            &[("SNA", 6), ("HOU", 2), ("CHI", 2)],
            Audience::Internal,
        ));
        assert_eq!(c.distinct, 3);
        assert_eq!(c.largest.as_ref().unwrap().label, "SNA");
        assert!((c.hhi.unwrap() - (0.36 + 0.04 + 0.04)).abs() < 1e-12);
        // Public: 2 and 2 are hidden; SNA (6) is at least their sum (4),
        // so it is the largest; the index could reveal them, so no index.
        let c = Concentration::of(&list(
            &[("SNA", 6), ("HOU", 2), ("CHI", 2)],
            Audience::Public,
        ));
        assert_eq!(c.largest.as_ref().unwrap().share, 0.6);
        assert_eq!(c.hhi, None);
        // Hidden cells that could be larger than the largest shown.
        let c = Concentration::of(&list(
            &[("SNA", 5), ("HOU", 4), ("CHI", 3), ("DAL", 9)],
            Audience::Public,
        ));
        // 4 and 3 hidden (7), DAL 9 shown and larger: published.
        assert_eq!(c.largest.as_ref().unwrap().label, "DAL");
        let c = Concentration::of(&list(
            &[("SNA", 5), ("HOU", 4), ("CHI", 4)],
            Audience::Public,
        ));
        // 4, 4 hidden (and 5, to protect them in the total? no: two hidden
        // already) — 5 < 8 hidden: the largest could be hidden.
        assert!(c.largest.is_none());
    }

    #[test]
    fn dates_are_coarsened_to_the_month() {
        let d = PartialDate::parse("d", "2023-05-17").unwrap();
        assert_eq!(coarsen(d).to_string(), "2023-05");
        let d = PartialDate::parse("d", "~2023-05-17").unwrap();
        assert_eq!(coarsen(d).to_string(), "~2023-05");
        let d = PartialDate::parse("d", "2023").unwrap();
        assert_eq!(coarsen(d).to_string(), "2023");
    }
}
