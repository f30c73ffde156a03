//! JMESPath, the language of botocore waiters' acceptor `argument`s (`Fleets[].State`,
//! `length(services[?status != 'ACTIVE']) == \`0\``): a parser to the syntax tree the
//! generator type-checks and emits Rust from, and a reference interpreter that gives an
//! expression's meaning on a JSON value, for tests of that Rust.
//!
//! The grammar is the whole of the JMESPath specification, parsed as its reference
//! implementation (jmespath.py) parses it, with its binding powers, so that projections nest as
//! they do there. Where jmespath.py is laxer than the specification (`f(a b)` without a comma,
//! `(f)(x)`, `[1 2]` in a slice), the parser refuses; `a[0][1:]` is a projection as any other
//! slice, where jmespath.py's parser folds it into the index and does not project.
//! Positions in errors are byte offsets.

mod ast;
mod display;
mod functions;
mod interpret;
mod lexer;
mod parser;
mod power;
#[cfg(test)]
mod tests;

pub use self::ast::{Comparator, Node, ProjectionKind};
pub use self::interpret::{InterpretError, InterpretErrorKind, interpret};

use std::fmt;

/// Deeper than any waiter (8 levels at most) or the compliance suite's deepest benchmark
/// (104 projections); it bounds the recursion of parsing, printing and interpreting.
pub const MAX_DEPTH: usize = 128;

/// A parsed expression and its source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Expression {
    pub source: String,
    pub root: Node,
}

/// Parses a JMESPath expression.
///
/// # Errors
///
/// When `source` is not JMESPath, or nests deeper than [`MAX_DEPTH`]: the error gives the byte
/// offset of the token at fault and what was expected there.
pub fn parse(source: &str) -> Result<Expression, ParseError> {
    let root = parser::parse(source)?;
    Ok(Expression { source: source.to_owned(), root })
}

/// Why an expression does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    offset: usize,
    message: String,
    source: String,
}

impl ParseError {
    fn new(source: &str, offset: usize, message: impl Into<String>) -> ParseError {
        ParseError { offset, message: message.into(), source: source.to_owned() }
    }

    /// The byte offset in the source of what is wrong.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What is wrong, without the position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The expression that failed to parse.
    pub fn expression(&self) -> &str {
        &self.source
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {} in `{}`", self.offset, self.message, self.source)
    }
}

impl std::error::Error for ParseError {}
