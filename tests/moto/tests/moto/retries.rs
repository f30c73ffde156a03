//! The README's client retrying through a proxy of ours that fails the attempts it is told to
//! and forwards the rest to moto: the proxy starts and stops inside each scenario.

use super::{Outcome, same, text};
use aws_credential_types::Credentials;
use awsjson_runtime::retry::{Backoff, RetryQuota, RetryStrategy};
use awsjson_runtime::{EndpointConfig, ResponseError};
use moto_tests::client::Client;
use moto_tests::dynamodb;
use moto_tests::fault_proxy::{Fault, FaultProxy};
use std::sync::Arc;
use std::time::Duration;

/// A scenario against moto's endpoint.
pub type Scenario = (&'static str, fn(&str) -> Outcome);

pub const SCENARIOS: &[Scenario] = &[
    (
        "retries: a transaction succeeds after a 500, a closed connection and a throttling \
         error, with the same idempotency token on every attempt",
        transaction_after_faults,
    ),
    ("retries: a read succeeds after a 503 page and a 429", read_after_503_and_429),
    ("retries: a modeled error that is not retryable comes back at once", not_retryable),
    ("retries: a drained quota refuses retries until calls succeed", drained_quota),
];

/// Backoff of milliseconds, so the scenarios take no seconds; the formula is the standard one.
const QUICK: Backoff = Backoff {
    throttling_base: Duration::from_millis(20),
    transient_base: Duration::from_millis(10),
    max: Duration::from_millis(200),
};

fn client_through(proxy: &FaultProxy, retries: RetryStrategy) -> Client {
    let endpoints = EndpointConfig::new("us-east-1").url(proxy.url());
    let credentials = Credentials::new("testing", "testing", None, None, "moto-tests");
    Client { retries, ..Client::new(endpoints, credentials) }
}

fn start(endpoint: &str) -> Result<FaultProxy, String> {
    FaultProxy::start(endpoint).map_err(|why| format!("cannot start the fault proxy: {why}"))
}

fn item(pk: &str) -> std::collections::BTreeMap<String, dynamodb::AttributeValue> {
    super::key(pk, "1")
}

fn transaction_after_faults(endpoint: &str) -> Outcome {
    use dynamodb::{Put, TransactWriteItem, TransactWriteItems, TransactWriteItemsInput};
    let proxy = start(endpoint)?;
    // DynamoDB's: 4 attempts.
    let retries = RetryStrategy::for_service(&dynamodb::SERVICE).backoff(QUICK).seeded(1);
    let client = client_through(&proxy, retries);
    proxy.fail_next([Fault::INTERNAL_ERROR, Fault::Close, Fault::THROTTLED]);
    let put = Put::new(item("transacted"), super::TABLE);
    let input = TransactWriteItemsInput::new(vec![TransactWriteItem::new().with_put(put)]);
    client.call::<TransactWriteItems>(&input).map_err(text)?.map_err(text)?;
    let seen = proxy.take_seen();
    same("attempts", seen.len(), 4)?;
    let tokens: Vec<Option<String>> = (seen.iter())
        .map(|request| {
            let body: serde_json::Value = serde_json::from_slice(&request.body).ok()?;
            body["ClientRequestToken"].as_str().map(str::to_owned)
        })
        .collect();
    let first = tokens[0].clone().ok_or("the first attempt sent no ClientRequestToken")?;
    same("the token is a UUID v4", (first.len(), first.as_bytes()[14]), (36, b'4'))?;
    same("every attempt's token", tokens, vec![Some(first); 4])?;
    let attempts: Vec<Option<&str>> = seen.iter().map(|r| r.header("amz-sdk-request")).collect();
    let expected = ["attempt=1; max=4", "attempt=2; max=4", "attempt=3; max=4", "attempt=4; max=4"];
    same("amz-sdk-request", attempts, expected.map(Some).to_vec())?;
    let invocations: Vec<Option<&str>> =
        seen.iter().map(|r| r.header("amz-sdk-invocation-id")).collect();
    same("one invocation id", invocations.windows(2).all(|w| w[0] == w[1]), true)?;
    // 500 and the closed connection took 14 each, the throttling 5, which came back.
    same("quota", client.retries.retry_quota().available(), 500 - 14 - 14)?;
    // The item is there, written once.
    let read = dynamodb::GetItemInput::new(super::TABLE, item("transacted"));
    let output = client.call::<dynamodb::GetItem>(&read).map_err(text)?.map_err(text)?;
    same("item", output.item, Some(item("transacted")))
}

fn read_after_503_and_429(endpoint: &str) -> Outcome {
    let proxy = start(endpoint)?;
    let client = client_through(&proxy, RetryStrategy::standard().backoff(QUICK).seeded(2));
    proxy.fail_next([Fault::UNAVAILABLE_PAGE, Fault::TOO_MANY_REQUESTS]);
    let read = dynamodb::GetItemInput::new(super::TABLE, item("transacted"));
    let output = client.call::<dynamodb::GetItem>(&read).map_err(text)?.map_err(text)?;
    same("item", output.item, Some(item("transacted")))?;
    same("attempts", proxy.take_seen().len(), 3)?;
    // A transient retry (14) and a throttled one (5, given back on success).
    same("quota", client.retries.retry_quota().available(), 500 - 14)
}

fn not_retryable(endpoint: &str) -> Outcome {
    use dynamodb::{GetItem, GetItemError, GetItemInput};
    let proxy = start(endpoint)?;
    let client = client_through(&proxy, RetryStrategy::standard().backoff(QUICK));
    let read = GetItemInput::new("no-such-table", item("a"));
    match client.call::<GetItem>(&read).map_err(text)? {
        Err(ResponseError::Service {
            error: GetItemError::ResourceNotFoundException(_), ..
        }) => {}
        other => return Err(format!("expected ResourceNotFoundException, got {other:?}")),
    }
    same("attempts", proxy.take_seen().len(), 1)?;
    same("quota", client.retries.retry_quota().available(), 500)
}

fn drained_quota(endpoint: &str) -> Outcome {
    let proxy = start(endpoint)?;
    let quota = Arc::new(RetryQuota::new(20));
    let retries = RetryStrategy::standard().backoff(QUICK).quota(Arc::clone(&quota));
    let client = client_through(&proxy, retries);
    proxy.fail_always(Some(Fault::INTERNAL_ERROR));
    let read = dynamodb::GetItemInput::new(super::TABLE, item("transacted"));
    let status = |result: Result<_, ResponseError<_>>| result.err().map(|error| error.status());
    // One retry takes 14 of 20; the 6 left are too few for another.
    let first = client.call::<dynamodb::GetItem>(&read).map_err(text)?;
    same(
        "first call",
        (status(first), proxy.take_seen().len(), quota.available()),
        (Some(500), 2, 6),
    )?;
    // No retry at all now.
    let second = client.call::<dynamodb::GetItem>(&read).map_err(text)?;
    same("second call", (status(second), proxy.take_seen().len()), (Some(500), 1))?;
    // A success at once gives 1 back.
    proxy.fail_always(None);
    client.call::<dynamodb::GetItem>(&read).map_err(text)?.map_err(text)?;
    same("after a success", (proxy.take_seen().len(), quota.available()), (1, 7))
}
