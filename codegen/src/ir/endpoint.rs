//! An operation's endpoint `hostPrefix`, checked against its input's `hostLabel` members.

use super::{HostSegment, Shape, ShapeId, ShapeKind, Structure};
use crate::error::Problem;
use crate::model;

/// The host prefix split into literal text and labels; every problem goes to `problems`.
pub(super) fn host_prefix(
    operation: &str,
    endpoint: &model::Endpoint,
    model_input: Option<&model::Shape>,
    input: Option<ShapeId>,
    shapes: &[Shape],
    problems: &mut Vec<Problem>,
) -> Option<Vec<HostSegment>> {
    let prefix = endpoint.host_prefix.as_deref()?;
    let mut segments = Vec::new();
    let mut rest = prefix;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            segments.push(HostSegment::Literal(rest[..open].to_owned()));
        }
        let Some(close) = rest[open..].find('}') else {
            let message = format!("its `hostPrefix` `{prefix}` has a `{{` without a `}}`");
            problems.push(Problem::operation(operation, message));
            return None;
        };
        let label = &rest[open + 1..open + close];
        match label_segment(label, model_input, input, shapes) {
            Ok(segment) => segments.push(segment),
            Err(why) => {
                let message = format!("its `hostPrefix` `{prefix}` names `{{{label}}}`, {why}");
                problems.push(Problem::operation(operation, message));
            }
        }
        rest = &rest[open + close + 1..];
    }
    if rest.contains('}') {
        let message = format!("its `hostPrefix` `{prefix}` has a `}}` without a `{{`");
        problems.push(Problem::operation(operation, message));
        return None;
    }
    if !rest.is_empty() {
        segments.push(HostSegment::Literal(rest.to_owned()));
    }
    Some(segments)
}

fn label_segment(
    label: &str,
    model_input: Option<&model::Shape>,
    input: Option<ShapeId>,
    shapes: &[Shape],
) -> Result<HostSegment, &'static str> {
    let (Some(model_input), Some(input)) = (model_input, input) else {
        return Err("but the operation has no input");
    };
    let ShapeKind::Structure(Structure { members, .. }) = &shapes[input.0].kind else {
        return Err("but the operation has no input");
    };
    let Some(member) = members.iter().find(|member| member.model_name == label) else {
        return Err("which is not an input member");
    };
    let is_label = model_input
        .members
        .as_ref()
        .and_then(|members| members.get(label))
        .is_some_and(|reference| reference.host_label == Some(true));
    if !is_label {
        return Err("an input member without `hostLabel`");
    }
    if !matches!(shapes[member.target.0].kind, ShapeKind::String) {
        return Err("an input member that is not a string");
    }
    Ok(HostSegment::Label {
        model_name: member.model_name.clone(),
        rust_name: member.rust_name.clone(),
        required: member.required,
    })
}
