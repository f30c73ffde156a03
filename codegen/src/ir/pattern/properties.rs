//! Java's `\p{…}` names, as the sets ECMAScript can say: general categories, POSIX classes
//! (US-ASCII, as Java has them without `(?U)`), binary properties, scripts and the
//! `java.lang.Character` classes, each as `java.util.regex.Pattern` looks it up.

use super::Refusal;
use super::charset::CharSet;
use super::parse::is_general_category;

/// The set `\p{name}` names in Java (`case_insensitive`: under `(?i)`, where Java widens the
/// case categories); `Err` says why there is none.
pub(super) fn property(name: &str, case_insensitive: bool) -> Result<CharSet, Refusal> {
    let unknown =
        || Err(Refusal::invalid(format!("`\\p{{{name}}}` names no character property Java knows")));
    if let Some((key, value)) = name.split_once('=') {
        return match key.to_ascii_lowercase().as_str() {
            "sc" | "script" => script(value),
            "gc" | "general_category" => match named(value, case_insensitive) {
                Some(set) => Ok(set),
                None => unknown(),
            },
            "blk" | "block" => Err(block(value)),
            _ => unknown(),
        };
    }
    if let Some(block_name) = name.strip_prefix("In") {
        return Err(block(block_name));
    }
    if let Some(short) = name.strip_prefix("Is") {
        if let Some(set) =
            binary(short, case_insensitive).or_else(|| named(short, case_insensitive))
        {
            return Ok(set);
        }
        return script(short);
    }
    match named(name, case_insensitive) {
        Some(set) => Ok(set),
        None => unknown(),
    }
}

fn block(name: &str) -> Refusal {
    Refusal::no_equivalent(format!("the Unicode block `{name}`"))
}

/// `\p{IsLatin}`, `\p{sc=Latin}`: ECMAScript's `Script=`, which takes the same names where they
/// are spelled as Unicode spells them (the compiler judges the rest).
fn script(name: &str) -> Result<CharSet, Refusal> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(Refusal::invalid(format!("`{name}` names no Unicode script")));
    }
    Ok(CharSet::property(&format!("Script={name}")))
}

/// A name Java looks up as given: a general category, a POSIX class, a `java…` class.
fn named(name: &str, case_insensitive: bool) -> Option<CharSet> {
    let ascii = |ranges: &[(char, char)]| {
        Some(CharSet::ranges(ranges.iter().map(|&(a, b)| (u32::from(a), u32::from(b)))))
    };
    let cased = || properties(&["Lu", "Ll", "Lt"]);
    match name {
        "Lu" | "Ll" | "Lt" if case_insensitive => Some(cased()),
        name if is_general_category(name) => Some(CharSet::property(name)),
        "LC" => Some(cased()),
        "LD" => Some(properties(&["L", "Nd"])),
        "L1" => ascii(&[('\0', '\u{FF}')]),
        "all" => Some(CharSet::any()),
        "ASCII" => ascii(&[('\0', '\x7F')]),
        "Alnum" => ascii(&[('0', '9'), ('A', 'Z'), ('a', 'z')]),
        "Alpha" => ascii(&[('A', 'Z'), ('a', 'z')]),
        "Blank" => ascii(&[(' ', ' '), ('\t', '\t')]),
        "Cntrl" => ascii(&[('\0', '\x1F'), ('\x7F', '\x7F')]),
        "Digit" => ascii(&[('0', '9')]),
        "Graph" => ascii(&[('!', '~')]),
        "Lower" if case_insensitive => ascii(&[('A', 'Z'), ('a', 'z')]),
        "Lower" => ascii(&[('a', 'z')]),
        "Print" => ascii(&[(' ', '~')]),
        "Punct" => ascii(&[('!', '/'), (':', '@'), ('[', '`'), ('{', '~')]),
        "Space" => ascii(&[('\t', '\r'), (' ', ' ')]),
        "Upper" if case_insensitive => ascii(&[('A', 'Z'), ('a', 'z')]),
        "Upper" => ascii(&[('A', 'Z')]),
        "XDigit" => ascii(&[('0', '9'), ('A', 'F'), ('a', 'f')]),
        "javaLowerCase" | "javaUpperCase" | "javaTitleCase" if case_insensitive => {
            Some(properties(&["Lowercase", "Uppercase", "Lt"]))
        }
        "javaLowerCase" => Some(CharSet::property("Lowercase")),
        "javaUpperCase" => Some(CharSet::property("Uppercase")),
        "javaTitleCase" => Some(CharSet::property("Lt")),
        "javaAlphabetic" => Some(CharSet::property("Alphabetic")),
        "javaIdeographic" => Some(CharSet::property("Ideographic")),
        "javaDigit" => Some(CharSet::property("Nd")),
        "javaDefined" => Some(CharSet::property("Cn").complement()),
        "javaLetter" => Some(CharSet::property("L")),
        "javaLetterOrDigit" => Some(properties(&["L", "Nd"])),
        "javaSpaceChar" => Some(CharSet::property("Z")),
        "javaMirrored" => Some(CharSet::property("Bidi_Mirrored")),
        "javaISOControl" => ascii(&[('\0', '\x1F'), ('\x7F', '\u{9F}')]),
        // `Character.isWhitespace`: separators but the no-break spaces, and nine controls. The
        // separators are fixed by Unicode's stability policy, so they are written out.
        "javaWhitespace" => ascii(&[
            ('\t', '\r'),
            ('\x1C', ' '),
            ('\u{1680}', '\u{1680}'),
            ('\u{2000}', '\u{2006}'),
            ('\u{2008}', '\u{200A}'),
            ('\u{2028}', '\u{2029}'),
            ('\u{205F}', '\u{205F}'),
            ('\u{3000}', '\u{3000}'),
        ]),
        _ => None,
    }
}

/// `\p{IsAlphabetic}` and the other binary properties Java looks up without regard to case.
fn binary(name: &str, case_insensitive: bool) -> Option<CharSet> {
    let property = |name: &str| Some(CharSet::property(name));
    match name.to_ascii_uppercase().as_str() {
        "ALPHABETIC" => property("Alphabetic"),
        "ASSIGNED" => property("Assigned"),
        "CONTROL" => property("Cc"),
        "EMOJI" => property("Emoji"),
        "EMOJI_PRESENTATION" => property("Emoji_Presentation"),
        "EMOJI_MODIFIER" => property("Emoji_Modifier"),
        "EMOJI_MODIFIER_BASE" => property("Emoji_Modifier_Base"),
        "EMOJI_COMPONENT" => property("Emoji_Component"),
        "EXTENDED_PICTOGRAPHIC" => property("Extended_Pictographic"),
        // Java's hex digits are every decimal digit as well.
        "HEXDIGIT" | "HEX_DIGIT" => Some(properties(&["Nd", "Hex_Digit"])),
        "IDEOGRAPHIC" => property("Ideographic"),
        "JOINCONTROL" | "JOIN_CONTROL" => property("Join_Control"),
        "LETTER" => property("L"),
        "LOWERCASE" | "UPPERCASE" | "TITLECASE" if case_insensitive => {
            Some(properties(&["Lowercase", "Uppercase", "Lt"]))
        }
        "LOWERCASE" => property("Lowercase"),
        "UPPERCASE" => property("Uppercase"),
        "TITLECASE" => property("Lt"),
        "NONCHARACTERCODEPOINT" | "NONCHARACTER_CODE_POINT" => property("Noncharacter_Code_Point"),
        "PUNCTUATION" => property("P"),
        "WHITESPACE" | "WHITE_SPACE" => property("White_Space"),
        "DIGIT" => property("Nd"),
        "WORD" => Some(word()),
        _ => None,
    }
}

/// Java's Unicode word characters: `\w` under `(?U)`, and `\p{IsWord}`.
pub(super) fn word() -> CharSet {
    properties(&["Alphabetic", "Mn", "Me", "Mc", "Nd", "Pc", "Join_Control"])
}

fn properties(names: &[&str]) -> CharSet {
    CharSet::union(names.iter().map(|name| CharSet::property(name)).collect())
}
