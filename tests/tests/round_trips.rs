//! A property test over every generated type of both builds, the feature fixture and AWS
//! Pricing: random values, drawn from the model (strings with every kind of escape, all
//! doubles, timestamps in every format, unknown enum values and union members, documents,
//! `jsonvalue`s in members, lists and maps), read, written and read again.
//! Writing then reading gives an equal value, and reading what was written is stable. The fast
//! paths agree with serde: `fast::to_vec` writes the bytes serde_json writes, and whatever
//! `fast::read` reads serde reads the same.
//!
//! Over Smithy RPC v2 CBOR too: a value written as CBOR reads back equal (every other draw keeps
//! its timestamps to the millisecond, which a CBOR double holds; nanoseconds it does not),
//! the value CBOR gave reads back equal from its JSON and from its CBOR, and its CBOR is stable.

use awsjson_codegen::ir::{Element, Member, Service, ShapeId, ShapeKind, TimestampFormat};
use awsjson_runtime::{Blob, DateTime, cbor, fast};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::{Debug, Write as _};
use std::path::Path;

/// Reads `json` as `T`, writes it, reads that: both reads must agree, as values (their `Debug`,
/// which shows a NaN as the NaN it is) and as what they write. The flag: whether the value's
/// timestamps are whole milliseconds, so that CBOR carries it exactly.
type Check = fn(&str, bool) -> Result<(), String>;

fn check<T: Serialize + DeserializeOwned + Debug + fast::Encode + fast::Decode>(
    json: &str,
    cbor_exact: bool,
) -> Result<(), String> {
    let first: T = serde_json::from_str(json).map_err(|error| format!("first read: {error}"))?;
    if let Some(fast) = fast::read::<T>(json.as_bytes())
        && format!("{fast:?}") != format!("{first:?}")
    {
        return Err(format!("fast read {fast:?}\nserde read {first:?}"));
    }
    let written = serde_json::to_string(&first).map_err(|error| format!("write: {error}"))?;
    let fast_written = fast::to_vec(&first).map_err(|error| format!("fast write: {error}"))?;
    if fast_written != written.as_bytes() {
        let fast_written = String::from_utf8_lossy(&fast_written);
        return Err(format!("serde wrote {written}\nfast wrote  {fast_written}"));
    }
    let second: T = serde_json::from_str(&written)
        .map_err(|error| format!("second read of {written}: {error}"))?;
    let rewritten = serde_json::to_string(&second).map_err(|error| format!("rewrite: {error}"))?;
    if written != rewritten {
        return Err(format!("written {written}\nrewritten {rewritten}"));
    }
    if format!("{first:?}") != format!("{second:?}") {
        return Err(format!("read {first:?}\nread back {second:?}"));
    }
    check_cbor(&first, cbor_exact)
}

/// `value` through CBOR, and the value CBOR gave through JSON and CBOR again.
fn check_cbor<T: Serialize + DeserializeOwned + Debug>(
    value: &T,
    exact: bool,
) -> Result<(), String> {
    let encoded = cbor::to_vec(value).map_err(|error| format!("CBOR write: {error}"))?;
    let from_cbor: T = cbor::from_slice(&encoded)
        .map_err(|error| format!("CBOR read of {encoded:02x?}: {error}"))?;
    if exact && format!("{from_cbor:?}") != format!("{value:?}") {
        return Err(format!("wrote {value:?}\nCBOR read back {from_cbor:?}"));
    }
    let json = serde_json::to_string(&from_cbor).map_err(|error| format!("write: {error}"))?;
    let via_json: T =
        serde_json::from_str(&json).map_err(|error| format!("read of {json}: {error}"))?;
    let again = cbor::to_vec(&from_cbor).map_err(|error| format!("CBOR rewrite: {error}"))?;
    let via_cbor: T = cbor::from_slice(&again)
        .map_err(|error| format!("CBOR reread of {again:02x?}: {error}"))?;
    if format!("{via_json:?}") != format!("{from_cbor:?}")
        || format!("{via_cbor:?}") != format!("{from_cbor:?}")
    {
        return Err(format!(
            "CBOR read {from_cbor:?}\nits JSON reads {via_json:?}\nits CBOR reads {via_cbor:?}"
        ));
    }
    let rewritten = cbor::to_vec(&via_cbor).map_err(|error| format!("CBOR rewrite: {error}"))?;
    if rewritten != again || (exact && again != encoded) {
        return Err(format!("CBOR {encoded:02x?}\nthen {again:02x?}\nthen {rewritten:02x?}"));
    }
    Ok(())
}

// `pub`: as in a library, the generated items are API, not dead code.
pub mod features {
    include!(concat!(env!("OUT_DIR"), "/features.rs"));
}

const ROOT: &[(&str, Check)] = include!(concat!(env!("OUT_DIR"), "/round_trip_root.rs"));
#[cfg(feature = "latest")]
const LATEST: &[(&str, Check)] = include!(concat!(env!("OUT_DIR"), "/round_trip_latest.rs"));
const FEATURES: &[(&str, Check)] = include!(concat!(env!("OUT_DIR"), "/round_trip_features.rs"));
const PRICING: &[(&str, Check)] = include!(concat!(env!("OUT_DIR"), "/round_trip_pricing.rs"));

/// The model at `path`, relative to this package.
fn service(path: &str) -> Service {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let model = awsjson_codegen::load_model(&path).unwrap_or_else(|error| panic!("{error}"));
    awsjson_codegen::ir::build(&model).unwrap_or_else(|problems| panic!("{problems:?}"))
}

fn run(service: &Service, registry: &[(&str, Check)], per_type: usize) {
    let mut random = Random(0x853C_49E6_748F_EA9B);
    let mut failures = Vec::new();
    for (wire_name, check) in registry {
        let Some(id) = service.shapes.iter().position(|shape| shape.wire_name == *wire_name) else {
            panic!("no shape {wire_name}");
        };
        for draw in 0..per_type {
            let mut json = String::new();
            let millis = draw % 2 == 1;
            Draw { service, random: &mut random, millis }.value(ShapeId(id), None, &mut json, 0);
            if let Err(why) = check(&json, millis) {
                failures.push(format!("{wire_name}: {why}\n  from {json}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} failed, the first:\n{}", failures.len(), failures[0]);
}

#[test]
fn every_type_of_the_2017_operations_round_trips() {
    run(&service("../model/appstream-2016-12-01.json"), ROOT, 300);
}

#[cfg(feature = "latest")]
#[test]
fn every_type_of_todays_api_round_trips() {
    run(&service("../model/appstream-2016-12-01.latest.json"), LATEST, 40);
}

/// Recursion, unions, documents, `jsonvalue` members, lists and maps, every timestamp format.
#[test]
fn every_type_of_the_feature_fixture_round_trips() {
    run(&service("../codegen/tests/fixtures/features.json"), FEATURES, 300);
}

/// Price lists: lists of `jsonvalue` strings.
#[test]
fn every_type_of_aws_pricing_round_trips() {
    run(&service("models/pricing-2017-10-15.json"), PRICING, 300);
}

/// A small deterministic generator (PCG-like), so a failure reproduces.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let x = self.0;
        (x ^ (x >> 33)).wrapping_mul(0xFF51_AFD7_ED55_8CCD) ^ (x >> 29)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Deep enough for every shape; past it, optional members are left out and lists are empty.
const MAX_DEPTH: usize = 5;

/// Writes random JSON text for shapes of `service`.
struct Draw<'a> {
    service: &'a Service,
    random: &'a mut Random,
    /// Timestamps in whole milliseconds.
    millis: bool,
}

impl Draw<'_> {
    fn value(
        &mut self,
        id: ShapeId,
        format: Option<TimestampFormat>,
        out: &mut String,
        depth: usize,
    ) {
        let shape = self.service.shape(id);
        match &shape.kind {
            ShapeKind::Structure(structure) => self.members(&structure.members, out, depth, false),
            ShapeKind::Union(members) => self.members(members, out, depth, true),
            ShapeKind::Document => self.document(out, 2),
            ShapeKind::Enum(values) => {
                if values.is_empty() || self.random.chance(15) {
                    self.string(out);
                } else {
                    let value = &values[self.random.below(values.len() as u64) as usize];
                    quote(&value.wire_value, out);
                }
            }
            ShapeKind::IntEnum(values) => {
                let value = if values.is_empty() || self.random.chance(15) {
                    self.random.next() as i32
                } else {
                    values[self.random.below(values.len() as u64) as usize].value
                };
                let _ = write!(out, "{value}");
            }
            ShapeKind::List { member } => {
                out.push('[');
                let length = if depth >= MAX_DEPTH { 0 } else { self.random.below(4) };
                for index in 0..length {
                    if index > 0 {
                        out.push(',');
                    }
                    self.element(member, out, depth + 1);
                }
                out.push(']');
            }
            ShapeKind::Map { key, value } => {
                out.push('{');
                let length = if depth >= MAX_DEPTH { 0 } else { self.random.below(4) };
                let mut keys = std::collections::BTreeSet::new();
                for _ in 0..length {
                    let mut text = String::new();
                    self.value(*key, None, &mut text, depth + 1);
                    if !keys.insert(text.clone()) {
                        continue;
                    }
                    if keys.len() > 1 {
                        out.push(',');
                    }
                    out.push_str(&text);
                    out.push(':');
                    self.element(value, out, depth + 1);
                }
                out.push('}');
            }
            ShapeKind::String => self.string(out),
            ShapeKind::Integer => {
                let value = [0, -1, i32::MIN, i32::MAX][self.random.below(8).min(3) as usize];
                let value = if self.random.chance(50) { self.random.next() as i32 } else { value };
                let _ = write!(out, "{value}");
            }
            ShapeKind::Long => {
                let value =
                    if self.random.chance(20) { i64::MIN } else { self.random.next() as i64 };
                let _ = write!(out, "{value}");
            }
            ShapeKind::Float => float(f64::from(f32::from_bits(self.random.next() as u32)), out),
            ShapeKind::Double => {
                let value = if self.random.chance(50) {
                    f64::from_bits(self.random.next())
                } else {
                    (self.random.next() >> 11) as f64 / (1_u64 << 53) as f64
                };
                float(value, out);
            }
            ShapeKind::Boolean => {
                out.push_str(if self.random.chance(50) { "true" } else { "false" })
            }
            ShapeKind::Blob => {
                let bytes: Vec<u8> =
                    (0..self.random.below(12)).map(|_| self.random.next() as u8).collect();
                out.push_str(&serde_json::to_string(&Blob::new(bytes)).unwrap_or_default());
            }
            ShapeKind::Timestamp(own) => self.timestamp(format.unwrap_or(*own), out),
        }
    }

    fn members(&mut self, members: &[Member], out: &mut String, depth: usize, union: bool) {
        let chosen: Vec<&Member> = if union {
            // One member, or one the model does not list.
            if members.is_empty() || self.random.chance(10) {
                // In an array: a `null` would be no member at all.
                out.push_str(r#"{"NotInTheModel":["#);
                self.document(out, 1);
                out.push_str("]}");
                return;
            }
            vec![&members[self.random.below(members.len() as u64) as usize]]
        } else {
            (members.iter())
                .filter(|member| member.required || (depth < MAX_DEPTH && self.random.chance(60)))
                .collect()
        };
        out.push('{');
        for (index, member) in chosen.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            quote(&member.wire_name, out);
            out.push(':');
            self.element(&member.element(), out, depth + 1);
        }
        out.push('}');
    }

    /// What a member, list element or map value holds: for a `jsonvalue`, a document's JSON
    /// text in a string.
    fn element(&mut self, element: &Element, out: &mut String, depth: usize) {
        if element.json_value {
            let mut text = String::new();
            self.document(&mut text, 2);
            quote(&text, out);
        } else {
            self.value(element.target, element.timestamp_format, out, depth);
        }
    }

    /// Any JSON, `depth` levels deep at most.
    fn document(&mut self, out: &mut String, depth: usize) {
        match self.random.below(if depth == 0 { 4 } else { 6 }) {
            0 => out.push_str("null"),
            1 => self.string(out),
            2 => float((self.random.next() >> 11) as f64, out),
            3 => out.push_str("true"),
            4 => {
                out.push('[');
                self.document(out, depth - 1);
                out.push(']');
            }
            // Keys out of order, as callers and services give them.
            _ => {
                out.push('{');
                for (index, key) in
                    ["k", "b", "a"].iter().take(1 + self.random.below(3) as usize).enumerate()
                {
                    if index > 0 {
                        out.push(',');
                    }
                    quote(key, out);
                    out.push(':');
                    self.document(out, depth - 1);
                }
                out.push('}');
            }
        }
    }

    /// A string with quotes, backslashes, control characters, non-ASCII and astral
    /// characters, written escaped as JSON does.
    fn string(&mut self, out: &mut String) {
        const PIECES: &[&str] = &[
            "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1f}", "é", "\u{301}",
            "\u{2028}", "😀", "\u{fffd}", "fleet-1",
        ];
        let text: String = (0..self.random.below(8))
            .map(|_| PIECES[self.random.below(PIECES.len() as u64) as usize])
            .collect();
        quote(&text, out);
    }
}

/// A double as JSON: a number, or the string the wire has for a non-finite one.
fn float(value: f64, out: &mut String) {
    {
        match serde_json::Number::from_f64(value) {
            Some(number) => {
                let _ = write!(out, "{number}");
            }
            None if value.is_nan() => out.push_str(r#""NaN""#),
            None if value > 0.0 => out.push_str(r#""Infinity""#),
            None => out.push_str(r#""-Infinity""#),
        }
    }
}

impl Draw<'_> {
    /// Any `DateTime`, in the member's format.
    fn timestamp(&mut self, format: TimestampFormat, out: &mut String) {
        let huge = self.random.chance(20);
        let seconds = if huge {
            self.random.next() as i64
        } else {
            (self.random.below(4_000_000_000) as i64) - 1_000_000_000
        };
        let nanos =
            if self.random.chance(50) { 0 } else { (self.random.below(1_000_000_000)) as u32 };
        // A double holds about 15 digits: milliseconds of today's times, not of huge ones (whole
        // seconds go as integers).
        let nanos = match (self.millis, huge) {
            (false, _) => nanos,
            (true, false) => nanos - nanos % 1_000_000,
            (true, true) => 0,
        };
        let time = DateTime::from_secs_and_nanos(seconds, nanos).unwrap_or(DateTime::UNIX_EPOCH);
        match format {
            TimestampFormat::EpochSeconds => {
                out.push_str(&serde_json::to_string(&time).unwrap_or_default())
            }
            TimestampFormat::Iso8601 => quote(&time.to_iso8601(), out),
            TimestampFormat::Rfc822 => quote(&time.to_rfc822(), out),
        }
    }
}

fn quote(text: &str, out: &mut String) {
    out.push_str(&serde_json::to_string(text).unwrap_or_default());
}

#[test]
fn the_draws_reach_deep_and_odd_values() {
    let service = service("../model/appstream-2016-12-01.json");
    assert_eq!(ROOT.len(), 8, "the input and output of each of the 4 operations");
    let fleets = service.shapes.iter().position(|shape| shape.wire_name == "DescribeFleetsResult");
    let mut random = Random(7);
    let mut text = String::new();
    for _ in 0..50 {
        Draw { service: &service, random: &mut random, millis: false }.value(
            ShapeId(fleets.unwrap_or(0)),
            None,
            &mut text,
            0,
        );
    }
    for seen in
        ["\"Fleets\":[{", "\"CreatedTime\":", "\\\"", "\\\\", "\\u0000", "😀", "\"FleetErrors\":[{"]
    {
        assert!(text.contains(seen), "no {seen} in 50 draws");
    }
}
