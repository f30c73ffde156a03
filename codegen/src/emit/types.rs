//! The Rust type of a shape reference.

use super::{Context, ident};
use crate::ir::{Element, Member, Service, Shape, ShapeId, ShapeKind, TimestampFormat};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type values of shape `id` have.
pub fn rust_type(cx: Context<'_>, id: ShapeId) -> TokenStream {
    let runtime = cx.runtime;
    let shape = cx.service.shape(id);
    match &shape.kind {
        ShapeKind::Structure(_)
        | ShapeKind::Union(_)
        | ShapeKind::Enum(_)
        | ShapeKind::IntEnum(_) => {
            let name = ident(&shape.rust_name);
            quote! { #name }
        }
        ShapeKind::Document => quote! { #runtime::Document },
        ShapeKind::List { member } => {
            let member = element_type(cx, member);
            quote! { ::std::vec::Vec<#member> }
        }
        // BTreeMap, not HashMap: bodies then come out in one order, so requests are
        // reproducible and snapshots stable; maps in AWS models are small.
        ShapeKind::Map { key, value } => {
            let key = rust_type(cx, *key);
            let value = element_type(cx, value);
            quote! { ::std::collections::BTreeMap<#key, #value> }
        }
        ShapeKind::String => quote! { ::std::string::String },
        ShapeKind::Integer => quote! { i32 },
        ShapeKind::Long => quote! { i64 },
        ShapeKind::Float => quote! { f32 },
        ShapeKind::Double => quote! { f64 },
        ShapeKind::Boolean => quote! { bool },
        ShapeKind::Blob => quote! { #runtime::Blob },
        ShapeKind::Timestamp(_) => quote! { #runtime::DateTime },
    }
}

/// The Rust type of what a member, list element or map value holds: its shape's type, or
/// parsed JSON for a `jsonvalue` string.
fn element_type(cx: Context<'_>, element: &Element) -> TokenStream {
    let runtime = cx.runtime;
    if element.json_value {
        quote! { #runtime::Document }
    } else {
        rust_type(cx, element.target)
    }
}

/// The type of a member: what it holds, boxed where the member closes a cycle.
pub fn member_type(cx: Context<'_>, member: &Member) -> TokenStream {
    let ty = element_type(cx, &member.element());
    if member.boxed {
        quote! { ::std::boxed::Box<#ty> }
    } else {
        ty
    }
}

/// The runtime's `wire` form that writes what a member, list element or map value holds;
/// `None` where the type's own serde form is the wire's.
fn element_form(cx: Context<'_>, element: &Element) -> Option<TokenStream> {
    let runtime = cx.runtime;
    if element.json_value {
        return Some(quote! { #runtime::wire::JsonValue });
    }
    match &cx.service.shape(element.target).kind {
        ShapeKind::Timestamp(own) => match element.timestamp_format.unwrap_or(*own) {
            TimestampFormat::EpochSeconds => None,
            TimestampFormat::Iso8601 => Some(quote! { #runtime::wire::Iso8601 }),
            TimestampFormat::Rfc822 => Some(quote! { #runtime::wire::Rfc822 }),
        },
        ShapeKind::Float | ShapeKind::Double => Some(quote! { #runtime::wire::Float }),
        ShapeKind::List { member } => {
            element_form(cx, member).map(|form| quote! { #runtime::wire::List<#form> })
        }
        ShapeKind::Map { value, .. } => {
            element_form(cx, value).map(|form| quote! { #runtime::wire::Map<#form> })
        }
        _ => None,
    }
}

/// The wire form of a member's [`member_type`], if it needs one.
pub fn member_form(cx: Context<'_>, member: &Member) -> Option<TokenStream> {
    let runtime = cx.runtime;
    let form = element_form(cx, &member.element());
    if member.boxed { form.map(|form| quote! { #runtime::wire::Boxed<#form> }) } else { form }
}

/// The runtime's `wire` form a member is read with: its write form where it has one, else the
/// form that reads its type (forms track the JSON path through lists and maps).
pub fn decode_form(cx: Context<'_>, member: &Member) -> TokenStream {
    let runtime = cx.runtime;
    let form = element_decode_form(cx, &member.element());
    if member.boxed {
        quote! { #runtime::wire::Boxed<#form> }
    } else {
        form
    }
}

/// The form what a member, list element or map value holds is read with; timestamps read any
/// format, so the shape's or a reference's `timestampFormat` does not matter here.
fn element_decode_form(cx: Context<'_>, element: &Element) -> TokenStream {
    let runtime = cx.runtime;
    if element.json_value {
        return quote! { #runtime::wire::JsonValue };
    }
    match &cx.service.shape(element.target).kind {
        ShapeKind::Integer | ShapeKind::Long => quote! { #runtime::wire::Integer },
        ShapeKind::Float | ShapeKind::Double => quote! { #runtime::wire::Float },
        ShapeKind::List { member } => {
            let element = element_decode_form(cx, member);
            quote! { #runtime::wire::List<#element> }
        }
        ShapeKind::Map { value, .. } => {
            let value = element_decode_form(cx, value);
            quote! { #runtime::wire::Map<#value> }
        }
        _ => quote! { #runtime::wire::Plain },
    }
}

/// The `#[serde(with = "…")]` path that reads and writes with `form`.
pub fn with_path(cx: Context<'_>, form: &TokenStream) -> String {
    let runtime = cx.runtime;
    // Forms are paths and angle brackets only, so no space is needed anywhere in them.
    quote! { #runtime::wire::As::<#form> }.to_string().replace(' ', "")
}

/// Whether values of shape `id` must be redacted in `Debug`: the shape, or any element of a
/// list or map it is, is `sensitive`.
pub fn is_sensitive(service: &Service, id: ShapeId) -> bool {
    any_element(service, id, &|shape| shape.sensitive)
}

/// Whether the shape, or any element of a list or map it is, is deprecated; code that names
/// such a type must allow its own use of it.
pub fn is_deprecated(service: &Service, id: ShapeId) -> bool {
    any_element(service, id, &|shape| shape.deprecated.is_some())
}

/// Whether `test` holds for the shape or, through lists and maps, any shape it holds.
fn any_element(service: &Service, id: ShapeId, test: &dyn Fn(&Shape) -> bool) -> bool {
    let shape = service.shape(id);
    test(shape)
        || match shape.kind {
            ShapeKind::List { member } => any_element(service, member.target, test),
            ShapeKind::Map { key, value } => {
                any_element(service, key, test) || any_element(service, value.target, test)
            }
            _ => false,
        }
}
