//! Domain records in and out of the database: plain SQL over a connection.
//!
//! These functions neither audit nor decide policy; [`crate::Vault`] wraps
//! them with both. They are public so that the benchmark can run the exact
//! same statements against an unencrypted peer.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};
use testimonio_domain::exchange::{EventRecord, GroupRecord, PersonRecord};
use testimonio_domain::{
    ConsentHistory, ConsentLevel, ConsentRecord, Event, EventKind, Group, Person, RecordId,
    ShortText,
};

use crate::error::{RecordKind, Result, VaultError};

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Created,
    Updated,
    Unchanged,
}

/// A stable hash of a record's content, to make re-imports idempotent.
fn content_hash<T: serde::Serialize>(record: &T) -> String {
    let json =
        zeroize::Zeroizing::new(serde_json::to_vec(record).expect("records always serialize"));
    blake3::hash(&json).to_hex().to_string()
}

fn existing_hash(conn: &Connection, table: &str, id: &RecordId) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(&format!("SELECT record_hash FROM {table} WHERE id = ?1"))?
        .query_row([id.as_str()], |r| r.get(0))
        .optional()?)
}

/// The statement for a write: a plain insert for a record that is new, the
/// upsert otherwise. An upsert on a table with several indexes makes
/// SQLite copy every page it touches into a statement journal first (it
/// could fail halfway); a plain insert checks its constraints before it
/// writes, so it needs none. That copy was most of an import's time.
fn new_or_upsert(
    outcome: WriteOutcome,
    insert: &'static str,
    upsert: &'static str,
) -> &'static str {
    debug_assert!(upsert.starts_with(insert));
    match outcome {
        WriteOutcome::Created => insert,
        WriteOutcome::Updated | WriteOutcome::Unchanged => upsert,
    }
}

fn outcome(previous: Option<String>, hash: &str) -> WriteOutcome {
    match previous {
        None => WriteOutcome::Created,
        Some(p) if p == hash => WriteOutcome::Unchanged,
        Some(_) => WriteOutcome::Updated,
    }
}

/// Whether a record of `kind` (a group, a person or an event) is stored.
///
/// # Errors
/// Database errors.
pub(crate) fn exists(conn: &Connection, kind: RecordKind, id: &RecordId) -> Result<bool> {
    let sql = match kind {
        RecordKind::Group => "SELECT 1 FROM groups WHERE id = ?1",
        RecordKind::Person => "SELECT 1 FROM people WHERE id = ?1",
        RecordKind::Event => "SELECT 1 FROM events WHERE id = ?1",
        other => return Err(VaultError::Internal(format!("exists({})", other.code()))),
    };
    let found: Option<i64> = conn
        .prepare_cached(sql)?
        .query_row([id.as_str()], |r| r.get(0))
        .optional()?;
    Ok(found.is_some())
}

/// Refuses a write naming `id` in `field` when `table` has no such row.
///
/// # Errors
/// [`VaultError::UnknownReference`]; database errors.
pub(crate) fn require(
    conn: &Connection,
    table: &str,
    kind: RecordKind,
    field: &str,
    id: &RecordId,
) -> Result<()> {
    let found: Option<i64> = conn
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .query_row([id.as_str()], |r| r.get(0))
        .optional()?;
    if found.is_none() {
        return Err(VaultError::UnknownReference {
            field: field.to_owned(),
            kind,
            id: id.to_string(),
        });
    }
    Ok(())
}

/// A record another one names: a person's group, an event's participant
/// or group. `field` is where the naming record names it (`groups[0]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference<'r> {
    pub field: String,
    pub kind: RecordKind,
    pub id: &'r RecordId,
}

impl Reference<'_> {
    /// The refusal of a write naming this record when it is not stored.
    pub(crate) fn unknown(&self) -> VaultError {
        VaultError::UnknownReference {
            field: self.field.clone(),
            kind: self.kind,
            id: self.id.to_string(),
        }
    }
}

/// The groups a person is in.
pub(crate) fn person_references(p: &Person) -> impl Iterator<Item = Reference<'_>> {
    p.groups.iter().enumerate().map(|(i, g)| Reference {
        field: format!("groups[{i}]"),
        kind: RecordKind::Group,
        id: g,
    })
}

/// The people and groups an event names.
pub(crate) fn event_references(e: &Event) -> impl Iterator<Item = Reference<'_>> {
    let people = e.participants().iter().enumerate().map(|(i, p)| Reference {
        field: format!("people[{i}].id"),
        kind: RecordKind::Person,
        id: &p.person,
    });
    let groups = e.groups().iter().enumerate().map(|(i, g)| Reference {
        field: format!("groups[{i}]"),
        kind: RecordKind::Group,
        id: g,
    });
    people.chain(groups)
}

/// Refuses the first reference that names no stored record.
///
/// # Errors
/// [`VaultError::UnknownReference`]; database errors.
fn require_all<'r>(conn: &Connection, refs: impl Iterator<Item = Reference<'r>>) -> Result<()> {
    for reference in refs {
        if !exists(conn, reference.kind, reference.id)? {
            return Err(reference.unknown());
        }
    }
    Ok(())
}

/// Inserts or replaces a group.
///
/// # Errors
/// Database errors.
pub(crate) fn put_group(conn: &Connection, g: &Group, now: &str) -> Result<WriteOutcome> {
    let hash = content_hash(&GroupRecord::from_group(g));
    let result = outcome(existing_hash(conn, "groups", &g.id)?, &hash);
    if result == WriteOutcome::Unchanged {
        return Ok(result);
    }
    conn.prepare_cached(
        "INSERT INTO groups (id, name, state, city, record_hash, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, state = excluded.state, city = excluded.city,
             record_hash = excluded.record_hash, updated_at = excluded.updated_at",
    )?
    .execute(params![g.id.as_str(), g.name.as_str(), g.state.map(|s| s.code()), g.city.as_ref().map(ShortText::as_str), hash, now],
    )?;
    Ok(result)
}

/// Inserts or replaces a person, their identity, groups and consent.
///
/// # Errors
/// A group that does not exist; database errors.
pub(crate) fn put_person(
    conn: &Connection,
    p: &Person,
    now: &str,
    created_by: &str,
) -> Result<WriteOutcome> {
    require_all(conn, person_references(p))?;
    write_person(conn, p, now, created_by)
}

/// [`put_person`] for a caller that has checked the person's references.
///
/// # Errors
/// Database errors.
pub(crate) fn write_person(
    conn: &Connection,
    p: &Person,
    now: &str,
    created_by: &str,
) -> Result<WriteOutcome> {
    let hash = content_hash(&PersonRecord::from_person(p));
    let result = outcome(existing_hash(conn, "people", &p.id)?, &hash);
    if result == WriteOutcome::Unchanged {
        return Ok(result);
    }
    let id = p.id.as_str();
    macro_rules! insert_person {
        () => {
            "INSERT INTO people (id, pseudonym, record_hash, created_at, updated_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?4, ?5)"
        };
    }
    conn.prepare_cached(new_or_upsert(
        result,
        insert_person!(),
        concat!(
            insert_person!(),
            " ON CONFLICT(id) DO UPDATE SET pseudonym = excluded.pseudonym, record_hash = excluded.record_hash,
             updated_at = excluded.updated_at"
        ),
    ))?
    .execute(params![id, p.pseudonym.as_str(), hash, now, created_by])?;
    macro_rules! insert_identity {
        () => {
            "INSERT INTO person_identity (person_id, legal_name, aliases, contact, a_number, immigration_status, address, birth_year)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        };
    }
    let ident = &p.identity;
    let expose =
        |s: &Option<testimonio_domain::Sensitive>| s.as_ref().map(|s| s.expose().to_owned());
    let aliases = zeroize::Zeroizing::new(
        serde_json::to_string(&ident.aliases.iter().map(|a| a.expose()).collect::<Vec<_>>())
            .expect("strings serialize"),
    );
    conn.prepare_cached(new_or_upsert(
        result,
        insert_identity!(),
        concat!(insert_identity!(), " ON CONFLICT(person_id) DO UPDATE SET legal_name = excluded.legal_name, aliases = excluded.aliases,
             contact = excluded.contact, a_number = excluded.a_number, immigration_status = excluded.immigration_status,
             address = excluded.address, birth_year = excluded.birth_year"),
    ))?
    .execute(params![
            id,
            expose(&ident.legal_name),
            aliases.as_str(),
            expose(&ident.contact),
            ident.a_number.as_ref().map(|a| a.expose().to_owned()),
            expose(&ident.immigration_status),
            expose(&ident.address),
            ident.birth_year,
    ])?;
    if result == WriteOutcome::Updated {
        conn.prepare_cached("DELETE FROM person_groups WHERE person_id = ?1")?
            .execute([id])?;
        conn.prepare_cached("DELETE FROM consents WHERE person_id = ?1")?
            .execute([id])?;
    }
    let mut insert_group = conn.prepare_cached(
        "INSERT INTO person_groups (person_id, group_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, g) in p.groups.iter().enumerate() {
        insert_group.execute(params![id, g.as_str(), i as i64])?;
    }
    let mut insert_consent = conn.prepare_cached(
        "INSERT INTO consents (person_id, position, level, given_on, withdrawn_on, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, c) in p.consent.records().iter().enumerate() {
        insert_consent.execute(params![
            id,
            i as i64,
            c.level.code(),
            c.given_on.map(day_text),
            c.withdrawn_on.map(day_text),
            c.note.as_ref().map(ShortText::as_str),
        ])?;
    }
    Ok(result)
}

/// Inserts or replaces an event with its participants and groups.
///
/// # Errors
/// A person or group that does not exist; database errors.
pub(crate) fn put_event(
    conn: &Connection,
    e: &Event,
    now: &str,
    created_by: &str,
) -> Result<WriteOutcome> {
    require_all(conn, event_references(e))?;
    write_event(conn, e, now, created_by)
}

/// [`put_event`] for a caller that has checked the event's references.
///
/// # Errors
/// Database errors.
pub(crate) fn write_event(
    conn: &Connection,
    e: &Event,
    now: &str,
    created_by: &str,
) -> Result<WriteOutcome> {
    let hash = content_hash(&EventRecord::from_event(e));
    let result = outcome(existing_hash(conn, "events", e.id())?, &hash);
    if result == WriteOutcome::Unchanged {
        return Ok(result);
    }
    let id = e.id().as_str();
    let loc = e.location();
    let date_end = e.end_date().unwrap_or(e.date()).latest();
    macro_rules! insert_event {
        () => {
            "INSERT INTO events (id, kind, event_type, date, date_start, date_end, end_date, state, city, facility, agency,
                 field_office, narrative, verification, record_hash, created_at, updated_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17)"
        };
    }
    conn.prepare_cached(new_or_upsert(
        result,
        insert_event!(),
        concat!(
            insert_event!(),
            " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, event_type = excluded.event_type, date = excluded.date,
             date_start = excluded.date_start, date_end = excluded.date_end, end_date = excluded.end_date,
             state = excluded.state, city = excluded.city, facility = excluded.facility, agency = excluded.agency,
             field_office = excluded.field_office, narrative = excluded.narrative, verification = excluded.verification,
             record_hash = excluded.record_hash, updated_at = excluded.updated_at"
        ),
    ))?
    .execute(params![
        id,
        e.kind().code(),
        e.event_type().code(),
        e.date().to_string(),
        day_text(e.date().earliest()),
        day_text(date_end),
        e.end_date().map(|d| d.to_string()),
        loc.state.map(|s| s.code()),
        loc.city.as_ref().map(ShortText::as_str),
        loc.facility.as_ref().map(ShortText::as_str),
        e.agency().map(|a| a.code()),
        e.field_office().map(|f| f.code()),
        e.narrative().map(|n| n.expose()),
        e.verification().code(),
        hash,
        now,
        created_by,
    ])?;
    if result == WriteOutcome::Updated {
        conn.prepare_cached("DELETE FROM event_people WHERE event_id = ?1")?
            .execute([id])?;
        conn.prepare_cached("DELETE FROM event_groups WHERE event_id = ?1")?
            .execute([id])?;
    }
    let mut insert_person = conn.prepare_cached(
        "INSERT INTO event_people (event_id, person_id, role, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, p) in e.participants().iter().enumerate() {
        insert_person.execute(params![id, p.person.as_str(), p.role.code(), i as i64])?;
    }
    let mut insert_group = conn.prepare_cached(
        "INSERT INTO event_groups (event_id, group_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, g) in e.groups().iter().enumerate() {
        insert_group.execute(params![id, g.as_str(), i as i64])?;
    }
    // The search index's feed (migration 12: no trigger does this).
    conn.prepare_cached("INSERT INTO index_queue (target, ref) VALUES ('event', ?1)")?
        .execute([id])?;
    Ok(result)
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A stored value that no longer parses: the database was changed outside
/// testimonio. Names the record, never the value.
fn corrupt(what: &str, id: &str, detail: impl std::fmt::Display) -> VaultError {
    VaultError::Schema(format!("{what} {id} holds an invalid value: {detail}"))
}

fn field_errors(errors: Vec<testimonio_domain::FieldError>) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every group, by id.
///
/// # Errors
/// Database errors; a stored value that no longer parses.
pub(crate) fn groups(conn: &Connection) -> Result<Vec<Group>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, state, city FROM groups ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(GroupRecord {
            id: r.get(0)?,
            name: r.get(1)?,
            state: r.get(2)?,
            city: r.get(3)?,
        })
    })?;
    let mut out = Vec::new();
    for row in rows {
        let rec = row?;
        out.push(
            rec.into_group()
                .map_err(|e| corrupt("group", &rec.id, field_errors(e)))?,
        );
    }
    Ok(out)
}

/// One group.
///
/// # Errors
/// Database errors; a stored value that no longer parses.
pub(crate) fn group(conn: &Connection, id: &RecordId) -> Result<Option<Group>> {
    let rec = conn
        .prepare_cached("SELECT id, name, state, city FROM groups WHERE id = ?1")?
        .query_row([id.as_str()], |r| {
            Ok(GroupRecord {
                id: r.get(0)?,
                name: r.get(1)?,
                state: r.get(2)?,
                city: r.get(3)?,
            })
        })
        .optional()?;
    rec.map(|rec| {
        rec.into_group()
            .map_err(|e| corrupt("group", &rec.id, field_errors(e)))
    })
    .transpose()
}

/// Filters for listing people. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    /// One person by id.
    pub id: Option<RecordId>,
    pub group: Option<RecordId>,
    pub consent_at_least: Option<ConsentLevel>,
}

/// A person without identity fields: what every role may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSummary {
    pub id: RecordId,
    pub pseudonym: ShortText,
    pub groups: Vec<RecordId>,
    pub consent: ConsentHistory,
}

/// People without identities, by id.
///
/// # Errors
/// Database errors; a stored value that no longer parses.
pub(crate) fn people(conn: &Connection, filter: &PeopleFilter) -> Result<Vec<PersonSummary>> {
    let mut clause = String::from(" WHERE 1 = 1");
    let mut args: Vec<String> = Vec::new();
    if let Some(g) = &filter.group {
        args.push(g.to_string());
        clause.push_str(&format!(
            " AND p.id IN (SELECT person_id FROM person_groups WHERE group_id = ?{})",
            args.len()
        ));
    }
    if let Some(id) = &filter.id {
        args.push(id.to_string());
        clause.push_str(&format!(" AND p.id = ?{}", args.len()));
    }
    let selected = format!("SELECT p.id FROM people p{clause}");
    // Three queries in all, whatever the number of people.
    let rows: Vec<(String, String)> = conn
        .prepare_cached(&format!(
            "SELECT p.id, p.pseudonym FROM people p{clause} ORDER BY p.id"
        ))?
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut groups: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT person_id, group_id FROM person_groups WHERE person_id IN ({selected}) ORDER BY person_id, position"
    ))?;
    for row in stmt.query_map(params_from_iter(args.iter()), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })? {
        let (person, group) = row?;
        groups.entry(person).or_default().push(group);
    }
    let mut consents: HashMap<String, Vec<ConsentRecord>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT person_id, level, given_on, withdrawn_on, note FROM consents WHERE person_id IN ({selected})
         ORDER BY person_id, position"
    ))?;
    for row in stmt.query_map(params_from_iter(args.iter()), |r| {
        Ok((
            r.get::<_, String>(0)?,
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
        ))
    })? {
        let (person, fields) = row?;
        let record = consent_record(&person, fields)?;
        consents.entry(person).or_default().push(record);
    }
    let today = chrono::Utc::now().date_naive();
    let mut out = Vec::with_capacity(rows.len());
    for (id, pseudonym) in rows {
        let consent = ConsentHistory::new(consents.remove(&id).unwrap_or_default());
        if let Some(min) = filter.consent_at_least
            && consent.level_on(today) < min
        {
            continue;
        }
        out.push(PersonSummary {
            id: RecordId::parse("id", &id).map_err(|e| corrupt("person", &id, e))?,
            pseudonym: ShortText::parse("pseudonym", &pseudonym)
                .map_err(|e| corrupt("person", &id, e))?,
            groups: groups
                .remove(&id)
                .unwrap_or_default()
                .iter()
                .map(|g| RecordId::parse("groups", g).map_err(|e| corrupt("person", &id, e)))
                .collect::<Result<_>>()?,
            consent,
        });
    }
    Ok(out)
}

/// A stored consent row: level, given on, withdrawn on, note.
type ConsentRow = (String, Option<String>, Option<String>, Option<String>);

fn consent_record(
    person_id: &str,
    (level, given, withdrawn, note): ConsentRow,
) -> Result<ConsentRecord> {
    let bad = |e: testimonio_domain::FieldError| corrupt("person", person_id, e);
    let day = |s: Option<String>, f: &str| {
        s.map(|s| testimonio_domain::date::parse_day(f, &s))
            .transpose()
    };
    ConsentRecord::new(
        ConsentLevel::parse("consent", &level).map_err(bad)?,
        day(given, "given_on").map_err(bad)?,
        day(withdrawn, "withdrawn_on").map_err(bad)?,
        ShortText::parse_optional("note", note.as_deref()).map_err(bad)?,
    )
    .map_err(bad)
}

fn consent_history(conn: &Connection, person_id: &str) -> Result<ConsentHistory> {
    let mut stmt = conn.prepare_cached(
        "SELECT level, given_on, withdrawn_on, note FROM consents WHERE person_id = ?1 ORDER BY position",
    )?;
    let rows: Vec<ConsentRow> = stmt
        .query_map([person_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let records = rows
        .into_iter()
        .map(|row| consent_record(person_id, row))
        .collect::<Result<_>>()?;
    Ok(ConsentHistory::new(records))
}

/// One person with identity. Callers audit this read.
///
/// # Errors
/// Database errors; a stored value that no longer parses.
pub(crate) fn person_with_identity(conn: &Connection, id: &RecordId) -> Result<Option<Person>> {
    // The aliases are a JSON list; read as text here and parsed below, so
    // that a list that no longer parses is reported, not read as none.
    let row = conn
        .prepare_cached(
            "SELECT p.pseudonym, i.legal_name, i.aliases, i.contact, i.a_number, i.immigration_status, i.address, i.birth_year
             FROM people p LEFT JOIN person_identity i ON i.person_id = p.id WHERE p.id = ?1",
        )?
        .query_row([id.as_str()], |r| {
            let aliases = zeroize::Zeroizing::new(r.get::<_, Option<String>>(2)?.unwrap_or_default());
            Ok((
                aliases,
                PersonRecord {
                    id: id.to_string(),
                    pseudonym: r.get(0)?,
                    legal_name: r.get(1)?,
                    aliases: Vec::new(),
                    contact: r.get(3)?,
                    a_number: r.get(4)?,
                    immigration_status: r.get(5)?,
                    address: r.get(6)?,
                    birth_year: r.get(7)?,
                    groups: vec![],
                    consent: None,
                },
            ))
        })
        .optional()?;
    let Some((aliases, mut record)) = row else {
        return Ok(None);
    };
    if !aliases.is_empty() {
        // The parse error can quote the stored text: it is not kept.
        record.aliases = serde_json::from_str(&aliases)
            .map_err(|_| corrupt("person", id.as_str(), "aliases are not a list of names"))?;
    }
    let mut person = record
        .into_person()
        .map_err(|e| corrupt("person", id.as_str(), field_errors(e)))?;
    let mut stmt = conn.prepare_cached(
        "SELECT group_id FROM person_groups WHERE person_id = ?1 ORDER BY position",
    )?;
    let groups: Vec<String> = stmt
        .query_map([id.as_str()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    person.groups = groups
        .iter()
        .map(|g| RecordId::parse("groups", g).map_err(|e| corrupt("person", id.as_str(), e)))
        .collect::<Result<_>>()?;
    person.consent = consent_history(conn, id.as_str())?;
    Ok(Some(person))
}

/// The ids of every person, in order.
///
/// # Errors
/// Database errors.
pub(crate) fn person_ids(conn: &Connection) -> Result<Vec<RecordId>> {
    let mut stmt = conn.prepare("SELECT id FROM people ORDER BY id")?;
    let ids: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter()
        .map(|i| RecordId::parse("id", i).map_err(|e| corrupt("person", i, e)))
        .collect()
}

/// Filters for listing events. Empty fields do not filter; all given
/// fields must match.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub kind: Option<EventKind>,
    pub event_type: Option<testimonio_domain::EventType>,
    pub state: Option<testimonio_domain::UsState>,
    pub field_office: Option<testimonio_domain::FieldOffice>,
    pub group: Option<RecordId>,
    pub person: Option<RecordId>,
    /// Events that may have happened on or after this day.
    pub from: Option<NaiveDate>,
    /// Events that may have happened on or before this day.
    pub to: Option<NaiveDate>,
    pub verification: Option<testimonio_domain::Verification>,
    /// One event by id.
    pub id: Option<RecordId>,
    /// Newest first instead of oldest first (paging follows the order).
    pub newest_first: bool,
    pub limit: Option<usize>,
    pub offset: usize,
}

impl EventFilter {
    fn where_clause(&self) -> (String, Vec<String>) {
        let mut conditions = Vec::new();
        let mut args = Vec::new();
        let mut add = |cond: &str, value: String| {
            args.push(value);
            conditions.push(cond.replace('?', &format!("?{}", args.len())));
        };
        if let Some(k) = self.kind {
            add("e.kind = ?", k.code().into());
        }
        if let Some(t) = self.event_type {
            add("e.event_type = ?", t.code().into());
        }
        if let Some(s) = self.state {
            add("e.state = ?", s.code().into());
        }
        if let Some(f) = self.field_office {
            add("e.field_office = ?", f.code().into());
        }
        if let Some(g) = &self.group {
            add(
                "e.id IN (SELECT event_id FROM event_groups WHERE group_id = ?)",
                g.to_string(),
            );
        }
        if let Some(p) = &self.person {
            add(
                "e.id IN (SELECT event_id FROM event_people WHERE person_id = ?)",
                p.to_string(),
            );
        }
        if let Some(d) = self.from {
            add("e.date_end >= ?", day_text(d));
        }
        if let Some(d) = self.to {
            add("e.date_start <= ?", day_text(d));
        }
        if let Some(v) = self.verification {
            add("e.verification = ?", v.code().into());
        }
        if let Some(id) = &self.id {
            add("e.id = ?", id.to_string());
        }
        let clause = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        (clause, args)
    }
}

const EVENT_COLUMNS: &str = "e.id, e.kind, e.event_type, e.date, e.end_date, e.state, e.city, e.facility, e.agency, \
                             e.field_office, e.narrative, e.verification";

fn event_record(r: &Row<'_>) -> rusqlite::Result<EventRecord> {
    Ok(EventRecord {
        id: r.get(0)?,
        kind: r.get(1)?,
        event_type: r.get(2)?,
        date: r.get(3)?,
        end_date: r.get(4)?,
        state: r.get(5)?,
        city: r.get(6)?,
        facility: r.get(7)?,
        agency: r.get(8)?,
        field_office: r.get(9)?,
        people: vec![],
        groups: vec![],
        narrative: r.get(10)?,
        verification: r.get(11)?,
    })
}

/// Counts the events matching `filter` (ignoring its paging).
///
/// # Errors
/// Database errors.
pub(crate) fn count_events(conn: &Connection, filter: &EventFilter) -> Result<u64> {
    let (clause, args) = filter.where_clause();
    let n: i64 = conn.query_row(
        &format!("SELECT count(*) FROM events e{clause}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

/// Events matching `filter`, oldest first, with participants and groups.
///
/// # Errors
/// Database errors; a stored value that no longer parses.
pub(crate) fn events(conn: &Connection, filter: &EventFilter) -> Result<Vec<Event>> {
    let (clause, args) = filter.where_clause();
    let paging = match filter.limit {
        Some(limit) => format!(" LIMIT {limit} OFFSET {}", filter.offset),
        None if filter.offset > 0 => format!(" LIMIT -1 OFFSET {}", filter.offset),
        None => String::new(),
    };
    let order = if filter.newest_first {
        "e.date_start DESC, e.id DESC"
    } else {
        "e.date_start, e.id"
    };
    let selected = format!("SELECT e.id FROM events e{clause} ORDER BY {order}{paging}");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({selected}) ORDER BY {order}"
    ))?;
    let mut records: Vec<EventRecord> = stmt
        .query_map(params_from_iter(args.iter()), event_record)?
        .collect::<rusqlite::Result<_>>()?;
    let index: std::collections::HashMap<String, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let mut people = conn.prepare_cached(&format!(
        "SELECT event_id, person_id, role FROM event_people WHERE event_id IN ({selected}) ORDER BY event_id, position"
    ))?;
    let rows = people.query_map(params_from_iter(args.iter()), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (event, person, role) = row?;
        if let Some(&i) = index.get(&event) {
            records[i]
                .people
                .push(testimonio_domain::exchange::ParticipantEntry { id: person, role });
        }
    }
    let mut groups = conn.prepare_cached(&format!(
        "SELECT event_id, group_id FROM event_groups WHERE event_id IN ({selected}) ORDER BY event_id, position"
    ))?;
    let rows = groups.query_map(params_from_iter(args.iter()), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (event, group) = row?;
        if let Some(&i) = index.get(&event) {
            records[i].groups.push(group);
        }
    }
    records
        .iter()
        .map(|r| {
            r.into_event()
                .map_err(|e| corrupt("event", &r.id, field_errors(e)))
        })
        .collect()
}

/// Counts of what the vault holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub groups: u64,
    pub people: u64,
    pub events: u64,
    pub protected_activities: u64,
    pub enforcement_actions: u64,
    pub documents: u64,
    pub audit_entries: u64,
}

/// # Errors
/// Database errors.
pub(crate) fn counts(conn: &Connection) -> Result<Counts> {
    let n =
        |sql: &str| -> Result<u64> { Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
    Ok(Counts {
        groups: n("SELECT count(*) FROM groups")?,
        people: n("SELECT count(*) FROM people")?,
        events: n("SELECT count(*) FROM events")?,
        protected_activities: n("SELECT count(*) FROM events WHERE kind = 'protected_activity'")?,
        enforcement_actions: n("SELECT count(*) FROM events WHERE kind = 'enforcement_action'")?,
        documents: n("SELECT count(*) FROM documents")?,
        audit_entries: n("SELECT count(*) FROM audit_log")?,
    })
}

/// Every person with identity, for a full internal export. Callers audit.
///
/// # Errors
/// Database errors; a stored value that no longer parses.
pub(crate) fn all_people_with_identity(conn: &Connection) -> Result<Vec<Person>> {
    let mut out = Vec::new();
    for id in person_ids(conn)? {
        if let Some(p) = person_with_identity(conn, &id)? {
            out.push(p);
        }
    }
    Ok(out)
}

/// Recomputes a person's content hash after a partial change (consent), so
/// that re-importing the old record is seen as an update, not "unchanged".
///
/// # Errors
/// Database errors.
pub(crate) fn refresh_person_hash(conn: &Connection, id: &RecordId) -> Result<()> {
    if let Some(person) = person_with_identity(conn, id)? {
        let hash = content_hash(&PersonRecord::from_person(&person));
        conn.execute(
            "UPDATE people SET record_hash = ?1 WHERE id = ?2",
            params![hash, id.as_str()],
        )?;
    }
    Ok(())
}
