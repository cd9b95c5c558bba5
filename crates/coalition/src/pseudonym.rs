//! Pseudonymous ids keyed per member, and birth years in bands.
//!
//! A member's records travel under ids derived from the record's own id
//! with a secret only that member's vault holds (BLAKE3 keyed hash, one
//! domain per kind of record): the same record has the same id in every
//! bundle of that member, so the hub recognises an update, but two
//! members' ids for one person share nothing, and the hub cannot go back
//! to the member's record id.

use std::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop};

/// The member's secret for pseudonymous ids: 32 bytes, wiped on drop,
/// redacted in `Debug`, never serialized.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct PseudonymKey([u8; 32]);

impl fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PseudonymKey(<redacted>)")
    }
}

/// What kind of record an id is for (its prefix and its hash domain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordClass {
    Person,
    Group,
    Event,
}

impl RecordClass {
    fn prefix(self) -> &'static str {
        match self {
            RecordClass::Person => "p",
            RecordClass::Group => "g",
            RecordClass::Event => "e",
        }
    }
}

impl PseudonymKey {
    /// A fresh random key.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
        Self(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The key's bytes, for storing in the member's encrypted vault only.
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }

    /// The pseudonymous id of the member's record `id` of `class`:
    /// `p-`, `g-` or `e-` and 32 hex digits (128 bits of the keyed hash).
    pub fn id(&self, class: RecordClass, id: &str) -> String {
        let mut hasher = blake3::Hasher::new_keyed(&self.0);
        hasher.update(b"testimonio-bundle v1 id\0");
        hasher.update(class.prefix().as_bytes());
        hasher.update(b"\0");
        hasher.update(id.as_bytes());
        let hash = hasher.finalize();
        format!("{}-{}", class.prefix(), hex::encode(&hash.as_bytes()[..16]))
    }
}

/// The first year of the five-year band holding `year` (1987 → 1985).
pub fn birth_band(year: u16) -> u16 {
    year - year % 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_per_key_and_unlinkable_across_keys() {
        let a = PseudonymKey::from_bytes([1; 32]);
        let b = PseudonymKey::from_bytes([2; 32]);
        let id = a.id(RecordClass::Person, "p-123");
        assert_eq!(id, a.id(RecordClass::Person, "p-123"));
        assert_ne!(id, b.id(RecordClass::Person, "p-123"));
        assert_ne!(id[2..], a.id(RecordClass::Event, "p-123")[2..]);
        assert!(id.starts_with("p-") && id.len() == 34, "{id}");
        assert!(!format!("{a:?}").contains('1'));
    }

    #[test]
    fn bands_of_five_years() {
        assert_eq!(birth_band(1985), 1985);
        assert_eq!(birth_band(1989), 1985);
        assert_eq!(birth_band(1990), 1990);
    }
}
