//! Helpers for the wire-format tests in `tests/` (requests rendered as people read them) and
//! the benchmark harness of `benches/`.

pub mod bench;
pub mod bodies;
pub mod cbor;
pub mod deepest;

/// The lints fixture's code (`codegen/tests/fixtures/lints.json`, tested in `tests/lints.rs`):
/// here, not in a test, so that it is built, linted and documented with `-D warnings` as a
/// library's API is, and nothing in it is allowed.
pub mod lints {
    include!(concat!(env!("OUT_DIR"), "/lints.rs"));
}

/// The unchecked fixture's code (`codegen/tests/fixtures/unchecked.json`, tested in
/// `tests/unchecked.rs`): constraints the generator cannot check, whose docs say so, here for
/// the same reason as `lints`.
pub mod unchecked {
    include!(concat!(env!("OUT_DIR"), "/unchecked.rs"));
}

/// AWS Pricing (botocore's model, `tests/models/pricing-2017-10-15.json`): its price lists
/// are lists of `jsonvalue` strings. A library module, so it is linted and documented with
/// `-D warnings` too; the benches read its pages.
pub mod pricing {
    include!(concat!(env!("OUT_DIR"), "/pricing.rs"));
}

use appstream_types::runtime::Request;

/// The request as it goes on the wire: request line, headers, blank line, body re-indented
/// with its keys in the order they were sent. A host prefix shows as a `Host:` line.
///
/// Panics if `Content-Length` is not the body's length, so every snapshot proves it is.
pub fn render_request(request: &Request) -> String {
    let Request { method, path, headers, body, host_prefix, .. } = request;
    let length = body.len().to_string();
    assert_eq!(request.header("Content-Length"), Some(length.as_str()), "Content-Length");
    let host = host_prefix.as_ref().map(|prefix| format!("Host: {prefix}<endpoint host>\n"));
    let headers: String =
        headers.iter().map(|(name, value)| format!("{name}: {value}\n")).collect();
    format!("{method} {path}\n{}{headers}\n{}", host.unwrap_or_default(), pretty_json(body))
}

/// `body` re-indented, or the raw text with a marker if it is not JSON.
pub fn pretty_json(body: &[u8]) -> String {
    let mut out = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    match serde_transcode::transcode(&mut deserializer, &mut serializer) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(error) => format!("<not JSON: {error}> {}", String::from_utf8_lossy(body)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pretty_json_keeps_key_order() {
        assert_eq!(
            super::pretty_json(br#"{"b":1,"a":[true]}"#),
            "{\n  \"b\": 1,\n  \"a\": [\n    true\n  ]\n}"
        );
    }

    #[test]
    fn pretty_json_marks_a_body_that_is_not_json() {
        assert!(super::pretty_json(b"<html>").starts_with("<not JSON: "));
    }
}

/// The README's examples: the AppStream example runs and the own-crate build script compiles
/// as doctests (its other blocks are checked where they build: tests/moto, `.ci/packages`).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
