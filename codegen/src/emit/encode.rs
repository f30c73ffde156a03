//! Each type's `fast::Encode`: its JSON written straight into a buffer, byte for byte what its
//! serde impl makes serde_json write (members in order, `None` left out, the same forms), so
//! requests are encoded without serde's byte-by-byte escaping of every string.

use super::types::{member_form, member_type};
use super::{Context, ident};
use crate::ir::{Member, Shape};
use proc_macro2::TokenStream;
use quote::quote;

/// A structure: `{`, each member that is there as its key and value, `}`.
pub fn structure(cx: Context<'_>, shape: &Shape, members: &[Member]) -> TokenStream {
    let runtime = cx.runtime;
    let name = ident(&shape.rust_name);
    let writes = members.iter().map(|member| {
        let field = ident(&member.rust_name);
        // The key as serde_json writes it (escaped, should a wire name ever need it) and `:`.
        let key = serde_json::to_string(&member.wire_name).unwrap_or_default() + ":";
        let key = proc_macro2::Literal::byte_string(key.as_bytes());
        let value = match member_form(cx, member) {
            Some(form) => {
                let ty = member_type(cx, member);
                quote! { #runtime::fast::serde(out, &#runtime::wire::SerializeAs::<#form, #ty>::new(value))? }
            }
            None => quote! { #runtime::fast::Encode::encode(value, out)? },
        };
        if member.required {
            quote! {
                let value = &self.#field;
                #runtime::fast::key(out, &mut first, #key);
                #value;
            }
        } else {
            quote! {
                if let ::std::option::Option::Some(value) = &self.#field {
                    #runtime::fast::key(out, &mut first, #key);
                    #value;
                }
            }
        }
    });
    let first = (!members.is_empty()).then(|| quote! { let mut first = true; });
    quote! {
        #[allow(deprecated)]
        impl #runtime::fast::Encode for #name {
            fn encode(&self, out: &mut ::std::vec::Vec<u8>) -> #runtime::fast::Written {
                out.push(b'{');
                #first
                #(#writes)*
                out.push(b'}');
                ::std::result::Result::Ok(())
            }
        }
    }
}

/// A string enum: its value as a JSON string.
pub fn string_enum(cx: Context<'_>, shape: &Shape) -> TokenStream {
    let runtime = cx.runtime;
    encode_impl(cx, shape, quote! { #runtime::fast::string(out, self.as_str()) })
}

/// Integer enums and unions: through their serde impls.
pub fn through_serde(cx: Context<'_>, shape: &Shape) -> TokenStream {
    let runtime = cx.runtime;
    encode_impl(cx, shape, quote! { #runtime::fast::serde(out, self) })
}

/// `impl fast::Encode` for the shape's type, writing with `body`.
fn encode_impl(cx: Context<'_>, shape: &Shape, body: TokenStream) -> TokenStream {
    let runtime = cx.runtime;
    let name = ident(&shape.rust_name);
    quote! {
        #[allow(deprecated)]
        impl #runtime::fast::Encode for #name {
            fn encode(&self, out: &mut ::std::vec::Vec<u8>) -> #runtime::fast::Written {
                #body
            }
        }
    }
}
