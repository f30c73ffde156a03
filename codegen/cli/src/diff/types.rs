//! How a reference reads in Rust and on the wire, and which side of the wire a shape is on: what
//! the impact pass compares to tell a change for callers from a change on the wire.

use awsjson_codegen::ir::{Element, Member, Service, ShapeId, ShapeKind, TimestampFormat};
use std::collections::BTreeSet;

/// The Rust type of a member as a reader writes it: `Option<Vec<String>>`, `Box<Node>`.
pub fn member_rust_type(service: &Service, member: &Member) -> String {
    let ty = member_held_type(service, member);
    if member.required { ty } else { format!("Option<{ty}>") }
}

/// The Rust type a member holds, boxed where it is, without its `Option`.
pub fn member_held_type(service: &Service, member: &Member) -> String {
    let ty = element_rust_type(service, &member.element());
    if member.boxed { format!("Box<{ty}>") } else { ty }
}

/// The Rust type of what a member, list element or map value holds: `Document` for a
/// `jsonvalue`.
pub fn element_rust_type(service: &Service, element: &Element) -> String {
    if element.json_value { "Document".to_owned() } else { rust_type(service, element.target) }
}

/// The Rust type of shape `id` where a member, element or value refers to it.
pub fn rust_type(service: &Service, id: ShapeId) -> String {
    let shape = service.shape(id);
    match &shape.kind {
        ShapeKind::Structure(_)
        | ShapeKind::Union(_)
        | ShapeKind::Enum(_)
        | ShapeKind::IntEnum(_) => shape.rust_name.clone(),
        ShapeKind::Document => "Document".to_owned(),
        ShapeKind::List { member } => format!("Vec<{}>", element_rust_type(service, member)),
        ShapeKind::Map { key, value } => {
            format!("BTreeMap<{}, {}>", rust_type(service, *key), element_rust_type(service, value))
        }
        ShapeKind::String => "String".to_owned(),
        ShapeKind::Integer => "i32".to_owned(),
        ShapeKind::Long => "i64".to_owned(),
        ShapeKind::Float => "f32".to_owned(),
        ShapeKind::Double => "f64".to_owned(),
        ShapeKind::Boolean => "bool".to_owned(),
        ShapeKind::Blob => "Blob".to_owned(),
        ShapeKind::Timestamp(_) => "DateTime".to_owned(),
    }
}

/// What a member's value looks like in JSON: two members with the same wire type read and write
/// the same bodies even where their Rust types differ (a string that became an enum).
pub fn member_wire_type(service: &Service, member: &Member) -> String {
    wire_type(service, &member.element())
}

/// What a member, list element or map value looks like in JSON.
fn wire_type(service: &Service, element: &Element) -> String {
    if element.json_value {
        return "string (JSON text)".to_owned();
    }
    let format = element.timestamp_format;
    match &service.shape(element.target).kind {
        ShapeKind::Structure(_) | ShapeKind::Union(_) => "object".to_owned(),
        ShapeKind::Document => "any JSON".to_owned(),
        ShapeKind::Enum(_) | ShapeKind::String => "string".to_owned(),
        ShapeKind::IntEnum(_) | ShapeKind::Integer | ShapeKind::Long => "integer".to_owned(),
        ShapeKind::Float | ShapeKind::Double => "number".to_owned(),
        ShapeKind::Boolean => "boolean".to_owned(),
        ShapeKind::Blob => "base64 string".to_owned(),
        ShapeKind::Timestamp(own) => match format.unwrap_or(*own) {
            TimestampFormat::EpochSeconds => "epoch seconds".to_owned(),
            TimestampFormat::Iso8601 => "ISO 8601 string".to_owned(),
            TimestampFormat::Rfc822 => "RFC 822 string".to_owned(),
        },
        ShapeKind::List { member } => format!("array of {}", wire_type(service, member)),
        ShapeKind::Map { value, .. } => format!("object of {}", wire_type(service, value)),
    }
}

/// Where a shape's values travel, for judging changes on the wire.
#[derive(Debug, Clone, Copy)]
pub struct Side {
    pub request: bool,
    pub response: bool,
}

impl Side {
    /// This side, or `other` where this one is neither way.
    pub fn or(self, other: Side) -> Side {
        if self.request || self.response { self } else { other }
    }
}

/// The shapes a service sends (reached from an operation's input) and receives (from outputs
/// and errors), by wire name.
#[derive(Debug, Default)]
pub struct Sides {
    pub requests: BTreeSet<String>,
    pub responses: BTreeSet<String>,
}

impl Sides {
    pub fn of(service: &Service) -> Self {
        let mut sides = Sides::default();
        for operation in &service.operations {
            reach(service, operation.input, &mut sides.requests);
            reach(service, operation.output, &mut sides.responses);
            for error in &operation.errors {
                reach(service, Some(error.shape), &mut sides.responses);
            }
        }
        sides
    }

    /// Which way the shape `name` travels.
    pub fn side(&self, name: &str) -> Side {
        Side { request: self.requests.contains(name), response: self.responses.contains(name) }
    }
}

fn reach(service: &Service, start: Option<ShapeId>, reached: &mut BTreeSet<String>) {
    let mut pending: Vec<ShapeId> = start.into_iter().collect();
    while let Some(id) = pending.pop() {
        let shape = service.shape(id);
        if !reached.insert(shape.wire_name.clone()) {
            continue;
        }
        match &shape.kind {
            ShapeKind::Structure(structure) => {
                pending.extend(structure.members.iter().map(|m| m.target));
            }
            ShapeKind::Union(members) => pending.extend(members.iter().map(|m| m.target)),
            ShapeKind::List { member } => pending.push(member.target),
            ShapeKind::Map { key, value } => pending.extend([*key, value.target]),
            _ => {}
        }
    }
}
