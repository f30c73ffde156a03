//! The one error type of the public API, and the problems a model can have.

use std::fmt;
use std::path::PathBuf;

/// Where in a model a problem sits, so that every message can name it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    Model,
    Metadata,
    Operation(String),
    Shape(String),
    Member { shape: String, member: String },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Model => f.write_str("model"),
            Location::Metadata => f.write_str("metadata"),
            Location::Operation(name) => write!(f, "operation `{name}`"),
            Location::Shape(name) => write!(f, "shape `{name}`"),
            Location::Member { shape, member } => write!(f, "shape `{shape}`, member `{member}`"),
        }
    }
}

/// One thing wrong with a model.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub location: Location,
    pub message: String,
}

impl Problem {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Problem { location, message: message.into() }
    }

    pub fn shape(shape: &str, message: impl Into<String>) -> Self {
        Problem::new(Location::Shape(shape.to_owned()), message)
    }

    pub fn member(shape: &str, member: &str, message: impl Into<String>) -> Self {
        let location = Location::Member { shape: shape.to_owned(), member: member.to_owned() };
        Problem::new(location, message)
    }

    pub fn operation(operation: &str, message: impl Into<String>) -> Self {
        Problem::new(Location::Operation(operation.to_owned()), message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Everything that can go wrong between a model file and generated code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read `{}`: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write `{}`: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    /// The model cannot be used: its JSON is broken or has the wrong form, or it says
    /// something the generator cannot accept. Every problem found is listed.
    #[error("`{}` {}", path.display(), ProblemList(problems))]
    Invalid { path: PathBuf, problems: Vec<Problem> },
    /// An error that does not come from a model (e.g. formatting the output failed).
    #[error("{0}")]
    Internal(String),
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [only] => write!(f, "has a problem: {only}"),
            problems => {
                write!(f, "has {} problems:", problems.len())?;
                problems.iter().try_for_each(|problem| write!(f, "\n  {problem}"))
            }
        }
    }
}
