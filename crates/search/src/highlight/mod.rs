//! Snippets with the actual matches marked: words (in any of their forms),
//! prefixes, fuzzy matches, phrases and proximity, found in the page's
//! text with the same analysis as the index ([`find`]).

use serde::Serialize;

use crate::query::TextQuery;

mod find;

pub use find::{Matches, find};

/// Characters of context around the matches.
const CONTEXT: usize = 110;

/// A piece of a snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    pub text: String,
    pub highlighted: bool,
}

/// A passage of a page with the matches marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Snippet {
    pub fragments: Vec<Fragment>,
    /// Byte range of the first match in the page text, for linking to it.
    pub first_match: Option<(usize, usize)>,
}

impl Snippet {
    /// The snippet as text with each match between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        self.fragments
            .iter()
            .map(|f| {
                if f.highlighted {
                    format!("{open}{}{close}", f.text)
                } else {
                    f.text.clone()
                }
            })
            .collect()
    }
}

/// Whether `a` and `b` are within `max` edits (insertions, deletions,
/// substitutions and adjacent transpositions, as the index counts them).
fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current = vec![0; width];
    for i in 0..a.len() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for j in 0..b.len() {
            let mut value = (previous[j] + usize::from(a[i] != b[j]))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                value = value.min(before[j - 1] + 1);
            }
            current[j + 1] = value;
            row_min = row_min.min(value);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] <= max
}

/// The byte ranges in `text` of the words the query's text leaves match
/// (see [`find`], which also counts occurrences).
pub fn matches(text: &str, leaves: &[&TextQuery]) -> Vec<(usize, usize)> {
    find(text, leaves).ranges
}

/// Which of a page's `words` (in reading order: OCR word boxes, a text
/// layer's word boxes) the query's text leaves match. The words are read
/// as one text, joined by spaces, with the same analysis as [`find`]: a
/// phrase across a line break is found as it is in the page text, and a
/// word box that holds a matched word is marked.
pub fn matched_words<S: AsRef<str>>(words: &[S], leaves: &[&TextQuery]) -> Vec<bool> {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(words.len());
    for word in words {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(word.as_ref());
        spans.push((start, text.len()));
    }
    let ranges = matches(&text, leaves);
    debug_assert!(
        ranges.windows(2).all(|w| w[0].0 <= w[1].0),
        "ranges in order"
    );
    let mut next = 0;
    spans
        .iter()
        .map(|&(start, end)| {
            while next < ranges.len() && ranges[next].1 <= start {
                next += 1;
            }
            ranges.get(next).is_some_and(|&(s, e)| s < end && start < e)
        })
        .collect()
}

/// A snippet of `text` around the densest cluster of matches.
pub fn snippet(text: &str, leaves: &[&TextQuery]) -> Snippet {
    let ranges = matches(text, leaves);
    let Some(&first) = ranges.first() else {
        let end = floor_boundary(text, (2 * CONTEXT).min(text.len()));
        return Snippet {
            fragments: vec![Fragment {
                text: squeeze(&text[..end]),
                highlighted: false,
            }],
            first_match: None,
        };
    };
    // The window (2 × CONTEXT bytes) holding the most matches.
    let mut best = (0usize, 0usize);
    for (i, r) in ranges.iter().enumerate() {
        let count = ranges[i..]
            .iter()
            .take_while(|s| s.1 <= r.0 + 2 * CONTEXT)
            .count();
        if count > best.1 {
            best = (i, count);
        }
    }
    let window = &ranges[best.0..best.0 + best.1];
    let start = floor_boundary(text, window[0].0.saturating_sub(CONTEXT / 2));
    let start = text[..start]
        .rfind(char::is_whitespace)
        .map_or(start, |i| i + 1)
        .max(start.saturating_sub(20));
    let start = floor_boundary(text, start);
    let end = ceil_boundary(text, (window[window.len() - 1].1 + CONTEXT).min(text.len()));
    let mut fragments = Vec::new();
    let mut at = start;
    if start > 0 {
        fragments.push(Fragment {
            text: "…".into(),
            highlighted: false,
        });
    }
    for &(from, to) in window {
        if from < at {
            continue;
        }
        if from > at {
            fragments.push(Fragment {
                text: squeeze(&text[at..from]),
                highlighted: false,
            });
        }
        fragments.push(Fragment {
            text: squeeze(&text[from..to]),
            highlighted: true,
        });
        at = to;
    }
    if end > at {
        fragments.push(Fragment {
            text: squeeze(&text[at..end]),
            highlighted: false,
        });
    }
    if end < text.len() {
        fragments.push(Fragment {
            text: "…".into(),
            highlighted: false,
        });
    }
    Snippet {
        fragments,
        first_match: Some(first),
    }
}

fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests;
