//! Retrying as AWS's clients retry in their "standard" mode (botocore's
//! `botocore/retries/standard.py` and `quota.py`): how long to wait before an attempt
//! ([`Backoff`]) and how many retries a client may still spend ([`RetryQuota`]).

mod backoff;
mod quota;

pub use self::backoff::{Backoff, Jitter, retry_after};
pub use self::quota::{QuotaToken, RetryQuota};

/// Why an attempt may be retried: it was throttled, or it failed in passing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryKind {
    /// The service asked for fewer requests (`ThrottlingException`, 429…): backoff starts at
    /// a second, and a retry costs the quota less.
    Throttling,
    /// A 500, a timeout, a reset connection: backoff starts at 50 ms.
    Transient,
}
