//! `codegen verify` over files: a line per finding, then a summary.

use super::{Direction, Finding, Verifier, bodies};
use crate::cbor_item;
use awsjson_codegen::{Builder, Error};
use std::fmt;
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};

/// The wire the bodies of a file are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// JSON text (awsJson).
    Json,
    /// Smithy RPC v2 CBOR: one data item after another.
    Cbor,
}

impl Protocol {
    /// A file's protocol when none is given: CBOR if it starts with a map's head (0xa0 to
    /// 0xbf, which never starts UTF-8 text), else JSON.
    fn sniff(bytes: &[u8]) -> Protocol {
        match bytes.first() {
            Some(0xa0..=0xbf) => Protocol::Cbor,
            _ => Protocol::Json,
        }
    }
}

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
/// `operation` of the model at `model`, in `protocol` (`None`: told by each file's first byte),
/// writing `FILE[:LINE]: finding` lines (`FILE@OFFSET` for a CBOR file of several bodies) and
/// then the summary to `out`. Errors are what stops the run: a model that cannot be read, an
/// operation it lacks, a file that cannot be read, output that cannot be written.
pub fn run(
    model: &Path,
    operation: &str,
    direction: Direction,
    protocol: Option<Protocol>,
    files: &[PathBuf],
    out: &mut dyn Write,
) -> Result<Summary, Error> {
    let service = Builder::new(model).service()?;
    let verifier = Verifier::new(&service, operation, direction)
        .map_err(|message| Error::Setting { setting: "--operation", message })?;
    let mut summary = Summary::default();
    let write_error = |source| Error::Write { path: PathBuf::from("<stdout>"), source };
    for file in files {
        let bytes = read(file)?;
        let mut lines = String::new();
        let mut record = |at: String, findings: Vec<Finding>| {
            summary.bodies += 1;
            summary.findings += findings.len();
            summary.nonconforming += usize::from(!findings.is_empty());
            for finding in findings {
                lines.push_str(&format!("{at}: {}\n", one_line(&finding)));
            }
        };
        match protocol.unwrap_or_else(|| Protocol::sniff(&bytes)) {
            Protocol::Json => {
                let text = String::from_utf8(bytes).map_err(|error| Error::Read {
                    path: file.to_owned(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        error.utf8_error(),
                    ),
                })?;
                for (line, body) in bodies(&text) {
                    let at = match line {
                        Some(line) => format!("{}:{line}", file.display()),
                        None => file.display().to_string(),
                    };
                    record(at, verifier.verify(body));
                }
            }
            Protocol::Cbor => {
                let items = cbor_item::read_sequence(&bytes);
                let several = items.len() > 1;
                if items.is_empty() {
                    record(file.display().to_string(), verifier.verify_cbor(&[]));
                }
                for (offset, item) in items {
                    let at = if several {
                        format!("{}@{offset}", file.display())
                    } else {
                        file.display().to_string()
                    };
                    let findings = match item {
                        Ok(item) => verifier.verify_item(&item),
                        Err(why) => vec![Finding::NotCbor(why)],
                    };
                    record(at, findings);
                }
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

fn read(file: &Path) -> Result<Vec<u8>, Error> {
    let read_error = |source| Error::Read { path: file.to_owned(), source };
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(read_error)?;
        return Ok(bytes);
    }
    std::fs::read(file).map_err(read_error)
}
