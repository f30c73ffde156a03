//! `codegen conformance` on the project's suites (`tests/conformance/`) and on fixtures that
//! must fail: wrong expectations, malformed suites, a suite the generator refuses.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The runs share one cached harness project, so they take turns.
static HARNESS: Mutex<()> = Mutex::new(());

fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("conformance")
}

/// Runs `codegen conformance` on `files`: exit code and standard output.
fn conformance(files: &[PathBuf]) -> (i32, String) {
    let _turn = HARNESS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    conformance_in_turn(files)
}

/// [`conformance`] for a caller that holds the turn.
fn conformance_in_turn(files: &[PathBuf]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("conformance")
        .args(files)
        .arg("--cache-dir")
        .arg(cache_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    (output.status.code().unwrap(), stdout)
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/conformance").join(name)
}

#[test]
fn every_project_suite_passes() {
    let files = json_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance"));
    let cases: usize = files
        .iter()
        .map(|file| {
            let suites: serde_json::Value =
                serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
            suites
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["cases"].as_array().unwrap().len())
                .sum::<usize>()
        })
        .sum();
    assert!(cases >= 80, "only {cases} cases");
    let (code, stdout) = conformance(&files);
    let failures: Vec<&str> = stdout.lines().filter(|line| !line.starts_with("ok ")).collect();
    assert_eq!(failures, [format!("{cases} passed, 0 failed")], "{stdout}");
    assert_eq!(code, 0);
}

#[test]
fn wrong_expectations_fail_with_readable_differences() {
    let (code, stdout) = conformance(&[fixture("wrong_expectations.json")]);
    assert_eq!(
        stdout,
        "ok Wrong expectations / right_body\n\
         FAIL Wrong expectations / wrong_body: header `X-Amz-Target` is `Fixture.Go`, expected \
         `Fixture.Went`; body at `Name` is \"a\", expected \"b\"; body at `Extra` is missing \
         (expected true)\n\
         FAIL Wrong expectations / wrong_result: result at `At` is 1422172800.5, expected \
         1422172800\n\
         FAIL Wrong expectations / wrong_error: error code is `Throttled`, expected `Throttling`; \
         error message is \"slow\", expected \"slow down\"\n\
         1 passed, 3 failed\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn malformed_suites_name_suite_and_case_and_the_run_goes_on() {
    let truncated = fixture("truncated.json");
    let (code, stdout) = conformance(&[fixture("malformed.json"), truncated.clone()]);
    assert_eq!(
        stdout,
        format!(
            "FAIL Malformed cases / no_given: has no `given`\n\
             FAIL Malformed cases / typo_in_params: at `params`: `Nmae` is not a member\n\
             ok Malformed cases / fine\n\
             FAIL Malformed cases / #4: is neither an input case (`params`, `serialized`) nor an \
             output case (`response`)\n\
             FAIL Unknown shape type / cannot_generate: the generator cannot handle the suite: \
             shape `Text`: unknown shape type `text`\n\
             FAIL No metadata: has no `metadata`\n\
             FAIL {}: invalid JSON: EOF while parsing a list at line 1 column 40\n\
             1 passed, 6 failed\n",
            truncated.display()
        )
    );
    assert_eq!(code, 1);
}

#[test]
fn a_second_run_rewrites_nothing() {
    let files = [fixture("wrong_expectations.json")];
    let _turn = HARNESS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    conformance_in_turn(&files);
    let modified = |dir: PathBuf| -> Vec<(PathBuf, std::time::SystemTime)> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap())
            .map(|entry| (entry.path(), entry.metadata().unwrap().modified().unwrap()))
            .collect();
        files.sort();
        files
    };
    let before = modified(cache_dir().join("src"));
    let (_, stdout) = conformance_in_turn(&files);
    assert!(stdout.ends_with("1 passed, 3 failed\n"), "{stdout}");
    assert_eq!(modified(cache_dir().join("src")), before);
}

#[test]
fn no_suite_files_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_codegen")).arg("conformance").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with(
            "error: the following required arguments were not provided:\n  <SUITE.json>..."
        ),
        "{stderr}"
    );
}
