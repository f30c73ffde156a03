//! Reading response bodies, with the JSON path of any failure.

use super::error::DecodeError;

/// Reads a JSON response body; an empty (or all-whitespace) body reads as `{}`.
///
/// The common, successful case is a plain `serde_json` read. Only after a failure is the body
/// read again, tracking the path, to say where it failed (`Fleets[0].VpcConfig.SubnetIds[1]`).
/// serde's `missing field` becomes `missing required member`, with the member's name appended to
/// the path. serde_json's ` at line L column C` suffix is kept: for a body that is not valid JSON
/// it is the only pointer to the fault.
///
/// The body is checked to be UTF-8 once, whole, and then read as text: reading bytes, serde_json
/// would check every string on its own, which costs more than the rest of a typed decode's
/// string handling. A body that is not UTF-8 is read as bytes, for serde_json's own error.
pub fn from_body<'de, T: ::serde::Deserialize<'de>>(body: &'de [u8]) -> Result<T, DecodeError> {
    let body: &'de [u8] = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    let read = match ::std::str::from_utf8(body) {
        Ok(text) => ::serde_json::from_str(text),
        Err(_) => ::serde_json::from_slice(body),
    };
    read.map_err(|error| locate::<T>(body, error))
}

#[cold]
fn locate<'de, T: ::serde::Deserialize<'de>>(
    body: &'de [u8],
    first: ::serde_json::Error,
) -> DecodeError {
    let mut deserializer = ::serde_json::Deserializer::from_slice(body);
    match ::serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(error) => {
            let path = error.path().to_string();
            convert(path, &error.into_inner())
        }
        // Trailing characters after the value: only `end` notices.
        Ok(_) => convert(String::new(), &deserializer.end().err().unwrap_or(first)),
    }
}

fn convert(path: String, error: &::serde_json::Error) -> DecodeError {
    // serde_path_to_error writes the root as ".".
    let mut path = if path == "." { String::new() } else { path };
    let full = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let (message, position) = match full.strip_suffix(&position) {
        Some(message) if error.line() != 0 => (message, position.as_str()),
        _ => (full.as_str(), ""),
    };
    let missing = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`'));
    let Some(member) = missing else {
        return DecodeError::new(path, full);
    };
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(member);
    DecodeError::new(path, format!("missing required member `{member}`{position}"))
}

#[cfg(test)]
mod tests {
    use super::from_body;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Body {
        #[serde(rename = "Fleets", default)]
        fleets: Vec<Fleet>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Fleet {
        #[serde(rename = "Name")]
        name: String,
        #[serde(rename = "SubnetIds", default)]
        subnet_ids: Vec<String>,
    }

    fn error(body: &str) -> (String, String) {
        let error = from_body::<Body>(body.as_bytes()).unwrap_err();
        (error.path().to_owned(), error.to_string())
    }

    #[test]
    fn reads_a_body() {
        let body: Body = from_body(br#"{"Fleets":[{"Name":"a","Extra":1}]}"#).unwrap();
        assert_eq!(body.fleets[0].name, "a");
    }

    #[test]
    fn empty_body_reads_as_empty_object() {
        assert_eq!(from_body::<Body>(b"").unwrap(), Body { fleets: vec![] });
        assert_eq!(from_body::<Body>(b" \r\n\t").unwrap(), Body { fleets: vec![] });
    }

    #[test]
    fn missing_member_in_a_list() {
        let (path, text) = error(r#"{"Fleets":[{"Name":"a"},{"SubnetIds":[]}]}"#);
        assert_eq!(path, "Fleets[1].Name");
        assert_eq!(text, "at `Fleets[1].Name`: missing required member `Name` at line 1 column 40");
    }

    #[test]
    fn missing_member_at_root() {
        let error = from_body::<Fleet>(b"{}").unwrap_err();
        assert_eq!(error.path(), "Name");
        assert_eq!(error.message(), "missing required member `Name` at line 1 column 2");
    }

    #[test]
    fn wrong_type() {
        let (path, text) = error(r#"{"Fleets":[{"Name":"a","SubnetIds":["x",5]}]}"#);
        assert_eq!(path, "Fleets[0].SubnetIds[1]");
        assert_eq!(
            text,
            "at `Fleets[0].SubnetIds[1]`: invalid type: integer `5`, expected a string \
             at line 1 column 41"
        );
    }

    #[test]
    fn invalid_json() {
        let (path, text) = error(r#"{"Fleets":[{"Name":"a"}"#);
        assert_eq!(path, "Fleets");
        assert_eq!(text, "at `Fleets`: EOF while parsing a list at line 1 column 23");
        assert_eq!(
            error("<html>"),
            (String::new(), "expected value at line 1 column 1".to_owned())
        );
    }

    #[test]
    fn trailing_characters() {
        let (path, text) = error("{} x");
        assert_eq!(path, "");
        assert_eq!(text, "trailing characters at line 1 column 4");
    }
}
