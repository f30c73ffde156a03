//! Model patterns, read in the dialect AWS writes them in and its services check them with
//! (Java's `java.util.regex.Pattern`), and written as ECMAScript (`u` mode) regular expressions
//! that match exactly the same strings, which the runtime checks values with.
//!
//! Smithy calls patterns ECMAScript, and most mean the same in both dialects; but AWS models use
//! Java's constructs (inline flags, `\A…\z`, possessive quantifiers, POSIX classes, class
//! intersections, octal escapes, a hyphen after `\w` in a class), and some constructs both
//! dialects have mean different things (`.`, `$`, `\s`, `\b`, a back-reference to a group that
//! did not match). Each is read as Java SE 25 reads it (`parse`) and written out in
//! ECMAScript (`emit`); a pattern matches where Java's `Matcher.find` finds a match, as
//! Smithy's patterns are not anchored. `codegen/tests/java/` checks the translation against
//! OpenJDK's own engine over every pattern of botocore's models.
//!
//! What has no ECMAScript equivalent (`\X`, `(?iu)`, Unicode blocks…) and what Java itself
//! rejects is a [`Refusal`] saying so: the member is then left unchecked.

mod charset;
mod emit;
mod parse;
mod properties;
mod quoting;
#[cfg(test)]
mod samples;
mod syntax;
#[cfg(test)]
mod tests;
mod unset;

/// Why a pattern cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Java's `Pattern` does not compile it: what is wrong.
    Invalid(String),
    /// It uses a construct that no ECMAScript regular expression can mean exactly: why.
    NoEquivalent(String),
}

impl Refusal {
    fn invalid(what: impl Into<String>) -> Refusal {
        Refusal::Invalid(what.into())
    }

    fn no_equivalent(why: impl Into<String>) -> Refusal {
        Refusal::NoEquivalent(why.into())
    }

    /// The kind of refusal, in the generator's words.
    pub fn reason(&self) -> &'static str {
        match self {
            Refusal::Invalid(_) => "Java's `Pattern` rejects it",
            Refusal::NoEquivalent(_) => "no ECMAScript regular expression means exactly the same",
        }
    }

    /// What in the pattern it is about, which quotes the pattern.
    pub fn detail(&self) -> &str {
        match self {
            Refusal::Invalid(detail) | Refusal::NoEquivalent(detail) => detail,
        }
    }
}

/// The reason with its detail: "Java's `Pattern` rejects it (an unclosed group)".
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.reason(), self.detail())
    }
}

impl std::error::Error for Refusal {}

/// The ECMAScript (`u` mode) regular expression that matches what the Java `pattern` matches;
/// `Err` says why there is none. What it returns compiles.
pub fn translate(pattern: &str) -> Result<String, Refusal> {
    let mut node = parse::parse(pattern)?;
    let mut split = Vec::new();
    let ecmascript = loop {
        match emit::emit(&node) {
            Ok(ecmascript) => break ecmascript,
            Err(emit::Failure::Refused(refusal)) => return Err(refusal),
            Err(emit::Failure::MaybeUnset { index, refusal }) => {
                match unset::split(&node, index).filter(|_| !split.contains(&index)) {
                    Some(rewritten) => node = rewritten,
                    None => return Err(refusal),
                }
                split.push(index);
            }
        }
    };
    regress::Regex::with_flags(&ecmascript, "u").map_err(|error| {
        Refusal::no_equivalent(format!(
            "its ECMAScript form `{ecmascript}` does not compile: {error}"
        ))
    })?;
    Ok(ecmascript)
}
