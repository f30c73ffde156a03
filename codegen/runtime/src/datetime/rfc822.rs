//! HTTP-dates (IMF-fixdate, after RFC 822): `Tue, 30 May 2017 19:00:45 GMT`.

use super::civil::{civil_from_days, from_civil};
use super::text::{Cursor, Quoted, write_fraction, write_year};
use super::{DateTime, DateTimeError, SECS_PER_DAY};

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

impl DateTime {
    /// Reads an HTTP-date (IMF-fixdate) such as `Tue, 30 May 2017 19:00:45 GMT`.
    ///
    /// The day name may be left out and need not match the date; month and zone (`GMT` or `UTC`)
    /// are matched ignoring case; a fraction after the seconds is kept; a year outside
    /// 0000–9999 is read in the expanded form [`to_rfc822`](Self::to_rfc822) writes.
    pub fn parse_rfc822(text: &str) -> Result<Self, DateTimeError> {
        parse_http_date(text)
            .map_err(|why| DateTimeError::new(format!("invalid HTTP date {}: {why}", Quoted(text))))
    }

    /// `Tue, 30 May 2017 19:00:45 GMT`, with the fraction (`19:00:45.5 GMT`) when there is one,
    /// so every `DateTime` reads back equal. Years outside 0000–9999 are written as in
    /// [`to_iso8601`](Self::to_iso8601), which no HTTP-date has but this type reads back.
    pub fn to_rfc822(&self) -> String {
        let days = self.seconds.div_euclid(SECS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        // 1970-01-01 was a Thursday.
        let weekday = WEEKDAYS.get(weekday_index(days)).copied().unwrap_or("");
        let month = MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or("");
        let mut text = format!("{weekday}, {day:02} {month} ");
        let _ = write_year(&mut text, year);
        text.push(' ');
        let _ = self.write_time_of_day(&mut text);
        if self.nanos != 0 {
            text.push('.');
            let _ = write_fraction(&mut text, self.nanos);
        }
        text.push_str(" GMT");
        text
    }
}

fn parse_http_date(text: &str) -> Result<DateTime, &'static str> {
    const SYNTAX: &str = "expected `Tue, 30 May 2017 19:00:45 GMT`";
    // The day name is optional and not checked against the date.
    let rest = match text.split_once(',') {
        None => text,
        Some((name, rest)) if is_day_name(name.trim()) => rest,
        Some(_) => return Err(SYNTAX),
    };
    let mut parts = rest.split_ascii_whitespace();
    let (Some(day), Some(month), Some(year), Some(time), Some(zone), None) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SYNTAX);
    };
    let day = match day.as_bytes() {
        [d] | [b'0', d] if d.is_ascii_digit() => u32::from(d - b'0'),
        [t, d] if t.is_ascii_digit() && d.is_ascii_digit() => u32::from((t - b'0') * 10 + d - b'0'),
        _ => return Err(SYNTAX),
    };
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month)).ok_or(SYNTAX)?;
    let mut c = Cursor::new(year.as_bytes());
    let year = c.year().filter(|_| c.is_empty()).ok_or(SYNTAX)?;
    let mut c = Cursor::new(time.as_bytes());
    let time = c.time().filter(|_| c.is_empty()).ok_or(SYNTAX)?;
    if !zone.eq_ignore_ascii_case("GMT") && !zone.eq_ignore_ascii_case("UTC") {
        return Err(SYNTAX);
    }
    // `month` is an index below 12.
    from_civil(year, month as u32 + 1, day, &time, 0)
}

fn is_day_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic())
}

fn weekday_index(days: i64) -> usize {
    // Always in 0..7.
    ((days.rem_euclid(7) + 4) % 7) as usize
}

#[cfg(test)]
mod tests {
    use super::super::at;
    use super::DateTime;

    #[test]
    fn http_dates() {
        let cases = [
            ("Tue, 30 May 2017 19:00:45 GMT", 1_496_170_845, 0),
            ("30 May 2017 19:00:45 GMT", 1_496_170_845, 0),
            ("Mon, 30 May 2017 19:00:45 GMT", 1_496_170_845, 0),
            ("tue, 30 may 2017 19:00:45 utc", 1_496_170_845, 0),
            ("Tue, 30 May 2017 19:00:45.734 GMT", 1_496_170_845, 734_000_000),
            ("Thu, 1 Jan 1970 00:00:00 GMT", 0, 0),
            ("Mon, 29 Feb 2016 00:00:00 GMT", 1_456_704_000, 0),
        ];
        for (text, seconds, nanos) in cases {
            assert_eq!(DateTime::parse_rfc822(text), Ok(at(seconds, nanos)), "{text:?}");
        }
        let invalid = [
            "Tue, 31 Jun 2017 19:00:45 GMT",
            "Tue 30 May 2017 19:00:45 GMT",
            "Tue, 30 May 2017 19:00:45",
            "Tue, 30 Foo 2017 19:00:45 GMT",
            "Tue, 30 May 17 19:00:45 GMT",
            "Tue, 30 May 2017 19:00 GMT",
            "Tue, 30 May 2017 19:00:45 PST",
            "Tue, 300 May 2017 19:00:45 GMT",
            "2017-05-30T19:00:45Z",
            "1, 30 May 2017 19:00:45 GMT",
        ];
        for text in invalid {
            assert!(DateTime::parse_rfc822(text).is_err(), "{text:?}");
        }
        let writes = [
            (1_496_170_845, 734_000_000, "Tue, 30 May 2017 19:00:45.734 GMT"),
            (1_496_170_845, 0, "Tue, 30 May 2017 19:00:45 GMT"),
            (0, 0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (1_456_704_000, 0, "Mon, 29 Feb 2016 00:00:00 GMT"),
            (-1, 0, "Wed, 31 Dec 1969 23:59:59 GMT"),
            (253_402_300_799, 0, "Fri, 31 Dec 9999 23:59:59 GMT"),
        ];
        for (seconds, nanos, text) in writes {
            assert_eq!(at(seconds, nanos).to_rfc822(), text);
        }
        assert_eq!(
            DateTime::from_secs(253_402_300_800).to_rfc822(),
            "Sat, 01 Jan +10000 00:00:00 GMT"
        );
    }
}
