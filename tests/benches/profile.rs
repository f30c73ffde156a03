//! `cargo bench -p wire-tests --bench profile -- SUBJECT [N]`: one subject of the wire bench,
//! run N times (default 1) with nothing else timed, for profilers. `tests/benches/callgrind.sh`
//! counts the instructions of every subject with callgrind (`--toggle-collect='*subject_*'`,
//! so building the bodies is not counted).

use appstream_types::runtime::Operation;
use appstream_types::{DescribeFleets, DescribeSessions};
use serde::de::IgnoredAny;
use std::hint::black_box;
use std::process::ExitCode;
use wire_tests::bodies;
use wire_tests::pricing::GetProducts;

const SUBJECTS: &str = "decode-fleets, decode-sessions, ignored-fleets, ignored-sessions, \
                        encode-fleets, serde-encode-fleets, value-encode-fleets, \
                        value-decode-fleets, decode-products, ignored-products, encode-products, \
                        ignored-documents, value-decode-documents, value-encode-documents, \
                        cbor-decode-fleets, cbor-encode-fleets";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).filter(|arg| arg != "--bench");
    // `cargo bench` runs every bench binary with no subject: nothing to profile then.
    let Some(subject) = args.next() else {
        eprintln!("profile: nothing to run without a SUBJECT [N]; SUBJECT is one of {SUBJECTS}");
        return ExitCode::SUCCESS;
    };
    let count = match args.next().map(|n| n.parse::<usize>()) {
        None => 1,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("N must be a whole number of runs");
            return ExitCode::from(2);
        }
    };
    let fleets = bodies::describe_fleets(1000);
    let sessions = bodies::describe_sessions(1000);
    let output = match DescribeFleets::parse_response(200, &[], &fleets) {
        Ok(output) => output,
        Err(error) => {
            eprintln!("the fleets body does not decode: {error}");
            return ExitCode::FAILURE;
        }
    };
    let value: serde_json::Value = serde_json::from_slice(&fleets).unwrap_or_default();
    let fleets_cbor = appstream_types::runtime::cbor::to_vec(&output).unwrap_or_default();
    // AWS Pricing's page of 100 products as `jsonvalue` strings, and the same as documents.
    let page = bodies::get_products(100);
    let prices = GetProducts::parse_response(200, &[], &page).unwrap_or_default();
    let documents = bodies::products(100);
    let documents_value: serde_json::Value = serde_json::from_str(&documents).unwrap_or_default();
    for _ in 0..count {
        match subject.as_str() {
            "decode-fleets" => subject_decode_fleets(&fleets),
            "cbor-decode-fleets" => subject_cbor_decode_fleets(&fleets_cbor),
            "cbor-encode-fleets" => subject_cbor_encode(&output),
            "decode-sessions" => subject_decode_sessions(&sessions),
            "ignored-fleets" => subject_ignored(&fleets),
            "ignored-sessions" => subject_ignored(&sessions),
            "encode-fleets" => subject_fast_encode(&output),
            "serde-encode-fleets" => subject_encode(&output),
            "value-encode-fleets" => subject_encode(&value),
            "value-decode-fleets" => subject_value_decode(&fleets),
            "decode-products" => subject_decode_products(&page),
            "ignored-products" => subject_ignored(&page),
            "encode-products" => subject_fast_encode(&prices),
            "ignored-documents" => subject_ignored(documents.as_bytes()),
            "value-decode-documents" => subject_value_decode(documents.as_bytes()),
            "value-encode-documents" => subject_encode(&documents_value),
            other => {
                eprintln!("no subject `{other}`; one of {SUBJECTS}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

#[inline(never)]
fn subject_decode_fleets(body: &[u8]) {
    drop(black_box(DescribeFleets::parse_response(200, &[], black_box(body))));
}

#[inline(never)]
fn subject_decode_sessions(body: &[u8]) {
    drop(black_box(DescribeSessions::parse_response(200, &[], black_box(body))));
}

#[inline(never)]
fn subject_ignored(body: &[u8]) {
    drop(black_box(serde_json::from_slice::<IgnoredAny>(black_box(body))));
}

#[inline(never)]
fn subject_decode_products(body: &[u8]) {
    drop(black_box(GetProducts::parse_response(200, &[], black_box(body))));
}

#[inline(never)]
fn subject_value_decode(body: &[u8]) {
    drop(black_box(serde_json::from_slice::<serde_json::Value>(black_box(body))));
}

#[inline(never)]
fn subject_fast_encode<T: appstream_types::runtime::fast::Encode>(value: &T) {
    drop(black_box(appstream_types::runtime::to_vec(black_box(value))));
}

#[inline(never)]
fn subject_encode<T: serde::Serialize>(value: &T) {
    drop(black_box(serde_json::to_vec(black_box(value))));
}

#[inline(never)]
fn subject_cbor_decode_fleets(body: &[u8]) {
    use appstream_types::runtime::{Decoding, Protocol};
    let headers = [("Smithy-Protocol", "rpc-v2-cbor")];
    let decoding = Decoding::Correcting;
    let parsed =
        DescribeFleets::parse_response_for(Protocol::RpcV2Cbor, 200, &headers, body, decoding);
    drop(black_box(parsed));
}

#[inline(never)]
fn subject_cbor_encode<T: serde::Serialize>(value: &T) {
    drop(black_box(appstream_types::runtime::cbor::to_vec(black_box(value))));
}
