//! The normalised identity variants a person's match tokens are made
//! from. Names are folded by the import's one folding
//! ([`crate::import::values::key`]: case, accents, punctuation), A-numbers
//! read by the one reader ([`ANumber::parse`], already done when the
//! identity was stored), so every spelling those accept is one variant.
//!
//! A name of two words or more, with the birth year, gives: the name as
//! written (a `Surnames, Given names` spelling turned around first); with
//! three words or more, read as given names and two surnames (the Spanish
//! order: paternal, maternal), the surnames in the other order and the
//! given names with the first surname alone. So "María José Peña Núñez"
//! and "Maria Jose Pena" (same birth year) share `maria jose pena`. No
//! birth year, no name variant: a name alone meets too many strangers.
//! Variants are secrets: wiped on drop, never logged.

use testimonio_coalition::TokenKind;
use testimonio_domain::{ANumber, Sensitive};
use zeroize::Zeroizing;

use crate::import::values::key;

/// One variant: what it was made from and its normalised text.
pub type Variant = (TokenKind, Zeroizing<String>);

/// Every variant of one person's identity, each once.
pub fn variants(
    legal_name: Option<&Sensitive>,
    birth_year: Option<u16>,
    a_number: Option<&ANumber>,
) -> Vec<Variant> {
    let mut out: Vec<Variant> = Vec::new();
    if let Some(a) = a_number {
        // `A` and nine digits: the digits are the number.
        let digits = a.expose().trim_start_matches('A');
        out.push((TokenKind::ANumber, Zeroizing::new(digits.to_owned())));
    }
    if let (Some(name), Some(year)) = (legal_name, birth_year) {
        for (kind, words) in name_forms(name.expose()) {
            out.push((kind, Zeroizing::new(format!("{} {year}", words.join(" ")))));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|(_, v)| seen.insert(v.as_str().to_owned()));
    // The set held copies: wipe them too.
    for mut s in seen {
        zeroize::Zeroize::zeroize(&mut s);
    }
    out
}

/// The folded word orders of a legal name.
fn name_forms(raw: &str) -> Vec<(TokenKind, Vec<String>)> {
    // "Peña Núñez, María José": the part after the comma is the given names.
    let ordered = match raw.split_once(',') {
        Some((surnames, given)) => Zeroizing::new(format!("{given} {surnames}")),
        None => Zeroizing::new(raw.to_owned()),
    };
    let folded = Zeroizing::new(key(&ordered));
    let words: Vec<String> = folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let n = words.len();
    let mut out = Vec::new();
    if n < 2 {
        return out;
    }
    out.push((TokenKind::Name, words.clone()));
    if n >= 3 {
        let given = &words[..n - 2];
        let (first, second) = (&words[n - 2], &words[n - 1]);
        let mut swapped = given.to_vec();
        swapped.push(second.clone());
        swapped.push(first.clone());
        out.push((TokenKind::Name, swapped));
        let mut part = given.to_vec();
        part.push(first.clone());
        out.push((TokenKind::NamePart, part));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str, year: Option<u16>, a: Option<&str>) -> Vec<String> {
        let name = Sensitive::parse("n", name, 200).unwrap();
        let a = a.map(|a| ANumber::parse("a", a).unwrap());
        variants(Some(&name), year, a.as_ref())
            .into_iter()
            .map(|(_, v)| v.to_string())
            .collect()
    }

    #[test]
    fn spellings_of_one_person_share_a_variant() {
        let full = texts("María José Peña Núñez", Some(1985), None);
        let short = texts("Maria Jose Pena", Some(1985), None);
        assert!(
            full.contains(&"maria jose pena 1985".to_owned()),
            "{full:?}"
        );
        assert!(
            short.contains(&"maria jose pena 1985".to_owned()),
            "{short:?}"
        );
        let reversed = texts("PEÑA NÚÑEZ, María José", Some(1985), None);
        assert_eq!(reversed, full);
        let swapped = texts("María José Núñez Peña", Some(1985), None);
        assert!(swapped.contains(&"maria jose pena nunez 1985".to_owned()));
    }

    #[test]
    fn a_numbers_in_any_spelling_are_one_variant() {
        let a = texts("X Y", None, Some("A-012-345-678"));
        let b = texts("X Y", None, Some("12345678"));
        assert_eq!(a, vec!["012345678".to_owned()]);
        assert_eq!(a, b);
    }

    #[test]
    fn no_birth_year_or_one_word_no_name_variant() {
        assert!(texts("María José Peña", None, None).is_empty());
        assert!(texts("Maria", Some(1980), None).is_empty());
    }
}
