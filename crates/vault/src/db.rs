//! The encrypted database: opening it with SQLCipher, and its migrations.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Result, VaultError};
use crate::keys::Key32;

/// A released migration: never edited once released (a test freezes the
/// hashes), so that every vault's schema is exactly reproducible.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sql: include_str!("../migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "accounts",
        sql: include_str!("../migrations/0002_accounts.sql"),
    },
    Migration {
        version: 3,
        name: "foia",
        sql: include_str!("../migrations/0003_foia.sql"),
    },
    Migration {
        version: 4,
        name: "ingest",
        sql: include_str!("../migrations/0004_ingest.sql"),
    },
    Migration {
        version: 5,
        name: "search",
        sql: include_str!("../migrations/0005_search.sql"),
    },
    Migration {
        version: 6,
        name: "watchlists_excerpts",
        sql: include_str!("../migrations/0006_watchlists_excerpts.sql"),
    },
    Migration {
        version: 7,
        name: "sessions_throttles",
        sql: include_str!("../migrations/0007_sessions_throttles.sql"),
    },
    Migration {
        version: 8,
        name: "testimonies",
        sql: include_str!("../migrations/0008_testimonies.sql"),
    },
    Migration {
        version: 9,
        name: "cases",
        sql: include_str!("../migrations/0009_cases.sql"),
    },
    Migration {
        version: 10,
        name: "capture_attachments",
        sql: include_str!("../migrations/0010_capture_attachments.sql"),
    },
    Migration {
        version: 11,
        name: "imports",
        sql: include_str!("../migrations/0011_imports.sql"),
    },
    Migration {
        version: 12,
        name: "event_index_queue",
        sql: include_str!("../migrations/0012_event_index_queue.sql"),
    },
    Migration {
        version: 13,
        name: "page_decisions",
        sql: include_str!("../migrations/0013_page_decisions.sql"),
    },
    Migration {
        version: 14,
        name: "document_dates",
        sql: include_str!("../migrations/0014_document_dates.sql"),
    },
    Migration {
        version: 15,
        name: "person_mentions",
        sql: include_str!("../migrations/0015_person_mentions.sql"),
    },
    Migration {
        version: 16,
        name: "signing_key",
        sql: include_str!("../migrations/0016_signing_key.sql"),
    },
    Migration {
        version: 17,
        name: "redacted_copies",
        sql: include_str!("../migrations/0017_redacted_copies.sql"),
    },
    Migration {
        version: 18,
        name: "coalition",
        sql: include_str!("../migrations/0018_coalition.sql"),
    },
    Migration {
        version: 19,
        name: "coalition_hub",
        sql: include_str!("../migrations/0019_coalition_hub.sql"),
    },
];

impl Migration {
    pub fn sha256(&self) -> String {
        hex::encode(Sha256::digest(self.sql.as_bytes()))
    }
}

/// Opens (or creates) a SQLCipher database with `key` and sets the
/// pragmas every connection needs.
///
/// # Errors
/// [`VaultError::WrongKey`] if the key does not decrypt the file.
pub(crate) fn open_encrypted(path: &Path, key: &Key32, create: bool) -> Result<Connection> {
    // SQLCipher registers `sqlcipher_export` (used by backups) at the end of
    // SQLite's one-time initialization, after SQLite already counts as
    // initialized: a connection another thread opened in between lacked the
    // function. The first open in the process runs alone.
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| drop(Connection::open_in_memory()));
    if !create && !path.exists() {
        return Err(VaultError::NotAVault {
            path: path.to_owned(),
            reason: "the database file is missing".into(),
        });
    }
    // CREATE is needed even for an existing database: ATTACH (used by
    // backups) inherits the main connection's flags.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher otherwise logs decryption failures to stderr.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    let pragma = Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", hex::encode(key.bytes())));
    conn.execute_batch(&pragma)?;
    conn.execute_batch(&cipher_settings("main"))?;
    // The first read is where a wrong key shows.
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => {}
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            return Err(VaultError::WrongKey);
        }
        Err(e) => return Err(e.into()),
    }
    configure(&conn)?;
    // Lists with filters build their SQL; the same shapes recur per request.
    conn.set_prepared_statement_cache_capacity(128);
    Ok(conn)
}

/// The SQLCipher settings of vault format 1, needed to read the file:
/// SQLCipher 4 defaults (AES-256-CBC, per-page HMAC) except 16 KiB pages and
/// HMAC-SHA256, which measured faster on this project's machines (see
/// `scripts/bench`). Applied to `schema` (`main`, or an attached backup).
pub(crate) fn cipher_settings(schema: &str) -> String {
    format!(
        "PRAGMA {schema}.cipher_page_size = {PAGE_SIZE}; PRAGMA {schema}.cipher_hmac_algorithm = HMAC_SHA256;"
    )
}

/// Page size of vault databases (and of the benchmark's plain peer).
pub const PAGE_SIZE: u32 = 16384;

/// Pragmas for durability and for keeping plaintext off disk: temporary
/// tables and sort spills stay in memory; deleted content is overwritten.
///
/// # Errors
/// Database errors.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "PRAGMA page_size = 16384; -- db::PAGE_SIZE
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON;
         PRAGMA busy_timeout = 5000;",
    )?;
    restore_cache_size(conn)
}

/// The page cache of a connection, in KiB.
const CACHE_KIB: u32 = 64 * 1024;

/// Sets the connection's page cache to its usual size (a spreadsheet
/// import runs with a smaller one).
///
/// # Errors
/// Database errors.
pub(crate) fn restore_cache_size(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!("PRAGMA cache_size = -{CACHE_KIB};"))?;
    Ok(())
}

/// Applies missing migrations and checks that applied ones are unchanged.
///
/// # Errors
/// A vault from a newer version, an edited migration, database errors.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;",
    )?;
    let applied: Vec<(i64, String)> = {
        let mut stmt =
            conn.prepare("SELECT version, sha256 FROM schema_migrations ORDER BY version")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let latest = MIGRATIONS.last().map_or(0, |m| m.version);
    for (version, sha) in &applied {
        match MIGRATIONS.iter().find(|m| m.version == *version) {
            None if *version > latest => {
                return Err(VaultError::Schema(format!(
                    "this vault has schema version {version}, newer than this build of testimonio knows ({latest}): upgrade testimonio"
                )));
            }
            None => return Err(VaultError::Schema(format!("unknown migration {version}"))),
            Some(m) if &m.sha256() != sha => {
                return Err(VaultError::Schema(format!(
                    "migration {version} ({}) differs from the one applied to this vault",
                    m.name
                )));
            }
            Some(_) => {}
        }
    }
    for m in MIGRATIONS {
        if applied.iter().any(|(v, _)| *v == m.version) {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(m.sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![m.version, m.name, m.sha256(), crate::now()],
        )?;
        tx.commit()?;
    }
    Ok(())
}

/// The schema version of an open database.
///
/// # Errors
/// Database errors.
pub(crate) fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_migrations",
        [],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Released migrations are frozen: if this fails, you edited a released
    /// migration. Revert it and add a new one instead.
    #[test]
    fn released_migrations_are_frozen() {
        let frozen: &[(i64, &str)] = &[
            (1, FROZEN_0001),
            (2, FROZEN_0002),
            (3, FROZEN_0003),
            (4, FROZEN_0004),
            (5, FROZEN_0005),
            (6, FROZEN_0006),
            (7, FROZEN_0007),
            (8, FROZEN_0008),
            (9, FROZEN_0009),
            (10, FROZEN_0010),
            (11, FROZEN_0011),
            (12, FROZEN_0012),
            (13, FROZEN_0013),
            (14, FROZEN_0014),
            (15, FROZEN_0015),
            (16, FROZEN_0016),
            (17, FROZEN_0017),
            (18, FROZEN_0018),
            (19, FROZEN_0019),
        ];
        for (version, sha) in frozen {
            let m = MIGRATIONS.iter().find(|m| m.version == *version).unwrap();
            assert_eq!(&m.sha256(), sha, "migration {version} was edited");
        }
    }

    const FROZEN_0019: &str = "30d24fe56a5061ef5acf67be86c52d6ce52d4d1fc57a65c69d2c72682af16f76";
    const FROZEN_0018: &str = "27c155708ffbe15f0a95a3e8449156b6ffb20fa7771aa6812a971260915653e4";
    const FROZEN_0017: &str = "2456e44fc3dc0f614a56fda8cc4b3c199f4824423087beab09bcced4e7a22d25";
    const FROZEN_0016: &str = "a6418d7a6574f51d294e85a0204b69ca1eea706e0a480a236109ea41dbf0b6dd";
    const FROZEN_0015: &str = "3669f7a7887bbd9b994769673e74e06b8b985cd5d63dc48bfc8816fb2a6f922e";
    const FROZEN_0014: &str = "576fe748d2bda6b2b4aca8e4f322f4c1222dbb94e9e3f8c2fd66eefb578658cb";
    const FROZEN_0013: &str = "a87d86180f20700c9795af75eb68103f0f7aca8ecfd9e736769dd963779974f1";
    const FROZEN_0012: &str = "7ce56a4c53a639d2595cce0d9b298f20b580c203d278b19c7fa1012c9be86db1";
    const FROZEN_0011: &str = "e491474121dccb5839638c11766d3e4cfcad02710a618a9c926b9ec553adb204";
    const FROZEN_0010: &str = "d0037b745e9548268c1e10da33125e67b78bc559bd0b47dc9a1de840da06ca81";
    const FROZEN_0008: &str = "3f1833c99f4fbc50923e2fb8f50028b8644cb6e99bb33e068d942114299bbeed";
    const FROZEN_0009: &str = "f77a95dee93fb6b784604d0c140c59e6729464277831f284ef87d69ca84ee09b";
    const FROZEN_0007: &str = "481ee8134ad3ad3548f9ee17bc7a64c911c1e017adc170c01f678e5775ea5f18";
    const FROZEN_0006: &str = "22499a373d01871054af2a2f288330e696b58ddaea050dcb65e8ebbb6f3d22e1";
    const FROZEN_0005: &str = "26658c184ea4fa5de231c26ad5c46b4ebbd69ab9296b1326fa1418539823aed1";
    const FROZEN_0004: &str = "cb03e5e360fd963a94d3df603ed7d213c8bbe509546fbec3459bccb060f79126";
    const FROZEN_0003: &str = "18fa2306e42152a046db235d9682673436a42606008244c2f2f75094b5facee1";
    const FROZEN_0002: &str = "aa56b4745212053a41999e95b3a8cdaacadf808d169a9a56ed85a0236602ab23";
    const FROZEN_0001: &str = "d2b953a07015e3d3c2bfc91e6133311cc05906fab5500450d57b8aed0c0e0175";

    #[test]
    fn wrong_key_is_reported_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let mut conn = open_encrypted(&path, &Key32::from_bytes([7; 32]), true).unwrap();
        migrate(&mut conn).unwrap();
        drop(conn);
        let err = open_encrypted(&path, &Key32::from_bytes([8; 32]), false).unwrap_err();
        assert!(matches!(err, VaultError::WrongKey), "{err}");
    }
}
