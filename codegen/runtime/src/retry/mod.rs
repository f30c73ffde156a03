//! Retrying as AWS's clients retry in their "standard" mode (botocore's
//! `botocore/retries/standard.py` and `quota.py`): what may be retried ([`Classifier`]), how
//! long to wait before the next attempt ([`Backoff`]), how many retries a client may still
//! spend ([`RetryQuota`]), and a strategy that puts them together for any HTTP client, sync or
//! async ([`RetryStrategy`]).
//!
//! ```
//! use awsjson_runtime::retry::{Classifier, RetryKind};
//! let classifier = Classifier::standard();
//! let throttled = classifier.classify_answer(Some("ThrottlingException"), 400, None);
//! assert_eq!(throttled.kind(), Some(RetryKind::Throttling));
//! let invalid = classifier.classify_answer(Some("ValidationException"), 400, None);
//! assert_eq!(
//!     invalid.to_string(),
//!     "not retryable: error code `ValidationException` (HTTP 400) is none the standard mode retries"
//! );
//! ```

mod attempt;
mod backoff;
mod classify;
mod quota;
mod strategy;
mod transport;

pub use self::attempt::AttemptError;
pub use self::backoff::{Backoff, Jitter, retry_after};
pub use self::classify::{
    Classification, Classifier, ModeledError, Reason, Retryable, THROTTLING_CODES,
    THROTTLING_STATUS, TRANSIENT_CODES, TRANSIENT_STATUSES,
};
pub use self::quota::{QuotaToken, RetryQuota};
pub use self::strategy::{Call, Failed, GaveUp, RetryStrategy};
pub use self::transport::{TransportError, TransportErrorKind};

/// Why an attempt may be retried: it was throttled, or it failed in passing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryKind {
    /// The service asked for fewer requests (`ThrottlingException`, 429…): backoff starts at
    /// a second, and a retry costs the quota less.
    Throttling,
    /// A 500, a timeout, a reset connection: backoff starts at 50 ms.
    Transient,
}
