//! AppStream over Smithy RPC v2 CBOR: the crate root's model offers it beside awsJson 1.1
//! (awsJson stays the default). The request a call builds, and pages and errors read from CBOR
//! into the same typed values JSON gives.

use appstream_types::runtime::{
    Decoding, Operation, Protocol, RequestOptions, ResponseError, cbor,
};
use appstream_types::{
    DescribeFleets, DescribeFleetsError, DescribeFleetsRequest, DescribeFleetsResult,
    ResourceNotFoundException,
};
use wire_tests::bodies;
use wire_tests::cbor::{
    array, array_indefinite, boolean, double, epoch_seconds, map, map_indefinite, text,
    text_in_chunks, uint,
};

const CBOR_HEADERS: [(&str, &str); 1] = [("Smithy-Protocol", "rpc-v2-cbor")];

fn over_cbor() -> RequestOptions {
    RequestOptions::default().protocol(Protocol::RpcV2Cbor)
}

/// The JSON page of `count` fleets, read as awsJson reads it.
fn json_page(count: usize) -> DescribeFleetsResult {
    DescribeFleets::parse_response(200, &[], &bodies::describe_fleets(count))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn read_cbor(body: &[u8]) -> DescribeFleetsResult {
    DescribeFleets::parse_response_for(
        Protocol::RpcV2Cbor,
        200,
        &CBOR_HEADERS,
        body,
        Decoding::Strict,
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .value
}

#[test]
fn the_crate_root_offers_cbor_beside_its_json_default() {
    let service = DescribeFleets::SERVICE;
    assert_eq!(service.protocol, Protocol::AwsJson1_1);
    assert_eq!(service.protocols(), [Protocol::RpcV2Cbor, Protocol::AwsJson1_1]);
    let input = DescribeFleetsRequest::new();
    let json = DescribeFleets::request(&input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json.protocol, Protocol::AwsJson1_1);
    assert_eq!(json.header("X-Amz-Target"), Some("PhotonAdminProxyService.DescribeFleets"));
}

#[test]
fn describe_fleets_over_cbor_is_the_exact_request() {
    let input = DescribeFleetsRequest::new().with_names(vec!["fleet-1".into()]);
    let request =
        DescribeFleets::request_with(&input, &over_cbor()).unwrap_or_else(|e| panic!("{e}"));
    let body = map(&[("Names", array(&[text("fleet-1")]))]);
    assert_eq!(request.body, body);
    assert_eq!(
        (request.method, &*request.path),
        ("POST", "/service/PhotonAdminProxyService/operation/DescribeFleets")
    );
    assert_eq!(
        request.headers,
        [
            ("Smithy-Protocol", "rpc-v2-cbor".to_owned()),
            ("Accept", "application/cbor".to_owned()),
            ("Content-Type", "application/cbor".to_owned()),
            ("Content-Length", body.len().to_string()),
        ]
    );
    assert_eq!(request.protocol, Protocol::RpcV2Cbor);
    let decoded: DescribeFleetsRequest =
        cbor::from_slice(&request.body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decoded, input);
}

#[test]
fn a_page_encoded_as_cbor_reads_back_as_the_json_page() {
    let page = json_page(3);
    assert_eq!(page.fleets.as_ref().map(Vec::len), Some(3));
    let body = cbor::to_vec(&page).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read_cbor(&body), page);
}

/// `bodies::fleet(0)`'s members that the 2017 model knows, written by hand: a timestamp as
/// tag 1 around a double, indefinite-length maps, arrays and text, and members it does not
/// know (one nested) that are skipped.
#[test]
fn a_hand_written_cbor_page_reads_as_the_json_page() {
    let fleet = map(&[
        ("Arn", text("arn:aws:appstream:us-east-1:123456789012:fleet/fleet-00000")),
        ("Name", text_in_chunks(&["fleet-", "00000"])),
        ("DisplayName", text("Fleet number 0")),
        ("Description", text("Production fleet 0 for engineering")),
        ("ImageName", text("AppStream-WinServer2019-07-12-2023")),
        ("InstanceType", text("stream.standard.medium")),
        ("FleetType", text("ON_DEMAND")),
        (
            "ComputeCapacityStatus",
            map_indefinite(&[
                ("Desired", uint(5)),
                ("Running", uint(5)),
                ("InUse", uint(2)),
                ("Available", uint(3)),
            ]),
        ),
        ("MaxUserDurationInSeconds", uint(57600)),
        ("DisconnectTimeoutInSeconds", uint(900)),
        ("State", text("RUNNING")),
        (
            "VpcConfig",
            map(&[
                (
                    "SubnetIds",
                    array_indefinite(&[text("subnet-0a1b2c3d00000"), text("subnet-4e5f6a7b00000")]),
                ),
                ("SecurityGroupIds", array(&[text("sg-0123abcd00000"), text("sg-4567efab00000")])),
            ]),
        ),
        ("CreatedTime", epoch_seconds(double(1_496_170_845.734))),
        (
            "FleetErrors",
            array(&[map(&[
                ("ErrorCode", text("SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES")),
                ("ErrorMessage", text("Subnet subnet-4e5f6a7b00000 has no free IP addresses")),
            ])]),
        ),
        ("EnableDefaultInternetAccess", boolean(false)),
        ("IdleDisconnectTimeoutInSeconds", uint(600)),
        (
            "SessionScriptS3Location",
            map_indefinite(&[
                ("S3Bucket", text("appstream-scripts")),
                ("Sizes", array(&[uint(1), double(0.5)])),
            ]),
        ),
    ]);
    let body = map_indefinite(&[
        ("Fleets", array_indefinite(&[fleet])),
        ("NextToken", text_in_chunks(&["eyJwYWdlIjoyLCJzaXplIjoxMDAw", "fQ=="])),
    ]);
    assert_eq!(read_cbor(&body), json_page(1));
}

#[test]
fn a_cbor_error_is_the_modeled_error_named_by_its_type() {
    let body = map(&[
        ("__type", text("com.amazonaws.appstream#ResourceNotFoundException")),
        ("message", text("no fleet fleet-1")),
    ]);
    let error = DescribeFleets::parse_response_for(
        Protocol::RpcV2Cbor,
        400,
        &CBOR_HEADERS,
        &body,
        Decoding::Strict,
    );
    let expected = DescribeFleetsError::ResourceNotFoundException(
        ResourceNotFoundException::new().with_message("no fleet fleet-1"),
    );
    match error {
        Err(ResponseError::Service { error, meta, .. }) => {
            assert_eq!(error, expected);
            assert_eq!(meta.status, 400);
        }
        other => panic!("expected the modeled error, got {other:?}"),
    }
}

#[test]
fn a_200_without_the_protocol_header_is_an_error_that_says_so() {
    let body = cbor::to_vec(&json_page(1)).unwrap_or_else(|e| panic!("{e}"));
    let read =
        DescribeFleets::parse_response_for(Protocol::RpcV2Cbor, 200, &[], &body, Decoding::Strict);
    match read {
        Err(ResponseError::Decode { error, meta, .. }) => {
            assert_eq!(meta.status, 200);
            assert!(
                error.to_string().contains("no `Smithy-Protocol: rpc-v2-cbor` header"),
                "{error}"
            );
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}
