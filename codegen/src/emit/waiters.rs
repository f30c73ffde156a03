//! The model's waiters: a module `waiters` with a unit struct per waiter implementing the
//! runtime's `Waiter`, whose acceptors are plain Rust written from their typed expressions.

use super::{Context, docs, ident};
use crate::ir::waiters::typed::{Comparison, Source, Ty, Typed};
use crate::ir::waiters::{Test, Waiter};
use crate::ir::{ShapeKind, Step};
use crate::jmespath::Comparator;
use crate::model::AcceptorState;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The `waiters` module, or nothing when the service has none.
pub fn emit(cx: Context<'_>) -> TokenStream {
    if cx.service.waiters.is_empty() {
        return TokenStream::new();
    }
    let waiters = cx.service.waiters.iter().map(|waiter| emit_waiter(cx, waiter));
    quote! {
        /// The model's waiters: each polls an operation until its answers say the resource is
        /// as wanted (see the runtime's `waiter` module to run one).
        pub mod waiters {
            #(#waiters)*
        }
    }
}

fn emit_waiter(cx: Context<'_>, waiter: &Waiter) -> TokenStream {
    let runtime = cx.runtime;
    let operation = &cx.service.operations[waiter.operation];
    let name = ident(&waiter.name);
    let operation_type = ident(&operation.rust_name);
    let wire_name = &waiter.name;
    let (delay, max_attempts) = (u64::from(waiter.delay), waiter.max_attempts);
    let acceptors = waiter.acceptors.iter().map(|acceptor| {
        let state = match acceptor.state {
            AcceptorState::Success => quote! { Success },
            AcceptorState::Failure => quote! { Failure },
            AcceptorState::Retry => quote! { Retry },
        };
        let text = acceptor.text(docs::code);
        quote! { #runtime::waiter::Acceptor { state: #runtime::waiter::State::#state, matcher: #text } }
    });
    let tests = waiter.acceptors.iter().enumerate().map(|(index, acceptor)| {
        let test = test(cx, &acceptor.test);
        quote! {
            if #test {
                return ::std::option::Option::Some(#index);
            }
        }
    });
    let doc = waiter_doc(cx, waiter);
    let uses_output = waiter.acceptors.iter().any(|a| matches!(a.test, Test::Output(_)));
    let uses_error = waiter.acceptors.iter().any(|a| matches!(a.test, Test::ErrorCode(_)));
    let output_binding = if uses_output {
        quote! { let output = outcome.as_ref().ok(); }
    } else {
        TokenStream::new()
    };
    let code_binding = if uses_error {
        quote! {
            let code = outcome
                .as_ref()
                .err()
                .and_then(|error| error.service())
                .and_then(#runtime::ServiceError::code);
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct #name;

        // The model may deprecate the operation or a member an acceptor reads; its waiter
        // still polls and reads them, as botocore's does.
        #[allow(deprecated)]
        impl #runtime::waiter::Waiter for #name {
            type Operation = super::#operation_type;
            const NAME: &'static str = #wire_name;
            const DELAY: ::std::time::Duration = ::std::time::Duration::from_secs(#delay);
            const MAX_ATTEMPTS: u32 = #max_attempts;
            const ACCEPTORS: &'static [#runtime::waiter::Acceptor] = &[ #(#acceptors),* ];

            fn matching(
                outcome: &#runtime::waiter::Outcome<Self::Operation>,
            ) -> ::std::option::Option<usize> {
                #output_binding
                #code_binding
                #(#tests)*
                ::std::option::Option::None
            }
        }
    }
}

fn waiter_doc(cx: Context<'_>, waiter: &Waiter) -> String {
    let operation = &cx.service.operations[waiter.operation];
    let mut doc = format!(
        " Waits by polling {} every {} s at least ({} polls at most in botocore, {} s).",
        docs::code(&operation.wire_name),
        waiter.delay,
        waiter.max_attempts,
        u64::from(waiter.delay) * u64::from(waiter.max_attempts)
    );
    if let Some(description) = &waiter.description {
        doc = format!(" {}\n\n{doc}", docs::plain(description));
    }
    doc.push_str("\n\n Its acceptors, asked in this order:\n");
    for (index, acceptor) in waiter.acceptors.iter().enumerate() {
        let state = match acceptor.state {
            AcceptorState::Success => "success",
            AcceptorState::Failure => "failure",
            AcceptorState::Retry => "retry",
        };
        doc.push_str(&format!(" {index}. {state} when {}\n", acceptor.text(docs::code)));
    }
    doc
}

/// A `bool` expression: whether the acceptor matches `outcome` (with `output` and `code`
/// bound).
fn test(cx: Context<'_>, test: &Test) -> TokenStream {
    match test {
        Test::Output(typed) => {
            let value = boolean(cx, typed);
            quote! { output.is_some_and(|output| #value) }
        }
        Test::Status(status) => quote! {
            match outcome {
                ::std::result::Result::Ok(_) => #status == 200,
                ::std::result::Result::Err(error) => error.status() == #status,
            }
        },
        Test::ErrorCode(code) => quote! { code == ::std::option::Option::Some(#code) },
        Test::IsError(true) => quote! { outcome.is_err() },
        Test::IsError(false) => quote! { outcome.is_ok() },
    }
}

/// A boolean value of a typed expression (`Ty::Bool`), with `output` bound to the output.
fn boolean(cx: Context<'_>, typed: &Typed) -> TokenStream {
    match typed {
        Typed::Compare { op, left, right, how } => {
            let operator = match op {
                Comparator::Eq => quote! { == },
                Comparator::Ne => quote! { != },
                Comparator::Lt => quote! { < },
                Comparator::Le => quote! { <= },
                Comparator::Gt => quote! { > },
                Comparator::Ge => quote! { >= },
            };
            let equality = matches!(op, Comparator::Eq | Comparator::Ne);
            if let (true, Some(left), Some(right)) =
                (equality, plain(left, *how), plain(right, *how))
            {
                return quote! { #left #operator #right };
            }
            let (left, right) = (side(cx, left, *how), side(cx, right, *how));
            match (op, how) {
                (Comparator::Eq, Comparison::IsNull) => quote! { #left.is_none() },
                (_, Comparison::IsNull) => quote! { #left.is_some() },
                _ if equality => quote! { #left #operator #right },
                // An order of a value that is missing is JMESPath's null, which is false.
                _ => quote! {
                    match (#left, #right) {
                        (::std::option::Option::Some(left), ::std::option::Option::Some(right)) => left #operator right,
                        _ => false,
                    }
                },
            }
        }
        Typed::And(left, right) => {
            let (left, right) = (boolean(cx, left), boolean(cx, right));
            quote! { (#left) && (#right) }
        }
        Typed::Or(left, right) => {
            let (left, right) = (boolean(cx, left), boolean(cx, right));
            quote! { (#left) || (#right) }
        }
        Typed::Not(of) => {
            let of = boolean(cx, of);
            quote! { !(#of) }
        }
        Typed::Truthy { of, ty } => truthy(cx, of, ty),
        Typed::Quantified { all, list, test } => {
            let list = value(cx, list);
            let test = boolean(cx, test);
            if *all {
                quote! {{
                    let list = #list;
                    !list.is_empty() && list.iter().all(|element| { let element = *element; #test })
                }}
            } else {
                quote! { #list.iter().any(|element| { let element = *element; #test }) }
            }
        }
        Typed::Literal(value) => {
            let truthy = literal_truthy(value);
            quote! { #truthy }
        }
        // Values that are no booleans come wrapped in `Truthy` by the checker.
        other => truthy(cx, other, &Ty::Bool),
    }
}

/// A value: `Option<&T>` for a shape, `Vec<&T>` for a projection, `f64` for a number.
fn value(cx: Context<'_>, typed: &Typed) -> TokenStream {
    match typed {
        Typed::Output => quote! { ::std::option::Option::Some(output) },
        Typed::Element(_) => quote! { ::std::option::Option::Some(element) },
        Typed::Member { of, step } => match direct_ref(typed) {
            Some(direct) => quote! { ::std::option::Option::Some(#direct) },
            None => member(cx, of, step),
        },
        Typed::Index { of, index } => {
            let of = value(cx, of);
            if *index >= 0 {
                let index =
                    Literal::usize_unsuffixed(usize::try_from(*index).unwrap_or(usize::MAX));
                quote! { #of.and_then(|list| list.get(#index)) }
            } else {
                let back = Literal::usize_unsuffixed(
                    usize::try_from(index.unsigned_abs()).unwrap_or(usize::MAX),
                );
                quote! { #of.and_then(|list| list.len().checked_sub(#back).and_then(|index| list.get(index))) }
            }
        }
        Typed::Project { source, how, filter, each, .. } => {
            let source = value(cx, source);
            let items = match how {
                Source::ListItems => quote! { #source.into_iter().flat_map(|list| list.iter()) },
                Source::NestedListItems => quote! {
                    #source.into_iter().flat_map(|list| list.iter()).flat_map(|inner| inner.iter())
                },
                Source::MapValues => quote! { #source.into_iter().flat_map(|map| map.values()) },
                Source::Projected => quote! { #source.into_iter() },
                Source::ProjectedLists => {
                    quote! { #source.into_iter().flat_map(|list| list.iter()) }
                }
            };
            let filter = filter.as_ref().map_or_else(TokenStream::new, |condition| {
                let condition = boolean(cx, condition);
                quote! { .filter(|element| { let element = *element; #condition }) }
            });
            let each = match (each.as_ref(), direct_ref(each)) {
                (Typed::Element(_), _) => TokenStream::new(),
                (_, Some(direct)) => quote! { .map(|element| #direct) },
                (each, None) => {
                    let each = value(cx, each);
                    quote! { .filter_map(|element| #each) }
                }
            };
            // A projection already collected, taken as it is.
            if *how == Source::Projected && filter.is_empty() && each.is_empty() {
                return source;
            }
            quote! { #items #filter #each .collect::<::std::vec::Vec<_>>() }
        }
        Typed::Length { of, ty } => {
            let of_value = value(cx, of);
            let count = match ty {
                Ty::Many(_) => quote! { #of_value.len() },
                Ty::Shape(id) if matches!(cx.service.shape(*id).kind, ShapeKind::String) => {
                    quote! { #of_value.map_or(0, |text| text.chars().count()) }
                }
                _ => quote! { #of_value.map_or(0, |items| items.len()) },
            };
            // Counts are far below 2^53, which f64 holds exactly. Only ever inside `Some(…)`.
            quote! { #count as f64 }
        }
        boolean_valued => boolean(cx, boolean_valued),
    }
}

/// A value that is always there, as `&T`: the output, the element, and required members of
/// them; `None` for anything that may be null.
fn direct_ref(typed: &Typed) -> Option<TokenStream> {
    match typed {
        Typed::Output => Some(quote! { output }),
        Typed::Element(_) => Some(quote! { element }),
        Typed::Member { step, .. } => {
            let place = place(typed)?;
            Some(if step.boxed {
                quote! { &*#place }
            } else {
                quote! { &#place }
            })
        }
        _ => None,
    }
}

/// Where a value that is always there is held, for a field access (which sees through
/// references and boxes): `output.table.status`.
fn place(typed: &Typed) -> Option<TokenStream> {
    match typed {
        Typed::Output => Some(quote! { output }),
        Typed::Element(_) => Some(quote! { element }),
        Typed::Member { of, step } if step.required => {
            let of = place(of)?;
            let field = ident(&step.rust_name);
            Some(quote! { #of.#field })
        }
        _ => None,
    }
}

/// A member of a structure value that may be null, as `Option<&T>` (one always there is a
/// [`direct_ref`]).
fn member(cx: Context<'_>, of: &Typed, step: &Step) -> TokenStream {
    let field = ident(&step.rust_name);
    let read = |holder: TokenStream| match (step.required, step.boxed) {
        (true, false) => quote! { &#holder.#field },
        (true, true) => quote! { &*#holder.#field },
        (false, false) => quote! { #holder.#field.as_ref() },
        (false, true) => quote! { #holder.#field.as_deref() },
    };
    if let Some(holder) = place(of) {
        // Not required, or it would be a direct reference itself.
        return read(holder);
    }
    let of = value(cx, of);
    let access = read(quote! { value });
    if step.required {
        quote! { #of.map(|value| #access) }
    } else {
        quote! { #of.and_then(|value| #access) }
    }
}

/// A side of a text comparison that is always there, as a `&str`: a literal, or a string or
/// enum that is always there. Other comparisons go through `Option`s.
fn plain(typed: &Typed, how: Comparison) -> Option<TokenStream> {
    if how != Comparison::Text {
        return None;
    }
    match typed {
        Typed::Literal(serde_json::Value::String(text)) => Some(quote! { #text }),
        // A method call sees through references and boxes, as a field access does.
        typed => place(typed).map(|place| quote! { #place.as_str() }),
    }
}

/// One side of a comparison, read as `how` says: `Option<&str>`, `Option<f64>` or
/// `Option<bool>`.
fn side(cx: Context<'_>, typed: &Typed, how: Comparison) -> TokenStream {
    if let Typed::Literal(literal) = typed {
        return match (how, literal) {
            (Comparison::Text, serde_json::Value::String(text)) => {
                quote! { ::std::option::Option::Some(#text) }
            }
            (Comparison::Number, serde_json::Value::Number(number)) => {
                let number = number.as_f64().unwrap_or(f64::NAN);
                quote! { ::std::option::Option::Some(#number) }
            }
            (Comparison::Boolean, serde_json::Value::Bool(flag)) => {
                quote! { ::std::option::Option::Some(#flag) }
            }
            _ => quote! { ::std::option::Option::None::<()> },
        };
    }
    let raw = value(cx, typed);
    match (how, typed_ty(cx, typed)) {
        (Comparison::IsNull, _) => raw,
        (_, Some(Ty::Number)) => quote! { ::std::option::Option::Some(#raw) },
        (_, Some(Ty::Bool)) => {
            let flag = boolean(cx, typed);
            quote! { ::std::option::Option::Some(#flag) }
        }
        (Comparison::Text, _) => quote! { #raw.map(|text| text.as_str()) },
        (Comparison::Number, Some(Ty::Shape(id))) => match cx.service.shape(id).kind {
            ShapeKind::IntEnum(_) => quote! { #raw.map(|number| f64::from(number.value())) },
            ShapeKind::Long => quote! { #raw.map(|number| *number as f64) },
            _ => quote! { #raw.map(|number| f64::from(*number)) },
        },
        (Comparison::Boolean, _) => quote! { #raw.copied() },
        (Comparison::Number, _) => quote! { #raw.map(|number| f64::from(*number)) },
    }
}

/// The type a typed node gives, where the emitter needs it (the checker knew it).
fn typed_ty(cx: Context<'_>, typed: &Typed) -> Option<Ty> {
    match typed {
        Typed::Output => None,
        Typed::Element(id) => Some(Ty::Shape(*id)),
        Typed::Member { step, .. } => Some(Ty::Shape(step.target)),
        Typed::Index { of, .. } => match typed_ty(cx, of)? {
            Ty::Shape(list) => match &cx.service.shape(list).kind {
                ShapeKind::List { member } => Some(Ty::Shape(member.target)),
                _ => None,
            },
            _ => None,
        },
        Typed::Project { each_ty, .. } => match each_ty {
            Ty::Shape(id) => Some(Ty::Many(*id)),
            _ => None,
        },
        Typed::Length { .. } => Some(Ty::Number),
        Typed::Literal(value) => Some(Ty::Literal(value.clone())),
        Typed::Compare { .. }
        | Typed::And(..)
        | Typed::Or(..)
        | Typed::Not(_)
        | Typed::Truthy { .. }
        | Typed::Quantified { .. } => Some(Ty::Bool),
    }
}

/// JMESPath's truthiness of a value: not null, not false, not an empty string, list or map.
fn truthy(cx: Context<'_>, of: &Typed, ty: &Ty) -> TokenStream {
    match ty {
        Ty::Bool => boolean(cx, of),
        Ty::Number => quote! { true },
        Ty::Literal(value) => {
            let truthy = literal_truthy(value);
            quote! { #truthy }
        }
        Ty::Many(_) => {
            let of = value(cx, of);
            quote! { !#of.is_empty() }
        }
        Ty::Shape(id) => {
            let of = value(cx, of);
            match &cx.service.shape(*id).kind {
                ShapeKind::String | ShapeKind::List { .. } | ShapeKind::Map { .. } => {
                    quote! { #of.is_some_and(|value| !value.is_empty()) }
                }
                ShapeKind::Enum(_) => {
                    quote! { #of.is_some_and(|value| !value.as_str().is_empty()) }
                }
                ShapeKind::Boolean => quote! { #of.is_some_and(|value| *value) },
                _ => quote! { #of.is_some() },
            }
        }
    }
}

fn literal_truthy(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null | serde_json::Value::Bool(false) => false,
        serde_json::Value::String(text) => !text.is_empty(),
        serde_json::Value::Array(items) => !items.is_empty(),
        serde_json::Value::Object(members) => !members.is_empty(),
        serde_json::Value::Bool(true) | serde_json::Value::Number(_) => true,
    }
}
