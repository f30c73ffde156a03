//! Error responses parsed into each operation's error enum.

// The default build: the four 2017 operations (tests/tests/latest.rs covers `latest`).
use appstream_types::runtime::{Operation, ResponseError, UnmodeledError};
use appstream_types::*;
use std::fmt::Write;

/// Every modeled error of `O`, sent the way the service sends it (`__type` with a namespace),
/// parsed, one line per error: the code sent, then the typed error and its Display.
fn modeled_errors<O: Operation>(codes: &[&str]) -> String
where
    O::Error: std::fmt::Debug + std::fmt::Display,
    O::Output: std::fmt::Debug,
{
    let mut report = String::new();
    for code in codes {
        let body = format!(
            r#"{{"__type": "com.amazonaws.appstream#{code}", "Message": "{code} happened", "RequestId": "4f1c"}}"#
        );
        let parsed = O::parse_response(400, &[], body.as_bytes());
        let _ = match parsed {
            Err(ResponseError::Service { error, .. }) => {
                writeln!(report, "{code}\n  {error:?}\n  {error}")
            }
            other => writeln!(report, "{code}\n  NOT A SERVICE ERROR: {other:?}"),
        };
    }
    report
}

#[test]
fn create_fleet_errors() {
    insta::assert_snapshot!(modeled_errors::<CreateFleet>(&[
        "ResourceAlreadyExistsException",
        "ResourceNotAvailableException",
        "ResourceNotFoundException",
        "LimitExceededException",
        "InvalidRoleException",
        "ConcurrentModificationException",
    ]));
}

#[test]
fn describe_fleets_errors() {
    insta::assert_snapshot!(modeled_errors::<DescribeFleets>(&["ResourceNotFoundException"]));
}

#[test]
fn describe_sessions_errors() {
    insta::assert_snapshot!(modeled_errors::<DescribeSessions>(&[
        "InvalidParameterCombinationException"
    ]));
}

#[test]
fn update_fleet_errors() {
    insta::assert_snapshot!(modeled_errors::<UpdateFleet>(&[
        "ResourceInUseException",
        "LimitExceededException",
        "InvalidRoleException",
        "ResourceNotFoundException",
        "ResourceNotAvailableException",
        "InvalidParameterCombinationException",
        "ConcurrentModificationException",
        "IncompatibleImageException",
    ]));
}

#[test]
fn the_error_type_header_wins_over_the_body() {
    let headers = [("x-amzn-errortype", "LimitExceededException:http://internal.amazon.com/")];
    let body = br#"{"__type": "ResourceNotFoundException", "message": "too many fleets"}"#;
    let error = CreateFleet::parse_response(400, &headers, body).err();
    let expected = CreateFleetError::LimitExceededException(LimitExceededException {
        message: Some("too many fleets".into()),
    });
    assert_eq!(error.map(|e| e.to_string()), Some(expected.to_string()));
    assert!(matches!(
        CreateFleet::parse_response(400, &headers, body),
        Err(ResponseError::Service { error: CreateFleetError::LimitExceededException(_), .. })
    ));
}

#[test]
fn code_is_read_from_code_when_there_is_no_type() {
    let body = br#"{"code": "aws.appstream#ResourceNotFoundException", "Message": "no fleet"}"#;
    let error = DescribeFleets::parse_response(400, &[], body);
    let expected = DescribeFleetsError::ResourceNotFoundException(ResourceNotFoundException {
        message: Some("no fleet".into()),
    });
    assert!(matches!(error, Err(ResponseError::Service { error: e, .. }) if e == expected));
}

#[test]
fn an_error_the_operation_does_not_list_is_unmodeled() {
    // ResourceInUseException is modeled for UpdateFleet, not for DescribeSessions.
    let body = br#"{"__type": "ResourceInUseException", "message": "busy"}"#;
    let error = DescribeSessions::parse_response(409, &[], body);
    let expected = DescribeSessionsError::Unmodeled(UnmodeledError {
        code: "ResourceInUseException".into(),
        message: Some("busy".into()),
        status: 409,
    });
    assert!(matches!(error, Err(ResponseError::Service { error: e, .. }) if e == expected));
}

#[test]
fn a_server_error_without_body_is_unmodeled() {
    let error = DescribeSessions::parse_response(503, &[], b"");
    let expected = DescribeSessionsError::Unmodeled(UnmodeledError {
        code: String::new(),
        message: None,
        status: 503,
    });
    assert!(matches!(error, Err(ResponseError::Service { error: e, .. }) if e == expected));
}
