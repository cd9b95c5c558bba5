//! Mapping profiles: which column fills which field, constants for every
//! row, each date column's order, and cell values mapped to codes. A
//! profile is a small TOML file a coalition can hand its members; the keys
//! below are a format: profiles written by hand must keep working.
//!
//! ```toml
//! name = "Red de Texas"      # optional
//! sheet = "Eventos"          # workbooks: the sheet (optional)
//! header_row = 3             # optional: the row the header is on
//! key = "Folio"              # optional: the column that identifies a row
//!
//! [columns]                  # header as written in the file = field
//! "Fecha del evento" = "event.date"
//! "Seudónimo" = "person.pseudonym"
//! "Notas internas" = "ignore"
//!
//! [constants]                # field = one value for every row
//! "event.kind" = "enforcement_action"
//!
//! [dates]                    # column = "dmy" | "mdy" | "ymd"
//! "Fecha del evento" = "dmy"
//!
//! [values."event.type"]      # cell value = code
//! "Arresto" = "stop_or_arrest"
//!
//! [people]                   # a legal name or A-number = a stored person, or "new"
//! "A-123-456-789" = "p-017"
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use testimonio_domain::Lang;
use testimonio_i18n::tr;
use testimonio_sheets::DateOrder;

use super::fields::{Field, ValueKind};
use super::values::{self, key};

/// The field name that leaves a column out.
pub const IGNORE: &str = "ignore";

/// A mapping profile as written in TOML.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_row: Option<u64>,
    /// The column whose value identifies a row across imports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub constants: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dates: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// Confirmed identity matches: a legal name or A-number as the sheet
    /// writes it = the stored person's id it names, or `"new"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub people: BTreeMap<String, String>,
}

/// What is wrong with a profile, or with a profile for this file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileProblem {
    /// Not TOML, or not a profile's keys (`detail` is the parser's,
    /// without the file's content).
    NotAProfile {
        line: Option<usize>,
        detail: String,
    },
    UnknownField {
        at: String,
        field: String,
    },
    FieldTwice {
        field: String,
    },
    UnknownColumn {
        column: String,
    },
    BadDateOrder {
        column: String,
        order: String,
    },
    NotADateColumn {
        column: String,
    },
    UnknownCode {
        field: String,
        code: String,
    },
    NoValues {
        field: String,
    },
}

impl ProfileProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProfileProblem::NotAProfile {
                line: Some(line),
                detail,
            } => tr!(
                lang,
                "import-profile-not-toml-line",
                line = *line,
                detail = detail.as_str()
            ),
            ProfileProblem::NotAProfile { line: None, detail } => {
                tr!(lang, "import-profile-not-toml", detail = detail.as_str())
            }
            ProfileProblem::UnknownField { at, field } => tr!(
                lang,
                "import-profile-unknown-field",
                at = at.as_str(),
                field = field.as_str()
            ),
            ProfileProblem::FieldTwice { field } => {
                tr!(lang, "import-profile-field-twice", field = field.as_str())
            }
            ProfileProblem::UnknownColumn { column } => {
                tr!(
                    lang,
                    "import-profile-unknown-column",
                    column = column.as_str()
                )
            }
            ProfileProblem::BadDateOrder { column, order } => tr!(
                lang,
                "import-profile-bad-date-order",
                column = column.as_str(),
                order = order.as_str()
            ),
            ProfileProblem::NotADateColumn { column } => {
                tr!(
                    lang,
                    "import-profile-not-a-date-column",
                    column = column.as_str()
                )
            }
            ProfileProblem::UnknownCode { field, code } => tr!(
                lang,
                "import-profile-unknown-code",
                field = field.as_str(),
                code = code.as_str()
            ),
            ProfileProblem::NoValues { field } => {
                tr!(lang, "import-profile-no-values", field = field.as_str())
            }
        }
    }
}

/// A date column's order as a profile writes it.
pub fn date_order(code: &str) -> Option<DateOrder> {
    match code {
        // Year-first dates read the same under either order.
        "ymd" => Some(DateOrder::DayMonth),
        other => DateOrder::parse(other),
    }
}

impl Profile {
    /// Reads a profile.
    ///
    /// # Errors
    /// Not TOML, or keys a profile does not have.
    pub fn from_toml(text: &str) -> Result<Profile, ProfileProblem> {
        toml::from_str(text).map_err(|e| ProfileProblem::NotAProfile {
            line: e
                .span()
                .map(|span| text[..span.start.min(text.len())].lines().count().max(1)),
            detail: e.message().to_owned(),
        })
    }

    /// The profile as TOML, with a comment saying what it is.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!(
            "# Testimonio import profile: [columns] header = field, [constants] field = value,\n\
             # [dates] column = \"dmy\" | \"mdy\" | \"ymd\", [values.\"field\"] cell = code.\n\n{body}"
        )
    }
}

/// A profile checked against a file's header: every name resolved.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// Column index and the field it fills.
    pub columns: Vec<(usize, Field)>,
    pub constants: Vec<(Field, String)>,
    /// The order of each date column, by column index.
    pub dates: BTreeMap<usize, DateOrder>,
    /// Per field, folded cell value to code.
    pub values: BTreeMap<Field, BTreeMap<String, String>>,
    /// The column that identifies a row.
    pub key: Option<usize>,
    /// Confirmed identity matches, by [`identity_key`]: a person's id, or
    /// `None` for "a new person".
    pub people: BTreeMap<String, Option<testimonio_domain::RecordId>>,
}

/// The "new person" answer of a profile's `[people]`.
pub const NEW_PERSON: &str = "new";

/// How a legal name or an A-number is compared: an A-number by its digits
/// (`A-123-456-789`, `A123456789` and `123 456 789` are one), a name
/// folded (case, accents, punctuation).
pub fn identity_key(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let rest = key(text).replace(' ', "");
    if (8..=9).contains(&digits.len()) && (rest == digits || rest == format!("a{digits}")) {
        format!("#{digits:0>9}")
    } else {
        key(text)
    }
}

impl Mapping {
    /// Checks `profile` against `header`: field names, columns, date
    /// orders and codes. A header is matched as written, then folded.
    ///
    /// # Errors
    /// Every problem found, not only the first.
    pub fn new(profile: &Profile, header: &[String]) -> Result<Mapping, Vec<ProfileProblem>> {
        let mut problems = Vec::new();
        let column = |name: &str| {
            header.iter().position(|h| h == name).or_else(|| {
                let folded = key(name);
                header.iter().position(|h| key(h) == folded)
            })
        };
        let mut columns = Vec::new();
        let mut seen: BTreeMap<Field, ()> = BTreeMap::new();
        for (name, field_name) in &profile.columns {
            if field_name.trim() == IGNORE {
                continue;
            }
            let Some(field) = Field::parse(field_name) else {
                problems.push(ProfileProblem::UnknownField {
                    at: name.clone(),
                    field: field_name.clone(),
                });
                continue;
            };
            if seen.insert(field, ()).is_some() {
                problems.push(ProfileProblem::FieldTwice {
                    field: field.name().into(),
                });
            }
            match column(name) {
                Some(index) => columns.push((index, field)),
                None => problems.push(ProfileProblem::UnknownColumn {
                    column: name.clone(),
                }),
            }
        }
        columns.sort_unstable();
        let mut constants = Vec::new();
        for (field_name, value) in &profile.constants {
            match Field::parse(field_name) {
                Some(field) if seen.contains_key(&field) => {
                    problems.push(ProfileProblem::FieldTwice {
                        field: field.name().into(),
                    });
                }
                Some(field) => constants.push((field, value.clone())),
                None => problems.push(ProfileProblem::UnknownField {
                    at: "constants".into(),
                    field: field_name.clone(),
                }),
            }
        }
        let mut dates = BTreeMap::new();
        for (name, order) in &profile.dates {
            let Some(index) = column(name) else {
                problems.push(ProfileProblem::UnknownColumn {
                    column: name.clone(),
                });
                continue;
            };
            let is_date = columns
                .iter()
                .any(|(i, f)| *i == index && matches!(f.kind(), ValueKind::Date | ValueKind::Year));
            match date_order(order.trim()) {
                Some(_) if !is_date => problems.push(ProfileProblem::NotADateColumn {
                    column: name.clone(),
                }),
                Some(order) => {
                    dates.insert(index, order);
                }
                None => problems.push(ProfileProblem::BadDateOrder {
                    column: name.clone(),
                    order: order.clone(),
                }),
            }
        }
        let mut values = BTreeMap::new();
        for (field_name, table) in &profile.values {
            let Some(field) = Field::parse(field_name) else {
                problems.push(ProfileProblem::UnknownField {
                    at: "values".into(),
                    field: field_name.clone(),
                });
                continue;
            };
            let ValueKind::Code(codes) = field.kind() else {
                problems.push(ProfileProblem::NoValues {
                    field: field.name().into(),
                });
                continue;
            };
            let mut mapped = BTreeMap::new();
            for (cell, code) in table {
                match values::code(codes, code) {
                    Some(known) if known == code.trim() => {
                        mapped.insert(key(cell), known.to_owned());
                    }
                    _ => problems.push(ProfileProblem::UnknownCode {
                        field: field.name().into(),
                        code: code.clone(),
                    }),
                }
            }
            values.insert(field, mapped);
        }
        let key_column = match &profile.key {
            None => None,
            Some(name) => {
                let found = column(name);
                if found.is_none() {
                    problems.push(ProfileProblem::UnknownColumn {
                        column: name.clone(),
                    });
                }
                found
            }
        };
        let mut people = BTreeMap::new();
        for (value, answer) in &profile.people {
            let answer = answer.trim();
            if answer == NEW_PERSON {
                people.insert(identity_key(value), None);
                continue;
            }
            match testimonio_domain::RecordId::parse("people", answer) {
                Ok(id) => {
                    people.insert(identity_key(value), Some(id));
                }
                Err(_) => problems.push(ProfileProblem::UnknownCode {
                    field: "people".into(),
                    code: answer.to_owned(),
                }),
            }
        }
        if problems.is_empty() {
            Ok(Mapping {
                columns,
                constants,
                dates,
                values,
                key: key_column,
                people,
            })
        } else {
            Err(problems)
        }
    }

    /// The column a field is read from.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, f)| *f == field)
            .map(|(i, _)| *i)
    }

    /// Whether any column or constant fills a field of `entity`.
    pub fn fills(&self, entity: super::fields::Entity) -> bool {
        self.columns.iter().any(|(_, f)| f.entity() == entity)
            || self.constants.iter().any(|(f, _)| f.entity() == entity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HAND_WRITTEN: &str = r#"
[columns]                 # header as written in the file = field
"Fecha del evento" = "event.date"
"Seudónimo" = "person.pseudonym"
[constants]               # field = one value for every row
"event.kind" = "enforcement_action"
[dates]                   # column = "dmy" | "mdy" | "ymd"
"Fecha del evento" = "dmy"
[values."event.type"]     # cell value = code
"Arresto" = "stop_or_arrest"
"#;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_documented_keys_read_and_resolve() {
        let profile = Profile::from_toml(HAND_WRITTEN).unwrap();
        let mapping = Mapping::new(
            &profile,
            &header(&["Seudonimo", "FECHA DEL EVENTO", "Tipo"]),
        )
        .unwrap();
        assert_eq!(
            mapping.columns,
            vec![(0, Field::PersonPseudonym), (1, Field::EventDate)]
        );
        assert_eq!(mapping.dates.get(&1), Some(&DateOrder::DayMonth));
        assert_eq!(
            mapping.values[&Field::EventType]
                .get("arresto")
                .map(String::as_str),
            Some("stop_or_arrest")
        );
        let again = Profile::from_toml(&profile.to_toml()).unwrap();
        assert_eq!(again, profile);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let profile = Profile::from_toml(
            r#"
[columns]
"Fecha" = "event.fecha"
"Nada" = "person.pseudonym"
[dates]
"Fecha" = "ddmm"
[values."event.type"]
"Arresto" = "arrest"
"#,
        )
        .unwrap();
        let problems = Mapping::new(&profile, &header(&["Fecha"])).unwrap_err();
        assert!(problems.contains(&ProfileProblem::UnknownField {
            at: "Fecha".into(),
            field: "event.fecha".into()
        }));
        assert!(problems.contains(&ProfileProblem::UnknownColumn {
            column: "Nada".into()
        }));
        assert!(problems.contains(&ProfileProblem::UnknownCode {
            field: "event.type".into(),
            code: "arrest".into()
        }));
        for p in &problems {
            assert_ne!(p.message(Lang::En), p.message(Lang::Es), "{p:?}");
        }
    }

    #[test]
    fn not_toml_says_where() {
        let err = Profile::from_toml("[columns]\n\"a\" = \n").unwrap_err();
        assert!(
            matches!(err, ProfileProblem::NotAProfile { line: Some(2), .. }),
            "{err:?}"
        );
    }
}
