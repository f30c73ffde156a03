//! `Validate` impls: every constraint of the model, checked where the value is, with its path.
//!
//! A member is checked only where its shape, or something it holds, has something to check
//! ([`checked_shapes`]), so most of a large value costs nothing to validate.

use super::{Context, ident};
use crate::ir::naming::UNKNOWN_VARIANT;
use crate::ir::{
    Element, EnumValue, IntEnumValue, Member, Pattern, Range, Service, Shape, ShapeId, ShapeKind,
    Structure,
};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

/// For each shape, whether its values have anything to check: constraints of their own, an
/// enum or union value the model may not list, a host label, or any of these inside.
pub fn checked_shapes(service: &Service) -> Vec<bool> {
    let mut checked: Vec<bool> = (service.shapes.iter())
        .map(|shape| {
            !shape.constraints.is_empty()
                || match &shape.kind {
                    ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Union(_) => true,
                    ShapeKind::Structure(structure) => {
                        structure.members.iter().any(|member| member.host_label)
                    }
                    _ => false,
                }
        })
        .collect();
    // Spread to what holds a checked shape, until nothing changes (cycles settle too).
    let is_checked = |checked: &[bool], element: &Element| {
        element.checked_target().is_some_and(|id| checked[id.0])
    };
    loop {
        let mut changed = false;
        for (index, shape) in service.shapes.iter().enumerate() {
            if checked[index] {
                continue;
            }
            let holds_checked = match &shape.kind {
                ShapeKind::Structure(Structure { members, .. }) => {
                    members.iter().any(|member| is_checked(&checked, &member.element()))
                }
                ShapeKind::List { member } => is_checked(&checked, member),
                ShapeKind::Map { key, value } => checked[key.0] || is_checked(&checked, value),
                _ => false,
            };
            if holds_checked {
                checked[index] = true;
                changed = true;
            }
        }
        if !changed {
            return checked;
        }
    }
}

/// The name of the `static` holding `pattern`: named by a hash of its text, so a pattern has
/// the same name in every build of the model, whichever operations it takes.
fn pattern_static(pattern: &Pattern) -> Ident {
    // FNV-1a: tiny, and stable across Rust releases, unlike `DefaultHasher`.
    let hash = (pattern.source.bytes().chain([0]).chain(pattern.ecmascript.bytes()))
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format_ident!("PATTERN_{:016X}", hash)
}

/// One `static` per distinct pattern, so each compiles once.
pub fn patterns(cx: Context<'_>) -> TokenStream {
    let runtime = cx.runtime;
    let used = used_patterns(cx.service);
    let used = (cx.service.patterns.iter().enumerate()).filter(|(index, _)| used[*index]);
    let statics = used.map(|(_, pattern)| {
        let name = pattern_static(pattern);
        let (source, ecmascript) = (&pattern.source, &pattern.ecmascript);
        quote! {
            static #name: #runtime::validate::Pattern =
                #runtime::validate::Pattern::new(#source, #ecmascript);
        }
    });
    quote! { #(#statics)* }
}

/// Which patterns a check reads: those of the strings that members hold, in lists and maps
/// too, as [`value_check`] goes. A pattern no check reads (its string held by nothing, or only
/// by a shape that is no structure, or only as a `jsonvalue`) gets no `static`, which would
/// warn.
fn used_patterns(service: &Service) -> Vec<bool> {
    let mut used = vec![false; service.patterns.len()];
    let mut pending: Vec<ShapeId> = (service.shapes.iter())
        .flat_map(|shape| match &shape.kind {
            ShapeKind::Structure(Structure { members, .. }) | ShapeKind::Union(members) => {
                members.as_slice()
            }
            _ => &[],
        })
        .filter_map(|member| member.element().checked_target())
        .collect();
    let mut seen = vec![false; service.shapes.len()];
    while let Some(id) = pending.pop() {
        if std::mem::replace(&mut seen[id.0], true) {
            continue;
        }
        let shape = service.shape(id);
        match &shape.kind {
            ShapeKind::String => {
                if let Some(index) = shape.constraints.pattern {
                    used[index] = true;
                }
            }
            ShapeKind::List { member } => pending.extend(member.checked_target()),
            ShapeKind::Map { key, value } => {
                pending.push(*key);
                pending.extend(value.checked_target());
            }
            _ => {}
        }
    }
    used
}

/// The impl's head and body around `checks`; a type with nothing to check says so.
fn validate_impl(cx: Context<'_>, shape: &Shape, checks: TokenStream) -> TokenStream {
    let runtime = cx.runtime;
    let name = ident(&shape.rust_name);
    let validator = if checks.is_empty() {
        quote! { _ }
    } else {
        quote! { v }
    };
    quote! {
        #[allow(deprecated)]
        impl #runtime::validate::Validate for #name {
            fn validate_into<'a>(&'a self, #validator: &mut #runtime::validate::Validator<'a>) {
                #checks
            }
        }
    }
}

pub fn structure(cx: Context<'_>, shape: &Shape, members: &[Member]) -> TokenStream {
    let checks = members.iter().map(|member| {
        let field = ident(&member.rust_name);
        let wire_name = &member.wire_name;
        let sensitive = shape.sensitive;
        let check = member_check(cx, member, &quote! { value }, sensitive);
        if check.is_empty() {
            return TokenStream::new();
        }
        let enter = quote! { v.member(#wire_name); #check v.leave(); };
        if member.required {
            quote! { { let value = &self.#field; #enter } }
        } else {
            quote! { if let ::std::option::Option::Some(value) = &self.#field { #enter } }
        }
    });
    validate_impl(cx, shape, quote! { #(#checks)* })
}

pub fn union(cx: Context<'_>, shape: &Shape, members: &[Member]) -> TokenStream {
    let wire_name = &shape.wire_name;
    let arms = members.iter().map(|member| {
        let variant = ident(&member.rust_name);
        let key = &member.wire_name;
        let check = member_check(cx, member, &quote! { value }, shape.sensitive);
        if check.is_empty() {
            quote! { Self::#variant(_) => {} }
        } else {
            quote! { Self::#variant(value) => { v.member(#key); #check v.leave(); } }
        }
    });
    let unknown = ident(UNKNOWN_VARIANT);
    validate_impl(
        cx,
        shape,
        quote! {
            match self {
                #(#arms)*
                Self::#unknown(member) => v.unknown_member(member.name(), #wire_name, true),
            }
        },
    )
}

pub fn string_enum(cx: Context<'_>, shape: &Shape, values: &[EnumValue]) -> TokenStream {
    let listed = values.iter().map(|value| &value.wire_value);
    let sensitive = shape.sensitive;
    let check = quote! { v.unlisted(value.as_str(), &[#(#listed),*], #sensitive); };
    unknown_value(cx, shape, values.is_empty(), check)
}

pub fn int_enum(cx: Context<'_>, shape: &Shape, values: &[IntEnumValue]) -> TokenStream {
    let listed = values.iter().map(|value| proc_macro2::Literal::i32_unsuffixed(value.value));
    let sensitive = shape.sensitive;
    let check = quote! { v.unlisted_integer(value.value(), &[#(#listed),*], #sensitive); };
    unknown_value(cx, shape, values.is_empty(), check)
}

/// An enum's `Validate`: `check` of its unknown value. With no listed values every value is
/// unknown, and the pattern is irrefutable (an `if let` would not build).
fn unknown_value(
    cx: Context<'_>,
    shape: &Shape,
    no_values: bool,
    check: TokenStream,
) -> TokenStream {
    let unknown = ident(UNKNOWN_VARIANT);
    let body = if no_values {
        quote! { let Self::#unknown(value) = self; #check }
    } else {
        quote! { if let Self::#unknown(value) = self { #check } }
    };
    validate_impl(cx, shape, body)
}

/// The checks of a member whose value (a reference) is `value`; nothing where there are none.
fn member_check(
    cx: Context<'_>,
    member: &Member,
    value: &TokenStream,
    sensitive: bool,
) -> TokenStream {
    let Some(target) = member.element().checked_target() else {
        return TokenStream::new();
    };
    let sensitive = sensitive || cx.service.shape(target).sensitive;
    let host_label = (member.host_label
        && matches!(cx.service.shape(member.target).kind, ShapeKind::String))
    .then(|| quote! { v.host_label(#value, #sensitive); });
    let check = value_check(cx, target, value, sensitive, 0);
    quote! { #host_label #check }
}

/// The checks of a value of shape `id`, a reference named by `value`; `depth` keeps the loop
/// variables of nested lists and maps apart.
fn value_check(
    cx: Context<'_>,
    id: ShapeId,
    value: &TokenStream,
    sensitive: bool,
    depth: usize,
) -> TokenStream {
    let runtime = cx.runtime;
    if !cx.checked[id.0] {
        return TokenStream::new();
    }
    let shape = cx.service.shape(id);
    let sensitive = sensitive || shape.sensitive;
    let constraints = &shape.constraints;
    let bounds = constraints.length.map(|(min, max)| {
        range(min.map(Literal::u64_unsuffixed), max.map(Literal::u64_unsuffixed))
    });
    let length = |method: &str, length: TokenStream| {
        let method = format_ident!("{}", method);
        bounds.as_ref().map(|bounds| quote! { v.#method(#length, #bounds); })
    };
    match &shape.kind {
        ShapeKind::Structure(_)
        | ShapeKind::Union(_)
        | ShapeKind::Enum(_)
        | ShapeKind::IntEnum(_) => {
            quote! { #runtime::validate::Validate::validate_into(#value, v); }
        }
        ShapeKind::String => {
            let length = bounds.as_ref().map(|bounds| {
                quote! { v.string_length(#value, #bounds, #sensitive); }
            });
            let pattern = constraints.pattern.map(|index| {
                let pattern = pattern_static(&cx.service.patterns[index]);
                quote! { v.pattern(#value, &#pattern, #sensitive); }
            });
            quote! { #length #pattern }
        }
        ShapeKind::Blob => {
            length("blob_length", quote! { #value.as_bytes().len() }).unwrap_or_default()
        }
        ShapeKind::Integer | ShapeKind::Long | ShapeKind::Float | ShapeKind::Double => {
            // Widened to the runtime's i64 and f64 where the type is narrower.
            let value = match shape.kind {
                ShapeKind::Integer => quote! { i64::from(*#value) },
                ShapeKind::Float => quote! { f64::from(*#value) },
                _ => quote! { *#value },
            };
            match constraints.range {
                Some(Range::Integer { min, max }) => {
                    let range =
                        range(min.map(Literal::i64_unsuffixed), max.map(Literal::i64_unsuffixed));
                    quote! { v.integer_range(#value, #range, #sensitive); }
                }
                Some(Range::Float { min, max }) => {
                    let range =
                        range(min.map(Literal::f64_unsuffixed), max.map(Literal::f64_unsuffixed));
                    quote! { v.float_range(#value, #range, #sensitive); }
                }
                None => TokenStream::new(),
            }
        }
        ShapeKind::List { member } => {
            let length = length("list_length", quote! { #value.len() });
            let (index, item) = (format_ident!("index_{}", depth), format_ident!("item_{}", depth));
            let element = element_check(cx, member, &quote! { #item }, sensitive, depth + 1);
            let elements = (!element.is_empty()).then(|| {
                quote! {
                    for (#index, #item) in #value.iter().enumerate() {
                        v.index(#index);
                        #element
                        v.leave();
                    }
                }
            });
            quote! { #length #elements }
        }
        ShapeKind::Map { key, value: element } => {
            let length = length("map_length", quote! { #value.len() });
            let (name, item) = (format_ident!("key_{}", depth), format_ident!("item_{}", depth));
            let key_check = value_check(cx, *key, &quote! { #name }, sensitive, depth + 1);
            let value_check = element_check(cx, element, &quote! { #item }, sensitive, depth + 1);
            let key_check = (!key_check.is_empty())
                .then(|| quote! { v.map_key(#name.as_str()); #key_check v.leave(); });
            let value_check = (!value_check.is_empty())
                .then(|| quote! { v.key(#name.as_str()); #value_check v.leave(); });
            let entries = match (key_check, value_check) {
                (None, None) => None,
                (Some(key_check), None) => Some(quote! {
                    for #name in #value.keys() {
                        #key_check
                    }
                }),
                (key_check, Some(value_check)) => Some(quote! {
                    for (#name, #item) in #value {
                        #key_check
                        #value_check
                    }
                }),
            };
            quote! { #length #entries }
        }
        ShapeKind::Document | ShapeKind::Boolean | ShapeKind::Timestamp(_) => TokenStream::new(),
    }
}

/// The checks of a list element or map value: none for a `jsonvalue`, whose string shape's
/// constraints say nothing about the parsed JSON it holds.
fn element_check(
    cx: Context<'_>,
    element: &Element,
    value: &TokenStream,
    sensitive: bool,
    depth: usize,
) -> TokenStream {
    (element.checked_target())
        .map(|id| value_check(cx, id, value, sensitive, depth))
        .unwrap_or_default()
}

/// The line of a member's docs that says what `validate` checks of its value's own shape,
/// like `Constraints: 1 to 100 characters; matching the pattern `^[a-z]+$`.`
pub fn constraints_doc(service: &Service, member: &Member) -> Option<String> {
    // A `jsonvalue` member holds parsed JSON: its string shape's constraints are not checked.
    if member.json_value {
        return None;
    }
    let shape = service.shape(member.target);
    let constraints = &shape.constraints;
    let mut parts: Vec<String> = Vec::new();
    if let Some((min, max)) = constraints.length {
        let unit = match shape.kind {
            ShapeKind::Blob => ("byte", "bytes"),
            ShapeKind::List { .. } => ("item", "items"),
            ShapeKind::Map { .. } => ("entry", "entries"),
            _ => ("character", "characters"),
        };
        let counted = |count: u64| format!("{count} {}", if count == 1 { unit.0 } else { unit.1 });
        let min = min.map(|min| if max.is_some() { min.to_string() } else { counted(min) });
        parts.extend(bounds_text(min, max.map(counted)));
    }
    match constraints.range {
        Some(Range::Integer { min, max }) => {
            parts.extend(bounds_text(min.map(|n| n.to_string()), max.map(|n| n.to_string())));
        }
        Some(Range::Float { min, max }) => {
            parts.extend(bounds_text(min.map(|n| n.to_string()), max.map(|n| n.to_string())));
        }
        None => {}
    }
    if let Some(index) = constraints.pattern {
        let pattern = super::docs::code(&service.patterns[index].source);
        parts.push(format!("matching the pattern {pattern}"));
    }
    if member.host_label {
        parts.push("a host label (it goes into the endpoint's host name)".to_owned());
    }
    (!parts.is_empty()).then(|| format!("Constraints: {}.", parts.join("; ")))
}

/// `1 to 100 characters`, `at least 1 item`, `at most 5`.
fn bounds_text(min: Option<String>, max: Option<String>) -> Option<String> {
    match (min, max) {
        (Some(min), Some(max)) => Some(format!("{min} to {max}")),
        (Some(min), None) => Some(format!("at least {min}")),
        (None, Some(max)) => Some(format!("at most {max}")),
        (None, None) => None,
    }
}

/// A model's `min` and `max` as a Rust range: `1..=100`, `1..`, `..=256`.
fn range(min: Option<Literal>, max: Option<Literal>) -> TokenStream {
    match (min, max) {
        (Some(min), Some(max)) => quote! { #min..=#max },
        (Some(min), None) => quote! { #min.. },
        (None, Some(max)) => quote! { ..=#max },
        (None, None) => quote! { .. },
    }
}
