//! Places: US states and territories, and ICE ERO field offices.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Problem};
use crate::lang::Lang;

macro_rules! code_table {
    ($(#[$meta:meta])* $name:ident, $field:literal, $hint:literal, [$(($code:literal, $en:literal, $es:literal)),+ $(,)?]) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u8);

        impl $name {
            const TABLE: &'static [(&'static str, &'static str, &'static str)] = &[$(($code, $en, $es)),+];

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
                    .position(|(c, _, _)| c.eq_ignore_ascii_case(code))
                    .map(|i| $name(i as u8))
                    .ok_or_else(|| FieldError::new(field, Problem::UnknownCode { known_hint: $hint }))
            }

            pub fn code(self) -> &'static str {
                Self::TABLE[usize::from(self.0)].0
            }

            pub fn name(self, lang: Lang) -> &'static str {
                let (_, en, es) = Self::TABLE[usize::from(self.0)];
                lang.pick(en, es)
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
    ("AL", "Alabama", "Alabama"), ("AK", "Alaska", "Alaska"), ("AZ", "Arizona", "Arizona"),
    ("AR", "Arkansas", "Arkansas"), ("CA", "California", "California"), ("CO", "Colorado", "Colorado"),
    ("CT", "Connecticut", "Connecticut"), ("DE", "Delaware", "Delaware"),
    ("DC", "District of Columbia", "Distrito de Columbia"), ("FL", "Florida", "Florida"),
    ("GA", "Georgia", "Georgia"), ("HI", "Hawaii", "Hawái"), ("ID", "Idaho", "Idaho"),
    ("IL", "Illinois", "Illinois"), ("IN", "Indiana", "Indiana"), ("IA", "Iowa", "Iowa"),
    ("KS", "Kansas", "Kansas"), ("KY", "Kentucky", "Kentucky"), ("LA", "Louisiana", "Luisiana"),
    ("ME", "Maine", "Maine"), ("MD", "Maryland", "Maryland"), ("MA", "Massachusetts", "Massachusetts"),
    ("MI", "Michigan", "Míchigan"), ("MN", "Minnesota", "Minnesota"), ("MS", "Mississippi", "Misisipi"),
    ("MO", "Missouri", "Misuri"), ("MT", "Montana", "Montana"), ("NE", "Nebraska", "Nebraska"),
    ("NV", "Nevada", "Nevada"), ("NH", "New Hampshire", "Nuevo Hampshire"),
    ("NJ", "New Jersey", "Nueva Jersey"), ("NM", "New Mexico", "Nuevo México"),
    ("NY", "New York", "Nueva York"), ("NC", "North Carolina", "Carolina del Norte"),
    ("ND", "North Dakota", "Dakota del Norte"), ("OH", "Ohio", "Ohio"), ("OK", "Oklahoma", "Oklahoma"),
    ("OR", "Oregon", "Oregón"), ("PA", "Pennsylvania", "Pensilvania"),
    ("RI", "Rhode Island", "Rhode Island"), ("SC", "South Carolina", "Carolina del Sur"),
    ("SD", "South Dakota", "Dakota del Sur"), ("TN", "Tennessee", "Tennessee"), ("TX", "Texas", "Texas"),
    ("UT", "Utah", "Utah"), ("VT", "Vermont", "Vermont"), ("VA", "Virginia", "Virginia"),
    ("WA", "Washington", "Washington"), ("WV", "West Virginia", "Virginia Occidental"),
    ("WI", "Wisconsin", "Wisconsin"), ("WY", "Wyoming", "Wyoming"),
    ("PR", "Puerto Rico", "Puerto Rico"), ("GU", "Guam", "Guam"),
    ("VI", "U.S. Virgin Islands", "Islas Vírgenes de EE. UU."),
    ("AS", "American Samoa", "Samoa Americana"), ("MP", "Northern Mariana Islands", "Islas Marianas del Norte"),
]);

code_table!(
    /// One of the 25 ICE Enforcement and Removal Operations field offices
    /// (areas of responsibility), by ICE's three-letter code.
    FieldOffice, "field_office", "a three-letter ERO code such as SNA", [
    ("ATL", "Atlanta", "Atlanta"), ("BAL", "Baltimore", "Baltimore"), ("BOS", "Boston", "Boston"),
    ("BUF", "Buffalo", "Búfalo"), ("CHI", "Chicago", "Chicago"), ("DAL", "Dallas", "Dallas"),
    ("DEN", "Denver", "Denver"), ("DET", "Detroit", "Detroit"), ("ELP", "El Paso", "El Paso"),
    ("HLG", "Harlingen", "Harlingen"), ("HOU", "Houston", "Houston"),
    ("LOS", "Los Angeles", "Los Ángeles"), ("MIA", "Miami", "Miami"), ("NEW", "Newark", "Newark"),
    ("NOL", "New Orleans", "Nueva Orleans"), ("NYC", "New York City", "Nueva York"),
    ("PHI", "Philadelphia", "Filadelfia"), ("PHO", "Phoenix", "Phoenix"),
    ("SLC", "Salt Lake City", "Salt Lake City"), ("SNA", "San Antonio", "San Antonio"),
    ("SND", "San Diego", "San Diego"), ("SFR", "San Francisco", "San Francisco"),
    ("SEA", "Seattle", "Seattle"), ("SPM", "St. Paul", "St. Paul"), ("WAS", "Washington", "Washington"),
]);

code_table!(
    /// The government actor behind an enforcement action.
    Agency, "agency", "ice, cbp, uscis, eoir, dhs, fbi, doj, local_police, state_police, other", [
    ("ice", "Immigration and Customs Enforcement (ICE)", "Servicio de Inmigración y Control de Aduanas (ICE)"),
    ("cbp", "Customs and Border Protection (CBP)", "Oficina de Aduanas y Protección Fronteriza (CBP)"),
    ("uscis", "Citizenship and Immigration Services (USCIS)", "Servicio de Ciudadanía e Inmigración (USCIS)"),
    ("eoir", "Executive Office for Immigration Review (EOIR)", "Oficina Ejecutiva de Revisión de Casos de Inmigración (EOIR)"),
    ("dhs", "Department of Homeland Security (other component)", "Departamento de Seguridad Nacional (otro componente)"),
    ("fbi", "Federal Bureau of Investigation (FBI)", "Buró Federal de Investigaciones (FBI)"),
    ("doj", "Department of Justice (other component)", "Departamento de Justicia (otro componente)"),
    ("local_police", "Local police or sheriff", "Policía local o alguacil"),
    ("state_police", "State police or state agency", "Policía estatal o agencia estatal"),
    ("other", "Other agency", "Otra agencia"),
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
    fn codes_are_unique() {
        let mut codes: Vec<_> = UsState::all().map(UsState::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), UsState::all().count());
    }
}
