//! An operation as a pair of pure functions: input to HTTP request, HTTP response to output.

use super::decode::{Decoded, Decoding};
use super::error::{EncodeError, ResponseError};
use super::error_response::ErrorResponse;
use super::headers::Headers;
use super::request::{Request, RequestOptions};
use super::service::Service;
use super::validate::Validate;

/// An operation's error type: built from any error response, modeled or not.
///
/// An error like any other (`Display`, `Debug`, `Send`, `Sync`), so code generic over an
/// [`Operation`] can pass it on with `?`.
pub trait ServiceError: ::std::error::Error + Send + Sync + Sized + 'static {
    /// Picks the error shape by [`ErrorResponse::code`] and reads it ([`ErrorResponse::modeled`]);
    /// a code that matches no shape, and a body that does not read as the shape its code names,
    /// give an unmodeled error that keeps the code, message and status. Never fails.
    fn from_error_response(response: &ErrorResponse<'_>) -> Self;

    /// The error code, like `ResourceNotFoundException`: a modeled error's shape name, or the
    /// code an unmodeled error came with; `None` when the response named none.
    fn code(&self) -> Option<&str>;

    /// The error message, if the error has one.
    fn message(&self) -> Option<&str>;

    /// What the model says of `code` for this operation: `None` when it names none of the
    /// operation's errors (by shape name or the shape's `error.code`), else whether the shape
    /// is marked `retryable`. [`crate::retry::Classifier`] reads it, as botocore's standard mode
    /// reads the model; generated code implements it.
    fn modeled_error(code: &str) -> Option<crate::retry::ModeledError> {
        let _ = code;
        None
    }
}

/// One operation of a service, over whichever of its protocols a call picks.
pub trait Operation {
    /// The operation's name, like `DescribeFleets`.
    const NAME: &'static str;
    /// The `X-Amz-Target` header value, like `PhotonAdminProxyService.DescribeFleets`.
    const TARGET: &'static str;
    /// The `Content-Type` header value, like `application/x-amz-json-1.1`.
    const CONTENT_TYPE: &'static str;
    /// The service's facts: its signing name, endpoint prefix, API version…
    const SERVICE: Service;
    /// The encodings the model's `requestcompression` lists (`["gzip"]`); empty for the
    /// operations that take their bodies as they are, which is nearly all of them.
    const REQUEST_COMPRESSION: &'static [&'static str] = &[];
    /// How [`Operation::parse_response`] reads bodies: correcting required members a body
    /// leaves out, unless the generator was told otherwise (`Builder::decoding`).
    const DECODING: Decoding = Decoding::Correcting;
    /// Whether the model gives the operation an input: one without sends no body over Smithy
    /// RPC v2 CBOR (its `Input` is [`Empty`]).
    const HAS_INPUT: bool = true;
    /// Why the operation cannot go over Smithy RPC v2 CBOR, for one whose input, output or
    /// errors reach a shape that protocol cannot carry (a `document`); the generator names it.
    const CBOR_UNSUPPORTED: Option<&'static str> = None;
    /// The request body type. [`Encode`](super::fast::Encode) writes it, the same bytes as
    /// its `Serialize` through serde_json; generated code implements it.
    type Input: ::serde::Serialize + Validate + super::fast::Encode;
    /// The successful response body type. [`Decode`](super::fast::Decode) is its fast path,
    /// which generated code implements.
    type Output: ::serde::de::DeserializeOwned + super::fast::Decode;
    /// The error type.
    type Error: ServiceError;

    /// The host prefix of the model's endpoint `hostPrefix`, its `{Label}`s filled in from
    /// the input; `None` for operations without one.
    fn host_prefix(input: &Self::Input) -> Result<Option<String>, EncodeError> {
        let _ = input;
        Ok(None)
    }

    /// Sets the endpoint parameters the model binds from the input (`contextParam` members,
    /// `staticContextParams`, `operationContextParams`); generated for the operations that
    /// have any.
    fn endpoint_params(input: &Self::Input, params: &mut super::endpoints::Params) {
        let _ = (input, params);
    }

    /// Where the request for `input` goes: [`Service::resolve_endpoint`] of the operation's
    /// service with `config` and the parameters the input binds ([`Operation::endpoint_params`]),
    /// like DynamoDB's `ResourceArn` from a `GetItem`'s table.
    fn endpoint(
        input: &Self::Input,
        config: &super::EndpointConfig,
    ) -> Result<super::Endpoint, super::EndpointError> {
        let mut params = super::endpoints::Params::new();
        Self::endpoint_params(input, &mut params);
        Self::SERVICE.resolve_endpoint_with(config, &params)
    }

    /// A copy of `input` with every top-level member the model marks `idempotencyToken` that
    /// it leaves out filled from `token` (one call per member), as botocore fills them; `None`
    /// when nothing is left out. Generated for the operations that have such members.
    fn with_idempotency_tokens(
        input: &Self::Input,
        token: &mut dyn FnMut() -> Result<String, EncodeError>,
    ) -> Result<Option<Self::Input>, EncodeError> {
        let _ = (input, token);
        Ok(None)
    }

    /// Builds the request over the service's protocol ([`Service::protocol`]): for awsJson,
    /// `POST /` with the target, content type and length headers and a JSON body; for Smithy
    /// RPC v2 CBOR (the `cbor` feature), `POST /service/<Service>/operation/<Operation>` with a
    /// CBOR body ([`Request::rpc_v2_cbor`]). Bodies are compressed above botocore's threshold
    /// where the model asks for it. An `idempotencyToken` member the input leaves out is sent
    /// as a fresh UUID v4 ([`RequestOptions::idempotency_token`] chooses another), so build a
    /// call's request once and send those bytes on every retry: the service then knows them
    /// for one request. The input is checked against the model's constraints first, and every
    /// violation is reported ([`EncodeError::violations`]);
    /// [`RequestOptions::without_validation`] skips that. A service the model marks
    /// `awsQueryCompatible` is told `x-amzn-query-mode: true`, as botocore tells it.
    fn request(input: &Self::Input) -> Result<Request, EncodeError> {
        Self::request_with(input, &RequestOptions::default())
    }

    /// [`Operation::request`] with a choice of options: the protocol, the compression
    /// threshold… A protocol the service does not speak is refused.
    fn request_with(input: &Self::Input, options: &RequestOptions) -> Result<Request, EncodeError> {
        let protocol = options.protocol.unwrap_or(Self::SERVICE.protocol);
        super::protocol::check::<Self>(protocol)?;
        let filled = Self::with_idempotency_tokens(input, &mut || options.new_idempotency_token())?;
        let input = filled.as_ref().unwrap_or(input);
        if options.validate {
            input.validate().map_err(EncodeError::invalid)?;
        }
        let host_prefix = Self::host_prefix(input)?;
        let mut request = match protocol {
            #[cfg(feature = "cbor")]
            super::Protocol::RpcV2Cbor => {
                super::cbor::operation::request::<Self>(input, host_prefix, options)?
            }
            _ => super::json::operation::request::<Self>(input, protocol, host_prefix, options)?,
        };
        if Self::SERVICE.query_compatible {
            request.headers.push(("x-amzn-query-mode", "true".to_owned()));
        }
        Ok(request)
    }

    /// Reads a response: a 2xx body as the output, anything else as an error. `headers` are any
    /// client's ([`Headers`]): `&[("X-Amzn-ErrorType", "…")]`, owned pairs, or an
    /// `http::HeaderMap`. Errors keep the status and the request id. Bodies are read as
    /// [`Operation::DECODING`] says; [`Operation::parse_response_with`] chooses per call and
    /// says which members it corrected.
    fn parse_response<H: Headers + ?Sized>(
        status: u16,
        headers: &H,
        body: &[u8],
    ) -> Result<Self::Output, ResponseError<Self::Error>> {
        Self::parse_response_with(status, headers, body, Self::DECODING)
            .map(|decoded| decoded.value)
    }

    /// [`Operation::parse_response`] with a choice of decoding: [`Decoding::Strict`] refuses a
    /// body that leaves out a member the model requires, [`Decoding::Correcting`] reads it as
    /// its zero value and lists it in [`Decoded::corrected`]. The protocol is the service's,
    /// or Smithy RPC v2 CBOR for a response that says `Smithy-Protocol: rpc-v2-cbor`; after a
    /// request over another protocol, [`Operation::parse_response_for`] names it.
    fn parse_response_with<H: Headers + ?Sized>(
        status: u16,
        headers: &H,
        body: &[u8],
        decoding: Decoding,
    ) -> Result<Decoded<Self::Output>, ResponseError<Self::Error>> {
        let protocol = match super::protocol::answered_in(headers) {
            Some(protocol) => protocol,
            None => Self::SERVICE.protocol,
        };
        Self::parse_response_for(protocol, status, headers, body, decoding)
    }

    /// Reads the response to a request sent over `protocol` ([`Request::protocol`]).
    ///
    /// awsJson: a 2xx body is the output, anything else an error. Smithy RPC v2 CBOR, as its
    /// specification says: a response without `Smithy-Protocol: rpc-v2-cbor` is malformed and
    /// judged by its status alone (an error that keeps the status and says why, its body
    /// unread); then 200 is the output and any other status an error, named by the body's
    /// `__type`.
    fn parse_response_for<H: Headers + ?Sized>(
        protocol: super::Protocol,
        status: u16,
        headers: &H,
        body: &[u8],
        decoding: Decoding,
    ) -> Result<Decoded<Self::Output>, ResponseError<Self::Error>> {
        match protocol {
            #[cfg(feature = "cbor")]
            super::Protocol::RpcV2Cbor => {
                super::cbor::operation::parse_response::<Self, H>(status, headers, body, decoding)
            }
            #[cfg(not(feature = "cbor"))]
            super::Protocol::RpcV2Cbor => Err(super::protocol::cbor_not_built(status, headers)),
            _ => super::json::operation::parse_response::<Self, H>(status, headers, body, decoding),
        }
    }

    /// The request as an `http::Request` to `endpoint`, ready to sign and send.
    #[cfg(feature = "http")]
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    fn http_request(
        input: &Self::Input,
        endpoint: &super::Endpoint,
    ) -> Result<::http::Request<Vec<u8>>, EncodeError> {
        Self::request(input)?.into_http(endpoint)
    }

    /// Reads an `http::Response` whose body is bytes (a `Vec<u8>`, `bytes::Bytes`, `String`…).
    #[cfg(feature = "http")]
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    fn parse_http_response<B: AsRef<[u8]>>(
        response: &::http::Response<B>,
    ) -> Result<Self::Output, ResponseError<Self::Error>> {
        let status = response.status().as_u16();
        Self::parse_response(status, response.headers(), response.body().as_ref())
    }
}

/// The input or output of an operation the model gives none: written as `{}`, read from any
/// value (an empty body included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Empty;

impl ::serde::Serialize for Empty {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ::serde::ser::SerializeMap::end(serializer.serialize_map(Some(0))?)
    }
}

impl<'de> ::serde::Deserialize<'de> for Empty {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <::serde::de::IgnoredAny as ::serde::Deserialize>::deserialize(deserializer)?;
        Ok(Empty)
    }
}

#[cfg(test)]
mod tests {
    use super::super::error::{ResponseError, UnmodeledError};
    use super::super::error_response::ErrorResponse;
    use super::{Empty, Operation, Request, RequestOptions, ServiceError};
    use crate::{Protocol, Service};
    use serde::{Deserialize, Serialize};

    #[derive(Serialize)]
    struct Input {
        #[serde(rename = "Names")]
        names: Vec<String>,
        #[serde(rename = "NextToken", skip_serializing_if = "Option::is_none")]
        next_token: Option<String>,
    }

    impl crate::fast::Encode for Input {
        fn encode(&self, out: &mut Vec<u8>) -> crate::fast::Written {
            crate::fast::serde(out, self)
        }
    }

    /// As generated: `Names` has at most two items, each of 1 to 8 characters.
    impl crate::Validate for Input {
        fn validate_into<'a>(&'a self, v: &mut crate::validate::Validator<'a>) {
            v.member("Names");
            v.list_length(self.names.len(), ..=2);
            for (index, name) in self.names.iter().enumerate() {
                v.index(index);
                v.string_length(name, 1..=8, false);
                v.leave();
            }
            v.leave();
        }
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Output {
        #[serde(rename = "Count")]
        count: u32,
    }

    impl crate::fast::Decode for Output {
        fn decode<'a, R: crate::fast::Read<'a>>(reader: &mut R) -> crate::fast::Fast<Self> {
            reader.serde()
        }
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct NotFound {
        #[serde(rename = "Message")]
        message: Option<String>,
    }

    #[derive(Debug, PartialEq)]
    enum Error {
        NotFound(NotFound),
        Unmodeled(UnmodeledError),
    }

    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.code().unwrap_or("no code"))
        }
    }

    impl std::error::Error for Error {}

    impl ServiceError for Error {
        fn from_error_response(response: &ErrorResponse<'_>) -> Self {
            match response.code() {
                Some("ResourceNotFoundException") => match response.modeled() {
                    Ok(shape) => Self::NotFound(shape),
                    Err(unmodeled) => Self::Unmodeled(unmodeled),
                },
                _ => Self::Unmodeled(response.to_unmodeled()),
            }
        }

        fn code(&self) -> Option<&str> {
            match self {
                Self::NotFound(_) => Some("ResourceNotFoundException"),
                Self::Unmodeled(error) => error.code.as_deref(),
            }
        }

        fn message(&self) -> Option<&str> {
            match self {
                Self::NotFound(error) => error.message.as_deref(),
                Self::Unmodeled(error) => error.message.as_deref(),
            }
        }
    }

    struct Describe;

    impl Operation for Describe {
        const NAME: &'static str = "Describe";
        const TARGET: &'static str = "Test_20240101.Describe";
        const CONTENT_TYPE: &'static str = "application/x-amz-json-1.1";
        const SERVICE: Service = Service::new("Test_20240101", Protocol::AwsJson1_1);
        type Input = Input;
        type Output = Output;
        type Error = Error;
    }

    struct Ping;

    impl Operation for Ping {
        const NAME: &'static str = "Ping";
        const TARGET: &'static str = "Test_20240101.Ping";
        const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
        const SERVICE: Service = Service::new("Test_20240101", Protocol::AwsJson1_0);
        type Input = Empty;
        type Output = Empty;
        type Error = Error;
    }

    #[test]
    fn builds_the_request() {
        let input = Input { names: vec!["a".to_owned()], next_token: None };
        let expected = Request {
            method: "POST",
            path: "/".into(),
            headers: vec![
                ("X-Amz-Target", "Test_20240101.Describe".to_owned()),
                ("Content-Type", "application/x-amz-json-1.1".to_owned()),
                ("Content-Length", "15".to_owned()),
            ],
            body: br#"{"Names":["a"]}"#.to_vec(),
            host_prefix: None,
            protocol: Protocol::AwsJson1_1,
        };
        assert_eq!(Describe::request(&input).unwrap(), expected);
    }

    #[test]
    fn the_input_is_validated_unless_told_not_to() {
        let names = ["".to_owned(), "a".to_owned(), "much-too-long".to_owned()];
        let input = Input { names: names.to_vec(), next_token: None };
        let error = Describe::request(&input).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the input breaks the model's constraints: \
             Names: the list has 3 items, more than the maximum of 2; \
             Names[0]: \"\" has 0 characters, fewer than the minimum of 1; \
             Names[2]: \"much-too-long\" has 13 characters, more than the maximum of 8"
        );
        let violations = error.violations().map(|violations| violations.len());
        assert_eq!(violations, Some(3));
        let unchecked = RequestOptions::default().without_validation();
        let request = Describe::request_with(&input, &unchecked).unwrap();
        assert_eq!(request.body, br#"{"Names":["","a","much-too-long"]}"#);
    }

    #[test]
    fn empty_input_writes_an_empty_object() {
        let request = Ping::request(&Empty).unwrap();
        assert_eq!(request.body, b"{}");
        assert_eq!(request.headers[1].1, "application/x-amz-json-1.0");
        assert_eq!(Ping::parse_response(200, &[], b"").unwrap(), Empty);
        assert_eq!(Ping::parse_response(200, &[], br#"{"x":[1,null]}"#).unwrap(), Empty);
    }

    #[test]
    fn reads_a_success() {
        let output = Describe::parse_response(200, &[], br#"{"Count":3,"New":true}"#).unwrap();
        assert_eq!(output, Output { count: 3 });
        let headers = [("x-amzn-RequestId", "req-1")];
        let result = Describe::parse_response(204, &headers, br#"{"Count":"3"}"#);
        let Err(ResponseError::Decode { error, meta }) = result else {
            panic!("expected a decode error");
        };
        assert_eq!(
            error.to_string(),
            "invalid type: string \"3\", expected u32 at line 1 column 12"
        );
        assert_eq!((meta.status, meta.request_id.as_deref()), (204, Some("req-1")));
    }

    #[test]
    fn reads_a_modeled_error() {
        let body = br#"{"__type":"com.amazon#ResourceNotFoundException","Message":"no fleet"}"#;
        let result = Describe::parse_response(400, &[], body);
        let Err(ResponseError::Service { error: Error::NotFound(shape), .. }) = result else {
            panic!("expected NotFound, got {result:?}");
        };
        assert_eq!(shape.message.as_deref(), Some("no fleet"));
        let error = Error::NotFound(shape);
        assert_eq!(
            (error.code(), error.message()),
            (Some("ResourceNotFoundException"), Some("no fleet"))
        );
    }

    #[test]
    fn keeps_an_unmodeled_error() {
        let headers = vec![
            ("x-amzn-ErrorType".to_owned(), "ThrottlingException:http://internal/".to_owned()),
            ("X-Amzn-RequestId".to_owned(), "b2c4".to_owned()),
        ];
        let result = Describe::parse_response(400, &headers, br#"{"message":"slow down"}"#);
        let Err(ResponseError::Service { error: Error::Unmodeled(error), meta }) = result else {
            panic!("expected Unmodeled, got {result:?}");
        };
        assert_eq!(meta.request_id.as_deref(), Some("b2c4"));
        assert_eq!(error.code.as_deref(), Some("ThrottlingException"));
        assert_eq!(error.message.as_deref(), Some("slow down"));
        assert_eq!(error.status, 400);
        let error = Error::Unmodeled(error);
        assert_eq!(
            (error.code(), error.message()),
            (Some("ThrottlingException"), Some("slow down"))
        );
    }

    #[test]
    fn server_error_with_empty_body() {
        let result = Describe::parse_response(500, &[], b"");
        let Err(ResponseError::Service { error: Error::Unmodeled(error), .. }) = result else {
            panic!("expected Unmodeled, got {result:?}");
        };
        let expected = UnmodeledError { code: None, message: None, status: 500, unreadable: None };
        assert_eq!(error, expected);
    }

    #[test]
    fn a_modeled_code_whose_body_does_not_read_keeps_the_code() {
        let body = br#"{"__type":"ResourceNotFoundException","Message":5}"#;
        let result = Describe::parse_response(404, &[], body);
        let Err(ResponseError::Service { error: Error::Unmodeled(error), .. }) = result else {
            panic!("expected an unmodeled error, got {result:?}");
        };
        assert_eq!((error.code.as_deref(), error.status), (Some("ResourceNotFoundException"), 404));
        assert_eq!(error.unreadable.map(|why| why.path().to_owned()), Some(String::new()));
        let html = b"<html><body><h1>404 Not Found</h1></body></html>";
        let header = [("X-Amzn-ErrorType", "ResourceNotFoundException")];
        let result = Describe::parse_response(404, &header, html);
        let Err(ResponseError::Service { error: Error::Unmodeled(error), .. }) = result else {
            panic!("expected an unmodeled error, got {result:?}");
        };
        assert_eq!(error.code.as_deref(), Some("ResourceNotFoundException"));
        assert_eq!(
            error.message.as_deref(),
            Some("<html><body><h1>404 Not Found</h1></body></html>")
        );
    }
}
