//! The search index of a vault: kept up to date from the vault's change
//! queue, searched with the query language, results with snippets and
//! facets.

use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::{Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy};
use testimonio_vault::{IndexTarget, Vault, VaultError};

use crate::directory::{DEFAULT_CACHE_BYTES, OpenError, SealedDirectory};
use crate::schema::{Fields, SCHEMA_VERSION, register_tokenizers, schema};

/// Changes applied per commit: a crash loses at most this much work.
const BATCH: u32 = 20_000;
/// Present while a rebuild has not committed, or once a sealed block was
/// found damaged: the index must be rebuilt.
const REBUILDING: &str = "rebuilding";
/// Memory for tantivy's indexing buffers.
const WRITER_MEMORY: usize = 200_000_000;

/// What can go wrong with the index (not with a query: see [`SearchError`]).
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("the search index cannot be opened: {0} (run `testimonio reindex`)")]
    Open(#[from] OpenError),
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("another process is updating the search index; try again when it is done")]
    Busy,
    /// The index was written with another schema (an older version): it
    /// must be rebuilt, and is by [`SearchIndex::open_current`].
    #[error(
        "the search index has schema version {found}, this version reads {SCHEMA_VERSION} (run `testimonio reindex`)"
    )]
    Outdated { found: u32 },
}

/// A commit's payload: the last vault change applied and the schema
/// version, `"1234 schema 2"`. Schema version 1 wrote the change alone.
fn payload(applied: i64) -> String {
    format!("{applied} schema {SCHEMA_VERSION}")
}

/// The last change applied and the schema version in a commit's payload.
fn read_payload(payload: &str) -> (i64, u32) {
    match payload.split_once(" schema ") {
        Some((applied, version)) => (
            applied.parse().unwrap_or(0),
            version.parse().unwrap_or(u32::MAX),
        ),
        None => (payload.parse().unwrap_or(0), 1),
    }
}

/// `error`, unless a block of the index's files was found damaged: then
/// the index is marked for a rebuild (the next
/// [`SearchIndex::open_current`] rebuilds it) and the error is that block,
/// whatever tantivy made of it.
fn checked(root: &Path, directory: &SealedDirectory, error: IndexError) -> IndexError {
    let Some(damage) = directory.damage() else {
        return error;
    };
    if let Err(source) = crate::directory::private_file(&root.join(REBUILDING)) {
        // The error below still says to rebuild; this one says why the
        // next open will not do it by itself.
        return IndexError::Io {
            path: root.join(REBUILDING),
            source,
        };
    }
    IndexError::Open(OpenError::Unseal(damage))
}

/// What a catch-up did.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct CatchUp {
    pub changes: u64,
    pub entries_written: u64,
}

/// A vault's search index. Its files are sealed with the vault's index
/// key; it reads its updates from the vault's change queue.
pub struct SearchIndex {
    root: PathBuf,
    sealer: testimonio_vault::FileSealer,
    /// Plaintext bytes of decrypted blocks kept in memory.
    cache_bytes: usize,
    /// The index's files (a handle on what `index` reads through).
    directory: SealedDirectory,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// The on-disk `meta.json` as last loaded: another process's commit
    /// changes it, and then this copy must be reloaded before it writes.
    stamp: Option<DiskStamp>,
}

/// Identity of a file's content as the file system reports it.
type DiskStamp = (u64, std::time::SystemTime, u64);

fn disk_stamp(root: &Path) -> Option<DiskStamp> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(root.join("meta.json.sealed")).ok()?;
    Some((meta.len(), meta.modified().ok()?, meta.ino()))
}

/// Takes the index's writer lock (an OS lock, so it is released if the
/// process dies).
fn writer_lock_at(root: &Path) -> Result<File, IndexError> {
    let path = root.join("writer.lock");
    let file = crate::directory::private_file(&path).map_err(|source| IndexError::Io {
        path: path.clone(),
        source,
    })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(IndexError::Busy),
        Err(std::fs::TryLockError::Error(source)) => Err(IndexError::Io { path, source }),
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

/// The index directory of a vault.
pub fn index_dir(vault_dir: &Path) -> PathBuf {
    vault_dir.join("index")
}

impl SearchIndex {
    /// Opens the vault's index (creating an empty one the first time).
    ///
    /// # Errors
    /// Sealed files that do not open (altered, another vault's): rebuild
    /// with [`SearchIndex::rebuild`].
    pub fn open(vault: &Vault) -> Result<Self, IndexError> {
        Self::open_at(&index_dir(vault.dir()), vault.search_index_sealer())
    }

    /// Opens (or creates) an index in `root`, sealed with `sealer`: for
    /// benchmarks and tools; a vault's own index is [`SearchIndex::open`].
    ///
    /// # Errors
    /// Sealed files that do not open; [`IndexError::Outdated`] for an
    /// index of another schema, which is never read.
    pub fn open_at(root: &Path, sealer: testimonio_vault::FileSealer) -> Result<Self, IndexError> {
        Self::open_at_with_cache(root, sealer, DEFAULT_CACHE_BYTES)
    }

    /// As [`SearchIndex::open_at`], keeping at most about `cache_bytes` of
    /// decrypted index blocks in memory (the default is
    /// [`DEFAULT_CACHE_BYTES`]).
    ///
    /// An index of the older whole-file sealed format is converted to
    /// blocks here when no other process is writing it (else it is read
    /// whole into memory, as that format always was, and converted by a
    /// later open).
    ///
    /// # Errors
    /// As [`SearchIndex::open_at`].
    pub fn open_at_with_cache(
        root: &Path,
        sealer: testimonio_vault::FileSealer,
        cache_bytes: usize,
    ) -> Result<Self, IndexError> {
        let root = root.to_owned();
        if crate::directory::needs_upgrade(&root) {
            match writer_lock_at(&root) {
                Ok(_lock) => {
                    crate::directory::upgrade(&root, &sealer)?;
                }
                Err(IndexError::Busy) => {}
                Err(e) => return Err(e),
            }
        }
        let stamp = disk_stamp(&root);
        let directory = SealedDirectory::open_with_cache(&root, sealer.clone(), cache_bytes)?;
        let opened = Self::open_directory(directory.clone());
        let (index, reader, fields) = match opened {
            Ok(opened) => opened,
            Err(e) => return Err(checked(&root, &directory, e)),
        };
        Ok(SearchIndex {
            root,
            sealer,
            cache_bytes,
            directory,
            index,
            reader,
            fields,
            stamp,
        })
    }

    /// The index in `directory` (created if there is none) and its reader.
    fn open_directory(
        directory: SealedDirectory,
    ) -> Result<(Index, IndexReader, Fields), IndexError> {
        let (schema, fields) = schema();
        let exists = Index::exists(&directory).map_err(tantivy::TantivyError::from)?;
        let index = if exists {
            let index = Index::open(directory)?;
            // No payload: nothing committed through a vault yet (a
            // benchmark's index); its schema still has to match.
            let version = match index.load_metas()?.payload {
                Some(p) => read_payload(&p).1,
                None => SCHEMA_VERSION,
            };
            if version != SCHEMA_VERSION || index.schema() != schema {
                return Err(IndexError::Outdated { found: version });
            }
            index
        } else {
            Index::create(directory, schema, IndexSettings::default())?
        };
        register_tokenizers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok((index, reader, fields))
    }

    /// `error`, or, if a sealed block was found damaged, that: see
    /// [`checked`].
    pub(crate) fn checked(&self, error: IndexError) -> IndexError {
        checked(&self.root, &self.directory, error)
    }

    /// Plaintext bytes of decrypted blocks held in memory now.
    pub fn cached_bytes(&self) -> usize {
        self.directory.cached_bytes()
    }

    /// Reloads the index from disk if another process committed to it
    /// since this copy was loaded. Returns whether it reloaded.
    ///
    /// # Errors
    /// As [`SearchIndex::open`].
    pub fn reload_if_changed(&mut self) -> Result<bool, IndexError> {
        if disk_stamp(&self.root) == self.stamp {
            return Ok(false);
        }
        *self = Self::open_at_with_cache(&self.root, self.sealer.clone(), self.cache_bytes)?;
        Ok(true)
    }

    /// The last vault change the index has applied.
    ///
    /// # Errors
    /// Unreadable index metadata.
    pub fn applied(&self) -> Result<i64, IndexError> {
        Ok(self
            .index
            .load_metas()?
            .payload
            .map_or(0, |p| read_payload(&p).0))
    }

    /// How many entries (pages and events) the index holds.
    pub fn entries(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn writer_lock(&self) -> Result<File, IndexError> {
        writer_lock_at(&self.root)
    }

    fn writer(&self) -> Result<IndexWriter, IndexError> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(4);
        Ok(self.index.writer_with_num_threads(threads, WRITER_MEMORY)?)
    }

    /// Applies every change the vault queued since the index's last commit,
    /// committing every [`BATCH`] changes with the last one applied, then
    /// forgets the applied changes. Safe to interrupt at any point: the
    /// next call starts from the last commit.
    ///
    /// # Errors
    /// Index or vault errors; [`IndexError::Busy`] when another process is
    /// updating the index.
    pub fn catch_up(&mut self, vault: &mut Vault) -> Result<CatchUp, IndexError> {
        self.catch_up_unchecked(vault).map_err(|e| self.checked(e))
    }

    fn catch_up_unchecked(&mut self, vault: &mut Vault) -> Result<CatchUp, IndexError> {
        if self.root.join(REBUILDING).exists() {
            // A damaged block was found (by this copy or another), or a
            // rebuild was interrupted: this copy cannot be trusted.
            let (rebuilt, done) = Self::rebuild(vault)?;
            *self = rebuilt;
            return Ok(done);
        }
        let mut done = CatchUp::default();
        if vault.index_queue_head()? <= self.applied()? {
            return Ok(done);
        }
        let _lock = self.writer_lock()?;
        // Another process may have committed since this copy was loaded:
        // writing from a stale copy would undo its commit.
        self.reload_if_changed()?;
        let mut writer = self.writer()?;
        let mut applied = self.applied()?;
        loop {
            let changes = vault.index_changes_after(applied, BATCH)?;
            let Some(&(last, _)) = changes.last() else {
                break;
            };
            let mut seen = HashSet::new();
            for (_, target) in changes.iter() {
                if seen.insert(target.clone()) {
                    done.entries_written += self.apply(&mut writer, vault, target)?;
                }
            }
            done.changes += changes.len() as u64;
            let mut commit = writer.prepare_commit()?;
            commit.set_payload(&payload(last));
            commit.commit()?;
            applied = last;
            self.stamp = disk_stamp(&self.root);
            vault.trim_index_queue(applied)?;
        }
        writer.wait_merging_threads()?;
        self.stamp = disk_stamp(&self.root);
        self.reader.reload()?;
        Ok(done)
    }

    /// Opens the vault's index and brings it up to date: the one call
    /// readers need. An index whose rebuild was interrupted, or whose files
    /// no longer open, is rebuilt.
    ///
    /// # Errors
    /// Index or vault errors.
    pub fn open_current(vault: &mut Vault) -> Result<Self, IndexError> {
        let root = index_dir(vault.dir());
        if root.join(REBUILDING).exists() {
            return Ok(Self::rebuild(vault)?.0);
        }
        let mut index = match SearchIndex::open(vault) {
            Ok(index) => index,
            Err(IndexError::Open(_) | IndexError::Outdated { .. }) => {
                return Ok(Self::rebuild(vault)?.0);
            }
            Err(e) => return Err(e),
        };
        index.catch_up(vault)?;
        Ok(index)
    }

    /// Rebuilds the index from every page and event in the vault. Until it
    /// has committed, a marker file says so, and [`SearchIndex::open_current`]
    /// starts it again: an interrupted rebuild is never taken for a
    /// complete index.
    ///
    /// # Errors
    /// Index or vault errors.
    pub fn rebuild(vault: &mut Vault) -> Result<(Self, CatchUp), IndexError> {
        let root = index_dir(vault.dir());
        let io = |path: &Path, source| IndexError::Io {
            path: path.to_owned(),
            source,
        };
        testimonio_vault::private_fs::create_dir_all(&root).map_err(|e| io(&root, e))?;
        // Locked before anything is removed: a second rebuild (another
        // process that saw the marker) must not delete this one's files.
        let lock = writer_lock_at(&root)?;
        crate::directory::private_file(&root.join(REBUILDING)).map_err(|e| io(&root, e))?;
        for entry in std::fs::read_dir(&root).map_err(|e| io(&root, e))? {
            let path = entry.map_err(|e| io(&root, e))?.path();
            if path.extension().is_some_and(|e| e == "sealed") {
                std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
            }
        }
        let mut index = SearchIndex::open(vault)?;
        let head = vault.index_queue_head()?;
        let mut writer = index.writer()?;
        let mut done = CatchUp::default();
        for document in vault.all_document_ids()? {
            done.entries_written +=
                index.apply(&mut writer, vault, &IndexTarget::Document(document))?;
        }
        for event in vault.all_event_ids()? {
            done.entries_written += index.apply(&mut writer, vault, &IndexTarget::Event(event))?;
        }
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&payload(head));
        commit.commit()?;
        writer.wait_merging_threads()?;
        std::fs::remove_file(root.join(REBUILDING)).map_err(|e| io(&root, e))?;
        index.stamp = disk_stamp(&root);
        drop(lock);
        vault.trim_index_queue(head)?;
        index.reader.reload()?;
        // Changes made while rebuilding.
        let more = index.catch_up(vault)?;
        done.changes += more.changes;
        done.entries_written += more.entries_written;
        Ok((index, done))
    }
}

mod entries;
mod facets;
mod results;

pub use facets::Facets;
pub use results::{Hit, HitKind, IdHit, SearchError, SearchResults};
