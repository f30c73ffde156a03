//! Every model the project holds passes `check` with exactly the warnings listed here (most
//! have none): the botocore models in `../shared/models` beside the repository, `model/` and
//! `tests/models/`, and the fixtures (`codegen/tests/fixtures/`, with `names/` and `diff/`).
//! The corpora of broken models and of models with warnings have tests of their own.

use std::path::{Path, PathBuf};

mod support;

/// Models with warnings, by path from the repository's root, and their exact text.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "codegen/tests/fixtures/cbor-documents.json",
        &[
            "operation `ListThings`: cannot go over Smithy RPC v2 CBOR: its output reaches \
             document shape `Attributes` (member `ListThingsResponse.Things[]{}`), which the \
             protocol cannot carry; it goes over awsJson 1.1 only",
            "operation `Poke`: cannot go over Smithy RPC v2 CBOR: its error `Rejected` reaches \
             document shape `Attributes` (member `Rejected.Reason.Data`), which the protocol \
             cannot carry; it goes over awsJson 1.1 only",
            "operation `PutThing`: cannot go over Smithy RPC v2 CBOR: its input reaches document \
             shape `Attributes` (member `PutThingRequest.Details.Attributes`), which the \
             protocol cannot carry; it goes over awsJson 1.1 only",
        ],
    ),
    (
        "codegen/tests/fixtures/unchecked.json",
        &[
            "shape `Choice`: `min` `1` is left unchecked: only strings, blobs, lists, maps and \
             numbers take `min` and `max`, and this shape is a union",
            "shape `CodeString`: `pattern` `^x{2,1}$` is left unchecked: Java's `Pattern` \
             rejects it (the repetition `{2,1}`, whose maximum is below its minimum)",
            "shape `Count`: `min` `3` and `max` `1` are left unchecked: `min` is more than `max`, \
             so no value would be valid",
            "shape `Flag`: `min` `1` is left unchecked: only strings, blobs, lists, maps and \
             numbers take `min` and `max`, and this shape is a boolean",
            "shape `IdList`: `min` `-1` is left unchecked: it is not a length (a whole number, at \
             least 0)",
            "shape `IdString`: `pattern` `a(b` is left unchecked: Java's `Pattern` rejects it (an \
             unclosed group)",
            "shape `Level`: `pattern` `^[12]$` is left unchecked: only strings take a `pattern`, \
             and this shape is an integer enum",
            "shape `NameString`: `min` `10` and `max` `5` are left unchecked: `min` is more than \
             `max`, so no value would be valid",
            "shape `Ratio`: `max` `\"1\"` is left unchecked: it is not a number",
            "shape `Settings`: `max` `2` is left unchecked: only strings, blobs, lists, maps and \
             numbers take `min` and `max`, and this shape is a structure",
            "shape `TagKey`: `pattern` `k(ey` is left unchecked: Java's `Pattern` rejects it (an \
             unclosed group)",
        ],
    ),
];

/// Files beside the models that are not service models.
const NOT_MODELS: &[&str] =
    &[".paginators.json", ".waiters.json", ".endpoint-rule-set.json", ".endpoint-tests.json"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The service models in `dir`, sorted.
fn models_in(dir: &Path) -> Vec<PathBuf> {
    (support::json_files(dir).into_iter())
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name != "partitions.json" && !NOT_MODELS.iter().any(|suffix| name.ends_with(suffix))
        })
        .collect()
}

#[test]
fn every_model_passes_check_with_exactly_its_warnings() {
    let root = root();
    let dirs = [
        ("../shared/models", 6),
        ("model", 3),
        ("tests/models", 3),
        ("codegen/tests/fixtures", 5),
        ("codegen/tests/fixtures/names", 4),
        ("codegen/tests/fixtures/diff", 16),
    ];
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for (dir, at_least) in dirs {
        let path = root.join(dir);
        // The project's shared models sit beside its checkouts (`/work/shared/models`).
        assert!(path.is_dir(), "{}: no such directory of models", path.display());
        let models = models_in(&path);
        assert!(models.len() >= at_least, "{dir}: {} models, expected {at_least}", models.len());
        for path in models {
            let name = path.strip_prefix(&root).unwrap_or(&path).display().to_string();
            let expected: &[&str] = (EXPECTED.iter())
                .find(|(model, _)| *model == name)
                .map_or(&[], |(_, warnings)| warnings);
            let mut builder = awsjson_codegen::Builder::new(&path);
            match builder.on_warning(|_| Ok(())).check() {
                Ok(summary) => {
                    let warnings: Vec<String> =
                        summary.warnings.iter().map(ToString::to_string).collect();
                    if warnings != expected {
                        failures.push(format!("{name}: warnings {warnings:#?}"));
                    }
                }
                Err(error) => failures.push(format!("{name}: {error}")),
            }
            seen.push(name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for (model, _) in EXPECTED {
        assert!(seen.iter().any(|name| name == model), "{model} is no model checked here");
    }
}
