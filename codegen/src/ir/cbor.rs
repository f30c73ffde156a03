//! Smithy RPC v2 CBOR cannot carry `document` shapes: an operation whose input, output or
//! errors reach one goes over the model's other protocols only.

use super::{Operation, Protocol, Service, ShapeId, ShapeKind, Structure};
use crate::error::Location;
use crate::warning::Warning;
use std::collections::VecDeque;

/// For a model offering CBOR, sets [`Operation::cbor_unsupported`] of every operation that
/// reaches a document, with a warning each (never an error: AWS ships such models).
pub(super) fn mark_documents(service: &mut Service) {
    if !service.protocols.contains(&Protocol::RpcV2Cbor) {
        return;
    }
    let others: Vec<&str> =
        (service.protocols.iter()).filter(|p| p.is_json()).map(|p| p.name()).collect();
    let consequence = match others.as_slice() {
        [] => "its requests are refused".to_owned(),
        names => format!("it goes over {} only", names.join(" and ")),
    };
    let mut warnings = Vec::new();
    for index in 0..service.operations.len() {
        let operation = &service.operations[index];
        let Some((role, path, document)) = first_document(service, operation) else {
            continue;
        };
        let reason = format!(
            "cannot go over Smithy RPC v2 CBOR: its {role} reaches document shape `{document}` \
             (member `{path}`), which the protocol cannot carry"
        );
        let location = Location::Operation(operation.wire_name.clone());
        warnings.push(Warning::new(location, format!("{reason}; {consequence}")));
        let why = format!("{} {reason}", operation.wire_name);
        service.operations[index].cbor_unsupported = Some(why);
    }
    service.warnings.extend(warnings);
}

/// The first of the input, the output and the errors that reaches a document: its role, the
/// member path to the document and the document's name.
fn first_document(service: &Service, operation: &Operation) -> Option<(String, String, String)> {
    let roles = [("input".to_owned(), operation.input), ("output".to_owned(), operation.output)];
    let errors = (operation.errors.iter()).map(|error| {
        (format!("error `{}`", service.shape(error.shape).wire_name), Some(error.shape))
    });
    roles.into_iter().chain(errors).find_map(|(role, root)| {
        let (path, document) = path_to_document(service, root?)?;
        Some((role, path, document))
    })
}

/// The shortest member path from structure `root` to a document (`A.B[].C{}`: `[]` a list's
/// element, `{}` a map's value), and the document's name; breadth first, in model order.
fn path_to_document(service: &Service, root: ShapeId) -> Option<(String, String)> {
    let mut seen = vec![false; service.shapes.len()];
    let mut queue = VecDeque::from([(root, service.shape(root).wire_name.clone())]);
    seen[root.0] = true;
    while let Some((id, path)) = queue.pop_front() {
        let shape = service.shape(id);
        let next: Vec<(ShapeId, String)> = match &shape.kind {
            ShapeKind::Document => return Some((path, shape.wire_name.clone())),
            // A `jsonvalue` is a string on the wire, and its target a string shape.
            ShapeKind::Structure(Structure { members, .. }) | ShapeKind::Union(members) => {
                (members.iter())
                    .map(|member| (member.target, format!("{path}.{}", member.model_name)))
                    .collect()
            }
            ShapeKind::List { member } => vec![(member.target, format!("{path}[]"))],
            ShapeKind::Map { value, .. } => vec![(value.target, format!("{path}{{}}"))],
            _ => Vec::new(),
        };
        for (target, path) in next {
            if !std::mem::replace(&mut seen[target.0], true) {
                queue.push_back((target, path));
            }
        }
    }
    None
}
