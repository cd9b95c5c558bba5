//! The person a row names: by id, by a match the user confirmed, by
//! pseudonym, or new; never merged into a stored person the row names by
//! legal name or A-number under another pseudonym unless the user says so;
//! its consent never guessed.

use std::collections::HashMap;

use testimonio_domain::exchange::{ConsentEntry, ConsentField, GroupRecord, PersonRecord};
use testimonio_domain::{ConsentLevel, Person, RecordId};
use testimonio_vault::{ImportSession, VaultError};

use super::{Assembler, derived_id, set};
use crate::import::cells::{ReadRow, RowProblem};
use crate::import::fields::Field;
use crate::import::profile::{Mapping, identity_key};
use crate::import::values::key;

/// Adds a person under their legal name, aliases and A-number.
pub(super) fn index_identity(
    map: &mut HashMap<String, Option<(RecordId, String)>>,
    person: &Person,
) {
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

impl Assembler {
    pub(super) fn person(
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
}
