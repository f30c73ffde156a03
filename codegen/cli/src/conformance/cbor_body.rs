//! CBOR bodies of a suite, given in base64, compared as decoded data items: map key order and
//! definite or indefinite lengths do not matter, floats compare bitwise (NaN equals NaN).

use crate::cbor_item::{self, Item};
use awsjson_runtime::Blob;
use serde::Deserialize as _;

/// At most this many differences are listed per body.
const MAX_DIFFERENCES: usize = 3;

/// The bytes of a base64 body; `what` names it in the error.
pub fn decode_base64(text: &str, what: &str) -> Result<Vec<u8>, String> {
    let value = serde_json::Value::String(text.to_owned());
    Blob::deserialize(&value)
        .map(Blob::into_inner)
        .map_err(|error| format!("{what} is not base64: {error}"))
}

/// Checks a sent body (base64) against the expected one (base64; empty: no body).
pub fn compare(expected: &str, sent: &str) -> Result<(), String> {
    let expected = decode_base64(expected, "the expected body")?;
    let sent = decode_base64(sent, "the sent body")?;
    match (expected.is_empty(), sent.is_empty()) {
        (true, true) => return Ok(()),
        (true, false) => return Err(format!("body is {}, expected none", show_body(&sent))),
        (false, true) => return Err(format!("body is empty, expected {}", show_body(&expected))),
        (false, false) => {}
    }
    let expected = cbor_item::read(&expected)
        .map_err(|why| format!("the expected body is not CBOR: {why}"))?;
    let sent = cbor_item::read(&sent).map_err(|why| format!("the sent body is not CBOR: {why}"))?;
    let mut found = Vec::new();
    walk(&mut String::new(), &expected, &sent, &mut found);
    let total = found.len();
    let mut lines: Vec<String> = found.into_iter().take(MAX_DIFFERENCES).collect();
    if total > MAX_DIFFERENCES {
        lines.push(format!("and {} more differences", total - MAX_DIFFERENCES));
    }
    if lines.is_empty() { Ok(()) } else { Err(lines.join("; ")) }
}

fn show_body(bytes: &[u8]) -> String {
    match cbor_item::read(bytes) {
        Ok(item) => show(&item),
        Err(_) => format!("{} bytes that are not CBOR", bytes.len()),
    }
}

fn walk(path: &mut String, expected: &Item, actual: &Item, found: &mut Vec<String>) {
    let at = |path: &str| {
        let path = path.trim_start_matches('.');
        if path.is_empty() { "body".to_owned() } else { format!("body at `{path}`") }
    };
    match (expected, actual) {
        (Item::Map(expected), Item::Map(actual)) => {
            for (key, value) in expected {
                let len = path.len();
                path.push_str(&segment(key));
                match actual.iter().find(|(got, _)| got == key) {
                    Some((_, got)) => walk(path, value, got, found),
                    None => {
                        found.push(format!("{} is missing (expected {})", at(path), show(value)))
                    }
                }
                path.truncate(len);
            }
            for (key, value) in
                actual.iter().filter(|(key, _)| !expected.iter().any(|e| e.0 == *key))
            {
                let len = path.len();
                path.push_str(&segment(key));
                found.push(format!("{} is not expected (got {})", at(path), show(value)));
                path.truncate(len);
            }
        }
        (Item::Array(expected), Item::Array(actual)) if expected.len() == actual.len() => {
            for (index, (value, got)) in expected.iter().zip(actual).enumerate() {
                let len = path.len();
                path.push_str(&format!("[{index}]"));
                walk(path, value, got, found);
                path.truncate(len);
            }
        }
        (Item::Tag(a, x), Item::Tag(b, y)) if a == b => walk(path, x, y, found),
        (expected, actual) if expected == actual => {}
        (expected, actual) => {
            found.push(format!("{} is {}, expected {}", at(path), show(actual), show(expected)));
        }
    }
}

/// A map key in a path: `.name` for text, `[key]` for any other item.
fn segment(key: &Item) -> String {
    match key.as_text() {
        Some(text) => format!(".{text}"),
        None => format!("[{key}]"),
    }
}

fn show(item: &Item) -> String {
    const LIMIT: usize = 80;
    let text = item.to_string();
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::compare;

    #[test]
    fn differences_name_their_paths() {
        // {"a": 1, "b": [true]} against {_ "b": [false], "c": 1(2)}
        assert_eq!(
            compare("omFhAWFigfU=", "v2FigfRhY8EC/w==").unwrap_err(),
            "body at `a` is missing (expected 1); body at `b[0]` is false, expected true; \
             body at `c` is not expected (got 1(2))"
        );
        // The same map, written definite and indefinite.
        assert_eq!(compare("omFhAWFigfU=", "v2FigfVhYQH/"), Ok(()));
        assert_eq!(compare("", "oA=="), Err("body is {}, expected none".to_owned()));
        assert_eq!(
            compare("oA==", "oWFh").unwrap_err(),
            "the sent body is not CBOR: the body ends in the middle of a data item at byte 3"
        );
    }
}
