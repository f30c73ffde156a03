//! The serde form: epoch seconds as a JSON number, written exactly.

use super::DateTime;
use super::text::Quoted;
use ::std::fmt;

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
    /// Epoch seconds as a number or a string, an ISO 8601 string or an HTTP date: whatever
    /// format the model names, services are read leniently.
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateTimeVisitor)
    }
}

struct DateTimeVisitor;

impl ::serde::de::Visitor<'_> for DateTimeVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("epoch seconds, an ISO 8601 date-time or an HTTP date")
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
        let whole = at(1_496_170_845, 0);
        assert_eq!(read(r#""Tue, 30 May 2017 19:00:45 GMT""#).unwrap(), whole);
        assert_eq!(read(r#""2017-05-30T21:00:45+02:00""#).unwrap(), whole);
        assert_eq!(
            read(r#""abc""#).unwrap_err().to_string(),
            "invalid timestamp \"abc\": expected epoch seconds, an ISO 8601 date-time or an \
             HTTP date at line 1 column 5"
        );
        assert_eq!(
            read("18446744073709551615").unwrap_err().to_string(),
            "epoch seconds out of range: 18446744073709551615 at line 1 column 20"
        );
        assert_eq!(
            read("true").unwrap_err().to_string(),
            "invalid type: boolean `true`, expected epoch seconds, an ISO 8601 date-time or an \
             HTTP date at line 1 column 4"
        );
        assert!(read("1e300").is_err());
        let optional: Option<DateTime> = serde_json::from_str("null").unwrap();
        assert_eq!(optional, None);
    }
}
