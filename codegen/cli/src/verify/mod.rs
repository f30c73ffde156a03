//! `codegen verify`: bodies captured from real traffic, checked against the model.
//!
//! Each body is read as JSON (or Smithy RPC v2 CBOR) and walked against the operation's
//! input, output or error shape; every finding names its path: a member the shape does not
//! have, a value the enum does not list, a constraint broken, a wrong type, a required member
//! missing. A JSON file is one body (over any number of lines) or many, one per line (JSON
//! lines); a CBOR file is one body or many, one data item after another (a CBOR sequence).

mod node;
mod run;
mod walk;

pub use self::run::{Protocol, Summary, run};

use self::node::Node;
use self::walk::{Root, Schema};
use crate::cbor_item::{self, Item};
use awsjson_codegen::ir::{Operation, Service};
use awsjson_runtime::ErrorResponse;
use awsjson_runtime::error_response::sanitize_error_code;
use awsjson_runtime::validate::{Constraint, Validator, Violation};
use serde_json::Value;

/// Which body of the operation a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The request body: the input shape.
    Request,
    /// A successful response body: the output shape.
    Response,
    /// An error response body: the error shape its `__type` names.
    Error,
}

/// What one body was found to break; empty when it conforms.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The body is not JSON; the message is serde_json's.
    NotJson(String),
    /// The body is not CBOR: why, and the byte offset in the file.
    NotCbor(String),
    /// A value breaks the model.
    Violation(Violation),
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Finding::NotJson(why) => write!(f, "not JSON: {why}"),
            Finding::NotCbor(why) => write!(f, "not CBOR: {why}"),
            Finding::Violation(violation) => write!(f, "{violation}"),
        }
    }
}

/// Checks bodies of one operation, in one direction, against the model.
pub struct Verifier<'s> {
    schema: Schema<'s>,
    operation: &'s Operation,
    direction: Direction,
}

impl<'s> Verifier<'s> {
    /// A verifier of `direction` bodies of operation `name`; `Err` says the model has no
    /// operation `name`, with the names it may have meant.
    pub fn new(service: &'s Service, name: &str, direction: Direction) -> Result<Self, String> {
        match service.operations.iter().find(|operation| operation.wire_name == name) {
            Some(operation) => Ok(Verifier { schema: Schema::new(service), operation, direction }),
            None => Err(no_such_operation(service, name)),
        }
    }

    /// Everything `body` breaks, in the body's order; missing required members come after
    /// the members of their structure.
    pub fn verify(&self, body: &str) -> Vec<Finding> {
        match serde_json::from_str::<Value>(body) {
            Ok(value) => self.verify_value(&value),
            Err(error) => vec![Finding::NotJson(error.to_string())],
        }
    }

    /// [`Verifier::verify`] of a body already read.
    pub fn verify_value(&self, value: &Value) -> Vec<Finding> {
        self.verify_node(value, || {
            let body = value.to_string();
            let response = ErrorResponse::parse(400, &[] as &[(&str, &str)], body.as_bytes());
            response.code().map(str::to_owned)
        })
    }

    /// Everything a Smithy RPC v2 CBOR body breaks (an empty body is an empty map).
    pub fn verify_cbor(&self, body: &[u8]) -> Vec<Finding> {
        if body.is_empty() {
            return self.verify_item(&Item::Map(Vec::new()));
        }
        match cbor_item::read(body) {
            Ok(item) => self.verify_item(&item),
            Err(why) => vec![Finding::NotCbor(why)],
        }
    }

    /// [`Verifier::verify_cbor`] of a body already read; errors are named by `__type` alone,
    /// as the protocol names them.
    pub fn verify_item(&self, item: &Item) -> Vec<Finding> {
        self.verify_node(item, || {
            let entries = item.entries()?;
            let (_, code) = entries.into_iter().find(|(key, _)| *key == "__type")?;
            let code = sanitize_error_code(code.as_text()?);
            (!code.is_empty()).then(|| code.to_owned())
        })
    }

    fn verify_node<N: Node>(
        &self,
        value: &N,
        code: impl FnOnce() -> Option<String>,
    ) -> Vec<Finding> {
        let mut v = Validator::new();
        let shape = match self.direction {
            Direction::Request => self.operation.input.map(|id| (id, Root::Body)),
            Direction::Response => self.operation.output.map(|id| (id, Root::Body)),
            Direction::Error => self.error_shape(code(), &mut v).map(|id| (id, Root::Error)),
        };
        match shape {
            Some((id, root)) => self.schema.body(value, id, root, &mut v),
            // An operation without an input or output takes `{}`.
            None if self.direction != Direction::Error => empty(value, &mut v),
            None => {}
        }
        v.finish().err().into_iter().flatten().map(Finding::Violation).collect()
    }

    /// The error shape the body's code names, or a finding for a code the operation does not
    /// list, or none at all.
    fn error_shape(
        &self,
        code: Option<String>,
        v: &mut Validator<'_>,
    ) -> Option<awsjson_codegen::ir::ShapeId> {
        v.member("__type");
        let found = match code.as_deref() {
            None => {
                v.report(Constraint::Required, None, false);
                None
            }
            Some(code) => {
                let errors = &self.operation.errors;
                let shape = |id| &self.schema.service.shape(id).wire_name;
                let found = errors.iter().find(|error| *shape(error.shape) == code);
                if found.is_none() {
                    let listed: Vec<&str> =
                        errors.iter().map(|error| shape(error.shape).as_str()).collect();
                    let text = Value::from(code).to_string();
                    v.report(Constraint::unlisted(&listed), Some(text), false);
                }
                found.map(|error| error.shape)
            }
        };
        v.leave();
        found
    }
}

/// How far apart two names are: edits of one character (Levenshtein), ignoring case.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, a) in a.to_lowercase().chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, b) in b.iter().enumerate() {
            let next = (diagonal + usize::from(a != *b)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

fn no_such_operation(service: &Service, name: &str) -> String {
    let names = service.operations.iter().map(|operation| operation.wire_name.as_str());
    let mut near: Vec<(usize, &str)> = names
        .clone()
        .map(|known| (distance(name, known), known))
        .filter(|(distance, _)| *distance <= 3)
        .collect();
    near.sort_unstable();
    let quoted = |names: Vec<&str>| {
        names.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
    };
    let hint = match (near.is_empty(), service.operations.len()) {
        (false, _) => {
            format!("did you mean {}?", quoted(near.iter().take(3).map(|n| n.1).collect()))
        }
        (true, count) if count <= 10 => format!("it has {}", quoted(names.collect())),
        (true, count) => format!("none of its {count} operations has a name close to it"),
    };
    format!("the model has no operation `{name}` ({hint})")
}

/// The body of an operation without that shape: an object without members.
fn empty<'a, N: Node>(value: &'a N, v: &mut Validator<'a>) {
    match value.entries() {
        Some(object) => {
            for (key, _) in object {
                v.unknown_member(key, "(none: the operation has no such body)", false);
            }
        }
        None => {
            let expected = Constraint::Type { expected: N::OBJECT.to_owned() };
            v.report(expected, Some(value.describe()), false);
        }
    }
}

/// The bodies a file holds: the whole file when it is one JSON value, else one per non-blank
/// line, each with its line number.
pub fn bodies(text: &str) -> Vec<(Option<usize>, &str)> {
    let lines: Vec<(usize, &str)> = (text.lines().enumerate())
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| (index + 1, line))
        .collect();
    let one_value = || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
    let first_line_alone = || {
        lines
            .first()
            .is_some_and(|(_, line)| serde_json::from_str::<serde::de::IgnoredAny>(line).is_ok())
    };
    if lines.len() <= 1 || one_value() || !first_line_alone() {
        return vec![(None, text)];
    }
    lines.into_iter().map(|(number, line)| (Some(number), line)).collect()
}
