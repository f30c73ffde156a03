//! An operation's request and response over awsJson 1.0 and 1.1.

use crate::decode::{Decoded, Decoding};
use crate::error::{EncodeError, ResponseError};
use crate::error_response::ErrorResponse;
use crate::headers::Headers;
use crate::operation::Operation;
use crate::protocol::Protocol;
use crate::request::{Request, RequestOptions};

/// The request for `input` (already checked and filled in): `POST /` with the target and a
/// JSON body.
pub(crate) fn request<O: Operation + ?Sized>(
    input: &O::Input,
    protocol: Protocol,
    host_prefix: Option<String>,
    options: &RequestOptions,
) -> Result<Request, EncodeError> {
    let body = crate::fast::to_vec(input)?;
    let compression = O::REQUEST_COMPRESSION;
    Ok(Request::new(O::TARGET, protocol, compression, body, host_prefix, options))
}

/// Reads a response: a 2xx body as the output, anything else as an error.
pub(crate) fn parse_response<O: Operation + ?Sized, H: Headers + ?Sized>(
    status: u16,
    headers: &H,
    body: &[u8],
    decoding: Decoding,
) -> Result<Decoded<O::Output>, ResponseError<O::Error>> {
    if (200..=299).contains(&status) {
        // A body that conforms, which is nearly every body, is read once on the fast path;
        // any other by serde, for the corrections or the error and its path.
        let fast = crate::fast::read(body);
        return crate::decode::output(
            fast,
            || super::from_body_with(body, decoding),
            status,
            headers,
        );
    }
    Err(ErrorResponse::parse(status, headers, body).with_decoding(decoding).into_response_error())
}
