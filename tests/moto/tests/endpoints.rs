//! DynamoDB's endpoints from generated code: the parameters an operation's input binds
//! (`contextParam`, `operationContextParams`) reach the rule set, no server needed.

use awsjson_runtime::endpoints::Params;
use awsjson_runtime::{EndpointConfig, Operation};
use moto_tests::dynamodb::{
    BatchGetItem, BatchGetItemInput, GetItem, GetItemInput, KeysAndAttributes,
};
use std::collections::BTreeMap;

const TABLE: &str = "arn:aws:dynamodb:us-east-1:222222222222:table/table_name";

fn account_endpoints() -> EndpointConfig {
    EndpointConfig::new("us-east-1").account_id_endpoint_mode("preferred")
}

#[test]
fn a_table_arn_in_the_input_picks_the_account_endpoint() {
    let input = GetItemInput::new(TABLE, BTreeMap::new());
    let mut params = Params::new();
    GetItem::endpoint_params(&input, &mut params);
    assert_eq!(
        params.get("ResourceArn").map(ToString::to_string).as_deref(),
        Some(format!("{TABLE:?}").as_str())
    );
    let endpoint = GetItem::endpoint(&input, &account_endpoints()).map(|e| e.to_string());
    assert_eq!(endpoint.as_deref(), Ok("https://222222222222.ddb.us-east-1.amazonaws.com"));
    let plain =
        GetItem::endpoint(&GetItemInput::new("table_name", BTreeMap::new()), &account_endpoints());
    assert_eq!(
        plain.map(|e| e.to_string()).as_deref(),
        Ok("https://dynamodb.us-east-1.amazonaws.com")
    );
}

#[test]
fn a_path_through_the_input_binds_a_list_of_arns() {
    let mut items = BTreeMap::new();
    items.insert(TABLE.to_owned(), KeysAndAttributes::new(Vec::new()));
    let input = BatchGetItemInput::new(items);
    let mut params = Params::new();
    BatchGetItem::endpoint_params(&input, &mut params);
    assert_eq!(
        params.get("ResourceArnList").map(ToString::to_string),
        Some(format!("[{TABLE:?}]"))
    );
    let endpoint = BatchGetItem::endpoint(&input, &account_endpoints()).map(|e| e.to_string());
    assert_eq!(endpoint.as_deref(), Ok("https://222222222222.ddb.us-east-1.amazonaws.com"));
}

#[test]
fn dynamodb_local_is_a_region_of_its_rule_set() {
    let input = GetItemInput::new("t", BTreeMap::new());
    let endpoint = GetItem::endpoint(&input, &EndpointConfig::new("local")).map(|e| e.to_string());
    assert_eq!(endpoint.as_deref(), Ok("http://localhost:8000"));
}
