//! A waiter expression after type checking: every member resolved, every value's type known,
//! so the emitter writes plain Rust from it.

use super::super::{ShapeId, Step};
use crate::jmespath::Comparator;

/// What an expression gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// A value of a model shape, or null (`Option<&T>` in Rust).
    Shape(ShapeId),
    /// A list a projection made: its non-null elements (`Vec<&T>`).
    Many(ShapeId),
    /// `true` or `false`, never null (a comparison, `&&`, `||`, `!`, `contains`).
    Bool,
    /// A number computed, never null (`length`).
    Number,
    /// A literal.
    Literal(serde_json::Value),
}

/// The kind of value a shape holds, as far as comparisons and functions care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar {
    /// A string; `as_str` for an enum.
    String {
        is_enum: bool,
    },
    /// An integer, long, float or double; `i32`-valued int enums by `value()`.
    Number {
        int_enum: bool,
    },
    Boolean,
}

/// A typed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    /// The operation's output (`Option<&Output>`, always `Some`).
    Output,
    /// The element a projection or filter is looking at (`Option<&T>`, always `Some`).
    Element(ShapeId),
    /// A structure's member.
    Member {
        of: Box<Typed>,
        step: Step,
    },
    /// A list's element by index, negative from the end.
    Index {
        of: Box<Typed>,
        index: i64,
    },
    /// A projection: `source` as a list of `element`s (a list shape's items, a map's values, a
    /// flattened list of lists), kept where `filter` holds, each mapped by `each` (nulls dropped).
    Project {
        source: Box<Typed>,
        source_ty: Ty,
        how: Source,
        element: ShapeId,
        filter: Option<Box<Typed>>,
        each: Box<Typed>,
        each_ty: Ty,
    },
    /// Whether every element of `list` (a projection, and there is one) or any of them passes
    /// `test`, which looks at [`Typed::Element`]: `pathAll` and `pathAny`.
    Quantified {
        all: bool,
        list: Box<Typed>,
        test: Box<Typed>,
    },
    /// A comparison; `how` says how the two sides are read.
    Compare {
        op: Comparator,
        left: Box<Typed>,
        right: Box<Typed>,
        how: Comparison,
    },
    And(Box<Typed>, Box<Typed>),
    Or(Box<Typed>, Box<Typed>),
    Not(Box<Typed>),
    /// Whether a value is truthy, as JMESPath says (not null, not false, not empty).
    Truthy {
        of: Box<Typed>,
        ty: Ty,
    },
    /// `length(…)` of a list, map or string (a projection: its count).
    Length {
        of: Box<Typed>,
        ty: Ty,
    },
    Literal(serde_json::Value),
}

/// How a projection reads its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A list shape's items.
    ListItems,
    /// A list shape whose items are lists: the inner items (`[]` on a list of lists).
    NestedListItems,
    /// A map shape's values (`*`).
    MapValues,
    /// A projection's list (`Vec<&T>`).
    Projected,
    /// A projection's list of lists, flattened.
    ProjectedLists,
}

/// How the two sides of a comparison are read, each as an `Option` of a plain value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// As text (`Option<&str>`).
    Text,
    /// As numbers (`Option<f64>`).
    Number,
    /// As booleans (`Option<bool>`).
    Boolean,
    /// Whether the left side is null (`== null`), or not.
    IsNull,
}
