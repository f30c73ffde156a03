//! An ECMAScript (`u` mode) pattern written in the regex crate's syntax, with the same meaning,
//! where it has one: the regex crate's automata match AWS patterns several times faster than a
//! backtracking engine. Look-around, back-references and word boundaries have no such form;
//! those patterns stay with regress.
//!
//! Every escape and class is written out, so no difference between the two syntaxes leaks
//! through: ECMAScript's `\d`, `\w` and `\s` (ASCII digits and word characters, and its own set
//! of white space), `.` (anything but its four line terminators), and characters the regex
//! crate gives a meaning inside classes (`[`, `&&`, `--`, `~~`).

/// ECMAScript's `\s`: WhiteSpace and LineTerminator.
const SPACE: &str =
    r"\t\n\x0B\x0C\r \xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
const DIGIT: &str = "0-9";
const WORD: &str = "0-9A-Za-z_";

/// `pattern` in the regex crate's syntax, or `None` where it has no exact form there (or is
/// not well formed, which regress then says).
pub(super) fn translate(pattern: &str) -> Option<String> {
    let mut chars = pattern.chars().peekable();
    let mut out = String::with_capacity(pattern.len() * 2);
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                'd' => out.push_str("[0-9]"),
                'D' => out.push_str("[^0-9]"),
                'w' => out.push_str("[0-9A-Za-z_]"),
                'W' => out.push_str("[^0-9A-Za-z_]"),
                's' => out.push_str(&format!("[{SPACE}]")),
                'S' => out.push_str(&format!("[^{SPACE}]")),
                'p' => out.push_str(&format!(r"\p{{{}}}", property_name(&mut chars)?)),
                'P' => out.push_str(&format!(r"\P{{{}}}", property_name(&mut chars)?)),
                // Back-references and word boundaries.
                'b' | 'B' | 'k' | '1'..='9' => return None,
                escaped => push_literal(&mut out, escape(escaped, &mut chars)?),
            },
            '[' => out.push_str(&class(&mut chars)?),
            '.' => out.push_str(r"[^\n\r\x{2028}\x{2029}]"),
            '(' => {
                if chars.peek() == Some(&'?') {
                    chars.next();
                    match chars.next()? {
                        ':' => out.push_str("(?:"),
                        // A named group: its name does not matter to a match.
                        '<' if chars.peek().is_some_and(|c| *c != '=' && *c != '!') => {
                            for c in chars.by_ref() {
                                if c == '>' {
                                    break;
                                }
                            }
                            out.push('(');
                        }
                        _ => return None,
                    }
                } else {
                    out.push('(');
                }
            }
            // A quantifier's bounds, as they are.
            '{' => {
                out.push('{');
                for c in chars.by_ref() {
                    if !(c.is_ascii_digit() || c == ',' || c == '}') {
                        return None;
                    }
                    out.push(c);
                    if c == '}' {
                        break;
                    }
                }
            }
            '^' | '$' | '|' | ')' | '*' | '+' | '?' => out.push(c),
            literal => push_literal(&mut out, literal),
        }
    }
    Some(out)
}

/// The name of `\p{Name}`, after the `p`.
fn property_name(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<String> {
    if chars.next()? != '{' {
        return None;
    }
    let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
    // General categories only (`L`, `Lu`, `Letter`…): the regex crate's other property names
    // are not ECMAScript's.
    name.chars().all(|c| c.is_ascii_alphabetic() || c == '_').then_some(name)
}

/// The character an escape (after `\`) stands for.
fn escape(escaped: char, chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<char> {
    let hex = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>, count: usize| {
        let digits: String = chars.by_ref().take(count).collect();
        (digits.len() == count).then(|| u32::from_str_radix(&digits, 16).ok()).flatten()
    };
    let code = match escaped {
        'n' => 0x0A,
        'r' => 0x0D,
        't' => 0x09,
        'f' => 0x0C,
        'v' => 0x0B,
        '0' if !chars.peek().is_some_and(char::is_ascii_digit) => 0,
        'x' => hex(chars, 2)?,
        'u' if chars.peek() == Some(&'{') => {
            chars.next();
            let digits: String = chars.by_ref().take_while(|c| *c != '}').collect();
            u32::from_str_radix(&digits, 16).ok()?
        }
        'u' => match hex(chars, 4)? {
            // A surrogate pair, written as two `\u` escapes, is one character in `u` mode.
            high @ 0xD800..=0xDBFF => {
                let (backslash, u) = (chars.next()?, chars.next()?);
                let low = hex(chars, 4).filter(|low| (0xDC00..=0xDFFF).contains(low))?;
                if (backslash, u) != ('\\', 'u') {
                    return None;
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return None,
            code => code,
        },
        'c' => u32::from(chars.next().filter(char::is_ascii_alphabetic)?) % 32,
        c if c.is_ascii_punctuation() => u32::from(c),
        _ => return None,
    };
    char::from_u32(code)
}

/// A class `[…]` after its `[`, every member written out.
fn class(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<String> {
    let mut out = String::from("[");
    if chars.peek() == Some(&'^') {
        chars.next();
        out.push('^');
    }
    // `[^]` matches anything; `[]` nothing, which is rare enough for regress.
    if chars.peek() == Some(&']') {
        chars.next();
        return (out == "[^").then(|| "(?s:.)".to_owned());
    }
    loop {
        let atom = class_atom(chars)?;
        match atom {
            Atom::End => break,
            Atom::Set(set) => out.push_str(&set),
            Atom::Char(low) => {
                // `a-z` is a range; `a-` at the end is `a` and `-`.
                let mut ahead = chars.clone();
                if ahead.next() == Some('-') && ahead.peek().is_some_and(|c| *c != ']') {
                    chars.next();
                    let Atom::Char(high) = class_atom(chars)? else { return None };
                    push_literal(&mut out, low);
                    out.push('-');
                    push_literal(&mut out, high);
                } else {
                    push_literal(&mut out, low);
                }
            }
        }
    }
    out.push(']');
    Some(out)
}

enum Atom {
    Char(char),
    Set(String),
    End,
}

fn class_atom(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<Atom> {
    Some(match chars.next()? {
        ']' => Atom::End,
        '\\' => match chars.next()? {
            'd' => Atom::Set(DIGIT.to_owned()),
            'w' => Atom::Set(WORD.to_owned()),
            's' => Atom::Set(SPACE.to_owned()),
            'D' => Atom::Set(format!("[^{DIGIT}]")),
            'W' => Atom::Set(format!("[^{WORD}]")),
            'S' => Atom::Set(format!("[^{SPACE}]")),
            'p' => Atom::Set(format!(r"\p{{{}}}", property_name(chars)?)),
            'P' => Atom::Set(format!(r"\P{{{}}}", property_name(chars)?)),
            // In a class, `\b` is a backspace.
            'b' => Atom::Char('\u{8}'),
            '-' => Atom::Char('-'),
            escaped => Atom::Char(escape(escaped, chars)?),
        },
        c => Atom::Char(c),
    })
}

/// A literal character, escaped so that the regex crate cannot read it as syntax.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || c == ' ' || !c.is_ascii() {
        out.push(c);
    } else {
        out.push_str(&format!(r"\x{{{:X}}}", u32::from(c)));
    }
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn ecmascript_meanings_are_written_out() {
        let cases = [
            (r"^\d+$", "^[0-9]+$"),
            (r"[\w.]", r"[0-9A-Za-z_\x{2E}]"),
            (r"a.b", r"a[^\n\r\x{2028}\x{2029}]b"),
            (r"[a-z\-&&~~[]", r"[a-z\x{2D}\x{26}\x{26}\x{7E}\x{7E}\x{5B}]"),
            (r"^[^\x00]+$", r"^[^\x{0}]+$"),
            (r"\p{L}\P{N}[\p{Z}_]", r"\p{L}\P{N}[\p{Z}\x{5F}]"),
            (r"(?<year>\d{4})-(?:x|y)*?", r"([0-9]{4})\x{2D}(?:x|y)*?"),
            (r"[-a][a-][\--z]", r"[\x{2D}a][a\x{2D}][\x{2D}-z]"),
            (r"\u{1F600}\u00e9\t", "\u{1F600}\u{e9}\\x{9}"),
            (r"\ud83d\ude00[\uD800\uDC00-\uDBFF\uDFFF]", "\u{1F600}[\u{10000}-\u{10FFFF}]"),
            (r"^a{2,}[b]{0,62}$", r"^a{2,}[b]{0,62}$"),
            (r"^[^]{3}[^a]$", r"^(?s:.){3}[^a]$"),
        ];
        for (ecmascript, regex) in cases {
            assert_eq!(translate(ecmascript).as_deref(), Some(regex), "{ecmascript}");
            assert!(::regex::Regex::new(regex).is_ok(), "{regex}");
        }
    }

    /// Patterns that lean on each difference between the dialects, checked by both engines on
    /// every string of up to three characters made of the pattern's own characters and those
    /// the differences are about.
    #[test]
    fn both_engines_agree_where_the_dialects_differ() {
        let patterns = [
            r"^a.b$",
            r"^\s+$",
            r"^\S+$",
            r"^\w+$",
            r"^\W$",
            r"^\d\D$",
            r"^[\s\d]+$",
            r"^[^\s]$",
            r"^[\W]$",
            r"^[a\-z]+$",
            r"^[-.]+$",
            r"^[\--/]$",
            r"^\p{L}\P{L}$",
            r"^[\p{N}\p{Z}]+$",
            r"^[&~]+$",
            r"^\u{E9}|\u00E8$",
            r"^[^\x00-\x7F]$",
            r"^\.{2,3}$",
            r"^[^]+$",
        ];
        let tricky = "_ 9\t\n\r\u{a0}\u{2028}\u{2029}\u{3000}\u{feff}\u{8}é日٣\u{301}😀";
        for pattern in patterns {
            let syntax = translate(pattern).unwrap_or_else(|| panic!("{pattern}: no translation"));
            let fast = ::regex::Regex::new(&syntax).unwrap_or_else(|e| panic!("{syntax}: {e}"));
            let reference = ::regress::Regex::with_flags(pattern, "u")
                .unwrap_or_else(|e| panic!("{pattern}: {e}"));
            let mut alphabet: Vec<char> = tricky.chars().chain(pattern.chars()).collect();
            alphabet.sort_unstable();
            alphabet.dedup();
            let mut level = vec![String::new()];
            let mut texts = level.clone();
            for _ in 0..3 {
                level = (level.iter())
                    .flat_map(|text| alphabet.iter().map(move |c| format!("{text}{c}")))
                    .collect();
                texts.extend(level.iter().cloned());
            }
            for text in &texts {
                let expected = reference.find(text).is_some();
                assert_eq!(fast.is_match(text), expected, "{pattern} ({syntax}) on {text:?}");
            }
        }
    }

    #[test]
    fn what_the_regex_crate_cannot_mean_stays_with_regress() {
        for ecmascript in [
            r"^[a-z]*(?<!\.)$",
            r"^(?!aws:).*$",
            r"(?=x)",
            r"(a)\1",
            r"(?<n>a)\k<n>",
            r"\bword\b",
            r"[]",
            r"\p{Script=Greek}",
            r"\ud83d",
            r"[\ude00]",
        ] {
            assert_eq!(translate(ecmascript), None, "{ecmascript}");
        }
    }
}
