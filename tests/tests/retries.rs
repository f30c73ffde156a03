//! What retries need from a model, as the generated code carries it: idempotency tokens filled
//! in requests (DynamoDB's TransactWriteItems, the retries fixture), what `modeled_error` says
//! of error codes and what the runtime's classifier makes of it (DynamoDB, CloudWatch's
//! `error.code`s, the fixture), and the header a query-compatible service is told (SQS).

pub mod dynamodb {
    include!(concat!(env!("OUT_DIR"), "/retries_dynamodb.rs"));
}

pub mod sqs {
    include!(concat!(env!("OUT_DIR"), "/retries_sqs.rs"));
}

pub mod cloudwatch {
    include!(concat!(env!("OUT_DIR"), "/retries_cloudwatch.rs"));
}

pub mod fixture {
    include!(concat!(env!("OUT_DIR"), "/retries.rs"));
}

use awsjson_runtime::retry::{Classifier, ModeledError, Reason, RetryKind};
use awsjson_runtime::{Operation, Request, RequestOptions, ServiceError};
use std::collections::BTreeMap;

/// The request `O` builds for `input`.
fn build<O: Operation>(input: &O::Input, options: &RequestOptions) -> Request {
    O::request_with(input, options).unwrap_or_else(|error| panic!("{}: {error}", O::NAME))
}

/// The string member `key` of the request's JSON body.
fn body_member(request: &Request, key: &str) -> Option<String> {
    let length = request.body.len().to_string();
    assert_eq!(request.header("Content-Length"), Some(length.as_str()));
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    body.get(key).and_then(|value| value.as_str()).map(str::to_owned)
}

/// Panics unless `token` is a UUID v4 in its text form, as botocore's `uuid.uuid4()` gives.
fn assert_uuid_v4(token: &str) {
    let groups: Vec<usize> = token.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{token}");
    let lower_hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    assert!(token.chars().all(|c| c == '-' || lower_hex(c)), "{token}");
    assert_eq!(token.as_bytes()[14], b'4', "version nibble of {token}");
    assert!(matches!(token.as_bytes()[19], b'8' | b'9' | b'a' | b'b'), "variant of {token}");
}

fn transact_write() -> dynamodb::TransactWriteItemsInput {
    let item = BTreeMap::from([("pk".to_owned(), dynamodb::AttributeValue::new().with_s("a"))]);
    let put = dynamodb::TransactWriteItem::new().with_put(dynamodb::Put::new(item, "table"));
    dynamodb::TransactWriteItemsInput::new(vec![put])
}

#[test]
fn a_transact_write_items_without_a_token_sends_a_fresh_uuid_v4() {
    let input = transact_write();
    let token = |request: &Request| body_member(request, "ClientRequestToken").unwrap();
    let options = RequestOptions::default();
    let first = token(&build::<dynamodb::TransactWriteItems>(&input, &options));
    let second = token(&build::<dynamodb::TransactWriteItems>(&input, &options));
    assert_uuid_v4(&first);
    assert_uuid_v4(&second);
    assert_ne!(first, second, "each request built has its own token");
    assert_eq!(input.client_request_token, None, "the caller's input is left as it was");
}

#[test]
fn a_token_the_caller_gives_is_sent_as_given() {
    let input = transact_write().with_client_request_token("caller-token");
    let request = build::<dynamodb::TransactWriteItems>(&input, &RequestOptions::default());
    assert_eq!(body_member(&request, "ClientRequestToken").as_deref(), Some("caller-token"));
    let untouched = dynamodb::TransactWriteItems::with_idempotency_tokens(&input, &mut || {
        panic!("no token is asked for when none is missing")
    });
    assert!(matches!(untouched, Ok(None)));
}

#[test]
fn request_options_choose_the_token_for_missing_members() {
    let options = RequestOptions::default().idempotency_token("fixed");
    let request = build::<dynamodb::TransactWriteItems>(&transact_write(), &options);
    assert_eq!(body_member(&request, "ClientRequestToken").as_deref(), Some("fixed"));
}

/// `token-1`, `token-2`, … one per call.
fn numbered_tokens() -> impl FnMut() -> Result<String, awsjson_runtime::EncodeError> {
    let mut calls = 0;
    move || {
        calls += 1;
        Ok(format!("token-{calls}"))
    }
}

#[test]
#[allow(deprecated)] // `OldToken` is deprecated in the fixture.
fn every_optional_string_token_member_gets_a_token_of_its_own() {
    let input = fixture::PutItemInput::new("name", "request-1")
        .with_mode(fixture::Mode::Fast)
        .with_item(fixture::Item::new());
    let filled = fixture::PutItem::with_idempotency_tokens(&input, &mut numbered_tokens());
    let filled = filled.unwrap_or_else(|error| panic!("{error}")).unwrap_or_else(|| input.clone());
    let tokens = [&filled.client_token, &filled.r#type, &filled.old_token].map(Option::as_deref);
    assert_eq!(tokens, [Some("token-1"), Some("token-2"), Some("token-3")]);
    // The required token is the caller's; the enum and the nested member are no tokens to fill.
    assert_eq!(filled.request_id, "request-1");
    assert_eq!(filled.mode, Some(fixture::Mode::Fast));
    assert_eq!(filled.item, Some(fixture::Item::new()));

    let given = input.clone().with_client_token("mine").with_type("yours");
    let filled = fixture::PutItem::with_idempotency_tokens(&given, &mut numbered_tokens());
    let filled = filled.unwrap_or_else(|error| panic!("{error}")).unwrap_or_else(|| input.clone());
    let tokens = [&filled.client_token, &filled.r#type, &filled.old_token].map(Option::as_deref);
    assert_eq!(tokens, [Some("mine"), Some("yours"), Some("token-1")]);

    let all = given.with_old_token("old");
    let unchanged = fixture::PutItem::with_idempotency_tokens(&all, &mut || panic!("asked"));
    assert!(matches!(unchanged, Ok(None)));

    let request = build::<fixture::PutItem>(&input, &RequestOptions::default());
    let sent = ["ClientToken", "type", "OldToken"].map(|key| body_member(&request, key));
    let sent: Vec<String> = sent.into_iter().flatten().collect();
    assert_eq!(sent.len(), 3);
    sent.iter().for_each(|token| assert_uuid_v4(token));
    assert!(sent[0] != sent[1] && sent[1] != sent[2] && sent[0] != sent[2], "{sent:?}");
    assert_eq!(body_member(&request, "RequestId").as_deref(), Some("request-1"));
}

#[test]
fn dynamodb_errors_are_what_its_model_says() {
    let modeled = |kind| Some(ModeledError::new(kind));
    // Modeled, and not marked `retryable`: the standard mode's code lists retry these.
    for code in ["ProvisionedThroughputExceededException", "ThrottlingException"] {
        assert_eq!(dynamodb::TransactWriteItemsError::modeled_error(code), modeled(None));
        assert_eq!(dynamodb::PutItemError::modeled_error(code), modeled(None));
    }
    assert_eq!(
        dynamodb::TransactWriteItemsError::modeled_error("TransactionCanceledException"),
        modeled(None)
    );
    // The one DynamoDB error the model marks retryable (`{"throttling": false}`), which
    // TransactWriteItems does not list.
    let conflict = "ReplicatedWriteConflictException";
    assert_eq!(
        dynamodb::PutItemError::modeled_error(conflict),
        modeled(Some(RetryKind::Transient))
    );
    assert_eq!(dynamodb::TransactWriteItemsError::modeled_error(conflict), None);
    assert_eq!(dynamodb::PutItemError::modeled_error("NoSuchError"), None);

    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ReplicatedWriteConflictException"}"#;
    let Err(error) = dynamodb::PutItem::parse_response(409, &[], body) else {
        panic!("an error response read as a success");
    };
    let verdict = Classifier::standard().classify(&error);
    assert_eq!(verdict.kind(), Some(RetryKind::Transient));
    assert_eq!(verdict.reason(), &Reason::ModeledRetryable(conflict.to_owned()));
}

#[test]
fn the_fixture_s_errors_have_their_kinds_and_codes() {
    use fixture::{GetItemError, PutItemError};
    let modeled = |kind| Some(ModeledError::new(kind));
    assert_eq!(PutItemError::modeled_error("Busy"), modeled(Some(RetryKind::Transient)));
    assert_eq!(PutItemError::modeled_error("Stale"), modeled(Some(RetryKind::Transient)));
    assert_eq!(PutItemError::modeled_error("Overloaded"), modeled(Some(RetryKind::Throttling)));
    assert_eq!(PutItemError::modeled_error("Missing"), modeled(None));
    assert_eq!(PutItemError::modeled_error("AWS.Retries.NonExistentItem"), modeled(None));
    assert_eq!(PutItemError::modeled_error("Conflict"), modeled(None));
    assert_eq!(PutItemError::modeled_error("Other"), None);
    assert_eq!(GetItemError::modeled_error("Busy"), None, "GetItem lists no errors");

    let classify = |status: u16, headers: &[(&str, &str)], body: &str| {
        let Err(error) = fixture::PutItem::parse_response(status, headers, body.as_bytes()) else {
            panic!("an error response read as a success");
        };
        Classifier::standard().classify(&error)
    };
    let slow_down = classify(400, &[], r#"{"__type":"Overloaded"}"#);
    assert_eq!(slow_down.kind(), Some(RetryKind::Throttling));
    assert_eq!(slow_down.reason(), &Reason::ModeledRetryable("Overloaded".to_owned()));
    // A 429 is throttling only for a code that names no modeled error; a query-compatible
    // service's code comes in `x-amzn-query-error`, which `error.code` names.
    let query = [("x-amzn-query-error", "AWS.Retries.NonExistentItem;Sender")];
    assert_eq!(classify(429, &query, r#"{"__type":"Missing"}"#).kind(), None);
    let unknown = [("x-amzn-query-error", "AWS.Retries.Unknown;Sender")];
    let verdict = classify(429, &unknown, r#"{"__type":"Missing"}"#);
    assert_eq!(verdict.reason(), &Reason::ThrottlingStatus(429));
}

#[test]
fn cloudwatch_s_query_codes_name_its_errors() {
    use cloudwatch::GetDashboardError;
    const { assert!(cloudwatch::SERVICE.query_compatible) };
    // `DashboardNotFoundError` has `"error": {"code": "ResourceNotFound", …}`.
    for code in ["DashboardNotFoundError", "ResourceNotFound", "InternalServiceError"] {
        assert_eq!(GetDashboardError::modeled_error(code), Some(ModeledError::new(None)), "{code}");
    }
    assert_eq!(GetDashboardError::modeled_error("ResourceNotFoundException"), None);
}

#[test]
fn a_query_compatible_service_is_told_so() {
    let input = sqs::GetQueueUrlRequest::new("queue");
    let request = build::<sqs::GetQueueUrl>(&input, &RequestOptions::default());
    const { assert!(sqs::SERVICE.query_compatible) };
    assert_eq!(request.header("x-amzn-query-mode"), Some("true"));
    let not_query = build::<dynamodb::TransactWriteItems>(&transact_write(), &Default::default());
    assert_eq!(not_query.header("x-amzn-query-mode"), None);
    const { assert!(!dynamodb::SERVICE.query_compatible) };
}

#[test]
fn sqs_errors_are_known_by_their_shape_names() {
    use sqs::GetQueueUrlError;
    assert_eq!(GetQueueUrlError::modeled_error("QueueDoesNotExist"), Some(ModeledError::new(None)));
    assert_eq!(GetQueueUrlError::modeled_error("RequestThrottled"), Some(ModeledError::new(None)));
    // botocore's SQS model gives its errors no `error.code`, so the query code SQS sends in
    // `x-amzn-query-error` names none of them, for botocore as here.
    assert_eq!(GetQueueUrlError::modeled_error("AWS.SimpleQueueService.NonExistentQueue"), None);
}
