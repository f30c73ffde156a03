//! Which failed attempts may be retried, and as what: botocore's standard mode
//! (`StandardRetryConditions` and `ThrottlingErrorDetector` in `standard.py`).

use super::{RetryKind, TransportError};
use crate::error::ResponseError;
use crate::operation::ServiceError;
use ::std::fmt;
use ::std::time::Duration;

/// Codes the standard mode retries as throttling, whatever the model says of them.
pub const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Codes the standard mode retries as transient failures.
pub const TRANSIENT_CODES: &[&str] =
    &["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"];

/// Statuses the standard mode retries as transient failures, whatever the code.
pub const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// The status the standard mode retries as throttling when the code names none of the
/// operation's modeled errors.
pub const THROTTLING_STATUS: u16 = 429;

/// What the model says of an error code of an operation: the code names one of its error
/// shapes, which may be marked `retryable` (`{"throttling": true}` for throttling).
/// Generated code gives it through [`ServiceError::modeled_error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ModeledError {
    /// The shape's `retryable` trait, if it has one.
    pub retryable: Option<RetryKind>,
}

impl ModeledError {
    /// A modeled error that the model marks retryable as `retryable`, or not (`None`).
    pub const fn new(retryable: Option<RetryKind>) -> Self {
        ModeledError { retryable }
    }
}

/// Whether a failed attempt may be retried, and why.
///
/// Displays as `throttling: error code `ThrottlingException` is one the standard mode retries
/// as throttling` or `not retryable: error code `ValidationException` (HTTP 400) is none the
/// standard mode retries`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    kind: Option<RetryKind>,
    reason: Reason,
    retry_after: Option<Duration>,
}

/// Why an attempt was classified as it was: the first rule that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// The caller's own rule for this code ([`Classifier::with_code`]).
    CallerCode(String),
    /// A code in [`THROTTLING_CODES`].
    ThrottlingCode(String),
    /// A code naming an error shape of the operation that the model marks `retryable`.
    ModeledRetryable(String),
    /// A code in [`TRANSIENT_CODES`].
    TransientCode(String),
    /// A status in [`TRANSIENT_STATUSES`].
    TransientStatus(u16),
    /// A 429 whose code names none of the operation's modeled errors.
    ThrottlingStatus(u16),
    /// The request never got an answer: the connection failed, was reset, or timed out.
    Transport(TransportError),
    /// No rule retries it: a modeled error the model does not mark `retryable`, an unmodeled
    /// code, a body that did not read.
    NoRule {
        /// The error code, if there was one.
        code: Option<String>,
        /// The HTTP status, if there was an answer.
        status: Option<u16>,
    },
}

impl Classification {
    /// An attempt that may be retried as `kind` (or not, `None`) for `reason`.
    pub fn new(kind: Option<RetryKind>, reason: Reason) -> Self {
        Classification { kind, reason, retry_after: None }
    }

    /// The same, with the delay the answer asked for (`x-amz-retry-after`, `Retry-After`).
    pub fn with_retry_after(mut self, retry_after: Option<Duration>) -> Self {
        self.retry_after = retry_after;
        self
    }

    /// How it may be retried; `None`: it may not.
    pub fn kind(&self) -> Option<RetryKind> {
        self.kind
    }

    /// Whether it may be retried.
    pub fn is_retryable(&self) -> bool {
        self.kind.is_some()
    }

    /// The rule that decided it.
    pub fn reason(&self) -> &Reason {
        &self.reason
    }

    /// What the answer asked the client to wait, if it said.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
}

impl fmt::Display for Classification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            Some(RetryKind::Throttling) => "throttling",
            Some(RetryKind::Transient) => "transient",
            None => "not retryable",
        };
        write!(f, "{kind}: {}", self.reason)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::CallerCode(code) => write!(f, "error code `{code}` has a rule of the caller's"),
            Reason::ThrottlingCode(code) => {
                write!(f, "error code `{code}` is one the standard mode retries as throttling")
            }
            Reason::ModeledRetryable(code) => {
                write!(f, "error code `{code}` names an error the model marks retryable")
            }
            Reason::TransientCode(code) => {
                write!(f, "error code `{code}` is one the standard mode retries as transient")
            }
            Reason::TransientStatus(status) => {
                write!(f, "HTTP {status} is a status the standard mode retries")
            }
            Reason::ThrottlingStatus(status) => {
                write!(f, "HTTP {status} with a code that names no modeled error")
            }
            Reason::Transport(error) => write!(f, "{error}"),
            Reason::NoRule { code, status } => {
                match code {
                    Some(code) => write!(f, "error code `{code}`")?,
                    None => f.write_str("an error without a code")?,
                }
                if let Some(status) = status {
                    write!(f, " (HTTP {status})")?;
                }
                f.write_str(" is none the standard mode retries")
            }
        }
    }
}

/// Things that may be retried: what [`Classifier::classify`] reads. Implemented for the
/// runtime's [`ResponseError`] and [`TransportError`]; a client implements it for its own error
/// type, which holds one or the other.
pub trait Retryable {
    /// What `classifier` makes of it.
    fn classify(&self, classifier: &Classifier) -> Classification;
}

impl<E: ServiceError> Retryable for ResponseError<E> {
    fn classify(&self, classifier: &Classifier) -> Classification {
        let meta = self.meta();
        let code = match self {
            ResponseError::Service { error, .. } => {
                // botocore's code is the query-compatible one where the service sends it.
                let query_code = meta.query_error.as_ref().map(|query| query.code.as_str());
                query_code.or_else(|| error.code())
            }
            ResponseError::Decode { .. } => None,
        };
        let modeled = code.and_then(E::modeled_error);
        classifier.classify_answer(code, meta.status, modeled).with_retry_after(meta.retry_after)
    }
}

impl Retryable for TransportError {
    fn classify(&self, classifier: &Classifier) -> Classification {
        classifier.classify_transport(self)
    }
}

/// The standard mode's rules, plus the caller's own for codes it names.
///
/// ```
/// use awsjson_runtime::retry::{Classifier, RetryKind};
/// // AppStream's `LimitExceededException` means a limit of the account, not a rate: botocore
/// // retries it as throttling, this caller does not.
/// let classifier = Classifier::standard()
///     .with_code("LimitExceededException", None)
///     .with_code("ConcurrentModificationException", Some(RetryKind::Transient));
/// let verdict = classifier.classify_answer(Some("LimitExceededException"), 400, None);
/// assert!(!verdict.is_retryable());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Classifier {
    caller_codes: Vec<(String, Option<RetryKind>)>,
}

impl Classifier {
    /// botocore's standard mode, nothing added.
    pub fn standard() -> Self {
        Self::default()
    }

    /// Retries `code` as `kind`, or never (`None`), before any standard rule is asked; a later
    /// rule for the same code replaces an earlier one.
    pub fn with_code(mut self, code: impl Into<String>, kind: Option<RetryKind>) -> Self {
        let code = code.into();
        self.caller_codes.retain(|(known, _)| *known != code);
        self.caller_codes.push((code, kind));
        self
    }

    /// Classifies anything [`Retryable`].
    pub fn classify(&self, failure: &(impl Retryable + ?Sized)) -> Classification {
        failure.classify(self)
    }

    /// Classifies an answer with `code` (sanitized: `ThrottlingException`) and `status`;
    /// `modeled` is what the operation's model says of the code
    /// ([`ServiceError::modeled_error`]).
    ///
    /// It is throttling when the code is a throttling code, names an error the model marks
    /// `retryable` with `throttling`, or, naming no modeled error, came with a 429. Otherwise it
    /// is transient when the model marks the error `retryable`, the code is a transient code or
    /// the status is 500, 502, 503 or 504. Anything else is not retried.
    pub fn classify_answer(
        &self,
        code: Option<&str>,
        status: u16,
        modeled: Option<ModeledError>,
    ) -> Classification {
        let caller_rule = code.and_then(|code| {
            self.caller_codes.iter().find(|(known, _)| known == code).map(|(_, kind)| (code, *kind))
        });
        if let Some((code, kind)) = caller_rule {
            return Classification::new(kind, Reason::CallerCode(code.to_owned()));
        }
        let listed = |codes: &[&str]| code.filter(|code| codes.contains(code)).map(str::to_owned);
        let modeled_kind = modeled.and_then(|modeled| modeled.retryable);
        let (kind, reason) = if let Some(code) = listed(THROTTLING_CODES) {
            (RetryKind::Throttling, Reason::ThrottlingCode(code))
        } else if let (Some(kind), Some(code)) = (modeled_kind, code) {
            (kind, Reason::ModeledRetryable(code.to_owned()))
        } else if modeled.is_none() && status == THROTTLING_STATUS {
            (RetryKind::Throttling, Reason::ThrottlingStatus(status))
        } else if let Some(code) = listed(TRANSIENT_CODES) {
            (RetryKind::Transient, Reason::TransientCode(code))
        } else if TRANSIENT_STATUSES.contains(&status) {
            (RetryKind::Transient, Reason::TransientStatus(status))
        } else {
            let code = code.map(str::to_owned);
            return Classification::new(None, Reason::NoRule { code, status: Some(status) });
        };
        Classification::new(Some(kind), reason)
    }

    /// Classifies a request that got no answer: transient, as botocore retries its
    /// `ConnectionError`s, unless the error says it would fail again.
    pub fn classify_transport(&self, error: &TransportError) -> Classification {
        let kind = error.is_retryable().then_some(RetryKind::Transient);
        Classification::new(kind, Reason::Transport(error.clone()))
    }
}
