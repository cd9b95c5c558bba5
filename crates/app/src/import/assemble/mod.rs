//! A read row to the records it writes: a group, a person, an event (any
//! of them), each with a stable id, merged into what the vault already
//! holds so that a column the sheet does not have never erases a field.
//! A group name cell may name several groups, `;` between them (as the
//! spreadsheet export joins a person's groups), unless the whole cell is a
//! stored group's name or the row has a `group.id`; the row's person is
//! put in them. An `event.groups` cell names the event's groups alone (as
//! the export's events sheet writes them).
//!
//! Ids: a mapped `*.id` column is used as written. Otherwise a person is
//! found by pseudonym (case and accents ignored) and a group by name, or
//! gets an id derived from it; an event's id is derived from the profile's
//! key column, or else from what identifies it (type, date, person, group,
//! place) and how many rows before it said the same. The same file, or a
//! corrected one, imported again therefore updates instead of duplicating.

mod event;
mod person;

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use testimonio_domain::exchange::{GroupRecord, PersonRecord};
use testimonio_domain::{FieldError, RecordId};
use testimonio_vault::{ImportRecord, ImportSession, VaultError};

use super::cells::{Place, ReadRow, RowProblem};
use super::fields::{Entity, Field};
use super::profile::Mapping;
use super::values::key;
use person::index_identity;

/// Names to ids, and the records this import has written so far.
pub struct Assembler {
    people_by_pseudonym: HashMap<String, Option<RecordId>>,
    groups_by_name: HashMap<String, Option<RecordId>>,
    people: HashMap<RecordId, PersonRecord>,
    groups: HashMap<RecordId, GroupRecord>,
    /// How many rows so far described each event identity (by digest).
    event_keys: HashMap<[u8; 32], u32>,
    /// The consent level each person was given by this import, and the row.
    consents: HashMap<RecordId, (String, u64)>,
    /// Stored people by legal name, alias and A-number ([`identity_key`]),
    /// read only when the sheet maps one of them; `None` when two share it.
    identities: HashMap<String, Option<(RecordId, String)>>,
    today: chrono::NaiveDate,
}

type Problems = Vec<(Place, RowProblem)>;

fn derived_id(prefix: &str, parts: &[&str]) -> RecordId {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0x1f]);
    }
    let hex = hex::encode(hash.finalize());
    RecordId::parse("id", &format!("{prefix}-{}", &hex[..16])).expect("hex ids are valid")
}

/// Adds `id` under `name`, or marks the name ambiguous.
fn index(map: &mut HashMap<String, Option<RecordId>>, name: &str, id: &RecordId) {
    map.entry(key(name))
        .and_modify(|slot| {
            if slot.as_ref() != Some(id) {
                *slot = None;
            }
        })
        .or_insert_with(|| Some(id.clone()));
}

impl Assembler {
    /// Reads the people's pseudonyms and the groups' names once.
    ///
    /// # Errors
    /// Database errors.
    pub fn new(session: &mut ImportSession<'_>, mapping: &Mapping) -> Result<Self, VaultError> {
        let mut people_by_pseudonym = HashMap::new();
        for p in session.people()? {
            index(&mut people_by_pseudonym, p.pseudonym.as_str(), &p.id);
        }
        let mut groups_by_name = HashMap::new();
        for g in session.groups()? {
            index(&mut groups_by_name, g.name.as_str(), &g.id);
        }
        let mut identities = HashMap::new();
        let names_people = [Field::PersonLegalName, Field::PersonANumber]
            .iter()
            .any(|f| mapping.column_of(*f).is_some());
        if names_people {
            for person in session.identities()? {
                index_identity(&mut identities, &person);
            }
        }
        Ok(Self {
            people_by_pseudonym,
            identities,
            groups_by_name,
            people: HashMap::new(),
            groups: HashMap::new(),
            event_keys: HashMap::new(),
            consents: HashMap::new(),
            today: chrono::Local::now().date_naive(),
        })
    }

    /// The records of `row`, or every problem that refuses it.
    ///
    /// # Errors
    /// `Err(Err(_))`: a database error that stops the import.
    pub fn assemble(
        &mut self,
        session: &mut ImportSession<'_>,
        mapping: &Mapping,
        row: &ReadRow,
        row_number: u64,
    ) -> Result<Result<Vec<ImportRecord>, Problems>, VaultError> {
        let mut problems: Problems = Vec::new();
        let place = |field: Field| match mapping.column_of(field) {
            Some(column) => Place::Column(column),
            None if mapping.constants.iter().any(|(f, _)| *f == field) => Place::Constant(field),
            None => Place::Row,
        };
        let has = |entity: Entity| row.values.keys().any(|f| f.entity() == entity);
        let mut records = Vec::new();

        let mut groups = if has(Entity::Group) {
            match self.groups(session, row)? {
                Ok(groups) => groups,
                Err(problem) => {
                    problems.push((place(Field::GroupName), problem));
                    Vec::new()
                }
            }
        } else {
            Vec::new()
        };
        let person = if has(Entity::Person) {
            match self.person(session, row, mapping, &groups, row_number)? {
                Ok(person) => Some(person),
                Err(problem @ RowProblem::ConsentConflict { .. }) => {
                    problems.push((place(Field::PersonConsent), problem));
                    None
                }
                Err(problem @ RowProblem::PossibleMatch { .. }) => {
                    let at = if mapping.column_of(Field::PersonANumber).is_some() {
                        Field::PersonANumber
                    } else {
                        Field::PersonLegalName
                    };
                    problems.push((place(at), problem));
                    None
                }
                Err(problem) => {
                    problems.push((place(Field::PersonPseudonym), problem));
                    None
                }
            }
        } else {
            None
        };
        let event = if has(Entity::Event) {
            let mut event_groups = groups.clone();
            match self.event_groups(session, row)? {
                Ok(named) => {
                    for g in named {
                        if !event_groups.iter().any(|known| known.id == g.id) {
                            event_groups.push(g);
                        }
                    }
                }
                Err(problem) => problems.push((place(Field::EventGroups), problem)),
            }
            let event = self.event(session, row, person.as_ref(), &event_groups)?;
            groups = event_groups;
            Some(event)
        } else {
            None
        };
        let domain_problems = |entity: Entity, errors: Vec<FieldError>, problems: &mut Problems| {
            for error in errors {
                let field = field_of(entity, &error.field);
                let at = field.map_or(Place::Row, place);
                problems.push((at, RowProblem::Field(error)));
            }
        };
        for g in &groups {
            match g.into_group() {
                Ok(g) => records.push(ImportRecord::Group(g)),
                Err(e) => domain_problems(Entity::Group, e, &mut problems),
            }
        }
        if let Some(p) = &person {
            match p.into_person() {
                Ok(p) => records.push(ImportRecord::Person(p)),
                Err(e) => domain_problems(Entity::Person, e, &mut problems),
            }
        }
        if let Some(e) = &event {
            let missing: Vec<Field> = [
                (Field::EventType, e.event_type.is_empty()),
                (Field::EventDate, e.date.is_empty()),
            ]
            .into_iter()
            .filter_map(|(field, missing)| missing.then_some(field))
            .collect();
            if missing.is_empty() {
                match e.into_event() {
                    Ok(e) => records.push(ImportRecord::Event(e)),
                    Err(errors) => domain_problems(Entity::Event, errors, &mut problems),
                }
            }
            for field in missing {
                problems.push((place(field), RowProblem::NoEvent { field }));
            }
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        Ok(Ok(records))
    }

    /// Remembers what a written row stored, for the rows after it.
    pub fn written(&mut self, records: &[ImportRecord]) {
        for record in records {
            match record {
                ImportRecord::Group(g) => {
                    index(&mut self.groups_by_name, g.name.as_str(), &g.id);
                    self.groups.insert(g.id.clone(), GroupRecord::from_group(g));
                }
                ImportRecord::Person(p) => {
                    index(&mut self.people_by_pseudonym, p.pseudonym.as_str(), &p.id);
                    index_identity(&mut self.identities, p);
                    self.people
                        .insert(p.id.clone(), PersonRecord::from_person(p));
                }
                ImportRecord::Event(_) => {}
            }
        }
    }

    /// The row's groups: its group, or — with no `group.id` column, and a
    /// name cell that names no stored group whole — each of the names
    /// written in it with `;` between them, as the spreadsheet export
    /// writes a person's groups. Only a row's single group takes the row's
    /// group state and city.
    fn groups(
        &mut self,
        session: &ImportSession<'_>,
        row: &ReadRow,
    ) -> Result<Result<Vec<GroupRecord>, RowProblem>, VaultError> {
        match row.values.get(&Field::GroupName) {
            Some(cell) if cell.contains(';') && !row.values.contains_key(&Field::GroupId) => {
                self.named_groups(session, row, cell)
            }
            _ => Ok(self.group(session, row, None)?.map(|g| vec![g])),
        }
    }

    /// The groups an `event.groups` cell names, `;` between them: the
    /// event's only, the row's person is not put in them.
    fn event_groups(
        &mut self,
        session: &ImportSession<'_>,
        row: &ReadRow,
    ) -> Result<Result<Vec<GroupRecord>, RowProblem>, VaultError> {
        match row.values.get(&Field::EventGroups) {
            Some(cell) => self.named_groups(session, row, cell),
            None => Ok(Ok(Vec::new())),
        }
    }

    /// The groups a cell names: the stored group whose name is the whole
    /// cell, else each name between `;`.
    fn named_groups(
        &mut self,
        session: &ImportSession<'_>,
        row: &ReadRow,
        cell: &str,
    ) -> Result<Result<Vec<GroupRecord>, RowProblem>, VaultError> {
        let names: Vec<&str> = if self.groups_by_name.contains_key(&key(cell)) {
            vec![cell.trim()]
        } else {
            cell.split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect()
        };
        let mut groups: Vec<GroupRecord> = Vec::new();
        for name in names {
            match self.group(session, row, Some(name))? {
                Ok(g) if groups.iter().any(|known| known.id == g.id) => {}
                Ok(g) => groups.push(g),
                Err(problem) => return Ok(Err(problem)),
            }
        }
        Ok(Ok(groups))
    }

    /// The row's group, or the group named `one_of` among the row's.
    fn group(
        &mut self,
        session: &ImportSession<'_>,
        row: &ReadRow,
        one_of: Option<&str>,
    ) -> Result<Result<GroupRecord, RowProblem>, VaultError> {
        let name = one_of.or_else(|| row.values.get(&Field::GroupName).map(String::as_str));
        let id_cell = one_of
            .is_none()
            .then(|| row.values.get(&Field::GroupId))
            .flatten();
        let id = match (id_cell, name) {
            (Some(id), _) => match RecordId::parse("group.id", id) {
                Ok(id) => id,
                Err(e) => return Ok(Err(RowProblem::Field(e))),
            },
            (None, Some(name)) => match self.groups_by_name.get(&key(name)) {
                Some(Some(id)) => id.clone(),
                Some(None) => return Ok(Err(RowProblem::SameName)),
                None => derived_id("grp", &[&key(name)]),
            },
            (None, None) => return Ok(Err(RowProblem::NoGroupName)),
        };
        let mut record = match self.groups.get(&id) {
            Some(known) => known.clone(),
            None => session
                .group(&id)?
                .map(|g| GroupRecord::from_group(&g))
                .unwrap_or_else(|| GroupRecord {
                    id: id.to_string(),
                    ..GroupRecord::default()
                }),
        };
        if let Some(name) = name {
            name.clone_into(&mut record.name);
        }
        if one_of.is_none() {
            set(&mut record.state, row, Field::GroupState);
            set(&mut record.city, row, Field::GroupCity);
        }
        if record.name.is_empty() {
            return Ok(Err(RowProblem::NoGroupName));
        }
        Ok(Ok(record))
    }
}

/// Sets an optional field from the row when the row has a value for it.
fn set(slot: &mut Option<String>, row: &ReadRow, field: Field) {
    if let Some(value) = row.values.get(&field) {
        *slot = Some(value.clone());
    }
}

/// The field a domain error names (`event_type`, `people[0].role`).
fn field_of(entity: Entity, name: &str) -> Option<Field> {
    let bare = name.split(['[', '.']).next().unwrap_or(name);
    let prefix = match entity {
        Entity::Group => "group",
        Entity::Person => "person",
        Entity::Event => "event",
    };
    match (entity, bare) {
        (Entity::Event, "event_type") => Some(Field::EventType),
        (Entity::Event, "people") => Some(Field::PersonRole),
        (Entity::Event, "groups") | (Entity::Person, "groups") => Some(Field::GroupName),
        (Entity::Person, "consent") => Some(Field::PersonConsent),
        _ => Field::parse(&format!("{prefix}.{bare}")),
    }
}
