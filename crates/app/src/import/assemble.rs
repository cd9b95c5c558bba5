//! A read row to the records it writes: a group, a person, an event (any
//! of them), each with a stable id, merged into what the vault already
//! holds so that a column the sheet does not have never erases a field.
//! A group name cell may name several groups, `;` between them (as the
//! spreadsheet export joins an event's or a person's groups), unless the
//! whole cell is a stored group's name or the row has a `group.id`.
//!
//! Ids: a mapped `*.id` column is used as written. Otherwise a person is
//! found by pseudonym (case and accents ignored) and a group by name, or
//! gets an id derived from it; an event's id is derived from the profile's
//! key column, or else from what identifies it (type, date, person, group,
//! place) and how many rows before it said the same. The same file, or a
//! corrected one, imported again therefore updates instead of duplicating.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use testimonio_domain::exchange::{
    ConsentEntry, ConsentField, EventRecord, GroupRecord, ParticipantEntry, PersonRecord,
};
use testimonio_domain::{ConsentLevel, EventKind, EventType, FieldError, Person, RecordId};
use testimonio_vault::{ImportRecord, ImportSession, VaultError};

use super::cells::{Place, ReadRow, RowProblem};
use super::fields::{Entity, Field};
use super::profile::{Mapping, identity_key};
use super::values::key;

/// Names to ids, and the records this import has written so far.
pub struct Assembler {
    people_by_pseudonym: HashMap<String, Option<RecordId>>,
    groups_by_name: HashMap<String, Option<RecordId>>,
    people: HashMap<RecordId, PersonRecord>,
    groups: HashMap<RecordId, GroupRecord>,
    event_keys: HashMap<String, u32>,
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

/// Adds a person under their legal name, aliases and A-number.
fn index_identity(map: &mut HashMap<String, Option<(RecordId, String)>>, person: &Person) {
    let identity = &person.identity;
    let names = identity
        .legal_name
        .iter()
        .chain(identity.aliases.iter())
        .map(|n| identity_key(n.expose()))
        .chain(identity.a_number.iter().map(|a| identity_key(a.expose())));
    for name in names.filter(|n| !n.is_empty()) {
        let entry = (person.id.clone(), person.pseudonym.to_string());
        map.entry(name)
            .and_modify(|slot| {
                if slot.as_ref().map(|(id, _)| id) != Some(&person.id) {
                    *slot = None;
                }
            })
            .or_insert(Some(entry));
    }
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

        let groups = if has(Entity::Group) {
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
            Some(self.event(session, row, person.as_ref(), &groups)?)
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
    /// writes an event's or a person's groups. Only a row's single group
    /// takes the row's group state and city.
    fn groups(
        &mut self,
        session: &ImportSession<'_>,
        row: &ReadRow,
    ) -> Result<Result<Vec<GroupRecord>, RowProblem>, VaultError> {
        let names: Vec<&str> = match row.values.get(&Field::GroupName) {
            Some(cell)
                if cell.contains(';')
                    && !row.values.contains_key(&Field::GroupId)
                    && !self.groups_by_name.contains_key(&key(cell)) =>
            {
                cell.split(';')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .collect()
            }
            _ => return Ok(self.group(session, row, None)?.map(|g| vec![g])),
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

    fn person(
        &mut self,
        session: &mut ImportSession<'_>,
        row: &ReadRow,
        mapping: &Mapping,
        groups: &[GroupRecord],
        row_number: u64,
    ) -> Result<Result<PersonRecord, RowProblem>, VaultError> {
        let pseudonym = row.values.get(&Field::PersonPseudonym);
        let named_by: Vec<&String> = [Field::PersonANumber, Field::PersonLegalName]
            .iter()
            .filter_map(|f| row.values.get(f))
            .collect();
        // A match the user confirmed in the profile: a stored person, or new.
        let decided = named_by
            .iter()
            .find_map(|v| mapping.people.get(&identity_key(v)));
        let by_pseudonym = pseudonym.and_then(|p| self.people_by_pseudonym.get(&key(p)));
        let id = match (row.values.get(&Field::PersonId), decided, by_pseudonym) {
            (Some(id), _, _) => match RecordId::parse("person.id", id) {
                Ok(id) => id,
                Err(e) => return Ok(Err(RowProblem::Field(e))),
            },
            (None, Some(Some(id)), _) => id.clone(),
            (None, _, Some(Some(id))) => id.clone(),
            (None, _, Some(None)) => return Ok(Err(RowProblem::SameName)),
            (None, decided, None) => {
                if decided.is_none() {
                    // Named by who they are, under no pseudonym this vault
                    // knows: the user says whether it is the stored person.
                    let found = named_by
                        .iter()
                        .find_map(|v| self.identities.get(&identity_key(v)).map(|slot| (v, slot)));
                    match found {
                        Some((value, Some((person, known_as)))) => {
                            return Ok(Err(RowProblem::PossibleMatch {
                                value: (*value).clone(),
                                person: person.clone(),
                                pseudonym: known_as.clone(),
                            }));
                        }
                        Some((_, None)) => return Ok(Err(RowProblem::SameName)),
                        None => {}
                    }
                }
                match pseudonym {
                    Some(pseudonym) => derived_id("per", &[&key(pseudonym)]),
                    None => return Ok(Err(RowProblem::NoPseudonym)),
                }
            }
        };
        let mut record = match self.people.get(&id) {
            Some(known) => known.clone(),
            None => session
                .person(&id)?
                .map(|p| PersonRecord::from_person(&p))
                .unwrap_or_else(|| PersonRecord {
                    id: id.to_string(),
                    ..PersonRecord::default()
                }),
        };
        // A person confirmed by who they are keeps the pseudonym this vault
        // knows them by; the sheet's names a new person, or renames one
        // whose id it gives.
        let confirmed =
            !row.values.contains_key(&Field::PersonId) && matches!(decided, Some(Some(_)));
        if let Some(pseudonym) = pseudonym
            && (!confirmed || record.pseudonym.is_empty())
        {
            record.pseudonym.clone_from(pseudonym);
        }
        if record.pseudonym.is_empty() {
            return Ok(Err(RowProblem::NoPseudonym));
        }
        set(&mut record.legal_name, row, Field::PersonLegalName);
        set(&mut record.contact, row, Field::PersonContact);
        set(&mut record.a_number, row, Field::PersonANumber);
        set(
            &mut record.immigration_status,
            row,
            Field::PersonImmigrationStatus,
        );
        set(&mut record.address, row, Field::PersonAddress);
        if let Some(aliases) = row.values.get(&Field::PersonAliases) {
            record.aliases = aliases
                .split([';', '|'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect();
        }
        if let Some(year) = row.values.get(&Field::PersonBirthYear) {
            record.birth_year = year.parse().ok();
        }
        for group in groups {
            if !record.groups.contains(&group.id) {
                record.groups.push(group.id.clone());
            }
        }
        if let Some(level) = row.values.get(&Field::PersonConsent) {
            match self.consents.get(&id) {
                Some((given, _)) if given == level => {}
                Some((_, first)) => return Ok(Err(RowProblem::ConsentConflict { row: *first })),
                None => {
                    self.merge_consent(&mut record, level);
                    self.consents
                        .insert(id.clone(), (level.clone(), row_number));
                }
            }
        }
        Ok(Ok(record))
    }

    /// A consent level from the sheet: kept as it is when it is the level
    /// in force; else added to the history as given today, so no earlier
    /// grant or withdrawal is erased.
    fn merge_consent(&self, record: &mut PersonRecord, level: &str) {
        let in_force = record
            .into_person()
            .ok()
            .filter(|p| !p.consent.records().is_empty())
            .map(|p| p.consent.level_on(self.today));
        let wanted = ConsentLevel::parse("consent", level).ok();
        match (&mut record.consent, in_force) {
            (_, Some(current)) if Some(current) == wanted => {}
            (Some(ConsentField::History(entries)), Some(_)) => entries.push(ConsentEntry {
                level: level.to_owned(),
                given_on: Some(self.today.format("%Y-%m-%d").to_string()),
                withdrawn_on: None,
                note: None,
            }),
            (consent, _) => *consent = Some(ConsentField::Level(level.to_owned())),
        }
    }

    fn event(
        &mut self,
        session: &ImportSession<'_>,
        row: &ReadRow,
        person: Option<&PersonRecord>,
        groups: &[GroupRecord],
    ) -> Result<EventRecord, VaultError> {
        let value = |field: Field| row.values.get(&field).map_or("", String::as_str);
        let id = match (row.values.get(&Field::EventId), &row.key) {
            (Some(id), _) => RecordId::parse("event.id", id),
            (None, Some(k)) => Ok(derived_id("evt", &["key", k])),
            (None, None) => {
                // One group's id as before; several joined.
                let group_ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
                let group_ids = group_ids.join(";");
                let identity = [
                    value(Field::EventType),
                    value(Field::EventDate),
                    person.map_or("", |p| p.id.as_str()),
                    group_ids.as_str(),
                    value(Field::EventState),
                    value(Field::EventCity),
                    value(Field::EventFieldOffice),
                    value(Field::EventFacility),
                ]
                .join("\u{1f}");
                let seen = self.event_keys.entry(identity.clone()).or_insert(0);
                *seen += 1;
                Ok(derived_id("evt", &[&identity, &seen.to_string()]))
            }
        };
        let mut record = match &id {
            Ok(id) => session
                .event(id)?
                .map(|e| EventRecord::from_event(&e))
                .unwrap_or_else(|| EventRecord {
                    id: id.to_string(),
                    ..EventRecord::default()
                }),
            // The domain reports the bad id.
            Err(_) => EventRecord {
                id: value(Field::EventId).to_owned(),
                ..EventRecord::default()
            },
        };
        if let Some(t) = row.values.get(&Field::EventType) {
            record.event_type.clone_from(t);
        }
        if let Some(d) = row.values.get(&Field::EventDate) {
            record.date.clone_from(d);
        }
        set(&mut record.kind, row, Field::EventKind);
        if record.kind.is_none()
            && let Ok(t) = EventType::parse("event_type", &record.event_type)
        {
            record.kind = Some(t.kind().code().to_owned());
        }
        set(&mut record.end_date, row, Field::EventEndDate);
        set(&mut record.state, row, Field::EventState);
        set(&mut record.city, row, Field::EventCity);
        set(&mut record.facility, row, Field::EventFacility);
        set(&mut record.agency, row, Field::EventAgency);
        set(&mut record.field_office, row, Field::EventFieldOffice);
        set(&mut record.narrative, row, Field::EventNarrative);
        set(&mut record.verification, row, Field::EventVerification);
        if let Some(person) = person {
            let role = row
                .values
                .get(&Field::PersonRole)
                .cloned()
                .unwrap_or_else(|| default_role(record.kind.as_deref()).to_owned());
            match record.people.iter_mut().find(|p| p.id == person.id) {
                Some(entry) => entry.role = role,
                None => record.people.push(ParticipantEntry {
                    id: person.id.clone(),
                    role,
                }),
            }
        }
        for group in groups {
            if !record.groups.contains(&group.id) {
                record.groups.push(group.id.clone());
            }
        }
        Ok(record)
    }
}

/// The role of a person named on a row that says none.
fn default_role(kind: Option<&str>) -> &'static str {
    match kind.and_then(|k| EventKind::parse("kind", k).ok()) {
        Some(EventKind::EnforcementAction) => "target",
        _ => "participant",
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
