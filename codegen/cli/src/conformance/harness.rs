//! The Rust source of the harness: one module per generated service, with a function per case
//! that builds its value from literals and returns what the runner compares.

use super::cbor_body::decode_base64;
use super::literal;
use super::suite::{CaseBody, CaseKind, InputCase, OutputCase};
use awsjson_codegen::emit::ident;
use awsjson_codegen::ir::{Operation, Service};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// Helpers every case calls; compiled as `src/support.rs` of the harness.
pub const SUPPORT: &str = include_str!("support.rs.in");

/// The function running `case` against `service`, called `name`; `cbor`: over Smithy RPC v2
/// CBOR.
pub fn case_fn(
    service: &Service,
    case: &CaseBody,
    name: &Ident,
    cbor: bool,
) -> Result<TokenStream, String> {
    let operation = service
        .operations
        .iter()
        .find(|operation| operation.wire_name == case.given.name)
        .ok_or_else(|| format!("operation `{}` was not generated", case.given.name))?;
    let body = match &case.kind {
        CaseKind::Input(input) => input_body(service, operation, input, cbor)?,
        CaseKind::Output(output) => output_body(service, operation, output, cbor)?,
    };
    Ok(quote! {
        fn #name() -> Outcome {
            #body
        }
    })
}

fn input_body(
    service: &Service,
    operation: &Operation,
    case: &InputCase,
    cbor: bool,
) -> Result<TokenStream, String> {
    let InputCase { params, serialized: _ } = case;
    let params = params.clone().unwrap_or(serde_json::Value::Null);
    let input = literal::root(service, operation.input, &params, "params")?;
    let op = ident(&operation.rust_name);
    Ok(quote! {
        let input = #input;
        request::<types::#op>(&input, #cbor)
    })
}

fn output_body(
    service: &Service,
    operation: &Operation,
    case: &OutputCase,
    cbor: bool,
) -> Result<TokenStream, String> {
    let OutputCase { response, result, error_code, error_message: _, error, decode_error: _ } =
        case;
    let op = ident(&operation.rust_name);
    let status = response.status_code;
    let headers = response.headers.iter().map(|(name, value)| quote! { (#name, #value) });
    let headers = quote! { &[#(#headers),*] };
    let bytes = if cbor {
        decode_base64(&response.body, "`response.body`")?
    } else {
        response.body.as_bytes().to_vec()
    };
    let bytes = proc_macro2::Literal::byte_string(&bytes);
    let body = quote! { #bytes, #cbor };
    if let Some(result) = result {
        let expected = literal::root(service, operation.output, result, "result")?;
        return Ok(quote! {
            let expected = #expected;
            response::<types::#op>(#status, #headers, #body, ::std::option::Option::Some(&expected), |_| ::std::option::Option::None)
        });
    }
    let code = error_code.as_deref().unwrap_or_default();
    // The code may be the shape's name or its `error.code` (a query-compatible service's).
    let modeled = operation.errors.iter().find(|e| e.codes.iter().any(|c| c == code));
    let Some(modeled) = modeled else {
        if error.is_some() {
            return Err(format!(
                "has `error` members, but `{code}` is not an error of `{}`",
                operation.wire_name
            ));
        }
        return Ok(quote! {
            response::<types::#op>(#status, #headers, #body, ::std::option::Option::None, |_| ::std::option::Option::None)
        });
    };
    let error_enum = ident(&operation.error_name);
    let variant = ident(&modeled.variant_name);
    let outcome = quote! {
        response::<types::#op>(#status, #headers, #body, ::std::option::Option::None, |error| match error {
            types::#error_enum::#variant(shape) => members(shape),
            #[allow(unreachable_patterns)]
            _ => ::std::option::Option::None,
        })
    };
    Ok(match error {
        Some(members) => {
            let expected = literal::root(service, Some(modeled.shape), members, "error")?;
            quote! { expecting_members(#outcome, &#expected) }
        }
        None => outcome,
    })
}

/// The module `module` of one generated service and its cases; `types_file` holds the
/// generated code. A case's key is `module::function`.
pub fn module_source(
    module: &str,
    types_file: &str,
    cases: &[(Ident, TokenStream)],
) -> Result<String, String> {
    let keys = cases.iter().map(|(name, _)| case_key(module, name));
    let names = cases.iter().map(|(name, _)| name);
    let functions = cases.iter().map(|(_, function)| function);
    let tokens = quote! {
        #[allow(clippy::all)]
        pub mod types {
            include!(#types_file);
        }
        #[allow(unused_imports)]
        use crate::runtime;
        #[allow(unused_imports)]
        use crate::support::{document, expecting_members, members, request, response, Case, Outcome};

        pub const CASES: &[Case] = &[#( (#keys, #names) ),*];

        #(#functions)*
    };
    format_file(tokens)
}

/// The key a case's outcome is printed under.
pub fn case_key(module: &str, function: &Ident) -> String {
    format!("{module}::{function}")
}

/// `main.rs`: every module's cases run in order, one JSON line each.
pub fn main_source(modules: &[String]) -> Result<String, String> {
    let idents: Vec<Ident> = modules.iter().map(|m| Ident::new(m, Span::call_site())).collect();
    let tokens = quote! {
        #![allow(dead_code, deprecated)]
        use ::awsjson_runtime as runtime;
        mod support;
        #( mod #idents; )*

        fn main() {
            use ::std::io::Write as _;
            let stdout = ::std::io::stdout();
            let mut out = stdout.lock();
            let cases = [#( #idents::CASES ),*];
            for (key, case) in cases.iter().flat_map(|cases| cases.iter()) {
                let line = match case() {
                    Ok(outcome) => ::serde_json::json!({"case": key, "outcome": outcome}),
                    Err(error) => ::serde_json::json!({"case": key, "failure": error}),
                };
                if writeln!(out, "{line}").is_err() {
                    return;
                }
            }
        }
    };
    format_file(tokens)
}

fn format_file(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|error| format!("harness code does not parse: {error}"))?;
    Ok(prettyplease::unparse(&file))
}
