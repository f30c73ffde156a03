//! One enum per integer shape with `enum` values, keeping values the model does not list.

use super::{Context, deprecated_attr, doc_attrs, ident, wire_shape_doc};
use crate::ir::naming::UNKNOWN_VARIANT;
use crate::ir::{IntEnumValue, Shape};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn emit(cx: Context<'_>, shape: &Shape, values: &[IntEnumValue]) -> TokenStream {
    let (runtime, serde) = (cx.runtime, cx.serde());
    let Shape {
        wire_name,
        rust_name,
        renamed,
        docs,
        sensitive: _,
        deprecated,
        kind: _,
        constraints: _,
    } = shape;
    let name = ident(rust_name);
    let unknown = ident(UNKNOWN_VARIANT);
    let wire_doc = wire_shape_doc(wire_name, renamed.as_ref(), ", an integer enum");
    let extra: Vec<String> =
        std::iter::once(wire_doc).chain(super::unchecked::shape_lines(shape)).collect();
    let docs = doc_attrs(docs.as_deref(), &extra);
    // A deprecated enum's own impls name it; they must not warn.
    let allow = deprecated.is_some().then(|| quote! { #[allow(deprecated)] });
    let deprecated = deprecated_attr(deprecated.as_ref());
    let variants: Vec<_> = values.iter().map(|value| ident(&value.rust_name)).collect();
    let numbers: Vec<Literal> =
        values.iter().map(|value| Literal::i32_unsuffixed(value.value)).collect();
    let variant_docs = values.iter().map(|value| format!(" `{}`", value.value));
    let order = super::enums::by_wire_value(&name, allow.as_ref(), &quote! { value });
    quote! {
        #docs
        #deprecated
        // Compared, hashed and ordered by the wire value (the impls below), not by variant: a
        // value a later model lists then sorts and compares as it did while it was unknown.
        #[derive(Debug, Clone, Copy)]
        // A new value, member or error in a later model is then no breaking change.
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
            /// A value this model does not list, kept so it is written back unchanged: AWS adds
            /// values without notice.
            #unknown(#runtime::UnknownInteger),
        }

        #order

        #allow
        impl #name {
            /// Every value the model lists, in model order.
            pub const VALUES: &'static [i32] = &[#(#numbers),*];

            /// The value as it is written on the wire.
            pub fn value(&self) -> i32 {
                match self {
                    #( Self::#variants => #numbers, )*
                    Self::#unknown(value) => value.value(),
                }
            }

            /// Whether this is a value the model does not list.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::#unknown(_))
            }
        }

        #allow
        impl ::std::convert::From<i32> for #name {
            fn from(value: i32) -> Self {
                match value {
                    #( #numbers => Self::#variants, )*
                    other => Self::#unknown(#runtime::UnknownInteger::new(other)),
                }
            }
        }

        #allow
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }

        #allow
        impl #serde::Serialize for #name {
            fn serialize<S: #serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.value())
            }
        }

        #allow
        impl #runtime::decode::Zero for #name {
            fn zero() -> Self {
                Self::from(0)
            }
        }

        #allow
        impl<'de> #serde::Deserialize<'de> for #name {
            fn deserialize<D: #serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                // Through the runtime's integer form, which reads `-0` as 0.
                <#runtime::wire::Integer as #runtime::wire::WireForm<i32>>::deserialize(deserializer).map(Self::from)
            }
        }

        #allow
        impl #runtime::fast::Decode for #name {
            fn decode<'__a, __R: #runtime::fast::Read<'__a>>(reader: &mut __R) -> #runtime::fast::Fast<Self> {
                <#runtime::wire::Integer as #runtime::fast::FastForm<i32>>::decode(reader).map(Self::from)
            }
        }
    }
}
