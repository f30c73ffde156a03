//! Slicing a model down to some operations and the shapes they reach.

use super::Model;
use crate::error::{Location, Problem};
use std::collections::BTreeSet;

/// Every shape the named operations reach through input, output, errors and members.
/// References to shapes the model lacks are skipped here; `ir` reports them.
pub fn reachable_shapes<'m>(model: &'m Model, operations: &[&'m str]) -> BTreeSet<&'m str> {
    let mut reached = BTreeSet::new();
    let mut pending: Vec<&str> = operations
        .iter()
        .filter_map(|name| model.operations.get(*name))
        .flat_map(|operation| operation.references())
        .map(|reference| reference.shape.as_str())
        .collect();
    while let Some(name) = pending.pop() {
        let Some((name, shape)) = model.shapes.get_key_value(name) else {
            continue;
        };
        if reached.insert(name.as_str()) {
            pending.extend(shape.references().map(|(_, reference)| reference.shape.as_str()));
        }
    }
    reached
}

/// A model holding only the named operations and every shape they reach; metadata and
/// documentation are kept. Naming an operation the model lacks is an error.
pub fn subset(model: &Model, operations: &[&str]) -> Result<Model, Vec<Problem>> {
    let unknown: Vec<Problem> = operations
        .iter()
        .filter(|name| !model.operations.contains_key(**name))
        .map(|name| {
            let message = format!("no operation `{name}` in the model");
            Problem::new(Location::Model, message)
        })
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let shapes = reachable_shapes(model, operations);
    Ok(Model {
        version: model.version.clone(),
        metadata: model.metadata.clone(),
        operations: model
            .operations
            .iter()
            .filter(|(name, _)| operations.contains(&name.as_str()))
            .map(|(name, operation)| (name.clone(), operation.clone()))
            .collect(),
        shapes: model
            .shapes
            .iter()
            .filter(|(name, _)| shapes.contains(name.as_str()))
            .map(|(name, shape)| (name.clone(), shape.clone()))
            .collect(),
        documentation: model.documentation.clone(),
        extra: model.extra.clone(),
    })
}
