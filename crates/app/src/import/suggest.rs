//! Suggestions: a profile guessed from a file's header and its first rows.
//! Headers are compared with each field's English and Spanish names
//! (case, accents and punctuation ignored); a column whose header says
//! nothing is judged by its values (dates, states, field offices, event
//! types…). Each date column's order is chosen from the values that only
//! one order reads, else the user's language's custom. Every value of a
//! code column that maps without being the code itself is written into
//! the profile, so the user sees each decision before anything is stored.

use std::collections::{BTreeMap, BTreeSet};

use testimonio_domain::Lang;
use testimonio_sheets::{DateOrder, read_date};

use super::fields::{Field, ValueKind};
use super::profile::{IGNORE, Profile};
use super::values::{self, key};

/// Rows looked at for suggestions.
pub const SAMPLE_ROWS: usize = 500;
/// Distinct values of one column written into the profile at most.
const MAX_VALUES: usize = 60;

/// How well `header` names `field`: most as its label, then as one of its
/// names, less when the header's words include a name's words (longer
/// names weigh more), else 0.
fn header_score(header: &str, field: Field) -> u32 {
    let folded = key(header);
    if folded.is_empty() {
        return 0;
    }
    // Its own label, in either language ("Evento: fecha"), as exports write it.
    if [Lang::En, Lang::Es]
        .iter()
        .any(|lang| key(field.label(*lang)) == folded)
    {
        return 310;
    }
    let words: BTreeSet<&str> = folded.split(' ').collect();
    field
        .synonyms()
        .iter()
        .map(|synonym| {
            if *synonym == folded {
                300
            } else if synonym.len() > 2 && synonym.split(' ').all(|w| words.contains(w)) {
                200 + u32::try_from(synonym.len()).unwrap_or(0)
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// The share of `cells` (non-empty) that `field` reads.
fn share_read(field: Field, cells: &[&str]) -> f64 {
    if cells.is_empty() {
        return 0.0;
    }
    let read = cells.iter().filter(|c| reads(field, c)).count();
    read as f64 / cells.len() as f64
}

fn reads(field: Field, cell: &str) -> bool {
    match field.kind() {
        ValueKind::Code(table) => values::code(table, cell).is_some(),
        ValueKind::Date | ValueKind::Year => read_date(cell, DateOrder::DayMonth).is_some(),
        ValueKind::Text => true,
    }
}

/// Whether a column's values alone say they are dates: a number alone
/// (a zip code, a count) reads as a spreadsheet serial date, so only a
/// header that says "date" may make numbers dates.
fn looks_like_date(cell: &str) -> bool {
    !cell.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && read_date(cell, DateOrder::DayMonth).is_some()
}

/// Fields a column's values alone can suggest, in the order tried.
const BY_VALUES: [Field; 7] = [
    Field::EventDate,
    Field::EventType,
    Field::EventState,
    Field::EventFieldOffice,
    Field::EventAgency,
    Field::PersonConsent,
    Field::PersonRole,
];

/// The profile suggested for a file with `header` and first rows `sample`.
pub fn suggest(header: &[String], sample: &[Vec<String>], lang: Lang) -> Profile {
    let cells_of = |column: usize| -> Vec<&str> {
        sample
            .iter()
            .filter_map(|row| row.get(column).map(String::as_str))
            .filter(|c| !c.trim().is_empty())
            .collect()
    };
    let mut candidates: Vec<(u32, usize, Field)> = Vec::new();
    for (column, name) in header.iter().enumerate() {
        let cells = cells_of(column);
        for field in Field::ALL {
            let score = header_score(name, *field);
            // A code column whose values mostly do not read is not that field.
            let values_agree = !matches!(field.kind(), ValueKind::Code(_) | ValueKind::Date)
                || cells.len() < 3
                || share_read(*field, &cells) >= 0.5;
            if score > 0 && values_agree {
                candidates.push((score, column, *field));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: BTreeMap<usize, Field> = BTreeMap::new();
    for (_, column, field) in candidates {
        if !chosen.contains_key(&column) && !chosen.values().any(|f| *f == field) {
            chosen.insert(column, field);
        }
    }
    for column in 0..header.len() {
        if chosen.contains_key(&column) {
            continue;
        }
        let cells = cells_of(column);
        if cells.len() < 3 {
            continue;
        }
        let taken: Vec<Field> = chosen.values().copied().collect();
        let by_values = BY_VALUES
            .iter()
            .map(|f| match f {
                Field::EventDate if taken.contains(&Field::EventDate) => Field::EventEndDate,
                other => *other,
            })
            .find(|f| {
                let share = if matches!(f.kind(), ValueKind::Date) {
                    cells.iter().filter(|c| looks_like_date(c)).count() as f64 / cells.len() as f64
                } else {
                    share_read(*f, &cells)
                };
                !taken.contains(f) && share >= 0.8
            });
        if let Some(field) = by_values {
            chosen.insert(column, field);
        }
    }
    let mut profile = Profile::default();
    for (column, name) in header.iter().enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        let field = chosen.get(&column);
        profile.columns.insert(
            name.clone(),
            field.map_or(IGNORE.to_owned(), |f| f.name().to_owned()),
        );
        let Some(field) = field else { continue };
        match field.kind() {
            ValueKind::Date | ValueKind::Year => {
                let order = date_order(&cells_of(column), lang);
                profile.dates.insert(name.clone(), order.to_owned());
            }
            ValueKind::Code(table) => {
                let mut mapped = BTreeMap::new();
                for cell in cells_of(column) {
                    if mapped.len() >= MAX_VALUES {
                        break;
                    }
                    match values::code(table, cell) {
                        Some(code) if code != cell.trim() => {
                            mapped.insert(cell.trim().to_owned(), code.to_owned());
                        }
                        _ => {}
                    }
                }
                if !mapped.is_empty() {
                    profile.values.insert(field.name().to_owned(), mapped);
                }
            }
            ValueKind::Text => {}
        }
    }
    profile
}

/// `dmy` or `mdy` for a column: the order that reads values the other
/// cannot; else the custom of `lang`.
pub fn date_order(cells: &[&str], lang: Lang) -> &'static str {
    let (mut only_dmy, mut only_mdy) = (0, 0);
    for cell in cells {
        let dmy = read_date(cell, DateOrder::DayMonth).is_some();
        let mdy = read_date(cell, DateOrder::MonthDay).is_some();
        match (dmy, mdy) {
            (true, false) => only_dmy += 1,
            (false, true) => only_mdy += 1,
            _ => {}
        }
    }
    match (only_dmy, only_mdy) {
        (d, m) if d > m => "dmy",
        (d, m) if m > d => "mdy",
        _ if lang == Lang::Es => "dmy",
        _ => "mdy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn spanish_headers_and_values_suggest_fields_codes_and_order() {
        let header = strings(&[
            "Seudónimo",
            "Fecha del evento",
            "Tipo de evento",
            "Estado",
            "Oficina",
            "Rol",
            "Consentimiento",
            "Columna rara",
        ]);
        let rows = vec![
            strings(&[
                "Luz",
                "13/03/2019",
                "Arresto",
                "Texas",
                "San Antonio",
                "Organizador/a",
                "público anónimo",
                "x",
            ]),
            strings(&[
                "Sol",
                "3 de marzo de 2019",
                "Notificación de comparecencia",
                "TX",
                "SNA",
                "Testigo",
                "interno",
                "y",
            ]),
            strings(&[
                "Mar",
                "04/05/2019",
                "Deportación",
                "Arizona",
                "Phoenix",
                "Vocera",
                "Solo uso interno",
                "z",
            ]),
        ];
        let profile = suggest(&header, &rows, Lang::Es);
        let field = |h: &str| profile.columns[h].as_str();
        assert_eq!(field("Seudónimo"), "person.pseudonym");
        assert_eq!(field("Fecha del evento"), "event.date");
        assert_eq!(field("Tipo de evento"), "event.type");
        assert_eq!(field("Estado"), "event.state");
        assert_eq!(field("Oficina"), "event.field_office");
        assert_eq!(field("Rol"), "person.role");
        assert_eq!(field("Consentimiento"), "person.consent");
        assert_eq!(field("Columna rara"), IGNORE);
        assert_eq!(profile.dates["Fecha del evento"], "dmy");
        assert_eq!(profile.values["event.type"]["Arresto"], "stop_or_arrest");
        assert_eq!(profile.values["event.field_office"]["San Antonio"], "SNA");
        assert_eq!(
            profile.values["person.consent"]["público anónimo"],
            "public_anonymous"
        );
    }

    #[test]
    fn a_column_is_known_by_its_values_when_its_header_says_nothing() {
        let header = strings(&["Columna 1", "Columna 2"]);
        let rows = vec![
            strings(&["2019-03-01", "Texas"]),
            strings(&["2019-03-02", "California"]),
            strings(&["2019-03-05", "Arizona"]),
        ];
        let profile = suggest(&header, &rows, Lang::En);
        assert_eq!(profile.columns["Columna 1"], "event.date");
        assert_eq!(profile.columns["Columna 2"], "event.state");
    }

    #[test]
    fn the_fields_own_labels_name_them_in_both_languages() {
        let header: Vec<String> = [Field::GroupState, Field::EventState, Field::GroupName]
            .iter()
            .map(|f| f.label(Lang::Es).to_owned())
            .chain([Field::PersonRole.label(Lang::En).to_owned()])
            .collect();
        let profile = suggest(&header, &[], Lang::Es);
        assert_eq!(profile.columns[&header[0]], "group.state");
        assert_eq!(profile.columns[&header[1]], "event.state");
        assert_eq!(profile.columns[&header[2]], "group.name");
        assert_eq!(profile.columns[&header[3]], "person.role");
    }

    #[test]
    fn numbers_alone_are_not_taken_for_dates() {
        let header = strings(&["Zip"]);
        let rows = vec![
            strings(&["78580"]),
            strings(&["85132"]),
            strings(&["10014"]),
        ];
        assert_eq!(suggest(&header, &rows, Lang::En).columns["Zip"], IGNORE);
    }

    #[test]
    fn the_date_order_follows_the_values_then_the_language() {
        assert_eq!(date_order(&["12/31/2019", "01/02/2019"], Lang::Es), "mdy");
        assert_eq!(date_order(&["31/12/2019"], Lang::En), "dmy");
        assert_eq!(date_order(&["01/02/2019"], Lang::Es), "dmy");
        assert_eq!(date_order(&["01/02/2019"], Lang::En), "mdy");
    }
}
