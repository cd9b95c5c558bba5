//! Finding a person by pseudonym or a group by name, as a volunteer types
//! it on a phone: case and accents do not matter ("maria" finds "María"),
//! any part of the name does, an exact id does too. Pseudonyms and names
//! only: identity fields are never searched, so what a role may not see
//! cannot be guessed from what matches.

use testimonio_domain::Group;
use testimonio_vault::{PeopleFilter, PersonSummary, Vault};
use unicode_normalization::UnicodeNormalization;

use crate::{Actor, AppResult};

/// Matches shown at most: a short list to choose from, on a small screen.
pub const MAX_MATCHES: usize = 10;

/// People whose pseudonym contains `query` (or whose id is `query`),
/// exact and leading matches first, at most [`MAX_MATCHES`]. Not audited
/// (pseudonyms only). An empty query matches no one.
///
/// # Errors
/// Storage failures.
pub fn people(vault: &Vault, _actor: &Actor, query: &str) -> AppResult<Vec<PersonSummary>> {
    let key = fold(query);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: Vec<(u8, PersonSummary)> = vault
        .people(&PeopleFilter::default())?
        .into_iter()
        .filter_map(|p| rank(&key, p.id.as_str(), p.pseudonym.as_str()).map(|r| (r, p)))
        .collect();
    found.sort_by(|(a, p), (b, q)| {
        a.cmp(b)
            .then(p.pseudonym.as_str().cmp(q.pseudonym.as_str()))
    });
    Ok(found
        .into_iter()
        .take(MAX_MATCHES)
        .map(|(_, p)| p)
        .collect())
}

/// Groups whose name contains `query` (or whose id is `query`), as
/// [`people`] orders them.
///
/// # Errors
/// Storage failures.
pub fn groups(vault: &Vault, _actor: &Actor, query: &str) -> AppResult<Vec<Group>> {
    let key = fold(query);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: Vec<(u8, Group)> = vault
        .groups()?
        .into_iter()
        .filter_map(|g| rank(&key, g.id.as_str(), g.name.as_str()).map(|r| (r, g)))
        .collect();
    found.sort_by(|(a, g), (b, h)| a.cmp(b).then(g.name.as_str().cmp(h.name.as_str())));
    Ok(found
        .into_iter()
        .take(MAX_MATCHES)
        .map(|(_, g)| g)
        .collect())
}

/// 0 for the id or the whole name, 1 for a name that starts so, 2 for a
/// word that does, 3 for any part; `None` for no match.
fn rank(key: &str, id: &str, name: &str) -> Option<u8> {
    let name = fold(name);
    if id.eq_ignore_ascii_case(key.trim()) || name == key {
        Some(0)
    } else if name.starts_with(key) {
        Some(1)
    } else if name.split_whitespace().any(|w| w.starts_with(key)) {
        Some(2)
    } else if name.contains(key) {
        Some(3)
    } else {
        None
    }
}

/// Lowercase, without accents, spaces collapsed.
pub(crate) fn fold(text: &str) -> String {
    let bare: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{fold, rank};

    #[test]
    fn accents_case_and_parts_do_not_matter() {
        assert_eq!(fold("  María  José "), "maria jose");
        assert_eq!(rank("maria", "p-1", "María"), Some(0));
        assert_eq!(rank("mar", "p-1", "María Luisa"), Some(1));
        assert_eq!(rank("lu", "p-1", "María Luisa"), Some(2));
        assert_eq!(rank("uis", "p-1", "María Luisa"), Some(3));
        assert_eq!(rank("p-1", "p-1", "María"), Some(0));
        assert_eq!(rank("pedro", "p-1", "María"), None);
    }
}
