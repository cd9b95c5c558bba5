//! Cases in the vault (migration 9): a legal or advocacy file around one
//! person or one group, and the records it links to. Every write is
//! audited with its change; the notes are read on their own, audited.

use rusqlite::{Connection, OptionalExtension, params};
use testimonio_domain::{
    Case, CaseKind, CaseLinkKind, CaseStatus, CaseSubject, PartialDate, RecordId, Sensitive,
    ShortText,
};

use crate::audit::AuditAction;
use crate::error::{RecordKind, Result, VaultError};
use crate::records::WriteOutcome;
use crate::vault::Vault;

/// One record a case links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLink {
    pub kind: CaseLinkKind,
    /// The linked record's id, as stored.
    pub target: String,
}

const COLUMNS: &str =
    "id, title, kind, status, person_id, group_id, attorney, opened_on, closed_on";

/// A stored value that does not read back: damage or a bug. Names the
/// case and the column, never the content.
fn unreadable(id: &str, column: &str) -> VaultError {
    VaultError::Schema(format!("case {id}: the stored {column} is not readable"))
}

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
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
    ))
}

fn to_case(row: Row) -> Result<Case> {
    let (id, title, kind, status, person, group, attorney, opened, closed) = row;
    let bad = |column: &str| unreadable(&id, column);
    let date = |column: &str, v: Option<String>| {
        v.map(|v| PartialDate::parse(column, &v).map_err(|_| bad(column)))
            .transpose()
    };
    let subject = match (person, group) {
        (Some(p), None) => {
            CaseSubject::Person(RecordId::parse("person", &p).map_err(|_| bad("person_id"))?)
        }
        (None, Some(g)) => {
            CaseSubject::Group(RecordId::parse("group", &g).map_err(|_| bad("group_id"))?)
        }
        _ => return Err(bad("subject")),
    };
    Ok(Case {
        id: RecordId::parse("id", &id).map_err(|_| bad("id"))?,
        title: ShortText::parse("title", &title).map_err(|_| bad("title"))?,
        kind: CaseKind::parse("kind", &kind).map_err(|_| bad("kind"))?,
        status: CaseStatus::parse("status", &status).map_err(|_| bad("status"))?,
        subject,
        attorney: ShortText::parse_optional("attorney", attorney.as_deref())
            .map_err(|_| bad("attorney"))?,
        opened_on: date("opened_on", opened)?,
        closed_on: date("closed_on", closed)?,
    })
}

fn exists(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)");
    Ok(conn.query_row(&sql, [id], |r| r.get(0))?)
}

fn require_case(conn: &Connection, id: &str) -> Result<()> {
    if exists(conn, "cases", id)? {
        Ok(())
    } else {
        Err(VaultError::NotFound {
            kind: RecordKind::Case,
            id: id.to_owned(),
        })
    }
}

impl Vault {
    /// Stores a new case with its notes. Audited (`record_created`,
    /// object `case:ID`).
    ///
    /// # Errors
    /// [`VaultError::UnknownReference`] (field `person` or `group`) for a
    /// subject that does not exist; database errors, among them an id
    /// already taken (callers check [`Vault::case`] first and give new
    /// cases random ids).
    pub fn add_case(&mut self, case: &Case, notes: Option<&Sensitive>) -> Result<()> {
        let id = case.id.as_str().to_owned();
        self.write(|v, tx| {
            let (field, kind, table, subject) = match &case.subject {
                CaseSubject::Person(p) => ("person", RecordKind::Person, "people", p),
                CaseSubject::Group(g) => ("group", RecordKind::Group, "groups", g),
            };
            if !exists(tx, table, subject.as_str())? {
                return Err(VaultError::UnknownReference {
                    field: field.to_owned(),
                    kind,
                    id: subject.to_string(),
                });
            }
            let now = crate::now();
            tx.execute(
                "INSERT INTO cases (id, title, kind, status, person_id, group_id, attorney,
                     opened_on, closed_on, notes, created_at, updated_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)",
                params![
                    id,
                    case.title.as_str(),
                    case.kind.code(),
                    case.status.code(),
                    case.subject.person().map(RecordId::as_str),
                    case.subject.group().map(RecordId::as_str),
                    case.attorney.as_ref().map(ShortText::as_str),
                    case.opened_on.map(|d| d.to_string()),
                    case.closed_on.map(|d| d.to_string()),
                    notes.map(Sensitive::expose),
                    now,
                    v.actor().as_str(),
                ],
            )?;
            v.audit(tx, AuditAction::RecordCreated, &format!("case:{id}"), "")
        })
    }

    /// One case, without its notes. Not audited (no identity field).
    ///
    /// # Errors
    /// Database errors; a stored value that does not read back.
    pub fn case(&self, id: &str) -> Result<Option<Case>> {
        let sql = format!("SELECT {COLUMNS} FROM cases WHERE id = ?1");
        let row = self.conn().query_row(&sql, [id], read_row).optional()?;
        row.map(to_case).transpose()
    }

    /// Every case, by id.
    ///
    /// # Errors
    /// As [`Vault::case`].
    pub fn cases(&self) -> Result<Vec<Case>> {
        let sql = format!("SELECT {COLUMNS} FROM cases ORDER BY id");
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows: Vec<Row> = stmt
            .query_map([], read_row)?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter().map(to_case).collect()
    }

    /// The notes of case `id`; the read is audited (`identity_read`, object
    /// `case:ID`, detail `notes`) before they are returned, whether or not
    /// there are any.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown case; database errors.
    pub fn case_notes(&mut self, id: &str) -> Result<Option<Sensitive>> {
        self.write(|v, tx| {
            let notes: Option<Option<String>> = tx
                .query_row("SELECT notes FROM cases WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            let Some(notes) = notes else {
                return Err(VaultError::NotFound {
                    kind: RecordKind::Case,
                    id: id.to_owned(),
                });
            };
            v.audit(
                tx,
                AuditAction::IdentityRead,
                &format!("case:{id}"),
                "notes",
            )?;
            let notes = zeroize::Zeroizing::new(notes);
            notes
                .as_deref()
                .map(|n| {
                    Sensitive::parse("notes", n, testimonio_domain::case::NOTES_MAX)
                        .map_err(|_| unreadable(id, "notes"))
                })
                .transpose()
        })
    }

    /// Changes the status of case `id`. Audited (`record_updated`, detail
    /// `status=CODE`) when it changes.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown case; database errors.
    pub fn set_case_status(&mut self, id: &str, status: CaseStatus) -> Result<WriteOutcome> {
        self.write(|v, tx| {
            let current: Option<String> = tx
                .query_row("SELECT status FROM cases WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            match current {
                None => Err(VaultError::NotFound {
                    kind: RecordKind::Case,
                    id: id.to_owned(),
                }),
                Some(c) if c == status.code() => Ok(WriteOutcome::Unchanged),
                Some(_) => {
                    tx.execute(
                        "UPDATE cases SET status = ?2, updated_at = ?3 WHERE id = ?1",
                        params![id, status.code(), crate::now()],
                    )?;
                    v.audit(
                        tx,
                        AuditAction::RecordUpdated,
                        &format!("case:{id}"),
                        &format!("status={}", status.code()),
                    )?;
                    Ok(WriteOutcome::Updated)
                }
            }
        })
    }

    /// Links case `id` to a record. The caller checks that the record
    /// exists; the vault checks the case. Audited (`record_updated`,
    /// detail `link=KIND:TARGET`) when the link is new; `false` when it
    /// was already there.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown case; database errors.
    pub fn link_case(&mut self, id: &str, kind: CaseLinkKind, target: &str) -> Result<bool> {
        self.write(|v, tx| {
            require_case(tx, id)?;
            let added = tx.execute(
                "INSERT INTO case_links (case_id, kind, target_id, position, added_at, added_by)
                 VALUES (?1, ?2, ?3,
                     (SELECT coalesce(max(position), 0) + 1 FROM case_links WHERE case_id = ?1),
                     ?4, ?5)
                 ON CONFLICT DO NOTHING",
                params![id, kind.code(), target, crate::now(), v.actor().as_str()],
            )?;
            if added > 0 {
                v.audit(
                    tx,
                    AuditAction::RecordUpdated,
                    &format!("case:{id}"),
                    &format!("link={}:{target}", kind.code()),
                )?;
            }
            Ok(added > 0)
        })
    }

    /// Removes a link of case `id`. Audited (`record_updated`, detail
    /// `unlink=KIND:TARGET`) when there was one; `false` when there was
    /// none.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] for an unknown case; database errors.
    pub fn unlink_case(&mut self, id: &str, kind: CaseLinkKind, target: &str) -> Result<bool> {
        self.write(|v, tx| {
            require_case(tx, id)?;
            let removed = tx.execute(
                "DELETE FROM case_links WHERE case_id = ?1 AND kind = ?2 AND target_id = ?3",
                params![id, kind.code(), target],
            )?;
            if removed > 0 {
                v.audit(
                    tx,
                    AuditAction::RecordUpdated,
                    &format!("case:{id}"),
                    &format!("unlink={}:{target}", kind.code()),
                )?;
            }
            Ok(removed > 0)
        })
    }

    /// The links of case `id`, in the order they were added.
    ///
    /// # Errors
    /// Database errors; a stored kind that does not read back.
    pub fn case_links(&self, id: &str) -> Result<Vec<CaseLink>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT kind, target_id FROM case_links WHERE case_id = ?1 ORDER BY position",
        )?;
        let rows: Vec<(String, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(kind, target)| {
                Ok(CaseLink {
                    kind: CaseLinkKind::parse("kind", &kind)
                        .map_err(|_| unreadable(id, "link kind"))?,
                    target,
                })
            })
            .collect()
    }
}
