//! Rust expressions that build a typed value from a case's caller form (`params`, `result`,
//! `error`): timestamps as epoch numbers, blobs as raw text, NaN and the infinities as strings.
//!
//! Building values from literals, rather than reading them through the types' own serde,
//! keeps the check independent of the code it checks.

use crate::wire_float::float;
use awsjson_codegen::emit::ident;
use awsjson_codegen::ir::{Element, Member, Service, ShapeId, ShapeKind, Structure};
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens as _, quote};
use serde_json::{Map, Value};

/// The input, output or error value of shape `id` (`runtime::Empty` for none), from `json`;
/// `path` names `json` in messages (`params`, `result`).
pub fn root(
    service: &Service,
    id: Option<ShapeId>,
    json: &Value,
    path: &str,
) -> Result<TokenStream, String> {
    match id {
        Some(id) => value(service, id, json, path),
        None => match json {
            Value::Null => Ok(quote! { runtime::Empty }),
            Value::Object(map) if map.is_empty() => Ok(quote! { runtime::Empty }),
            _ => Err(format!("at `{path}`: the operation has no shape here, so expected `{{}}`")),
        },
    }
}

fn value(service: &Service, id: ShapeId, json: &Value, path: &str) -> Result<TokenStream, String> {
    let shape = service.shape(id);
    let wrong = |expected: &str| Err(format!("at `{path}`: expected {expected}, got {json}"));
    let type_name = || {
        let name = ident(&shape.rust_name);
        quote! { types::#name }
    };
    match (&shape.kind, json) {
        (ShapeKind::Structure(structure), Value::Object(map)) => {
            structure_value(service, type_name(), structure, map, path)
        }
        (ShapeKind::Structure(_), _) => wrong("an object"),
        (ShapeKind::Union(members), Value::Object(map)) => {
            union_value(service, type_name(), members, map, path)
        }
        (ShapeKind::Union(_), _) => wrong("an object with one member"),
        (ShapeKind::Document, json) => Ok(document(json)),
        (ShapeKind::Enum(_), Value::String(text)) => {
            let name = type_name();
            Ok(quote! { #name::from(#text) })
        }
        (ShapeKind::Enum(_), _) => wrong("a string"),
        (ShapeKind::IntEnum(_), json) => {
            let number = json.as_i64().and_then(|n| i32::try_from(n).ok());
            let Some(number) = number else { return wrong("an i32") };
            let name = type_name();
            Ok(quote! { #name::from(#number) })
        }
        (ShapeKind::List { member }, Value::Array(items)) => {
            let items = items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    element_value(service, member, item, &format!("{path}[{index}]"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(quote! { ::std::vec![#(#items),*] })
        }
        (ShapeKind::List { .. }, _) => wrong("an array"),
        (ShapeKind::Map { key, value: element }, Value::Object(map)) => {
            let entries = map
                .iter()
                .map(|(name, item)| {
                    let key =
                        value(service, *key, &Value::String(name.clone()), &format!("{path} key"))?;
                    let item = element_value(service, element, item, &format!("{path}.{name}"))?;
                    Ok(quote! { (#key, #item) })
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(quote! { ::std::collections::BTreeMap::from([#(#entries),*]) })
        }
        (ShapeKind::Map { .. }, _) => wrong("an object"),
        (ShapeKind::String, Value::String(text)) => {
            Ok(quote! { ::std::string::String::from(#text) })
        }
        (ShapeKind::String, _) => wrong("a string"),
        (ShapeKind::Integer, json) => match json.as_i64().and_then(|n| i32::try_from(n).ok()) {
            Some(number) => Ok(Literal::i32_suffixed(number).into_token_stream()),
            None => wrong("an i32"),
        },
        (ShapeKind::Long, json) => match json.as_i64() {
            Some(number) => Ok(Literal::i64_suffixed(number).into_token_stream()),
            None => wrong("an i64"),
        },
        (ShapeKind::Float | ShapeKind::Double, json) => match float(json) {
            Some(number) if matches!(shape.kind, ShapeKind::Float) => Ok(f32_tokens(number)),
            Some(number) => Ok(f64_tokens(number)),
            None => wrong(r#"a number, "NaN", "Infinity" or "-Infinity""#),
        },
        (ShapeKind::Boolean, Value::Bool(flag)) => Ok(quote! { #flag }),
        (ShapeKind::Boolean, _) => wrong("a boolean"),
        (ShapeKind::Blob, Value::String(text)) => {
            let bytes = Literal::byte_string(text.as_bytes());
            Ok(quote! { runtime::Blob::new(#bytes.to_vec()) })
        }
        (ShapeKind::Blob, _) => wrong("a string (the blob's raw text)"),
        (ShapeKind::Timestamp(_), Value::Number(number)) => {
            let text = number.to_string();
            Ok(quote! { runtime::DateTime::from_epoch_decimal(#text).map_err(|e| e.to_string())? })
        }
        (ShapeKind::Timestamp(_), _) => wrong("epoch seconds"),
    }
}

fn structure_value(
    service: &Service,
    name: TokenStream,
    structure: &Structure,
    map: &Map<String, Value>,
    path: &str,
) -> Result<TokenStream, String> {
    let Structure { members, exception: _ } = structure;
    check_members(members, map, path)?;
    let fields = members
        .iter()
        .map(|member| {
            let field = ident(&member.rust_name);
            let json = map.get(&member.model_name).filter(|json| !json.is_null());
            match (json, member.required) {
                (Some(json), required) => {
                    let value = member_value(
                        service,
                        member,
                        json,
                        &format!("{path}.{}", member.model_name),
                    )?;
                    Ok(if required {
                        quote! { #field: #value }
                    } else {
                        quote! { #field: ::std::option::Option::Some(#value) }
                    })
                }
                (None, false) => Ok(quote! { #field: ::std::option::Option::None }),
                (None, true) => {
                    Err(format!("at `{path}`: missing required member `{}`", member.model_name))
                }
            }
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(quote! { #name { #(#fields),* } })
}

fn union_value(
    service: &Service,
    name: TokenStream,
    members: &[Member],
    map: &Map<String, Value>,
    path: &str,
) -> Result<TokenStream, String> {
    let set: Vec<(&String, &Value)> = map.iter().filter(|(_, json)| !json.is_null()).collect();
    let [(key, json)] = set.as_slice() else {
        return Err(format!(
            "at `{path}`: a union needs exactly one member set, got {}",
            set.len()
        ));
    };
    let Some(member) = members.iter().find(|member| &member.model_name == *key) else {
        let value = document(json);
        return Ok(quote! { #name::Unknown(runtime::UnknownMember::new(#key, #value)) });
    };
    let variant = ident(&member.rust_name);
    let value = member_value(service, member, json, &format!("{path}.{key}"))?;
    Ok(quote! { #name::#variant(#value) })
}

/// A member's value: what it holds ([`element_value`]), boxed where the member is.
fn member_value(
    service: &Service,
    member: &Member,
    json: &Value,
    path: &str,
) -> Result<TokenStream, String> {
    let value = element_value(service, &member.element(), json, path)?;
    Ok(if member.boxed {
        quote! { ::std::boxed::Box::new(#value) }
    } else {
        value
    })
}

/// What a member, list element or map value holds: parsed JSON for a `jsonvalue`.
fn element_value(
    service: &Service,
    element: &Element,
    json: &Value,
    path: &str,
) -> Result<TokenStream, String> {
    if element.json_value {
        Ok(document(&json_value(json)))
    } else {
        value(service, element.target, json, path)
    }
}

/// Names in `map` that are not members: a typo in a case, which must not pass silently.
fn check_members(members: &[Member], map: &Map<String, Value>, path: &str) -> Result<(), String> {
    match map.keys().find(|key| !members.iter().any(|member| &member.model_name == *key)) {
        Some(key) => Err(format!("at `{path}`: `{key}` is not a member")),
        None => Ok(()),
    }
}

/// The value a case gives a `jsonvalue`: AWS's suites give its JSON text, as a string;
/// a string that is no JSON text, and any other value, is the value itself.
fn json_value(json: &Value) -> Value {
    match json {
        Value::String(text) => serde_json::from_str(text).unwrap_or_else(|_| json.clone()),
        _ => json.clone(),
    }
}

/// Arbitrary JSON, parsed at run time from its text.
fn document(json: &Value) -> TokenStream {
    let text = json.to_string();
    quote! { document(#text)? }
}

fn f64_tokens(value: f64) -> TokenStream {
    if value.is_nan() {
        quote! { f64::NAN }
    } else if value == f64::INFINITY {
        quote! { f64::INFINITY }
    } else if value == f64::NEG_INFINITY {
        quote! { f64::NEG_INFINITY }
    } else {
        Literal::f64_suffixed(value).into_token_stream()
    }
}

// Rounding to the nearest f32 is what a `float` member of the value means.
#[allow(clippy::cast_possible_truncation)]
fn f32_tokens(value: f64) -> TokenStream {
    if value.is_nan() {
        quote! { f32::NAN }
    } else if value == f64::INFINITY {
        quote! { f32::INFINITY }
    } else if value == f64::NEG_INFINITY {
        quote! { f32::NEG_INFINITY }
    } else {
        Literal::f32_suffixed(value as f32).into_token_stream()
    }
}
