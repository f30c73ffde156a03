//! The model's constraints on values: `min`/`max` and `pattern`, read per shape.
//!
//! A model is never refused for a check: a constraint the generator cannot honour (a pattern
//! that does not compile, a bound that is no usable number, a `min` above its `max`, a
//! constraint on a kind of shape that does not take it) is left unchecked, with the reason, and
//! becomes a [`Warning`]; `validate()` checks everything else.

use super::{Constraints, Pattern, Range, Shape, ShapeKind, Unchecked, pattern};
use crate::error::Location;
use crate::model;
use crate::warning::Warning;
use serde_json::Value;
use std::collections::HashMap;

/// Reads every shape's constraints into `shapes`. Gives the distinct patterns that compile
/// (which [`Constraints::pattern`] indexes), in the order shapes first use them, and a warning
/// for each constraint left unchecked, in the order of the shapes.
pub(super) fn build(
    model: &model::Model,
    shapes: &mut [Shape],
    known: &[bool],
) -> (Vec<Pattern>, Vec<Warning>) {
    let mut patterns = Patterns::default();
    let mut warnings = Vec::new();
    for (shape, known) in shapes.iter_mut().zip(known) {
        let Some(source) = model.shapes.get(&shape.wire_name) else { continue };
        if !known {
            continue;
        }
        shape.constraints = constraints(&shape.kind, source, &mut patterns);
        warnings.extend(shape.constraints.unchecked.iter().map(|unchecked| {
            Warning::new(Location::Shape(shape.wire_name.clone()), unchecked.to_string())
        }));
    }
    (patterns.compiled, warnings)
}

/// The patterns read so far: each source once, compiled or refused with why.
#[derive(Default)]
struct Patterns {
    compiled: Vec<Pattern>,
    seen: HashMap<String, Result<usize, pattern::Refusal>>,
}

impl Patterns {
    /// The index of `source` among the compiled patterns, added (translated and compiled) if
    /// new; `Err` says why it cannot be checked.
    fn index(&mut self, source: &str) -> Result<usize, pattern::Refusal> {
        if let Some(seen) = self.seen.get(source) {
            return seen.clone();
        }
        let compiled = pattern::translate(source).map(|ecmascript| {
            self.compiled.push(Pattern { source: source.to_owned(), ecmascript });
            self.compiled.len() - 1
        });
        self.seen.insert(source.to_owned(), compiled.clone());
        compiled
    }
}

fn constraints(kind: &ShapeKind, shape: &model::Shape, patterns: &mut Patterns) -> Constraints {
    let mut built = Constraints::default();
    let unchecked = &mut built.unchecked;
    match kind {
        ShapeKind::String | ShapeKind::Blob | ShapeKind::List { .. } | ShapeKind::Map { .. } => {
            let (min, max) = bounds(shape, Value::as_u64, LENGTH, unchecked);
            built.length = (min.is_some() || max.is_some()).then_some((min, max));
        }
        ShapeKind::Integer | ShapeKind::Long => {
            let (min, max) = bounds(shape, Value::as_i64, WHOLE, unchecked);
            built.range = (min.is_some() || max.is_some()).then_some(Range::Integer { min, max });
        }
        ShapeKind::Float | ShapeKind::Double => {
            let (min, max) = bounds(shape, Value::as_f64, NUMBER, unchecked);
            built.range = (min.is_some() || max.is_some()).then_some(Range::Float { min, max });
        }
        // An enum's values are what the model lists; its bounds and pattern say nothing more.
        ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {}
        _ => {
            let settings: Vec<(String, String)> = [("min", &shape.min), ("max", &shape.max)]
                .into_iter()
                .filter_map(|(key, value)| Some((key.to_owned(), value.as_ref()?.to_string())))
                .collect();
            if !settings.is_empty() {
                let reason = format!(
                    "only strings, blobs, lists, maps and numbers take `min` and `max`, and \
                     this shape is {}",
                    kind_name(kind)
                );
                unchecked.push(Unchecked { settings, reason, detail: None });
            }
        }
    }
    let Some(pattern) = &shape.pattern else { return built };
    let setting = vec![("pattern".to_owned(), written(pattern))];
    let (reason, detail) = match (pattern, kind) {
        (_, ShapeKind::Enum(_)) => return built,
        (Value::String(source), ShapeKind::String) => match patterns.index(source) {
            Ok(index) => {
                built.pattern = Some(index);
                return built;
            }
            Err(refusal) => (refusal.reason().to_owned(), Some(refusal.detail().to_owned())),
        },
        (_, ShapeKind::String) => ("it is not a string".to_owned(), None),
        (_, kind) => {
            let reason =
                format!("only strings take a `pattern`, and this shape is {}", kind_name(kind));
            (reason, None)
        }
    };
    built.unchecked.push(Unchecked { settings: setting, reason, detail });
    built
}

const LENGTH: &str = "it is not a length (a whole number, at least 0)";
const WHOLE: &str = "it is not a whole number in i64's range";
const NUMBER: &str = "it is not a number";

/// A shape's `min` and `max`, each read by `read`. A bound it cannot read is left unchecked
/// (`unreadable` says why); so are both bounds when `min` is above `max`: checking them would
/// refuse every value, and nothing says which of the two the model got wrong.
fn bounds<T: PartialOrd + Copy>(
    shape: &model::Shape,
    read: fn(&Value) -> Option<T>,
    unreadable: &str,
    unchecked: &mut Vec<Unchecked>,
) -> (Option<T>, Option<T>) {
    let mut bound = |key: &str, value: Option<&Value>| {
        let value = value?;
        let bound = read(value);
        if bound.is_none() {
            let settings = vec![(key.to_owned(), value.to_string())];
            unchecked.push(Unchecked { settings, reason: unreadable.to_owned(), detail: None });
        }
        bound
    };
    let (min, max) = (bound("min", shape.min.as_ref()), bound("max", shape.max.as_ref()));
    match (min, max, &shape.min, &shape.max) {
        (Some(low), Some(high), Some(min), Some(max)) if low > high => {
            unchecked.push(Unchecked {
                settings: vec![
                    ("min".to_owned(), min.to_string()),
                    ("max".to_owned(), max.to_string()),
                ],
                reason: "`min` is more than `max`, so no value would be valid".to_owned(),
                detail: None,
            });
            (None, None)
        }
        _ => (min, max),
    }
}

/// A pattern as the model writes it: a string as itself, anything else as its JSON text. (Bounds
/// are always JSON text: `-1`, `"1"`.)
fn written(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The kind of shape, with its article: "a structure", "an integer".
fn kind_name(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Structure(_) => "a structure",
        ShapeKind::Union(_) => "a union",
        ShapeKind::Document => "a document",
        ShapeKind::Enum(_) => "a string enum",
        ShapeKind::IntEnum(_) => "an integer enum",
        ShapeKind::List { .. } => "a list",
        ShapeKind::Map { .. } => "a map",
        ShapeKind::String => "a string",
        ShapeKind::Integer => "an integer",
        ShapeKind::Long => "a long",
        ShapeKind::Float => "a float",
        ShapeKind::Double => "a double",
        ShapeKind::Boolean => "a boolean",
        ShapeKind::Blob => "a blob",
        ShapeKind::Timestamp(_) => "a timestamp",
    }
}
