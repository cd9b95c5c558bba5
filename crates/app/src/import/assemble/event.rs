//! The event a row describes: its id given, from the profile's key
//! column, or derived from what identifies it and how many rows before it
//! said the same; merged into the stored event.

use sha2::{Digest, Sha256};
use testimonio_domain::exchange::{EventRecord, GroupRecord, ParticipantEntry, PersonRecord};
use testimonio_domain::{EventKind, EventType, RecordId};
use testimonio_vault::{ImportSession, VaultError};

use super::{Assembler, derived_id, set};
use crate::import::cells::ReadRow;
use crate::import::fields::Field;

impl Assembler {
    pub(super) fn event(
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
                // Counted by a digest, not the text: one entry per event
                // of the file, so the map stays small on large sheets.
                let digest: [u8; 32] = Sha256::digest(identity.as_bytes()).into();
                let seen = self.event_keys.entry(digest).or_insert(0);
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
