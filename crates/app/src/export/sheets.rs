//! The records as rows of a spreadsheet in the user's language: which
//! columns each sheet has (import fields, so that the headers are the
//! fields' own labels and the sheet imports again through suggestions
//! alone), and each record's cells — codes as their labels, dates in their
//! canonical form (`2019-03-04`, `2019-03`, `~2019`), which no locale reads
//! as another day.

use std::collections::HashMap;

use chrono::NaiveDate;
use testimonio_domain::{Event, Group, Lang, Person, RecordId};
use testimonio_vault::ExportedRecords;
use zeroize::Zeroizing;

use crate::import::Field;

/// A sheet's rows: every cell a string. Zeroed when dropped (people's
/// rows hold their identities).
pub type Rows = Zeroizing<Vec<Vec<String>>>;

/// The columns of the events sheet: one row per event and participant.
pub const EVENT_COLUMNS: [Field; 16] = [
    Field::EventId,
    Field::EventKind,
    Field::EventType,
    Field::EventDate,
    Field::EventEndDate,
    Field::EventState,
    Field::EventCity,
    Field::EventFacility,
    Field::EventAgency,
    Field::EventFieldOffice,
    Field::EventVerification,
    Field::EventNarrative,
    Field::EventGroups,
    Field::PersonId,
    Field::PersonPseudonym,
    Field::PersonRole,
];

/// The columns of the people sheet, identities included.
pub const PERSON_COLUMNS: [Field; 11] = [
    Field::PersonId,
    Field::PersonPseudonym,
    Field::PersonLegalName,
    Field::PersonAliases,
    Field::PersonContact,
    Field::PersonANumber,
    Field::PersonImmigrationStatus,
    Field::PersonAddress,
    Field::PersonBirthYear,
    Field::PersonConsent,
    Field::GroupName,
];

/// The columns of the groups sheet.
pub const GROUP_COLUMNS: [Field; 4] = [
    Field::GroupId,
    Field::GroupName,
    Field::GroupState,
    Field::GroupCity,
];

/// Several values in one cell (a person's aliases, an event's groups), as
/// the import splits them again.
const JOIN: &str = "; ";

/// The header of a sheet: each column's field label in `lang`.
pub fn header(columns: &[Field], lang: Lang) -> Vec<&'static str> {
    columns.iter().map(|f| f.label(lang)).collect()
}

/// Names by id, for the cells that show a group's name or a person's
/// pseudonym where the record holds an id.
struct Names<'a> {
    groups: HashMap<&'a RecordId, &'a str>,
    pseudonyms: HashMap<&'a RecordId, &'a str>,
}

impl<'a> Names<'a> {
    fn new(all: &'a ExportedRecords) -> Self {
        Self {
            groups: all
                .groups
                .iter()
                .map(|g| (&g.id, g.name.as_str()))
                .collect(),
            pseudonyms: all
                .people
                .iter()
                .map(|p| (&p.id, p.pseudonym.as_str()))
                .collect(),
        }
    }

    /// The groups' names joined; an id the vault does not know (it checks
    /// references, so none) as itself.
    fn groups(&self, ids: &[RecordId]) -> String {
        ids.iter()
            .map(|id| self.groups.get(id).copied().unwrap_or(id.as_str()))
            .collect::<Vec<_>>()
            .join(JOIN)
    }
}

fn text<T: AsRef<str>>(value: Option<T>) -> String {
    value.map(|v| v.as_ref().to_owned()).unwrap_or_default()
}

/// The events sheet's rows: one per event and participant, or one for an
/// event without participants.
pub fn event_rows(all: &ExportedRecords, lang: Lang) -> Rows {
    let names = Names::new(all);
    let mut rows = Zeroizing::new(Vec::new());
    for event in &all.events {
        let cells = Zeroizing::new(event_cells(event, &names, lang));
        if event.participants().is_empty() {
            let mut row = (*cells).clone();
            row.extend([String::new(), String::new(), String::new()]);
            rows.push(row);
            continue;
        }
        for participant in event.participants() {
            let mut row = (*cells).clone();
            row.extend([
                participant.person.to_string(),
                names
                    .pseudonyms
                    .get(&participant.person)
                    .map_or_else(String::new, |p| (*p).to_owned()),
                participant.role.label(lang).to_owned(),
            ]);
            rows.push(row);
        }
    }
    rows
}

/// An event's cells up to its groups (the columns before the person's).
fn event_cells(event: &Event, names: &Names<'_>, lang: Lang) -> Vec<String> {
    let place = event.location();
    vec![
        event.id().to_string(),
        event.kind().label(lang).to_owned(),
        event.event_type().label(lang).to_owned(),
        event.date().to_string(),
        text(event.end_date().map(|d| d.to_string())),
        text(place.state.map(|s| s.name(lang))),
        text(place.city.as_ref().map(|c| c.as_str())),
        text(place.facility.as_ref().map(|f| f.as_str())),
        text(event.agency().map(|a| a.name(lang))),
        text(event.field_office().map(|o| o.name(lang))),
        event.verification().label(lang).to_owned(),
        text(event.narrative().map(|n| n.expose())),
        names.groups(event.groups()),
    ]
}

/// The people sheet's rows, with the consent level in force on `today`.
pub fn person_rows(all: &ExportedRecords, lang: Lang, today: NaiveDate) -> Rows {
    let names = Names::new(all);
    let rows = all
        .people
        .iter()
        .map(|person| person_cells(person, &names, lang, today))
        .collect();
    Zeroizing::new(rows)
}

fn person_cells(person: &Person, names: &Names<'_>, lang: Lang, today: NaiveDate) -> Vec<String> {
    let identity = &person.identity;
    vec![
        person.id.to_string(),
        person.pseudonym.as_str().to_owned(),
        text(identity.legal_name.as_ref().map(|n| n.expose())),
        identity
            .aliases
            .iter()
            .map(|a| a.expose())
            .collect::<Vec<_>>()
            .join(JOIN),
        text(identity.contact.as_ref().map(|c| c.expose())),
        text(identity.a_number.as_ref().map(|a| a.expose())),
        text(identity.immigration_status.as_ref().map(|s| s.expose())),
        text(identity.address.as_ref().map(|a| a.expose())),
        text(identity.birth_year.map(|y| y.to_string())),
        person.consent.level_on(today).label(lang).to_owned(),
        names.groups(&person.groups),
    ]
}

/// The groups sheet's rows.
pub fn group_rows(all: &ExportedRecords, lang: Lang) -> Rows {
    let rows = all
        .groups
        .iter()
        .map(|group: &Group| {
            vec![
                group.id.to_string(),
                group.name.as_str().to_owned(),
                text(group.state.map(|s| s.name(lang))),
                text(group.city.as_ref().map(|c| c.as_str())),
            ]
        })
        .collect();
    Zeroizing::new(rows)
}
