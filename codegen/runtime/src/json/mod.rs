//! awsJson's bodies and messages, the peer of `cbor` (the `cbor` feature): response bodies read with
//! serde_json through the generated `Deserialize` impls (after the fast path,
//! [`crate::fast::JsonReader`], missed), and the request and response of an operation over
//! awsJson 1.0 and 1.1. Request bodies are written by [`crate::fast::to_vec`].

pub(crate) mod operation;

use crate::decode::{Decoded, Decoding, read_tracked};
use crate::error::DecodeError;

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
