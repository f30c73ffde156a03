//! How long to wait before the next attempt: truncated binary exponential backoff with full
//! jitter, raised to what the service asks for in `x-amz-retry-after`.

use super::RetryKind;
use crate::headers::Headers;
use ::std::time::Duration;

/// botocore's standard-mode backoff (`ExponentialBackoff` in `standard.py`): before retrying
/// attempt `i` (1 for the first attempt),
/// `t = rand(0, 1) * min(base * 2^(i - 1), 20 s)`, where `base` is 1 s after a throttled
/// attempt and 50 ms after any other (25 ms for DynamoDB, [`Backoff::dynamodb`]); a
/// `x-amz-retry-after` of the response raises `t` to its value, but never past `t + 5 s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The first delay's ceiling after a throttled attempt.
    pub throttling_base: Duration,
    /// The first delay's ceiling after any other.
    pub transient_base: Duration,
    /// No ceiling is higher.
    pub max: Duration,
}

/// The most `x-amz-retry-after` adds to the computed delay.
const RETRY_AFTER_MAX_ADDITIONAL: Duration = Duration::from_secs(5);

impl Backoff {
    /// botocore's bases and cap.
    pub const STANDARD: Backoff = Backoff {
        throttling_base: Duration::from_secs(1),
        transient_base: Duration::from_millis(50),
        max: Duration::from_secs(20),
    };

    /// botocore's for DynamoDB and DynamoDB Streams: transient retries start at 25 ms.
    pub fn dynamodb() -> Self {
        Backoff { transient_base: Duration::from_millis(25), ..Self::STANDARD }
    }

    /// The delay before retrying the `attempt`th attempt (1-based), which failed as `kind`;
    /// `retry_after` is what its response asked for ([`retry_after`]).
    pub fn delay(
        &self,
        attempt: u32,
        kind: RetryKind,
        retry_after: Option<Duration>,
        jitter: &mut Jitter,
    ) -> Duration {
        let base = match kind {
            RetryKind::Throttling => self.throttling_base,
            RetryKind::Transient => self.transient_base,
        };
        let doubled = 2f64.powi(attempt.saturating_sub(1).min(62) as i32);
        let ceiling = (base.as_secs_f64() * doubled).min(self.max.as_secs_f64());
        let delay = Duration::from_secs_f64(jitter.next_unit() * ceiling);
        match retry_after {
            Some(asked) => delay.max(asked.min(delay + RETRY_AFTER_MAX_ADDITIONAL)),
            None => delay,
        }
    }
}

impl Default for Backoff {
    fn default() -> Self {
        Self::STANDARD
    }
}

/// What a response asks the client to wait: `x-amz-retry-after` in milliseconds, as botocore
/// reads it, else HTTP's `Retry-After` in whole seconds (its date form is not read). A value
/// that is not a whole number is ignored.
pub fn retry_after<H: Headers + ?Sized>(headers: &H) -> Option<Duration> {
    let number =
        |name: &str| headers.header(name).and_then(|value| value.trim().parse::<u64>().ok());
    (number("x-amz-retry-after").map(Duration::from_millis))
        .or_else(|| number("retry-after").map(Duration::from_secs))
}

/// The random numbers of the jitter: SplitMix64, seeded by the caller (tests) or from the
/// process's hash seed (the standard library's own random source), so no crate is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jitter {
    state: u64,
}

impl Jitter {
    /// The same numbers for the same seed.
    pub fn seeded(seed: u64) -> Self {
        Jitter { state: seed }
    }

    /// Numbers that differ from process to process and from call to call.
    pub fn random() -> Self {
        use ::std::hash::{BuildHasher, Hasher};
        let mut hasher = ::std::collections::hash_map::RandomState::new().build_hasher();
        let now = ::std::time::SystemTime::now().duration_since(::std::time::UNIX_EPOCH);
        hasher.write_u128(now.map(|elapsed| elapsed.as_nanos()).unwrap_or_default());
        Jitter { state: hasher.finish() }
    }

    /// The next number in `[0, 1)`.
    pub fn next_unit(&mut self) -> f64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // The top 53 bits, as many as an f64 holds exactly.
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::{Backoff, Jitter, RetryKind, retry_after};
    use ::std::time::Duration;

    #[test]
    fn delays_follow_the_formula_with_the_seeded_numbers() {
        let backoff = Backoff::STANDARD;
        let (mut jitter, mut same) = (Jitter::seeded(7), Jitter::seeded(7));
        for attempt in 1..=8u32 {
            for (kind, base) in [(RetryKind::Throttling, 1.0), (RetryKind::Transient, 0.05)] {
                let unit = same.next_unit();
                assert!((0.0..1.0).contains(&unit));
                let ceiling = (base * 2f64.powi(attempt as i32 - 1)).min(20.0);
                let expected = Duration::from_secs_f64(unit * ceiling);
                assert_eq!(
                    backoff.delay(attempt, kind, None, &mut jitter),
                    expected,
                    "{attempt} {kind:?}"
                );
            }
        }
        // DynamoDB's transient base.
        let unit = Jitter::seeded(3).next_unit();
        let delay =
            Backoff::dynamodb().delay(3, RetryKind::Transient, None, &mut Jitter::seeded(3));
        assert_eq!(delay, Duration::from_secs_f64(unit * 0.1));
    }

    #[test]
    fn retry_after_raises_the_delay_by_five_seconds_at_most() {
        let backoff = Backoff::STANDARD;
        let unit = Jitter::seeded(1).next_unit();
        let computed = Duration::from_secs_f64(unit * 0.05);
        let delay = |asked: u64| {
            backoff.delay(
                1,
                RetryKind::Transient,
                Some(Duration::from_millis(asked)),
                &mut Jitter::seeded(1),
            )
        };
        assert_eq!(delay(0), computed);
        assert_eq!(delay(1500), Duration::from_millis(1500));
        assert_eq!(delay(60_000), computed + Duration::from_secs(5));
        assert_eq!(
            retry_after(&[("X-Amz-Retry-After", "1500")]),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(retry_after(&[("x-amz-retry-after", "-3")]), None);
        assert_eq!(retry_after(&[("x-amz-retry-after", "soon")]), None);
        // HTTP's Retry-After is in seconds; x-amz-retry-after wins over it.
        assert_eq!(retry_after(&[("Retry-After", "3")]), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after(&[("Retry-After", "3"), ("x-amz-retry-after", "20")]),
            Some(Duration::from_millis(20))
        );
        assert_eq!(retry_after(&[("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")]), None);
    }

    #[test]
    fn random_jitter_differs_between_clients() {
        let (mut a, mut b) = (Jitter::random(), Jitter::random());
        assert_ne!((a.next_unit(), a.next_unit()), (b.next_unit(), b.next_unit()));
    }
}
