//! The fast path of each wire form ([`crate::wire`]), and of the runtime's own value types, for
//! either protocol's reader. Values a reader does not read itself (documents, integers with a
//! fraction or an exponent…) are read by its protocol's serde path.

use super::{Decode, Fast, Miss, Read};
use crate::wire::{Boxed, DeserializeAs, Float, Integer, JsonValue, List, Map, Plain};
use crate::{Blob, DateTime, Document, Empty};
use ::std::collections::BTreeMap;

/// How form `F` is read on the fast path.
pub trait FastForm<T> {
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<T>;
}

impl<T: Decode> FastForm<T> for Plain {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<T> {
        T::decode(reader)
    }
}

impl FastForm<i64> for Integer {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<i64> {
        match reader.integer() {
            Ok(value) => Ok(value),
            Err(Miss) => {
                reader.serde::<DeserializeAs<Integer, i64>>().map(DeserializeAs::into_inner)
            }
        }
    }
}

impl FastForm<i32> for Integer {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<i32> {
        match reader.integer() {
            Ok(value) => i32::try_from(value).map_err(|_| Miss),
            Err(Miss) => {
                reader.serde::<DeserializeAs<Integer, i32>>().map(DeserializeAs::into_inner)
            }
        }
    }
}

impl<F: FastForm<T>, T> FastForm<Vec<T>> for List<F> {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<Vec<T>> {
        reader.list(F::decode)
    }
}

impl<F: FastForm<T>, T> FastForm<Box<T>> for Boxed<F> {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<Box<T>> {
        F::decode(reader).map(Box::new)
    }
}

/// Keys are strings or string enums, read from the key's text as the serde path does; a key
/// given twice keeps its last value, as there.
impl<F, K, T> FastForm<BTreeMap<K, T>> for Map<F>
where
    F: FastForm<T>,
    K: Ord + for<'de> ::serde::Deserialize<'de>,
{
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<BTreeMap<K, T>> {
        reader.begin_object()?;
        let mut values = BTreeMap::new();
        let mut first = true;
        while let Some(key) = reader.next_key(&mut first)? {
            let key = ::serde::de::value::StrDeserializer::<::serde_json::Error>::new(key);
            let key = K::deserialize(key).map_err(|_| Miss)?;
            values.insert(key, F::decode(reader)?);
        }
        Ok(values)
    }
}

impl FastForm<f64> for Float {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<f64> {
        reader.double()
    }
}

impl FastForm<f32> for Float {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<f32> {
        reader.single()
    }
}

impl FastForm<Document> for JsonValue {
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<Document> {
        reader.serde::<DeserializeAs<JsonValue, Document>>().map(DeserializeAs::into_inner)
    }
}

impl Decode for String {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<String> {
        reader.string()
    }
}

impl Decode for bool {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<bool> {
        reader.boolean()
    }
}

impl Decode for DateTime {
    #[inline]
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<DateTime> {
        reader.timestamp()
    }
}

impl Decode for Blob {
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<Blob> {
        reader.blob()
    }
}

macro_rules! decode_through_serde {
    ($($type:ty),* $(,)?) => {
        $(impl Decode for $type {
            fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<$type> {
                reader.serde::<$type>()
            }
        })*
    };
}

decode_through_serde!(Document, Empty);
