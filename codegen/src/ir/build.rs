//! Model to IR: resolve references, decide names, validate, box cycles.

use super::{
    Deprecation, Operation, OperationError, Service, Shape, ShapeId, ShapeKind, cbor, constraints,
    cycles, depth, endpoint, naming, nesting, protocol, retries, satisfiable, shapes,
};
use crate::error::{Fix, Location, Problem};
use crate::model;
use std::collections::HashMap;

/// Builds the IR of a whole model, with a warning for each constraint it leaves unchecked
/// ([`Service::warnings`]), or every problem found in it (not only the first).
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
    let (patterns, warnings) = constraints::build(model, &mut shapes, &known);
    nesting::check(&shapes, &mut problems);
    depth::check(&shapes, &mut problems);
    satisfiable::check(&shapes, &mut problems);
    let mut operations: Vec<Operation> = model
        .operations
        .iter()
        .map(|(name, operation)| {
            build_operation(name, operation, model, &ids, (&shapes, &known), &mut problems)
        })
        .collect();
    mark_errors(&operations, &mut shapes);
    retries::mark_idempotency_tokens(&operations, &mut shapes);
    unique_type_names(&mut shapes, &mut operations);
    name_error_variants(&mut operations, &shapes);
    cycles::box_cycles(&mut shapes);
    let mut service = match protocol {
        Some(protocol) if problems.is_empty() => Service {
            protocol: protocol.default,
            protocols: protocol.offered,
            target_prefix,
            title: model
                .metadata
                .service_full_name
                .clone()
                .or_else(|| model.metadata.uid.clone())
                .unwrap_or_default(),
            service_id: model.metadata.service_id.clone(),
            api_version: model.metadata.api_version.clone(),
            signing_name: (model.metadata.signing_name.clone())
                .or_else(|| model.metadata.endpoint_prefix.clone()),
            endpoint_prefix: model.metadata.endpoint_prefix.clone(),
            docs: model.documentation.clone(),
            operations,
            shapes,
            patterns,
            warnings,
            endpoint_rules: None,
            waiters: Vec::new(),
            query_compatible: model.metadata.aws_query_compatible.is_some(),
        },
        _ => {
            // Sorted as read: metadata, then operations, then shapes, each by name.
            problems.sort_by_cached_key(ToString::to_string);
            problems.dedup();
            return Err(problems);
        }
    };
    cbor::mark_documents(&mut service);
    Ok(service)
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
    event_streams(name, operation, model, problems);
    let input = operation.input.as_ref().and_then(|r| structure("input", r, problems));
    let output = operation.output.as_ref().and_then(|r| structure("output", r, problems));
    let mut errors: Vec<OperationError> = Vec::new();
    for reference in operation.errors.iter().flatten() {
        let Some(shape) = structure("error", reference, problems) else {
            continue;
        };
        // Older models list some errors twice.
        if errors.iter().all(|error| error.shape != shape) {
            // Named by `name_error_variants` once type names are final; described by
            // `retries::describe_errors` once all are known.
            let (variant_name, codes) = (String::new(), Vec::new());
            errors.push(OperationError { shape, variant_name, codes, retryable: None });
        }
    }
    retries::describe_errors(&mut errors, model, shapes);
    let model_input = operation.input.as_ref().and_then(|r| model.shapes.get(&r.shape));
    let host_prefix = operation.endpoint.as_ref().and_then(|endpoint| {
        endpoint::host_prefix(name, endpoint, model_input, input, shapes, problems)
    });
    // Made unique across the model by `unique_type_names`.
    let rust_name = naming::type_name(name);
    Operation {
        wire_name: name.to_owned(),
        error_name: naming::operation_error_name(&rust_name),
        error_renamed: None,
        rust_name,
        renamed: None,
        input,
        output,
        errors,
        docs: operation.documentation.clone(),
        deprecated: deprecation(operation.deprecated, &operation.deprecated_message),
        host_prefix,
        request_compression: (operation.requestcompression.as_ref())
            .map(|compression| compression.encodings.clone())
            .unwrap_or_default(),
        pagination: None,
        endpoint_params: Vec::new(),
        idempotency_tokens: retries::idempotency_tokens(input, model_input, shapes),
        // Set by `cbor::mark_documents` once the protocols are known.
        cbor_unsupported: None,
    }
}

/// Event streams come as binary frames (`application/vnd.amazon.eventstream`), not JSON, so an
/// operation whose input or output holds one cannot be generated; the user can leave it out.
fn event_streams(
    name: &str,
    operation: &model::Operation,
    model: &model::Model,
    problems: &mut Vec<Problem>,
) {
    for (role, reference) in [("input", &operation.input), ("output", &operation.output)] {
        let shape = reference.as_ref().and_then(|reference| model.shapes.get(&reference.shape));
        for (member, target) in shape.and_then(|shape| shape.members.as_ref()).into_iter().flatten()
        {
            if model.shapes.get(&target.shape).is_some_and(|t| t.eventstream == Some(true)) {
                let message = format!(
                    "its {role} member `{member}` is an event stream (`{}`), sent as binary \
                     frames that JSON types cannot read",
                    target.shape
                );
                let fix = Fix::LeaveOut { operation: name.to_owned() };
                problems.push(Problem::operation(name, message).with_fix(fix));
            }
        }
    }
}

/// Structures, enums, operations and operation error enums share one namespace. Names from
/// the model come first (operations, then shapes, each sorted by wire name); the error enums,
/// whose names the generator makes up, yield to them.
fn unique_type_names(shapes: &mut [Shape], operations: &mut [Operation]) {
    use naming::Claim;
    let items: Vec<usize> = (0..shapes.len()).filter(|i| shapes[*i].kind.is_item()).collect();
    let claims: Vec<Claim> = (operations.iter())
        .map(|op| Claim::new(op.rust_name.clone(), &op.wire_name, "operation"))
        .chain(
            items
                .iter()
                .map(|i| &shapes[*i])
                .map(|shape| Claim::new(shape.rust_name.clone(), &shape.wire_name, "shape")),
        )
        .chain(operations.iter().map(|op| {
            Claim::new(op.error_name.clone(), &op.wire_name, "the error enum of operation")
        }))
        .collect();
    let mut names = naming::unique_names(&claims, &[], naming::Suffix::Camel).into_iter();
    for (operation, (name, renamed)) in operations.iter_mut().zip(names.by_ref()) {
        (operation.rust_name, operation.renamed) = (name, renamed);
    }
    for (i, (name, renamed)) in items.into_iter().zip(names.by_ref()) {
        (shapes[i].rust_name, shapes[i].renamed) = (name, renamed);
    }
    for (operation, (name, renamed)) in operations.iter_mut().zip(names) {
        (operation.error_name, operation.error_renamed) = (name, renamed);
    }
}

/// An error enum's variants are named after the error types, beside `Unmodeled`, whose name an
/// error called `Unmodeled` cannot take.
fn name_error_variants(operations: &mut [Operation], shapes: &[Shape]) {
    for operation in operations {
        let claims: Vec<naming::Claim> = (operation.errors.iter())
            .map(|error| &shapes[error.shape.0])
            .map(|shape| naming::Claim::new(shape.rust_name.clone(), &shape.wire_name, "error"))
            .collect();
        let reserved = [(naming::UNMODELED_VARIANT, "the variant for unmodeled errors")];
        let names = naming::unique_names(&claims, &reserved, naming::Suffix::Camel);
        for (error, (name, _)) in operation.errors.iter_mut().zip(names) {
            error.variant_name = name;
        }
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
