//! People and groups.

use std::fmt;

use crate::consent::ConsentHistory;
use crate::date::{MAX_YEAR, MIN_YEAR};
use crate::error::{FieldError, Problem};
use crate::geo::UsState;
use crate::text::{RecordId, Sensitive, ShortText};

/// An alien registration number, normalized to `A` and nine digits.
/// Sensitive: redacted in `Debug`, wiped on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct ANumber(Sensitive);

impl ANumber {
    /// Accepts `A123456789`, `A-123-456-789`, `123456789` or 8 digits (padded).
    ///
    /// # Errors
    /// Anything else. The value itself never appears in the error.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let bad = || FieldError::new(field, Problem::BadANumber);
        let trimmed = value.trim();
        let rest = trimmed
            .strip_prefix(['A', 'a'])
            .unwrap_or(trimmed)
            .trim_start_matches(['-', ' ']);
        let digits: String = rest.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
        if !(8..=9).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let normalized = format!("A{digits:0>9}");
        Sensitive::parse(field, &normalized, 10).map(Self)
    }

    pub fn expose(&self) -> &str {
        self.0.expose()
    }
}

impl fmt::Debug for ANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ANumber(<redacted>)")
    }
}

/// The fields that identify a person. All optional; all sensitive. Reading
/// them for display is audited by the vault.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    pub legal_name: Option<Sensitive>,
    pub aliases: Vec<Sensitive>,
    pub contact: Option<Sensitive>,
    pub a_number: Option<ANumber>,
    pub immigration_status: Option<Sensitive>,
    pub address: Option<Sensitive>,
    pub birth_year: Option<u16>,
}

impl Identity {
    pub fn is_empty(&self) -> bool {
        *self == Identity::default()
    }
}

/// Checks a birth year.
///
/// # Errors
/// Outside 1900–2100.
pub fn parse_birth_year(field: &str, year: i64) -> Result<u16, FieldError> {
    if (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&year) {
        Ok(year as u16)
    } else {
        Err(FieldError::new(field, Problem::BadBirthYear))
    }
}

/// A documented person. The pseudonym is always present and is what every
/// role sees; the identity is for those allowed to see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: RecordId,
    pub pseudonym: ShortText,
    pub identity: Identity,
    pub groups: Vec<RecordId>,
    pub consent: ConsentHistory,
}

/// An organization: a grassroots group, a clinic, a newsroom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: RecordId,
    pub name: ShortText,
    pub state: Option<UsState>,
    pub city: Option<ShortText>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbers_normalize() {
        assert_eq!(
            ANumber::parse("a", "A-123-456-789").unwrap().expose(),
            "A123456789"
        );
        assert_eq!(
            ANumber::parse("a", "12345678").unwrap().expose(),
            "A012345678"
        );
        assert!(ANumber::parse("a", "A12").is_err());
        assert!(ANumber::parse("a", "A12345678X").is_err());
        let err = ANumber::parse("a_number", "secret-ish 9").unwrap_err();
        assert!(!err.to_string().contains("secret"));
    }
}
