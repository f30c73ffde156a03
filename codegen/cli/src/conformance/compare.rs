//! What a case produced against what it expects, with the differences said readably.

use super::cbor_body;
use super::suite::{OutputCase, Serialized};
use serde_json::Value;

/// At most this many differences are listed per case.
const MAX_DIFFERENCES: usize = 3;

/// Checks a built request against `serialized`; `endpoint_host` is the suite's, `cbor` whether
/// its bodies are CBOR (in base64).
pub fn request(
    serialized: &Serialized,
    outcome: &Value,
    endpoint_host: Option<&str>,
    cbor: bool,
) -> Result<(), String> {
    let Serialized { method, uri, headers, body, host, require_headers, forbid_headers } =
        serialized;
    let mut problems = Vec::new();
    let text = |key: &str| outcome.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
    if let Some(method) = method.as_ref().filter(|m| **m != text("method")) {
        problems.push(format!("method is `{}`, expected `{method}`", text("method")));
    }
    if let Some(uri) = uri.as_ref().filter(|u| **u != text("uri")) {
        problems.push(format!("uri is `{}`, expected `{uri}`", text("uri")));
    }
    let sent = sent_headers(outcome);
    let find = |name: &str| {
        sent.iter()
            .find(|(sent, _)| sent.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    };
    for (name, expected) in headers {
        match find(name) {
            None => problems.push(format!("header `{name}` is missing (expected `{expected}`)")),
            Some(value) if value != expected => {
                problems.push(format!("header `{name}` is `{value}`, expected `{expected}`"));
            }
            Some(_) => {}
        }
    }
    for name in require_headers.iter().filter(|name| find(name).is_none()) {
        problems.push(format!("header `{name}` is missing"));
    }
    for name in forbid_headers {
        if let Some(value) = find(name) {
            problems.push(format!("header `{name}` is sent (`{value}`), but must not be"));
        }
    }
    if let Some(expected) = body {
        let compared = if cbor {
            cbor_body::compare(expected, &text("body_base64"))
        } else {
            bodies(expected, &text("body"))
        };
        if let Err(difference) = compared {
            problems.push(difference);
        }
    }
    if let Some(expected) = host {
        let prefix = outcome.get("host_prefix").and_then(Value::as_str).unwrap_or_default();
        match endpoint_host {
            None => {
                problems.push("`host` is given but the suite has no `clientEndpoint`".to_owned())
            }
            Some(endpoint) if format!("{prefix}{endpoint}") != *expected => {
                problems.push(format!("host is `{prefix}{endpoint}`, expected `{expected}`"));
            }
            Some(_) => {}
        }
    }
    verdict(problems)
}

/// Checks what a response was read as against the case's `result` or error.
pub fn response(case: &OutputCase, outcome: &Value) -> Result<(), String> {
    let got = outcome.get("decode_error").and_then(Value::as_str);
    match (got, &case.decode_error) {
        (Some(got), Some(expected)) if got == expected => return Ok(()),
        (Some(got), Some(expected)) => {
            return Err(format!("the response is refused with {got:?}, expected {expected:?}"));
        }
        (None, Some(expected)) => {
            return Err(format!("the response is read, expected it refused with {expected:?}"));
        }
        (Some(got), None) => return Err(format!("cannot read the response: {got}")),
        (None, None) => {}
    }
    match (&case.error_code, outcome.get("error"), outcome.get("output")) {
        (None, None, Some(output)) => {
            let expected = outcome.get("expected").unwrap_or(&Value::Null);
            verdict(differences("result", expected, output))
        }
        (None, Some(error), _) => {
            Err(format!("expected a result, got error {}", show_error(error)))
        }
        (Some(code), Some(error), _) => {
            let mut problems = Vec::new();
            let got_code = error.get("code").and_then(Value::as_str).unwrap_or_default();
            if got_code != code {
                problems.push(format!("error code is `{got_code}`, expected `{code}`"));
            }
            let got_message = error.get("message").and_then(Value::as_str);
            if got_message != case.error_message.as_deref() {
                problems.push(format!(
                    "error message is {}, expected {}",
                    show_option(got_message),
                    show_option(case.error_message.as_deref())
                ));
            }
            if let Some(expected) = outcome.get("expected_members") {
                let members = error.get("members").unwrap_or(&Value::Null);
                problems.extend(differences("error", expected, members));
            }
            verdict(problems)
        }
        (Some(code), None, _) => Err(format!("expected error `{code}`, got a result")),
        (None, None, None) => Err("the harness gave neither an output nor an error".to_owned()),
    }
}

fn sent_headers(outcome: &Value) -> Vec<(String, String)> {
    let pairs = outcome.get("headers").and_then(Value::as_array).cloned().unwrap_or_default();
    pairs
        .iter()
        .filter_map(|pair| {
            let name = pair.get(0)?.as_str()?;
            let value = pair.get(1)?.as_str()?;
            Some((name.to_owned(), value.to_owned()))
        })
        .collect()
}

/// Bodies compare as parsed JSON; text that is not JSON compares as text.
fn bodies(expected: &str, sent: &str) -> Result<(), String> {
    match (serde_json::from_str::<Value>(expected), serde_json::from_str::<Value>(sent)) {
        (Ok(expected), Ok(sent)) => verdict(differences("body", &expected, &sent)),
        _ if expected == sent => Ok(()),
        _ => Err(format!("body is {}, expected {}", show_text(sent), show_text(expected))),
    }
}

fn verdict(problems: Vec<String>) -> Result<(), String> {
    if problems.is_empty() { Ok(()) } else { Err(problems.join("; ")) }
}

/// The first few places where `actual` differs from `expected`, each naming its path below
/// `what` (`body`, `result`, `error`).
pub fn differences(what: &str, expected: &Value, actual: &Value) -> Vec<String> {
    let mut found = Vec::new();
    walk(&mut Vec::new(), expected, actual, &mut found);
    let total = found.len();
    let mut lines: Vec<String> = found
        .into_iter()
        .take(MAX_DIFFERENCES)
        .map(|(path, difference)| {
            if path.is_empty() {
                format!("{what} {difference}")
            } else {
                format!("{what} at `{path}` {difference}")
            }
        })
        .collect();
    if total > MAX_DIFFERENCES {
        lines.push(format!("and {} more differences", total - MAX_DIFFERENCES));
    }
    lines
}

fn walk(
    path: &mut Vec<String>,
    expected: &Value,
    actual: &Value,
    found: &mut Vec<(String, String)>,
) {
    let here = |path: &[String]| path.concat().trim_start_matches('.').to_owned();
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            for (key, value) in expected {
                path.push(format!(".{key}"));
                match actual.get(key) {
                    Some(got) => walk(path, value, got, found),
                    None => {
                        found.push((here(path), format!("is missing (expected {})", show(value))))
                    }
                }
                path.pop();
            }
            for (key, value) in actual.iter().filter(|(key, _)| !expected.contains_key(*key)) {
                path.push(format!(".{key}"));
                found.push((here(path), format!("is not expected (got {})", show(value))));
                path.pop();
            }
        }
        (Value::Array(expected), Value::Array(actual)) if expected.len() == actual.len() => {
            for (index, (value, got)) in expected.iter().zip(actual).enumerate() {
                path.push(format!("[{index}]"));
                walk(path, value, got, found);
                path.pop();
            }
        }
        (Value::Number(a), Value::Number(b)) if same_number(a, b) => {}
        (expected, actual) if expected == actual => {}
        (expected, actual) => {
            found.push((here(path), format!("is {}, expected {}", show(actual), show(expected))))
        }
    }
}

/// Numbers compare by value: `1` and `1.0` are the same JSON number.
fn same_number(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
        (Some(a), Some(b), _, _) => a == b,
        (_, _, Some(a), Some(b)) => a == b,
        _ => a.as_f64() == b.as_f64(),
    }
}

fn show(value: &Value) -> String {
    show_text(&value.to_string())
}

fn show_text(text: &str) -> String {
    const LIMIT: usize = 80;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

fn show_option(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_owned(), |text| format!("{text:?}"))
}

fn show_error(error: &Value) -> String {
    let code = error.get("code").and_then(Value::as_str).unwrap_or_default();
    let message = error.get("message").and_then(Value::as_str);
    format!("`{code}` ({})", show_option(message))
}

#[cfg(test)]
mod tests {
    use super::differences;
    use serde_json::json;

    #[test]
    fn differences_name_their_paths() {
        let expected = json!({"Name": "a", "List": [1, {"X": true}], "Gone": 1, "N": 1});
        let actual = json!({"Name": "b", "List": [1, {"X": false}], "Extra": null, "N": 1.0});
        assert_eq!(
            differences("body", &expected, &actual),
            [
                "body at `Name` is \"b\", expected \"a\"",
                "body at `List[1].X` is false, expected true",
                "body at `Gone` is missing (expected 1)",
                "and 1 more differences",
            ]
        );
        assert_eq!(
            differences("result", &json!([1]), &json!([1, 2])),
            ["result is [1,2], expected [1]"]
        );
        assert!(differences("body", &json!({"A": 1e0}), &json!({"A": 1})).is_empty());
    }
}
