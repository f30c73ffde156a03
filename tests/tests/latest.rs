//! Today's whole AppStream model (`--features latest`): requests, responses and errors of
//! operations only the latest model has, and members the 2017 model did not know.

#![cfg(feature = "latest")]

use appstream_types::latest::*;
use appstream_types::runtime::{Operation, ResponseError, ServiceError};
use wire_tests::render_request;

fn request<O: Operation>(input: &O::Input) -> String {
    match O::request(input) {
        Ok(request) => render_request(&request),
        Err(error) => panic!("{} input did not encode: {error}", O::NAME),
    }
}

fn parse<O: Operation>(body: &str) -> O::Output
where
    O::Error: std::fmt::Debug,
{
    let headers = [("Content-Type", "application/x-amz-json-1.1")];
    match O::parse_response(200, &headers, body.as_bytes()) {
        Ok(output) => output,
        Err(error) => panic!("{} response did not parse: {error:?}", O::NAME),
    }
}

fn s3(bucket: &str, key: &str) -> S3Location {
    S3Location::new(bucket).with_s3_key(key)
}

#[test]
fn create_app_block_request() {
    let script = ScriptDetails::new(s3("blocks", "setup.ps1"), "C:\\setup.ps1", 300)
        .with_executable_parameters("/quiet");
    let input = CreateAppBlockRequest::new("office", s3("blocks", "office.vhdx"))
        .with_display_name("Office")
        .with_setup_script_details(script)
        .with_tags([("team".to_owned(), "desktop".to_owned())])
        .with_packaging_type(PackagingType::Custom);
    insta::assert_snapshot!(request::<CreateAppBlock>(&input));
}

#[test]
fn create_entitlement_request() {
    let input = CreateEntitlementRequest::new(
        "finance",
        "stack-1",
        AppVisibility::Associated,
        vec![EntitlementAttribute::new("department", "finance")],
    );
    insta::assert_snapshot!(request::<CreateEntitlement>(&input));
}

#[test]
fn create_fleet_request_with_members_added_since_2017() {
    let input = CreateFleetRequest::new("fleet-2", "stream.standard.small")
        .with_image_name("AppStream-WinServer2019")
        .with_compute_capacity(ComputeCapacity::new().with_desired_instances(2))
        .with_fleet_type(FleetType::Elastic)
        .with_platform(PlatformType::from("WINDOWS_SERVER_2022"))
        .with_max_concurrent_sessions(10)
        .with_usb_device_filter_strings(vec!["Keyboard,,*,*,*,*,0,0".into()]);
    insta::assert_snapshot!(request::<CreateFleet>(&input));
}

#[test]
fn describe_app_block_builders_output() {
    let body = r#"{"AppBlockBuilders": [{
        "Arn": "arn:aws:appstream:us-east-1:123456789012:app-block-builder/builder-1",
        "Name": "builder-1", "Platform": "WINDOWS_SERVER_2019", "InstanceType": "stream.standard.small",
        "VpcConfig": {"SubnetIds": ["subnet-0a1b2c3d"]}, "State": "RUNNING",
        "CreatedTime": 1700000000.5, "AppBlockBuilderErrors": [],
        "StateChangeReason": {"Code": "INTERNAL_ERROR", "Message": "m"},
        "AccessEndpoints": [{"EndpointType": "STREAMING", "VpceId": "vpce-1"}],
        "DisableIMDSV1": true, "SomethingNew": {"x": 1}
    }], "NextToken": "t"}"#;
    insta::assert_debug_snapshot!(parse::<DescribeAppBlockBuilders>(body));
}

#[test]
fn batch_associate_user_stack_output_reads_its_lower_case_errors_member() {
    let body = r#"{"errors": [{"UserStackAssociation": {"StackName": "stack-1",
        "UserName": "alice@example.com", "AuthenticationType": "USERPOOL"},
        "ErrorCode": "USER_NAME_NOT_FOUND", "ErrorMessage": "no such user"}]}"#;
    insta::assert_debug_snapshot!(parse::<BatchAssociateUserStack>(body));
}

#[test]
fn entitlement_already_exists_is_a_typed_error() {
    let headers = [("X-Amzn-ErrorType", "EntitlementAlreadyExistsException")];
    let body = br#"{"message": "Entitlement finance already exists"}"#;
    let error = match CreateEntitlement::parse_response(400, &headers, body) {
        Err(ResponseError::Service { error, .. }) => error,
        other => panic!("not a service error: {other:?}"),
    };
    assert_eq!(
        error,
        CreateEntitlementError::EntitlementAlreadyExistsException(
            EntitlementAlreadyExistsException::new()
                .with_message("Entitlement finance already exists")
        )
    );
    assert_eq!(error.code(), Some("EntitlementAlreadyExistsException"));
    assert_eq!(
        error.to_string(),
        "EntitlementAlreadyExistsException: Entitlement finance already exists"
    );
}

#[test]
fn sensitive_credentials_are_redacted_in_debug() {
    let input = CreateDirectoryConfigRequest::new("corp.example.com", vec!["OU=desktops".into()])
        .with_service_account_credentials(ServiceAccountCredentials::new("admin", "hunter2"));
    let debug = format!("{input:?}");
    assert!(!debug.contains("hunter2") && !debug.contains("admin"), "{debug}");
    assert!(debug.contains("account_password: \"*** Sensitive Data Redacted ***\""), "{debug}");
    let body = String::from_utf8(CreateDirectoryConfig::request(&input).unwrap().body).unwrap();
    assert!(body.contains(r#""AccountPassword":"hunter2""#), "the wire keeps the value: {body}");
}

#[test]
fn the_latest_build_has_every_operation() {
    assert_eq!(CreateThemeForStack::TARGET, "PhotonAdminProxyService.CreateThemeForStack");
    assert_eq!(DescribeAppLicenseUsage::NAME, "DescribeAppLicenseUsage");
    assert_eq!(ListExportImageTasks::CONTENT_TYPE, "application/x-amz-json-1.1");
}
