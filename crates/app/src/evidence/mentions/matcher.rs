//! What counts as a mention: a person's legal name, an alias or their
//! A-number in a page's text, found without the search index (which stems
//! words: `Peña` must not find `peñas`).
//!
//! Text and names are folded alike by the import's one folding
//! ([`crate::import::values::key`]: case, accents, punctuation to spaces,
//! spaces collapsed), so `MARIA JOSE PENA-NUNEZ` across a line break is
//! `maria jose pena nunez`. Names match whole words only, as a phrase: the
//! full legal name and its orders with the surnames first (`PEÑA NÚÑEZ,
//! María José`), never a part of it; a legal name of one word is not
//! watched (a single common word would flag every page), an alias is
//! watched as given (it was given to be found) when it has at least
//! [`MIN_ALIAS_CHARS`] letters. A-numbers are read from the folded words as
//! runs of digit groups (`A-123-456-789`, `A123456789`, `123 456 789`,
//! `A 12 345 678`) and normalised by [`ANumber::parse`], the one reader of
//! A-numbers, so every spelling it accepts is one number here.

use std::collections::{BTreeSet, HashMap};

use aho_corasick::{AhoCorasick, MatchKind};
use testimonio_domain::ANumber;
use testimonio_vault::{MentionKind, WatchedPerson};
use zeroize::Zeroizing;

use crate::AppError;
use crate::import::values::key;

/// A one-word alias shorter than this is not watched.
pub const MIN_ALIAS_CHARS: usize = 3;

/// Every watched person's variants, ready to run over many pages.
pub(crate) struct Matcher {
    names: Option<AhoCorasick>,
    /// Per pattern: the person (an index into the scanned list) and kind.
    owners: Vec<(usize, MentionKind)>,
    /// A-numbers (the nine digits [`ANumber::parse`] writes after the
    /// `A`, as a number) to the people holding them.
    numbers: HashMap<u64, Vec<usize>>,
}

/// The folded name variants that are watched for `person`, with their kind.
fn variants(person: &WatchedPerson) -> Vec<(Zeroizing<String>, MentionKind)> {
    let mut out = Vec::new();
    if let Some(name) = &person.legal_name {
        let folded = Zeroizing::new(key(name.expose()));
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() >= 2 {
            // The name as written, then each order with later words first
            // (the surnames-first order of lists and forms).
            for start in 0..words.len() {
                let mut rotated: Vec<&str> = words[start..].to_vec();
                rotated.extend_from_slice(&words[..start]);
                out.push((Zeroizing::new(rotated.join(" ")), MentionKind::LegalName));
            }
        }
    }
    for alias in &person.aliases {
        let folded = Zeroizing::new(key(alias.expose()));
        let words = folded.split(' ').filter(|w| !w.is_empty()).count();
        if words >= 2 || (words == 1 && folded.chars().count() >= MIN_ALIAS_CHARS) {
            out.push((folded, MentionKind::Alias));
        }
    }
    out
}

/// The digits of an A-number as [`ANumber::parse`] normalises it.
fn number_of(a: &ANumber) -> Option<u64> {
    a.expose().get(1..).and_then(|d| d.parse().ok())
}

/// The A-numbers written in `folded` text (already folded by `key`): every
/// run of digit groups (the first may carry the `a` prefix) holding 8 or 9
/// digits, as [`ANumber::parse`] normalises it.
fn a_numbers(folded: &str) -> BTreeSet<u64> {
    let is_digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = folded.split(' ').collect();
    let mut found = BTreeSet::new();
    for (i, word) in words.iter().copied().enumerate() {
        let first = word
            .strip_prefix('a')
            .filter(|rest| is_digits(rest))
            .unwrap_or(word);
        if !is_digits(first) || first.len() > 9 {
            continue;
        }
        let mut digits = Zeroizing::new(String::from(first));
        let mut next = i + 1;
        loop {
            if (8..=9).contains(&digits.len())
                && let Some(number) = ANumber::parse("a_number", &digits)
                    .ok()
                    .as_ref()
                    .and_then(number_of)
            {
                found.insert(number);
            }
            match words.get(next) {
                Some(w) if digits.len() < 9 && is_digits(w) && digits.len() + w.len() <= 9 => {
                    digits.push_str(w);
                    next += 1;
                }
                _ => break,
            }
        }
    }
    found
}

impl Matcher {
    /// The matcher of `people`'s variants; `None` when none of them has
    /// anything watched.
    ///
    /// # Errors
    /// The automaton could not be built (past its size limits); the error
    /// names no pattern.
    pub(crate) fn new(people: &[WatchedPerson]) -> Result<Option<Matcher>, AppError> {
        let mut patterns: Vec<Zeroizing<String>> = Vec::new();
        let mut owners = Vec::new();
        let mut numbers: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, person) in people.iter().enumerate() {
            for (variant, kind) in variants(person) {
                // Spaces around: a variant matches whole words only.
                patterns.push(Zeroizing::new(format!(" {} ", variant.as_str())));
                owners.push((i, kind));
            }
            if let Some(number) = person.a_number.as_ref().and_then(number_of) {
                numbers.entry(number).or_default().push(i);
            }
        }
        if patterns.is_empty() && numbers.is_empty() {
            return Ok(None);
        }
        let names = if patterns.is_empty() {
            None
        } else {
            // Standard semantics: every pattern's matches can be found
            // overlapping, so one name inside another is found too.
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(patterns.iter().map(|p| p.as_bytes()))
                    .map_err(AppError::internal)?,
            )
        };
        Ok(Some(Matcher {
            names,
            owners,
            numbers,
        }))
    }

    /// Which people (by index) are mentioned in `text`, and how.
    pub(crate) fn find(&self, text: &str) -> BTreeSet<(usize, MentionKind)> {
        let folded = Zeroizing::new(format!(" {} ", key(text)));
        let mut found = BTreeSet::new();
        if let Some(names) = &self.names {
            for m in names.find_overlapping_iter(folded.as_str()) {
                found.insert(self.owners[m.pattern().as_usize()]);
            }
        }
        if !self.numbers.is_empty() {
            for number in a_numbers(folded.trim()) {
                for person in self.numbers.get(&number).into_iter().flatten() {
                    found.insert((*person, MentionKind::ANumber));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use testimonio_domain::{RecordId, Sensitive};

    fn person(id: &str, name: Option<&str>, aliases: &[&str], a: Option<&str>) -> WatchedPerson {
        WatchedPerson {
            id: RecordId::parse("id", id).unwrap(),
            legal_name: name.map(|n| Sensitive::parse("n", n, 500).unwrap()),
            aliases: aliases
                .iter()
                .map(|a| Sensitive::parse("a", a, 500).unwrap())
                .collect(),
            a_number: a.map(|a| ANumber::parse("a", a).unwrap()),
        }
    }

    #[test]
    fn names_fold_accents_case_and_line_breaks_at_word_boundaries() {
        let people = [
            person("p-1", Some("María José Peña Núñez"), &["La Flaca"], None),
            person("p-2", Some("Ana"), &["Lu"], None),
        ];
        let m = Matcher::new(&people).unwrap().unwrap();
        let hit = |text: &str| m.find(text).into_iter().collect::<Vec<_>>();
        assert_eq!(
            hit("Subject: MARIA JOSE\n  PENA-NUNEZ was seen"),
            [(0, MentionKind::LegalName)]
        );
        assert_eq!(
            hit("PEÑA NÚÑEZ, María José (DOB redacted)"),
            [(0, MentionKind::LegalName)]
        );
        assert_eq!(hit("known as la flaca."), [(0, MentionKind::Alias)]);
        // Parts of the name, other word forms, and one-word names: nothing.
        assert!(hit("Maria Jose Pena").is_empty());
        assert!(hit("maria jose pena nunezs").is_empty());
        assert!(hit("Ana and Lu met").is_empty());
    }

    #[test]
    fn a_numbers_in_every_spelling() {
        let people = [
            person("p-1", None, &[], Some("A-123-456-789")),
            person("p-2", None, &[], Some("12345678")),
        ];
        let m = Matcher::new(&people).unwrap().unwrap();
        for text in [
            "A-123-456-789",
            "file A123456789.",
            "alien no. 123 456 789 on page",
            "A# 123-456-789",
            "a 123456789",
        ] {
            assert_eq!(
                m.find(text).into_iter().collect::<Vec<_>>(),
                [(0, MentionKind::ANumber)],
                "{text}"
            );
        }
        assert_eq!(
            m.find("A12-345-678").into_iter().collect::<Vec<_>>(),
            [(1, MentionKind::ANumber)]
        );
        for text in ["1234567890", "A1234567891", "123 456 7890", "12-3456-7890"] {
            assert!(!m.find(text).contains(&(0, MentionKind::ANumber)), "{text}");
        }
    }

    #[test]
    fn nobody_watched_is_no_matcher() {
        assert!(
            Matcher::new(&[person("p-1", Some("Ana"), &["Lu"], None)])
                .unwrap()
                .is_none()
        );
    }
}
