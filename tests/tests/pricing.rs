//! AWS Pricing, from botocore's model (`tests/models/pricing-2017-10-15.json`): a price list
//! is a list of `jsonvalue` strings, each read as the document its JSON text holds, written
//! back as that text, and walked page by page.

use awsjson_runtime::{Document, Operation, Validate as _, items};
use serde_json::json;
use wire_tests::pricing::*;

/// A page of two products as the service sends it: each product is JSON text in a string,
/// its keys in the service's order.
const PAGE: &str = concat!(
    r#"{"FormatVersion":"aws_v1","PriceList":["#,
    r#""{\"serviceCode\":\"AmazonEC2\",\"product\":{\"sku\":\"A1\",\"productFamily\":\"Storage\"}}","#,
    r#""[1,2.5,null]"],"NextToken":"t"}"#
);

fn products() -> Vec<Document> {
    vec![
        json!({"serviceCode": "AmazonEC2", "product": {"sku": "A1", "productFamily": "Storage"}}),
        json!([1, 2.5, null]),
    ]
}

/// Read as documents, written back as the same text: keys in the order they came in.
#[test]
fn a_price_list_reads_as_documents_and_is_written_as_it_came() {
    let output = GetProducts::parse_response(200, &[], PAGE.as_bytes()).unwrap();
    assert_eq!(output.price_list, Some(products()));
    assert_eq!(output.validate(), Ok(()));
    assert_eq!(String::from_utf8(awsjson_runtime::to_vec(&output).unwrap()).unwrap(), PAGE);
    assert_eq!(serde_json::to_string(&output).unwrap(), PAGE);
}

#[test]
fn a_product_that_is_no_json_text_is_named_by_its_index() {
    let read = |body: &str| GetProducts::parse_response(200, &[], body.as_bytes()).unwrap_err();
    assert_eq!(
        read(r#"{"PriceList":["{}","{\"sku\""]}"#).to_string(),
        "at `PriceList[1]`: the jsonvalue string is not JSON (EOF \
         while parsing an object at line 1 column 6 of the string) at line 1 column 30"
    );
    assert_eq!(
        read(r#"{"PriceList":["{}",{"sku":"A1"}]}"#).to_string(),
        "at `PriceList[1]`: invalid type: map, expected a string at \
         line 1 column 19"
    );
}

#[test]
fn every_product_of_every_page_is_a_document() {
    let mut tokens = Vec::new();
    let send = |input: &GetProductsRequest| {
        tokens.push(input.next_token.clone());
        let body = match input.next_token.as_deref() {
            None => PAGE,
            _ => r#"{"FormatVersion":"aws_v1","PriceList":["{\"sku\":\"B2\"}"]}"#,
        };
        GetProducts::parse_response(200, &[], body.as_bytes())
    };
    let first = GetProductsRequest::new("AmazonEC2").with_max_results(2);
    let read: Result<Vec<Document>, _> = items::<GetProducts, _, _>(first, send).collect();
    let mut expected = products();
    expected.push(json!({"sku": "B2"}));
    assert_eq!(read.unwrap(), expected);
    assert_eq!(tokens, [None, Some("t".to_owned())]);
}
