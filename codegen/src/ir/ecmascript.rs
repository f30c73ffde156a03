//! Model patterns as ECMAScript regular expressions in `u` mode, which the runtime checks with.
//!
//! Smithy says patterns are ECMAScript, but AWS models are checked with Java's engine, and so
//! use Java's spelling where the two differ: escapes of characters that need none (`\-`
//! outside a class, `\,`, `\_`, `\!`), which `u` mode refuses, and POSIX classes
//! (`\p{Print}`), which ECMAScript lacks. Both are written here as what they mean in Java
//! (for the POSIX classes, US-ASCII sets); nothing else changes, and what still does not
//! compile is an error.

/// ECMAScript's syntax characters (and `/`), the only punctuation `u` mode lets one escape.
const SYNTAX: &str = "^$\\.*+?()[]{}|/";

/// The ECMAScript `u`-mode form of the model's `pattern`.
pub fn translate(pattern: &str) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(escaped) = chars.next() else {
                    return Err("it ends in a lone `\\`".to_owned());
                };
                match escaped {
                    'p' | 'P' if chars.next_if_eq(&'{').is_some() => {
                        let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                        out.push_str(&property(escaped == 'P', &name, in_class)?);
                    }
                    // `-` is a syntax character inside a class, where `u` mode lets it be escaped.
                    '-' if in_class => out.push_str("\\-"),
                    c if c.is_ascii_punctuation() && !SYNTAX.contains(c) => out.push(c),
                    ' ' => out.push(' '),
                    c => {
                        out.push('\\');
                        out.push(c);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` first in a class is `[]` in ECMAScript, an empty class; Java reads it
                // as a literal, but AWS models do not write it, and the compiler judges it.
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// `\p{name}` (or `\P{name}`, `negated`): Java's POSIX classes become their ASCII sets, anything
/// else stays for the compiler to judge.
fn property(negated: bool, name: &str, in_class: bool) -> Result<String, String> {
    let escape = if negated { 'P' } else { 'p' };
    let Some(set) = posix_set(name) else {
        return Ok(format!("\\{escape}{{{name}}}"));
    };
    match (negated, in_class) {
        (false, true) => Ok(set.to_owned()),
        (false, false) => Ok(format!("[{set}]")),
        (true, false) => Ok(format!("[^{set}]")),
        (true, true) => Err(format!("`\\P{{{name}}}` inside a class has no ECMAScript equivalent")),
    }
}

/// The contents of the class a Java POSIX class (`\p{Print}`) is, in US-ASCII as Java has it.
fn posix_set(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => "\\x00-\\x7F",
        "Alpha" => "a-zA-Z",
        "Digit" => "0-9",
        "Alnum" => "a-zA-Z0-9",
        "Punct" => "\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E",
        "Graph" => "\\x21-\\x7E",
        "Print" => "\\x20-\\x7E",
        "Blank" => " \\t",
        "Cntrl" => "\\x00-\\x1F\\x7F",
        "XDigit" => "0-9a-fA-F",
        "Space" => " \\t\\n\\x0B\\f\\r",
        _ => return None,
    })
}

/// Whether the runtime can check with `ecmascript`; `Err` says why not, as the engine says it.
pub fn compiles(ecmascript: &str) -> Result<(), String> {
    regress::Regex::with_flags(ecmascript, "u").map(|_| ()).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::{compiles, translate};

    #[test]
    fn java_spellings_become_ecmascript() {
        let cases = [
            (
                r"^arn:aws(?:\-cn|\-iso)?:s3:::[a-z0-9.\-]{1,61}$",
                r"^arn:aws(?:-cn|-iso)?:s3:::[a-z0-9.\-]{1,61}$",
            ),
            (r"^\w*\s*\,\s*\*?\d*$", r"^\w*\s*,\s*\*?\d*$"),
            (r"[A-Za-z0-9\-\_\.]{0,126}", r"[A-Za-z0-9\-_\.]{0,126}"),
            (r"^\!?[a-z :_@\/\+\=\.\-\!]*$", r"^!?[a-z :_@\/\+=\.\-!]*$"),
            (r"\p{Print}+", r"[\x20-\x7E]+"),
            (r"[\p{Alpha}\-]+\P{Digit}", r"[a-zA-Z\-]+[^0-9]"),
            (
                r"^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$",
                r"^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$",
            ),
            (r"^[0-9a-z\.\-]*(?<!\.)$", r"^[0-9a-z\.\-]*(?<!\.)$"),
            (r"[\\\]]", r"[\\\]]"),
        ];
        for (java, ecmascript) in cases {
            assert_eq!(translate(java).as_deref(), Ok(ecmascript), "{java}");
            assert_eq!(compiles(ecmascript), Ok(()), "{ecmascript}");
        }
    }

    #[test]
    fn what_cannot_be_translated_says_why() {
        assert_eq!(translate(r"a\"), Err("it ends in a lone `\\`".to_owned()));
        assert_eq!(
            translate(r"[\P{Print}]"),
            Err(r"`\P{Print}` inside a class has no ECMAScript equivalent".to_owned())
        );
        assert_eq!(
            compiles(&translate(r"\p{javaLowerCase}").unwrap()),
            Err("Invalid property name".to_owned())
        );
        assert_eq!(compiles("(?i)abc"), Err("Invalid group modifier".to_owned()));
    }
}
