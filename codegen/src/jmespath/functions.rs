//! JMESPath's built-in functions, with the specification's signatures.

use std::cmp::Ordering;

use serde_json::{Map, Number, Value};

use super::ast::Node;
use super::interpret::{InterpretError, InterpretErrorKind, compare_numbers, equal, interpret};

/// An evaluated argument: a value, or the expression of `&expression`.
enum Argument<'a> {
    Value(Value),
    Expression(&'a Node),
}

/// `name(arguments…)` on `current`.
pub(super) fn call(
    name: &str,
    arguments: &[Node],
    current: &Value,
) -> Result<Value, InterpretError> {
    let Some((least, most)) = arity(name) else {
        return Err(error(
            InterpretErrorKind::UnknownFunction,
            format!("unknown function `{name}`"),
        ));
    };
    if arguments.len() < least || most.is_some_and(|most| arguments.len() > most) {
        let count = match (least, most) {
            (1, Some(1)) => "1 argument".to_owned(),
            (least, Some(most)) if least == most => format!("{least} arguments"),
            (least, _) => format!("at least {least} argument{}", if least == 1 { "" } else { "s" }),
        };
        let message = format!("`{name}` takes {count}, not {}", arguments.len());
        return Err(error(InterpretErrorKind::Arity, message));
    }
    let mut evaluated = Vec::with_capacity(arguments.len());
    for argument in arguments {
        evaluated.push(match argument {
            Node::ExpressionRef(expression) => Argument::Expression(expression),
            argument => Argument::Value(interpret(argument, current)?),
        });
    }
    Call { name, arguments: evaluated }.run()
}

/// How many arguments a function takes: at least, and at most (`None`: any number).
fn arity(name: &str) -> Option<(usize, Option<usize>)> {
    Some(match name {
        "abs" | "avg" | "ceil" | "floor" | "keys" | "length" | "max" | "min" | "reverse"
        | "sort" | "sum" | "to_array" | "to_number" | "to_string" | "type" | "values" => {
            (1, Some(1))
        }
        "contains" | "ends_with" | "join" | "map" | "max_by" | "min_by" | "sort_by"
        | "starts_with" => (2, Some(2)),
        "merge" | "not_null" => (1, None),
        _ => return None,
    })
}

fn error(kind: InterpretErrorKind, message: String) -> InterpretError {
    InterpretError::new(kind, message)
}

struct Call<'a> {
    name: &'a str,
    arguments: Vec<Argument<'a>>,
}

impl Call<'_> {
    fn run(&self) -> Result<Value, InterpretError> {
        Ok(match self.name {
            "abs" => abs(self.number(0)?),
            "avg" => {
                let numbers = self.numbers(0)?;
                let sum: f64 = numbers.iter().filter_map(|number| number.as_f64()).sum();
                if numbers.is_empty() { Value::Null } else { float(sum / numbers.len() as f64) }
            }
            "ceil" => rounded(self.number(0)?, f64::ceil),
            "floor" => rounded(self.number(0)?, f64::floor),
            "contains" => Value::Bool(match (self.value(0)?, self.value(1)?) {
                (Value::Array(items), search) => items.iter().any(|item| equal(item, search)),
                (Value::String(text), Value::String(search)) => text.contains(search.as_str()),
                (Value::String(_), _) => false,
                (other, _) => return Err(self.wrong_type(0, "an array or a string", other)),
            }),
            "ends_with" => Value::Bool(self.string(0)?.ends_with(self.string(1)?)),
            "starts_with" => Value::Bool(self.string(0)?.starts_with(self.string(1)?)),
            "join" => {
                let glue = self.string(0)?;
                let items = self.array(1)?;
                let mut parts = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(part) => parts.push(part.as_str()),
                        other => return Err(self.wrong_type(1, "an array of strings", other)),
                    }
                }
                Value::String(parts.join(glue))
            }
            "keys" => self.object(0)?.keys().cloned().map(Value::String).collect(),
            "values" => self.object(0)?.values().cloned().collect(),
            "length" => {
                let length = match self.value(0)? {
                    Value::String(text) => text.chars().count(),
                    Value::Array(items) => items.len(),
                    Value::Object(object) => object.len(),
                    other => {
                        return Err(self.wrong_type(0, "a string, an array or an object", other));
                    }
                };
                Value::from(length)
            }
            "map" => {
                let expression = self.expression(0)?;
                let items = self.array(1)?;
                items.iter().map(|item| interpret(expression, item)).collect::<Result<_, _>>()?
            }
            "max" | "min" => {
                let items = self.sortable(0)?;
                let pick = if self.name == "max" { Ordering::Greater } else { Ordering::Less };
                let mut best: Option<&Value> = None;
                for item in items {
                    if best.is_none_or(|best| order(item, best) == pick) {
                        best = Some(item);
                    }
                }
                best.cloned().unwrap_or(Value::Null)
            }
            "max_by" | "min_by" => {
                let keyed = self.keyed()?;
                let pick = if self.name == "max_by" { Ordering::Greater } else { Ordering::Less };
                let mut best: Option<&(Value, &Value)> = None;
                for entry in &keyed {
                    if best.is_none_or(|best| order(&entry.0, &best.0) == pick) {
                        best = Some(entry);
                    }
                }
                best.map_or(Value::Null, |(_, item)| (*item).clone())
            }
            "sort" => {
                let mut items = self.sortable(0)?.to_vec();
                items.sort_by(order);
                Value::Array(items)
            }
            "sort_by" => {
                let mut keyed = self.keyed()?;
                keyed.sort_by(|left, right| order(&left.0, &right.0));
                keyed.into_iter().map(|(_, item)| item.clone()).collect()
            }
            "merge" => {
                let mut merged = Map::new();
                for position in 0..self.arguments.len() {
                    for (key, value) in self.object(position)? {
                        merged.insert(key.clone(), value.clone());
                    }
                }
                Value::Object(merged)
            }
            "not_null" => {
                let mut found = Value::Null;
                for position in 0..self.arguments.len() {
                    let value = self.value(position)?;
                    if !value.is_null() {
                        found = value.clone();
                        break;
                    }
                }
                found
            }
            "reverse" => match self.value(0)? {
                Value::String(text) => Value::String(text.chars().rev().collect()),
                Value::Array(items) => items.iter().rev().cloned().collect(),
                other => return Err(self.wrong_type(0, "an array or a string", other)),
            },
            "sum" => sum(&self.numbers(0)?),
            "to_array" => match self.value(0)? {
                Value::Array(items) => Value::Array(items.clone()),
                other => Value::Array(vec![other.clone()]),
            },
            "to_number" => match self.value(0)? {
                Value::Number(number) => Value::Number(number.clone()),
                Value::String(text) => parse_number(text),
                _ => Value::Null,
            },
            "to_string" => match self.value(0)? {
                Value::String(text) => Value::String(text.clone()),
                other => Value::String(other.to_string()),
            },
            "type" => Value::from(type_name(self.value(0)?)),
            name => {
                let message = format!("unknown function `{name}`");
                return Err(error(InterpretErrorKind::UnknownFunction, message));
            }
        })
    }

    fn wrong_type(&self, position: usize, expected: &str, found: &Value) -> InterpretError {
        let message = format!(
            "`{}`'s argument {} must be {expected}, not {}",
            self.name,
            position + 1,
            a_type_name(found)
        );
        error(InterpretErrorKind::Type, message)
    }

    fn value(&self, position: usize) -> Result<&Value, InterpretError> {
        match self.arguments.get(position) {
            Some(Argument::Value(value)) => Ok(value),
            Some(Argument::Expression(_)) => {
                let message = format!(
                    "`{}`'s argument {} must be a value, not an expression reference",
                    self.name,
                    position + 1
                );
                Err(error(InterpretErrorKind::Type, message))
            }
            None => {
                Err(error(InterpretErrorKind::Arity, format!("`{}` lacks arguments", self.name)))
            }
        }
    }

    fn expression(&self, position: usize) -> Result<&Node, InterpretError> {
        match self.arguments.get(position) {
            Some(Argument::Expression(expression)) => Ok(expression),
            Some(Argument::Value(value)) => {
                Err(self.wrong_type(position, "an expression reference (`&…`)", value))
            }
            None => {
                Err(error(InterpretErrorKind::Arity, format!("`{}` lacks arguments", self.name)))
            }
        }
    }

    fn number(&self, position: usize) -> Result<&Number, InterpretError> {
        match self.value(position)? {
            Value::Number(number) => Ok(number),
            other => Err(self.wrong_type(position, "a number", other)),
        }
    }

    fn string(&self, position: usize) -> Result<&str, InterpretError> {
        match self.value(position)? {
            Value::String(text) => Ok(text),
            other => Err(self.wrong_type(position, "a string", other)),
        }
    }

    fn array(&self, position: usize) -> Result<&[Value], InterpretError> {
        match self.value(position)? {
            Value::Array(items) => Ok(items),
            other => Err(self.wrong_type(position, "an array", other)),
        }
    }

    fn object(&self, position: usize) -> Result<&Map<String, Value>, InterpretError> {
        match self.value(position)? {
            Value::Object(object) => Ok(object),
            other => Err(self.wrong_type(position, "an object", other)),
        }
    }

    fn numbers(&self, position: usize) -> Result<Vec<&Number>, InterpretError> {
        let items = self.array(position)?;
        let mut numbers = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::Number(number) => numbers.push(number),
                other => return Err(self.wrong_type(position, "an array of numbers", other)),
            }
        }
        Ok(numbers)
    }

    /// An array of numbers only, or of strings only.
    fn sortable(&self, position: usize) -> Result<&[Value], InterpretError> {
        let items = self.array(position)?;
        if let Some(mixed) = mixed(items) {
            let expected = "an array of numbers or of strings";
            return Err(self.wrong_type(position, expected, mixed));
        }
        Ok(items)
    }

    /// The first argument's elements with the keys the second gives them: numbers only, or
    /// strings only.
    fn keyed(&self) -> Result<Vec<(Value, &Value)>, InterpretError> {
        let expression = self.expression(1)?;
        let mut keyed = Vec::new();
        for item in self.array(0)? {
            keyed.push((interpret(expression, item)?, item));
        }
        let keys: Vec<Value> = keyed.iter().map(|(key, _)| key.clone()).collect();
        if let Some(mixed) = mixed(&keys) {
            let message = format!(
                "`{}`'s expression must give numbers only or strings only, not {}",
                self.name,
                a_type_name(mixed)
            );
            return Err(error(InterpretErrorKind::Type, message));
        }
        Ok(keyed)
    }
}

/// The first element that breaks "numbers only, or strings only".
fn mixed(items: &[Value]) -> Option<&Value> {
    let numbers = matches!(items.first(), Some(Value::Number(_)));
    items.iter().find(|item| match item {
        Value::Number(_) => !numbers,
        Value::String(_) => numbers,
        _ => true,
    })
}

/// Numbers by value, strings by code point; `mixed` has ruled out anything else.
fn order(left: &Value, right: &Value) -> Ordering {
    match (left, right) {
        (Value::Number(left), Value::Number(right)) => {
            compare_numbers(left, right).unwrap_or(Ordering::Equal)
        }
        (Value::String(left), Value::String(right)) => left.cmp(right),
        _ => Ordering::Equal,
    }
}

fn abs(number: &Number) -> Value {
    if let Some(integer) = number.as_i64().and_then(i64::checked_abs) {
        return Value::from(integer);
    }
    if number.is_u64() {
        return Value::Number(number.clone());
    }
    float(number.as_f64().unwrap_or(f64::NAN).abs())
}

/// `ceil` and `floor`: integers stay as they are.
fn rounded(number: &Number, round: fn(f64) -> f64) -> Value {
    if number.is_i64() || number.is_u64() {
        return Value::Number(number.clone());
    }
    let rounded = round(number.as_f64().unwrap_or(f64::NAN));
    // Within ±2^53 a float holds its integer exactly, so the conversion loses nothing.
    if rounded.abs() < 9_007_199_254_740_992.0 {
        Value::from(rounded as i64)
    } else {
        float(rounded)
    }
}

/// Integers add up as integers while they can.
fn sum(numbers: &[&Number]) -> Value {
    let integers: Option<i64> =
        numbers.iter().try_fold(0_i64, |sum, number| sum.checked_add(number.as_i64()?));
    match integers {
        Some(sum) => Value::from(sum),
        None => float(numbers.iter().filter_map(|number| number.as_f64()).sum()),
    }
}

/// A float as JSON; infinities and NaN, which JSON lacks, as null.
fn float(value: f64) -> Value {
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}

/// A JSON number, else null.
fn parse_number(text: &str) -> Value {
    let trimmed = text.trim_matches([' ', '\t', '\n', '\r']);
    if trimmed.is_empty() || trimmed.len() != text.len() {
        return Value::Null;
    }
    match serde_json::from_str(trimmed) {
        Ok(Value::Number(number)) => Value::Number(number),
        _ => Value::Null,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// "a string", "an array"… for messages.
fn a_type_name(value: &Value) -> String {
    let name = type_name(value);
    let article = if matches!(value, Value::Array(_) | Value::Object(_)) { "an" } else { "a" };
    match value {
        Value::Null => "null".to_owned(),
        _ => format!("{article} {name}"),
    }
}
