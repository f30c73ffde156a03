//! AppStream has no AWS-compatible server to call: the README's client signs its requests as
//! they would go to AWS, and reads canned answers as they would come back.

use appstream_types::runtime::{EndpointConfig, Operation, ResponseError};
use appstream_types::{
    ComputeCapacity, CreateFleet, CreateFleetError, CreateFleetRequest, FleetState,
};
use aws_credential_types::Credentials;
use moto_tests::client::Client;

fn client() -> Client {
    let credentials = Credentials::new("AKIDEXAMPLE", "secret", None, None, "test");
    Client::new(EndpointConfig::new("eu-west-1"), credentials)
}

fn input() -> CreateFleetRequest {
    CreateFleetRequest::new("fleet-1", "image-1", "stream.standard.small", ComputeCapacity::new(2))
}

#[test]
fn a_request_is_signed_as_appstream_for_the_appstream2_host() {
    let request = client().signed_request::<CreateFleet>(&input());
    let request = request.unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(request.uri(), "https://appstream2.eu-west-1.amazonaws.com/");
    let header = |name: &str| {
        request.headers().get(name).and_then(|value| value.to_str().ok()).unwrap_or_default()
    };
    assert_eq!(header("host"), "appstream2.eu-west-1.amazonaws.com");
    assert_eq!(header("x-amz-target"), "PhotonAdminProxyService.CreateFleet");
    assert_eq!(header("content-type"), "application/x-amz-json-1.1");
    assert_eq!(header("content-length"), request.body().len().to_string());
    assert_eq!(header("x-amz-date").len(), "20261201T000000Z".len());
    let authorization = header("authorization");
    assert!(
        authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
        "{authorization}"
    );
    assert!(
        authorization.contains(
            "/eu-west-1/appstream/aws4_request, \
             SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-target, Signature="
        ),
        "signed as `appstream`, the signing name, not `appstream2`: {authorization}"
    );
}

#[test]
fn canned_answers_are_read_from_http_responses() {
    let body = r#"{"Fleet":{"Arn":"arn:1","Name":"fleet-1","InstanceType":"stream.standard.small",
        "ImageName":"image-1","ComputeCapacityStatus":{"Desired":2},"State":"STARTING"}}"#;
    let ok = http::Response::builder().status(200).body(body.as_bytes().to_vec());
    let ok = ok.unwrap_or_else(|error| panic!("{error}"));
    let fleet = CreateFleet::parse_http_response(&ok).ok().and_then(|output| output.fleet);
    assert_eq!(fleet.map(|fleet| fleet.state), Some(FleetState::Starting));
    let limit = http::Response::builder()
        .status(400)
        .header("x-amzn-RequestId", "5b1c-9a")
        .header("X-Amzn-ErrorType", "LimitExceededException")
        .body(br#"{"Message":"The fleet limit is reached"}"#.to_vec());
    let limit = limit.unwrap_or_else(|error| panic!("{error}"));
    match CreateFleet::parse_http_response(&limit) {
        Err(ResponseError::Service {
            error: CreateFleetError::LimitExceededException(error),
            meta,
            ..
        }) => {
            assert_eq!(error.message.as_deref(), Some("The fleet limit is reached"));
            assert_eq!((meta.status, meta.request_id.as_deref()), (400, Some("5b1c-9a")));
        }
        other => panic!("expected LimitExceededException, got {other:?}"),
    }
}
