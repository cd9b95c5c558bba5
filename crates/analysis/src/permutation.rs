//! A permutation test: is enforcement closer to protected activity than
//! chance would put it?
//!
//! # The statistic
//!
//! For each (enforcement action, targeted person) pair, the days from the
//! person's most recent protected activity on or before the action, capped
//! at `cap_days` (default 365). A pair with **no earlier activity scores
//! the cap**: it is as far from any activity as the statistic can say. The
//! statistic is the **mean** of these capped days over every pair. Smaller
//! is closer.
//!
//! Why the capped mean rather than the median: the cap bounds what any one
//! pair can contribute (an action five years after any activity counts no
//! more than one a year after), which gives the robustness one would want
//! from a median, while the mean still uses every pair rather than the
//! middle one. Whole days have many ties, so a median's chance distribution
//! is lumpy and its p-values coarse. And the mean is a sum of whole
//! numbers: each permutation is one pass with no sorting, and comparisons
//! with the observed value are exact.
//!
//! # The chance model
//!
//! Each person's protected activities stay where they are; each of their
//! enforcement actions is moved to a day drawn uniformly and independently
//! from their documented period (see [`AnalysisInput::documented_period`]).
//! The p-value is `(1 + b) / (1 + N)`, where `b` counts the `N`
//! permutations whose statistic is as close as the observed one or closer
//! (less than or equal).
//!
//! # Random numbers
//!
//! One SplitMix64 stream, whose state starts from the mixed seed, is split
//! by position: in permutation `j`, a person's actions `2q` and `2q + 1`
//! take the low and the high 32 bits of output number `j * W + F + q`,
//! where `W` is the number of outputs per permutation and `F` the person's
//! first. Each draw depends only on the seed and on its own position, so
//! the result is the same on any number of threads. The generator is the
//! `rand_xoshiro` crate's SplitMix64 (through
//! [`testimonio_domain::seeded`]), and a test freezes its first outputs, so
//! the same seed gives the same p-value forever. A
//! day offset is taken from 32 bits by widening multiplication; some days
//! of a period of `L` days are then likelier than others by at most
//! `L / 2^32` (under one part in a million for ten years), far below the
//! test's own sampling error.

use std::num::NonZeroUsize;
use std::thread;

use serde::Serialize;
use testimonio_domain::seeded::{self, RngCore};
use testimonio_domain::{Bilingual, Lang};

use crate::error::AnalysisError;
use crate::input::AnalysisInput;
use crate::stats::{Quantiles, quantile_sorted};

/// The default number of permutations.
pub const DEFAULT_PERMUTATIONS: u32 = 10_000;
/// The default cap on days, and the score of a pair with no earlier activity.
pub const DEFAULT_CAP_DAYS: u32 = 365;

/// How to run the test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PermutationOptions {
    /// Number of permutations `N` (at least 1).
    pub permutations: u32,
    /// The seed: the same seed gives the same p-value.
    pub seed: u64,
    /// Days are capped here; a pair with no earlier activity scores this.
    pub cap_days: u32,
    /// Threads to use; `None`: as many as the machine offers. Does not
    /// change the result.
    pub threads: Option<NonZeroUsize>,
}

impl Default for PermutationOptions {
    /// 10 000 permutations, seed 0, a cap of 365 days, every core.
    fn default() -> Self {
        Self {
            permutations: DEFAULT_PERMUTATIONS,
            seed: 0,
            cap_days: DEFAULT_CAP_DAYS,
            threads: None,
        }
    }
}

/// The outcome of [`permutation_test`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PermutationResult {
    /// (action, targeted person) pairs in the statistic.
    pub pairs: u64,
    /// People with at least one pair.
    pub people: u64,
    /// Pairs with no protected activity of the person on or before the
    /// action; each scores `cap_days`.
    pub pairs_without_earlier: u64,
    /// The statistic on the documented dates: mean capped days.
    pub observed_mean_days: f64,
    /// The statistic's mean over the permutations.
    pub null_mean_days: f64,
    /// The statistic's distribution over the permutations.
    pub null_days: Quantiles,
    /// The statistic's 2.5th percentile over the permutations.
    pub null_percentile_2_5: f64,
    /// The statistic's 97.5th percentile over the permutations: by chance,
    /// 95% of the permutations fall between the two.
    pub null_percentile_97_5: f64,
    /// Permutations whose statistic was as close as observed, or closer.
    pub as_close_or_closer: u64,
    /// Number of permutations.
    pub permutations: u32,
    /// `(1 + as_close_or_closer) / (1 + permutations)`.
    pub p_value: f64,
    /// The seed used.
    pub seed: u64,
    /// The cap used.
    pub cap_days: u32,
    /// How this was computed, in English and Spanish.
    pub method: Bilingual,
}

/// A person whose enforcement days are moved.
#[derive(Debug, Clone, Copy)]
struct Shifted {
    /// First day of the documented period (day number).
    start: i32,
    /// Days in the period (at least 1).
    len: u32,
    /// Their protected days are `protected[lo..hi]`.
    lo: u32,
    hi: u32,
    /// Their number of pairs.
    draws: u32,
    /// Position of their first generator output within a permutation.
    first_output: u64,
}

/// The input reduced to day numbers.
#[derive(Debug, Clone)]
struct Prepared {
    shifted: Vec<Shifted>,
    /// Every shifted person's sorted protected days, one after another.
    protected: Vec<i32>,
    /// Beside each of `protected`, the day that activity went on until
    /// (see `input::EventFacts::until`).
    until: Vec<i32>,
    /// Draws per permutation (pairs of shifted people).
    draws: u64,
    /// Generator outputs per permutation: each gives two draws.
    outputs: u64,
    /// The fixed part of every statistic: pairs of people with no protected
    /// activity at all, who score the cap wherever their actions move.
    constant: u64,
    /// The statistic (a sum) on the documented dates.
    observed: u64,
    pairs: u64,
    people: u64,
    without_earlier: u64,
    cap: u32,
}

fn prepare(input: &AnalysisInput, cap: u32) -> Result<Prepared, AnalysisError> {
    let index = input.index();
    let mut prep = Prepared {
        shifted: Vec::new(),
        protected: Vec::new(),
        until: Vec::new(),
        draws: 0,
        outputs: 0,
        constant: 0,
        observed: 0,
        pairs: 0,
        people: 0,
        without_earlier: 0,
        cap,
    };
    for p in 0..input.people().len() {
        let actions = &index.enforcement[p];
        if actions.is_empty() {
            continue;
        }
        let draws = actions.len() as u64;
        prep.pairs += draws;
        prep.people += 1;
        let lo = prep.protected.len();
        prep.protected
            .extend(index.protected[p].iter().map(|d| d.day));
        prep.until
            .extend(index.protected[p].iter().map(|d| d.until));
        let own = &prep.protected[lo..];
        let own_until = &prep.until[lo..];
        debug_assert!(own.is_sorted());
        for a in actions {
            let gap = capped_gap(own, own_until, a.day, cap);
            prep.observed += u64::from(gap);
            if own.first().is_none_or(|&first| first > a.day) {
                prep.without_earlier += 1;
            }
        }
        if own.is_empty() {
            prep.constant += draws * u64::from(cap);
            continue;
        }
        let period = index.period[p];
        debug_assert!(period.is_some(), "a targeted person has an event");
        let Some((start, end)) = period else { continue };
        debug_assert!(start <= end);
        prep.shifted.push(Shifted {
            start,
            len: (end - start).unsigned_abs() + 1,
            lo: lo as u32,
            hi: prep.protected.len() as u32,
            draws: draws as u32,
            first_output: prep.outputs,
        });
        prep.draws += draws;
        prep.outputs += draws.div_ceil(2);
    }
    if prep.pairs == 0 {
        return Err(AnalysisError::NothingToTest);
    }
    Ok(prep)
}

/// Days from the latest of `protected` (sorted) on or before `day`, capped
/// at `cap`; `cap` when there is none.
#[inline(always)]
fn capped_gap(protected: &[i32], until: &[i32], day: i32, cap: u32) -> u32 {
    debug_assert_eq!(protected.len(), until.len());
    let before = if protected.len() <= 16 {
        protected.iter().map(|&t| usize::from(t <= day)).sum()
    } else {
        protected.partition_point(|&t| t <= day)
    };
    // The latest any activity begun by then went on until.
    match until[..before].iter().max() {
        None => cap,
        Some(&reach) => (day - reach.min(day)).unsigned_abs().min(cap),
    }
}

/// The key of a run's stream: the first output of SplitMix64 seeded with
/// the user's seed.
fn stream_key(seed: u64) -> u64 {
    seeded::splitmix64(seed).next_u64()
}

/// Output number `position` (from 0) of the SplitMix64 stream at `key`.
#[inline(always)]
fn draw(key: u64, position: u64) -> u64 {
    seeded::splitmix64_at(key, position).next_u64()
}

/// Fills `out[i]` with the statistic (a sum) of permutation `first + i`.
///
/// People are the outer loop: each person's capped days are tabulated
/// once for every day of their period (a few kilobytes, which stay in the
/// fastest cache), and then every permutation draws from that table. The
/// only allocation is the table, grown to the longest period.
fn run_permutations(prep: &Prepared, key: u64, first: u64, out: &mut [u64]) {
    out.fill(prep.constant);
    let mut table: Vec<u32> = Vec::new();
    for person in &prep.shifted {
        let range = person.lo as usize..person.hi as usize;
        let (protected, until) = (&prep.protected[range.clone()], &prep.until[range]);
        tabulate(
            protected,
            until,
            person.start,
            person.len,
            prep.cap,
            &mut table,
        );
        let len = person.len;
        let halves = u64::from(person.draws / 2);
        let odd = person.draws % 2 == 1;
        let mut base = first * prep.outputs + person.first_output;
        for sum in out.iter_mut() {
            let mut s = 0u64;
            // This person's outputs in this permutation are consecutive.
            let mut stream = seeded::splitmix64_at(key, base);
            for _ in 0..halves {
                let z = stream.next_u64();
                s += u64::from(table[offset(z as u32, len)]);
                s += u64::from(table[offset((z >> 32) as u32, len)]);
            }
            if odd {
                let z = draw(key, base + halves);
                s += u64::from(table[offset(z as u32, len)]);
            }
            *sum += s;
            base += prep.outputs;
        }
    }
}

/// A day offset in `0..len` from 32 random bits, by widening
/// multiplication.
#[inline(always)]
fn offset(bits: u32, len: u32) -> usize {
    ((u64::from(bits) * u64::from(len)) >> 32) as usize
}

/// Fills `table[d]` with the capped days on day `start + d` of a period of
/// `len` days, in one sweep.
fn tabulate(
    protected: &[i32],
    until: &[i32],
    start: i32,
    len: u32,
    cap: u32,
    table: &mut Vec<u32>,
) {
    table.clear();
    let mut next = protected.partition_point(|&t| t <= start);
    // The latest any activity begun so far went on until.
    let mut reach = until[..next].iter().max().copied();
    for d in 0..len {
        let day = start + d as i32;
        while next < protected.len() && protected[next] <= day {
            reach = Some(reach.map_or(until[next], |r| r.max(until[next])));
            next += 1;
        }
        table.push(reach.map_or(cap, |r| (day - r.min(day)).unsigned_abs().min(cap)));
    }
    debug_assert!(
        table
            .iter()
            .enumerate()
            .all(|(d, &v)| v == capped_gap(protected, until, start + d as i32, cap))
    );
}

/// Runs the permutation test described in the [module documentation](self).
///
/// # Errors
/// [`AnalysisError::NoPermutations`] for zero permutations;
/// [`AnalysisError::NothingToTest`] when no enforcement action names a
/// targeted person.
pub fn permutation_test(
    input: &AnalysisInput,
    options: &PermutationOptions,
) -> Result<PermutationResult, AnalysisError> {
    if options.permutations == 0 {
        return Err(AnalysisError::NoPermutations);
    }
    let prep = prepare(input, options.cap_days)?;
    let n = options.permutations as usize;
    let key = stream_key(options.seed);
    let threads = options
        .threads
        .or_else(|| thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
        .clamp(1, n);
    let mut stats = vec![0u64; n];
    if threads == 1 {
        run_permutations(&prep, key, 0, &mut stats);
    } else {
        let chunk = n.div_ceil(threads);
        thread::scope(|scope| {
            for (t, out) in stats.chunks_mut(chunk).enumerate() {
                let prep = &prep;
                scope.spawn(move || run_permutations(prep, key, (t * chunk) as u64, out));
            }
        });
    }
    let as_close = stats.iter().filter(|&&s| s <= prep.observed).count() as u64;
    let pairs = prep.pairs as f64;
    let mut means: Vec<f64> = stats.iter().map(|&s| s as f64 / pairs).collect();
    means.sort_unstable_by(f64::total_cmp);
    let null_days = Quantiles::of_sorted(&means);
    debug_assert!(null_days.is_some(), "at least one permutation");
    let null_mean = means.iter().sum::<f64>() / means.len() as f64;
    let p_value = (1 + as_close) as f64 / (1 + n as u64) as f64;
    debug_assert!(p_value > 0.0 && p_value <= 1.0);
    Ok(PermutationResult {
        pairs: prep.pairs,
        people: prep.people,
        pairs_without_earlier: prep.without_earlier,
        observed_mean_days: prep.observed as f64 / pairs,
        null_mean_days: null_mean,
        null_days: null_days.unwrap_or(Quantiles {
            n: 0,
            min: 0.0,
            q1: 0.0,
            median: 0.0,
            q3: 0.0,
            max: 0.0,
        }),
        null_percentile_2_5: quantile_sorted(&means, 0.025),
        null_percentile_97_5: quantile_sorted(&means, 0.975),
        as_close_or_closer: as_close,
        permutations: options.permutations,
        p_value,
        seed: options.seed,
        cap_days: options.cap_days,
        method: method(options),
    })
}

/// Largest amount of work [`exact_p_value`] takes on.
const EXACT_WORK_LIMIT: u128 = 2_000_000_000;

/// The exact probability, under the chance model, that the statistic is as
/// close as observed or closer: every combination of days (each action on
/// every day of its person's period) is counted once. Combinations are
/// counted by convolving each action's exact distribution of capped days,
/// which groups combinations by their running sum; for tiny cases the
/// tests check it against enumerating the combinations one by one. Used to
/// check the Monte Carlo test; [`permutation_test`]'s p-value approaches it
/// from above as permutations grow (its `1 +` terms). Only `cap_days` of
/// `options` is used.
///
/// # Errors
/// [`AnalysisError::NothingToTest`] when no enforcement action names a
/// targeted person; [`AnalysisError::TooLargeForExact`] when the count
/// would overflow 128 bits or take too long.
pub fn exact_p_value(
    input: &AnalysisInput,
    options: &PermutationOptions,
) -> Result<f64, AnalysisError> {
    let prep = prepare(input, options.cap_days)?;
    let cap = prep.cap as usize;
    let max_sum = (prep.draws as u128) * (cap as u128);
    let period_days: u128 = prep.shifted.iter().map(|p| u128::from(p.len)).sum();
    let work = max_sum
        .saturating_mul(prep.draws as u128)
        .saturating_mul(cap as u128 + 1);
    if work > EXACT_WORK_LIMIT || period_days > EXACT_WORK_LIMIT {
        return Err(AnalysisError::TooLargeForExact);
    }
    let mut dist: Vec<u128> = vec![1];
    let mut table = Vec::new();
    for person in &prep.shifted {
        let range = person.lo as usize..person.hi as usize;
        let (protected, until) = (&prep.protected[range.clone()], &prep.until[range]);
        tabulate(
            protected,
            until,
            person.start,
            person.len,
            prep.cap,
            &mut table,
        );
        let mut hist = vec![0u128; cap + 1];
        for &v in &table {
            hist[v as usize] += 1;
        }
        let support: Vec<(usize, u128)> = hist
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(v, c)| (v, *c))
            .collect();
        for _ in 0..person.draws {
            let mut next = vec![0u128; dist.len() + cap];
            for (s, &ways) in dist.iter().enumerate() {
                if ways == 0 {
                    continue;
                }
                for &(v, c) in &support {
                    let add = ways.checked_mul(c).ok_or(AnalysisError::TooLargeForExact)?;
                    next[s + v] = next[s + v]
                        .checked_add(add)
                        .ok_or(AnalysisError::TooLargeForExact)?;
                }
            }
            dist = next;
        }
    }
    debug_assert!(prep.observed >= prep.constant);
    let target = (prep.observed - prep.constant) as usize;
    let mut total = 0u128;
    let mut at_most = 0u128;
    for (s, &ways) in dist.iter().enumerate() {
        total = total
            .checked_add(ways)
            .ok_or(AnalysisError::TooLargeForExact)?;
        if s <= target {
            at_most += ways;
        }
    }
    debug_assert!(total > 0 && at_most <= total);
    Ok(at_most as f64 / total as f64)
}

fn method(options: &PermutationOptions) -> Bilingual {
    let text = |lang| {
        testimonio_i18n::tr!(
            lang,
            "analysis-method-permutation",
            count = options.permutations,
            // Written as in the code, without grouping: it is a parameter.
            permutations = options.permutations.to_string(),
            seed = options.seed.to_string(),
            cap = options.cap_days
        )
    };
    Bilingual {
        en: text(Lang::En),
        es: text(Lang::Es),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_splitmix64_forever() {
        // The first outputs of SplitMix64 seeded with 0 (Vigna's reference
        // implementation). Changing them would change every p-value ever
        // published with a given seed.
        assert_eq!(draw(0, 0), 0xE220_A839_7B1D_CDAF);
        assert_eq!(draw(0, 1), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(draw(0, 2), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn tabulated_days() {
        // Activities on days 10 and 13; period 8..=16; cap 4.
        let mut table = Vec::new();
        tabulate(&[10, 13], &[10, 13], 8, 9, 4, &mut table);
        // 8 9 → none (cap 4); 10 11 12 → 0 1 2; 13 14 15 16 → 0 1 2 3.
        assert_eq!(table, [4, 4, 0, 1, 2, 0, 1, 2, 3]);
        assert_eq!(capped_gap(&[10, 13], &[10, 13], 30, 4), 4);
        assert_eq!(capped_gap(&[], &[], 30, 4), 4);
    }

    #[test]
    fn tabulated_days_count_from_the_end_of_an_activity_that_lasted() {
        // An activity from day 10 to day 14, another on day 12 alone;
        // period 8..=20; cap 5.
        let mut table = Vec::new();
        tabulate(&[10, 12], &[14, 12], 8, 13, 5, &mut table);
        // 8 9 → none; 10..=14 → during it: 0; 15..=20 → 1 2 3 4 5 5.
        assert_eq!(table, [5, 5, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 5]);
        assert_eq!(capped_gap(&[10, 12], &[14, 12], 16, 5), 2);
        assert_eq!(capped_gap(&[10, 12], &[14, 12], 9, 5), 5);
    }
}
