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
    let run = target(name);
    let mut seeds = files(&fuzz_dir().join("corpus").join(name));
    assert!(!seeds.is_empty() || !extra.is_empty(), "no corpus for {name}");
    for folder in extra {
        seeds.extend(files(&fuzz_dir().join(folder)));
    }
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
