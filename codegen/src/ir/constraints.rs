//! The model's constraints on values: `min`/`max` and `pattern`, checked and kept per shape.

use super::{Constraints, Pattern, Range, Shape, ShapeKind, ecmascript};
use crate::error::Problem;
use crate::model;
use serde_json::Number;

/// Reads every shape's constraints into `shapes`, and gives the distinct patterns (which
/// [`Constraints::pattern`] indexes), in the order shapes first use them.
pub(super) fn build(
    model: &model::Model,
    shapes: &mut [Shape],
    known: &[bool],
    problems: &mut Vec<Problem>,
) -> Vec<Pattern> {
    let mut patterns: Vec<Pattern> = Vec::new();
    for (shape, known) in shapes.iter_mut().zip(known) {
        let Some(source) = model.shapes.get(&shape.wire_name) else { continue };
        if !known {
            continue;
        }
        let name = shape.wire_name.clone();
        let mut problem = |message: String| problems.push(Problem::shape(&name, message));
        shape.constraints = constraints(&shape.kind, source, &mut patterns, &mut problem);
    }
    patterns
}

fn constraints(
    kind: &ShapeKind,
    shape: &model::Shape,
    patterns: &mut Vec<Pattern>,
    problem: &mut dyn FnMut(String),
) -> Constraints {
    let (min, max) = (shape.min.as_ref(), shape.max.as_ref());
    let mut built = Constraints::default();
    let bounded = min.is_some() || max.is_some();
    match kind {
        ShapeKind::String | ShapeKind::Blob | ShapeKind::List { .. } | ShapeKind::Map { .. }
            if bounded =>
        {
            let min = min.and_then(|min| length("min", min, problem));
            let max = max.and_then(|max| length("max", max, problem));
            ordered(min, max, problem);
            built.length = Some((min, max));
        }
        ShapeKind::Integer | ShapeKind::Long if bounded => {
            let min = min.and_then(|min| integer("min", min, problem));
            let max = max.and_then(|max| integer("max", max, problem));
            ordered(min, max, problem);
            built.range = Some(Range::Integer { min, max });
        }
        ShapeKind::Float | ShapeKind::Double if bounded => {
            let min = min.and_then(|min| float("min", min, problem));
            let max = max.and_then(|max| float("max", max, problem));
            ordered(min, max, problem);
            built.range = Some(Range::Float { min, max });
        }
        // An enum's values are what the model lists; its length and pattern say nothing more.
        ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {}
        _ if bounded => problem(format!(
            "has `min` or `max`, which only strings, blobs, lists, maps and numbers take, and it is a {}",
            kind_name(kind)
        )),
        _ => {}
    }
    match (&shape.pattern, kind) {
        (None, _) | (Some(_), ShapeKind::Enum(_)) => {}
        (Some(source), ShapeKind::String) => {
            built.pattern = pattern(source, patterns).map_err(problem).ok();
        }
        (Some(_), _) => problem(format!(
            "has a `pattern`, which only strings take, and it is a {}",
            kind_name(kind)
        )),
    }
    built
}

/// A `min` above its `max` is a problem: no value could be valid.
fn ordered<T: PartialOrd + std::fmt::Display>(
    min: Option<T>,
    max: Option<T>,
    problem: &mut dyn FnMut(String),
) {
    if let Some((min, max)) = min.zip(max).filter(|(min, max)| min > max) {
        problem(format!("`min` {min} is more than `max` {max}, so no value is valid"));
    }
}

/// The index of `source` among `patterns`, added (translated and compiled) if new.
fn pattern(source: &str, patterns: &mut Vec<Pattern>) -> Result<usize, String> {
    if let Some(index) = patterns.iter().position(|known| known.source == source) {
        return Ok(index);
    }
    let refused = |why: String| {
        format!("`pattern` `{source}` is not a regular expression the generator can check ({why})")
    };
    let ecmascript = ecmascript::translate(source).map_err(refused)?;
    ecmascript::compiles(&ecmascript).map_err(refused)?;
    patterns.push(Pattern { source: source.to_owned(), ecmascript });
    Ok(patterns.len() - 1)
}

/// A length bound: a whole number, not negative.
fn length(which: &str, bound: &Number, problem: &mut dyn FnMut(String)) -> Option<u64> {
    let value = bound.as_u64();
    if value.is_none() {
        problem(format!("`{which}` {bound} is not a length (a whole number, at least 0)"));
    }
    value
}

fn integer(which: &str, bound: &Number, problem: &mut dyn FnMut(String)) -> Option<i64> {
    let value = bound.as_i64();
    if value.is_none() {
        problem(format!(
            "`{which}` {bound} of an integer shape is not a whole number in i64's range"
        ));
    }
    value
}

fn float(which: &str, bound: &Number, problem: &mut dyn FnMut(String)) -> Option<f64> {
    let value = bound.as_f64();
    if value.is_none() {
        problem(format!("`{which}` {bound} is not a number"));
    }
    value
}

fn kind_name(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Structure(_) => "structure",
        ShapeKind::Union(_) => "union",
        ShapeKind::Document => "document",
        ShapeKind::Enum(_) => "string enum",
        ShapeKind::IntEnum(_) => "integer enum",
        ShapeKind::List { .. } => "list",
        ShapeKind::Map { .. } => "map",
        ShapeKind::String => "string",
        ShapeKind::Integer => "integer",
        ShapeKind::Long => "long",
        ShapeKind::Float => "float",
        ShapeKind::Double => "double",
        ShapeKind::Boolean => "boolean",
        ShapeKind::Blob => "blob",
        ShapeKind::Timestamp(_) => "timestamp",
    }
}
