//! The pattern analysis's findings, kept in memory between requests.
//!
//! Computing findings runs the permutation test (10,000 permutations,
//! about 0.4 s over 100,000 events, on every core), so the analysis page
//! keeps the findings of each (audience, smallest count shown, day consent
//! is read on) and computes them again only after the records changed.
//!
//! # What "changed" means
//!
//! Every write to the vault is audited in the same transaction as the
//! change, so the head of the audit chain moves whenever people, consent,
//! groups or events do. (The index queue's head is not enough: it moves
//! with events and document pages but not with consent, and a withdrawal
//! of consent must leave the coalition and public figures at once.) Reads
//! are audited too — identity and document reads, logins, exports (the
//! report downloads themselves) — and those change no record: when only
//! such entries follow the one a result was computed at, the result is
//! kept and moved to the new head. Any other action, including one this
//! code does not know, means the records may have changed.
//!
//! The head is read before the records are loaded, so a result can only
//! be filed under an older head than the records it was computed from
//! (and is then computed again once more), never under a newer one.
//!
//! Only one computation runs at a time (each uses every core); requests
//! for the same figures wait for it and then find them here. Locking the
//! vault empties the cache, as it drops the search index.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use testimonio_domain::Audience;
use testimonio_report::Findings;
use testimonio_vault::{Vault, VaultError};
use tokio::sync::{Semaphore, SemaphorePermit};

/// Results kept at most (the least recently used goes first).
const MAX_ENTRIES: usize = 8;

/// Audit entries examined at most to decide that only reads happened
/// since a result was computed; beyond that it is computed again.
const MAX_SCAN: i64 = 256;

/// Audit actions that change no record the analysis reads (people,
/// consent, groups, events). Anything else invalidates. (Page views and
/// searches are audited, and must not make the next analysis page
/// recompute everything.)
const READ_ONLY_ACTIONS: &[&str] = &[
    "identity_read",
    "document_read",
    "search",
    "export",
    "login",
    "check",
    "backup",
    "locked",
    "unlocked",
    "age_identity_revealed",
    "user_changed",
];

/// Which findings: the audience, the smallest count shown (the default
/// for internal findings, which suppress nothing), the day consent is
/// read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingsKey {
    pub audience: Audience,
    pub min_count: u64,
    pub as_of: NaiveDate,
}

struct Entry {
    key: FindingsKey,
    /// The audit head when the records were read.
    head: i64,
    findings: Arc<Findings>,
    /// When last used, in lookups.
    used: u64,
}

/// What [`FindingsCache::lookup`] found.
pub enum Lookup {
    /// Findings for the records as they are now.
    Hit(Arc<Findings>),
    /// None: compute them from records read after this audit head was.
    Miss { head: i64 },
}

/// The cache, one per server (in [`crate::AppState`]).
pub struct FindingsCache {
    entries: Mutex<Vec<Entry>>,
    clock: AtomicU64,
    runs: AtomicU64,
    compute: Semaphore,
}

impl Default for FindingsCache {
    fn default() -> Self {
        Self {
            entries: Mutex::new(Vec::new()),
            clock: AtomicU64::new(0),
            runs: AtomicU64::new(0),
            compute: Semaphore::new(1),
        }
    }
}

/// The sequence number of the newest audit entry (0 for none).
fn audit_head(vault: &Vault) -> Result<i64, VaultError> {
    Ok(vault.audit_tail(1)?.last().map_or(0, |e| e.seq))
}

impl FindingsCache {
    fn entries(&self) -> MutexGuard<'_, Vec<Entry>> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The findings for `key` if the records have not changed since they
    /// were computed; else the audit head to load the records after.
    ///
    /// # Errors
    /// Database errors.
    pub fn lookup(&self, vault: &Vault, key: FindingsKey) -> Result<Lookup, VaultError> {
        let head = audit_head(vault)?;
        let since = {
            let entries = self.entries();
            match entries.iter().find(|e| e.key == key) {
                None => return Ok(Lookup::Miss { head }),
                Some(e) if e.head == head => {
                    let findings = Arc::clone(&e.findings);
                    drop(entries);
                    self.touch(key, head);
                    return Ok(Lookup::Hit(findings));
                }
                Some(e) => e.head,
            }
        };
        let gap = head - since;
        if gap <= 0 || gap > MAX_SCAN {
            return Ok(Lookup::Miss { head });
        }
        let after = vault.audit_tail(gap as usize)?;
        let only_reads = after
            .iter()
            .filter(|e| e.seq > since)
            .all(|e| READ_ONLY_ACTIONS.contains(&e.action.as_str()));
        if !only_reads {
            return Ok(Lookup::Miss { head });
        }
        Ok(match self.touch_from(key, since, head) {
            Some(findings) => Lookup::Hit(findings),
            None => Lookup::Miss { head },
        })
    }

    fn tick(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed)
    }

    fn touch(&self, key: FindingsKey, head: i64) {
        let now = self.tick();
        if let Some(e) = self
            .entries()
            .iter_mut()
            .find(|e| e.key == key && e.head == head)
        {
            e.used = now;
        }
    }

    /// Moves the entry for `key` computed at `since` to `head` (only reads
    /// came between) and returns it, unless it was replaced meanwhile.
    fn touch_from(&self, key: FindingsKey, since: i64, head: i64) -> Option<Arc<Findings>> {
        let now = self.tick();
        let mut entries = self.entries();
        let e = entries
            .iter_mut()
            .find(|e| e.key == key && e.head == since)?;
        e.head = head;
        e.used = now;
        Some(Arc::clone(&e.findings))
    }

    /// Keeps `findings` for `key`, computed from records read after the
    /// audit head was `head`.
    pub fn insert(&self, key: FindingsKey, head: i64, findings: Arc<Findings>) {
        let now = self.tick();
        self.runs.fetch_add(1, Ordering::Relaxed);
        let mut entries = self.entries();
        entries.retain(|e| e.key != key);
        if entries.len() >= MAX_ENTRIES
            && let Some(oldest) = entries
                .iter()
                .enumerate()
                .min_by_key(|(_, e)| e.used)
                .map(|(i, _)| i)
        {
            entries.swap_remove(oldest);
        }
        entries.push(Entry {
            key,
            head,
            findings,
            used: now,
        });
    }

    /// The right to compute: one computation at a time.
    ///
    /// # Errors
    /// Never in practice (the semaphore is never closed).
    pub async fn permit(&self) -> Result<SemaphorePermit<'_>, tokio::sync::AcquireError> {
        self.compute.acquire().await
    }

    /// How many findings were computed for the page since the server
    /// started (for tests and status).
    pub fn runs(&self) -> u64 {
        self.runs.load(Ordering::Relaxed)
    }

    /// Forgets everything (when the vault is locked).
    pub fn clear(&self) {
        self.entries().clear();
    }
}
