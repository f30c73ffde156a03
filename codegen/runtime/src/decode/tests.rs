//! Decoding through the API generated impls use: paths, strictness and correction.

use super::{Decoded, Decoding, member, required};
use crate::json::{from_body, from_body_with};
use crate::wire::{List, Map, Plain};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::collections::BTreeMap;

/// What generated code writes for `{"Fleets": [Fleet]}`.
#[derive(Debug, PartialEq, serde::Serialize)]
struct Body {
    fleets: Option<Vec<Fleet>>,
}

/// `{"Name": String (required), "SubnetIds": [String], "Tags": {String: Fleet}}`.
#[derive(Debug, PartialEq, serde::Serialize)]
struct Fleet {
    name: String,
    subnet_ids: Option<Vec<String>>,
    tags: Option<BTreeMap<String, Fleet>>,
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Body;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("structure `Body` (an object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Body, A::Error> {
                let mut fleets = None;
                while let Some(key) = map.next_key::<crate::union::MemberName<'de>>()? {
                    match key.as_str() {
                        "Fleets" => member::<_, List<Plain>, _>(&mut map, "Fleets", &mut fleets)?,
                        _ => drop(map.next_value::<IgnoredAny>()?),
                    }
                }
                Ok(Body { fleets })
            }
        }
        deserializer.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Fleet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fleet;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("structure `Fleet` (an object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fleet, A::Error> {
                let (mut name, mut subnet_ids, mut tags) = (None, None, None);
                while let Some(key) = map.next_key::<crate::union::MemberName<'de>>()? {
                    match key.as_str() {
                        "Name" => member::<_, Plain, _>(&mut map, "Name", &mut name)?,
                        "SubnetIds" => {
                            member::<_, List<Plain>, _>(&mut map, "SubnetIds", &mut subnet_ids)?;
                        }
                        "Tags" => member::<_, Map<Plain>, _>(&mut map, "Tags", &mut tags)?,
                        _ => drop(map.next_value::<IgnoredAny>()?),
                    }
                }
                Ok(Fleet { name: required(name, "Name")?, subnet_ids, tags })
            }
        }
        deserializer.deserialize_map(V)
    }
}

fn error(body: &str) -> (String, String) {
    let error = from_body::<Body>(body.as_bytes()).err().unwrap_or_else(|| panic!("{body} read"));
    (error.path().to_owned(), error.to_string())
}

#[test]
fn reads_a_body_and_an_empty_one() {
    let body: Body = from_body(br#"{"Fleets":[{"Name":"a","Extra":1}]}"#).unwrap();
    assert_eq!(body.fleets.unwrap()[0].name, "a");
    assert_eq!(from_body::<Body>(b"").unwrap(), Body { fleets: None });
    assert_eq!(from_body::<Body>(b" \r\n\t").unwrap(), Body { fleets: None });
}

#[test]
fn a_missing_member_is_named_with_its_path() {
    let (path, text) = error(r#"{"Fleets":[{"Name":"a"},{"SubnetIds":[]}]}"#);
    assert_eq!(path, "Fleets[1].Name");
    assert_eq!(text, "at `Fleets[1].Name`: missing required member `Name` at line 1 column 40");
    let (path, _) = error(r#"{"Fleets":[{"Name":"a","Tags":{"owner":{"Name":null}}}]}"#);
    assert_eq!(path, r#"Fleets[0].Tags["owner"].Name"#);
}

#[test]
fn a_wrong_value_is_named_with_its_path() {
    let (path, text) = error(r#"{"Fleets":[{"Name":"a","SubnetIds":["x",5]}]}"#);
    assert_eq!(path, "Fleets[0].SubnetIds[1]");
    assert_eq!(
        text,
        "at `Fleets[0].SubnetIds[1]`: invalid type: integer `5`, expected a string at line 1 \
         column 41"
    );
}

#[test]
fn an_array_is_no_structure() {
    assert_eq!(
        error("[]"),
        (
            String::new(),
            "invalid type: sequence, expected structure `Body` (an object) at line 1 column 0"
                .to_owned()
        )
    );
    let (path, text) = error(r#"{"Fleets":[["a"]]}"#);
    assert_eq!(path, "Fleets[0]");
    assert!(text.contains("expected structure `Fleet` (an object)"), "{text}");
    let (path, text) = error(r#"{"Fleets":{"Name":"a"}}"#);
    assert_eq!(path, "Fleets");
    assert!(text.contains("expected a list (an array)"), "{text}");
}

#[test]
fn a_member_given_twice_is_refused() {
    let (path, text) = error(r#"{"Fleets":[{"Name":"a","Name":"b"}]}"#);
    assert_eq!(path, "Fleets[0]");
    assert_eq!(text, "at `Fleets[0]`: member `Name` is given twice at line 1 column 29");
}

#[test]
fn invalid_json_and_trailing_characters() {
    assert_eq!(
        error(r#"{"Fleets":[{"Name":"a"}"#),
        (
            "Fleets".to_owned(),
            "at `Fleets`: EOF while parsing a list at line 1 column 23".to_owned()
        )
    );
    assert_eq!(error("<html>"), (String::new(), "expected value at line 1 column 1".to_owned()));
    assert_eq!(error("{} x"), (String::new(), "trailing characters at line 1 column 4".to_owned()));
}

#[test]
fn messages_stay_short_whatever_the_input_holds() {
    let long = format!(
        r#"{{"Fleets":[{{"Name":"a","SubnetIds":[{{"x":"{}"}}]}}]}}"#,
        "\u{301}".repeat(1_000_000)
    );
    let (path, text) = error(&long);
    assert_eq!(path, "Fleets[0].SubnetIds[0]");
    assert!(text.len() < 1100, "{} bytes", text.len());
    let key = "k".repeat(500);
    let (path, _) = error(&format!(r#"{{"Fleets":[{{"Name":"a","Tags":{{"{key}":{{}}}}}}]}}"#));
    assert_eq!(path, format!("Fleets[0].Tags[\"{}…\"].Name", "k".repeat(64)));
}

#[test]
fn correcting_fills_missing_members_and_says_where() {
    let body = br#"{"Fleets":[{"Name":"a"},{"SubnetIds":[]},{"Name":null,"Tags":{"t":{}}}]}"#;
    let Decoded { value, corrected } = from_body_with::<Body>(body, Decoding::Correcting).unwrap();
    let fleets = value.fleets.unwrap();
    assert_eq!(fleets.iter().map(|fleet| fleet.name.as_str()).collect::<Vec<_>>(), ["a", "", ""]);
    // In the order they were settled: a member inside another structure first.
    assert_eq!(corrected, ["Fleets[1].Name", r#"Fleets[2].Tags["t"].Name"#, "Fleets[2].Name"]);
    let whole = from_body_with::<Body>(br#"{"Fleets":[{"Name":"a"}]}"#, Decoding::Correcting);
    assert_eq!(whole.map(|decoded| decoded.corrected.len()).ok(), Some(0));
    // Correcting is for missing members only: a wrong value is still an error.
    let wrong = from_body_with::<Body>(br#"{"Fleets":[{"Name":5}]}"#, Decoding::Correcting);
    assert_eq!(wrong.err().map(|error| error.path().to_owned()).as_deref(), Some("Fleets[0].Name"));
}

#[test]
fn a_plain_serde_json_read_is_strict_and_untracked() {
    let error = serde_json::from_str::<Body>(r#"{"Fleets":[{}]}"#).err().map(|e| e.to_string());
    assert_eq!(error.as_deref(), Some("missing required member `Name` at line 1 column 13"));
    // The state of a tracked read does not leak into the next one.
    let _ = from_body_with::<Body>(br#"{"Fleets":[{}]}"#, Decoding::Correcting);
    assert!(serde_json::from_str::<Body>(r#"{"Fleets":[{}]}"#).is_err());
}
