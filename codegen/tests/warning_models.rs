//! Every model in `tests/fixtures/warnings/` asks for a check the generator cannot make. It is
//! never refused for it: `check` passes with warnings, `generate` writes the code and reports
//! the same warnings, and the generated docs say what is left unchecked and why. The warnings
//! and those doc lines are a reviewed snapshot per model. The directory is listed, so a new
//! fixture cannot be left out.

use awsjson_codegen::{Builder, Warning};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

mod support;

fn fixtures() -> Vec<PathBuf> {
    support::json_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/warnings"))
}

/// A builder for `path` whose hook collects the warnings it is given.
fn collecting(path: &Path) -> (Builder, Arc<Mutex<Vec<Warning>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut builder = Builder::new(path);
    let hook_seen = Arc::clone(&seen);
    builder.on_warning(move |warning| {
        hook_seen.lock().unwrap().push(warning.clone());
        Ok(())
    });
    (builder, seen)
}

/// The generated doc lines that say what is checked and what is not, each block followed by
/// the declaration of the item or field it documents.
fn constraint_docs(source: &str) -> String {
    let mut out = String::new();
    let mut pending = Vec::new();
    for line in source.lines().map(str::trim) {
        if line.starts_with("///") {
            if line.contains("Constraints:") || line.contains("`validate()` leaves") {
                pending.push(line);
            }
        } else if line.starts_with("pub ") && !pending.is_empty() {
            for doc in pending.drain(..) {
                out.push_str(doc);
                out.push('\n');
            }
            out.push_str(line);
            out.push_str("\n\n");
        }
    }
    out
}

#[test]
fn every_model_with_an_unchecked_constraint_generates_and_says_so() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 10, "only {} models with warnings", fixtures.len());
    for path in &fixtures {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (builder, seen) = collecting(path);
        let summary = builder.check().unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(!summary.warnings.is_empty(), "{name} has no warning");
        let checked = std::mem::take(&mut *seen.lock().unwrap());
        assert_eq!(checked, summary.warnings, "{name}: the hook and the summary disagree");
        let source = builder.generate().unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(*seen.lock().unwrap(), checked, "{name}: check and generate disagree");
        let warnings: String =
            checked.iter().map(|warning| format!("warning: {warning}\n")).collect();
        let report = format!("{warnings}{summary}\n\n{}", constraint_docs(&source));
        insta::assert_snapshot!(name, report);
    }
}
