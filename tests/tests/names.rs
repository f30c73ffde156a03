//! The names fixtures (`codegen/tests/fixtures/names/`) compile without warnings and keep every
//! wire name: Rust keywords as members, shapes and values; shapes named after std and serde
//! items; names that differ only in case or underscores; enum values that are not identifiers.

// `pub`: as in a library, the generated items are API, not dead code.
pub mod keywords {
    include!(concat!(env!("OUT_DIR"), "/names_keywords.rs"));
}
pub mod std_names {
    include!(concat!(env!("OUT_DIR"), "/names_std.rs"));
}
pub mod clashes {
    include!(concat!(env!("OUT_DIR"), "/names_clashes.rs"));
}
pub mod enum_values {
    include!(concat!(env!("OUT_DIR"), "/names_enum_values.rs"));
}

use serde_json::{Value, json};

/// The keywords `keywords.json` uses as member names, in model order; `enum` and `union` are
/// members of enum and union type, the rest strings.
const KEYWORDS: [&str; 56] = [
    "abstract",
    "as",
    "async",
    "await",
    "become",
    "box",
    "break",
    "const",
    "continue",
    "crate",
    "do",
    "dyn",
    "else",
    "enum",
    "extern",
    "false",
    "final",
    "fn",
    "for",
    "gen",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "macro",
    "macro_rules",
    "match",
    "mod",
    "move",
    "mut",
    "override",
    "priv",
    "pub",
    "raw",
    "ref",
    "return",
    "safe",
    "self",
    "Self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "try",
    "type",
    "typeof",
    "union",
    "unsafe",
    "unsized",
    "use",
    "virtual",
    "where",
    "while",
    "yield",
];

fn body(request: &awsjson_runtime::Request) -> Value {
    serde_json::from_slice(&request.body).unwrap()
}

#[test]
fn keyword_members_are_written_with_their_wire_names() {
    use awsjson_runtime::Operation;
    let wire: serde_json::Map<String, Value> = KEYWORDS
        .iter()
        .filter(|keyword| !matches!(**keyword, "enum" | "union"))
        .map(|keyword| ((*keyword).to_owned(), json!(keyword)))
        .collect();
    let input: keywords::KeywordMembers = serde_json::from_value(Value::Object(wire.clone()))
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(input.r#type, "type");
    assert_eq!(input.self_, "self");
    assert_eq!(input.self_2.as_deref(), Some("Self"));
    assert_eq!(input.r#async.as_deref(), Some("async"));
    assert_eq!(input.crate_.as_deref(), Some("crate"));
    assert_eq!(input.super_.as_deref(), Some("super"));
    assert_eq!(input.extern_.as_deref(), Some("extern"));
    assert_eq!(input.r#gen.as_deref(), Some("gen"));
    assert_eq!(body(&keywords::Do::request(&input).unwrap()), Value::Object(wire));
}

#[test]
fn keyword_enum_values_and_union_members_keep_their_wire_names() {
    use keywords::{KeywordMembers, KeywordUnion, KeywordValues};
    let input = KeywordMembers {
        r#enum: Some(KeywordValues::Self_),
        r#union: Some(KeywordUnion::Self2("upper".to_owned())),
        ..KeywordMembers::new("s", "t")
    };
    assert_eq!(
        serde_json::to_value(&input).unwrap(),
        json!({"type": "t", "self": "s", "enum": "self", "union": {"Self": "upper"}})
    );
    let union: KeywordUnion = serde_json::from_value(json!({"self": "lower"})).unwrap();
    assert_eq!(union, KeywordUnion::Self_("lower".to_owned()));
    assert_eq!(KeywordValues::from("fn"), KeywordValues::Fn);
    assert_eq!(KeywordValues::Match.as_str(), "match");
}

#[test]
fn keyword_shapes_are_types_and_yield_to_operations() {
    use awsjson_runtime::Operation;
    // `do` and `match` are also operations, which keep the plain names.
    let _: keywords::Do2 = keywords::Do2 {};
    let _: keywords::Match2 = keywords::Match2 {};
    assert_eq!(keywords::Match::TARGET, "Keywords.Match");
    // `self` and `Self` both give `Self_`; `Self` is exactly that name, so `self` yields.
    let input: <keywords::Match as Operation>::Input = keywords::Self2 {};
    assert_eq!(keywords::Match::request(&input).unwrap().body, b"{}");
    let output = keywords::KeywordShapes {
        type_shape: Some(keywords::Type {}),
        self_type_shape: Some(keywords::Self_ {}),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&output).unwrap(),
        json!({"TypeShape": {}, "SelfTypeShape": {}})
    );
}

#[test]
fn shapes_named_after_std_items_live_beside_std() {
    use awsjson_runtime::Operation;
    let input = std_names::Option {
        maybe: Some(Box::new(std_names::Option::new("inner"))),
        items: Some(vec!["a".to_owned()]),
        ..std_names::Option::new("outer")
    };
    assert_eq!(
        serde_json::from_slice::<Value>(&std_names::Get::request(&input).unwrap().body).unwrap(),
        json!({"Value": "outer", "Maybe": {"Value": "inner"}, "Items": ["a"]})
    );
    let string = std_names::String { count: Some(1), ..std_names::String::new("text") };
    let union = std_names::Hash::String(string.clone());
    assert_eq!(
        serde_json::to_value(&union).unwrap(),
        json!({"String": {"Text": "text", "Count": 1}})
    );
    let default: std_names::Default = serde_json::from_value(json!({"Value": "v"})).unwrap();
    assert_eq!(default, std_names::Default::new("v"));
    let value: std_names::Sized = serde_json::from_value(json!("None")).unwrap();
    assert_eq!(value, std_names::Sized::None);
    // The shape `Result` yields its name to the operation `Result`.
    let output: <std_names::Result as Operation>::Output = std_names::Box::default();
    assert_eq!(output, std_names::Box { inner: None, some: None, none: None });
    let _: std_names::Result2 = std_names::Result2::default();
}

#[test]
fn errors_named_error_and_unmodeled_parse_into_their_shapes() {
    use awsjson_runtime::{Operation, ResponseError};
    use std_names::{Get, GetError};
    let parse = |code: &str| {
        let headers = [("X-Amzn-ErrorType", code)];
        match Get::parse_response(400, &headers, br#"{"message": "m"}"#) {
            Err(ResponseError::Service { error, .. }) => error,
            other => panic!("not a service error: {other:?}"),
        }
    };
    assert!(matches!(parse("Error"), GetError::Error(e) if e.message.as_deref() == Some("m")));
    assert!(matches!(parse("Unmodeled"), GetError::Unmodeled2(_)));
    assert!(matches!(parse("Other"), GetError::Unmodeled(e) if e.code.as_deref() == Some("Other")));
}

#[test]
fn members_that_differ_only_in_case_are_distinct_fields() {
    let wire = json!({
        "Name": "1", "name": "2", "NAME": "3", "Name_": "4",
        "IPAddress": "5", "IpAddress": "6", "ip_address": "7",
        "FooBar": {"Name": "8"}, "fooBar": {"Name": "9"}, "Foo_Bar": {"Name": "10"},
        "FooBar2": {"Name": "11"}, "FOO_BAR": "A"
    });
    let clashes: clashes::Clashes = serde_json::from_value(wire.clone()).unwrap();
    // The member whose wire name is the Rust name keeps it; the others get suffixes.
    assert_eq!(clashes.name, "2");
    assert_eq!(clashes.name_2.as_deref(), Some("1"));
    assert_eq!(clashes.name_3.as_deref(), Some("3"));
    assert_eq!(clashes.name_4.as_deref(), Some("4"));
    assert_eq!(clashes.ip_address.as_deref(), Some("7"));
    assert_eq!(clashes.ip_address_2.as_deref(), Some("5"));
    assert_eq!(clashes.ip_address_3.as_deref(), Some("6"));
    // Shapes too: `FooBar` keeps its name, `FooBar2` is a shape of its own.
    assert_eq!(clashes.foo_bar, Some(clashes::FooBar { name: Some("8".to_owned()) }));
    assert_eq!(clashes.foo_bar_2, Some(clashes::FooBar5 { name: Some("9".to_owned()) }));
    assert_eq!(clashes.foo_bar_3, Some(clashes::FooBar4 { name: Some("10".to_owned()) }));
    assert_eq!(clashes.foo_bar2, Some(clashes::FooBar2 { name: Some("11".to_owned()) }));
    assert_eq!(clashes.foo_bar_4, Some(clashes::FooBar3::A));
    assert_eq!(serde_json::to_value(&clashes).unwrap(), wire);
}

#[test]
fn union_members_and_operations_that_clash_stay_apart() {
    use awsjson_runtime::Operation;
    let union: clashes::ClashUnion = serde_json::from_value(json!({"text": "x"})).unwrap();
    assert_eq!(union, clashes::ClashUnion::Text2("x".to_owned()));
    let unknown: clashes::ClashUnion = serde_json::from_value(json!({"Unknown": "y"})).unwrap();
    assert_eq!(unknown, clashes::ClashUnion::UnknownValue2("y".to_owned()));
    let new: clashes::ClashUnion = serde_json::from_value(json!({"Brand new": 1})).unwrap();
    assert!(matches!(new, clashes::ClashUnion::Unknown(_)));
    assert_eq!(clashes::GetThing::TARGET, "Clashes.GetThing");
    assert_eq!(clashes::GetThing2::TARGET, "Clashes.getThing");
    let input = clashes::GetThing3 { union: Some(union) };
    assert_eq!(clashes::GetThing2::request(&input).unwrap().body, br#"{"Union":{"text":"x"}}"#);
}

#[test]
fn an_error_with_both_message_spellings_keeps_both() {
    use awsjson_runtime::{Operation, ResponseError, ServiceError};
    use clashes::{GetThing, GetThingError2};
    let parse = |code: &str, body: &[u8]| match GetThing::parse_response(
        400,
        &[("X-Amzn-ErrorType", code)],
        body,
    ) {
        Err(ResponseError::Service { error, .. }) => error,
        other => panic!("not a service error: {other:?}"),
    };
    let error = parse("BothMessages", br#"{"message": "lower", "Message": "upper"}"#);
    let GetThingError2::BothMessages(both) = &error else {
        panic!("not BothMessages: {error:?}");
    };
    assert_eq!(both.message.as_deref(), Some("lower"));
    assert_eq!(both.message_2.as_deref(), Some("upper"));
    let error = parse("Unmodeled", br#"{"Message": "m"}"#);
    assert!(matches!(error, GetThingError2::Unmodeled2(_)));
    assert_eq!((error.code(), error.message()), (Some("Unmodeled"), Some("m")));
}

#[test]
fn every_enum_value_has_its_own_variant_and_round_trips() {
    use enum_values::{Colliding, InstanceType};
    let instance_types: Vec<InstanceType> =
        InstanceType::VALUES.iter().map(|value| InstanceType::from(*value)).collect();
    let collidings: Vec<Colliding> =
        Colliding::VALUES.iter().map(|value| Colliding::from(*value)).collect();
    for (value, variant) in InstanceType::VALUES.iter().zip(&instance_types) {
        assert!(!variant.is_unknown(), "{value:?} is unknown");
        assert_eq!(variant.as_str(), *value);
        assert_eq!(serde_json::to_value(variant).unwrap(), json!(value));
        assert_eq!(&serde_json::from_value::<InstanceType>(json!(value)).unwrap(), variant);
    }
    let distinct: std::collections::BTreeSet<&InstanceType> = instance_types.iter().collect();
    assert_eq!(distinct.len(), InstanceType::VALUES.len(), "two values share a variant");
    assert_eq!(
        collidings,
        [
            Colliding::Running3,
            Colliding::Running4,
            Colliding::Running,
            Colliding::RunNing2,
            Colliding::RunNing,
            Colliding::Running2,
        ]
    );
    assert_eq!(InstanceType::from(""), InstanceType::Empty2);
    assert_eq!(InstanceType::from("Empty"), InstanceType::Empty);
    assert_eq!(InstanceType::from("Unknown"), InstanceType::UnknownValue2);
    assert_eq!(InstanceType::from("stream.standard.small"), InstanceType::StreamStandardSmall);
    assert_eq!(InstanceType::from("a:b"), InstanceType::AB);
    assert_eq!(InstanceType::from("1080p"), InstanceType::V1080p);
    let unknown = InstanceType::from("stream.standard.large");
    assert!(unknown.is_unknown());
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!("stream.standard.large"));
}
