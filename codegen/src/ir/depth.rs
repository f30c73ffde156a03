//! How deep a model's values nest, counted in the levels of Rust types the compiler walks to
//! prove a type `Send`, `Sync` or `UnwindSafe`: through every field of every type inside it,
//! `std`'s own included (a `BTreeMap` is ten levels on the way to its values). rustc gives up
//! past its `recursion_limit`, 128 unless a crate raises it, so a model nesting deeper would
//! generate code that does not build, or builds and fails in the code that uses it. The bound
//! also keeps every walk over a model (the changelog of `codegen diff`, type literals) far from
//! the end of a stack, for every command alike.

use super::{Element, Member, Shape, ShapeKind};
use crate::error::Problem;

/// Deeper values than this, in type levels, are refused. The rest of rustc's 128 is room for
/// the generated error and operation types around them and for the user's own (a `Vec` of
/// `Result`s held by a future is about ten more). Of the 130 botocore JSON models the generator
/// takes, the deepest nests 65: Amazon Keyspaces Streams' `GetRecordsOutput`, whose cell values
/// are unions that keep unknown members as documents.
pub const MAX_TYPE_DEPTH: usize = 96;

/// rustc's default `recursion_limit`.
const RUSTC_RECURSION_LIMIT: usize = 128;

/// The levels rustc walks through a value of a shape's own type before it reaches the types of
/// its members, elements or values, rounded up from what rustc 1.95 reports in its overflow
/// errors (a chain of optional structures fails at 60 of them, of lists at 25, of maps at 11).
fn own_levels(kind: &ShapeKind) -> usize {
    match kind {
        ShapeKind::Structure(_)
        | ShapeKind::Union(_)
        | ShapeKind::Integer
        | ShapeKind::Long
        | ShapeKind::Float
        | ShapeKind::Double
        | ShapeKind::Boolean => 1,
        ShapeKind::Timestamp(_) => 2,
        // `UnknownValue` holds the value a newer service sends.
        ShapeKind::IntEnum(_) => 3,
        ShapeKind::String | ShapeKind::Blob => 4,
        ShapeKind::Enum(_) => 6,
        ShapeKind::List { .. } => LIST,
        ShapeKind::Map { .. } => MAP,
        // serde_json::Value: a map of values.
        ShapeKind::Document => DOCUMENT,
    }
}

/// Vec, RawVec, PhantomData.
const LIST: usize = 3;
/// BTreeMap, its root's Option, NodeRef, NonNull, LeafNode, the array of MaybeUninit…
const MAP: usize = 10;
/// A `serde_json::Value`, with the map and the list it holds values in. The runtime makes the
/// map an `IndexMap` (serde_json's `preserve_order`), which rustc walks one optional structure
/// deeper than a `BTreeMap` (a `Send` bound holds through 59 optional structures ending in a
/// `Value`, not 60): still well inside this.
const DOCUMENT: usize = 20;
/// How a union's variant for members the model does not list shows in a path.
const UNKNOWN_MEMBER: &str = "<unknown member>";
/// The `Option` an optional member is held in.
const OPTIONAL: usize = 1;
/// The `Box` that holds the member closing a cycle: Box, Unique, NonNull, the pointer.
const BOXED: usize = 4;

/// One step from a shape's values to what they hold.
struct Step<'a> {
    /// The shape held, or `None` for a document that is no shape's: a `jsonvalue`'s, or the
    /// one a union keeps an unknown member in.
    child: Option<usize>,
    /// Levels between the holder's type and the child's: its `Option`, and a document's own.
    levels: usize,
    /// The member's name (`member`, `key` and `value` for lists and maps, as models write).
    name: &'a str,
}

/// The step to what a member, list element or map value holds: a `jsonvalue` holds a document.
fn held(element: Element, optional: bool, name: &str) -> Step<'_> {
    let option = if optional { OPTIONAL } else { 0 };
    Step {
        child: (!element.json_value).then_some(element.target.0),
        levels: option + if element.json_value { DOCUMENT } else { 0 },
        name,
    }
}

fn member_step(member: &Member, optional: bool) -> Step<'_> {
    held(member.element(), optional, &member.model_name)
}

fn steps(shape: &Shape) -> Vec<Step<'_>> {
    match &shape.kind {
        ShapeKind::Structure(structure) => {
            (structure.members.iter()).map(|member| member_step(member, !member.required)).collect()
        }
        ShapeKind::Union(members) => {
            let mut steps: Vec<Step> =
                members.iter().map(|member| member_step(member, false)).collect();
            // The variant that keeps a member the model does not list: its name and a document.
            steps.push(Step { child: None, levels: 1 + DOCUMENT, name: UNKNOWN_MEMBER });
            steps
        }
        ShapeKind::List { member } => vec![held(*member, false, "member")],
        ShapeKind::Map { key, value } => {
            vec![Step { child: Some(key.0), levels: 0, name: "key" }, held(*value, false, "value")]
        }
        _ => Vec::new(),
    }
}

/// Records one problem, at the shape whose values nest deepest, if that is past
/// [`MAX_TYPE_DEPTH`].
///
/// Inside a cycle rustc stops where a type repeats, so a walk from any shape takes each shape
/// of its strongly connected component once at most: the bound of a component is all its
/// shapes' levels (each with its deepest step inside), its box, and its deepest step out.
/// Linear, and without recursion.
pub fn check(shapes: &[Shape], problems: &mut Vec<Problem>) {
    let steps: Vec<Vec<Step>> = shapes.iter().map(steps).collect();
    let edges: Vec<Vec<usize>> =
        steps.iter().map(|steps| steps.iter().filter_map(|step| step.child).collect()).collect();
    let (component, count) = components(&edges);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (shape, &c) in component.iter().enumerate() {
        members[c].push(shape);
    }
    // Tarjan numbers components so that every edge leads to a lower number: the bound below a
    // component is known before its own. `deepest_out` keeps the step out that gives it.
    let mut bound = vec![0_usize; count];
    let mut deepest_out: Vec<Option<(usize, usize)>> = vec![None; count];
    let mut cycles = vec![false; count];
    for c in 0..count {
        let mut inside = 0_usize;
        let mut cyclic = false;
        let mut out = 0_usize;
        for &shape in &members[c] {
            let mut deepest_inside = 0;
            for (index, step) in steps[shape].iter().enumerate() {
                match step.child.map(|child| component[child]) {
                    Some(other) if other == c => {
                        cyclic = true;
                        deepest_inside = deepest_inside.max(step.levels);
                    }
                    below => {
                        let levels = step.levels.saturating_add(below.map_or(0, |b| bound[b]));
                        if levels >= out {
                            out = levels;
                            deepest_out[c] = Some((shape, index));
                        }
                    }
                }
            }
            inside = inside
                .saturating_add(own_levels(&shapes[shape].kind))
                .saturating_add(deepest_inside);
        }
        cycles[c] = cyclic;
        let boxed = if cyclic { BOXED } else { 0 };
        bound[c] = inside.saturating_add(boxed).saturating_add(out);
    }
    let deepest =
        (0..shapes.len()).max_by_key(|&shape| (bound[component[shape]], usize::MAX - shape));
    if let Some(shape) = deepest.filter(|&shape| bound[component[shape]] > MAX_TYPE_DEPTH) {
        let depth = bound[component[shape]];
        let components = Components { of: &component, members: &members, cycles: &cycles };
        let path = deepest_path(shapes, &steps, &components, &deepest_out, shape);
        problems.push(Problem::shape(
            &shapes[shape].wire_name,
            format!(
                "its values nest {depth} levels of Rust types deep ({path}), more than the \
                 {MAX_TYPE_DEPTH} the generator takes: rustc proves a type `Send` or `Sync` \
                 through {RUSTC_RECURSION_LIMIT} levels (its default `recursion_limit`), and \
                 code using the types needs some of them (each map takes about {MAP}, a list \
                 {LIST}, a structure 1 and an optional member {OPTIONAL})"
            ),
        ));
    }
}

/// The strongly connected components of the shapes.
struct Components<'a> {
    /// Each shape's component.
    of: &'a [usize],
    /// Each component's shapes.
    members: &'a [Vec<usize>],
    /// Whether a component's shapes hold each other.
    cycles: &'a [bool],
}

/// The way down from `shape` that nests deepest, as `Shape.member` steps and cycles: the first
/// few and the last, and how many are left out between.
fn deepest_path(
    shapes: &[Shape],
    steps: &[Vec<Step>],
    components: &Components,
    deepest_out: &[Option<(usize, usize)>],
    shape: usize,
) -> String {
    const SHOWN: usize = 4;
    let mut path = Vec::new();
    let mut current = Some(shape);
    while let Some(at) = current {
        let c = components.of[at];
        if components.cycles[c] {
            let size = components.members[c].len();
            let name = &shapes[at].wire_name;
            let shapes = if size == 1 { "shape" } else { "shapes" };
            path.push(format!("a cycle of {size} {shapes} through {name}"));
        }
        let Some((holder, index)) = deepest_out[c] else { break };
        let step = &steps[holder][index];
        path.push(format!("{}.{}", shapes[holder].wire_name, step.name));
        current = step.child;
    }
    if path.len() > SHOWN + 1 {
        let left_out = path.len() - SHOWN - 1;
        let last = path.pop().unwrap_or_default();
        path.truncate(SHOWN);
        path.push(format!("… {left_out} more …"));
        path.push(last);
    }
    path.join(" → ")
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
    use super::MAX_TYPE_DEPTH;
    use serde_json::json;

    /// A model whose input is a chain of `length` structures, each holding the next in `Next`
    /// (required or not).
    pub fn chain(length: usize, required: bool) -> serde_json::Value {
        let mut shapes = serde_json::Map::new();
        for i in 0..length {
            let shape = if i + 1 < length {
                let mut shape = json!({"type": "structure", "members": {"Next": {"shape": format!("S{}", i + 1)}}});
                if required {
                    shape["required"] = json!(["Next"]);
                }
                shape
            } else {
                json!({"type": "structure", "members": {}})
            };
            shapes.insert(format!("S{i}"), shape);
        }
        json!({
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

    /// The tail every refusal ends with.
    const WHY: &str = "more than the 96 the generator takes: rustc proves a type `Send` or \
        `Sync` through 128 levels (its default `recursion_limit`), and code using the types \
        needs some of them (each map takes about 10, a list 3, a structure 1 and an optional \
        member 1)";

    #[test]
    fn optional_structures_take_two_levels_each_and_one_past_the_bound_is_refused_once() {
        assert_eq!(MAX_TYPE_DEPTH, 96);
        // Each structure is 1 and its `Option` 1; the last has no member.
        assert_eq!(problems(&chain(48, false)), Vec::<String>::new());
        assert_eq!(
            problems(&chain(49, false)),
            [format!(
                "shape `S0`: its values nest 97 levels of Rust types deep (S0.Next → S1.Next → \
                 S2.Next → S3.Next → … 43 more … → S47.Next), {WHY}"
            )]
        );
    }

    #[test]
    fn required_members_take_no_option() {
        assert_eq!(problems(&chain(96, true)), Vec::<String>::new());
        let found = problems(&chain(97, true));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("shape `S0`: its values nest 97 levels"), "{found:?}");
    }

    /// `S0` holds a map of lists of `S1`, which holds the same of `S2`, and so on.
    fn maps_of_lists(length: usize) -> serde_json::Value {
        let mut model = chain(length, false);
        for i in 0..length - 1 {
            let (map, list) = (format!("M{i}"), format!("L{i}"));
            model["shapes"][&list] =
                json!({"type": "list", "member": {"shape": format!("S{}", i + 1)}});
            model["shapes"][&map] =
                json!({"type": "map", "key": {"shape": "K"}, "value": {"shape": list}});
            model["shapes"][format!("S{i}")]["members"]["Next"]["shape"] = json!(map);
        }
        model["shapes"]["K"] = json!({"type": "string"});
        model
    }

    #[test]
    fn maps_and_lists_take_what_std_types_take() {
        // 1 + 1 + 10 + 3 = 15 a level, and 1 for the last structure: 6 levels are 91.
        assert_eq!(problems(&maps_of_lists(7)), Vec::<String>::new());
        assert_eq!(
            problems(&maps_of_lists(8)),
            [format!(
                "shape `S0`: its values nest 106 levels of Rust types deep (S0.Next → M0.value → \
                 L0.member → S1.Next → … 16 more … → L6.member), {WHY}"
            )]
        );
    }

    #[test]
    fn a_cycle_counts_all_its_shapes_and_its_box() {
        // 46 structures, each 2, and the box that closes the cycle: 96.
        let mut model = chain(46, false);
        model["shapes"]["S45"]["members"] = json!({"Back": {"shape": "S0"}});
        assert_eq!(problems(&model), Vec::<String>::new());
        let mut model = chain(47, false);
        model["shapes"]["S46"]["members"] = json!({"Back": {"shape": "S0"}});
        let found = problems(&model);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found,
            [format!(
                "shape `S0`: its values nest 98 levels of Rust types deep (a cycle of 47 shapes \
                 through S0), {WHY}"
            )]
        );
    }

    #[test]
    fn a_jsonvalue_member_is_a_document_whatever_its_shape() {
        // 37 optional structures (74), then the last (1) with an optional `jsonvalue` (1 + 20).
        let mut model = chain(38, false);
        model["shapes"]["S37"]["members"] = json!({"Json": {"shape": "Text", "jsonvalue": true}});
        model["shapes"]["Text"] = json!({"type": "string"});
        assert_eq!(problems(&model), Vec::<String>::new());
        let mut model = chain(39, false);
        model["shapes"]["S38"]["members"] = json!({"Json": {"shape": "Text", "jsonvalue": true}});
        model["shapes"]["Text"] = json!({"type": "string"});
        let found = problems(&model);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("nest 98 levels")
                && found[0].ends_with(&format!("→ S38.Json), {WHY}")),
            "{found:?}"
        );
    }

    /// A chain of `length` optional structures whose last holds, in `Json`, a list of
    /// `jsonvalue` strings or a map of them.
    fn ending_in_json_values(length: usize, container: serde_json::Value) -> serde_json::Value {
        let mut model = chain(length, false);
        model["shapes"][format!("S{}", length - 1)]["members"] = json!({"Json": {"shape": "C"}});
        model["shapes"]["C"] = container;
        model["shapes"]["Text"] = json!({"type": "string"});
        model
    }

    #[test]
    fn a_jsonvalue_list_element_or_map_value_is_a_document() {
        let list = json!({"type": "list", "member": {"shape": "Text", "jsonvalue": true}});
        // 35 optional structures (70), the last (1), its optional list (1 + 3) of documents (20).
        assert_eq!(problems(&ending_in_json_values(36, list.clone())), Vec::<String>::new());
        assert_eq!(
            problems(&ending_in_json_values(37, list)),
            [format!(
                "shape `S0`: its values nest 97 levels of Rust types deep (S0.Next → S1.Next → \
                 S2.Next → S3.Next → … 33 more … → C.member), {WHY}"
            )]
        );
        let map = json!({"type": "map", "key": {"shape": "Text"},
            "value": {"shape": "Text", "jsonvalue": true}});
        // 32 optional structures (64), the last (1), its optional map (1 + 10) of documents.
        assert_eq!(problems(&ending_in_json_values(33, map.clone())), Vec::<String>::new());
        let found = problems(&ending_in_json_values(34, map));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("nest 98 levels")
                && found[0].ends_with(&format!("→ C.value), {WHY}")),
            "{found:?}"
        );
    }
}
