//! A model's `pattern`, compiled once, on first use, as an ECMAScript regular expression.

use ::std::borrow::Cow;
use ::std::sync::OnceLock;

/// A `pattern` of the model, as the model writes it and as the ECMAScript (`u` mode) regular
/// expression that checks it; the generator writes the second from the first where AWS models
/// use Java's spelling (`\-` outside a class, `\p{Print}`), and checks that it compiles.
///
/// Generated code holds one `static` per distinct pattern, so each compiles once, the first
/// time a value is checked against it. Like Smithy's, patterns are not anchored: `^` and `$`
/// say where they are.
#[derive(Debug)]
pub struct Pattern {
    source: Cow<'static, str>,
    ecmascript: Cow<'static, str>,
    compiled: OnceLock<Result<::regress::Regex, String>>,
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
        match self.compiled() {
            Ok(regex) => Ok(regex.find(text).is_some()),
            Err(why) => Err(why),
        }
    }

    /// Compiles the pattern now (it otherwise compiles on first use); `Err` says why it does not.
    pub fn compile(&self) -> Result<(), &str> {
        self.compiled().map(|_| ())
    }

    fn compiled(&self) -> Result<&::regress::Regex, &str> {
        let compiled = self.compiled.get_or_init(|| {
            ::regress::Regex::with_flags(&self.ecmascript, "u").map_err(|error| error.to_string())
        });
        compiled.as_ref().map_err(String::as_str)
    }
}
