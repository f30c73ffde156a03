//! `codegen verify` over files: a line per finding, then a summary.

use super::{Direction, Finding, Verifier, bodies};
use awsjson_codegen::{Builder, Error};
use std::fmt;
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};

/// How many bodies a run read, and how many of them broke the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub bodies: usize,
    pub nonconforming: usize,
    pub findings: usize,
}

impl Summary {
    /// Whether every body conforms.
    pub fn conforms(&self) -> bool {
        self.nonconforming == 0
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Summary { bodies, nonconforming, findings } = *self;
        let plural = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        write!(
            f,
            "{}: {} conform, {} do not ({})",
            plural(bodies, "body", "bodies"),
            bodies - nonconforming,
            nonconforming,
            plural(findings, "finding", "findings")
        )
    }
}

/// Verifies every body of `files` (`-` is standard input) as `direction` bodies of
/// `operation` of the model at `model`, writing `FILE[:LINE]: finding` lines and then the
/// summary to `out`. Errors are what stops the run: a model that cannot be read, an operation
/// it lacks, a file that cannot be read, output that cannot be written.
pub fn run(
    model: &Path,
    operation: &str,
    direction: Direction,
    files: &[PathBuf],
    out: &mut dyn Write,
) -> Result<Summary, Error> {
    let service = Builder::new(model).service()?;
    let verifier = Verifier::new(&service, operation, direction)
        .map_err(|message| Error::Setting { setting: "--operation", message })?;
    let mut summary = Summary::default();
    let write_error = |source| Error::Write { path: PathBuf::from("<stdout>"), source };
    for file in files {
        let text = read(file)?;
        let mut lines = String::new();
        for (line, body) in bodies(&text) {
            let findings = verifier.verify(body);
            summary.bodies += 1;
            summary.findings += findings.len();
            summary.nonconforming += usize::from(!findings.is_empty());
            let at = match line {
                Some(line) => format!("{}:{line}", file.display()),
                None => file.display().to_string(),
            };
            for finding in findings {
                lines.push_str(&format!("{at}: {}\n", one_line(&finding)));
            }
        }
        out.write_all(lines.as_bytes()).map_err(write_error)?;
    }
    writeln!(out, "{summary}").and_then(|()| out.flush()).map_err(write_error)?;
    Ok(summary)
}

/// A finding on one line: values may hold line breaks, which would split it.
fn one_line(finding: &Finding) -> String {
    finding.to_string().replace('\n', "\\n").replace('\r', "\\r")
}

fn read(file: &Path) -> Result<String, Error> {
    let read_error = |source| Error::Read { path: file.to_owned(), source };
    if file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(read_error)?;
        return Ok(text);
    }
    let bytes = std::fs::read(file).map_err(read_error)?;
    String::from_utf8(bytes).map_err(|error| {
        read_error(std::io::Error::new(std::io::ErrorKind::InvalidData, error.utf8_error()))
    })
}
