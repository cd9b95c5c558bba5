//! Consent: what each person allows to be done with their story.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use testimonio_i18n::tr;

use crate::error::{FieldError, Problem};
use crate::lang::Lang;
use crate::text::ShortText;

/// How far a person's record may travel, from narrowest to widest. Each
/// level includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentLevel {
    /// Only inside the group that documented it.
    Internal,
    /// Counted in coalition statistics, never described.
    CoalitionAggregate,
    /// Their de-identified story may be shared with the coalition.
    CoalitionNarrative,
    /// Their de-identified story may be published.
    PublicAnonymous,
    /// They may be named in publications.
    PublicNamed,
}

impl ConsentLevel {
    pub const ALL: [ConsentLevel; 5] = [
        ConsentLevel::Internal,
        ConsentLevel::CoalitionAggregate,
        ConsentLevel::CoalitionNarrative,
        ConsentLevel::PublicAnonymous,
        ConsentLevel::PublicNamed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ConsentLevel::Internal => "internal",
            ConsentLevel::CoalitionAggregate => "coalition_aggregate",
            ConsentLevel::CoalitionNarrative => "coalition_narrative",
            ConsentLevel::PublicAnonymous => "public_anonymous",
            ConsentLevel::PublicNamed => "public_named",
        }
    }

    /// # Errors
    /// A code that is not one of the five levels.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|l| l.code() == code.trim())
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    Problem::UnknownCode {
                        known_hint: "internal, coalition_aggregate, coalition_narrative, public_anonymous, public_named",
                    },
                )
            })
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ConsentLevel::Internal => tr!(lang, "domain-consent-internal"),
            ConsentLevel::CoalitionAggregate => tr!(lang, "domain-consent-coalition-aggregate"),
            ConsentLevel::CoalitionNarrative => tr!(lang, "domain-consent-coalition-narrative"),
            ConsentLevel::PublicAnonymous => tr!(lang, "domain-consent-public-anonymous"),
            ConsentLevel::PublicNamed => tr!(lang, "domain-consent-public-named"),
        }
    }

    /// Whether a person at this level may be counted in `audience`'s aggregates.
    pub fn allows_counting(self, audience: Audience) -> bool {
        match audience {
            Audience::Internal => true,
            Audience::Coalition => self >= ConsentLevel::CoalitionAggregate,
            Audience::Public => self >= ConsentLevel::PublicAnonymous,
        }
    }

    /// Whether a person's narrative may be shown to `audience`.
    pub fn allows_narrative(self, audience: Audience) -> bool {
        match audience {
            Audience::Internal => true,
            Audience::Coalition => self >= ConsentLevel::CoalitionNarrative,
            Audience::Public => self >= ConsentLevel::PublicAnonymous,
        }
    }
}

/// Who an artifact that leaves the vault is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Internal,
    Coalition,
    Public,
}

/// One grant of consent, possibly withdrawn later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    pub level: ConsentLevel,
    /// `None` when the grant's date was not recorded (older spreadsheets).
    pub given_on: Option<NaiveDate>,
    pub withdrawn_on: Option<NaiveDate>,
    pub note: Option<ShortText>,
}

impl ConsentRecord {
    /// # Errors
    /// `withdrawn_on` before `given_on`.
    pub fn new(
        level: ConsentLevel,
        given_on: Option<NaiveDate>,
        withdrawn_on: Option<NaiveDate>,
        note: Option<ShortText>,
    ) -> Result<Self, FieldError> {
        if let (Some(g), Some(w)) = (given_on, withdrawn_on)
            && w < g
        {
            return Err(FieldError::new(
                "withdrawn_on",
                Problem::WithdrawnBeforeGiven,
            ));
        }
        Ok(Self {
            level,
            given_on,
            withdrawn_on,
            note,
        })
    }

    fn in_force_on(&self, day: NaiveDate) -> bool {
        self.given_on.is_none_or(|g| g <= day) && self.withdrawn_on.is_none_or(|w| w > day)
    }
}

/// Every grant a person made, oldest first. The newest grant in force
/// decides; with none in force, the record is internal only.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConsentHistory(Vec<ConsentRecord>);

impl ConsentHistory {
    pub fn new(mut records: Vec<ConsentRecord>) -> Self {
        // Stable sort: undated grants keep their given order, before dated ones.
        records.sort_by_key(|r| r.given_on);
        Self(records)
    }

    pub fn records(&self) -> &[ConsentRecord] {
        &self.0
    }

    /// The level in force on `day`.
    pub fn level_on(&self, day: NaiveDate) -> ConsentLevel {
        self.governing_on(day)
            .map_or(ConsentLevel::Internal, |i| self.0[i].level)
    }

    /// The position in [`records`](Self::records) of the grant that
    /// governs `day`: the latest in force then (an older grant still in
    /// force was replaced by it). `None` when none is in force.
    pub fn governing_on(&self, day: NaiveDate) -> Option<usize> {
        self.0.iter().rposition(|r| r.in_force_on(day))
    }

    /// Appends a grant, keeping the order.
    pub fn push(&mut self, record: ConsentRecord) {
        self.0.push(record);
        self.0.sort_by_key(|r| r.given_on);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn newest_grant_in_force_decides() {
        let h = ConsentHistory::new(vec![
            ConsentRecord::new(
                ConsentLevel::PublicNamed,
                Some(day("2021-01-01")),
                Some(day("2022-01-01")),
                None,
            )
            .unwrap(),
            ConsentRecord::new(
                ConsentLevel::CoalitionAggregate,
                Some(day("2020-01-01")),
                None,
                None,
            )
            .unwrap(),
        ]);
        assert_eq!(h.level_on(day("2019-06-01")), ConsentLevel::Internal);
        assert_eq!(
            h.level_on(day("2020-06-01")),
            ConsentLevel::CoalitionAggregate
        );
        assert_eq!(h.level_on(day("2021-06-01")), ConsentLevel::PublicNamed);
        // Withdrawn: back to the older grant, never wider.
        assert_eq!(
            h.level_on(day("2022-06-01")),
            ConsentLevel::CoalitionAggregate
        );
    }

    #[test]
    fn audiences() {
        assert!(!ConsentLevel::Internal.allows_counting(Audience::Coalition));
        assert!(ConsentLevel::CoalitionAggregate.allows_counting(Audience::Coalition));
        assert!(!ConsentLevel::CoalitionAggregate.allows_narrative(Audience::Coalition));
        assert!(!ConsentLevel::CoalitionNarrative.allows_counting(Audience::Public));
        assert!(ConsentLevel::PublicAnonymous.allows_narrative(Audience::Public));
    }

    #[test]
    fn withdrawal_before_grant_is_refused() {
        let err = ConsentRecord::new(
            ConsentLevel::Internal,
            Some(day("2020-01-02")),
            Some(day("2020-01-01")),
            None,
        )
        .unwrap_err();
        assert_eq!(err.field, "withdrawn_on");
    }
}
