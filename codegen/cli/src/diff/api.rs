//! What of a model entry is its API, and what is only its documentation.
//!
//! The API of an entry is the entry with its documentation removed and the names of the shapes
//! it refers to blanked: those shapes are compared on their own, by walking old and new in
//! parallel, so that a shape renamed but identical is no change.

use awsjson_codegen::model::{Operation, Shape, ShapeRef};
use serde_json::Value;

/// A link to the documentation, kept in `extra`. Like `documentation` and `deprecatedMessage`
/// (the `deprecated` flag is API), it changes no request, response or generated type.
const DOCUMENTATION_URL: &str = "documentationUrl";

/// What sort of value a shape holds; a member whose kind changed is shown as new.
pub(super) fn kind(shape: &Shape) -> &str {
    match shape.shape_type.as_deref() {
        Some("structure") if shape.document == Some(true) => "document",
        Some(shape_type) => shape_type,
        None => "",
    }
}

/// The API of a reference: everything but its documentation and the shape it names.
pub(super) fn api_of_reference(reference: &ShapeRef) -> ShapeRef {
    let mut api = reference.clone();
    api.shape = String::new();
    api.documentation = None;
    api.deprecated_message = None;
    api.extra.remove(DOCUMENTATION_URL);
    api
}

/// The API of a shape. Member order is not API (`IndexMap` equality ignores it), nor is the order
/// of `required` or of enum values: JSON objects have no order, and an enum is a set of values.
pub(super) fn api_of_shape(shape: &Shape) -> Shape {
    let mut api = shape.clone();
    api.documentation = None;
    api.deprecated_message = None;
    api.extra.remove(DOCUMENTATION_URL);
    for reference in api.members.iter_mut().flat_map(|members| members.values_mut()) {
        *reference = api_of_reference(reference);
    }
    for reference in [&mut api.member, &mut api.key, &mut api.value].into_iter().flatten() {
        *reference = api_of_reference(reference);
    }
    if let Some(required) = &mut api.required {
        required.sort();
    }
    if let Some(values) = &mut api.enum_values {
        values.sort_by_cached_key(Value::to_string);
    }
    api
}

/// The API of an operation itself; its input, output and errors are compared by walking them.
pub(super) fn api_of_operation(operation: &Operation) -> Operation {
    let mut api = operation.clone();
    api.input = None;
    api.output = None;
    api.errors = None;
    api.documentation = None;
    api.deprecated_message = None;
    api.extra.remove(DOCUMENTATION_URL);
    api
}

/// The documentation an entry carries.
#[derive(PartialEq)]
struct Documentation<'m> {
    text: Option<&'m str>,
    deprecated_message: Option<&'m str>,
    url: Option<&'m Value>,
}

fn of_reference(reference: &ShapeRef) -> Documentation<'_> {
    Documentation {
        text: reference.documentation.as_deref(),
        deprecated_message: reference.deprecated_message.as_deref(),
        url: reference.extra.get(DOCUMENTATION_URL),
    }
}

fn of_shape(shape: &Shape) -> Documentation<'_> {
    Documentation {
        text: shape.documentation.as_deref(),
        deprecated_message: shape.deprecated_message.as_deref(),
        url: shape.extra.get(DOCUMENTATION_URL),
    }
}

/// Whether an operation's documentation changed: its own, or that on its references to its
/// input, output and errors (errors matched by name).
pub(super) fn operation_documentation_changed(old: &Operation, new: &Operation) -> bool {
    of_operation(old) != of_operation(new)
}

/// An operation's own documentation, then that of its input, output and errors (by name).
type OperationDocumentation<'m> = (
    Documentation<'m>,
    Option<Documentation<'m>>,
    Option<Documentation<'m>>,
    Vec<(&'m str, Documentation<'m>)>,
);

fn of_operation(operation: &Operation) -> OperationDocumentation<'_> {
    let own = Documentation {
        text: operation.documentation.as_deref(),
        deprecated_message: operation.deprecated_message.as_deref(),
        url: operation.extra.get(DOCUMENTATION_URL),
    };
    let errors = operation.errors.iter().flatten();
    let mut errors: Vec<_> =
        errors.map(|error| (error.shape.as_str(), of_reference(error))).collect();
    errors.sort_by_key(|(name, _)| *name);
    let input = operation.input.as_ref().map(of_reference);
    (own, input, operation.output.as_ref().map(of_reference), errors)
}

/// The documentation-only entries of a shape both models have (by name): "shape `Fleet`" if its
/// documentation changed and its API did not, "shape `Fleet`, member `Name`" for each member
/// whose documentation changed and whose reference did not.
pub(super) fn shape_documentation_changes(old: &Shape, new: &Shape, name: &str) -> Vec<String> {
    let mut changes = Vec::new();
    if of_shape(old) != of_shape(new) && api_of_shape(old) == api_of_shape(new) {
        changes.push(format!("shape `{name}`"));
    }
    for (member, new_reference) in new.references() {
        let old_reference = old.references().find(|(old_member, _)| *old_member == member);
        let Some((_, old_reference)) = old_reference else { continue };
        if of_reference(old_reference) != of_reference(new_reference)
            && api_of_reference(old_reference) == api_of_reference(new_reference)
        {
            changes.push(format!("shape `{name}`, member `{member}`"));
        }
    }
    changes
}
