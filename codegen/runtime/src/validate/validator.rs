//! The walk a check makes: where it is, and what it found so far.

use super::pattern::Pattern;
use super::violation::{Bound, Constraint, Unit, Violation, Violations};
use crate::decode::bounded;
use crate::path::{Segment, render};
use ::std::ops::{self, RangeBounds};

/// How much of a string value a violation shows.
const VALUE_SHOWN: usize = 64;

/// A check in progress: the JSON path to the value being checked, and the violations so far.
///
/// Generated `Validate` impls drive it: they enter a member, list index or map key, check the
/// value there, and leave. The path is kept as borrowed steps and only written out for a
/// violation, so a value that breaks nothing costs no allocation.
#[derive(Default)]
pub struct Validator<'a> {
    path: Vec<Segment<'a>>,
    violations: Vec<Violation>,
}

impl<'a> Validator<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Steps into member `name` (its wire name).
    pub fn member(&mut self, name: &'a str) {
        self.path.push(Segment::Member(name));
    }

    /// Steps into element `index` of a list.
    pub fn index(&mut self, index: usize) {
        self.path.push(Segment::Index(index));
    }

    /// Steps into the value of the map entry `key`.
    pub fn key(&mut self, key: &'a str) {
        self.path.push(Segment::Key(key.into()));
    }

    /// Steps onto the key of the map entry `key`, to check the key itself.
    pub fn map_key(&mut self, key: &'a str) {
        self.path.push(Segment::KeyItself(key));
    }

    /// Steps back out of the last member, index or key entered.
    pub fn leave(&mut self) {
        self.path.pop();
    }

    /// The path so far, like `Fleets[0].Name`.
    pub fn path(&self) -> String {
        render(&self.path)
    }

    /// Records a violation at the current path; `value` is the JSON of the value, shown
    /// (cut if long) unless `sensitive`.
    pub fn report(&mut self, constraint: Constraint, value: Option<String>, sensitive: bool) {
        let value = if sensitive { None } else { value.map(|value| cut_json(&value)) };
        self.violations.push(Violation { path: self.path(), constraint, value, sensitive });
    }

    /// `min` and `max` of a string (`1..=100`, `1..`, `..=256`), counted in Unicode scalar
    /// values as Smithy counts.
    pub fn string_length(&mut self, value: &str, bounds: impl RangeBounds<u64>, sensitive: bool) {
        let (min, max) = whole(&bounds);
        // A string has at most as many characters as bytes, and at least a quarter as many:
        // most strings are settled without counting.
        let bytes = value.len() as u64;
        let surely_long_enough = min.is_none_or(|min| bytes.div_ceil(4) >= min);
        let surely_short_enough = max.is_none_or(|max| bytes <= max);
        if surely_long_enough && surely_short_enough {
            return;
        }
        let actual = value.chars().count();
        if out_of(actual as u64, min, max) {
            let length = Constraint::Length { unit: Unit::Characters, actual, min, max };
            self.report(length, Some(quoted(value)), sensitive);
        }
    }

    /// `min` and `max` of a blob, in bytes; the blob is not shown.
    pub fn blob_length(&mut self, actual: usize, bounds: impl RangeBounds<u64>) {
        self.size(Unit::Bytes, actual, &bounds);
    }

    /// `min` and `max` of a list, in elements.
    pub fn list_length(&mut self, actual: usize, bounds: impl RangeBounds<u64>) {
        self.size(Unit::Items, actual, &bounds);
    }

    /// `min` and `max` of a map, in entries.
    pub fn map_length(&mut self, actual: usize, bounds: impl RangeBounds<u64>) {
        self.size(Unit::Entries, actual, &bounds);
    }

    fn size(&mut self, unit: Unit, actual: usize, bounds: &impl RangeBounds<u64>) {
        let (min, max) = whole(bounds);
        if out_of(actual as u64, min, max) {
            self.report(Constraint::Length { unit, actual, min, max }, None, false);
        }
    }

    /// `min` and `max` of an integer or long (`1..=10`, `0..`).
    pub fn integer_range(&mut self, value: i64, bounds: impl RangeBounds<i64>, sensitive: bool) {
        if !bounds.contains(&value) {
            let min = inclusive(bounds.start_bound()).map(Bound::Integer);
            let max = inclusive(bounds.end_bound()).map(Bound::Integer);
            self.report(Constraint::Range { min, max }, Some(value.to_string()), sensitive);
        }
    }

    /// `min` and `max` of a float or double (`0.0..=1.0`); NaN is within no bounds.
    pub fn float_range(&mut self, value: f64, bounds: impl RangeBounds<f64>, sensitive: bool) {
        if !bounds.contains(&value) {
            let min = inclusive(bounds.start_bound()).map(Bound::Float);
            let max = inclusive(bounds.end_bound()).map(Bound::Float);
            self.report(Constraint::Range { min, max }, Some(float_json(value)), sensitive);
        }
    }

    /// A `pattern`, which must match somewhere in the string.
    pub fn pattern(&mut self, value: &str, pattern: &Pattern, sensitive: bool) {
        let constraint = match pattern.is_match(value) {
            Ok(true) => return,
            Ok(false) => Constraint::Pattern { pattern: pattern.source().to_owned() },
            Err(why) => Constraint::UncheckedPattern {
                pattern: pattern.source().to_owned(),
                why: why.to_owned(),
            },
        };
        self.report(constraint, Some(quoted(value)), sensitive);
    }

    /// A string enum value that is not among `listed`.
    pub fn unlisted(&mut self, value: &str, listed: &[&str], sensitive: bool) {
        self.report(Constraint::unlisted(listed), Some(quoted(value)), sensitive);
    }

    /// An integer enum value that is not among `listed`.
    pub fn unlisted_integer(&mut self, value: i32, listed: &[i32], sensitive: bool) {
        self.report(Constraint::unlisted(listed), Some(value.to_string()), sensitive);
    }

    /// Member `name`, which the structure or union `shape` does not have.
    pub fn unknown_member(&mut self, name: &'a str, shape: &str, union: bool) {
        self.member(name);
        let constraint = Constraint::UnknownMember { shape: shape.to_owned(), union };
        self.report(constraint, None, false);
        self.leave();
    }

    /// A `hostLabel` member, which must be 1 to 63 ASCII letters, digits and hyphens, not
    /// starting with a hyphen.
    pub fn host_label(&mut self, value: &str, sensitive: bool) {
        if let Err(why) = crate::host::label_problem(value) {
            self.report(Constraint::HostLabel { why }, Some(quoted(value)), sensitive);
        }
    }

    /// The violations so far.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// `Ok` if nothing was found, else every violation.
    pub fn finish(self) -> Result<(), Violations> {
        if self.violations.is_empty() { Ok(()) } else { Err(Violations::new(self.violations)) }
    }
}

/// A length range's ends, inclusive.
fn whole(bounds: &impl RangeBounds<u64>) -> (Option<u64>, Option<u64>) {
    let min = match bounds.start_bound() {
        ops::Bound::Included(min) => Some(*min),
        ops::Bound::Excluded(min) => Some(min.saturating_add(1)),
        ops::Bound::Unbounded => None,
    };
    let max = match bounds.end_bound() {
        ops::Bound::Included(max) => Some(*max),
        ops::Bound::Excluded(max) => Some(max.saturating_sub(1)),
        ops::Bound::Unbounded => None,
    };
    (min, max)
}

/// A range's end as a message states it (models give inclusive bounds).
fn inclusive<T: Copy>(bound: ops::Bound<&T>) -> Option<T> {
    match bound {
        ops::Bound::Included(value) | ops::Bound::Excluded(value) => Some(*value),
        ops::Bound::Unbounded => None,
    }
}

fn out_of(actual: u64, min: Option<u64>, max: Option<u64>) -> bool {
    min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max)
}

/// A string as JSON, cut if long.
fn quoted(value: &str) -> String {
    serde_json::Value::from(bounded(value, VALUE_SHOWN).into_owned()).to_string()
}

/// JSON text cut if long: a report's value may be any JSON (the values this module quotes are
/// already short).
fn cut_json(json: &str) -> String {
    bounded(json, 2 * VALUE_SHOWN).into_owned()
}

/// A float as the wire writes it: a number, or `"NaN"`, `"Infinity"`, `"-Infinity"`.
fn float_json(value: f64) -> String {
    match serde_json::Number::from_f64(value) {
        Some(number) => number.to_string(),
        None if value.is_nan() => "\"NaN\"".to_owned(),
        None if value > 0.0 => "\"Infinity\"".to_owned(),
        None => "\"-Infinity\"".to_owned(),
    }
}
