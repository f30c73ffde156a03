//! The fast path of reading a response: generated [`Decode`] impls over a [`Read`]er that reads
//! conformant bodies directly, without serde's visitors. Anything it does not expect (a
//! missing required member, a member given twice, an escaped key, a wrong type, a broken
//! body) is a [`Miss`], and the body is then read by the serde path, which gives the value, the
//! corrections or the error with its path. So the fast path never decides anything on its own:
//! whatever it reads, serde reads the same (the fuzz targets check it).
//!
//! Both protocols have a reader: [`JsonReader`] for awsJson, `CborReader` for Smithy RPC v2
//! CBOR (the `cbor` feature). The generated impls and the forms ([`FastForm`]) are written
//! once, generic over [`Read`], and monomorphized for each.
//!
//! For generated code only: hidden, outside SemVer.

#[cfg(feature = "cbor")]
mod cbor;
mod encode;
mod forms;
mod json;
#[cfg(test)]
mod tests;

#[cfg(feature = "cbor")]
pub use self::cbor::CborReader;
pub use self::encode::{Encode, Written, key, serde, string, to_vec};
pub use self::forms::FastForm;
pub use self::json::JsonReader;

use crate::{Blob, DateTime};

/// The fast path gave up; the serde path reads the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Miss;

/// What a fast read gives.
pub type Fast<T> = Result<T, Miss>;

/// What a protocol's fast reader reads: the values of conformant bodies. `'a` is the body's
/// lifetime, which borrowed strings keep.
pub trait Read<'a>: Sized {
    /// Nothing is left after the body's value.
    fn finish(&mut self) -> Fast<()>;
    /// The start of an object (a map).
    fn begin_object(&mut self) -> Fast<()>;
    /// The next key of an object begun with [`Read::begin_object`]; `None` at its end. `first`
    /// is true until the first key is read.
    fn next_key(&mut self, first: &mut bool) -> Fast<Option<&'a str>>;
    /// The next member of an object begun with [`Read::begin_object`], as its index among the
    /// structure's members (`names`, in the model's order), `usize::MAX` for a key it does not
    /// have, and `None` at the object's end. Services write members in the model's order, so a
    /// reader tries the member `expected` (the one after the last found) first, in place: JSON's
    /// with `quoted_key(expected, rest)`, the length of its quoted key if `rest` starts with it
    /// (else 0), CBOR's against `names[expected]`. Any other key is looked up by `index_of`.
    /// `first` is true until the first key is read.
    fn next_member(
        &mut self,
        first: &mut bool,
        expected: &mut usize,
        names: &[&str],
        quoted_key: impl FnOnce(usize, &[u8]) -> usize,
        index_of: impl FnOnce(&str) -> usize,
    ) -> Fast<Option<usize>>;
    /// Consumes a null, if that is what comes next.
    fn null(&mut self) -> bool;
    /// A string, borrowed; on a miss the position is unchanged, so the caller can read the same
    /// string another way.
    fn str(&mut self) -> Fast<&'a str>;
    /// A string, owned.
    fn string(&mut self) -> Fast<String>;
    fn boolean(&mut self) -> Fast<bool>;
    /// An integer that fits an `i64`.
    fn integer(&mut self) -> Fast<i64>;
    /// A `double`, as the wire's form of floats has it.
    fn double(&mut self) -> Fast<f64>;
    /// A `float`, as the wire's form of floats has it.
    fn single(&mut self) -> Fast<f32>;
    /// A timestamp, as the wire writes them.
    fn timestamp(&mut self) -> Fast<DateTime>;
    /// A blob, as the wire writes them.
    fn blob(&mut self) -> Fast<Blob>;
    /// A list, its elements read by `element`.
    fn list<T>(&mut self, element: impl FnMut(&mut Self) -> Fast<T>) -> Fast<Vec<T>>;
    /// Skips any value, checking it as the serde path would.
    fn skip(&mut self) -> Fast<()>;
    /// The next value, read by the protocol's serde deserializer as `T`, for the values the
    /// reader does not read itself.
    fn serde<T: ::serde::de::DeserializeOwned>(&mut self) -> Fast<T>;
}

/// A type the fast path reads.
pub trait Decode: Sized {
    fn decode<'a, R: Read<'a>>(reader: &mut R) -> Fast<Self>;
}

/// The whole of the JSON `body` as a `T`, or `None` if the serde path must read it. An empty
/// (or all-whitespace) body reads as `{}`, as on the serde path.
pub fn read<T: Decode>(body: &[u8]) -> Option<T> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    let text = ::std::str::from_utf8(body).ok()?;
    read_with(&mut JsonReader::new(text))
}

/// The whole of the CBOR `body` as a `T`, or `None` if the serde path must read it. An empty
/// body reads as an empty map, as on the serde path.
#[cfg(feature = "cbor")]
pub fn read_cbor<T: Decode>(body: &[u8]) -> Option<T> {
    let body = crate::cbor::or_empty_map(body);
    read_with(&mut CborReader::new(body))
}

fn read_with<'a, T: Decode, R: Read<'a>>(reader: &mut R) -> Option<T> {
    let value = T::decode(reader).ok()?;
    reader.finish().ok()?;
    Some(value)
}

/// Reads member `slot` in form `F`, as the serde path's `decode::member` does: null leaves it
/// `None`, a member given twice misses.
#[inline]
pub fn member<'a, F: FastForm<T>, T>(reader: &mut impl Read<'a>, slot: &mut Option<T>) -> Fast<()> {
    if slot.is_some() {
        return Err(Miss);
    }
    if !reader.null() {
        *slot = Some(F::decode(reader)?);
    }
    Ok(())
}

/// A required member's value; one the body left out misses.
#[inline]
pub fn required<T>(slot: Option<T>) -> Fast<T> {
    slot.ok_or(Miss)
}

/// A structure without members: any object.
pub fn empty_structure<'a, R: Read<'a>>(reader: &mut R) -> Fast<()> {
    reader.begin_object()?;
    let mut first = true;
    while reader.next_key(&mut first)?.is_some() {
        reader.skip()?;
    }
    Ok(())
}

/// A string enum: a borrowed value goes through `From<&str>`, which allocates only for an
/// unknown value, as the serde path's `enums::deserialize`.
#[inline]
pub fn string_enum<'a, T>(reader: &mut impl Read<'a>) -> Fast<T>
where
    T: for<'t> From<&'t str> + From<String>,
{
    match reader.str() {
        Ok(text) => Ok(T::from(text)),
        Err(Miss) => reader.string().map(T::from),
    }
}
