//! The path generated code names the runtime crate by.

use proc_macro2::{Ident, Punct, Spacing, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt as _};

/// The path generated code names the runtime crate by: `::awsjson_runtime` unless a crate that
/// re-exports the runtime (`pub use awsjson_runtime as rt;`) says `crate::rt`.
///
/// Kept as text, not tokens, so that emitters on several threads can share it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimePath {
    leading_colons: bool,
    segments: Vec<String>,
}

impl RuntimePath {
    /// The runtime as `path`, a Rust path such as `::awsjson_runtime`, `crate::rt` or
    /// `my_sdk::runtime`; `Err` says why `path` is not one.
    pub fn new(path: &str) -> Result<Self, String> {
        let parsed: syn::Path = syn::parse_str(path.trim()).map_err(|error| {
            format!("`{path}` is not a Rust path like `::awsjson_runtime` or `crate::rt`: {error}")
        })?;
        let mut segments = Vec::new();
        for segment in &parsed.segments {
            if !segment.arguments.is_none() {
                let segment = segment.to_token_stream().to_string().replace(' ', "");
                return Err(format!(
                    "`{path}` is not a path to a crate or module: `{segment}` has generic arguments"
                ));
            }
            segments.push(segment.ident.to_string());
        }
        Ok(RuntimePath { leading_colons: parsed.leading_colon.is_some(), segments })
    }

    /// The path as generated code writes it inside attribute strings (`#[serde(with = …)]`).
    pub(crate) fn text(&self) -> String {
        let path = self.segments.join("::");
        if self.leading_colons { format!("::{path}") } else { path }
    }
}

impl Default for RuntimePath {
    fn default() -> Self {
        RuntimePath { leading_colons: true, segments: vec!["awsjson_runtime".to_owned()] }
    }
}

impl ToTokens for RuntimePath {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        for (index, segment) in self.segments.iter().enumerate() {
            if index > 0 || self.leading_colons {
                tokens.append(Punct::new(':', Spacing::Joint));
                tokens.append(Punct::new(':', Spacing::Alone));
            }
            let ident = match segment.strip_prefix("r#") {
                Some(raw) => Ident::new_raw(raw, Span::call_site()),
                None => Ident::new(segment, Span::call_site()),
            };
            tokens.append(ident);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RuntimePath;

    #[test]
    fn paths_are_kept_as_written() {
        assert_eq!(RuntimePath::default().text(), "::awsjson_runtime");
        for path in ["crate::rt", "::my_sdk::runtime", "super::runtime", "awsjson_runtime", "r#mod"]
        {
            let parsed = RuntimePath::new(path);
            assert_eq!(parsed.as_ref().map(RuntimePath::text), Ok(path.to_owned()));
            let tokens = parsed.map(|path| quote::quote!(#path).to_string().replace(' ', ""));
            assert_eq!(tokens, Ok(path.to_owned()));
        }
    }

    #[test]
    fn what_is_not_a_crate_path_is_refused() {
        let refusal = |path: &str| RuntimePath::new(path).err().unwrap_or_default();
        assert_eq!(
            refusal("my sdk"),
            "`my sdk` is not a Rust path like `::awsjson_runtime` or `crate::rt`: \
             unexpected token"
        );
        assert!(refusal("").starts_with("`` is not a Rust path"));
        assert_eq!(
            refusal("rt::Wrapper<u8>"),
            "`rt::Wrapper<u8>` is not a path to a crate or module: `Wrapper<u8>` has generic arguments"
        );
    }
}
