//! Page images between requests: the rendered images kept in memory (an
//! LRU bounded in bytes), and the limits on rendering: a few at once per
//! account, a few at once in all.
//!
//! The images are plaintext of the evidence: they live in memory only,
//! never on disk, are zeroed when dropped, and are dropped when the vault
//! is locked. Serving one from memory is still audited as a read of the
//! document (see `pages/documents.rs`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Bytes;
use lru::LruCache;
use testimonio_ingest::render::ImageFormat;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use zeroize::Zeroizing;

use crate::error::ErrorKind;
use crate::limits::{PerKeyLimit, Slot};

/// How long a request waits for a render to finish elsewhere before it is
/// answered "busy".
const RENDER_PATIENCE: Duration = Duration::from_secs(10);

/// Which image: the document, its page, and the hash of its original (the
/// same id always names the same bytes, but the hash costs nothing).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    pub document: String,
    pub page: u32,
    pub sha256: String,
}

/// An image ready to serve; the bytes are shared with the cache and zeroed
/// when the last copy goes.
#[derive(Debug, Clone)]
pub struct PageImage {
    pub format: ImageFormat,
    pub bytes: Bytes,
}

impl PageImage {
    pub fn new(format: ImageFormat, bytes: Vec<u8>) -> Self {
        Self {
            format,
            bytes: Bytes::from_owner(Zeroizing::new(bytes)),
        }
    }
}

struct Cache {
    entries: LruCache<PageKey, PageImage>,
    bytes: usize,
}

/// The page images of the open vault, and the render limits.
pub struct PageImages {
    budget: usize,
    cache: Mutex<Cache>,
    per_account: PerKeyLimit<i64>,
    at_once: Arc<Semaphore>,
    renders: AtomicU64,
}

/// The right to render one page image now; kept by the render itself (a
/// client that disconnects does not free it while the render goes on).
pub struct RenderPermit {
    _account: Slot<i64>,
    _global: OwnedSemaphorePermit,
}

impl PageImages {
    /// A cache of at most `budget` bytes; `per_account` renders at once for
    /// one account, `at_once` in all.
    pub fn new(budget: usize, per_account: usize, at_once: usize) -> Self {
        Self {
            budget,
            cache: Mutex::new(Cache {
                entries: LruCache::unbounded(),
                bytes: 0,
            }),
            per_account: PerKeyLimit::new(per_account.max(1)),
            at_once: Arc::new(Semaphore::new(at_once.max(1))),
            renders: AtomicU64::new(0),
        }
    }

    fn cache(&self) -> MutexGuard<'_, Cache> {
        self.cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The image, if it is in memory (and now the most recently used).
    pub fn get(&self, key: &PageKey) -> Option<PageImage> {
        self.cache().entries.get(key).cloned()
    }

    /// Keeps `image`, dropping the least recently used ones over the
    /// budget. An image larger than an eighth of the budget is not kept:
    /// one huge page must not push out every other.
    pub fn insert(&self, key: PageKey, image: PageImage) {
        let size = image.bytes.len();
        if size > self.budget / 8 {
            return;
        }
        let mut cache = self.cache();
        if let Some(old) = cache.entries.put(key, image) {
            cache.bytes -= old.bytes.len();
        }
        cache.bytes += size;
        while cache.bytes > self.budget {
            match cache.entries.pop_lru() {
                Some((_, old)) => cache.bytes -= old.bytes.len(),
                None => break,
            }
        }
    }

    /// Drops every image (the vault is being locked).
    pub fn clear(&self) {
        let mut cache = self.cache();
        cache.entries.clear();
        cache.bytes = 0;
    }

    /// Bytes of images in memory.
    pub fn cached_bytes(&self) -> usize {
        self.cache().bytes
    }

    /// A place to render for `account`: at once, or after waiting a little
    /// for another render to finish.
    ///
    /// # Errors
    /// [`ErrorKind::TooManyRenders`] when the account already has its share
    /// of renders in progress; [`ErrorKind::Overloaded`] when renders for
    /// others kept every place taken for too long.
    pub async fn start(&self, account: i64) -> Result<RenderPermit, ErrorKind> {
        let slot = self
            .per_account
            .try_take(account)
            .ok_or(ErrorKind::TooManyRenders)?;
        let global = tokio::time::timeout(RENDER_PATIENCE, self.at_once.clone().acquire_owned())
            .await
            .map_err(|_| ErrorKind::Overloaded)?
            .map_err(|_| ErrorKind::Overloaded)?;
        Ok(RenderPermit {
            _account: slot,
            _global: global,
        })
    }

    /// Takes one of `account`'s render places and keeps it until the slot
    /// is dropped, as a render in progress would (for tests).
    pub fn hold_account_slot(&self, account: i64) -> Option<Slot<i64>> {
        self.per_account.try_take(account)
    }

    /// Counts a render actually made (not served from memory).
    pub fn count_render(&self) {
        self.renders.fetch_add(1, Ordering::Relaxed);
    }

    /// Page images rendered since the server started.
    pub fn renders(&self) -> u64 {
        self.renders.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(page: u32) -> PageKey {
        PageKey {
            document: "doc-1".into(),
            page,
            sha256: "00".into(),
        }
    }

    fn image(len: usize) -> PageImage {
        PageImage::new(ImageFormat::Png, vec![7; len])
    }

    #[test]
    fn the_cache_stays_within_its_budget_dropping_the_least_recently_used() {
        let images = PageImages::new(800, 2, 2);
        images.insert(key(1), image(100));
        images.insert(key(2), image(100));
        images.insert(key(3), image(100));
        assert!(images.get(&key(1)).is_some(), "1 is now the most recent");
        for page in 4..=10 {
            images.insert(key(page), image(100));
        }
        assert!(images.cached_bytes() <= 800);
        assert!(
            images.get(&key(2)).is_none(),
            "2 was the least recently used"
        );
        assert!(images.get(&key(10)).is_some());
        // Too large for the cache: not kept.
        images.insert(key(11), image(101));
        assert!(images.get(&key(11)).is_none());
        images.clear();
        assert_eq!(images.cached_bytes(), 0);
        assert!(images.get(&key(10)).is_none());
    }

    #[tokio::test]
    async fn an_account_gets_its_share_and_no_more() {
        let images = PageImages::new(1000, 2, 4);
        let a = images.start(1).await.expect("first");
        let b = images.start(1).await.expect("second");
        assert!(matches!(
            images.start(1).await,
            Err(ErrorKind::TooManyRenders)
        ));
        let other = images.start(2).await.expect("another account");
        drop((a, b, other));
        assert!(images.start(1).await.is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn renders_for_others_that_hold_every_place_too_long_answer_busy() {
        let images = PageImages::new(1000, 2, 1);
        let first = images.start(1).await.expect("the one place");
        // Paused time: the wait runs out at once.
        assert!(matches!(images.start(2).await, Err(ErrorKind::Overloaded)));
        drop(first);
        assert!(images.start(2).await.is_ok());
    }
}
