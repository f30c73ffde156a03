//! Per operation: a unit struct implementing the runtime's `Operation`, and its error enum.

use super::types::is_deprecated;
use super::{Context, deprecated_attr, doc_attrs, ident, taken_note};
use crate::ir::naming::UNMODELED_VARIANT;
use crate::ir::{HostSegment, Member, Operation, OperationError, RetryKind, ShapeId, ShapeKind};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(cx: Context<'_>, operation: &Operation) -> TokenStream {
    let (service, runtime) = (cx.service, cx.runtime);
    let Operation {
        wire_name,
        rust_name,
        renamed,
        error_name,
        error_renamed: _,
        input,
        output,
        errors,
        docs,
        deprecated,
        host_prefix,
        request_compression,
        pagination,
        endpoint_params,
        idempotency_tokens,
        cbor_unsupported,
    } = operation;
    let name = ident(rust_name);
    let error = ident(error_name);
    let target = format!("{}.{wire_name}", service.target_prefix);
    let content_type = service.protocol.content_type();
    let addresses: Vec<String> = (service.protocols.iter().copied())
        .filter(|protocol| {
            *protocol != crate::ir::Protocol::RpcV2Cbor || cbor_unsupported.is_none()
        })
        .map(|protocol| match protocol {
            crate::ir::Protocol::RpcV2Cbor => super::docs::code(&format!(
                "POST /service/{}/operation/{wire_name}",
                service.target_prefix
            )),
            json => format!(
                "{}, `Content-Type: {}`",
                super::docs::code(&format!("X-Amz-Target: {target}")),
                json.content_type()
            ),
        })
        .collect();
    let address = format!(
        "Operation {}{}: {}.",
        super::docs::code(wire_name),
        taken_note(renamed.as_ref()),
        addresses.join("; or "),
    );
    let cbor_note = cbor_unsupported.as_ref().map(|why| format!("{why}."));
    let docs = doc_attrs(docs.as_deref(), &[[address].as_slice(), cbor_note.as_slice()].concat());
    let operation_deprecated = deprecated.is_some();
    let deprecated = deprecated_attr(deprecated.as_ref());
    let io_type = |shape: &Option<ShapeId>| match shape {
        Some(id) => {
            let name = ident(&service.shape(*id).rust_name);
            quote! { #name }
        }
        None => quote! { #runtime::Empty },
    };
    let input_type = io_type(input);
    let has_input = input.is_none().then(|| quote! { const HAS_INPUT: bool = false; });
    let cbor_unsupported = cbor_unsupported.as_ref().map(|why| {
        quote! { const CBOR_UNSUPPORTED: ::std::option::Option<&'static str> = ::std::option::Option::Some(#why); }
    });
    let output_type = io_type(output);
    // The impls name the operation, its input and output: any of them deprecated would warn.
    let allow_deprecated = (operation_deprecated
        || [input, output].into_iter().flatten().any(|id| is_deprecated(service, *id)))
    .then(|| quote! { #[allow(deprecated)] });
    let error_enum = error_enum(cx, operation, errors);
    let host_prefix = host_prefix.as_deref().map(|segments| host_prefix_fn(cx, segments));
    let decoding = (cx.decoding == super::Decoding::Strict).then(|| {
        quote! { const DECODING: #runtime::Decoding = #runtime::Decoding::Strict; }
    });
    let compression = (!request_compression.is_empty()).then(|| {
        quote! { const REQUEST_COMPRESSION: &'static [&'static str] = &[#(#request_compression),*]; }
    });
    let endpoint_params = super::endpoint_params::operation_fn(cx, endpoint_params);
    let idempotency_tokens = super::retries::idempotency_fn(cx, idempotency_tokens);
    let pagination = pagination.as_ref().map(|pagination| {
        super::pagination::emit(cx, operation, pagination, allow_deprecated.as_ref())
    });
    quote! {
        #docs
        #deprecated
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct #name;

        #allow_deprecated
        impl #runtime::Operation for #name {
            const NAME: &'static str = #wire_name;
            const TARGET: &'static str = #target;
            const CONTENT_TYPE: &'static str = #content_type;
            const SERVICE: #runtime::Service = SERVICE;
            #has_input
            #cbor_unsupported
            #compression
            #decoding
            type Input = #input_type;
            type Output = #output_type;
            type Error = #error;
            #host_prefix
            #endpoint_params
            #idempotency_tokens
        }

        #pagination

        #error_enum
    }
}

/// `host_prefix`, which checks and fills in the labels of the endpoint's `hostPrefix`.
fn host_prefix_fn(cx: Context<'_>, segments: &[HostSegment]) -> TokenStream {
    let runtime = cx.runtime;
    let pushes = segments.iter().map(|segment| match segment {
        HostSegment::Literal(text) => match text.chars().collect::<Vec<_>>()[..] {
            [c] => quote! { prefix.push(#c); },
            _ => quote! { prefix.push_str(#text); },
        },
        HostSegment::Label { model_name, rust_name, required } => {
            let field = ident(rust_name);
            let value = if *required {
                quote! { &input.#field }
            } else {
                quote! {
                    input.#field.as_deref().ok_or_else(|| #runtime::host::missing(#model_name))?
                }
            };
            quote! { prefix.push_str(#runtime::host::label(#model_name, #value)?); }
        }
    });
    let uses_input = segments.iter().any(|segment| matches!(segment, HostSegment::Label { .. }));
    let input = if uses_input {
        quote! { input }
    } else {
        quote! { _input }
    };
    quote! {
        fn host_prefix(
            #input: &Self::Input,
        ) -> ::std::result::Result<::std::option::Option<::std::string::String>, #runtime::EncodeError> {
            let mut prefix = ::std::string::String::new();
            #(#pushes)*
            ::std::result::Result::Ok(::std::option::Option::Some(prefix))
        }
    }
}

fn error_enum(cx: Context<'_>, operation: &Operation, errors: &[OperationError]) -> TokenStream {
    let (service, runtime) = (cx.service, cx.runtime);
    let name = ident(&operation.error_name);
    let unmodeled = ident(UNMODELED_VARIANT);
    // `error_renamed` is read here, not in `emit`.
    let doc = super::doc_line(&format!(
        " The errors of {}{}.",
        super::docs::code(&operation.wire_name),
        taken_note(operation.error_renamed.as_ref())
    ));
    let variants: Vec<_> = errors.iter().map(|error| ident(&error.variant_name)).collect();
    let shapes: Vec<_> = errors.iter().map(|error| service.shape(error.shape)).collect();
    let types: Vec<_> = shapes.iter().map(|shape| ident(&shape.rust_name)).collect();
    let codes: Vec<&str> = shapes.iter().map(|shape| shape.wire_name.as_str()).collect();
    let variant_docs = codes.iter().zip(errors).map(|(code, error)| {
        let retryable = match error.retryable {
            None => "",
            Some(RetryKind::Transient) => ", which the model marks retryable",
            Some(RetryKind::Throttling) => ", which the model marks retryable as throttling",
        };
        super::doc_line(&format!(" The {} error{retryable}.", super::docs::code(code)))
    });
    let modeled_error = super::retries::modeled_error_fn(cx, errors);
    let message_members: Vec<Option<&Member>> = (errors.iter())
        .map(|error| match &service.shape(error.shape).kind {
            ShapeKind::Structure(structure) => service.message_member(&structure.members),
            _ => None,
        })
        .collect();
    // A deprecated error shape, or a deprecated message member the impls read.
    let deprecated_message =
        |member: &&Member| member.deprecated.is_some() || is_deprecated(service, member.target);
    let allow_deprecated = (errors.iter().any(|error| is_deprecated(service, error.shape))
        || message_members.iter().flatten().any(deprecated_message))
    .then(|| quote! { #[allow(deprecated)] });
    let message_arms = message_members.iter().zip(&variants).map(|(member, variant)| match member {
        Some(member) if member.required => {
            let field = ident(&member.rust_name);
            quote! { Self::#variant(error) => ::std::option::Option::Some(error.#field.as_str()), }
        }
        Some(member) => {
            let field = ident(&member.rust_name);
            quote! { Self::#variant(error) => error.#field.as_deref(), }
        }
        None => quote! { Self::#variant(_) => ::std::option::Option::None, },
    });
    // Services send the message as `message` or `Message` whatever the model says: a shape
    // whose own key was not there takes the one the response had.
    let fills = message_members.iter().map(|member| match member {
        Some(member) if member.required => {
            let field = ident(&member.rust_name);
            // One `match`, not nested `if`s, which clippy would collapse into a let chain that
            // an edition-2021 crate could not build.
            quote! {
                match response.message() {
                    ::std::option::Option::Some(message) if error.#field.is_empty() => {
                        error.#field = ::std::borrow::ToOwned::to_owned(message);
                    }
                    _ => {}
                }
            }
        }
        Some(member) => {
            let field = ident(&member.rust_name);
            quote! {
                if error.#field.is_none() {
                    error.#field = response.message().map(::std::borrow::ToOwned::to_owned);
                }
            }
        }
        None => TokenStream::new(),
    });
    let bindings: Vec<TokenStream> = (message_members.iter())
        .map(|member| {
            if member.is_some() {
                quote! { mut error }
            } else {
                quote! { error }
            }
        })
        .collect();
    let parse = if errors.is_empty() {
        quote! { Self::#unmodeled(response.to_unmodeled()) }
    } else {
        quote! {
            match response.code() {
                #(
                    ::std::option::Option::Some(#codes) => match response.modeled::<#types>() {
                        ::std::result::Result::Ok(#bindings) => {
                            #fills
                            Self::#variants(error)
                        }
                        ::std::result::Result::Err(unmodeled) => Self::#unmodeled(unmodeled),
                    },
                )*
                _ => Self::#unmodeled(response.to_unmodeled()),
            }
        }
    };
    quote! {
        #[doc = #doc]
        #allow_deprecated
        #[derive(Debug, Clone, PartialEq)]
        // A new value, member or error in a later model is then no breaking change.
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variants(#types), )*
            /// An error the model does not list for this operation, with its code, message
            /// and HTTP status.
            #unmodeled(#runtime::UnmodeledError),
        }

        #allow_deprecated
        impl #runtime::ServiceError for #name {
            fn from_error_response(response: &#runtime::ErrorResponse<'_>) -> Self {
                #parse
            }

            fn code(&self) -> ::std::option::Option<&str> {
                match self {
                    #( Self::#variants(_) => ::std::option::Option::Some(#codes), )*
                    Self::#unmodeled(error) => error.code.as_deref(),
                }
            }

            fn message(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#message_arms)*
                    Self::#unmodeled(error) => error.message.as_deref(),
                }
            }

            #modeled_error
        }

        #allow_deprecated
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #( Self::#variants(error) => ::std::fmt::Display::fmt(error, f), )*
                    Self::#unmodeled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }

        #allow_deprecated
        impl ::std::error::Error for #name {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #( Self::#variants(error) => ::std::option::Option::Some(error), )*
                    Self::#unmodeled(error) => ::std::option::Option::Some(error),
                }
            }
        }
    }
}
