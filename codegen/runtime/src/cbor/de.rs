//! Reading CBOR (RFC 8949) through serde's data model, so the generated `Deserialize` impls
//! read it as they read JSON: the same visitors, member checks, corrections and paths.
//!
//! Every length is checked against the bytes left before anything is allocated or borrowed;
//! nesting is bounded; indefinite-length strings, arrays and maps are read; half-precision
//! floats are widened; `undefined` reads as null; tags other than the bignum and decimal ones
//! are read through (tag 1, epoch seconds, is how timestamps come).

use super::error::Error;
use ::serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

/// How deep arrays, maps and tags may nest: serde_json's bound for JSON, so a body refused by
/// one protocol for its depth is refused by the other.
pub const NESTING_LIMIT: usize = 128;

const BREAK: u8 = 0xff;

/// A CBOR reader over a whole body, borrowing text and byte strings from it.
pub struct Deserializer<'de> {
    input: &'de [u8],
    pos: usize,
    depth_left: usize,
}

impl<'de> Deserializer<'de> {
    /// A reader of `input`, from its first byte.
    pub fn from_slice(input: &'de [u8]) -> Self {
        Deserializer { input, pos: 0, depth_left: NESTING_LIMIT }
    }

    /// The offset of the next byte to read.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// Checks that nothing follows the value read.
    pub fn end(&self) -> Result<(), Error> {
        if self.pos == self.input.len() {
            return Ok(());
        }
        let extra = self.input.len() - self.pos;
        Err(Error::at(format!("{extra} bytes after the end of the body's data item"), self.pos))
    }

    fn left(&self) -> usize {
        self.input.len() - self.pos
    }

    #[inline]
    fn byte(&mut self) -> Result<u8, Error> {
        match self.input.get(self.pos) {
            Some(&byte) => {
                self.pos += 1;
                Ok(byte)
            }
            None => Err(Error::at("the body ends in the middle of a data item", self.pos)),
        }
    }

    #[inline]
    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let bytes = self.take(N)?;
        let mut out = [0; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    #[inline]
    fn take(&mut self, len: usize) -> Result<&'de [u8], Error> {
        match self.input.get(self.pos..self.pos.saturating_add(len)) {
            Some(bytes) => {
                self.pos += len;
                Ok(bytes)
            }
            None => Err(Error::at("the body ends in the middle of a data item", self.pos)),
        }
    }

    /// The argument of a head whose additional information is `info` (not 31).
    #[inline]
    fn argument(&mut self, info: u8) -> Result<u64, Error> {
        match info {
            0..=23 => Ok(u64::from(info)),
            24 => Ok(u64::from(self.byte()?)),
            25 => Ok(u64::from(u16::from_be_bytes(self.array()?))),
            26 => Ok(u64::from(u32::from_be_bytes(self.array()?))),
            27 => Ok(u64::from_be_bytes(self.array()?)),
            _ => Err(Error::at(
                format!("additional information {info} is reserved"),
                self.pos.saturating_sub(1),
            )),
        }
    }

    /// A definite length of `count` items of at least `min_size` bytes each, refused when the
    /// body cannot hold them: nothing is allocated for a length a body only claims.
    fn length(
        &mut self,
        info: u8,
        min_size: usize,
        what: &str,
        start: usize,
    ) -> Result<usize, Error> {
        let count = self.argument(info)?;
        let left = self.left();
        match usize::try_from(count) {
            Ok(count) if count.saturating_mul(min_size) <= left => Ok(count),
            _ => Err(Error::at(
                format!("{what} declares a length of {count}, more than the {left} bytes left"),
                start,
            )),
        }
    }

    fn enter(&mut self, start: usize) -> Result<(), Error> {
        match self.depth_left.checked_sub(1) {
            Some(left) => {
                self.depth_left = left;
                Ok(())
            }
            None => Err(Error::at(
                format!("nesting deeper than {NESTING_LIMIT} arrays, maps and tags"),
                start,
            )),
        }
    }

    fn leave(&mut self) {
        self.depth_left += 1;
    }

    /// The chunks of an indefinite-length string of major type `major`, joined.
    fn chunks(&mut self, major: u8, start: usize) -> Result<Vec<u8>, Error> {
        self.read_chunks(major).map_err(|error| error.or_at(start))
    }

    fn read_chunks(&mut self, major: u8) -> Result<Vec<u8>, Error> {
        let mut joined = Vec::new();
        loop {
            let at = self.pos;
            let initial = self.byte()?;
            if initial == BREAK {
                return Ok(joined);
            }
            if initial >> 5 != major || initial & 0x1f == 31 {
                return Err(Error::at(
                    "a chunk of an indefinite-length string is not a definite string of its type",
                    at,
                ));
            }
            let len = self.length(initial & 0x1f, 1, "a string chunk", at)?;
            let chunk = self.take(len)?;
            if major == 3 && ::std::str::from_utf8(chunk).is_err() {
                return Err(Error::at("a text string chunk is not UTF-8", at));
            }
            joined.extend_from_slice(chunk);
        }
    }

    /// Whether the next byte is the break that ends an indefinite-length item (then read).
    fn at_break(&mut self) -> Result<bool, Error> {
        match self.input.get(self.pos) {
            Some(&BREAK) => {
                self.pos += 1;
                Ok(true)
            }
            Some(_) => Ok(false),
            None => {
                Err(Error::at("the body ends before an indefinite-length item's break", self.pos))
            }
        }
    }

    fn text(&mut self, info: u8, start: usize) -> Result<Text<'de>, Error> {
        if info == 31 {
            let bytes = self.chunks(3, start)?;
            // Every chunk was checked on its own, so the whole is UTF-8 too.
            return String::from_utf8(bytes)
                .map(Text::Owned)
                .map_err(|_| Error::at("a text string is not UTF-8", start));
        }
        let len = self.length(info, 1, "a text string", start)?;
        let bytes = self.take(len)?;
        ::std::str::from_utf8(bytes)
            .map(Text::Borrowed)
            .map_err(|_| Error::at("a text string is not UTF-8", start))
    }

    fn any<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        let start = self.pos;
        let initial = self.byte()?;
        let (major, info) = (initial >> 5, initial & 0x1f);
        let result = match major {
            0 => visitor.visit_u64(self.argument(info)?),
            1 => {
                let n = self.argument(info)?;
                match i64::try_from(n) {
                    Ok(n) => visitor.visit_i64(-1 - n),
                    Err(_) => {
                        Err(Error::at(format!("the integer -1-{n} is below i64's range"), start))
                    }
                }
            }
            2 if info == 31 => visitor.visit_byte_buf(self.chunks(2, start)?),
            2 => {
                let len = self.length(info, 1, "a byte string", start)?;
                visitor.visit_borrowed_bytes(self.take(len)?)
            }
            3 => match self.text(info, start)? {
                Text::Borrowed(text) => visitor.visit_borrowed_str(text),
                Text::Owned(text) => visitor.visit_string(text),
            },
            4 => {
                let mut left = self.container_length(info, 1, "an array", start)?;
                self.enter(start)?;
                let result = visitor.visit_seq(Items { de: self, left: &mut left });
                self.leave();
                result.and_then(|value| finished(left, "an array", start).map(|()| value))
            }
            5 => {
                let mut left = self.container_length(info, 2, "a map", start)?;
                self.enter(start)?;
                let result = visitor.visit_map(Items { de: self, left: &mut left });
                self.leave();
                result.and_then(|value| finished(left, "a map", start).map(|()| value))
            }
            6 => {
                // Tag 1 (epoch seconds) and the tags a reader may ignore: the value inside is
                // read, and its reader judges it.
                self.tag(info, start)?;
                self.enter(start)?;
                let result = self.any(visitor);
                self.leave();
                result
            }
            _ => match info {
                20 => visitor.visit_bool(false),
                21 => visitor.visit_bool(true),
                // `undefined` reads as null, as the Smithy RPC v2 CBOR protocol says.
                22 | 23 => visitor.visit_unit(),
                25 => visitor.visit_f32(half_to_f32(u16::from_be_bytes(self.array()?))),
                26 => visitor.visit_f32(f32::from_be_bytes(self.array()?)),
                27 => visitor.visit_f64(f64::from_be_bytes(self.array()?)),
                31 => Err(Error::at("a break outside an indefinite-length item", start)),
                24 => {
                    Err(Error::at(format!("simple value {} is not assigned", self.byte()?), start))
                }
                28..=30 => {
                    Err(Error::at(format!("additional information {info} is reserved"), start))
                }
                _ => Err(Error::at(format!("simple value {info} is not assigned"), start)),
            },
        };
        result.map_err(|error| error.or_at(start))
    }

    /// A text (3) or byte (2) string, refused by name when the item is the other kind.
    fn of_major<V: Visitor<'de>>(&mut self, major: u8, visitor: V) -> Result<V::Value, Error> {
        let start = self.pos;
        match self.input.get(start).map(|initial| initial >> 5) {
            Some(found @ (2 | 3)) if found != major => {
                let other = if found == 2 {
                    de::Unexpected::Other("byte string")
                } else {
                    de::Unexpected::Other("text string")
                };
                Err(<Error as de::Error>::invalid_type(other, &visitor).or_at(start))
            }
            _ => self.any(visitor),
        }
    }

    /// An array's or map's length: `Some` definite count of entries, `None` indefinite.
    fn container_length(
        &mut self,
        info: u8,
        min_size: usize,
        what: &str,
        start: usize,
    ) -> Result<Option<usize>, Error> {
        if info == 31 { Ok(None) } else { self.length(info, min_size, what, start).map(Some) }
    }

    /// The tag number of a head of major type 6; the arbitrary-precision tags are refused, as
    /// the protocol says a reader without them must.
    fn tag(&mut self, info: u8, start: usize) -> Result<u64, Error> {
        if info == 31 {
            return Err(Error::at("a tag cannot have an indefinite length", start));
        }
        let tag = self.argument(info)?;
        let name = match tag {
            2 => "unsigned bignum",
            3 => "negative bignum",
            4 => "decimal fraction",
            5 => "bigfloat",
            _ => return Ok(tag),
        };
        Err(Error::at(
            format!("tag {tag} ({name}): bigInteger and bigDecimal values are not supported"),
            start,
        ))
    }

    /// Skips one data item, checking what reading it would check except UTF-8.
    fn skip(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let initial = self.byte()?;
        let (major, info) = (initial >> 5, initial & 0x1f);
        match major {
            0 | 1 => self.argument(info).map(drop),
            2 | 3 if info == 31 => self.chunks(major, start).map(drop),
            2 | 3 => {
                let len = self.length(info, 1, "a string", start)?;
                self.take(len).map(drop)
            }
            4 | 5 => {
                let per_entry = usize::from(major - 3);
                let len = self.container_length(info, per_entry, "a container", start)?;
                self.enter(start)?;
                let result = self.skip_entries(len, per_entry);
                self.leave();
                result
            }
            6 => {
                if info == 31 {
                    return Err(Error::at("a tag cannot have an indefinite length", start));
                }
                self.argument(info)?;
                self.enter(start)?;
                let result = self.skip();
                self.leave();
                result
            }
            _ => match info {
                20..=23 => Ok(()),
                24 => self.byte().map(drop),
                25 => self.take(2).map(drop),
                26 => self.take(4).map(drop),
                27 => self.take(8).map(drop),
                31 => Err(Error::at("a break outside an indefinite-length item", start)),
                _ => Err(Error::at(format!("simple value {info} is not assigned"), start)),
            },
        }
    }

    fn skip_entries(&mut self, len: Option<usize>, per_entry: usize) -> Result<(), Error> {
        match len {
            Some(count) => {
                for _ in 0..count * per_entry {
                    self.skip()?;
                }
                Ok(())
            }
            None => {
                while !self.at_break()? {
                    for _ in 0..per_entry {
                        self.skip()?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// After a visitor is done with an array or map: every entry must have been read.
fn finished(left: Option<usize>, what: &str, start: usize) -> Result<(), Error> {
    match left {
        Some(0) => Ok(()),
        Some(left) => {
            Err(Error::at(format!("{what} has {left} more entries than expected"), start))
        }
        None => Err(Error::at(
            format!("{what} of indefinite length has more entries than expected"),
            start,
        )),
    }
}

enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

/// The entries of an array or map: `left` is the count still to read, `None` for an
/// indefinite-length item (which ends at its break).
struct Items<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    left: &'a mut Option<usize>,
}

impl Items<'_, '_> {
    /// Whether another entry follows; at the end of an indefinite item its break is read.
    fn next(&mut self) -> Result<bool, Error> {
        match self.left {
            Some(0) => Ok(false),
            Some(left) => {
                *left -= 1;
                Ok(true)
            }
            None => {
                if self.de.at_break()? {
                    *self.left = Some(0);
                    return Ok(false);
                }
                Ok(true)
            }
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.next()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        *self.left
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.next()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.de)
    }

    fn size_hint(&self) -> Option<usize> {
        *self.left
    }
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.any(visitor)
    }

    /// `null` and `undefined` are `None`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.input.get(self.pos) {
            Some(0xf6 | 0xf7) => {
                self.pos += 1;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    /// Only a text string: serde's string visitors would take UTF-8 bytes too.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.of_major(3, visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.of_major(3, visitor)
    }

    /// Only a byte string: a blob is never base64 text on this wire.
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.of_major(2, visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.of_major(2, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip()?;
        visitor.visit_unit()
    }

    /// A unit variant, from its name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let start = self.pos;
        let name = <String as ::serde::Deserialize>::deserialize(&mut *self)?;
        visitor
            .visit_enum(IntoDeserializer::<Error>::into_deserializer(name))
            .map_err(|error| error.or_at(start))
    }

    fn is_human_readable(&self) -> bool {
        false
    }

    ::serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

/// An IEEE 754 half-precision float, exactly as a single-precision one: every half value,
/// subnormals, the infinities and NaN included, is a float value.
pub(crate) fn half_to_f32(half: u16) -> f32 {
    let sign = if half & 0x8000 == 0 { 1.0 } else { -1.0 };
    let exponent = i32::from((half >> 10) & 0x1f);
    let fraction = f32::from(half & 0x03ff);
    match exponent {
        0 => sign * fraction * (2.0f32).powi(-24),
        31 if fraction == 0.0 => sign * f32::INFINITY,
        31 => f32::NAN,
        _ => sign * (1.0 + fraction / 1024.0) * (2.0f32).powi(exponent - 15),
    }
}
