//! The codec on its own: RFC 8949's examples, lengths and nesting, and what is refused.

use super::{from_slice, to_vec};
use crate::{Blob, DateTime};
use ::serde::de::IgnoredAny;
use ::std::collections::BTreeMap;

fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap_or("00"), 16).unwrap_or(0))
        .collect()
}

fn error<T: for<'de> ::serde::Deserialize<'de> + std::fmt::Debug>(bytes: &[u8]) -> String {
    match from_slice::<T>(bytes) {
        Ok(value) => panic!("read {value:?} from {bytes:02x?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn integers_read_from_every_width_and_write_in_the_shortest() {
    let cases: [(&str, i64); 12] = [
        ("00", 0),
        ("17", 23),
        ("1818", 24),
        ("1864", 100),
        ("1903e8", 1000),
        ("1a000f4240", 1_000_000),
        ("1b000000e8d4a51000", 1_000_000_000_000),
        ("20", -1),
        ("29", -10),
        ("3863", -100),
        ("3903e7", -1000),
        ("3b7fffffffffffffff", i64::MIN),
    ];
    for (bytes, value) in cases {
        assert_eq!(from_slice::<i64>(&hex(bytes)), Ok(value), "{bytes}");
        assert_eq!(to_vec(&value).ok(), Some(hex(bytes)), "{value}");
    }
    // Any width is widened to the type asked for, and checked against it.
    assert_eq!(from_slice::<i32>(&hex("1b0000000000000007")), Ok(7));
    assert_eq!(from_slice::<u64>(&hex("1bffffffffffffffff")), Ok(u64::MAX));
    assert_eq!(
        error::<i64>(&hex("3bffffffffffffffff")),
        "the integer -1-18446744073709551615 is below i64's range at byte 0"
    );
}

#[test]
fn floats_of_every_precision_are_read_and_doubles_written_as_singles_only_when_exact() {
    let halves: [(&str, f64); 9] = [
        ("f90000", 0.0),
        ("f98000", -0.0),
        ("f93c00", 1.0),
        ("f93e00", 1.5),
        ("f97bff", 65504.0),
        ("f90001", 5.960_464_477_539_063e-8),
        ("f90400", 6.103_515_625e-5),
        ("f9c400", -4.0),
        ("f97c00", f64::INFINITY),
    ];
    for (bytes, value) in halves {
        let read = from_slice::<f64>(&hex(bytes));
        assert_eq!(read.map(f64::to_bits), Ok(value.to_bits()), "{bytes}");
    }
    assert_eq!(from_slice::<f64>(&hex("f9fc00")), Ok(f64::NEG_INFINITY));
    assert!(from_slice::<f64>(&hex("f97e00")).is_ok_and(f64::is_nan));
    assert!(from_slice::<f32>(&hex("f97e00")).is_ok_and(f32::is_nan));
    assert_eq!(from_slice::<f64>(&hex("fa47c35000")), Ok(100_000.0));
    assert_eq!(from_slice::<f64>(&hex("fb3ff199999999999a")), Ok(1.1));
    // Never half precision: 1.5 is a single, 1.1 needs a double, NaN is the single NaN.
    assert_eq!(to_vec(&1.5f64).ok(), Some(hex("fa3fc00000")));
    assert_eq!(to_vec(&1.1f64).ok(), Some(hex("fb3ff199999999999a")));
    assert_eq!(to_vec(&f64::NAN).ok(), Some(hex("fa7fc00000")));
    assert_eq!(to_vec(&f64::NEG_INFINITY).ok(), Some(hex("faff800000")));
    assert_eq!(to_vec(&1.1f32).ok(), Some(hex("fa3f8ccccd")));
}

#[test]
fn strings_bytes_and_simple_values() {
    assert_eq!(from_slice::<String>(&hex("6449455446")), Ok("IETF".to_owned()));
    assert_eq!(from_slice::<String>(&hex("62c3bc")), Ok("ü".to_owned()));
    assert_eq!(to_vec("IETF").ok(), Some(hex("6449455446")));
    assert_eq!(from_slice::<bool>(&hex("f5")), Ok(true));
    assert_eq!(from_slice::<Option<String>>(&hex("f6")), Ok(None));
    // `undefined` is null.
    assert_eq!(from_slice::<Option<String>>(&hex("f7")), Ok(None));
    assert_eq!(from_slice::<Blob>(&hex("4401020304")), Ok(Blob::new(vec![1, 2, 3, 4])));
    assert_eq!(to_vec(&Blob::new(vec![1, 2, 3, 4])).ok(), Some(hex("4401020304")));
    assert_eq!(
        error::<String>(&hex("4401020304")),
        "invalid type: byte string, expected a string at byte 0"
    );
    assert_eq!(
        error::<Blob>(&hex("6449455446")),
        "invalid type: text string, expected a base64 string at byte 0"
    );
    assert_eq!(error::<String>(&hex("62c328")), "a text string is not UTF-8 at byte 0");
}

#[test]
fn indefinite_lengths_read_as_definite_ones() {
    assert_eq!(
        from_slice::<String>(&hex("7f657374726561646d696e67ff")),
        Ok("streaming".to_owned())
    );
    assert_eq!(from_slice::<Blob>(&hex("5f42010243030405ff")), Ok(Blob::new(vec![1, 2, 3, 4, 5])));
    assert!(from_slice::<Vec<u8>>(&hex("9f018202039f0405ffff")).is_err());
    assert_eq!(
        from_slice::<Vec<Vec<u8>>>(&hex("9f81018202039f0405ffff")),
        Ok(vec![vec![1], vec![2, 3], vec![4, 5]])
    );
    let map: BTreeMap<String, bool> =
        from_slice(&hex("bf6346756ef563416d7421ff")).unwrap_or_default();
    assert_eq!(map.len(), 0, "a map of a wrong value type does not read");
    let map = from_slice::<BTreeMap<String, i64>>(&hex("bf6346756e016341 6d7421ff"));
    let expected: BTreeMap<String, i64> = [("Fun".to_owned(), 1), ("Amt".to_owned(), -2)].into();
    assert_eq!(map, Ok(expected));
    assert_eq!(
        error::<String>(&hex("7f6161 4162ff")),
        "a chunk of an indefinite-length string is not a definite string of its type at byte 3"
    );
    assert_eq!(
        error::<Vec<u8>>(&hex("9f0102")),
        "the body ends before an indefinite-length item's break at byte 3"
    );
}

#[test]
fn timestamps_are_tag_1_integers_or_floats() {
    let whole = DateTime::from_secs(1_363_896_240);
    assert_eq!(from_slice::<DateTime>(&hex("c11a514b67b0")), Ok(whole));
    assert_eq!(to_vec(&whole).ok(), Some(hex("c11a514b67b0")));
    let fraction = DateTime::from_epoch_decimal("1363896240.5").ok();
    assert_eq!(from_slice::<DateTime>(&hex("c1fb41d452d9ec200000")).ok(), fraction);
    assert_eq!(fraction.and_then(|time| to_vec(&time).ok()), Some(hex("c1fb41d452d9ec200000")));
    let millis = DateTime::from_epoch_decimal("1496170845.734").ok();
    let written = millis.and_then(|time| to_vec(&time).ok()).unwrap_or_default();
    assert_eq!(from_slice::<DateTime>(&written).ok(), millis);
    // A half-precision float in tag 1 is read too.
    assert_eq!(from_slice::<DateTime>(&hex("c1f93c00")), Ok(DateTime::from_secs(1)));
}

#[test]
fn declared_lengths_beyond_the_body_are_refused_before_allocating() {
    assert_eq!(
        error::<String>(&hex("7b7fffffffffffffff41")),
        "a text string declares a length of 9223372036854775807, more than the 1 bytes left at byte 0"
    );
    assert_eq!(
        error::<Vec<u8>>(&hex("9b00000000ffffffff00")),
        "an array declares a length of 4294967295, more than the 1 bytes left at byte 0"
    );
    assert_eq!(
        error::<BTreeMap<String, u8>>(&hex("a3616101")),
        "a map declares a length of 3, more than the 3 bytes left at byte 0"
    );
    assert_eq!(
        error::<IgnoredAny>(&hex("5affffffff")),
        "a string declares a length of 4294967295, more than the 0 bytes left at byte 0"
    );
}

#[test]
fn nesting_is_bounded_and_trailing_bytes_refused() {
    let deep: Vec<u8> = std::iter::repeat_n(0x81, 200).chain([0x00]).collect();
    let message = error::<IgnoredAny>(&deep);
    assert_eq!(message, "nesting deeper than 128 arrays, maps and tags at byte 128");
    let tags: Vec<u8> = std::iter::repeat_n(0xc6, 200).chain([0x00]).collect();
    assert_eq!(
        error::<IgnoredAny>(&tags),
        "nesting deeper than 128 arrays, maps and tags at byte 128"
    );
    assert_eq!(
        error::<u8>(&hex("0101")),
        "1 bytes after the end of the body's data item at byte 1"
    );
    assert_eq!(error::<u8>(&hex("")), "the body ends in the middle of a data item at byte 0");
}

#[test]
fn unsupported_items_are_named() {
    assert_eq!(
        error::<i64>(&hex("c249010000000000000000")),
        "tag 2 (unsigned bignum): bigInteger and bigDecimal values are not supported at byte 0"
    );
    assert_eq!(
        error::<IgnoredAny>(&hex("ff")),
        "a break outside an indefinite-length item at byte 0"
    );
    assert_eq!(error::<IgnoredAny>(&hex("1c")), "additional information 28 is reserved at byte 0");
    assert_eq!(error::<IgnoredAny>(&hex("f0")), "simple value 16 is not assigned at byte 0");
}
