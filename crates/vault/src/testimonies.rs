//! Testimonies (migration 8): stored checked, re-checked on every read;
//! the account only through an audited read ([`AuditAction::TestimonyRead`]).

use rusqlite::{Connection, OptionalExtension, params};
use testimonio_domain::{
    ConsentLevel, LanguageTag, PartialDate, RecordId, Sensitive, ShortText, Testimony,
};
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::error::{RecordKind, Result, VaultError};
use crate::records::{WriteOutcome, require};
use crate::vault::Vault;

/// Who marked a testimony reviewed for publication, and when (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The audit actor (`web:NAME`, `cli:NAME`).
    pub by: String,
    pub at: String,
}

/// A testimony without its account: what listing shows to every role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestimonySummary {
    pub id: RecordId,
    pub person: RecordId,
    /// The giver's pseudonym.
    pub pseudonym: ShortText,
    pub interviewer: ShortText,
    pub date: PartialDate,
    pub place: ShortText,
    pub language: LanguageTag,
    /// The consent given for this account.
    pub consent: ConsentLevel,
    pub events: Vec<RecordId>,
    pub documents: Vec<RecordId>,
    pub review: Option<Review>,
    pub created_by: String,
    pub created_at: String,
}

/// What a testimony links to besides its giver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestimonyLink {
    Event(RecordId),
    Document(RecordId),
}

/// Which testimonies to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TestimonyFilter {
    /// Only those given by this person.
    pub person: Option<RecordId>,
    /// Only those that tell of this event.
    pub event: Option<RecordId>,
}

/// A stored value that no longer parses: damage, not the user's input.
fn damaged(id: &str, column: &str) -> VaultError {
    VaultError::Schema(format!("testimony {id} has an unreadable {column}"))
}

fn ids(conn: &Connection, table: &str, column: &str, id: &str) -> Result<Vec<RecordId>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {column} FROM {table} WHERE testimony_id = ?1 ORDER BY position"
    ))?;
    let raw: Vec<String> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    raw.iter()
        .map(|r| RecordId::parse(column, r).map_err(|_| damaged(id, column)))
        .collect()
}

const SUMMARY_COLUMNS: &str = "t.id, t.person_id, p.pseudonym, t.interviewer, t.date, t.place,
     t.language, t.consent, t.reviewed_by, t.reviewed_at, t.created_by, t.created_at";

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
    ))
}

fn summary(conn: &Connection, row: Row) -> Result<TestimonySummary> {
    let (id, person, pseudonym, interviewer, date, place, language, consent, by, at, cby, cat) =
        row;
    let bad = |column: &str| damaged(&id, column);
    Ok(TestimonySummary {
        id: RecordId::parse("id", &id).map_err(|_| bad("id"))?,
        person: RecordId::parse("person", &person).map_err(|_| bad("person"))?,
        pseudonym: ShortText::parse("pseudonym", &pseudonym).map_err(|_| bad("pseudonym"))?,
        interviewer: ShortText::parse("interviewer", &interviewer)
            .map_err(|_| bad("interviewer"))?,
        date: PartialDate::parse("date", &date).map_err(|_| bad("date"))?,
        place: ShortText::parse("place", &place).map_err(|_| bad("place"))?,
        language: LanguageTag::parse("language", &language).map_err(|_| bad("language"))?,
        consent: ConsentLevel::parse("consent", &consent).map_err(|_| bad("consent"))?,
        events: ids(conn, "testimony_events", "event_id", &id)?,
        documents: ids(conn, "testimony_documents", "document_id", &id)?,
        review: by.zip(at).map(|(by, at)| Review { by, at }),
        created_by: cby,
        created_at: cat,
    })
}

fn summaries(conn: &Connection, filter: &TestimonyFilter) -> Result<Vec<TestimonySummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM testimonies t JOIN people p ON p.id = t.person_id
         WHERE (?1 IS NULL OR t.person_id = ?1)
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM testimony_events e
                                      WHERE e.testimony_id = t.id AND e.event_id = ?2))
         ORDER BY t.date_sort, t.id"
    ))?;
    let rows: Vec<Row> = stmt
        .query_map(
            [
                filter.person.as_ref().map(RecordId::as_str),
                filter.event.as_ref().map(RecordId::as_str),
            ],
            row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|r| summary(conn, r)).collect()
}

fn one(conn: &Connection, id: &RecordId) -> Result<Option<TestimonySummary>> {
    let found: Option<Row> = conn
        .prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM testimonies t JOIN people p ON p.id = t.person_id
             WHERE t.id = ?1"
        ))?
        .query_row([id.as_str()], row)
        .optional()?;
    found.map(|r| summary(conn, r)).transpose()
}

fn account(conn: &Connection, id: &RecordId) -> Result<Option<Sensitive>> {
    let text: Option<Zeroizing<String>> = conn
        .prepare_cached("SELECT account FROM testimonies WHERE id = ?1")?
        .query_row([id.as_str()], |r| r.get::<_, String>(0).map(Zeroizing::new))
        .optional()?;
    text.map(|t| {
        Sensitive::parse("account", &t, Testimony::MAX_ACCOUNT)
            .map_err(|_| damaged(id.as_str(), "account"))
    })
    .transpose()
}

fn whole(summary: TestimonySummary, account: Sensitive) -> Testimony {
    Testimony {
        id: summary.id,
        person: summary.person,
        interviewer: summary.interviewer,
        date: summary.date,
        place: summary.place,
        language: summary.language,
        account,
        consent: summary.consent,
        events: summary.events,
        documents: summary.documents,
    }
}

fn not_found(id: &RecordId) -> VaultError {
    VaultError::NotFound {
        kind: RecordKind::Testimony,
        id: id.to_string(),
    }
}

fn put_links(
    conn: &Connection,
    table: &str,
    column: &str,
    id: &str,
    list: &[RecordId],
) -> Result<()> {
    conn.execute(
        &format!("DELETE FROM {table} WHERE testimony_id = ?1"),
        [id],
    )?;
    for (position, target) in list.iter().enumerate() {
        conn.execute(
            &format!("INSERT INTO {table} (testimony_id, {column}, position) VALUES (?1, ?2, ?3)"),
            params![id, target.as_str(), position as i64],
        )?;
    }
    Ok(())
}

fn check_references(conn: &Connection, t: &Testimony) -> Result<()> {
    require(conn, "people", RecordKind::Person, "person", &t.person)?;
    for (i, e) in t.events.iter().enumerate() {
        require(
            conn,
            "events",
            RecordKind::Event,
            &format!("events[{i}]"),
            e,
        )?;
    }
    for (i, d) in t.documents.iter().enumerate() {
        require(
            conn,
            "documents",
            RecordKind::Document,
            &format!("documents[{i}]"),
            d,
        )?;
    }
    Ok(())
}

impl Vault {
    /// Stores a testimony, new or replacing the one with its id, with its
    /// links. Every reference is checked first ([`VaultError::UnknownReference`]
    /// naming `person`, `events[i]` or `documents[i]`). A changed account
    /// clears the review mark. Audited (`record_created` / `record_updated`,
    /// object `testimony:ID`) when anything changed.
    ///
    /// # Errors
    /// Unknown references; database errors.
    pub fn put_testimony(&mut self, t: &Testimony) -> Result<WriteOutcome> {
        self.write(|v, tx| {
            check_references(tx, t)?;
            let before = one(tx, &t.id)?;
            let stored_account = account(tx, &t.id)?;
            let outcome = match (&before, &stored_account) {
                (Some(old), Some(acc)) => {
                    let same = old.person == t.person
                        && old.interviewer == t.interviewer
                        && old.date == t.date
                        && old.place == t.place
                        && old.language == t.language
                        && old.consent == t.consent
                        && old.events == t.events
                        && old.documents == t.documents
                        && acc == &t.account;
                    if same {
                        return Ok(WriteOutcome::Unchanged);
                    }
                    WriteOutcome::Updated
                }
                _ => WriteOutcome::Created,
            };
            let account_changed = stored_account.as_ref() != Some(&t.account);
            let now = crate::now();
            tx.execute(
                "INSERT INTO testimonies (id, person_id, interviewer, date, date_sort, place, language,
                     account, consent, created_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
                 ON CONFLICT(id) DO UPDATE SET person_id = excluded.person_id,
                     interviewer = excluded.interviewer, date = excluded.date,
                     date_sort = excluded.date_sort, place = excluded.place,
                     language = excluded.language, account = excluded.account,
                     consent = excluded.consent, updated_at = excluded.updated_at",
                params![
                    t.id.as_str(),
                    t.person.as_str(),
                    t.interviewer.as_str(),
                    t.date.to_string(),
                    t.date.earliest().to_string(),
                    t.place.as_str(),
                    t.language.as_str(),
                    t.account.expose(),
                    t.consent.code(),
                    v.actor().as_str(),
                    now,
                ],
            )?;
            if account_changed {
                tx.execute(
                    "UPDATE testimonies SET reviewed_by = NULL, reviewed_at = NULL WHERE id = ?1",
                    [t.id.as_str()],
                )?;
            }
            put_links(tx, "testimony_events", "event_id", t.id.as_str(), &t.events)?;
            put_links(tx, "testimony_documents", "document_id", t.id.as_str(), &t.documents)?;
            let action = if outcome == WriteOutcome::Created {
                AuditAction::RecordCreated
            } else {
                AuditAction::RecordUpdated
            };
            v.audit(tx, action, &format!("testimony:{}", t.id), "")?;
            Ok(outcome)
        })
    }

    /// Testimonies matching `filter`, by date then id, without accounts.
    /// Not audited.
    ///
    /// # Errors
    /// Database errors; a stored value that no longer parses.
    pub fn testimonies(&self, filter: &TestimonyFilter) -> Result<Vec<TestimonySummary>> {
        summaries(self.conn(), filter)
    }

    /// One testimony without its account, or `None`. Not audited.
    ///
    /// # Errors
    /// As [`Vault::testimonies`].
    pub fn testimony_summary(&self, id: &RecordId) -> Result<Option<TestimonySummary>> {
        one(self.conn(), id)
    }

    /// One testimony with its account. Audited (`testimony_read`, object
    /// `testimony:ID`) in the same transaction, before it is returned.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Testimony`); database errors.
    pub fn testimony(&mut self, id: &RecordId) -> Result<Testimony> {
        self.write(|v, tx| {
            let summary = one(tx, id)?.ok_or_else(|| not_found(id))?;
            let account = account(tx, id)?.ok_or_else(|| not_found(id))?;
            v.audit(
                tx,
                AuditAction::TestimonyRead,
                &format!("testimony:{id}"),
                "",
            )?;
            Ok(whole(summary, account))
        })
    }

    /// Marks a testimony reviewed for publication by the actor, now.
    /// Audited (`record_updated`, detail `reviewed`); a testimony already
    /// reviewed is left as it is (`Unchanged`, nothing written). Who may
    /// review is the application layer's rule.
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; database errors.
    pub fn mark_testimony_reviewed(&mut self, id: &RecordId) -> Result<WriteOutcome> {
        self.write(|v, tx| {
            let current = one(tx, id)?.ok_or_else(|| not_found(id))?;
            if current.review.is_some() {
                return Ok(WriteOutcome::Unchanged);
            }
            tx.execute(
                "UPDATE testimonies SET reviewed_by = ?2, reviewed_at = ?3 WHERE id = ?1",
                params![id.as_str(), v.actor().as_str(), crate::now()],
            )?;
            v.audit(
                tx,
                AuditAction::RecordUpdated,
                &format!("testimony:{id}"),
                "reviewed",
            )?;
            Ok(WriteOutcome::Updated)
        })
    }

    /// Links an event or a document to a testimony (after the ones it has).
    /// Audited when new; a link already there is `Unchanged`.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown testimony;
    /// [`VaultError::UnknownReference`] (field `event` or `document`) for an
    /// unknown target; database errors.
    pub fn link_testimony(&mut self, id: &RecordId, link: &TestimonyLink) -> Result<WriteOutcome> {
        self.write(|v, tx| {
            let current = one(tx, id)?.ok_or_else(|| not_found(id))?;
            let (table, column, list, target) = match link {
                TestimonyLink::Event(e) => {
                    require(tx, "events", RecordKind::Event, "event", e)?;
                    ("testimony_events", "event_id", &current.events, e)
                }
                TestimonyLink::Document(d) => {
                    require(tx, "documents", RecordKind::Document, "document", d)?;
                    ("testimony_documents", "document_id", &current.documents, d)
                }
            };
            if list.contains(target) {
                return Ok(WriteOutcome::Unchanged);
            }
            tx.execute(
                &format!(
                    "INSERT INTO {table} (testimony_id, {column}, position) VALUES (?1, ?2, ?3)"
                ),
                params![id.as_str(), target.as_str(), list.len() as i64],
            )?;
            v.audit(
                tx,
                AuditAction::RecordUpdated,
                &format!("testimony:{id}"),
                "linked",
            )?;
            Ok(WriteOutcome::Updated)
        })
    }

    /// Searches the accounts of `among` with `matches` (which sees each
    /// account's text, in memory only) and returns the testimonies that
    /// match, in the order of `among`. Audited before they are returned,
    /// in the same transaction: one `search` entry (object `testimonies`)
    /// with the query's keyed fingerprint (never the query), the number
    /// of results and their ids. Who may search which accounts is the
    /// application layer's rule: it passes only those the actor may read.
    ///
    /// # Errors
    /// Database errors; a stored value that no longer parses.
    pub fn search_testimonies(
        &mut self,
        among: &[RecordId],
        query: &str,
        matches: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<Testimony>> {
        let fingerprint = self.query_fingerprint(query);
        self.write(|v, tx| {
            let mut found = Vec::new();
            for id in among {
                let Some(text) = account(tx, id)? else {
                    continue;
                };
                if matches(text.expose()) {
                    let summary = one(tx, id)?.ok_or_else(|| not_found(id))?;
                    found.push(whole(summary, text));
                }
            }
            let ids: Vec<&str> = found.iter().map(|t| t.id.as_str()).collect();
            let detail = format!(
                "query={fingerprint} results={} testimonies={}",
                found.len(),
                ids.join(",")
            );
            v.audit(tx, AuditAction::Search, "testimonies", &detail)?;
            Ok(found)
        })
    }

    /// Every testimony marked reviewed, with its account and its review,
    /// for a report. Not audited here: the report that quotes an account
    /// is audited as an export before it leaves, and nothing else may
    /// use this.
    ///
    /// # Errors
    /// As [`Vault::testimonies`].
    pub fn reviewed_testimonies(&self) -> Result<Vec<(Testimony, Review)>> {
        let mut out = Vec::new();
        for s in summaries(self.conn(), &TestimonyFilter::default())? {
            let Some(review) = s.review.clone() else {
                continue;
            };
            let account = account(self.conn(), &s.id)?.ok_or_else(|| not_found(&s.id))?;
            out.push((whole(s, account), review));
        }
        Ok(out)
    }
}
