//! Endpoints: botocore's endpoint tests for AppStream, DynamoDB, SQS and Secrets Manager run
//! through `codegen endpoints`'s runner, and what `appstream_types` resolves for a user.

use appstream_types::runtime::{EndpointConfig, Operation};
use appstream_types::{ComputeCapacity, CreateFleet, CreateFleetRequest, EndpointParams, SERVICE};
use std::path::PathBuf;

fn file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Every case of botocore's endpoint tests for `service`, `params` and `operationInputs`.
fn botocore_tests(rules: &str, tests: &str, model: &str) -> (usize, Vec<String>) {
    let report =
        awsjson_cli::endpoints::run_files(&file(rules), &[file(tests)], Some((&file(model), &[])));
    let report = report.unwrap_or_else(|error| panic!("{error}"));
    (report.passed, report.failures)
}

#[test]
fn botocore_endpoint_tests_pass_for_appstream_dynamodb_sqs_and_secrets_manager() {
    let services = [
        (
            "../model/appstream-2016-12-01.endpoint-rule-set.json",
            "models/appstream-2016-12-01.endpoint-tests.json",
            "../model/appstream-2016-12-01.latest.json",
            34,
        ),
        (
            "models/dynamodb-2012-08-10.endpoint-rule-set.json",
            "models/dynamodb-2012-08-10.endpoint-tests.json",
            "models/dynamodb-2012-08-10.json",
            610,
        ),
        (
            "models/sqs-2012-11-05.endpoint-rule-set.json",
            "models/sqs-2012-11-05.endpoint-tests.json",
            "models/sqs-2012-11-05.json",
            47,
        ),
        (
            "models/secretsmanager-2017-10-17.endpoint-rule-set.json",
            "models/secretsmanager-2017-10-17.endpoint-tests.json",
            "models/secretsmanager-2017-10-17.json",
            48,
        ),
    ];
    for (rules, tests, model, cases) in services {
        assert_eq!(botocore_tests(rules, tests, model), (cases, Vec::new()), "{tests}");
    }
}

fn url(config: &EndpointConfig) -> Result<String, String> {
    SERVICE.resolve_endpoint(config).map(|endpoint| endpoint.to_string()).map_err(|e| e.to_string())
}

#[test]
fn appstream_resolves_fips_dual_stack_and_custom_endpoints_by_its_rule_set() {
    assert_eq!(
        SERVICE.endpoint("us-east-1").map(|e| e.to_string()).as_deref(),
        Ok("https://appstream2.us-east-1.amazonaws.com")
    );
    let fips = EndpointConfig::new("us-gov-west-1").fips(true);
    assert_eq!(url(&fips).as_deref(), Ok("https://appstream2-fips.us-gov-west-1.amazonaws.com"));
    let dual_stack = EndpointConfig::new("us-east-1").dual_stack(true);
    assert_eq!(url(&dual_stack).as_deref(), Ok("https://appstream2.us-east-1.api.aws"));
    let sovereign = EndpointConfig::new("eusc-de-east-1");
    assert_eq!(url(&sovereign).as_deref(), Ok("https://appstream2.eusc-de-east-1.amazonaws.eu"));
    let custom = EndpointConfig::new("us-east-1").url("http://localhost:4566/appstream/");
    assert_eq!(url(&custom).as_deref(), Ok("http://localhost:4566/appstream/"));
    assert_eq!(
        url(&custom.clone().fips(true)),
        Err("Invalid Configuration: FIPS and custom endpoint are not supported".to_owned())
    );
    assert_eq!(
        url(&EndpointConfig::default()),
        Err("Invalid Configuration: Missing Region".to_owned())
    );
    let refused = [
        ("us-east-1.evil.com", "'.' is not a letter, digit or `-`"),
        ("us-east-1/#", "'/' is not a letter, digit or `-`"),
        ("", "it is empty"),
        ("-us-east-1", "it starts with `-`"),
    ];
    for (bad, why) in refused {
        assert_eq!(
            url(&EndpointConfig::new(bad)),
            Err(format!("`{bad}` is not a region name like `us-east-1`: {why}")),
        );
    }
}

#[test]
fn the_typed_parameters_resolve_as_the_config_does() {
    let params = EndpointParams::new().region("us-gov-west-1").use_fips(true);
    let endpoint = params.resolve().map(|endpoint| endpoint.to_string());
    assert_eq!(endpoint.as_deref(), Ok("https://appstream2-fips.us-gov-west-1.amazonaws.com"));
    assert!(!EndpointParams::new().use_dual_stack);
    assert_eq!(
        EndpointParams::new()
            .to_params()
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>(),
        ["UseDualStack=false", "UseFIPS=false"]
    );
}

#[test]
fn an_operation_resolves_its_endpoint_and_its_request_goes_there() {
    let input = CreateFleetRequest::new(
        "fleet-1",
        "image-1",
        "stream.standard.small",
        ComputeCapacity::new(2),
    );
    let config = EndpointConfig::new("us-gov-west-1").fips(true);
    let endpoint = CreateFleet::endpoint(&input, &config).unwrap_or_else(|error| panic!("{error}"));
    let request =
        CreateFleet::http_request(&input, &endpoint).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(request.uri(), "https://appstream2-fips.us-gov-west-1.amazonaws.com/");
    // AppStream's rule set names no signing facts: the model's (`appstream`) and the caller's
    // region apply.
    assert_eq!((endpoint.signing_name(), endpoint.signing_region()), (None, None));
}
