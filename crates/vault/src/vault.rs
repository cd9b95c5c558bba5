//! The vault: a directory holding everything, encrypted at rest.
//!
//! Layout (version 1, frozen):
//! ```text
//! VAULT/key.json          key file: the wrapped data key, KDF parameters
//! VAULT/vault.db          SQLCipher database (+ -wal, -shm while open)
//! VAULT/blobs/xx/NAME.age original files, age-encrypted
//! VAULT/tmp/              partial blobs being written (ciphertext only)
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension};
use testimonio_domain::{Event, Group, Person, RecordId};

use crate::audit::{self, AuditAction, AuditEntry, ChainFault};
use crate::blobs::BlobStore;
use crate::db;
use crate::error::{RecordKind, Refusal, Result, VaultError};
use crate::keys::{KdfParams, Key32, KeyFile, Passphrase, RecoveryKey, VaultKeys};
use crate::private_fs;
use crate::reads::TextReads;
use crate::records::{self, Counts, EventFilter, PeopleFilter, PersonSummary, WriteOutcome};

pub const KEY_FILE: &str = "key.json";
pub const DATABASE_FILE: &str = "vault.db";

/// Who is acting: recorded in every audit entry. Never a person's name:
/// an account name (`cli:root@host`, `web:coordinator1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(String);

impl Actor {
    /// # Errors
    /// [`Refusal::ActorName`]: empty, longer than 100 characters, or with
    /// control characters.
    pub fn new(name: &str) -> Result<Self> {
        let name = name.trim();
        if name.is_empty() || name.len() > 100 || name.chars().any(char::is_control) {
            return Err(Refusal::ActorName.into());
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How to unlock a vault.
#[derive(Clone, Copy)]
pub enum Unlock<'a> {
    Passphrase(&'a Passphrase),
    Recovery(&'a RecoveryKey),
}

/// An open, unlocked vault.
pub struct Vault {
    dir: PathBuf,
    key_file: KeyFile,
    data_key: Key32,
    keys: VaultKeys,
    conn: Connection,
    blobs: BlobStore,
    actor: Actor,
    /// Text reads already audited, shared by every handle of this open
    /// vault (see `reads.rs`).
    text_reads: Arc<TextReads>,
}

/// A failed attempt to open the vault with a passphrase, as a server noted
/// it while the vault was locked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedUnlock {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// From where: the client's address.
    pub client: String,
}

/// What `init` hands back: the vault and the recovery key to show once.
pub struct Created {
    pub vault: Vault,
    pub recovery_key: RecoveryKey,
}

impl Vault {
    /// Creates a vault in `dir`, which must not exist or be empty.
    ///
    /// # Errors
    /// A non-empty directory; I/O and database errors.
    pub fn create(
        dir: &Path,
        passphrase: &Passphrase,
        kdf: KdfParams,
        actor: Actor,
    ) -> Result<Created> {
        if dir.exists() {
            let mut entries = fs::read_dir(dir).map_err(|e| VaultError::io(dir, e))?;
            if entries.next().is_some() {
                return Err(VaultError::AlreadyExists {
                    path: dir.to_owned(),
                });
            }
        }
        fs::create_dir_all(dir).map_err(|e| VaultError::io(dir, e))?;
        private_fs::restrict_dir(dir).map_err(|e| VaultError::io(dir, e))?;
        let (key_file, data_key, recovery_key) = KeyFile::create(passphrase, kdf, crate::now())?;
        write_atomically(&dir.join(KEY_FILE), key_file.to_json().as_bytes())?;
        // SQLite would create the database 0644; its journals take its mode.
        let db_path = dir.join(DATABASE_FILE);
        private_fs::create_new_file(&db_path).map_err(|e| VaultError::io(&db_path, e))?;
        let mut vault = Self::open_with_key(dir, key_file, data_key, actor, true)?;
        vault.write(|v, tx| v.audit(tx, AuditAction::VaultCreated, "vault", ""))?;
        Ok(Created {
            vault,
            recovery_key,
        })
    }

    /// Opens and unlocks an existing vault.
    ///
    /// # Errors
    /// [`VaultError::WrongKey`] for a wrong passphrase (nothing is changed);
    /// a directory that is not a vault; a damaged key file or database.
    pub fn open(dir: &Path, unlock: Unlock<'_>, actor: Actor) -> Result<Self> {
        let key_file = read_key_file(dir)?;
        let data_key = match unlock {
            Unlock::Passphrase(p) => key_file.unlock(p)?,
            Unlock::Recovery(r) => key_file.unlock_with_recovery(r)?,
        };
        Self::open_with_key(dir, key_file, data_key, actor, false)
    }

    fn open_with_key(
        dir: &Path,
        key_file: KeyFile,
        data_key: Key32,
        actor: Actor,
        create: bool,
    ) -> Result<Self> {
        let keys = VaultKeys::derive(&data_key);
        let db_path = dir.join(DATABASE_FILE);
        if !create && !db_path.exists() {
            return Err(VaultError::NotAVault {
                path: dir.to_owned(),
                reason: format!("{DATABASE_FILE} is missing"),
            });
        }
        let mut conn = db::open_encrypted(&db_path, &keys.database, create)?;
        db::migrate(&mut conn)?;
        let blobs = BlobStore::new(dir, keys.blob_names.clone(), &keys.blob_identity)?;
        let vault = Self {
            dir: dir.to_owned(),
            key_file,
            data_key,
            keys,
            conn,
            blobs,
            actor,
            text_reads: Arc::default(),
        };
        vault.clean_tmp();
        Ok(vault)
    }

    /// Another handle on the same open vault, with its own database
    /// connection, for servers that read in parallel. Writes from several
    /// handles are serialized by the database.
    ///
    /// # Errors
    /// The database cannot be opened again.
    pub fn try_clone(&self) -> Result<Self> {
        let keys = VaultKeys::derive(&self.data_key);
        let conn = db::open_encrypted(&self.dir.join(DATABASE_FILE), &keys.database, false)?;
        let blobs = BlobStore::new(&self.dir, keys.blob_names.clone(), &keys.blob_identity)?;
        Ok(Self {
            dir: self.dir.clone(),
            key_file: self.key_file.clone(),
            data_key: self.data_key.clone(),
            keys,
            conn,
            blobs,
            actor: self.actor.clone(),
            text_reads: Arc::clone(&self.text_reads),
        })
    }

    /// Partial blobs left by a crash hold only ciphertext; remove them.
    fn clean_tmp(&self) {
        if let Ok(entries) = fs::read_dir(self.dir.join("tmp")) {
            for entry in entries.flatten() {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn vault_id(&self) -> &str {
        &self.key_file.vault_id
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Changes who is acting, for a server that serves many accounts over
    /// one open vault: set before each request's work.
    pub fn set_actor(&mut self, actor: Actor) {
        self.actor = actor;
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn keys(&self) -> &VaultKeys {
        &self.keys
    }

    pub(crate) fn blobs(&self) -> &BlobStore {
        &self.blobs
    }

    pub(crate) fn text_reads(&self) -> Arc<TextReads> {
        Arc::clone(&self.text_reads)
    }

    /// Runs `f` in one transaction: its writes and audit entries commit
    /// together, or not at all.
    ///
    /// # Errors
    /// Whatever `f` returns, or the commit's error; both roll back.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Self, &Connection) -> Result<T>,
    ) -> Result<T> {
        // IMMEDIATE: take the write lock first, so that two handles on one
        // vault cannot both read the audit chain's head and then both append.
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        let value = f(self, &tx)?;
        tx.commit()?;
        Ok(value)
    }

    pub(crate) fn audit(
        &self,
        conn: &Connection,
        action: AuditAction,
        object: &str,
        detail: &str,
    ) -> Result<()> {
        audit::append(
            conn,
            &self.keys.audit,
            &crate::now(),
            self.actor.as_str(),
            action,
            object,
            detail,
        )
    }

    /// Records that a server is about to drop its keys ("lock now"), and
    /// ends every web session in the same transaction.
    ///
    /// # Errors
    /// Database errors.
    pub fn record_lock(&mut self) -> Result<()> {
        self.write(|v, tx| {
            let ended = crate::sessions::end_all_sessions(tx)?;
            v.audit(
                tx,
                AuditAction::Locked,
                "vault",
                &format!("sessions ended={ended}"),
            )
        })
    }

    /// Records that a server reopened the vault after locking it. Ends
    /// any web session left from before the lock (should the lock's own
    /// ending have failed), in the same transaction.
    ///
    /// # Errors
    /// Database errors.
    pub fn record_unlock(&mut self) -> Result<()> {
        self.record_unlock_after(&[], 0)
    }

    /// Records that a server reopened the vault, and, first, the attempts
    /// that failed while it was locked (the chain could not be written
    /// then: the server kept them in memory), all in one transaction.
    /// `not_itemized` counts failures beyond those the server kept.
    ///
    /// # Errors
    /// Database errors.
    pub fn record_unlock_after(
        &mut self,
        failed: &[FailedUnlock],
        not_itemized: u64,
    ) -> Result<()> {
        self.write(|v, tx| {
            crate::sessions::end_all_sessions(tx)?;
            for f in failed {
                let detail = format!("attempted {} from {}", f.at, f.client);
                v.audit(tx, AuditAction::UnlockFailed, "vault", &detail)?;
            }
            if not_itemized > 0 {
                let detail = format!("{not_itemized} more failed attempts, not itemized");
                v.audit(tx, AuditAction::UnlockFailed, "vault", &detail)?;
            }
            v.audit(tx, AuditAction::Unlocked, "vault", "")
        })
    }

    /// Changes the passphrase: rewraps the data key, re-encrypts nothing.
    ///
    /// # Errors
    /// I/O errors writing the key file.
    pub fn change_passphrase(&mut self, new: &Passphrase) -> Result<()> {
        let mut key_file = self.key_file.clone();
        key_file.rewrap(&self.data_key, new)?;
        write_atomically(&self.dir.join(KEY_FILE), key_file.to_json().as_bytes())?;
        self.key_file = key_file;
        self.write(|v, tx| v.audit(tx, AuditAction::PassphraseChanged, "vault", ""))
    }

    /// Stores a group, auditing the write.
    ///
    /// # Errors
    /// Database errors.
    pub fn put_group(&mut self, group: &Group) -> Result<WriteOutcome> {
        self.write(|v, tx| v.put_group_in(tx, group))
    }

    pub(crate) fn put_group_in(&self, tx: &Connection, group: &Group) -> Result<WriteOutcome> {
        let outcome = records::put_group(tx, group, &crate::now())?;
        self.audit_write(tx, outcome, "group", &group.id)?;
        Ok(outcome)
    }

    /// Stores a person with identity and consent, auditing the write.
    ///
    /// # Errors
    /// Unknown groups; database errors.
    pub fn put_person(&mut self, person: &Person) -> Result<WriteOutcome> {
        self.write(|v, tx| v.put_person_in(tx, person))
    }

    pub(crate) fn put_person_in(&self, tx: &Connection, person: &Person) -> Result<WriteOutcome> {
        let outcome = records::put_person(tx, person, &crate::now(), self.actor.as_str())?;
        self.audit_write(tx, outcome, "person", &person.id)?;
        Ok(outcome)
    }

    /// Stores an event, auditing the write.
    ///
    /// # Errors
    /// [`VaultError::UnknownReference`] for unknown people or groups;
    /// database errors.
    pub fn put_event(&mut self, event: &Event) -> Result<WriteOutcome> {
        self.write(|v, tx| v.put_event_in(tx, event))
    }

    pub(crate) fn put_event_in(&self, tx: &Connection, event: &Event) -> Result<WriteOutcome> {
        let outcome = records::put_event(tx, event, &crate::now(), self.actor.as_str())?;
        self.audit_write(tx, outcome, "event", event.id())?;
        Ok(outcome)
    }

    pub(crate) fn audit_write(
        &self,
        tx: &Connection,
        outcome: WriteOutcome,
        what: &str,
        id: &RecordId,
    ) -> Result<()> {
        let action = match outcome {
            WriteOutcome::Created => AuditAction::RecordCreated,
            WriteOutcome::Updated => AuditAction::RecordUpdated,
            WriteOutcome::Unchanged => return Ok(()),
        };
        self.audit(tx, action, &format!("{what}:{id}"), "")
    }

    /// Every group.
    ///
    /// # Errors
    /// Database errors.
    pub fn groups(&self) -> Result<Vec<Group>> {
        records::groups(&self.conn)
    }

    /// One group.
    ///
    /// # Errors
    /// Database errors.
    pub fn group(&self, id: &RecordId) -> Result<Option<Group>> {
        records::group(&self.conn, id)
    }

    /// People without identity fields (not audited: nothing sensitive).
    ///
    /// # Errors
    /// Database errors.
    pub fn people(&self, filter: &PeopleFilter) -> Result<Vec<PersonSummary>> {
        records::people(&self.conn, filter)
    }

    /// One person with identity fields. The read is audited before the
    /// identity is returned.
    ///
    /// # Errors
    /// An unknown person; database errors.
    pub fn person_identity(&mut self, id: &RecordId) -> Result<Person> {
        self.write(|v, tx| {
            let person =
                records::person_with_identity(tx, id)?.ok_or_else(|| VaultError::NotFound {
                    kind: RecordKind::Person,
                    id: id.to_string(),
                })?;
            v.audit(tx, AuditAction::IdentityRead, &format!("person:{id}"), "")?;
            Ok(person)
        })
    }

    /// One person without identity fields.
    ///
    /// # Errors
    /// Database errors.
    pub fn person_summary(&self, id: &RecordId) -> Result<Option<PersonSummary>> {
        let filter = PeopleFilter {
            id: Some(id.clone()),
            ..PeopleFilter::default()
        };
        Ok(records::people(&self.conn, &filter)?.pop())
    }

    /// Events matching `filter`, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>> {
        records::events(&self.conn, filter)
    }

    /// One event.
    ///
    /// # Errors
    /// Database errors.
    pub fn event(&self, id: &RecordId) -> Result<Option<Event>> {
        let filter = EventFilter {
            id: Some(id.clone()),
            ..EventFilter::default()
        };
        Ok(records::events(&self.conn, &filter)?.pop())
    }

    /// Adds a grant of consent to a person's history. Audited.
    ///
    /// # Errors
    /// An unknown person; database errors.
    pub fn record_consent(
        &mut self,
        person: &RecordId,
        record: &testimonio_domain::ConsentRecord,
    ) -> Result<()> {
        self.write(|v, tx| {
            let exists: Option<i64> = tx
                .query_row("SELECT 1 FROM people WHERE id = ?1", [person.as_str()], |r| r.get(0))
                .optional()?;
            if exists.is_none() {
                return Err(VaultError::NotFound { kind: RecordKind::Person, id: person.to_string() });
            }
            let position: i64 =
                tx.query_row("SELECT coalesce(max(position) + 1, 0) FROM consents WHERE person_id = ?1", [person.as_str()], |r| {
                    r.get(0)
                })?;
            tx.execute(
                "INSERT INTO consents (person_id, position, level, given_on, withdrawn_on, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    person.as_str(),
                    position,
                    record.level.code(),
                    record.given_on.map(|d| d.format("%Y-%m-%d").to_string()),
                    record.withdrawn_on.map(|d| d.format("%Y-%m-%d").to_string()),
                    record.note.as_ref().map(|n| n.as_str()),
                ],
            )?;
            records::refresh_person_hash(tx, person)?;
            v.audit(tx, AuditAction::RecordUpdated, &format!("person:{person}"), &format!("consent {}", record.level.code()))
        })
    }

    /// Withdraws every grant of `person` still in force on `on`. Audited.
    ///
    /// # Errors
    /// An unknown person; database errors.
    pub fn withdraw_consent(&mut self, person: &RecordId, on: chrono::NaiveDate) -> Result<usize> {
        self.write(|v, tx| {
            let exists: Option<i64> = tx
                .query_row(
                    "SELECT 1 FROM people WHERE id = ?1",
                    [person.as_str()],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_none() {
                return Err(VaultError::NotFound {
                    kind: RecordKind::Person,
                    id: person.to_string(),
                });
            }
            let day = on.format("%Y-%m-%d").to_string();
            let n = tx.execute(
                "UPDATE consents SET withdrawn_on = ?2 WHERE person_id = ?1 AND withdrawn_on IS NULL
                   AND (given_on IS NULL OR given_on <= ?2)",
                rusqlite::params![person.as_str(), day],
            )?;
            records::refresh_person_hash(tx, person)?;
            v.audit(
                tx,
                AuditAction::RecordUpdated,
                &format!("person:{person}"),
                "consent withdrawn",
            )?;
            Ok(n)
        })
    }

    /// How many events match `filter`, ignoring paging.
    ///
    /// # Errors
    /// Database errors.
    pub fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        records::count_events(&self.conn, filter)
    }

    /// How many people the vault holds.
    ///
    /// # Errors
    /// Database errors.
    pub fn count_people(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM people", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// # Errors
    /// Database errors.
    pub fn counts(&self) -> Result<Counts> {
        records::counts(&self.conn)
    }

    /// The newest `limit` audit entries and the chain's state.
    ///
    /// # Errors
    /// Database errors.
    pub fn audit_tail(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        audit::tail(&self.conn, limit)
    }

    /// Walks the whole audit chain.
    ///
    /// # Errors
    /// Database errors.
    pub fn verify_audit_chain(&self) -> Result<(usize, Vec<ChainFault>)> {
        audit::verify(&self.conn, &self.keys.audit)
    }

    /// The age identity that decrypts every blob, for recovery with the
    /// stock `age` tool. Audited.
    ///
    /// # Errors
    /// Database errors.
    pub fn reveal_age_identity(&mut self) -> Result<zeroize::Zeroizing<String>> {
        self.write(|v, tx| v.audit(tx, AuditAction::AgeIdentityRevealed, "vault", ""))?;
        Ok(self.blobs.age_identity())
    }
}

/// Reads and parses `dir/key.json`.
///
/// # Errors
/// A missing or unreadable key file.
pub fn read_key_file(dir: &Path) -> Result<KeyFile> {
    let path = dir.join(KEY_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(VaultError::NotAVault {
                path: dir.to_owned(),
                reason: format!("{KEY_FILE} is missing"),
            });
        }
        Err(e) => return Err(VaultError::io(&path, e)),
    };
    KeyFile::parse(&text).map_err(|reason| VaultError::KeyFile { path, reason })
}

/// Writes `bytes` to `path` so that a crash leaves the old or the new
/// content, never a mix, and only the owner can read it (0600).
///
/// # Errors
/// I/O errors.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::private_fs::write_atomically(path, bytes).map_err(|e| VaultError::io(path, e))
}
