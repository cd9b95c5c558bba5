//! Small descriptive statistics shared by the analyses.

use serde::Serialize;

/// The five-number summary of a list of values.
///
/// Quartiles interpolate linearly between the two nearest ranks (the
/// "type 7" rule, the default of R and of spreadsheet `QUARTILE.INC`): the
/// quantile `p` of `n` sorted values `x[0..n]` is `x[h] + (h - floor(h)) *
/// (x[floor(h) + 1] - x[floor(h)])` with `h = (n - 1) * p`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantiles {
    /// How many values.
    pub n: u64,
    /// The smallest.
    pub min: f64,
    /// The first quartile.
    pub q1: f64,
    /// The median.
    pub median: f64,
    /// The third quartile.
    pub q3: f64,
    /// The largest.
    pub max: f64,
}

impl Quantiles {
    /// The summary of `sorted` (ascending), or `None` when it is empty.
    pub fn of_sorted(sorted: &[f64]) -> Option<Self> {
        debug_assert!(sorted.is_sorted(), "values must be sorted");
        let (first, last) = (*sorted.first()?, *sorted.last()?);
        Some(Self {
            n: sorted.len() as u64,
            min: first,
            q1: quantile_sorted(sorted, 0.25),
            median: quantile_sorted(sorted, 0.5),
            q3: quantile_sorted(sorted, 0.75),
            max: last,
        })
    }
}

/// The quantile `p` (0 to 1) of a non-empty ascending list, by the rule of
/// [`Quantiles`].
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    debug_assert!(!sorted.is_empty() && (0.0..=1.0).contains(&p));
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// `part / whole`, or 0 when `whole` is 0.
pub(crate) fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_seven_quartiles() {
        // 1, 2, 3, 4: h(0.25) = 0.75 → 1 + 0.75 = 1.75; median 2.5;
        // h(0.75) = 2.25 → 3.25.
        let q = Quantiles::of_sorted(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!(
            (q.min, q.q1, q.median, q.q3, q.max),
            (1.0, 1.75, 2.5, 3.25, 4.0)
        );
        let one = Quantiles::of_sorted(&[7.0]).unwrap();
        assert_eq!((one.min, one.q1, one.median, one.q3), (7.0, 7.0, 7.0, 7.0));
        assert!(Quantiles::of_sorted(&[]).is_none());
    }
}
