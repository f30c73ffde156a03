//! The `latest` feature only adds: with it on, the crate root is the same four 2017-06-05
//! operations as in the default build, and `latest` holds today's API beside them, on the same
//! runtime.

#![cfg(feature = "latest")]

use appstream_types::runtime::{DateTime, Operation};
use appstream_types::{ComputeCapacity, latest};

/// The operation's name and the body it sends for `input`.
fn body<O: Operation>(input: &O::Input) -> (&'static str, String) {
    let request = O::request(input).unwrap_or_else(|error| panic!("{}: {error}", O::NAME));
    (O::NAME, String::from_utf8_lossy(&request.body).into_owned())
}

#[test]
fn the_crate_root_keeps_the_2017_api() {
    // Four required members in 2017; today's model requires two.
    let root = appstream_types::CreateFleetRequest::new(
        "fleet-1",
        "image-1",
        "stream.standard.small",
        ComputeCapacity::new(2),
    );
    let today = latest::CreateFleetRequest::new("fleet-1", "stream.standard.small");
    assert_eq!(
        body::<appstream_types::CreateFleet>(&root),
        (
            "CreateFleet",
            r#"{"Name":"fleet-1","ImageName":"image-1","InstanceType":"stream.standard.small","ComputeCapacity":{"DesiredInstances":2}}"#
                .to_owned()
        )
    );
    assert_eq!(
        body::<latest::CreateFleet>(&today),
        ("CreateFleet", r#"{"Name":"fleet-1","InstanceType":"stream.standard.small"}"#.to_owned())
    );
}

#[test]
fn both_apis_share_one_runtime() {
    let body =
        br#"{"Fleets":[{"Arn":"arn:1","Name":"fleet-1","InstanceType":"stream.standard.small",
        "ComputeCapacityStatus":{"Desired":1},"State":"RUNNING","CreatedTime":1496170845.734}]}"#;
    let fleets = latest::DescribeFleets::parse_response(200, &[], body);
    let fleets = fleets.unwrap_or_else(|error| panic!("{error}")).fleets.unwrap_or_default();
    let created: DateTime = fleets[0].created_time.unwrap_or(DateTime::UNIX_EPOCH);
    // A 2017 fleet built from today's answer: the same `DateTime` type.
    let fleet = appstream_types::Fleet::new(
        "arn:1",
        "fleet-1",
        "image-1",
        "stream.standard.small",
        appstream_types::ComputeCapacityStatus::new(1),
        appstream_types::FleetState::Running,
    )
    .with_created_time(created);
    assert_eq!(
        fleet.created_time.map(|time| time.to_epoch_decimal()),
        Some("1496170845.734".to_owned())
    );
}
