//! The Rust impact of a model change: every generated item added, removed or changed, each
//! change judged for callers and for the wire.

use super::members::{Compared, enum_values, int_enum_values, struct_members, union_members};
use super::types::{Side, Sides, rust_type};
use super::verdict::{Change, breaking, compatible, major, minor, patch};
use awsjson_codegen::StructStyle;
use awsjson_codegen::ir::{Operation, Service, Shape, ShapeId, ShapeKind};
use std::collections::{BTreeMap, BTreeSet};

/// Every change between the code generated for `old` and for `new`, in a stable order: the
/// service, then operations, then types, each by wire name.
///
/// What a change needs of the crate's release depends on `style`, the struct style the crate is
/// generated with: a new optional member is a new field of a `#[non_exhaustive]` struct (minor),
/// or of a struct that literals may name whole (major).
pub fn rust_impact(old: &Service, new: &Service, style: StructStyle) -> Vec<Change> {
    let mut changes = Vec::new();
    service(old, new, &mut changes);
    operations(old, new, &mut changes);
    types(old, new, style, &mut changes);
    changes
}

fn service(old: &Service, new: &Service, changes: &mut Vec<Change>) {
    let wire = |what: &str| breaking(format!("every request's {what} changes"));
    let code = || patch("the API is the same; `SERVICE` holds the new value");
    if old.protocol != new.protocol {
        let change = format!(
            "protocol `{}` → `{}`",
            old.protocol.content_type(),
            new.protocol.content_type()
        );
        changes.push(Change::new("service", change, code(), wire("`Content-Type`")));
    }
    if old.target_prefix != new.target_prefix {
        let change = format!("target prefix `{}` → `{}`", old.target_prefix, new.target_prefix);
        changes.push(Change::new("service", change, code(), wire("`X-Amz-Target`")));
    }
}

fn operations(old: &Service, new: &Service, changes: &mut Vec<Change>) {
    let by_name = |service: &Service| -> BTreeMap<String, usize> {
        (service.operations.iter().enumerate()).map(|(i, op)| (op.wire_name.clone(), i)).collect()
    };
    let (old_ops, new_ops) = (by_name(old), by_name(new));
    let names: BTreeSet<&String> = old_ops.keys().chain(new_ops.keys()).collect();
    for name in names {
        let item = format!("operation {name}");
        match (old_ops.get(name), new_ops.get(name)) {
            (None, Some(_)) => changes.push(Change::new(
                &item,
                "added",
                minor("new items: the operation, its error enum, its input and output types"),
                compatible("a new operation"),
            )),
            (Some(_), None) => changes.push(Change::new(
                &item,
                "removed",
                major("code that calls it no longer compiles"),
                breaking("the service no longer offers it"),
            )),
            (Some(o), Some(n)) => {
                operation(old, &old.operations[*o], new, &new.operations[*n], &item, changes)
            }
            (None, None) => {}
        }
    }
}

fn operation(
    old: &Service,
    before: &Operation,
    new: &Service,
    after: &Operation,
    item: &str,
    changes: &mut Vec<Change>,
) {
    let mut push = |change: String, code, wire| changes.push(Change::new(item, change, code, wire));
    if before.rust_name != after.rust_name {
        let change = format!("type renamed `{}` → `{}`", before.rust_name, after.rust_name);
        push(change, major("code that names it must use the new name"), compatible("same wire"));
    }
    let io = |service: &Service, id: Option<ShapeId>| {
        id.map_or("none".to_owned(), |id| rust_type(service, id))
    };
    for (role, was, is) in [
        ("input", io(old, before.input), io(new, after.input)),
        ("output", io(old, before.output), io(new, after.output)),
    ] {
        if was != is {
            let change = format!("{role} type `{was}` → `{is}`");
            push(
                change,
                major(format!("code that builds or reads the {role} must change")),
                compatible(format!("the {role} shape's own changes are listed under its type")),
            );
        }
    }
    if before.deprecated.is_none() && after.deprecated.is_some() {
        push("deprecated".into(), minor(DEPRECATED), compatible("the wire is unchanged"));
    }
    if before.host_prefix != after.host_prefix {
        push(
            "host prefix changed".into(),
            patch("the API is the same; `host_prefix` computes the new host"),
            breaking("requests go to a different host"),
        );
    }
    if before.error_name != after.error_name {
        let change = format!("error enum renamed `{}` → `{}`", before.error_name, after.error_name);
        push(change, major("code that names it must use the new name"), compatible("same wire"));
    }
    let errors = |service: &Service, op: &Operation| -> BTreeMap<String, String> {
        (op.errors.iter())
            .map(|e| (service.shape(e.shape).wire_name.clone(), e.variant_name.clone()))
            .collect()
    };
    let (was, is) = (errors(old, before), errors(new, after));
    for (code, variant) in is.iter().filter(|(code, _)| !was.contains_key(*code)) {
        push(
            format!("error `{code}` added (variant `{}::{variant}`)", after.error_name),
            minor("a new variant of a #[non_exhaustive] enum"),
            compatible(format!(
                "responses with code `{code}` now parse into `{variant}`, not `Unmodeled`"
            )),
        );
    }
    for (code, variant) in was.iter().filter(|(code, _)| !is.contains_key(*code)) {
        push(
            format!("error `{code}` removed (variant `{}::{variant}`)", before.error_name),
            major(format!("code that matches `{variant}` no longer compiles")),
            compatible(format!("a response with code `{code}` now parses as `Unmodeled`")),
        );
    }
}

/// Structures, unions and enums: the shapes that are Rust items, matched by wire name.
fn types(old: &Service, new: &Service, style: StructStyle, changes: &mut Vec<Change>) {
    let items = |service: &Service| -> BTreeMap<String, usize> {
        (service.shapes.iter().enumerate())
            .filter(|(_, shape)| shape.kind.is_item())
            .map(|(i, shape)| (shape.wire_name.clone(), i))
            .collect()
    };
    let (old_items, new_items) = (items(old), items(new));
    let (old_sides, new_sides) = (Sides::of(old), Sides::of(new));
    let names: BTreeSet<&String> = old_items.keys().chain(new_items.keys()).collect();
    for name in names {
        match (old_items.get(name), new_items.get(name)) {
            (None, Some(n)) => changes.push(Change::new(
                &label(&new.shapes[*n]),
                "added",
                minor("a new type"),
                compatible("nothing sent before changes"),
            )),
            (Some(o), None) => changes.push(Change::new(
                &label(&old.shapes[*o]),
                "removed",
                major("code that names it no longer compiles"),
                compatible("where it was used, the change is listed there"),
            )),
            (Some(o), Some(n)) => {
                // A shape no operation reaches any more travels the way it used to.
                let side = new_sides.side(name).or(old_sides.side(name));
                let pair = (&old.shapes[*o], &new.shapes[*n]);
                item(old, new, pair, side, style, changes)
            }
            (None, None) => {}
        }
    }
}

fn item(
    old: &Service,
    new: &Service,
    (before, after): (&Shape, &Shape),
    side: Side,
    style: StructStyle,
    changes: &mut Vec<Change>,
) {
    let item = label(after);
    let mut push =
        |change: String, code, wire| changes.push(Change::new(&item, change, code, wire));
    if kind_name(&before.kind) != kind_name(&after.kind) {
        let change = format!("`{}` became a {}", before.rust_name, kind_name(&after.kind));
        let what = kind_name(&before.kind);
        push(
            change,
            major(format!("code that uses it as a {what} no longer compiles")),
            breaking("its values are written differently"),
        );
        return;
    }
    if before.rust_name != after.rust_name {
        let change = format!("renamed `{}` → `{}`", before.rust_name, after.rust_name);
        push(change, major("code that names it must use the new name"), compatible("same wire"));
    }
    if before.deprecated.is_none() && after.deprecated.is_some() {
        push("deprecated".into(), minor(DEPRECATED), compatible("the wire is unchanged"));
    }
    let cx = &mut Compared { old, new, side, style, item: &item, changes };
    match (&before.kind, &after.kind) {
        (ShapeKind::Structure(b), ShapeKind::Structure(a)) => {
            struct_members(cx, &b.members, &a.members)
        }
        (ShapeKind::Union(b), ShapeKind::Union(a)) => union_members(cx, b, a),
        (ShapeKind::Enum(b), ShapeKind::Enum(a)) => enum_values(cx, b, a),
        (ShapeKind::IntEnum(b), ShapeKind::IntEnum(a)) => int_enum_values(cx, b, a),
        _ => {}
    }
}

/// Why `#[deprecated]` is a minor change, as the Cargo book has it.
pub const DEPRECATED: &str = "#[deprecated]: uses now warn, which is a minor change";

/// `struct VpcConfig`, `enum FleetState`: how a reader finds the item.
fn label(shape: &Shape) -> String {
    format!("{} {}", kind_name(&shape.kind), shape.rust_name)
}

fn kind_name(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Structure(_) => "struct",
        ShapeKind::Union(_) => "union",
        ShapeKind::Enum(_) => "enum",
        ShapeKind::IntEnum(_) => "integer enum",
        _ => "plain type",
    }
}
