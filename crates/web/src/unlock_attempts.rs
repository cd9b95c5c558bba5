//! Attempts to unlock the vault from the web: a few per client address per
//! minute, one checked at a time (each runs Argon2id, which is made to be
//! expensive), and every failure remembered until it can be audited.
//!
//! While the vault is locked its audit chain cannot be written (its key is
//! what is missing), so failures are kept in memory — time and client
//! address, never the passphrase — and written to the chain, before the
//! "unlocked" entry, by the next successful unlock.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use testimonio_vault::FailedUnlock;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::limits::RateLimiter;

/// Failures kept one by one; beyond this they are only counted.
const KEPT: usize = 1000;

/// How long an attempt waits for the one before it to be checked.
const PATIENCE: Duration = Duration::from_secs(5);

#[derive(Debug, Default)]
struct Failures {
    kept: Vec<FailedUnlock>,
    not_itemized: u64,
}

/// The turn to check one passphrase; the next waits until it is dropped.
#[derive(Debug)]
pub struct UnlockTurn(#[allow(dead_code)] OwnedSemaphorePermit);

#[derive(Debug)]
pub struct UnlockAttempts {
    per_client: RateLimiter<IpAddr>,
    one_at_a_time: Arc<Semaphore>,
    failures: Mutex<Failures>,
}

impl UnlockAttempts {
    pub fn new(per_minute: usize) -> Self {
        Self {
            per_client: RateLimiter::new(per_minute, Duration::from_secs(60)),
            one_at_a_time: Arc::new(Semaphore::new(1)),
            failures: Mutex::new(Failures::default()),
        }
    }

    fn failures(&self) -> std::sync::MutexGuard<'_, Failures> {
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Counts an attempt from `client`; false when it had its share this
    /// minute (and then nothing else is done: no key is derived).
    pub fn allow(&self, client: IpAddr) -> bool {
        self.per_client.allow(&client)
    }

    /// The turn to check a passphrase, after the attempt in progress;
    /// `None` when that takes too long.
    pub async fn turn(&self) -> Option<UnlockTurn> {
        tokio::time::timeout(PATIENCE, self.one_at_a_time.clone().acquire_owned())
            .await
            .ok()?
            .ok()
            .map(UnlockTurn)
    }

    /// Notes a failed attempt from `client`, and logs it (without the
    /// passphrase, which never leaves the handler).
    pub fn record_failure(&self, client: IpAddr) {
        tracing::warn!(client = %client, "failed attempt to unlock the vault");
        let mut failures = self.failures();
        if failures.kept.len() < KEPT {
            failures.kept.push(FailedUnlock {
                at: testimonio_vault::now(),
                client: client.to_string(),
            });
        } else {
            failures.not_itemized += 1;
        }
    }

    /// The failures not yet audited, and how many more were only counted.
    pub fn pending(&self) -> (Vec<FailedUnlock>, u64) {
        let failures = self.failures();
        (failures.kept.clone(), failures.not_itemized)
    }

    /// Forgets the failures [`pending`](Self::pending) returned, once they
    /// are in the audit chain (any noted since stay).
    pub fn audited(&self, kept: usize, not_itemized: u64) {
        let mut failures = self.failures();
        let kept = kept.min(failures.kept.len());
        failures.kept.drain(..kept);
        failures.not_itemized = failures.not_itemized.saturating_sub(not_itemized);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_kept_until_audited_and_counted_beyond_the_limit() {
        let attempts = UnlockAttempts::new(5);
        let client: IpAddr = "192.0.2.4".parse().unwrap();
        for _ in 0..KEPT + 3 {
            attempts.record_failure(client);
        }
        let (kept, more) = attempts.pending();
        assert_eq!((kept.len(), more), (KEPT, 3));
        assert!(kept.iter().all(|f| f.client == "192.0.2.4"));
        attempts.record_failure(client);
        attempts.audited(kept.len(), more);
        assert_eq!(attempts.pending().1, 1, "the one noted after stays");
        attempts.audited(0, 1);
        assert_eq!(attempts.pending(), (Vec::new(), 0));
    }

    #[tokio::test(start_paused = true)]
    async fn one_attempt_is_checked_at_a_time() {
        let attempts = UnlockAttempts::new(5);
        let turn = attempts.turn().await.expect("the first turn");
        // Paused time: the wait runs out at once.
        assert!(attempts.turn().await.is_none());
        drop(turn);
        assert!(attempts.turn().await.is_some());
    }
}
