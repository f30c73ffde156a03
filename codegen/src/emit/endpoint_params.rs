//! The endpoint rule set generated code carries (`ENDPOINT_RULES`), the typed parameters
//! struct of the service (`EndpointParams`), and each operation's `endpoint_params`, which
//! binds rule set parameters from its input.

use super::{Context, doc_line, ident};
use crate::ir::{BindingSource, EndpointBinding, EndpointParameter, EndpointRules, MemberValue};
use awsjson_endpoints::{ParamValue, ParameterType};
use proc_macro2::TokenStream;
use quote::quote;

/// The name of the typed parameters struct, unless a shape took it.
pub const PARAMS_TYPE: &str = "EndpointParams";
pub const PARAMS_TYPE_TAKEN: &str = "EndpointRuleParams";

/// `ENDPOINT_RULES` and the parameters struct.
pub fn service_items(cx: Context<'_>, rules: &EndpointRules) -> TokenStream {
    let runtime = cx.runtime;
    let json = &rules.json;
    let title = super::docs::plain(&cx.service.title);
    let rules_doc = doc_line(&format!(
        " {title}: its endpoint rule set (botocore's `endpoint-rule-set-1.json`), which \
         `SERVICE` resolves endpoints with. Checked when the code was generated."
    ));
    let params_name = ident(params_type(cx));
    let fields = rules.parameters.iter().map(field);
    let defaults = rules.parameters.iter().map(|parameter| {
        let name = ident(&parameter.rust_name);
        let value = match (&parameter.default, field_is_optional(parameter)) {
            (_, true) | (None, _) => quote! { ::std::option::Option::None },
            (Some(default), false) => param_literal(default),
        };
        quote! { #name: #value }
    });
    let setters = rules.parameters.iter().map(setter);
    let sets = rules.parameters.iter().map(|parameter| {
        let (name, wire) = (ident(&parameter.rust_name), &parameter.name);
        if field_is_optional(parameter) {
            quote! {
                if let ::std::option::Option::Some(value) = &self.#name {
                    params.set(#wire, ::std::clone::Clone::clone(value));
                }
            }
        } else {
            quote! { params.set(#wire, ::std::clone::Clone::clone(&self.#name)); }
        }
    });
    let params_doc = doc_line(&format!(
        " Every parameter of {title}'s endpoint rule set, typed: what the rule set resolves \
         for them is [`{}::resolve`]. Built-ins (region, FIPS, dual stack, endpoint URL) are \
         more often given for every service at once with `EndpointConfig`.",
        params_type(cx)
    ));
    quote! {
        #[doc = #rules_doc]
        pub const ENDPOINT_RULES: #runtime::EndpointRules = #runtime::EndpointRules::new(#json, || {
            static CELL: #runtime::RuleSetCell = #runtime::RuleSetCell::new();
            &CELL
        });

        #[doc = #params_doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct #params_name {
            #(#fields)*
        }

        impl ::std::default::Default for #params_name {
            /// Each parameter's default, or unset.
            fn default() -> Self {
                #params_name { #(#defaults),* }
            }
        }

        impl #params_name {
            /// Each parameter's default, or unset.
            pub fn new() -> Self {
                ::std::default::Default::default()
            }

            #(#setters)*

            /// The parameters by name, as the rule set reads them.
            pub fn to_params(&self) -> #runtime::endpoints::Params {
                let mut params = #runtime::endpoints::Params::new();
                #(#sets)*
                params
            }

            /// The endpoint the rule set resolves for these parameters.
            pub fn resolve(&self) -> ::std::result::Result<#runtime::Endpoint, #runtime::EndpointError> {
                self.resolve_with(&#runtime::EndpointConfig::default())
            }

            /// [`Self::resolve`] with `config`'s partition table and settings, which these
            /// parameters override.
            pub fn resolve_with(
                &self,
                config: &#runtime::EndpointConfig,
            ) -> ::std::result::Result<#runtime::Endpoint, #runtime::EndpointError> {
                SERVICE.resolve_endpoint_with(config, &self.to_params())
            }
        }
    }
}

pub fn params_type(cx: Context<'_>) -> &'static str {
    let taken = cx.service.shapes.iter().any(|shape| shape.rust_name == PARAMS_TYPE);
    if taken { PARAMS_TYPE_TAKEN } else { PARAMS_TYPE }
}

/// A parameter with neither a default nor `required` may be unset: an `Option`.
fn field_is_optional(parameter: &EndpointParameter) -> bool {
    parameter.default.is_none()
}

fn value_type(ty: ParameterType) -> TokenStream {
    match ty {
        ParameterType::String => quote! { ::std::string::String },
        ParameterType::Boolean => quote! { bool },
        ParameterType::StringArray => quote! { ::std::vec::Vec<::std::string::String> },
    }
}

fn field(parameter: &EndpointParameter) -> TokenStream {
    let name = ident(&parameter.rust_name);
    let ty = value_type(parameter.ty);
    let ty = if field_is_optional(parameter) {
        quote! { ::std::option::Option<#ty> }
    } else {
        ty
    };
    let docs = field_docs(parameter);
    quote! { #docs pub #name: #ty, }
}

fn field_docs(parameter: &EndpointParameter) -> TokenStream {
    let mut lines = Vec::new();
    if let Some(docs) = &parameter.docs {
        lines.push(docs.clone());
        lines.push(String::new());
    }
    let mut facts = format!("`{}`", parameter.name);
    if let Some(built_in) = &parameter.built_in {
        facts.push_str(&format!(", the built-in `{built_in}`"));
    }
    match &parameter.default {
        Some(default) => facts.push_str(&format!(", default {default}")),
        None if parameter.required => facts.push_str(", required"),
        None => {}
    }
    lines.push(format!("{facts}."));
    if let Some(deprecated) = &parameter.deprecated {
        lines.push(format!("Deprecated: {deprecated}"));
    }
    let lines = lines.iter().map(|line| match line.is_empty() {
        true => String::new(),
        false => format!(" {}", doc_line(line)),
    });
    quote! { #(#[doc = #lines])* }
}

fn setter(parameter: &EndpointParameter) -> TokenStream {
    let name = ident(&parameter.rust_name);
    let (argument, value) = match parameter.ty {
        ParameterType::String => {
            (quote! { impl ::std::convert::Into<::std::string::String> }, quote! { value.into() })
        }
        ParameterType::Boolean => (quote! { bool }, quote! { value }),
        ParameterType::StringArray => {
            (quote! { ::std::vec::Vec<::std::string::String> }, quote! { value })
        }
    };
    let value = if field_is_optional(parameter) {
        quote! { ::std::option::Option::Some(#value) }
    } else {
        value
    };
    let doc = doc_line(&format!(" With `{}` set.", parameter.name));
    quote! {
        #[doc = #doc]
        pub fn #name(mut self, value: #argument) -> Self {
            self.#name = #value;
            self
        }
    }
}

fn param_literal(value: &ParamValue) -> TokenStream {
    match value {
        ParamValue::String(text) => quote! { ::std::string::String::from(#text) },
        ParamValue::Boolean(flag) => quote! { #flag },
        ParamValue::StringArray(items) => {
            quote! { ::std::vec![#(::std::string::String::from(#items)),*] }
        }
    }
}

/// An operation's `endpoint_params`, its bindings set in [`EndpointBinding::in_precedence`].
pub fn operation_fn(cx: Context<'_>, bindings: &[EndpointBinding]) -> Option<TokenStream> {
    if bindings.is_empty() || cx.service.endpoint_rules.is_none() {
        return None;
    }
    let runtime = cx.runtime;
    let ordered = EndpointBinding::in_precedence(bindings);
    let needs_json = ordered.iter().any(|binding| matches!(binding.source, BindingSource::Path(_)));
    let json = needs_json.then(|| {
        quote! {
            let json = #runtime::__private::serde_json::to_value(input)
                .unwrap_or(#runtime::__private::serde_json::Value::Null);
        }
    });
    let sets = ordered.iter().map(|binding| {
        let param = &binding.param;
        match &binding.source {
            BindingSource::Static(value) => {
                let value = param_literal(value);
                quote! { params.set(#param, #value); }
            }
            BindingSource::Member { rust_name, required, value, .. } => {
                let field = ident(rust_name);
                let convert = match value {
                    MemberValue::String | MemberValue::StringList => quote! { ::std::clone::Clone::clone(value) },
                    MemberValue::Enum => quote! { value.as_str() },
                    MemberValue::Boolean => quote! { *value },
                };
                if *required {
                    quote! { { let value = &input.#field; params.set(#param, #convert); } }
                } else {
                    quote! {
                        if let ::std::option::Option::Some(value) = &input.#field {
                            params.set(#param, #convert);
                        }
                    }
                }
            }
            BindingSource::Path(path) => quote! {
                let value = #runtime::endpoints::ContextPath::parse(#path)
                    .ok()
                    .and_then(|path| #runtime::endpoints::ParamValue::from_json(&path.evaluate(&json)));
                if let ::std::option::Option::Some(value) = value {
                    params.set(#param, value);
                }
            },
        }
    });
    let uses_input =
        ordered.iter().any(|binding| !matches!(binding.source, BindingSource::Static(_)));
    let input = if uses_input {
        quote! { input }
    } else {
        quote! { _input }
    };
    Some(quote! {
        fn endpoint_params(#input: &Self::Input, params: &mut #runtime::endpoints::Params) {
            #json
            #(#sets)*
        }
    })
}
