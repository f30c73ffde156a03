//! The serde form: epoch seconds as a JSON number, read and written exactly.
//!
//! serde_json hands a number to a visitor as an `f64`, which cannot hold nine decimals of a
//! current epoch time (`1496170845.123456789`). So both ways go through serde_json's raw-value
//! protocol (the `RawValue` token, which it documents as the way to reach a value's JSON text):
//! reading asks for the number's text, borrowed from the body, and parses it as a decimal;
//! writing hands over the decimal's text from a stack buffer. Neither allocates. Any other
//! deserializer gets the lenient visitor directly (CBOR's gives tag 1's integer or float).

use super::DateTime;
use super::text::{Quoted, StackText};
use crate::raw::{self, RAW_VALUE};
use ::serde::de::{self, Unexpected, Visitor};
use ::std::fmt;

/// The name `DateTime` gives `serialize_newtype_struct` for serializers that are not human
/// readable: the CBOR serializer writes the value (epoch seconds) as tag 1; others write the
/// number.
pub(crate) const EPOCH_SECONDS: &str = "$awsjson::epoch-seconds";

impl ::serde::Serialize for DateTime {
    /// Whole seconds as an integer, a fraction as its exact decimal (`1496170845.734`). To a
    /// serializer that is not human readable (CBOR), epoch seconds tagged as such: the double
    /// nearest the exact decimal (an integer beyond 2^53 seconds).
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use ::serde::ser::SerializeStruct;
        if self.nanos == 0 {
            if !serializer.is_human_readable() {
                // A float, as the AWS SDKs and botocore send them (the protocol takes either),
                // while it holds the seconds exactly.
                #[allow(clippy::cast_precision_loss)]
                let float = self.seconds as f64;
                if float.abs() < 9_007_199_254_740_992.0 {
                    return serializer.serialize_newtype_struct(EPOCH_SECONDS, &float);
                }
                return serializer.serialize_newtype_struct(EPOCH_SECONDS, &self.seconds);
            }
            return serializer.serialize_i64(self.seconds);
        }
        let mut text = StackText::new();
        self.write_epoch_decimal(&mut text)
            .map_err(|_| <S::Error as ::serde::ser::Error>::custom("timestamp too long"))?;
        if !serializer.is_human_readable() {
            let seconds: f64 =
                text.as_str().parse().map_err(<S::Error as ::serde::ser::Error>::custom)?;
            return serializer.serialize_newtype_struct(EPOCH_SECONDS, &seconds);
        }
        let mut raw = serializer.serialize_struct(RAW_VALUE, 1)?;
        raw.serialize_field(RAW_VALUE, text.as_str())?;
        raw.end()
    }
}

impl<'de> ::serde::Deserialize<'de> for DateTime {
    /// Epoch seconds as a number or a string, an ISO 8601 string or an HTTP date: whatever
    /// format the model names, services are read leniently.
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        raw::deserialize(deserializer)
    }
}

impl raw::FromJsonText for DateTime {
    fn expecting(f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Lenient.expecting(f)
    }

    /// A number exactly; a string leniently; anything else is the wrong type.
    fn from_json_text<E: de::Error>(json: &str) -> Result<DateTime, E> {
        match json.as_bytes().first() {
            Some(b'"') => match json.get(1..json.len() - 1) {
                Some(plain) if !plain.contains('\\') => Lenient.visit_str(plain),
                _ => {
                    let text: String = ::serde_json::from_str(json).map_err(E::custom)?;
                    Lenient.visit_str(&text)
                }
            },
            Some(b'-' | b'0'..=b'9') => number(json),
            Some(b't') => Err(E::invalid_type(Unexpected::Bool(true), &Lenient)),
            Some(b'f') => Err(E::invalid_type(Unexpected::Bool(false), &Lenient)),
            Some(b'n') => Err(E::invalid_type(Unexpected::Unit, &Lenient)),
            Some(b'[') => Err(E::invalid_type(Unexpected::Seq, &Lenient)),
            _ => Err(E::invalid_type(Unexpected::Map, &Lenient)),
        }
    }

    fn from_other<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Lenient)
    }
}

/// A JSON number as epoch seconds, exactly.
fn number<E: de::Error>(text: &str) -> Result<DateTime, E> {
    DateTime::from_epoch_decimal(text)
        .map_err(|_| E::custom(format_args!("epoch seconds out of range: {text}")))
}

/// Any value a service may send: epoch seconds as a number or in a string, ISO 8601, or an HTTP
/// date. Numbers that reach it as `f64` (from deserializers other than serde_json's) are taken
/// at their shortest decimal text.
struct Lenient;

impl Visitor<'_> for Lenient {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("epoch seconds, an ISO 8601 date-time or an HTTP date")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<DateTime, E> {
        Ok(DateTime::from_secs(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<DateTime, E> {
        i64::try_from(value)
            .map(DateTime::from_secs)
            .map_err(|_| E::custom(format_args!("epoch seconds out of range: {value}")))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<DateTime, E> {
        DateTime::from_f64(value).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime, E> {
        DateTime::from_epoch_decimal(text)
            .or_else(|_| DateTime::parse_iso8601(text))
            .or_else(|_| DateTime::parse_rfc822(text))
            .map_err(|_| {
                E::custom(format_args!(
                    "invalid timestamp {}: expected epoch seconds, an ISO 8601 date-time or an \
                     HTTP date",
                    Quoted(text)
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::super::at;
    use super::DateTime;

    #[test]
    fn json_numbers_round_trip_exactly() {
        let cases = [
            ("0", at(0, 0)),
            ("946845296", at(946_845_296, 0)),
            ("-1", at(-1, 0)),
            ("1496170845.734", at(1_496_170_845, 734_000_000)),
            ("1496170845.123456789", at(1_496_170_845, 123_456_789)),
            ("1496170845.000000001", at(1_496_170_845, 1)),
            ("-0.5", at(-1, 500_000_000)),
            ("-0.000000001", at(-1, 999_999_999)),
            ("0.000000001", at(0, 1)),
            ("-1496170845.5", at(-1_496_170_846, 500_000_000)),
            ("253402300799.999999999", at(253_402_300_799, 999_999_999)),
            ("-62135596800", at(-62_135_596_800, 0)),
            ("9223372036854775807.999999999", at(i64::MAX, 999_999_999)),
        ];
        for (json, time) in cases {
            assert_eq!(serde_json::from_str::<DateTime>(json).unwrap(), time, "{json}");
            assert_eq!(serde_json::from_slice::<DateTime>(json.as_bytes()).unwrap(), time);
            assert_eq!(serde_json::to_string(&time).unwrap(), json);
        }
    }

    #[test]
    fn other_spellings_of_a_number_read_exactly_and_write_canonically() {
        let cases = [
            ("1.496170845734E9", "1496170845.734"),
            ("1.496170845734e+9", "1496170845.734"),
            ("14961708457340e-4", "1496170845.734"),
            ("1496170845.7340", "1496170845.734"),
            ("-0", "0"),
            ("0.0", "0"),
            ("1496170845.1234567891", "1496170845.123456789"),
        ];
        for (json, canonical) in cases {
            let time: DateTime = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&time).unwrap(), canonical, "{json}");
        }
    }

    #[test]
    fn every_value_with_up_to_nine_decimals_round_trips() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let seconds = (next() % 20_000_000_000) as i64 - 10_000_000_000;
            let digits = (next() % 10) as u32;
            let nanos = (next() % 10_u64.pow(digits)) as u32 * 10_u32.pow(9 - digits);
            let time = at(seconds, nanos);
            let text = serde_json::to_string(&time).unwrap();
            assert_eq!(serde_json::from_str::<DateTime>(&text).unwrap(), time, "{text}");
            assert_eq!(text, time.to_epoch_decimal());
        }
    }

    #[test]
    fn other_readers_get_the_same_values() {
        let json = "1496170845.123456789";
        let time = at(1_496_170_845, 123_456_789);
        // An io::Read hands over owned text; a Value keeps the number as its shortest f64 text.
        assert_eq!(serde_json::from_reader::<_, DateTime>(json.as_bytes()).unwrap(), time);
        let value = serde_json::to_value(at(1_496_170_845, 734_000_000)).unwrap();
        assert_eq!(value.to_string(), "1496170845.734");
        let read: DateTime = serde_json::from_value(value).unwrap();
        assert_eq!(read, at(1_496_170_845, 734_000_000));
        let escaped: DateTime = serde_json::from_str(r#""2017-05-30T19:00:45\u002e734Z""#).unwrap();
        assert_eq!(escaped, at(1_496_170_845, 734_000_000));
    }

    #[test]
    fn json_strings_and_errors() {
        let read = |json: &str| serde_json::from_str::<DateTime>(json);
        let time = at(1_496_170_845, 734_000_000);
        assert_eq!(read(r#""2017-05-30T19:00:45.734Z""#).unwrap(), time);
        assert_eq!(read(r#""1496170845.734""#).unwrap(), time);
        let whole = at(1_496_170_845, 0);
        assert_eq!(read(r#""Tue, 30 May 2017 19:00:45 GMT""#).unwrap(), whole);
        assert_eq!(read(r#""2017-05-30T21:00:45+02:00""#).unwrap(), whole);
        let error = |json: &str| read(json).unwrap_err().to_string();
        assert_eq!(
            error(r#""abc""#),
            "invalid timestamp \"abc\": expected epoch seconds, an ISO 8601 date-time or an \
             HTTP date"
        );
        assert_eq!(
            error("18446744073709551615"),
            "epoch seconds out of range: 18446744073709551615"
        );
        assert_eq!(error("1e300"), "epoch seconds out of range: 1e300");
        assert_eq!(
            error("true"),
            "invalid type: boolean `true`, expected epoch seconds, an ISO 8601 date-time or an \
             HTTP date"
        );
        assert_eq!(
            error("[1]"),
            "invalid type: sequence, expected epoch seconds, an ISO 8601 date-time or an HTTP date"
        );
        assert_eq!(error("1.5.5"), "trailing characters at line 1 column 4");
        assert_eq!(
            error("null"),
            "invalid type: null, expected epoch seconds, an ISO 8601 date-time or an HTTP date"
        );
        let optional: Option<DateTime> = serde_json::from_str("null").unwrap();
        assert_eq!(optional, None);
    }
}
