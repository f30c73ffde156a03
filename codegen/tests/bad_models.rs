//! Every broken model in `tests/fixtures/bad/` ends in an error, never a panic, and its exact
//! message is a reviewed snapshot. The directory is listed, so a new fixture cannot be left out.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

mod support;

fn fixtures() -> Vec<PathBuf> {
    support::json_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad"))
}

/// The error `run` ends in, with the fixture's path replaced by its file name so that the
/// message does not depend on where the checkout is; a panic or a success fails the test.
fn error_of<T>(
    path: &Path,
    what: &str,
    run: impl FnOnce() -> Result<T, awsjson_codegen::Error>,
) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(_)) => panic!("{what} accepted the broken model {name}"),
        Ok(Err(error)) => error.to_string().replace(&path.display().to_string(), &name),
        Err(_) => panic!("{what} panicked on {name}"),
    }
}

#[test]
fn every_bad_model_has_a_reviewed_message() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 25, "only {} bad models", fixtures.len());
    for path in &fixtures {
        let checked = error_of(path, "check", || awsjson_codegen::check(path));
        let generated =
            error_of(path, "generate", || awsjson_codegen::Builder::new(path).generate());
        assert_eq!(checked, generated, "check and generate disagree on {}", path.display());
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, checked);
    }
}
