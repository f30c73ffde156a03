//! Three operations sliced from the latest AppStream model (`codegen generate --operations`)
//! compile on their own and speak the same wire as the full model.

// `pub`: as in a library, the generated items are API, not dead code.
pub mod app_blocks {
    include!(concat!(env!("OUT_DIR"), "/latest_app_blocks.rs"));
}

use app_blocks::*;
use awsjson_runtime::Operation;

#[test]
fn a_sliced_operation_writes_its_request() {
    let input = DeleteAppBlockRequest::new("office");
    let request = DeleteAppBlock::request(&input).unwrap();
    assert_eq!(
        request.headers[0],
        ("X-Amz-Target", "PhotonAdminProxyService.DeleteAppBlock".to_owned())
    );
    assert_eq!(request.body, br#"{"Name":"office"}"#);
}

#[test]
fn a_sliced_operation_reads_its_response() {
    let body = br#"{"AppBlocks": [{"Name": "office", "Arn": "arn:1", "State": "ACTIVE",
        "PackagingType": "APPSTREAM2", "CreatedTime": 1700000000}]}"#;
    let output = DescribeAppBlocks::parse_response(200, &[], body).unwrap();
    let blocks = output.app_blocks.unwrap_or_default();
    assert_eq!(blocks[0].state, Some(AppBlockState::Active));
    assert_eq!(blocks[0].packaging_type, Some(PackagingType::Appstream2));
}
