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
    VpcConfig::new()
        .with_subnet_ids(vec!["subnet-0a1b2c3d".into(), "subnet-4e5f6a7b".into()])
        .with_security_group_ids(vec!["sg-0123abcd".into(), "sg-4567efab".into()])
}

#[test]
fn create_fleet_full() {
    let input = CreateFleetRequest::new(
        "fleet-prod",
        "Base-Image-Builder-05-02-2017",
        "stream.standard.medium",
        ComputeCapacity::new(5),
    )
    .with_vpc_config(vpc_config())
    .with_max_user_duration_in_seconds(57600)
    .with_disconnect_timeout_in_seconds(900)
    .with_description("Production fleet")
    .with_display_name("Prod")
    .with_enable_default_internet_access(false);
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
    let input = DescribeFleetsRequest::new()
        .with_names(vec!["fleet-prod".into(), "fleet-test".into()])
        .with_next_token("eyJwYWdlIjoyfQ==");
    insta::assert_snapshot!(request::<DescribeFleets>(&input));
}

#[test]
fn describe_fleets_minimal() {
    insta::assert_snapshot!(request::<DescribeFleets>(&DescribeFleetsRequest::default()));
}

#[test]
fn describe_sessions_full() {
    let input = DescribeSessionsRequest::new("stack-1", "fleet-prod")
        .with_user_id("alice@example.com")
        .with_next_token("token-2")
        .with_limit(50)
        .with_authentication_type(AuthenticationType::Userpool);
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
    let input = UpdateFleetRequest::new("fleet-prod")
        .with_image_name("Image-2017-06-05")
        .with_instance_type("stream.compute.large")
        .with_compute_capacity(ComputeCapacity::new(10))
        .with_vpc_config(vpc_config())
        .with_max_user_duration_in_seconds(3600)
        .with_disconnect_timeout_in_seconds(60)
        .with_delete_vpc_config(false)
        .with_description("Bigger")
        .with_display_name("Production")
        .with_enable_default_internet_access(true)
        .with_attributes_to_delete(vec![
            FleetAttribute::VpcConfiguration,
            FleetAttribute::VpcConfigurationSecurityGroupIds,
        ]);
    insta::assert_snapshot!(request::<UpdateFleet>(&input));
}

#[test]
fn update_fleet_minimal() {
    insta::assert_snapshot!(request::<UpdateFleet>(&UpdateFleetRequest::new("fleet-prod")));
}

#[test]
fn empty_lists_given_by_the_caller_are_written() {
    let input = DescribeFleetsRequest::new().with_names(vec![]);
    let request = DescribeFleets::request(&input).map(|request| request.body);
    assert_eq!(request.ok(), Some(br#"{"Names":[]}"#.to_vec()));
}
