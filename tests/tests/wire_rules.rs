//! The awsJson rules every generated type follows, asserted on exact JSON.

// The default build: the four 2017 operations (tests/tests/latest.rs covers `latest`).
use appstream_types::runtime::{DateTime, Decoded, Decoding, Operation, ResponseError};
use appstream_types::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, value, "after {json}");
}

fn fleet() -> Fleet {
    Fleet::new(
        "arn:fleet",
        "fleet-prod",
        "image",
        "stream.standard.small",
        ComputeCapacityStatus::new(2).with_running(2).with_in_use(0).with_available(2),
        FleetState::Running,
    )
    .with_display_name("Prod")
    .with_description("Production fleet")
    .with_max_user_duration_in_seconds(57600)
    .with_disconnect_timeout_in_seconds(900)
    .with_vpc_config(
        VpcConfig::new().with_subnet_ids(vec!["subnet-1".into()]).with_security_group_ids(vec![]),
    )
    .with_created_time(DateTime::from_secs_and_nanos(1496170845, 734_000_000).unwrap())
    .with_fleet_errors(vec![
        FleetError::new()
            .with_error_code(FleetErrorCode::from("SOME_FUTURE_ERROR"))
            .with_error_message("new"),
    ])
    .with_enable_default_internet_access(true)
}

#[test]
fn typed_json_typed_round_trips() {
    round_trip(&fleet());
    round_trip(
        &DescribeFleetsResult::new().with_fleets(vec![fleet(), fleet()]).with_next_token("t"),
    );
    round_trip(
        &DescribeSessionsRequest::new("s", "f").with_authentication_type(AuthenticationType::Saml),
    );
    round_trip(&CreateFleetRequest::new("f", "i", "t", ComputeCapacity::new(0)));
    round_trip(
        &UpdateFleetRequest::new("f")
            .with_attributes_to_delete(vec![FleetAttribute::VpcConfiguration]),
    );
}

#[test]
fn an_unknown_enum_value_survives_a_round_trip_unchanged() {
    let state: FleetState = serde_json::from_str(r#""DELETING""#).unwrap();
    assert!(state.is_unknown());
    assert_eq!(state.as_str(), "DELETING");
    assert_eq!(serde_json::to_string(&state).unwrap(), r#""DELETING""#);
    let session: Session = serde_json::from_str(
        r#"{"Id":"1","UserId":"u","StackName":"s","FleetName":"f","State":"RECONNECTING","AuthenticationType":"AWS_AD"}"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&session).unwrap(),
        r#"{"Id":"1","UserId":"u","StackName":"s","FleetName":"f","State":"RECONNECTING","AuthenticationType":"AWS_AD"}"#
    );
}

#[test]
fn known_enum_values_map_to_their_variants_whichever_way_they_are_built() {
    assert_eq!(FleetState::from("RUNNING"), FleetState::Running);
    assert_eq!(FleetState::from(String::from("STOPPED")), FleetState::Stopped);
    assert_eq!("PENDING".parse::<SessionState>(), Ok(SessionState::Pending));
    assert_eq!(AuthenticationType::Userpool.to_string(), "USERPOOL");
    assert_eq!(
        FleetAttribute::VALUES,
        ["VPC_CONFIGURATION", "VPC_CONFIGURATION_SECURITY_GROUP_IDS"]
    );
    assert_eq!(FleetErrorCode::VALUES.len(), 11);
    // Case matters on the wire: a differently cased value is not the known one.
    assert!(FleetState::from("running").is_unknown());
}

#[test]
fn unknown_members_are_ignored() {
    let capacity: ComputeCapacityStatus =
        serde_json::from_str(r#"{"Desired":1,"Draining":4,"Nested":{"a":[1,{"b":null}]}}"#)
            .unwrap();
    assert_eq!(capacity, ComputeCapacityStatus::new(1));
}

#[test]
fn a_null_member_is_absent() {
    let vpc: VpcConfig =
        serde_json::from_str(r#"{"SubnetIds":null,"SecurityGroupIds":["sg-1"]}"#).unwrap();
    assert_eq!(vpc, VpcConfig::new().with_security_group_ids(vec!["sg-1".into()]));
    assert_eq!(serde_json::to_string(&vpc).unwrap(), r#"{"SecurityGroupIds":["sg-1"]}"#);
}

#[test]
fn none_is_never_written() {
    assert_eq!(serde_json::to_string(&VpcConfig::default()).unwrap(), "{}");
    assert_eq!(
        serde_json::to_string(&DescribeSessionsRequest::new("s", "f")).unwrap(),
        r#"{"StackName":"s","FleetName":"f"}"#
    );
}

/// Two fleets; the second leaves out `ComputeCapacityStatus.Desired` and `State`, which the
/// model requires.
const FLEETS_WITH_MISSING_MEMBERS: &[u8] =
    br#"{"Fleets":[{"Arn":"a","Name":"n","ImageName":"i","InstanceType":"t",
        "ComputeCapacityStatus":{"Desired":1},"State":"RUNNING"},
        {"Arn":"a","Name":"n","ImageName":"i","InstanceType":"t","ComputeCapacityStatus":{}}]}"#;

#[test]
fn a_strict_read_refuses_a_missing_required_member_naming_it_and_its_path() {
    let body = FLEETS_WITH_MISSING_MEMBERS;
    let error = match DescribeFleets::parse_response_with(200, &[], body, Decoding::Strict) {
        Err(ResponseError::Decode { error, .. }) => error,
        other => panic!("expected a decode error, got {other:?}"),
    };
    assert_eq!(error.path(), "Fleets[1].ComputeCapacityStatus.Desired");
    assert_eq!(
        error.to_string(),
        "at `Fleets[1].ComputeCapacityStatus.Desired`: missing required member `Desired` at line 3 column 91"
    );
}

#[test]
fn parse_response_corrects_missing_required_members_and_says_which() {
    let body = FLEETS_WITH_MISSING_MEMBERS;
    let decoded = DescribeFleets::parse_response_with(200, &[], body, Decoding::Correcting);
    let Decoded { value, corrected } = decoded.unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(corrected, ["Fleets[1].ComputeCapacityStatus.Desired", "Fleets[1].State"]);
    let fleets = value.fleets.unwrap_or_default();
    assert_eq!(fleets[1].compute_capacity_status.desired, 0);
    assert_eq!(fleets[1].state.as_str(), "");
    assert!(fleets[1].state.is_unknown());
    // `parse_response` reads the same way, the generated crate's default.
    assert_eq!(
        DescribeFleets::parse_response(200, &[], body).ok(),
        Some(DescribeFleetsResult::new().with_fleets(fleets))
    );
}

#[test]
fn a_wrong_type_names_its_path() {
    let body =
        br#"{"Sessions":[{"Id":"1","UserId":"u","StackName":"s","FleetName":"f","State":7}]}"#;
    let error = match DescribeSessions::parse_response(200, &[], body) {
        Err(ResponseError::Decode { error, .. }) => error,
        other => panic!("expected a decode error, got {other:?}"),
    };
    assert_eq!(error.path(), "Sessions[0].State");
    assert_eq!(
        error.to_string(),
        "at `Sessions[0].State`: invalid type: integer `7`, expected a string at line 1 column 77"
    );
}

#[test]
fn whole_epoch_seconds_are_written_as_integers() {
    let time: DateTime = serde_json::from_str("946845296").unwrap();
    assert_eq!((time.secs(), time.subsec_nanos()), (946845296, 0));
    assert_eq!(serde_json::to_string(&time).unwrap(), "946845296");
    let time: DateTime = serde_json::from_str("946845296.0").unwrap();
    assert_eq!(serde_json::to_string(&time).unwrap(), "946845296");
}

#[test]
fn fractional_epoch_seconds_are_written_as_decimals() {
    let time: DateTime = serde_json::from_str("1496170845.734").unwrap();
    assert_eq!((time.secs(), time.subsec_nanos()), (1496170845, 734_000_000));
    assert_eq!(serde_json::to_string(&time).unwrap(), "1496170845.734");
    let time: DateTime = serde_json::from_str("946845296.123").unwrap();
    assert_eq!(serde_json::to_string(&time).unwrap(), "946845296.123");
}

#[test]
fn a_fleet_timestamp_is_written_back_exactly_as_it_came() {
    // (on the wire, written back): nine decimals, negative, zero, far years; an exponent or a
    // trailing zero reads exactly and is written back in its shortest plain form.
    let table = [
        ("1496170845.734", "1496170845.734"),
        ("1496170845.123456789", "1496170845.123456789"),
        ("1496170845.000000001", "1496170845.000000001"),
        ("0", "0"),
        ("-1.5", "-1.5"),
        ("-0.000000001", "-0.000000001"),
        ("253402300799.999999999", "253402300799.999999999"),
        ("32503680000", "32503680000"),
        ("1.496170845734E9", "1496170845.734"),
        ("1496170845.7340", "1496170845.734"),
    ];
    for (sent, written) in table {
        let body = format!(
            r#"{{"Fleets":[{{"Arn":"a","Name":"n","ImageName":"i","InstanceType":"t",
               "ComputeCapacityStatus":{{"Desired":1}},"State":"RUNNING","CreatedTime":{sent}}}]}}"#
        );
        let output = DescribeFleets::parse_response(200, &[], body.as_bytes()).unwrap();
        let json = serde_json::to_string(&output).unwrap();
        let expected = format!(r#""CreatedTime":{written}}}"#);
        assert!(json.contains(&expected), "{sent}: {json}");
    }
}

#[test]
fn iso_8601_timestamps_are_read_too() {
    let time: DateTime = serde_json::from_str(r#""2017-05-30T19:00:45.734Z""#).unwrap();
    assert_eq!((time.secs(), time.subsec_nanos()), (1496170845, 734_000_000));
    let time: DateTime = serde_json::from_str(r#""2017-05-30T21:00:45.734+02:00""#).unwrap();
    assert_eq!((time.secs(), time.subsec_nanos()), (1496170845, 734_000_000));
}

#[test]
fn timestamps_convert_to_and_from_system_time() {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};
    let system = UNIX_EPOCH + Duration::new(1496170845, 734_000_000);
    let time = DateTime::from(system);
    assert_eq!(serde_json::to_string(&time).unwrap(), "1496170845.734");
    assert_eq!(SystemTime::try_from(time).unwrap(), system);
}

#[test]
fn sensitive_free_structs_debug_print_every_field() {
    let debug = format!("{:?}", ComputeCapacity::new(3));
    assert_eq!(debug, "ComputeCapacity { desired_instances: 3 }");
}
