//! An operation's request and response over Smithy RPC v2 CBOR.

use crate::decode::{Decoded, Decoding};
use crate::error::{DecodeError, EncodeError, ResponseError, ResponseMeta};
use crate::error_response::ErrorResponse;
use crate::headers::{Headers, request_id};
use crate::operation::Operation;
use crate::protocol::{Protocol, answered_in};
use crate::request::{Request, RequestOptions};

/// The request for `input` (already checked and filled in): a CBOR body unless the model
/// gives the operation no input.
pub(crate) fn request<O: Operation + ?Sized>(
    input: &O::Input,
    host_prefix: Option<String>,
    options: &RequestOptions,
) -> Result<Request, EncodeError> {
    let body = if O::HAS_INPUT { Some(super::to_vec(input)?) } else { None };
    let service_name = O::SERVICE.target_prefix;
    let compression = O::REQUEST_COMPRESSION;
    Ok(Request::rpc_v2_cbor(service_name, O::NAME, compression, body, host_prefix, options))
}

/// Reads a response as the protocol says: one without `Smithy-Protocol: rpc-v2-cbor` is
/// malformed and judged by its status alone; 200 is the output, any other status an error.
pub(crate) fn parse_response<O: Operation + ?Sized, H: Headers + ?Sized>(
    status: u16,
    headers: &H,
    body: &[u8],
    decoding: Decoding,
) -> Result<Decoded<O::Output>, ResponseError<O::Error>> {
    if answered_in(headers) != Some(Protocol::RpcV2Cbor) {
        let why = DecodeError::new(
            "",
            format!(
                "the response (status {status}) has no `Smithy-Protocol: rpc-v2-cbor` header: \
                 it is not a Smithy RPC v2 CBOR response, and its body is not read"
            ),
        );
        if status == 200 {
            let meta = ResponseMeta::new(status, request_id(headers));
            return Err(ResponseError::Decode { error: why, meta });
        }
        let response = ErrorResponse::unread(status, headers, body, Protocol::RpcV2Cbor, why);
        return Err(response.into_response_error());
    }
    if status == 200 {
        // As for awsJson: a conformant body is read once on the fast path, any other by serde.
        let fast = crate::fast::read_cbor(body);
        return crate::decode::output(
            fast,
            || super::from_body_with(body, decoding),
            status,
            headers,
        );
    }
    Err(ErrorResponse::parse_cbor(status, headers, body)
        .with_decoding(decoding)
        .into_response_error())
}
