//! The official compliance suite (github.com/jmespath/jmespath.test), not vendored: run with
//! `JMESPATH_COMPLIANCE_DIR=<checkout>/tests cargo test -p awsjson-codegen --lib
//! jmespath::tests::compliance -- --ignored --nocapture`. Prints the cases passed per file.

use std::path::Path;

use serde_json::Value;

use crate::jmespath::interpret::equal;
use crate::jmespath::{InterpretErrorKind, interpret, parse};

#[derive(serde::Deserialize)]
struct Group {
    given: Value,
    cases: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    expression: String,
    #[serde(default)]
    result: Option<Value>,
    #[serde(default)]
    error: Option<String>,
    /// Benchmarks only say the expression parses or runs.
    #[serde(default)]
    bench: Option<String>,
}

/// Cases where this implementation differs from the suite on purpose, and why.
const DEVIATIONS: &[(&str, &str)] = &[(
    "foo[8:2:0]",
    "a step of 0 is refused when parsed, as no value can make the expression valid; \
     the suite expects an invalid-value error when evaluated",
)];

/// Whether `case` passes on `given`, or why not.
fn run(given: &Value, case: &Case, has_result: bool) -> Result<(), String> {
    let parsed = parse(&case.expression);
    let outcome =
        parsed.as_ref().map_err(|error| ("syntax", error.to_string())).and_then(|expression| {
            interpret(&expression.root, given).map_err(|error| {
                let kind = match error.kind() {
                    InterpretErrorKind::UnknownFunction => "unknown-function",
                    InterpretErrorKind::Arity => "invalid-arity",
                    InterpretErrorKind::Type => "invalid-type",
                    InterpretErrorKind::Value => "invalid-value",
                };
                (kind, error.to_string())
            })
        });
    match (&case.error, &case.bench, outcome) {
        (Some(expected), _, Err((kind, _))) if kind == expected => Ok(()),
        (Some(expected), _, Err((kind, message))) => {
            Err(format!("expected the error {expected}, got {kind}: {message}"))
        }
        (Some(expected), _, Ok(value)) => {
            Err(format!("expected the error {expected}, got {value}"))
        }
        (None, Some(bench), Ok(_)) if bench == "parse" || !has_result => Ok(()),
        (None, Some(bench), _) if bench == "parse" && parsed.is_ok() => Ok(()),
        (None, _, Err((_, message))) => Err(format!("unexpected error: {message}")),
        (None, _, Ok(value)) => {
            let expected = case.result.clone().unwrap_or(Value::Null);
            if equal(&value, &expected) {
                Ok(())
            } else {
                Err(format!("expected {expected}, got {value}"))
            }
        }
    }
}

#[test]
#[ignore = "needs JMESPATH_COMPLIANCE_DIR"]
fn compliance() {
    let Some(dir) = std::env::var_os("JMESPATH_COMPLIANCE_DIR") else {
        panic!("set JMESPATH_COMPLIANCE_DIR to the suite's tests/ directory");
    };
    let mut paths: Vec<_> = std::fs::read_dir(Path::new(&dir))
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for path in &paths {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let groups: Vec<Group> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let (mut passed, mut total) = (0, 0);
        for group in &groups {
            for case in &group.cases {
                total += 1;
                match run(&group.given, case, case.result.is_some()) {
                    Ok(()) => passed += 1,
                    Err(why) => match DEVIATIONS.iter().find(|(e, _)| *e == case.expression) {
                        Some((_, reason)) => {
                            println!("{name}: `{}`: {why} ({reason})", case.expression)
                        }
                        None => failures.push(format!("{name}: `{}`: {why}", case.expression)),
                    },
                }
            }
        }
        println!("{name}: {passed}/{total}");
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
