//! The feature fixture (`codegen/tests/fixtures/features.json`) compiles without warnings and
//! behaves: recursion, sensitive members, deprecation, keywords, `locationName`, awsJson 1.0,
//! an operation without input or output, floats, unions, documents, integer enums, timestamp
//! formats, `jsonvalue` and a host prefix.

// `pub`: as in a library, the generated items are API, not dead code.
pub mod features {
    include!(concat!(env!("OUT_DIR"), "/features.rs"));
}

use awsjson_runtime::{Blob, DateTime, Operation, ResponseError, Validate as _};
use features::*;
use serde_json::json;

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
            ("Content-Type", "application/x-amz-json-1.0".to_owned()),
            ("Content-Length", "222".to_owned()),
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
    let request = Ping::request(&awsjson_runtime::Empty).unwrap();
    assert_eq!(request.body, b"{}");
    assert!(Ping::parse_response(200, &[], b"").is_ok());
    assert!(Ping::parse_response(200, &[], br#"{"anything": [1, 2]}"#).is_ok());
}

#[test]
fn an_error_with_a_lowercase_message_and_extra_members() {
    let body = br#"{"__type": "features#TreeError", "Message": "too deep", "Depth": 40}"#;
    match PutTree::parse_response(400, &[], body) {
        Err(ResponseError::Service { error: PutTreeError::TreeError(error), .. }) => {
            assert_eq!(error, TreeError { message: Some("too deep".into()), depth: Some(40) });
            assert_eq!(error.to_string(), "TreeError: too deep");
        }
        other => panic!("expected a TreeError, got {other:?}"),
    }
}

fn measure() -> MeasureInput {
    MeasureInput {
        ratio: Some(f64::NAN),
        scale: Some(f32::NEG_INFINITY),
        choice: Some(Choice::Again(Wrapper {
            inner: Some(Box::new(Choice::At(DateTime::from_secs(1_422_172_800)))),
        })),
        doc: Some(serde_json::json!({"any": ["json", 1, true]})),
        level: Some(Level::VMinus1),
        iso_at: Some(DateTime::from_secs_and_nanos(1_422_172_800, 123_000_000).unwrap()),
        http_at: Some(DateTime::from_secs(1_422_172_800)),
        stamps: Some(vec![DateTime::from_secs(0)]),
        ratios: Some([("a".to_owned(), f64::INFINITY), ("b".to_owned(), 0.5)].into()),
        attrs: Some(serde_json::json!({"b": [1, 2], "a": "x"})),
        json_list: Some(vec![json!({"b": [true, null], "a": 1}), json!("text"), json!([1.5])]),
        json_map: Some(
            [("y".to_owned(), json!(3)), ("x".to_owned(), json!({"b": "s", "a": 0}))].into(),
        ),
        ..MeasureInput::new("us-west-2a")
    }
}

#[test]
fn every_other_kind_is_written_in_its_wire_form() {
    let request = Measure::request(&measure()).unwrap();
    assert_eq!(request.host_prefix.as_deref(), Some("us-west-2a-data."));
    assert_eq!(
        String::from_utf8(request.body).unwrap(),
        r#"{"Region":"us-west-2a","Ratio":"NaN","Scale":"-Infinity","#.to_owned()
            + r#""Choice":{"Again":{"Inner":{"At":"2015-01-25T08:00:00Z"}}},"#
            + r#""Doc":{"any":["json",1,true]},"Level":-1,"IsoAt":"2015-01-25T08:00:00.123Z","#
            + r#""HttpAt":"Sun, 25 Jan 2015 08:00:00 GMT","#
            + r#""Stamps":["Thu, 01 Jan 1970 00:00:00 GMT"],"Ratios":{"a":"Infinity","b":0.5},"#
            + r#""Attrs":"{\"b\":[1,2],\"a\":\"x\"}","#
            + r#""JsonList":["{\"b\":[true,null],\"a\":1}","\"text\"","[1.5]"],"#
            + r#""JsonMap":{"x":"{\"b\":\"s\",\"a\":0}","y":"3"}}"#
    );
}

#[test]
fn every_other_kind_is_read_back() {
    let body = serde_json::to_vec(&measure()).unwrap();
    let output = Measure::parse_response(200, &[], &body).unwrap();
    assert!(output.ratio.unwrap().is_nan());
    let expected = MeasureInput { ratio: None, ..measure() };
    assert_eq!(MeasureInput { ratio: None, ..output }, expected);
}

/// A `jsonvalue` is sent as the caller wrote it, keys in their order (botocore sends
/// `json.dumps` of the caller's dict), as a member, a list element and a map value; a service
/// that signs or hashes the text sees what the caller built. It reads back equal, in the order
/// it came in.
#[test]
fn a_jsonvalue_is_sent_with_its_keys_in_the_callers_order_and_reads_back_equal() {
    let input = MeasureInput::new("r")
        .with_attrs(json!({"b": 1, "a": 2}))
        .with_json_list(vec![json!({"b": 1, "a": 2})])
        .with_json_map([("k".to_owned(), json!({"z": {"y": true, "x": null}, "a": []}))]);
    let request = Measure::request(&input).unwrap();
    let body = String::from_utf8(request.body).unwrap();
    assert_eq!(
        body,
        r#"{"Region":"r","Attrs":"{\"b\":1,\"a\":2}","JsonList":["{\"b\":1,\"a\":2}"],"#.to_owned()
            + r#""JsonMap":{"k":"{\"z\":{\"y\":true,\"x\":null},\"a\":[]}"}}"#
    );
    let output = Measure::parse_response(200, &[], body.as_bytes()).unwrap();
    assert_eq!(output, input);
    assert_eq!(String::from_utf8(awsjson_runtime::to_vec(&output).unwrap()).unwrap(), body);
}

#[test]
fn a_jsonvalue_element_or_value_that_is_no_json_text_is_named_by_its_path() {
    let body = br#"{"Region":"r","JsonList":["1","{\"a\":"],"JsonMap":{"k":"[]"}}"#;
    let error = Measure::parse_response(200, &[], body).unwrap_err();
    assert_eq!(
        error.to_string(),
        "at `JsonList[1]`: the jsonvalue string is not JSON (EOF \
         while parsing a value at line 1 column 5 of the string) at line 1 column 40"
    );
    let body = br#"{"Region":"r","JsonMap":{"k":"[]","bad":"nope"}}"#;
    let error = Measure::parse_response(200, &[], body).unwrap_err();
    assert_eq!(
        error.to_string(),
        "at `JsonMap[\"bad\"]`: the jsonvalue string is not JSON \
         (expected ident at line 1 column 2 of the string) at line 1 column 47"
    );
}

/// The list's own constraints are checked; its `jsonvalue` string shape's (at most 2
/// characters, lower-case letters) say nothing of the JSON each element holds.
#[test]
fn a_jsonvalue_list_is_checked_and_its_elements_are_not() {
    let long = json!({"LONG": "JSON text, which the string's max of 2 does not limit"});
    let input = MeasureInput::new("r")
        .with_json_list(vec![long.clone(), long.clone(), long.clone()])
        .with_json_map([("k".to_owned(), long.clone())]);
    assert_eq!(input.validate(), Ok(()));
    let input = input.with_json_list(vec![long; 4]);
    let violations = input.validate().unwrap_err();
    let messages: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(messages, ["JsonList: the list has 4 items, more than the maximum of 3"]);
}

#[test]
fn a_bad_host_label_is_an_encode_error() {
    let error = Measure::request(&MeasureInput::new("a.b")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the input breaks the model's constraints: \
         Region: \"a.b\" cannot be a host label: '.' is not a letter, digit or `-`"
    );
    let unchecked = awsjson_runtime::RequestOptions::default().without_validation();
    let error = Measure::request_with(&MeasureInput::new("a.b"), &unchecked).unwrap_err();
    assert_eq!(
        error.to_string(),
        "cannot put member `Region` in the host name: '.' is not a letter, digit or `-`"
    );
}

#[test]
fn unions_keep_unknown_members_and_refuse_two() {
    let read = |json: &str| serde_json::from_str::<Choice>(json);
    let unknown = read(r#"{"Text": null, "NewThing": {"x": 1}}"#).unwrap();
    let Choice::Unknown(member) = &unknown else { panic!("expected Unknown, got {unknown:?}") };
    assert_eq!((member.name(), member.value()), ("NewThing", &serde_json::json!({"x": 1})));
    assert_eq!(serde_json::to_string(&unknown).unwrap(), r#"{"NewThing":{"x":1}}"#);
    assert_eq!(read(r#"{"Unknown": "Infinity"}"#).unwrap(), Choice::UnknownValue(f64::INFINITY));
    assert_eq!(
        read(r#"{"Text": "a", "Number": 2}"#).unwrap_err().to_string(),
        "union `Choice` has more than one member set: `Text` and `Number` at line 1 column 26"
    );
    assert_eq!(
        read("{}").unwrap_err().to_string(),
        "union `Choice` has no member set at line 1 column 2"
    );
}

#[test]
fn sensitive_union_members_are_redacted() {
    let debug = format!("{:?}", Choice::Hidden("hunter2".into()));
    assert_eq!(debug, r#"Hidden("*** Sensitive Data Redacted ***")"#);
    assert_eq!(format!("{:?}", Choice::Text("a".into())), r#"Text("a")"#);
}

#[test]
fn integer_enums_keep_unknown_values() {
    assert_eq!(Level::from(2), Level::V2);
    assert_eq!(Level::VALUES, &[1, 2, -1]);
    let unknown: Level = serde_json::from_str("42").unwrap();
    assert!(unknown.is_unknown());
    assert_eq!((unknown.value(), unknown.to_string()), (42, "42".to_owned()));
    assert_eq!(serde_json::to_string(&unknown).unwrap(), "42");
}
