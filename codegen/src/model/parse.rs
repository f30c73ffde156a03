//! JSON text to [`Model`], with errors that say where in the model the JSON went wrong.

use super::Model;
use crate::error::{Location, Problem};
use serde_path_to_error::Segment;

/// Parses a botocore model. A failure names the shape and member (or operation) it is in.
pub fn parse(json: &[u8]) -> Result<Model, Problem> {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let model: Model = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let location = location_of(error.path());
        let inner = error.into_inner();
        let message = if inner.is_syntax() || inner.is_eof() {
            format!("invalid JSON: {inner}")
        } else {
            inner.to_string()
        };
        Problem::new(location, message)
    })?;
    deserializer
        .end()
        .map_err(|error| Problem::new(Location::Model, format!("invalid JSON: {error}")))?;
    Ok(model)
}

/// Turns `shapes.Fleet.members.Name.shape` into "shape `Fleet`, member `Name`".
fn location_of(path: &serde_path_to_error::Path) -> Location {
    let keys: Vec<&str> = path
        .iter()
        .map(|segment| match segment {
            Segment::Map { key } => key.as_str(),
            _ => "",
        })
        .collect();
    match keys.as_slice() {
        ["shapes", shape, "members", member, ..] => {
            Location::Member { shape: (*shape).to_owned(), member: (*member).to_owned() }
        }
        ["shapes", shape, ..] => Location::Shape((*shape).to_owned()),
        ["operations", operation, ..] => Location::Operation((*operation).to_owned()),
        ["metadata", ..] => Location::Metadata,
        _ => Location::Model,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(json: &str) -> String {
        match parse(json.as_bytes()) {
            Ok(_) => panic!("expected an error for {json}"),
            Err(problem) => problem.to_string(),
        }
    }

    #[test]
    fn truncated_json_is_named_as_such() {
        assert_eq!(
            problem(r#"{"metadata": {"#),
            "metadata: invalid JSON: EOF while parsing an object at line 1 column 14"
        );
    }

    #[test]
    fn wrong_type_names_shape_and_member() {
        let json = r#"{"metadata": {}, "shapes": {"Fleet": {"type": "structure",
            "members": {"Name": {"shape": 5}}}}}"#;
        assert_eq!(
            problem(json),
            "shape `Fleet`, member `Name`: invalid type: integer `5`, expected a string at line 2 column 43"
        );
    }

    #[test]
    fn wrong_type_in_operation_names_operation() {
        let json = r#"{"metadata": {}, "operations": {"Go": {"name": "Go", "errors": {}}}}"#;
        assert_eq!(
            problem(json),
            "operation `Go`: invalid type: map, expected a sequence at line 1 column 63"
        );
    }

    #[test]
    fn trailing_garbage_is_rejected() {
        assert_eq!(
            problem(r#"{"metadata": {}} x"#),
            "model: invalid JSON: trailing characters at line 1 column 18"
        );
    }
}
