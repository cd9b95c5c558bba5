//! Reading files sealed in blocks: a tantivy [`FileHandle`] that decrypts
//! only the blocks a read touches, through a cache of decrypted blocks
//! shared by every file of the directory.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use lru::LruCache;
use tantivy::HasLen;
use tantivy::directory::{FileHandle, OwnedBytes};
use testimonio_vault::{BlockHeader, FileSealer, UnsealError};
use zeroize::Zeroizing;

/// A decrypted block: plaintext, in memory only, wiped when the last
/// reference goes.
type Block = Arc<Zeroizing<Vec<u8>>>;

/// (file, block number): a file is known by the number it was given when
/// opened, so a file replaced under the same name is never confused with
/// its predecessor.
type BlockKey = (u64, u64);

/// Decrypted blocks, least recently used dropped first, within a budget of
/// plaintext bytes. Readers look up and insert under a short lock; they
/// decrypt without it (two threads missing the same block both decrypt
/// it, which is cheaper than making one wait).
pub(crate) struct BlockCache {
    state: Mutex<CacheState>,
    budget: usize,
}

struct CacheState {
    blocks: LruCache<BlockKey, Block>,
    bytes: usize,
}

impl BlockCache {
    pub(crate) fn new(budget: usize) -> Self {
        BlockCache {
            state: Mutex::new(CacheState {
                blocks: LruCache::unbounded(),
                bytes: 0,
            }),
            budget,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, CacheState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn get(&self, key: BlockKey) -> Option<Block> {
        self.lock().blocks.get(&key).cloned()
    }

    fn put(&self, key: BlockKey, block: Block) {
        let mut state = self.lock();
        let size = block.len();
        if let Some(old) = state.blocks.put(key, block) {
            state.bytes -= old.len();
        }
        state.bytes += size;
        while state.bytes > self.budget && state.blocks.len() > 1 {
            match state.blocks.pop_lru() {
                Some((_, old)) => state.bytes -= old.len(),
                None => break,
            }
        }
    }

    /// Plaintext bytes held (for tests and measurements).
    pub(crate) fn bytes(&self) -> usize {
        self.lock().bytes
    }
}

/// What every file of a directory shares: the sealer, the cache, and the
/// first block found damaged.
pub(crate) struct Shared {
    pub(crate) sealer: FileSealer,
    pub(crate) cache: BlockCache,
    damage: Mutex<Option<UnsealError>>,
}

impl Shared {
    pub(crate) fn new(sealer: FileSealer, cache_bytes: usize) -> Self {
        Shared {
            sealer,
            cache: BlockCache::new(cache_bytes),
            damage: Mutex::new(None),
        }
    }

    /// The first block that did not open, if one did not.
    pub(crate) fn damage(&self) -> Option<UnsealError> {
        self.damage
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn record(&self, error: &UnsealError) {
        self.damage
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert_with(|| error.clone());
    }
}

static NEXT_FILE: AtomicU64 = AtomicU64::new(0);

/// An open file sealed in blocks. Reads use the file descriptor opened
/// with it (positioned reads, from any thread), so a file deleted or
/// replaced on disk is still read as it was.
pub(crate) struct BlockFile {
    id: u64,
    name: String,
    file: File,
    header: BlockHeader,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for BlockFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlockFile")
            .field("name", &self.name)
            .field("len", &self.header.len())
            .finish_non_exhaustive()
    }
}

/// A block that does not open, as an I/O error for tantivy (the damage
/// is also recorded, for [`crate::SearchIndex`] to report).
fn damaged(error: UnsealError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, error)
}

impl BlockFile {
    /// Wraps `file`, whose header is `header`, checking that its size
    /// agrees with its header and that its last block opens (which
    /// authenticates the header: the length is bound to the last block).
    pub(crate) fn open(
        name: &str,
        file: File,
        header: BlockHeader,
        shared: Arc<Shared>,
    ) -> Result<Self, OpenFailure> {
        let size = file.metadata().map_err(OpenFailure::Io)?.len();
        if size != header.sealed_len() {
            return Err(OpenFailure::Unseal(UnsealError {
                name: name.to_owned(),
                reason: "truncated or extended",
            }));
        }
        let opened = BlockFile {
            id: NEXT_FILE.fetch_add(1, Ordering::Relaxed),
            name: name.to_owned(),
            file,
            header,
            shared,
        };
        opened.block(header.blocks() - 1).map_err(|e| {
            match e.get_ref().and_then(|e| e.downcast_ref::<UnsealError>()) {
                Some(unseal) => OpenFailure::Unseal(unseal.clone()),
                None => OpenFailure::Io(e),
            }
        })?;
        Ok(opened)
    }

    /// A file this process has just written: no check needed.
    pub(crate) fn written(
        name: &str,
        file: File,
        header: BlockHeader,
        shared: Arc<Shared>,
    ) -> Self {
        BlockFile {
            id: NEXT_FILE.fetch_add(1, Ordering::Relaxed),
            name: name.to_owned(),
            file,
            header,
            shared,
        }
    }

    /// Block `index`, from the cache or decrypted (and then cached).
    fn block(&self, index: u64) -> io::Result<Block> {
        let key = (self.id, index);
        if let Some(block) = self.shared.cache.get(key) {
            return Ok(block);
        }
        let range = self.header.sealed_range(index);
        let mut sealed = vec![0u8; (range.end - range.start) as usize];
        self.file.read_exact_at(&mut sealed, range.start)?;
        let block = self
            .shared
            .sealer
            .open_block(&self.name, &self.header, index, sealed)
            .map_err(|e| {
                self.shared.record(&e);
                damaged(e)
            })?;
        let block = Arc::new(block);
        self.shared.cache.put(key, block.clone());
        Ok(block)
    }
}

/// Why a file sealed in blocks could not be opened.
#[derive(Debug)]
pub(crate) enum OpenFailure {
    Io(io::Error),
    Unseal(UnsealError),
}

impl HasLen for BlockFile {
    fn len(&self) -> usize {
        self.header.len() as usize
    }
}

impl FileHandle for BlockFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end as u64 > self.header.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{}: bytes {range:?} asked of a file of {}",
                    self.name,
                    self.header.len()
                ),
            ));
        }
        if range.is_empty() {
            return Ok(OwnedBytes::empty());
        }
        let block_size = self.header.block_size() as usize;
        let first = range.start / block_size;
        let last = (range.end - 1) / block_size;
        // Copied out of the cached blocks: what tantivy keeps is then
        // exactly what it asked for, and the cache alone decides how many
        // blocks stay in memory.
        let mut out = Vec::with_capacity(range.len());
        for index in first..=last {
            let block = self.block(index as u64)?;
            let at = index * block_size;
            let start = range.start.max(at) - at;
            let end = range.end.min(at + block_size) - at;
            out.extend_from_slice(&block[start..end]);
        }
        Ok(OwnedBytes::new(out))
    }
}
