//! Model patterns as ECMAScript regular expressions in `u` mode, which the runtime checks with:
//! read in Java's dialect, as AWS writes them ([`super::pattern`]).

/// The ECMAScript (`u` mode) form of the model's `pattern`; `Err` says why there is none.
pub fn translate(pattern: &str) -> Result<String, String> {
    super::pattern::translate(pattern)
}

/// Whether the runtime can check with `ecmascript`; `Err` says why not, as the engine says it.
pub fn compiles(ecmascript: &str) -> Result<(), String> {
    regress::Regex::with_flags(ecmascript, "u").map(|_| ()).map_err(|error| error.to_string())
}
