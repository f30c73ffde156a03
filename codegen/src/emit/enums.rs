//! One enum per string shape with `enum` values, keeping values the model does not list.

use super::{Context, deprecated_attr, doc_attrs, ident, taken_note, wire_shape_doc};
use crate::ir::naming::UNKNOWN_VARIANT;
use crate::ir::{EnumValue, Shape};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

pub fn emit(cx: Context<'_>, shape: &Shape, values: &[EnumValue]) -> TokenStream {
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
    let docs = doc_attrs(docs.as_deref(), &[wire_shape_doc(wire_name, renamed.as_ref(), "")]);
    // A deprecated enum's own impls name it; they must not warn.
    let allow = deprecated.is_some().then(|| quote! { #[allow(deprecated)] });
    let deprecated = deprecated_attr(deprecated.as_ref());
    let variants: Vec<_> = values.iter().map(|value| ident(&value.rust_name)).collect();
    let wire_values: Vec<&str> = values.iter().map(|value| value.wire_value.as_str()).collect();
    let variant_docs = values.iter().map(|EnumValue { wire_value, rust_name: _, renamed }| {
        let value = if wire_value.is_empty() {
            "The empty string".to_owned()
        } else {
            super::docs::code(wire_value)
        };
        super::doc_line(&format!(" {value}{}", taken_note(renamed.as_ref())))
    });
    // With no value listed every value is unknown: single-arm matches, which clippy refuses,
    // become the arm.
    let (as_str, from_str, from_string) = if variants.is_empty() {
        (
            quote! { let Self::#unknown(value) = self; value.as_str() },
            quote! { Self::#unknown(#runtime::UnknownValue::new(value.to_owned())) },
            quote! { Self::#unknown(#runtime::UnknownValue::new(value)) },
        )
    } else {
        (
            quote! {
                match self {
                    #( Self::#variants => #wire_values, )*
                    Self::#unknown(value) => value.as_str(),
                }
            },
            quote! {
                match value {
                    #( #wire_values => Self::#variants, )*
                    other => Self::#unknown(#runtime::UnknownValue::new(other.to_owned())),
                }
            },
            quote! {
                match value.as_str() {
                    #( #wire_values => Self::#variants, )*
                    _ => Self::#unknown(#runtime::UnknownValue::new(value)),
                }
            },
        )
    };
    let order = by_wire_value(&name, allow.as_ref(), &quote! { as_str });
    quote! {
        #docs
        #deprecated
        // Compared, hashed and ordered by the wire value (the impls below), not by variant: a
        // value a later model lists then sorts and compares as it did while it was unknown.
        #[derive(Debug, Clone)]
        // A new value, member or error in a later model is then no breaking change.
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
            /// A value this model does not list, kept exactly as it came so it is written back
            /// unchanged: AWS adds values without notice.
            #unknown(#runtime::UnknownValue),
        }

        #order

        #allow
        impl #name {
            /// Every value the model lists, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#wire_values),*];

            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                #as_str
            }

            /// Whether this is a value the model does not list.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::#unknown(_))
            }
        }

        #allow
        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                #from_str
            }
        }

        #allow
        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                #from_string
            }
        }

        #allow
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            // Not `Self::Err`, which a variant called `Err` would make ambiguous.
            fn from_str(value: &str) -> ::std::result::Result<Self, ::std::convert::Infallible> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        #allow
        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        #allow
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #allow
        impl #serde::Serialize for #name {
            fn serialize<S: #serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #allow
        impl #runtime::decode::Zero for #name {
            /// The empty string: a value the model does not list.
            fn zero() -> Self {
                Self::#unknown(#runtime::decode::Zero::zero())
            }
        }

        #allow
        impl<'de> #serde::Deserialize<'de> for #name {
            fn deserialize<D: #serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #runtime::enums::deserialize(deserializer)
            }
        }

        #allow
        impl #runtime::fast::Decode for #name {
            fn decode<'__a, __R: #runtime::fast::Read<'__a>>(reader: &mut __R) -> #runtime::fast::Fast<Self> {
                #runtime::fast::string_enum(reader)
            }
        }
    }
}

/// `PartialEq`, `Eq`, `Hash`, `PartialOrd` and `Ord` for enum `name` by the wire value its
/// method `key` gives (`as_str`, `value`), so a value sorts and compares the same whether this
/// model lists it or not.
pub(super) fn by_wire_value(
    name: &Ident,
    allow: Option<&TokenStream>,
    key: &TokenStream,
) -> TokenStream {
    quote! {
        #allow
        impl ::std::cmp::PartialEq for #name {
            fn eq(&self, other: &Self) -> bool {
                self.#key() == other.#key()
            }
        }

        #allow
        impl ::std::cmp::Eq for #name {}

        #allow
        impl ::std::hash::Hash for #name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                ::std::hash::Hash::hash(&self.#key(), state);
            }
        }

        #allow
        impl ::std::cmp::PartialOrd for #name {
            fn partial_cmp(&self, other: &Self) -> ::std::option::Option<::std::cmp::Ordering> {
                ::std::option::Option::Some(::std::cmp::Ord::cmp(self, other))
            }
        }

        /// By wire value.
        #allow
        impl ::std::cmp::Ord for #name {
            fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
                ::std::cmp::Ord::cmp(&self.#key(), &other.#key())
            }
        }
    }
}
