//! Rule sets read, checked and evaluated: what a user sees for a broken rule set, and what a
//! good one resolves.

use awsjson_endpoints::{ParamValue, Params, Partitions, ResolveError, RuleSet};

/// A rule set with the usual built-ins and `rules`.
fn rule_set(rules: &str) -> String {
    format!(
        r#"{{"version": "1.0", "parameters": {{
            "Region": {{"type": "string", "builtIn": "AWS::Region"}},
            "UseFIPS": {{"type": "boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false}},
            "Endpoint": {{"type": "string", "builtIn": "SDK::Endpoint"}}
        }}, "rules": {rules}}}"#
    )
}

fn problems(rules: &str) -> Vec<String> {
    match RuleSet::from_json(&rule_set(rules)) {
        Ok(_) => Vec::new(),
        Err(error) => error.problems().iter().map(ToString::to_string).collect(),
    }
}

fn resolve(rules: &str, params: Params) -> Result<String, ResolveError> {
    let rule_set = RuleSet::from_json(&rule_set(rules)).unwrap_or_else(|error| panic!("{error}"));
    rule_set.resolve(&params).map(|endpoint| endpoint.url)
}

const ENDPOINT: &str = r#"{"conditions": [], "type": "endpoint", "endpoint": {"url": "https://x.{Region}.amazonaws.com"}}"#;

#[test]
fn each_problem_names_its_place_in_the_file() {
    let unknown =
        r#"[{"conditions": [{"fn": "isFoo", "argv": []}], "type": "error", "error": "e"}]"#;
    assert_eq!(
        problems(unknown),
        ["rules[0].conditions[0].fn: unknown function `isFoo`: the functions are isSet, not, \
          booleanEquals, stringEquals, getAttr, substring, uriEncode, parseURL, isValidHostLabel, \
          split, coalesce, ite, aws.partition, aws.parseArn, aws.isVirtualHostableS3Bucket"]
    );
    let undefined = r#"[{"conditions": [{"fn": "isSet", "argv": [{"ref": "Regoin"}]}], "type": "error", "error": "e"}]"#;
    assert_eq!(
        problems(undefined),
        [
            "rules[0].conditions[0].argv[0]: `Regoin` is not a parameter, nor assigned by an earlier \
          condition of this rule or of the rules it is in"
        ]
    );
    let mistyped = r#"[{"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, "true"]}], "type": "error", "error": "e"}]"#;
    assert_eq!(
        problems(mistyped),
        ["rules[0].conditions[0].argv[1]: expected a boolean, found a string"]
    );
    let fixed =
        r#"{"conditions": [], "type": "endpoint", "endpoint": {"url": "https://x.amazonaws.com"}}"#;
    let unreachable = format!("[{fixed}, {fixed}]");
    assert_eq!(
        problems(&unreachable),
        ["rules[1]: unreachable: `rules[0]` before it has no conditions, so it always matches"]
    );
    // Region may be unset: a template cannot read it before `isSet` (or a condition that
    // passes it to a function) says it is there.
    assert_eq!(
        problems(&format!("[{ENDPOINT}]")),
        ["rules[0].endpoint.url: getAttr reads a string that may be unset: check it with `isSet` \
          or assign it in a condition first"]
    );
    let bad_attribute = r#"[{"conditions": [{"fn": "aws.partition", "argv": ["us-east-1"], "assign": "P"}],
        "type": "error", "error": "{P#dnsSufix}"}]"#;
    assert_eq!(
        problems(bad_attribute),
        ["rules[0].error: a partition (from `aws.partition`) has no `dnsSufix`: it has name, \
          dnsSuffix, dualStackDnsSuffix, supportsFIPS, supportsDualStack, implicitGlobalRegion"]
    );
    let malformed = r#"[{"conditions": [], "type": "tree", "rules": []}, {"type": "endpoint"}]"#;
    assert_eq!(
        problems(malformed),
        [
            "rules[0].rules: a tree rule with no rules",
            "rules[1]: an endpoint rule without `endpoint`"
        ]
    );
}

#[test]
fn a_rule_set_resolves_its_first_matching_rule_and_errors_word_for_word() {
    let rules = r#"[
        {"conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}], "type": "tree", "rules": [
            {"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
             "type": "error", "error": "Invalid Configuration: FIPS and custom endpoint are not supported"},
            {"conditions": [], "type": "endpoint", "endpoint": {"url": {"ref": "Endpoint"}}}
        ]},
        {"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}], "type": "tree", "rules": [
            {"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
             "type": "endpoint", "endpoint": {"url": "https://x-fips.{Region}.{P#dnsSuffix}"}},
            {"conditions": [], "type": "endpoint", "endpoint": {"url": "https://x.{Region}.{P#dnsSuffix}"}}
        ]},
        {"conditions": [], "type": "error", "error": "Invalid Configuration: Missing Region"}
    ]"#;
    let params = |region: &str| Params::new().with("Region", region);
    assert_eq!(
        resolve(rules, params("eusc-de-east-1")).as_deref(),
        Ok("https://x.eusc-de-east-1.amazonaws.eu")
    );
    assert_eq!(
        resolve(rules, params("cn-north-1").with("UseFIPS", true)).as_deref(),
        Ok("https://x-fips.cn-north-1.amazonaws.com.cn")
    );
    let custom =
        params("us-east-1").with("Endpoint", "http://localhost:4566").with("UseFIPS", true);
    assert_eq!(
        resolve(rules, custom),
        Err(ResolveError::Rule(
            "Invalid Configuration: FIPS and custom endpoint are not supported".to_owned()
        ))
    );
    assert_eq!(
        resolve(rules, Params::new()).map_err(|error| error.to_string()),
        Err("Invalid Configuration: Missing Region".to_owned())
    );
    assert_eq!(
        resolve(rules, params("us-east-1").with("Regoin", "x")).map_err(|e| e.to_string()),
        Err("`Regoin` is not a parameter of this rule set; its parameters are Region, UseFIPS, Endpoint".to_owned())
    );
    assert_eq!(
        resolve(rules, params("us-east-1").with("UseFIPS", "yes")).map_err(|e| e.to_string()),
        Err("`UseFIPS` is a boolean parameter, given \"yes\"".to_owned())
    );
}

#[test]
fn a_tree_whose_conditions_hold_is_final() {
    let rules = r#"[
        {"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "type": "tree", "rules": [
            {"conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "local"]}],
             "type": "endpoint", "endpoint": {"url": "http://localhost:8000"}}
        ]},
        {"conditions": [], "type": "error", "error": "never for a set region"}
    ]"#;
    let error =
        resolve(rules, Params::new().with("Region", "us-east-1")).map_err(|e| e.to_string());
    assert_eq!(
        error,
        Err("the conditions of `rules[0]` held but none of its rules matched".to_owned())
    );
}

#[test]
fn endpoint_properties_and_headers_are_filled_in() {
    let rules = r#"[{"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
        "type": "endpoint", "endpoint": {
            "url": "https://x.{P#implicitGlobalRegion}.{P#dnsSuffix}",
            "headers": {"x-amz-a": ["{Region}", "b"]},
            "properties": {"authSchemes": [{"name": "sigv4", "signingName": "x", "signingRegion": "{P#implicitGlobalRegion}"}]}
        }}]"#;
    let rule_set = RuleSet::from_json(&rule_set(rules)).unwrap_or_else(|error| panic!("{error}"));
    let endpoint = rule_set.resolve(&Params::new().with("Region", "eu-west-1"));
    let endpoint = endpoint.unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(endpoint.url, "https://x.us-east-1.amazonaws.com");
    assert_eq!(endpoint.header("X-Amz-A"), Some(&["eu-west-1".to_owned(), "b".to_owned()][..]));
    let scheme = &endpoint.auth_schemes()[0];
    assert_eq!(
        (scheme.signing_name.as_deref(), scheme.signing_region.as_deref()),
        (Some("x"), Some("us-east-1"))
    );
}

#[test]
fn a_newer_partition_table_can_be_given() {
    let table = r#"{"version": "1.1", "partitions": [{"id": "aws", "regionRegex": "^(us|mars)\\-\\w+\\-\\d+$",
        "regions": {"mars-west-1": {}},
        "outputs": {"name": "aws", "dnsSuffix": "amazonaws.mars", "dualStackDnsSuffix": "api.aws",
                    "supportsFIPS": true, "supportsDualStack": true, "implicitGlobalRegion": "us-east-1"}}]}"#;
    let partitions = Partitions::from_json(table).unwrap_or_else(|error| panic!("{error}"));
    let rules = r#"[{"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
        "type": "endpoint", "endpoint": {"url": "https://x.{Region}.{P#dnsSuffix}"}}]"#;
    let rule_set = RuleSet::from_json(&rule_set(rules)).unwrap_or_else(|error| panic!("{error}"));
    let params = Params::new().with("Region", ParamValue::from("mars-west-1"));
    let url = rule_set.resolve_in(&params, &partitions).map(|endpoint| endpoint.url);
    assert_eq!(url.as_deref(), Ok("https://x.mars-west-1.amazonaws.mars"));
    // The table this crate carries sends an unknown region to `aws`, as Smithy says.
    let url = rule_set.resolve(&params).map(|endpoint| endpoint.url);
    assert_eq!(url.as_deref(), Ok("https://x.mars-west-1.amazonaws.com"));
}
