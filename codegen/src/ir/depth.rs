//! How deep a model's shapes can nest: walks over a model (the changelog of `codegen diff`,
//! its type literals) follow members, list elements and map entries one call deeper each, so a
//! model past a bound is refused here, for every command alike, instead of overflowing a stack.

use super::{Shape, ShapeKind};
use crate::error::Problem;

/// Deeper nesting than this is refused. Real models nest a few dozen levels at most.
pub const MAX_NESTING: usize = 1_000;

/// Records one problem, at the shape below which shapes nest deepest, if that is past
/// [`MAX_NESTING`].
///
/// A walk that never enters a shape already on its path goes at most as deep as the longest
/// path through the strongly connected components below its start, each component counted
/// with all its shapes. That bound is what is checked: linear, and without recursion.
pub fn check(shapes: &[Shape], problems: &mut Vec<Problem>) {
    let edges: Vec<Vec<usize>> = shapes.iter().map(children).collect();
    let (component, count) = components(&edges);
    let mut size = vec![0_usize; count];
    for &c in &component {
        size[c] += 1;
    }
    // Tarjan numbers components so that every edge leads to a lower number: the deepest bound
    // below a component is known before its own.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (shape, &c) in component.iter().enumerate() {
        members[c].push(shape);
    }
    let mut bound = vec![0_usize; count];
    for c in 0..count {
        let below = (members[c].iter())
            .flat_map(|&shape| &edges[shape])
            .map(|&child| component[child])
            .filter(|&other| other != c)
            .map(|other| bound[other])
            .max()
            .unwrap_or(0);
        bound[c] = size[c].saturating_add(below);
    }
    let deepest =
        (0..shapes.len()).max_by_key(|&shape| (bound[component[shape]], usize::MAX - shape));
    if let Some(shape) = deepest.filter(|&shape| bound[component[shape]] > MAX_NESTING) {
        let depth = bound[component[shape]];
        problems.push(Problem::shape(
            &shapes[shape].wire_name,
            format!(
                "shapes nest up to {depth} levels deep below it (through members, lists and \
                 maps), more than the {MAX_NESTING} the generator takes"
            ),
        ));
    }
}

/// The shapes a shape's values hold directly.
fn children(shape: &Shape) -> Vec<usize> {
    match &shape.kind {
        ShapeKind::Structure(structure) => structure.members.iter().map(|m| m.target.0).collect(),
        ShapeKind::Union(members) => members.iter().map(|member| member.target.0).collect(),
        ShapeKind::List { member } => vec![member.target.0],
        ShapeKind::Map { key, value } => vec![key.0, value.target.0],
        _ => Vec::new(),
    }
}

/// Tarjan's strongly connected components, iterative: the component of each shape, and how
/// many there are. Components come out children first.
fn components(edges: &[Vec<usize>]) -> (Vec<usize>, usize) {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low, mut component) = (vec![UNSEEN; n], vec![0; n], vec![UNSEEN; n]);
    let (mut on_stack, mut stack) = (vec![false; n], Vec::new());
    let (mut next_index, mut count) = (0, 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (shape, how many of its edges are done)
        let mut calls = vec![(root, 0_usize)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(frame) = calls.last_mut() {
            let shape = frame.0;
            if let Some(&child) = edges[shape].get(frame.1) {
                frame.1 += 1;
                if index[child] == UNSEEN {
                    index[child] = next_index;
                    low[child] = next_index;
                    next_index += 1;
                    stack.push(child);
                    on_stack[child] = true;
                    calls.push((child, 0));
                } else if on_stack[child] {
                    low[shape] = low[shape].min(index[child]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[shape]);
            }
            if low[shape] == index[shape] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = count;
                    if member == shape {
                        break;
                    }
                }
                count += 1;
            }
        }
    }
    (component, count)
}

#[cfg(test)]
mod tests {
    use super::MAX_NESTING;

    /// A model whose input is a chain of `length` structures, each holding the next.
    pub fn chain(length: usize) -> serde_json::Value {
        let mut shapes = serde_json::Map::new();
        for i in 0..length {
            let members = if i + 1 < length {
                serde_json::json!({"Next": {"shape": format!("S{}", i + 1)}})
            } else {
                serde_json::json!({})
            };
            shapes.insert(
                format!("S{i}"),
                serde_json::json!({"type": "structure", "members": members}),
            );
        }
        serde_json::json!({
            "metadata": {"protocol": "json", "jsonVersion": "1.1", "targetPrefix": "T"},
            "operations": {"Go": {"name": "Go", "input": {"shape": "S0"}}},
            "shapes": shapes,
        })
    }

    fn problems(model: &serde_json::Value) -> Vec<String> {
        let model =
            crate::model::parse(model.to_string().as_bytes()).unwrap_or_else(|p| panic!("{p:?}"));
        match crate::ir::build(&model) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_chain_up_to_the_bound_is_taken_and_one_longer_is_refused_once() {
        assert_eq!(problems(&chain(MAX_NESTING)), Vec::<String>::new());
        assert_eq!(
            problems(&chain(MAX_NESTING + 1)),
            [
                "shape `S0`: shapes nest up to 1001 levels deep below it (through members, lists and \
              maps), more than the 1000 the generator takes"
            ]
        );
    }

    #[test]
    fn a_big_cycle_counts_all_its_shapes() {
        let mut model = chain(MAX_NESTING + 1);
        let last = format!("S{MAX_NESTING}");
        model["shapes"][&last]["members"] = serde_json::json!({"Back": {"shape": "S0"}});
        let found = problems(&model);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].ends_with("shapes nest up to 1001 levels deep below it (through members, lists and maps), more than the 1000 the generator takes"), "{found:?}");
    }
}
