//! Timestamps: seconds since the Unix epoch plus nanoseconds, read and written exactly.
//!
//! The type and its error live here; each text form has its own module (epoch decimals, ISO
//! 8601, HTTP dates), next to the calendar math, the `SystemTime` conversions and serde.

mod civil;
mod epoch;
mod iso8601;
mod rfc822;
mod serde_impls;
#[cfg(feature = "cbor")]
pub(crate) use self::serde_impls::EPOCH_SECONDS;
mod system_time;
mod text;

use ::std::fmt;

const NANOS_PER_SEC: u32 = 1_000_000_000;
const SECS_PER_DAY: i64 = 86_400;

/// A point in time: seconds since 1970-01-01T00:00:00Z plus a nanosecond fraction.
///
/// The value is `seconds + nanos / 10^9` with `nanos` always below `10^9`, so half a second
/// before the epoch is seconds `-1`, nanos `500_000_000`; the derived order is chronological.
/// Its serde form is the wire's default `unixTimestamp` format: epoch seconds as a JSON number,
/// written exactly (never through a lossy `f64`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    seconds: i64,
    nanos: u32,
}

/// Why a timestamp could not be read or converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeError {
    message: String,
}

impl DateTimeError {
    fn new(message: String) -> Self {
        Self { message }
    }
}

impl fmt::Display for DateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl ::std::error::Error for DateTimeError {}

impl DateTime {
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: DateTime = DateTime { seconds: 0, nanos: 0 };

    /// Whole seconds since the epoch (negative before it).
    pub const fn from_secs(seconds: i64) -> Self {
        Self { seconds, nanos: 0 }
    }

    /// `seconds + nanos / 10^9`; fails if `nanos` is not below `10^9`.
    pub fn from_secs_and_nanos(seconds: i64, nanos: u32) -> Result<Self, DateTimeError> {
        if nanos >= NANOS_PER_SEC {
            return Err(DateTimeError::new(format!("nanoseconds out of range: {nanos}")));
        }
        Ok(Self { seconds, nanos })
    }

    /// The whole seconds, rounded toward negative infinity (`-0.5` gives `-1`).
    pub const fn secs(&self) -> i64 {
        self.seconds
    }

    /// The nanoseconds after [`secs`](Self::secs), always below `10^9`.
    pub const fn subsec_nanos(&self) -> u32 {
        self.nanos
    }
}

/// A `DateTime` in tests, where `nanos` is known to be in range.
#[cfg(test)]
fn at(seconds: i64, nanos: u32) -> DateTime {
    DateTime::from_secs_and_nanos(seconds, nanos).unwrap()
}

#[cfg(test)]
mod tests {
    use super::{DateTime, at};

    #[test]
    fn nanos_must_be_below_one_second() {
        let error = DateTime::from_secs_and_nanos(0, 1_000_000_000).unwrap_err();
        assert_eq!(error.to_string(), "nanoseconds out of range: 1000000000");
        let time = at(-1, 999_999_999);
        assert_eq!((time.secs(), time.subsec_nanos()), (-1, 999_999_999));
        assert!(at(-1, 999_999_999) < DateTime::UNIX_EPOCH);
        assert!(at(-2, 999_999_999) < at(-1, 0));
    }
}

/// Every `DateTime` (any `i64` seconds, any nanoseconds) reads back equal from each form it
/// writes: epoch seconds, ISO 8601 and HTTP date.
#[cfg(test)]
mod round_trips {
    use super::DateTime;

    /// A small deterministic generator (xorshift), so failures reproduce.
    fn values() -> impl Iterator<Item = DateTime> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let edges = [
            i64::MIN,
            i64::MIN + 1,
            -62_135_596_801,
            -1,
            0,
            1,
            253_402_300_799,
            253_402_300_800,
            i64::MAX,
        ];
        let edges =
            edges.into_iter().flat_map(|seconds| [0, 1, 999_999_999].map(|nanos| (seconds, nanos)));
        let random = (0..20_000).map(move |i| {
            let bits = next();
            // Half across all of `i64`, half around today, with any nanoseconds.
            let seconds = if i % 2 == 0 {
                bits as i64
            } else {
                (bits % 8_000_000_000) as i64 - 4_000_000_000
            };
            let nanos = (next() % 1_000_000_000) as u32;
            (seconds, nanos)
        });
        edges
            .chain(random)
            .filter_map(|(seconds, nanos)| DateTime::from_secs_and_nanos(seconds, nanos).ok())
    }

    #[test]
    fn every_form_reads_back_equal() {
        for time in values() {
            let epoch = serde_json::to_string(&time).unwrap_or_default();
            let read: Result<DateTime, _> = serde_json::from_str(&epoch);
            assert_eq!(read.ok(), Some(time), "epoch {epoch}");
            let iso = time.to_iso8601();
            assert_eq!(DateTime::parse_iso8601(&iso).ok(), Some(time), "ISO 8601 {iso}");
            let http = time.to_rfc822();
            assert_eq!(DateTime::parse_rfc822(&http).ok(), Some(time), "HTTP date {http}");
        }
    }
}
