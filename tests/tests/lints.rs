//! The lints fixture (`codegen/tests/fixtures/lints.json`, generated into `wire_tests::lints`,
//! where it is built, linted and documented as API): deprecated shapes of every kind, a union
//! with one large member and model text that Markdown or a comment would misread generate code
//! that is warning-, clippy- and rustdoc-clean, and that works from outside its crate for
//! callers who allow the deprecation. Only the tests allow it: the generated module must not
//! warn on its own.

use awsjson_runtime::validate::Validate;
use awsjson_runtime::{Operation, RequestOptions, ResponseError, ServiceError};
use wire_tests::lints::*;

#[test]
#[allow(deprecated)]
fn deprecated_shapes_are_written_and_read() {
    let input = GetInput::new(OldMode::On)
        .with_level(OldLevel::V2)
        .with_choice(OldChoice::Mode(OldMode::Off))
        .with_olds(vec![OldInput::new("a")])
        .with_note("n");
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
    let bulky = Bulky::default().with_field7("x");
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
    let input = OddName::new().with_mode(Crlf::AB);
    let request = Self_::request(&input).unwrap();
    assert_eq!(request.header("X-Amz-Target"), Some("Lints.Self"));
    assert_eq!(String::from_utf8(request.body).unwrap(), r#"{"Mode":"a\rb"}"#);
    assert_eq!(Crlf::from("a\rb"), Crlf::AB);
    let error = Self_::parse_response(400, &[], br#"{"__type":"Nope"}"#).unwrap_err();
    assert!(matches!(error, ResponseError::Service { error: SelfError::Unmodeled(_), .. }));
}

#[test]
#[allow(deprecated)]
fn model_text_with_backticks_and_html_is_read_written_and_checked() {
    let input = GetInput::new(OldMode::On).with_tick(TickBName::AB).with_untagged("<b>");
    let request = Get::request_with(&input, &RequestOptions::default().without_validation());
    let body = request.map(|request| String::from_utf8_lossy(&request.body).into_owned());
    assert_eq!(body.ok().as_deref(), Some(r#"{"Mode":"ON","Tick":"a``b","Untagged":"<b>"}"#));
    assert_eq!(
        (TickBName::from("```"), TickBName::from("`<i>`")),
        (TickBName::Empty, TickBName::I)
    );
    let violations = input.validate().err().map(|v| v.to_string());
    assert_eq!(
        violations.as_deref(),
        Some("Untagged: \"<b>\" does not match the pattern ^[^`<>]*$")
    );
}
