use super::{Decode, JsonReader as Reader, Miss, Read, read};
use crate::DateTime;

fn reader(text: &str) -> Reader<'_> {
    Reader::new(text)
}

#[test]
fn strings_without_escapes_are_borrowed_and_others_unescaped_or_missed() {
    assert_eq!(reader(r#"  "fleet-1""#).str(), Ok("fleet-1"));
    assert_eq!(
        reader(r#""a long string of more than eight bytes""#).str(),
        Ok("a long string of more than eight bytes")
    );
    assert_eq!(reader(r#""é ü 東京""#).str(), Ok("é ü 東京"));
    assert_eq!(reader(r#""a\"b""#).str(), Err(Miss));
    assert_eq!(reader(r#""a\"b""#).string(), Ok("a\"b".to_owned()));
    assert_eq!(reader(r#""tab\tinside""#).string(), Ok("tab\tinside".to_owned()));
    assert_eq!(reader("\"raw\ttab\"").string(), Err(Miss), "a control character is not JSON");
    assert_eq!(reader(r#""unterminated"#).string(), Err(Miss));
    assert_eq!(reader(r#""bad \x escape""#).string(), Err(Miss));
}

#[test]
fn integers_are_read_only_as_written_integers() {
    assert_eq!(reader(" 57600").integer(), Ok(57600));
    assert_eq!(reader("-12,").integer(), Ok(-12));
    assert_eq!(reader("0}").integer(), Ok(0));
    assert_eq!(reader("9223372036854775807").integer(), Ok(i64::MAX));
    assert_eq!(reader("-9223372036854775808").integer(), Ok(i64::MIN));
    for left_to_serde in ["9223372036854775808", "1.0", "1e3", "-0", "01", "-", "x", ""] {
        assert_eq!(reader(left_to_serde).integer(), Err(Miss), "{left_to_serde}");
    }
}

#[test]
fn numbers_follow_the_json_grammar() {
    for number in ["0", "-1", "1496170845.734", "1e10", "2.5E-3", "-0.0"] {
        assert_eq!(reader(number).number_text(), Ok(number));
    }
    for bad in ["01.5", "1.", ".5", "1e", "-", "+1"] {
        let mut reader = reader(bad);
        let whole = reader.number_text().is_ok() && reader.finish().is_ok();
        assert!(!whole, "{bad}");
    }
}

#[test]
fn skipping_checks_what_it_skips() {
    let good = r#"{"a":[1,2.5,{"b":null}],"c":"d\"e","f":true,"g":false,"h":-3e2}"#;
    let mut skipped = reader(good);
    assert_eq!(skipped.skip().and_then(|()| skipped.finish()), Ok(()));
    for bad in
        [r#"{"a":[1,,2]}"#, r#"{"a" 1}"#, r#"[1 2]"#, r#"{"a":tru}"#, r#"{"a":1,}"#, "[", r#""\q""#]
    {
        let mut reader = reader(bad);
        assert!(reader.skip().and_then(|()| reader.finish()).is_err(), "{bad}");
    }
}

#[test]
fn nesting_past_64_is_left_to_serde_json_and_never_deep_recursion() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let shallow = nested(63);
    let mut within = reader(&shallow);
    assert_eq!(within.skip().and_then(|()| within.finish()), Ok(()));
    assert_eq!(reader(&nested(65)).skip(), Err(Miss));
    let hostile = "{\"a\":".repeat(100_000);
    let mut objects = reader(&hostile);
    assert_eq!(objects.skip(), Err(Miss));
}

#[test]
fn objects_and_lists() {
    let mut object = reader(r#" { "A" : 1 , "B":[ "x","y" ] } "#);
    object.begin_object().unwrap();
    let mut first = true;
    assert_eq!(object.next_key(&mut first), Ok(Some("A")));
    assert_eq!(object.integer(), Ok(1));
    assert_eq!(object.next_key(&mut first), Ok(Some("B")));
    assert_eq!(object.list(|r| r.string()), Ok(vec!["x".to_owned(), "y".to_owned()]));
    assert_eq!(object.next_key(&mut first), Ok(None));
    assert_eq!(object.finish(), Ok(()));
    for bad in ["{,}", r#"{"A":1,}"#, r#"{"A":1 "B":2}"#] {
        let mut object = reader(bad);
        object.begin_object().unwrap();
        let mut first = true;
        let mut outcome = Ok(Some(""));
        while let Ok(Some(_)) = outcome {
            let _ = object.integer();
            outcome = object.next_key(&mut first);
        }
        assert_eq!(outcome, Err(Miss), "{bad}");
    }
    assert_eq!(reader("[]").list(|r| r.integer()), Ok(vec![]));
    assert_eq!(reader("[1,]").list(|r| r.integer()), Err(Miss));
}

#[test]
fn timestamps_from_the_number_text_and_strings_through_serde() {
    let epoch = DateTime::from_epoch_decimal("1496170845.734").unwrap();
    assert_eq!(DateTime::decode(&mut reader("1496170845.734")), Ok(epoch));
    assert_eq!(DateTime::decode(&mut reader(r#""2017-05-30T19:00:45.734Z""#)), Ok(epoch));
    assert_eq!(read::<DateTime>(b"1496170845.734 "), Some(epoch));
    assert_eq!(read::<DateTime>(b"1496170845.734 x"), None, "trailing characters");
}

#[test]
fn members_are_found_in_the_models_order_or_any_other() {
    let keys = ["Arn", "Name", "State"];
    let index_of = |key: &str| keys.iter().position(|k| *k == key).unwrap_or(usize::MAX);
    let quoted_key = |expected: usize, rest: &[u8]| match keys.get(expected) {
        Some(key) if rest.starts_with(format!("\"{key}\"").as_bytes()) => key.len() + 2,
        _ => 0,
    };
    let body = r#"{"Arn":1, "Extra":2,"State":3 ,"Name" :4,"Arnx":5,"Ar":6}"#;
    let mut object = reader(body);
    object.begin_object().unwrap();
    let (mut first, mut expected) = (true, 0);
    let mut found = Vec::new();
    while let Some(index) =
        object.next_member(&mut first, &mut expected, &[], quoted_key, index_of).unwrap()
    {
        found.push((index, object.integer().unwrap()));
    }
    assert_eq!(found, [(0, 1), (usize::MAX, 2), (2, 3), (1, 4), (usize::MAX, 5), (usize::MAX, 6)]);
    assert_eq!(object.finish(), Ok(()));
    let mut escaped = reader(r#"{"A\u0072n":1}"#);
    escaped.begin_object().unwrap();
    let (mut first, mut expected) = (true, 0);
    assert_eq!(
        escaped.next_member(&mut first, &mut expected, &[], quoted_key, index_of),
        Err(Miss)
    );
}

/// A value read through serde_json counts its nesting toward the reader's bound, so the fast
/// path never accepts what the serde path refuses for depth (serde_json's limit is 128).
#[test]
fn values_left_to_serde_json_are_nested_within_the_bound() {
    fn nested(reader: &mut Reader<'_>, lists: usize) -> super::Fast<crate::Document> {
        if lists == 0 {
            return reader.serde::<crate::Document>();
        }
        reader
            .list(|reader| nested(reader, lists - 1))
            .map(|mut values| values.pop().unwrap_or_default())
    }
    let body = |outer: usize, inner: usize| {
        format!(
            "{}{}{}{}",
            "[".repeat(outer),
            "[".repeat(inner),
            "]".repeat(inner),
            "]".repeat(outer)
        )
    };
    assert!(nested(&mut reader(&body(30, 30)), 30).is_ok());
    assert_eq!(nested(&mut reader(&body(60, 70)), 60), Err(Miss));
    let escaped = r#""a\"b\\c\u00e9""#;
    assert_eq!(reader(escaped).string(), Ok("a\"b\\cé".to_owned()));
    let mut skipped = reader(r#"["\ud800", "ok"]"#);
    assert_eq!(
        skipped.skip().and_then(|()| skipped.finish()),
        Ok(()),
        "IgnoredAny takes a lone surrogate, as on the serde path"
    );
    assert_eq!(reader(r#""\ud800""#).string(), Err(Miss), "a String does not");
}

/// CBOR's reader: what it reads is what the serde path reads; anything odd is a miss.
#[cfg(feature = "cbor")]
mod cbor {
    use crate::fast::{CborReader, FastForm, Read, read_cbor};
    use crate::wire::{Integer, List, Map, Plain};
    use crate::{Blob, DateTime};
    use std::collections::BTreeMap;

    /// The whole body read in form `F`, or `None` for a miss.
    fn read<F: FastForm<T>, T>(body: &[u8]) -> Option<T> {
        let mut reader = CborReader::new(body);
        let value = F::decode(&mut reader).ok()?;
        reader.finish().ok().map(|()| value)
    }

    #[test]
    fn conformant_items_read_as_the_serde_path_reads_them() {
        assert_eq!(read::<Integer, i64>(&[0x18, 0x64]), Some(100));
        assert_eq!(read::<Integer, i64>(&[0x38, 0x63]), Some(-100));
        assert_eq!(read::<Integer, i32>(&[0x1b, 0, 0, 0, 0, 0, 0, 0, 7]), Some(7));
        assert_eq!(read_cbor::<String>(&[0x62, b'h', b'i']), Some("hi".to_owned()));
        assert_eq!(read_cbor::<Blob>(&[0x42, 1, 2]), Some(Blob::new(vec![1, 2])));
        let time = DateTime::from_epoch_decimal("1.5").ok();
        assert_eq!(read_cbor::<DateTime>(&[0xc1, 0xf9, 0x3e, 0x00]), time);
        let map = [0xbf, 0x61, b'a', 0x9f, 0x62, b'x', b'y', 0xff, 0xff];
        let expected: BTreeMap<String, Vec<String>> =
            [("a".to_owned(), vec!["xy".to_owned()])].into();
        assert_eq!(read::<Map<List<Plain>>, _>(&map), Some(expected));
    }

    #[test]
    fn lengths_beyond_the_body_and_odd_items_miss_without_allocating_or_panicking() {
        assert_eq!(read::<Integer, i64>(&[0x1b, 0x80, 0, 0, 0, 0, 0, 0, 0]), None);
        assert_eq!(read::<Integer, i64>(&[0xf9, 0x3c, 0x00]), None);
        let huge_text = [0x7b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
        assert_eq!(read_cbor::<String>(&huge_text), None);
        let huge_list = [0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
        assert_eq!(read::<List<Plain>, Vec<String>>(&huge_list), None);
        // Indefinite text, a byte string for a string, trailing bytes: left to serde.
        assert_eq!(read_cbor::<String>(&[0x7f, 0x61, b'a', 0xff]), None);
        assert_eq!(read_cbor::<String>(&[0x41, b'a']), None);
        assert_eq!(read_cbor::<String>(&[0x61, b'a', 0x00]), None);
    }
}
