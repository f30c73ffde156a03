//! What real servers send, read without losing anything: strict shapes, clean and short error
//! paths, exact numbers and timestamps, `-0`, `__type` in unions (AppStream's types and the
//! feature fixture).

pub mod features {
    include!(concat!(env!("OUT_DIR"), "/features.rs"));
}

use appstream_types::runtime::{DateTime, Decoding, Operation, ResponseError};
use appstream_types::{DescribeFleets, DescribeSessions};
use features::{Choice, Measure, MeasureInput, PutTreeInput};

/// The decode error `O` gives for a 200 `body`, read strictly: path and message.
fn decode_error<O: Operation>(body: &str) -> (String, String)
where
    O::Output: std::fmt::Debug,
{
    match O::parse_response_with(200, &[], body.as_bytes(), Decoding::Strict) {
        Err(ResponseError::Decode { error, .. }) => (error.path().to_owned(), error.to_string()),
        other => panic!("{body}: expected a decode error, got {other:?}"),
    }
}

#[test]
fn an_array_is_no_structure() {
    assert_eq!(
        decode_error::<DescribeFleets>("[]"),
        (
            String::new(),
            "invalid type: sequence, expected structure `DescribeFleetsResult` (an object) at \
             line 1 column 0"
                .to_owned()
        )
    );
    let (path, text) = decode_error::<DescribeSessions>(r#"[[], "token"]"#);
    assert_eq!(path, "");
    assert!(text.starts_with("invalid type: sequence, expected structure"), "{text}");
    let (path, text) = decode_error::<DescribeFleets>(r#"{"Fleets":[["arn:1","fleet-1"]]}"#);
    assert_eq!(path, "Fleets[0]");
    assert!(text.contains("expected structure `Fleet` (an object)"), "{text}");
}

#[test]
fn paths_name_members_not_serde_internals() {
    let fleet = r#"{"Arn":"a","Name":"n","ImageName":"i","InstanceType":"t",
        "ComputeCapacityStatus":{"Desired":1},"State":"RUNNING","CreatedTime":"#;
    let (path, text) = decode_error::<DescribeFleets>(&format!(r#"{{"Fleets":[{fleet}[1]}}]}}"#));
    assert_eq!(path, "Fleets[0].CreatedTime");
    assert!(text.starts_with("at `Fleets[0].CreatedTime`: invalid type: sequence"), "{text}");
    let (path, _) = decode_error::<Measure>(r#"{"Region":"r","Ratios":{"first":1,"second":"x"}}"#);
    assert_eq!(path, r#"Ratios["second"]"#);
}

#[test]
fn a_huge_bad_value_gives_a_short_message() {
    for filler in ["x", "\u{301}"] {
        let huge = filler.repeat(1_000_000);
        let (path, text) = decode_error::<DescribeSessions>(&format!(
            r#"{{"Sessions":[{{"Id":"1","UserId":"u","StackName":"s","FleetName":"f","State":"{huge}","AuthenticationType":7}}]}}"#
        ));
        assert_eq!(path, "Sessions[0].AuthenticationType");
        assert!(text.len() < 700, "{} bytes", text.len());
        let (_, text) = decode_error::<DescribeSessions>(&format!(
            r#"{{"Sessions":[{{"Id":{{"{huge}":1}}}}]}}"#
        ));
        assert!(text.len() < 1200, "{} bytes: {}…", text.len(), &text[..80]);
    }
}

#[test]
fn minus_zero_reads_as_an_integer() {
    let body = br#"{"Fleets":[{"Arn":"a","Name":"n","ImageName":"i","InstanceType":"t",
        "ComputeCapacityStatus":{"Desired":-0,"Running":-0},"State":"RUNNING"}]}"#;
    let output = DescribeFleets::parse_response(200, &[], body).unwrap_or_else(|e| panic!("{e}"));
    let status = &output.fleets.unwrap_or_default()[0].compute_capacity_status;
    assert_eq!((status.desired, status.running), (0, Some(0)));
}

#[test]
fn a_union_ignores_type() {
    let body = br#"{"Region":"r","Choice":{"__type":"Choice","Text":"a"}}"#;
    let output = Measure::parse_response(200, &[], body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.choice, Some(Choice::Text("a".to_owned())));
}

/// `input` written and read back.
fn measured(input: &MeasureInput) -> MeasureInput {
    let request = Measure::request(input).unwrap_or_else(|error| panic!("{error}"));
    match Measure::parse_response(200, &[], &request.body) {
        Ok(output) => output,
        Err(error) => panic!("{}: {error}", String::from_utf8_lossy(&request.body)),
    }
}

#[test]
fn doubles_and_floats_come_back_bit_for_bit() {
    let mut state: u64 = 0x5DEE_CE66;
    for _ in 0..20_000 {
        state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let unit = (state >> 11) as f64 / (1_u64 << 53) as f64;
        let input = MeasureInput {
            ratio: Some(unit),
            scale: Some(f32::from_bits((state >> 32) as u32 & 0x7F7F_FFFF)),
            ..MeasureInput::new("r")
        };
        let back = measured(&input);
        assert_eq!(back.ratio.map(f64::to_bits), input.ratio.map(f64::to_bits), "{unit}");
        assert_eq!(back.scale.map(f32::to_bits), input.scale.map(f32::to_bits));
    }
}

#[test]
fn timestamps_come_back_equal_in_every_format() {
    let times = [
        DateTime::from_secs(253_402_300_800),
        DateTime::from_secs(-62_135_596_801),
        DateTime::from_secs_and_nanos(1_496_170_845, 123_456_789).unwrap_or(DateTime::UNIX_EPOCH),
        DateTime::from_secs(i64::MAX),
    ];
    for time in times {
        let input = MeasureInput {
            iso_at: Some(time),
            http_at: Some(time),
            stamps: Some(vec![time]),
            ..MeasureInput::new("r")
        };
        let back = measured(&input);
        assert_eq!(
            (back.iso_at, back.http_at, back.stamps),
            (input.iso_at, input.http_at, input.stamps)
        );
        let tree = PutTreeInput {
            at: Some(time),
            ..PutTreeInput::new(features::Node::default(), features::Mode::StreamStandardSmall)
        };
        let json = serde_json::to_string(&tree).unwrap_or_default();
        let read: Result<PutTreeInput, _> = serde_json::from_str(&json);
        assert_eq!(read.ok().and_then(|tree| tree.at), Some(time), "{json}");
    }
}
