//! Smithy RPC v2 CBOR's bodies: the generated types' serde forms written and read as CBOR
//! (RFC 8949), through the same `Serialize` and `Deserialize` impls as awsJson's, so strict and
//! correcting decoding, the paths of errors and `validate()` are the same on both wires.
//!
//! The wire rules the two protocols do not share live in the types' own impls, which ask
//! `is_human_readable()` (false here): timestamps are tag 1 epoch seconds instead of JSON
//! numbers or strings, blobs byte strings instead of base64, NaN and the infinities floats
//! instead of strings.

mod de;
mod error;
pub(crate) mod operation;
mod ser;
#[cfg(test)]
mod tests;

pub(crate) use self::de::half_to_f32;
pub use self::de::{Deserializer, NESTING_LIMIT};
pub use self::error::Error;
pub use self::ser::Serializer;

use crate::decode::{Decoded, Decoding};
use crate::error::DecodeError;

/// The CBOR of `value`.
pub fn to_vec<T: ::serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    value.serialize(&mut Serializer::new(&mut out))?;
    Ok(out)
}

/// Reads one `T` from the whole of `bytes` (nothing may follow it), as serde would: nothing is
/// tracked or corrected. [`from_body_with`] is what responses are read with.
pub fn from_slice<'de, T: ::serde::Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    let mut deserializer = Deserializer::from_slice(bytes);
    let value =
        T::deserialize(&mut deserializer).map_err(|error| error.or_at(deserializer.offset()))?;
    deserializer.end()?;
    Ok(value)
}

/// The empty map an empty body stands for: the protocol sends no body for an operation
/// without input or output.
const EMPTY_MAP: &[u8] = &[0xa0];

/// `body`, or the empty map an empty body stands for.
pub(crate) fn or_empty_map(body: &[u8]) -> &[u8] {
    if body.is_empty() { EMPTY_MAP } else { body }
}

/// Reads a CBOR body strictly; an empty body reads as an empty map.
pub fn from_body<'de, T: ::serde::Deserialize<'de>>(body: &'de [u8]) -> Result<T, DecodeError> {
    from_body_with(body, Decoding::Strict).map(|decoded| decoded.value)
}

/// Reads a CBOR body, correcting missing required members or not, as
/// [`json::from_body_with`](crate::json::from_body_with) reads JSON: once plainly, and
/// only after a failure again, tracking the path (`Fleets[0].VpcConfig.SubnetIds[1]`) to say
/// where it failed or to correct what was missing. Messages end in the byte offset of the data
/// item at fault (` at byte 1234`).
pub fn from_body_with<'de, T: ::serde::Deserialize<'de>>(
    body: &'de [u8],
    decoding: Decoding,
) -> Result<Decoded<T>, DecodeError> {
    let body = or_empty_map(body);
    crate::decode::read_tracked(decoding, || from_slice::<T>(body))
}
