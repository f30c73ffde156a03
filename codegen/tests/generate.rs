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

#[test]
fn unchecked_fixture() {
    insta::assert_snapshot!(generated_items("unchecked.json"));
}

/// What retries need, carried from the model: the codes and `retryable` kinds of the errors
/// (`modeled_error`), the members filled with idempotency tokens, and `awsQueryCompatible`.
#[test]
fn retries_fixture() {
    let source = generated_items("retries.json");
    // Without whitespace, braces and commas, so that the checks do not depend on how
    // prettyplease wraps and braces match arms.
    let code: String =
        source.chars().filter(|c| !c.is_whitespace() && !matches!(c, '{' | '}' | ',')).collect();
    assert!(code.contains(".with_query_compatible();"), "SERVICE is not query-compatible");
    let modeled = |codes: &str, kind: &str| {
        format!(
            "{codes}=>::std::option::Option::Some(::awsjson_runtime::retry::ModeledError::new({kind}))"
        )
    };
    let kind = |kind: &str| {
        format!("::std::option::Option::Some(::awsjson_runtime::retry::RetryKind::{kind})")
    };
    // One arm per kind; `Conflict`'s `error.code` is `Busy`, which the `Busy` error keeps.
    let arms = [
        modeled(
            r#""Missing"|"AWS.Retries.NonExistentItem"|"Conflict""#,
            "::std::option::Option::None",
        ),
        modeled(r#""Busy"|"Stale""#, &kind("Transient")),
        modeled(r#""Overloaded""#, &kind("Throttling")),
    ];
    for arm in arms {
        assert!(code.contains(&arm), "no arm {arm}");
    }
    // GetItem has no modeled errors and no tokens: the traits' defaults serve it.
    assert_eq!(code.matches("fnmodeled_error(").count(), 1);
    assert_eq!(code.matches("fnwith_idempotency_tokens(").count(), 1);
    // The optional string members; not the required one, the enum or the nested one.
    let filled: Vec<&str> = (code.split("=::std::option::Option::Some(token()?);"))
        .map(|before| before.rsplit('.').next().unwrap_or(before))
        .collect();
    assert_eq!(filled[..filled.len() - 1], ["client_token", "r#type", "old_token"]);
    assert_eq!(source.matches("/// Left out, it is sent as a fresh UUID v4").count(), 3);
    insta::assert_snapshot!(source);
}

/// With `StructStyle::Literal`, structs are plain (literals and exhaustive patterns may name
/// them) and have the same constructors and setters; enums and unions stay
/// `#[non_exhaustive]`, since AWS adds values and members without notice.
#[test]
fn literal_style_leaves_structs_open() {
    let generate = |style| {
        awsjson_codegen::Builder::new(fixture("features.json"))
            .struct_style(style)
            .generate()
            .unwrap_or_else(|error| panic!("{error}"))
    };
    let (default, literal) = (
        generate(awsjson_codegen::StructStyle::default()),
        generate(awsjson_codegen::StructStyle::Literal),
    );
    let before_structs = |code: &str| {
        let lines: Vec<&str> = code.lines().collect();
        let mut marked = (0, 0);
        for (index, line) in lines.iter().enumerate() {
            if line.starts_with("pub struct ") && !line.ends_with(';') {
                marked.1 += 1;
                if lines[..index].iter().rev().take(4).any(|l| *l == "#[non_exhaustive]") {
                    marked.0 += 1;
                }
            }
        }
        marked
    };
    let (marked, structs) = before_structs(&default);
    assert!(structs > 5 && marked == structs, "{marked} of {structs} structs non-exhaustive");
    assert_eq!(before_structs(&literal).0, 0);
    assert_eq!(literal.matches("pub fn with_").count(), default.matches("pub fn with_").count());
    let enums = |code: &str| code.matches("#[non_exhaustive]\npub enum").count();
    assert!(enums(&default) > 2, "{}", enums(&default));
    assert_eq!(enums(&literal), enums(&default));
}

/// A model offering Smithy RPC v2 CBOR alone: calls speak it, and the code requires the
/// runtime's `cbor` feature; `Ping` has no input, so sends no body.
#[test]
fn cbor_only_fixture() {
    insta::assert_snapshot!(generated_items("cbor-only.json"));
}

/// Operations reaching a `document` cannot go over CBOR: each says why.
#[test]
fn cbor_documents_fixture() {
    insta::assert_snapshot!(generated_items("cbor-documents.json"));
}
