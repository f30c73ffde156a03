//! Every distinct JMESPath `argument` of botocore's waiter acceptors
//! (`tests/fixtures/jmespath/waiter_expressions.json`, kept in step with botocore by
//! `tests/jmespath/waiter_expressions.py`) parses, and is written back as text that parses to
//! the same tree.

use std::path::Path;

use awsjson_codegen::jmespath::parse;

#[derive(serde::Deserialize)]
struct Fixture {
    botocore: String,
    expressions: Vec<Entry>,
}

#[derive(serde::Deserialize)]
struct Entry {
    expression: String,
    waiters: Vec<String>,
}

#[test]
fn every_waiter_expression_parses_and_round_trips() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/jmespath/waiter_expressions.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let fixture: Fixture =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(fixture.expressions.len() > 100, "botocore {}: too few", fixture.botocore);
    let mut failures = Vec::new();
    for entry in &fixture.expressions {
        let uses = entry.waiters.join(", ");
        match parse(&entry.expression) {
            Err(error) => failures.push(format!("{uses}: {error}")),
            Ok(parsed) => {
                let written = parsed.root.to_string();
                match parse(&written) {
                    Ok(again) if again.root == parsed.root => {}
                    Ok(_) => failures.push(format!("{uses}: `{written}` is another tree")),
                    Err(error) => failures.push(format!("{uses}: written as {error}")),
                }
            }
        }
    }
    assert!(failures.is_empty(), "botocore {}:\n{}", fixture.botocore, failures.join("\n"));
}
