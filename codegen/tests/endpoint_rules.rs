//! Endpoint rule sets given to the Builder: checked as the model is (every problem at its
//! place in the file), taken from beside a botocore model, and bound to operations' inputs.

use std::path::{Path, PathBuf};

fn workspace(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// A directory of its own under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("endpoint-rules-{name}-{}", std::process::id()));
    let made = std::fs::create_dir_all(&dir);
    assert!(made.is_ok(), "{made:?}");
    dir
}

fn write(path: &Path, text: &str) {
    let written = std::fs::write(path, text);
    assert!(written.is_ok(), "{written:?}");
}

#[test]
fn a_broken_rule_set_is_refused_with_each_problem_at_its_path() {
    let dir = scratch("broken");
    let rules = dir.join("rules.json");
    write(
        &rules,
        r#"{"version": "1.0", "parameters": {"Region": {"type": "string", "builtIn": "AWS::Region"}},
            "rules": [
                {"conditions": [{"fn": "aws.partitoin", "argv": [{"ref": "Region"}]}], "type": "error", "error": "e"},
                {"conditions": [{"fn": "stringEquals", "argv": [{"ref": "Regin"}, "x"]}], "type": "error", "error": "e"},
                {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://x.amazonaws.com"}},
                {"conditions": [], "type": "error", "error": "never"}
            ]}"#,
    );
    let model = workspace("model/appstream-2016-12-01.json");
    let error = awsjson_codegen::Builder::new(&model).endpoint_rules(&rules).generate().err();
    let error =
        error.map(|error| error.to_string().replace(&rules.display().to_string(), "rules.json"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        error.as_deref(),
        Some(
            "`rules.json` has 3 problems:
  `rules[0].conditions[0].fn`: unknown function `aws.partitoin`: the functions are isSet, not, booleanEquals, stringEquals, getAttr, substring, uriEncode, parseURL, isValidHostLabel, split, coalesce, ite, aws.partition, aws.parseArn, aws.isVirtualHostableS3Bucket
  `rules[1].conditions[0].argv[0]`: `Regin` is not a parameter, nor assigned by an earlier condition of this rule or of the rules it is in
  `rules[3]`: unreachable: `rules[2]` before it has no conditions, so it always matches"
        )
    );
}

#[test]
fn botocores_rule_set_beside_the_model_is_taken() {
    let dir = scratch("beside");
    let copied =
        std::fs::copy(workspace("model/appstream-2016-12-01.json"), dir.join("service-2.json"))
            .and_then(|_| {
                let rules = workspace("model/appstream-2016-12-01.endpoint-rule-set.json");
                std::fs::copy(rules, dir.join("endpoint-rule-set-1.json"))
            });
    assert!(copied.is_ok(), "{copied:?}");
    let code = awsjson_codegen::Builder::new(dir.join("service-2.json")).generate();
    let _ = std::fs::remove_dir_all(&dir);
    let code = code.unwrap_or_else(|error| panic!("{error}"));
    assert!(code.contains(".with_endpoint_rules(ENDPOINT_RULES)"), "{code}");
    assert!(code.contains("pub struct EndpointParams {"), "{code}");
    assert!(code.contains("pub fn use_fips(mut self, value: bool) -> Self {"), "{code}");
}

#[test]
fn a_binding_the_rule_set_cannot_take_is_a_warning_and_left_out() {
    let dir = scratch("binding");
    let model = r#"{"version": "2.0", "metadata": {"protocol": "json", "jsonVersion": "1.0",
        "targetPrefix": "Svc", "endpointPrefix": "svc", "apiVersion": "2024-01-01"},
        "operations": {"Get": {"name": "Get", "input": {"shape": "GetInput"},
            "staticContextParams": {"Flag": {"value": "yes"}, "Missing": {"value": true}}}},
        "shapes": {"GetInput": {"type": "structure", "members": {
            "Arn": {"shape": "S", "contextParam": {"name": "ResourceArn"}},
            "Count": {"shape": "N", "contextParam": {"name": "Flag"}}}},
            "S": {"type": "string"}, "N": {"type": "integer"}}}"#;
    let rules = r#"{"version": "1.0", "parameters": {
            "ResourceArn": {"type": "string"}, "Flag": {"type": "boolean"}},
        "rules": [{"conditions": [], "type": "endpoint", "endpoint": {"url": "https://svc.example.com"}}]}"#;
    write(&dir.join("model.json"), model);
    write(&dir.join("rules.json"), rules);
    let warnings = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = warnings.clone();
    let code = awsjson_codegen::Builder::new(dir.join("model.json"))
        .endpoint_rules(dir.join("rules.json"))
        .on_warning(move |warning| {
            if let Ok(mut seen) = seen.lock() {
                seen.push(warning.to_string());
            }
            Ok(())
        })
        .generate();
    let _ = std::fs::remove_dir_all(&dir);
    let code = code.unwrap_or_else(|error| panic!("{error}"));
    assert!(
        code.contains(r#"params.set("ResourceArn", ::std::clone::Clone::clone(value));"#),
        "{code}"
    );
    let warnings = warnings.lock().map(|seen| seen.clone()).unwrap_or_default();
    assert_eq!(
        warnings,
        [
            "operation `Get`: `staticContextParams` sets `Flag` to a value that is not a boolean; left out",
            "operation `Get`: `staticContextParams` sets `Missing`, which the endpoint rule set does not declare; left out",
            "operation `Get`: input member `Count` sets the boolean parameter `Flag` (`contextParam`) but holds another type; left out",
        ]
    );
}
