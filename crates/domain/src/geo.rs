//! Places: US states and territories, and ICE ERO field offices.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Problem};
use crate::lang::Lang;

macro_rules! code_table {
    ($(#[$meta:meta])* $name:ident, $field:literal, $hint:literal, [$(($code:literal, $id:literal)),+ $(,)?]) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u8);

        impl $name {
            /// Each code with the catalog id of its name (`domain.ftl`).
            const TABLE: &'static [(&'static str, &'static str)] = &[$(($code, $id)),+];

            /// Every value, in table order.
            pub fn all() -> impl Iterator<Item = $name> {
                (0..Self::TABLE.len()).map(|i| $name(i as u8))
            }

            /// Parses a code, case-insensitively.
            ///
            /// # Errors
            /// A code that is not in the table.
            pub fn parse(field: &str, code: &str) -> Result<Self, FieldError> {
                let code = code.trim();
                Self::TABLE
                    .iter()
                    .position(|(c, _)| c.eq_ignore_ascii_case(code))
                    .map(|i| $name(i as u8))
                    .ok_or_else(|| FieldError::new(field, Problem::UnknownCode { known_hint: $hint }))
            }

            pub fn code(self) -> &'static str {
                Self::TABLE[usize::from(self.0)].0
            }

            pub fn name(self, lang: Lang) -> &'static str {
                testimonio_i18n::message(lang, Self::TABLE[usize::from(self.0)].1)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.code())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::parse($field, &s).map_err(serde::de::Error::custom)
            }
        }
    };
}

code_table!(
    /// A US state, the District of Columbia or a territory, by USPS code.
    UsState, "state", "a two-letter USPS code such as TX", [
    ("AL", "geo-state-al"), ("AK", "geo-state-ak"), ("AZ", "geo-state-az"),
    ("AR", "geo-state-ar"), ("CA", "geo-state-ca"), ("CO", "geo-state-co"),
    ("CT", "geo-state-ct"), ("DE", "geo-state-de"),
    ("DC", "geo-state-dc"), ("FL", "geo-state-fl"),
    ("GA", "geo-state-ga"), ("HI", "geo-state-hi"), ("ID", "geo-state-id"),
    ("IL", "geo-state-il"), ("IN", "geo-state-in"), ("IA", "geo-state-ia"),
    ("KS", "geo-state-ks"), ("KY", "geo-state-ky"), ("LA", "geo-state-la"),
    ("ME", "geo-state-me"), ("MD", "geo-state-md"), ("MA", "geo-state-ma"),
    ("MI", "geo-state-mi"), ("MN", "geo-state-mn"), ("MS", "geo-state-ms"),
    ("MO", "geo-state-mo"), ("MT", "geo-state-mt"), ("NE", "geo-state-ne"),
    ("NV", "geo-state-nv"), ("NH", "geo-state-nh"),
    ("NJ", "geo-state-nj"), ("NM", "geo-state-nm"),
    ("NY", "geo-state-ny"), ("NC", "geo-state-nc"),
    ("ND", "geo-state-nd"), ("OH", "geo-state-oh"), ("OK", "geo-state-ok"),
    ("OR", "geo-state-or"), ("PA", "geo-state-pa"),
    ("RI", "geo-state-ri"), ("SC", "geo-state-sc"),
    ("SD", "geo-state-sd"), ("TN", "geo-state-tn"), ("TX", "geo-state-tx"),
    ("UT", "geo-state-ut"), ("VT", "geo-state-vt"), ("VA", "geo-state-va"),
    ("WA", "geo-state-wa"), ("WV", "geo-state-wv"),
    ("WI", "geo-state-wi"), ("WY", "geo-state-wy"),
    ("PR", "geo-state-pr"), ("GU", "geo-state-gu"),
    ("VI", "geo-state-vi"),
    ("AS", "geo-state-as"), ("MP", "geo-state-mp"),
]);

code_table!(
    /// One of the 25 ICE Enforcement and Removal Operations field offices
    /// (areas of responsibility), by ICE's three-letter code.
    FieldOffice, "field_office", "a three-letter ERO code such as SNA", [
    ("ATL", "geo-office-atl"), ("BAL", "geo-office-bal"), ("BOS", "geo-office-bos"),
    ("BUF", "geo-office-buf"), ("CHI", "geo-office-chi"), ("DAL", "geo-office-dal"),
    ("DEN", "geo-office-den"), ("DET", "geo-office-det"), ("ELP", "geo-office-elp"),
    ("HLG", "geo-office-hlg"), ("HOU", "geo-office-hou"),
    ("LOS", "geo-office-los"), ("MIA", "geo-office-mia"), ("NEW", "geo-office-new"),
    ("NOL", "geo-office-nol"), ("NYC", "geo-office-nyc"),
    ("PHI", "geo-office-phi"), ("PHO", "geo-office-pho"),
    ("SLC", "geo-office-slc"), ("SNA", "geo-office-sna"),
    ("SND", "geo-office-snd"), ("SFR", "geo-office-sfr"),
    ("SEA", "geo-office-sea"), ("SPM", "geo-office-spm"), ("WAS", "geo-office-was"),
]);

code_table!(
    /// The government actor behind an enforcement action.
    Agency, "agency", "ice, cbp, uscis, eoir, dhs, fbi, doj, local_police, state_police, other", [
    ("ice", "geo-agency-ice"),
    ("cbp", "geo-agency-cbp"),
    ("uscis", "geo-agency-uscis"),
    ("eoir", "geo-agency-eoir"),
    ("dhs", "geo-agency-dhs"),
    ("fbi", "geo-agency-fbi"),
    ("doj", "geo-agency-doj"),
    ("local_police", "geo-agency-local-police"),
    ("state_police", "geo-agency-state-police"),
    ("other", "geo-agency-other"),
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_five_field_offices() {
        assert_eq!(FieldOffice::all().count(), 25);
        assert_eq!(
            FieldOffice::parse("fo", "sna").unwrap().name(Lang::En),
            "San Antonio"
        );
    }

    #[test]
    fn states_parse_case_insensitively_and_refuse_unknown() {
        assert_eq!(UsState::parse("state", "tx").unwrap().code(), "TX");
        let err = UsState::parse("state", "XX").unwrap_err();
        assert_eq!(err.field, "state");
        assert!(UsState::all().count() >= 51);
    }

    #[test]
    fn names_come_from_the_catalog_in_both_languages() {
        let ny = UsState::parse("state", "ny").unwrap();
        assert_eq!(ny.name(Lang::En), "New York");
        assert_eq!(ny.name(Lang::Es), "Nueva York");
        let ice = Agency::parse("agency", "ice").unwrap();
        assert_eq!(
            ice.name(Lang::Es),
            "Servicio de Inmigración y Control de Aduanas (ICE)"
        );
        for state in UsState::all() {
            assert!(!state.name(Lang::Es).is_empty(), "{state:?}");
        }
        for office in FieldOffice::all() {
            assert!(!office.name(Lang::Es).is_empty(), "{office:?}");
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<_> = UsState::all().map(UsState::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), UsState::all().count());
    }
}
