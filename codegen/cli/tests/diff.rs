//! `codegen diff` on fixture pairs: `fixtures/diff/base.json` against each one-change model in
//! the same folder, each report a reviewed snapshot; and the verdict and exit status each case
//! must give.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/diff")
}

/// Every case: (name, breaking?). A new file in the folder must be added here.
const CASES: &[(&str, bool)] = &[
    ("deprecation", false),
    ("documentation-only", false),
    ("enum-value-added", false),
    ("enum-value-removed", true),
    ("error-added", false),
    ("list-of-structures", false),
    ("member-added", false),
    ("member-removed", true),
    ("member-type-changed", true),
    ("operation-added", false),
    ("operation-removed", true),
    ("required-added", true),
    ("required-removed", true),
    ("shared-shape", false),
];

fn report(case: &str) -> awsjson_cli::diff::Report {
    let new = fixtures().join(format!("{case}.json"));
    awsjson_cli::diff::diff(&fixtures().join("base.json"), &new).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_fixture_is_a_case() {
    let mut files: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap_or_else(|error| panic!("{error}"))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .filter(|name| name != "base")
        .collect();
    files.sort();
    let cases: Vec<&str> = CASES.iter().map(|(name, _)| *name).collect();
    assert_eq!(files, cases);
}

#[test]
fn each_case_reports_its_change_and_verdict() {
    for (case, breaking) in CASES {
        let report = report(case);
        insta::assert_snapshot!(*case, report.text(*case == "documentation-only"));
        assert_eq!(report.verdict.is_breaking(), *breaking, "{case}");
    }
}

#[test]
fn a_model_against_itself_has_no_changes() {
    let base = fixtures().join("base.json");
    let report = awsjson_cli::diff::diff(&base, &base).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.rust.is_empty() && !report.verdict.is_breaking());
    assert_eq!(
        report.text(true),
        "no api changes\n\nRust impact\n  none\n\nVerdict: compatible (code: compatible, wire: compatible)\n"
    );
}

#[test]
fn json_carries_the_same_content() {
    let json = report("required-added").json(false).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!(json);
}

fn codegen(args: &[&str]) -> std::process::Output {
    let output =
        Command::new(env!("CARGO_BIN_EXE_codegen")).args(args).current_dir(fixtures()).output();
    output.unwrap_or_else(|error| panic!("cannot run codegen: {error}"))
}

#[test]
fn exit_status_is_0_compatible_2_breaking_1_error() {
    let status = |args: &[&str]| codegen(args).status.code();
    assert_eq!(status(&["diff", "base.json", "member-added.json"]), Some(0));
    assert_eq!(status(&["diff", "base.json", "member-removed.json", "--format", "json"]), Some(2));
    let broken = codegen(&["diff", "base.json", "../bad/truncated.json"]);
    assert_eq!(broken.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&broken.stderr),
        "error: the new model: `../bad/truncated.json` has a problem: shape `GoRequest`, member \
         `Config`: invalid JSON: EOF while parsing a value at line 5 column 0\n"
    );
    let usage = codegen(&["diff", "base.json"]);
    assert_eq!(usage.status.code(), Some(1), "a bad command line is an error, not `breaking`");
    assert!(String::from_utf8_lossy(&usage.stderr).contains("<NEW>"));
}
