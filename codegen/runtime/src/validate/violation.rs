//! What a check found: a [`Violation`] of one [`Constraint`] at one JSON path.

use ::std::fmt;

/// A value that breaks one constraint of the model.
///
/// Displays as `path: what is wrong`, like
/// `ComputeCapacity.DesiredInstances: 0 is less than the minimum of 1`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Violation {
    /// The JSON path of the value, like `Fleets[0].Tags["Owner"]`; empty for the value checked.
    pub path: String,
    /// What the model asks that the value does not do.
    pub constraint: Constraint,
    /// The value as JSON, cut if long; `None` for values not shown (lists, maps, blobs) and
    /// for sensitive ones.
    pub value: Option<String>,
    /// Whether the value is `sensitive` in the model, and so not shown.
    pub sensitive: bool,
}

/// A constraint of the model.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Constraint {
    /// `min` and `max` of a string (in Unicode scalar values, as Smithy counts), blob, list or
    /// map; `actual` is the value's length.
    Length { unit: Unit, actual: usize, min: Option<u64>, max: Option<u64> },
    /// `min` and `max` of a number.
    Range { min: Option<Bound>, max: Option<Bound> },
    /// A `pattern` the string does not match.
    Pattern { pattern: String },
    /// A `pattern` that could not be compiled, so the value was not checked against it.
    UncheckedPattern { pattern: String, why: String },
    /// An enum value the model does not list (the first of them, and how many there are).
    Unlisted { listed: Vec<String>, count: usize },
    /// A member the structure or union does not have; the path ends in its name.
    UnknownMember { shape: String, union: bool },
    /// A member with `hostLabel` that cannot be a label of a host name.
    HostLabel { why: String },
    /// A required member that is missing; the path ends in its name.
    Required,
    /// A JSON value of the wrong type, or one that does not read as the shape's type.
    Type { expected: String },
    /// A union with no member set, or more than one: it needs exactly one.
    UnionMembers { set: Vec<String> },
}

/// What a [`Constraint::Length`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unit {
    /// A string's Unicode scalar values.
    Characters,
    /// A blob's bytes.
    Bytes,
    /// A list's elements.
    Items,
    /// A map's entries.
    Entries,
}

/// A bound of a [`Constraint::Range`], as the model writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    Integer(i64),
    Float(f64),
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Integer(value) => write!(f, "{value}"),
            Bound::Float(value) => write!(f, "{value}"),
        }
    }
}

impl Unit {
    fn counted(self, count: usize) -> String {
        let (one, many) = match self {
            Unit::Characters => ("character", "characters"),
            Unit::Bytes => ("byte", "bytes"),
            Unit::Items => ("item", "items"),
            Unit::Entries => ("entry", "entries"),
        };
        format!("{count} {}", if count == 1 { one } else { many })
    }

    /// What a message calls a value it does not show.
    fn subject(self) -> &'static str {
        match self {
            Unit::Characters => "the string",
            Unit::Bytes => "the blob",
            Unit::Items => "the list",
            Unit::Entries => "the map",
        }
    }
}

/// How many enum values a message lists before it says how many more there are.
const LISTED_SHOWN: usize = 8;

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(top level)" } else { &self.path };
        write!(f, "{path}: ")?;
        let value = match (&self.value, self.sensitive) {
            (_, true) => "the value (sensitive, not shown)",
            (Some(value), false) => value.as_str(),
            (None, false) => "the value",
        };
        match &self.constraint {
            Constraint::Length { unit, actual, min, max } => {
                let subject =
                    if self.value.is_none() && !self.sensitive { unit.subject() } else { value };
                write!(f, "{subject} has {}, ", unit.counted(*actual))?;
                match (min, max) {
                    (Some(min), _) if (*actual as u64) < *min => {
                        write!(f, "fewer than the minimum of {min}")
                    }
                    (_, Some(max)) => write!(f, "more than the maximum of {max}"),
                    _ => f.write_str("outside its bounds"),
                }
            }
            Constraint::Range { min, max } => match (min, max) {
                (Some(min), Some(max)) => {
                    write!(f, "{value} is outside the range {min} to {max}")
                }
                (Some(min), None) => write!(f, "{value} is less than the minimum of {min}"),
                (None, Some(max)) => write!(f, "{value} is more than the maximum of {max}"),
                (None, None) => write!(f, "{value} is outside its range"),
            },
            Constraint::Pattern { pattern } => {
                write!(f, "{value} does not match the pattern {pattern}")
            }
            Constraint::UncheckedPattern { pattern, why } => {
                write!(f, "{value} could not be checked against the pattern {pattern}: {why}")
            }
            Constraint::Unlisted { listed, count } => {
                write!(f, "{value} is not a value the model lists ({}", listed.join(", "))?;
                match count.saturating_sub(listed.len()) {
                    0 => f.write_str(")"),
                    more => write!(f, ", and {more} more)"),
                }
            }
            Constraint::UnknownMember { shape, union } => {
                let kind = if *union { "union" } else { "structure" };
                write!(f, "{kind} `{shape}` has no such member")
            }
            Constraint::HostLabel { why } => write!(f, "{value} cannot be a host label: {why}"),
            Constraint::Required => {
                f.write_str("the model requires this member, and it is missing")
            }
            Constraint::Type { expected } => write!(f, "expected {expected}, found {value}"),
            Constraint::UnionMembers { set } if set.is_empty() => {
                f.write_str("a union needs exactly one member set, and this one has none")
            }
            Constraint::UnionMembers { set } => write!(
                f,
                "a union needs exactly one member set, and this one has {} ({})",
                set.len(),
                set.join(", ")
            ),
        }
    }
}

impl Constraint {
    /// [`Constraint::Unlisted`] for a value not among `listed`, keeping the first few.
    pub fn unlisted<T: fmt::Display>(listed: &[T]) -> Self {
        let shown = listed.iter().take(LISTED_SHOWN).map(ToString::to_string).collect();
        Constraint::Unlisted { listed: shown, count: listed.len() }
    }
}

/// Every violation a check found, in the order of the value's members; never empty.
///
/// Displays the first ten, `; `-separated, then how many more there are.
#[derive(Debug, Clone, PartialEq)]
pub struct Violations(Vec<Violation>);

/// How many violations `Display` shows.
const SHOWN: usize = 10;

impl Violations {
    pub(crate) fn new(violations: Vec<Violation>) -> Self {
        Violations(violations)
    }

    /// The violations, in order.
    pub fn iter(&self) -> ::std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// How many there are (at least one).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a check that finds nothing gives no `Violations`.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The violations, owned.
    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, violation) in self.0.iter().take(SHOWN).enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{violation}")?;
        }
        match self.0.len().saturating_sub(SHOWN) {
            0 => Ok(()),
            more => write!(f, "; and {more} more"),
        }
    }
}

impl ::std::error::Error for Violations {}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = ::std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = ::std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
