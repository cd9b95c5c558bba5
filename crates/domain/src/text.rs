//! Small validated text types: identifiers, short names, sensitive text.

use std::fmt;

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use crate::error::{FieldError, Problem};

/// A record's stable identifier (`p-001`, `evt:2019:17`): 1 to 64 ASCII
/// letters, digits and `. _ : -`. Identifiers appear in logs and audit
/// entries, so they must never carry a person's name: callers choose opaque ones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordId(String);

impl RecordId {
    pub const MAX_LEN: usize = 64;

    /// # Errors
    /// Empty, too long, or characters outside `[A-Za-z0-9._:-]`.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(FieldError::new(field, Problem::Required));
        }
        if value.len() > Self::MAX_LEN {
            return Err(FieldError::new(
                field,
                Problem::TooLong { max: Self::MAX_LEN },
            ));
        }
        if !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
        {
            return Err(FieldError::new(
                field,
                Problem::BadCharacters {
                    allowed: "letters, digits and . _ : -",
                },
            ));
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RecordId {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse("id", &value)
    }
}

impl From<RecordId> for String {
    fn from(id: RecordId) -> String {
        id.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Trimmed, non-empty text of bounded length (names, places, roles).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String")]
pub struct ShortText(String);

impl ShortText {
    pub const MAX_LEN: usize = 200;

    /// # Errors
    /// Empty after trimming, longer than [`Self::MAX_LEN`] characters, or
    /// holding control characters.
    pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
        parse_text(field, value, Self::MAX_LEN).map(Self)
    }

    /// `None` for an absent or blank value.
    ///
    /// # Errors
    /// As [`Self::parse`].
    pub fn parse_optional(field: &str, value: Option<&str>) -> Result<Option<Self>, FieldError> {
        match value.map(str::trim) {
            None | Some("") => Ok(None),
            Some(v) => Self::parse(field, v).map(Some),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<ShortText> for String {
    fn from(t: ShortText) -> String {
        t.0
    }
}

impl fmt::Display for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn parse_text(field: &str, value: &str, max: usize) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, Problem::Required));
    }
    if value.chars().count() > max {
        return Err(FieldError::new(field, Problem::TooLong { max }));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(FieldError::new(
            field,
            Problem::BadCharacters {
                allowed: "printable text",
            },
        ));
    }
    Ok(value.to_owned())
}

/// Text that could identify or endanger a person (a legal name, an address,
/// a narrative). Its `Debug` is redacted, it has no `Display` and no
/// `Serialize`, and its memory is wiped on drop; reading it takes an explicit
/// [`Sensitive::expose`], which is where auditing belongs.
#[derive(Clone, PartialEq, Eq)]
pub struct Sensitive(String);

impl Sensitive {
    /// Longest accepted sensitive text: a long narrative.
    pub const MAX_LEN: usize = 100_000;

    /// # Errors
    /// Empty after trimming, or longer than `max` characters.
    pub fn parse(field: &str, value: &str, max: usize) -> Result<Self, FieldError> {
        let max = max.min(Self::MAX_LEN);
        parse_text(field, value, max).map(Self)
    }

    /// `None` for an absent or blank value.
    ///
    /// # Errors
    /// As [`Self::parse`].
    pub fn parse_optional(
        field: &str,
        value: Option<&str>,
        max: usize,
    ) -> Result<Option<Self>, FieldError> {
        match value.map(str::trim) {
            None | Some("") => Ok(None),
            Some(v) => Self::parse(field, v, max).map(Some),
        }
    }

    /// The plaintext. Callers showing it to a user must audit the read.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sensitive(<redacted>)")
    }
}

impl Drop for Sensitive {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ids() {
        assert!(RecordId::parse("id", "p-001").is_ok());
        assert!(RecordId::parse("id", "evt:2019.17_x").is_ok());
        assert_eq!(
            RecordId::parse("id", "").unwrap_err().problem,
            Problem::Required
        );
        assert!(RecordId::parse("id", "José").is_err());
        assert!(RecordId::parse("id", "a b").is_err());
        assert!(RecordId::parse("id", &"x".repeat(65)).is_err());
    }

    #[test]
    fn sensitive_debug_is_redacted() {
        let s = Sensitive::parse("legal_name", "María Canary", 200).unwrap();
        assert_eq!(format!("{s:?}"), "Sensitive(<redacted>)");
        assert_eq!(s.expose(), "María Canary");
    }

    #[test]
    fn short_text_rejects_control_characters() {
        assert!(ShortText::parse("city", "El\u{0}Paso").is_err());
        assert_eq!(
            ShortText::parse("city", "  El Paso ").unwrap().as_str(),
            "El Paso"
        );
    }
}
