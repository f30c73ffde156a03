//! A structure's `Deserialize`, written out rather than derived: it reads only a JSON object
//! (serde's derive also takes an array, member by member), matches keys without a second
//! visitor, reads `null` as absent, tracks the JSON path when the decode does, and settles a
//! missing required member as the decode says (an error, or its zero value). With it, `Zero`.

use super::types::{decode_form, member_type};
use super::{Context, ident};
use crate::ir::{Member, Shape};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(cx: Context<'_>, shape: &Shape, members: &[Member]) -> TokenStream {
    let (runtime, serde) = (cx.runtime, cx.serde());
    let name = ident(&shape.rust_name);
    let expecting = format!("structure `{}` (an object)", shape.wire_name);
    let fields: Vec<_> = members.iter().map(|member| ident(&member.rust_name)).collect();
    // `__` keeps the slots apart from `map` and `key`: fields never start with an underscore.
    let slots: Vec<_> = (members.iter())
        .map(|member| quote::format_ident!("__{}", member.rust_name.trim_start_matches("r#")))
        .collect();
    let types: Vec<_> = members.iter().map(|member| member_type(cx, member)).collect();
    let arms = members.iter().zip(&slots).map(|(member, slot)| {
        let key = &member.wire_name;
        let form = decode_form(cx, member);
        quote! { #key => #runtime::decode::member::<_, #form, _>(&mut map, #key, &mut #slot)?, }
    });
    let values = members.iter().zip(&slots).zip(&fields).map(|((member, slot), field)| {
        let key = &member.wire_name;
        if member.required {
            quote! { #field: #runtime::decode::required(#slot, #key)? }
        } else {
            quote! { #field: #slot }
        }
    });
    let zeros = members.iter().zip(&fields).map(|(member, field)| {
        if member.required {
            quote! { #field: #runtime::decode::Zero::zero() }
        } else {
            quote! { #field: ::std::option::Option::None }
        }
    });
    // A structure without members skips whatever the object holds.
    let read_members = if members.is_empty() {
        quote! {
            while map.next_key::<#serde::de::IgnoredAny>()?.is_some() {
                map.next_value::<#serde::de::IgnoredAny>()?;
            }
        }
    } else {
        quote! {
            while let ::std::option::Option::Some(key) = map.next_key::<#runtime::union::MemberName<'de>>()? {
                match key.as_str() {
                    #(#arms)*
                    _ => {
                        map.next_value::<#serde::de::IgnoredAny>()?;
                    }
                }
            }
        }
    };
    let fast = fast_decode(cx, &name, members, &slots, &fields, &types);
    quote! {
        #fast

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
                        #( let mut #slots: ::std::option::Option<#types> = ::std::option::Option::None; )*
                        #read_members
                        ::std::result::Result::Ok(#name { #(#values),* })
                    }
                }
                deserializer.deserialize_map(__Visitor)
            }
        }

        #[allow(deprecated)]
        impl #runtime::decode::Zero for #name {
            fn zero() -> Self {
                #name { #(#zeros),* }
            }
        }
    }
}

/// The fast path's reading of the structure (`fast::Decode`): the same members, forms and
/// rules as its `Deserialize`, over the runtime's reader; anything else misses, and the serde
/// path reads the body.
fn fast_decode(
    cx: Context<'_>,
    name: &proc_macro2::Ident,
    members: &[Member],
    slots: &[proc_macro2::Ident],
    fields: &[proc_macro2::Ident],
    types: &[TokenStream],
) -> TokenStream {
    let runtime = cx.runtime;
    if members.is_empty() {
        return quote! {
            #[allow(deprecated)]
            impl #runtime::fast::Decode for #name {
                fn decode<'__a, __R: #runtime::fast::Read<'__a>>(reader: &mut __R) -> #runtime::fast::Fast<Self> {
                    #runtime::fast::empty_structure(reader)?;
                    ::std::result::Result::Ok(#name {})
                }
            }
        };
    }
    let keys: Vec<&str> = members.iter().map(|member| member.wire_name.as_str()).collect();
    let quoted: Vec<_> = (keys.iter())
        .map(|key| proc_macro2::Literal::byte_string(format!("\"{key}\"").as_bytes()))
        .collect();
    let indices: Vec<_> = (0..members.len()).map(proc_macro2::Literal::usize_unsuffixed).collect();
    let arms = members.iter().zip(slots).zip(&indices).map(|((member, slot), index)| {
        let form = decode_form(cx, member);
        quote! { #index => #runtime::fast::member::<#form, _>(reader, &mut #slot)?, }
    });
    let values = members.iter().zip(slots).zip(fields).map(|((member, slot), field)| {
        if member.required {
            quote! { #field: #runtime::fast::required(#slot)? }
        } else {
            quote! { #field: #slot }
        }
    });
    quote! {
        #[allow(deprecated)]
        impl #runtime::fast::Decode for #name {
            fn decode<'__a, __R: #runtime::fast::Read<'__a>>(reader: &mut __R) -> #runtime::fast::Fast<Self> {
                #( let mut #slots: ::std::option::Option<#types> = ::std::option::Option::None; )*
                reader.begin_object()?;
                let (mut first, mut expected) = (true, 0);
                let quoted_key = |expected: usize, rest: &[u8]| match expected {
                    #(#indices if rest.starts_with(#quoted) => #quoted.len(),)*
                    _ => 0,
                };
                let index_of = |key: &str| match key {
                    #(#keys => #indices,)*
                    _ => usize::MAX,
                };
                const __NAMES: &[&str] = &[#(#keys),*];
                while let ::std::option::Option::Some(index) = reader.next_member(&mut first, &mut expected, __NAMES, quoted_key, index_of)? {
                    match index {
                        #(#arms)*
                        _ => reader.skip()?,
                    }
                }
                ::std::result::Result::Ok(#name { #(#values),* })
            }
        }
    }
}
