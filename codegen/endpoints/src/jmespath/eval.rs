//! Evaluation, borrowing from the input where JMESPath selects without building.

use std::borrow::Cow;

use serde_json::Value;

use super::Node;

static NULL: Value = Value::Null;

fn null<'a>() -> Cow<'a, Value> {
    Cow::Borrowed(&NULL)
}

pub(super) fn evaluate<'a>(node: &Node, value: &'a Value) -> Cow<'a, Value> {
    match node {
        Node::Current => Cow::Borrowed(value),
        Node::Field(name) => {
            value.as_object().and_then(|object| object.get(name)).map_or_else(null, Cow::Borrowed)
        }
        Node::Subexpression(left, right) => apply(right, evaluate(left, value)),
        Node::Index(left, index) => pick(evaluate(left, value), *index),
        Node::ListProjection(left, right) => {
            let base = evaluate(left, value);
            base.as_array().map_or_else(null, |items| project(right, items.iter()))
        }
        Node::ObjectProjection(left, right) => {
            let base = evaluate(left, value);
            base.as_object().map_or_else(null, |object| project(right, object.values()))
        }
        Node::Flatten(child) => {
            let base = evaluate(child, value);
            base.as_array().map_or_else(null, |items| Cow::Owned(Value::Array(flatten(items))))
        }
        Node::MultiSelectList(items) if !value.is_null() => Cow::Owned(Value::Array(
            items.iter().map(|item| evaluate(item, value).into_owned()).collect(),
        )),
        Node::MultiSelectList(_) => null(),
        Node::Keys(argument) => {
            let base = evaluate(argument, value);
            let keys =
                base.as_object().map(|object| object.keys().cloned().map(Value::String).collect());
            keys.map_or_else(null, |keys| Cow::Owned(Value::Array(keys)))
        }
    }
}

/// `node` applied to a value that may be borrowed or built.
fn apply<'a>(node: &Node, value: Cow<'a, Value>) -> Cow<'a, Value> {
    match value {
        Cow::Borrowed(value) => evaluate(node, value),
        Cow::Owned(value) => Cow::Owned(evaluate(node, &value).into_owned()),
    }
}

/// Element `index` of a list, counting from its end if negative.
fn pick(base: Cow<'_, Value>, index: i64) -> Cow<'_, Value> {
    let position = |len: usize| match usize::try_from(index) {
        Ok(position) => Some(position),
        Err(_) => usize::try_from(index.unsigned_abs()).ok().and_then(|back| len.checked_sub(back)),
    };
    match base {
        Cow::Borrowed(Value::Array(items)) => {
            position(items.len()).and_then(|at| items.get(at)).map_or_else(null, Cow::Borrowed)
        }
        Cow::Owned(Value::Array(items)) => {
            let at = position(items.len());
            at.and_then(|at| items.into_iter().nth(at)).map_or_else(null, Cow::Owned)
        }
        _ => null(),
    }
}

/// `right` applied to each element, leaving out `null` results.
fn project<'a>(right: &Node, elements: impl Iterator<Item = &'a Value>) -> Cow<'static, Value> {
    let results =
        elements.map(|element| evaluate(right, element)).filter(|result| !result.is_null());
    Cow::Owned(Value::Array(results.map(Cow::into_owned).collect()))
}

/// Elements, with a list element's elements in its place.
fn flatten(items: &[Value]) -> Vec<Value> {
    let mut flat = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Value::Array(inner) => flat.extend(inner.iter().cloned()),
            other => flat.push(other.clone()),
        }
    }
    flat
}
