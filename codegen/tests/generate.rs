//! Generated code for fixture models: one that uses what AppStream's four operations do not,
//! and the names real models throw at us (`fixtures/names/`).

use std::path::Path;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The generated code: the service's own items, and never a runtime of its own (it names
/// awsjson-runtime).
fn generated_items(name: &str) -> String {
    let mut builder = awsjson_codegen::Builder::new(fixture(name));
    let paginators = fixture(&name.replace(".json", ".paginators.json"));
    if paginators.is_file() {
        builder.paginators(paginators);
    }
    let source = builder.generate().unwrap_or_else(|error| panic!("{error}"));
    let fixture = name;
    // The runtime is modules and traits; generated code has neither.
    for line in source.lines().map(str::trim_start) {
        let own = ["mod ", "pub mod ", "trait ", "pub trait "].iter().any(|s| line.starts_with(s));
        assert!(!own, "{fixture}: the generated code has `{line}`");
    }
    source
}

#[test]
fn a_bad_runtime_path_is_refused_by_name() {
    let refusal =
        awsjson_codegen::Builder::new(fixture("features.json")).runtime_path("rt::<T>").generate();
    assert_eq!(
        refusal.err().map(|error| error.to_string()).unwrap_or_default(),
        "Builder::runtime_path: `rt::<T>` is not a path to a crate or module: `rt::<T>` has \
         generic arguments"
    );
}

#[test]
fn paging_fixture() {
    insta::assert_snapshot!(generated_items("paging.json"));
}

#[test]
fn feature_fixture() {
    insta::assert_snapshot!(generated_items("features.json"));
}

#[test]
fn names_keywords() {
    insta::assert_snapshot!(generated_items("names/keywords.json"));
}

#[test]
fn names_std() {
    insta::assert_snapshot!(generated_items("names/std.json"));
}

#[test]
fn names_clashes() {
    insta::assert_snapshot!(generated_items("names/clashes.json"));
}

#[test]
fn names_enum_values() {
    insta::assert_snapshot!(generated_items("names/enum-values.json"));
}

#[test]
fn lints_fixture() {
    insta::assert_snapshot!(generated_items("lints.json"));
}

#[test]
fn constraints_fixture() {
    insta::assert_snapshot!(generated_items("constraints.json"));
}
