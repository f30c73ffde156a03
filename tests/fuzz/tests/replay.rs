//! Every file of `corpus/<target>/` through its target, then a fixed, deterministic budget of
//! mutations of them (`fuzz_targets::mutator`): a finding kept in the corpus fails this test if
//! it comes back, and every run explores the same small neighbourhood of the seeds.
//!
//! `FUZZ_REPLAY_SCALE=N` multiplies the mutation budgets (for a longer local run);
//! `FUZZ_REPLAY_SAVE=DIR` writes each failing input there, to minimize and keep.

use fuzz_targets::mutator::{Rng, mutate};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files of a folder, sorted by name, so runs are the same everywhere.
fn files(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let data = std::fs::read(entry.path()).ok()?;
            Some((format!("{}/{name}", folder.display()), data))
        })
        .collect();
    files.sort();
    files
}

fn target(name: &str) -> fn(&[u8]) {
    let found = fuzz_targets::TARGETS.iter().find(|(target, _)| *target == name);
    found.map(|(_, run)| *run).unwrap_or_else(|| panic!("no target {name}"))
}

fn scale() -> usize {
    std::env::var("FUZZ_REPLAY_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1)
}

/// Runs `run` on `data`, returning the panic's message if it panicked.
fn outcome(run: fn(&[u8]), data: &[u8]) -> Option<String> {
    let result = catch_unwind(AssertUnwindSafe(|| run(data)));
    let payload = result.err()?;
    let message = (payload.downcast_ref::<String>().cloned())
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "a panic without a message".to_owned());
    Some(message)
}

/// Replays the seeds of `target` (its corpus and `extra` folders), then `mutations` mutants.
fn replay(name: &str, extra: &[&str], mutations: usize) {
    let mut seeds = files(&fuzz_dir().join("corpus").join(name));
    assert!(!seeds.is_empty() || !extra.is_empty(), "no corpus for {name}");
    for folder in extra {
        seeds.extend(files(&fuzz_dir().join(folder)));
    }
    replay_seeds(name, seeds, mutations);
}

/// The CBOR targets' corpus, and `parse_response`'s seeds made into theirs by `convert`.
fn replay_cbor(name: &str, convert: fn(&[u8]) -> Option<Vec<u8>>, mutations: usize) {
    let mut seeds = files(&fuzz_dir().join("corpus").join(name));
    assert!(!seeds.is_empty(), "no corpus for {name}");
    let json_seeds = files(&fuzz_dir().join("corpus/parse_response"));
    let converted = json_seeds
        .iter()
        .filter_map(|(file, data)| convert(data).map(|seed| (format!("{file} as CBOR"), seed)));
    seeds.extend(converted);
    replay_seeds(name, seeds, mutations);
}

/// Runs `name` on every seed, then on `mutations` mutants of them.
fn replay_seeds(name: &str, seeds: Vec<(String, Vec<u8>)>, mutations: usize) {
    let run = target(name);
    let mut failures = Vec::new();
    for (file, data) in &seeds {
        if let Some(message) = outcome(run, data) {
            failures.push(format!("{file}: {message}"));
        }
    }
    let mut rng = Rng::new(
        name.bytes().fold(0, |hash: u64, b| hash.wrapping_mul(31).wrapping_add(u64::from(b))),
    );
    let count = mutations * scale();
    for round in 0..count {
        if seeds.is_empty() {
            break;
        }
        let (file, data) = &seeds[round % seeds.len()];
        let other = &seeds[rng.below(seeds.len())].1;
        let mutant = mutate(data, other, &mut rng);
        if let Some(message) = outcome(run, &mutant) {
            if let Some(dir) = std::env::var_os("FUZZ_REPLAY_SAVE") {
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(Path::new(&dir).join(format!("{name}-{round}")), &mutant);
            }
            failures.push(format!("mutant {round} of {file} ({mutant:?}): {message}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures of {name}:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn parse_response() {
    replay("parse_response", &[], 30_000);
}

#[test]
fn round_trip() {
    replay("round_trip", &["corpus/parse_response"], 30_000);
}

#[test]
fn datetime() {
    replay("datetime", &[], 30_000);
}

/// The real models are seeds too, read where they are; mutating them costs a generation each.
#[test]
fn model_bytes() {
    replay("model_bytes", &["../../model", "../../tests/models"], 150);
}

/// Every construct of the dialect is a seed (`corpus/pattern/java-*`, from
/// `codegen/tests/java/constructs.json`); each mutant compiles a regular expression or two.
#[test]
fn pattern() {
    replay("pattern", &[], 20_000);
}

#[test]
fn model_mutations() {
    replay("model_mutations", &[], 150);
}

#[test]
fn cbor_response() {
    replay_cbor("cbor_response", fuzz_targets::cbor::response_seed, 20_000);
}

#[test]
fn cbor_round_trip() {
    replay_cbor("cbor_round_trip", fuzz_targets::cbor::round_trip_seed, 20_000);
}

/// The CBOR seeds are answers the targets read, so mutants start from real bodies.
#[test]
fn cbor_seeds_read() {
    use appstream_types::runtime::{Decoding, Operation, Protocol, ResponseError, cbor};
    use appstream_types::{DescribeFleets, DescribeFleetsResult};
    let corpus = fuzz_dir().join("corpus");
    let seed = std::fs::read(corpus.join("cbor_response/describe-fleets-200")).unwrap_or_default();
    let response = fuzz_targets::cbor::split(&seed);
    let headers: Vec<(&str, &str)> =
        response.headers.iter().map(|(name, value)| (*name, value.as_str())).collect();
    let read = DescribeFleets::parse_response_for(
        Protocol::RpcV2Cbor,
        response.status,
        &headers,
        response.body,
        Decoding::Strict,
    );
    let fleets = read.map(|decoded| decoded.value.fleets.unwrap_or_default());
    assert_eq!(fleets.map(|fleets| fleets.len()).ok(), Some(1));
    let body = std::fs::read(corpus.join("cbor_round_trip/describe-fleets")).unwrap_or_default();
    let read = cbor::from_body_with::<DescribeFleetsResult>(&body[1..], Decoding::Strict);
    let token = read.map(|decoded| decoded.value.next_token).ok().flatten();
    assert_eq!(token.as_deref(), Some("page-2"));
    let seed = std::fs::read(corpus.join("cbor_response/create-fleet-400-limit-exceeded"));
    let response = fuzz_targets::cbor::split(seed.as_deref().unwrap_or_default());
    let headers: Vec<(&str, &str)> =
        response.headers.iter().map(|(name, value)| (*name, value.as_str())).collect();
    let read = appstream_types::CreateFleet::parse_response_for(
        Protocol::RpcV2Cbor,
        response.status,
        &headers,
        response.body,
        Decoding::Strict,
    );
    match read {
        Err(ResponseError::Service {
            error: appstream_types::CreateFleetError::LimitExceededException(error),
            ..
        }) => assert_eq!(error.message.as_deref(), Some("too many fleets")),
        other => panic!("expected LimitExceededException, got {other:?}"),
    }
    let json_seeds = files(&corpus.join("parse_response"));
    let converted =
        json_seeds.iter().filter(|(_, data)| fuzz_targets::cbor::response_seed(data).is_some());
    assert!(converted.count() * 10 >= json_seeds.len() * 9, "most JSON seeds convert");
}
