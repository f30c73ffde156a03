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
    let expected = CreateFleetError::LimitExceededException(
        LimitExceededException::new().with_message("too many fleets"),
    );
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
    let expected = DescribeFleetsError::ResourceNotFoundException(
        ResourceNotFoundException::new().with_message("no fleet"),
    );
    assert!(matches!(error, Err(ResponseError::Service { error: e, .. }) if e == expected));
}

/// The error `DescribeFleets` reads from `headers` and `body` (status 400).
fn describe_fleets_error(headers: &[(&str, &str)], body: &[u8]) -> DescribeFleetsError {
    match DescribeFleets::parse_response(400, headers, body) {
        Err(ResponseError::Service { error, .. }) => error,
        other => panic!("expected a service error, got {other:?}"),
    }
}

fn not_found(message: Option<&str>) -> DescribeFleetsError {
    let mut error = ResourceNotFoundException::new();
    error.message = message.map(str::to_owned);
    DescribeFleetsError::ResourceNotFoundException(error)
}

fn unmodeled(code: Option<&str>, message: Option<&str>) -> UnmodeledError {
    UnmodeledError {
        code: code.map(str::to_owned),
        message: message.map(str::to_owned),
        status: 400,
        unreadable: None,
    }
}

#[test]
fn code_wins_over_type_as_smithy_orders_them() {
    let body = br#"{"__type": "Other", "code": "ResourceNotFoundException", "Message": "m"}"#;
    assert_eq!(describe_fleets_error(&[], body), not_found(Some("m")));
}

#[test]
fn a_hash_in_the_suffix_is_not_a_namespace() {
    let headers =
        [("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/#x")];
    assert_eq!(describe_fleets_error(&headers, br#"{"Message": "gone"}"#), not_found(Some("gone")));
}

#[test]
fn both_message_keys_at_once_are_read() {
    // What a real server sends for SQS and SSM errors.
    let body =
        br#"{"__type": "ResourceNotFoundException", "message": "lower", "Message": "upper"}"#;
    assert_eq!(describe_fleets_error(&[], body), not_found(Some("upper")));
    // The model says `Message`; the other spelling alone is taken too.
    let body = br#"{"__type": "ResourceNotFoundException", "message": "lower"}"#;
    assert_eq!(describe_fleets_error(&[], body), not_found(Some("lower")));
}

#[test]
fn an_odd_error_body_keeps_its_code_status_and_message() {
    let cases: [(&[u8], &str, Option<&str>); 3] = [
        (
            br#"{"__type": "ResourceNotFoundException", "Message": "a", "Message": "b"}"#,
            "member `Message` is given twice at line 1 column 65",
            Some("a"),
        ),
        (
            b"{\"__type\": \"ResourceNotFoundException\", \"Message\": \"caf\xe9\"}",
            "invalid unicode code point at line 1 column 56",
            Some("caf\u{fffd}"),
        ),
        (
            br#"{"__type": "ResourceNotFoundException", "Message": ["a"]}"#,
            "invalid type: sequence, expected a string at line 1 column 51",
            None,
        ),
    ];
    for (body, why, message) in cases {
        let DescribeFleetsError::Unmodeled(error) = describe_fleets_error(&[], body) else {
            panic!("{}: expected an unmodeled error", String::from_utf8_lossy(body));
        };
        let unreadable = error.unreadable.as_ref().map(|reason| reason.message().to_owned());
        assert_eq!(unreadable.as_deref(), Some(why), "{}", String::from_utf8_lossy(body));
        assert_eq!(
            UnmodeledError { unreadable: None, ..error },
            unmodeled(Some("ResourceNotFoundException"), message)
        );
    }
}

#[test]
fn a_body_that_is_not_json_is_kept_as_the_message() {
    let headers = [("X-Amzn-ErrorType", "ResourceNotFoundException")];
    let DescribeFleetsError::Unmodeled(error) = describe_fleets_error(&headers, b"Bad Request")
    else {
        panic!("expected an unmodeled error");
    };
    assert_eq!(error.code.as_deref(), Some("ResourceNotFoundException"));
    assert_eq!(error.message.as_deref(), Some("Bad Request"));
    assert_eq!(
        error.to_string(),
        "ResourceNotFoundException (HTTP 400): Bad Request (the body does not read as that \
         error: expected value at line 1 column 1)"
    );
    let page = b"<html><head><title>503 Service Unavailable</title></head></html>";
    let error = describe_fleets_error(&[], page);
    let expected =
        unmodeled(None, Some("<html><head><title>503 Service Unavailable</title></head></html>"));
    assert_eq!(error, DescribeFleetsError::Unmodeled(expected));
}

#[test]
fn an_error_the_operation_does_not_list_is_unmodeled() {
    // ResourceInUseException is modeled for UpdateFleet, not for DescribeSessions.
    let body = br#"{"__type": "ResourceInUseException", "message": "busy"}"#;
    let error = DescribeSessions::parse_response(409, &[], body);
    let expected = DescribeSessionsError::Unmodeled(UnmodeledError {
        code: Some("ResourceInUseException".into()),
        message: Some("busy".into()),
        status: 409,
        unreadable: None,
    });
    assert!(matches!(error, Err(ResponseError::Service { error: e, .. }) if e == expected));
}

#[test]
fn a_server_error_without_body_is_unmodeled_without_a_code() {
    let error = DescribeSessions::parse_response(503, &[], b"");
    let expected = DescribeSessionsError::Unmodeled(UnmodeledError {
        code: None,
        message: None,
        status: 503,
        unreadable: None,
    });
    assert_eq!(
        error.as_ref().err().map(ToString::to_string).as_deref(),
        Some("error without a code (HTTP 503)")
    );
    assert!(matches!(error, Err(ResponseError::Service { error: e, .. }) if e == expected));
}
