//! Target `parse_response`: `Op::parse_response` of any operation of either build.
//!
//! Input: byte 0 picks the operation ([`operations::by_index`]), byte 1 the status
//! ([`STATUSES`]), byte 2 the headers: bit 0 adds `X-Amzn-ErrorType` (bit 1 spells it in lower
//! case), bit 2 `x-amzn-RequestId`, bit 3 `x-amz-request-id`; each header's value is the next
//! line of the rest (up to a `\n`, as lossy UTF-8). What remains is the body.
//!
//! Checks, besides never panicking: a 2xx answer is the output or a decode error, anything else
//! a service error, both keeping the status and request id; the error code is the one
//! `ErrorResponse::parse` reads; decode messages stay within their 512 characters; strict and
//! correcting decoding agree (strict reads a body exactly when correcting reads it with nothing
//! to correct, and to the same value); whatever the fast path reads, serde reads the same;
//! `Display` and `Debug` of whatever came back.

use crate::operations;
use appstream_types::runtime::{Decoding, ErrorResponse, Operation, ResponseError, ServiceError};
use appstream_types::runtime::{fast, json};

/// The statuses byte 1 chooses from: successes, the errors AWS sends, and edges.
pub const STATUSES: &[u16] = &[
    200,
    200,
    200,
    200,
    201,
    202,
    204,
    299,
    400,
    400,
    400,
    400,
    401,
    403,
    404,
    409,
    413,
    429,
    500,
    502,
    503,
    504,
    100,
    199,
    300,
    301,
    304,
    399,
    0,
    1,
    599,
    600,
    999,
    u16::MAX,
];

/// The parts of an input.
pub struct Response<'a> {
    pub op: &'static operations::Op,
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: &'a [u8],
}

/// Splits the input as the module docs say.
pub fn split(data: &[u8]) -> Response<'_> {
    let byte = |index: usize| data.get(index).copied().unwrap_or(0);
    let op = operations::by_index(usize::from(byte(0)));
    let status = STATUSES[usize::from(byte(1)) % STATUSES.len()];
    let flags = byte(2);
    let mut rest = data.get(3..).unwrap_or_default();
    let mut headers = Vec::new();
    let next_line = |rest: &mut &[u8]| {
        let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let line = String::from_utf8_lossy(&rest[..end]).into_owned();
        *rest = rest.get(end + 1..).unwrap_or_default();
        line
    };
    if flags & 1 != 0 {
        let name = if flags & 2 != 0 { "x-amzn-errortype" } else { "X-Amzn-ErrorType" };
        headers.push((name, next_line(&mut rest)));
    }
    if flags & 4 != 0 {
        headers.push(("x-amzn-RequestId", next_line(&mut rest)));
    }
    if flags & 8 != 0 {
        headers.push(("x-amz-request-id", next_line(&mut rest)));
    }
    Response { op, status, headers, body: rest }
}

pub fn fuzz(data: &[u8]) {
    let response = split(data);
    let headers: Vec<(&str, &str)> =
        response.headers.iter().map(|(name, value)| (*name, value.as_str())).collect();
    (response.op.parse_response)(response.status, &headers, response.body);
}

/// The checks for one operation (the table's `parse_response`).
pub fn check<O: Operation>(status: u16, headers: &[(&str, &str)], body: &[u8])
where
    O::Output: std::fmt::Debug,
{
    let what = || format!("{} {status} {headers:?} {:?}", O::NAME, String::from_utf8_lossy(body));
    let success = (200..=299).contains(&status);
    let expected = ErrorResponse::parse(status, headers, body);
    let result = O::parse_response(status, headers, body);
    let _ = format!("{result:?}");
    match &result {
        Ok(_) => assert!(success, "an output for status {status}: {}", what()),
        Err(error) => {
            let _ = error.to_string();
            assert_eq!(error.status(), status, "status kept: {}", what());
            assert_eq!(error.request_id(), expected.request_id(), "request id: {}", what());
            match error {
                ResponseError::Decode { error, .. } => {
                    assert!(success, "a decode error for status {status}: {}", what());
                    let length = error.message().chars().count();
                    assert!(length <= 513, "a decode message of {length} characters: {}", what());
                }
                ResponseError::Service { error, .. } => {
                    assert!(!success, "a service error for status {status}: {}", what());
                    assert_eq!(error.code(), expected.code(), "error code: {}", what());
                    let _ = error.message();
                }
            }
        }
    }
    if let Some(fast) = fast::read::<O::Output>(body) {
        match json::from_body::<O::Output>(body) {
            Ok(serde) => assert_eq!(
                format!("{fast:?}"),
                format!("{serde:?}"),
                "the fast path and serde read different values: {}",
                what()
            ),
            Err(error) => panic!("the fast path read it, serde did not ({error}): {}", what()),
        }
    }
    let strict = O::parse_response_with(status, headers, body, Decoding::Strict);
    let correcting = O::parse_response_with(status, headers, body, Decoding::Correcting);
    if success {
        match (&strict, &correcting) {
            (Ok(strict), Ok(correcting)) => {
                assert!(strict.corrected.is_empty(), "strict corrected: {}", what());
                assert!(
                    correcting.corrected.is_empty(),
                    "strict read it, correcting corrected {:?}: {}",
                    correcting.corrected,
                    what()
                );
                assert_eq!(
                    format!("{:?}", strict.value),
                    format!("{:?}", correcting.value),
                    "strict and correcting read different values: {}",
                    what()
                );
            }
            (Ok(_), Err(error)) => {
                panic!("strict read it, correcting did not ({error}): {}", what())
            }
            (Err(_), Ok(correcting)) => assert!(
                !correcting.corrected.is_empty(),
                "correcting read it with nothing to correct, strict did not: {}",
                what()
            ),
            (Err(_), Err(_)) => {}
        }
    } else {
        let code = |result: &Result<_, ResponseError<O::Error>>| match result {
            Err(ResponseError::Service { error, .. }) => error.code().map(str::to_owned),
            _ => None,
        };
        assert_eq!(code(&strict), code(&correcting), "the code depends on decoding: {}", what());
        assert_eq!(code(&strict), expected.code().map(str::to_owned), "code: {}", what());
    }
}
