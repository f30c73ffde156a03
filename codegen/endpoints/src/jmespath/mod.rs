//! The part of JMESPath that botocore's models use in `operationContextParams` paths, which
//! pick endpoint parameters out of an operation's input (DynamoDB's
//! `TransactItems[*].Get.TableName`, `keys(RequestItems)`…).
//!
//! Supported: identifiers (plain and `"quoted"`), sub-expressions `a.b`, list projections
//! `[*]`, object projections `*`, flattening `[]`, indexes `[n]` (negative from the end),
//! multi-select lists `[a, b]`, the current node `@` and the function `keys`. The rest of
//! JMESPath (filters, slices, pipes, comparisons, literals, hashes, other functions) is refused
//! when parsed, by name.

mod eval;
mod lexer;
mod parser;
#[cfg(test)]
mod tests;

use std::fmt;

/// A parsed context-parameter path.
#[derive(Debug, Clone)]
pub struct ContextPath {
    expression: String,
    root: Node,
}

/// The syntax tree.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    /// `@`: the value itself.
    Current,
    /// An identifier: an object's member.
    Field(String),
    /// `left.right`: `right` applied to `left`'s value.
    Subexpression(Box<Node>, Box<Node>),
    /// `left[n]`.
    Index(Box<Node>, i64),
    /// `left[*]right`, and what follows `[]`: `right` applied to each element of `left`'s list.
    ListProjection(Box<Node>, Box<Node>),
    /// `left.*right`: `right` applied to each member value of `left`'s object.
    ObjectProjection(Box<Node>, Box<Node>),
    /// `left[]`: `left`'s list with its list elements' elements in their place.
    Flatten(Box<Node>),
    /// `[a, b]`.
    MultiSelectList(Vec<Node>),
    /// `keys(argument)`.
    Keys(Box<Node>),
}

impl ContextPath {
    /// Parses a JMESPath expression of the supported subset.
    ///
    /// # Errors
    ///
    /// When the text is not JMESPath, or uses what this subset lacks: the error says what was
    /// expected or is unsupported, and at which character.
    pub fn parse(expression: &str) -> Result<ContextPath, ContextPathError> {
        let root = parser::parse(expression)?;
        Ok(ContextPath { expression: expression.to_owned(), root })
    }

    /// The value the path selects from `input`, as JMESPath defines it: `null` where something
    /// is missing or of another type, and projections leave out `null` results.
    // `keys` of a non-object is `null` too, where JMESPath raises an error: paths can't fail.
    pub fn evaluate(&self, input: &serde_json::Value) -> serde_json::Value {
        eval::evaluate(&self.root, input).into_owned()
    }

    /// The expression as parsed.
    pub fn expression(&self) -> &str {
        &self.expression
    }
}

/// Why a context path does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextPathError {
    offset: usize,
    message: String,
}

impl ContextPathError {
    /// An error at byte `at` of `expression`.
    fn new(expression: &str, at: usize, message: impl Into<String>) -> ContextPathError {
        let offset = expression.get(..at).map_or(at, |before| before.chars().count());
        ContextPathError { offset, message: message.into() }
    }

    /// The offset, in characters, of what is wrong.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ContextPathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for ContextPathError {}
