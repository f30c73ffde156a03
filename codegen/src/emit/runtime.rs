//! The runtime module every generated file carries, copied from `src/runtime/` without tests.

use crate::error::Error;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, Item, Meta};

const MOD_RS: &str = include_str!("../runtime/mod.rs");

/// The files `runtime/mod.rs` declares, by module name.
const FILES: &[(&str, &str)] = &[
    ("blob", include_str!("../runtime/blob.rs")),
    ("datetime", include_str!("../runtime/datetime.rs")),
    ("decode", include_str!("../runtime/decode.rs")),
    ("enums", include_str!("../runtime/enums.rs")),
    ("error", include_str!("../runtime/error.rs")),
    ("error_response", include_str!("../runtime/error_response.rs")),
    ("operation", include_str!("../runtime/operation.rs")),
];

/// `pub mod runtime { … }` with every `mod x;` of `mod.rs` inlined.
pub fn module() -> Result<TokenStream, Error> {
    let root = parse(MOD_RS, "mod.rs")?;
    let attrs = root.attrs;
    let mut items = Vec::new();
    for item in root.items {
        match item {
            Item::Mod(mut module) if module.content.is_none() => {
                let name = module.ident.to_string();
                let source =
                    FILES.iter().find(|(file, _)| *file == name).map(|(_, source)| *source);
                let source = source.ok_or_else(|| {
                    Error::Internal(format!("runtime module `{name}` is not embedded"))
                })?;
                let file = parse(source, &name)?;
                module.attrs.extend(file.attrs);
                module.content = Some((Default::default(), without_tests(file.items)));
                module.semi = None;
                items.push(Item::Mod(module));
            }
            item => items.push(item),
        }
    }
    let items = without_tests(items);
    Ok(quote! {
        pub mod runtime {
            #(#attrs)*
            #(#items)*
        }
    })
}

fn parse(source: &str, name: &str) -> Result<syn::File, Error> {
    syn::parse_file(source)
        .map_err(|error| Error::Internal(format!("runtime `{name}` does not parse: {error}")))
}

/// Drops `#[cfg(test)]` items: the tests run in codegen, not in every generated crate.
fn without_tests(items: Vec<Item>) -> Vec<Item> {
    items.into_iter().filter(|item| !item_attrs(item).iter().any(is_cfg_test)).collect()
}

fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Mod(item) => &item.attrs,
        Item::Fn(item) => &item.attrs,
        Item::Use(item) => &item.attrs,
        Item::Impl(item) => &item.attrs,
        Item::Struct(item) => &item.attrs,
        Item::Const(item) => &item.attrs,
        _ => &[],
    }
}

fn is_cfg_test(attr: &Attribute) -> bool {
    match &attr.meta {
        Meta::List(list) => list.path.is_ident("cfg") && list.tokens.to_string() == "test",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_declared_module_is_embedded_and_tests_are_stripped() {
        let module = super::module().map(|tokens| tokens.to_string());
        let module = module.unwrap_or_else(|error| panic!("{error}"));
        assert!(module.contains("pub mod datetime"));
        assert!(!module.contains("mod tests"));
    }
}
