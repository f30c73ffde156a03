//! What goes wrong reading a rule set, and resolving an endpoint with one.

use ::std::fmt;

/// Why a rule set was refused: every problem found, each at its place in the file (like
/// `rules[1].rules[0].conditions[2].argv[0]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetError {
    problems: Vec<Problem>,
}

/// One problem of a rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The JSON path of what is wrong, `` (empty) for the file as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.as_str() {
            "" => f.write_str(&self.message),
            path => write!(f, "{path}: {}", self.message),
        }
    }
}

impl RuleSetError {
    pub(crate) fn new(problems: Vec<Problem>) -> Self {
        RuleSetError { problems }
    }

    /// Every problem, in the order of the file.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "the endpoint rule set has a problem: {one}"),
            many => {
                write!(f, "the endpoint rule set has {} problems:", many.len())?;
                many.iter().try_for_each(|problem| write!(f, "\n  {problem}"))
            }
        }
    }
}

impl ::std::error::Error for RuleSetError {}

/// Why no endpoint was resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResolveError {
    /// An `error` rule matched: its message, word for word, like `Invalid Configuration: FIPS
    /// and custom endpoint are not supported`.
    Rule(String),
    /// A parameter was given a value the rule set does not take: an undeclared name, the
    /// wrong type, or no value for a required parameter without a default.
    Param(String),
    /// No rule matched the parameters (a rule set whose rules do not cover every case).
    NoRuleMatched(String),
    /// A matched endpoint rule built a URL that is not one, or a template read a value that is
    /// not a string.
    Invalid(String),
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Rule(message)
            | ResolveError::Param(message)
            | ResolveError::NoRuleMatched(message)
            | ResolveError::Invalid(message) => f.write_str(message),
        }
    }
}

impl ::std::error::Error for ResolveError {}
