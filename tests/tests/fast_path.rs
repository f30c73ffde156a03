//! The fast path of `parse_response` (`awsjson_runtime::fast`): it reads the bodies AWS sends
//! itself, and reads them as serde does; whatever it does not expect goes to serde, which then
//! gives the value, the corrections or the error.

use appstream_types::runtime::{Decoding, Operation, fast, json};
use appstream_types::{DescribeFleets, DescribeFleetsResult, DescribeSessionsResult};
use std::fmt::Debug;
use wire_tests::bodies;

/// `body` is read by the fast path, to what serde reads.
fn fast_and_same<T: fast::Decode + serde::de::DeserializeOwned + Debug + PartialEq>(body: &str) {
    let serde: T = json::from_body(body.as_bytes()).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(fast::read::<T>(body.as_bytes()), Some(serde), "{body}");
}

/// `body` is left to serde.
fn left_to_serde<T: fast::Decode + Debug>(body: &str) {
    assert_eq!(fast::read::<T>(body.as_bytes()).map(|_| ()), None, "{body}");
}

#[test]
fn the_pages_aws_sends_are_read_on_the_fast_path() {
    let fleets = bodies::describe_fleets(3);
    fast_and_same::<DescribeFleetsResult>(&String::from_utf8_lossy(&fleets));
    let sessions = bodies::describe_sessions(3);
    fast_and_same::<DescribeSessionsResult>(&String::from_utf8_lossy(&sessions));
    fast_and_same::<DescribeFleetsResult>("");
    fast_and_same::<DescribeFleetsResult>(" \n{ }\r\n");
}

#[test]
fn escapes_nulls_unknown_members_and_odd_numbers_read_as_serde_reads_them() {
    for body in [
        r#"{"Fleets":[{"Name":"a\"b\u00e9\n","Arn":"x","ImageName":"i","InstanceType":"t","ComputeCapacityStatus":{"Desired":1},"State":"RUNN\u0049NG"}]}"#,
        r#"{"NextToken":null,"Fleets":null}"#,
        r#"{"Extra":{"a":[1,-2.5e3,true,false,null,"\"",{}]},"Fleets":[]}"#,
        r#"{"Fleets":[{"Name":"n","Arn":"a","ImageName":"i","InstanceType":"t","ComputeCapacityStatus":{"Desired":1.0e0},"State":"NEW_STATE","CreatedTime":"2017-05-30T19:00:45.734Z"}]}"#,
        r#"{"Fleets":[{"Name":"n","Arn":"a","ImageName":"i","InstanceType":"t","ComputeCapacityStatus":{"Desired":-0},"State":"RUNNING","CreatedTime":1496170845.734}]}"#,
    ] {
        // Some of them only partly on the fast path: a value it leaves to serde_json is one value.
        let serde: Result<DescribeFleetsResult, _> = json::from_body(body.as_bytes());
        if let Some(fast) = fast::read::<DescribeFleetsResult>(body.as_bytes()) {
            assert_eq!(Ok(fast), serde.map_err(|e| e.to_string()), "{body}");
        }
    }
    fast_and_same::<DescribeFleetsResult>(
        r#"{"Fleets":[{"Name":"a\"b","Arn":"x","ImageName":"i","InstanceType":"t","ComputeCapacityStatus":{"Desired":1},"State":"RUNNING"}]}"#,
    );
    fast_and_same::<DescribeFleetsResult>(
        r#"{"Extra":{"a":[1,-2.5e3,true,false,null,"\"",{}]},"Fleets":[]}"#,
    );
}

#[test]
fn what_it_does_not_expect_is_left_to_serde() {
    left_to_serde::<DescribeFleetsResult>(r#"{"Fleets":[{"Name":"only a name"}]}"#);
    left_to_serde::<DescribeFleetsResult>(r#"{"NextToken":"a","NextToken":"b"}"#);
    left_to_serde::<DescribeFleetsResult>(r#"{"Next\u0054oken":"a"}"#);
    left_to_serde::<DescribeFleetsResult>(r#"{"Fleets":[1]}"#);
    left_to_serde::<DescribeFleetsResult>(r#"{"Fleets":[]} trailing"#);
    left_to_serde::<DescribeFleetsResult>(r#"[]"#);
    left_to_serde::<DescribeFleetsResult>(r#"{"Fleets":[],}"#);
}

#[test]
fn serde_then_corrects_or_refuses_as_before() {
    let body = br#"{"Fleets":[{"Name":"only a name"}]}"#;
    let corrected = DescribeFleets::parse_response_with(200, &[], body, Decoding::Correcting)
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        corrected.corrected,
        [
            "Fleets[0].Arn",
            "Fleets[0].ImageName",
            "Fleets[0].InstanceType",
            "Fleets[0].ComputeCapacityStatus",
            "Fleets[0].State"
        ]
    );
    let refused = DescribeFleets::parse_response_with(200, &[], body, Decoding::Strict)
        .err()
        .map(|error| error.to_string());
    assert_eq!(
        refused.as_deref(),
        Some("at `Fleets[0].Arn`: missing required member `Arn` at line 1 column 33")
    );
}
