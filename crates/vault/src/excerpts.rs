//! Watchlists and excerpts.
//!
//! A watchlist is a saved query with an owner and a purpose; each run
//! records the hits it has not seen before as pending, for review. An
//! accepted hit becomes an excerpt: an exact passage of a page (character
//! range, quoted text, the original's hash at the time), tagged and linked
//! to events and people, so that a passage can be cited as evidence.
//!
//! # Who reads an excerpt's quote
//!
//! A quote is a passage of a page, and a page can name people (legal
//! names, A-numbers). Pages themselves are read by every role; what an
//! excerpt adds is the tie between a passage and the people it is linked
//! to, directly or through the participants of its events, who appear
//! everywhere else under pseudonyms. So one rule, [`Vault::may_read_excerpt`],
//! decides who reads a quote: an account reads it only if it may see the
//! identity ([`Vault::may_see_identity`]) of every person the excerpt
//! ties it to. Everyone else gets a [`WithheldExcerpt`]: its tags, links
//! and date, but neither the quote, nor the note, nor the document and
//! page (every role reads pages, so a citation would tie the page, and
//! the names on it, to the same people). [`Vault::excerpts_for`] applies
//! the rule; every place that shows excerpts to a person goes through it.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use testimonio_domain::{ExcerptTag, RecordId};

use crate::audit::AuditAction;
use crate::error::{ConflictKind, RecordKind, Refusal, Result, VaultError, WatchlistField};
use crate::users::User;
use crate::vault::Vault;

/// A saved query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Watchlist {
    pub id: String,
    pub name: String,
    pub query: String,
    pub purpose: String,
    pub owner: String,
    pub created_at: String,
    pub active: bool,
    pub last_run_at: Option<String>,
    pub pending: u64,
}

/// A hit found by a watchlist run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WatchlistHit {
    pub id: i64,
    pub watchlist_id: String,
    pub watchlist_name: String,
    /// `page` or `event`.
    pub kind: String,
    /// The document's id (or the event's).
    pub reference: String,
    pub page: Option<u32>,
    pub snippet: String,
    pub match_range: Option<(usize, usize)>,
    pub found_at: String,
    /// `pending`, `accepted` or `dismissed`.
    pub status: String,
    pub reviewed_by: Option<String>,
    pub excerpt_id: Option<String>,
}

/// A hit as a run reports it, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHit {
    pub kind: &'static str,
    pub reference: String,
    pub page: Option<u32>,
    pub snippet: String,
    pub match_range: Option<(usize, usize)>,
}

/// What an excerpt is made of.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExcerptParts {
    pub document: String,
    pub page: u32,
    /// Character offsets in the page text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub tags: Vec<ExcerptTag>,
    pub events: Vec<RecordId>,
    pub people: Vec<RecordId>,
    pub note: Option<String>,
}

/// An exact passage of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    pub id: String,
    pub document: String,
    pub page: u32,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub document_sha256: String,
    /// The note its author wrote, if any.
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub events: Vec<String>,
    pub people: Vec<String>,
    pub created_by: String,
    pub created_at: String,
    pub file_name: Option<String>,
    /// The name of the watchlist whose hit was accepted as this excerpt,
    /// if it came from one: data, which each front end words in its
    /// user's language.
    pub from_watchlist: Option<String>,
}

/// An excerpt whose quote one account may not read: what cannot tie a
/// passage to anyone (see [`Vault::may_read_excerpt`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WithheldExcerpt {
    pub id: String,
    pub tags: Vec<String>,
    pub events: Vec<String>,
    pub people: Vec<String>,
    pub created_by: String,
    pub created_at: String,
}

impl From<Excerpt> for WithheldExcerpt {
    fn from(e: Excerpt) -> Self {
        Self {
            id: e.id,
            tags: e.tags,
            events: e.events,
            people: e.people,
            created_by: e.created_by,
            created_at: e.created_at,
        }
    }
}

/// An excerpt as one account may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "access", rename_all = "snake_case")]
pub enum ShownExcerpt {
    /// The whole excerpt, quote included.
    Readable(Excerpt),
    /// Without its quote, note or citation.
    Withheld(WithheldExcerpt),
}

impl ShownExcerpt {
    pub fn tags(&self) -> &[String] {
        match self {
            ShownExcerpt::Readable(e) => &e.tags,
            ShownExcerpt::Withheld(w) => &w.tags,
        }
    }
}

/// Which excerpts to list.
#[derive(Debug, Clone, Default)]
pub struct ExcerptFilter {
    pub id: Option<String>,
    pub event: Option<String>,
    pub person: Option<String>,
    pub document: Option<String>,
    pub tag: Option<String>,
}

fn new_id(prefix: &str) -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 8];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}-{}", hex::encode(bytes))
}

impl Vault {
    /// Saves a query. The owner is the acting account.
    ///
    /// # Errors
    /// An empty name, query or purpose; database errors.
    pub fn add_watchlist(&mut self, name: &str, query: &str, purpose: &str) -> Result<Watchlist> {
        for (field, value) in [
            (WatchlistField::Name, name),
            (WatchlistField::Query, query),
            (WatchlistField::Purpose, purpose),
        ] {
            if value.trim().is_empty() {
                return Err(Refusal::WatchlistFieldEmpty { field }.into());
            }
        }
        let id = new_id("watch");
        self.write(|v, tx| {
            tx.execute(
                "INSERT INTO watchlists (id, name, query, purpose, owner, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, name.trim(), query.trim(), purpose.trim(), v.actor().as_str(), crate::now()],
            )?;
            v.audit(tx, AuditAction::RecordCreated, &format!("watchlist:{id}"), "")
        })?;
        self.watchlist(&id)
    }

    /// # Errors
    /// An unknown watchlist; database errors.
    pub fn watchlist(&self, id: &str) -> Result<Watchlist> {
        self.watchlists()?
            .into_iter()
            .find(|w| w.id == id)
            .ok_or_else(|| VaultError::NotFound {
                kind: RecordKind::Watchlist,
                id: id.to_owned(),
            })
    }

    /// Every watchlist with its count of pending hits.
    ///
    /// # Errors
    /// Database errors.
    pub fn watchlists(&self) -> Result<Vec<Watchlist>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT w.id, w.name, w.query, w.purpose, w.owner, w.created_at, w.active, w.last_run_at,
                    (SELECT count(*) FROM watchlist_hits h WHERE h.watchlist_id = w.id AND h.status = 'pending')
             FROM watchlists w ORDER BY w.created_at, w.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Watchlist {
                id: r.get(0)?,
                name: r.get(1)?,
                query: r.get(2)?,
                purpose: r.get(3)?,
                owner: r.get(4)?,
                created_at: r.get(5)?,
                active: r.get::<_, i64>(6)? != 0,
                last_run_at: r.get(7)?,
                pending: r.get::<_, i64>(8)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Turns a watchlist on or off.
    ///
    /// # Errors
    /// An unknown watchlist; database errors.
    pub fn set_watchlist_active(&mut self, id: &str, active: bool) -> Result<()> {
        self.write(|v, tx| {
            let n = tx.execute(
                "UPDATE watchlists SET active = ?2 WHERE id = ?1",
                params![id, i64::from(active)],
            )?;
            if n == 0 {
                return Err(VaultError::NotFound {
                    kind: RecordKind::Watchlist,
                    id: id.to_owned(),
                });
            }
            v.audit(
                tx,
                AuditAction::RecordUpdated,
                &format!("watchlist:{id}"),
                if active { "active" } else { "inactive" },
            )
        })
    }

    /// Records a run's hits; those seen before (in any state) are not
    /// added again. Returns how many are new.
    ///
    /// # Errors
    /// An unknown watchlist; database errors.
    pub fn record_watchlist_run(&mut self, id: &str, hits: &[NewHit]) -> Result<usize> {
        self.write(|v, tx| {
            let now = crate::now();
            let n = tx.execute("UPDATE watchlists SET last_run_at = ?2 WHERE id = ?1", params![id, now])?;
            if n == 0 {
                return Err(VaultError::NotFound {
                    kind: RecordKind::Watchlist,
                    id: id.to_owned(),
                });
            }
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO watchlist_hits (watchlist_id, kind, ref, page, snippet, match_start, match_end, found_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut added = 0;
            for hit in hits {
                added += stmt.execute(params![
                    id,
                    hit.kind,
                    hit.reference,
                    i64::from(hit.page.unwrap_or(0)),
                    hit.snippet,
                    hit.match_range.map(|r| r.0 as i64),
                    hit.match_range.map(|r| r.1 as i64),
                    now,
                ])?;
            }
            if added > 0 {
                v.audit(tx, AuditAction::RecordCreated, &format!("watchlist:{id}"), &format!("hits={added}"))?;
            }
            Ok(added)
        })
    }

    /// Hits, newest first; only pending ones with `pending_only`.
    ///
    /// # Errors
    /// Database errors.
    pub fn watchlist_hits(
        &self,
        watchlist: Option<&str>,
        pending_only: bool,
        limit: u32,
    ) -> Result<Vec<WatchlistHit>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT h.id, h.watchlist_id, w.name, h.kind, h.ref, h.page, h.snippet, h.match_start, h.match_end,
                    h.found_at, h.status, h.reviewed_by, h.excerpt_id
             FROM watchlist_hits h JOIN watchlists w ON w.id = h.watchlist_id
             WHERE (?1 IS NULL OR h.watchlist_id = ?1) AND (?2 = 0 OR h.status = 'pending')
             ORDER BY h.id DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(
            params![watchlist, i64::from(pending_only), i64::from(limit)],
            hit_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Pending hits across all watchlists (for the dashboard).
    ///
    /// # Errors
    /// Database errors.
    pub fn pending_hit_count(&self) -> Result<u64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM watchlist_hits WHERE status = 'pending'",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    /// # Errors
    /// An unknown hit; database errors.
    pub fn watchlist_hit(&self, id: i64) -> Result<WatchlistHit> {
        self.conn()
            .prepare_cached(
                "SELECT h.id, h.watchlist_id, w.name, h.kind, h.ref, h.page, h.snippet, h.match_start, h.match_end,
                        h.found_at, h.status, h.reviewed_by, h.excerpt_id
                 FROM watchlist_hits h JOIN watchlists w ON w.id = h.watchlist_id WHERE h.id = ?1",
            )?
            .query_row([id], hit_row)
            .optional()?
            .ok_or_else(|| VaultError::NotFound {
                kind: RecordKind::WatchlistHit,
                id: id.to_string(),
            })
    }

    /// Dismisses a pending hit.
    ///
    /// # Errors
    /// An unknown or already reviewed hit; database errors.
    pub fn dismiss_hit(&mut self, id: i64) -> Result<()> {
        self.write(|v, tx| {
            review(tx, id, "dismissed", v.actor().as_str(), None)?;
            v.audit(
                tx,
                AuditAction::RecordUpdated,
                &format!("watchlist_hit:{id}"),
                "dismissed",
            )
        })
    }

    /// Accepts a pending page hit: the sentence around its match becomes
    /// an excerpt with the given tags and links.
    ///
    /// # Errors
    /// An unknown or already reviewed hit; a hit on an event narrative
    /// (excerpts quote document pages); database errors.
    pub fn accept_hit(
        &mut self,
        id: i64,
        tags: Vec<ExcerptTag>,
        events: Vec<RecordId>,
        people: Vec<RecordId>,
    ) -> Result<Excerpt> {
        let hit = self.watchlist_hit(id)?;
        if hit.status != "pending" {
            return Err(ConflictKind::HitReviewed {
                hit: id,
                status: Some(hit.status),
            }
            .into());
        }
        let (Some(page), "page") = (hit.page, hit.kind.as_str()) else {
            return Err(Refusal::HitNotOnPage { hit: id }.into());
        };
        let text = self
            .document_page(&hit.reference, page)?
            .ok_or_else(|| ConflictKind::PageGone {
                document: hit.reference.clone(),
                page,
            })?
            .text;
        let (start, end) = sentence_around(&text, hit.match_range.unwrap_or((0, 0)));
        let parts = ExcerptParts {
            document: hit.reference.clone(),
            page,
            start,
            end,
            tags,
            events,
            people,
            // Where it came from is the hit itself (`from_watchlist`).
            note: None,
        };
        self.write(|v, tx| {
            let excerpt = insert_excerpt(v, tx, &parts, &text)?;
            review(tx, id, "accepted", v.actor().as_str(), Some(&excerpt))?;
            v.audit(
                tx,
                AuditAction::RecordUpdated,
                &format!("watchlist_hit:{id}"),
                &format!("accepted excerpt={excerpt}"),
            )?;
            Ok(excerpt)
        })
        .and_then(|excerpt| self.excerpt(&excerpt))
    }

    /// Records an excerpt: the quoted text is copied from the page now,
    /// with the original's hash, so later readers can verify it.
    ///
    /// # Errors
    /// An unknown document, page, event or person; a range outside the
    /// page; database errors.
    pub fn add_excerpt(&mut self, parts: &ExcerptParts) -> Result<Excerpt> {
        let text = self
            .document_page(&parts.document, parts.page)?
            .ok_or_else(|| VaultError::NotFound {
                kind: RecordKind::Page,
                id: format!("{} page {}", parts.document, parts.page),
            })?
            .text;
        let id = self.write(|v, tx| insert_excerpt(v, tx, parts, &text))?;
        self.excerpt(&id)
    }

    /// # Errors
    /// An unknown excerpt; database errors.
    pub fn excerpt(&self, id: &str) -> Result<Excerpt> {
        self.excerpts(&ExcerptFilter {
            id: Some(id.to_owned()),
            ..ExcerptFilter::default()
        })?
        .into_iter()
        .next()
        .ok_or_else(|| VaultError::NotFound {
            kind: RecordKind::Excerpt,
            id: id.to_owned(),
        })
    }

    /// Excerpts matching `filter`, in document and page order.
    ///
    /// # Errors
    /// Database errors.
    pub fn excerpts(&self, filter: &ExcerptFilter) -> Result<Vec<Excerpt>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT e.id, e.document_id, e.page, e.char_start, e.char_end, e.quote, e.document_sha256, e.note,
                    e.created_by, e.created_at, d.file_name,
                    (SELECT w.name FROM watchlist_hits h JOIN watchlists w ON w.id = h.watchlist_id
                     WHERE h.excerpt_id = e.id LIMIT 1)
             FROM excerpts e JOIN documents d ON d.id = e.document_id
             WHERE (?1 IS NULL OR e.id IN (SELECT excerpt_id FROM excerpt_events WHERE event_id = ?1))
               AND (?2 IS NULL OR e.id IN (SELECT excerpt_id FROM excerpt_people WHERE person_id = ?2))
               AND (?3 IS NULL OR e.document_id = ?3)
               AND (?4 IS NULL OR e.id IN (SELECT excerpt_id FROM excerpt_tags WHERE tag = ?4))
               AND (?5 IS NULL OR e.id = ?5)
             ORDER BY e.document_id, e.page, e.char_start",
        )?;
        let rows = stmt.query_map(
            params![
                filter.event,
                filter.person,
                filter.document,
                filter.tag,
                filter.id
            ],
            |r| {
                let from_watchlist: Option<String> = r.get(11)?;
                let note: Option<String> = r.get(7)?;
                Ok(Excerpt {
                    note: legacy_note(note, from_watchlist.as_deref()),
                    from_watchlist,
                    id: r.get(0)?,
                    document: r.get(1)?,
                    page: r.get::<_, i64>(2)? as u32,
                    start: r.get::<_, i64>(3)? as usize,
                    end: r.get::<_, i64>(4)? as usize,
                    quote: r.get(5)?,
                    document_sha256: r.get(6)?,
                    created_by: r.get(8)?,
                    created_at: r.get(9)?,
                    file_name: r.get(10)?,
                    tags: Vec::new(),
                    events: Vec::new(),
                    people: Vec::new(),
                })
            },
        )?;
        let mut excerpts: Vec<Excerpt> = rows.collect::<rusqlite::Result<_>>()?;
        for e in &mut excerpts {
            e.tags = links(
                self.conn(),
                "SELECT tag FROM excerpt_tags WHERE excerpt_id = ?1 ORDER BY tag",
                &e.id,
            )?;
            e.events = links(
                self.conn(),
                "SELECT event_id FROM excerpt_events WHERE excerpt_id = ?1 ORDER BY event_id",
                &e.id,
            )?;
            e.people = links(
                self.conn(),
                "SELECT person_id FROM excerpt_people WHERE excerpt_id = ?1 ORDER BY person_id",
                &e.id,
            )?;
        }
        Ok(excerpts)
    }

    /// The people an excerpt can tie its quote to: those linked to it,
    /// and every participant of every event linked to it (as the events
    /// are now), each once, sorted.
    ///
    /// # Errors
    /// Database errors; a stored id that no longer parses.
    pub fn people_tied_to_excerpt(&self, excerpt: &Excerpt) -> Result<Vec<RecordId>> {
        let mut ids: Vec<String> = excerpt.people.clone();
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT person_id FROM event_people WHERE event_id = ?1")?;
        for event in &excerpt.events {
            let rows = stmt.query_map([event], |r| r.get::<_, String>(0))?;
            for id in rows {
                ids.push(id?);
            }
        }
        ids.sort();
        ids.dedup();
        ids.iter()
            .map(|id| {
                RecordId::parse("person", id).map_err(|_| {
                    VaultError::Schema(format!(
                        "excerpt {} links an unreadable person id",
                        excerpt.id
                    ))
                })
            })
            .collect()
    }

    /// THE rule for excerpts: whether `user` may read `excerpt`'s quote
    /// (and note and citation). Only if they may see the identity of every
    /// person the excerpt ties its quote to
    /// ([`Vault::people_tied_to_excerpt`]): administrators and
    /// coordinators always; documenters when every such person is theirs;
    /// analysts and viewers only when the excerpt ties to no one.
    ///
    /// # Errors
    /// Database errors.
    pub fn may_read_excerpt(&self, user: &User, excerpt: &Excerpt) -> Result<bool> {
        if user.role.sees_all_identities() {
            return Ok(true);
        }
        for person in self.people_tied_to_excerpt(excerpt)? {
            if !self.may_see_identity(user, &person)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Excerpts matching `filter` as `user` may see them (see
    /// [`Vault::may_read_excerpt`]). The documents whose quotes are
    /// returned are recorded as text reads of the acting account
    /// ([`Vault::record_text_reads`]) first.
    ///
    /// # Errors
    /// Database errors.
    pub fn excerpts_for(
        &mut self,
        user: &User,
        filter: &ExcerptFilter,
    ) -> Result<Vec<ShownExcerpt>> {
        let mut shown = Vec::new();
        for excerpt in self.excerpts(filter)? {
            if self.may_read_excerpt(user, &excerpt)? {
                shown.push(ShownExcerpt::Readable(excerpt));
            } else {
                shown.push(ShownExcerpt::Withheld(excerpt.into()));
            }
        }
        let documents: Vec<&str> = shown
            .iter()
            .filter_map(|s| match s {
                ShownExcerpt::Readable(e) => Some(e.document.as_str()),
                ShownExcerpt::Withheld(_) => None,
            })
            .collect();
        self.record_text_reads(&documents)?;
        Ok(shown)
    }
}

fn links(conn: &Connection, sql: &str, id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn hit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<WatchlistHit> {
    let page: i64 = r.get(5)?;
    let start: Option<i64> = r.get(7)?;
    let end: Option<i64> = r.get(8)?;
    Ok(WatchlistHit {
        id: r.get(0)?,
        watchlist_id: r.get(1)?,
        watchlist_name: r.get(2)?,
        kind: r.get(3)?,
        reference: r.get(4)?,
        page: (page > 0).then_some(page as u32),
        snippet: r.get(6)?,
        match_range: start.zip(end).map(|(s, e)| (s as usize, e as usize)),
        found_at: r.get(9)?,
        status: r.get(10)?,
        reviewed_by: r.get(11)?,
        excerpt_id: r.get(12)?,
    })
}

fn review(
    tx: &Connection,
    id: i64,
    status: &str,
    actor: &str,
    excerpt: Option<&str>,
) -> Result<()> {
    let n = tx.execute(
        "UPDATE watchlist_hits SET status = ?2, reviewed_by = ?3, reviewed_at = ?4, excerpt_id = ?5
         WHERE id = ?1 AND status = 'pending'",
        params![id, status, actor, crate::now(), excerpt],
    )?;
    if n == 0 {
        return Err(ConflictKind::HitReviewed {
            hit: id,
            status: None,
        }
        .into());
    }
    Ok(())
}

fn insert_excerpt(
    v: &Vault,
    tx: &Connection,
    parts: &ExcerptParts,
    page_text: &str,
) -> Result<String> {
    let chars = page_text.chars().count();
    if parts.start >= parts.end || parts.end > chars {
        return Err(Refusal::NotAPassage {
            start: parts.start,
            end: parts.end,
            page: parts.page,
            chars,
        }
        .into());
    }
    let quote: String = page_text
        .chars()
        .skip(parts.start)
        .take(parts.end - parts.start)
        .collect();
    let sha256: String = tx
        .query_row(
            "SELECT sha256 FROM documents WHERE id = ?1",
            [&parts.document],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| VaultError::NotFound {
            kind: RecordKind::Document,
            id: parts.document.clone(),
        })?;
    let id = new_id("excerpt");
    tx.execute(
        "INSERT INTO excerpts (id, document_id, page, char_start, char_end, quote, document_sha256, note, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            parts.document,
            i64::from(parts.page),
            parts.start as i64,
            parts.end as i64,
            quote,
            sha256,
            parts.note,
            v.actor().as_str(),
            crate::now()
        ],
    )?;
    for tag in &parts.tags {
        tx.execute(
            "INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag) VALUES (?1, ?2)",
            params![id, tag.as_str()],
        )?;
    }
    for event in &parts.events {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM events WHERE id = ?1)",
            [event.as_str()],
            |r| r.get(0),
        )?;
        if !known {
            return Err(VaultError::NotFound {
                kind: RecordKind::Event,
                id: event.as_str().to_owned(),
            });
        }
        tx.execute(
            "INSERT OR IGNORE INTO excerpt_events (excerpt_id, event_id) VALUES (?1, ?2)",
            params![id, event.as_str()],
        )?;
    }
    for person in &parts.people {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)",
            [person.as_str()],
            |r| r.get(0),
        )?;
        if !known {
            return Err(VaultError::NotFound {
                kind: RecordKind::Person,
                id: person.as_str().to_owned(),
            });
        }
        tx.execute(
            "INSERT OR IGNORE INTO excerpt_people (excerpt_id, person_id) VALUES (?1, ?2)",
            params![id, person.as_str()],
        )?;
    }
    v.audit(
        tx,
        AuditAction::RecordCreated,
        &format!("excerpt:{id}"),
        &format!("document:{} page={}", parts.document, parts.page),
    )?;
    Ok(id)
}

/// The sentence (or line) around a byte range, as character offsets: from
/// after the previous sentence end to the next one, at most 400
/// characters each way.
pub fn sentence_around(text: &str, (from, to): (usize, usize)) -> (usize, usize) {
    let from = from.min(text.len());
    let to = to.clamp(from, text.len());
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let mut start = from;
    for (steps, (i, c)) in text[..from].char_indices().rev().enumerate() {
        if is_end(c) || steps >= 400 {
            break;
        }
        start = i;
    }
    let mut end = to;
    for (i, c) in text[to..].char_indices() {
        end = to + i + c.len_utf8();
        if is_end(c) || i >= 400 {
            break;
        }
    }
    let chars_before = |byte: usize| text[..byte].chars().count();
    let (mut s, mut e) = (chars_before(start), chars_before(end));
    // Trim surrounding spaces.
    let trimmed_start = text[start..end].len() - text[start..end].trim_start().len();
    s += text[start..start + trimmed_start].chars().count();
    let trimmed_end = text[start..end].len() - text[start..end].trim_end().len();
    e -= text[end - trimmed_end..end].chars().count();
    if e <= s {
        (
            chars_before(from),
            chars_before(to)
                .max(chars_before(from) + 1)
                .min(text.chars().count()),
        )
    } else {
        (s, e)
    }
}

/// Versions before `from_watchlist` stored an accepted hit's origin as an
/// English note, `from watchlist NAME`; that note, exactly, is the origin
/// now given by `from_watchlist`, not a note of the author's.
fn legacy_note(note: Option<String>, from_watchlist: Option<&str>) -> Option<String> {
    match (note, from_watchlist) {
        (Some(note), Some(name)) if note == format!("from watchlist {name}") => None,
        (note, _) => note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_a_match_is_found_in_characters() {
        let text = "Primera frase. El agente llamó «instigador» a José Peña. Última.";
        let at = text.find("instigador").unwrap();
        let (s, e) = sentence_around(text, (at, at + "instigador".len()));
        let quote: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(quote, "El agente llamó «instigador» a José Peña.");
    }

    #[test]
    fn the_legacy_origin_note_is_not_an_authors_note() {
        let legacy = Some("from watchlist Instigator".to_owned());
        assert_eq!(legacy_note(legacy.clone(), Some("Instigator")), None);
        assert_eq!(legacy_note(legacy.clone(), None), legacy);
        let own = Some("see page 3".to_owned());
        assert_eq!(legacy_note(own.clone(), Some("Instigator")), own);
    }
}
