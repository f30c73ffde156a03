//! The README's client against a real AWS-compatible server (moto): DynamoDB, SQS, Secrets
//! Manager and CloudWatch (over Smithy RPC v2 CBOR) called with generated types, signed with
//! aws-sigv4 and sent with ureq, every answer checked as typed values.
//!
//! The server is the one at `AWSJSON_MOTO_ENDPOINT` (CI starts it with `.ci/moto`); without
//! that, this test installs moto into its own venv with `.ci/moto`, starts it on a free port and
//! stops it at the end.

use aws_credential_types::Credentials;
use awsjson_runtime::{Blob, EndpointConfig, ResponseError, items, pages};
use moto_tests::client::{BoxError, Client};
use moto_tests::{dynamodb, secretsmanager, sqs};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

// Not a test target of its own: a part of this one, which has the server.
#[path = "moto/cloudwatch_cbor.rs"]
mod cloudwatch_cbor;
#[path = "moto/retries.rs"]
mod retries;
#[path = "moto/waiters.rs"]
mod waiters;

type Outcome = Result<(), String>;

/// A named check against the server.
type Scenario = (&'static str, fn(&Client) -> Outcome);

fn main() -> ExitCode {
    let server = match Server::find_or_start() {
        Ok(server) => server,
        Err(why) => {
            eprintln!("moto: no server: {why}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = run(&server.endpoint);
    drop(server);
    outcome
}

fn run(endpoint: &str) -> ExitCode {
    if let Err(why) = reset(endpoint) {
        eprintln!("moto: cannot reset the server at {endpoint}: {why}");
        return ExitCode::FAILURE;
    }
    let endpoints = EndpointConfig::new("us-east-1").url(endpoint);
    let credentials = Credentials::new("testing", "testing", None, None, "moto-tests");
    let client = Client::new(endpoints, credentials);
    let scenarios: &[Scenario] = &[
        ("dynamodb: a table is created active", create_table),
        ("dynamodb: an item of every attribute kind reads back equal", every_attribute_kind),
        ("dynamodb: a query gives its items in order", query),
        ("dynamodb: a scan walked page by page gives every item", scan_page_by_page),
        ("dynamodb: a failed condition is a typed error with its members", failed_condition),
        ("dynamodb: a missing table is a typed error with its message", missing_table),
        ("sqs: a message keeps its string and binary attributes", message_attributes),
        ("secretsmanager: a binary secret reads back equal", binary_secret),
        ("secretsmanager: a missing secret is a typed error with its message", missing_secret),
    ];
    let mut failed = 0;
    let outcomes = (scenarios.iter().chain(waiters::SCENARIOS).chain(cloudwatch_cbor::SCENARIOS))
        .map(|(name, scenario)| (name, scenario(&client)))
        .chain(retries::SCENARIOS.iter().map(|(name, scenario)| (name, scenario(endpoint))));
    for (name, outcome) in outcomes {
        match outcome {
            Ok(()) => println!("ok {name}"),
            Err(why) => {
                failed += 1;
                println!("FAIL {name}: {why}");
            }
        }
    }
    let total = scenarios.len()
        + waiters::SCENARIOS.len()
        + cloudwatch_cbor::SCENARIOS.len()
        + retries::SCENARIOS.len();
    println!("{} passed, {failed} failed", total - failed);
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// `expected == actual`, or why not.
fn same<T: PartialEq + std::fmt::Debug>(what: &str, actual: T, expected: T) -> Outcome {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("{what}: got {actual:?}, expected {expected:?}"))
    }
}

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}

const TABLE: &str = "things";

fn create_table(client: &Client) -> Outcome {
    use dynamodb::{
        AttributeDefinition, BillingMode, CreateTable, CreateTableInput, KeySchemaElement, KeyType,
        ScalarAttributeType, TableStatus,
    };
    let input = CreateTableInput::new(TABLE)
        .with_attribute_definitions(vec![
            AttributeDefinition::new("pk", ScalarAttributeType::S),
            AttributeDefinition::new("sk", ScalarAttributeType::N),
        ])
        .with_key_schema(vec![
            KeySchemaElement::new("pk", KeyType::Hash),
            KeySchemaElement::new("sk", KeyType::Range),
        ])
        .with_billing_mode(BillingMode::PayPerRequest);
    let output = client.call::<CreateTable>(&input).map_err(text)?.map_err(text)?;
    let table = output.table_description.ok_or("no TableDescription")?;
    same("TableName", table.table_name.as_deref(), Some(TABLE))?;
    same("TableStatus", table.table_status, Some(TableStatus::Active))?;
    let keys = table.key_schema.unwrap_or_default();
    same(
        "KeySchema",
        keys,
        vec![
            KeySchemaElement::new("pk", KeyType::Hash),
            KeySchemaElement::new("sk", KeyType::Range),
        ],
    )
}

type Item = BTreeMap<String, dynamodb::AttributeValue>;

fn s(value: &str) -> dynamodb::AttributeValue {
    dynamodb::AttributeValue::new().with_s(value)
}

fn n(value: &str) -> dynamodb::AttributeValue {
    dynamodb::AttributeValue::new().with_n(value)
}

fn key(pk: &str, sk: &str) -> Item {
    [("pk".to_owned(), s(pk)), ("sk".to_owned(), n(sk))].into()
}

/// An item with every kind of attribute value.
fn every_kind() -> Item {
    use dynamodb::AttributeValue as V;
    let list = vec![s("x"), n("2"), V::new().with_bool(false), V::new().with_null(true)];
    let map: Item = [
        ("inner".to_owned(), s("y")),
        ("nested".to_owned(), V::new().with_m([("k".to_owned(), n("3"))])),
    ]
    .into();
    let mut item = key("kinds", "1");
    item.extend([
        ("s".to_owned(), s("h\u{e9}llo \"w\u{f6}rld\" \u{1f600}")),
        ("n".to_owned(), n("123.45")),
        ("b".to_owned(), V::new().with_b(Blob::new(vec![0, 1, 2, 255]))),
        ("t".to_owned(), V::new().with_bool(true)),
        ("z".to_owned(), V::new().with_null(true)),
        ("l".to_owned(), V::new().with_l(list)),
        ("m".to_owned(), V::new().with_m(map)),
        ("ss".to_owned(), V::new().with_ss(vec!["b".into(), "a".into()])),
        ("ns".to_owned(), V::new().with_ns(vec!["3".into(), "1.5".into()])),
        ("bs".to_owned(), V::new().with_bs(vec![Blob::new(vec![1]), Blob::new(vec![255])])),
    ]);
    item
}

fn every_attribute_kind(client: &Client) -> Outcome {
    use dynamodb::{GetItem, GetItemInput, PutItem, PutItemInput};
    client.call::<PutItem>(&PutItemInput::new(TABLE, every_kind())).map_err(text)?.map_err(text)?;
    let read = client.call::<GetItem>(&GetItemInput::new(TABLE, key("kinds", "1")));
    same("Item", read.map_err(text)?.map_err(text)?.item, Some(every_kind()))
}

/// Rows `pk = "row"`, `sk` 1 to 4, each with its number as `v`.
fn put_rows(client: &Client) -> Outcome {
    use dynamodb::{PutItem, PutItemInput};
    for sk in ["1", "2", "3", "4"] {
        let mut item = key("row", sk);
        item.insert("v".to_owned(), s(&format!("row {sk}")));
        client.call::<PutItem>(&PutItemInput::new(TABLE, item)).map_err(text)?.map_err(text)?;
    }
    Ok(())
}

fn query(client: &Client) -> Outcome {
    use dynamodb::{Query, QueryInput};
    put_rows(client)?;
    let input = QueryInput::new(TABLE)
        .with_key_condition_expression("pk = :pk AND sk >= :min")
        .with_expression_attribute_values([
            (":pk".to_owned(), s("row")),
            (":min".to_owned(), n("3")),
        ])
        .with_scan_index_forward(false);
    let output = client.call::<Query>(&input).map_err(text)?.map_err(text)?;
    same("Count", output.count, Some(2))?;
    let values: Vec<Option<String>> = (output.items.unwrap_or_default().iter())
        .map(|item| item.get("v").and_then(|v| v.s.clone()))
        .collect();
    same("v", values, vec![Some("row 4".to_owned()), Some("row 3".to_owned())])
}

fn scan_page_by_page(client: &Client) -> Outcome {
    use dynamodb::{Scan, ScanInput};
    let input = ScanInput::new(TABLE).with_limit(1);
    let send = |input: &ScanInput| client.call::<Scan>(input)?.map_err(BoxError::from);
    let walked: Vec<_> =
        pages::<Scan, _, _>(input.clone(), send).collect::<Result<_, _>>().map_err(text)?;
    // Five items (the item of every kind and four rows), one a page.
    same("pages with an item", walked.iter().filter(|page| page.count == Some(1)).count(), 5)?;
    let mut keys: Vec<String> = items::<Scan, _, _>(input, send)
        .map(|item| item.map(|item| format!("{:?}", item.get("sk").and_then(|v| v.n.clone()))))
        .collect::<Result<_, _>>()
        .map_err(text)?;
    keys.sort();
    same("items", keys.len(), 5)
}

fn failed_condition(client: &Client) -> Outcome {
    use dynamodb::{PutItem, PutItemError, PutItemInput, ReturnValuesOnConditionCheckFailure};
    let input = PutItemInput::new(TABLE, key("kinds", "1"))
        .with_condition_expression("attribute_not_exists(pk)")
        .with_return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld);
    match client.call::<PutItem>(&input).map_err(text)? {
        Err(ResponseError::Service {
            error: PutItemError::ConditionalCheckFailedException(error),
            meta,
            ..
        }) => {
            same("status", meta.status, 400)?;
            same("has a request id", meta.request_id.is_some(), true)?;
            same("message", error.message.as_deref(), Some("The conditional request failed"))?;
            same("Item", error.item, Some(every_kind()))
        }
        other => Err(format!("expected ConditionalCheckFailedException, got {other:?}")),
    }
}

fn missing_table(client: &Client) -> Outcome {
    use dynamodb::{GetItem, GetItemError, GetItemInput};
    match client
        .call::<GetItem>(&GetItemInput::new("no-such-table", key("a", "1")))
        .map_err(text)?
    {
        Err(ResponseError::Service {
            error: GetItemError::ResourceNotFoundException(error),
            ..
        }) => same("message", error.message.as_deref(), Some("Requested resource not found")),
        other => Err(format!("expected ResourceNotFoundException, got {other:?}")),
    }
}

fn message_attributes(client: &Client) -> Outcome {
    use sqs::{
        CreateQueue, CreateQueueRequest, MessageAttributeValue, ReceiveMessage,
        ReceiveMessageRequest, SendMessage, SendMessageRequest,
    };
    let created = client
        .call::<CreateQueue>(&CreateQueueRequest::new("things"))
        .map_err(text)?
        .map_err(text)?;
    let queue_url = created.queue_url.ok_or("no QueueUrl")?;
    let attributes: BTreeMap<String, MessageAttributeValue> = [
        ("text".to_owned(), MessageAttributeValue::new("String").with_string_value("value-1")),
        (
            "bytes".to_owned(),
            MessageAttributeValue::new("Binary").with_binary_value(Blob::new(vec![0, 1, 2, 255])),
        ),
    ]
    .into();
    let send = SendMessageRequest::new(queue_url.clone(), "hello from rust")
        .with_message_attributes(attributes.clone());
    let sent = client.call::<SendMessage>(&send).map_err(text)?.map_err(text)?;
    let receive =
        ReceiveMessageRequest::new(queue_url).with_message_attribute_names(vec!["All".to_owned()]);
    let received = client.call::<ReceiveMessage>(&receive).map_err(text)?.map_err(text)?;
    let messages = received.messages.unwrap_or_default();
    same("messages", messages.len(), 1)?;
    same("MessageId", messages[0].message_id.clone(), sent.message_id)?;
    same("Body", messages[0].body.as_deref(), Some("hello from rust"))?;
    same("MessageAttributes", messages[0].message_attributes.clone(), Some(attributes))
}

fn binary_secret(client: &Client) -> Outcome {
    use secretsmanager::{
        CreateSecret, CreateSecretRequest, GetSecretValue, GetSecretValueRequest,
    };
    let secret = Blob::new(vec![0, 1, 2, 254, 255, b'h', b'i']);
    let input = CreateSecretRequest::new("things/secret").with_secret_binary(secret.clone());
    let created = client.call::<CreateSecret>(&input).map_err(text)?.map_err(text)?;
    same("Name", created.name.as_deref(), Some("things/secret"))?;
    let read = client.call::<GetSecretValue>(&GetSecretValueRequest::new("things/secret"));
    let read = read.map_err(text)?.map_err(text)?;
    same("SecretBinary", read.secret_binary, Some(secret))?;
    same("has a CreatedDate", read.created_date.is_some(), true)
}

fn missing_secret(client: &Client) -> Outcome {
    use secretsmanager::{GetSecretValue, GetSecretValueError, GetSecretValueRequest};
    match client
        .call::<GetSecretValue>(&GetSecretValueRequest::new("no/such/secret"))
        .map_err(text)?
    {
        Err(ResponseError::Service {
            error: GetSecretValueError::ResourceNotFoundException(error),
            ..
        }) => same(
            "message",
            error.message.as_deref(),
            Some("Secrets Manager can't find the specified secret."),
        ),
        other => Err(format!("expected ResourceNotFoundException, got {other:?}")),
    }
}

/// Forgets every table, queue, secret and metric, so a run starts from nothing.
fn reset(endpoint: &str) -> Result<(), String> {
    let url = format!("{}/moto-api/reset", endpoint.trim_end_matches('/'));
    ureq::post(&url).send_empty().map(|_| ()).map_err(text)
}

/// The server the scenarios call, stopped on drop if this test started it.
struct Server {
    endpoint: String,
    pid_file: Option<PathBuf>,
}

impl Server {
    fn find_or_start() -> Result<Server, String> {
        if let Ok(endpoint) = std::env::var("AWSJSON_MOTO_ENDPOINT") {
            return Ok(Server { endpoint, pid_file: None });
        }
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.ci/moto");
        let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("moto-venv");
        // Every run: a no-op when the venv has the pinned version, an upgrade when it has another.
        moto(&script, &[Path::new("install").as_os_str(), venv.as_os_str()])?;
        let port = free_port()?;
        let pid_file = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("moto-{port}.pid"));
        let port_text = port.to_string();
        moto(
            &script,
            &["start".as_ref(), venv.as_os_str(), port_text.as_ref(), pid_file.as_os_str()],
        )?;
        Ok(Server { endpoint: format!("http://127.0.0.1:{port}"), pid_file: Some(pid_file) })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(pid_file) = &self.pid_file {
            let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.ci/moto");
            if let Err(why) = moto(&script, &["stop".as_ref(), pid_file.as_os_str()]) {
                eprintln!("moto: {why}");
            }
        }
    }
}

fn moto(script: &Path, args: &[&std::ffi::OsStr]) -> Result<(), String> {
    let status = Command::new("bash").arg(script).args(args).status();
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("`{} {args:?}` failed ({status})", script.display())),
        Err(error) => Err(format!("cannot run bash: {error}")),
    }
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(text)?;
    listener.local_addr().map(|address| address.port()).map_err(text)
}
