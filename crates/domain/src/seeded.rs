//! Seeded, reproducible random numbers: SplitMix64 from the `rand_xoshiro`
//! crate, for demo data, synthetic benchmark corpora and permutation tests.
//!
//! The same seed must give the same demo data and the same published
//! p-value forever, so the users of this module keep tests that freeze the
//! first outputs. Not cryptographic: never use it for keys, tokens or
//! anything an attacker may want to guess.

pub use rand_xoshiro::SplitMix64;
/// The trait that gives [`SplitMix64`] its `next_u64`.
pub use rand_xoshiro::rand_core::RngCore;
use rand_xoshiro::rand_core::SeedableRng;

/// SplitMix64's increment: after `n` outputs the state has moved by
/// `n` times this (wrapping).
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 generator whose state is exactly `state` (its first
/// output mixes `state` plus one increment).
#[must_use]
pub fn splitmix64(state: u64) -> SplitMix64 {
    SplitMix64::from_seed(state.to_le_bytes())
}

/// The generator whose next output is output number `position` (from 0)
/// of the stream that [`splitmix64`]`(state)` starts: a counter-based
/// view, so that any part of a stream can be drawn on its own.
#[must_use]
pub fn splitmix64_at(state: u64, position: u64) -> SplitMix64 {
    splitmix64(state.wrapping_add(position.wrapping_mul(GAMMA)))
}

/// SplitMix64 with the bounded draws that generated data needs.
#[derive(Debug, Clone)]
pub struct SeededRng(SplitMix64);

impl SeededRng {
    /// The stream whose state starts at `state`.
    #[must_use]
    pub fn new(state: u64) -> Self {
        Self(splitmix64(state))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n`; `0` when `n` is `0`. Uses the widening-multiply
    /// reduction, whose bias (at most `n / 2^64`) does not matter here.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a collection of `len` items; `0` when `len` is `0`.
    pub fn index(&mut self, len: usize) -> usize {
        // usize fits in u64 on every supported target, and the result is
        // below `len`, so both conversions are lossless.
        self.below(len as u64) as usize
    }

    /// A number in `lo..=hi` (or `lo`, drawing nothing, if the range is
    /// empty or one number).
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            lo
        } else {
            lo + self.below(hi - lo + 1)
        }
    }

    /// True with probability `percent`/100.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// Uniform in [0, 1), from the top 53 bits of one output.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-300);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// One item of a non-empty slice.
    ///
    /// # Panics
    /// On an empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// One item of a non-empty slice of `(weight, item)` pairs, with
    /// probability proportional to its weight.
    ///
    /// # Panics
    /// On an empty slice.
    pub fn weighted<'a, T>(&mut self, items: &'a [(u64, T)]) -> &'a T {
        let total: u64 = items.iter().map(|(w, _)| w).sum();
        let mut roll = self.below(total);
        for (w, item) in items {
            if roll < *w {
                return item;
            }
            roll -= w;
        }
        &items[items.len() - 1].1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_outputs_for_seed_zero_are_the_reference_ones() {
        // Vigna's reference splitmix64.c seeded with 0.
        let mut rng = SeededRng::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn a_stream_at_a_position_continues_the_stream_from_its_start() {
        let mut whole = splitmix64(0xDEAD_BEEF);
        let outputs: Vec<u64> = (0..100).map(|_| whole.next_u64()).collect();
        for (position, expected) in outputs.iter().enumerate() {
            assert_eq!(
                splitmix64_at(0xDEAD_BEEF, position as u64).next_u64(),
                *expected
            );
        }
        // Positions wrap like the state does.
        assert_eq!(
            splitmix64_at(5, u64::MAX).next_u64(),
            splitmix64(5u64.wrapping_sub(GAMMA)).next_u64()
        );
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = SeededRng::new(3);
        for _ in 0..1000 {
            assert!((0.0..1.0).contains(&rng.unit()));
            assert!(rng.index(7) < 7);
        }
        assert_eq!(rng.index(0), 0);
        assert!(!rng.chance(0.0));
        assert!(rng.percent(100));
    }
}
