//! Shared server state: the open vault (or none, when locked), sessions,
//! login rate limits.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use testimonio_vault::{Actor, Passphrase, Unlock, Vault, VaultError};

use crate::error::AppError;
use crate::session::{Sessions, Timeouts};

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Mark cookies `Secure` (set when serving behind TLS).
    pub secure_cookies: bool,
    pub timeouts: Timeouts,
    /// Login attempts allowed per client address per minute.
    pub login_attempts_per_minute: usize,
    /// Database connections to the vault, for reading in parallel.
    pub vault_handles: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            timeouts: Timeouts::default(),
            login_attempts_per_minute: 20,
            vault_handles: 4,
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
    next_vault: AtomicUsize,
    vault_dir: PathBuf,
    sessions: Mutex<Sessions>,
    login_attempts: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
    /// The last TOTP step accepted per account: a code works once.
    totp_steps: Mutex<HashMap<i64, u64>>,
    config: Config,
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
        let vaults = handles(vault, config.vault_handles)
            .into_iter()
            .map(|v| Mutex::new(Some(v)))
            .collect();
        Self(Arc::new(Inner {
            vaults,
            next_vault: AtomicUsize::new(0),
            vault_dir,
            sessions: Mutex::new(Sessions::default()),
            login_attempts: Mutex::new(HashMap::new()),
            totp_steps: Mutex::new(HashMap::new()),
            config,
        }))
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn sessions(&self) -> MutexGuard<'_, Sessions> {
        lock(&self.0.sessions)
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
        tokio::task::spawn_blocking(move || {
            let mut guard = state.free_handle();
            let vault = guard.as_mut().ok_or(AppError::Locked)?;
            vault.set_actor(actor);
            f(vault)
        })
        .await
        .map_err(|e| AppError::internal(&e))?
    }

    /// Drops the vault, and with it every key, and ends every session.
    pub fn lock_vault(&self) {
        for slot in &self.0.vaults {
            let vault = lock(slot).take();
            drop(vault);
        }
        self.sessions().clear();
    }

    /// A vault handle nobody is using, or else the next one in turn.
    fn free_handle(&self) -> MutexGuard<'_, Option<Vault>> {
        let n = self.0.vaults.len();
        let start = self.0.next_vault.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(guard) = self.0.vaults[(start + i) % n].try_lock() {
                return guard;
            }
        }
        lock(&self.0.vaults[start % n])
    }

    /// Reopens the vault with its passphrase.
    ///
    /// # Errors
    /// [`VaultError::WrongKey`] for a wrong passphrase.
    pub async fn unlock_vault(&self, passphrase: Passphrase) -> Result<(), VaultError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut first = lock(&state.0.vaults[0]);
            if first.is_none() {
                let actor = Actor::new("web:unlock").expect("a valid actor");
                let mut vault =
                    Vault::open(&state.0.vault_dir, Unlock::Passphrase(&passphrase), actor)?;
                vault.record_unlock()?;
                let mut all = handles(vault, state.0.vaults.len()).into_iter();
                *first = all.next();
                for (slot, handle) in state.0.vaults[1..].iter().zip(all) {
                    *lock(slot) = Some(handle);
                }
            }
            Ok(())
        })
        .await
        .unwrap_or_else(|e| Err(VaultError::Invalid(format!("unlock task failed: {e}"))))
    }

    /// Records a TOTP step as used by `user_id`; false if it (or a later
    /// one) was already used.
    pub fn accept_totp_step(&self, user_id: i64, step: u64) -> bool {
        let mut steps = lock(&self.0.totp_steps);
        match steps.get(&user_id) {
            Some(last) if *last >= step => false,
            _ => {
                steps.insert(user_id, step);
                true
            }
        }
    }

    /// Counts a login attempt from `ip`; false when over the limit.
    pub fn allow_login_attempt(&self, ip: IpAddr) -> bool {
        let mut map = lock(&self.0.login_attempts);
        let now = Instant::now();
        let window = map.entry(ip).or_default();
        while window
            .front()
            .is_some_and(|t| now.duration_since(*t) > Duration::from_secs(60))
        {
            window.pop_front();
        }
        if window.len() >= self.0.config.login_attempts_per_minute {
            return false;
        }
        window.push_back(now);
        true
    }
}
