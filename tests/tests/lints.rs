//! The lints fixture (`codegen/tests/fixtures/lints.json`): deprecated shapes of every kind and
//! a union with one large member generate code that is warning- and clippy-clean, and that
//! still works for callers who allow the deprecation. Only the tests allow it: the generated
//! module must not warn on its own.

// `pub`: as in a library, the generated items are API, not dead code.
pub mod lints {
    include!(concat!(env!("OUT_DIR"), "/lints.rs"));
}

use awsjson_runtime::{Operation, ResponseError, ServiceError};
use lints::*;

#[test]
#[allow(deprecated)]
fn deprecated_shapes_are_written_and_read() {
    let input = GetInput {
        level: Some(OldLevel::V2),
        choice: Some(OldChoice::Mode(OldMode::Off)),
        olds: Some(vec![OldInput::new("a")]),
        note: Some("n".into()),
        ..GetInput::new(OldMode::On)
    };
    let request = Get::request(&input).unwrap();
    assert_eq!(
        String::from_utf8(request.body).unwrap(),
        r#"{"Mode":"ON","Level":2,"Choice":{"Mode":"OFF"},"Olds":[{"Name":"a"}],"Note":"n"}"#
    );
    let output = OldGet::parse_response(200, &[], br#"{"Name": "b"}"#).unwrap();
    assert_eq!(output, OldInput::new("b"));
}

#[test]
#[allow(deprecated)]
fn a_deprecated_error_is_still_typed() {
    let headers = [("X-Amzn-ErrorType", "OldError")];
    let error = match Get::parse_response(400, &headers, br#"{"message": "m"}"#) {
        Err(ResponseError::Service { error, .. }) => error,
        other => panic!("not a service error: {other:?}"),
    };
    assert!(matches!(&error, GetError::OldError(old) if old.message.as_deref() == Some("m")));
    assert_eq!((error.code(), error.to_string()), (Some("OldError"), "OldError: m".to_owned()));
}

#[test]
#[allow(deprecated)]
fn a_union_with_a_large_member_keeps_it_inline() {
    let bulky = Bulky { field7: Some("x".into()), ..Bulky::default() };
    let pick = Pick::Bulky(bulky.clone());
    assert_eq!(serde_json::to_string(&pick).unwrap(), r#"{"Bulky":{"Field7":"x"}}"#);
    assert_eq!(serde_json::from_str::<Pick>(r#"{"Bulky":{"Field7":"x"}}"#).unwrap(), pick);
    assert!(std::mem::size_of::<Pick>() >= 12 * std::mem::size_of::<String>());
}

#[test]
#[allow(deprecated)]
fn a_deprecated_operation_an_operation_named_self_and_carriage_returns_work() {
    let request = Renew::request(&GetInput::new(OldMode::On)).unwrap();
    assert_eq!(request.header("X-Amz-Target"), Some("Lints.Renew"));
    let input = OddName { mode: Some(Crlf::AB) };
    let request = Self_::request(&input).unwrap();
    assert_eq!(request.header("X-Amz-Target"), Some("Lints.Self"));
    assert_eq!(String::from_utf8(request.body).unwrap(), r#"{"Mode":"a\rb"}"#);
    assert_eq!(Crlf::from("a\rb"), Crlf::AB);
    let error = Self_::parse_response(400, &[], br#"{"__type":"Nope"}"#).unwrap_err();
    assert!(matches!(error, ResponseError::Service { error: SelfError::Unmodeled(_), .. }));
}
