//! DynamoDB's waiters, generated from botocore's `waiters-2.json`, waiting on moto through the
//! README's client: a table created until `TableExists`, deleted until `TableNotExists`.

use super::{Outcome, same, text};
use awsjson_runtime::waiter::{Finished, Wait, WaitConfig, Waiter, wait};
use moto_tests::client::{BoxError, Client};
use moto_tests::dynamodb::waiters::{TableExists, TableNotExists};
use moto_tests::dynamodb::{self, DescribeTable, DescribeTableInput};
use std::time::{Duration, Instant};

/// A scenario against moto through the client.
pub type Scenario = (&'static str, fn(&Client) -> Outcome);

pub const SCENARIOS: &[Scenario] = &[
    ("waiters: TableExists waits for a new table", table_exists),
    ("waiters: TableNotExists waits for a deleted table", table_not_exists),
];

const TABLE: &str = "waited";

/// The model's waiter with delays of milliseconds, so the scenario takes no minutes.
fn quick<W: Waiter>() -> Wait<W> {
    let config = WaitConfig::of::<W>()
        .min_delay(Duration::from_millis(20))
        .max_delay(Duration::from_millis(100))
        .max_wait(Duration::from_secs(10));
    Wait::new(config)
}

/// Waits with `waiting`, polling DescribeTable on `TABLE`.
fn wait_for<W: Waiter<Operation = DescribeTable>>(
    client: &Client,
    waiting: Wait<W>,
) -> Result<Finished<DescribeTable>, String> {
    let started = Instant::now();
    let input = DescribeTableInput::new(TABLE);
    let poll = || client.call::<DescribeTable>(&input);
    wait(waiting, poll, std::thread::sleep, || started.elapsed()).map_err(
        |error: awsjson_runtime::waiter::WaitError<DescribeTable, BoxError>| error.to_string(),
    )
}

fn table_exists(client: &Client) -> Outcome {
    use dynamodb::{
        AttributeDefinition, BillingMode, CreateTable, CreateTableInput, KeySchemaElement, KeyType,
        ScalarAttributeType, TableStatus,
    };
    let input = CreateTableInput::new(TABLE)
        .with_attribute_definitions(vec![AttributeDefinition::new("pk", ScalarAttributeType::S)])
        .with_key_schema(vec![KeySchemaElement::new("pk", KeyType::Hash)])
        .with_billing_mode(BillingMode::PayPerRequest);
    client.call::<CreateTable>(&input).map_err(text)?.map_err(text)?;
    let finished = wait_for(client, quick::<TableExists>())?;
    same(
        "acceptor",
        finished.acceptor.to_string(),
        r#"acceptor 0 (success: `Table.TableStatus` is `"ACTIVE"`)"#.to_owned(),
    )?;
    let output = finished.outcome.map_err(text)?;
    let status = output.table.and_then(|table| table.table_status);
    same("TableStatus", status, Some(TableStatus::Active))
}

fn table_not_exists(client: &Client) -> Outcome {
    use dynamodb::{DeleteTable, DeleteTableInput};
    client.call::<DeleteTable>(&DeleteTableInput::new(TABLE)).map_err(text)?.map_err(text)?;
    let finished = wait_for(client, quick::<TableNotExists>())?;
    same(
        "acceptor",
        finished.acceptor.to_string(),
        "acceptor 0 (success: the error is `ResourceNotFoundException`)".to_owned(),
    )?;
    same("an error", finished.outcome.is_err(), true)?;
    // TableExists retries on that error, and times out.
    let waiting = Wait::<TableExists>::new(
        WaitConfig::of::<TableExists>()
            .min_delay(Duration::from_millis(20))
            .max_delay(Duration::from_millis(40))
            .max_wait(Duration::from_millis(300)),
    );
    let timed_out = wait_for(client, waiting).err().unwrap_or_default();
    same("timed out", timed_out.starts_with("no acceptor said success or failure in 0.3 s"), true)
}
