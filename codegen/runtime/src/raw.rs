//! serde_json's raw-value protocol (the `RawValue` token, which it documents as the way to reach
//! a value's JSON text): read a value from its exact text, borrowed from the body, where reading
//! it through serde's data model would round it. Other deserializers give the value itself.

use ::serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use ::std::fmt;
use ::std::marker::PhantomData;

/// serde_json's name for a value's JSON text (`serde_json::value::RawValue`).
pub(crate) const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// A value read from its JSON text with serde_json, or from serde's data model otherwise.
pub(crate) trait FromJsonText: Sized {
    /// What the value is, for error messages.
    fn expecting(f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// The value of the JSON text `json` (a whole JSON value: `1.5`, `"NaN"`…).
    fn from_json_text<E: de::Error>(json: &str) -> Result<Self, E>;

    /// The value from a deserializer that has no raw values.
    fn from_other<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// Reads a `T` from the exact JSON text when `deserializer` is serde_json's.
pub(crate) fn deserialize<'de, T: FromJsonText, D: ::serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_newtype_struct(RAW_VALUE, Raw::<T>(PhantomData))
}

/// serde_json answers with a one-entry map holding the JSON text; any other deserializer with
/// the value itself.
struct Raw<T>(PhantomData<T>);

impl<'de, T: FromJsonText> Visitor<'de> for Raw<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        T::expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key_seed(Text(Key))? {
            Some(()) => map.next_value_seed(Text(Json::<T>(PhantomData))),
            None => Err(de::Error::invalid_length(0, &self)),
        }
    }

    fn visit_newtype_struct<D: ::serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::from_other(deserializer)
    }
}

/// What to make of a text: the raw-value map's key (ignored) or its value.
trait Reader {
    type Value;
    fn read<E: de::Error>(self, text: &str) -> Result<Self::Value, E>;
}

struct Key;

impl Reader for Key {
    type Value = ();
    fn read<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
}

struct Json<T>(PhantomData<T>);

impl<T: FromJsonText> Reader for Json<T> {
    type Value = T;
    fn read<E: de::Error>(self, json: &str) -> Result<T, E> {
        T::from_json_text(json)
    }
}

/// Reads a string the deserializer holds, borrowed or not, without copying it.
struct Text<R>(R);

impl<'de, R: Reader> DeserializeSeed<'de> for Text<R> {
    type Value = R::Value;

    fn deserialize<D: ::serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<R::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<R: Reader> Visitor<'_> for Text<R> {
    type Value = R::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value's JSON text")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<R::Value, E> {
        self.0.read(text)
    }
}
