//! People mentioned in evidence (migration 15): the pages on which a
//! person's legal name, an alias or the A-number was found.
//!
//! The scan itself (what matches) is the application layer's; the vault
//! keeps its queue — pages written and people whose watched fields were
//! written, filled by triggers in the transaction of the change —, the
//! hits (which person, which page, which kind of variant matched: never
//! the matched text) and their review. Every read of hits is an audited
//! identity read of each person they name (`identity_read`, object
//! `person:ID`, detail `mentions`): a hit ties a page to a person as
//! surely as their name does.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, params};
use testimonio_domain::{ANumber, RecordId, Sensitive};
use zeroize::Zeroizing;

use crate::audit::AuditAction;
use crate::error::{ConflictKind, RecordKind, Result, VaultError};
use crate::vault::Vault;

/// Which of a person's watched fields was found on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MentionKind {
    LegalName,
    Alias,
    ANumber,
}

impl MentionKind {
    pub const ALL: [MentionKind; 3] = [
        MentionKind::LegalName,
        MentionKind::Alias,
        MentionKind::ANumber,
    ];

    /// The stored code: `legal_name`, `alias`, `a_number`.
    pub fn code(self) -> &'static str {
        match self {
            MentionKind::LegalName => "legal_name",
            MentionKind::Alias => "alias",
            MentionKind::ANumber => "a_number",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where a hit stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionStatus {
    Pending,
    /// A reviewer confirmed that the page is about this person.
    Confirmed,
    /// A reviewer found it is someone else (or nothing).
    Dismissed,
}

impl MentionStatus {
    pub const ALL: [MentionStatus; 3] = [
        MentionStatus::Pending,
        MentionStatus::Confirmed,
        MentionStatus::Dismissed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MentionStatus::Pending => "pending",
            MentionStatus::Confirmed => "confirmed",
            MentionStatus::Dismissed => "dismissed",
        }
    }

    /// # Errors
    /// `None` for an unknown code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }
}

/// The fields of one person the scan looks for. Sensitive: never shown,
/// never logged (`Debug` redacts them).
#[derive(Debug, Clone)]
pub struct WatchedPerson {
    pub id: RecordId,
    pub legal_name: Option<Sensitive>,
    pub aliases: Vec<Sensitive>,
    pub a_number: Option<ANumber>,
}

/// What the scan has to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionTarget {
    /// A page written since the last scan: every watched person against it.
    Page { document: String, page: u32 },
    /// A person whose watched fields were written: them against every page.
    Person(RecordId),
}

/// A page's text, for the scan only (never shown: not audited as a read).
pub struct ScanPage {
    pub document: String,
    pub page: u32,
    pub text: Zeroizing<String>,
}

/// A hit the scan found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundMention {
    pub person: RecordId,
    pub document: String,
    pub page: u32,
    pub kind: MentionKind,
}

/// One scan's outcome, stored at once.
#[derive(Debug, Clone, Default)]
pub struct MentionScan {
    /// The queue's rows read, up to and including this one.
    pub through: i64,
    /// Every hit found on the pages read (old ones are kept as they are).
    pub found: Vec<FoundMention>,
    /// People scanned against every page: their pending hits that were
    /// not found again are removed (their name or number changed).
    pub rescanned: Vec<RecordId>,
    /// How many pages were read and people watched, for the audit entry.
    pub pages: usize,
    pub people: usize,
}

/// A stored hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub id: i64,
    pub person: RecordId,
    pub pseudonym: String,
    pub document: String,
    /// The document's file name, attachment name or title, as shown in
    /// listings; `None` when it has none.
    pub title: Option<String>,
    pub page: u32,
    pub kind: MentionKind,
    pub found_at: String,
    pub status: MentionStatus,
    pub reviewed_by: Option<String>,
}

/// A stored hit as read: id, person, pseudonym, document, its name, page,
/// kind, found, status, reviewer.
type MentionRow = (
    i64,
    String,
    String,
    String,
    Option<String>,
    u32,
    String,
    String,
    String,
    Option<String>,
);

fn unreadable(what: &str) -> VaultError {
    VaultError::Internal(format!("a stored mention {what} does not parse"))
}

impl Vault {
    /// The scan's queue after `after`, oldest first, at most `limit` rows.
    ///
    /// # Errors
    /// Database errors; a stored row that does not parse.
    pub fn mention_queue(&self, after: i64, limit: u32) -> Result<Vec<(i64, MentionTarget)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT seq, target, ref, page FROM mention_queue WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows: Vec<(i64, String, String, Option<i64>)> = stmt
            .query_map(params![after, limit], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(seq, target, reference, page)| {
                let target = match (target.as_str(), page) {
                    ("page", Some(page)) => MentionTarget::Page {
                        document: reference,
                        page: u32::try_from(page).map_err(|_| unreadable("page"))?,
                    },
                    ("person", _) => MentionTarget::Person(
                        RecordId::parse("ref", &reference).map_err(|_| unreadable("person"))?,
                    ),
                    _ => return Err(unreadable("queue row")),
                };
                Ok((seq, target))
            })
            .collect()
    }

    /// The watched fields of every person who has any (or of `only`), by
    /// id. For the scan alone, which shows nothing it reads: the scan's
    /// stored result is audited ([`Vault::record_mention_scan`]).
    ///
    /// # Errors
    /// Database errors; a stored value that no longer parses.
    pub fn watched_people(&self, only: Option<&[RecordId]>) -> Result<Vec<WatchedPerson>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT person_id, legal_name, aliases, a_number FROM person_identity
             WHERE legal_name IS NOT NULL OR aliases != '[]' OR a_number IS NOT NULL
             ORDER BY person_id",
        )?;
        let mut rows = stmt.query([])?;
        let mut people = Vec::new();
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            if let Some(only) = only
                && !only.iter().any(|o| o.as_str() == id)
            {
                continue;
            }
            let id = RecordId::parse("person", &id).map_err(|_| unreadable("person"))?;
            let legal_name: Option<Zeroizing<String>> =
                r.get::<_, Option<String>>(1)?.map(Zeroizing::new);
            let aliases = Zeroizing::new(r.get::<_, String>(2)?);
            let a_number: Option<Zeroizing<String>> =
                r.get::<_, Option<String>>(3)?.map(Zeroizing::new);
            let aliases: Vec<Zeroizing<String>> = serde_json::from_str::<Vec<String>>(&aliases)
                .map_err(|_| unreadable("alias list"))?
                .into_iter()
                .map(Zeroizing::new)
                .collect();
            let text = |field: &str, v: &str| {
                Sensitive::parse(field, v, Sensitive::MAX_LEN).map_err(|_| unreadable(field))
            };
            people.push(WatchedPerson {
                legal_name: legal_name
                    .as_deref()
                    .map(|v| text("legal_name", v))
                    .transpose()?,
                aliases: aliases
                    .iter()
                    .filter(|a| !a.trim().is_empty())
                    .map(|a| text("aliases", a))
                    .collect::<Result<_>>()?,
                a_number: a_number
                    .as_deref()
                    .map(|v| ANumber::parse("a_number", v).map_err(|_| unreadable("a_number")))
                    .transpose()?,
                id,
            });
        }
        Ok(people)
    }

    /// Stored pages after `after` (document id, page) in that order, at most
    /// `limit`, with their text: a rescan walks every page in batches.
    ///
    /// # Errors
    /// Database errors.
    pub fn scan_pages_after(
        &self,
        after: Option<(&str, u32)>,
        limit: u32,
    ) -> Result<Vec<ScanPage>> {
        let (document, page) = after.unwrap_or(("", 0));
        let mut stmt = self.conn().prepare_cached(
            "SELECT document_id, page, text FROM document_pages
             WHERE (document_id, page) > (?1, ?2) ORDER BY document_id, page LIMIT ?3",
        )?;
        let rows = stmt
            .query_map(params![document, page, limit], read_scan_page)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One stored page's text for the scan; `None` when it is gone.
    ///
    /// # Errors
    /// Database errors.
    pub fn scan_page(&self, document: &str, page: u32) -> Result<Option<ScanPage>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT document_id, page, text FROM document_pages WHERE document_id = ?1 AND page = ?2",
            )?
            .query_row(params![document, page], read_scan_page)
            .optional()?)
    }

    /// Stores a scan in one transaction: new hits (one seen before, in any
    /// state, is kept as it is), the rescanned people's pending hits that
    /// were not found again removed, the queue read removed, and one
    /// audit entry (`identity_read`, object `mentions:scan`, detail with
    /// counts only) when anything was read. Returns how many hits are new.
    ///
    /// # Errors
    /// Database errors.
    pub fn record_mention_scan(&mut self, scan: &MentionScan) -> Result<usize> {
        self.write(|v, tx| {
            let now = crate::now();
            let mut added = 0;
            {
                let mut insert = tx.prepare_cached(
                    "INSERT OR IGNORE INTO person_mentions (person_id, document_id, page, kind, found_at)
                     SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM people WHERE id = ?1)
                       AND EXISTS (SELECT 1 FROM documents WHERE id = ?2)",
                )?;
                for m in &scan.found {
                    added += insert.execute(params![
                        m.person.as_str(),
                        m.document,
                        m.page,
                        m.kind.code(),
                        now
                    ])?;
                }
            }
            let mut removed = 0;
            if !scan.rescanned.is_empty() {
                let found: HashSet<(&str, &str, u32, &str)> = scan
                    .found
                    .iter()
                    .map(|m| (m.person.as_str(), m.document.as_str(), m.page, m.kind.code()))
                    .collect();
                let mut stmt = tx.prepare_cached(
                    "SELECT id, document_id, page, kind FROM person_mentions
                     WHERE person_id = ?1 AND status = 'pending'",
                )?;
                let mut delete = tx.prepare_cached("DELETE FROM person_mentions WHERE id = ?1")?;
                for person in &scan.rescanned {
                    let pending: Vec<(i64, String, u32, String)> = stmt
                        .query_map([person.as_str()], |r| {
                            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                        })?
                        .collect::<rusqlite::Result<_>>()?;
                    for (id, document, page, kind) in pending {
                        if !found.contains(&(person.as_str(), document.as_str(), page, kind.as_str())) {
                            removed += delete.execute([id])?;
                        }
                    }
                }
            }
            tx.execute("DELETE FROM mention_queue WHERE seq <= ?1", [scan.through])?;
            if scan.pages > 0 || added > 0 || removed > 0 {
                v.audit(
                    tx,
                    AuditAction::IdentityRead,
                    "mentions:scan",
                    &format!(
                        "people={} pages={} new={added} removed={removed}",
                        scan.people, scan.pages
                    ),
                )?;
            }
            Ok(added)
        })
    }

    /// The people who have hits (pending ones only with `pending_only`),
    /// by id: ids alone, so that a caller can keep those it may not see
    /// from ever being read. Not audited: no hit is read.
    ///
    /// # Errors
    /// Database errors.
    pub fn mentioned_people(&self, pending_only: bool) -> Result<Vec<RecordId>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT DISTINCT person_id FROM person_mentions
             WHERE (?1 = 0 OR status = 'pending') ORDER BY person_id",
        )?;
        let ids: Vec<String> = stmt
            .query_map([pending_only], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter()
            .map(|id| RecordId::parse("person", id).map_err(|_| unreadable("person")))
            .collect()
    }

    /// The hits of `people`, newest first, at most `limit` (pending only
    /// with `pending_only`). Audited before they are returned: one
    /// `identity_read` entry (object `person:ID`, detail `mentions`) per
    /// person asked about, whether or not they have hits.
    ///
    /// # Errors
    /// Database errors; a stored row that does not parse.
    pub fn person_mentions(
        &mut self,
        people: &[RecordId],
        pending_only: bool,
        limit: u32,
    ) -> Result<Vec<Mention>> {
        if people.is_empty() {
            return Ok(Vec::new());
        }
        self.write(|v, tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT m.id, m.person_id, p.pseudonym, m.document_id,
                        COALESCE(NULLIF(TRIM(d.file_name), ''), NULLIF(TRIM(d.attachment_name), ''), NULLIF(TRIM(d.title), '')), m.page, m.kind,
                        m.found_at, m.status, m.reviewed_by
                 FROM person_mentions m JOIN people p ON p.id = m.person_id
                 JOIN documents d ON d.id = m.document_id
                 WHERE m.person_id = ?1 AND (?2 = 0 OR m.status = 'pending')
                 ORDER BY m.id DESC LIMIT ?3",
            )?;
            let mut out = Vec::new();
            for person in people {
                v.audit(
                    tx,
                    AuditAction::IdentityRead,
                    &format!("person:{person}"),
                    "mentions",
                )?;
                let rows: Vec<MentionRow> = stmt
                    .query_map(params![person.as_str(), pending_only, limit], |r| {
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
                        ))
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                for (id, person, pseudonym, document, title, page, kind, found_at, status, reviewed_by) in rows {
                    out.push(Mention {
                        id,
                        person: RecordId::parse("person", &person).map_err(|_| unreadable("person"))?,
                        pseudonym,
                        document,
                        title,
                        page,
                        kind: MentionKind::parse(&kind).ok_or_else(|| unreadable("kind"))?,
                        found_at,
                        status: MentionStatus::parse(&status).ok_or_else(|| unreadable("status"))?,
                        reviewed_by,
                    });
                }
            }
            out.sort_by_key(|m| std::cmp::Reverse(m.id));
            out.truncate(limit as usize);
            Ok(out)
        })
    }

    /// The person a hit names, by id alone (not audited: nothing about
    /// the hit is returned), so that a caller can check who may review it.
    ///
    /// # Errors
    /// [`VaultError::NotFound`] (kind `Mention`); database errors.
    pub fn mention_person(&self, id: i64) -> Result<RecordId> {
        let person: Option<String> = self
            .conn()
            .query_row(
                "SELECT person_id FROM person_mentions WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let person = person.ok_or_else(|| VaultError::NotFound {
            kind: RecordKind::Mention,
            id: id.to_string(),
        })?;
        RecordId::parse("person", &person).map_err(|_| unreadable("person"))
    }

    /// Marks a pending hit confirmed or dismissed. Audited
    /// (`record_updated`, object `mention:ID`, detail the status).
    ///
    /// # Errors
    /// [`VaultError::NotFound`]; [`ConflictKind::MentionReviewed`] for a hit
    /// already reviewed (or a review to `pending`); database errors.
    pub fn review_mention(&mut self, id: i64, status: MentionStatus) -> Result<()> {
        self.write(|v, tx| {
            let current: Option<String> = tx
                .query_row("SELECT status FROM person_mentions WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            let Some(current) = current else {
                return Err(VaultError::NotFound {
                    kind: RecordKind::Mention,
                    id: id.to_string(),
                });
            };
            if current != "pending" || status == MentionStatus::Pending {
                return Err(ConflictKind::MentionReviewed { mention: id }.into());
            }
            tx.execute(
                "UPDATE person_mentions SET status = ?2, reviewed_by = ?3, reviewed_at = ?4 WHERE id = ?1",
                params![id, status.code(), v.actor().as_str(), crate::now()],
            )?;
            v.audit(
                tx,
                AuditAction::RecordUpdated,
                &format!("mention:{id}"),
                status.code(),
            )
        })
    }
}

fn read_scan_page(r: &rusqlite::Row<'_>) -> rusqlite::Result<ScanPage> {
    Ok(ScanPage {
        document: r.get(0)?,
        page: r.get(1)?,
        text: Zeroizing::new(r.get(2)?),
    })
}
