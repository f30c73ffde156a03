//! Lists and maps must bottom out: a list that contains itself with no structure in between
//! has no Rust type, and the emitter walks container nesting recursively.

use super::{Shape, ShapeId, ShapeKind};
use crate::error::Problem;

/// Deeper container nesting than this is refused rather than walked.
const MAX_DEPTH: usize = 32;

/// Records a problem for each list or map that contains itself or nests too deeply.
pub fn check(shapes: &[Shape], problems: &mut Vec<Problem>) {
    for (index, shape) in shapes.iter().enumerate() {
        if is_container(shape) {
            if let Some(message) = problem(shapes, ShapeId(index)) {
                problems.push(Problem::shape(&shape.wire_name, message));
            }
        }
    }
}

/// Walks the containers inside `start`, one nesting level at a time.
fn problem(shapes: &[Shape], start: ShapeId) -> Option<String> {
    let mut level = vec![start];
    for _ in 0..MAX_DEPTH {
        level = level.iter().flat_map(|id| containers_inside(shapes, *id)).collect();
        level.sort();
        level.dedup();
        if level.contains(&start) {
            return Some(
                "contains itself through lists and maps only, so it has no Rust type \
                 (a structure must come in between)"
                    .to_owned(),
            );
        }
        if level.is_empty() {
            return None;
        }
    }
    Some(format!("nests lists and maps more than {MAX_DEPTH} levels deep"))
}

fn is_container(shape: &Shape) -> bool {
    matches!(shape.kind, ShapeKind::List { .. } | ShapeKind::Map { .. })
}

/// The lists and maps directly inside a list or map.
fn containers_inside(shapes: &[Shape], id: ShapeId) -> Vec<ShapeId> {
    let children = match shapes[id.0].kind {
        ShapeKind::List { member } => vec![member.target],
        ShapeKind::Map { key, value } => vec![key, value.target],
        _ => Vec::new(),
    };
    children.into_iter().filter(|child| is_container(&shapes[child.0])).collect()
}
