//! Realistic response bodies parsed into each operation's typed output.
//!
//! Bodies carry members the 2017 model does not know (the service sends them today) and
//! epoch timestamps with milliseconds, as the real service writes them.

// The default build: the four 2017 operations (tests/tests/latest.rs covers `latest`).
use appstream_types::runtime::Operation;
use appstream_types::*;

fn parse<O: Operation>(body: &str) -> O::Output
where
    O::Error: std::fmt::Debug,
{
    let headers = [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", "4f1c")];
    match O::parse_response(200, &headers, body.as_bytes()) {
        Ok(output) => output,
        Err(error) => panic!("{} response did not parse: {error:?}", O::NAME),
    }
}

const FLEET: &str = r#"{
    "Arn": "arn:aws:appstream:us-east-1:123456789012:fleet/fleet-prod",
    "Name": "fleet-prod",
    "DisplayName": "Prod",
    "Description": "Production fleet",
    "ImageName": "Base-Image-Builder-05-02-2017",
    "ImageArn": "arn:aws:appstream:us-east-1::image/Base-Image-Builder-05-02-2017",
    "InstanceType": "stream.standard.medium",
    "FleetType": "ON_DEMAND",
    "ComputeCapacityStatus": {"Desired": 5, "Running": 5, "InUse": 2, "Available": 3},
    "MaxUserDurationInSeconds": 57600,
    "DisconnectTimeoutInSeconds": 900,
    "State": "RUNNING",
    "VpcConfig": {"SubnetIds": ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], "SecurityGroupIds": ["sg-0123abcd", "sg-4567efab"]},
    "CreatedTime": 1496170845.734,
    "FleetErrors": [{"ErrorCode": "SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES", "ErrorMessage": "Subnet subnet-4e5f6a7b has no free addresses"}],
    "EnableDefaultInternetAccess": false,
    "IdleDisconnectTimeoutInSeconds": 0,
    "StreamView": "APP"
}"#;

#[test]
fn create_fleet_output() {
    let body = format!(r#"{{"Fleet": {FLEET}}}"#);
    insta::assert_debug_snapshot!(parse::<CreateFleet>(&body));
}

#[test]
fn describe_fleets_output() {
    let stopped = r#"{"Arn": "arn:aws:appstream:us-east-1:123456789012:fleet/fleet-test",
        "Name": "fleet-test", "ImageName": "Image-2017-06-05", "InstanceType": "stream.standard.small",
        "ComputeCapacityStatus": {"Desired": 0}, "State": "STOPPED", "CreatedTime": 1496000000,
        "FleetErrors": [], "Platform": "WINDOWS_SERVER_2019"}"#;
    let body = format!(r#"{{"Fleets": [{FLEET}, {stopped}], "NextToken": "eyJwYWdlIjoyfQ=="}}"#);
    insta::assert_debug_snapshot!(parse::<DescribeFleets>(&body));
}

#[test]
fn describe_sessions_output() {
    let body = r#"{"Sessions": [
        {"Id": "5e0f3b5c-1c4d-4e4f-9c89-0a1b2c3d4e5f", "UserId": "alice@example.com", "StackName": "stack-1",
         "FleetName": "fleet-prod", "State": "ACTIVE", "AuthenticationType": "USERPOOL",
         "ConnectionState": "CONNECTED", "StartTime": 1496170845.734,
         "NetworkAccessConfiguration": {"EniPrivateIpAddress": "10.0.0.12"}},
        {"Id": "6a1b2c3d-4e5f-4a4b-8c8d-9e0f1a2b3c4d", "UserId": "bob", "StackName": "stack-1",
         "FleetName": "fleet-prod", "State": "PENDING", "AuthenticationType": "SAML"}
    ], "NextToken": null}"#;
    insta::assert_debug_snapshot!(parse::<DescribeSessions>(body));
}

#[test]
fn update_fleet_output() {
    let body = format!(
        r#"{{"Fleet": {}}}"#,
        FLEET.replace(r#""State": "RUNNING""#, r#""State": "STOPPING""#)
    );
    insta::assert_debug_snapshot!(parse::<UpdateFleet>(&body));
}

#[test]
fn an_empty_body_reads_as_an_empty_object() {
    assert_eq!(parse::<DescribeFleets>(""), DescribeFleetsResult::default());
}
