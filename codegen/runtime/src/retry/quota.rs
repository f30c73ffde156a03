//! The retry quota a client's calls share, so that an outage does not become a retry storm.

use super::RetryKind;
use ::std::sync::Mutex;

/// A client-wide budget of retries, with botocore's standard-mode costs (`quota.py`,
/// `RetryQuotaChecker`): 500 units; a retry of a throttled attempt takes 5, any other retry
/// 14; a call that succeeds without a retry gives 1 back, one that succeeds after retries
/// gives back what its last retry took. Never more than the capacity it started with.
#[derive(Debug)]
pub struct RetryQuota {
    capacity: u32,
    available: Mutex<u32>,
}

/// What one retry took from a [`RetryQuota`], to give back if the call succeeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use = "give it back with RetryQuota::succeeded when the call succeeds"]
pub struct QuotaToken(u32);

impl RetryQuota {
    /// botocore's initial capacity.
    pub const DEFAULT_CAPACITY: u32 = 500;
    /// What a retry after a throttled attempt takes.
    pub const THROTTLING_RETRY_COST: u32 = 5;
    /// What any other retry takes.
    pub const RETRY_COST: u32 = 14;
    /// What a call that succeeds at once gives back.
    pub const NO_RETRY_INCREMENT: u32 = 1;

    /// A full quota of `capacity` units.
    pub fn new(capacity: u32) -> Self {
        RetryQuota { capacity, available: Mutex::new(capacity) }
    }

    /// The units left.
    pub fn available(&self) -> u32 {
        *self.lock()
    }

    /// Takes the cost of a retry of `kind`, or `None` when too little is left: then the call
    /// gives up with the error it has.
    pub fn acquire(&self, kind: RetryKind) -> Option<QuotaToken> {
        let cost = match kind {
            RetryKind::Throttling => Self::THROTTLING_RETRY_COST,
            RetryKind::Transient => Self::RETRY_COST,
        };
        let mut available = self.lock();
        if cost > *available {
            return None;
        }
        *available -= cost;
        Some(QuotaToken(cost))
    }

    /// A call succeeded: after its retries (`last` is what the last one took), or at once.
    pub fn succeeded(&self, last: Option<QuotaToken>) {
        let amount = last.map_or(Self::NO_RETRY_INCREMENT, |QuotaToken(cost)| cost);
        let mut available = self.lock();
        *available = (*available + amount).min(self.capacity);
    }

    fn lock(&self) -> ::std::sync::MutexGuard<'_, u32> {
        // A panic elsewhere while the lock was held left a number, which is still one.
        self.available.lock().unwrap_or_else(::std::sync::PoisonError::into_inner)
    }
}

impl Default for RetryQuota {
    fn default() -> Self {
        Self::new(Self::DEFAULT_CAPACITY)
    }
}

#[cfg(test)]
mod tests {
    use super::{RetryKind, RetryQuota};

    #[test]
    fn the_quota_counts_as_botocores_standard_mode() {
        let quota = RetryQuota::default();
        let transient = quota.acquire(RetryKind::Transient);
        assert_eq!(quota.available(), 486);
        let throttled = quota.acquire(RetryKind::Throttling);
        assert_eq!(quota.available(), 481);
        quota.succeeded(throttled);
        assert_eq!(quota.available(), 486);
        quota.succeeded(transient);
        assert_eq!(quota.available(), 500);
        // Never above the capacity.
        quota.succeeded(None);
        assert_eq!(quota.available(), 500);
    }

    #[test]
    fn a_drained_quota_refuses_retries_until_calls_succeed() {
        let quota = RetryQuota::default();
        // 35 transient retries take 490 of 500; the 36th would need 14 of the 10 left.
        let taken: Vec<_> = (0..35).filter_map(|_| quota.acquire(RetryKind::Transient)).collect();
        assert_eq!((taken.len(), quota.available()), (35, 10));
        assert_eq!(quota.acquire(RetryKind::Transient), None);
        assert_eq!(quota.available(), 10);
        // A throttled retry still fits (5), and two more; then nothing.
        assert!(quota.acquire(RetryKind::Throttling).is_some());
        assert!(quota.acquire(RetryKind::Throttling).is_some());
        assert_eq!(quota.acquire(RetryKind::Throttling), None);
        for _ in 0..4 {
            quota.succeeded(None);
        }
        assert_eq!(quota.available(), 4);
        quota.succeeded(None);
        assert!(quota.acquire(RetryKind::Throttling).is_some());
    }
}
