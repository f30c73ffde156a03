//! A structure whose required members lead back to itself has no value: building one needs
//! one already built. Such a type compiles (the cycle pass boxes it) but nobody can construct
//! it, and no response could ever decode into it, so the model is refused.

use super::{Member, Shape, ShapeId, ShapeKind, Structure};
use crate::error::Problem;

/// Longer walks are cut short: a huge cycle would otherwise give every shape in it a message
/// as long as the cycle.
const MAX_STEPS: usize = 8;

/// Records a problem for every structure or union that no finite value can fill.
///
/// Each such shape is reported, not each cycle once: every one of them is a type nobody can
/// construct, a model author looks for the shape they are editing, and the message walks from
/// that shape to the cycle so that it reads on its own.
pub fn check(shapes: &[Shape], problems: &mut Vec<Problem>) {
    let buildable = buildable(shapes);
    for (index, shape) in shapes.iter().enumerate() {
        if !buildable[index] {
            let message = format!("no value can be built: {}", explain(shapes, &buildable, index));
            problems.push(Problem::shape(&shape.wire_name, message));
        }
    }
}

/// The members a value of `shape` cannot do without: every required member of a structure,
/// any one member of a union.
fn needs(shape: &Shape) -> Needs<'_> {
    match &shape.kind {
        ShapeKind::Structure(Structure { members, .. }) => {
            Needs::All(members.iter().filter(|member| member.required).collect())
        }
        // A union without members is reported as such elsewhere; once is enough.
        ShapeKind::Union(members) if !members.is_empty() => Needs::AnyOf(members),
        _ => Needs::All(Vec::new()),
    }
}

enum Needs<'a> {
    All(Vec<&'a Member>),
    AnyOf(&'a [Member]),
}

/// The least fixpoint: a shape is buildable once what it needs is. A worklist over the
/// reverse edges, so it is linear and never recurses.
fn buildable(shapes: &[Shape]) -> Vec<bool> {
    let mut waiting_for: Vec<usize> = Vec::with_capacity(shapes.len());
    let mut dependents: Vec<Vec<ShapeId>> = vec![Vec::new(); shapes.len()];
    for (index, shape) in shapes.iter().enumerate() {
        let (members, waits) = match needs(shape) {
            Needs::All(members) => {
                let count = members.len();
                (members, count)
            }
            Needs::AnyOf(members) => (members.iter().collect(), 1),
        };
        waiting_for.push(waits);
        for member in members {
            dependents[member.target.0].push(ShapeId(index));
        }
    }
    let mut buildable = vec![false; shapes.len()];
    let mut ready: Vec<usize> =
        (0..shapes.len()).filter(|&index| waiting_for[index] == 0).collect();
    while let Some(index) = ready.pop() {
        if buildable[index] {
            continue;
        }
        buildable[index] = true;
        for dependent in &dependents[index] {
            // A union needs one buildable member; later ones find it already at zero.
            let waits = &mut waiting_for[dependent.0];
            *waits = waits.saturating_sub(1);
            if *waits == 0 && !buildable[dependent.0] {
                ready.push(dependent.0);
            }
        }
    }
    buildable
}

/// Walks from `start` along members that cannot be filled until a shape repeats, saying why
/// each step is needed: "required member `B` needs `B`, whose required member `A` needs `A`
/// again". Every unbuildable shape has such a member, so the walk always ends in a cycle.
fn explain(shapes: &[Shape], buildable: &[bool], start: usize) -> String {
    let mut visited = vec![start];
    let mut steps: Vec<String> = Vec::new();
    let mut current = start;
    while let Some((member, step)) = blocking_member(shapes, buildable, current) {
        let target = member.target.0;
        let again = if visited.contains(&target) { " again" } else { "" };
        let target_name = &shapes[target].wire_name;
        steps.push(format!("{step} `{}` needs `{target_name}`{again}", member.model_name));
        if !again.is_empty() {
            break;
        }
        if steps.len() == MAX_STEPS {
            steps.push("… (and so on)".to_owned());
            break;
        }
        visited.push(target);
        current = target;
    }
    steps.join(", whose ")
}

/// The first member of an unbuildable shape whose target is unbuildable too, and how to say
/// why it matters.
fn blocking_member<'a>(
    shapes: &'a [Shape],
    buildable: &[bool],
    shape: usize,
) -> Option<(&'a Member, &'static str)> {
    let blocked = |member: &&Member| !buildable[member.target.0];
    match needs(&shapes[shape]) {
        Needs::All(members) => members.into_iter().find(blocked).map(|m| (m, "required member")),
        Needs::AnyOf([only]) => Some((only, "only member")),
        Needs::AnyOf(members) => members
            .iter()
            .find(blocked)
            .map(|m| (m, "members all need shapes that cannot be built either; member")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A member: name, target, required.
    type MemberRow<'a> = (&'a str, &'a str, bool);
    /// A shape: name and members.
    type ShapeRow<'a> = (&'a str, &'a [MemberRow<'a>]);

    /// A shape table from a compact description: `("A", &[("B", "B", true)])` is structure `A`
    /// with a required member `B` of type `B`; a name starting with `U` is a union, `S` a
    /// string, `L` a list of the first member's target.
    fn shapes(table: &[ShapeRow]) -> Vec<Shape> {
        let id = |name: &str| ShapeId(table.iter().position(|(n, _)| *n == name).unwrap());
        let members = |members: &[MemberRow]| -> Vec<Member> {
            let member = |&(name, target, required): &MemberRow| Member {
                model_name: name.to_owned(),
                wire_name: name.to_owned(),
                rust_name: name.to_owned(),
                renamed: None,
                target: id(target),
                required,
                boxed: false,
                docs: None,
                deprecated: None,
                timestamp_format: None,
                json_value: false,
                host_label: false,
                idempotency_token: false,
            };
            members.iter().map(member).collect()
        };
        let kind = |name: &str, list: &[MemberRow]| match name.as_bytes()[0] {
            b'U' => ShapeKind::Union(members(list)),
            b'S' => ShapeKind::String,
            b'L' => ShapeKind::List {
                member: super::super::Element {
                    target: id(list[0].1),
                    timestamp_format: None,
                    json_value: false,
                },
            },
            _ => ShapeKind::Structure(Structure { members: members(list), exception: false }),
        };
        let shape = |&(name, list): &ShapeRow| Shape {
            wire_name: name.to_owned(),
            rust_name: name.to_owned(),
            renamed: None,
            docs: None,
            sensitive: false,
            deprecated: None,
            kind: kind(name, list),
            constraints: Default::default(),
        };
        table.iter().map(shape).collect()
    }

    fn problems(table: &[ShapeRow]) -> Vec<String> {
        let mut problems = Vec::new();
        check(&shapes(table), &mut problems);
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn table() {
        type Case<'a> = (&'a str, &'a [ShapeRow<'a>], &'a [&'a str]);
        let cases: &[Case] = &[
            ("a structure of scalars", &[("A", &[("Name", "S", true)]), ("S", &[])], &[]),
            ("an optional member breaks the cycle", &[("A", &[("Next", "A", false)])], &[]),
            (
                "a required member of itself",
                &[("A", &[("Next", "A", true)])],
                &["shape `A`: no value can be built: required member `Next` needs `A` again"],
            ),
            (
                "two structures requiring each other",
                &[("A", &[("B", "B", true)]), ("B", &[("A", "A", true)])],
                &[
                    "shape `A`: no value can be built: required member `B` needs `B`, whose \
                     required member `A` needs `A` again",
                    "shape `B`: no value can be built: required member `A` needs `A`, whose \
                     required member `B` needs `B` again",
                ],
            ),
            (
                "a shape leading into a cycle is named with the way in",
                &[("A", &[("Loop", "B", true)]), ("B", &[("Me", "B", true)])],
                &[
                    "shape `A`: no value can be built: required member `Loop` needs `B`, whose \
                     required member `Me` needs `B` again",
                    "shape `B`: no value can be built: required member `Me` needs `B` again",
                ],
            ),
            (
                "a list can be empty",
                &[("A", &[("Items", "L", true)]), ("L", &[("member", "A", true)])],
                &[],
            ),
            (
                "a union with one way out",
                &[
                    ("A", &[("Choice", "U", true)]),
                    ("U", &[("Again", "A", false), ("Text", "S", false)]),
                    ("S", &[]),
                ],
                &[],
            ),
            (
                "a union whose only member needs it",
                &[("A", &[("Choice", "U", true)]), ("U", &[("Again", "A", false)])],
                &[
                    "shape `A`: no value can be built: required member `Choice` needs `U`, whose \
                     only member `Again` needs `A` again",
                    "shape `U`: no value can be built: only member `Again` needs `A`, whose \
                     required member `Choice` needs `U` again",
                ],
            ),
            (
                "a union whose members all need it",
                &[
                    ("U", &[("A", "A", false), ("B", "B", false)]),
                    ("A", &[("U", "U", true)]),
                    ("B", &[("U", "U", true)]),
                ],
                &[
                    "shape `U`: no value can be built: members all need shapes that cannot be built \
                     either; member `A` needs `A`, whose required member `U` needs `U` again",
                    "shape `A`: no value can be built: required member `U` needs `U`, whose \
                     members all need shapes that cannot be built either; member `A` needs `A` \
                     again",
                    "shape `B`: no value can be built: required member `U` needs `U`, whose \
                     members all need shapes that cannot be built either; member `A` needs `A`, \
                     whose required member `U` needs `U` again",
                ],
            ),
            ("a union without members is left to its own check", &[("U", &[])], &[]),
        ];
        for (what, table, expected) in cases {
            assert_eq!(problems(table), *expected, "{what}");
        }
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let names: Vec<String> = (0..100_000).map(|index| format!("A{index}")).collect();
        let mut shapes = shapes(&[("A", &[("Next", "A", true)])]);
        let template = shapes.remove(0);
        let shapes: Vec<Shape> = names
            .iter()
            .enumerate()
            .map(|(index, name)| {
                let mut shape = template.clone();
                shape.wire_name.clone_from(name);
                if let ShapeKind::Structure(Structure { members, .. }) = &mut shape.kind {
                    members[0].target = ShapeId((index + 1) % names.len());
                    members[0].required = index + 1 < names.len();
                }
                shape
            })
            .collect();
        let mut problems = Vec::new();
        check(&shapes, &mut problems);
        assert!(problems.is_empty());
    }

    #[test]
    fn a_long_cycle_is_explained_in_a_few_steps() {
        let names: Vec<String> = (0..20).map(|index| format!("A{index}")).collect();
        let members: Vec<[MemberRow; 1]> = (0..names.len())
            .map(|index| [("Next", names[(index + 1) % names.len()].as_str(), true)])
            .collect();
        let table: Vec<ShapeRow> = names
            .iter()
            .zip(&members)
            .map(|(name, members)| (name.as_str(), &members[..]))
            .collect();
        let problems = problems(&table);
        assert_eq!(problems.len(), 20);
        assert_eq!(
            problems[0],
            "shape `A0`: no value can be built: required member `Next` needs `A1`, whose required \
             member `Next` needs `A2`, whose required member `Next` needs `A3`, whose required \
             member `Next` needs `A4`, whose required member `Next` needs `A5`, whose required \
             member `Next` needs `A6`, whose required member `Next` needs `A7`, whose required \
             member `Next` needs `A8`, whose … (and so on)"
        );
    }
}
