//! No model makes the generator panic: thousands of broken variants of the shipped model each
//! end in generated code or in an error that names where the model is wrong.

use serde_json::{Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

fn shipped_model() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/appstream-2016-12-01.json");
    let text = std::fs::read(&path).unwrap();
    serde_json::from_slice(&text).unwrap()
}

/// Parses and generates, returning the error text, or "" on success; a panic fails the test
/// with the mutation that caused it.
fn run(what: &str, json: &[u8]) -> String {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let model = awsjson_codegen::model::parse(json).map_err(|problems| {
            problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        })?;
        awsjson_codegen::generate(&model, Path::new("mutant.json"), None).map_err(|e| e.to_string())
    }));
    match outcome {
        Ok(Ok(_)) => String::new(),
        Ok(Err(message)) => message,
        Err(_) => panic!("the generator panicked on: {what}"),
    }
}

fn run_value(what: &str, model: &Value) -> String {
    run(what, &serde_json::to_vec(model).unwrap())
}

const WRONG_VALUES: [Value; 0] = [];

fn wrong_values() -> Vec<Value> {
    let mut values = WRONG_VALUES.to_vec();
    values.extend([
        json!(null),
        json!(0),
        json!(-1),
        json!("x"),
        json!([]),
        json!({}),
        json!(true),
    ]);
    values.push(json!([{"shape": "Nope"}]));
    values.push(json!({"shape": "Nope"}));
    values
}

#[test]
fn every_shape_key_removed_or_given_a_wrong_value() {
    let model = shipped_model();
    let shapes = model["shapes"].as_object().unwrap().clone();
    let mut errors = 0;
    for (name, shape) in &shapes {
        for key in shape.as_object().unwrap().keys() {
            let mut mutant = model.clone();
            mutant["shapes"][name].as_object_mut().unwrap().remove(key);
            run_value(&format!("{name}: without {key}"), &mutant);
            for value in wrong_values() {
                let mut mutant = model.clone();
                mutant["shapes"][name][key] = value.clone();
                let message = run_value(&format!("{name}.{key} = {value}"), &mutant);
                errors += usize::from(!message.is_empty());
            }
        }
    }
    assert!(errors > 100, "wrong values should mostly be refused, only {errors} were");
}

#[test]
fn every_shape_given_every_type() {
    let model = shipped_model();
    let names: Vec<String> = model["shapes"].as_object().unwrap().keys().cloned().collect();
    let types = [
        "structure",
        "list",
        "map",
        "string",
        "integer",
        "long",
        "float",
        "double",
        "boolean",
        "blob",
        "timestamp",
        "bogus",
        "",
    ];
    for name in &names {
        for shape_type in types {
            let mut mutant = model.clone();
            mutant["shapes"][name]["type"] = json!(shape_type);
            run_value(&format!("{name}.type = {shape_type}"), &mutant);
        }
    }
}

#[test]
fn every_reference_pointed_at_every_kind_of_shape() {
    let model = shipped_model();
    let shapes = model["shapes"].as_object().unwrap().clone();
    let targets = ["Nope", "Fleet", "FleetList", "FleetState", "Timestamp", "String", ""];
    for (name, shape) in &shapes {
        let members: Vec<String> = shape
            .get("members")
            .and_then(Value::as_object)
            .map(|members| members.keys().cloned().collect())
            .unwrap_or_default();
        for member in &members {
            for target in targets.iter().copied().chain([name.as_str()]) {
                let mut mutant = model.clone();
                mutant["shapes"][name]["members"][member]["shape"] = json!(target);
                run_value(&format!("{name}.{member} -> {target}"), &mutant);
            }
        }
        for role in ["member", "key", "value"] {
            if shape.get(role).is_some() {
                let mut mutant = model.clone();
                mutant["shapes"][name][role]["shape"] = json!(name);
                let message = run_value(&format!("{name}.{role} -> itself"), &mutant);
                assert!(message.contains("contains itself"), "{message}");
            }
        }
    }
}

#[test]
fn operations_pointed_at_anything() {
    let model = shipped_model();
    let operations: Vec<String> =
        model["operations"].as_object().unwrap().keys().cloned().collect();
    for operation in &operations {
        for role in ["input", "output"] {
            for target in ["Nope", "String", "FleetList", "FleetState", "Fleet"] {
                let mut mutant = model.clone();
                mutant["operations"][operation][role] = json!({"shape": target});
                run_value(&format!("{operation}.{role} -> {target}"), &mutant);
            }
        }
        for errors in [
            json!([]),
            json!([{"shape": "String"}]),
            json!([{"shape": "Fleet"}, {"shape": "Fleet"}]),
        ] {
            let mut mutant = model.clone();
            mutant["operations"][operation]["errors"] = errors.clone();
            run_value(&format!("{operation}.errors = {errors}"), &mutant);
        }
    }
}

#[test]
fn hostile_names() {
    let model = shipped_model();
    for hostile in [
        "", " ", "1", "r#type", "self", "Self", "crate", "type", "Unknown", "ü", "\u{0}", "a\"b",
        "{}", "Fleet\n",
    ] {
        let mut mutant = model.clone();
        let shapes = mutant["shapes"].as_object_mut().unwrap();
        let fleet = shapes.remove("Fleet").unwrap();
        shapes.insert(hostile.to_owned(), fleet);
        mutant["shapes"]["FleetList"]["member"]["shape"] = json!(hostile);
        mutant["shapes"]["CreateFleetResult"]["members"]["Fleet"]["shape"] = json!(hostile);
        mutant["shapes"]["UpdateFleetResult"]["members"]["Fleet"]["shape"] = json!(hostile);
        mutant["shapes"]["FleetState"]["enum"] = json!([hostile, "x"]);
        mutant["shapes"]["VpcConfig"]["members"][hostile] = json!({"shape": "String"});
        run_value(&format!("a shape, member and enum value named {hostile:?}"), &mutant);
    }
}

#[test]
fn truncated_text_at_many_places() {
    let text = serde_json::to_vec(&shipped_model()).unwrap();
    for end in (0..text.len()).step_by(37) {
        let message = run(&format!("the model cut at byte {end}"), &text[..end]);
        assert!(message.contains("invalid JSON") || message.contains("missing field"), "{message}");
    }
}
