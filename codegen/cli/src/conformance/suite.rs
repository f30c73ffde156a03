//! Protocol test suites in the AWS compliance format, read case by case so that one malformed
//! case fails alone, with a message naming its suite and itself.

use awsjson_codegen::model;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One suite of a file, with every case it has (well-formed or not).
#[derive(Debug)]
pub struct Suite {
    /// The suite's `description`, or `FILE #N` without one.
    pub label: String,
    /// The suite's metadata, shapes and cases; or why there are none.
    pub body: Result<SuiteBody, String>,
}

#[derive(Debug)]
pub struct SuiteBody {
    pub metadata: Value,
    pub shapes: Value,
    /// The host of `clientEndpoint`, like `service.region.amazonaws.com`.
    pub endpoint_host: Option<String>,
    /// Whether bodies are Smithy RPC v2 CBOR (base64 in the cases), not JSON.
    pub cbor: bool,
    pub cases: Vec<Case>,
}

#[derive(Debug)]
pub struct Case {
    /// The case's `id`, or `#N` without one.
    pub label: String,
    pub body: Result<CaseBody, String>,
}

#[derive(Debug)]
pub struct CaseBody {
    /// The operation as the case gives it.
    pub given: model::Operation,
    pub kind: CaseKind,
}

#[derive(Debug)]
pub enum CaseKind {
    Input(InputCase),
    Output(OutputCase),
}

/// A request case: `params` must serialize as `serialized`.
#[derive(Debug, Deserialize)]
pub struct InputCase {
    #[serde(default)]
    pub params: Option<Value>,
    pub serialized: Serialized,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Serialized {
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub uri: Option<String>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub host: Option<String>,
    #[serde(default)]
    pub require_headers: Vec<String>,
    #[serde(default)]
    pub forbid_headers: Vec<String>,
}

/// A response case: `response` must parse as `result`, or as the error described, or (our
/// extension) fail to be read with the message `decodeError`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutputCase {
    pub response: Response,
    #[serde(default)]
    pub result: Option<Value>,
    #[serde(default)]
    pub error_code: Option<String>,
    #[serde(default)]
    pub error_message: Option<String>,
    #[serde(default)]
    pub error: Option<Value>,
    #[serde(default)]
    pub decode_error: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Response {
    pub status_code: u16,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub body: String,
}

/// Reads the suites of one file; `Err` when the file itself is unreadable or not an array.
pub fn read_file(path: &Path) -> Result<Vec<Suite>, String> {
    let text = std::fs::read(path).map_err(|error| format!("cannot read it: {error}"))?;
    let json: Value =
        serde_json::from_slice(&text).map_err(|error| format!("invalid JSON: {error}"))?;
    let Value::Array(suites) = json else {
        return Err("expected a JSON array of suites".to_owned());
    };
    let file_name = path.file_name().map(|name| name.to_string_lossy().into_owned());
    let file_name = file_name.unwrap_or_default();
    Ok(suites
        .into_iter()
        .enumerate()
        .map(|(index, suite)| read_suite(&file_name, index, suite))
        .collect())
}

fn read_suite(file_name: &str, index: usize, suite: Value) -> Suite {
    let description = suite.get("description").and_then(Value::as_str).filter(|d| !d.is_empty());
    let label = description.map_or_else(|| format!("{file_name} #{}", index + 1), str::to_owned);
    Suite { label, body: suite_body(suite) }
}

fn suite_body(suite: Value) -> Result<SuiteBody, String> {
    let Value::Object(mut suite) = suite else {
        return Err("a suite must be a JSON object".to_owned());
    };
    let mut take_object = |key: &str| match suite.remove(key) {
        Some(value @ Value::Object(_)) => Ok(value),
        Some(_) => Err(format!("`{key}` must be an object")),
        None => Err(format!("has no `{key}`")),
    };
    let metadata = take_object("metadata")?;
    let shapes = take_object("shapes")?;
    let endpoint_host = match suite.get("clientEndpoint") {
        None => None,
        Some(Value::String(url)) => Some(host_of(url)),
        Some(_) => return Err("`clientEndpoint` must be a string".to_owned()),
    };
    let cases = match suite.remove("cases") {
        Some(Value::Array(cases)) => cases,
        Some(_) => return Err("`cases` must be an array".to_owned()),
        None => return Err("has no `cases`".to_owned()),
    };
    let cases = cases.into_iter().enumerate().map(|(index, case)| read_case(index, case)).collect();
    let cbor = speaks_cbor(&metadata);
    Ok(SuiteBody { metadata, shapes, endpoint_host, cbor, cases })
}

/// Whether a suite's bodies are CBOR: its `protocol` says `smithy-rpc-v2-cbor`, as botocore's
/// suites for the protocol say, or it has no `protocol` and lists that one first.
fn speaks_cbor(metadata: &Value) -> bool {
    const CBOR: &str = "smithy-rpc-v2-cbor";
    match metadata.get("protocol") {
        Some(protocol) => protocol == CBOR,
        None => metadata
            .get("protocols")
            .and_then(Value::as_array)
            .and_then(|protocols| protocols.first())
            .is_some_and(|first| first == CBOR),
    }
}

/// `https://service.region.amazonaws.com/path` → `service.region.amazonaws.com`.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?']).next().unwrap_or_default().to_owned()
}

fn read_case(index: usize, case: Value) -> Case {
    let id = case.get("id").and_then(Value::as_str).filter(|id| !id.is_empty());
    let label = id.map_or_else(|| format!("#{}", index + 1), str::to_owned);
    Case { label, body: case_body(case) }
}

fn case_body(case: Value) -> Result<CaseBody, String> {
    let Value::Object(mut case) = case else {
        return Err("a case must be a JSON object".to_owned());
    };
    let given = case.remove("given").ok_or("has no `given`")?;
    let given: model::Operation = parse_at("given", given)?;
    let is_input = case.contains_key("serialized") || case.contains_key("params");
    let is_output = case.contains_key("response");
    let kind = match (is_input, is_output) {
        (true, false) => CaseKind::Input(parse_at("", Value::Object(case))?),
        (false, true) => {
            let output: OutputCase = parse_at("", Value::Object(case))?;
            let expectations = [
                output.result.is_some(),
                output.error_code.is_some(),
                output.decode_error.is_some(),
            ];
            match expectations.iter().filter(|given| **given).count() {
                0 => {
                    return Err(
                        "has a `response` but no `result`, `errorCode` or `decodeError`".to_owned()
                    );
                }
                1 => CaseKind::Output(output),
                _ => {
                    return Err(
                        "has more than one of `result`, `errorCode` and `decodeError`".to_owned()
                    );
                }
            }
        }
        (true, true) => {
            return Err(
                "has both `serialized`/`params` and `response`; a case tests one direction"
                    .to_owned(),
            );
        }
        (false, false) => {
            return Err(
                "is neither an input case (`params`, `serialized`) nor an output case (`response`)"
                    .to_owned(),
            );
        }
    };
    Ok(CaseBody { given, kind })
}

/// Deserializes `value`, naming the path of a failure below `prefix`.
fn parse_at<T: for<'de> Deserialize<'de>>(prefix: &str, value: Value) -> Result<T, String> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let path = match (prefix, path.as_str()) {
            (prefix, ".") => prefix.to_owned(),
            ("", path) => path.to_owned(),
            (prefix, path) => format!("{prefix}.{path}"),
        };
        if path.is_empty() {
            error.into_inner().to_string()
        } else {
            format!("at `{path}`: {}", error.into_inner())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn case_error(case: Value) -> String {
        case_body(case).unwrap_err()
    }

    #[test]
    fn malformed_cases_say_what_is_wrong() {
        assert_eq!(case_error(json!({"params": {}})), "has no `given`");
        assert_eq!(
            case_error(json!({"given": {"name": 5}, "params": {}})),
            "at `given.name`: invalid type: integer `5`, expected a string"
        );
        assert_eq!(
            case_error(json!({"given": {"name": "Op"}, "params": {}})),
            "missing field `serialized`"
        );
        assert_eq!(
            case_error(json!({"given": {"name": "Op"}, "response": {"status_code": "200"}})),
            "at `response.status_code`: invalid type: string \"200\", expected u16"
        );
        assert_eq!(
            case_error(json!({"given": {"name": "Op"}, "response": {"status_code": 200}})),
            "has a `response` but no `result`, `errorCode` or `decodeError`"
        );
        assert_eq!(
            case_error(json!({"given": {"name": "Op"}})),
            "is neither an input case (`params`, `serialized`) nor an output case (`response`)"
        );
        assert_eq!(case_error(json!([1])), "a case must be a JSON object");
    }

    #[test]
    fn labels_fall_back_to_positions() {
        let suite = read_suite("x.json", 1, json!({"metadata": {}, "shapes": {}, "cases": [{}]}));
        assert_eq!(suite.label, "x.json #2");
        let body = suite.body.unwrap();
        assert_eq!(body.cases[0].label, "#1");
        let suite = read_suite("x.json", 0, json!({"description": "D", "shapes": {}}));
        assert_eq!(
            (suite.label.as_str(), suite.body.unwrap_err()),
            ("D", "has no `metadata`".to_owned())
        );
    }

    #[test]
    fn endpoint_hosts() {
        assert_eq!(host_of("https://service.region.amazonaws.com"), "service.region.amazonaws.com");
        assert_eq!(host_of("http://example.com/a?b"), "example.com");
        assert_eq!(host_of("example.com"), "example.com");
    }
}
