//! Small counters that keep one client or one account from taking more
//! than its share: attempts per address per minute, and work in progress
//! per account.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// At most `limit` events per key in any `window` (a sliding window).
#[derive(Debug)]
pub struct RateLimiter<K> {
    limit: usize,
    window: Duration,
    seen: Mutex<HashMap<K, VecDeque<Instant>>>,
}

impl<K: Eq + Hash + Clone> RateLimiter<K> {
    pub fn new(limit: usize, window: Duration) -> Self {
        Self {
            limit,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one event for `key`; false (and not counted) when the key
    /// already had `limit` in the window.
    pub fn allow(&self, key: &K) -> bool {
        let now = Instant::now();
        let mut seen = lock(&self.seen);
        // Keys whose window emptied are dropped, so that the map cannot
        // grow with every address that ever tried once.
        if seen.len() > 1024 {
            seen.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < self.window)
            });
        }
        let times = seen.entry(key.clone()).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            times.pop_front();
        }
        if times.len() >= self.limit {
            return false;
        }
        times.push_back(now);
        true
    }
}

/// At most `limit` things in progress per key.
#[derive(Debug)]
pub struct PerKeyLimit<K: Eq + Hash> {
    limit: usize,
    running: Arc<Mutex<HashMap<K, usize>>>,
}

/// One thing in progress; its place is given back when dropped.
#[derive(Debug)]
pub struct Slot<K: Eq + Hash> {
    key: K,
    running: Arc<Mutex<HashMap<K, usize>>>,
}

impl<K: Eq + Hash + Clone> PerKeyLimit<K> {
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            running: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// A place for `key`, or `None` when it already has `limit` in progress.
    pub fn try_take(&self, key: K) -> Option<Slot<K>> {
        let mut running = lock(&self.running);
        let n = running.entry(key.clone()).or_default();
        if *n >= self.limit {
            return None;
        }
        *n += 1;
        Some(Slot {
            key,
            running: self.running.clone(),
        })
    }
}

impl<K: Eq + Hash> Drop for Slot<K> {
    fn drop(&mut self) {
        let mut running = lock(&self.running);
        if let Some(n) = running.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                running.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_limit_and_others_are_not_affected() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        assert!(limiter.allow(&1));
        assert!(limiter.allow(&1));
        assert!(!limiter.allow(&1));
        assert!(!limiter.allow(&1));
        assert!(limiter.allow(&2));
    }

    #[test]
    fn the_window_slides() {
        let limiter = RateLimiter::new(1, Duration::ZERO);
        assert!(limiter.allow(&"a"));
        assert!(limiter.allow(&"a"), "a zero window forgets at once");
    }

    #[test]
    fn slots_are_given_back_when_dropped() {
        let limit = PerKeyLimit::new(2);
        let a = limit.try_take(7).expect("first");
        let b = limit.try_take(7).expect("second");
        assert!(limit.try_take(7).is_none());
        assert!(limit.try_take(8).is_some(), "another key has its own");
        drop(a);
        let c = limit.try_take(7).expect("a place again");
        drop((b, c));
        assert!(lock(&limit.running).is_empty());
    }
}
