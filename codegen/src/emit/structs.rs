//! One struct per structure shape, with serde derives that are the wire format.

use super::types::{is_deprecated, is_sensitive, member_form, member_type, with_path};
use super::{
    Context, REDACTED, deprecated_attr, doc_attrs, ident, member_doc_attrs, wire_shape_doc,
};
use crate::ir::{Member, Service, Shape, Structure};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(cx: Context<'_>, shape: &Shape, structure: &Structure) -> TokenStream {
    let service = cx.service;
    let Shape {
        wire_name,
        rust_name,
        renamed,
        docs,
        sensitive,
        deprecated,
        kind: _,
        constraints: _,
    } = shape;
    let Structure { members, exception } = structure;
    let name = ident(rust_name);
    let wire_doc = wire_shape_doc(wire_name, renamed.as_ref(), "");
    let extra: Vec<String> =
        std::iter::once(wire_doc).chain(super::unchecked::shape_lines(shape)).collect();
    let docs = doc_attrs(docs.as_deref(), &extra);
    let deprecated = deprecated_attr(deprecated.as_ref());
    // Default only where it makes a valid value: no required member.
    let default = members.iter().all(|m| !m.required).then(|| quote! { Default, });
    let redacted = |member: &Member| *sensitive || is_sensitive(service, member.target);
    let debug_derive = (!members.iter().any(redacted)).then(|| quote! { Debug, });
    let allow_deprecated = members
        .iter()
        .any(|m| m.deprecated.is_some() || is_deprecated(service, m.target))
        .then(|| quote! { #[allow(deprecated)] });
    let fields = members.iter().map(|member| field(cx, member));
    let debug_impl = debug_derive.is_none().then(|| debug_impl(shape, members, &redacted));
    let error_impls = exception.then(|| error_impls(service, shape, members));
    let constructor = constructor(cx, shape, members);
    let non_exhaustive = (cx.struct_style == super::StructStyle::NonExhaustive).then(|| {
        quote! {
            // Built with `new` and the `with_…` setters, so that a member a later model adds
            // is no breaking change.
            #[non_exhaustive]
        }
    });
    let serde = cx.serde();
    let serde_crate = format!("{}::__private::serde", cx.runtime.text());
    let deserialize = super::deserialize::emit(cx, shape, members);
    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #[derive(#debug_derive Clone, PartialEq, #default #serde::Serialize)]
        #[serde(crate = #serde_crate)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
        }
        #deserialize
        #constructor
        #debug_impl
        #error_impls
    }
}

/// `new(required members…)` with every optional member `None`, and a `with_…` setter per
/// member, so that any value can be built in a chain that never names an optional (maybe
/// deprecated) member it does not set.
fn constructor(cx: Context<'_>, shape: &Shape, members: &[Member]) -> TokenStream {
    let name = ident(&shape.rust_name);
    let required: Vec<&Member> = members.iter().filter(|member| member.required).collect();
    let params = required.iter().map(|member| {
        let param = ident(&member.rust_name);
        let ty = member_type(cx, member);
        quote! { #param: impl ::std::convert::Into<#ty> }
    });
    let values = members.iter().map(|member| {
        let field = ident(&member.rust_name);
        if member.required {
            quote! { #field: #field.into() }
        } else {
            quote! { #field: ::std::option::Option::None }
        }
    });
    let doc = super::doc_line(&if required.is_empty() {
        format!(" A {} with every member `None`.", super::docs::code(&shape.wire_name))
    } else {
        format!(
            " A {} with the required members given and every other member `None`.",
            super::docs::code(&shape.wire_name)
        )
    });
    let setters = members.iter().map(|member| setter(cx, member));
    quote! {
        #[allow(deprecated)]
        impl #name {
            #[doc = #doc]
            #[allow(clippy::too_many_arguments)]
            pub fn new(#(#params),*) -> Self {
                Self { #(#values),* }
            }
            #(#setters)*
        }
    }
}

/// `with_<field>(value)`: the value with that member set, for chains after `new`.
fn setter(cx: Context<'_>, member: &Member) -> TokenStream {
    let field = ident(&member.rust_name);
    let bare = member.rust_name.trim_start_matches("r#");
    let method = quote::format_ident!("with_{}", bare);
    let ty = member_type(cx, member);
    let deprecated = deprecated_attr(member.deprecated.as_ref());
    let doc = super::doc_line(&format!(" Sets member {}.", super::docs::code(&member.model_name)));
    let value = if member.required {
        quote! { value.into() }
    } else {
        quote! { ::std::option::Option::Some(value.into()) }
    };
    quote! {
        #[doc = #doc]
        #deprecated
        #[must_use]
        pub fn #method(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
            self.#field = #value;
            self
        }
    }
}

fn field(cx: Context<'_>, member: &Member) -> TokenStream {
    // `target`, `boxed`, `timestamp_format` and `json_value` are read by `member_type` and
    // `member_form`; the names, docs, `host_label` and `idempotency_token` by
    // `member_doc_attrs`.
    let Member {
        model_name: _,
        wire_name,
        rust_name,
        renamed: _,
        target: _,
        required,
        boxed: _,
        docs: _,
        deprecated,
        timestamp_format: _,
        json_value: _,
        host_label: _,
        idempotency_token: _,
    } = member;
    let name = ident(rust_name);
    let ty = member_type(cx, member);
    let form = member_form(cx, member);
    let docs = member_doc_attrs(cx, member);
    let deprecated = deprecated_attr(deprecated.as_ref());
    if *required {
        let with = form.map(|form| with_path(cx, &form)).map(|path| quote! { with = #path, });
        quote! {
            #docs
            #deprecated
            #[serde(rename = #wire_name, #with)]
            pub #name: #ty,
        }
    } else {
        let runtime = cx.runtime;
        let with = form
            .map(|form| with_path(cx, &quote! { #runtime::wire::Opt<#form> }))
            .map(|path| quote! { with = #path, });
        quote! {
            #docs
            #deprecated
            #[serde(rename = #wire_name, #with skip_serializing_if = "::std::option::Option::is_none")]
            pub #name: ::std::option::Option<#ty>,
        }
    }
}

fn debug_impl(
    shape: &Shape,
    members: &[Member],
    redacted: &dyn Fn(&Member) -> bool,
) -> TokenStream {
    let name = ident(&shape.rust_name);
    let type_name = &shape.rust_name;
    let fields = members.iter().map(|member| {
        let field = ident(&member.rust_name);
        let label = member.rust_name.trim_start_matches("r#");
        if redacted(member) {
            quote! { .field(#label, &#REDACTED) }
        } else {
            quote! { .field(#label, &self.#field) }
        }
    });
    quote! {
        #[allow(deprecated)]
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#type_name) #(#fields)* .finish()
            }
        }
    }
}

/// Error shapes print as `Name: message` and are `std::error::Error`s.
fn error_impls(service: &Service, shape: &Shape, members: &[Member]) -> TokenStream {
    let name = ident(&shape.rust_name);
    let wire_name = &shape.wire_name;
    let body = match service.message_member(members) {
        Some(member) if member.required => {
            let field = ident(&member.rust_name);
            quote! {
                f.write_str(#wire_name)?;
                f.write_str(": ")?;
                f.write_str(&self.#field)
            }
        }
        Some(member) => {
            let field = ident(&member.rust_name);
            quote! {
                f.write_str(#wire_name)?;
                if let ::std::option::Option::Some(message) = &self.#field {
                    f.write_str(": ")?;
                    f.write_str(message)?;
                }
                ::std::result::Result::Ok(())
            }
        }
        None => quote! { f.write_str(#wire_name) },
    };
    // A deprecated error's own impls name it, and Display reads its message member, which may
    // be deprecated itself: they must not warn.
    let message_deprecated = service
        .message_member(members)
        .is_some_and(|member| member.deprecated.is_some() || is_deprecated(service, member.target));
    let allow =
        (shape.deprecated.is_some() || message_deprecated).then(|| quote! { #[allow(deprecated)] });
    quote! {
        #allow
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #body
            }
        }
        #allow
        impl ::std::error::Error for #name {}
    }
}
