//! Targets `cbor_response` and `cbor_round_trip`: the AppStream types over Smithy RPC v2 CBOR.
//! AppStream's model does not offer CBOR, but the codec and the response rules are the same for
//! every generated type, and its outputs and errors are the largest set of types there is.
//!
//! `cbor_response`'s input: byte 0 the operation ([`operations::by_index`]), byte 1 the status
//! ([`response::STATUSES`]), byte 2 the headers: bit 0 adds `Smithy-Protocol: rpc-v2-cbor`
//! (bit 1 spells its value wrong), bit 2 `x-amzn-RequestId`, bit 3 `x-amzn-query-error`, bit 4
//! `X-Amzn-ErrorType` (which the protocol ignores); each valued but the first by the next line
//! of the rest. What remains is the body. Checks, besides never panicking:
//! `Op::parse_response_for(Protocol::RpcV2Cbor, …)` gives an output only for 200 with the
//! header, a decode error only for 200, a service error for anything else, each keeping the
//! status and request id; the error's code is what `ErrorResponse::parse_cbor` reads (without
//! the header, `ErrorResponse::unread`: status and request id alone); strict and correcting decoding agree, and agree with
//! `cbor::from_body_with` on the output type; `Display` and `Debug`.
//!
//! `cbor_round_trip`'s input: byte 0 the operation, the rest a CBOR body of its output.
//! Checks: strict reads exactly when correcting corrects nothing, to the same value; whatever
//! correcting reads encodes as CBOR, reads back strictly to the same value (compared by
//! `Debug`, so NaNs compare equal) and encodes to the same bytes; its JSON (serde_json's and the
//! fast path's) reads back, by serde and by the fast path, to the same value too.

use crate::{operations, response};
use appstream_types::runtime::cbor;
use appstream_types::runtime::{
    DecodeError, Decoding, ErrorResponse, Operation, Protocol, ResponseError, ServiceError, fast,
    json,
};
use std::fmt::Debug;

/// The parts of a `cbor_response` input.
pub struct Response<'a> {
    pub op: &'static operations::Op,
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: &'a [u8],
}

/// Splits a `cbor_response` input as the module docs say.
pub fn split(data: &[u8]) -> Response<'_> {
    let byte = |index: usize| data.get(index).copied().unwrap_or(0);
    let op = operations::by_index(usize::from(byte(0)));
    let status = response::STATUSES[usize::from(byte(1)) % response::STATUSES.len()];
    let flags = byte(2);
    let mut rest = data.get(3..).unwrap_or_default();
    let next_line = |rest: &mut &[u8]| {
        let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let line = String::from_utf8_lossy(&rest[..end]).into_owned();
        *rest = rest.get(end + 1..).unwrap_or_default();
        line
    };
    let mut headers = Vec::new();
    if flags & 1 != 0 {
        let value = if flags & 2 != 0 { "rpc-v2-json" } else { "rpc-v2-cbor" };
        headers.push(("Smithy-Protocol", value.to_owned()));
    }
    if flags & 4 != 0 {
        headers.push(("x-amzn-RequestId", next_line(&mut rest)));
    }
    if flags & 8 != 0 {
        headers.push(("x-amzn-query-error", next_line(&mut rest)));
    }
    if flags & 16 != 0 {
        headers.push(("X-Amzn-ErrorType", next_line(&mut rest)));
    }
    Response { op, status, headers, body: rest }
}

pub fn fuzz_response(data: &[u8]) {
    let response = split(data);
    let headers: Vec<(&str, &str)> =
        response.headers.iter().map(|(name, value)| (*name, value.as_str())).collect();
    (response.op.cbor_response)(response.status, &headers, response.body);
}

pub fn fuzz_round_trip(data: &[u8]) {
    let op = operations::by_index(usize::from(data.first().copied().unwrap_or(0)));
    (op.cbor_round_trip)(data.get(1..).unwrap_or_default());
}

/// `cbor_response`'s checks for one operation (the table's `cbor_response`).
pub fn check_response<O: Operation>(status: u16, headers: &[(&str, &str)], body: &[u8])
where
    O::Output: Debug,
{
    let what = || format!("{} {status} {headers:?} {body:02x?}", O::NAME);
    let speaks = headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("smithy-protocol") && *value == "rpc-v2-cbor"
    });
    let parse =
        |decoding| O::parse_response_for(Protocol::RpcV2Cbor, status, headers, body, decoding);
    let strict = parse(Decoding::Strict);
    let correcting = parse(Decoding::Correcting);
    let _ = format!("{strict:?}{correcting:?}");
    // Without the header the answer is judged by its status alone: no code from the body or
    // from `X-Amzn-ErrorType`.
    let expected = if speaks {
        ErrorResponse::parse_cbor(status, headers, body)
    } else {
        let why = DecodeError::new("", "no Smithy-Protocol");
        ErrorResponse::unread(status, headers, body, Protocol::RpcV2Cbor, why)
    };
    for result in [&strict.as_ref().map(|_| ()), &correcting.as_ref().map(|_| ())] {
        match result {
            Ok(()) => assert!(speaks && status == 200, "an output: {}", what()),
            Err(error) => {
                let _ = error.to_string();
                assert_eq!(error.status(), status, "status kept: {}", what());
                assert_eq!(error.request_id(), expected.request_id(), "request id: {}", what());
                match error {
                    ResponseError::Decode { error, .. } => {
                        assert_eq!(status, 200, "a decode error for status {status}: {}", what());
                        let length = error.message().chars().count();
                        assert!(length <= 513, "a decode message of {length} chars: {}", what());
                    }
                    ResponseError::Service { error, .. } => {
                        assert_ne!(status, 200, "a service error for 200: {}", what());
                        assert_eq!(error.code(), expected.code(), "error code: {}", what());
                        let _ = error.message();
                    }
                }
            }
        }
    }
    match (&strict, &correcting) {
        (Ok(strict), Ok(correcting)) => {
            assert!(strict.corrected.is_empty(), "strict corrected: {}", what());
            assert!(correcting.corrected.is_empty(), "strict read it, correcting corrected");
            assert_eq!(
                format!("{:?}", strict.value),
                format!("{:?}", correcting.value),
                "strict and correcting read different values: {}",
                what()
            );
            let direct = cbor::from_body_with::<O::Output>(body, Decoding::Strict);
            let direct = direct.unwrap_or_else(|error| {
                panic!("parse_response_for read it, from_body_with did not ({error}): {}", what())
            });
            assert_eq!(format!("{:?}", direct.value), format!("{:?}", strict.value), "{}", what());
        }
        (Ok(_), Err(error)) => panic!("strict read it, correcting did not ({error}): {}", what()),
        (Err(_), Ok(correcting)) => {
            assert!(!correcting.corrected.is_empty(), "read with nothing to correct: {}", what())
        }
        (Err(_), Err(_)) => {}
    }
}

/// `cbor_round_trip`'s checks for one operation (the table's `cbor_round_trip`).
pub fn check_round_trip<O: Operation>(body: &[u8])
where
    O::Output: serde::Serialize + Debug + fast::Encode,
{
    let what = || format!("{} output from {body:02x?}", O::NAME);
    let strict = cbor::from_body_with::<O::Output>(body, Decoding::Strict);
    let correcting = cbor::from_body_with::<O::Output>(body, Decoding::Correcting);
    match (&strict, &correcting) {
        (Ok(strict), Ok(correcting)) => {
            assert!(correcting.corrected.is_empty(), "strict read, yet corrected: {}", what());
            assert_eq!(
                format!("{:?}", strict.value),
                format!("{:?}", correcting.value),
                "strict and correcting read different values: {}",
                what()
            );
        }
        (Ok(_), Err(error)) => panic!("strict read it, correcting did not ({error}): {}", what()),
        (Err(_), Ok(correcting)) => assert!(
            !correcting.corrected.is_empty(),
            "correcting read it with nothing to correct, strict did not: {}",
            what()
        ),
        (Err(_), Err(_)) => {}
    }
    let Ok(first) = correcting else { return };
    let shown = format!("{:?}", first.value);
    let encoded = cbor::to_vec(&first.value)
        .unwrap_or_else(|error| panic!("a decoded value does not encode ({error}): {}", what()));
    let again =
        cbor::from_body_with::<O::Output>(&encoded, Decoding::Strict).unwrap_or_else(|error| {
            panic!("its CBOR {encoded:02x?} does not read back ({error}): {}", what())
        });
    assert_eq!(shown, format!("{:?}", again.value), "read back as another value: {}", what());
    let re_encoded = cbor::to_vec(&again.value)
        .unwrap_or_else(|error| panic!("the re-read value does not encode ({error}): {}", what()));
    assert!(
        re_encoded == encoded,
        "CBOR encoding is not stable: {encoded:02x?} then {re_encoded:02x?}: {}",
        what()
    );
    // The same value as JSON reads back to the same value.
    let json = serde_json::to_vec(&first.value)
        .unwrap_or_else(|error| panic!("it does not encode as JSON ({error}): {}", what()));
    let text = || String::from_utf8_lossy(&json).into_owned();
    let fast_json = fast::to_vec(&first.value)
        .unwrap_or_else(|error| panic!("the fast path does not encode it ({error}): {}", what()));
    assert!(fast_json == json, "the fast path and serde_json differ on {}: {}", text(), what());
    let from_json = json::from_body::<O::Output>(&json).unwrap_or_else(|error| {
        panic!("its JSON {} does not read back ({error}): {}", text(), what())
    });
    assert_eq!(
        shown,
        format!("{from_json:?}"),
        "its JSON {} reads as another value: {}",
        text(),
        what()
    );
    if let Some(fast) = fast::read::<O::Output>(&json) {
        assert_eq!(
            shown,
            format!("{fast:?}"),
            "the fast path reads {} otherwise: {}",
            text(),
            what()
        );
    }
}

/// A `cbor_response` seed from a `parse_response` one: the same operation, status and request
/// id, with `Smithy-Protocol`, and the JSON body as CBOR (read correcting as the output for a
/// 2xx, as a document otherwise). `None` if the body is not JSON.
pub fn response_seed(json_seed: &[u8]) -> Option<Vec<u8>> {
    let parsed = response::split(json_seed);
    let status_byte = json_seed.get(1).copied().unwrap_or(0);
    let body = (parsed.op.cbor_of_json)(parsed.status, parsed.body)?;
    let request_id =
        parsed.headers.iter().find(|(name, _)| name.eq_ignore_ascii_case("x-amzn-RequestId"));
    let mut seed = vec![json_seed.first().copied().unwrap_or(0), status_byte, 1];
    if let Some((_, id)) = request_id {
        seed[2] |= 4;
        seed.extend_from_slice(id.as_bytes());
        seed.push(b'\n');
    }
    seed.extend(body);
    Some(seed)
}

/// A `cbor_round_trip` seed from a `parse_response` one: its operation, and its body read as
/// the output and written as CBOR.
pub fn round_trip_seed(json_seed: &[u8]) -> Option<Vec<u8>> {
    let parsed = response::split(json_seed);
    let body = (parsed.op.cbor_of_json)(200, parsed.body)?;
    let mut seed = vec![json_seed.first().copied().unwrap_or(0)];
    seed.extend(body);
    Some(seed)
}

/// The body of a `cbor_response` seed, as [`response_seed`] says (the table's `cbor_of_json`).
pub fn cbor_of_json<O: Operation>(status: u16, json: &[u8]) -> Option<Vec<u8>>
where
    O::Output: serde::Serialize,
{
    if (200..=299).contains(&status) {
        let value = json::from_body_with::<O::Output>(json, Decoding::Correcting).ok()?;
        cbor::to_vec(&value.value).ok()
    } else {
        let value: serde_json::Value = serde_json::from_slice(json).ok()?;
        cbor::to_vec(&value).ok()
    }
}
