//! What a delimited file's first bytes tell: its delimiter and the rows
//! to guess the header from.

use super::lines::Records;
use crate::header::Numbered;

/// Lines of the sample compared to choose a delimiter and find the header.
pub(super) const SAMPLE_LINES: usize = 50;
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The first records of `text` split by `delimiter`, numbered by the line
/// each starts on, cells trimmed (records that cannot be read are left
/// out: the full read reports them).
pub(super) fn records(text: &str, delimiter: u8) -> Vec<Numbered> {
    Records::new(text.as_bytes(), delimiter)
        .take(SAMPLE_LINES)
        .filter_map(Result::ok)
        .collect()
}

/// The delimiter that splits most sample lines into the same number (more
/// than one) of cells; a comma when none does.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    DELIMITERS
        .into_iter()
        .map(|d| {
            let rows: Vec<usize> = records(text, d)
                .iter()
                .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
                .map(|(_, r)| r.len())
                .collect();
            // The most common width and how many lines have it.
            let mut best = (0usize, 0usize);
            for &width in &rows {
                let count = rows.iter().filter(|&&w| w == width).count();
                if width > 1 && (count, width) > (best.1, best.0) {
                    best = (width, count);
                }
            }
            (d, best.1, best.0)
        })
        .max_by_key(|&(d, count, width)| (count, width, d == b','))
        .filter(|&(_, count, _)| count > 0)
        .map_or(b',', |(d, ..)| d)
}
