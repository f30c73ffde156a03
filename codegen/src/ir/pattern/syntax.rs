//! A Java pattern, parsed: what each construct means, with the flags in force already applied.

use super::charset::CharSet;

/// One piece of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    /// Matches the empty string.
    Empty,
    /// One character, exactly.
    Literal(char),
    /// One character of a set (a class, `.`, `\d`, a letter under `(?i)`), and the pattern's
    /// own text for it where ECMAScript reads that text as the same set.
    Set {
        set: CharSet,
        written: Option<String>,
    },
    Concat(Vec<Node>),
    Alternation(Vec<Node>),
    /// `(…)`, `(?<name>…)` (with the group's Java number), or `(?:…)`.
    Group {
        capture: Option<Capture>,
        body: Box<Node>,
    },
    /// `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`.
    Look {
        behind: bool,
        negated: bool,
        body: Box<Node>,
    },
    /// `(?>…)`, and a possessive quantifier's operand.
    Atomic(Box<Node>),
    Repeat {
        body: Box<Node>,
        min: u32,
        max: Option<u32>,
        lazy: bool,
    },
    Assertion(Assertion),
    /// `\1`, `\k<name>`: the Java number of the group.
    BackReference(u32),
}

/// A capturing group: its number in Java's count, and its name if it has one.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Capture {
    pub index: u32,
    pub name: Option<String>,
}

/// A test of the position between two characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Assertion {
    /// `\A`, `\G` (where a single `find` starts), and `^` without `(?m)`.
    InputStart,
    /// `\z`.
    InputEnd,
    /// `$` without `(?m)`, and `\Z`: the end of input, or before a line terminator that ends it.
    FinalTerminator { unix_lines: bool },
    /// `^` under `(?m)`: the start, or after a line terminator that the input goes on after.
    LineStart { unix_lines: bool },
    /// `$` under `(?m)`: before any line terminator, or at the end.
    LineEnd { unix_lines: bool },
    /// `\b` (`negated`: `\B`).
    WordBoundary { negated: bool },
}

impl Node {
    /// The most characters a match can take; `None` if there is no bound.
    pub fn longest(&self) -> Option<u64> {
        match self {
            Node::Empty | Node::Assertion(_) | Node::Look { .. } => Some(0),
            Node::Literal(_) | Node::Set { .. } => Some(1),
            Node::BackReference(_) => None,
            Node::Concat(nodes) => {
                nodes.iter().try_fold(0u64, |total, node| total.checked_add(node.longest()?))
            }
            Node::Alternation(nodes) => {
                nodes.iter().try_fold(0u64, |most, node| Some(most.max(node.longest()?)))
            }
            Node::Group { body, .. } | Node::Atomic(body) => body.longest(),
            Node::Repeat { body, max, .. } => match (body.longest()?, max) {
                (0, _) => Some(0),
                (length, Some(max)) => length.checked_mul(u64::from(*max)),
                (_, None) => None,
            },
        }
    }

    /// Whether the node can match the empty string.
    pub fn may_be_empty(&self) -> bool {
        match self {
            Node::Empty | Node::Assertion(_) | Node::Look { .. } | Node::BackReference(_) => true,
            Node::Literal(_) | Node::Set { .. } => false,
            Node::Concat(nodes) => nodes.iter().all(Node::may_be_empty),
            Node::Alternation(nodes) => nodes.iter().any(Node::may_be_empty),
            Node::Group { body, .. } | Node::Atomic(body) => body.may_be_empty(),
            Node::Repeat { body, min, .. } => *min == 0 || body.may_be_empty(),
        }
    }

    /// Whether the node or anything in it passes `test`.
    pub fn contains(&self, test: &dyn Fn(&Node) -> bool) -> bool {
        test(self)
            || match self {
                Node::Concat(nodes) | Node::Alternation(nodes) => {
                    nodes.iter().any(|node| node.contains(test))
                }
                Node::Group { body, .. }
                | Node::Atomic(body)
                | Node::Repeat { body, .. }
                | Node::Look { body, .. } => body.contains(test),
                Node::Empty
                | Node::Literal(_)
                | Node::Set { .. }
                | Node::Assertion(_)
                | Node::BackReference(_) => false,
            }
    }

    /// Whether the node never consumes a character (Java repeats such a node once at most).
    pub fn is_zero_width(&self) -> bool {
        match self {
            Node::Empty | Node::Assertion(_) | Node::Look { .. } => true,
            Node::Literal(_) | Node::Set { .. } | Node::BackReference(_) => false,
            Node::Concat(nodes) | Node::Alternation(nodes) => nodes.iter().all(Node::is_zero_width),
            Node::Group { body, .. } | Node::Atomic(body) | Node::Repeat { body, .. } => {
                body.is_zero_width()
            }
        }
    }
}
