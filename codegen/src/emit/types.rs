//! The Rust type of a shape reference.

use super::ident;
use crate::ir::{Service, ShapeId, ShapeKind};
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

/// Whether values of shape `id` must be redacted in `Debug`: the shape, or any element of a
/// list or map it is, is `sensitive`.
pub fn is_sensitive(service: &Service, id: ShapeId) -> bool {
    let shape = service.shape(id);
    shape.sensitive
        || match shape.kind {
            ShapeKind::List { member } => is_sensitive(service, member),
            ShapeKind::Map { key, value } => {
                is_sensitive(service, key) || is_sensitive(service, value)
            }
            _ => false,
        }
}

/// Whether the shape, or any shape it reaches, is deprecated; code that names such a type
/// must allow its own use of it.
pub fn is_deprecated(service: &Service, id: ShapeId) -> bool {
    let shape = service.shape(id);
    shape.deprecated.is_some()
        || match shape.kind {
            ShapeKind::List { member } => is_deprecated(service, member),
            ShapeKind::Map { key, value } => {
                is_deprecated(service, key) || is_deprecated(service, value)
            }
            _ => false,
        }
}
