//! The federal agencies that receive FOIA requests, and how long each
//! gives requesters to appeal.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use testimonio_domain::{Lang, Problem as DomainProblem};

use crate::error::{FieldError, Problem};

/// Codes, abbreviations and the catalog ids of the names (`foia.ftl`).
const TABLE: &[(&str, &str, &str)] = &[
    ("ice", "ICE", "foia-agency-ice"),
    ("cbp", "CBP", "foia-agency-cbp"),
    ("uscis", "USCIS", "foia-agency-uscis"),
    ("dhs", "DHS", "foia-agency-dhs"),
    ("dhs_oig", "DHS OIG", "foia-agency-dhs-oig"),
    ("dhs_crcl", "DHS CRCL", "foia-agency-dhs-crcl"),
    ("eoir", "EOIR", "foia-agency-eoir"),
    ("doj", "DOJ", "foia-agency-doj"),
    ("fbi", "FBI", "foia-agency-fbi"),
    ("usms", "USMS", "foia-agency-usms"),
    ("bop", "BOP", "foia-agency-bop"),
    ("dos", "DOS", "foia-agency-dos"),
    ("hhs", "HHS", "foia-agency-hhs"),
    ("dol", "DOL", "foia-agency-dol"),
    ("ssa", "SSA", "foia-agency-ssa"),
    ("dod", "DOD", "foia-agency-dod"),
    ("other", "Agency", "foia-agency-other"),
];

const HINT: &str = "ice, cbp, uscis, dhs, dhs_oig, dhs_crcl, eoir, doj, fbi, usms, bop, dos, hhs, dol, ssa, dod, other";

/// A federal agency subject to FOIA, by a stable lowercase code (`ice`,
/// `uscis`). FOIA binds only federal agencies (5 U.S.C. 552(f)(1)), so
/// unlike [`testimonio_domain::Agency`] there is no local police here:
/// records of state and local bodies are sought under state public-records
/// laws.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FederalAgency(u8);

impl FederalAgency {
    /// Every agency, in table order.
    pub fn all() -> impl Iterator<Item = FederalAgency> {
        (0..TABLE.len()).filter_map(|i| u8::try_from(i).ok().map(FederalAgency))
    }

    /// Parses a code, case-insensitively.
    ///
    /// # Errors
    /// A code that is not in the table.
    pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(FieldError::new(field, DomainProblem::Required));
        }
        Self::all()
            .find(|a| a.code().eq_ignore_ascii_case(code))
            .ok_or_else(|| FieldError::new(field, DomainProblem::UnknownCode { known_hint: HINT }))
    }

    fn row(self) -> (&'static str, &'static str, &'static str) {
        TABLE[usize::from(self.0)]
    }

    pub fn code(self) -> &'static str {
        self.row().0
    }

    /// The usual abbreviation (`ICE`, `DHS OIG`), the same in both languages.
    pub fn abbreviation(self) -> &'static str {
        self.row().1
    }

    /// The agency's name in `lang`, from the catalog.
    pub fn name(self, lang: Lang) -> &'static str {
        testimonio_i18n::message(lang, self.row().2)
    }

    /// The time to appeal when the agency's regulations say nothing else:
    /// the statute's minimum of 90 days, which every agency named here
    /// uses since the FOIA Improvement Act of 2016.
    pub fn default_appeal_window(self) -> AppealWindow {
        AppealWindow::STATUTORY_MINIMUM
    }
}

impl fmt::Debug for FederalAgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FederalAgency({})", self.code())
    }
}

impl fmt::Display for FederalAgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for FederalAgency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for FederalAgency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse("agency", &s).map_err(serde::de::Error::custom)
    }
}

/// The number of calendar days a requester has to appeal an adverse
/// determination. The statute lets each agency set it, but "not less than
/// 90 days after the date of such adverse determination" (5 U.S.C.
/// 552(a)(6)(A)(i)(III)(aa)), so a shorter window cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u32")]
pub struct AppealWindow(u32);

impl AppealWindow {
    /// The statute's floor: 90 calendar days.
    pub const STATUTORY_MINIMUM: AppealWindow = AppealWindow(90);
    /// A sanity bound: no agency gives more than a few years.
    pub const MAX_DAYS: u32 = 3_650;

    /// # Errors
    /// Fewer than 90 days, or more than [`Self::MAX_DAYS`].
    pub fn new(field: &str, days: u32) -> Result<Self, FieldError> {
        if days < Self::STATUTORY_MINIMUM.0 {
            return Err(FieldError::new(
                field,
                Problem::BelowStatutoryMinimum {
                    min: Self::STATUTORY_MINIMUM.0,
                },
            ));
        }
        if days > Self::MAX_DAYS {
            return Err(FieldError::new(
                field,
                DomainProblem::TooLong {
                    max: Self::MAX_DAYS as usize,
                },
            ));
        }
        Ok(Self(days))
    }

    pub fn days(self) -> u32 {
        self.0
    }
}

impl Default for AppealWindow {
    fn default() -> Self {
        Self::STATUTORY_MINIMUM
    }
}

impl From<AppealWindow> for u32 {
    fn from(w: AppealWindow) -> u32 {
        w.0
    }
}

/// Appeal windows configured per agency, for groups that track an agency
/// whose regulations give more than 90 days. Agencies not configured get
/// [`FederalAgency::default_appeal_window`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppealWindows(BTreeMap<FederalAgency, AppealWindow>);

impl AppealWindows {
    pub fn set(&mut self, agency: FederalAgency, window: AppealWindow) {
        self.0.insert(agency, window);
    }

    pub fn for_agency(&self, agency: FederalAgency) -> AppealWindow {
        self.0
            .get(&agency)
            .copied()
            .unwrap_or_else(|| agency.default_appeal_window())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_codes_and_refuses_others() {
        assert_eq!(
            FederalAgency::parse("agency", " ICE ").unwrap().code(),
            "ice"
        );
        assert_eq!(
            FederalAgency::parse("agency", "uscis")
                .unwrap()
                .abbreviation(),
            "USCIS"
        );
        let err = FederalAgency::parse("agency", "la_migra").unwrap_err();
        assert_eq!(err.field, "agency");
        assert!(err.to_string().contains("is not a known code"));
        assert!(err.to_string().contains("eoir"));
        let err = FederalAgency::parse("agency", "").unwrap_err();
        assert_eq!(err.problem, Problem::Domain(DomainProblem::Required));
        for code in ["ice", "dhs", "cbp", "uscis", "eoir", "doj", "fbi", "dos"] {
            assert!(FederalAgency::parse("agency", code).is_ok(), "{code}");
        }
    }

    #[test]
    fn codes_are_unique_and_names_bilingual() {
        let mut codes: Vec<_> = FederalAgency::all().map(FederalAgency::code).collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n);
        for a in FederalAgency::all() {
            assert_ne!(a.name(Lang::En), a.name(Lang::Es), "{a:?}");
            assert!(HINT.contains(a.code()), "{a:?} missing from the hint");
        }
    }

    #[test]
    fn appeal_window_has_the_statutory_floor() {
        assert_eq!(AppealWindow::default().days(), 90);
        assert!(AppealWindow::new("appeal_window_days", 90).is_ok());
        let err = AppealWindow::new("appeal_window_days", 60).unwrap_err();
        assert_eq!(err.problem, Problem::BelowStatutoryMinimum { min: 90 });
        assert!(err.message(Lang::Es).contains("al menos 90 días"));

        let ice = FederalAgency::parse("agency", "ice").unwrap();
        let cbp = FederalAgency::parse("agency", "cbp").unwrap();
        let mut windows = AppealWindows::default();
        windows.set(cbp, AppealWindow::new("x", 120).unwrap());
        assert_eq!(windows.for_agency(ice).days(), 90);
        assert_eq!(windows.for_agency(cbp).days(), 120);
    }
}
