//! One model shape to one IR shape, with the problems it has.

use super::build::{deprecation, resolve};
use super::{EnumValue, Member, Shape, ShapeId, ShapeKind, Structure, naming};
use crate::error::{Location, Problem};
use crate::model;
use std::collections::{BTreeMap, HashMap};

/// Builds one shape, and whether its kind could be decided. Without a kind the shape still
/// comes back (as a plain string) so that shape ids stay valid while the rest of the model is
/// checked; callers skip checks on it so that one problem is not reported twice.
pub(super) fn build(
    name: &str,
    shape: &model::Shape,
    ids: &HashMap<&str, ShapeId>,
    problems: &mut Vec<Problem>,
) -> (Shape, bool) {
    let kind = match shape.shape_type.as_deref() {
        None => {
            problems.push(Problem::shape(name, "has no `type`"));
            None
        }
        Some("structure") => Some(ShapeKind::Structure(structure(name, shape, ids, problems))),
        Some("string") => match &shape.enum_values {
            Some(values) => Some(ShapeKind::Enum(enum_values(name, values, problems))),
            None => Some(ShapeKind::String),
        },
        Some("list") => container_member(name, "member", &shape.member, ids, problems)
            .map(|member| ShapeKind::List { member }),
        Some("map") => {
            let key = container_member(name, "key", &shape.key, ids, problems);
            let value = container_member(name, "value", &shape.value, ids, problems);
            key.zip(value).map(|(key, value)| ShapeKind::Map { key, value })
        }
        Some("integer") => Some(ShapeKind::Integer),
        Some("long") => Some(ShapeKind::Long),
        Some("boolean") => Some(ShapeKind::Boolean),
        Some("blob") => Some(ShapeKind::Blob),
        Some("timestamp") => timestamp_format(&shape.timestamp_format)
            .map_err(|message| problems.push(Problem::shape(name, message)))
            .ok()
            .map(|()| ShapeKind::Timestamp),
        Some(other @ ("float" | "double")) => {
            let message = format!("`{other}` shapes are not supported yet");
            problems.push(Problem::shape(name, message));
            None
        }
        Some(other) => {
            problems.push(Problem::shape(name, format!("unknown shape type `{other}`")));
            None
        }
    };
    let built = Shape {
        wire_name: name.to_owned(),
        rust_name: naming::type_name(name),
        docs: shape.documentation.clone(),
        sensitive: shape.sensitive.unwrap_or(false),
        deprecated: deprecation(shape.deprecated, &shape.deprecated_message),
        kind: kind.clone().unwrap_or(ShapeKind::String),
    };
    (built, kind.is_some())
}

/// Checks that need every shape built: map keys must be strings.
pub(super) fn check_kinds(
    model: &model::Model,
    shapes: &[Shape],
    known: &[bool],
    problems: &mut Vec<Problem>,
) {
    for shape in shapes {
        let ShapeKind::Map { key, .. } = shape.kind else {
            continue;
        };
        let key_shape = &shapes[key.0];
        if !known[key.0] {
            continue;
        }
        if !matches!(key_shape.kind, ShapeKind::String | ShapeKind::Enum(_)) {
            let key_type =
                model.shapes.get(&key_shape.wire_name).and_then(|s| s.shape_type.clone());
            let message = format!(
                "map key `{}` must be a string shape, not `{}`",
                key_shape.wire_name,
                key_type.unwrap_or_default()
            );
            problems.push(Problem::member(&shape.wire_name, "key", message));
        }
    }
}

/// The structure with every member that could be resolved; problems go to `problems`.
fn structure(
    name: &str,
    shape: &model::Shape,
    ids: &HashMap<&str, ShapeId>,
    problems: &mut Vec<Problem>,
) -> Structure {
    if shape.document == Some(true) {
        problems.push(Problem::shape(name, "document shapes are not supported yet"));
    }
    if shape.union == Some(true) {
        problems.push(Problem::shape(name, "union shapes are not supported yet"));
    }
    let members = shape.members.clone().unwrap_or_default();
    let required = shape.required.clone().unwrap_or_default();
    for missing in required.iter().filter(|r| !members.contains_key(*r)) {
        let message = format!("`required` names `{missing}`, which is not a member");
        problems.push(Problem::shape(name, message));
    }
    let mut rust_names: BTreeMap<String, &str> = BTreeMap::new();
    let mut built = Vec::new();
    for (member_name, member) in &members {
        let location = || Location::Member { shape: name.to_owned(), member: member_name.clone() };
        let rust_name = naming::field_name(member_name);
        if let Some(first) = rust_names.insert(rust_name.clone(), member_name) {
            let message =
                format!("its Rust field name `{rust_name}` is also that of member `{first}`");
            problems.push(Problem::member(name, member_name, message));
        }
        if let Err(message) = timestamp_format(&member.timestamp_format) {
            problems.push(Problem::member(name, member_name, message));
        }
        if member.jsonvalue == Some(true) {
            problems.push(Problem::member(name, member_name, "`jsonvalue` is not supported yet"));
        }
        let Some(target) = resolve(ids, &member.shape, location, problems) else {
            continue;
        };
        built.push(Member {
            wire_name: member.location_name.clone().unwrap_or_else(|| member_name.clone()),
            model_name: member_name.clone(),
            rust_name,
            target,
            required: required.contains(member_name),
            boxed: false,
            docs: member.documentation.clone(),
            deprecated: deprecation(member.deprecated, &member.deprecated_message),
        });
    }
    let exception = shape.exception.unwrap_or(false) || shape.extra.contains_key("error");
    Structure { members: built, exception }
}

/// The enum's values, each variant once; duplicates and collisions go to `problems`.
fn enum_values(name: &str, values: &[String], problems: &mut Vec<Problem>) -> Vec<EnumValue> {
    let mut by_variant: BTreeMap<String, &str> = BTreeMap::new();
    let mut built = Vec::new();
    for value in values {
        let rust_name = naming::variant_name(value);
        match by_variant.insert(rust_name.clone(), value) {
            Some(first) if first == value => {
                problems
                    .push(Problem::shape(name, format!("enum value `{value}` is listed twice")));
            }
            Some(first) => {
                let message = format!(
                    "enum values `{first}` and `{value}` both become the variant `{rust_name}`"
                );
                problems.push(Problem::shape(name, message));
            }
            None => built.push(EnumValue { wire_value: value.clone(), rust_name }),
        }
    }
    built
}

fn container_member(
    name: &str,
    role: &str,
    reference: &Option<model::ShapeRef>,
    ids: &HashMap<&str, ShapeId>,
    problems: &mut Vec<Problem>,
) -> Option<ShapeId> {
    let Some(reference) = reference else {
        let kind = if role == "member" { "list" } else { "map" };
        problems.push(Problem::shape(name, format!("{kind} has no `{role}`")));
        return None;
    };
    if let Err(message) = timestamp_format(&reference.timestamp_format) {
        problems.push(Problem::member(name, role, message));
    }
    let location = || Location::Member { shape: name.to_owned(), member: role.to_owned() };
    resolve(ids, &reference.shape, location, problems)
}

/// Only the default epoch-seconds format is generated so far; others are refused, not
/// silently written in the wrong form.
fn timestamp_format(format: &Option<String>) -> Result<(), String> {
    match format.as_deref() {
        None | Some("unixTimestamp") => Ok(()),
        Some(other @ ("iso8601" | "rfc822")) => {
            Err(format!("timestamp format `{other}` is not supported yet"))
        }
        Some(other) => Err(format!("unknown timestamp format `{other}`")),
    }
}
