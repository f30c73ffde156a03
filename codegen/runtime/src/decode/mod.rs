//! Reading response bodies: strictly, or correcting members the model requires that are
//! missing, with the path of any failure. What both protocols share (the tracking, the
//! corrections, the member helpers generated code calls) is here, with JSON's entry point;
//! CBOR's is [`crate::cbor::from_body_with`] (with the `cbor` feature).

mod members;
mod state;
#[cfg(test)]
mod tests;

pub use self::members::{Zero, member, required, union_member};
pub(crate) use self::state::{Segment, drop_null, pop, push, tracking};

use super::error::DecodeError;

/// What to do with a member the model requires that a body leaves out or gives as `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Decoding {
    /// Read it as its zero value (empty string, 0, false, an empty list or map, epoch 0, a
    /// structure of zero values, an unknown enum value) and say so in
    /// [`Decoded::corrected`]: Smithy's client error correction. A map entry whose value is
    /// `null` is dropped and listed there too. AWS does leave such members
    /// out, so a client keeps working where a strict reader would lose the whole answer.
    #[default]
    Correcting,
    /// Refuse the body: a [`DecodeError`] names the member and its path. For checking that
    /// traffic conforms to the model.
    Strict,
}

/// A body read, and the members [`Decoding::Correcting`] filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    pub value: T,
    /// The path of each required member that was missing or `null` and now holds its zero
    /// value, like `Fleets[0].ImageName`, and of each map entry whose value was `null` and was
    /// dropped, like `Tags["team"]` (Smithy's clients drop them); empty when the body had
    /// nothing to correct.
    pub corrected: Vec<String>,
}

/// Reads a JSON response body strictly; an empty (or all-whitespace) body reads as `{}`.
pub fn from_body<'de, T: ::serde::Deserialize<'de>>(body: &'de [u8]) -> Result<T, DecodeError> {
    from_body_with(body, Decoding::Strict).map(|decoded| decoded.value)
}

/// Reads a JSON response body, correcting missing required members or not; an empty (or
/// all-whitespace) body reads as `{}`.
///
/// The common case, a body that has everything, is one plain `serde_json` read. Only after a
/// failure is the body read again, tracking the path: to say where it failed
/// (`Fleets[0].VpcConfig.SubnetIds[1]`), or to correct what was missing. serde_json's
/// ` at line L column C` suffix is kept: for a body that is not valid JSON it is the only
/// pointer to the fault.
///
/// The body is checked to be UTF-8 once, whole, and then read as text: reading bytes, serde_json
/// would check every string on its own, which costs more than the rest of a typed decode's
/// string handling. A body that is not UTF-8 is read as bytes, for serde_json's own error.
pub fn from_body_with<'de, T: ::serde::Deserialize<'de>>(
    body: &'de [u8],
    decoding: Decoding,
) -> Result<Decoded<T>, DecodeError> {
    let body: &'de [u8] = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    let text = ::std::str::from_utf8(body).ok();
    let read = || match text {
        Some(text) => ::serde_json::from_str::<T>(text),
        None => ::serde_json::from_slice::<T>(body),
    };
    read_tracked(decoding, read)
}

/// Runs `read` (one protocol's whole read of a body) plainly, and after a failure again,
/// tracking the path and correcting as `decoding` says: what both protocols share.
pub(crate) fn read_tracked<T, E: ::std::fmt::Display>(
    decoding: Decoding,
    read: impl Fn() -> Result<T, E>,
) -> Result<Decoded<T>, DecodeError> {
    if let Ok(value) = read() {
        return Ok(Decoded { value, corrected: Vec::new() });
    }
    let (result, path, corrected) = state::tracked(decoding == Decoding::Correcting, read);
    match result {
        Ok(value) => Ok(Decoded { value, corrected }),
        Err(error) => Err(DecodeError::new(path, error.to_string())),
    }
}

/// `text` cut to at most `limit` characters, with `…` where it was cut: what a message quotes
/// of the input stays readable whatever the input holds.
pub(crate) fn bounded(text: &str, limit: usize) -> ::std::borrow::Cow<'_, str> {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
        None => text.into(),
    }
}
