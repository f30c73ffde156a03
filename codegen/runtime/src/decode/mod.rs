//! Reading response bodies, over either protocol: strictly, or correcting members the model
//! requires that are missing, with the path of any failure. The tracking, the corrections and
//! the member helpers generated `Deserialize` impls call are here; each protocol's entry point
//! is its own: [`crate::json::from_body_with`], `cbor::from_body_with` (the `cbor` feature).

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

/// A successful response's output: the fast path's value when it read the body, else the serde
/// path's (`serde`), whose error keeps the status and request id. What both protocols do.
pub(crate) fn output<T, E, H: crate::Headers + ?Sized>(
    fast: Option<T>,
    serde: impl FnOnce() -> Result<Decoded<T>, DecodeError>,
    status: u16,
    headers: &H,
) -> Result<Decoded<T>, crate::ResponseError<E>> {
    if let Some(value) = fast {
        return Ok(Decoded { value, corrected: Vec::new() });
    }
    serde().map_err(|error| crate::ResponseError::Decode {
        error,
        meta: crate::ResponseMeta::new(status, crate::headers::request_id(headers)),
    })
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
