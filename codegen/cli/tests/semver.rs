//! `codegen diff`'s release verdicts against cargo-semver-checks: for each fixture pair of
//! `codegen/tests/fixtures/diff/` and both struct styles, crates are generated from the old and
//! the new model and compared by cargo-semver-checks; the release it requires must be ours.
//!
//! Two things it does not judge, so the test accounts for them:
//! - Additions. cargo-semver-checks lints what breaks (and deprecations); an addition passes as
//!   a patch, where Cargo's rules ask a minor release of it (the Cargo book: "adding new public
//!   items" is minor, so that code using them does not build against an older patch). So where
//!   the diff says minor and cargo-semver-checks patch, the test checks that cargo-semver-checks
//!   sees the change the other way round as a removal it calls major: an addition, seen.
//! - Types. cargo-semver-checks compares no types (its issues #148 and #149): a field whose type
//!   changes passes every lint. Those cases are in `UNSEEN`, with the reason; an entry that
//!   stops disagreeing fails the test, so the table cannot go stale.
//! - The wire. A change only the wire sees (`target-prefix-changed`) is a patch for both; the
//!   diff's wire verdict (breaking) is something no API checker can see.
//!
//! It needs cargo-semver-checks, so it is ignored by `cargo test`; run it with
//! `cargo install cargo-semver-checks --locked` and
//! `cargo test -p awsjson-cli --test semver -- --ignored --nocapture`.

use awsjson_cli::diff::Release;
use awsjson_codegen::{Builder, StructStyle};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/diff")
}

fn runtime() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime")
}

/// A crate of the code generated from `model` with `style`, in `dir`.
fn generated_crate(dir: &Path, model: &Path, style: StructStyle) {
    let manifest = format!(
        "[package]\nname = \"things\"\nversion = \"1.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [lib]\npath = \"lib.rs\"\n\n[dependencies]\nawsjson-runtime = {{ path = {:?} }}\n\n\
         [workspace]\n",
        runtime().display()
    );
    let code = Builder::new(model)
        .struct_style(style)
        .generate()
        .unwrap_or_else(|error| panic!("{}: {error}", model.display()));
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(dir.join("Cargo.toml"), manifest))
        .and_then(|()| std::fs::write(dir.join("lib.rs"), code));
    written.unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
}

/// The release cargo-semver-checks asks for between the crates in `old` and `new`.
fn semver_checks(old: &Path, new: &Path, target: &Path) -> Result<Release, String> {
    let output = Command::new("cargo")
        .args(["semver-checks", "check-release", "--release-type", "patch", "--manifest-path"])
        .arg(new.join("Cargo.toml"))
        .arg("--baseline-root")
        .arg(old)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .map_err(|error| format!("cannot run cargo semver-checks: {error}"))?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    if text.contains("no such command") || text.contains("no such subcommand") {
        return Err(
            "cargo-semver-checks is not installed: cargo install cargo-semver-checks --locked"
                .into(),
        );
    }
    if text.contains("requires new major version") {
        Ok(Release::Major)
    } else if text.contains("requires new minor version") {
        Ok(Release::Minor)
    } else if output.status.success() {
        Ok(Release::Patch)
    } else {
        Err(format!("cargo semver-checks failed:\n{text}"))
    }
}

/// Cases (struct style and fixture) where cargo-semver-checks cannot see the change, with the
/// release it gives and why the diff's is right.
const UNSEEN: &[(&str, Release, &str)] = &[
    ("NonExhaustive member-type-changed", Release::Patch, TYPE_CHANGE),
    ("Literal member-type-changed", Release::Patch, TYPE_CHANGE),
];

const TYPE_CHANGE: &str = "it compares no types: `size` going from `i32` to `String` passes \
    every lint, yet `request.size = 3` and `with_size(3)` no longer compile";

/// How cargo-semver-checks's release for a case compares with the diff's.
fn agreement(
    case: &str,
    ours: Release,
    old: &Path,
    new: &Path,
    target: &Path,
) -> Result<String, String> {
    let run =
        |old: &Path, new: &Path| semver_checks(old, new, target).unwrap_or_else(|e| panic!("{e}"));
    let theirs = run(old, new);
    if ours == theirs {
        return Ok(format!("cargo-semver-checks {theirs}"));
    }
    if (ours, theirs) == (Release::Minor, Release::Patch) && run(new, old) == Release::Major {
        return Ok(format!(
            "cargo-semver-checks {theirs} (an addition: it does not lint those, and calls the reverse major)"
        ));
    }
    match UNSEEN.iter().find(|(unseen, ..)| *unseen == case) {
        Some((_, release, why)) if *release == theirs => {
            Ok(format!("cargo-semver-checks {theirs}, which cannot see it: {why}"))
        }
        _ => Err(format!("cargo-semver-checks {theirs}")),
    }
}

#[test]
#[ignore = "needs cargo-semver-checks; see the file's header"]
fn release_verdicts_agree_with_cargo_semver_checks() {
    let scratch = std::env::temp_dir().join(format!("codegen-semver-{}", std::process::id()));
    let target = scratch.join("target");
    let base = fixtures().join("base.json");
    let mut cases: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap_or_else(|error| panic!("{error}"))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .filter(|name| name != "base")
        .collect();
    cases.sort();
    let mut disagreements = Vec::new();
    let mut table = String::new();
    let mut seen_unseen = Vec::new();
    for style in [StructStyle::NonExhaustive, StructStyle::Literal] {
        let old = scratch.join(format!("{style:?}-base"));
        generated_crate(&old, &base, style);
        for case in &cases {
            let model = fixtures().join(format!("{case}.json"));
            let new = scratch.join(format!("{style:?}-{case}"));
            generated_crate(&new, &model, style);
            let verdict = awsjson_cli::diff::diff_with(&base, &model, style)
                .unwrap_or_else(|error| panic!("{case}: {error}"))
                .verdict;
            let name = format!("{style:?} {case}");
            let outcome = agreement(&name, verdict.release, &old, &new, &target);
            if let Some(at) = UNSEEN.iter().position(|(unseen, ..)| *unseen == name) {
                seen_unseen.push(at);
                if matches!(&outcome, Ok(line) if !line.contains("cannot see")) {
                    disagreements.push(format!("{name}: listed in UNSEEN, but they agree now"));
                }
            }
            let line = outcome.unwrap_or_else(|line| {
                disagreements.push(format!("{name}: diff {}, {line}", verdict.release));
                line
            });
            table.push_str(&format!(
                "{name}: diff {} (wire {}), {line}\n",
                verdict.release, verdict.wire
            ));
        }
    }
    for (at, (unseen, ..)) in UNSEEN.iter().enumerate() {
        if !seen_unseen.contains(&at) {
            disagreements.push(format!("{unseen}: listed in UNSEEN, but no such case"));
        }
    }
    println!("{table}");
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
