//! A tantivy `Directory` whose files are sealed on disk.
//!
//! tantivy writes each file once (segments) or replaces it atomically
//! (`meta.json`, `.managed.json`). Every finished file is sealed with the
//! vault's index key ([`FileSealer`]) and written beside the others as
//! `NAME.sealed` (write, fsync, rename); the plaintext lives only in memory,
//! in a `RamDirectory` that serves every read. Opening decrypts every file
//! into memory: the index must fit in RAM, which is the price of never
//! putting a plaintext term on disk.
//!
//! Lock files never reach the disk (they are in-memory only): a crash
//! cannot leave a stale lock. Processes are kept apart by an OS lock on
//! `index/writer.lock` held by [`crate::SearchIndex`] while it writes.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, FileSlice, Lock, RamDirectory,
    TerminatingWrite, WatchCallback, WatchHandle, WritePtr,
};
use testimonio_vault::{FileSealer, UnsealError, private_fs};

const SUFFIX: &str = ".sealed";
const TMP_PREFIX: &str = ".tmp-";

#[derive(Clone)]
pub struct SealedDirectory {
    inner: RamDirectory,
    root: PathBuf,
    sealer: FileSealer,
    writing: Arc<Mutex<HashSet<PathBuf>>>,
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

impl SealedDirectory {
    /// Opens (creating if needed) the sealed files under `root`.
    ///
    /// # Errors
    /// Unreadable files; a file that does not unseal (altered, or another
    /// vault's): the index must then be rebuilt.
    pub fn open(root: &Path, sealer: FileSealer) -> Result<Self, OpenError> {
        let io_err = |path: &Path, source| OpenError::Io {
            path: path.to_owned(),
            source,
        };
        private_fs::create_dir_all(root).map_err(|e| io_err(root, e))?;
        let inner = RamDirectory::create();
        for entry in fs::read_dir(root).map_err(|e| io_err(root, e))? {
            let entry = entry.map_err(|e| io_err(root, e))?;
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with(TMP_PREFIX) {
                // A write interrupted before its rename: ciphertext, unused.
                let _ = fs::remove_file(entry.path());
                continue;
            }
            let Some(name) = file_name.strip_suffix(SUFFIX) else {
                continue;
            };
            let sealed = fs::read(entry.path()).map_err(|e| io_err(&entry.path(), e))?;
            let plain = sealer.open(name, &sealed)?;
            inner
                .atomic_write(Path::new(name), &plain)
                .map_err(|e| io_err(&entry.path(), e))?;
        }
        Ok(SealedDirectory {
            inner,
            root: root.to_owned(),
            sealer,
            writing: Arc::new(Mutex::new(HashSet::new())),
        })
    }

    fn disk_path(&self, path: &Path) -> PathBuf {
        self.root
            .join(format!("{}{SUFFIX}", path.to_string_lossy()))
    }

    /// Seals `data` as `path` on disk: temporary file, fsync, rename.
    fn persist(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let name = path.to_string_lossy();
        let sealed = self.sealer.seal(&name, data);
        let tmp = self.root.join(format!("{TMP_PREFIX}{name}"));
        {
            let mut file = private_file(&tmp)?;
            file.write_all(&sealed)?;
            file.sync_all()?;
        }
        fs::rename(&tmp, self.disk_path(path))
    }
}

/// Creates (or truncates) `path` readable by its owner only, like every
/// other file of the vault.
pub(crate) fn private_file(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, private_fs::FILE_MODE);
    options.open(path)
}

struct SealedWriter {
    path: PathBuf,
    data: Vec<u8>,
    directory: SealedDirectory,
}

impl Write for SealedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.data.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl TerminatingWrite for SealedWriter {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        let data = std::mem::take(&mut self.data);
        self.directory.persist(&self.path, &data)?;
        self.directory.inner.atomic_write(&self.path, &data)?;
        self.directory
            .writing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&self.path);
        Ok(())
    }
}

impl Directory for SealedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn open_read(&self, path: &Path) -> Result<FileSlice, OpenReadError> {
        self.inner.open_read(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        match fs::remove_file(self.disk_path(path)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(DeleteError::IoError {
                    io_error: Arc::new(e),
                    filepath: path.to_owned(),
                });
            }
        }
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        let writing = self
            .writing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .contains(path);
        Ok(writing || self.inner.exists(path)?)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        if self.inner.exists(path).unwrap_or(false)
            || !self
                .writing
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(path.to_owned())
        {
            return Err(OpenWriteError::FileAlreadyExists(path.to_owned()));
        }
        Ok(io::BufWriter::new(Box::new(SealedWriter {
            path: path.to_owned(),
            data: Vec::new(),
            directory: self.clone(),
        })))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.persist(path, data)?;
        self.sync_directory()?;
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        fs::File::open(&self.root)?.sync_all()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        // In memory only: see the module documentation.
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
