//! The reference interpreter: what an expression means on a JSON value, as the JMESPath
//! specification defines it. Tests check the Rust the generator emits against it.

use std::cmp::Ordering;
use std::fmt;

use serde_json::{Map, Value};

use super::ast::{Comparator, Node, ProjectionKind};
use super::functions;

/// Why an expression has no value: a function called wrongly, or a slice step of 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpretError {
    kind: InterpretErrorKind,
    message: String,
}

/// The compliance suite's error classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterpretErrorKind {
    UnknownFunction,
    /// The wrong number of arguments.
    Arity,
    /// A value of the wrong type, to a function or an operator.
    Type,
    /// A value of the right type that is not allowed (a slice step of 0).
    Value,
}

impl InterpretError {
    pub(super) fn new(kind: InterpretErrorKind, message: impl Into<String>) -> InterpretError {
        InterpretError { kind, message: message.into() }
    }

    pub fn kind(&self) -> InterpretErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for InterpretError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InterpretError {}

/// The value of `node` evaluated on `value`.
///
/// # Errors
///
/// When a function is unknown or gets the wrong number or types of arguments, when an
/// expression reference (`&a`) is evaluated outside a function's arguments, or when a slice's
/// step is 0.
pub fn interpret(node: &Node, value: &Value) -> Result<Value, InterpretError> {
    Ok(match node {
        Node::Current => value.clone(),
        Node::Field(name) => value.get(name).cloned().unwrap_or(Value::Null),
        Node::Subexpr(left, right) | Node::Pipe(left, right) => {
            interpret(right, &interpret(left, value)?)?
        }
        Node::Index(of, index) => match interpret(of, value)? {
            Value::Array(items) => element(items, *index).unwrap_or(Value::Null),
            _ => Value::Null,
        },
        Node::Slice { of, start, stop, step } => match interpret(of, value)? {
            Value::Array(items) => Value::Array(slice(items, *start, *stop, *step)?),
            _ => Value::Null,
        },
        Node::Projection { kind, source, rhs } => {
            let Some(elements) = projected(kind, interpret(source, value)?)? else {
                return Ok(Value::Null);
            };
            let mut collected = Vec::new();
            for element in elements {
                let result = interpret(rhs, &element)?;
                if !result.is_null() {
                    collected.push(result);
                }
            }
            Value::Array(collected)
        }
        Node::Compare(comparator, left, right) => {
            compare(*comparator, &interpret(left, value)?, &interpret(right, value)?)
        }
        Node::And(left, right) => {
            let left = interpret(left, value)?;
            if is_truthy(&left) { interpret(right, value)? } else { left }
        }
        Node::Or(left, right) => {
            let left = interpret(left, value)?;
            if is_truthy(&left) { left } else { interpret(right, value)? }
        }
        Node::Not(operand) => Value::Bool(!is_truthy(&interpret(operand, value)?)),
        Node::Literal(literal) => literal.clone(),
        Node::Function(name, arguments) => functions::call(name, arguments, value)?,
        Node::MultiList(items) if !value.is_null() => {
            Value::Array(items.iter().map(|item| interpret(item, value)).collect::<Result<_, _>>()?)
        }
        Node::MultiHash(pairs) if !value.is_null() => {
            let mut object = Map::new();
            for (key, item) in pairs {
                object.insert(key.clone(), interpret(item, value)?);
            }
            Value::Object(object)
        }
        Node::MultiList(_) | Node::MultiHash(_) => Value::Null,
        Node::ExpressionRef(_) => {
            return Err(InterpretError::new(
                InterpretErrorKind::Type,
                format!("the expression reference `{node}` is only allowed as a function argument"),
            ));
        }
    })
}

/// The elements a projection evaluates its right side on, `None` when the source is of the
/// wrong type. Filters keep the elements their condition is truthy on.
fn projected(kind: &ProjectionKind, source: Value) -> Result<Option<Vec<Value>>, InterpretError> {
    Ok(match (kind, source) {
        (ProjectionKind::List, Value::Array(items)) => Some(items),
        (ProjectionKind::Flatten, Value::Array(items)) => {
            let mut flat = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::Array(inner) => flat.extend(inner),
                    item => flat.push(item),
                }
            }
            Some(flat)
        }
        (ProjectionKind::Filter(condition), Value::Array(items)) => {
            let mut kept = Vec::new();
            for item in items {
                if is_truthy(&interpret(condition, &item)?) {
                    kept.push(item);
                }
            }
            Some(kept)
        }
        (ProjectionKind::Values, Value::Object(object)) => {
            Some(object.into_iter().map(|(_, value)| value).collect())
        }
        _ => None,
    })
}

/// `items[index]`, negative from the end.
fn element(mut items: Vec<Value>, index: i64) -> Option<Value> {
    let length = i64::try_from(items.len()).ok()?;
    let position = if index < 0 { length.checked_add(index)? } else { index };
    let position = usize::try_from(position).ok()?;
    (position < items.len()).then(|| items.swap_remove(position))
}

/// Python's `items[start:stop:step]`, as the specification defines slices.
fn slice(
    items: Vec<Value>,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<Vec<Value>, InterpretError> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(InterpretError::new(InterpretErrorKind::Value, "a slice's step cannot be 0"));
    }
    let length = i64::try_from(items.len()).unwrap_or(i64::MAX);
    // Negative ends count from the end; both are then clamped to where the walk can start.
    let clamp = |end: i64| {
        let end = if end < 0 { end.saturating_add(length) } else { end };
        match (end < 0, end >= length, step < 0) {
            (true, _, true) => -1,
            (true, _, false) => 0,
            (_, true, true) => length - 1,
            (_, true, false) => length,
            _ => end,
        }
    };
    let start = start.map_or(if step < 0 { length - 1 } else { 0 }, clamp);
    let stop = stop.map_or(if step < 0 { -1 } else { length }, clamp);
    let mut taken = Vec::new();
    let mut at = start;
    while (step > 0 && at < stop) || (step < 0 && at > stop) {
        if let Some(item) = usize::try_from(at).ok().and_then(|at| items.get(at)) {
            taken.push(item.clone());
        }
        at = match at.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    Ok(taken)
}

fn compare(comparator: Comparator, left: &Value, right: &Value) -> Value {
    match comparator {
        Comparator::Eq => Value::Bool(equal(left, right)),
        Comparator::Ne => Value::Bool(!equal(left, right)),
        _ => {
            let (Value::Number(left), Value::Number(right)) = (left, right) else {
                return Value::Null;
            };
            let Some(order) = compare_numbers(left, right) else { return Value::Null };
            Value::Bool(match comparator {
                Comparator::Lt => order.is_lt(),
                Comparator::Le => order.is_le(),
                Comparator::Gt => order.is_gt(),
                _ => order.is_ge(),
            })
        }
    }
}

/// JMESPath's truthiness: false, null and empty strings, arrays and objects are false.
pub(super) fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(value) => *value,
        Value::Number(_) => true,
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(object) => !object.is_empty(),
    }
}

/// Deep equality, where numbers are equal by value (`1 == 1.0`), which serde_json's is not.
pub(super) fn equal(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Number(left), Value::Number(right)) => {
            compare_numbers(left, right) == Some(Ordering::Equal)
        }
        (Value::Array(left), Value::Array(right)) => {
            left.len() == right.len() && left.iter().zip(right).all(|(l, r)| equal(l, r))
        }
        (Value::Object(left), Value::Object(right)) => {
            left.len() == right.len()
                && left.iter().all(|(key, l)| right.get(key).is_some_and(|r| equal(l, r)))
        }
        _ => left == right,
    }
}

/// Integers exactly, anything else as floats.
pub(super) fn compare_numbers(
    left: &serde_json::Number,
    right: &serde_json::Number,
) -> Option<Ordering> {
    if let (Some(left), Some(right)) = (left.as_i64(), right.as_i64()) {
        return Some(left.cmp(&right));
    }
    if let (Some(left), Some(right)) = (left.as_u64(), right.as_u64()) {
        return Some(left.cmp(&right));
    }
    left.as_f64()?.partial_cmp(&right.as_f64()?)
}
