//! `codegen diff` on fixture pairs: `fixtures/diff/base.json` against each one-change model in
//! the same folder, each report a reviewed snapshot; and the verdict and exit status each case
//! must give.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/diff")
}

use awsjson_cli::diff::Release::{self, Major, Minor, Patch};
use awsjson_codegen::StructStyle;

/// Every case: its name, the release it needs with `#[non_exhaustive]` structs and with literal
/// structs, and whether it breaks the wire. A new file in the folder must be added here.
const CASES: &[(&str, Release, Release, bool)] = &[
    ("deprecation", Minor, Minor, false),
    ("documentation-only", Patch, Patch, false),
    ("enum-value-added", Minor, Minor, false),
    ("enum-value-removed", Major, Major, true),
    ("error-added", Minor, Minor, false),
    ("list-of-structures", Minor, Major, false),
    ("member-added", Minor, Major, false),
    ("member-removed", Major, Major, true),
    ("member-type-changed", Major, Major, true),
    ("operation-added", Minor, Minor, false),
    ("operation-removed", Major, Major, true),
    ("required-added", Major, Major, true),
    ("required-removed", Major, Major, true),
    ("shared-shape", Minor, Major, false),
    ("target-prefix-changed", Patch, Patch, true),
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
    let cases: Vec<&str> = CASES.iter().map(|(name, ..)| *name).collect();
    assert_eq!(files, cases);
}

#[test]
fn each_case_reports_its_change_and_verdict() {
    for (case, release, _, wire_breaking) in CASES {
        let report = report(case);
        insta::assert_snapshot!(*case, report.text(*case == "documentation-only"));
        assert_eq!(report.verdict.release, *release, "{case}");
        let wire = report.verdict.wire == awsjson_cli::diff::Verdict::Breaking;
        assert_eq!(wire, *wire_breaking, "{case}");
        assert_eq!(report.verdict.is_breaking(), *release == Major || wire, "{case}");
    }
}

#[test]
fn with_literal_structs_a_new_optional_member_is_a_major_release() {
    for (case, _, release, _) in CASES {
        let new = fixtures().join(format!("{case}.json"));
        let base = fixtures().join("base.json");
        let report = awsjson_cli::diff::diff_with(&base, &new, StructStyle::Literal)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(report.verdict.release, *release, "{case}");
    }
    let base = fixtures().join("base.json");
    let new = fixtures().join("member-added.json");
    let text = awsjson_cli::diff::diff_with(&base, &new, StructStyle::Literal)
        .unwrap_or_else(|e| panic!("{e}"))
        .text(false);
    assert!(
        text.contains(
            "code: major (a struct literal or pattern that names every field no longer compiles \
             (a new public field of a struct without private fields))"
        ),
        "{text}"
    );
    assert!(text.ends_with(
        "Verdict: a major release (code: major, with literal structs; wire: compatible)\n"
    ));
}

#[test]
fn a_model_against_itself_has_no_changes() {
    let base = fixtures().join("base.json");
    let report = awsjson_cli::diff::diff(&base, &base).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.rust.is_empty() && !report.verdict.is_breaking());
    assert_eq!(
        report.text(true),
        "no api changes\n\nRust impact\n  none\n\n\
         Verdict: a patch release (code: patch, with non-exhaustive structs; wire: compatible)\n"
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
    let literal = ["diff", "base.json", "member-added.json", "--struct-style", "literal"];
    assert_eq!(status(&literal), Some(2), "a major release is breaking");
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

/// Waiters are API: one removed is a major release, one added minor; a delay or an acceptor
/// changed is a patch that says what the waiter now waits for.
#[test]
fn waiters_added_removed_and_changed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let model = root.join("model/appstream-2016-12-01.json");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let waiters = awsjson_cli::diff::Waiters {
        old: Some(fixtures.join("waiters-old.json")),
        new: Some(fixtures.join("waiters-new.json")),
    };
    let report = awsjson_cli::diff::diff_with_waiters(&model, &model, &waiters, Default::default());
    let report = report.unwrap_or_else(|error| panic!("{error}"));
    let text = report.text(false);
    let impact = text.split("Rust impact\n").nth(1).unwrap_or_default();
    assert_eq!(
        impact,
        "  waiter FleetGone
    removed
      code: major (code naming `waiters::FleetGone` stops compiling)
      wire: compatible (a waiter changes no request or response)
  waiter FleetStarted
    delay 30 s (was 15 s)
      code: patch (the API is the same; a constant of the waiter holds the new value)
      wire: compatible (a waiter changes no request or response)
    acceptor 2 added: failure when any `Fleets[].State` is `\"STOPPED\"`
      code: patch (no type changes, but the waiter waits for other answers: a change of behaviour, to read before upgrading)
      wire: compatible (a waiter changes no request or response)
  waiter FleetStopped
    added
      code: minor (a new item: `waiters::FleetStopped`)
      wire: compatible (a waiter changes no request or response)

Verdict: a major release (code: major, with non-exhaustive structs; wire: compatible)
"
    );
    let unchanged = awsjson_cli::diff::Waiters { old: waiters.new.clone(), new: waiters.new };
    let same = awsjson_cli::diff::diff_with_waiters(&model, &model, &unchanged, Default::default());
    assert!(same.map(|report| report.rust.is_empty()).unwrap_or(false));
}
