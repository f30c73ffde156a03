//! The fast path of reading a response: generated [`Decode`] impls over a [`Reader`] that
//! reads conformant bodies directly, without serde's visitors. Anything it does not expect (a
//! missing required member, a member given twice, an escaped key, a wrong type, broken JSON) is
//! a [`Miss`], and the body is then read by the serde path, which gives the value, the
//! corrections or the error with its path. So the fast path never decides anything on its own:
//! whatever it reads, serde reads the same (the fuzz targets check it).
//!
//! For generated code only: hidden, outside SemVer.

mod encode;
mod forms;
mod reader;
#[cfg(test)]
mod tests;

pub use self::encode::{Encode, Written, key, serde, string, to_vec};
pub use self::forms::FastForm;
pub use self::reader::Reader;

/// The fast path gave up; the serde path reads the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Miss;

/// What a fast read gives.
pub type Fast<T> = Result<T, Miss>;

/// A type the fast path reads.
pub trait Decode: Sized {
    fn decode(reader: &mut Reader<'_>) -> Fast<Self>;
}

/// The whole of `body` as a `T`, or `None` if the serde path must read it. An empty (or
/// all-whitespace) body reads as `{}`, as on the serde path.
pub fn read<T: Decode>(body: &[u8]) -> Option<T> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    let text = ::std::str::from_utf8(body).ok()?;
    let mut reader = Reader::new(text);
    let value = T::decode(&mut reader).ok()?;
    reader.finish().ok()?;
    Some(value)
}

/// Reads member `slot` in form `F`, as the serde path's `decode::member` does: `null` leaves
/// it `None`, a member given twice misses.
#[inline]
pub fn member<F: FastForm<T>, T>(reader: &mut Reader<'_>, slot: &mut Option<T>) -> Fast<()> {
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
pub fn empty_structure(reader: &mut Reader<'_>) -> Fast<()> {
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
pub fn string_enum<T: for<'a> From<&'a str> + From<String>>(reader: &mut Reader<'_>) -> Fast<T> {
    match reader.str() {
        Ok(text) => Ok(T::from(text)),
        Err(Miss) => reader.escaped_string::<String>().map(T::from),
    }
}
