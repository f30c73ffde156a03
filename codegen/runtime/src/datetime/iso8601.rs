//! ISO 8601 / RFC 3339 date-times (`2017-05-30T19:00:45.734Z`), also the `Display` form.

use super::civil::{civil_from_days, from_civil};
use super::text::{Cursor, Quoted, write_fraction, write_year};
use super::{DateTime, DateTimeError, SECS_PER_DAY};
use ::std::fmt;
use ::std::fmt::Write as _;

impl DateTime {
    /// Reads an RFC 3339 / ISO 8601 date-time such as `2017-05-30T19:00:45.734Z`.
    ///
    /// Accepts `t`/`z` in either case, a space for `T`, offsets `+02:00`, `-0530`, `+02` (none
    /// means UTC), and 1 or more fraction digits (past 9 truncated). The year has four digits,
    /// or a sign and more (`+10000`, `-0001`: the expanded form [`to_iso8601`](Self::to_iso8601)
    /// writes outside 0000–9999). Second 60 (a leap second) reads as 59, since Unix time has no
    /// slot for it.
    pub fn parse_iso8601(text: &str) -> Result<Self, DateTimeError> {
        parse_iso8601(text.as_bytes()).map_err(|why| {
            DateTimeError::new(format!("invalid ISO 8601 date-time {}: {why}", Quoted(text)))
        })
    }

    /// `2017-05-30T19:00:45Z`, with the fraction (trailing zeros trimmed) when there is one.
    ///
    /// Years outside 0000–9999 are written in ISO 8601's expanded form with a sign
    /// (`+10000-01-01T00:00:00Z`, `-0001-…`), which [`parse_iso8601`](Self::parse_iso8601) reads
    /// back: every `DateTime` comes back equal.
    pub fn to_iso8601(&self) -> String {
        self.to_string()
    }
}

/// ISO 8601 in UTC; see [`DateTime::to_iso8601`].
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = civil_from_days(self.seconds.div_euclid(SECS_PER_DAY));
        write_year(f, year)?;
        write!(f, "-{month:02}-{day:02}T")?;
        self.write_time_of_day(f)?;
        if self.nanos != 0 {
            f.write_char('.')?;
            write_fraction(f, self.nanos)?;
        }
        f.write_char('Z')
    }
}

fn parse_iso8601(text: &[u8]) -> Result<DateTime, &'static str> {
    const SYNTAX: &str = "expected YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]";
    let mut c = Cursor::new(text);
    let year = c.year().ok_or(SYNTAX)?;
    let month = c.after(b'-', 2).ok_or(SYNTAX)?;
    let day = c.after(b'-', 2).ok_or(SYNTAX)?;
    c.eat_any(b"Tt ").ok_or(SYNTAX)?;
    let time = c.time().ok_or(SYNTAX)?;
    let offset_minutes = match c.eat_any(b"Zz+-") {
        None | Some(b'Z' | b'z') => 0,
        Some(sign) => {
            let hours = c.number(2).ok_or(SYNTAX)?;
            let minutes =
                if c.eat(b':') { c.number(2).ok_or(SYNTAX)? } else { c.number(2).unwrap_or(0) };
            if hours > 23 || minutes > 59 {
                return Err("offset out of range");
            }
            let offset = i64::from(hours * 60 + minutes);
            if sign == b'-' { -offset } else { offset }
        }
    };
    if !c.is_empty() {
        return Err(SYNTAX);
    }
    from_civil(year, month, day, &time, offset_minutes)
}

#[cfg(test)]
mod tests {
    use super::super::at;
    use super::DateTime;

    #[test]
    fn reads_iso8601() {
        let cases = [
            ("1970-01-01T00:00:00Z", 0, 0),
            ("2017-05-30T19:00:45Z", 1_496_170_845, 0),
            ("2017-05-30T19:00:45.734Z", 1_496_170_845, 734_000_000),
            ("2017-05-30t19:00:45.734z", 1_496_170_845, 734_000_000),
            ("2017-05-30 19:00:45,734Z", 1_496_170_845, 734_000_000),
            ("2017-05-30T21:00:45+02:00", 1_496_170_845, 0),
            ("2017-05-30T13:30:45-0530", 1_496_170_845, 0),
            ("2017-05-30T21:00:45+02", 1_496_170_845, 0),
            ("2017-05-30T19:00:45", 1_496_170_845, 0),
            ("2017-05-30T19:00:45.1234567899Z", 1_496_170_845, 123_456_789),
            ("2016-02-29T00:00:00Z", 1_456_704_000, 0),
            ("2000-02-29T12:00:00Z", 951_825_600, 0),
            ("2016-12-31T23:59:60Z", 1_483_228_799, 0),
            ("2016-12-31T23:59:60.5Z", 1_483_228_799, 500_000_000),
            ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
            ("0000-01-01T00:00:00Z", -62_167_219_200, 0),
            ("0000-01-01T00:00:00+23:59", -62_167_219_200 - 86_340, 0),
            ("9999-12-31T23:59:59.999999999Z", 253_402_300_799, 999_999_999),
            ("9999-12-31T23:59:59-23:59", 253_402_300_799 + 86_340, 0),
        ];
        for (text, seconds, nanos) in cases {
            assert_eq!(DateTime::parse_iso8601(text), Ok(at(seconds, nanos)), "{text:?}");
        }
    }

    #[test]
    fn rejects_bad_iso8601() {
        let syntax = "expected YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]";
        let cases = [
            ("2017-02-29T00:00:00Z", "day out of range"),
            ("1900-02-29T00:00:00Z", "day out of range"),
            ("2017-04-31T00:00:00Z", "day out of range"),
            ("2017-05-00T00:00:00Z", "day out of range"),
            ("2017-13-01T00:00:00Z", "month out of range"),
            ("2017-00-01T00:00:00Z", "month out of range"),
            ("2017-05-30T24:00:00Z", "time of day out of range"),
            ("2017-05-30T19:60:00Z", "time of day out of range"),
            ("2017-05-30T19:00:61Z", "time of day out of range"),
            ("2017-05-30T19:00:00+24:00", "offset out of range"),
            ("2017-05-30T19:00:00+02:60", "offset out of range"),
            ("2017-05-30", syntax),
            ("2017-05-30T19:00Z", syntax),
            ("17-05-30T19:00:00Z", syntax),
            // A sign asks for an expanded year, which has at least four digits.
            ("+201-05-30T19:00:00Z", syntax),
            ("+1234567890123-01-01T00:00:00Z", syntax),
            ("+292277026597-01-01T00:00:00Z", "date-time out of range"),
            ("2017-05-30T19:00:45.Z", syntax),
            ("2017-05-30T19:00:45Zjunk", syntax),
            ("2017-05-30T19:00:45+2", syntax),
            ("2017-05-30T19:00:45+02:0", syntax),
            ("2017-5-30T19:00:45Z", syntax),
            ("", syntax),
        ];
        for (text, why) in cases {
            let error = DateTime::parse_iso8601(text).unwrap_err();
            assert_eq!(error.to_string(), format!("invalid ISO 8601 date-time {text:?}: {why}"));
        }
        let long = "x".repeat(100);
        let error = DateTime::parse_iso8601(&long).unwrap_err().to_string();
        assert_eq!(error, format!("invalid ISO 8601 date-time {:?}…: {syntax}", "x".repeat(64)));
    }

    #[test]
    fn writes_iso8601() {
        let cases = [
            (0, 0, "1970-01-01T00:00:00Z"),
            (1_496_170_845, 734_000_000, "2017-05-30T19:00:45.734Z"),
            (1_496_170_845, 1, "2017-05-30T19:00:45.000000001Z"),
            (1_456_704_000, 0, "2016-02-29T00:00:00Z"),
            (-1, 500_000_000, "1969-12-31T23:59:59.5Z"),
            (-62_167_219_200, 0, "0000-01-01T00:00:00Z"),
            (253_402_300_799, 999_999_999, "9999-12-31T23:59:59.999999999Z"),
        ];
        for (seconds, nanos, text) in cases {
            let time = at(seconds, nanos);
            assert_eq!(time.to_iso8601(), text);
            assert_eq!(time.to_string(), text);
            assert_eq!(DateTime::parse_iso8601(text), Ok(time));
        }
        let expanded = [
            (253_402_300_800, "+10000-01-01T00:00:00Z"),
            (-62_167_219_201, "-0001-12-31T23:59:59Z"),
            (i64::MAX, "+292277026596-12-04T15:30:07Z"),
            (i64::MIN, "-292277022657-01-27T08:29:52Z"),
        ];
        for (seconds, text) in expanded {
            assert_eq!(DateTime::from_secs(seconds).to_iso8601(), text);
        }
    }
}
