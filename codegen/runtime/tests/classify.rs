//! Every failed attempt of `tests/retry/cases.json` is classified as botocore's standard mode
//! classifies it (`tests/retry/verdicts.py` recorded botocore's verdicts from botocore itself).

use awsjson_runtime::retry::{
    Classifier, ModeledError, RetryKind, Retryable, TransportError, TransportErrorKind,
};
use awsjson_runtime::{ErrorResponse, Operation, ResponseError, ServiceError};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::Duration;

fn read(name: &str) -> Value {
    let path = format!("{}/tests/retry/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The errors of model.json's operation, by every code that names them, as generated code
/// gives them.
fn modeled_errors() -> &'static HashMap<String, ModeledError> {
    static ERRORS: OnceLock<HashMap<String, ModeledError>> = OnceLock::new();
    ERRORS.get_or_init(|| {
        let model = read("model.json");
        let mut errors = HashMap::new();
        for reference in model["operations"]["Call"]["errors"].as_array().into_iter().flatten() {
            let name = reference["shape"].as_str().unwrap_or_default();
            let shape = &model["shapes"][name];
            let retryable =
                shape.get("retryable").map(|retryable| match retryable["throttling"].as_bool() {
                    Some(true) => RetryKind::Throttling,
                    _ => RetryKind::Transient,
                });
            errors.insert(name.to_owned(), ModeledError::new(retryable));
            if let Some(code) = shape["error"]["code"].as_str() {
                errors.insert(code.to_owned(), ModeledError::new(retryable));
            }
        }
        errors
    })
}

#[derive(Debug)]
struct CallError(Option<String>);

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for CallError {}

impl ServiceError for CallError {
    fn from_error_response(response: &ErrorResponse<'_>) -> Self {
        CallError(response.code().map(str::to_owned))
    }

    fn code(&self) -> Option<&str> {
        self.0.as_deref()
    }

    fn message(&self) -> Option<&str> {
        None
    }

    fn modeled_error(code: &str) -> Option<ModeledError> {
        modeled_errors().get(code).copied()
    }
}

fn failure(case: &Value) -> Box<dyn Retryable> {
    if let Some(kind) = case["transport"].as_str() {
        let kind = match kind {
            "reset" => TransportErrorKind::Reset,
            "connect" => TransportErrorKind::Connect,
            "timeout" => TransportErrorKind::Timeout,
            other => panic!("transport kind {other}"),
        };
        return Box::new(TransportError::new(kind, ""));
    }
    let status = case["status"].as_u64().and_then(|s| u16::try_from(s).ok()).unwrap_or(0);
    let headers: Vec<(String, String)> = (case["headers"].as_object().into_iter().flatten())
        .map(|(name, value)| (name.clone(), value.as_str().unwrap_or_default().to_owned()))
        .collect();
    let body = case["body"].as_str().unwrap_or_default().as_bytes();
    let response = ErrorResponse::parse(status, &headers, body);
    let error = CallError::from_error_response(&response);
    Box::new(ResponseError::new_service(error, response.meta()))
}

#[test]
fn every_case_is_classified_as_botocore_classifies_it() {
    let table = read("cases.json");
    let cases = table["cases"].as_array().cloned().unwrap_or_default();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let classifier = Classifier::standard();
    let mut differ = Vec::new();
    for case in &cases {
        let classification = classifier.classify(failure(case).as_ref());
        let ours = match classification.kind() {
            Some(RetryKind::Throttling) => "throttling",
            Some(RetryKind::Transient) => "transient",
            None => "not retryable",
        };
        let name = case["name"].as_str().unwrap_or_default();
        if Some(ours) != case["botocore"].as_str() {
            differ.push(format!("{name}: botocore {}, ours {classification}", case["botocore"]));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

fn classify(status: u16, headers: &[(&str, &str)], body: &str) -> String {
    let response = ErrorResponse::parse(status, headers, body.as_bytes());
    let error =
        ResponseError::new_service(CallError::from_error_response(&response), response.meta());
    Classifier::standard().classify(&error).to_string()
}

#[test]
fn each_verdict_says_which_rule_decided_it() {
    let cases = [
        (
            classify(400, &[], r#"{"__type":"ThrottlingException"}"#),
            "throttling: error code `ThrottlingException` is one the standard mode retries as \
             throttling",
        ),
        (
            classify(400, &[], r#"{"__type":"ModeledThrottlingException"}"#),
            "throttling: error code `ModeledThrottlingException` names an error the model marks \
             retryable",
        ),
        (
            classify(400, &[], r#"{"__type":"RequestTimeoutException"}"#),
            "transient: error code `RequestTimeoutException` is one the standard mode retries as \
             transient",
        ),
        (
            classify(503, &[], "<html></html>"),
            "transient: HTTP 503 is a status the standard mode retries",
        ),
        (classify(429, &[], ""), "throttling: HTTP 429 with a code that names no modeled error"),
        (
            classify(400, &[], r#"{"__type":"ValidationException"}"#),
            "not retryable: error code `ValidationException` (HTTP 400) is none the standard mode \
             retries",
        ),
        (
            classify(404, &[], ""),
            "not retryable: an error without a code (HTTP 404) is none the standard mode retries",
        ),
        (
            classify(
                400,
                &[("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")],
                r#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist"}"#,
            ),
            "not retryable: error code `AWS.SimpleQueueService.NonExistentQueue` (HTTP 400) is \
             none the standard mode retries",
        ),
    ];
    for (said, expected) in cases {
        assert_eq!(said, expected);
    }
    let reset = TransportError::new(TransportErrorKind::Reset, "connection reset by peer");
    assert_eq!(
        Classifier::standard().classify(&reset).to_string(),
        "transient: the connection closed before the answer came: connection reset by peer"
    );
    let refused = TransportError::new(TransportErrorKind::Other, "invalid certificate");
    assert!(!Classifier::standard().classify(&refused).is_retryable());
}

#[test]
fn the_callers_rules_come_first() {
    let classifier = Classifier::standard()
        .with_code("LimitExceededException", None)
        .with_code("ConflictException", Some(RetryKind::Transient))
        .with_code("ConflictException", Some(RetryKind::Throttling));
    let limit = classifier.classify_answer(Some("LimitExceededException"), 400, None);
    assert_eq!(
        limit.to_string(),
        "not retryable: error code `LimitExceededException` has a rule of the caller's"
    );
    // A 500 with a code the caller never retries is not retried either.
    assert!(!classifier.classify_answer(Some("LimitExceededException"), 500, None).is_retryable());
    let conflict = classifier.classify_answer(Some("ConflictException"), 409, None);
    assert_eq!(conflict.kind(), Some(RetryKind::Throttling));
    // Other codes keep the standard rules.
    let standard = classifier.classify_answer(Some("ThrottlingException"), 400, None);
    assert_eq!(standard.kind(), Some(RetryKind::Throttling));
}

#[test]
fn the_delay_asked_for_and_a_body_that_did_not_read_are_kept() {
    let response =
        ErrorResponse::parse(503, &[("Retry-After", "2")], br#"{"__type":"ServiceUnavailable"}"#);
    let error =
        ResponseError::new_service(CallError::from_error_response(&response), response.meta());
    let classification = Classifier::standard().classify(&error);
    assert_eq!(classification.retry_after(), Some(Duration::from_secs(2)));
    assert_eq!(classification.kind(), Some(RetryKind::Transient));
    // A 200 whose body did not read is not retried (botocore raises a parser error).
    let unread: ResponseError<CallError> = ResponseError::new_decode(
        awsjson_runtime::DecodeError::new("", "EOF"),
        awsjson_runtime::ResponseMeta::new(200, None),
    );
    assert!(!Classifier::standard().classify(&unread).is_retryable());
}

/// `Operation` is not needed to classify: the table's errors come from any client.
#[allow(dead_code)]
fn generic_over_operations<O: Operation>(error: &ResponseError<O::Error>) -> bool {
    Classifier::standard().classify(error).is_retryable()
}
