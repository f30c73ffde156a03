//! Fuzz targets: one plain function per target, taking the fuzzer's bytes. A panic is a
//! finding; every check a target makes is an `assert!` with a message that says what broke.
//!
//! The functions build on stable with no fuzzing dependency, so they are also replayed by
//! `cargo test` (`tests/replay.rs`: every file of `corpus/<target>/` and a fixed budget of
//! mutations of them); `libfuzzer/` is the cargo-fuzz project whose targets each call one of
//! them. `README.md` says what each target checks and how to run it.

pub mod cbor;
pub mod datetime;
pub mod model;
pub mod mutate;
pub mod mutator;
pub mod operations;
pub mod pattern;
pub mod response;
pub mod round_trip;

/// A fuzz target: the fuzzer's bytes in, a panic for a finding.
pub type Target = fn(&[u8]);

/// Every target, by name (the name of its `corpus/` folder and of its cargo-fuzz binary).
pub const TARGETS: &[(&str, Target)] = &[
    ("parse_response", parse_response),
    ("round_trip", round_trip),
    ("datetime", datetime),
    ("model_bytes", model_bytes),
    ("model_mutations", model_mutations),
    ("pattern", pattern),
    ("cbor_response", cbor_response),
    ("cbor_round_trip", cbor_round_trip),
];

/// `Op::parse_response` of any operation of either build, with any status, headers and body:
/// see [`response`].
pub fn parse_response(data: &[u8]) {
    response::fuzz(data);
}

/// Decode, encode, decode and encode again the output of any operation: see [`mod@round_trip`].
pub fn round_trip(data: &[u8]) {
    round_trip::fuzz(data);
}

/// `DateTime` from every text form and from JSON, and back: see [`mod@datetime`].
pub fn datetime(data: &[u8]) {
    datetime::fuzz(data);
}

/// Model bytes through `model::parse`, `ir::build`, `generate` and `check`: see [`model`].
pub fn model_bytes(data: &[u8]) {
    model::fuzz_bytes(data);
}

/// Real models with mutations the bytes choose, through `check` and `generate`: see
/// [`mutate`] and [`model`].
pub fn model_mutations(data: &[u8]) {
    model::fuzz_mutations(data);
}

/// A model's `pattern`, read in Java's dialect and checked by the runtime: see [`mod@pattern`].
pub fn pattern(data: &[u8]) {
    pattern::fuzz(data);
}

/// `Op::parse_response_for(Protocol::RpcV2Cbor, …)` of any operation with any status, headers
/// and body: see [`mod@cbor`].
pub fn cbor_response(data: &[u8]) {
    cbor::fuzz_response(data);
}

/// A CBOR body of any operation's output decoded, encoded and decoded again, and as JSON: see
/// [`mod@cbor`].
pub fn cbor_round_trip(data: &[u8]) {
    cbor::fuzz_round_trip(data);
}
