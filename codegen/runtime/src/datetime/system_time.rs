//! Conversions between `DateTime` and `std::time::SystemTime`.

use super::{DateTime, DateTimeError, NANOS_PER_SEC};

impl From<::std::time::SystemTime> for DateTime {
    /// Saturates at the `i64` seconds range rather than fail.
    fn from(time: ::std::time::SystemTime) -> Self {
        const MAX: DateTime = DateTime { seconds: i64::MAX, nanos: NANOS_PER_SEC - 1 };
        const MIN: DateTime = DateTime { seconds: i64::MIN, nanos: 0 };
        match time.duration_since(::std::time::UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs())
                .map_or(MAX, |seconds| Self { seconds, nanos: after.subsec_nanos() }),
            Err(before) => {
                let before = before.duration();
                let (secs, nanos) = (before.as_secs(), before.subsec_nanos());
                let seconds = i64::try_from(secs).ok().and_then(i64::checked_neg);
                match (seconds, nanos) {
                    (Some(seconds), 0) => Self { seconds, nanos },
                    (Some(seconds), _) => seconds
                        .checked_sub(1)
                        .map_or(MIN, |seconds| Self { seconds, nanos: NANOS_PER_SEC - nanos }),
                    (None, _) => MIN,
                }
            }
        }
    }
}

impl TryFrom<DateTime> for ::std::time::SystemTime {
    type Error = DateTimeError;

    /// Fails if the platform's `SystemTime` cannot hold the value.
    fn try_from(time: DateTime) -> Result<Self, DateTimeError> {
        use ::std::time::{Duration, UNIX_EPOCH};
        let magnitude = Duration::from_secs(time.seconds.unsigned_abs());
        let result = if time.seconds >= 0 {
            magnitude
                .checked_add(Duration::from_nanos(u64::from(time.nanos)))
                .and_then(|after| UNIX_EPOCH.checked_add(after))
        } else {
            magnitude
                .checked_sub(Duration::from_nanos(u64::from(time.nanos)))
                .and_then(|before| UNIX_EPOCH.checked_sub(before))
        };
        result.ok_or_else(|| DateTimeError::new(format!("{time} does not fit in a SystemTime")))
    }
}

#[cfg(test)]
mod tests {
    use super::super::at;
    use super::DateTime;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    #[test]
    fn system_time_round_trip() {
        let cases = [
            (
                at(1_496_170_845, 734_000_000),
                UNIX_EPOCH + Duration::new(1_496_170_845, 734_000_000),
            ),
            (at(-2, 500_000_000), UNIX_EPOCH - Duration::from_millis(1500)),
            (at(-1, 0), UNIX_EPOCH - Duration::from_secs(1)),
            (DateTime::UNIX_EPOCH, UNIX_EPOCH),
        ];
        for (time, system) in cases {
            assert_eq!(DateTime::from(system), time);
            assert_eq!(SystemTime::try_from(time).unwrap(), system);
        }
        let now = SystemTime::now();
        assert_eq!(SystemTime::try_from(DateTime::from(now)).unwrap(), now);
        for extreme in [at(i64::MAX, 999_999_999), at(i64::MIN, 0)] {
            // Whether the platform can hold these varies; either way there is no panic.
            if let Ok(system) = SystemTime::try_from(extreme) {
                assert_eq!(DateTime::from(system), extreme);
            }
        }
    }
}
