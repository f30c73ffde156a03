//! The paging fixture (`codegen/tests/fixtures/paging.json` with `paging.paginators.json`):
//! page loops through every kind of paginator, each page built, sent to a canned service and
//! parsed as a real call would be; the service's facts; and request compression.

pub mod paging {
    include!(concat!(env!("OUT_DIR"), "/paging.rs"));
}

use awsjson_runtime::{
    Operation, PageError, Paginated, RequestOptions, ResponseError, items, pages,
};
use paging::*;
use serde_json::{Value, json};
use std::io::Read as _;

/// A call to a canned service: the request `O` builds is read back as JSON, `answer` gives the
/// body of the reply to it, which `O` parses. `sent` records every request body.
fn call<O: Operation>(
    sent: &mut Vec<Value>,
    answer: impl Fn(&Value) -> Value,
) -> impl FnMut(&O::Input) -> Result<O::Output, ResponseError<O::Error>> {
    move |input| {
        let request = O::request(input).unwrap_or_else(|error| panic!("{}: {error}", O::NAME));
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let reply = answer(&body).to_string();
        sent.push(body);
        O::parse_response(200, &[("x-amzn-RequestId", "r-1")], reply.as_bytes())
    }
}

#[test]
fn a_string_token_walks_every_page_and_every_result() {
    let answer = |body: &Value| match body.get("NextToken").and_then(Value::as_str) {
        None => json!({"Things": [{"Name": "a"}, {"Name": "b"}], "NextToken": "t1"}),
        Some("t1") => json!({"NextToken": "t2"}),
        Some(_) => json!({"Things": [{"Name": "c"}], "NextToken": ""}),
    };
    let mut sent = Vec::new();
    let first = ListThingsInput { max_results: Some(2), ..Default::default() };
    let names: Result<Vec<String>, _> =
        items::<ListThings, _, _>(first, call::<ListThings>(&mut sent, answer))
            .map(|thing| thing.map(|thing| thing.name))
            .collect();
    assert_eq!(names.ok(), Some(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]));
    assert_eq!(
        sent,
        [
            json!({"MaxResults": 2}),
            json!({"NextToken": "t1", "MaxResults": 2}),
            json!({"NextToken": "t2", "MaxResults": 2})
        ]
    );
}

#[test]
fn a_map_token_goes_back_as_it_came_until_more_results_says_no() {
    let answer = |body: &Value| match body.get("ExclusiveStartKey") {
        None => {
            json!({"Page": {"Items": [{"pk": "1"}], "Truncated": true}, "LastEvaluatedKey": {"pk": "1"}})
        }
        Some(_) => {
            json!({"Page": {"Items": [{"pk": "2"}], "Truncated": false}, "LastEvaluatedKey": {"pk": "2"}})
        }
    };
    let mut sent = Vec::new();
    let walked: Vec<_> =
        pages::<ScanItems, _, _>(ScanItemsInput::default(), call::<ScanItems>(&mut sent, answer))
            .collect();
    assert_eq!(walked.len(), 2, "a key with `Truncated: false` is the last page");
    assert_eq!(sent, [json!({}), json!({"ExclusiveStartKey": {"pk": "1"}})]);
    let output = ScanItemsOutput { page: Page::default(), last_evaluated_key: None };
    assert_eq!(ScanItems::next_token(&output), None);
    assert_eq!(ScanItems::items(output), Vec::new());
}

#[test]
fn two_tokens_go_together_and_either_one_means_more() {
    let answer = |body: &Value| match (body.get("Marker"), body.get("Offset")) {
        (None, None) => json!({"Pairs": {"a": "1"}, "NextMarker": "m", "NextOffset": 7}),
        (Some(_), Some(_)) => json!({"Pairs": {"b": "2"}, "NextOffset": 9}),
        _ => json!({"Pairs": {"c": "3"}}),
    };
    let mut sent = Vec::new();
    let pairs: Result<Vec<(String, String)>, _> =
        items::<ListPairs, _, _>(ListPairsInput::default(), call::<ListPairs>(&mut sent, answer))
            .collect();
    assert_eq!(pairs.map(|pairs| pairs.len()).ok(), Some(3));
    assert_eq!(sent, [json!({}), json!({"Marker": "m", "Offset": 7}), json!({"Offset": 9})]);
}

#[test]
fn without_a_result_key_each_page_is_its_result() {
    let answer = |body: &Value| match body.get("Token") {
        None => json!({"Value": 1, "Token": "next"}),
        Some(_) => json!({"Value": 2}),
    };
    let mut sent = Vec::new();
    let values: Vec<Option<i32>> =
        items::<Describe, _, _>(DescribeInput::default(), call::<Describe>(&mut sent, answer))
            .map(|page| page.ok().and_then(|page| page.value))
            .collect();
    assert_eq!(values, [Some(1), Some(2)]);
}

#[test]
fn a_failed_page_ends_the_walk_with_its_error_and_request_id() {
    let mut calls = 0;
    let walked: Vec<_> = pages::<ListThings, _, _>(ListThingsInput::default(), |_| {
        calls += 1;
        let body = if calls == 1 {
            r#"{"NextToken":"t"}"#
        } else {
            r#"{"__type":"Throttling","message":"slow"}"#
        };
        let status = if calls == 1 { 200 } else { 400 };
        ListThings::parse_response(status, &[("x-amzn-RequestId", "req-2")], body.as_bytes())
    })
    .collect();
    assert_eq!(walked.len(), 2);
    let Some(Err(PageError::Send(error))) = walked.last() else {
        panic!("the second page should have failed: {walked:?}");
    };
    assert_eq!(error.to_string(), "Throttling (HTTP 400): slow (request id req-2)");
}

#[test]
fn the_service_facts_come_from_the_metadata() {
    assert_eq!(SERVICE.signing_name, Some("pager"));
    assert_eq!(SERVICE.endpoint_prefix, Some("paging"));
    assert_eq!((SERVICE.service_id, SERVICE.api_version), (Some("Paging"), Some("2024-01-01")));
    assert_eq!(ListThings::SERVICE, SERVICE);
    let endpoint = SERVICE.endpoint("ap-southeast-2").map(|endpoint| endpoint.to_string());
    assert_eq!(endpoint.as_deref(), Ok("https://paging.ap-southeast-2.amazonaws.com"));
}

fn gunzip(body: &[u8]) -> String {
    let mut text = String::new();
    let read = flate2::read::GzDecoder::new(body).read_to_string(&mut text);
    assert!(read.is_ok(), "not gzip: {read:?}");
    text
}

#[test]
fn a_large_body_of_an_operation_that_asks_for_compression_is_sent_gzipped() {
    assert_eq!(Upload::REQUEST_COMPRESSION, ["gzip"]);
    let input = UploadInput::new("x".repeat(20_000));
    let request = Upload::request(&input).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(request.header("Content-Encoding"), Some("gzip"));
    assert_eq!(request.header("Content-Length"), Some(request.body.len().to_string().as_str()));
    assert!(request.body.len() < 200, "{} bytes", request.body.len());
    assert_eq!(gunzip(&request.body), format!(r#"{{"Data":"{}"}}"#, "x".repeat(20_000)));
    // The same body as an `http::Request`: the same headers, `Host` first.
    let endpoint = SERVICE.endpoint("us-east-1").unwrap_or_else(|error| panic!("{error}"));
    let http = Upload::http_request(&input, &endpoint).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(http.headers()["content-encoding"], "gzip");
    assert_eq!(http.headers()["host"], "paging.us-east-1.amazonaws.com");
    assert_eq!(gunzip(http.body()).len(), 20_011);
}

#[test]
fn small_bodies_and_other_operations_go_uncompressed() {
    let small = Upload::request(&UploadInput::new("x")).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        (small.header("Content-Encoding"), small.body.as_slice()),
        (None, &br#"{"Data":"x"}"#[..])
    );
    let options = RequestOptions::default().min_compression_size(5);
    let lowered =
        Upload::request_with(&UploadInput::new("x"), &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lowered.header("Content-Encoding"), Some("gzip"));
    let off = RequestOptions::default().without_compression();
    let big = UploadInput::new("x".repeat(20_000));
    let uncompressed = Upload::request_with(&big, &off).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!((uncompressed.header("Content-Encoding"), uncompressed.body.len()), (None, 20_011));
    let list = ListThingsInput { next_token: Some("y".repeat(20_000)), ..Default::default() };
    let other = ListThings::request(&list).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(other.header("Content-Encoding"), None, "ListThings does not ask for compression");
}
