//! A model's `pattern`, compiled once, on first use, as an ECMAScript regular expression.

use ::std::borrow::Cow;
use ::std::sync::OnceLock;

/// A `pattern` of the model, as the model writes it and as the ECMAScript (`u` mode) regular
/// expression that checks it: the generator reads the first in the dialect AWS writes and
/// checks it in (Java's), and writes the second to match exactly the same strings.
///
/// Generated code holds one `static` per distinct pattern, so each compiles once, the first
/// time a value is checked against it. Like Smithy's, patterns are not anchored: `^` and `$`
/// say where they are.
///
/// Two engines check values: the regex crate's automata, for patterns that can be written in
/// its syntax with the same meaning (most AWS patterns), and regress, an ECMAScript engine,
/// for the rest (look-around, back-references). The regex crate matches AWS patterns 3 to 10
/// times faster; regress is the reference for what a pattern means.
#[derive(Debug)]
pub struct Pattern {
    source: Cow<'static, str>,
    ecmascript: Cow<'static, str>,
    compiled: OnceLock<Result<Engine, String>>,
}

/// What checks values against a pattern.
#[derive(Debug)]
enum Engine {
    Automaton(::regex::Regex),
    Ecmascript(::regress::Regex),
}

impl Pattern {
    /// The pattern the model writes as `source`, checked with the ECMAScript `ecmascript`.
    pub const fn new(source: &'static str, ecmascript: &'static str) -> Self {
        Pattern {
            source: Cow::Borrowed(source),
            ecmascript: Cow::Borrowed(ecmascript),
            compiled: OnceLock::new(),
        }
    }

    /// [`Pattern::new`] for patterns read at run time, as `codegen verify` reads them.
    pub fn owned(source: String, ecmascript: String) -> Self {
        Pattern {
            source: Cow::Owned(source),
            ecmascript: Cow::Owned(ecmascript),
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as the model writes it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The ECMAScript regular expression values are checked with.
    pub fn ecmascript(&self) -> &str {
        &self.ecmascript
    }

    /// Whether the pattern matches somewhere in `text`; `Err` says why it does not compile.
    pub fn is_match(&self, text: &str) -> Result<bool, &str> {
        match self.compiled()? {
            Engine::Automaton(regex) => Ok(regex.is_match(text)),
            Engine::Ecmascript(regex) => Ok(regex.find(text).is_some()),
        }
    }

    /// Which engine checks values: `"regex"` or `"regress"` (see the type's docs); `None` if
    /// the pattern does not compile.
    #[doc(hidden)]
    pub fn engine(&self) -> Option<&'static str> {
        match self.compiled().ok()? {
            Engine::Automaton(_) => Some("regex"),
            Engine::Ecmascript(_) => Some("regress"),
        }
    }

    /// Compiles the pattern now (it otherwise compiles on first use); `Err` says why it does not.
    pub fn compile(&self) -> Result<(), &str> {
        self.compiled().map(|_| ())
    }

    fn compiled(&self) -> Result<&Engine, &str> {
        let compiled = self.compiled.get_or_init(|| {
            // regress judges the pattern first: what it refuses is not ECMAScript, whatever
            // the regex crate would make of it.
            let ecmascript = ::regress::Regex::with_flags(&self.ecmascript, "u")
                .map_err(|error| error.to_string())?;
            let automaton = super::regex_syntax::translate(&self.ecmascript)
                .and_then(|syntax| ::regex::Regex::new(&syntax).ok());
            Ok(match automaton {
                Some(regex) => Engine::Automaton(regex),
                None => Engine::Ecmascript(ecmascript),
            })
        });
        compiled.as_ref().map_err(String::as_str)
    }
}
