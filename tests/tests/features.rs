//! The feature fixture (`codegen/tests/fixtures/features.json`) compiles without warnings and
//! behaves: recursion, sensitive members, deprecation, keywords, `locationName`, awsJson 1.0,
//! an operation without input or output.

// `pub`: as in a library, the generated items are API, not dead code.
pub mod features {
    include!(concat!(env!("OUT_DIR"), "/features.rs"));
}

use features::runtime::{Blob, DateTime, Operation, ResponseError};
use features::*;

fn input() -> PutTreeInput {
    let leaf = Node::default();
    let root = Node {
        next: Some(Box::new(Node { children: Some(vec![leaf.clone()]), ..Node::default() })),
        peer: Some(Peer::new(leaf)),
        ..Node::default()
    };
    PutTreeInput {
        tags: Some([("b".to_owned(), "2".to_owned()), ("a".to_owned(), "1".to_owned())].into()),
        secret: Some("hunter2".into()),
        payload: Some(Blob::new(b"foobar".to_vec())),
        at: Some(DateTime::from_secs(946845296)),
        count: Some(i64::MAX),
        self_: Some(true),
        renamed: Some(false),
        ..PutTreeInput::new(root, Mode::StreamStandardSmall)
    }
}

#[test]
fn a_recursive_input_is_written_with_wire_names() {
    let request = PutTree::request(&input()).unwrap();
    assert_eq!(
        request.headers,
        [
            ("X-Amz-Target", "Features_20240101.PutTree".to_owned()),
            ("Content-Type", "application/x-amz-json-1.0".to_owned())
        ]
    );
    assert_eq!(
        String::from_utf8(request.body).unwrap(),
        r#"{"Root":{"Next":{"Children":[{}]},"Peer":{"Back":{}}},"type":"stream.standard.small","#
            .to_owned()
            + r#""Tags":{"a":"1","b":"2"},"Secret":"hunter2","Payload":"Zm9vYmFy","At":946845296,"#
            + r#""Count":9223372036854775807,"self":true,"wireName":false}"#
    );
}

#[test]
fn a_recursive_input_round_trips() {
    let json = serde_json::to_string(&input()).unwrap();
    assert_eq!(serde_json::from_str::<PutTreeInput>(&json).unwrap(), input());
}

#[test]
fn sensitive_members_are_redacted_in_debug() {
    let debug = format!("{:?}", input());
    assert!(debug.contains(r#"secret: "*** Sensitive Data Redacted ***""#), "{debug}");
    assert!(!debug.contains("hunter2"));
}

#[test]
#[allow(deprecated)]
fn deprecated_members_still_work() {
    let input = PutTreeInput { old: Some(true), ..PutTreeInput::new(Node::default(), Mode::Fast) };
    let json = serde_json::to_string(&input).unwrap();
    assert_eq!(json, r#"{"Root":{},"type":"fast","Old":true}"#);
}

#[test]
fn an_enum_value_named_unknown_is_not_the_fallback() {
    assert_eq!(Mode::from("Unknown"), Mode::UnknownValue);
    assert!(!Mode::UnknownValue.is_unknown());
    assert!(Mode::from("slow").is_unknown());
    assert_eq!(Mode::from("2x"), Mode::V2x);
}

#[test]
fn an_operation_without_input_sends_an_empty_object_and_accepts_any_body() {
    let request = Ping::request(&features::runtime::Empty).unwrap();
    assert_eq!(request.body, b"{}");
    assert!(Ping::parse_response(200, &[], b"").is_ok());
    assert!(Ping::parse_response(200, &[], br#"{"anything": [1, 2]}"#).is_ok());
}

#[test]
fn an_error_with_a_lowercase_message_and_extra_members() {
    let body = br#"{"__type": "features#TreeError", "Message": "too deep", "Depth": 40}"#;
    match PutTree::parse_response(400, &[], body) {
        Err(ResponseError::Service(PutTreeError::TreeError(error))) => {
            assert_eq!(error, TreeError { message: Some("too deep".into()), depth: Some(40) });
            assert_eq!(error.to_string(), "TreeError: too deep");
        }
        other => panic!("expected a TreeError, got {other:?}"),
    }
}
