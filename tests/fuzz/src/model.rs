//! Targets `model_bytes` and `model_mutations`: the generator's pipeline on broken models.
//!
//! [`agree`] is the check both make: a model (JSON bytes, possibly cut to some operations)
//! goes through `awsjson_codegen::check` (`Builder::check`, from a file, since it takes a path)
//! and through the in-memory path (`model::parse`, `ir::build`, `generate`). Neither may panic,
//! and they must agree: `check` accepts exactly what `generate` turns into code, and when both
//! refuse the model they list the same problems. For `model_bytes` (models under
//! [`BUILDER_LIMIT`] bytes, to spare time), the code `generate` gives must also be the same as
//! `Builder::generate`'s.

use crate::mutate;
use awsjson_codegen::{Builder, Error, Problem, ir, model};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Models larger than this skip the second generation through `Builder::generate`.
pub const BUILDER_LIMIT: usize = 64 * 1024;

/// What the pipeline made of a model.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// `model::parse` refused it (and so did `check`).
    Unparsable(Vec<Problem>),
    /// `check` and `generate` refused it with these problems.
    Invalid(Vec<Problem>),
    /// Generated code.
    Generated(String),
}

/// Target `model_bytes`: the bytes are a model.
pub fn fuzz_bytes(data: &[u8]) {
    agree(data, None, data.len() <= BUILDER_LIMIT);
}

/// Target `model_mutations`: the bytes choose a real model, operations and mutations
/// ([`mutate::Program`]).
pub fn fuzz_mutations(data: &[u8]) {
    let program = mutate::Program::decode(data);
    let Some(mutant) = program.apply() else { return };
    let operations: Option<Vec<&str>> =
        mutant.operations.as_ref().map(|names| names.iter().map(String::as_str).collect());
    agree(&mutant.json, operations.as_deref(), false);
}

/// A file of this process's own for `check` to read, removed when dropped.
struct TempModel(PathBuf);

impl TempModel {
    fn new(json: &[u8]) -> Option<TempModel> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let count = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let path = dir.join(format!("fuzz-model-{}-{count}.json", std::process::id()));
        std::fs::write(&path, json).ok()?;
        Some(TempModel(path))
    }
}

impl Drop for TempModel {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn problems(error: Error) -> Result<Vec<Problem>, String> {
    match error {
        Error::Invalid { problems, .. } => Ok(problems),
        other => Err(other.to_string()),
    }
}

/// Runs the model through `check` and `generate`, panicking where they disagree; with
/// `builder_too`, also through `Builder::generate`, which must give the same code.
pub fn agree(json: &[u8], operations: Option<&[&str]>, builder_too: bool) -> Outcome {
    let what = || {
        let ops = operations.map(|ops| format!(" (operations {ops:?})")).unwrap_or_default();
        let head: String = String::from_utf8_lossy(json).chars().take(2000).collect();
        format!("model{ops}: {head}")
    };
    let Some(file) = TempModel::new(json) else { return Outcome::Invalid(Vec::new()) };
    let mut builder = Builder::new(&file.0);
    // Warnings (constraints left unchecked) are no refusal; mutants have plenty, shown nowhere.
    builder.on_warning(|_| Ok(()));
    if let Some(operations) = operations {
        builder.operations(operations.iter().copied());
    }
    let checked = builder.check();
    let parsed = match model::parse(json) {
        Ok(parsed) => parsed,
        Err(parse_problems) => {
            match checked.map_err(problems) {
                Err(Ok(checked)) => assert_eq!(
                    checked,
                    parse_problems,
                    "check and model::parse give other problems: {}",
                    what()
                ),
                Err(Err(other)) => panic!("check failed otherwise ({other}): {}", what()),
                Ok(summary) => {
                    panic!("check accepted ({summary}) what model::parse refused: {}", what())
                }
            }
            return Outcome::Unparsable(parse_problems);
        }
    };
    if operations.is_none() {
        // `check` of the whole model is `ir::build`.
        let built = ir::build(&parsed);
        assert_eq!(
            built.is_ok(),
            checked.is_ok(),
            "ir::build {} but check {}: {}",
            if built.is_ok() { "accepted" } else { "refused" },
            if checked.is_ok() { "accepted" } else { "refused" },
            what()
        );
    }
    let generated = awsjson_codegen::generate(&parsed, Path::new("fuzz.json"), operations);
    match (checked, generated) {
        (Ok(_), Ok(code)) => {
            assert!(
                code.starts_with("// @generated"),
                "generated code without its header: {}",
                what()
            );
            if builder_too {
                let file_name = file.0.file_name().map(|name| name.to_string_lossy().into_owned());
                match builder.generate() {
                    Ok(again) => assert!(
                        again.replacen(&file_name.unwrap_or_default(), "fuzz.json", 1) == code,
                        "Builder::generate and generate give other code: {}",
                        what()
                    ),
                    Err(error) => {
                        panic!(
                            "Builder::generate failed ({error}) where generate did not: {}",
                            what()
                        )
                    }
                }
            }
            Outcome::Generated(code)
        }
        (Ok(summary), Err(error)) => {
            panic!("check accepted the model ({summary}) but generate failed: {error}\n{}", what())
        }
        (Err(error), Ok(_)) => {
            panic!("generate accepted the model but check failed: {error}\n{}", what())
        }
        (Err(checked), Err(generated)) => match (problems(checked), problems(generated)) {
            (Ok(checked), Ok(generated)) => {
                assert_eq!(
                    checked,
                    generated,
                    "check and generate list other problems: {}",
                    what()
                );
                Outcome::Invalid(checked)
            }
            (checked, generated) => {
                panic!(
                    "check and generate failed otherwise: {checked:?} / {generated:?}: {}",
                    what()
                )
            }
        },
    }
}
