//! One change to the generated Rust, judged twice: for code that uses the generated crate, as
//! the release Cargo's SemVer rules ask of it, and for messages on the wire.

use serde::Serialize;
use std::fmt;

/// The release a change needs, by Cargo's SemVer rules (the Cargo book's "SemVer
/// Compatibility"): patch for nothing a user can see in the API, minor for additions, major for
/// anything that can stop code from compiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Release {
    Patch,
    Minor,
    Major,
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Release::Patch => "patch",
            Release::Minor => "minor",
            Release::Major => "major",
        })
    }
}

/// What a change does on the wire: does what was valid before stay valid?
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
pub struct Judgement<V> {
    pub verdict: V,
    pub reason: String,
}

pub fn patch(reason: impl Into<String>) -> Judgement<Release> {
    Judgement { verdict: Release::Patch, reason: reason.into() }
}

pub fn minor(reason: impl Into<String>) -> Judgement<Release> {
    Judgement { verdict: Release::Minor, reason: reason.into() }
}

pub fn major(reason: impl Into<String>) -> Judgement<Release> {
    Judgement { verdict: Release::Major, reason: reason.into() }
}

pub fn compatible(reason: impl Into<String>) -> Judgement<Verdict> {
    Judgement { verdict: Verdict::Compatible, reason: reason.into() }
}

pub fn breaking(reason: impl Into<String>) -> Judgement<Verdict> {
    Judgement { verdict: Verdict::Breaking, reason: reason.into() }
}

/// One change to one generated item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The item, as a reader finds it in the generated code: `struct VpcConfig`.
    pub item: String,
    /// What changed in it: `field `name: String` added`.
    pub change: String,
    /// For code that uses the generated crate, once regenerated: the release it needs.
    pub code: Judgement<Release>,
    /// For requests and responses.
    pub wire: Judgement<Verdict>,
}

impl Change {
    pub fn new(
        item: &str,
        change: impl Into<String>,
        code: Judgement<Release>,
        wire: Judgement<Verdict>,
    ) -> Self {
        Change { item: item.to_owned(), change: change.into(), code, wire }
    }

    pub fn is_breaking(&self) -> bool {
        self.code.verdict == Release::Major || self.wire.verdict == Verdict::Breaking
    }
}

/// The overall verdict: the release the crate needs (the largest any change needs), and the
/// worst change on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Overall {
    pub release: Release,
    pub wire: Verdict,
    /// A major release or a change that breaks the wire: what the exit status says.
    pub breaking: bool,
}

impl Overall {
    pub fn of(changes: &[Change]) -> Self {
        let release = changes.iter().map(|c| c.code.verdict).max().unwrap_or(Release::Patch);
        let wire = changes.iter().map(|c| c.wire.verdict).max().unwrap_or(Verdict::Compatible);
        Overall { release, wire, breaking: release == Release::Major || wire == Verdict::Breaking }
    }

    pub fn is_breaking(&self) -> bool {
        self.breaking
    }
}
