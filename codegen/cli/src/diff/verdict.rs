//! One change to the generated Rust, judged twice: for code that uses the generated crate, and
//! for messages on the wire.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Compatible,
    Breaking,
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Compatible => "compatible",
            Verdict::Breaking => "breaking",
        })
    }
}

/// A verdict and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    pub verdict: Verdict,
    pub reason: String,
}

pub fn compatible(reason: impl Into<String>) -> Judgement {
    Judgement { verdict: Verdict::Compatible, reason: reason.into() }
}

pub fn breaking(reason: impl Into<String>) -> Judgement {
    Judgement { verdict: Verdict::Breaking, reason: reason.into() }
}

/// One change to one generated item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The item, as a reader finds it in the generated code: `struct VpcConfig`.
    pub item: String,
    /// What changed in it: `field `name: String` added`.
    pub change: String,
    /// For code that uses the generated crate, once regenerated.
    pub code: Judgement,
    /// For requests and responses: does what was valid before stay valid?
    pub wire: Judgement,
}

impl Change {
    pub fn new(item: &str, change: impl Into<String>, code: Judgement, wire: Judgement) -> Self {
        Change { item: item.to_owned(), change: change.into(), code, wire }
    }

    pub fn is_breaking(&self) -> bool {
        self.code.verdict == Verdict::Breaking || self.wire.verdict == Verdict::Breaking
    }
}

/// The overall verdict: the worst of every change, for code and for the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Overall {
    pub code: Verdict,
    pub wire: Verdict,
    /// Either is breaking: what the exit status says.
    pub breaking: bool,
}

impl Overall {
    pub fn of(changes: &[Change]) -> Self {
        let worst = |pick: fn(&Change) -> Verdict| {
            changes.iter().map(pick).max().unwrap_or(Verdict::Compatible)
        };
        let (code, wire) = (worst(|c| c.code.verdict), worst(|c| c.wire.verdict));
        Overall { code, wire, breaking: code == Verdict::Breaking || wire == Verdict::Breaking }
    }

    pub fn is_breaking(&self) -> bool {
        self.breaking
    }
}
