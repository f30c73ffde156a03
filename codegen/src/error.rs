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
    Member {
        shape: String,
        member: String,
    },
    /// The paginator of an operation, in a paginators file.
    Paginator(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Model => f.write_str("model"),
            Location::Metadata => f.write_str("metadata"),
            Location::Operation(name) => write!(f, "operation `{name}`"),
            Location::Shape(name) => write!(f, "shape `{name}`"),
            Location::Member { shape, member } => write!(f, "shape `{shape}`, member `{member}`"),
            Location::Paginator(operation) => write!(f, "paginator `{operation}`"),
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
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The model cannot be used: its JSON is broken or has the wrong form, or it says
    /// something the generator cannot accept. Every problem found is listed.
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// A setting the generator was given cannot be used; `setting` names it.
    Setting {
        setting: &'static str,
        message: String,
    },
    /// An error that does not come from a model (e.g. formatting the output failed).
    Internal(String),
}

// Written out rather than derived with thiserror: its proc macro was the slowest part of a
// clean build of a crate that generates its types, for four messages.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => write!(f, "cannot read `{}`: {source}", path.display()),
            Error::Write { path, source } => {
                write!(f, "cannot write `{}`: {source}", path.display())
            }
            Error::Invalid { path, problems } => {
                write!(f, "`{}` {}", path.display(), ProblemList(problems))
            }
            Error::Setting { setting, message } => write!(f, "{setting}: {message}"),
            Error::Internal(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            Error::Invalid { .. } | Error::Setting { .. } | Error::Internal(_) => None,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn errors_say_what_and_where() {
        let missing = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let read = Error::Read { path: PathBuf::from("m.json"), source: missing };
        assert_eq!(read.to_string(), "cannot read `m.json`: no such file");
        assert_eq!(read.source().map(ToString::to_string), Some("no such file".to_owned()));
        let problems = vec![Problem::shape("A", "has no `type`"), Problem::member("B", "C", "x")];
        let invalid = Error::Invalid { path: PathBuf::from("m.json"), problems };
        assert_eq!(
            invalid.to_string(),
            "`m.json` has 2 problems:\n  shape `A`: has no `type`\n  shape `B`, member `C`: x"
        );
        assert!(invalid.source().is_none());
        assert_eq!(Error::Internal("boom".to_owned()).to_string(), "boom");
    }
}
