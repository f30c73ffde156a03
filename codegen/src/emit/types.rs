//! The Rust type of a shape reference.

use super::ident;
use crate::ir::{Member, Service, Shape, ShapeId, ShapeKind};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type a member, list element or map value of shape `id` has.
pub fn rust_type(service: &Service, id: ShapeId) -> TokenStream {
    let shape = service.shape(id);
    match &shape.kind {
        ShapeKind::Structure(_) | ShapeKind::Enum(_) => {
            let name = ident(&shape.rust_name);
            quote! { #name }
        }
        ShapeKind::List { member } => {
            let member = rust_type(service, *member);
            quote! { ::std::vec::Vec<#member> }
        }
        // BTreeMap, not HashMap: bodies then come out in one order, so requests are
        // reproducible and snapshots stable; maps in AWS models are small.
        ShapeKind::Map { key, value } => {
            let key = rust_type(service, *key);
            let value = rust_type(service, *value);
            quote! { ::std::collections::BTreeMap<#key, #value> }
        }
        ShapeKind::String => quote! { ::std::string::String },
        ShapeKind::Integer => quote! { i32 },
        ShapeKind::Long => quote! { i64 },
        ShapeKind::Boolean => quote! { bool },
        ShapeKind::Blob => quote! { runtime::Blob },
        ShapeKind::Timestamp => quote! { runtime::DateTime },
    }
}

/// The type of a member: its shape's type, boxed where the member closes a cycle.
pub fn member_type(service: &Service, member: &Member) -> TokenStream {
    let ty = rust_type(service, member.target);
    if member.boxed {
        quote! { ::std::boxed::Box<#ty> }
    } else {
        ty
    }
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
            ShapeKind::List { member } => any_element(service, member, test),
            ShapeKind::Map { key, value } => {
                any_element(service, key, test) || any_element(service, value, test)
            }
            _ => false,
        }
}
