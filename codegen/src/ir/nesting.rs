//! Lists and maps must bottom out: a list that contains itself with no structure in between
//! has no Rust type, and the emitter walks container nesting recursively.

use super::{Shape, ShapeId, ShapeKind};
use crate::error::Problem;

/// Deeper container nesting than this is refused rather than walked.
const MAX_DEPTH: usize = 32;

/// Records a problem for each list or map that contains itself or nests too deeply.
pub fn check(shapes: &[Shape], problems: &mut Vec<Problem>) {
    for (index, shape) in shapes.iter().enumerate() {
        if !is_container(shape) {
            continue;
        }
        let mut level = vec![ShapeId(index)];
        for _ in 0..MAX_DEPTH {
            level = level.iter().flat_map(|id| children(&shapes[id.0])).collect();
            level.sort();
            level.dedup();
            if level.contains(&ShapeId(index)) {
                let message = "contains itself through lists and maps only, so it has no Rust \
                               type (a structure must come in between)";
                problems.push(Problem::shape(&shape.wire_name, message));
                break;
            }
            if level.is_empty() {
                break;
            }
        }
        if !level.is_empty() && !level.contains(&ShapeId(index)) {
            let message = format!("nests lists and maps more than {MAX_DEPTH} levels deep");
            problems.push(Problem::shape(&shape.wire_name, message));
        }
    }
}

fn is_container(shape: &Shape) -> bool {
    matches!(shape.kind, ShapeKind::List { .. } | ShapeKind::Map { .. })
}

/// The containers directly inside a container.
fn children(shape: &Shape) -> Vec<ShapeId> {
    match shape.kind {
        ShapeKind::List { member } => vec![member],
        ShapeKind::Map { key, value } => vec![key, value],
        _ => Vec::new(),
    }
}
