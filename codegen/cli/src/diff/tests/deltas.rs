//! What a delta shows, and which changes make an operation updated.

use super::{extended, model, op_delta, op_model};
use crate::diff::{OperationDelta, changelog};
use serde_json::{Value, json};

fn scalars() -> Value {
    json!({
        "String": {"type": "string"}, "Integer": {"type": "integer"}, "Long": {"type": "long"},
        "Float": {"type": "float"}, "Double": {"type": "double"}, "Boolean": {"type": "boolean"},
        "Timestamp": {"type": "timestamp"}, "Blob": {"type": "blob"},
        "Document": {"type": "structure", "document": true},
        "State": {"type": "string", "enum": ["STARTING", "RUNNING"]},
        "Strings": {"type": "list", "member": {"shape": "String"}},
        "States": {"type": "list", "member": {"shape": "State"}},
        "Tags": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}},
        "Out": {"type": "structure", "members": {}},
    })
}

#[test]
fn a_new_member_is_shown_as_its_type_literal() {
    let cases = [
        ("String", "{'New': 'string'}"),
        ("Integer", "{'New': 123}"),
        ("Long", "{'New': 123}"),
        ("Float", "{'New': 123.0}"),
        ("Double", "{'New': 123.0}"),
        ("Boolean", "{'New': True|False}"),
        ("Timestamp", "{'New': datetime(2015, 1, 1)}"),
        ("Blob", "{'New': b'bytes'}"),
        ("Document", "{'New': {...}}"),
        ("State", "{'New': 'STARTING | RUNNING'}"),
        ("Strings", "{'New': ['string']}"),
        ("States", "{'New': ['STARTING | RUNNING']}"),
        ("Tags", "{'New': {'string': 'string'}}"),
        ("Out", "{'New': {}}"),
    ];
    let old = extended(scalars(), json!({"In": {"type": "structure", "members": {}}}));
    for (shape, expected) in cases {
        let new_in = json!({"type": "structure", "members": {"New": {"shape": shape}}});
        let new = extended(scalars(), json!({ "In": new_in }));
        let delta = op_delta(old.clone(), new);
        assert_eq!(delta, Some((Some(expected.to_owned()), None)), "for {shape}");
    }
}

fn fleet_shapes(vpc_members: Value, state_values: Value) -> Value {
    json!({
        "In": {"type": "structure", "members": {"Vpc": {"shape": "Vpc"}, "Name": {"shape": "S"}}},
        "Out": {"type": "structure", "members": {
            "Fleets": {"shape": "Fleets"}, "ByName": {"shape": "FleetMap"}}},
        "Fleets": {"type": "list", "member": {"shape": "Fleet"}},
        "FleetMap": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "Fleet"}},
        "Fleet": {"type": "structure", "members": {
            "Vpc": {"shape": "Vpc"}, "State": {"shape": "State"}, "Name": {"shape": "S"}}},
        "Vpc": {"type": "structure", "members": vpc_members},
        "State": {"type": "string", "enum": state_values},
        "Ids": {"type": "list", "member": {"shape": "S"}},
        "S": {"type": "string"},
    })
}

#[test]
fn nested_additions_are_seen_through_lists_and_maps() {
    let old = fleet_shapes(json!({"Subnets": {"shape": "Ids"}}), json!(["A", "C"]));
    let new_vpc = json!({"Subnets": {"shape": "Ids"}, "Groups": {"shape": "Ids"}});
    let new = fleet_shapes(new_vpc, json!(["A", "B", "C", "D"]));
    let request = "{'Vpc': {'Groups': ['string']}}";
    let fleet = "{'State': ['B', 'D'], 'Vpc': {'Groups': ['string']}}";
    let response = format!("{{'ByName': {fleet}, 'Fleets': {fleet}}}");
    assert_eq!(op_delta(old, new), Some((Some(request.to_owned()), Some(response))));
}

#[test]
fn a_member_whose_kind_changed_is_shown_as_new() {
    let shapes = |number: &str, items: Value| {
        json!({
            "In": {"type": "structure", "members": {
                "Count": {"shape": number}, "Items": {"shape": "Items"}, "Same": {"shape": "S"}}},
            "Out": {"type": "structure", "members": {}},
            "Items": items,
            "S": {"type": "string"}, "I": {"type": "integer"},
        })
    };
    let old = shapes("S", json!({"type": "list", "member": {"shape": "S"}}));
    let items = json!({"type": "structure", "members": {"First": {"shape": "S"}}});
    let new = shapes("I", items);
    let request = "{'Count': 123, 'Items': {'First': 'string'}}";
    assert_eq!(op_delta(old, new), Some((Some(request.to_owned()), None)));
}

#[test]
fn a_change_in_a_shared_shape_counts_for_every_operation() {
    let operations = json!({
        "Create": {"name": "Create", "input": {"shape": "CreateIn"}},
        "Describe": {"name": "Describe", "output": {"shape": "DescribeOut"}},
        "Other": {"name": "Other", "input": {"shape": "OtherIn"}},
    });
    let shapes = |vpc: Value| {
        json!({
            "CreateIn": {"type": "structure", "members": {"Vpc": {"shape": "Vpc"}}},
            "DescribeOut": {"type": "structure", "members": {"Vpcs": {"shape": "Vpcs"}}},
            "OtherIn": {"type": "structure", "members": {"Name": {"shape": "S"}}},
            "Vpcs": {"type": "list", "member": {"shape": "Vpc"}},
            "Vpc": {"type": "structure", "members": vpc},
            "S": {"type": "string"},
        })
    };
    let old = model(operations.clone(), shapes(json!({})));
    let new = model(operations, shapes(json!({"Id": {"shape": "S"}})));
    let updated = changelog(&old, &new).updated;
    let expected = [
        ("Create", Some("{'Vpc': {'Id': 'string'}}"), None),
        ("Describe", None, Some("{'Vpcs': {'Id': 'string'}}")),
    ];
    let expected = expected.map(|(operation, request, response)| OperationDelta {
        operation: operation.to_owned(),
        request: request.map(str::to_owned),
        response: response.map(str::to_owned),
    });
    assert_eq!(updated, expected);
}

#[test]
fn a_shape_renamed_but_identical_is_no_change() {
    let old = op_model(json!({
        "In": {"type": "structure", "members": {"Vpc": {"shape": "Vpc"}}},
        "Out": {"type": "structure", "members": {}},
        "Vpc": {"type": "structure", "members": {"Id": {"shape": "S"}}},
        "S": {"type": "string"},
    }));
    let new = op_model(json!({
        "In": {"type": "structure", "members": {"Vpc": {"shape": "VpcConfig"}}},
        "Out": {"type": "structure", "members": {}},
        "VpcConfig": {"type": "structure", "members": {"Id": {"shape": "String"}}},
        "String": {"type": "string"},
    }));
    assert_eq!(changelog(&old, &new), super::nothing());
}

#[test]
fn order_of_members_enum_values_and_required_is_no_change() {
    let shapes = |members: Value, values: Value, required: Value| {
        json!({
            "In": {"type": "structure", "members": members, "required": required},
            "Out": {"type": "structure", "members": {}},
            "State": {"type": "string", "enum": values},
            "S": {"type": "string"},
        })
    };
    let old = shapes(
        json!({"A": {"shape": "S"}, "B": {"shape": "State"}}),
        json!(["X", "Y"]),
        json!(["A", "B"]),
    );
    let new = shapes(
        json!({"B": {"shape": "State"}, "A": {"shape": "S"}}),
        json!(["Y", "X"]),
        json!(["B", "A"]),
    );
    assert_eq!(op_delta(old, new), None);
}

/// The walk meets `Tree` again through `Children` and stops there, since the outer `Tree`
/// already reports what it adds. The new member `Node` is shown whole, and its literal is a
/// literal of its own: `Up` shows all of `Tree`, down to where `Tree` recurs inside that.
#[test]
fn recursion_is_followed_once() {
    let tree = |members: Value| {
        json!({
            "In": {"type": "structure", "members": {}},
            "Out": {"type": "structure", "members": {"Root": {"shape": "Tree"}}},
            "Tree": {"type": "structure", "members": members},
            "Trees": {"type": "list", "member": {"shape": "Tree"}},
            "Node": {"type": "structure", "members": {"Up": {"shape": "Tree"}}},
            "S": {"type": "string"},
        })
    };
    let old = tree(json!({"Children": {"shape": "Trees"}}));
    let new = tree(json!({
        "Children": {"shape": "Trees"}, "Name": {"shape": "S"}, "Node": {"shape": "Node"}}));
    let up = "{'Children': [{...}], 'Name': 'string', 'Node': {...}}";
    let response = format!("{{'Root': {{'Name': 'string', 'Node': {{'Up': {up}}}}}}}");
    assert_eq!(op_delta(old, new), Some((None, Some(response))));
}

/// `First` meets `B` inside the recursion `A`, `B`, `A`, where the walk stops short; `Second`
/// starts at `B`, so must not reuse that cut-short result.
#[test]
fn a_shape_met_inside_a_recursion_is_walked_again_from_elsewhere() {
    let operations = json!({
        "First": {"name": "First", "input": {"shape": "A"}},
        "Second": {"name": "Second", "input": {"shape": "B"}},
    });
    let shapes = |a_members: Value| {
        json!({
            "A": {"type": "structure", "members": a_members},
            "B": {"type": "structure", "members": {"A": {"shape": "A"}}},
            "S": {"type": "string"},
        })
    };
    let old = model(operations.clone(), shapes(json!({"B": {"shape": "B"}})));
    let new = model(operations, shapes(json!({"B": {"shape": "B"}, "X": {"shape": "S"}})));
    let requests: Vec<_> =
        changelog(&old, &new).updated.into_iter().map(|delta| delta.request).collect();
    let expected =
        ["{'X': 'string'}", "{'A': {'X': 'string'}}"].map(|request| Some(request.to_owned()));
    assert_eq!(requests, expected);
}

/// A change to the new model's shapes.
type Edit = fn(&mut Value);

#[test]
fn changes_that_add_nothing_still_update_the_operation() {
    let base = || {
        json!({
            "In": {"type": "structure", "required": ["A"], "members": {
                "A": {"shape": "S"}, "B": {"shape": "State"}, "T": {"shape": "Time"},
                "L": {"shape": "Texts"}, "M": {"shape": "ByName"}}},
            "Out": {"type": "structure", "members": {}},
            "Texts": {"type": "list", "member": {"shape": "S"}},
            "ByName": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
            "S": {"type": "string", "max": 10},
            "State": {"type": "string", "enum": ["X", "Y"]},
            "Time": {"type": "timestamp"},
        })
    };
    let edits: [(&str, Edit); 15] = [
        ("member removed", |s| drop(s["In"]["members"].as_object_mut().map(|m| m.remove("B")))),
        ("required", |s| s["In"]["required"] = json!(["A", "B"])),
        ("enum value removed", |s| s["State"]["enum"] = json!(["X"])),
        ("deprecated member", |s| s["In"]["members"]["A"]["deprecated"] = json!(true)),
        ("deprecated shape", |s| s["S"]["deprecated"] = json!(true)),
        ("timestampFormat", |s| s["Time"]["timestampFormat"] = json!("iso8601")),
        ("locationName", |s| s["In"]["members"]["A"]["locationName"] = json!("a")),
        ("jsonvalue", |s| s["In"]["members"]["A"]["jsonvalue"] = json!(true)),
        ("jsonvalue list member", |s| s["Texts"]["member"]["jsonvalue"] = json!(true)),
        ("jsonvalue map value", |s| s["ByName"]["value"]["jsonvalue"] = json!(true)),
        ("sensitive", |s| s["S"]["sensitive"] = json!(true)),
        ("max", |s| s["S"]["max"] = json!(20)),
        ("min", |s| s["S"]["min"] = json!(1)),
        ("pattern", |s| s["S"]["pattern"] = json!("^a")),
        ("string to enum", |s| s["S"]["enum"] = json!(["Q"])),
    ];
    for (what, edit) in edits {
        let mut new = base();
        edit(&mut new);
        assert_eq!(op_delta(base(), new), Some((None, None)), "for {what}");
    }
}

#[test]
fn error_changes_update_the_operation() {
    let shapes = |oops: Value| {
        json!({
            "In": {"type": "structure", "members": {}}, "Out": {"type": "structure", "members": {}},
            "Oops": oops, "Other": {"type": "structure", "members": {}, "exception": true},
            "S": {"type": "string"},
        })
    };
    let oops = json!({"type": "structure", "members": {}, "exception": true});
    let operation = |errors: Value| {
        json!({"Op": {"name": "Op", "input": {"shape": "In"}, "output": {"shape": "Out"},
            "errors": errors}})
    };
    let old = model(operation(json!([{"shape": "Oops"}])), shapes(oops.clone()));
    let added = model(operation(json!([{"shape": "Oops"}, {"shape": "Other"}])), shapes(oops));
    let oops_with_message = json!({"type": "structure", "exception": true,
        "members": {"Message": {"shape": "S"}}});
    let changed = model(operation(json!([{"shape": "Oops"}])), shapes(oops_with_message));
    for new in [added, changed] {
        let log = changelog(&old, &new);
        assert_eq!(log.updated.len(), 1, "{new:?}");
        assert_eq!(changelog(&new, &old).updated.len(), 1, "{new:?}");
    }
}
