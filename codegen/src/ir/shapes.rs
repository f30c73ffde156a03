//! One model shape to one IR shape, with the problems it has.

use super::build::{deprecation, resolve};
use super::{
    Element, EnumValue, IntEnumValue, Member, Shape, ShapeId, ShapeKind, Structure,
    TimestampFormat, naming,
};
use crate::error::{Location, Problem};
use crate::model;
use indexmap::IndexMap;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
        Some("structure") => Some(structure_kind(name, shape, ids, problems)),
        Some("string") => match &shape.enum_values {
            Some(values) => Some(ShapeKind::Enum(enum_values(name, values, problems))),
            None => Some(ShapeKind::String),
        },
        Some("integer") => match &shape.enum_values {
            Some(values) => Some(ShapeKind::IntEnum(int_enum_values(name, values, problems))),
            None => Some(ShapeKind::Integer),
        },
        Some("list") => container_member(name, "member", &shape.member, ids, problems)
            .map(|member| ShapeKind::List { member }),
        Some("map") => {
            let key = container_member(name, "key", &shape.key, ids, problems);
            let value = container_member(name, "value", &shape.value, ids, problems);
            key.zip(value).map(|(key, value)| ShapeKind::Map { key: key.target, value })
        }
        Some("long") => Some(ShapeKind::Long),
        Some("float") => Some(ShapeKind::Float),
        Some("double") => Some(ShapeKind::Double),
        Some("boolean") => Some(ShapeKind::Boolean),
        Some("blob") => Some(ShapeKind::Blob),
        Some("timestamp") => timestamp_format(&shape.timestamp_format)
            .map_err(|message| problems.push(Problem::shape(name, message)))
            .ok()
            .map(|format| ShapeKind::Timestamp(format.unwrap_or(TimestampFormat::EpochSeconds))),
        Some(other) => {
            problems.push(Problem::shape(name, format!("unknown shape type `{other}`")));
            None
        }
    };
    let enum_type = matches!(shape.shape_type.as_deref(), Some("string" | "integer"));
    if kind.is_some() && shape.enum_values.is_some() && !enum_type {
        problems
            .push(Problem::shape(name, "only string and integer shapes can have `enum` values"));
    }
    let built = Shape {
        wire_name: name.to_owned(),
        // Made unique across the model by `build::unique_type_names`.
        rust_name: naming::type_name(name),
        renamed: None,
        docs: shape.documentation.clone(),
        sensitive: shape.sensitive.unwrap_or(false),
        deprecated: deprecation(shape.deprecated, &shape.deprecated_message),
        kind: kind.clone().unwrap_or(ShapeKind::String),
        // Read once every shape is built (`constraints::build`).
        constraints: super::Constraints::default(),
    };
    (built, kind.is_some())
}

/// Checks that need every shape built: map keys and `jsonvalue` members, elements and values
/// must be strings.
pub(super) fn check_kinds(
    model: &model::Model,
    shapes: &[Shape],
    known: &[bool],
    problems: &mut Vec<Problem>,
) {
    let type_of =
        |id: ShapeId| model.shapes.get(&shapes[id.0].wire_name).and_then(|s| s.shape_type.clone());
    for shape in shapes {
        if let ShapeKind::Map { key, .. } = &shape.kind
            && known[key.0]
            && !matches!(shapes[key.0].kind, ShapeKind::String | ShapeKind::Enum(_))
        {
            let message = format!(
                "map key `{}` must be a string shape, not `{}`",
                shapes[key.0].wire_name,
                type_of(*key).unwrap_or_default()
            );
            problems.push(Problem::member(&shape.wire_name, "key", message));
        }
        let json_values: Vec<(&str, ShapeId)> = match &shape.kind {
            ShapeKind::Structure(Structure { members, .. }) | ShapeKind::Union(members) => {
                (members.iter())
                    .filter(|member| member.json_value)
                    .map(|member| (member.model_name.as_str(), member.target))
                    .collect()
            }
            ShapeKind::List { member } if member.json_value => vec![("member", member.target)],
            ShapeKind::Map { value, .. } if value.json_value => vec![("value", value.target)],
            _ => Vec::new(),
        };
        let not_strings = (json_values.into_iter()).filter(|(_, target)| {
            known[target.0] && !matches!(shapes[target.0].kind, ShapeKind::String)
        });
        for (member, target) in not_strings {
            let message = format!(
                "`jsonvalue` needs a string shape without `enum`, and `{}` is not one",
                shapes[target.0].wire_name
            );
            problems.push(Problem::member(&shape.wire_name, member, message));
        }
    }
}

/// A structure, union or document.
fn structure_kind(
    name: &str,
    shape: &model::Shape,
    ids: &HashMap<&str, ShapeId>,
    problems: &mut Vec<Problem>,
) -> ShapeKind {
    let members = shape.members.clone().unwrap_or_default();
    let exception = shape.exception.unwrap_or(false) || shape.error.is_some();
    match (shape.document == Some(true), shape.union == Some(true)) {
        (true, true) => {
            problems.push(Problem::shape(name, "is both a `document` and a `union`"));
            ShapeKind::Document
        }
        (true, false) => {
            if !members.is_empty() {
                problems.push(Problem::shape(name, "is a `document`, so it cannot have members"));
            }
            ShapeKind::Document
        }
        (false, true) => {
            if members.is_empty() {
                problems.push(Problem::shape(name, "is a `union` without members"));
            }
            if exception {
                problems.push(Problem::shape(name, "is a `union`, so it cannot be an error"));
            }
            let naming = MemberNaming::Variant;
            ShapeKind::Union(build_members(name, &members, &[], naming, ids, problems))
        }
        (false, false) => {
            let required = shape.required.clone().unwrap_or_default();
            for missing in required.iter().filter(|r| !members.contains_key(*r)) {
                let message = format!("`required` names `{missing}`, which is not a member");
                problems.push(Problem::shape(name, message));
            }
            let naming = MemberNaming::Field;
            let members = build_members(name, &members, &required, naming, ids, problems);
            ShapeKind::Structure(Structure { members, exception })
        }
    }
}

/// Structure members become fields; union members become variants.
#[derive(Clone, Copy)]
enum MemberNaming {
    Field,
    Variant,
}

/// Every member that could be resolved; problems go to `problems`.
fn build_members(
    name: &str,
    members: &IndexMap<String, model::ShapeRef>,
    required: &[String],
    naming: MemberNaming,
    ids: &HashMap<&str, ShapeId>,
    problems: &mut Vec<Problem>,
) -> Vec<Member> {
    let claims: Vec<naming::Claim> = members
        .keys()
        .map(|member_name| {
            let wanted = match naming {
                MemberNaming::Field => naming::field_name(member_name),
                MemberNaming::Variant => naming::variant_name(member_name),
            };
            naming::Claim::new(wanted, member_name, "member")
        })
        .collect();
    let names = match naming {
        MemberNaming::Field => naming::unique_names(&claims, &[], naming::Suffix::Snake),
        MemberNaming::Variant => {
            let reserved = [(naming::UNKNOWN_VARIANT, "the variant for unknown members")];
            naming::unique_names(&claims, &reserved, naming::Suffix::Camel)
        }
    };
    let mut wire_names: BTreeMap<&str, &str> = BTreeMap::new();
    let mut built = Vec::new();
    for ((member_name, member), (rust_name, renamed)) in members.iter().zip(names) {
        let location = || Location::Member { shape: name.to_owned(), member: member_name.clone() };
        let wire_name = member.location_name.as_deref().unwrap_or(member_name);
        if let Some(first) = wire_names.insert(wire_name, member_name) {
            let message = format!("is written as `{wire_name}`, and so is member `{first}`");
            problems.push(Problem::member(name, member_name, message));
        }
        let timestamp_format = timestamp_format(&member.timestamp_format)
            .map_err(|message| problems.push(Problem::member(name, member_name, message)))
            .ok()
            .flatten();
        let Some(target) = resolve(ids, &member.shape, location, problems) else {
            continue;
        };
        built.push(Member {
            wire_name: wire_name.to_owned(),
            model_name: member_name.clone(),
            rust_name,
            renamed,
            target,
            required: required.contains(member_name),
            boxed: false,
            docs: member.documentation.clone(),
            deprecated: deprecation(member.deprecated, &member.deprecated_message),
            timestamp_format,
            json_value: member.jsonvalue == Some(true),
            host_label: member.host_label == Some(true),
            // Set by `retries::mark_idempotency_tokens` for the members operations fill.
            idempotency_token: false,
        });
    }
    built
}

/// The enum's values, each once; a value listed twice is a problem. Values that give the same
/// variant name (`running`, `RUNNING`) are told apart by [`naming::unique_names`].
fn enum_values(name: &str, values: &[Value], problems: &mut Vec<Problem>) -> Vec<EnumValue> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut distinct: Vec<&str> = Vec::new();
    for value in values {
        let Some(value) = value.as_str() else {
            let message = format!("enum value `{value}` of a string shape is not a string");
            problems.push(Problem::shape(name, message));
            continue;
        };
        if !seen.insert(value) {
            problems.push(Problem::shape(name, format!("enum value `{value}` is listed twice")));
        } else {
            distinct.push(value);
        }
    }
    let claims: Vec<naming::Claim> = distinct
        .iter()
        .map(|value| naming::Claim::new(naming::variant_name(value), value, "value"))
        .collect();
    let reserved = [(naming::UNKNOWN_VARIANT, "the variant for unknown values")];
    let names = naming::unique_names(&claims, &reserved, naming::Suffix::Camel);
    distinct
        .iter()
        .zip(names)
        .map(|(value, (rust_name, renamed))| EnumValue {
            wire_value: (*value).to_owned(),
            rust_name,
            renamed,
        })
        .collect()
}

/// An integer enum's values: distinct numbers that fit an `i32`.
fn int_enum_values(name: &str, values: &[Value], problems: &mut Vec<Problem>) -> Vec<IntEnumValue> {
    let mut built: Vec<IntEnumValue> = Vec::new();
    for value in values {
        let Some(number) = value.as_i64().and_then(|n| i32::try_from(n).ok()) else {
            let message = format!("enum value `{value}` of an integer shape is not an i32");
            problems.push(Problem::shape(name, message));
            continue;
        };
        if built.iter().any(|known| known.value == number) {
            problems.push(Problem::shape(name, format!("enum value `{number}` is listed twice")));
            continue;
        }
        built.push(IntEnumValue { value: number, rust_name: naming::int_variant_name(number) });
    }
    built
}

fn container_member(
    name: &str,
    role: &str,
    reference: &Option<model::ShapeRef>,
    ids: &HashMap<&str, ShapeId>,
    problems: &mut Vec<Problem>,
) -> Option<Element> {
    let Some(reference) = reference else {
        let kind = if role == "member" { "list" } else { "map" };
        problems.push(Problem::shape(name, format!("{kind} has no `{role}`")));
        return None;
    };
    let timestamp_format = timestamp_format(&reference.timestamp_format)
        .map_err(|message| problems.push(Problem::member(name, role, message)))
        .ok()
        .flatten();
    let json_value = reference.jsonvalue == Some(true);
    if json_value && role == "key" {
        let message = "`jsonvalue` cannot apply to a map key: a key is an object's key on the \
                       wire, not a string value to hold parsed (a map's `value` can be one)";
        problems.push(Problem::member(name, role, message));
    }
    let location = || Location::Member { shape: name.to_owned(), member: role.to_owned() };
    let target = resolve(ids, &reference.shape, location, problems)?;
    Some(Element { target, timestamp_format, json_value })
}

/// A `timestampFormat`, if there is one.
fn timestamp_format(format: &Option<String>) -> Result<Option<TimestampFormat>, String> {
    match format.as_deref() {
        None => Ok(None),
        Some("unixTimestamp") => Ok(Some(TimestampFormat::EpochSeconds)),
        Some("iso8601") => Ok(Some(TimestampFormat::Iso8601)),
        Some("rfc822") => Ok(Some(TimestampFormat::Rfc822)),
        Some(other) => Err(format!(
            "unknown timestamp format `{other}` (expected `unixTimestamp`, `iso8601` or `rfc822`)"
        )),
    }
}
