//! Walking an old and a new model in parallel, from an operation's input or output, member by
//! member name: what the new one adds, and whether anything of the API changed at all.

use super::api::{api_of_reference, api_of_shape, kind};
use super::literal::{Literal, enum_value, type_literal};
use awsjson_codegen::model::{Model, Shape, ShapeRef};
use std::collections::{BTreeMap, HashMap};

/// What changed between an old and a new shape, and everything they reach.
#[derive(Debug, Clone, Default)]
pub(super) struct Outcome {
    /// What the new shape adds, in the changelog's notation; `None` when nothing.
    pub added: Option<Literal>,
    /// Whether the API changed in any way, additions included.
    pub changed: bool,
}

/// An outcome, and the outermost depth of the path at which recursion cut the walk short.
struct Step {
    outcome: Outcome,
    cut_at: Option<usize>,
}

impl Step {
    fn settled(outcome: Outcome) -> Self {
        Step { outcome, cut_at: None }
    }
}

pub(super) struct Walker<'m> {
    old: &'m Model,
    new: &'m Model,
    /// The (old, new) shape pairs being compared, outermost first. Meeting one again is
    /// recursion: it adds nothing there, since its own visit further out reports it.
    path: Vec<(&'m str, &'m str)>,
    /// Outcomes that the path did not cut short, so hold wherever the pair is met: shared
    /// shapes are walked once, however many operations reach them.
    settled: HashMap<(&'m str, &'m str), Outcome>,
}

impl<'m> Walker<'m> {
    pub(super) fn new(old: &'m Model, new: &'m Model) -> Self {
        Walker { old, new, path: Vec::new(), settled: HashMap::new() }
    }

    /// Compares an operation's input (or output) in the two models; a new one is shown whole.
    pub(super) fn root(&mut self, old: Option<&'m ShapeRef>, new: Option<&'m ShapeRef>) -> Outcome {
        match (old, new) {
            (None, None) => Outcome::default(),
            (Some(_), None) => Outcome { added: None, changed: true },
            (None, Some(new)) => {
                let added = Some(type_literal(&self.new.shapes, &new.shape));
                Outcome { added, changed: true }
            }
            (Some(old), Some(new)) => {
                let mut outcome = self.shapes(&old.shape, &new.shape).outcome;
                outcome.changed |= api_of_reference(old) != api_of_reference(new);
                outcome
            }
        }
    }

    /// Whether the API of an operation's errors changed: one added or removed (by name), or the
    /// API of one both models list.
    pub(super) fn errors_changed(&mut self, old: &'m [ShapeRef], new: &'m [ShapeRef]) -> bool {
        let (old, new) = (errors_by_name(old), errors_by_name(new));
        if !old.keys().eq(new.keys()) {
            return true;
        }
        old.into_iter().zip(new.into_values()).any(|((name, old), new)| {
            api_of_reference(old) != api_of_reference(new)
                || self.shapes(name, name).outcome.changed
        })
    }

    fn shapes(&mut self, old_name: &'m str, new_name: &'m str) -> Step {
        let pair = (old_name, new_name);
        if let Some(depth) = self.path.iter().position(|on_path| *on_path == pair) {
            return Step { outcome: Outcome::default(), cut_at: Some(depth) };
        }
        if let Some(outcome) = self.settled.get(&pair) {
            return Step::settled(outcome.clone());
        }
        let (old, new) = (self.old.shapes.get(old_name), self.new.shapes.get(new_name));
        let (Some(old), Some(new)) = (old, new) else {
            // A dangling reference: `ir` reports it. Compare what there is.
            let changed = old.is_some() || new.is_some() || old_name != new_name;
            let added = new.map(|_| type_literal(&self.new.shapes, new_name));
            return Step::settled(Outcome { added, changed });
        };
        if kind(old) != kind(new) {
            let added = Some(type_literal(&self.new.shapes, new_name));
            return Step::settled(Outcome { added, changed: true });
        }
        let depth = self.path.len();
        self.path.push(pair);
        let mut step = self.same_kind(old, new);
        self.path.pop();
        step.outcome.changed |= api_of_shape(old) != api_of_shape(new);
        // A cut at this pair or deeper happens wherever the walk starts from here.
        if step.cut_at.is_none_or(|cut_at| cut_at >= depth) {
            self.settled.insert(pair, step.outcome.clone());
            step.cut_at = None;
        }
        step
    }

    /// Compares two shapes of the same kind, member by member name.
    fn same_kind(&mut self, old: &'m Shape, new: &'m Shape) -> Step {
        let mut step = Step::settled(Outcome::default());
        match kind(new) {
            "structure" => {
                let old_members = old.members.as_ref();
                let mut added = BTreeMap::new();
                for (member, new_reference) in new.members.iter().flatten() {
                    let old_reference = old_members.and_then(|members| members.get(member));
                    let member_added = match old_reference {
                        Some(old_reference) => self.follow(old_reference, new_reference, &mut step),
                        None => Some(type_literal(&self.new.shapes, &new_reference.shape)),
                    };
                    if let Some(member_added) = member_added {
                        added.insert(member.clone(), member_added);
                    }
                }
                step.outcome.added = (!added.is_empty()).then_some(Literal::Dict(added));
            }
            // Lists and maps are seen through to what they hold; a map's keys are strings on the
            // wire, so a change to them is an API change that adds nothing to show.
            "list" => {
                step.outcome.added = self.follow_optional(&old.member, &new.member, &mut step)
            }
            "map" => {
                self.follow_optional(&old.key, &new.key, &mut step);
                step.outcome.added = self.follow_optional(&old.value, &new.value, &mut step);
            }
            _ => step.outcome.added = added_enum_values(old, new),
        }
        if step.outcome.added.is_some() {
            step.outcome.changed = true;
        }
        step
    }

    /// Walks on to the shapes two references name, recording change and cut into `step`; returns
    /// what the new one adds.
    fn follow(&mut self, old: &'m ShapeRef, new: &'m ShapeRef, step: &mut Step) -> Option<Literal> {
        let inner = self.shapes(&old.shape, &new.shape);
        step.outcome.changed |= inner.outcome.changed;
        step.cut_at = match (step.cut_at, inner.cut_at) {
            (Some(outer), Some(inner)) => Some(outer.min(inner)),
            (outer, inner) => outer.or(inner),
        };
        inner.outcome.added
    }

    /// [`Self::follow`] for a list's member or a map's key or value, which a broken model may
    /// lack (`api_of_shape` then tells whether that changed).
    fn follow_optional(
        &mut self,
        old: &'m Option<ShapeRef>,
        new: &'m Option<ShapeRef>,
        step: &mut Step,
    ) -> Option<Literal> {
        match (old, new) {
            (Some(old), Some(new)) => self.follow(old, new, step),
            (None, Some(new)) => Some(type_literal(&self.new.shapes, &new.shape)),
            _ => None,
        }
    }
}

fn errors_by_name(errors: &[ShapeRef]) -> BTreeMap<&str, &ShapeRef> {
    errors.iter().map(|error| (error.shape.as_str(), error)).collect()
}

/// The values a new enum adds to an old one, in the new model's order. A shape that gains or
/// loses its `enum` adds no values: a free string already took every value.
fn added_enum_values(old: &Shape, new: &Shape) -> Option<Literal> {
    let (Some(old_values), Some(new_values)) = (&old.enum_values, &new.enum_values) else {
        return None;
    };
    let added: Vec<Literal> =
        new_values.iter().filter(|value| !old_values.contains(value)).map(enum_value).collect();
    (!added.is_empty()).then_some(Literal::List(added))
}
