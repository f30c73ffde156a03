//! Model to IR: resolve references, decide names, validate, box cycles.

use super::{
    Deprecation, Operation, OperationError, Service, Shape, ShapeId, ShapeKind, cycles, endpoint,
    naming, nesting, protocol, satisfiable, shapes,
};
use crate::error::{Location, Problem};
use crate::model;
use std::collections::{BTreeMap, HashMap};

/// Builds the IR of a whole model, or every problem found in it (not only the first).
pub fn build(model: &model::Model) -> Result<Service, Vec<Problem>> {
    let mut problems = Vec::new();
    let protocol = protocol::choose(&model.metadata).map_err(|p| problems.push(p)).ok();
    let target_prefix = model.metadata.target_prefix.clone().unwrap_or_default();
    if target_prefix.is_empty() {
        let message = "no `targetPrefix` (requests need it for their `X-Amz-Target` header)";
        problems.push(Problem::new(Location::Metadata, message));
    }
    let ids: HashMap<&str, ShapeId> = model
        .shapes
        .keys()
        .enumerate()
        .map(|(index, name)| (name.as_str(), ShapeId(index)))
        .collect();
    let (mut shapes, known): (Vec<Shape>, Vec<bool>) = model
        .shapes
        .iter()
        .map(|(name, shape)| shapes::build(name, shape, &ids, &mut problems))
        .unzip();
    shapes::check_kinds(model, &shapes, &known, &mut problems);
    nesting::check(&shapes, &mut problems);
    satisfiable::check(&shapes, &mut problems);
    let operations: Vec<Operation> = model
        .operations
        .iter()
        .map(|(name, operation)| {
            build_operation(name, operation, model, &ids, (&shapes, &known), &mut problems)
        })
        .collect();
    mark_errors(&operations, &mut shapes);
    check_type_names(&shapes, &operations, &mut problems);
    cycles::box_cycles(&mut shapes);
    match protocol {
        Some(protocol) if problems.is_empty() => Ok(Service {
            protocol,
            target_prefix,
            title: model
                .metadata
                .service_full_name
                .clone()
                .or_else(|| model.metadata.uid.clone())
                .unwrap_or_default(),
            docs: model.documentation.clone(),
            operations,
            shapes,
        }),
        _ => {
            // Sorted as read: metadata, then operations, then shapes, each by name.
            problems.sort_by_cached_key(ToString::to_string);
            problems.dedup();
            Err(problems)
        }
    }
}

/// Resolves a reference, or records a problem naming where it came from.
pub(super) fn resolve(
    ids: &HashMap<&str, ShapeId>,
    target: &str,
    location: impl FnOnce() -> Location,
    problems: &mut Vec<Problem>,
) -> Option<ShapeId> {
    let id = ids.get(target).copied();
    if id.is_none() {
        problems.push(Problem::new(location(), format!("refers to undefined shape `{target}`")));
    }
    id
}

pub(super) fn deprecation(
    deprecated: Option<bool>,
    message: &Option<String>,
) -> Option<Deprecation> {
    deprecated.unwrap_or(false).then(|| Deprecation { message: message.clone() })
}

fn build_operation(
    name: &str,
    operation: &model::Operation,
    model: &model::Model,
    ids: &HashMap<&str, ShapeId>,
    (shapes, known): (&[Shape], &[bool]),
    problems: &mut Vec<Problem>,
) -> Operation {
    let structure = |role: &str, reference: &model::ShapeRef, problems: &mut Vec<Problem>| {
        let Some(id) = ids.get(reference.shape.as_str()).copied() else {
            let message = format!("its {role} refers to undefined shape `{}`", reference.shape);
            problems.push(Problem::operation(name, message));
            return None;
        };
        if !known[id.0] {
            return None;
        }
        if !matches!(shapes[id.0].kind, ShapeKind::Structure(_)) {
            let message = format!("its {role} `{}` is not a structure", reference.shape);
            problems.push(Problem::operation(name, message));
            return None;
        }
        Some(id)
    };
    let input = operation.input.as_ref().and_then(|r| structure("input", r, problems));
    let output = operation.output.as_ref().and_then(|r| structure("output", r, problems));
    let mut errors: Vec<OperationError> = Vec::new();
    for reference in operation.errors.iter().flatten() {
        let Some(shape) = structure("error", reference, problems) else {
            continue;
        };
        // Older models list some errors twice.
        if errors.iter().all(|error| error.shape != shape) {
            let variant_name = naming::error_variant_name(&shapes[shape.0].rust_name);
            errors.push(OperationError { shape, variant_name });
        }
    }
    let host_prefix = operation.endpoint.as_ref().and_then(|endpoint| {
        let model_input = operation.input.as_ref().and_then(|r| model.shapes.get(&r.shape));
        endpoint::host_prefix(name, endpoint, model_input, input, shapes, problems)
    });
    let rust_name = naming::type_name(name);
    Operation {
        wire_name: name.to_owned(),
        error_name: naming::operation_error_name(&rust_name),
        rust_name,
        input,
        output,
        errors,
        docs: operation.documentation.clone(),
        deprecated: deprecation(operation.deprecated, &operation.deprecated_message),
        host_prefix,
    }
}

/// Structures, enums, operations and operation error enums share one namespace.
fn check_type_names(shapes: &[Shape], operations: &[Operation], problems: &mut Vec<Problem>) {
    let mut taken: BTreeMap<String, Location> = BTreeMap::new();
    let mut claim = |rust_name: &str, location: Location, what: &str| {
        if let Some(first) = taken.get(rust_name) {
            let message = format!("its Rust {what} `{rust_name}` is already the name of {first}");
            problems.push(Problem::new(location, message));
        } else {
            taken.insert(rust_name.to_owned(), location);
        }
    };
    for shape in shapes {
        if shape.kind.is_item() {
            claim(&shape.rust_name, Location::Shape(shape.wire_name.clone()), "type name");
        }
    }
    for operation in operations {
        let location = || Location::Operation(operation.wire_name.clone());
        claim(&operation.rust_name, location(), "type name");
        claim(&operation.error_name, location(), "error enum name");
    }
}

/// A structure an operation lists as an error is an error shape, marked `exception` or not.
fn mark_errors(operations: &[Operation], shapes: &mut [Shape]) {
    for error in operations.iter().flat_map(|operation| &operation.errors) {
        if let ShapeKind::Structure(structure) = &mut shapes[error.shape.0].kind {
            structure.exception = true;
        }
    }
}
