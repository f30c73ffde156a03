//! Calendar math: proleptic Gregorian dates to and from days since 1970-01-01.

use super::{DateTime, SECS_PER_DAY};
use ::std::fmt;

impl DateTime {
    /// `hh:mm:ss` of the UTC day.
    pub(super) fn write_time_of_day(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let secs = self.seconds.rem_euclid(SECS_PER_DAY);
        write!(out, "{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
    }
}

/// A time of day as read, checked only by [`from_civil`].
pub(super) struct Time {
    pub(super) hour: u32,
    pub(super) minute: u32,
    pub(super) second: u32,
    pub(super) nanos: u32,
}

/// Validates a civil UTC date-time and converts it; years beyond what `i64` seconds hold are
/// out of range.
pub(super) fn from_civil(
    year: i64,
    month: u32,
    day: u32,
    time: &Time,
    offset_minutes: i64,
) -> Result<DateTime, &'static str> {
    if !(1..=12).contains(&month) {
        return Err("month out of range");
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err("day out of range");
    }
    if time.hour > 23 || time.minute > 59 || time.second > 60 {
        return Err("time of day out of range");
    }
    // A leap second reads as the second before it: Unix time has no slot for it.
    let second = time.second.min(59);
    let of_day = i64::from(time.hour * 3600 + time.minute * 60 + second);
    // Years of 12 digits at most (`Cursor::year`) keep the day count far from overflow; the
    // seconds, summed in i128 (the first day of `i64` starts before it), may still leave `i64`.
    let seconds = i128::from(days_from_civil(year, month, day)) * i128::from(SECS_PER_DAY)
        + i128::from(of_day)
        - i128::from(offset_minutes) * 60;
    let seconds = i64::try_from(seconds).map_err(|_| "date-time out of range")?;
    Ok(DateTime { seconds, nanos: time.nanos })
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let (era, year_of_era) = (y.div_euclid(400), y.rem_euclid(400));
    let day_of_year = (153 * i64::from((month + 9) % 12) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// (year, month, day) of a day count since 1970-01-01 (Hinnant's `civil_from_days`). Any day
/// count from `i64` seconds (|days| < 1.1e14) stays far from overflow.
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let (era, day_of_era) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153; // March = 0
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = era * 400 + year_of_era + i64::from(month <= 2);
    // month is 1..=12 and day 1..=31.
    (year, month as u32, day as u32)
}
