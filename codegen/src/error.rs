//! The one error type of the public API, and the problems a model can have.

use std::fmt;
use std::path::{Path, PathBuf};

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
    /// A place in an endpoint rule set file, like `rules[1].conditions[0]` (empty: the file).
    EndpointRule(String),
    /// A waiter, in a waiters file.
    Waiter(String),
    /// An acceptor of a waiter, by its index in the waiter's list.
    Acceptor {
        waiter: String,
        index: usize,
    },
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
            Location::EndpointRule(path) if path.is_empty() => f.write_str("rule set"),
            Location::EndpointRule(path) => write!(f, "`{path}`"),
            Location::Waiter(name) => write!(f, "waiter `{name}`"),
            Location::Acceptor { waiter, index } => {
                write!(f, "waiter `{waiter}`, acceptor {index}")
            }
        }
    }
}

/// One thing wrong with a model.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub location: Location,
    pub message: String,
    /// What would get past it, worded where the error surfaces (a build script or the
    /// command line).
    pub fix: Option<Fix>,
}

/// A way past a problem that depends on how the generator is driven.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Fix {
    /// Leave `operation` out of the selection.
    LeaveOut { operation: String },
}

/// Where an error is shown: the wording of its fixes and paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Surface {
    /// A program using the library (a build script): `Builder::…` calls, paths said relative to
    /// the directory the program runs in.
    Library,
    /// The `codegen` command: its flags, paths as typed.
    CommandLine,
}

impl Problem {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Problem { location, message: message.into(), fix: None }
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

    /// The problem with `fix` as the way past it.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    fn render(&self, f: &mut fmt::Formatter<'_>, surface: Surface) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)?;
        match (&self.fix, surface) {
            (None, _) => Ok(()),
            (Some(Fix::LeaveOut { operation }), Surface::Library) => {
                write!(
                    f,
                    "; leave the operation out (`Builder::exclude_operations([{operation:?}])`)"
                )
            }
            (Some(Fix::LeaveOut { operation }), Surface::CommandLine) => {
                write!(f, "; leave the operation out (`--exclude-operations {operation}`)")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f, Surface::Library)
    }
}

/// Everything that can go wrong between a model file and generated code.
///
/// `Debug` shows the same text as `Display`, since build scripts that `unwrap()` or return it
/// from `main` print `Debug`.
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
    /// Writing `path` would destroy `input`, a file this run reads (the same file, through
    /// another name or a link).
    Overwrite {
        path: PathBuf,
        input: PathBuf,
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
// clean build of a crate that generates its types, for a handful of messages.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f, Surface::Library)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render(f, Surface::Library)
    }
}

impl Error {
    /// The error as the `codegen` command shows it: fixes name its flags, paths are as typed.
    pub fn on_command_line(&self) -> impl fmt::Display + '_ {
        OnCommandLine(self)
    }

    fn render(&self, f: &mut fmt::Formatter<'_>, surface: Surface) -> fmt::Result {
        fn path(path: &Path, surface: Surface) -> Shown<'_> {
            Shown(path, surface)
        }
        match self {
            Error::Read { path: file, source } => {
                write!(f, "cannot read {}: {source}", path(file, surface))
            }
            Error::Write { path: file, source } => {
                write!(f, "cannot write {}: {source}", path(file, surface))
            }
            Error::Invalid { path: file, problems } => {
                write!(f, "{} ", path(file, surface))?;
                render_problems(f, problems, surface)
            }
            Error::Overwrite { path: file, input } => write!(
                f,
                "refusing to write {}: it is {}, which this run reads",
                path(file, surface),
                path(input, surface)
            ),
            Error::Setting { setting, message } => match (surface, *setting) {
                // The command's flag for the setting a build script would call.
                (Surface::CommandLine, "Builder::protocol") => write!(f, "--protocol: {message}"),
                _ => write!(f, "{setting}: {message}"),
            },
            Error::Internal(message) => f.write_str(message),
        }
    }
}

struct OnCommandLine<'a>(&'a Error);

impl fmt::Display for OnCommandLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.render(f, Surface::CommandLine)
    }
}

/// A path in a message: as given, and for a program, what a relative one is relative to.
struct Shown<'a>(&'a Path, Surface);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0.display())?;
        match std::env::current_dir() {
            Ok(directory) if self.0.is_relative() && self.1 == Surface::Library => {
                write!(f, " (relative to `{}`)", directory.display())
            }
            _ => Ok(()),
        }
    }
}

/// Shown at most: a model with thousands of problems is summed up.
const PROBLEMS_SHOWN: usize = 20;

fn render_problems(
    f: &mut fmt::Formatter<'_>,
    problems: &[Problem],
    surface: Surface,
) -> fmt::Result {
    if let [only] = problems {
        f.write_str("has a problem: ")?;
        return only.render(f, surface);
    }
    write!(f, "has {} problems:", problems.len())?;
    for problem in problems.iter().take(PROBLEMS_SHOWN) {
        f.write_str("\n  ")?;
        problem.render(f, surface)?;
    }
    match problems.len().checked_sub(PROBLEMS_SHOWN) {
        Some(more) if more > 0 => {
            write!(f, "\n  … and {more} more (the first {PROBLEMS_SHOWN} are shown)")
        }
        _ => Ok(()),
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            Error::Invalid { .. }
            | Error::Overwrite { .. }
            | Error::Setting { .. }
            | Error::Internal(_) => None,
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
        let read = Error::Read { path: PathBuf::from("/models/m.json"), source: missing };
        assert_eq!(read.to_string(), "cannot read `/models/m.json`: no such file");
        assert_eq!(read.source().map(ToString::to_string), Some("no such file".to_owned()));
        let problems = vec![Problem::shape("A", "has no `type`"), Problem::member("B", "C", "x")];
        let invalid = Error::Invalid { path: PathBuf::from("/m.json"), problems };
        assert_eq!(
            invalid.to_string(),
            "`/m.json` has 2 problems:\n  shape `A`: has no `type`\n  shape `B`, member `C`: x"
        );
        assert!(invalid.source().is_none());
        assert_eq!(Error::Internal("boom".to_owned()).to_string(), "boom");
    }

    #[test]
    fn debug_reads_as_display_for_build_scripts() {
        let problems = vec![Problem::new(Location::Metadata, "no `targetPrefix`")];
        let invalid = Error::Invalid { path: PathBuf::from("/m.json"), problems };
        assert_eq!(format!("{invalid:?}"), "`/m.json` has a problem: metadata: no `targetPrefix`");
    }

    #[test]
    fn a_relative_path_says_what_it_is_relative_to_except_on_the_command_line() {
        let error = Error::Read {
            path: PathBuf::from("model/m.json"),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "gone"),
        };
        let directory =
            std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
        assert_eq!(
            error.to_string(),
            format!("cannot read `model/m.json` (relative to `{directory}`): gone")
        );
        assert_eq!(error.on_command_line().to_string(), "cannot read `model/m.json`: gone");
    }

    #[test]
    fn fixes_are_worded_where_they_surface() {
        let problem = Problem::operation("Subscribe", "its output is an event stream")
            .with_fix(Fix::LeaveOut { operation: "Subscribe".to_owned() });
        let error = Error::Invalid { path: PathBuf::from("/m.json"), problems: vec![problem] };
        assert_eq!(
            error.to_string(),
            "`/m.json` has a problem: operation `Subscribe`: its output is an event stream; leave \
             the operation out (`Builder::exclude_operations([\"Subscribe\"])`)"
        );
        assert_eq!(
            error.on_command_line().to_string(),
            "`/m.json` has a problem: operation `Subscribe`: its output is an event stream; leave \
             the operation out (`--exclude-operations Subscribe`)"
        );
    }

    #[test]
    fn a_flood_of_problems_is_summed_up() {
        let problems: Vec<Problem> = (0..100_000)
            .map(|i| Problem::shape(&format!("S{i}"), "no value can be built"))
            .collect();
        let text = Error::Invalid { path: PathBuf::from("/m.json"), problems }.to_string();
        assert!(
            text.starts_with(
                "`/m.json` has 100000 problems:\n  shape `S0`: no value can be built\n"
            )
        );
        assert!(text.ends_with("\n  … and 99980 more (the first 20 are shown)"), "{text}");
        assert_eq!(text.lines().count(), 22);
    }
}
