//! One enum per union shape: a variant per member, plus one that keeps members the model does
//! not list. The serde impls are written out: the wire form is an object with one member set.

use super::types::{decode_form, is_deprecated, is_sensitive, member_form, member_type};
use super::{
    Context, REDACTED, deprecated_attr, doc_attrs, ident, member_doc_attrs, wire_shape_doc,
};
use crate::ir::naming::UNKNOWN_VARIANT;
use crate::ir::{Member, Shape};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(cx: Context<'_>, shape: &Shape, members: &[Member]) -> TokenStream {
    let (service, runtime) = (cx.service, cx.runtime);
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
    let name = ident(rust_name);
    let wire_doc =
        wire_shape_doc(wire_name, renamed.as_ref(), ", a union: exactly one member is set");
    let extra: Vec<String> =
        std::iter::once(wire_doc).chain(super::unchecked::shape_lines(shape)).collect();
    let docs = doc_attrs(docs.as_deref(), &extra);
    let deprecated = deprecated_attr(deprecated.as_ref());
    let allow_deprecated = members
        .iter()
        .any(|m| m.deprecated.is_some() || is_deprecated(service, m.target))
        .then(|| quote! { #[allow(deprecated)] });
    let redacted = |member: &Member| *sensitive || is_sensitive(service, member.target);
    let manual_debug = *sensitive || members.iter().any(redacted);
    let debug_derive = (!manual_debug).then(|| quote! { Debug, });
    let variants = members.iter().map(|member| variant(cx, member));
    let unknown = ident(UNKNOWN_VARIANT);
    let serialize = serialize_impl(cx, shape, members);
    let deserialize = deserialize_impl(cx, shape, members);
    let debug = manual_debug.then(|| debug_impl(shape, members, &redacted));
    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #[derive(#debug_derive Clone, PartialEq)]
        // Boxing by size would make the API depend on the sizes of other shapes.
        #[allow(clippy::large_enum_variant)]
        // A new value, member or error in a later model is then no breaking change.
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A member this model does not list, kept with its value so it is written back
            /// unchanged: AWS adds members without notice.
            #unknown(#runtime::UnknownMember),
        }
        #serialize
        #deserialize
        #debug
    }
}

fn variant(cx: Context<'_>, member: &Member) -> TokenStream {
    // `target`, `boxed`, `timestamp_format` and `json_value` are read by `member_type`; the
    // names, docs, `host_label` and `idempotency_token` by `member_doc_attrs`.
    let Member {
        model_name: _,
        wire_name: _,
        rust_name,
        renamed: _,
        target: _,
        required: _,
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
    let docs = member_doc_attrs(cx, member);
    let deprecated = deprecated_attr(deprecated.as_ref());
    quote! {
        #docs
        #deprecated
        #name(#ty),
    }
}

fn serialize_impl(cx: Context<'_>, shape: &Shape, members: &[Member]) -> TokenStream {
    let (runtime, serde) = (cx.runtime, cx.serde());
    let name = ident(&shape.rust_name);
    let unknown = ident(UNKNOWN_VARIANT);
    let arms = members.iter().map(|member| {
        let variant = ident(&member.rust_name);
        let key = &member.wire_name;
        let value = match member_form(cx, member) {
            Some(form) => quote! { &#runtime::wire::SerializeAs::<#form, _>::new(value) },
            None => quote! { value },
        };
        quote! { Self::#variant(value) => map.serialize_entry(#key, #value)?, }
    });
    quote! {
        #[allow(deprecated)]
        impl #serde::Serialize for #name {
            fn serialize<S: #serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use #serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::Some(1))?;
                match self {
                    #(#arms)*
                    Self::#unknown(member) => map.serialize_entry(member.name(), member.value())?,
                }
                map.end()
            }
        }
    }
}

fn deserialize_impl(cx: Context<'_>, shape: &Shape, members: &[Member]) -> TokenStream {
    let (runtime, serde) = (cx.runtime, cx.serde());
    let name = ident(&shape.rust_name);
    let wire_name = &shape.wire_name;
    let unknown = ident(UNKNOWN_VARIANT);
    let expecting = format!("union `{wire_name}` (an object with one member set)");
    let arms = members.iter().map(|member| {
        let variant = ident(&member.rust_name);
        let key = &member.wire_name;
        let ty = member_type(cx, member);
        let form = decode_form(cx, member);
        quote! {
            #key => {
                let value = #runtime::decode::union_member::<_, #form, #ty>(&mut map, #key)?;
                one.set(#key, value.map(#name::#variant))?;
            }
        }
    });
    // Some servers name the shape in `__type` here too; it is no member.
    let type_name = (!members.iter().any(|member| member.wire_name == "__type")).then(|| {
        quote! {
            "__type" => {
                map.next_value::<#serde::de::IgnoredAny>()?;
            }
        }
    });
    quote! {
        // Unions are rare and small: the fast path reads them through their serde impl.
        #[allow(deprecated)]
        impl #runtime::fast::Decode for #name {
            fn decode<'__a, __R: #runtime::fast::Read<'__a>>(reader: &mut __R) -> #runtime::fast::Fast<Self> {
                reader.serde::<Self>()
            }
        }

        #[allow(deprecated)]
        impl<'de> #serde::Deserialize<'de> for #name {
            fn deserialize<D: #serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct __Visitor;
                impl<'de> #serde::de::Visitor<'de> for __Visitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: #serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#name, A::Error> {
                        let mut one = #runtime::union::OneMember::new(#wire_name);
                        while let ::std::option::Option::Some(key) = map.next_key::<#runtime::union::MemberName<'de>>()? {
                            match key.as_str() {
                                #(#arms)*
                                #type_name
                                _ => {
                                    let value = map.next_value::<#runtime::Document>()?;
                                    let member = (!value.is_null()).then(|| {
                                        #name::#unknown(#runtime::UnknownMember::new(key.as_str(), value))
                                    });
                                    one.set(key.as_str(), member)?;
                                }
                            }
                        }
                        one.finish()
                    }
                }
                deserializer.deserialize_map(__Visitor)
            }
        }

        #[allow(deprecated)]
        impl #runtime::decode::Zero for #name {
            fn zero() -> Self {
                Self::#unknown(#runtime::decode::Zero::zero())
            }
        }
    }
}

fn debug_impl(
    shape: &Shape,
    members: &[Member],
    redacted: &dyn Fn(&Member) -> bool,
) -> TokenStream {
    let name = ident(&shape.rust_name);
    let unknown = ident(UNKNOWN_VARIANT);
    let unknown_label = UNKNOWN_VARIANT;
    let arms = members.iter().map(|member| {
        let variant = ident(&member.rust_name);
        let label = &member.rust_name;
        if redacted(member) {
            quote! { Self::#variant(_) => f.debug_tuple(#label).field(&#REDACTED).finish(), }
        } else {
            quote! { Self::#variant(value) => f.debug_tuple(#label).field(value).finish(), }
        }
    });
    let unknown_arm = if shape.sensitive {
        quote! { Self::#unknown(_) => f.debug_tuple(#unknown_label).field(&#REDACTED).finish(), }
    } else {
        quote! { Self::#unknown(member) => f.debug_tuple(#unknown_label).field(member).finish(), }
    };
    quote! {
        #[allow(deprecated)]
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#arms)*
                    #unknown_arm
                }
            }
        }
    }
}
