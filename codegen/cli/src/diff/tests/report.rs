//! The changelog as a whole: documentation-only entries, new and removed operations, and the
//! text form.

use super::{model, nothing, op_model};
use crate::diff::{Changelog, OperationDelta, changelog};
use awsjson_codegen::model::Model;
use serde_json::{Value, json};

fn documented(operation_doc: &str, shape_doc: &str, member_doc: &str, deprecated: &str) -> Model {
    let operation = json!({"name": "Op", "input": {"shape": "In"}, "documentation": operation_doc,
        "documentationUrl": operation_doc});
    model(
        json!({ "Op": operation }),
        json!({
            "In": {"type": "structure", "documentation": shape_doc, "members": {
                "Name": {"shape": "S", "documentation": member_doc},
                "Old": {"shape": "S", "deprecated": true, "deprecatedMessage": deprecated}}},
            "S": {"type": "string"},
        }),
    )
}

#[test]
fn documentation_alone_is_no_api_change() {
    let old = documented("a", "a", "a", "a");
    let cases: [(Model, &[&str]); 4] = [
        (documented("b", "a", "a", "a"), &["operation `Op`"]),
        (documented("a", "b", "a", "a"), &["shape `In`"]),
        (documented("a", "a", "b", "a"), &["shape `In`, member `Name`"]),
        (
            documented("b", "b", "b", "b"),
            &[
                "operation `Op`",
                "shape `In`",
                "shape `In`, member `Name`",
                "shape `In`, member `Old`",
            ],
        ),
    ];
    for (new, expected) in cases {
        let log = changelog(&old, &new);
        assert_eq!(log.documentation_only, expected);
        assert_eq!(Changelog { documentation_only: vec![], ..log }, nothing());
    }
}

#[test]
fn documentation_of_an_updated_operation_or_changed_shape_is_not_listed() {
    let shapes = |members: Value, doc: &str| {
        json!({
            "In": {"type": "structure", "documentation": doc, "members": members},
            "Out": {"type": "structure", "members": {}},
            "S": {"type": "string"},
        })
    };
    let old = op_model(shapes(json!({"A": {"shape": "S"}}), "old"));
    let mut new = op_model(shapes(json!({"A": {"shape": "S"}, "B": {"shape": "S"}}), "new"));
    if let Some(operation) = new.operations.get_mut("Op") {
        operation.documentation = Some("new".to_owned());
    }
    let log = changelog(&old, &new);
    assert_eq!(log.documentation_only, Vec::<String>::new());
    assert_eq!(log.updated.len(), 1);
}

#[test]
fn new_and_removed_operations_and_inputs() {
    let shapes = json!({
        "In": {"type": "structure", "members": {"A": {"shape": "S"}}},
        "S": {"type": "string"},
    });
    let old = model(
        json!({"Gone": {"name": "Gone"}, "Kept": {"name": "Kept"}, "Later": {"name": "Later"}}),
        shapes.clone(),
    );
    let new = model(
        json!({"Added": {"name": "Added"}, "Kept": {"name": "Kept"},
            "Later": {"name": "Later", "input": {"shape": "In"}}}),
        shapes,
    );
    let log = changelog(&old, &new);
    assert_eq!(log.new_operations, ["Added"]);
    assert_eq!(log.removed_operations, ["Gone"]);
    let later = OperationDelta {
        operation: "Later".to_owned(),
        request: Some("{'A': 'string'}".to_owned()),
        response: None,
    };
    assert_eq!(log.updated, [later]);
    let expected = "1 updated api methods\n1 new api methods\n1 removed api methods\n\nLater\n\
                    {'A': 'string'}\n\nNew: Added\nRemoved: Gone\n";
    assert_eq!(log.text(false), expected);
    assert_eq!(changelog(&new, &old).updated[0].request, None, "an input removed adds nothing");
}

fn delta(operation: &str, request: Option<&str>, response: Option<&str>) -> OperationDelta {
    OperationDelta {
        operation: operation.to_owned(),
        request: request.map(str::to_owned),
        response: response.map(str::to_owned),
    }
}

#[test]
fn text() {
    let full = Changelog {
        new_operations: vec!["A".to_owned(), "B".to_owned()],
        removed_operations: vec![],
        updated: vec![
            delta("Both", Some("{'X': 123}"), Some("{'Y': 'string'}")),
            delta("Neither", None, None),
            delta("RequestOnly", Some("{'X': 123}"), None),
            delta("ResponseOnly", None, Some("{'Y': 'string'}")),
        ],
        documentation_only: vec!["operation `Doc`".to_owned(), "shape `S`".to_owned()],
    };
    let full_text = "4 updated api methods\n2 new api methods\n\
        \nBoth\n{'X': 123}\nResponse\n{'Y': 'string'}\
        \n\nNeither\n(no additions)\
        \n\nRequestOnly\n{'X': 123}\
        \n\nResponseOnly\nResponse\n{'Y': 'string'}\
        \n\nNew: A, B\n";
    let documentation = "\nDocumentation only:\noperation `Doc`\nshape `S`\n";
    let documentation_only =
        Changelog { documentation_only: full.documentation_only.clone(), ..nothing() };
    let removed = Changelog { removed_operations: vec!["C".to_owned()], ..nothing() };
    let cases = [
        (&full, false, full_text.to_owned()),
        (&full, true, format!("{full_text}{documentation}")),
        (&documentation_only, false, "no api changes\n".to_owned()),
        (&documentation_only, true, format!("no api changes\n{documentation}")),
        (&removed, true, "1 removed api methods\n\nRemoved: C\n".to_owned()),
        (&nothing(), true, "no api changes\n".to_owned()),
    ];
    for (changelog, with_documentation, expected) in cases {
        assert_eq!(changelog.text(with_documentation), expected, "for {changelog:?}");
    }
}

/// `jsonvalue` on a list's elements and a map's values changes the member's Rust type and its
/// JSON: both are named in the element's terms.
#[test]
fn jsonvalue_elements_change_the_rust_type_and_the_wire() {
    let shapes = |element: Value| {
        json!({
            "In": {"type": "structure", "members": {"L": {"shape": "Texts"}, "M": {"shape": "ByName"}}},
            "Out": {"type": "structure", "members": {}},
            "Texts": {"type": "list", "member": element.clone()},
            "ByName": {"type": "map", "key": {"shape": "S"}, "value": element},
            "S": {"type": "string"},
        })
    };
    let old = op_model(shapes(json!({"shape": "S"})));
    let new = op_model(shapes(json!({"shape": "S", "jsonvalue": true})));
    let report = crate::diff::compare(&old, &new, awsjson_codegen::StructStyle::NonExhaustive)
        .unwrap_or_else(|(which, problems)| panic!("{which}: {problems:?}"));
    let text = report.text(false);
    let impact = &text[text.find("Rust impact").unwrap_or_default()..];
    assert_eq!(
        impact,
        "Rust impact
  struct In
    field `l` type `Vec<String>` → `Vec<Document>`
      code: major (code that builds or reads it must change)
      wire: breaking (its JSON changes from array of string to array of string (JSON text))
    field `m` type `BTreeMap<String, String>` → `BTreeMap<String, Document>`
      code: major (code that builds or reads it must change)
      wire: breaking (its JSON changes from object of string to object of string (JSON text))

Verdict: a major release (code: major, with non-exhaustive structs; wire: breaking)
"
    );
}
