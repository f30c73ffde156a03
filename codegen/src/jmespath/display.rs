//! Writes a syntax tree back as JMESPath, with parentheses only where the parser needs them, so
//! that every tree [`parse`](super::parse) returns is parsed back the same.
//!
//! A node is written in a slot: the binding power its text is parsed with (`rbp`) and that of the
//! token written after it (`follow`). It needs parentheses when its top operator binds no more
//! than `rbp`, or when a part at its right end was parsed with less than `follow` and would take
//! the next token in. Trees the parser never builds (an `Index` after `.`, a literal as a
//! projection's right side…) are written as `not_null(…)` there, which means the same.

use std::fmt;

use super::ast::{Node, ProjectionKind};

use super::power::{
    AND, BRACKET, COMPARE, DOT, FILTER, FLATTEN, NOT, OR, PIPE, PROJECTION_STOP, STAR,
};
/// Ends with `]`, `)`, `}` or a closed token: nothing after it is taken in.
const CLOSED: u8 = u8::MAX;
/// Built from its first token: never parenthesized for what is before it.
const PREFIX: u8 = u8::MAX;

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write(self, 0, 0, f)
    }
}

fn write(node: &Node, rbp: u8, follow: u8, out: &mut dyn fmt::Write) -> fmt::Result {
    if !needs_parens(node, rbp, follow) {
        return write_bare(node, rbp, follow, out);
    }
    out.write_char('(')?;
    write_bare(node, 0, 0, out)?;
    out.write_char(')')
}

fn write_bare(node: &Node, rbp: u8, follow: u8, out: &mut dyn fmt::Write) -> fmt::Result {
    match node {
        Node::Current => out.write_char('@'),
        Node::Field(name) => write_name(name, out),
        Node::Literal(value) => write_literal(value, out),
        Node::Subexpr(left, right) => {
            write(left, rbp, DOT, out)?;
            write_after_dot(right, follow, out)
        }
        Node::Index(of, index) => {
            write_left_of_bracket(of, rbp, out)?;
            write!(out, "[{index}]")
        }
        Node::Slice { of, start, stop, step } => {
            write_left_of_bracket(of, rbp, out)?;
            write_slice(*start, *stop, *step, out)
        }
        Node::Projection { kind, source, rhs } => {
            match (kind, source.as_ref()) {
                (ProjectionKind::List, Node::Slice { of, start, stop, step }) => {
                    write_left_of_bracket(of, rbp, out)?;
                    write_slice(*start, *stop, *step, out)?;
                }
                (ProjectionKind::List, source) => {
                    write_left_of_bracket(source, rbp, out)?;
                    out.write_str("[*]")?;
                }
                (ProjectionKind::Flatten, Node::Current) => out.write_str("[]")?,
                (ProjectionKind::Flatten, source) => {
                    write(source, rbp, FLATTEN, out)?;
                    out.write_str("[]")?;
                }
                (ProjectionKind::Filter(condition), source) => {
                    if source != &Node::Current {
                        write(source, rbp, FILTER, out)?;
                    }
                    out.write_str("[?")?;
                    write(condition, 0, 0, out)?;
                    out.write_char(']')?;
                }
                (ProjectionKind::Values, Node::Current) => out.write_char('*')?,
                (ProjectionKind::Values, source) => {
                    write(source, rbp, DOT, out)?;
                    out.write_str(".*")?;
                }
            }
            write_rhs(rhs, rhs_power(kind, source), follow, out)
        }
        Node::Compare(comparator, left, right) => {
            write_binary(left, comparator.symbol(), COMPARE, right, (rbp, follow), out)
        }
        Node::And(left, right) => write_binary(left, "&&", AND, right, (rbp, follow), out),
        Node::Or(left, right) => write_binary(left, "||", OR, right, (rbp, follow), out),
        Node::Pipe(left, right) => write_binary(left, "|", PIPE, right, (rbp, follow), out),
        Node::Not(operand) => {
            out.write_char('!')?;
            write(operand, NOT, follow, out)
        }
        Node::Function(name, arguments) => {
            out.write_str(name)?;
            write_list('(', arguments.iter().map(|argument| (None, argument)), ')', out)
        }
        // `[*]` would be a projection.
        Node::MultiList(items) if items.as_slice() == [lone_star()] => out.write_str("[(*)]"),
        Node::MultiList(items) => write_list('[', items.iter().map(|item| (None, item)), ']', out),
        Node::MultiHash(pairs) => {
            write_list('{', pairs.iter().map(|(key, value)| (Some(key), value)), '}', out)
        }
        Node::ExpressionRef(operand) => {
            // `& &a`: `&&` would be a conjunction.
            let space = if matches!(operand.as_ref(), Node::ExpressionRef(_)) { " " } else { "" };
            write!(out, "&{space}")?;
            write(operand, 0, follow, out)
        }
    }
}

/// `*` alone: the values of the current object.
fn lone_star() -> Node {
    Node::Projection {
        kind: ProjectionKind::Values,
        source: Box::new(Node::Current),
        rhs: Box::new(Node::Current),
    }
}

/// `of` before `[`: nothing for `@`, as `[0]` is `@[0]`.
fn write_left_of_bracket(of: &Node, rbp: u8, out: &mut dyn fmt::Write) -> fmt::Result {
    if of == &Node::Current { Ok(()) } else { write(of, rbp, BRACKET, out) }
}

fn write_slice(
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    out: &mut dyn fmt::Write,
) -> fmt::Result {
    let part = |part: Option<i64>| part.map(|number| number.to_string()).unwrap_or_default();
    write!(out, "[{}:{}", part(start), part(stop))?;
    if let Some(step) = step {
        write!(out, ":{step}")?;
    }
    out.write_char(']')
}

fn write_binary(
    left: &Node,
    operator: &str,
    power: u8,
    right: &Node,
    (rbp, follow): (u8, u8),
    out: &mut dyn fmt::Write,
) -> fmt::Result {
    write(left, rbp, power, out)?;
    write!(out, " {operator} ")?;
    write(right, power, follow, out)
}

/// `(a, b)`, `[a, b]` or `{key: a, other: b}`.
fn write_list<'a>(
    open: char,
    items: impl Iterator<Item = (Option<&'a String>, &'a Node)>,
    close: char,
    out: &mut dyn fmt::Write,
) -> fmt::Result {
    out.write_char(open)?;
    for (position, (key, item)) in items.enumerate() {
        if position > 0 {
            out.write_str(", ")?;
        }
        if let Some(key) = key {
            write_name(key, out)?;
            out.write_str(": ")?;
        }
        write(item, 0, 0, out)?;
    }
    out.write_char(close)
}

/// The right side of `a.b`, after the dot.
fn write_after_dot(right: &Node, follow: u8, out: &mut dyn fmt::Write) -> fmt::Result {
    out.write_char('.')?;
    match right {
        // No `[(*)]` here: `.[*]` is a multi-select.
        Node::MultiList(items) => write_list('[', items.iter().map(|item| (None, item)), ']', out),
        Node::MultiHash(_) => write(right, 0, 0, out),
        _ if first(right, DOT, follow) == First::Name => write(right, DOT, follow, out),
        _ => write_not_null(right, out),
    }
}

/// What a projection evaluates on each element, after its `[*]`, `[]`, `[?…]` or `*`.
fn write_rhs(rhs: &Node, power: u8, follow: u8, out: &mut dyn fmt::Write) -> fmt::Result {
    match (rhs, first(rhs, power, follow)) {
        (Node::Current, _) => Ok(()),
        (_, First::Bracket) => write(rhs, power, follow, out),
        (_, First::Name | First::Star) => {
            out.write_char('.')?;
            write(rhs, power, follow, out)
        }
        (Node::MultiHash(_), _) => {
            out.write_char('.')?;
            write(rhs, 0, 0, out)
        }
        _ => {
            out.write_char('.')?;
            write_not_null(rhs, out)
        }
    }
}

/// `not_null(node)`: the value of `node`, written where only a name may start.
fn write_not_null(node: &Node, out: &mut dyn fmt::Write) -> fmt::Result {
    out.write_str("not_null(")?;
    write(node, 0, 0, out)?;
    out.write_char(')')
}

/// A name as an identifier where it is one, else quoted.
fn write_name(name: &str, out: &mut dyn fmt::Write) -> fmt::Result {
    let mut characters = name.chars();
    let plain = characters.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && characters.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain { out.write_str(name) } else { write!(out, "{}", serde_json::Value::from(name)) }
}

/// A string as `'raw'` where it has no backslash, anything else as `` `json` ``.
fn write_literal(value: &serde_json::Value, out: &mut dyn fmt::Write) -> fmt::Result {
    match value {
        serde_json::Value::String(text) if !text.contains('\\') => {
            write!(out, "'{}'", text.replace('\'', "\\'"))
        }
        _ => write!(out, "`{}`", value.to_string().replace('`', "\\`")),
    }
}

/// How the parser builds a node's top: as an infix operator binding this much to what is
/// before it, or from its first token (a prefix form: `PREFIX`).
fn left_binding(node: &Node) -> u8 {
    match node {
        Node::Subexpr(..) => DOT,
        Node::Index(of, _) | Node::Slice { of, .. } => infix_unless_current(of, BRACKET),
        Node::Projection { kind, source, .. } => match (kind, source.as_ref()) {
            (ProjectionKind::List, Node::Slice { of, .. }) => infix_unless_current(of, BRACKET),
            (ProjectionKind::List, source) => infix_unless_current(source, BRACKET),
            (ProjectionKind::Flatten, source) => infix_unless_current(source, FLATTEN),
            (ProjectionKind::Filter(_), source) => infix_unless_current(source, FILTER),
            (ProjectionKind::Values, source) => infix_unless_current(source, DOT),
        },
        Node::Compare(..) => COMPARE,
        Node::And(..) => AND,
        Node::Or(..) => OR,
        Node::Pipe(..) => PIPE,
        // `name(` binds 60, more than any slot.
        _ => PREFIX,
    }
}

/// `[0]` is `@[0]` and `*` is `@.*`: prefix forms on `@`.
fn infix_unless_current(of: &Node, power: u8) -> u8 {
    if of == &Node::Current { PREFIX } else { power }
}

/// The binding power a projection's right side is parsed with.
fn rhs_power(kind: &ProjectionKind, source: &Node) -> u8 {
    match kind {
        ProjectionKind::List => STAR,
        ProjectionKind::Flatten => FLATTEN,
        ProjectionKind::Filter(_) => FILTER,
        ProjectionKind::Values if source == &Node::Current => STAR,
        ProjectionKind::Values => DOT,
    }
}

// Not inlined: rustc 1.95.0 (LLVM 22.1.2) at opt-level 3 miscompiles `write` with this inlined,
// taking the parenthesized branch for `b` in `b[0]` though this returns false (the tests fail
// in release builds without it; correct with LLVM's passes off).
#[inline(never)]
fn needs_parens(node: &Node, rbp: u8, follow: u8) -> bool {
    left_binding(node) <= rbp || tail(node) < follow
}

/// The least binding power a part at the node's right end is parsed with, as written without
/// parentheses of its own: a next token binding more is taken into that part.
fn tail(node: &Node) -> u8 {
    // The tail of a child in a slot: closed when it gets parentheses.
    let child = |node: &Node, rbp: u8| if left_binding(node) <= rbp { CLOSED } else { tail(node) };
    match node {
        Node::Subexpr(_, right) => match right.as_ref() {
            Node::MultiList(_) | Node::MultiHash(_) => CLOSED,
            right => DOT.min(child(right, DOT)),
        },
        Node::Projection { kind, source, rhs } => match rhs.as_ref() {
            Node::Current => PROJECTION_STOP - 1,
            Node::MultiHash(_) => CLOSED,
            rhs => {
                let power = rhs_power(kind, source);
                power.min(child(rhs, power))
            }
        },
        Node::Compare(_, _, right) => COMPARE.min(child(right, COMPARE)),
        Node::And(_, right) => AND.min(child(right, AND)),
        Node::Or(_, right) => OR.min(child(right, OR)),
        Node::Pipe(_, right) => PIPE.min(child(right, PIPE)),
        Node::Not(operand) => NOT.min(child(operand, NOT)),
        Node::ExpressionRef(_) => 0,
        _ => CLOSED,
    }
}

/// The kind of a node's first token, as written in a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum First {
    /// An identifier, quoted or not.
    Name,
    /// `[` or `[?`, but not `[]`.
    Bracket,
    Star,
    Other,
}

fn first(node: &Node, rbp: u8, follow: u8) -> First {
    if needs_parens(node, rbp, follow) {
        return First::Other;
    }
    let of_left = |of: &Node, power| {
        if of == &Node::Current { First::Bracket } else { first(of, rbp, power) }
    };
    match node {
        Node::Field(_) | Node::Function(..) => First::Name,
        Node::MultiList(_) => First::Bracket,
        Node::Subexpr(left, _) => first(left, rbp, DOT),
        Node::Index(of, _) | Node::Slice { of, .. } => of_left(of, BRACKET),
        Node::Projection { kind, source, .. } => match (kind, source.as_ref()) {
            (ProjectionKind::List, Node::Slice { of, .. }) => of_left(of, BRACKET),
            (ProjectionKind::List, source) => of_left(source, BRACKET),
            (ProjectionKind::Filter(_), source) => of_left(source, FILTER),
            (ProjectionKind::Flatten, Node::Current) => First::Other,
            (ProjectionKind::Flatten, source) => first(source, rbp, FLATTEN),
            (ProjectionKind::Values, Node::Current) => First::Star,
            (ProjectionKind::Values, source) => first(source, rbp, DOT),
        },
        Node::Compare(_, left, _) => first(left, rbp, COMPARE),
        Node::And(left, _) => first(left, rbp, AND),
        Node::Or(left, _) => first(left, rbp, OR),
        Node::Pipe(left, _) => first(left, rbp, PIPE),
        _ => First::Other,
    }
}
