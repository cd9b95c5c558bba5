//! A tantivy `Directory` whose files are sealed on disk, in blocks, and
//! decrypted block by block as they are read.
//!
//! tantivy writes each file once (segments) or replaces it atomically
//! (`meta.json`, `.managed.json`). Every file is sealed with the vault's
//! index key in blocks of 64 KiB of plaintext ([`FileSealer::block_writer`],
//! sealed-file format v2) as it is written, into `.tmp-NAME`, then synced
//! and renamed to `NAME.sealed`: no plaintext reaches the disk, and no
//! whole file is held in memory while writing.
//!
//! Opening reads each file's header, checks its size and opens its last
//! block (which authenticates the header): near-instant, whatever the size
//! of the index. Reads decrypt only the blocks they touch, through a cache
//! of decrypted blocks shared by every file, within a budget of plaintext
//! bytes ([`DEFAULT_CACHE_BYTES`] unless the caller gives another): memory
//! follows what is searched, not the size of the index. A block that does
//! not open (altered, moved, truncated) fails the read that met it and is
//! recorded ([`SealedDirectory::damage`]) for [`crate::SearchIndex`] to
//! report the index as needing a rebuild.
//!
//! Files of the older whole-file format (v1) are read whole into memory,
//! as before; [`upgrade`] converts them, and [`crate::SearchIndex`] calls
//! it when it opens an index nobody is writing.
//!
//! The set of files is the one seen when the directory was opened, plus
//! what this directory writes: a file deleted or replaced on disk (by
//! another process's commit) is still read as it was, through the file
//! descriptor opened with it. Lock files never reach the disk (they are in
//! memory only): a crash cannot leave a stale lock. Processes are kept
//! apart by an OS lock on `index/writer.lock` held by
//! [`crate::SearchIndex`] while it writes.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, OwnedBytes, RamDirectory, WatchCallback,
    WatchCallbackList, WatchHandle, WritePtr,
};
use testimonio_vault::{
    BlockHeader, FileSealer, HEADER_LEN, SealedFormat, UnsealError, private_fs,
};

mod blocks;
mod writer;

use blocks::{BlockFile, OpenFailure, Shared};
use writer::SealedWriter;

const SUFFIX: &str = ".sealed";
const TMP_PREFIX: &str = ".tmp-";
/// Plaintext kept in the cache of decrypted blocks unless the caller asks
/// for another budget.
pub const DEFAULT_CACHE_BYTES: usize = 96 << 20;

type Files = HashMap<PathBuf, Arc<dyn FileHandle>>;

#[derive(Clone)]
pub struct SealedDirectory {
    root: PathBuf,
    shared: Arc<Shared>,
    files: Arc<RwLock<Files>>,
    writing: Arc<Mutex<HashSet<PathBuf>>>,
    /// Whole-file (v1) files read into memory when opened.
    whole: usize,
    locks: RamDirectory,
    watchers: Arc<WatchCallbackList>,
}

impl std::fmt::Debug for SealedDirectory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealedDirectory")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

/// Why the index files could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Unseal(#[from] UnsealError),
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OpenError + '_ {
    move |source| OpenError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The name of a sealed file (`NAME` of `NAME.sealed`), or `None` for
/// anything else in the folder.
fn sealed_name(entry: &fs::DirEntry) -> Option<String> {
    let file_name = entry.file_name().to_string_lossy().into_owned();
    if file_name.starts_with(TMP_PREFIX) {
        return None;
    }
    file_name.strip_suffix(SUFFIX).map(str::to_owned)
}

/// Reads up to `buf.len()` bytes from the start of `file`; how many.
fn read_prefix(file: &File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read_at(&mut buf[n..], n as u64) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

impl SealedDirectory {
    /// Opens (creating if needed) the sealed files under `root`, with a
    /// cache of [`DEFAULT_CACHE_BYTES`].
    ///
    /// # Errors
    /// As [`SealedDirectory::open_with_cache`].
    pub fn open(root: &Path, sealer: FileSealer) -> Result<Self, OpenError> {
        Self::open_with_cache(root, sealer, DEFAULT_CACHE_BYTES)
    }

    /// Opens (creating if needed) the sealed files under `root`, keeping
    /// at most about `cache_bytes` of decrypted blocks in memory.
    ///
    /// # Errors
    /// Unreadable files; a file that does not unseal (altered, truncated,
    /// or another vault's): the index must then be rebuilt.
    pub fn open_with_cache(
        root: &Path,
        sealer: FileSealer,
        cache_bytes: usize,
    ) -> Result<Self, OpenError> {
        private_fs::create_dir_all(root).map_err(io_err(root))?;
        let shared = Arc::new(Shared::new(sealer, cache_bytes));
        let mut files = Files::new();
        let mut whole = 0;
        for entry in fs::read_dir(root).map_err(io_err(root))? {
            let entry = entry.map_err(io_err(root))?;
            let Some(name) = sealed_name(&entry) else {
                continue;
            };
            let (handle, was_whole) = open_file(&entry.path(), &name, &shared)?;
            whole += usize::from(was_whole);
            files.insert(PathBuf::from(name), handle);
        }
        Ok(SealedDirectory {
            root: root.to_owned(),
            shared,
            files: Arc::new(RwLock::new(files)),
            writing: Arc::new(Mutex::new(HashSet::new())),
            whole,
            locks: RamDirectory::create(),
            watchers: Arc::new(WatchCallbackList::default()),
        })
    }

    /// The first block found damaged since the directory was opened (a read
    /// that met it failed): the index must be rebuilt.
    pub fn damage(&self) -> Option<UnsealError> {
        self.shared.damage()
    }

    /// Plaintext bytes in the cache of decrypted blocks.
    pub fn cached_bytes(&self) -> usize {
        self.shared.cache.bytes()
    }

    /// How many files of the whole-file format (v1) were read into memory
    /// when the directory was opened.
    pub fn whole_files(&self) -> usize {
        self.whole
    }

    fn disk_path(&self, path: &Path) -> PathBuf {
        self.root
            .join(format!("{}{SUFFIX}", path.to_string_lossy()))
    }

    fn insert(&self, path: &Path, handle: Arc<dyn FileHandle>) {
        self.files
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_owned(), handle);
    }

    fn handle(&self, path: &Path) -> Option<Arc<dyn FileHandle>> {
        self.files
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(path)
            .cloned()
    }

    fn done_writing(&self, path: &Path) {
        self.writing
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(path);
    }
}

/// Opens one sealed file: a handle on its blocks, or (format v1) its whole
/// plaintext in memory; and whether it was the latter.
fn open_file(
    path: &Path,
    name: &str,
    shared: &Arc<Shared>,
) -> Result<(Arc<dyn FileHandle>, bool), OpenError> {
    let file = File::open(path).map_err(io_err(path))?;
    let mut head = [0u8; HEADER_LEN];
    let n = read_prefix(&file, &mut head).map_err(io_err(path))?;
    let unseal = |reason| {
        OpenError::Unseal(UnsealError {
            name: name.to_owned(),
            reason,
        })
    };
    match SealedFormat::of(&head[..n]) {
        Some(SealedFormat::Blocks) => {
            let header = BlockHeader::parse(name, &head[..n])?;
            let handle =
                BlockFile::open(name, file, header, shared.clone()).map_err(|e| match e {
                    OpenFailure::Io(source) => io_err(path)(source),
                    OpenFailure::Unseal(e) => OpenError::Unseal(e),
                })?;
            Ok((Arc::new(handle), false))
        }
        Some(SealedFormat::Whole) => {
            let sealed = fs::read(path).map_err(io_err(path))?;
            let plain = shared.sealer.open(name, &sealed)?;
            Ok((Arc::new(OwnedBytes::new(plain.to_vec())), true))
        }
        None => Err(unseal("not a sealed file")),
    }
}

/// Creates (or truncates) `path` readable by its owner only, like every
/// other file of the vault.
pub(crate) fn private_file(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, private_fs::FILE_MODE);
    options.open(path)
}

/// As [`private_file`], also open for reading (a file written, then read
/// through the same descriptor).
fn private_file_rw(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, private_fs::FILE_MODE);
    options.open(path)
}

/// Seals `plaintext` as `name` under `root`, in blocks: temporary file,
/// fsync, rename. Returns the file (open for reading) and its header.
fn persist(
    root: &Path,
    sealer: &FileSealer,
    name: &str,
    plaintext: &[u8],
) -> io::Result<(File, BlockHeader)> {
    let tmp = root.join(format!("{TMP_PREFIX}{name}"));
    let mut writer = sealer.block_writer(name, private_file_rw(&tmp)?)?;
    writer.write_all(plaintext)?;
    let (file, header) = writer.finish()?;
    file.sync_all()?;
    fs::rename(&tmp, root.join(format!("{name}{SUFFIX}")))?;
    Ok((file, header))
}

/// Whether [`upgrade`] has anything to do under `root`: files of the
/// whole-file format, or what an interrupted write left. Reads only the
/// first bytes of each file; an unreadable folder or file is left for
/// [`SealedDirectory::open`] to report.
pub fn needs_upgrade(root: &Path) -> bool {
    let Ok(entries) = fs::read_dir(root) else {
        return false;
    };
    entries.flatten().any(|entry| {
        if entry.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
            return true;
        }
        sealed_name(&entry).is_some()
            && File::open(entry.path()).is_ok_and(|file| {
                let mut magic = [0u8; 8];
                read_prefix(&file, &mut magic)
                    .is_ok_and(|n| SealedFormat::of(&magic[..n]) == Some(SealedFormat::Whole))
            })
    })
}

/// Prepares an index folder nobody is writing (the caller holds the
/// index's writer lock): removes what interrupted writes left, and
/// converts files of the whole-file format (v1) to blocks. Returns how
/// many files it converted.
///
/// # Errors
/// Unreadable or unwritable files; a v1 file that does not unseal (the
/// index must then be rebuilt).
pub fn upgrade(root: &Path, sealer: &FileSealer) -> Result<usize, OpenError> {
    let mut converted = 0;
    if !root.exists() {
        return Ok(0);
    }
    for entry in fs::read_dir(root).map_err(io_err(root))? {
        let entry = entry.map_err(io_err(root))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
            // A write interrupted before its rename: ciphertext, unused.
            let _ = fs::remove_file(&path);
            continue;
        }
        let Some(name) = sealed_name(&entry) else {
            continue;
        };
        let file = File::open(&path).map_err(io_err(&path))?;
        let mut magic = [0u8; 8];
        let n = read_prefix(&file, &mut magic).map_err(io_err(&path))?;
        if SealedFormat::of(&magic[..n]) != Some(SealedFormat::Whole) {
            continue;
        }
        let sealed = fs::read(&path).map_err(io_err(&path))?;
        let plain = sealer.open(&name, &sealed)?;
        persist(root, sealer, &name, &plain).map_err(io_err(&path))?;
        converted += 1;
    }
    if converted > 0 {
        File::open(root)
            .and_then(|d| d.sync_all())
            .map_err(io_err(root))?;
    }
    Ok(converted)
}

impl Directory for SealedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.handle(path)
            .ok_or_else(|| OpenReadError::FileDoesNotExist(path.to_owned()))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        let on_disk = match fs::remove_file(self.disk_path(path)) {
            Ok(()) => true,
            Err(e) if e.kind() == io::ErrorKind::NotFound => false,
            Err(e) => {
                return Err(DeleteError::IoError {
                    io_error: Arc::new(e),
                    filepath: path.to_owned(),
                });
            }
        };
        let known = self
            .files
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(path)
            .is_some();
        if on_disk || known {
            Ok(())
        } else {
            Err(DeleteError::FileDoesNotExist(path.to_owned()))
        }
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        let writing = self
            .writing
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(path);
        Ok(writing || self.handle(path).is_some())
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        if self.handle(path).is_some()
            || !self
                .writing
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(path.to_owned())
        {
            return Err(OpenWriteError::FileAlreadyExists(path.to_owned()));
        }
        let name = path.to_string_lossy();
        let tmp = self.root.join(format!("{TMP_PREFIX}{name}"));
        let started =
            private_file_rw(&tmp).and_then(|file| self.shared.sealer.block_writer(&name, file));
        match started {
            Ok(inner) => Ok(io::BufWriter::new(Box::new(SealedWriter {
                path: path.to_owned(),
                tmp,
                inner: Some(inner),
                directory: self.clone(),
            }))),
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                self.done_writing(path);
                Err(OpenWriteError::wrap_io_error(e, path.to_owned()))
            }
        }
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        let handle = self.get_file_handle(path)?;
        handle
            .read_bytes(0..handle.len())
            .map(|bytes| bytes.as_slice().to_vec())
            .map_err(|e| OpenReadError::wrap_io_error(e, path.to_owned()))
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let name = path.to_string_lossy();
        let (file, header) = persist(&self.root, &self.shared.sealer, &name, data)?;
        self.sync_directory()?;
        let handle = BlockFile::written(&name, file, header, self.shared.clone());
        self.insert(path, Arc::new(handle));
        if path == Path::new("meta.json") {
            drop(self.watchers.broadcast());
        }
        Ok(())
    }

    fn sync_directory(&self) -> io::Result<()> {
        File::open(&self.root)?.sync_all()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        // In memory only: see the module documentation.
        self.locks.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        Ok(self.watchers.subscribe(watch_callback))
    }
}
