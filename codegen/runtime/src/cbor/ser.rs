//! Writing CBOR (RFC 8949) through serde's data model, as the Smithy RPC v2 CBOR protocol
//! wants it: definite lengths wherever the length is known, integers and lengths in their
//! shortest form, floats as single precision when that is exact and double otherwise (never
//! half precision), timestamps as tag 1 around a double.

use super::error::Error;
use ::serde::ser::{self, Serialize};

/// The name `DateTime` gives `serialize_newtype_struct` to have its value written as tag 1
/// (epoch-based date/time).
use crate::datetime::EPOCH_SECONDS;

/// A CBOR writer appending to a buffer.
pub struct Serializer<'a> {
    out: &'a mut Vec<u8>,
    /// Within tag 1: epoch seconds go as doubles, as the SDKs send them, never narrowed.
    in_timestamp: bool,
}

impl<'a> Serializer<'a> {
    /// A writer that appends to `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        Serializer { out, in_timestamp: false }
    }

    /// A head of major type `major` with argument `value`, in its shortest form.
    #[inline]
    fn head(&mut self, major: u8, value: u64) {
        let major = major << 5;
        if value < 24 {
            self.out.push(major | value as u8);
        } else if let Ok(value) = u8::try_from(value) {
            self.out.extend_from_slice(&[major | 24, value]);
        } else if let Ok(value) = u16::try_from(value) {
            self.out.push(major | 25);
            self.out.extend_from_slice(&value.to_be_bytes());
        } else if let Ok(value) = u32::try_from(value) {
            self.out.push(major | 26);
            self.out.extend_from_slice(&value.to_be_bytes());
        } else {
            self.out.push(major | 27);
            self.out.extend_from_slice(&value.to_be_bytes());
        }
    }

    fn signed(&mut self, value: i64) {
        match u64::try_from(value) {
            Ok(value) => self.head(0, value),
            // -1 - value, for a negative value, is never negative.
            Err(_) => self.head(1, (-1 - value).unsigned_abs()),
        }
    }

    fn single(&mut self, value: f32) {
        let bits = if value.is_nan() { f32::NAN.to_bits() } else { value.to_bits() };
        self.out.push(0xfa);
        self.out.extend_from_slice(&bits.to_be_bytes());
    }

    /// A double, as a single when that is the same value (NaN, the infinities included).
    #[allow(clippy::cast_possible_truncation)]
    fn double(&mut self, value: f64) {
        let single = value as f32;
        if !self.in_timestamp && (f64::from(single) == value || value.is_nan()) {
            self.single(single);
        } else {
            self.out.push(0xfb);
            self.out.extend_from_slice(&value.to_bits().to_be_bytes());
        }
    }

    fn length(&mut self, major: u8, len: Option<usize>) -> Compound<'_, 'a> {
        match len {
            Some(len) => {
                self.head(major, len as u64);
                Compound { ser: self, expected: Some(len), written: 0 }
            }
            None => {
                self.out.push((major << 5) | 31);
                Compound { ser: self, expected: None, written: 0 }
            }
        }
    }
}

/// An array or map being written: a definite one checks that it got the entries it declared.
pub struct Compound<'s, 'a> {
    ser: &'s mut Serializer<'a>,
    expected: Option<usize>,
    written: usize,
}

impl Compound<'_, '_> {
    fn entry<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.written += 1;
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        match self.expected {
            None => {
                self.ser.out.push(0xff);
                Ok(())
            }
            Some(expected) if expected == self.written => Ok(()),
            Some(expected) => Err(<Error as ser::Error>::custom(format_args!(
                "a value declared {expected} entries and wrote {}",
                self.written
            ))),
        }
    }
}

impl<'s, 'a> ser::Serializer for &'s mut Serializer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Compound<'s, 'a>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Compound<'s, 'a>;

    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.out.push(if value { 0xf5 } else { 0xf4 });
        Ok(())
    }

    fn serialize_i8(self, value: i8) -> Result<(), Error> {
        self.signed(value.into());
        Ok(())
    }

    fn serialize_i16(self, value: i16) -> Result<(), Error> {
        self.signed(value.into());
        Ok(())
    }

    fn serialize_i32(self, value: i32) -> Result<(), Error> {
        self.signed(value.into());
        Ok(())
    }

    fn serialize_i64(self, value: i64) -> Result<(), Error> {
        self.signed(value);
        Ok(())
    }

    fn serialize_u8(self, value: u8) -> Result<(), Error> {
        self.head(0, value.into());
        Ok(())
    }

    fn serialize_u16(self, value: u16) -> Result<(), Error> {
        self.head(0, value.into());
        Ok(())
    }

    fn serialize_u32(self, value: u32) -> Result<(), Error> {
        self.head(0, value.into());
        Ok(())
    }

    fn serialize_u64(self, value: u64) -> Result<(), Error> {
        self.head(0, value);
        Ok(())
    }

    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        self.single(value);
        Ok(())
    }

    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        self.double(value);
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.head(3, value.len() as u64);
        self.out.extend_from_slice(value.as_bytes());
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        self.head(2, value.len() as u64);
        self.out.extend_from_slice(value);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.out.push(0xf6);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    /// `DateTime`'s epoch-seconds newtype writes tag 1 before the value; any other newtype is
    /// its value.
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if name == EPOCH_SECONDS {
            self.out.push(0xc1);
            self.in_timestamp = true;
            let written = value.serialize(&mut *self);
            self.in_timestamp = false;
            return written;
        }
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.head(5, 1);
        self.serialize_str(variant)?;
        value.serialize(self)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.length(4, len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.length(4, Some(len)))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.length(4, Some(len)))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.head(5, 1);
        self.serialize_str(variant)?;
        Ok(self.length(4, Some(len)))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.length(5, len))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.length(5, Some(len)))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.head(5, 1);
        self.serialize_str(variant)?;
        Ok(self.length(5, Some(len)))
    }
}

/// serde's array-like compounds, which differ only in the name of their element method.
macro_rules! array_entries {
    ($($compound:ident :: $method:ident),* $(,)?) => {
        $(impl ser::$compound for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.entry(value)
            }

            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        })*
    };
}

array_entries!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.entry(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// serde's struct-like compounds: each field is a text key and its value.
macro_rules! struct_fields {
    ($($compound:ident),* $(,)?) => {
        $(impl ser::$compound for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.entry(key)?;
                value.serialize(&mut *self.ser)
            }

            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        })*
    };
}

struct_fields!(SerializeStruct, SerializeStructVariant);
