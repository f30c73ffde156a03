//! The Rust generated for DynamoDB's waiters means what their JMESPath means: on thousands of
//! random answers, the acceptor the generated `matching` picks is the one the generator's
//! reference interpreter picks by evaluating botocore's expressions on the same JSON.

use awsjson_codegen::jmespath;
use awsjson_codegen::model::{Matcher, Waiter as ModelWaiter, parse_waiters};
use awsjson_runtime::Operation;
use awsjson_runtime::retry::Jitter;
use awsjson_runtime::waiter::Waiter;
use moto_tests::dynamodb::waiters::{
    BulkOperationCompleted, ContributorInsightsEnabled, ExportCompleted, ImportCompleted,
    KinesisStreamingDestinationActive, TableExists, TableNotExists,
};
use serde_json::{Value, json};

/// The same answers on every run, from the runtime's seeded jitter.
struct Random(Jitter);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        // `next_unit` is below 1, so this is below `n`.
        (self.0.next_unit() * n as f64) as usize
    }

    /// One of `values`, or nothing (the member left out).
    fn status(&mut self, values: &[&str]) -> Option<Value> {
        let index = self.below(values.len() + 1);
        values.get(index).map(|value| json!(value))
    }
}

fn waiters_file() -> awsjson_codegen::model::Waiters {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../models/dynamodb-2012-08-10.waiters.json");
    let json = std::fs::read(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    parse_waiters(&json).unwrap_or_else(|problems| panic!("{problems:?}"))
}

/// The first acceptor whose matcher holds for `output` (an answer without an error), by the
/// reference interpreter. An expression JMESPath cannot evaluate (`length(null)`) matches
/// nothing, as the generated code's count of a missing list (0) matches nothing either.
fn interpreted(waiter: &ModelWaiter, output: &Value) -> Option<usize> {
    waiter.acceptors.iter().position(|acceptor| match acceptor.matcher {
        Matcher::Status => acceptor.expected == json!(200),
        Matcher::Error => acceptor.expected == json!(false),
        matcher => {
            let argument = acceptor.argument.as_deref().unwrap_or_default();
            let parsed = jmespath::parse(argument).unwrap_or_else(|error| panic!("{error}"));
            let Ok(value) = jmespath::interpret(&parsed.root, output) else {
                return false;
            };
            match (matcher, value) {
                (Matcher::PathAll, Value::Array(items)) => {
                    !items.is_empty() && items.iter().all(|item| *item == acceptor.expected)
                }
                (Matcher::PathAny, Value::Array(items)) => items.contains(&acceptor.expected),
                (Matcher::Path, value) => value == acceptor.expected,
                _ => false,
            }
        }
    })
}

/// Checks `W` on `count` random answers made by `answer`; gives how many matched each way.
fn check<W: Waiter>(count: usize, mut answer: impl FnMut(&mut Random) -> Value) -> Vec<usize>
where
    <W::Operation as Operation>::Output: serde::Serialize,
{
    let file = waiters_file();
    let waiter = &file.waiters[W::NAME];
    let mut random = Random(Jitter::seeded(W::NAME.len() as u64));
    let mut matched = vec![0; waiter.acceptors.len() + 1];
    for _ in 0..count {
        let body = answer(&mut random).to_string();
        let headers: [(&str, &str); 0] = [];
        let outcome = W::Operation::parse_response(200, &headers, body.as_bytes());
        let Ok(output) = &outcome else { panic!("{body} does not read") };
        // The interpreter reads what the typed output writes, the same values.
        let json = serde_json::to_value(output).unwrap_or_else(|error| panic!("{error}"));
        let generated = W::matching(&outcome);
        assert_eq!(generated, interpreted(waiter, &json), "{} on {body}", W::NAME);
        matched[generated.unwrap_or(waiter.acceptors.len())] += 1;
    }
    matched
}

/// `{key: value}` without the members that are `None`.
fn object(members: &[(&str, Option<Value>)]) -> Value {
    Value::Object(
        members
            .iter()
            .filter_map(|(key, value)| Some(((*key).to_owned(), value.clone()?)))
            .collect(),
    )
}

const TABLE_STATUSES: &[&str] = &[
    "CREATING",
    "UPDATING",
    "DELETING",
    "ACTIVE",
    "INACCESSIBLE_ENCRYPTION_CREDENTIALS",
    "ARCHIVING",
    "ARCHIVED",
    "OTHER",
];

#[test]
fn table_waiters() {
    let table = |random: &mut Random| {
        let table = (random.below(4) > 0)
            .then(|| object(&[("TableStatus", random.status(TABLE_STATUSES))]));
        object(&[("Table", table)])
    };
    let exists = check::<TableExists>(2000, table);
    assert!(exists[0] > 100 && exists[2] > 100, "both ways seen: {exists:?}");
    check::<TableNotExists>(200, table);
}

#[test]
fn kinesis_streaming_destination_active() {
    const STATUSES: &[&str] =
        &["ENABLING", "ACTIVE", "DISABLING", "DISABLED", "ENABLE_FAILED", "UPDATING"];
    let matched = check::<KinesisStreamingDestinationActive>(5000, |random| {
        let destinations = (random.below(5) > 0).then(|| {
            let count = random.below(4);
            Value::Array(
                (0..count)
                    .map(|_| object(&[("DestinationStatus", random.status(STATUSES))]))
                    .collect(),
            )
        });
        object(&[("KinesisDataStreamDestinations", destinations)])
    });
    // Success (some ACTIVE), failure (every one DISABLED or ENABLE_FAILED), neither.
    assert!(matched.iter().all(|&count| count > 100), "every way seen: {matched:?}");
}

/// A waiter over `outer.inner`, a status of `values` (or none, or no `outer`).
fn status_of(
    outer: &'static str,
    inner: &'static str,
    values: &'static [&'static str],
) -> impl FnMut(&mut Random) -> Value {
    move |random| {
        let description = (random.below(4) > 0).then(|| object(&[(inner, random.status(values))]));
        object(&[(outer, description)])
    }
}

#[test]
fn the_other_status_waiters() {
    const EXPORT: &[&str] = &["IN_PROGRESS", "COMPLETED", "FAILED"];
    check::<ExportCompleted>(500, status_of("ExportDescription", "ExportStatus", EXPORT));
    const IMPORT: &[&str] = &["IN_PROGRESS", "COMPLETED", "CANCELLING", "CANCELLED", "FAILED"];
    check::<ImportCompleted>(500, status_of("ImportTableDescription", "ImportStatus", IMPORT));
    const BULK: &[&str] =
        &["IN_PROGRESS", "COMPLETED", "COMPLETED_WITH_ERRORS", "CANCELLED", "FAILED"];
    let bulk = status_of("BulkOperationDescription", "BulkOperationStatus", BULK);
    check::<BulkOperationCompleted>(500, bulk);
    const INSIGHTS: &[&str] = &["ENABLING", "ENABLED", "DISABLING", "DISABLED", "FAILED"];
    check::<ContributorInsightsEnabled>(500, |random| {
        object(&[("ContributorInsightsStatus", random.status(INSIGHTS))])
    });
}
