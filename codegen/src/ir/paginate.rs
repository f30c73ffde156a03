//! Paginators onto operations: every token, key and flag resolved to members and checked, so
//! that emitters can write the loop's accessors without asking anything.

use super::{Element, Member, Pagination, Service, ShapeId, ShapeKind, Step};
use crate::error::{Location, Problem};
use crate::model::{Paginator, Paginators};

/// Sets [`Operation::pagination`](super::Operation::pagination) from `paginators`, or reports
/// every paginator that does not fit the model. Paginators of operations the service does not
/// hold (left out by `--operations`) are skipped when `model_operations` has them; any other
/// name is a problem.
pub fn paginate(
    service: &mut Service,
    paginators: &Paginators,
    model_operations: &[&str],
) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    for (name, paginator) in &paginators.pagination {
        let problem = |message: String| Problem::new(Location::Paginator(name.clone()), message);
        let Some(index) = service.operations.iter().position(|op| op.wire_name == *name) else {
            if !model_operations.contains(&name.as_str()) {
                problems.push(problem("the model has no operation of this name".to_owned()));
            }
            continue;
        };
        let operation = &service.operations[index];
        match resolve(service, operation.input, operation.output, paginator) {
            Ok(pagination) => service.operations[index].pagination = Some(pagination),
            Err(messages) => problems.extend(messages.into_iter().map(problem)),
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

fn resolve(
    service: &Service,
    input: Option<ShapeId>,
    output: Option<ShapeId>,
    paginator: &Paginator,
) -> Result<Pagination, Vec<String>> {
    let Paginator {
        input_token,
        output_token,
        limit_key,
        result_key,
        more_results,
        non_aggregate_keys: _,
        extra: _,
    } = paginator;
    // `non_aggregate_keys` name members to keep from the last page; every page keeps them.
    let (Some(input), Some(output)) = (input, output) else {
        return Err(vec!["the operation needs both an input and an output to page".to_owned()]);
    };
    let mut problems = Vec::new();
    let mut path = |shape: ShapeId, key: &str, what: &str| match path(service, shape, key) {
        Ok(steps) => Some(steps),
        Err(why) => {
            problems.push(format!("{what} `{key}`: {why}"));
            None
        }
    };
    let input_tokens: Vec<Option<Vec<Step>>> =
        input_token.names().iter().map(|key| path(input, key, "input token")).collect();
    let output_tokens: Vec<Option<Vec<Step>>> =
        output_token.names().iter().map(|key| path(output, key, "output token")).collect();
    let limit = limit_key.as_deref().and_then(|key| path(input, key, "limit key"));
    let more_results = more_results.as_deref().and_then(|key| path(output, key, "more results"));
    let first_result = result_key.as_ref().and_then(|keys| keys.names().first());
    let result = first_result.and_then(|key| path(output, key, "result key"));
    if input_tokens.len() != output_tokens.len() {
        let count = |count: usize, what: &str| match count {
            1 => format!("1 {what} token"),
            count => format!("{count} {what} tokens"),
        };
        problems.push(format!(
            "{} but {}: each input token takes the output token in its place",
            count(input_tokens.len(), "input"),
            count(output_tokens.len(), "output")
        ));
    }
    for (key, token) in input_token.names().iter().zip(&input_tokens) {
        match token.as_deref() {
            Some([member]) if member.required => problems.push(format!(
                "input token `{key}` is a required member, so the first page cannot be asked for"
            )),
            Some([_]) | None => {}
            Some(_) => problems.push(format!("input token `{key}` must be a member of the input")),
        }
    }
    for ((key, input), output) in input_token.names().iter().zip(&input_tokens).zip(&output_tokens)
    {
        if let (Some(input), Some(output)) = (input.as_deref(), output.as_deref()) {
            if let (Some(input), Some(output)) = (input.last(), output.last()) {
                if !same_type(service, input.target, output.target) {
                    problems.push(format!(
                        "input token `{key}` (`{}`) and its output token (`{}`) are of \
                         different types",
                        service.shape(input.target).wire_name,
                        service.shape(output.target).wire_name
                    ));
                }
            }
        }
    }
    let mut check =
        |steps: Option<&[Step]>, what: &str, expected: &str, test: fn(&ShapeKind) -> bool| {
            let Some(last) = steps.and_then(<[Step]>::last) else {
                return;
            };
            let shape = service.shape(last.target);
            if !test(&shape.kind) {
                let names: Vec<&str> =
                    steps.into_iter().flatten().map(|s| s.model_name.as_str()).collect();
                let key = names.join(".");
                problems
                    .push(format!("{what} `{key}` is `{}`, expected {expected}", shape.wire_name));
            }
        };
    check(more_results.as_deref(), "more results", "a boolean", |kind| {
        matches!(kind, ShapeKind::Boolean)
    });
    check(result.as_deref(), "result key", "a list or a map", |kind| {
        matches!(kind, ShapeKind::List { .. } | ShapeKind::Map { .. })
    });
    check(limit.as_deref(), "limit key", "a number", |kind| {
        matches!(kind, ShapeKind::Integer | ShapeKind::Long)
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Pagination {
        input_tokens: input_tokens.into_iter().flatten().flatten().collect(),
        output_tokens: output_tokens.into_iter().flatten().collect(),
        more_results,
        result,
        limit: limit.and_then(|steps| steps.into_iter().next()),
    })
}

/// The members a dotted `key` names, from structure `shape` down.
fn path(service: &Service, shape: ShapeId, key: &str) -> Result<Vec<Step>, String> {
    if key.is_empty() || key.contains(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')) {
        return Err("only member names and dotted paths of them are supported, not JMESPath \
                    expressions"
            .to_owned());
    }
    let mut steps = Vec::new();
    let mut current = shape;
    for name in key.split('.') {
        let here = service.shape(current);
        let ShapeKind::Structure(structure) = &here.kind else {
            return Err(format!("`{}` is not a structure, so it has no `{name}`", here.wire_name));
        };
        let Some(member) = structure.members.iter().find(|m| m.model_name == name) else {
            return Err(format!("`{}` has no member `{name}`", here.wire_name));
        };
        let Member { model_name, rust_name, target, required, boxed, json_value, .. } = member;
        if *json_value {
            // Its value is held parsed: no token, key or flag that a page passes on.
            return Err(format!("`{name}` is a `jsonvalue` member, JSON held parsed"));
        }
        let step = Step {
            model_name: model_name.clone(),
            rust_name: rust_name.clone(),
            target: *target,
            required: *required,
            boxed: *boxed,
        };
        current = *target;
        steps.push(step);
    }
    Ok(steps)
}

/// Whether values of shapes `a` and `b` have the same Rust type, so a token read from one
/// member can be put into the other.
fn same_type(service: &Service, a: ShapeId, b: ShapeId) -> bool {
    if a == b {
        return true;
    }
    match (&service.shape(a).kind, &service.shape(b).kind) {
        (ShapeKind::List { member: a }, ShapeKind::List { member: b }) => {
            same_element_type(service, a, b)
        }
        (ShapeKind::Map { key: ka, value: va }, ShapeKind::Map { key: kb, value: vb }) => {
            same_type(service, *ka, *kb) && same_element_type(service, va, vb)
        }
        (a, b) => {
            let scalar = |kind: &ShapeKind| match kind {
                ShapeKind::String => Some(0),
                ShapeKind::Integer => Some(1),
                ShapeKind::Long => Some(2),
                ShapeKind::Boolean => Some(3),
                ShapeKind::Blob => Some(4),
                ShapeKind::Document => Some(5),
                _ => None,
            };
            scalar(a).is_some() && scalar(a) == scalar(b)
        }
    }
}

/// Whether two list elements or map values have the same Rust type: both parsed JSON
/// (`jsonvalue`), or neither and of the same type.
fn same_element_type(service: &Service, a: &Element, b: &Element) -> bool {
    a.json_value == b.json_value && (a.json_value || same_type(service, a.target, b.target))
}
