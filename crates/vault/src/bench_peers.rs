//! The benchmarks' SQLite peers (cargo feature `bench-peers`): what
//! `testimonio-bench` measures the vault and the search index against, in
//! the same run. They live here so that no crate above the vault names the
//! database library; nothing in the application uses them.
//!
//! - [`PlainVault`]: the vault's schema, pragmas, statements and audit
//!   chain in a plain, unencrypted SQLite file (SQLCipher without a key is
//!   plain SQLite), so that the only difference measured is encryption.
//! - [`Fts5Builder`] and [`Fts5Reader`]: an SQLite FTS5 full-text index of
//!   pages with their metadata, the search benchmark's first peer.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use testimonio_domain::exchange::ExchangeRecord;
use testimonio_domain::{Event, FieldError};

use crate::audit::{self, AuditAction};
use crate::error::Result;
use crate::keys::Key32;
use crate::records::{self, EventFilter, WriteOutcome};
use crate::transfer::{IMPORT_BATCH, ImportFailure, ImportReport};
use crate::{Actor, db};

/// The versions of the database library: `SQLite 3.x.y, SQLCipher 4.x.y`.
pub fn sqlite_versions() -> String {
    let cipher = Connection::open_in_memory()
        .and_then(|c| c.query_row("PRAGMA cipher_version", [], |r| r.get::<_, String>(0)))
        .unwrap_or_else(|_| "?".into());
    format!("SQLite {}, SQLCipher {cipher}", rusqlite::version())
}

/// The version of SQLite alone: `SQLite 3.x.y`.
pub fn sqlite_version() -> String {
    format!("SQLite {}", rusqlite::version())
}

/// The vault's database without encryption: same pragmas
/// (`db::configure`), same migrations, same statements
/// (`records::put_*`, `records::events`) and the same audit entries, keyed
/// with a fixed key (computing the chain costs the same with any key).
pub struct PlainVault {
    conn: Connection,
    key: Key32,
    actor: String,
}

impl PlainVault {
    /// Creates the database at `path` and records its creation, as
    /// [`Vault::create`](crate::Vault::create) does.
    ///
    /// # Errors
    /// Database errors.
    pub fn create(path: &Path, actor: &Actor) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        db::configure(&conn)?;
        db::migrate(&mut conn)?;
        let peer = PlainVault {
            conn,
            key: Key32::from_bytes([0x5a; 32]),
            actor: actor.as_str().to_owned(),
        };
        peer.in_transaction(|tx, key, actor| {
            audit::append(
                tx,
                key,
                &crate::now(),
                actor,
                AuditAction::VaultCreated,
                "vault",
                "",
            )
        })?;
        Ok(peer)
    }

    /// Does what [`Vault::import_records`](crate::Vault::import_records)
    /// does, step for step: the same conversions, statements and audit
    /// entries, [`IMPORT_BATCH`] records per IMMEDIATE transaction, one
    /// `import` entry at the end.
    ///
    /// # Errors
    /// Database errors; refused records are in the report.
    pub fn import_records(
        &mut self,
        source: &str,
        records: impl Iterator<Item = (String, std::result::Result<ExchangeRecord, String>)>,
    ) -> Result<ImportReport> {
        let mut report = ImportReport::default();
        let mut records = records.peekable();
        while records.peek().is_some() {
            let batch: Vec<_> = records.by_ref().take(IMPORT_BATCH).collect();
            let partial = self.in_transaction(|tx, key, actor| {
                let mut partial = ImportReport::default();
                for (location, parsed) in batch {
                    match put_record(tx, key, actor, parsed)? {
                        Ok(Some(outcome)) => partial.count(outcome),
                        Ok(None) => {}
                        Err(reason) => partial.failed.push(ImportFailure { location, reason }),
                    }
                }
                Ok(partial)
            })?;
            report.created += partial.created;
            report.updated += partial.updated;
            report.unchanged += partial.unchanged;
            report.failed.extend(partial.failed);
        }
        let detail = format!(
            "created={} updated={} unchanged={} failed={}",
            report.created,
            report.updated,
            report.unchanged,
            report.failed.len()
        );
        self.in_transaction(|tx, key, actor| {
            audit::append(
                tx,
                key,
                &crate::now(),
                actor,
                AuditAction::Import,
                &format!("import:{source}"),
                &detail,
            )
        })?;
        Ok(report)
    }

    /// Events matching `filter`: the function [`Vault::events`](crate::Vault::events) calls.
    ///
    /// # Errors
    /// Database errors.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>> {
        records::events(&self.conn, filter)
    }

    /// How many records of each kind, and audit entries.
    ///
    /// # Errors
    /// Database errors.
    pub fn counts(&self) -> Result<crate::records::Counts> {
        records::counts(&self.conn)
    }

    /// Walks the peer's audit chain, as the vault's check does.
    ///
    /// # Errors
    /// Database errors.
    pub fn verify_audit_chain(&self) -> Result<(usize, Vec<crate::ChainFault>)> {
        audit::verify(&self.conn, &self.key)
    }

    /// Runs `f` in one IMMEDIATE transaction, as the vault's writes are.
    fn in_transaction<T>(
        &self,
        f: impl FnOnce(&Connection, &Key32, &str) -> Result<T>,
    ) -> Result<T> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let value = f(&tx, &self.key, &self.actor)?;
        tx.commit()?;
        Ok(value)
    }
}

/// One record: `Ok(Err(reason))` when the record is refused.
fn put_record(
    tx: &Connection,
    key: &Key32,
    actor: &str,
    parsed: std::result::Result<ExchangeRecord, String>,
) -> Result<std::result::Result<Option<WriteOutcome>, String>> {
    let join = |e: Vec<FieldError>| {
        e.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let record = match parsed {
        Ok(record) => record,
        Err(reason) => return Ok(Err(reason)),
    };
    // A fresh time for each statement and entry, as the vault takes them.
    let (what, id, outcome) = match &record {
        ExchangeRecord::Header(h) => {
            return Ok(h.check().map(|()| None).map_err(|e| e.to_string()));
        }
        ExchangeRecord::Group(g) => match g.into_group() {
            Ok(group) => (
                "group",
                group.id.clone(),
                records::put_group(tx, &group, &crate::now()),
            ),
            Err(e) => return Ok(Err(join(e))),
        },
        ExchangeRecord::Person(p) => match p.into_person() {
            Ok(person) => (
                "person",
                person.id.clone(),
                records::put_person(tx, &person, &crate::now(), actor),
            ),
            Err(e) => return Ok(Err(join(e))),
        },
        ExchangeRecord::Event(e) => match e.into_event() {
            Ok(event) => (
                "event",
                event.id().clone(),
                records::put_event(tx, &event, &crate::now(), actor),
            ),
            Err(e) => return Ok(Err(join(e))),
        },
    };
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(e @ crate::VaultError::UnknownReference { .. }) => return Ok(Err(e.to_string())),
        Err(other) => return Err(other),
    };
    let action = match outcome {
        WriteOutcome::Created => AuditAction::RecordCreated,
        WriteOutcome::Updated => AuditAction::RecordUpdated,
        WriteOutcome::Unchanged => return Ok(Ok(Some(outcome))),
    };
    audit::append(
        tx,
        key,
        &crate::now(),
        actor,
        action,
        &format!("{what}:{id}"),
        "",
    )?;
    Ok(Ok(Some(outcome)))
}

/// The FTS5 peer's schema: a contentless FTS5 table of the text (so that
/// its size is the index's alone) and a table of each page's metadata.
const FTS_SCHEMA: &str = "
CREATE VIRTUAL TABLE fts USING fts5(text, content = '',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL,
    page INTEGER NOT NULL,
    source TEXT NOT NULL,
    foia TEXT NOT NULL,
    day INTEGER NOT NULL
);";

/// Top 20 by BM25 (FTS5's `rank`), then the metadata of those 20.
const FTS_TOP: &str = "
SELECT p.doc, p.page
FROM (SELECT rowid AS id, rank AS r FROM fts WHERE fts MATCH ?1 ORDER BY rank LIMIT 20) AS t
JOIN pages AS p ON p.id = t.id
ORDER BY t.r";
const FTS_COUNT: &str = "SELECT count(*) FROM fts WHERE fts MATCH ?1";
const FTS_TOP_FILTERED: &str = "
SELECT p.doc, p.page FROM fts JOIN pages AS p ON p.id = fts.rowid
WHERE fts MATCH ?1 AND p.source = ?2 AND p.day BETWEEN ?3 AND ?4
ORDER BY fts.rank LIMIT 20";
const FTS_COUNT_FILTERED: &str = "
SELECT count(*) FROM fts JOIN pages AS p ON p.id = fts.rowid
WHERE fts MATCH ?1 AND p.source = ?2 AND p.day BETWEEN ?3 AND ?4";

/// One page as the FTS5 peer stores it.
pub struct Fts5Page<'a> {
    /// The row id: 1, 2, 3… across the corpus.
    pub row: i64,
    pub document: &'a str,
    pub page: u32,
    pub text: &'a str,
    /// The source kind's code.
    pub source: &'a str,
    /// FOIA request ids, space-separated.
    pub foia: &'a str,
    /// Days since the epoch.
    pub day: i64,
}

/// Pages of one source kind between two days (inclusive, days since the
/// epoch).
pub struct Fts5Filter<'a> {
    pub source: &'a str,
    pub from_day: i64,
    pub to_day: i64,
}

/// Builds the FTS5 peer's file: no journal, no syncs (a benchmark build).
pub struct Fts5Builder {
    conn: Connection,
}

impl Fts5Builder {
    /// Creates the file and its tables.
    ///
    /// # Errors
    /// Database errors; an SQLite without FTS5.
    pub fn create(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)?;
        let _: String = conn.query_row("PRAGMA journal_mode = OFF", [], |r| r.get(0))?;
        conn.execute_batch(
            "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY;",
        )?;
        conn.execute_batch(FTS_SCHEMA)?;
        Ok(Self { conn })
    }

    /// Inserts `pages` in one transaction.
    ///
    /// # Errors
    /// Database errors.
    pub fn insert(&mut self, pages: &[Fts5Page<'_>]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut text = tx.prepare_cached("INSERT INTO fts (rowid, text) VALUES (?1, ?2)")?;
            let mut meta = tx.prepare_cached(
                "INSERT INTO pages (id, doc, page, source, foia, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for p in pages {
                text.execute(rusqlite::params![p.row, p.text])?;
                meta.execute(rusqlite::params![
                    p.row, p.document, p.page, p.source, p.foia, p.day
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Merges the index's segments into one, as a finished index would be,
    /// and closes the file.
    ///
    /// # Errors
    /// Database errors.
    pub fn optimize(self) -> Result<()> {
        self.conn
            .execute("INSERT INTO fts (fts) VALUES ('optimize')", [])?;
        Ok(())
    }
}

/// The FTS5 peer opened read-only for queries, its statements prepared.
pub struct Fts5Reader {
    conn: Connection,
}

impl Fts5Reader {
    /// Opens the file read-only with a 1 GiB cache and memory mapping, and
    /// prepares the queries.
    ///
    /// # Errors
    /// Database errors.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch("PRAGMA cache_size = -1048576;")?;
        let _: i64 = conn.query_row("PRAGMA mmap_size = 17179869184", [], |r| r.get(0))?;
        for sql in [FTS_TOP, FTS_COUNT, FTS_TOP_FILTERED, FTS_COUNT_FILTERED] {
            conn.prepare_cached(sql)?;
        }
        Ok(Self { conn })
    }

    /// The total number of matches of `query` (FTS5 syntax) and the top 20
    /// by BM25 as (document, page).
    ///
    /// # Errors
    /// Database errors; a query FTS5 does not parse.
    pub fn top(
        &self,
        query: &str,
        filter: Option<&Fts5Filter<'_>>,
    ) -> Result<(u64, Vec<(String, u32)>)> {
        let hit = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?));
        let (hits, total) = match filter {
            None => {
                let hits = self
                    .conn
                    .prepare_cached(FTS_TOP)?
                    .query_map([query], hit)?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                let total: i64 = self
                    .conn
                    .prepare_cached(FTS_COUNT)?
                    .query_row([query], |r| r.get(0))?;
                (hits, total)
            }
            Some(f) => {
                let params = rusqlite::params![query, f.source, f.from_day, f.to_day];
                let hits = self
                    .conn
                    .prepare_cached(FTS_TOP_FILTERED)?
                    .query_map(params, hit)?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                let total: i64 = self
                    .conn
                    .prepare_cached(FTS_COUNT_FILTERED)?
                    .query_row(params, |r| r.get(0))?;
                (hits, total)
            }
        };
        Ok((total as u64, hits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fts5_peer_finds_pages_by_words_and_filter() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fts5.db");
        let mut builder = Fts5Builder::create(&path).unwrap();
        let page = |row, document, text, source, day| Fts5Page {
            row,
            document,
            page: 1,
            text,
            source,
            foia: "",
            day,
        };
        builder
            .insert(&[
                page(1, "doc-a", "the officer at the protest", "interview", 100),
                page(
                    2,
                    "doc-b",
                    "a protest at the detention center",
                    "foia_production",
                    200,
                ),
                page(3, "doc-c", "nothing to see", "interview", 300),
            ])
            .unwrap();
        builder.optimize().unwrap();
        let reader = Fts5Reader::open(&path).unwrap();
        let (total, hits) = reader.top("\"protest\"", None).unwrap();
        assert_eq!(total, 2);
        let mut docs: Vec<&str> = hits.iter().map(|(d, _)| d.as_str()).collect();
        docs.sort_unstable();
        assert_eq!(docs, ["doc-a", "doc-b"]);
        let filter = Fts5Filter {
            source: "foia_production",
            from_day: 150,
            to_day: 250,
        };
        let (total, hits) = reader.top("\"protest\"", Some(&filter)).unwrap();
        assert_eq!((total, hits), (1, vec![("doc-b".to_owned(), 1)]));
    }
}
