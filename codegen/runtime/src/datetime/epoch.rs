//! Epoch seconds as exact decimal text (`1496170845.734`) and from an `f64`.

use super::text::{Cursor, Quoted, StackText, write_fraction};
use super::{DateTime, DateTimeError, NANOS_PER_SEC};
use ::std::fmt;
use ::std::fmt::Write as _;

impl DateTime {
    /// Reads epoch seconds written as a decimal number (`-0.5`, `1496170845.734`, `1.5E9`).
    ///
    /// The grammar is a JSON number's. Parsing is exact; digits past nanoseconds are truncated
    /// (toward zero). Fails on anything else, including `NaN`, `Infinity`, and seconds outside `i64`.
    pub fn from_epoch_decimal(text: &str) -> Result<Self, DateTimeError> {
        if let Some(plain) = plain_epoch(text) {
            return Ok(plain);
        }
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
        if let Some(time) = Self::from_f64_millis(value) {
            return Ok(time);
        }
        let mut text = StackText::new();
        // `{:e}` is the shortest text that reads back as the same f64, at most 24 bytes.
        if !value.is_finite() || write!(text, "{value:e}").is_err() {
            return Err(DateTimeError::new(format!("invalid epoch seconds {value}")));
        }
        Self::from_epoch_decimal(text.as_str())
    }

    /// The common case of [`DateTime::from_f64`] without formatting: a value that is a whole
    /// number of milliseconds (`1496170845.734`). Below 2^53 milliseconds, two millisecond
    /// decimals are never the same double, so one that reads back as `value` is the shortest
    /// decimal's value too.
    #[allow(clippy::cast_possible_truncation)]
    fn from_f64_millis(value: f64) -> Option<Self> {
        const LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53
        let millis = (value * 1000.0).round();
        if !(millis.abs() < LIMIT && millis / 1000.0 == value) {
            return None;
        }
        let millis = millis as i64;
        let nanos = u32::try_from(millis.rem_euclid(1000) * 1_000_000).ok()?;
        Some(DateTime { seconds: millis.div_euclid(1000), nanos })
    }

    pub(super) fn write_epoch_decimal(&self, out: &mut dyn fmt::Write) -> fmt::Result {
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
}

/// `1496170845.734`, the form services send: up to 18 digits of whole seconds and up to nine
/// decimals, read at once instead of digit by digit through [`Decimal`] (which gives the same).
fn plain_epoch(text: &str) -> Option<DateTime> {
    let bytes = text.as_bytes();
    let int_digits = bytes.iter().take(19).take_while(|byte| byte.is_ascii_digit()).count();
    if int_digits == 0 || int_digits > 18 {
        return None;
    }
    let digit = |byte: u8| byte.wrapping_sub(b'0');
    let seconds =
        (bytes[..int_digits].iter()).fold(0_i64, |value, &b| value * 10 + i64::from(digit(b)));
    let nanos = match bytes.get(int_digits..) {
        Some([]) => 0,
        Some([b'.', frac @ ..]) if (1..=9).contains(&frac.len()) => {
            if !frac.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let fraction = frac.iter().fold(0_u32, |value, &b| value * 10 + u32::from(digit(b)));
            fraction * TENS[9 - frac.len()]
        }
        _ => return None,
    };
    Some(DateTime { seconds, nanos })
}

/// `10^k` for the nanoseconds a fraction of `9 - k` digits stands for.
const TENS: [u32; 9] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

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

#[cfg(test)]
mod tests {
    use super::super::at;
    use super::{DateTime, Decimal, plain_epoch};

    #[test]
    fn the_plain_form_reads_as_the_general_path_does() {
        let general = |text: &str| Decimal::parse(text).and_then(|decimal| decimal.to_datetime());
        let mut plain = Vec::new();
        for text in [
            "0",
            "7",
            "1496170845",
            "1496170845.734",
            "1496170845.000000001",
            "0.5",
            "00012.30",
            "999999999999999999",
            "999999999999999999.999999999",
            "1.",
            ".5",
            "1.1234567891",
            "1000000000000000000",
            "-1",
            "1e3",
            "1.5E9",
            "",
            "1.2.3",
            "12a",
            "+1",
        ] {
            if let Some(value) = plain_epoch(text) {
                assert_eq!(Some(value), general(text), "{text}");
                plain.push(text);
            }
        }
        // The rest are left to the general path (which refuses some of them).
        assert_eq!(plain.len(), 9, "{plain:?}");
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
}
