//! Which operations a run takes: the ones chosen (by default all) without the excluded ones.

use crate::error::{Location, Problem};
use crate::model::Model;

/// The operations to generate, or `None` for the whole model; every problem with the choice
/// is reported once: names that are empty or not in the model, and a choice that leaves none.
pub(crate) fn select<'m>(
    model: &'m Model,
    chosen: Option<&'m [String]>,
    excluded: &'m [String],
) -> Result<Option<Vec<&'m str>>, Vec<Problem>> {
    if chosen.is_none() && excluded.is_empty() {
        return Ok(None);
    }
    let mut problems = Vec::new();
    let mut check = |names: &'m [String], what: &str, unknown: &str| {
        let mut seen: Vec<&str> = Vec::new();
        for name in names.iter().map(String::as_str) {
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            let message = if name.is_empty() {
                format!("an empty operation name among the operations {what}")
            } else if !model.operations.contains_key(name) {
                format!("no operation `{name}` in the model{unknown}")
            } else {
                continue;
            };
            problems.push(Problem::new(Location::Model, message));
        }
        seen
    };
    let chosen = match chosen {
        Some(names) => check(names, "chosen", ""),
        None => model.operations.keys().map(String::as_str).collect(),
    };
    let excluded = check(excluded, "to exclude", " to exclude");
    let kept: Vec<&str> = chosen.into_iter().filter(|name| !excluded.contains(name)).collect();
    if problems.is_empty() && kept.is_empty() {
        problems.push(Problem::new(
            Location::Model,
            "the selection leaves no operation: every operation chosen is excluded",
        ));
    }
    if problems.is_empty() { Ok(Some(kept)) } else { Err(problems) }
}
