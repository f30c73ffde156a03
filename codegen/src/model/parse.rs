//! JSON text to [`Model`], with problems that say where in the model the JSON went wrong.
//!
//! One typed pass reads a good model, as fast as serde can. It stops at the first value of a
//! wrong type, so a model with one is read again entry by entry (the metadata, each operation,
//! each shape, from its raw JSON) to report the first such value of every entry, not only of
//! the first entry. Broken JSON syntax is one problem: nothing after it can be read.

use super::{Metadata, Model, Operation, Shape, wording};
use crate::error::{Location, Problem};
use indexmap::IndexMap;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_path_to_error::Segment;
use std::collections::BTreeMap;

/// Parses a botocore model, or reports every problem in it, each naming the shape and member
/// (or operation) it is in.
pub fn parse(json: &[u8]) -> Result<Model, Vec<Problem>> {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let first = match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(model) => {
            return match deserializer.end() {
                Ok(()) => Ok(model),
                Err(error) => Err(vec![invalid_json(Location::Model, &error)]),
            };
        }
        Err(error) => error,
    };
    let steps = steps(first.path());
    if is_syntax(first.inner()) {
        return Err(vec![invalid_json(location_of(&steps).0, first.inner())]);
    }
    let mut problems = every_problem(json);
    if problems.is_empty() {
        // Only the typed pass sees a few problems, such as a top-level key given twice.
        problems.push(problem_at(&steps, first.inner()));
    }
    problems.sort_by_cached_key(ToString::to_string);
    problems.dedup();
    Err(problems)
}

/// Reads each part of the model on its own, so that one part's problem hides no other's.
/// Mirrors [`Model`]'s fields.
fn every_problem(json: &[u8]) -> Vec<Problem> {
    let top: BTreeMap<String, &RawValue> = match serde_json::from_slice(json) {
        Ok(top) => top,
        Err(error) if is_syntax(&error) => return vec![invalid_json(Location::Model, &error)],
        Err(error) => return vec![problem_at(&[], &error)],
    };
    let mut problems = Vec::new();
    if !top.contains_key("metadata") {
        problems.push(Problem::new(Location::Model, "has no `metadata`"));
    }
    for (key, raw) in &top {
        let path = [key.clone()];
        match key.as_str() {
            "metadata" => check::<Metadata>(&path, raw, &mut problems),
            "version" | "documentation" => check::<Option<String>>(&path, raw, &mut problems),
            "operations" => check_entries::<Operation>(key, raw, &mut problems),
            "shapes" => check_entries::<Shape>(key, raw, &mut problems),
            _ => {} // kept verbatim, whatever it holds
        }
    }
    problems
}

/// Checks each entry of an object of operations or shapes by name.
fn check_entries<T: DeserializeOwned>(section: &str, raw: &RawValue, problems: &mut Vec<Problem>) {
    let entries: BTreeMap<String, &RawValue> = match serde_json::from_str(raw.get()) {
        Ok(entries) => entries,
        Err(error) => return problems.push(problem_at(&[section.to_owned()], &error)),
    };
    for (name, raw) in entries {
        check::<T>(&[section.to_owned(), name], raw, problems);
    }
}

/// Reads `raw` as a `T`, recording a problem if it is not one; `path` is where it sits.
fn check<T: DeserializeOwned>(path: &[String], raw: &RawValue, problems: &mut Vec<Problem>) {
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    if let Err(error) = serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        let mut steps = path.to_vec();
        steps.extend(self::steps(error.path()));
        problems.push(problem_at(&steps, error.inner()));
    }
}

/// A file of named entries (a paginators or waiters file), or every entry that does not read
/// as a `T`, each named by `location`: the whole file is read first, and only when that fails
/// is each entry read on its own, for the messages.
pub(super) fn named_entries<F, T>(
    json: &[u8],
    section: &str,
    location: impl Fn(String) -> Location,
) -> Result<F, Vec<Problem>>
where
    F: DeserializeOwned,
    T: DeserializeOwned,
{
    if let Ok(file) = serde_json::from_slice::<F>(json) {
        return Ok(file);
    }
    let mut raw: IndexMap<String, serde_json::Value> = match serde_json::from_slice(json) {
        Ok(raw) => raw,
        Err(error) if is_syntax(&error) => return Err(vec![invalid_json(Location::Model, &error)]),
        Err(error) => return Err(vec![Problem::new(Location::Model, error.to_string())]),
    };
    let entries = match raw.shift_remove(section) {
        Some(serde_json::Value::Object(entries)) => entries,
        _ => return Err(vec![Problem::new(Location::Model, format!("has no `{section}` object"))]),
    };
    let mut problems = Vec::new();
    for (name, entry) in entries {
        if let Err(error) = serde_path_to_error::deserialize::<_, T>(entry) {
            let path = key_path(&steps(error.path()));
            let message = error.inner().to_string();
            problems.push(Problem::new(location(name), super::wording::describe(&path, &message)));
        }
    }
    Err(problems)
}

pub(super) fn is_syntax(error: &serde_json::Error) -> bool {
    error.is_syntax() || error.is_eof()
}

pub(super) fn invalid_json(location: Location, error: &serde_json::Error) -> Problem {
    Problem::new(location, format!("invalid JSON: {error}"))
}

/// A problem with the value at `steps`: the location names the shape and member, the message
/// the key inside it. No line and column: serde's would point at the end of the enclosing
/// object, and the location already says where to look.
fn problem_at(steps: &[String], error: &serde_json::Error) -> Problem {
    let (location, used) = location_of(steps);
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = message.strip_suffix(&position).unwrap_or(&message);
    Problem::new(location, wording::describe(&key_path(&steps[used..]), message))
}

/// A path's steps: keys, and `[index]` for array elements.
pub(super) fn steps(path: &serde_path_to_error::Path) -> Vec<String> {
    path.iter()
        .map(|segment| match segment {
            Segment::Map { key } => key.clone(),
            Segment::Seq { index } => format!("[{index}]"),
            Segment::Enum { variant } => variant.clone(),
            Segment::Unknown => "?".to_owned(),
        })
        .collect()
}

/// "`errors[0].shape`", or "" for no steps.
pub(super) fn key_path(steps: &[String]) -> String {
    let mut path = String::new();
    for step in steps {
        if !path.is_empty() && !step.starts_with('[') {
            path.push('.');
        }
        path.push_str(step);
    }
    if path.is_empty() { path } else { format!("`{path}`") }
}

/// Turns `shapes.Fleet.members.Name.shape` into "shape `Fleet`, member `Name`", with the
/// number of steps that says.
fn location_of(steps: &[String]) -> (Location, usize) {
    let member = |shape: &str, member: &str| Location::Member {
        shape: shape.to_owned(),
        member: member.to_owned(),
    };
    let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
    match steps.as_slice() {
        ["shapes", shape, "members", name, ..] => (member(shape, name), 4),
        ["shapes", shape, role @ ("member" | "key" | "value"), ..] => (member(shape, role), 3),
        ["shapes", shape, ..] => (Location::Shape((*shape).to_owned()), 2),
        ["operations", operation, ..] => (Location::Operation((*operation).to_owned()), 2),
        ["metadata", ..] => (Location::Metadata, 1),
        _ => (Location::Model, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(json: &str) -> Vec<String> {
        match parse(json.as_bytes()) {
            Ok(_) => panic!("expected an error for {json}"),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn truncated_json_is_named_as_such() {
        assert_eq!(
            problems(r#"{"metadata": {"#),
            ["metadata: invalid JSON: EOF while parsing an object at line 1 column 14"]
        );
    }

    #[test]
    fn wrong_type_names_shape_and_member() {
        let json = r#"{"metadata": {}, "shapes": {"Fleet": {"type": "structure",
            "members": {"Name": {"shape": 5}}}}}"#;
        assert_eq!(
            problems(json),
            ["shape `Fleet`, member `Name`: `shape` is the number `5`, expected a string"]
        );
    }

    #[test]
    fn wrong_type_in_operation_names_operation() {
        let json = r#"{"metadata": {}, "operations": {"Go": {"name": "Go", "errors": {}}}}"#;
        assert_eq!(problems(json), ["operation `Go`: `errors` is an object, expected an array"]);
    }

    #[test]
    fn trailing_garbage_is_rejected() {
        assert_eq!(
            problems(r#"{"metadata": {}} x"#),
            ["model: invalid JSON: trailing characters at line 1 column 18"]
        );
    }

    #[test]
    fn every_wrong_entry_is_reported() {
        let json = r#"{"metadata": {"protocols": "json"},
            "operations": {"Go": {"name": "Go", "input": "GoRequest"}, "Stop": {"name": 1}},
            "shapes": {"A": {"type": "structure", "required": "B", "members": []},
                       "L": {"type": "list", "member": {}}, "Ok": {"type": "string"}}}"#;
        assert_eq!(
            problems(json),
            [
                "metadata: `protocols` is the string \"json\", expected an array",
                "operation `Go`: `input` is the string \"GoRequest\", expected a shape \
                 reference like `{\"shape\": \"Name\"}`",
                "operation `Stop`: `name` is the number `1`, expected a string",
                // One problem per entry: the first one serde meets.
                "shape `A`: `required` is the string \"B\", expected an array",
                "shape `L`, member `member`: has no `shape`",
            ]
        );
    }

    #[test]
    fn a_missing_section_and_a_wrong_section() {
        assert_eq!(
            problems(r#"{"operations": [], "shapes": {"A": "string"}}"#),
            [
                "model: `operations` is an array, expected an object",
                "model: has no `metadata`",
                "shape `A`: is the string \"string\", expected an object",
            ]
        );
    }

    #[test]
    fn broken_syntax_after_a_wrong_type_is_the_one_problem() {
        assert_eq!(
            problems(r#"{"metadata": [], "shapes": {"A": {"type": "string"},"#),
            ["model: invalid JSON: EOF while parsing an object at line 1 column 52"]
        );
    }

    #[test]
    fn a_problem_only_the_typed_pass_sees_is_still_reported() {
        assert_eq!(
            problems(r#"{"metadata": {}, "metadata": {}}"#),
            ["model: has `metadata` twice"]
        );
    }

    #[test]
    fn the_entry_pass_finds_nothing_in_real_models() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../model");
        for name in ["appstream-2016-12-01.2017-06-05.json", "appstream-2016-12-01.latest.json"] {
            let json = std::fs::read(dir.join(name)).unwrap();
            assert!(parse(&json).is_ok(), "{name}");
            assert_eq!(every_problem(&json), [], "{name}");
        }
    }
}
