//! The full request of every operation, for a fully populated and for a minimal input.

// The default build: the four 2017 operations (tests/tests/latest.rs covers `latest`).
use appstream_types::runtime::Operation;
use appstream_types::*;
use wire_tests::render_request;

fn request<O: Operation>(input: &O::Input) -> String {
    match O::request(input) {
        Ok(request) => render_request(&request),
        Err(error) => panic!("{} input did not encode: {error}", O::NAME),
    }
}

fn vpc_config() -> VpcConfig {
    VpcConfig {
        subnet_ids: Some(vec!["subnet-0a1b2c3d".into(), "subnet-4e5f6a7b".into()]),
        security_group_ids: Some(vec!["sg-0123abcd".into(), "sg-4567efab".into()]),
    }
}

#[test]
fn create_fleet_full() {
    let input = CreateFleetRequest {
        name: "fleet-prod".into(),
        image_name: "Base-Image-Builder-05-02-2017".into(),
        instance_type: "stream.standard.medium".into(),
        compute_capacity: ComputeCapacity { desired_instances: 5 },
        vpc_config: Some(vpc_config()),
        max_user_duration_in_seconds: Some(57600),
        disconnect_timeout_in_seconds: Some(900),
        description: Some("Production fleet".into()),
        display_name: Some("Prod".into()),
        enable_default_internet_access: Some(false),
    };
    insta::assert_snapshot!(request::<CreateFleet>(&input));
}

#[test]
fn create_fleet_minimal() {
    let input =
        CreateFleetRequest::new("f", "img", "stream.standard.small", ComputeCapacity::new(1));
    insta::assert_snapshot!(request::<CreateFleet>(&input));
}

#[test]
fn describe_fleets_full() {
    let input = DescribeFleetsRequest {
        names: Some(vec!["fleet-prod".into(), "fleet-test".into()]),
        next_token: Some("eyJwYWdlIjoyfQ==".into()),
    };
    insta::assert_snapshot!(request::<DescribeFleets>(&input));
}

#[test]
fn describe_fleets_minimal() {
    insta::assert_snapshot!(request::<DescribeFleets>(&DescribeFleetsRequest::default()));
}

#[test]
fn describe_sessions_full() {
    let input = DescribeSessionsRequest {
        stack_name: "stack-1".into(),
        fleet_name: "fleet-prod".into(),
        user_id: Some("alice@example.com".into()),
        next_token: Some("token-2".into()),
        limit: Some(50),
        authentication_type: Some(AuthenticationType::Userpool),
    };
    insta::assert_snapshot!(request::<DescribeSessions>(&input));
}

#[test]
fn describe_sessions_minimal() {
    let input = DescribeSessionsRequest::new("stack-1", "fleet-prod");
    insta::assert_snapshot!(request::<DescribeSessions>(&input));
}

#[test]
#[allow(deprecated)] // DeleteVpcConfig is deprecated in the model; a full input still sets it.
fn update_fleet_full() {
    let input = UpdateFleetRequest {
        image_name: Some("Image-2017-06-05".into()),
        name: "fleet-prod".into(),
        instance_type: Some("stream.compute.large".into()),
        compute_capacity: Some(ComputeCapacity { desired_instances: 10 }),
        vpc_config: Some(vpc_config()),
        max_user_duration_in_seconds: Some(3600),
        disconnect_timeout_in_seconds: Some(60),
        delete_vpc_config: Some(false),
        description: Some("Bigger".into()),
        display_name: Some("Production".into()),
        enable_default_internet_access: Some(true),
        attributes_to_delete: Some(vec![
            FleetAttribute::VpcConfiguration,
            FleetAttribute::VpcConfigurationSecurityGroupIds,
        ]),
    };
    insta::assert_snapshot!(request::<UpdateFleet>(&input));
}

#[test]
fn update_fleet_minimal() {
    insta::assert_snapshot!(request::<UpdateFleet>(&UpdateFleetRequest::new("fleet-prod")));
}

#[test]
fn empty_lists_given_by_the_caller_are_written() {
    let input = DescribeFleetsRequest { names: Some(vec![]), next_token: None };
    let request = DescribeFleets::request(&input).map(|request| request.body);
    assert_eq!(request.ok(), Some(br#"{"Names":[]}"#.to_vec()));
}
