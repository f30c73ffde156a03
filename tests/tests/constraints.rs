//! The constraints fixture (`codegen/tests/fixtures/constraints.json`): every kind of constraint
//! a model gives, checked by the generated `validate()`, with the exact messages a user reads;
//! requests validated before they are built, unless told not to; outputs only when asked.

pub mod constraints {
    include!(concat!(env!("OUT_DIR"), "/constraints.rs"));
}

use awsjson_runtime::validate::{Constraint, Unit};
use awsjson_runtime::{Blob, Operation, RequestOptions, UnknownMember, Validate};
use constraints::*;
use serde_json::json;

/// An input every constraint accepts.
fn valid() -> PutRecordInput {
    PutRecordInput {
        domain: Some("example.com".into()),
        password: Some("correct horse".into()),
        label: Some("Hello, world".into()),
        offset: Some(-5),
        ratio: Some(1.0),
        weight: Some(100.5),
        payload: Some(Blob::new(vec![1, 2, 3, 4])),
        tags: Some([("Ünïcode".to_owned(), "ok".to_owned())].into()),
        aliases: Some(vec!["a".into(), "b-2".into()]),
        color: Some(Color::from("green")),
        level: Some(Level::from(3)),
        figure: Some(Figure::Circle(1)),
        parent: Some(Node { child: Some(Box::new(Node::new("child"))), ..Node::new("parent") }),
        note: Some(json!({"long": "JSON text, which its max of 2 does not limit"})),
        ..PutRecordInput::new("record.1", "arn:aws:iam::123456789012:user/ana", 10, "eu-west-1")
    }
}

/// An input that breaks every constraint once.
fn invalid() -> PutRecordInput {
    PutRecordInput {
        domain: Some("example.com.".into()),
        password: Some("hunter2".into()),
        // Patterns are not anchored: "tab\there" would match `\p{Print}+` at "tab".
        label: Some("\t".into()),
        offset: Some(-6),
        ratio: Some(1.5),
        weight: Some(f64::NAN),
        payload: Some(Blob::new(vec![0; 5])),
        tags: Some(
            [
                ("aws:owner".to_owned(), "ana".to_owned()),
                ("Team".to_owned(), "platform".to_owned()),
                ("c".to_owned(), "".to_owned()),
                ("d".to_owned(), "".to_owned()),
            ]
            .into(),
        ),
        aliases: Some(vec![]),
        color: Some(Color::from("purple")),
        level: Some(Level::from(7)),
        figure: Some(Figure::Circle(0)),
        parent: Some(Node { child: Some(Box::new(Node::new("-child"))), ..Node::new("parent") }),
        note: Some(json!("the member is JSON; the string's max does not apply")),
        ..PutRecordInput::new("", "arn:aws-us:iam::1234:user/ana", 11, "eu.west")
    }
}

/// Every message of the invalid input, in the order of its members.
const EXPECTED: &[&str] = &[
    r#"Name: "" has 0 characters, fewer than the minimum of 1"#,
    r#"Name: "" does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"#,
    r#"Domain: "example.com." does not match the pattern ^[0-9a-z\.\-]*(?<!\.)$"#,
    r#"Owner: "arn:aws-us:iam::1234:user/ana" does not match the pattern ^arn:aws(?:\-cn)?:iam::\d{12}:user/\S+$"#,
    "Password: the value (sensitive, not shown) has 7 characters, fewer than the minimum of 8",
    r#"Label: "\t" does not match the pattern \p{Print}+"#,
    "Count: 11 is outside the range 1 to 10",
    "Offset: -6 is less than the minimum of -5",
    "Ratio: 1.5 is outside the range 0 to 1",
    r#"Weight: "NaN" is more than the maximum of 100.5"#,
    "Payload: the blob has 5 bytes, more than the maximum of 4",
    "Tags: the map has 4 entries, more than the maximum of 3",
    r#"Tags["Team"]: "platform" has 8 characters, more than the maximum of 5"#,
    r#"Tags["aws:owner"] (the key): "aws:owner" has 9 characters, more than the maximum of 8"#,
    r#"Tags["aws:owner"] (the key): "aws:owner" does not match the pattern ^(?!aws:)[\p{L}\p{N}_.:/=+\-@]+$"#,
    "Aliases: the list has 0 items, fewer than the minimum of 1",
    r#"Color: "purple" is not a value the model lists (red, green, blue)"#,
    "Level: 7 is not a value the model lists (1, 2, 3)",
    "Figure.Circle: 0 is less than the minimum of 1",
    r#"Parent.Child.Name: "-child" does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"#,
    r#"Region: "eu.west" cannot be a host label: '.' is not a letter, digit or `-`"#,
];

#[test]
fn a_valid_input_passes() {
    assert_eq!(valid().validate(), Ok(()));
}

#[test]
fn every_violation_is_reported_at_once_with_its_path() {
    let Err(violations) = invalid().validate() else { panic!("expected violations") };
    let messages: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(messages, EXPECTED);
}

#[test]
fn violations_say_what_they_are_in_fields_too() {
    let Err(violations) = invalid().validate() else { panic!("expected violations") };
    let payload = violations.iter().find(|v| v.path == "Payload").map(|v| &v.constraint);
    let expected = Constraint::Length { unit: Unit::Bytes, actual: 5, min: Some(1), max: Some(4) };
    assert_eq!(payload, Some(&expected));
    let password = violations.iter().find(|v| v.path == "Password");
    assert_eq!(password.map(|v| (v.sensitive, v.value.as_deref())), Some((true, None)));
    let name = violations.iter().find(|v| v.path == "Name").map(|v| v.value.as_deref());
    assert_eq!(name, Some(Some(r#""""#)));
}

#[test]
fn a_request_is_validated_before_it_is_built() {
    let error = PutRecord::request(&invalid()).unwrap_err();
    let listed = error.violations().map(|violations| violations.len());
    assert_eq!(listed, Some(EXPECTED.len()));
    let text = error.to_string();
    let expected = format!(
        "the input breaks the model's constraints: {}; and {} more",
        EXPECTED[..10].join("; "),
        EXPECTED.len() - 10
    );
    assert_eq!(text, expected);
    let request = PutRecord::request(&valid()).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(request.host_prefix.as_deref(), Some("eu-west-1."));
}

#[test]
fn validation_can_be_skipped_to_test_the_service() {
    let mut input = invalid();
    input.region = "eu-west-1".to_owned();
    let options = RequestOptions::default().without_validation();
    let request = PutRecord::request_with(&input, &options).unwrap_or_else(|e| panic!("{e}"));
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
    assert_eq!((body["Count"].clone(), body["Color"].clone()), (json!(11), json!("purple")));
    // The host label still has to make a host name, validated or not.
    let error = PutRecord::request_with(&invalid(), &options).unwrap_err();
    assert_eq!(
        error.to_string(),
        "cannot put member `Region` in the host name: '.' is not a letter, digit or `-`"
    );
}

#[test]
fn outputs_are_read_whatever_they_hold_and_checked_when_asked() {
    let body = br#"{"Count":0,"Color":"violet","Record":{"Name":"r","Child":{"Name":""}}}"#;
    let output = PutRecord::parse_response(200, &[], body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.color, Some(Color::from("violet")));
    let messages: Vec<String> = match output.validate() {
        Ok(()) => vec![],
        Err(violations) => violations.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(
        messages,
        [
            r#"Record.Child.Name: "" has 0 characters, fewer than the minimum of 1"#,
            r#"Record.Child.Name: "" does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"#,
            "Count: 0 is outside the range 1 to 10",
            r#"Color: "violet" is not a value the model lists (red, green, blue)"#,
        ]
    );
}

#[test]
fn a_union_member_the_model_does_not_list_is_reported() {
    let figure = Figure::Unknown(UnknownMember::new("Square", json!({"Side": 2})));
    let text = figure.validate().map_err(|violations| violations.to_string());
    assert_eq!(text, Err("Square: union `Figure` has no such member".to_owned()));
    assert_eq!(Figure::Text("ok".into()).validate(), Ok(()));
}
