//! Snippets with the actual matches marked: words, prefixes, fuzzy
//! matches, phrases and proximity, found in the page's text with the same
//! analysis as the index.

use serde::Serialize;

use crate::query::TextQuery;
use crate::schema::{exact_analyzer, folded_analyzer, tokens};

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

/// Finds the byte ranges in `text` that the query's text leaves match.
pub fn matches(text: &str, leaves: &[&TextQuery]) -> Vec<(usize, usize)> {
    let folded = tokens(&mut folded_analyzer(), text);
    let mut exact = None;
    let mut ranges = Vec::new();
    for leaf in leaves {
        match leaf {
            TextQuery::Word {
                text: word,
                prefix,
                fuzzy,
                exact: is_exact,
            } => {
                let (stream, needle) = if *is_exact {
                    let stream = exact.get_or_insert_with(|| tokens(&mut exact_analyzer(), text));
                    (&*stream, tokens(&mut exact_analyzer(), word))
                } else {
                    (&folded, tokens(&mut folded_analyzer(), word))
                };
                let needle: Vec<String> = needle.into_iter().map(|t| t.0).collect();
                if needle.len() == 1 {
                    let n = &needle[0];
                    for (t, from, to) in stream {
                        let hit = if *prefix {
                            t.starts_with(n.as_str())
                        } else if let Some(d) = fuzzy {
                            within_edits(t, n, usize::from(*d))
                        } else {
                            t == n
                        };
                        if hit {
                            ranges.push((*from, *to));
                        }
                    }
                } else {
                    ranges.extend(phrase_ranges(stream, &needle, 0));
                }
            }
            TextQuery::Phrase {
                text: words,
                slop,
                exact: is_exact,
            } => {
                let (stream, needle) = if *is_exact {
                    let stream = exact.get_or_insert_with(|| tokens(&mut exact_analyzer(), text));
                    (&*stream, tokens(&mut exact_analyzer(), words))
                } else {
                    (&folded, tokens(&mut folded_analyzer(), words))
                };
                let needle: Vec<String> = needle.into_iter().map(|t| t.0).collect();
                ranges.extend(phrase_ranges(stream, &needle, *slop as usize));
            }
            TextQuery::Near {
                left,
                right,
                distance,
            } => {
                let l: Vec<String> = tokens(&mut folded_analyzer(), left)
                    .into_iter()
                    .map(|t| t.0)
                    .collect();
                let r: Vec<String> = tokens(&mut folded_analyzer(), right)
                    .into_iter()
                    .map(|t| t.0)
                    .collect();
                let forward: Vec<String> = l.iter().chain(&r).cloned().collect();
                let backward: Vec<String> = r.iter().chain(&l).cloned().collect();
                ranges.extend(phrase_ranges(&folded, &forward, *distance as usize));
                ranges.extend(phrase_ranges(&folded, &backward, *distance as usize));
            }
        }
    }
    ranges.sort_unstable();
    ranges.dedup();
    ranges
}

/// Occurrences of `needle` in order, with at most `slop` extra tokens in
/// between in all; each occurrence marks its words.
fn phrase_ranges(
    stream: &[(String, usize, usize)],
    needle: &[String],
    slop: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    for start in 0..stream.len() {
        if stream[start].0 != needle[0] {
            continue;
        }
        let mut positions = vec![start];
        let mut at = start;
        let mut spare = slop;
        for word in &needle[1..] {
            let mut found = None;
            for (k, item) in stream.iter().enumerate().skip(at + 1).take(spare + 1) {
                if &item.0 == word {
                    found = Some(k);
                    break;
                }
            }
            match found {
                Some(k) => {
                    spare -= k - at - 1;
                    at = k;
                    positions.push(k);
                }
                None => break,
            }
        }
        if positions.len() == needle.len() {
            out.extend(positions.iter().map(|&k| (stream[k].1, stream[k].2)));
        }
    }
    out
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
mod tests {
    use super::*;
    use crate::query::{parse, positive_text};

    fn marked(text: &str, query: &str) -> String {
        let node = parse(query).unwrap();
        snippet(text, &positive_text(&node)).marked("[", "]")
    }

    #[test]
    fn words_phrases_fuzzy_and_accents_are_marked() {
        let text = "The agent called José Peña an instigator at the protest.";
        assert!(marked(text, "jose pena").contains("[José] [Peña]"));
        assert!(marked(text, "\"called jose\"").contains("[called] [José]"));
        assert!(marked(text, "instigater~1").contains("[instigator]"));
        assert!(marked(text, "inst*").contains("[instigator]"));
        assert!(marked(text, "agent NEAR/3 pena").contains("[agent]"));
        assert!(!marked(text, "exact:jose").contains('['));
        assert!(marked(text, "exact:José").contains("[José]"));
        assert!(!marked(text, "protest -agent").contains("[agent]"));
    }

    #[test]
    fn edits_are_counted_like_the_index() {
        assert!(within_edits("dermody", "derrnody", 2));
        assert!(!within_edits("dermody", "derrnody", 1));
        assert!(
            within_edits("icli", "ilci", 1),
            "a transposition is one edit"
        );
        assert!(!within_edits("abc", "xyz", 2));
    }

    #[test]
    fn a_snippet_stays_on_character_boundaries() {
        let text = "ñ".repeat(300) + " protesta " + &"á".repeat(300);
        let s = marked(&text, "protesta");
        assert!(s.contains("[protesta]"));
        assert!(s.starts_with('…') && s.ends_with('…'));
    }
}
