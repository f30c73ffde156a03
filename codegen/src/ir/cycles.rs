//! Boxing the members that close cycles of structures.
//!
//! A structure or union that contains itself, directly or through other structures and unions,
//! has no size in Rust. Lists and maps already put their elements on the heap, so only direct
//! members between structures and unions count. A depth-first walk in shape order marks each back edge; boxing every back
//! edge breaks every cycle, and the walk order makes the choice deterministic.

use super::{Member, Shape, ShapeId, ShapeKind, Structure};

#[derive(Clone, Copy, PartialEq)]
enum Visit {
    New,
    OnStack,
    Done,
}

/// Sets `boxed` on the members that close a cycle.
pub fn box_cycles(shapes: &mut [Shape]) {
    let mut state = vec![Visit::New; shapes.len()];
    let mut back_edges = Vec::new();
    for start in 0..shapes.len() {
        if state[start] == Visit::New {
            walk(shapes, ShapeId(start), &mut state, &mut back_edges);
        }
    }
    for (shape, member) in back_edges {
        if let ShapeKind::Structure(Structure { members, .. }) | ShapeKind::Union(members) =
            &mut shapes[shape.0].kind
        {
            members[member].boxed = true;
        }
    }
}

fn members(shape: &Shape) -> &[Member] {
    match &shape.kind {
        ShapeKind::Structure(Structure { members, .. }) | ShapeKind::Union(members) => members,
        _ => &[],
    }
}

/// The members of `shape` whose target is a structure or union, by index.
fn structure_edges(shapes: &[Shape], shape: ShapeId) -> Vec<(usize, ShapeId)> {
    members(&shapes[shape.0])
        .iter()
        .enumerate()
        .filter(|(_, member)| {
            matches!(shapes[member.target.0].kind, ShapeKind::Structure(_) | ShapeKind::Union(_))
        })
        .map(|(index, member)| (index, member.target))
        .collect()
}

/// Iterative depth-first walk, so a deep chain of shapes cannot overflow the stack.
fn walk(
    shapes: &[Shape],
    start: ShapeId,
    state: &mut [Visit],
    back_edges: &mut Vec<(ShapeId, usize)>,
) {
    let mut stack = vec![(start, structure_edges(shapes, start), 0)];
    state[start.0] = Visit::OnStack;
    while let Some((shape, edges, next)) = stack.last_mut() {
        let Some(&(member, target)) = edges.get(*next) else {
            state[shape.0] = Visit::Done;
            stack.pop();
            continue;
        };
        *next += 1;
        let shape = *shape;
        match state[target.0] {
            Visit::OnStack => back_edges.push((shape, member)),
            Visit::Done => {}
            Visit::New => {
                state[target.0] = Visit::OnStack;
                stack.push((target, structure_edges(shapes, target), 0));
            }
        }
    }
}
