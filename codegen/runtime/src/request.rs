//! A request ready to sign and send, and how one is built.

use super::compression;
use super::endpoint::Endpoint;
use super::protocol::Protocol;
use ::std::borrow::Cow;

/// An HTTP request ready to sign and send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Always `POST`.
    pub method: &'static str,
    /// `/` for awsJson; `/service/<ServiceName>/operation/<Operation>` for RPC v2 CBOR.
    pub path: Cow<'static, str>,
    /// awsJson: `X-Amz-Target`, `Content-Type`, `Content-Encoding` when the body is
    /// compressed, and `Content-Length`. RPC v2 CBOR: `Smithy-Protocol`, `Accept`, and
    /// `Content-Type`, `Content-Encoding` and `Content-Length` when there is a body.
    pub headers: Vec<(&'static str, String)>,
    /// The body (JSON or CBOR), gzip-compressed where the operation asks for it
    /// ([`RequestOptions`]).
    pub body: Vec<u8>,
    /// The protocol the request speaks: the response is read by it
    /// ([`Operation::parse_response_for`](crate::Operation::parse_response_for)).
    pub protocol: Protocol,
    /// What goes before the endpoint's host name (`data-` for `data-service.example.com`),
    /// for operations whose model gives an endpoint `hostPrefix`.
    pub host_prefix: Option<String>,
}

impl Request {
    /// Builds an awsJson request for a body: the target and `protocol`'s content type headers,
    /// then the body compressed with the first of `compression` (the operation's
    /// `requestcompression` encodings) that `options` allow, then `Content-Length`.
    pub fn new(
        target: &str,
        protocol: Protocol,
        compression: &[&str],
        body: Vec<u8>,
        host_prefix: Option<String>,
        options: &RequestOptions,
    ) -> Self {
        let content_type = protocol.content_type().to_owned();
        let mut headers = vec![("X-Amz-Target", target.to_owned()), ("Content-Type", content_type)];
        let body = with_body(&mut headers, compression, body, options);
        Request { method: "POST", path: Cow::Borrowed("/"), headers, body, host_prefix, protocol }
    }

    /// Builds a Smithy RPC v2 CBOR request to `/service/<service_name>/operation/<operation>`:
    /// `Smithy-Protocol: rpc-v2-cbor` and `Accept: application/cbor`; with a body (`None` for
    /// an operation the model gives no input), `Content-Type: application/cbor`, the body
    /// compressed as for awsJson, and `Content-Length`. No `X-Amz-Target`.
    pub fn rpc_v2_cbor(
        service_name: &str,
        operation: &str,
        compression: &[&str],
        body: Option<Vec<u8>>,
        host_prefix: Option<String>,
        options: &RequestOptions,
    ) -> Self {
        let mut headers = vec![
            ("Smithy-Protocol", "rpc-v2-cbor".to_owned()),
            ("Accept", "application/cbor".to_owned()),
        ];
        let body = match body {
            Some(body) => {
                headers.push(("Content-Type", "application/cbor".to_owned()));
                with_body(&mut headers, compression, body, options)
            }
            None => Vec::new(),
        };
        let path = format!("/service/{service_name}/operation/{operation}");
        let protocol = Protocol::RpcV2Cbor;
        Request { method: "POST", path: Cow::Owned(path), headers, body, host_prefix, protocol }
    }

    /// The first value of header `name` (any ASCII case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let found = self.headers.iter().find(|(header, _)| header.eq_ignore_ascii_case(name));
        found.map(|(_, value)| value.as_str())
    }

    /// The URL of this request at `endpoint`: the host prefix before the host, the paths
    /// joined (see [`Endpoint::url`]).
    pub fn url(&self, endpoint: &Endpoint) -> String {
        endpoint.url(&self.path, self.host_prefix.as_deref())
    }

    /// The `Host` header of this request at `endpoint`.
    pub fn authority(&self, endpoint: &Endpoint) -> String {
        endpoint.authority(self.host_prefix.as_deref())
    }
}

/// The body compressed as `options` allow (its `Content-Encoding` added), then its
/// `Content-Length`.
fn with_body(
    headers: &mut Vec<(&'static str, String)>,
    compression: &[&str],
    body: Vec<u8>,
    options: &RequestOptions,
) -> Vec<u8> {
    let body = match compression::compress(compression, options.min_compression_size, body) {
        (body, Some(encoding)) => {
            headers.push(("Content-Encoding", encoding.to_owned()));
            body
        }
        (body, None) => body,
    };
    headers.push(("Content-Length", body.len().to_string()));
    body
}

/// What a caller may choose about how requests are built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// The smallest body compressed, in bytes, for operations whose model asks for request
    /// compression; `None`: never compress. Default 10,240, botocore's
    /// `request_min_compression_size_bytes`. Compression needs the `gzip` feature; without
    /// it bodies go uncompressed, which every service accepts.
    pub min_compression_size: Option<usize>,
    /// Whether the input is checked against the model's constraints ([`crate::validate`])
    /// before the request is built. Default `true`; turn it off to send what the model forbids,
    /// as tests of a service's own validation do.
    pub validate: bool,
    /// The token sent in `idempotencyToken` members the input leaves out; `None` (the
    /// default): a fresh UUID v4 for each request built ([`crate::idempotency::uuid_v4`]).
    pub idempotency_token: Option<String>,
    /// The protocol of the request; `None` (the default): the service's
    /// ([`Service::protocol`](crate::Service::protocol)). One the service does not speak is
    /// refused when the request is built.
    pub protocol: Option<Protocol>,
}

impl RequestOptions {
    /// botocore's default threshold.
    pub const DEFAULT_MIN_COMPRESSION_SIZE: usize = 10_240;

    /// Compress bodies of at least `bytes` bytes where the operation asks for it.
    pub fn min_compression_size(mut self, bytes: usize) -> Self {
        self.min_compression_size = Some(bytes);
        self
    }

    /// Build the request without checking the input against the model's constraints.
    pub fn without_validation(mut self) -> Self {
        self.validate = false;
        self
    }

    /// Never compress.
    pub fn without_compression(mut self) -> Self {
        self.min_compression_size = None;
        self
    }

    /// Sends `token` in `idempotencyToken` members the input leaves out, instead of a fresh
    /// UUID: to repeat a call made before, or to fix the bytes in a test.
    pub fn idempotency_token(mut self, token: impl Into<String>) -> Self {
        self.idempotency_token = Some(token.into());
        self
    }

    /// Sends the request over `protocol` instead of the service's default, such as
    /// [`Protocol::RpcV2Cbor`] for a service whose model lists it (with the `cbor` feature).
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = Some(protocol);
        self
    }

    /// The token for one `idempotencyToken` member left out: the one chosen, else a new UUID.
    pub fn new_idempotency_token(&self) -> Result<String, crate::EncodeError> {
        match &self.idempotency_token {
            Some(token) => Ok(token.clone()),
            None => crate::idempotency::uuid_v4().map_err(crate::EncodeError::no_random_source),
        }
    }
}

impl Default for RequestOptions {
    fn default() -> Self {
        RequestOptions {
            min_compression_size: Some(Self::DEFAULT_MIN_COMPRESSION_SIZE),
            validate: true,
            idempotency_token: None,
            protocol: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Protocol, Request, RequestOptions};
    use crate::Endpoint;

    fn request(body: &[u8], compression: &[&str], options: &RequestOptions) -> Request {
        let protocol = Protocol::AwsJson1_1;
        Request::new("Svc.Op", protocol, compression, body.to_vec(), None, options)
    }

    #[test]
    fn every_request_says_its_length() {
        let built = request(br#"{"Name":"a"}"#, &[], &RequestOptions::default());
        assert_eq!(
            built.headers,
            [
                ("X-Amz-Target", "Svc.Op".to_owned()),
                ("Content-Type", "application/x-amz-json-1.1".to_owned()),
                ("Content-Length", "12".to_owned()),
            ]
        );
        assert_eq!(built.header("content-length"), Some("12"));
        assert_eq!((built.method, &*built.path), ("POST", "/"));
    }

    #[test]
    fn small_bodies_and_operations_without_compression_go_as_they_are() {
        let big = vec![b' '; 20_000];
        let uncompressed = request(&big, &[], &RequestOptions::default());
        assert_eq!(uncompressed.body, big);
        let small = request(b"{}", &["gzip"], &RequestOptions::default());
        assert_eq!((small.body.as_slice(), small.header("Content-Encoding")), (&b"{}"[..], None));
        let off = request(&big, &["gzip"], &RequestOptions::default().without_compression());
        assert_eq!((off.body.len(), off.header("Content-Encoding")), (20_000, None));
    }

    #[test]
    fn the_url_and_host_join_the_endpoint_and_the_host_prefix() {
        let mut built = request(b"{}", &[], &RequestOptions::default());
        built.host_prefix = Some("data-".to_owned());
        let endpoint =
            Endpoint::parse("https://example.com/custom/").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(built.url(&endpoint), "https://data-example.com/custom/");
        assert_eq!(built.authority(&endpoint), "data-example.com");
    }
}
