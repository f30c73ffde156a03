//! The Rust type of a shape reference.

use super::{Context, ident};
use crate::ir::{Member, Service, Shape, ShapeId, ShapeKind, TimestampFormat};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type a member, list element or map value of shape `id` has.
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
            let member = rust_type(cx, member.target);
            quote! { ::std::vec::Vec<#member> }
        }
        // BTreeMap, not HashMap: bodies then come out in one order, so requests are
        // reproducible and snapshots stable; maps in AWS models are small.
        ShapeKind::Map { key, value } => {
            let key = rust_type(cx, *key);
            let value = rust_type(cx, value.target);
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

/// The type of a member: its shape's type (parsed JSON for a `jsonvalue` string), boxed where
/// the member closes a cycle.
pub fn member_type(cx: Context<'_>, member: &Member) -> TokenStream {
    let runtime = cx.runtime;
    let ty = if member.json_value {
        quote! { #runtime::Document }
    } else {
        rust_type(cx, member.target)
    };
    if member.boxed {
        quote! { ::std::boxed::Box<#ty> }
    } else {
        ty
    }
}

/// The runtime's `wire` form values of shape `id` need, reached through a reference with its
/// own `format`; `None` where the type's own serde form is the wire's.
pub fn wire_form(
    cx: Context<'_>,
    id: ShapeId,
    format: Option<TimestampFormat>,
) -> Option<TokenStream> {
    let runtime = cx.runtime;
    match &cx.service.shape(id).kind {
        ShapeKind::Timestamp(own) => match format.unwrap_or(*own) {
            TimestampFormat::EpochSeconds => None,
            TimestampFormat::Iso8601 => Some(quote! { #runtime::wire::Iso8601 }),
            TimestampFormat::Rfc822 => Some(quote! { #runtime::wire::Rfc822 }),
        },
        ShapeKind::Float | ShapeKind::Double => Some(quote! { #runtime::wire::Float }),
        ShapeKind::List { member } => wire_form(cx, member.target, member.timestamp_format)
            .map(|form| quote! { #runtime::wire::List<#form> }),
        ShapeKind::Map { value, .. } => wire_form(cx, value.target, value.timestamp_format)
            .map(|form| quote! { #runtime::wire::Map<#form> }),
        _ => None,
    }
}

/// The wire form of a member's [`member_type`], if it needs one.
pub fn member_form(cx: Context<'_>, member: &Member) -> Option<TokenStream> {
    let runtime = cx.runtime;
    let form = if member.json_value {
        Some(quote! { #runtime::wire::JsonValue })
    } else {
        wire_form(cx, member.target, member.timestamp_format)
    };
    if member.boxed { form.map(|form| quote! { #runtime::wire::Boxed<#form> }) } else { form }
}

/// The runtime's `wire` form a member is read with: its write form where it has one, else the
/// form that reads its type (forms track the JSON path through lists and maps).
pub fn decode_form(cx: Context<'_>, member: &Member) -> TokenStream {
    let runtime = cx.runtime;
    let form = if member.json_value {
        quote! { #runtime::wire::JsonValue }
    } else {
        element_decode_form(cx, member.target)
    };
    if member.boxed {
        quote! { #runtime::wire::Boxed<#form> }
    } else {
        form
    }
}

/// The form values of shape `id` are read with; timestamps read any format, so the shape's
/// or a reference's `timestampFormat` does not matter here.
fn element_decode_form(cx: Context<'_>, id: ShapeId) -> TokenStream {
    let runtime = cx.runtime;
    match &cx.service.shape(id).kind {
        ShapeKind::Integer | ShapeKind::Long => quote! { #runtime::wire::Integer },
        ShapeKind::Float | ShapeKind::Double => quote! { #runtime::wire::Float },
        ShapeKind::List { member } => {
            let element = element_decode_form(cx, member.target);
            quote! { #runtime::wire::List<#element> }
        }
        ShapeKind::Map { value, .. } => {
            let value = element_decode_form(cx, value.target);
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
