//! Demo data's random numbers: the shared seeded SplitMix64
//! ([`testimonio_domain::seeded`], from the `rand_xoshiro` crate).
//!
//! Demo data must be identical on every machine and every run; the tests
//! below freeze the generator's first output, so a change of algorithm in
//! the crate would fail them. Not cryptographic: demo data only.

pub(crate) use testimonio_domain::seeded::SeededRng as Rng;

/// An independent stream derived from the demo's seed and `salt`, so that
/// one part of the generation does not shift another's draws.
pub(crate) fn forked_rng(seed: u64, salt: u64) -> Rng {
    let mut rng = Rng::new(seed ^ salt.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    rng.next_u64();
    rng
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let a: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.next_u64()).collect()
        };
        let mut r = Rng::new(7);
        assert!(a.iter().all(|&x| x == r.next_u64()));
        // The published first SplitMix64 output for seed 0.
        assert_eq!(Rng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn bounded_draws_stay_in_range() {
        let mut r = Rng::new(1);
        for n in [1u64, 2, 3, 10, 1000] {
            for _ in 0..200 {
                assert!(r.below(n) < n);
            }
        }
        assert_eq!(r.below(0), 0);
        for _ in 0..200 {
            let x = r.between(5, 9);
            assert!((5..=9).contains(&x));
        }
        assert_eq!(r.between(9, 5), 9);
        let w = [(0u64, 'a'), (3, 'b'), (0, 'c')];
        for _ in 0..50 {
            assert_eq!(*r.weighted(&w), 'b');
        }
    }
}
