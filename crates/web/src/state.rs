//! Shared server state: the open vault (or none, when locked), its search
//! index, login rate limits. Sessions, and the per-account throttles on
//! passwords and second-factor codes, live in the vault (see
//! `session.rs`): this state holds no copy of them.
//!
//! The search index lives here once the vault is open: opened (and caught
//! up, or rebuilt after an interrupted rebuild) by a background thread at
//! start and after each unlock, behind a `RwLock` so that searches run in
//! parallel. Before each use it is brought up to date with the vault's
//! change queue under the write lock (cheap when nothing changed), so pages
//! ingested by the command line appear. Should another process (the
//! command line's `search` or `reindex`) have committed to the index files
//! since, the in-memory copy is stale and is opened again from disk rather
//! than written over. Locking the vault drops the index (its plaintext
//! lives only in memory) with the vault's keys, and the findings of the
//! pattern analysis kept between requests (`findings_cache.rs`).

use std::net::IpAddr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard, TryLockError};
use std::time::{Duration, Instant, SystemTime};

use testimonio_search::{IndexError, SearchIndex, index_dir};
use testimonio_vault::{
    Actor, NewSession, Passphrase, Throttle, Unlock, Vault, VaultError, WebSession,
};

use testimonio_app::evidence::upload::UploadLimits;

use crate::client::TrustedProxies;
use crate::error::{AppError, ErrorKind};
use crate::findings_cache::FindingsCache;
use crate::limits::RateLimiter;
use crate::page_images::PageImages;
use crate::serve::ConnectionLimits;
use crate::session::Timeouts;
use crate::unlock_attempts::{UnlockAttempts, UnlockTurn};

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Mark cookies `Secure` (set when serving behind TLS).
    pub secure_cookies: bool,
    pub timeouts: Timeouts,
    /// Login attempts allowed per client address per minute.
    pub login_attempts_per_minute: usize,
    /// The per-account delay after failed passwords (kept in the vault,
    /// so it holds across addresses, sessions and restarts).
    pub login_throttle: Throttle,
    /// The per-account delay after wrong second-factor codes.
    pub second_factor_throttle: Throttle,
    /// Database connections to the vault, for reading in parallel.
    pub vault_handles: usize,
    /// Timeouts and caps of connections (see `serve.rs`).
    pub connections: ConnectionLimits,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see
    /// `client.rs`); none by default.
    pub trusted_proxies: TrustedProxies,
    /// Unlock attempts allowed per client address per minute.
    pub unlock_attempts_per_minute: usize,
    /// Page images rendered at once for one account, and in all.
    pub renders_per_account: usize,
    pub renders_at_once: usize,
    /// Bytes of rendered page images kept in memory.
    pub page_cache_bytes: usize,
    /// How large an uploaded file, and an upload request, may be.
    pub uploads: UploadLimits,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            timeouts: Timeouts::default(),
            login_attempts_per_minute: 20,
            login_throttle: Throttle::LOGIN,
            second_factor_throttle: Throttle::SECOND_FACTOR,
            vault_handles: 4,
            connections: ConnectionLimits::default(),
            trusted_proxies: TrustedProxies::default(),
            unlock_attempts_per_minute: 5,
            renders_per_account: 2,
            renders_at_once: 2,
            page_cache_bytes: 64 << 20,
            uploads: UploadLimits::default(),
        }
    }
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    /// Handles on the open vault, each with its own database connection,
    /// so that requests read in parallel; all `None` when locked. Slot 0 is
    /// the one opened with the passphrase.
    vaults: Vec<Mutex<Option<Vault>>>,
    /// As many as there are handles: work waits for one here, in async
    /// land, rather than as a blocked thread of the blocking pool (200
    /// waiting requests were 180 threads and a gigabyte of memory).
    vault_turns: Arc<tokio::sync::Semaphore>,
    next_vault: AtomicUsize,
    vault_dir: PathBuf,
    /// Login attempts per client address per minute.
    login_attempts: RateLimiter<IpAddr>,
    /// The search index of the open vault; `None` until opened and while
    /// locked. Always taken after a vault handle, never before.
    search: RwLock<Option<LoadedIndex>>,
    /// The pattern analysis's findings, recomputed only after writes.
    findings: FindingsCache,
    /// Rendered page images (plaintext, memory only) and render limits.
    page_images: PageImages,
    /// Unlock attempts: rate, one at a time, failures to audit.
    unlock_attempts: UnlockAttempts,
    config: Config,
}

/// The open search index and the state of its files on disk when this
/// process last opened or wrote them.
struct LoadedIndex {
    index: SearchIndex,
    stamp: Option<DiskStamp>,
}

/// Size, time and file identity of the index's sealed `meta.json`, which
/// every commit replaces (write, fsync, rename): when it differs from what
/// this process saw last, another process committed to the index.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    file: u64,
}

fn disk_stamp(vault_dir: &Path) -> Option<DiskStamp> {
    let meta = std::fs::metadata(index_dir(vault_dir).join("meta.json.sealed")).ok()?;
    #[cfg(unix)]
    let file = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let file = 0;
    Some(DiskStamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        file,
    })
}

/// An index failure as the user sees it: another process writing the
/// index is a "try again" (503); anything else is logged and hidden.
pub(crate) fn index_error(err: IndexError) -> AppError {
    match err {
        IndexError::Busy => AppError::Kind(ErrorKind::Busy),
        other => AppError::internal(&other),
    }
}

/// How long a request waits for another thread opening or updating the
/// search index before answering "try again".
const SEARCH_PATIENCE: Duration = Duration::from_secs(8);

/// The stack of the threads searches run on: tantivy recurses once per
/// level of a query, which the parser bounds
/// ([`testimonio_search::query::MAX_DEPTH`]); eight times tokio's 2 MiB is
/// margin on top (reserved address space, touched only if used).
const SEARCH_STACK: usize = 16 * 1024 * 1024;

/// A lock guard: at once (`patience` of `None`: blocking), or by trying
/// until `patience` has passed since `started`.
fn acquire<G>(
    started: Instant,
    patience: Option<Duration>,
    mut try_get: impl FnMut() -> Option<G>,
    get: impl FnOnce() -> G,
) -> Result<G, AppError> {
    let Some(patience) = patience else {
        return Ok(get());
    };
    loop {
        if let Some(guard) = try_get() {
            return Ok(guard);
        }
        if started.elapsed() >= patience {
            return Err(AppError::Kind(ErrorKind::Busy));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn try_read_index(
    l: &RwLock<Option<LoadedIndex>>,
) -> Option<RwLockReadGuard<'_, Option<LoadedIndex>>> {
    match l.try_read() {
        Ok(guard) => Some(guard),
        Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    }
}

fn try_write_index(
    l: &RwLock<Option<LoadedIndex>>,
) -> Option<RwLockWriteGuard<'_, Option<LoadedIndex>>> {
    match l.try_write() {
        Ok(guard) => Some(guard),
        Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    }
}

fn read_index(l: &RwLock<Option<LoadedIndex>>) -> RwLockReadGuard<'_, Option<LoadedIndex>> {
    l.read().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write_index(l: &RwLock<Option<LoadedIndex>>) -> RwLockWriteGuard<'_, Option<LoadedIndex>> {
    l.write().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `vault` and up to `count - 1` more handles on it.
fn handles(vault: Vault, count: usize) -> Vec<Vault> {
    let mut out = Vec::with_capacity(count.max(1));
    for _ in 1..count.max(1) {
        match vault.try_clone() {
            Ok(v) => out.push(v),
            Err(e) => {
                tracing::error!(error = %e, "could not open another vault handle");
                break;
            }
        }
    }
    out.insert(0, vault);
    out
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock must not take the server down with it.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl AppState {
    pub fn new(vault: Vault, config: Config) -> Self {
        let vault_dir = vault.dir().to_owned();
        let vaults: Vec<_> = handles(vault, config.vault_handles)
            .into_iter()
            .map(|v| Mutex::new(Some(v)))
            .collect();
        let state = Self(Arc::new(Inner {
            vault_turns: Arc::new(tokio::sync::Semaphore::new(vaults.len().max(1))),
            vaults,
            next_vault: AtomicUsize::new(0),
            vault_dir,
            login_attempts: RateLimiter::new(
                config.login_attempts_per_minute,
                Duration::from_secs(60),
            ),
            search: RwLock::new(None),
            findings: FindingsCache::default(),
            page_images: PageImages::new(
                config.page_cache_bytes,
                config.renders_per_account,
                config.renders_at_once,
            ),
            unlock_attempts: UnlockAttempts::new(config.unlock_attempts_per_minute),
            config,
        }));
        state.warm_search_index();
        state
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    /// The live session of a cookie value, with its account (see
    /// `Vault::session`).
    ///
    /// # Errors
    /// [`AppError::Locked`] when the vault is locked; database errors.
    pub async fn session(&self, token: &str) -> Result<Option<WebSession>, AppError> {
        let token = zeroize::Zeroizing::new(token.to_owned());
        let idle = self.0.config.timeouts.idle;
        self.with_vault("web:session", move |v| Ok(v.session(&token, idle)?))
            .await
    }

    /// Begins a session for `user_id` (half-open while its second factor
    /// is `pending`).
    ///
    /// # Errors
    /// [`AppError::Locked`] when the vault is locked; database errors.
    pub async fn start_session(&self, user_id: i64, pending: bool) -> Result<NewSession, AppError> {
        let timeouts = self.0.config.timeouts.into();
        self.with_vault("web:session", move |v| {
            Ok(v.create_session(user_id, pending, timeouts)?)
        })
        .await
    }

    /// Ends the session of a cookie value.
    ///
    /// # Errors
    /// [`AppError::Locked`] when the vault is locked; database errors.
    pub async fn end_session(&self, token: &str) -> Result<(), AppError> {
        let token = zeroize::Zeroizing::new(token.to_owned());
        self.with_vault("web:session", move |v| Ok(v.end_session(&token)?))
            .await
    }

    /// The findings of the pattern analysis computed so far.
    pub fn findings_cache(&self) -> &FindingsCache {
        &self.0.findings
    }

    /// Rendered page images and the render limits.
    pub fn page_images(&self) -> &PageImages {
        &self.0.page_images
    }

    /// Attempts to unlock the vault.
    pub fn unlock_attempts(&self) -> &UnlockAttempts {
        &self.0.unlock_attempts
    }

    pub fn is_locked(&self) -> bool {
        lock(&self.0.vaults[0]).is_none()
    }

    /// Runs `f` on the vault, off the async threads, acting as `actor`.
    ///
    /// # Errors
    /// [`AppError::Locked`] when the vault is locked; `f`'s errors.
    pub async fn with_vault<T, F>(&self, actor: &str, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Vault) -> Result<T, AppError> + Send + 'static,
    {
        let state = self.clone();
        let actor = Actor::new(actor).map_err(|e| AppError::internal(&e))?;
        let turn = self.vault_turn().await?;
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let mut guard = state.free_handle();
            let vault = guard.as_mut().ok_or(AppError::Locked)?;
            vault.set_actor(actor);
            f(vault)
        })
        .await
        .map_err(|e| AppError::internal(&e))?
    }

    /// Runs `f` with the vault's search index, brought up to date first,
    /// and a vault handle (for snippets and watchlists), acting as `actor`.
    /// `f`'s last argument says whether the index is current: false when
    /// another process was writing it, so it could not take the newest
    /// changes (the search still runs).
    ///
    /// Queries come from anyone logged in, and from watchlists saved long
    /// ago: `f` runs on a thread of its own with a large stack
    /// ([`SEARCH_STACK`]), at most [`Config::vault_handles`] at once, and a
    /// panic there is caught and answered as an internal error (500), never
    /// an abort of the server. A stack overflow cannot be caught: the query
    /// parser's bounds are what prevent one, the stack is extra margin.
    ///
    /// # Errors
    /// [`AppError::Locked`] when the vault is locked; [`ErrorKind::Busy`]
    /// when the index cannot be opened because another process is writing
    /// it; other index errors (logged); a panic in `f` (logged, internal);
    /// `f`'s errors.
    pub async fn with_search<T, F>(&self, actor: &str, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&SearchIndex, &mut Vault, bool) -> Result<T, AppError> + Send + 'static,
    {
        let state = self.clone();
        let actor = Actor::new(actor).map_err(|e| AppError::internal(&e))?;
        // Waiting for a turn holds no thread.
        let permit = self.vault_turn().await?;
        let (answer, answered) = tokio::sync::oneshot::channel();
        std::thread::Builder::new()
            .name("search".into())
            .stack_size(SEARCH_STACK)
            .spawn(move || {
                let _permit = permit;
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    let mut guard = state.free_handle();
                    let vault = guard.as_mut().ok_or(AppError::Locked)?;
                    vault.set_actor(actor);
                    let (loaded, current) = state.current_index(vault, Some(SEARCH_PATIENCE))?;
                    let loaded = loaded.as_ref().ok_or(AppError::Locked)?;
                    f(&loaded.index, vault, current)
                }));
                // The request may have gone away meanwhile: nobody to tell.
                let _ = answer.send(outcome);
            })
            .map_err(|e| AppError::internal(&e))?;
        match answered.await {
            Ok(Ok(result)) => result,
            // The panic's message went to the log through the panic hook;
            // the locks it held recover from poisoning (`lock`,
            // `try_write_index`).
            Ok(Err(_)) => Err(AppError::internal(&"a search panicked")),
            Err(e) => Err(AppError::internal(&e)),
        }
    }

    /// A turn at the vault handles, held by the blocking task that uses
    /// one (so a request that goes away does not free it early).
    async fn vault_turn(&self) -> Result<tokio::sync::OwnedSemaphorePermit, AppError> {
        self.0
            .vault_turns
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| AppError::internal(&e))
    }

    /// The index, opened if need be and caught up with the vault's change
    /// queue; whether it is current. Takes the write lock only when there
    /// is something to do, and holds the read lock it returns. With
    /// `patience`, waits at most that long for another thread opening or
    /// updating the index (a rebuild can take minutes, and a waiting
    /// request holds a vault handle), then answers [`ErrorKind::Busy`].
    fn current_index<'a>(
        &'a self,
        vault: &mut Vault,
        patience: Option<Duration>,
    ) -> Result<(RwLockReadGuard<'a, Option<LoadedIndex>>, bool), AppError> {
        let dir = self.0.vault_dir.clone();
        let lock = &self.0.search;
        let started = Instant::now();
        {
            let read = acquire(
                started,
                patience,
                || try_read_index(lock),
                || read_index(lock),
            )?;
            if let Some(loaded) = read.as_ref()
                && loaded.stamp == disk_stamp(&dir)
                && vault.index_queue_head()? <= loaded.index.applied().map_err(index_error)?
            {
                return Ok((read, true));
            }
        }
        let mut current = true;
        {
            let mut write = acquire(
                started,
                patience,
                || try_write_index(lock),
                || write_index(lock),
            )?;
            let stamp = disk_stamp(&dir);
            match write.as_mut() {
                Some(loaded) if loaded.stamp == stamp => match loaded.index.catch_up(vault) {
                    Ok(_) => loaded.stamp = disk_stamp(&dir),
                    Err(IndexError::Busy) => {
                        tracing::info!("search index busy: searching without the newest changes");
                        current = false;
                    }
                    Err(e) => return Err(index_error(e)),
                },
                // Not open yet, or written by another process since: open
                // it again from disk (the old copy serves until then).
                _ => match SearchIndex::open_current(vault) {
                    Ok(index) => {
                        *write = Some(LoadedIndex {
                            index,
                            stamp: disk_stamp(&dir),
                        });
                    }
                    Err(IndexError::Busy) if write.is_some() => {
                        tracing::info!("search index busy: searching the copy in memory");
                        current = false;
                    }
                    Err(e) => return Err(index_error(e)),
                },
            }
        }
        // Another updater may come between the write lock and this read:
        // wait for it as any reader would.
        let read = acquire(
            started,
            patience,
            || try_read_index(lock),
            || read_index(lock),
        )?;
        Ok((read, current))
    }

    /// Whether the search index is open in memory (for tests and status).
    pub fn has_search_index(&self) -> bool {
        read_index(&self.0.search).is_some()
    }

    /// Opens the search index in the background (a rebuild can take a
    /// while), on a handle of its own, so that the first search is quick.
    fn warm_search_index(&self) {
        let state = self.clone();
        let spawned = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                let mut guard = state.free_handle();
                let Some(vault) = guard.as_mut() else { return };
                if let Ok(actor) = Actor::new("web:search-index") {
                    vault.set_actor(actor);
                }
                let started = Instant::now();
                match state.current_index(vault, None) {
                    Ok(_) => tracing::info!(
                        ms = started.elapsed().as_secs_f64() * 1000.0,
                        "search index open"
                    ),
                    Err(e) => tracing::warn!(
                        kind = ?e.kind(),
                        "search index not opened at start; the first search will try again"
                    ),
                }
            });
        if let Err(e) = spawned {
            tracing::warn!(error = %e, "could not start the search index thread");
        }
    }

    /// Ends every session (in the vault), then drops the vault, and with
    /// it every key, and the search index (its plaintext is in memory
    /// only). Should ending the sessions fail, the next unlock ends them
    /// (`Vault::record_unlock`).
    pub fn lock_vault(&self) {
        if let Some(vault) = lock(&self.0.vaults[0]).as_mut()
            && let Err(e) = vault.end_all_sessions()
        {
            tracing::error!(error = %e, "sessions not ended at lock; the next unlock ends them");
        }
        for slot in &self.0.vaults {
            let vault = lock(slot).take();
            drop(vault);
        }
        // After the vault handles: whoever held one (and maybe the index)
        // has finished; nobody can take a handle now.
        let index = write_index(&self.0.search).take();
        drop(index);
        // Figures derived from the records go with them, and page images.
        self.0.findings.clear();
        self.0.page_images.clear();
    }

    /// A vault handle nobody is using, or else the next one in turn.
    fn free_handle(&self) -> MutexGuard<'_, Option<Vault>> {
        let n = self.0.vaults.len();
        let start = self.0.next_vault.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            match self.0.vaults[(start + i) % n].try_lock() {
                Ok(guard) => return guard,
                // Held during a panic (caught: see `with_search`): still
                // usable, as a transaction rolls back when dropped.
                Err(TryLockError::Poisoned(p)) => return p.into_inner(),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        lock(&self.0.vaults[start % n])
    }

    /// Reopens the vault with its passphrase, tried for `client` in its
    /// `turn`, and audits the attempts that failed while it was locked (see
    /// `unlock_attempts.rs`). The turn is held, and a failure noted, by the
    /// task that derives the key: a client that disconnects meanwhile
    /// neither frees the turn early nor escapes the audit.
    ///
    /// # Errors
    /// [`VaultError::WrongKey`] for a wrong passphrase.
    pub async fn unlock_vault(
        &self,
        passphrase: Passphrase,
        client: IpAddr,
        turn: UnlockTurn,
    ) -> Result<(), VaultError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let mut first = lock(&state.0.vaults[0]);
            if first.is_none() {
                let actor = Actor::new("web:unlock").expect("a valid actor");
                let opened =
                    Vault::open(&state.0.vault_dir, Unlock::Passphrase(&passphrase), actor);
                if matches!(opened, Err(VaultError::WrongKey)) {
                    state.0.unlock_attempts.record_failure(client);
                }
                let mut vault = opened?;
                let (failed, not_itemized) = state.0.unlock_attempts.pending();
                vault.record_unlock_after(&failed, not_itemized)?;
                state.0.unlock_attempts.audited(failed.len(), not_itemized);
                let mut all = handles(vault, state.0.vaults.len()).into_iter();
                *first = all.next();
                for (slot, handle) in state.0.vaults[1..].iter().zip(all) {
                    *lock(slot) = Some(handle);
                }
                drop(first);
                state.warm_search_index();
            }
            Ok(())
        })
        .await
        .unwrap_or_else(|e| {
            Err(VaultError::internal(format_args!(
                "unlock task failed: {e}"
            )))
        })
    }

    /// Counts a login attempt from `ip`; false when over the limit.
    pub fn allow_login_attempt(&self, ip: IpAddr) -> bool {
        self.0.login_attempts.allow(&ip)
    }
}
