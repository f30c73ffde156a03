//! Changes inside a type: struct fields, union variants, enum values.

use super::impact::DEPRECATED;
use super::types::{Side, member_held_type, member_rust_type, member_wire_type};
use super::verdict::{
    Change, Judgement, Release, Verdict, breaking, compatible, major, minor, patch,
};
use awsjson_codegen::StructStyle;
use awsjson_codegen::ir::{EnumValue, IntEnumValue, Member, Service};
use std::collections::{BTreeMap, BTreeSet};

/// One item being compared: the two services, which way the item travels, and where its
/// changes go.
pub struct Compared<'a> {
    pub old: &'a Service,
    pub new: &'a Service,
    pub side: Side,
    pub style: StructStyle,
    pub item: &'a str,
    pub changes: &'a mut Vec<Change>,
}

impl Compared<'_> {
    fn push(&mut self, change: String, code: Judgement<Release>, wire: Judgement<Verdict>) {
        self.changes.push(Change::new(self.item, change, code, wire));
    }
}

/// Struct fields, matched by member name.
pub fn struct_members(cx: &mut Compared<'_>, before: &[Member], after: &[Member]) {
    let (old, new, side) = (cx.old, cx.new, cx.side);
    for_each_pair(before, after, |was, is| match (was, is) {
        (None, Some(m)) => {
            let change =
                format!("field `{}: {}` added", bare(&m.rust_name), member_rust_type(new, m));
            if m.required {
                let wire = if side.request {
                    breaking("requests without it are refused")
                } else {
                    compatible("responses carry it; readers generated before ignore it")
                };
                cx.push(
                    change,
                    major("`new(…)` gains a parameter; struct literals must set it"),
                    wire,
                );
            } else {
                let wire = match (side.request, side.response) {
                    (true, true) => "requests may leave it out; readers generated before ignore it",
                    (true, false) => "requests may leave it out",
                    _ => "readers generated before ignore it",
                };
                let wire = compatible(wire);
                let code = match cx.style {
                    StructStyle::NonExhaustive => minor(
                        "a new field and setter of a #[non_exhaustive] struct, which `new(…)` \
                         still builds",
                    ),
                    StructStyle::Literal => major(
                        "a struct literal or pattern that names every field no longer compiles \
                         (a new public field of a struct without private fields)",
                    ),
                };
                cx.push(change, code, wire);
            }
        }
        (Some(m), None) => {
            let change =
                format!("field `{}: {}` removed", bare(&m.rust_name), member_rust_type(old, m));
            cx.push(
                change,
                major("code that reads or sets it no longer compiles"),
                removed_on_wire(m.required, side),
            );
        }
        (Some(b), Some(a)) => member_changed(cx, b, a),
        (None, None) => {}
    });
}

fn member_changed(cx: &mut Compared<'_>, b: &Member, a: &Member) {
    let side = cx.side;
    let field = bare(&a.rust_name);
    if b.rust_name != a.rust_name {
        let change = format!("field renamed `{}` → `{field}`", bare(&b.rust_name));
        cx.push(change, major("code that names it must use the new name"), compatible("same wire"));
    }
    if b.wire_name != a.wire_name {
        let change = format!("field `{field}` written as `{}`, was `{}`", a.wire_name, b.wire_name);
        cx.push(change, patch("the field keeps its name"), breaking("its JSON key changes"));
    }
    type_changed(cx, b, a, &format!("field `{field}`"));
    match (b.required, a.required) {
        (false, true) => cx.push(
            format!("field `{field}` became required"),
            major("its type loses the `Option`, and `new(…)` gains a parameter"),
            if side.request {
                breaking("requests that leave it out are refused")
            } else {
                compatible("responses always carry it")
            },
        ),
        (true, false) => cx.push(
            format!("field `{field}` became optional"),
            major("its type gains an `Option`, and `new(…)` loses a parameter"),
            if side.response {
                breaking("readers generated before require it, and responses may leave it out")
            } else {
                compatible("requests may leave it out")
            },
        ),
        _ => {}
    }
    if b.deprecated.is_none() && a.deprecated.is_some() {
        let change = format!("field `{field}` deprecated");
        cx.push(change, minor(DEPRECATED), compatible("the wire is unchanged"));
    }
}

/// A member's type changed: breaking for code; on the wire only if its JSON changes.
fn type_changed(cx: &mut Compared<'_>, b: &Member, a: &Member, what: &str) {
    let (old, new) = (cx.old, cx.new);
    let (was, is) = (member_held_type(old, b), member_held_type(new, a));
    let (wire_was, wire_is) = (member_wire_type(old, b), member_wire_type(new, a));
    if was == is && wire_was == wire_is {
        return;
    }
    let wire = if wire_was == wire_is {
        compatible(format!("still {wire_is} in JSON"))
    } else {
        breaking(format!("its JSON changes from {wire_was} to {wire_is}"))
    };
    let code = if was == is {
        patch("the Rust type is the same")
    } else {
        major("code that builds or reads it must change")
    };
    let change = if was == is {
        format!("{what} written as {wire_is}, was {wire_was}")
    } else {
        format!("{what} type `{was}` → `{is}`")
    };
    cx.push(change, code, wire);
}

/// A member gone from a shape: on the wire it depends on which way the shape travels.
fn removed_on_wire(required: bool, side: Side) -> Judgement<Verdict> {
    if side.request {
        breaking("the service no longer reads it")
    } else if required {
        breaking("readers generated before require it, and responses no longer carry it")
    } else {
        compatible("optional: responses just stop carrying it")
    }
}

/// Union variants, matched by member name.
pub fn union_members(cx: &mut Compared<'_>, before: &[Member], after: &[Member]) {
    let (old, new, side) = (cx.old, cx.new, cx.side);
    for_each_pair(before, after, |was, is| match (was, is) {
        (None, Some(m)) => cx.push(
            format!("variant `{}({})` added", m.rust_name, member_held_type(new, m)),
            minor("a new variant of a #[non_exhaustive] enum"),
            compatible("readers generated before keep it as `Unknown`"),
        ),
        (Some(m), None) => cx.push(
            format!("variant `{}({})` removed", m.rust_name, member_held_type(old, m)),
            major("code that names it no longer compiles"),
            value_removed_on_wire(side),
        ),
        (Some(b), Some(a)) => {
            if b.rust_name != a.rust_name {
                let change = format!("variant renamed `{}` → `{}`", b.rust_name, a.rust_name);
                cx.push(
                    change,
                    major("code that names it must use the new name"),
                    compatible("same wire"),
                );
            }
            type_changed(cx, b, a, &format!("variant `{}`", a.rust_name));
        }
        (None, None) => {}
    });
}

/// String enum values, matched by wire value.
pub fn enum_values(cx: &mut Compared<'_>, before: &[EnumValue], after: &[EnumValue]) {
    let index = |values: &[EnumValue]| -> BTreeMap<String, String> {
        values.iter().map(|v| (v.wire_value.clone(), v.rust_name.clone())).collect()
    };
    let (was, is) = (index(before), index(after));
    values_changed(cx, &was, &is, |value| format!("`{value}`"));
}

/// Integer enum values, matched by number.
pub fn int_enum_values(cx: &mut Compared<'_>, before: &[IntEnumValue], after: &[IntEnumValue]) {
    let index = |values: &[IntEnumValue]| -> BTreeMap<i32, String> {
        values.iter().map(|v| (v.value, v.rust_name.clone())).collect()
    };
    let (was, is) = (index(before), index(after));
    values_changed(cx, &was, &is, |value| value.to_string());
}

fn values_changed<K: Ord>(
    cx: &mut Compared<'_>,
    was: &BTreeMap<K, String>,
    is: &BTreeMap<K, String>,
    show: impl Fn(&K) -> String,
) {
    let keys: BTreeSet<&K> = was.keys().chain(is.keys()).collect();
    for key in keys {
        let value = show(key);
        let (change, code, wire) = match (was.get(key), is.get(key)) {
            (None, Some(variant)) => (
                format!("variant `{variant}` ({value}) added"),
                minor("a new variant of a #[non_exhaustive] enum"),
                compatible("readers generated before keep it as `Unknown`"),
            ),
            (Some(variant), None) => (
                format!("variant `{variant}` ({value}) removed"),
                major("code that names it no longer compiles"),
                value_removed_on_wire(cx.side),
            ),
            (Some(b), Some(a)) if b != a => (
                format!("variant renamed `{b}` → `{a}` ({value})"),
                major("code that names it must use the new name"),
                compatible("same wire"),
            ),
            _ => continue,
        };
        cx.push(change, code, wire);
    }
}

/// A value or variant gone: requests that send it are refused; responses just stop sending it.
fn value_removed_on_wire(side: Side) -> Judgement<Verdict> {
    if side.request {
        breaking("the service no longer accepts it")
    } else {
        compatible("responses no longer carry it; readers generated before still know it")
    }
}

/// Calls `f` for each member name in either list, in the new model's order, then removed ones.
fn for_each_pair<'a>(
    before: &'a [Member],
    after: &'a [Member],
    mut f: impl FnMut(Option<&'a Member>, Option<&'a Member>),
) {
    let find = |members: &'a [Member], name: &str| members.iter().find(|m| m.model_name == name);
    for member in after {
        f(find(before, &member.model_name), Some(member));
    }
    for member in before.iter().filter(|m| find(after, &m.model_name).is_none()) {
        f(Some(member), None);
    }
}

fn bare(name: &str) -> &str {
    name.trim_start_matches("r#")
}
