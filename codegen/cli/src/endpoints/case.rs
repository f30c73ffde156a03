//! botocore's endpoint test file, read, and a case's expectation compared with an outcome.

use awsjson_runtime::endpoints::{ParamValue, Params, ResolveError, ResolvedEndpoint};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct File {
    #[serde(rename = "testCases")]
    test_cases: Vec<RawCase>,
}

#[derive(Debug, Deserialize)]
struct RawCase {
    documentation: Option<String>,
    expect: Expect,
    #[serde(default)]
    params: Option<Map<String, Value>>,
    #[serde(rename = "operationInputs", default)]
    operation_inputs: Option<Vec<OperationInput>>,
}

/// One case: its parameters (read) and what it expects.
#[derive(Debug)]
pub struct TestCase {
    pub documentation: Option<String>,
    pub expect: Expect,
    pub params: Option<Params>,
    pub operation_inputs: Option<Vec<OperationInput>>,
}

/// `{"endpoint": {url, headers, properties}}` or `{"error": "…"}`.
#[derive(Debug, Deserialize)]
pub struct Expect {
    endpoint: Option<ExpectedEndpoint>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ExpectedEndpoint {
    url: String,
    #[serde(default)]
    headers: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    properties: Map<String, Value>,
}

/// An entry of `operationInputs`.
#[derive(Debug, Deserialize)]
pub struct OperationInput {
    #[serde(rename = "operationName")]
    pub operation_name: String,
    #[serde(rename = "operationParams", default)]
    pub operation_params: Map<String, Value>,
    #[serde(rename = "builtInParams", default)]
    pub built_in_params: Map<String, Value>,
    #[serde(rename = "clientParams", default)]
    pub client_params: Map<String, Value>,
}

/// What resolving gave.
#[derive(Debug)]
pub enum Outcome {
    Endpoint(ResolvedEndpoint),
    Error(ResolveError),
}

impl Outcome {
    pub fn of(result: Result<ResolvedEndpoint, ResolveError>) -> Self {
        match result {
            Ok(endpoint) => Outcome::Endpoint(endpoint),
            Err(error) => Outcome::Error(error),
        }
    }
}

impl Expect {
    /// How `outcome` differs from what is expected, said in a line; `None` when it does not.
    pub fn differs_from(&self, outcome: &Outcome) -> Option<String> {
        match (&self.endpoint, &self.error, outcome) {
            (Some(expected), _, Outcome::Endpoint(got)) => {
                if expected.url != got.url {
                    return Some(format!("expected the URL {}, got {}", expected.url, got.url));
                }
                let headers: BTreeMap<String, Vec<String>> = got.headers.iter().cloned().collect();
                if expected.headers != headers {
                    return Some(format!(
                        "expected the headers {:?}, got {headers:?}",
                        expected.headers
                    ));
                }
                if expected.properties != got.properties {
                    let (expected, got) = (
                        Value::Object(expected.properties.clone()),
                        Value::Object(got.properties.clone()),
                    );
                    return Some(format!("expected the properties {expected}, got {got}"));
                }
                None
            }
            (Some(expected), _, Outcome::Error(error)) => {
                Some(format!("expected the URL {}, got the error {error:?}", expected.url))
            }
            (None, Some(expected), Outcome::Error(error)) => {
                let got = error.to_string();
                (got != *expected)
                    .then(|| format!("expected the error {expected:?}, got the error {got:?}"))
            }
            (None, Some(expected), Outcome::Endpoint(got)) => {
                Some(format!("expected the error {expected:?}, got the URL {}", got.url))
            }
            (None, None, _) => Some("the case expects neither an endpoint nor an error".to_owned()),
        }
    }
}

/// Every case of a tests file.
pub fn read(text: &str) -> Result<Vec<TestCase>, String> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let file: File = serde_path_to_error::deserialize(&mut reader).map_err(|error| {
        format!("not an endpoint tests file: at `{}`: {}", error.path(), error.inner())
    })?;
    let mut cases = Vec::with_capacity(file.test_cases.len());
    for (index, raw) in file.test_cases.into_iter().enumerate() {
        let params = match raw.params {
            None => None,
            Some(map) => {
                let mut params = Params::new();
                for (name, value) in map {
                    let value = ParamValue::from_json(&value).ok_or_else(|| {
                        format!("testCases[{index}].params.{name}: {value} is not a string, boolean or array of strings")
                    })?;
                    params.set(name, value);
                }
                Some(params)
            }
        };
        cases.push(TestCase {
            documentation: raw.documentation,
            expect: raw.expect,
            params,
            operation_inputs: raw.operation_inputs,
        });
    }
    Ok(cases)
}
