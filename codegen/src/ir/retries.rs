//! What retries need from a model: the codes that name each error of an operation and whether
//! the model marks it `retryable`, and the input members that carry an idempotency token, the
//! same on every retry of a request.

use super::{
    IdempotencyToken, Member, Operation, OperationError, RetryKind, Shape, ShapeId, ShapeKind,
    Structure,
};
use crate::model;
use std::collections::HashSet;

/// Fills each error's `codes` and `retryable` from its shape's `error` and `retryable` traits.
pub(super) fn describe_errors(
    errors: &mut [OperationError],
    model: &model::Model,
    shapes: &[Shape],
) {
    // Shape names are claimed first: they are the codes awsJson services send, so another
    // error's `error.code` cannot take one.
    let mut claimed: HashSet<&str> =
        errors.iter().map(|error| shapes[error.shape.0].wire_name.as_str()).collect();
    for error in errors {
        let wire_name = &shapes[error.shape.0].wire_name;
        let shape = model.shapes.get(wire_name);
        error.codes = vec![wire_name.clone()];
        let code = shape.and_then(|shape| shape.error.as_ref()).and_then(|e| e.code.as_deref());
        if let Some(code) = code
            && claimed.insert(code)
        {
            error.codes.push(code.to_owned());
        }
        error.retryable = shape.and_then(|shape| shape.retryable.as_ref()).map(|retryable| {
            if retryable.throttling == Some(true) {
                RetryKind::Throttling
            } else {
                RetryKind::Transient
            }
        });
    }
}

/// The members of an operation's input the operation fills with a fresh UUID when they are
/// left out: those `model_input` marks `idempotencyToken` that are optional strings.
pub(super) fn idempotency_tokens(
    input: Option<ShapeId>,
    model_input: Option<&model::Shape>,
    shapes: &[Shape],
) -> Vec<IdempotencyToken> {
    let (Some(input), Some(model_input)) = (input, model_input) else {
        return Vec::new();
    };
    let ShapeKind::Structure(Structure { members, .. }) = &shapes[input.0].kind else {
        return Vec::new();
    };
    let references = model_input.members.as_ref();
    let marked = |member: &&Member| {
        let reference = references.and_then(|references| references.get(&member.model_name));
        reference.is_some_and(|reference| reference.idempotency_token == Some(true))
    };
    // A required token the caller always gives; an enum or a `jsonvalue` holds no UUID.
    let string = |member: &&Member| {
        !member.required
            && !member.json_value
            && matches!(shapes[member.target.0].kind, ShapeKind::String)
    };
    (members.iter())
        .filter(marked)
        .filter(string)
        .map(|member| IdempotencyToken {
            model_name: member.model_name.clone(),
            rust_name: member.rust_name.clone(),
            deprecated: member.deprecated.is_some(),
        })
        .collect()
}

/// Marks the members operations fill ([`super::Member::idempotency_token`]), for their docs.
pub(super) fn mark_idempotency_tokens(operations: &[Operation], shapes: &mut [Shape]) {
    for operation in operations {
        let Some(input) = operation.input else {
            continue;
        };
        let ShapeKind::Structure(structure) = &mut shapes[input.0].kind else {
            continue;
        };
        for member in &mut structure.members {
            let filled = |token: &IdempotencyToken| token.model_name == member.model_name;
            if operation.idempotency_tokens.iter().any(filled) {
                member.idempotency_token = true;
            }
        }
    }
}
