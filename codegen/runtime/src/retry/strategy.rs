//! The standard retry strategy, with no HTTP client or async runtime of its own: a caller
//! sends each attempt and sleeps each delay however it likes.

use super::{Backoff, Classification, Classifier, Jitter, QuotaToken, RetryQuota, Retryable};
use crate::service::Service;
use ::std::fmt;
use ::std::sync::{Arc, Mutex, PoisonError};
use ::std::time::Duration;

/// botocore's standard mode: how many attempts, how long between them, what is retried, and
/// the retry quota. Clones share the quota and the jitter, so one strategy (or its clones)
/// serves every call of one client, as botocore's quota serves one client's.
///
/// [`RetryStrategy::run`] drives a call with a closure per attempt and a sleep of the
/// caller's; [`RetryStrategy::start`] gives the per-call state an async loop drives itself.
#[derive(Debug, Clone)]
pub struct RetryStrategy {
    max_attempts: u32,
    backoff: Backoff,
    classifier: Classifier,
    quota: Arc<RetryQuota>,
    jitter: Arc<Mutex<Jitter>>,
}

impl RetryStrategy {
    /// botocore's `DEFAULT_MAX_ATTEMPTS`: the first attempt and two retries.
    pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;

    /// The standard mode: 3 attempts, [`Backoff::STANDARD`], [`Classifier::standard`], a full
    /// quota of 500 and random jitter.
    pub fn standard() -> Self {
        RetryStrategy {
            max_attempts: Self::DEFAULT_MAX_ATTEMPTS,
            backoff: Backoff::STANDARD,
            classifier: Classifier::standard(),
            quota: Arc::new(RetryQuota::new(RetryQuota::DEFAULT_CAPACITY)),
            jitter: Arc::new(Mutex::new(Jitter::random())),
        }
    }

    /// The standard mode as botocore sets it for `service`: DynamoDB and DynamoDB Streams get
    /// 4 attempts and transient backoff from 25 ms ([`Backoff::dynamodb`]); others as
    /// [`RetryStrategy::standard`]. Services are told by their `endpointPrefix`, which botocore's
    /// service names are.
    pub fn for_service(service: &Service) -> Self {
        let standard = Self::standard();
        match service.endpoint_prefix {
            Some("dynamodb" | "streams.dynamodb") => {
                standard.max_attempts(4).backoff(Backoff::dynamodb())
            }
            _ => standard,
        }
    }

    /// At most `attempts` attempts per call (the first included); 0 counts as 1.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// With `backoff`'s bases and cap.
    pub fn backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = backoff;
        self
    }

    /// With `classifier`'s rules (the standard ones and the caller's codes).
    pub fn classifier(mut self, classifier: Classifier) -> Self {
        self.classifier = classifier;
        self
    }

    /// Sharing `quota` (with other strategies, if they are given it too).
    pub fn quota(mut self, quota: Arc<RetryQuota>) -> Self {
        self.quota = quota;
        self
    }

    /// With delays drawn from `seed`, the same for the same seed: for tests.
    pub fn seeded(mut self, seed: u64) -> Self {
        self.jitter = Arc::new(Mutex::new(Jitter::seeded(seed)));
        self
    }

    /// The attempts a call may make.
    pub fn attempts_allowed(&self) -> u32 {
        self.max_attempts
    }

    /// The quota this strategy spends.
    pub fn retry_quota(&self) -> &Arc<RetryQuota> {
        &self.quota
    }

    /// The rules attempts are classified by.
    pub fn classification_rules(&self) -> &Classifier {
        &self.classifier
    }

    /// The state of one call, for a loop that sends and sleeps by itself:
    ///
    /// ```
    /// # use awsjson_runtime::retry::{RetryStrategy, TransportError, TransportErrorKind};
    /// # fn send(attempt: u32) -> Result<&'static str, TransportError> {
    /// #     if attempt < 2 { Err(TransportError::new(TransportErrorKind::Reset, "")) } else { Ok("done") }
    /// # }
    /// let strategy = RetryStrategy::standard().seeded(7);
    /// let mut call = strategy.start();
    /// let answer = loop {
    ///     match send(call.attempt()) {
    ///         Ok(answer) => break call.succeeded(answer),
    ///         Err(error) => match call.retry_delay(&error) {
    ///             Ok(delay) => std::thread::sleep(delay), // or `tokio::time::sleep(delay).await`
    ///             Err(gave_up) => panic!("{gave_up}"),
    ///         },
    ///     }
    /// };
    /// assert_eq!(answer, "done");
    /// ```
    pub fn start(&self) -> Call<'_> {
        Call { strategy: self, attempt: 1, last_retry: None }
    }

    /// Runs a call: `attempt(n)` sends attempt `n` (from 1), `sleep` waits between attempts.
    /// Gives the first success, or the last failure with why no more attempts were made.
    pub fn run<T, E: Retryable>(
        &self,
        mut attempt: impl FnMut(u32) -> Result<T, E>,
        mut sleep: impl FnMut(Duration),
    ) -> Result<T, Failed<E>> {
        let mut call = self.start();
        loop {
            match attempt(call.attempt()) {
                Ok(value) => return Ok(call.succeeded(value)),
                Err(error) => match call.retry_delay(&error) {
                    Ok(delay) => sleep(delay),
                    Err(gave_up) => return Err(Failed { error, attempts: call.attempt, gave_up }),
                },
            }
        }
    }

    fn delay(&self, attempt: u32, classification: &Classification) -> Duration {
        let kind = classification.kind().unwrap_or(super::RetryKind::Transient);
        let mut jitter = self.jitter.lock().unwrap_or_else(PoisonError::into_inner);
        self.backoff.delay(attempt, kind, classification.retry_after(), &mut jitter)
    }
}

impl Default for RetryStrategy {
    fn default() -> Self {
        Self::standard()
    }
}

/// One call under a [`RetryStrategy`]: which attempt it is on, and what its last retry took
/// from the quota.
#[derive(Debug)]
#[must_use = "a call ends with `succeeded` (which gives quota back) or an error"]
pub struct Call<'s> {
    strategy: &'s RetryStrategy,
    attempt: u32,
    last_retry: Option<QuotaToken>,
}

impl Call<'_> {
    /// The attempt to send now: 1 for the first.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// The `amz-sdk-request` header the AWS SDKs send with each attempt: `attempt=1; max=3`.
    pub fn sdk_request_header(&self) -> String {
        format!("attempt={}; max={}", self.attempt, self.strategy.max_attempts)
    }

    /// The attempt failed with `error`: how long to wait before the next, or why there is no
    /// next (the error is not retryable, the attempts are used up, the quota is spent). A
    /// retry takes its cost from the quota here.
    pub fn retry_delay(&mut self, error: &(impl Retryable + ?Sized)) -> Result<Duration, GaveUp> {
        let classification = self.strategy.classifier.classify(error);
        self.retry_delay_for(classification)
    }

    /// [`Call::retry_delay`] for a failure the caller classified itself.
    pub fn retry_delay_for(&mut self, classification: Classification) -> Result<Duration, GaveUp> {
        let Some(kind) = classification.kind() else {
            return Err(GaveUp::NotRetryable(classification));
        };
        if self.attempt >= self.strategy.max_attempts {
            return Err(GaveUp::MaxAttempts { attempts: self.attempt, classification });
        }
        let Some(token) = self.strategy.quota.acquire(kind) else {
            let available = self.strategy.quota.available();
            return Err(GaveUp::QuotaExhausted { available, classification });
        };
        let delay = self.strategy.delay(self.attempt, &classification);
        self.last_retry = Some(token);
        self.attempt += 1;
        Ok(delay)
    }

    /// The attempt succeeded: gives the quota back what the standard mode gives (1 for a call
    /// that needed no retry, else what its last retry took), and passes `value` on.
    pub fn succeeded<T>(self, value: T) -> T {
        self.strategy.quota.succeeded(self.last_retry);
        value
    }
}

/// Why a call made no more attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GaveUp {
    /// The failure is not one to retry.
    NotRetryable(Classification),
    /// Every attempt allowed was made.
    MaxAttempts { attempts: u32, classification: Classification },
    /// The client's retry quota has too little left for this retry.
    QuotaExhausted { available: u32, classification: Classification },
}

impl GaveUp {
    /// What the last failure was classified as.
    pub fn classification(&self) -> &Classification {
        match self {
            GaveUp::NotRetryable(classification)
            | GaveUp::MaxAttempts { classification, .. }
            | GaveUp::QuotaExhausted { classification, .. } => classification,
        }
    }
}

impl fmt::Display for GaveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GaveUp::NotRetryable(classification) => write!(f, "{classification}"),
            GaveUp::MaxAttempts { attempts, classification } => {
                write!(f, "{attempts} attempts made, the most allowed ({classification})")
            }
            GaveUp::QuotaExhausted { available, classification } => write!(
                f,
                "the retry quota has {available} units left, too few to retry \
                 ({classification})"
            ),
        }
    }
}

/// A call that failed: the last attempt's error, how many attempts were made, and why no more.
///
/// Displays as the error, then `(after 3 attempts: 3 attempts made, the most allowed (…))`.
#[derive(Debug)]
pub struct Failed<E> {
    /// The last attempt's error.
    pub error: E,
    /// The attempts made, the failed last one included.
    pub attempts: u32,
    /// Why no more were made.
    pub gave_up: GaveUp,
}

impl<E: fmt::Display> fmt::Display for Failed<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let attempts = match self.attempts {
            1 => "1 attempt".to_owned(),
            n => format!("{n} attempts"),
        };
        write!(f, "{} (after {attempts}: {})", self.error, self.gave_up)
    }
}

/// `Display` already shows the error, so `source` is the error's source.
impl<E: ::std::error::Error + 'static> ::std::error::Error for Failed<E> {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        self.error.source()
    }
}
