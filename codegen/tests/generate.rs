//! Generated code for fixture models: one that uses what AppStream's four operations do not,
//! and the names real models throw at us (`fixtures/names/`).

use std::path::Path;

/// The generated code without the runtime module, which is the same for every model.
fn generated_items(fixture: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture);
    let source =
        awsjson_codegen::Builder::new(path).generate().unwrap_or_else(|error| panic!("{error}"));
    let mut lines = source.lines();
    let mut kept: Vec<&str> =
        lines.by_ref().take_while(|line| *line != "pub mod runtime {").collect();
    let after_runtime = lines.skip_while(|line| *line != "}").skip(1);
    kept.extend(after_runtime);
    kept.join("\n")
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
