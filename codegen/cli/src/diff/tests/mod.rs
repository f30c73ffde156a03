//! The changelog rules, each on tiny models: mostly one operation `Op` that takes shape `In`
//! and returns `Out`.

mod deltas;
mod report;

use super::{Changelog, OperationDelta, changelog};
use awsjson_codegen::model::Model;
use serde_json::{Value, json};

pub(super) fn model(operations: Value, shapes: Value) -> Model {
    serde_json::from_value(json!({
        "metadata": {"protocol": "json", "targetPrefix": "Test"},
        "operations": operations,
        "shapes": shapes,
    }))
    .unwrap()
}

/// A model whose one operation `Op` takes `In` and returns `Out`, both among `shapes`.
pub(super) fn op_model(shapes: Value) -> Model {
    let operation = json!({"name": "Op", "input": {"shape": "In"}, "output": {"shape": "Out"}});
    model(json!({ "Op": operation }), shapes)
}

pub(super) fn extended(mut shapes: Value, more: Value) -> Value {
    let (Some(shapes_map), Value::Object(more)) = (shapes.as_object_mut(), more) else {
        panic!("shapes and more must be objects");
    };
    shapes_map.extend(more);
    shapes
}

/// The deltas of `Op` from `old` to `new` shapes; `None` when `Op` is not updated.
pub(super) fn op_delta(old: Value, new: Value) -> Option<(Option<String>, Option<String>)> {
    let log = changelog(&op_model(old), &op_model(new));
    assert!(log.new_operations.is_empty() && log.removed_operations.is_empty());
    match log.updated.as_slice() {
        [] => None,
        [OperationDelta { operation, request, response }] if operation == "Op" => {
            Some((request.clone(), response.clone()))
        }
        other => panic!("unexpected updates {other:?}"),
    }
}

/// A changelog that reports nothing.
fn nothing() -> Changelog {
    Changelog {
        new_operations: vec![],
        removed_operations: vec![],
        updated: vec![],
        documentation_only: vec![],
    }
}
