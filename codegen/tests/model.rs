//! The model mirror is lossless, and slicing keeps exactly what operations reach.

use std::path::Path;

fn shared_model(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model").join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn real_models_survive_a_round_trip_unchanged() {
    for name in ["appstream-2016-12-01.2017-06-05.json", "appstream-2016-12-01.latest.json"] {
        let json = shared_model(name);
        let original: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let model = awsjson_codegen::model::parse(&json).unwrap();
        let written = serde_json::to_value(&model).unwrap();
        assert!(written == original, "{name} changed on a parse/write round trip");
    }
}

#[test]
fn the_four_operations_reach_46_shapes() {
    let model =
        awsjson_codegen::model::parse(&shared_model("appstream-2016-12-01.2017-06-05.json"))
            .unwrap();
    let operations = ["CreateFleet", "DescribeFleets", "DescribeSessions", "UpdateFleet"];
    let subset = awsjson_codegen::model::subset(&model, &operations).unwrap();
    assert_eq!(subset.operations.keys().collect::<Vec<_>>(), operations);
    assert_eq!(subset.shapes.len(), 46);
    assert_eq!(subset.metadata, model.metadata);
    assert_eq!(subset.documentation, model.documentation);
    for (name, shape) in &subset.shapes {
        assert_eq!(Some(shape), model.shapes.get(name), "{name} changed");
    }
    let reached = awsjson_codegen::model::reachable_shapes(&model, &operations);
    assert!(reached.contains("VpcConfig") && reached.contains("SecurityGroupIdList"));
    assert!(!reached.contains("Stack"), "DescribeStacks' shapes are not reached");
}

/// The traits retries read are typed, not left in `extra`, and still written back as read.
#[test]
fn retry_traits_are_typed_and_survive_a_round_trip() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/retries.json");
    let json = std::fs::read(&path).unwrap();
    let model = awsjson_codegen::model::parse(&json).unwrap();
    assert!(model.metadata.aws_query_compatible.is_some());
    assert!(!model.metadata.extra.contains_key("awsQueryCompatible"));
    let shape = |name: &str| &model.shapes[name];
    assert_eq!(shape("Overloaded").retryable.as_ref().and_then(|r| r.throttling), Some(true));
    assert_eq!(shape("Busy").retryable.as_ref().map(|r| r.throttling), Some(None));
    let error = shape("Missing").error.as_ref();
    assert_eq!(error.and_then(|e| e.code.as_deref()), Some("AWS.Retries.NonExistentItem"));
    assert_eq!(error.and_then(|e| e.http_status_code), Some(400));
    assert_eq!(error.and_then(|e| e.sender_fault), Some(true));
    let members = shape("PutItemInput").members.as_ref().unwrap();
    assert_eq!(members["ClientToken"].idempotency_token, Some(true));
    assert!(!members["ClientToken"].extra.contains_key("idempotencyToken"));
    let original: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(serde_json::to_value(&model).unwrap() == original, "changed on a round trip");
}
