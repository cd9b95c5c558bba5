//! One spreadsheet row read through a mapping: each mapped cell (and each
//! constant) turned into the value its field takes — a date in canonical
//! form, a code, a year, text — or a problem naming the column.

use std::collections::BTreeMap;

use testimonio_domain::{FieldError, Lang};
use testimonio_i18n::tr;
use testimonio_sheets::{DateOrder, read_date};

use super::fields::{Field, ValueKind};
use super::profile::Mapping;
use super::values::{self, key};

/// Why a cell, or a row, was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// Not a date in any form the column's order reads.
    NotADate,
    /// Not a year, nor a date to take the year from.
    NotAYear,
    /// A value the field's codes do not name (shown to the user: it is
    /// their own cell, in their own report).
    UnknownValue { field: Field, value: String },
    /// A rule of the records (from the domain).
    Field(FieldError),
    /// A person named by no pseudonym (and no id of a stored person).
    NoPseudonym,
    /// A group named by no name (and no id of a stored group).
    NoGroupName,
    /// Two stored records have this pseudonym (or group name): the row
    /// must name the one it means by id.
    SameName,
    /// The row's legal name or A-number is a stored person's, under
    /// another pseudonym (or none): the user confirms, in the profile's
    /// `[people]`, that it is them or a new person. Never merged or
    /// duplicated unasked.
    PossibleMatch {
        value: String,
        person: testimonio_domain::RecordId,
        pseudonym: String,
    },
    /// The row gives a person another consent than an earlier row of the
    /// same import did: consent is never guessed.
    ConsentConflict { row: u64 },
    /// An event without a type or a date.
    NoEvent { field: Field },
    /// The vault refused the row (an unknown reference).
    Refused(String),
}

impl RowProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RowProblem::NotADate => tr!(lang, "import-problem-not-a-date").to_owned(),
            RowProblem::NotAYear => tr!(lang, "import-problem-not-a-year").to_owned(),
            RowProblem::UnknownValue { field, value } => tr!(
                lang,
                "import-problem-unknown-value",
                value = value.as_str(),
                field = field.name()
            ),
            RowProblem::Field(error) => error.problem.message(lang),
            RowProblem::NoPseudonym => tr!(lang, "import-problem-no-pseudonym").to_owned(),
            RowProblem::NoGroupName => tr!(lang, "import-problem-no-group-name").to_owned(),
            RowProblem::SameName => tr!(lang, "import-problem-same-name").to_owned(),
            RowProblem::PossibleMatch {
                person, pseudonym, ..
            } => tr!(
                lang,
                "import-problem-possible-match",
                id = person.as_str(),
                pseudonym = pseudonym.as_str()
            ),
            RowProblem::ConsentConflict { row } => {
                tr!(lang, "import-problem-consent-conflict", row = *row)
            }
            RowProblem::NoEvent {
                field: Field::EventType,
            } => tr!(lang, "import-problem-no-event-type").to_owned(),
            RowProblem::NoEvent { .. } => tr!(lang, "import-problem-no-event-date").to_owned(),
            RowProblem::Refused(reason) => reason.clone(),
        }
    }
}

/// Where a problem is: a column of the file, or a constant of the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Column(usize),
    Constant(Field),
    Row,
}

/// A row read through a mapping.
#[derive(Debug, Clone, Default)]
pub struct ReadRow {
    /// Each mapped field's value: trimmed text, a code, `[~]YYYY[-MM[-DD]]`,
    /// or a year. Empty cells are absent.
    pub values: BTreeMap<Field, String>,
    pub problems: Vec<(Place, RowProblem)>,
    /// Date columns whose value the other order reads as another day.
    pub ambiguous: Vec<usize>,
    /// The original text of each mapped, non-empty cell, by column.
    pub originals: Vec<(usize, String)>,
    /// The key column's text, when the profile names one.
    pub key: Option<String>,
}

impl ReadRow {
    /// Whether no mapped cell had a value (a blank or decorative row).
    pub fn is_blank(&self) -> bool {
        self.originals.is_empty()
    }
}

/// Reads `cells` through `mapping`.
pub fn read_row(mapping: &Mapping, cells: &[String]) -> ReadRow {
    let mut row = ReadRow::default();
    for (column, field) in &mapping.columns {
        let Some(cell) = cells.get(*column).map(|c| c.trim()) else {
            continue;
        };
        if cell.is_empty() {
            continue;
        }
        row.originals.push((*column, cell.to_owned()));
        let order = mapping
            .dates
            .get(column)
            .copied()
            .unwrap_or(DateOrder::DayMonth);
        match value(mapping, *field, cell, order) {
            Ok((value, ambiguous)) => {
                if ambiguous {
                    row.ambiguous.push(*column);
                }
                row.values.insert(*field, value);
            }
            Err(problem) => row.problems.push((Place::Column(*column), problem)),
        }
    }
    if row.originals.is_empty() {
        return row;
    }
    for (field, constant) in &mapping.constants {
        match value(mapping, *field, constant.trim(), DateOrder::DayMonth) {
            Ok((value, _)) => {
                row.values.insert(*field, value);
            }
            Err(problem) => row.problems.push((Place::Constant(*field), problem)),
        }
    }
    row.key = mapping
        .key
        .and_then(|k| cells.get(k))
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    row
}

/// One cell's value for `field`, and whether its date was ambiguous.
fn value(
    mapping: &Mapping,
    field: Field,
    cell: &str,
    order: DateOrder,
) -> Result<(String, bool), RowProblem> {
    match field.kind() {
        ValueKind::Text => Ok((cell.to_owned(), false)),
        ValueKind::Date => date(cell, order)
            .map(|d| (d.canonical, d.ambiguous))
            .ok_or(RowProblem::NotADate),
        ValueKind::Year => year(cell, order)
            .map(|y| (y, false))
            .ok_or(RowProblem::NotAYear),
        ValueKind::Code(table) => mapping
            .values
            .get(&field)
            .and_then(|chosen| chosen.get(&key(cell)).cloned())
            .or_else(|| values::code(table, cell).map(str::to_owned))
            .map(|code| (code, false))
            .ok_or_else(|| RowProblem::UnknownValue {
                field,
                value: cell.chars().take(80).collect(),
            }),
    }
}

/// A date, also when a time follows it (`2019-03-04T10:00:00`,
/// `03/04/2019 10:30`).
fn date(cell: &str, order: DateOrder) -> Option<testimonio_sheets::CellDate> {
    read_date(cell, order).or_else(|| {
        let day = cell.split(['T', ' ']).next()?;
        (day.len() >= 8 && day.len() < cell.len())
            .then(|| read_date(day, order))
            .flatten()
    })
}

/// A year: four digits, or the year of a date.
fn year(cell: &str, order: DateOrder) -> Option<String> {
    if cell.len() == 4 && cell.bytes().all(|b| b.is_ascii_digit()) {
        return Some(cell.to_owned());
    }
    let read = date(cell, order)?;
    let digits = read.canonical.trim_start_matches('~');
    digits.get(..4).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::profile::Profile;

    fn mapping(toml: &str, header: &[&str]) -> Mapping {
        let header: Vec<String> = header.iter().map(|s| (*s).to_owned()).collect();
        Mapping::new(&Profile::from_toml(toml).unwrap(), &header).unwrap()
    }

    fn cells(values: &[&str]) -> Vec<String> {
        values.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn dates_codes_years_and_constants_in_one_row() {
        let m = mapping(
            r#"
[columns]
"Fecha" = "event.date"
"Tipo" = "event.type"
"Nacimiento" = "person.birth_year"
[constants]
"event.kind" = "Represalia"
[dates]
"Fecha" = "dmy"
[values."event.type"]
"Lo detuvieron" = "stop_or_arrest"
"#,
            &["Fecha", "Tipo", "Nacimiento"],
        );
        let row = read_row(&m, &cells(&["03/04/2019 10:30", "lo detuvieron", "1980"]));
        assert!(row.problems.is_empty(), "{:?}", row.problems);
        assert_eq!(row.values[&Field::EventDate], "2019-04-03");
        assert_eq!(row.values[&Field::EventType], "stop_or_arrest");
        assert_eq!(row.values[&Field::PersonBirthYear], "1980");
        assert_eq!(row.values[&Field::EventKind], "enforcement_action");
        assert_eq!(row.ambiguous, vec![0]);
    }

    #[test]
    fn each_bad_cell_is_a_problem_at_its_column() {
        let m = mapping(
            "[columns]\n\"Fecha\" = \"event.date\"\n\"Estado\" = \"event.state\"\n",
            &["Fecha", "Estado"],
        );
        let row = read_row(&m, &cells(&["31/31/2019", "Narnia"]));
        assert_eq!(row.problems.len(), 2);
        assert_eq!(row.problems[0], (Place::Column(0), RowProblem::NotADate));
        assert!(matches!(
            &row.problems[1],
            (
                Place::Column(1),
                RowProblem::UnknownValue {
                    field: Field::EventState,
                    ..
                }
            )
        ));
        let blank = read_row(&m, &cells(&["", " "]));
        assert!(blank.is_blank() && blank.problems.is_empty());
    }
}
