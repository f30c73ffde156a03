//! Per paginated operation: the runtime's `Paginated`, which a page loop needs (set the
//! input's token, read the output's next one, take the results).

use super::types::rust_type;
use super::{Context, ident};
use crate::ir::{Operation, Pagination, ShapeId, ShapeKind, Step};
use proc_macro2::TokenStream;
use quote::quote;

/// `allow_deprecated` is the attribute the operation's own impls carry, if any.
pub fn emit(
    cx: Context<'_>,
    operation: &Operation,
    pagination: &Pagination,
    allow_deprecated: Option<&TokenStream>,
) -> TokenStream {
    // `limit` is only documented, by `doc`.
    let Pagination { input_tokens, output_tokens, more_results, result, limit: _ } = pagination;
    let (runtime, service) = (cx.runtime, cx.service);
    let name = ident(&operation.rust_name);
    let (Some(input), Some(output)) = (operation.input, operation.output) else {
        // `ir::paginate` gives no pagination to an operation without both.
        return TokenStream::new();
    };
    let input_type = ident(&service.shape(input).rust_name);
    let output_type = ident(&service.shape(output).rust_name);
    let token_types: Vec<TokenStream> =
        input_tokens.iter().map(|step| rust_type(cx, step.target)).collect();
    let tokens: Vec<TokenStream> = output_tokens
        .iter()
        .map(|path| token(cx, borrowed(&quote! { output }, path), path))
        .collect();
    let fields: Vec<_> = input_tokens.iter().map(|step| ident(&step.rust_name)).collect();
    let boxed: Vec<TokenStream> = (input_tokens.iter())
        .map(|step| {
            if step.boxed {
                quote! { .map(::std::boxed::Box::new) }
            } else {
                quote! {}
            }
        })
        .collect();
    let (token_type, next_token, set_token) = match (token_types.as_slice(), tokens.as_slice()) {
        ([token_type], [token]) => (
            quote! { #token_type },
            quote! { #token },
            quote! { input.#(#fields)* = token #(#boxed)*; },
        ),
        _ => {
            let parts: Vec<_> = (0..tokens.len()).map(syn::Index::from).collect();
            let vars: Vec<_> =
                (0..tokens.len()).map(|i| quote::format_ident!("token_{}", i)).collect();
            (
                quote! { ( #( ::std::option::Option<#token_types>, )* ) },
                quote! {
                    let tokens = ( #( #tokens, )* );
                    if #( tokens.#parts.is_none() )&&* {
                        return ::std::option::Option::None;
                    }
                    ::std::option::Option::Some(tokens)
                },
                quote! {
                    let ( #(#vars,)* ) = token.unwrap_or_default();
                    #( input.#fields = #vars #boxed; )*
                },
            )
        }
    };
    let more = more_results.as_deref().map(|path| {
        let flag = borrowed(&quote! { output }, path);
        quote! {
            if #flag != ::std::option::Option::Some(&true) {
                return ::std::option::Option::None;
            }
        }
    });
    let (items_type, items) = match result.as_deref() {
        Some(path) => {
            let last = path.last().map_or(output, |step| step.target);
            (rust_type(cx, last), owned(&quote! { output }, path))
        }
        None => (
            quote! { ::std::option::Option<#output_type> },
            quote! { ::std::option::Option::Some(output) },
        ),
    };
    let doc = super::doc_line(&doc(operation, pagination));
    quote! {
        #[doc = #doc]
        #allow_deprecated
        impl #runtime::Paginated for #name {
            type Token = #token_type;
            type Items = #items_type;

            fn next_token(output: &#output_type) -> ::std::option::Option<Self::Token> {
                #more
                #next_token
            }

            fn set_token(input: &mut #input_type, token: ::std::option::Option<Self::Token>) {
                #set_token
            }

            fn items(output: #output_type) -> Self::Items {
                #items
            }
        }
    }
}

/// `Option<&T>` of the member at `path` below `root` (a reference).
fn borrowed(root: &TokenStream, path: &[Step]) -> TokenStream {
    // Until the first optional member the value is there for sure: a plain place.
    let mut place = root.clone();
    let mut steps = path.iter();
    for step in steps.by_ref() {
        let field = ident(&step.rust_name);
        if step.required {
            place = quote! { #place.#field };
            continue;
        }
        let mut option = if step.boxed {
            quote! { #place.#field.as_deref() }
        } else {
            quote! { #place.#field.as_ref() }
        };
        for step in steps.by_ref() {
            let field = ident(&step.rust_name);
            option = match (step.required, step.boxed) {
                (true, false) => quote! { #option.map(|value| &value.#field) },
                (true, true) => quote! { #option.map(|value| &*value.#field) },
                (false, false) => quote! { #option.and_then(|value| value.#field.as_ref()) },
                (false, true) => quote! { #option.and_then(|value| value.#field.as_deref()) },
            };
        }
        return option;
    }
    quote! { ::std::option::Option::Some(&#place) }
}

/// The token at `path` (given as an `Option<&T>`), owned; an empty one reads as none, as
/// botocore reads it.
fn token(cx: Context<'_>, borrowed: TokenStream, path: &[Step]) -> TokenStream {
    let target = path.last().map(|step| step.target);
    if target.is_some_and(|target| can_be_empty(cx, target)) {
        quote! { #borrowed.filter(|token| !token.is_empty()).cloned() }
    } else {
        quote! { #borrowed.cloned() }
    }
}

fn can_be_empty(cx: Context<'_>, target: ShapeId) -> bool {
    matches!(
        cx.service.shape(target).kind,
        ShapeKind::String | ShapeKind::List { .. } | ShapeKind::Map { .. }
    )
}

/// The value of the member at `path`, moved out of `root`; the default when any optional
/// member on the way is absent.
fn owned(root: &TokenStream, path: &[Step]) -> TokenStream {
    let mut place = root.clone();
    let mut steps = path.iter();
    for step in steps.by_ref() {
        let field = ident(&step.rust_name);
        if step.required {
            place = if step.boxed {
                quote! { (*#place.#field) }
            } else {
                quote! { #place.#field }
            };
            continue;
        }
        let mut option = if step.boxed {
            quote! { #place.#field.map(|value| *value) }
        } else {
            quote! { #place.#field }
        };
        for step in steps.by_ref() {
            let field = ident(&step.rust_name);
            option = match (step.required, step.boxed) {
                (true, false) => quote! { #option.map(|value| value.#field) },
                (true, true) => quote! { #option.map(|value| *value.#field) },
                (false, false) => quote! { #option.and_then(|value| value.#field) },
                (false, true) => {
                    quote! { #option.and_then(|value| value.#field.map(|value| *value)) }
                }
            };
        }
        return quote! { #option.unwrap_or_default() };
    }
    place
}

/// What the impl's docs say: the members the loop goes through.
fn doc(operation: &Operation, pagination: &Pagination) -> String {
    let dotted = |path: &[Step]| {
        let names: Vec<&str> = path.iter().map(|step| step.model_name.as_str()).collect();
        super::docs::code(&names.join("."))
    };
    let inputs: Vec<String> =
        pagination.input_tokens.iter().map(|step| super::docs::code(&step.model_name)).collect();
    let outputs: Vec<String> = pagination.output_tokens.iter().map(|path| dotted(path)).collect();
    let mut doc = format!(
        " {} pages: the token goes into {} and comes back in {}",
        super::docs::code(&operation.wire_name),
        inputs.join(", "),
        outputs.join(", ")
    );
    if let Some(result) = &pagination.result {
        doc.push_str(&format!("; each page's results are {}", dotted(result)));
    }
    if let Some(limit) = &pagination.limit {
        let limit = super::docs::code(&limit.model_name);
        doc.push_str(&format!("; {limit} sets the page size"));
    }
    if let Some(more) = &pagination.more_results {
        doc.push_str(&format!("; {} says whether more pages follow", dotted(more)));
    }
    doc.push('.');
    doc
}
