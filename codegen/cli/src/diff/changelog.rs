//! The changelog of a model update: new, removed and updated operations, with what each
//! updated one adds to its request and response, in the notation of botocore's changelog.

use super::api::{api_of_operation, operation_documentation_changed, shape_documentation_changes};
use super::walk::Walker;
use awsjson_codegen::model::{Model, Operation};

/// What changed from one model to the next.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Changelog {
    /// Operations only the new model has, sorted.
    pub new_operations: Vec<String>,
    /// Operations only the old model has, sorted.
    pub removed_operations: Vec<String>,
    /// Operations in both whose request, response or errors changed, sorted by name.
    pub updated: Vec<OperationDelta>,
    /// Operations and shapes whose documentation alone changed (not API changes), e.g.
    /// "operation `CreateFleet`", "shape `Fleet`", "shape `Fleet`, member `Name`": operations
    /// first, then shapes, each sorted by name, and a shape's members in model order.
    pub documentation_only: Vec<String>,
}

/// What an updated operation adds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OperationDelta {
    pub operation: String,
    /// The request delta in the source document's notation; None when nothing was added.
    pub request: Option<String>,
    /// The response delta, likewise.
    pub response: Option<String>,
}

/// The changelog from `old` to `new`.
///
/// An operation is updated when anything but documentation changed in what it reaches (a
/// member removed, `required`, an error, a constraint, …), even if nothing was added; its
/// deltas show only additions. Shapes are matched member by member from each operation, not by
/// shape name, so a change in a shared shape counts for every operation that reaches it.
pub fn changelog(old: &Model, new: &Model) -> Changelog {
    let mut walker = Walker::new(old, new);
    let mut updated = Vec::new();
    let mut documentation_only = Vec::new();
    for (name, new_operation) in &new.operations {
        let Some(old_operation) = old.operations.get(name) else { continue };
        match operation_delta(&mut walker, name, old_operation, new_operation) {
            Some(delta) => updated.push(delta),
            None if operation_documentation_changed(old_operation, new_operation) => {
                documentation_only.push(format!("operation `{name}`"));
            }
            None => {}
        }
    }
    for (name, new_shape) in &new.shapes {
        if let Some(old_shape) = old.shapes.get(name) {
            documentation_only.extend(shape_documentation_changes(old_shape, new_shape, name));
        }
    }
    let only_in = |model: &Model, other: &Model| -> Vec<String> {
        let names = model.operations.keys();
        names.filter(|name| !other.operations.contains_key(*name)).cloned().collect()
    };
    Changelog {
        new_operations: only_in(new, old),
        removed_operations: only_in(old, new),
        updated,
        documentation_only,
    }
}

/// The delta of an operation both models have, if its API changed.
fn operation_delta<'m>(
    walker: &mut Walker<'m>,
    name: &str,
    old: &'m Operation,
    new: &'m Operation,
) -> Option<OperationDelta> {
    let request = walker.root(old.input.as_ref(), new.input.as_ref());
    let response = walker.root(old.output.as_ref(), new.output.as_ref());
    let errors =
        (old.errors.as_deref().unwrap_or_default(), new.errors.as_deref().unwrap_or_default());
    let changed = request.changed
        || response.changed
        || walker.errors_changed(errors.0, errors.1)
        || api_of_operation(old) != api_of_operation(new);
    changed.then(|| OperationDelta {
        operation: name.to_owned(),
        request: request.added.map(|added| added.to_string()),
        response: response.added.map(|added| added.to_string()),
    })
}

impl Changelog {
    /// The changelog as text: a header of counts, then each updated operation with its request
    /// delta and, after a `Response` line, its response delta; then the new and removed
    /// operations; with `with_documentation`, last, what changed only in documentation.
    pub fn text(&self, with_documentation: bool) -> String {
        let mut lines: Vec<String> = Vec::new();
        let counts = [
            (self.updated.len(), "updated"),
            (self.new_operations.len(), "new"),
            (self.removed_operations.len(), "removed"),
        ];
        for (count, what) in counts {
            // botocore's changelog says "1 updated api methods" too.
            if count > 0 {
                lines.push(format!("{count} {what} api methods"));
            }
        }
        if lines.is_empty() {
            lines.push("no api changes".to_owned());
        }
        for delta in &self.updated {
            lines.extend([String::new(), delta.operation.clone()]);
            lines.extend(delta.request.iter().cloned());
            if let Some(response) = &delta.response {
                lines.extend(["Response".to_owned(), response.clone()]);
            }
            if delta.request.is_none() && delta.response.is_none() {
                lines.push("(no additions)".to_owned());
            }
        }
        if !self.new_operations.is_empty() || !self.removed_operations.is_empty() {
            lines.push(String::new());
        }
        if !self.new_operations.is_empty() {
            lines.push(format!("New: {}", self.new_operations.join(", ")));
        }
        if !self.removed_operations.is_empty() {
            lines.push(format!("Removed: {}", self.removed_operations.join(", ")));
        }
        if with_documentation && !self.documentation_only.is_empty() {
            lines.extend([String::new(), "Documentation only:".to_owned()]);
            lines.extend(self.documentation_only.iter().cloned());
        }
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}
