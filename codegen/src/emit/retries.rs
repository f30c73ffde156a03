//! What an operation tells retries: `modeled_error` on its error enum (which codes name its
//! errors, and which of them the model marks `retryable`), and `with_idempotency_tokens` on the
//! operation (the members it fills with a fresh UUID when the caller leaves them out).

use super::{Context, ident};
use crate::ir::{IdempotencyToken, OperationError, RetryKind};
use proc_macro2::TokenStream;
use quote::quote;

/// `ServiceError::modeled_error`: one arm per kind of retry, listing the codes of the errors of
/// that kind, so that no two arms have the same body; `None` without modeled errors, where the
/// trait's default says the same.
pub fn modeled_error_fn(cx: Context<'_>, errors: &[OperationError]) -> Option<TokenStream> {
    if errors.is_empty() {
        return None;
    }
    let runtime = cx.runtime;
    let kinds = [None, Some(RetryKind::Transient), Some(RetryKind::Throttling)];
    let arms = kinds.into_iter().filter_map(|kind| {
        let codes: Vec<&str> = (errors.iter())
            .filter(|error| error.retryable == kind)
            .flat_map(|error| error.codes.iter().map(String::as_str))
            .collect();
        if codes.is_empty() {
            return None;
        }
        let retryable = match kind {
            None => quote! { ::std::option::Option::None },
            Some(RetryKind::Transient) => {
                quote! { ::std::option::Option::Some(#runtime::retry::RetryKind::Transient) }
            }
            Some(RetryKind::Throttling) => {
                quote! { ::std::option::Option::Some(#runtime::retry::RetryKind::Throttling) }
            }
        };
        Some(quote! {
            #(#codes)|* => ::std::option::Option::Some(#runtime::retry::ModeledError::new(#retryable)),
        })
    });
    Some(quote! {
        fn modeled_error(code: &str) -> ::std::option::Option<#runtime::retry::ModeledError> {
            match code {
                #(#arms)*
                _ => ::std::option::Option::None,
            }
        }
    })
}

/// `Operation::with_idempotency_tokens`, for an operation with members to fill.
pub fn idempotency_fn(cx: Context<'_>, tokens: &[IdempotencyToken]) -> Option<TokenStream> {
    if tokens.is_empty() {
        return None;
    }
    let runtime = cx.runtime;
    let fields: Vec<_> = tokens.iter().map(|token| ident(&token.rust_name)).collect();
    // The fields it reads and sets may be deprecated.
    let allow_deprecated =
        tokens.iter().any(|token| token.deprecated).then(|| quote! { #[allow(deprecated)] });
    let given = fields.iter().map(|field| quote! { input.#field.is_some() });
    Some(quote! {
        #allow_deprecated
        fn with_idempotency_tokens(
            input: &Self::Input,
            token: &mut dyn ::std::ops::FnMut() -> ::std::result::Result<
                ::std::string::String,
                #runtime::EncodeError,
            >,
        ) -> ::std::result::Result<::std::option::Option<Self::Input>, #runtime::EncodeError> {
            if #(#given)&&* {
                return ::std::result::Result::Ok(::std::option::Option::None);
            }
            let mut filled = ::std::clone::Clone::clone(input);
            #(
                if filled.#fields.is_none() {
                    filled.#fields = ::std::option::Option::Some(token()?);
                }
            )*
            ::std::result::Result::Ok(::std::option::Option::Some(filled))
        }
    })
}
