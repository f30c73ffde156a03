//! The standard retry strategy, driven by closures as a client drives it.

use awsjson_runtime::retry::{
    Backoff, Classification, Classifier, GaveUp, Jitter, Reason, RetryKind, RetryQuota,
    RetryStrategy, TransportError, TransportErrorKind,
};
use awsjson_runtime::{Protocol, Service};
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

/// A failure the test decides the kind of.
#[derive(Debug, Clone, PartialEq)]
struct Failure(Option<RetryKind>);

impl awsjson_runtime::retry::Retryable for Failure {
    fn classify(&self, _: &Classifier) -> Classification {
        Classification::new(self.0, Reason::NoRule { code: None, status: Some(500) })
    }
}

const THROTTLED: Failure = Failure(Some(RetryKind::Throttling));
const TRANSIENT: Failure = Failure(Some(RetryKind::Transient));

/// Runs a call whose attempts answer `script` in turn; gives the result, the attempts made
/// and the delays slept.
fn run(
    strategy: &RetryStrategy,
    script: &[Result<&'static str, Failure>],
) -> (Result<&'static str, String>, Vec<u32>, Vec<Duration>) {
    let (attempts, slept) = (RefCell::new(Vec::new()), RefCell::new(Vec::new()));
    let result = strategy.run(
        |attempt| {
            attempts.borrow_mut().push(attempt);
            script[attempt as usize - 1].clone()
        },
        |delay| slept.borrow_mut().push(delay),
    );
    (result.map_err(|failed| failed.gave_up.to_string()), attempts.take(), slept.take())
}

/// The delays a strategy seeded with `seed` draws for failures of `kinds`, by the formula.
fn expected_delays(seed: u64, backoff: Backoff, kinds: &[RetryKind]) -> Vec<Duration> {
    let mut jitter = Jitter::seeded(seed);
    let attempts = 1u32..;
    (kinds.iter().zip(attempts))
        .map(|(&kind, attempt)| backoff.delay(attempt, kind, None, &mut jitter))
        .collect()
}

#[test]
fn a_call_that_succeeds_after_retries_waits_by_the_formula_and_gives_quota_back() {
    let strategy = RetryStrategy::standard().seeded(42);
    let (result, attempts, slept) = run(&strategy, &[Err(TRANSIENT), Err(THROTTLED), Ok("done")]);
    assert_eq!(result, Ok("done"));
    assert_eq!(attempts, [1, 2, 3]);
    let kinds = [RetryKind::Transient, RetryKind::Throttling];
    assert_eq!(slept, expected_delays(42, Backoff::STANDARD, &kinds));
    // Two retries took 14 and 5; success gives back what the last took.
    assert_eq!(strategy.retry_quota().available(), 500 - 14 - 5 + 5);
    // A call that needs no retry gives 1 back, up to the capacity.
    assert_eq!(run(&strategy, &[Ok("at once")]).0, Ok("at once"));
    assert_eq!(strategy.retry_quota().available(), 487);
}

#[test]
fn three_attempts_then_the_last_error_with_why() {
    let strategy = RetryStrategy::standard().seeded(1);
    let failed = strategy
        .run(
            |_| Err::<(), _>(TransportError::new(TransportErrorKind::Reset, "reset by peer")),
            |_| {},
        )
        .err();
    let failed = failed.unwrap_or_else(|| panic!("it succeeded"));
    assert_eq!(failed.attempts, 3);
    assert!(matches!(failed.gave_up, GaveUp::MaxAttempts { attempts: 3, .. }));
    assert_eq!(
        failed.to_string(),
        "the connection closed before the answer came: reset by peer (after 3 attempts: 3 \
         attempts made, the most allowed (transient: the connection closed before the answer \
         came: reset by peer))"
    );
    // Nothing came back: both retries' costs stay spent.
    assert_eq!(strategy.retry_quota().available(), 500 - 2 * 14);
}

#[test]
fn a_failure_that_is_not_retryable_ends_the_call_at_once() {
    let strategy = RetryStrategy::standard();
    let (result, attempts, slept) = run(&strategy, &[Err(Failure(None)), Ok("never")]);
    assert_eq!(
        result,
        Err("not retryable: an error without a code (HTTP 500) is none the standard mode retries"
            .to_owned())
    );
    assert_eq!((attempts, slept), (vec![1], vec![]));
    assert_eq!(strategy.retry_quota().available(), 500);
}

#[test]
fn a_drained_quota_shared_by_clones_refuses_retries() {
    let quota = Arc::new(RetryQuota::new(30));
    let strategy = RetryStrategy::standard().quota(Arc::clone(&quota)).seeded(3);
    let other_call_site = strategy.clone();
    // 2 transient retries take 28 of 30.
    let (_, attempts, _) = run(&strategy, &[Err(TRANSIENT), Err(TRANSIENT), Err(TRANSIENT)]);
    assert_eq!((attempts.len(), quota.available()), (3, 2));
    let (result, attempts, slept) = run(&other_call_site, &[Err(TRANSIENT), Ok("never")]);
    assert_eq!(
        result,
        Err("the retry quota has 2 units left, too few to retry (transient: an error without a \
             code (HTTP 500) is none the standard mode retries)"
            .to_owned())
    );
    assert_eq!((attempts, slept), (vec![1], vec![]));
}

#[test]
fn an_async_loop_drives_a_call_and_gets_the_same_delays() {
    let strategy = RetryStrategy::standard().seeded(9).max_attempts(5);
    let mut call = strategy.start();
    let mut delays = Vec::new();
    let mut headers = Vec::new();
    let answer = loop {
        headers.push(call.sdk_request_header());
        if call.attempt() == 4 {
            break call.succeeded("done");
        }
        match call.retry_delay(&THROTTLED) {
            Ok(delay) => delays.push(delay), // an async loop awaits its runtime's sleep here
            Err(gave_up) => panic!("{gave_up}"),
        }
    };
    assert_eq!(answer, "done");
    assert_eq!(delays, expected_delays(9, Backoff::STANDARD, &[RetryKind::Throttling; 3]));
    assert_eq!(
        headers,
        ["attempt=1; max=5", "attempt=2; max=5", "attempt=3; max=5", "attempt=4; max=5"]
    );
}

#[test]
fn the_delay_asked_for_raises_the_wait() {
    let strategy = RetryStrategy::standard().seeded(5);
    let mut call = strategy.start();
    let asked = Classification::new(Some(RetryKind::Transient), Reason::TransientStatus(503))
        .with_retry_after(Some(Duration::from_secs(2)));
    assert_eq!(call.retry_delay_for(asked), Ok(Duration::from_secs(2)));
    call.succeeded(());
}

#[test]
fn dynamodb_gets_four_attempts_and_its_own_backoff() {
    let dynamodb =
        Service::new("DynamoDB_20120810", Protocol::AwsJson1_0).with_endpoint_prefix("dynamodb");
    let strategy = RetryStrategy::for_service(&dynamodb).seeded(11);
    assert_eq!(strategy.attempts_allowed(), 4);
    let script = [Err(TRANSIENT), Err(TRANSIENT), Err(TRANSIENT), Ok("done")];
    let (result, _, slept) = run(&strategy, &script);
    assert_eq!(result, Ok("done"));
    assert_eq!(slept, expected_delays(11, Backoff::dynamodb(), &[RetryKind::Transient; 3]));
    let appstream = Service::new("PhotonAdminProxyService", Protocol::AwsJson1_1)
        .with_endpoint_prefix("appstream2");
    assert_eq!(RetryStrategy::for_service(&appstream).attempts_allowed(), 3);
}
