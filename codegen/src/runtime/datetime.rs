//! Timestamps: seconds since the Unix epoch plus nanoseconds, read and written exactly.

use ::std::fmt;
use ::std::fmt::Write as _;

const NANOS_PER_SEC: u32 = 1_000_000_000;
const SECS_PER_DAY: i64 = 86_400;
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

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

    /// Reads epoch seconds written as a decimal number (`-0.5`, `1496170845.734`, `1.5E9`).
    ///
    /// The grammar is a JSON number's. Parsing is exact; digits past nanoseconds are truncated
    /// (toward zero). Fails on anything else, including `NaN`, `Infinity`, and seconds outside `i64`.
    pub fn from_epoch_decimal(text: &str) -> Result<Self, DateTimeError> {
        let decimal = Decimal::parse(text)
            .ok_or_else(|| DateTimeError::new(format!("invalid epoch seconds {}", Quoted(text))))?;
        decimal.to_datetime().ok_or_else(|| {
            DateTimeError::new(format!("epoch seconds out of range: {}", Quoted(text)))
        })
    }

    /// Epoch seconds as the shortest exact decimal: `946845296`, `-0.5`, `1.000000001`; never an
    /// exponent.
    pub fn to_epoch_decimal(&self) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_epoch_decimal(&mut text);
        text
    }

    /// Epoch seconds from an `f64`, taken at its shortest round-trip decimal text, so
    /// `1496170845.734` gives exactly 734 milliseconds. Fails on NaN, infinities, and overflow.
    pub fn from_f64(value: f64) -> Result<Self, DateTimeError> {
        let mut text = StackText::new();
        // `{:e}` is the shortest text that reads back as the same f64, at most 24 bytes.
        if !value.is_finite() || write!(text, "{value:e}").is_err() {
            return Err(DateTimeError::new(format!("invalid epoch seconds {value}")));
        }
        Self::from_epoch_decimal(text.as_str())
    }

    /// Reads an RFC 3339 / ISO 8601 date-time such as `2017-05-30T19:00:45.734Z`.
    ///
    /// Accepts `t`/`z` in either case, a space for `T`, offsets `+02:00`, `-0530`, `+02` (none
    /// means UTC), and 1 or more fraction digits (past 9 truncated). The year has four digits.
    /// Second 60 (a leap second) reads as 59, since Unix time has no slot for it.
    pub fn parse_iso8601(text: &str) -> Result<Self, DateTimeError> {
        parse_iso8601(text.as_bytes()).map_err(|why| {
            DateTimeError::new(format!("invalid ISO 8601 date-time {}: {why}", Quoted(text)))
        })
    }

    /// `2017-05-30T19:00:45Z`, with the fraction (trailing zeros trimmed) when there is one.
    ///
    /// Years outside 0000–9999 are written in ISO 8601's expanded form with a sign
    /// (`+10000-01-01T00:00:00Z`, `-0001-…`), which [`parse_iso8601`](Self::parse_iso8601) does
    /// not read back.
    pub fn to_iso8601(&self) -> String {
        self.to_string()
    }

    /// Reads an HTTP-date (IMF-fixdate) such as `Tue, 30 May 2017 19:00:45 GMT`.
    ///
    /// The day name may be left out and need not match the date; month and zone (`GMT` or `UTC`)
    /// are matched ignoring case; a fraction after the seconds is kept.
    pub fn parse_rfc822(text: &str) -> Result<Self, DateTimeError> {
        parse_http_date(text)
            .map_err(|why| DateTimeError::new(format!("invalid HTTP date {}: {why}", Quoted(text))))
    }

    /// `Tue, 30 May 2017 19:00:45 GMT`; the fraction is dropped. Years outside 0000–9999 are
    /// written as in [`to_iso8601`](Self::to_iso8601), which is no valid HTTP-date.
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
        text.push_str(" GMT");
        text
    }

    fn write_epoch_decimal(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        if self.nanos == 0 {
            write!(out, "{}", self.seconds)
        } else if self.seconds >= 0 {
            write!(out, "{}.", self.seconds)?;
            write_fraction(out, self.nanos)
        } else {
            // seconds + nanos/1e9 = -((-seconds - 1) + (1e9 - nanos)/1e9)
            write!(out, "-{}.", self.seconds.saturating_add(1).unsigned_abs())?;
            write_fraction(out, NANOS_PER_SEC.saturating_sub(self.nanos))
        }
    }

    fn write_time_of_day(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let secs = self.seconds.rem_euclid(SECS_PER_DAY);
        write!(out, "{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
    }

    /// The f64 that reads back as exactly `self`, if any, and only where serde_json prints it
    /// in plain decimal form (magnitudes 1 to 1e15), never with an exponent.
    fn exact_f64(&self) -> Option<f64> {
        let mut text = StackText::new();
        self.write_epoch_decimal(&mut text).ok()?;
        let value: f64 = text.as_str().parse().ok()?;
        let plain = (1.0..1e15).contains(&value.abs());
        (plain && Self::from_f64(value).ok() == Some(*self)).then_some(value)
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

impl ::serde::Serialize for DateTime {
    /// Whole seconds as an integer; a fraction as an `f64` when that is exact, else as a raw
    /// decimal (a serde_json `RawValue`: the wire is JSON).
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.nanos == 0 {
            return serializer.serialize_i64(self.seconds);
        }
        if let Some(value) = self.exact_f64() {
            return serializer.serialize_f64(value);
        }
        let raw = ::serde_json::value::RawValue::from_string(self.to_epoch_decimal())
            .map_err(<S::Error as ::serde::ser::Error>::custom)?;
        ::serde::Serialize::serialize(&raw, serializer)
    }
}

impl<'de> ::serde::Deserialize<'de> for DateTime {
    /// Epoch seconds as a number or a string, or an ISO 8601 string.
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateTimeVisitor)
    }
}

struct DateTimeVisitor;

impl ::serde::de::Visitor<'_> for DateTimeVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("epoch seconds or an ISO 8601 date-time")
    }

    fn visit_i64<E: ::serde::de::Error>(self, value: i64) -> Result<DateTime, E> {
        Ok(DateTime::from_secs(value))
    }

    fn visit_u64<E: ::serde::de::Error>(self, value: u64) -> Result<DateTime, E> {
        i64::try_from(value)
            .map(DateTime::from_secs)
            .map_err(|_| E::custom(format_args!("epoch seconds out of range: {value}")))
    }

    fn visit_f64<E: ::serde::de::Error>(self, value: f64) -> Result<DateTime, E> {
        DateTime::from_f64(value).map_err(E::custom)
    }

    fn visit_str<E: ::serde::de::Error>(self, text: &str) -> Result<DateTime, E> {
        DateTime::from_epoch_decimal(text).or_else(|_| DateTime::parse_iso8601(text)).map_err(
            |_| {
                E::custom(format_args!(
                    "invalid timestamp {}: expected epoch seconds or an ISO 8601 date-time",
                    Quoted(text)
                ))
            },
        )
    }
}

/// Text quoted and escaped for an error message, cut after 64 characters: it comes from the
/// network and may be huge.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cut = self.0.char_indices().nth(64).map_or(self.0.len(), |(at, _)| at);
        write!(f, "{:?}", self.0.get(..cut).unwrap_or(""))?;
        if cut < self.0.len() { f.write_str("…") } else { Ok(()) }
    }
}

/// A fixed buffer for number text, so reading and writing numbers does not allocate.
struct StackText {
    bytes: [u8; 48],
    len: usize,
}

impl StackText {
    fn new() -> Self {
        Self { bytes: [0; 48], len: 0 }
    }

    fn as_str(&self) -> &str {
        self.bytes.get(..self.len).and_then(|b| ::std::str::from_utf8(b).ok()).unwrap_or("")
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Nanoseconds (non-zero) as fraction digits with trailing zeros trimmed.
fn write_fraction(out: &mut dyn fmt::Write, nanos: u32) -> fmt::Result {
    let (mut digits, mut width) = (nanos, 9);
    while digits % 10 == 0 && width > 1 {
        digits /= 10;
        width -= 1;
    }
    write!(out, "{digits:0width$}")
}

fn write_year(out: &mut dyn fmt::Write, year: i64) -> fmt::Result {
    if (0..=9999).contains(&year) { write!(out, "{year:04}") } else { write!(out, "{year:+05}") }
}

fn weekday_index(days: i64) -> usize {
    // Always in 0..7.
    ((days.rem_euclid(7) + 4) % 7) as usize
}

/// `[-]int[.frac][(e|E)[±]exp]`, kept as digit slices so evaluation is exact.
struct Decimal<'a> {
    negative: bool,
    int: &'a [u8],
    frac: &'a [u8],
    exp: i64,
}

impl<'a> Decimal<'a> {
    fn parse(text: &'a str) -> Option<Self> {
        let mut c = Cursor::new(text.as_bytes());
        let negative = c.eat(b'-');
        let int = c.digits();
        let frac: &[u8] = if c.eat(b'.') { c.digits() } else { b"0" };
        if int.is_empty() || frac.is_empty() {
            return None;
        }
        let mut exp = 0i64;
        if c.eat_any(b"eE").is_some() {
            let exp_negative = c.eat_any(b"+-") == Some(b'-');
            let digits = c.digits();
            if digits.is_empty() {
                return None;
            }
            for &d in digits {
                exp = exp.saturating_mul(10).saturating_add(i64::from(d - b'0'));
            }
            if exp_negative {
                exp = -exp;
            }
        }
        c.is_empty().then_some(Self { negative, int, frac, exp })
    }

    /// The digit at `index` in `int` followed by `frac`; 0 outside them.
    fn digit(&self, index: i64) -> u8 {
        let Ok(index) = usize::try_from(index) else {
            return 0;
        };
        let digit = match index.checked_sub(self.int.len()) {
            None => self.int.get(index),
            Some(in_frac) => self.frac.get(in_frac),
        };
        digit.map_or(0, |d| d - b'0')
    }

    /// The exact value, nanoseconds truncated; `None` if the seconds do not fit in `i64`.
    fn to_datetime(&self) -> Option<DateTime> {
        let Some(first) = self.int.iter().chain(self.frac).position(|&d| d != b'0') else {
            return Some(DateTime::UNIX_EPOCH);
        };
        let first = i64::try_from(first).ok()?;
        // Digits before `point` are whole seconds.
        let point = i64::try_from(self.int.len()).ok()?.saturating_add(self.exp);
        let mut whole: i128 = 0;
        if point > first {
            if point - first > 20 {
                return None; // 10^20 is past i64 already
            }
            for index in first..point {
                whole = whole * 10 + i128::from(self.digit(index));
            }
        }
        let mut nanos = 0u32;
        for k in 0..9 {
            nanos = nanos * 10 + u32::from(self.digit(point.saturating_add(k)));
        }
        let (seconds, nanos) = match (self.negative, nanos) {
            (false, nanos) => (whole, nanos),
            (true, 0) => (-whole, 0),
            (true, nanos) => (-whole - 1, NANOS_PER_SEC - nanos),
        };
        Some(DateTime { seconds: i64::try_from(seconds).ok()?, nanos })
    }
}

/// A forward-only reader over ASCII text.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.eat_any(&[byte]).is_some()
    }

    fn eat_any(&mut self, set: &[u8]) -> Option<u8> {
        let (&first, rest) = self.rest.split_first()?;
        set.contains(&first).then(|| {
            self.rest = rest;
            first
        })
    }

    fn digits(&mut self) -> &'a [u8] {
        let count = self.rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let (digits, rest) = self.rest.split_at_checked(count).unwrap_or((&[], self.rest));
        self.rest = rest;
        digits
    }

    /// Exactly `width` (at most 4) digits.
    fn number(&mut self, width: usize) -> Option<u32> {
        let (digits, rest) = self.rest.split_at_checked(width)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.rest = rest;
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    }

    /// `sep` then exactly `width` digits.
    fn after(&mut self, sep: u8, width: usize) -> Option<u32> {
        if self.eat(sep) { self.number(width) } else { None }
    }

    /// `hh:mm:ss` with an optional `.` or `,` fraction (digits past 9 truncated).
    fn time(&mut self) -> Option<Time> {
        let hour = self.number(2)?;
        let minute = self.after(b':', 2)?;
        let second = self.after(b':', 2)?;
        let mut nanos = 0;
        if self.eat_any(b".,").is_some() {
            let digits = self.digits();
            if digits.is_empty() {
                return None;
            }
            for k in 0..9 {
                nanos = nanos * 10 + digits.get(k).map_or(0, |d| u32::from(d - b'0'));
            }
        }
        Some(Time { hour, minute, second, nanos })
    }
}

struct Time {
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
}

fn parse_iso8601(text: &[u8]) -> Result<DateTime, &'static str> {
    const SYNTAX: &str = "expected YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]";
    let mut c = Cursor::new(text);
    let year = c.number(4).ok_or(SYNTAX)?;
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
    from_civil(i64::from(year), month, day, &time, offset_minutes)
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
    let year = c.number(4).filter(|_| c.is_empty()).ok_or(SYNTAX)?;
    let mut c = Cursor::new(time.as_bytes());
    let time = c.time().filter(|_| c.is_empty()).ok_or(SYNTAX)?;
    if !zone.eq_ignore_ascii_case("GMT") && !zone.eq_ignore_ascii_case("UTC") {
        return Err(SYNTAX);
    }
    // `month` is an index below 12.
    from_civil(i64::from(year), month as u32 + 1, day, &time, 0)
}

fn is_day_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Validates a civil UTC date-time (year 0000–9999) and converts it.
fn from_civil(
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
    // Bounded by the 4-digit year: no overflow.
    let seconds = days_from_civil(year, month, day) * SECS_PER_DAY + of_day - offset_minutes * 60;
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
fn civil_from_days(days: i64) -> (i64, u32, u32) {
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

#[cfg(test)]
mod tests {
    use super::DateTime;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    fn at(seconds: i64, nanos: u32) -> DateTime {
        DateTime::from_secs_and_nanos(seconds, nanos).unwrap()
    }

    #[test]
    fn reads_epoch_decimals_exactly() {
        let cases = [
            ("0", 0, 0),
            ("-0", 0, 0),
            ("-0.0e-5", 0, 0),
            ("-1", -1, 0),
            ("946845296", 946_845_296, 0),
            ("000123", 123, 0),
            ("1496170845.734", 1_496_170_845, 734_000_000),
            ("-0.5", -1, 500_000_000),
            ("-1.25", -2, 750_000_000),
            ("1.496170845734E9", 1_496_170_845, 734_000_000),
            ("1e3", 1000, 0),
            ("1E+3", 1000, 0),
            ("15e-1", 1, 500_000_000),
            ("12345e-3", 12, 345_000_000),
            ("1496170845.123456789", 1_496_170_845, 123_456_789),
            ("0.0000000019", 0, 1),
            ("-0.0000000019", -1, 999_999_999),
            ("1e-999999999999999999999", 0, 0),
            ("0e999999999999999999999", 0, 0),
            ("9223372036854775807", i64::MAX, 0),
            ("9223372036854775807.999999999", i64::MAX, 999_999_999),
            ("-9223372036854775808", i64::MIN, 0),
            ("-9223372036854775807.5", i64::MIN, 500_000_000),
            ("0.9223372036854775807e19", i64::MAX, 0),
        ];
        for (text, seconds, nanos) in cases {
            assert_eq!(DateTime::from_epoch_decimal(text), Ok(at(seconds, nanos)), "{text:?}");
        }
    }

    #[test]
    fn rejects_bad_epoch_decimals() {
        let invalid = [
            "",
            "-",
            "+1",
            "NaN",
            "Infinity",
            "-Infinity",
            "abc",
            "1.",
            ".5",
            "1e",
            "1e+",
            "1 ",
            " 1",
            "0x10",
            "1.2.3",
            "--1",
            "1_000",
        ];
        for text in invalid {
            let error = DateTime::from_epoch_decimal(text).unwrap_err();
            assert_eq!(error.to_string(), format!("invalid epoch seconds {text:?}"));
        }
        let overflow = [
            "9223372036854775808",
            "-9223372036854775809",
            "-9223372036854775808.5",
            "1e19",
            "1e30",
            "123456789012345678901234567890",
        ];
        for text in overflow {
            let error = DateTime::from_epoch_decimal(text).unwrap_err();
            assert_eq!(error.to_string(), format!("epoch seconds out of range: {text:?}"));
        }
    }

    #[test]
    fn writes_shortest_exact_decimals() {
        let cases = [
            (0, 0, "0"),
            (-1, 0, "-1"),
            (946_845_296, 0, "946845296"),
            (946_845_296, 123_000_000, "946845296.123"),
            (-1, 500_000_000, "-0.5"),
            (-2, 750_000_000, "-1.25"),
            (1_496_170_845, 123_456_789, "1496170845.123456789"),
            (0, 1, "0.000000001"),
            (-1, 999_999_999, "-0.000000001"),
            (i64::MAX, 999_999_999, "9223372036854775807.999999999"),
            (i64::MIN, 0, "-9223372036854775808"),
            (i64::MIN, 1, "-9223372036854775807.999999999"),
        ];
        for (seconds, nanos, text) in cases {
            let time = at(seconds, nanos);
            assert_eq!(time.to_epoch_decimal(), text);
            assert_eq!(DateTime::from_epoch_decimal(text), Ok(time), "{text:?}");
        }
    }

    #[test]
    fn reads_f64_at_its_shortest_text() {
        let cases = [
            (1_496_170_845.734, 1_496_170_845, 734_000_000),
            (-0.5, -1, 500_000_000),
            (0.1, 0, 100_000_000),
            (946_845_296.0, 946_845_296, 0),
            (-0.0, 0, 0),
            (1e-10, 0, 0),
            (f64::MIN_POSITIVE, 0, 0),
            (9.2e18, 9_200_000_000_000_000_000, 0),
        ];
        for (value, seconds, nanos) in cases {
            assert_eq!(DateTime::from_f64(value), Ok(at(seconds, nanos)), "{value}");
        }
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e19, -1e19, f64::MAX] {
            assert!(DateTime::from_f64(value).is_err(), "{value}");
        }
        assert_eq!(
            DateTime::from_f64(f64::NAN).unwrap_err().to_string(),
            "invalid epoch seconds NaN"
        );
    }

    #[test]
    fn nanos_must_be_below_one_second() {
        let error = DateTime::from_secs_and_nanos(0, 1_000_000_000).unwrap_err();
        assert_eq!(error.to_string(), "nanoseconds out of range: 1000000000");
        let time = at(-1, 999_999_999);
        assert_eq!((time.secs(), time.subsec_nanos()), (-1, 999_999_999));
        assert!(at(-1, 999_999_999) < DateTime::UNIX_EPOCH);
        assert!(at(-2, 999_999_999) < at(-1, 0));
    }

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
            ("+2017-05-30T19:00:00Z", syntax),
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
            (1_496_170_845, 734_000_000, "Tue, 30 May 2017 19:00:45 GMT"),
            (0, 0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (1_456_704_000, 0, "Mon, 29 Feb 2016 00:00:00 GMT"),
            (-1, 0, "Wed, 31 Dec 1969 23:59:59 GMT"),
            (253_402_300_799, 0, "Fri, 31 Dec 9999 23:59:59 GMT"),
        ];
        for (seconds, nanos, text) in writes {
            assert_eq!(at(seconds, nanos).to_rfc822(), text);
        }
        assert!(!DateTime::from_secs(i64::MIN).to_rfc822().is_empty());
    }

    #[test]
    fn json_numbers_round_trip() {
        let cases = [
            ("946845296", at(946_845_296, 0)),
            ("-1", at(-1, 0)),
            ("1496170845.734", at(1_496_170_845, 734_000_000)),
            ("1496170845.123456789", at(1_496_170_845, 123_456_789)),
            ("-0.5", at(-1, 500_000_000)),
            ("0.000000001", at(0, 1)),
            ("-1496170845.5", at(-1_496_170_846, 500_000_000)),
            ("9223372036854775807.999999999", at(i64::MAX, 999_999_999)),
        ];
        for (json, time) in cases {
            assert_eq!(serde_json::to_string(&time).unwrap(), json);
        }
        for (json, time) in cases.into_iter().take(3) {
            assert_eq!(serde_json::from_str::<DateTime>(json).unwrap(), time, "{json}");
        }
        // A JSON reader hands over an f64: nanosecond digits past its precision are lost.
        let lossy: DateTime = serde_json::from_str("1496170845.123456789").unwrap();
        assert_eq!(lossy, at(1_496_170_845, 123_456_700));
        assert!(serde_json::to_value(at(0, 1)).is_ok());
    }

    #[test]
    fn json_strings_and_errors() {
        let read = |json: &str| serde_json::from_str::<DateTime>(json);
        let time = at(1_496_170_845, 734_000_000);
        assert_eq!(read(r#""2017-05-30T19:00:45.734Z""#).unwrap(), time);
        assert_eq!(read(r#""1496170845.734""#).unwrap(), time);
        assert_eq!(
            read(r#""abc""#).unwrap_err().to_string(),
            "invalid timestamp \"abc\": expected epoch seconds or an ISO 8601 date-time \
             at line 1 column 5"
        );
        assert_eq!(
            read("18446744073709551615").unwrap_err().to_string(),
            "epoch seconds out of range: 18446744073709551615 at line 1 column 20"
        );
        assert_eq!(
            read("true").unwrap_err().to_string(),
            "invalid type: boolean `true`, expected epoch seconds or an ISO 8601 date-time \
             at line 1 column 4"
        );
        assert!(read("1e300").is_err());
        let optional: Option<DateTime> = serde_json::from_str("null").unwrap();
        assert_eq!(optional, None);
    }

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
