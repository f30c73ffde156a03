//! How long to wait between polls: Smithy's waiter retries
//! (<https://smithy.io/2.0/additional-specs/waiters.html#waiter-retries>).

use super::Waiter;
use crate::retry::Jitter;
use ::std::time::Duration;

/// The delays of a wait: at least `min_delay` between polls, doubling up to `max_delay` with
/// jitter, and no poll after `max_wait` has passed.
///
/// Before poll `n + 1`, the delay is drawn uniformly between `min_delay` and
/// `min(min_delay * 2^(n-1), max_delay)` (from the attempt where doubling passes `max_delay`,
/// `max_delay` itself); when less than `min_delay` would be left of `max_wait` after it, the
/// delay is what is left, so the last poll comes at the deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitConfig {
    /// The least delay: the model's `delay`.
    pub min_delay: Duration,
    /// The most: Smithy's default of 120 s, or `min_delay` if that is more.
    pub max_delay: Duration,
    /// The longest the whole wait may take: by default `delay * maxAttempts`, as long as
    /// botocore waits.
    pub max_wait: Duration,
    seed: Option<u64>,
}

/// Smithy's default `maxDelay`.
const DEFAULT_MAX_DELAY: Duration = Duration::from_secs(120);

impl WaitConfig {
    /// The model's delays for `W`.
    pub fn of<W: Waiter>() -> Self {
        let min_delay = W::DELAY;
        WaitConfig {
            min_delay,
            max_delay: DEFAULT_MAX_DELAY.max(min_delay),
            max_wait: min_delay.saturating_mul(W::MAX_ATTEMPTS),
            seed: None,
        }
    }

    /// Waits `max_wait` at most.
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.max_wait = max_wait;
        self
    }

    /// At least `min_delay` between polls (and `max_delay` no less).
    pub fn min_delay(mut self, min_delay: Duration) -> Self {
        self.min_delay = min_delay;
        self.max_delay = self.max_delay.max(min_delay);
        self
    }

    /// At most `max_delay` between polls (and `min_delay` no more).
    pub fn max_delay(mut self, max_delay: Duration) -> Self {
        self.max_delay = max_delay;
        self.min_delay = self.min_delay.min(max_delay);
        self
    }

    /// Delays drawn from `seed`: the same for the same seed, for tests.
    pub fn seeded(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    pub(super) fn jitter(&self) -> Jitter {
        self.seed.map_or_else(Jitter::random, Jitter::seeded)
    }

    /// The delay after poll `attempt` (1 for the first), `elapsed` into the wait; `None` when
    /// the wait is out of time.
    pub(super) fn delay(
        &self,
        attempt: u32,
        elapsed: Duration,
        jitter: &mut Jitter,
    ) -> Option<Duration> {
        let remaining = self.max_wait.checked_sub(elapsed).filter(|left| !left.is_zero())?;
        let (min, max) = (self.min_delay.as_secs_f64(), self.max_delay.as_secs_f64());
        // The attempt from which doubling would pass `max_delay`.
        let ceiling = if min > 0.0 { (max / min).log2().floor() + 1.0 } else { 0.0 };
        let top = if f64::from(attempt) > ceiling {
            max
        } else {
            (min * 2f64.powi(attempt.saturating_sub(1).min(62) as i32)).min(max)
        };
        let delay = Duration::from_secs_f64(min + jitter.next_unit() * (top - min));
        if remaining.saturating_sub(delay) <= self.min_delay {
            return Some(remaining);
        }
        Some(delay)
    }
}

#[cfg(test)]
mod tests {
    use super::WaitConfig;
    use crate::retry::Jitter;
    use ::std::time::Duration;

    fn config(min: u64, max: u64, wait: u64) -> WaitConfig {
        WaitConfig {
            min_delay: Duration::from_secs(min),
            max_delay: Duration::from_secs(max),
            max_wait: Duration::from_secs(wait),
            seed: Some(4),
        }
    }

    #[test]
    fn delays_double_from_the_least_up_to_the_most_with_jitter() {
        // 2 s to 120 s: doubling passes 120 s after attempt 6 (2 * 2^6 = 128).
        let config = config(2, 120, 100_000);
        let (mut jitter, mut same) = (Jitter::seeded(4), Jitter::seeded(4));
        for attempt in 1..=9u32 {
            let top = if attempt > 6 { 120.0 } else { 2.0 * 2f64.powi(attempt as i32 - 1) };
            let expected = Duration::from_secs_f64(2.0 + same.next_unit() * (top - 2.0));
            let delay = config.delay(attempt, Duration::ZERO, &mut jitter);
            assert_eq!(delay, Some(expected), "attempt {attempt}");
            assert!(expected >= Duration::from_secs(2) && expected <= Duration::from_secs(120));
        }
    }

    #[test]
    fn the_last_poll_comes_at_the_deadline_and_none_after_it() {
        let config = config(30, 120, 600);
        let mut jitter = Jitter::seeded(1);
        // 590 s in, less than the least delay is left: wait what is left.
        assert_eq!(
            config.delay(5, Duration::from_secs(590), &mut jitter),
            Some(Duration::from_secs(10))
        );
        // 560 s in, a delay of 30 s or more would leave 10 s or less: wait the 40 s.
        assert_eq!(
            config.delay(1, Duration::from_secs(560), &mut jitter),
            Some(Duration::from_secs(40))
        );
        assert_eq!(config.delay(9, Duration::from_secs(600), &mut jitter), None);
        assert_eq!(config.delay(9, Duration::from_secs(700), &mut jitter), None);
    }

    #[test]
    fn a_fixed_delay_stays_fixed() {
        let config = config(5, 5, 1000);
        let mut jitter = Jitter::seeded(2);
        for attempt in 1..20 {
            assert_eq!(
                config.delay(attempt, Duration::ZERO, &mut jitter),
                Some(Duration::from_secs(5))
            );
        }
    }
}
