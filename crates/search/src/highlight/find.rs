//! The matches of a query in a text, as the index finds them: each word
//! of the page that a word, a phrase or a NEAR matched, and how many
//! occurrences there are.
//!
//! A page's word matches when its folded form is the query word's, or,
//! in a stemmed field the page is in ([`stemming_languages`]), when its
//! stem is; the page's own word form is marked. An occurrence is one
//! match of one leaf: a word, or a phrase or NEAR with all its words.
//! Occurrences that share a word (a word that is also part of a phrase
//! the query names, one phrase found as typed and by its stems, `a b a`
//! for `a NEAR b`) are one occurrence: one phrase found once counts
//! once.

use tantivy::tokenizer::Language;

use crate::query::TextQuery;
use crate::schema::{exact_analyzer, folded_analyzer, tokens};
use crate::stemming::{Languages, stemmed_analyzer, stemming_languages};

/// A word of the text under one analysis, with its byte range.
type Token = (String, usize, usize);

/// What a query matched in a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// Byte ranges of the matched words, in order, each once.
    pub ranges: Vec<(usize, usize)>,
    /// Occurrences, those sharing a word counted once.
    pub occurrences: usize,
}

/// One analysis of the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Folded,
    Exact,
    English,
    Spanish,
}

impl Form {
    fn words(self, text: &str) -> Vec<Token> {
        let mut analyzer = match self {
            Form::Folded => folded_analyzer(),
            Form::Exact => exact_analyzer(),
            Form::English => stemmed_analyzer(Language::English),
            Form::Spanish => stemmed_analyzer(Language::Spanish),
        };
        tokens(&mut analyzer, text)
    }
}

/// The text's words under each analysis, made when first needed.
struct Words<'a> {
    text: &'a str,
    languages: Languages,
    forms: [Option<Vec<Token>>; 4],
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            languages: stemming_languages(text),
            forms: Default::default(),
        }
    }

    fn of(&mut self, form: Form) -> &[Token] {
        let text = self.text;
        self.forms[form as usize].get_or_insert_with(|| form.words(text))
    }

    /// The forms a query word is looked up in: as written for `exact:`;
    /// otherwise folded, and stemmed in each language the text may be in.
    fn forms(&self, exact: bool) -> Vec<Form> {
        if exact {
            return vec![Form::Exact];
        }
        let mut forms = vec![Form::Folded];
        if self.languages.english {
            forms.push(Form::English);
        }
        if self.languages.spanish {
            forms.push(Form::Spanish);
        }
        forms
    }
}

fn needle(form: Form, text: &str) -> Vec<String> {
    form.words(text).into_iter().map(|t| t.0).collect()
}

/// Finds what the query's text leaves match in `text`.
pub fn find(text: &str, leaves: &[&TextQuery]) -> Matches {
    let mut words = Words::new(text);
    // Each occurrence as the byte ranges of its words.
    let mut found: Vec<Vec<(usize, usize)>> = Vec::new();
    for leaf in leaves {
        match leaf {
            TextQuery::Word {
                text: word,
                prefix,
                fuzzy,
                exact,
            } if *prefix || fuzzy.is_some() => {
                // Prefix and fuzzy matches are on one form: the folded one
                // (or as written, in exact mode).
                let form = if *exact { Form::Exact } else { Form::Folded };
                let needle = needle(form, word);
                let [n] = needle.as_slice() else { continue };
                for (t, from, to) in words.of(form) {
                    let hit = match fuzzy {
                        Some(d) => super::within_edits(t, n, usize::from(*d)),
                        None => t.starts_with(n.as_str()),
                    };
                    if hit {
                        found.push(vec![(*from, *to)]);
                    }
                }
            }
            TextQuery::Word {
                text: word, exact, ..
            } => {
                for form in words.forms(*exact) {
                    let needle = needle(form, word);
                    found.extend(phrase_occurrences(words.of(form), &needle, 0));
                }
            }
            TextQuery::Phrase {
                text: phrase,
                slop,
                exact,
            } => {
                for form in words.forms(*exact) {
                    let needle = needle(form, phrase);
                    found.extend(phrase_occurrences(words.of(form), &needle, *slop as usize));
                }
            }
            TextQuery::Near {
                left,
                right,
                distance,
            } => {
                for form in words.forms(false) {
                    let (l, r) = (needle(form, left), needle(form, right));
                    let forward: Vec<String> = l.iter().chain(&r).cloned().collect();
                    let backward: Vec<String> = r.iter().chain(&l).cloned().collect();
                    let stream = words.of(form);
                    found.extend(phrase_occurrences(stream, &forward, *distance as usize));
                    found.extend(phrase_occurrences(stream, &backward, *distance as usize));
                }
            }
        }
    }
    let occurrences = distinct(&found);
    let mut ranges: Vec<(usize, usize)> = found.into_iter().flatten().collect();
    ranges.sort_unstable();
    ranges.dedup();
    Matches {
        ranges,
        occurrences,
    }
}

/// Occurrences of `needle` in order, with at most `slop` extra words in
/// between in all; each occurrence as the ranges of its words.
fn phrase_occurrences(
    stream: &[Token],
    needle: &[String],
    slop: usize,
) -> Vec<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let Some(first) = needle.first() else {
        return out;
    };
    for start in 0..stream.len() {
        if &stream[start].0 != first {
            continue;
        }
        let mut positions = vec![start];
        let mut at = start;
        let mut spare = slop;
        for word in &needle[1..] {
            let found = stream
                .iter()
                .enumerate()
                .skip(at + 1)
                .take(spare + 1)
                .find(|(_, item)| &item.0 == word)
                .map(|(k, _)| k);
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
            out.push(
                positions
                    .iter()
                    .map(|&k| (stream[k].1, stream[k].2))
                    .collect(),
            );
        }
    }
    out
}

/// How many groups the occurrences make when those whose words overlap
/// are one.
fn distinct(occurrences: &[Vec<(usize, usize)>]) -> usize {
    let mut parent: Vec<usize> = (0..occurrences.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut spans: Vec<((usize, usize), usize)> = occurrences
        .iter()
        .enumerate()
        .flat_map(|(i, ranges)| ranges.iter().map(move |&r| (r, i)))
        .collect();
    spans.sort_unstable();
    // Sweep the ranges in order: one that starts before the previous ones
    // end overlaps them, and joins their group.
    let mut current: Option<(usize, usize)> = None;
    for ((from, to), i) in spans {
        match current {
            Some((end, owner)) if from < end => {
                let (a, b) = (root(&mut parent, owner), root(&mut parent, i));
                parent[b] = a;
                current = Some((end.max(to), owner));
            }
            _ => current = Some((to, i)),
        }
    }
    (0..occurrences.len())
        .filter(|&i| root(&mut parent, i) == i)
        .count()
}
