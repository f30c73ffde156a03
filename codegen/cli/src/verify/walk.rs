//! A body checked against the model, value by value, over either wire ([`Node`]): every
//! constraint `validate()` checks, and what a typed value cannot break — the wire's types,
//! members the shape lacks, required members, a union's one member, timestamp forms, blobs,
//! `jsonvalue` text.

use super::node::Node;
use awsjson_codegen::ir::{Element, Member, Range, Service, ShapeId, ShapeKind, TimestampFormat};
use awsjson_runtime::validate::{Constraint, Pattern, Validator};

/// What a walk reads: the service, and its patterns compiled once for every body.
pub(super) struct Schema<'s> {
    pub service: &'s Service,
    pub patterns: Vec<Pattern>,
}

/// How a structure is read: error bodies carry `__type`, and their message member may come in
/// either case (`message` or `Message`), as the protocols allow.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Root {
    Body,
    Error,
}

/// An object's members, in the body's order.
type Entries<'a, N> = [(&'a str, &'a N)];

impl<'s> Schema<'s> {
    pub fn new(service: &'s Service) -> Self {
        let patterns = (service.patterns.iter())
            .map(|pattern| Pattern::owned(pattern.source.clone(), pattern.ecmascript.clone()))
            .collect();
        Schema { service, patterns }
    }

    /// Checks `value` as a structure of shape `id` (a body), recording findings in `v`.
    pub fn body<'a, N: Node>(
        &'a self,
        value: &'a N,
        id: ShapeId,
        root: Root,
        v: &mut Validator<'a>,
    ) {
        let shape = self.service.shape(id);
        match (&shape.kind, value.entries()) {
            (ShapeKind::Structure(structure), Some(object)) => {
                self.structure(&shape.wire_name, &structure.members, &object, root, v);
            }
            _ => self.value(value, id, Context::default(), v),
        }
    }

    fn value<'a, N: Node>(&'a self, value: &'a N, id: ShapeId, cx: Context, v: &mut Validator<'a>) {
        let shape = self.service.shape(id);
        let sensitive = cx.sensitive || shape.sensitive;
        let constraints = &shape.constraints;
        let length = constraints.length.map(|(min, max)| Bounds(min, max));
        match &shape.kind {
            ShapeKind::Structure(structure) => match value.entries() {
                Some(object) => {
                    self.structure(&shape.wire_name, &structure.members, &object, Root::Body, v);
                }
                None => wrong_type(
                    v,
                    value,
                    &format!("{} (structure `{}`)", N::OBJECT, shape.wire_name),
                ),
            },
            ShapeKind::Union(members) => match value.entries() {
                Some(object) => self.union(&shape.wire_name, members, &object, v),
                None => {
                    wrong_type(v, value, &format!("{} (union `{}`)", N::OBJECT, shape.wire_name))
                }
            },
            ShapeKind::Document => {}
            ShapeKind::Enum(values) => match value.text() {
                Some(text) => {
                    if !values.iter().any(|known| known.wire_value == *text) {
                        let listed: Vec<&str> =
                            values.iter().map(|known| known.wire_value.as_str()).collect();
                        v.unlisted(text, &listed, sensitive);
                    }
                }
                None => wrong_type(v, value, &format!("a string (enum `{}`)", shape.wire_name)),
            },
            ShapeKind::IntEnum(values) => match value.integer().map(i32::try_from) {
                Some(Ok(number)) => {
                    if !values.iter().any(|known| known.value == number) {
                        let listed: Vec<i32> = values.iter().map(|known| known.value).collect();
                        v.unlisted_integer(number, &listed, sensitive);
                    }
                }
                _ => wrong_type(v, value, "an integer (32-bit)"),
            },
            ShapeKind::List { member } => match value.items() {
                Some(items) => {
                    if let Some(bounds) = length {
                        v.list_length(items.len(), bounds);
                    }
                    for (index, item) in items.iter().enumerate() {
                        v.index(index);
                        self.element(item, member, sensitive, v);
                        v.leave();
                    }
                }
                None => wrong_type(v, value, "a list (an array)"),
            },
            ShapeKind::Map { key, value: element } => match value.entries() {
                Some(entries) => {
                    if let Some(bounds) = length {
                        v.map_length(entries.len(), bounds);
                    }
                    for (name, item) in entries {
                        v.map_key(name);
                        self.key(name, *key, sensitive, v);
                        v.leave();
                        v.key(name);
                        self.element(item, element, sensitive, v);
                        v.leave();
                    }
                }
                None => wrong_type(v, value, &format!("a map ({})", N::OBJECT)),
            },
            ShapeKind::String => match value.text() {
                Some(text) => self.string(text, id, sensitive, v),
                None => wrong_type(v, value, "a string"),
            },
            ShapeKind::Integer | ShapeKind::Long => {
                let number = value.integer().filter(|number| {
                    !matches!(shape.kind, ShapeKind::Integer) || i32::try_from(*number).is_ok()
                });
                match (number, constraints.range) {
                    (Some(number), Some(Range::Integer { min, max })) => {
                        v.integer_range(number, Bounds(min, max), sensitive);
                    }
                    (Some(_), _) => {}
                    (None, _) if matches!(shape.kind, ShapeKind::Integer) => {
                        wrong_type(v, value, "an integer (32-bit)");
                    }
                    (None, _) => wrong_type(v, value, "an integer (64-bit)"),
                }
            }
            ShapeKind::Float | ShapeKind::Double => match (value.float(), constraints.range) {
                (Some(number), Some(Range::Float { min, max })) => {
                    v.float_range(number, Bounds(min, max), sensitive);
                }
                (Some(_), _) => {}
                (None, _) => wrong_type(v, value, N::FLOAT),
            },
            ShapeKind::Boolean => {
                if !value.is_boolean() {
                    wrong_type(v, value, "a boolean");
                }
            }
            ShapeKind::Blob => match value.blob_len() {
                Some(len) => {
                    if let Some(bounds) = length {
                        v.blob_length(len, bounds);
                    }
                }
                None => wrong_type(v, value, N::BLOB),
            },
            ShapeKind::Timestamp(own) => {
                let format = cx.timestamp_format.unwrap_or(*own);
                if !value.timestamp(format) {
                    wrong_type(v, value, N::timestamp_expected(format));
                }
            }
        }
    }

    fn structure<'a, N: Node>(
        &'a self,
        shape: &str,
        members: &'a [Member],
        object: &Entries<'a, N>,
        root: Root,
        v: &mut Validator<'a>,
    ) {
        let message = (root == Root::Error).then(|| self.service.message_member(members)).flatten();
        for &(key, value) in object {
            let member = members
                .iter()
                .find(|member| member.wire_name == key)
                .or_else(|| message.filter(|message| message.wire_name.eq_ignore_ascii_case(key)));
            match member {
                Some(_) if value.is_null() => {}
                Some(member) => {
                    v.member(key);
                    self.member(value, member, v);
                    v.leave();
                }
                None if root == Root::Error && key == "__type" => {}
                None => v.unknown_member(key, shape, false),
            }
        }
        let present = |member: &Member| {
            let same = |key: &str| {
                key == member.wire_name
                    || message.is_some_and(|message| {
                        message.wire_name == member.wire_name
                            && key.eq_ignore_ascii_case(&member.wire_name)
                    })
            };
            object.iter().any(|(key, value)| same(key) && !value.is_null())
        };
        for member in members.iter().filter(|member| member.required && !present(member)) {
            v.member(&member.wire_name);
            v.report(Constraint::Required, None, false);
            v.leave();
        }
    }

    fn member<'a, N: Node>(&'a self, value: &'a N, member: &Member, v: &mut Validator<'a>) {
        if member.host_label
            && !member.json_value
            && let Some(text) = value.text()
        {
            v.host_label(text, self.service.shape(member.target).sensitive);
        }
        self.element(value, &member.element(), false, v);
    }

    /// A list's element or a map's value; `sensitive` when the list or map is.
    fn element<'a, N: Node>(
        &'a self,
        value: &'a N,
        element: &Element,
        sensitive: bool,
        v: &mut Validator<'a>,
    ) {
        if element.json_value {
            json_text(value, v);
        } else {
            let cx = Context { timestamp_format: element.timestamp_format, sensitive };
            self.value(value, element.target, cx, v);
        }
    }

    fn union<'a, N: Node>(
        &'a self,
        shape: &str,
        members: &'a [Member],
        object: &Entries<'a, N>,
        v: &mut Validator<'a>,
    ) {
        // `__type` names the union in some bodies; clients ignore it.
        let set: Vec<(&'a str, &'a N)> = (object.iter())
            .filter(|(key, value)| *key != "__type" && !value.is_null())
            .copied()
            .collect();
        if set.len() != 1 {
            let names = set.iter().map(|(key, _)| (*key).to_owned()).collect();
            v.report(Constraint::UnionMembers { set: names }, None, false);
        }
        for (key, value) in set {
            match members.iter().find(|member| member.wire_name == key) {
                Some(member) => {
                    v.member(key);
                    self.member(value, member, v);
                    v.leave();
                }
                None => v.unknown_member(key, shape, true),
            }
        }
    }

    /// A map key: a string, with its shape's constraints (or an enum's values).
    fn key<'a>(&'a self, key: &'a str, id: ShapeId, sensitive: bool, v: &mut Validator<'a>) {
        let shape = self.service.shape(id);
        match &shape.kind {
            ShapeKind::Enum(values) => {
                if !values.iter().any(|known| known.wire_value == key) {
                    let listed: Vec<&str> =
                        values.iter().map(|known| known.wire_value.as_str()).collect();
                    v.unlisted(key, &listed, sensitive || shape.sensitive);
                }
            }
            _ => self.string(key, id, sensitive, v),
        }
    }

    fn string<'a>(&'a self, text: &str, id: ShapeId, sensitive: bool, v: &mut Validator<'a>) {
        let shape = self.service.shape(id);
        let sensitive = sensitive || shape.sensitive;
        if let Some((min, max)) = shape.constraints.length {
            v.string_length(text, Bounds(min, max), sensitive);
        }
        if let Some(pattern) = shape.constraints.pattern.and_then(|index| self.patterns.get(index))
        {
            v.pattern(text, pattern, sensitive);
        }
    }
}

/// What a value inherits from where it is: a reference's timestamp format, and whether an
/// enclosing list or map is sensitive.
#[derive(Clone, Copy, Default)]
struct Context {
    timestamp_format: Option<TimestampFormat>,
    sensitive: bool,
}

/// A model's optional `min` and `max` as a range the validator takes.
#[derive(Clone, Copy)]
struct Bounds<T>(Option<T>, Option<T>);

impl<T> std::ops::RangeBounds<T> for Bounds<T> {
    fn start_bound(&self) -> std::ops::Bound<&T> {
        self.0.as_ref().map_or(std::ops::Bound::Unbounded, std::ops::Bound::Included)
    }

    fn end_bound(&self) -> std::ops::Bound<&T> {
        self.1.as_ref().map_or(std::ops::Bound::Unbounded, std::ops::Bound::Included)
    }
}

/// A `jsonvalue`: a string of JSON text. Its string shape's constraints are not checked, as
/// `validate()` does not check them on the parsed JSON.
fn json_text<N: Node>(value: &N, v: &mut Validator<'_>) {
    let parses = value
        .text()
        .is_some_and(|text| serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok());
    if !parses {
        wrong_type(v, value, "a string of JSON text (`jsonvalue`)");
    }
}

/// A finding that the value is not of the wire type (or form) the shape needs.
fn wrong_type<N: Node>(v: &mut Validator<'_>, value: &N, expected: &str) {
    let expected = Constraint::Type { expected: expected.to_owned() };
    v.report(expected, Some(value.describe()), false);
}
