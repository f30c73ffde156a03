//! The runtime module every generated file carries, copied from `src/runtime/` without tests.

use crate::error::Error;
use std::sync::OnceLock;
use syn::{Attribute, Item, ItemMod, Meta};

const MOD_RS: &str = include_str!("../runtime/mod.rs");

/// Every other runtime file, by module path below `runtime` (`datetime/iso8601` is the
/// `mod iso8601;` that `datetime/mod.rs` declares).
const FILES: &[(&str, &str)] = &[
    ("blob", include_str!("../runtime/blob.rs")),
    ("datetime", include_str!("../runtime/datetime/mod.rs")),
    ("datetime/civil", include_str!("../runtime/datetime/civil.rs")),
    ("datetime/epoch", include_str!("../runtime/datetime/epoch.rs")),
    ("datetime/iso8601", include_str!("../runtime/datetime/iso8601.rs")),
    ("datetime/rfc822", include_str!("../runtime/datetime/rfc822.rs")),
    ("datetime/serde_impls", include_str!("../runtime/datetime/serde_impls.rs")),
    ("datetime/system_time", include_str!("../runtime/datetime/system_time.rs")),
    ("datetime/text", include_str!("../runtime/datetime/text.rs")),
    ("decode", include_str!("../runtime/decode.rs")),
    ("enums", include_str!("../runtime/enums.rs")),
    ("error", include_str!("../runtime/error.rs")),
    ("error_response", include_str!("../runtime/error_response.rs")),
    ("host", include_str!("../runtime/host.rs")),
    ("operation", include_str!("../runtime/operation.rs")),
    ("union", include_str!("../runtime/union.rs")),
    ("wire", include_str!("../runtime/wire.rs")),
];

/// The formatted `pub mod runtime { … }`: the same for every model, so made once a process.
pub fn formatted() -> Result<String, Error> {
    static FORMATTED: OnceLock<Result<String, String>> = OnceLock::new();
    let formatted = FORMATTED.get_or_init(|| {
        let file = syn::File {
            shebang: None,
            frontmatter: None,
            attrs: Vec::new(),
            items: vec![Item::Mod(module()?)],
        };
        Ok(prettyplease::unparse(&file))
    });
    formatted.clone().map_err(Error::Internal)
}

/// `pub mod runtime { … }` with every `mod x;` inlined, at any depth.
fn module() -> Result<ItemMod, String> {
    let root = parse(MOD_RS, "mod.rs")?;
    let items = inline(root.items, "")?;
    let mut module: ItemMod = syn::parse_quote!(
        pub mod runtime {}
    );
    // The file's `//!` docs, inner attributes of the module.
    module.attrs = root.attrs;
    module.content = Some((Default::default(), items));
    Ok(module)
}

/// `items` without tests, each `mod x;` given the items of the embedded file `{prefix}x`, whose
/// own `mod y;` declarations are inlined in turn from `{prefix}x/y`.
fn inline(items: Vec<Item>, prefix: &str) -> Result<Vec<Item>, String> {
    let mut inlined = Vec::new();
    for item in without_tests(items) {
        match item {
            Item::Mod(mut module) if module.content.is_none() => {
                let path = format!("{prefix}{}", module.ident);
                let source =
                    FILES.iter().find(|(file, _)| *file == path).map(|(_, source)| *source);
                let source =
                    source.ok_or_else(|| format!("runtime module `{path}` is not embedded"))?;
                let file = parse(source, &path)?;
                module.attrs.extend(file.attrs);
                let items = inline(file.items, &format!("{path}/"))?;
                module.content = Some((Default::default(), items));
                module.semi = None;
                inlined.push(Item::Mod(module));
            }
            item => inlined.push(item),
        }
    }
    Ok(inlined)
}

fn parse(source: &str, name: &str) -> Result<syn::File, String> {
    syn::parse_file(source).map_err(|error| format!("runtime `{name}` does not parse: {error}"))
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
    use syn::{Item, ItemMod};

    #[test]
    fn every_declared_module_is_embedded_and_tests_are_stripped() {
        let module = super::formatted().unwrap_or_else(|error| panic!("{error}"));
        assert!(module.starts_with("pub mod runtime {"));
        assert!(module.contains("pub mod datetime {"));
        assert!(!module.contains("mod tests"));
    }

    fn child<'a>(module: &'a ItemMod, name: &str) -> &'a ItemMod {
        let items = module.content.as_ref().map_or(&[][..], |(_, items)| items);
        let child = items.iter().find_map(|item| match item {
            Item::Mod(child) if child.ident == name => Some(child),
            _ => None,
        });
        child.unwrap_or_else(|| panic!("no module `{name}` in `{}`", module.ident))
    }

    #[test]
    fn nested_modules_are_inlined() {
        let runtime = super::module().unwrap_or_else(|error| panic!("{error}"));
        let iso8601 = child(child(&runtime, "datetime"), "iso8601");
        assert!(iso8601.semi.is_none());
        let items = iso8601.content.as_ref().map_or(&[][..], |(_, items)| items);
        let parse = |item: &Item| matches!(item, Item::Fn(f) if f.sig.ident == "parse_iso8601");
        assert!(items.iter().any(parse));
    }

    #[test]
    fn test_module_declarations_are_dropped_unread() {
        let file = syn::parse_file("#[cfg(test)]\nmod tests;\npub fn kept() {}");
        let file = file.unwrap_or_else(|error| panic!("{error}"));
        let items = super::inline(file.items, "nowhere/").unwrap_or_else(|error| panic!("{error}"));
        assert!(matches!(items.as_slice(), [Item::Fn(_)]));
    }
}
