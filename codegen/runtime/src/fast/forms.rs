//! The fast path of each wire form ([`crate::wire`]), and of the runtime's own value types.
//! Values the reader does not read itself (floats, blobs, documents, timestamps in strings,
//! integers with a fraction or an exponent) are read by serde_json as the serde path reads them.

use super::{Decode, Fast, Miss, Reader};
use crate::wire::{Boxed, DeserializeAs, Float, Integer, JsonValue, List, Map, Plain};
use crate::{Blob, DateTime, Document, Empty};
use ::std::collections::BTreeMap;

/// How form `F` is read on the fast path.
pub trait FastForm<T> {
    fn decode(reader: &mut Reader<'_>) -> Fast<T>;
}

impl<T: Decode> FastForm<T> for Plain {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Fast<T> {
        T::decode(reader)
    }
}

impl FastForm<i64> for Integer {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Fast<i64> {
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
    fn decode(reader: &mut Reader<'_>) -> Fast<i32> {
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
    fn decode(reader: &mut Reader<'_>) -> Fast<Vec<T>> {
        reader.list(F::decode)
    }
}

impl<F: FastForm<T>, T> FastForm<Box<T>> for Boxed<F> {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Fast<Box<T>> {
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
    fn decode(reader: &mut Reader<'_>) -> Fast<BTreeMap<K, T>> {
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

macro_rules! through_serde {
    ($($form:ty => $type:ty),* $(,)?) => {
        $(impl FastForm<$type> for $form {
            fn decode(reader: &mut Reader<'_>) -> Fast<$type> {
                reader.serde::<DeserializeAs<$form, $type>>().map(DeserializeAs::into_inner)
            }
        })*
    };
}

through_serde!(Float => f64, Float => f32, JsonValue => Document);

impl Decode for String {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Fast<String> {
        reader.string()
    }
}

impl Decode for bool {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Fast<bool> {
        reader.boolean()
    }
}

/// Epoch seconds from the number's text, exactly, as the serde path reads them; a timestamp in
/// a string through serde_json.
impl Decode for DateTime {
    #[inline]
    fn decode(reader: &mut Reader<'_>) -> Fast<DateTime> {
        match reader.next_byte() {
            Some(b'-' | b'0'..=b'9') => {
                DateTime::from_epoch_decimal(reader.number_text()?).map_err(|_| Miss)
            }
            _ => reader.serde::<DateTime>(),
        }
    }
}

macro_rules! decode_through_serde {
    ($($type:ty),* $(,)?) => {
        $(impl Decode for $type {
            fn decode(reader: &mut Reader<'_>) -> Fast<$type> {
                reader.serde::<$type>()
            }
        })*
    };
}

decode_through_serde!(Blob, Document, Empty);
