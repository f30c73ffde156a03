//! Two services generated into one crate share one runtime: AppStream (awsJson 1.1) and
//! DynamoDB's ListBackups (awsJson 1.0). A timestamp read from one goes into the other as it is,
//! and one function generic over `O: Operation` serves the operations of both.

pub mod appstream {
    include!(concat!(env!("OUT_DIR"), "/two_services_appstream.rs"));
}

pub mod dynamodb {
    include!(concat!(env!("OUT_DIR"), "/two_services_dynamodb.rs"));
}

use awsjson_runtime::{DateTime, Operation, ResponseError, ServiceError};

/// The target, content type and body of the request `O` builds for `input`.
fn request<O: Operation>(input: &O::Input) -> (String, String, String) {
    let request = O::request(input).unwrap_or_else(|error| panic!("{}: {error}", O::NAME));
    let header = |name: &str| {
        let found = request.headers.iter().find(|(header, _)| *header == name);
        found.map(|(_, value)| value.clone()).unwrap_or_default()
    };
    let body = String::from_utf8_lossy(&request.body).into_owned();
    (header("X-Amz-Target"), header("Content-Type"), body)
}

/// The code and message of the error `O` reads from an error response.
fn error<O: Operation>(headers: &[(&str, &str)], body: &str) -> (Option<String>, Option<String>)
where
    O::Output: std::fmt::Debug,
{
    match O::parse_response(400, headers, body.as_bytes()) {
        Err(ResponseError::Service { error, .. }) => {
            (error.code().map(str::to_owned), error.message().map(str::to_owned))
        }
        other => panic!("{}: expected a service error, got {other:?}", O::NAME),
    }
}

#[test]
fn a_timestamp_read_from_one_service_goes_into_the_other() {
    let body =
        br#"{"Fleets":[{"Arn":"arn:1","Name":"fleet-1","InstanceType":"stream.standard.small",
        "ImageName":"image-1","ComputeCapacityStatus":{"Desired":1},"State":"RUNNING",
        "CreatedTime":1496170845.734}]}"#;
    let fleets = appstream::DescribeFleets::parse_response(200, &[], body);
    let fleets = fleets.unwrap_or_else(|error| panic!("{error}")).fleets.unwrap_or_default();
    let created: DateTime = fleets[0].created_time.unwrap_or(DateTime::UNIX_EPOCH);
    let input =
        dynamodb::ListBackupsInput { time_range_lower_bound: Some(created), ..Default::default() };
    let (_, _, body) = request::<dynamodb::ListBackups>(&input);
    assert_eq!(body, r#"{"TimeRangeLowerBound":1496170845.734}"#);
}

#[test]
fn one_generic_function_builds_the_requests_of_both() {
    let fleets = appstream::DescribeFleetsRequest::default();
    assert_eq!(
        request::<appstream::DescribeFleets>(&fleets),
        (
            "PhotonAdminProxyService.DescribeFleets".to_owned(),
            "application/x-amz-json-1.1".to_owned(),
            "{}".to_owned()
        )
    );
    let backups = dynamodb::ListBackupsInput { limit: Some(5), ..Default::default() };
    assert_eq!(
        request::<dynamodb::ListBackups>(&backups),
        (
            "DynamoDB_20120810.ListBackups".to_owned(),
            "application/x-amz-json-1.0".to_owned(),
            r#"{"Limit":5}"#.to_owned()
        )
    );
}

#[test]
fn one_generic_function_reads_the_errors_of_both() {
    let header = [("X-Amzn-ErrorType", "ResourceNotFoundException")];
    assert_eq!(
        error::<appstream::DescribeSessions>(&header, r#"{"Message":"no such stack"}"#),
        (Some("ResourceNotFoundException".to_owned()), Some("no such stack".to_owned()))
    );
    let body =
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"retry"}"#;
    assert_eq!(
        error::<dynamodb::ListBackups>(&[], body),
        (Some("InternalServerError".to_owned()), Some("retry".to_owned()))
    );
}

#[test]
fn both_are_the_runtime_appstream_types_uses() {
    // The crate's own AppStream types name the same runtime: the same `DateTime` type.
    let from_crate: appstream_types::runtime::DateTime = DateTime::from_secs(1);
    let output = dynamodb::ListBackupsOutput {
        backup_summaries: Some(vec![dynamodb::BackupSummary {
            backup_creation_date_time: Some(from_crate),
            ..Default::default()
        }]),
        ..Default::default()
    };
    assert_eq!(
        output.backup_summaries.unwrap_or_default()[0].backup_creation_date_time,
        Some(from_crate)
    );
}
