//! An operation over Smithy RPC v2 CBOR, end to end at the runtime's level: the request as the
//! protocol wants it, responses judged as its specification says, errors by `__type`.
#![cfg(feature = "cbor")]

use awsjson_runtime::error_response::ErrorResponse;
use awsjson_runtime::{
    Blob, DateTime, Decoding, Empty, Operation, Protocol, RequestOptions, ResponseError, Service,
    ServiceError, UnmodeledError, cbor,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize)]
struct Input {
    #[serde(rename = "Name")]
    name: String,
    #[serde(rename = "Data", skip_serializing_if = "Option::is_none")]
    data: Option<Blob>,
}

impl awsjson_runtime::fast::Encode for Input {
    fn encode(&self, out: &mut Vec<u8>) -> awsjson_runtime::fast::Written {
        awsjson_runtime::fast::serde(out, self)
    }
}

impl awsjson_runtime::Validate for Input {
    fn validate_into<'a>(&'a self, _: &mut awsjson_runtime::validate::Validator<'a>) {}
}

#[derive(Debug, Deserialize, PartialEq)]
struct Output {
    #[serde(rename = "Created")]
    created: DateTime,
    #[serde(rename = "Size")]
    size: i64,
}

impl awsjson_runtime::fast::Decode for Output {
    fn decode<'a, R: awsjson_runtime::fast::Read<'a>>(
        reader: &mut R,
    ) -> awsjson_runtime::fast::Fast<Self> {
        awsjson_runtime::fast::Read::serde(reader)
    }
}

#[derive(Debug, Deserialize, PartialEq)]
struct NotFound {
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
            Some("NotFound") => response.modeled().map_or_else(Self::Unmodeled, Self::NotFound),
            _ => Self::Unmodeled(response.to_unmodeled()),
        }
    }

    fn code(&self) -> Option<&str> {
        match self {
            Self::NotFound(_) => Some("NotFound"),
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

const BOTH: Service = Service::new("Storage", Protocol::AwsJson1_0)
    .with_protocols(&[Protocol::RpcV2Cbor, Protocol::AwsJson1_0])
    .with_service_id("Storage");

struct Put;

impl Operation for Put {
    const NAME: &'static str = "Put";
    const TARGET: &'static str = "Storage.Put";
    const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
    const SERVICE: Service = BOTH;
    type Input = Input;
    type Output = Output;
    type Error = Error;
}

struct Ping;

impl Operation for Ping {
    const NAME: &'static str = "Ping";
    const TARGET: &'static str = "Storage.Ping";
    const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
    const SERVICE: Service = BOTH.with_query_compatible();
    const HAS_INPUT: bool = false;
    type Input = Empty;
    type Output = Empty;
    type Error = Error;
}

struct JsonOnly;

impl Operation for JsonOnly {
    const NAME: &'static str = "Put";
    const TARGET: &'static str = "Storage.Put";
    const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
    const SERVICE: Service = Service::new("Storage", Protocol::AwsJson1_0);
    type Input = Input;
    type Output = Output;
    type Error = Error;
}

/// A CBOR map of text to text.
fn map(fields: &[(&str, &str)]) -> Vec<u8> {
    let map: std::collections::BTreeMap<_, _> = fields.iter().copied().collect();
    cbor::to_vec(&map).unwrap_or_else(|e| panic!("{e}"))
}

fn cbor_options() -> RequestOptions {
    RequestOptions::default().protocol(Protocol::RpcV2Cbor)
}

fn input() -> Input {
    Input { name: "a".to_owned(), data: Some(Blob::new(vec![1, 2])) }
}

const CBOR: [(&str, &str); 1] = [("Smithy-Protocol", "rpc-v2-cbor")];

fn read(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Output, ResponseError<Error>> {
    Put::parse_response_for(Protocol::RpcV2Cbor, status, headers, body, Decoding::Strict)
        .map(|decoded| decoded.value)
}

#[test]
fn a_cbor_request_has_the_protocols_path_headers_and_body() {
    let request = Put::request_with(&input(), &cbor_options()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((request.method, &*request.path), ("POST", "/service/Storage/operation/Put"));
    assert_eq!(request.protocol, Protocol::RpcV2Cbor);
    // {"Name": "a", "Data": h'0102'}
    let body =
        [0xa2, 0x64, b'N', b'a', b'm', b'e', 0x61, b'a', 0x64, b'D', b'a', b't', b'a', 0x42, 1, 2];
    assert_eq!(request.body, body);
    let headers: Vec<(&str, &str)> =
        request.headers.iter().map(|(name, value)| (*name, value.as_str())).collect();
    assert_eq!(
        headers,
        [
            ("Smithy-Protocol", "rpc-v2-cbor"),
            ("Accept", "application/cbor"),
            ("Content-Type", "application/cbor"),
            ("Content-Length", "16"),
        ]
    );
    // The service's default is still awsJson.
    let json = Put::request(&input()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((&*json.path, json.header("X-Amz-Target")), ("/", Some("Storage.Put")));
}

#[test]
fn an_operation_without_input_sends_no_body_and_no_content_type() {
    let request = Ping::request_with(&Empty, &cbor_options()).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = request.headers.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["Smithy-Protocol", "Accept", "x-amzn-query-mode"]);
    assert!(request.body.is_empty());
    // An empty response reads as the empty output.
    let read = Ping::parse_response_for(Protocol::RpcV2Cbor, 200, &CBOR, b"", Decoding::Strict);
    assert!(matches!(read, Ok(decoded) if decoded.value == Empty));
}

#[test]
fn a_protocol_the_service_does_not_speak_is_refused() {
    let error = JsonOnly::request_with(&input(), &cbor_options()).map(drop);
    assert_eq!(
        error.map_err(|e| e.to_string()),
        Err("Storage does not speak Smithy RPC v2 CBOR: its model lists awsJson 1.0".to_owned())
    );
}

#[test]
fn a_success_reads_tag_1_timestamps_and_narrow_integers() {
    // {"Created": 1(1496170845.5), "Size": 7, "Extra": [_ {"deep": undefined}]}
    let mut body = vec![0xa3, 0x67];
    body.extend_from_slice(b"Created");
    body.extend_from_slice(&[0xc1, 0xfb]);
    body.extend_from_slice(&1_496_170_845.5f64.to_be_bytes());
    body.extend_from_slice(&[0x64, b'S', b'i', b'z', b'e', 0x07, 0x65]);
    body.extend_from_slice(b"Extra");
    body.extend_from_slice(&[0x9f, 0xa1, 0x64, b'd', b'e', b'e', b'p', 0xf7, 0xff]);
    let output = read(200, &CBOR, &body).unwrap_or_else(|e| panic!("{e}"));
    let created = DateTime::from_epoch_decimal("1496170845.5").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output, Output { created, size: 7 });
}

#[test]
fn a_missing_member_or_a_wrong_type_is_an_error_with_its_place() {
    let body = [0xa1, 0x64, b'S', b'i', b'z', b'e', 0x07];
    let Err(ResponseError::Decode { error, .. }) = read(200, &CBOR, &body) else {
        panic!("expected a decode error");
    };
    // A derived impl's message; generated impls name the member and its path.
    assert_eq!((error.path(), error.message()), ("", "missing field `Created` at byte 0"));
    let wrong = [0xa1, 0x64, b'S', b'i', b'z', b'e', 0x61, b'7'];
    let Err(ResponseError::Decode { error, .. }) = read(200, &CBOR, &wrong) else {
        panic!("expected a decode error");
    };
    assert_eq!(error.to_string(), "invalid type: string \"7\", expected i64 at byte 6");
}

#[test]
fn errors_are_named_by_type_without_namespace_or_suffix() {
    let fields =
        [("__type", "com.example#NotFound:http://internal/"), ("message", "no such thing")];
    let body = map(&fields);
    let headers = [
        ("Smithy-Protocol", "rpc-v2-cbor"),
        ("X-Amzn-ErrorType", "Ignored"),
        ("x-amzn-RequestId", "r-1"),
    ];
    let Err(ResponseError::Service { error, meta, .. }) = read(404, &headers, &body) else {
        panic!("expected a service error");
    };
    assert_eq!(error, Error::NotFound(NotFound { message: Some("no such thing".to_owned()) }));
    assert_eq!((meta.status, meta.request_id.as_deref()), (404, Some("r-1")));
}

#[test]
fn a_query_compatible_error_keeps_its_query_code() {
    let body = cbor::to_vec(
        &[("__type", "com.example#Throttled"), ("Message", "slow down")]
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let headers = [("Smithy-Protocol", "rpc-v2-cbor"), ("x-amzn-query-error", "Throttling;Sender")];
    let Err(ResponseError::Service { error, meta, .. }) = read(400, &headers, &body) else {
        panic!("expected a service error");
    };
    assert_eq!((error.code(), error.message()), (Some("Throttled"), Some("slow down")));
    let query = meta.query_error.map(|query| (query.code.clone(), query.fault.clone()));
    assert_eq!(query, Some(("Throttling".to_owned(), "Sender".to_owned())));
}

#[test]
fn a_response_without_the_protocol_header_is_judged_by_its_status_alone() {
    let body = cbor::to_vec(&Output { created: DateTime::from_secs(1), size: 1 }.size)
        .unwrap_or_else(|e| panic!("{e}"));
    let Err(ResponseError::Decode { error, .. }) = read(200, &[], &body) else {
        panic!("expected a decode error");
    };
    assert_eq!(
        error.to_string(),
        "the response (status 200) has no `Smithy-Protocol: rpc-v2-cbor` header: it is not a \
         Smithy RPC v2 CBOR response, and its body is not read"
    );
    let html = b"<html>Bad Gateway</html>";
    let Err(ResponseError::Service { error: Error::Unmodeled(error), .. }) = read(502, &[], html)
    else {
        panic!("expected an unmodeled error");
    };
    assert_eq!((error.code, error.message, error.status), (None, None, 502));
    assert!(error.unreadable.is_some_and(|why| why.message().contains("no `Smithy-Protocol")));
}

#[test]
fn parse_response_follows_the_header_to_cbor() {
    let body = [
        0xa2, 0x67, b'C', b'r', b'e', b'a', b't', b'e', b'd', 0xc1, 0x01, 0x64, b'S', b'i', b'z',
        b'e', 0x02,
    ];
    let output = Put::parse_response(200, &CBOR, &body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output, Output { created: DateTime::from_secs(1), size: 2 });
}
