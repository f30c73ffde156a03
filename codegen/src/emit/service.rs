//! The service's facts from its model's metadata, as the runtime's `Service`: `SERVICE`.

use super::Context;
use crate::ir::Protocol;
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(cx: Context<'_>) -> TokenStream {
    let runtime = cx.runtime;
    let service = cx.service;
    let target_prefix = &service.target_prefix;
    let protocol_tokens = |protocol: Protocol| match protocol {
        Protocol::AwsJson1_0 => quote! { #runtime::Protocol::AwsJson1_0 },
        Protocol::AwsJson1_1 => quote! { #runtime::Protocol::AwsJson1_1 },
        Protocol::RpcV2Cbor => quote! { #runtime::Protocol::RpcV2Cbor },
    };
    let protocol = protocol_tokens(service.protocol);
    // Only a model that offers more than one protocol lists them.
    let with_protocols = (service.protocols.len() > 1).then(|| {
        let all = service.protocols.iter().map(|p| protocol_tokens(*p));
        quote! { .with_protocols(&[#(#all),*]) }
    });
    let facts = [
        ("with_service_id", &service.service_id),
        ("with_api_version", &service.api_version),
        ("with_signing_name", &service.signing_name),
        ("with_endpoint_prefix", &service.endpoint_prefix),
    ];
    let with = facts.into_iter().filter_map(|(method, fact)| {
        let method = quote::format_ident!("{}", method);
        fact.as_ref().map(|fact| quote! { .#method(#fact) })
    });
    let query_compatible = service.query_compatible.then(|| quote! { .with_query_compatible() });
    let rules = service.endpoint_rules.as_ref();
    let with_rules = rules.map(|_| quote! { .with_endpoint_rules(ENDPOINT_RULES) });
    let rule_items = rules.map(|rules| super::endpoint_params::service_items(cx, rules));
    let doc = super::doc_line(&format!(
        " {}: what its model's metadata says, for signing requests and finding the endpoint.",
        super::docs::plain(&service.title)
    ));
    let patterns = super::validate::patterns(cx);
    quote! {
        #patterns
        #[doc = #doc]
        pub const SERVICE: #runtime::Service =
            #runtime::Service::new(#target_prefix, #protocol) #with_protocols #(#with)* #query_compatible #with_rules;

        #rule_items
    }
}
