//! Wire forms for values whose plain serde form is not the wire's: floats (NaN and the
//! infinities are strings), timestamps in ISO 8601 or RFC 822, and `jsonvalue` strings.
//!
//! A form is a type implementing [`WireForm`]; forms nest like the Rust type they describe
//! (`Opt<List<Iso8601>>` for an `Option<Vec<DateTime>>`), and a field names one with
//! `#[serde(with = "::awsjson_runtime::wire::As::<Opt<List<Iso8601>>>")]`. Only members that
//! need one carry it, so everything else keeps serde's derived fast path.

use super::datetime::DateTime;
use super::{decode, raw};
use ::serde::de::{Deserialize, Deserializer, Error as _};
use ::serde::ser::{Error as _, Serialize, Serializer};
use ::std::collections::BTreeMap;
use ::std::fmt;
use ::std::marker::PhantomData;

/// Arbitrary JSON: the Rust type of `document` shapes and of `jsonvalue` members, list elements
/// and map values. Objects keep their keys in the order they were built or read in (serde_json's
/// `preserve_order`, which this crate enables), and are written in that order; two documents
/// are equal whatever the order of their keys.
pub type Document = ::serde_json::Value;

/// How values of type `T` are written and read on the wire.
pub trait WireForm<T> {
    /// Writes `value` in this form.
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads a value in this form.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// The entry point for `#[serde(with = "…")]`: `As::<F>` reads and writes with form `F`.
pub struct As<F>(PhantomData<F>);

impl<F> As<F> {
    /// Writes `value` with form `F`.
    pub fn serialize<T, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        F: WireForm<T>,
    {
        F::serialize(value, serializer)
    }

    /// Reads a value with form `F`.
    pub fn deserialize<'de, T, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>
    where
        F: WireForm<T>,
    {
        F::deserialize(deserializer)
    }
}

/// A borrowed value that serializes with form `F`.
pub struct SerializeAs<'a, F, T>(&'a T, PhantomData<F>);

impl<'a, F, T> SerializeAs<'a, F, T> {
    /// Wraps `value`.
    pub fn new(value: &'a T) -> Self {
        Self(value, PhantomData)
    }
}

impl<F: WireForm<T>, T> Serialize for SerializeAs<'_, F, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        F::serialize(self.0, serializer)
    }
}

/// A value read with form `F`.
pub struct DeserializeAs<F, T>(T, PhantomData<F>);

impl<F, T> DeserializeAs<F, T> {
    /// The value read.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<'de, F: WireForm<T>, T> Deserialize<'de> for DeserializeAs<F, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        F::deserialize(deserializer).map(|value| Self(value, PhantomData))
    }
}

/// An optional value: `None` is left out by the field's `skip_serializing_if`, `null` reads as
/// `None`.
pub struct Opt<F>(PhantomData<F>);

impl<F: WireForm<T>, T> WireForm<Option<T>> for Opt<F> {
    fn serialize<S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_some(&SerializeAs::<F, T>::new(value)),
            None => serializer.serialize_none(),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        let value = Option::<DeserializeAs<F, T>>::deserialize(deserializer)?;
        Ok(value.map(DeserializeAs::into_inner))
    }
}

/// A list whose elements have form `F`.
pub struct List<F>(PhantomData<F>);

impl<F: WireForm<T>, T> WireForm<Vec<T>> for List<F> {
    fn serialize<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(value.iter().map(SerializeAs::<F, T>::new))
    }

    /// Only from a JSON array; each element's index is tracked in the decode's path.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(ListVisitor::<F, T>(PhantomData))
    }
}

struct ListVisitor<F, T>(PhantomData<(F, T)>);

impl<'de, F: WireForm<T>, T> ::serde::de::Visitor<'de> for ListVisitor<F, T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list (an array)")
    }

    fn visit_seq<A: ::serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // serde_json gives no length; a hint from elsewhere is trusted only so far.
        let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        if !decode::tracking() {
            while let Some(value) = seq.next_element::<DeserializeAs<F, T>>()? {
                values.push(value.into_inner());
            }
            return Ok(values);
        }
        while let Some(value) = seq.next_element_seed(Indexed::<F, T>(values.len(), PhantomData))? {
            values.push(value);
        }
        Ok(values)
    }
}

/// An element read with form `F` at `index`, which is in the path while it is read: a seed is
/// called only for an element that is there.
struct Indexed<F, T>(usize, PhantomData<(F, T)>);

impl<'de, F: WireForm<T>, T> ::serde::de::DeserializeSeed<'de> for Indexed<F, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        decode::push(decode::Segment::Index(self.0));
        let value = F::deserialize(deserializer)?;
        decode::pop();
        Ok(value)
    }
}

/// A map whose values have form `F`; keys are strings or string enums.
pub struct Map<F>(PhantomData<F>);

impl<F, K, T> WireForm<BTreeMap<K, T>> for Map<F>
where
    F: WireForm<T>,
    K: Ord + Serialize + for<'de> Deserialize<'de>,
{
    fn serialize<S: Serializer>(value: &BTreeMap<K, T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer
            .collect_map(value.iter().map(|(key, value)| (key, SerializeAs::<F, T>::new(value))))
    }

    /// Only from a JSON object; each key is tracked in the decode's path.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<K, T>, D::Error> {
        deserializer.deserialize_map(MapVisitor::<F, K, T>(PhantomData))
    }
}

struct MapVisitor<F, K, T>(PhantomData<(F, K, T)>);

impl<'de, F, K, T> ::serde::de::Visitor<'de> for MapVisitor<F, K, T>
where
    F: WireForm<T>,
    K: Ord + for<'k> Deserialize<'k>,
{
    type Value = BTreeMap<K, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map (an object)")
    }

    fn visit_map<A: ::serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<Self::Value, A::Error> {
        let mut values = BTreeMap::new();
        let tracking = decode::tracking();
        while let Some(key) = map.next_key::<crate::union::MemberName<'de>>()? {
            let key_text = key.as_str();
            let parsed =
                K::deserialize(::serde::de::value::StrDeserializer::<A::Error>::new(key_text))?;
            if tracking {
                decode::push(decode::Segment::Key(key_text.to_owned().into()));
            }
            let value = map.next_value::<Option<DeserializeAs<F, T>>>()?;
            let kept = match value {
                Some(value) => Some(value.into_inner()),
                None if tracking && decode::drop_null() => None,
                None => {
                    return Err(A::Error::custom(
                        "a null map value: the map's values cannot be null (a correcting \
                         decode drops the entry)",
                    ));
                }
            };
            if tracking {
                decode::pop();
            }
            if let Some(value) = kept {
                values.insert(parsed, value);
            }
        }
        Ok(values)
    }
}

/// A value whose own serde form is the wire's: structures, unions, enums, strings, booleans,
/// blobs, timestamps in epoch seconds.
pub struct Plain;

impl<T: Serialize + for<'de> Deserialize<'de>> WireForm<T> for Plain {
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// `integer` and `long`: JSON integers, and `-0`, which serde_json reads as a float, as 0.
pub struct Integer;

impl WireForm<i32> for Integer {
    fn serialize<S: Serializer>(value: &i32, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(*value)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i32, D::Error> {
        let value = deserializer.deserialize_i64(IntegerVisitor("a 32-bit integer"))?;
        i32::try_from(value).map_err(|_| {
            D::Error::invalid_value(::serde::de::Unexpected::Signed(value), &"a 32-bit integer")
        })
    }
}

impl WireForm<i64> for Integer {
    fn serialize<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*value)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_i64(IntegerVisitor("a 64-bit integer"))
    }
}

/// An integer of any width, read as `i64`; says what it expects.
struct IntegerVisitor(&'static str);

impl ::serde::de::Visitor<'_> for IntegerVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_i64<E: ::serde::de::Error>(self, value: i64) -> Result<i64, E> {
        Ok(value)
    }

    fn visit_u64<E: ::serde::de::Error>(self, value: u64) -> Result<i64, E> {
        i64::try_from(value)
            .map_err(|_| E::invalid_value(::serde::de::Unexpected::Unsigned(value), &self))
    }

    /// `-0` (serde_json keeps its sign by reading it as a float) is 0; no other float is.
    fn visit_f64<E: ::serde::de::Error>(self, value: f64) -> Result<i64, E> {
        if value == 0.0 && value.is_sign_negative() {
            Ok(0)
        } else {
            Err(E::invalid_type(::serde::de::Unexpected::Float(value), &self))
        }
    }
}

/// A boxed value (a member that closes a cycle of shapes).
pub struct Boxed<F>(PhantomData<F>);

impl<F: WireForm<T>, T> WireForm<Box<T>> for Boxed<F> {
    fn serialize<S: Serializer>(value: &Box<T>, serializer: S) -> Result<S::Ok, S::Error> {
        F::serialize(value, serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<T>, D::Error> {
        F::deserialize(deserializer).map(Box::new)
    }
}

/// `float` and `double`: JSON numbers, except NaN, Infinity and -Infinity, which are the
/// strings `"NaN"`, `"Infinity"` and `"-Infinity"` both ways.
pub struct Float;

impl WireForm<f64> for Float {
    /// NaN and the infinities as floats to a serializer that is not human readable (CBOR).
    fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serializer.serialize_f64(*value);
        }
        match non_finite_name(*value) {
            Some(name) => serializer.serialize_str(name),
            None => serializer.serialize_f64(*value),
        }
    }

    /// From the number's exact text, so every double comes back bit for bit.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        raw::deserialize::<Exact<f64>, D>(deserializer).map(|exact| exact.0)
    }
}

impl WireForm<f32> for Float {
    fn serialize<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serializer.serialize_f32(*value);
        }
        match non_finite_name(f64::from(*value)) {
            Some(name) => serializer.serialize_str(name),
            None => serializer.serialize_f32(*value),
        }
    }

    /// From the number's exact text, rounded once to the nearest `f32`: through an `f64` it
    /// would be rounded twice, which can miss.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        raw::deserialize::<Exact<f32>, D>(deserializer).map(|exact| exact.0)
    }
}

/// A float read from its JSON text.
struct Exact<T>(T);

/// What `Exact` needs of `f32` and `f64`.
trait FloatText: Sized + ::std::str::FromStr {
    const NAN: Self;
    const INFINITY: Self;
    const NEG_INFINITY: Self;
    fn from_f64(value: f64) -> Self;
}

impl FloatText for f64 {
    const NAN: f64 = f64::NAN;
    const INFINITY: f64 = f64::INFINITY;
    const NEG_INFINITY: f64 = f64::NEG_INFINITY;
    fn from_f64(value: f64) -> f64 {
        value
    }
}

impl FloatText for f32 {
    const NAN: f32 = f32::NAN;
    const INFINITY: f32 = f32::INFINITY;
    const NEG_INFINITY: f32 = f32::NEG_INFINITY;
    // Only for deserializers without raw values, which hand over an f64.
    #[allow(clippy::cast_possible_truncation)]
    fn from_f64(value: f64) -> f32 {
        value as f32
    }
}

impl<T: FloatText> raw::FromJsonText for Exact<T> {
    fn expecting(f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ::serde::de::Visitor::expecting(&FloatVisitor, f)
    }

    fn from_json_text<E: ::serde::de::Error>(json: &str) -> Result<Self, E> {
        match json.as_bytes().first() {
            Some(b'-' | b'0'..=b'9') => json
                .parse::<T>()
                .map(Exact)
                .map_err(|_| E::custom(format_args!("invalid number {json}"))),
            Some(b'"') => {
                let text: ::std::borrow::Cow<'_, str> = match json.get(1..json.len() - 1) {
                    Some(plain) if !plain.contains('\\') => plain.into(),
                    _ => ::serde_json::from_str::<String>(json).map_err(E::custom)?.into(),
                };
                match ::serde::de::Visitor::visit_str::<E>(FloatVisitor, &text)? {
                    value if value.is_nan() => Ok(Exact(T::NAN)),
                    value if value > 0.0 => Ok(Exact(T::INFINITY)),
                    _ => Ok(Exact(T::NEG_INFINITY)),
                }
            }
            _ => {
                let unexpected = unexpected(json);
                Err(E::invalid_type(unexpected, &FloatVisitor))
            }
        }
    }

    fn from_other<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FloatVisitor).map(|value| Exact(T::from_f64(value)))
    }
}

/// What a JSON text that is not a number or a string holds, for messages.
fn unexpected(json: &str) -> ::serde::de::Unexpected<'static> {
    use ::serde::de::Unexpected;
    match json.as_bytes().first() {
        Some(b't') => Unexpected::Bool(true),
        Some(b'f') => Unexpected::Bool(false),
        Some(b'n') => Unexpected::Unit,
        Some(b'[') => Unexpected::Seq,
        _ => Unexpected::Map,
    }
}

fn non_finite_name(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value == f64::INFINITY {
        Some("Infinity")
    } else if value == f64::NEG_INFINITY {
        Some("-Infinity")
    } else {
        None
    }
}

struct FloatVisitor;

impl ::serde::de::Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
    }

    fn visit_f64<E: ::serde::de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    // Integers beyond 2^53 round, as any JSON reader of a double does.
    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: ::serde::de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: ::serde::de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: ::serde::de::Error>(self, text: &str) -> Result<f64, E> {
        match text {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(::serde::de::Unexpected::Str(text), &self)),
        }
    }
}

/// A timestamp written as an ISO 8601 string (`2015-01-25T08:00:00.123Z`); read like any
/// timestamp.
pub struct Iso8601;

impl WireForm<DateTime> for Iso8601 {
    /// To a serializer that is not human readable (CBOR), as every timestamp: the protocol
    /// ignores `timestampFormat`.
    fn serialize<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return value.serialize(serializer);
        }
        serializer.collect_str(value)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        DateTime::deserialize(deserializer)
    }
}

/// A timestamp written as an RFC 822 / HTTP date (`Sun, 25 Jan 2015 08:00:00 GMT`, whole
/// seconds); read like any timestamp.
pub struct Rfc822;

impl WireForm<DateTime> for Rfc822 {
    /// To a serializer that is not human readable (CBOR), as every timestamp.
    fn serialize<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return value.serialize(serializer);
        }
        serializer.serialize_str(&value.to_rfc822())
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        DateTime::deserialize(deserializer)
    }
}

/// A `jsonvalue`: a JSON string whose content is JSON text, held as the parsed value. Written
/// compactly, object keys in the document's order: as the caller built it, or as the text it
/// was read from gave it.
pub struct JsonValue;

impl WireForm<Document> for JsonValue {
    fn serialize<S: Serializer>(value: &Document, serializer: S) -> Result<S::Ok, S::Error> {
        let text = ::serde_json::to_string(value).map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Document, D::Error> {
        let text = ::std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        ::serde_json::from_str(&text).map_err(|error| {
            D::Error::custom(format_args!(
                "the jsonvalue string is not JSON ({error} of the string)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::datetime::DateTime;
    use super::{As, Boxed, Document, Float, Iso8601, JsonValue, List, Map, Opt, Rfc822};
    use serde::{Deserialize, Serialize};
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Record {
        #[serde(with = "As::<Float>")]
        double: f64,
        #[serde(with = "As::<Float>")]
        float: f32,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "As::<Opt<Iso8601>>")]
        iso: Option<DateTime>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<List<Rfc822>>>"
        )]
        dates: Option<Vec<DateTime>>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "As::<Opt<Map<Float>>>")]
        scores: Option<BTreeMap<String, f64>>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "As::<Opt<JsonValue>>")]
        attributes: Option<Document>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "As::<Opt<Boxed<Float>>>"
        )]
        boxed: Option<Box<f64>>,
    }

    impl Record {
        fn zero() -> Record {
            Record {
                double: 0.0,
                float: 0.0,
                iso: None,
                dates: None,
                scores: None,
                attributes: None,
                boxed: None,
            }
        }
    }

    fn time(seconds: i64, nanos: u32) -> DateTime {
        DateTime::from_secs_and_nanos(seconds, nanos).unwrap()
    }

    #[test]
    fn writes_every_form() {
        let record = Record {
            double: f64::NAN,
            float: f32::NEG_INFINITY,
            iso: Some(time(1_422_172_800, 123_000_000)),
            dates: Some(vec![time(1_422_172_800, 0)]),
            scores: Some(BTreeMap::from([("a".to_owned(), f64::INFINITY), ("b".to_owned(), 1.5)])),
            attributes: Some(serde_json::json!({"b": [1, 2], "a": null})),
            boxed: Some(Box::new(-0.25)),
        };
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            r#"{"double":"NaN","float":"-Infinity","iso":"2015-01-25T08:00:00.123Z","#.to_owned()
                + r#""dates":["Sun, 25 Jan 2015 08:00:00 GMT"],"scores":{"a":"Infinity","b":1.5},"#
                + r#""attributes":"{\"b\":[1,2],\"a\":null}","boxed":-0.25}"#
        );
        let read: Record = serde_json::from_str(&json).unwrap();
        assert!(read.double.is_nan());
        assert_eq!(read.float, f32::NEG_INFINITY);
        assert_eq!((read.iso, read.dates, read.boxed), (record.iso, record.dates, record.boxed));
        assert_eq!((read.scores, read.attributes), (record.scores, record.attributes));
    }

    /// botocore sends a `jsonvalue` as `json.dumps` writes the caller's dict: in its order.
    #[test]
    fn a_jsonvalue_keeps_the_callers_key_order_and_reads_back_equal() {
        let attributes: Document = serde_json::json!({"b": 1, "a": 2});
        let record = Record { attributes: Some(attributes.clone()), ..Record::zero() };
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(json, r#"{"double":0.0,"float":0.0,"attributes":"{\"b\":1,\"a\":2}"}"#);
        let read: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(read.attributes, Some(attributes));
        assert_eq!(serde_json::to_string(&read).unwrap(), json);
        // Equal whatever the order: a document is a value, not its text.
        assert_eq!(serde_json::json!({"a": 2, "b": 1}), serde_json::json!({"b": 1, "a": 2}));
    }

    #[test]
    fn reads_numbers_nulls_and_any_timestamp_text() {
        let json = r#"{"double":3,"float":"Infinity","iso":"2015-01-25T09:00:00+01:00",
            "dates":[1422172800.5,"Sun, 25 Jan 2015 08:00:00 GMT"],"scores":null,
            "attributes":"\"text\""}"#;
        let read: Record = serde_json::from_str(json).unwrap();
        assert_eq!((read.double, read.float), (3.0, f32::INFINITY));
        assert_eq!(read.iso, Some(time(1_422_172_800, 0)));
        assert_eq!(
            read.dates,
            Some(vec![time(1_422_172_800, 500_000_000), time(1_422_172_800, 0)])
        );
        assert_eq!(read.scores, None);
        assert_eq!(read.attributes, Some(Document::from("text")));
    }

    #[test]
    fn reports_bad_values() {
        let error = |json: &str| serde_json::from_str::<Record>(json).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"double":"nan","float":1}"#),
            "invalid value: string \"nan\", expected a number, \"NaN\", \"Infinity\" or \
             \"-Infinity\" at line 1 column 15"
        );
        assert_eq!(
            error(r#"{"double":1,"float":1,"attributes":"{"}"#),
            "the jsonvalue string is not JSON (EOF while parsing an object at line 1 column 1 of \
             the string) at line 1 column 39"
        );
    }
}

/// Floats and integers read back bit for bit from what they write: every double and float the
/// generator draws (subnormals, the extremes, ±0, the non-finite ones), through serde_json.
#[cfg(test)]
mod exact_numbers {
    use super::{As, Float, Integer};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, Deserialize)]
    struct Numbers {
        #[serde(with = "As::<Float>")]
        double: f64,
        #[serde(with = "As::<Float>")]
        float: f32,
        #[serde(with = "As::<Integer>")]
        int: i32,
        #[serde(with = "As::<Integer>")]
        long: i64,
    }

    fn bits() -> impl Iterator<Item = u64> {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        std::iter::from_fn(move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            Some(state)
        })
    }

    fn same_f64(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    fn same_f32(a: f32, b: f32) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    #[test]
    fn every_number_round_trips_bit_for_bit() {
        let edges = [
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::MAX,
            f64::MIN,
            1.0 / 3.0,
            f64::NAN,
            f64::INFINITY,
        ];
        let doubles = edges.into_iter().chain(bits().take(200_000).map(f64::from_bits));
        let floats = [0.0, -0.0, f32::MIN_POSITIVE, 1e-45, f32::MAX, f32::MIN, f32::NEG_INFINITY]
            .into_iter()
            .chain(bits().skip(7).take(200_000).map(|bits| f32::from_bits(bits as u32)));
        // Doubles in [0, 1), where a fast but inexact parse misses one in ten.
        let in_unit = bits().skip(3).map(|bits| (bits >> 11) as f64 / (1_u64 << 53) as f64);
        for ((double, float), unit) in doubles.zip(floats).zip(in_unit) {
            for double in [double, unit] {
                let numbers = Numbers {
                    double,
                    float,
                    int: double.to_bits() as i32,
                    long: double.to_bits() as i64,
                };
                let json = serde_json::to_string(&numbers).unwrap_or_default();
                let read: Numbers =
                    serde_json::from_str(&json).unwrap_or_else(|error| panic!("{json}: {error}"));
                assert!(same_f64(read.double, numbers.double), "{json}");
                assert!(same_f32(read.float, numbers.float), "{json}");
                assert_eq!((read.int, read.long), (numbers.int, numbers.long), "{json}");
            }
        }
    }

    #[test]
    fn minus_zero_is_an_integer_zero_and_other_floats_are_not_integers() {
        let read = |json: &str| {
            serde_json::from_str::<Numbers>(json)
                .map(|n| (n.int, n.long))
                .map_err(|e| e.to_string())
        };
        assert_eq!(read(r#"{"double":0,"float":0,"int":-0,"long":-0}"#), Ok((0, 0)));
        assert_eq!(
            read(r#"{"double":0,"float":0,"int":1.5,"long":0}"#),
            Err(
                "invalid type: floating point `1.5`, expected a 32-bit integer at line 1 column 31"
                    .to_owned()
            )
        );
        assert_eq!(
            read(r#"{"double":0,"float":0,"int":3000000000,"long":0}"#),
            Err("invalid value: integer `3000000000`, expected a 32-bit integer at line 1 column 38".to_owned())
        );
    }
}
