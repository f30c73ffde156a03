//! Java's pattern syntax (`java.util.regex.Pattern`, Java SE 25), parsed into [`Node`]s with the
//! inline flags in force applied: the grammar, escapes and classes as Java's own parser reads
//! them, and its refusals as errors.

use super::charset::{CharSet, Ranges};
use super::properties::property;
use super::syntax::{Assertion, Capture, Node};
use super::{Refusal, quoting};

/// The deepest nesting of groups and classes read: far beyond any model's (botocore's deepest
/// nests 9), and well within what every recursive walk of the tree and the engines can take.
const MAX_DEPTH: usize = 100;

/// The inline flags (`(?idmsuxU)`) in force.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    case_insensitive: bool,
    unix_lines: bool,
    multiline: bool,
    dotall: bool,
    unicode_case: bool,
    comments: bool,
    unicode_classes: bool,
}

/// Parses a whole pattern.
pub(super) fn parse(pattern: &str) -> Result<Node, Refusal> {
    let chars = quoting::remove_quoting(pattern);
    let mut parser =
        Parser { chars, pos: 0, flags: Flags::default(), groups: 0, names: Vec::new(), depth: 0 };
    let node = parser.alternation()?;
    match parser.peek() {
        None => Ok(node),
        Some(')') => Err(Refusal::invalid("an unmatched closing `)`")),
        Some(c) => Err(Refusal::invalid(format!("an unexpected `{c}`"))),
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    flags: Flags,
    /// Capturing groups opened so far.
    groups: u32,
    /// Groups and classes open here: bounded, as every walk of the tree recurses.
    depth: usize,
    names: Vec<(String, u32)>,
}

/// What a backslash and what follows it stand for.
enum Escape {
    Code(u32),
    Set(CharSet),
    Assertion(Assertion),
    BackReference(u32),
    /// `\R`: `\r\n` or any one line terminator.
    LineBreak,
}

impl Parser {
    /// The next character, past white space and comments under `(?x)`, as Java's `peek` reads.
    fn peek(&mut self) -> Option<char> {
        if self.flags.comments {
            self.skip_comments();
        }
        self.chars.get(self.pos).copied()
    }

    fn skip_comments(&mut self) {
        while let Some(&c) = self.chars.get(self.pos) {
            if matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r') {
                self.pos += 1;
            } else if c == '#' {
                while let Some(&c) = self.chars.get(self.pos) {
                    self.pos += 1;
                    if self.is_line_terminator(c) {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn is_line_terminator(&self, c: char) -> bool {
        if self.flags.unix_lines {
            c == '\n'
        } else {
            matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
        }
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    /// The character after the next one, as it is (Java looks there without skipping).
    fn peek_second(&self) -> Option<char> {
        self.chars.get(self.pos + 1).copied()
    }

    fn eat(&mut self, expected: char) -> bool {
        let found = self.peek() == Some(expected);
        if found {
            self.pos += 1;
        }
        found
    }

    fn alternation(&mut self) -> Result<Node, Refusal> {
        let mut branches = vec![self.sequence()?];
        while self.eat('|') {
            branches.push(self.sequence()?);
        }
        Ok(match <[Node; 1]>::try_from(branches) {
            Ok([only]) => only,
            Err(branches) => Node::Alternation(branches),
        })
    }

    fn sequence(&mut self) -> Result<Node, Refusal> {
        let mut nodes = Vec::new();
        loop {
            let node = match self.peek() {
                None | Some('|' | ')') => break,
                Some(c @ ('?' | '*' | '+')) => {
                    return Err(Refusal::invalid(format!("a dangling `{c}`")));
                }
                // `{` is always a quantifier to Java, here of nothing.
                Some('{') => Node::Empty,
                Some('(') => {
                    self.pos += 1;
                    match self.group()? {
                        Some(node) => node,
                        None => continue,
                    }
                }
                Some('[') => {
                    let start = self.pos;
                    self.pos += 1;
                    let set = self.class(true)?;
                    Node::Set { set, written: self.written(start) }
                }
                Some('\\') if self.chars.get(self.pos + 1) == Some(&'R') => {
                    self.pos += 2;
                    let line_break = line_break();
                    // Java repeats `\R` with `*`, `+` and `{…}` without going back into an
                    // iteration (`\R{2}` does not match `\r\n`); `?` does go back.
                    let repeated = matches!(self.peek(), Some('*' | '+' | '{'));
                    nodes.push(self.quantified(if repeated {
                        Node::Atomic(Box::new(line_break))
                    } else {
                        line_break
                    })?);
                    continue;
                }
                Some('\\') => {
                    self.pos += 1;
                    self.escape_node()?
                }
                Some(c) => {
                    self.pos += 1;
                    self.plain(c)
                }
            };
            nodes.push(self.quantified(node)?);
        }
        Ok(match <[Node; 1]>::try_from(nodes) {
            Ok([only]) => only,
            Err(nodes) if nodes.is_empty() => Node::Empty,
            Err(nodes) => Node::Concat(nodes),
        })
    }

    /// A character that is no escape, outside a class.
    fn plain(&mut self, c: char) -> Node {
        let unix_lines = self.flags.unix_lines;
        match c {
            '^' if self.flags.multiline => Node::Assertion(Assertion::LineStart { unix_lines }),
            '^' => Node::Assertion(Assertion::InputStart),
            '$' if self.flags.multiline => Node::Assertion(Assertion::LineEnd { unix_lines }),
            '$' => Node::Assertion(Assertion::FinalTerminator { unix_lines }),
            '.' if self.flags.dotall => Node::Set { set: CharSet::any(), written: None },
            '.' if unix_lines => {
                Node::Set { set: CharSet::ranges([(0x0A, 0x0A)]).complement(), written: None }
            }
            '.' => Node::Set { set: line_terminators().complement(), written: None },
            c => self.literal(u32::from(c)),
        }
    }

    /// One character, as `(?i)` reads it.
    fn literal(&self, code: u32) -> Node {
        let is_ascii_letter = char::from_u32(code).is_some_and(|c| c.is_ascii_alphabetic());
        match char::from_u32(code) {
            Some(c) if !(self.flags.case_insensitive && is_ascii_letter) => Node::Literal(c),
            _ => Node::Set { set: self.single(code), written: None },
        }
    }

    fn single(&self, code: u32) -> CharSet {
        let set = CharSet::Ranges(Ranges::new([(code, code)]));
        if self.flags.case_insensitive { set.ascii_case_closure() } else { set }
    }

    /// The pattern's text from `start` to here, if ECMAScript reads it as a set of the same
    /// characters, so the translation keeps it as written: a class or escape without `(?i)` or
    /// `(?x)` in force, without nested classes or `&&`, whose escapes mean the same in both
    /// dialects (not `\s`, `\v`, `\h`, a POSIX class or an octal one), and that ECMAScript
    /// takes (it refuses a hyphen after `\w`, which Java reads as itself).
    fn written(&self, start: usize) -> Option<String> {
        if self.flags.case_insensitive || self.flags.comments {
            return None;
        }
        let text = self.chars.get(start..self.pos)?;
        let mut index = 0;
        while let Some(&c) = text.get(index) {
            index += 1;
            match c {
                '\\' => index += portable_escape(&text[index..])?,
                '[' if index > 1 => return None,
                '&' if text.get(index) == Some(&'&') => return None,
                c if c.is_control() => return None,
                _ => {}
            }
        }
        let text: String = text.iter().collect();
        regress::Regex::with_flags(&text, "u").ok().map(|_| text)
    }

    /// `?`, `*`, `+` or `{…}` after `node`, each greedy, lazy (`?`) or possessive (`+`).
    fn quantified(&mut self, node: Node) -> Result<Node, Refusal> {
        let one_character = match self.peek() {
            Some('?') => Some((0, Some(1))),
            Some('*') => Some((0, None)),
            Some('+') => Some((1, None)),
            _ => None,
        };
        let (min, max) = match (one_character, self.peek()) {
            (Some(bounds), _) => {
                self.pos += 1;
                bounds
            }
            (None, Some('{')) if self.peek_second().is_some_and(|c| c.is_ascii_digit()) => {
                self.pos += 1;
                self.counted()?
            }
            (None, Some('{')) => {
                return Err(Refusal::invalid("a `{` that starts no repetition"));
            }
            _ => return Ok(node),
        };
        let (lazy, possessive) = match self.peek() {
            Some('?') => (true, false),
            Some('+') => (false, true),
            _ => (false, false),
        };
        if lazy || possessive {
            self.pos += 1;
        }
        let repeat = Node::Repeat { body: Box::new(node), min, max, lazy };
        Ok(if possessive { Node::Atomic(Box::new(repeat)) } else { repeat })
    }

    /// After `{`: `n}`, `n,}` or `n,m}`.
    fn counted(&mut self) -> Result<(u32, Option<u32>), Refusal> {
        let min = self.count()?;
        let max = if self.eat(',') {
            if self.peek() == Some('}') { None } else { Some(self.count()?) }
        } else {
            Some(min)
        };
        if self.next() != Some('}') {
            return Err(Refusal::invalid("an unclosed counted repetition"));
        }
        if let Some(max) = max.filter(|&max| max < min) {
            return Err(Refusal::invalid(format!(
                "the repetition `{{{min},{max}}}`, whose maximum is below its minimum"
            )));
        }
        // Java's `{n,}` is `{n,2147483647}`: no bound a string could reach.
        Ok((min, max.filter(|&max| max < i32::MAX as u32)))
    }

    /// The digits of a repetition count, at most Java's `int`.
    fn count(&mut self) -> Result<u32, Refusal> {
        let mut value: u32 = 0;
        while let Some(digit) = self.peek().and_then(|c| c.to_digit(10)) {
            self.pos += 1;
            value = value.saturating_mul(10).saturating_add(digit);
            if value > i32::MAX as u32 {
                return Err(Refusal::invalid("a repetition count larger than Java takes"));
            }
        }
        Ok(value)
    }

    /// Opens a group or class, refusing one nested deeper than [`MAX_DEPTH`].
    fn enter(&mut self) -> Result<(), Refusal> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Refusal::no_equivalent(format!(
                "it nests groups and classes more than {MAX_DEPTH} deep, which is not checked"
            )));
        }
        Ok(())
    }

    /// After `(`: a group, or `None` for `(?flags)`, which changes the flags from here on.
    fn group(&mut self) -> Result<Option<Node>, Refusal> {
        self.enter()?;
        let group = self.group_inside();
        self.depth -= 1;
        group
    }

    fn group_inside(&mut self) -> Result<Option<Node>, Refusal> {
        let saved = self.flags;
        let node = if self.eat('?') {
            match self.next() {
                Some(':') => self.group_body(|body| Node::Group { capture: None, body })?,
                Some(kind @ ('=' | '!')) => {
                    let negated = kind == '!';
                    self.group_body(|body| Node::Look { behind: false, negated, body })?
                }
                Some('>') => self.group_body(Node::Atomic)?,
                Some('<') => match self.next() {
                    Some(kind @ ('=' | '!')) => {
                        let negated = kind == '!';
                        let look =
                            self.group_body(|body| Node::Look { behind: true, negated, body })?;
                        if let Node::Look { body, .. } = &look {
                            look_behind(body)?;
                        }
                        look
                    }
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name = self.group_name(c)?;
                        let capture = self.capture(Some(name))?;
                        self.group_body(|body| Node::Group { capture: Some(capture), body })?
                    }
                    _ => return Err(Refusal::invalid("a `(?<` that starts no group Java knows")),
                },
                Some(_) => {
                    self.pos -= 1;
                    self.inline_flags()?;
                    match self.next() {
                        Some(')') => return Ok(None),
                        Some(':') => {
                            let node =
                                self.group_body(|body| Node::Group { capture: None, body })?;
                            self.flags = saved;
                            return Ok(Some(node));
                        }
                        _ => return Err(Refusal::invalid("an unknown inline flag")),
                    }
                }
                None => return Err(Refusal::invalid("an unclosed group")),
            }
        } else {
            let capture = self.capture(None)?;
            self.group_body(|body| Node::Group { capture: Some(capture), body })?
        };
        self.flags = saved;
        Ok(Some(node))
    }

    fn capture(&mut self, name: Option<String>) -> Result<Capture, Refusal> {
        self.groups += 1;
        if let Some(name) = &name {
            if self.names.iter().any(|(known, _)| known == name) {
                return Err(Refusal::invalid(format!("the group name `{name}` given twice")));
            }
            self.names.push((name.clone(), self.groups));
        }
        Ok(Capture { index: self.groups, name })
    }

    fn group_name(&mut self, first: char) -> Result<String, Refusal> {
        let mut name = String::from(first);
        while let Some(c) = self.next() {
            match c {
                '>' => return Ok(name),
                c if c.is_ascii_alphanumeric() => name.push(c),
                _ => break,
            }
        }
        Err(Refusal::invalid(
            "a group name of other than Latin letters and digits, or without its `>`",
        ))
    }

    fn group_body(&mut self, make: impl FnOnce(Box<Node>) -> Node) -> Result<Node, Refusal> {
        let body = self.alternation()?;
        if !self.eat(')') {
            return Err(Refusal::invalid("an unclosed group"));
        }
        Ok(make(Box::new(body)))
    }

    /// `idmsuxU`, then optionally `-` and the flags to turn off.
    fn inline_flags(&mut self) -> Result<(), Refusal> {
        let mut on = true;
        while let Some(c) = self.peek() {
            let flag = match c {
                '-' if on => {
                    on = false;
                    self.pos += 1;
                    continue;
                }
                'i' => &mut self.flags.case_insensitive,
                'd' => &mut self.flags.unix_lines,
                'm' => &mut self.flags.multiline,
                's' => &mut self.flags.dotall,
                'u' => &mut self.flags.unicode_case,
                'x' => &mut self.flags.comments,
                'U' => &mut self.flags.unicode_classes,
                'c' => {
                    return Err(Refusal::no_equivalent(
                        "`(?c)` (canonical equivalence) has no ECMAScript equivalent",
                    ));
                }
                _ => break,
            };
            *flag = on;
            self.pos += 1;
        }
        // Java's `(?U)` implies `(?u)`.
        if self.flags.unicode_classes {
            self.flags.unicode_case = true;
        }
        if self.flags.unicode_case && self.flags.case_insensitive {
            return Err(Refusal::no_equivalent(
                "`(?iu)` folds case as Java's `Character.toUpperCase` and `toLowerCase` do, which ECMAScript does not",
            ));
        }
        if self.flags.unicode_classes {
            return Err(Refusal::no_equivalent(
                "`(?U)` (Unicode character classes) has no ECMAScript equivalent",
            ));
        }
        Ok(())
    }

    /// After `\` outside a class.
    fn escape_node(&mut self) -> Result<Node, Refusal> {
        let start = self.pos - 1;
        Ok(match self.escape(false)? {
            Escape::Code(code) => self.literal(code),
            Escape::Set(set) => Node::Set { set, written: self.written(start) },
            Escape::Assertion(assertion) => Node::Assertion(assertion),
            Escape::BackReference(index) => {
                if self.flags.case_insensitive {
                    return Err(Refusal::no_equivalent(
                        "Java compares a back-reference under `(?i)` ignoring case, which ECMAScript does not",
                    ));
                }
                Node::BackReference(index)
            }
            Escape::LineBreak => line_break(),
        })
    }

    /// After `\`: what it stands for, inside a class (`in_class`) or out.
    fn escape(&mut self, in_class: bool) -> Result<Escape, Refusal> {
        // The escaped character itself is never skipped as white space (`\ ` is a space).
        let Some(c) = self.chars.get(self.pos).copied() else {
            return Err(Refusal::invalid("a trailing `\\`"));
        };
        self.pos += 1;
        let outside = |escape: Escape| -> Result<Escape, Refusal> {
            if in_class {
                Err(Refusal::invalid(format!("`\\{c}` inside a class")))
            } else {
                Ok(escape)
            }
        };
        let set = |set: CharSet| Ok(Escape::Set(set));
        let unix_lines = self.flags.unix_lines;
        match c {
            '0' => self.octal().map(Escape::Code),
            '1'..='9' => outside(Escape::BackReference(self.back_reference(c))),
            'k' => {
                let index = self.named_reference(in_class)?;
                outside(Escape::BackReference(index))
            }
            'A' | 'G' => outside(Escape::Assertion(Assertion::InputStart)),
            'z' => outside(Escape::Assertion(Assertion::InputEnd)),
            'Z' => outside(Escape::Assertion(Assertion::FinalTerminator { unix_lines })),
            'b' if self.chars.get(self.pos) == Some(&'{') => Err(Refusal::no_equivalent(
                "`\\b{g}` (a grapheme cluster boundary) has no ECMAScript equivalent",
            )),
            'b' => outside(Escape::Assertion(Assertion::WordBoundary { negated: false })),
            'B' => outside(Escape::Assertion(Assertion::WordBoundary { negated: true })),
            'R' => outside(Escape::LineBreak),
            'X' if !in_class => Err(Refusal::no_equivalent(
                "`\\X` (a grapheme cluster) has no ECMAScript equivalent",
            )),
            'N' => Err(Refusal::no_equivalent(
                "`\\N{…}` (a character by its Unicode name) is not resolved here",
            )),
            'd' => set(digits()),
            'D' => set(digits().complement()),
            'w' => set(word_characters()),
            'W' => set(word_characters().complement()),
            's' => set(spaces()),
            'S' => set(spaces().complement()),
            'h' => set(horizontal_spaces()),
            'H' => set(horizontal_spaces().complement()),
            'v' => set(vertical_spaces()),
            'V' => set(vertical_spaces().complement()),
            'p' | 'P' => {
                let name = self.property_name()?;
                let found = property(&name, self.flags.case_insensitive)?;
                set(if c == 'P' { found.complement() } else { found })
            }
            'a' => Ok(Escape::Code(0x07)),
            'e' => Ok(Escape::Code(0x1B)),
            'f' => Ok(Escape::Code(0x0C)),
            'n' => Ok(Escape::Code(0x0A)),
            'r' => Ok(Escape::Code(0x0D)),
            't' => Ok(Escape::Code(0x09)),
            'c' => match self.chars.get(self.pos) {
                Some(&control) => {
                    self.pos += 1;
                    Ok(Escape::Code(u32::from(control) ^ 64))
                }
                None => Err(Refusal::invalid("`\\c` without its character")),
            },
            'x' => self.hex().map(Escape::Code),
            'u' => self.unicode().map(Escape::Code),
            c if c.is_ascii_alphabetic() => {
                Err(Refusal::invalid(format!("`\\{c}`, an escape Java does not know")))
            }
            // Any other character escaped is itself.
            c => Ok(Escape::Code(u32::from(c))),
        }
    }

    /// `\1`…: more digits belong to the number while such a group has been opened.
    fn back_reference(&mut self, first: char) -> u32 {
        let mut index = first.to_digit(10).unwrap_or_default();
        while let Some(digit) = self.peek().and_then(|c| c.to_digit(10)) {
            let longer = index * 10 + digit;
            if longer > self.groups {
                break;
            }
            index = longer;
            self.pos += 1;
        }
        index
    }

    fn named_reference(&mut self, in_class: bool) -> Result<u32, Refusal> {
        if in_class || !self.eat('<') {
            return Err(Refusal::invalid("a `\\k` that is not `\\k<name>`"));
        }
        let first = self.next().filter(char::is_ascii_alphabetic);
        let name = match first {
            Some(c) => self.group_name(c)?,
            None => return Err(Refusal::invalid("a `\\k<…>` without a group name")),
        };
        match self.names.iter().find(|(known, _)| *known == name) {
            Some((_, index)) => Ok(*index),
            None => Err(Refusal::invalid(format!("`\\k<{name}>`, naming no group before it"))),
        }
    }

    /// After `\0`: one to three octal digits, at most `\0377`.
    fn octal(&mut self) -> Result<u32, Refusal> {
        let octal = |c: Option<char>| c.and_then(|c| c.to_digit(8));
        let Some(first) = octal(self.peek()) else {
            return Err(Refusal::invalid("`\\0` without an octal digit after it"));
        };
        self.pos += 1;
        let mut value = first;
        for _ in 0..2 {
            match octal(self.peek()) {
                Some(digit) if value * 8 + digit <= 0o377 => {
                    value = value * 8 + digit;
                    self.pos += 1;
                }
                _ => break,
            }
        }
        Ok(value)
    }

    /// After `\x`: two hex digits, or `{…}`.
    fn hex(&mut self) -> Result<u32, Refusal> {
        let invalid = || Refusal::invalid("a malformed `\\x` escape");
        if self.eat('{') {
            let mut value: u32 = 0;
            let mut digits = 0;
            while let Some(digit) = self.peek().and_then(|c| c.to_digit(16)) {
                self.pos += 1;
                digits += 1;
                value = value.saturating_mul(16).saturating_add(digit);
            }
            if digits == 0 || !self.eat('}') {
                return Err(invalid());
            }
            if value > 0x10FFFF {
                return Err(Refusal::invalid("a `\\x{…}` beyond the last code point"));
            }
            return Ok(value);
        }
        self.hex_digits(2).ok_or_else(invalid)
    }

    /// After `\u`: four hex digits; a high surrogate followed by `\u` and a low one is one
    /// character.
    fn unicode(&mut self) -> Result<u32, Refusal> {
        let high =
            self.hex_digits(4).ok_or_else(|| Refusal::invalid("a malformed `\\u` escape"))?;
        if (0xD800..0xDC00).contains(&high)
            && self.chars.get(self.pos..self.pos + 2) == Some(&['\\', 'u'])
        {
            let saved = self.pos;
            self.pos += 2;
            match self.hex_digits(4) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    return Ok(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
                }
                _ => self.pos = saved,
            }
        }
        Ok(high)
    }

    fn hex_digits(&mut self, count: usize) -> Option<u32> {
        let mut value = 0;
        for _ in 0..count {
            value = value * 16 + self.next()?.to_digit(16)?;
        }
        Some(value)
    }

    /// After `\p`: `{name}`, or a one-letter name.
    fn property_name(&mut self) -> Result<String, Refusal> {
        if !self.eat('{') {
            return self
                .next()
                .map(String::from)
                .ok_or_else(|| Refusal::invalid("a `\\p` without a name"));
        }
        let mut name = String::new();
        loop {
            match self.next() {
                Some('}') if name.is_empty() => return Err(Refusal::invalid("an empty `\\p{}`")),
                Some('}') => return Ok(name),
                Some(c) => name.push(c),
                None => return Err(Refusal::invalid("an unclosed `\\p{`")),
            }
        }
    }

    /// After `[` (`bracketed`), or after `&&`: the class up to its `]`, which a bracketed
    /// class consumes and an operand of `&&` leaves.
    ///
    /// As Java's `Pattern.clazz`: single Latin-1 characters are kept apart from the other
    /// items (predicates) until the `]` or a `&&`; `&&` intersects everything before it with
    /// what follows up to a `]` or `&`, or, with nothing there, with the last predicate.
    fn class(&mut self, bracketed: bool) -> Result<CharSet, Refusal> {
        self.enter()?;
        let class = self.class_inside(bracketed);
        self.depth -= 1;
        class
    }

    fn class_inside(&mut self, bracketed: bool) -> Result<CharSet, Refusal> {
        let negated = bracketed && self.chars.get(self.pos) == Some(&'^') && {
            self.pos += 1;
            true
        };
        let mut before: Option<CharSet> = None;
        let mut singles: Vec<CharSet> = Vec::new();
        let mut last: Option<CharSet> = None;
        loop {
            match self.peek() {
                None => return Err(Refusal::invalid("an unclosed class")),
                // A `]` first in a class is itself.
                Some(']') if before.is_some() || !singles.is_empty() => break,
                Some('[') => {
                    self.pos += 1;
                    let nested = self.class(true)?;
                    before = Some(union(before, nested.clone()));
                    last = Some(nested);
                }
                Some('&') if self.peek_second() == Some('&') => {
                    self.pos += 2;
                    let mut right: Option<CharSet> = None;
                    while !matches!(self.peek(), None | Some(']' | '&')) {
                        let operand =
                            if self.eat('[') { self.class(true)? } else { self.class(false)? };
                        right = Some(union(right, operand));
                    }
                    if !singles.is_empty() {
                        let characters = CharSet::union(std::mem::take(&mut singles));
                        if before.is_none() {
                            last = Some(characters.clone());
                        }
                        before = Some(union(before, characters));
                    }
                    if right.is_some() {
                        last = right.clone();
                    }
                    before = Some(match (before, last.clone(), right) {
                        (None, _, None) => return Err(Refusal::invalid("a class of `&&` alone")),
                        (None, _, Some(right)) => right,
                        (Some(_), None, _) => {
                            return Err(Refusal::invalid("a `&&` with nothing after it"));
                        }
                        (Some(before), Some(last), _) => before.intersection(last),
                    });
                }
                Some(_) => {
                    let (item, single) = self.class_item()?;
                    if single.is_some_and(|code| code < 0x100) {
                        singles.push(item);
                        last = None;
                    } else {
                        before = Some(union(before, item.clone()));
                        last = Some(item);
                    }
                }
            }
        }
        if bracketed {
            self.pos += 1;
        }
        let mut set = match before {
            Some(before) if singles.is_empty() => before,
            before => CharSet::union(before.into_iter().chain(singles).collect()),
        };
        if negated {
            set = set.complement();
        }
        Ok(set)
    }

    /// One character, range, escape or property of a class, and the character if it is one.
    fn class_item(&mut self) -> Result<(CharSet, Option<u32>), Refusal> {
        let low = match self.class_char()? {
            Ok(code) => code,
            Err(set) => return Ok((set, None)),
        };
        if self.peek() == Some('-') && !matches!(self.peek_second(), Some('[' | ']') | None) {
            self.pos += 1;
            let high = match self.class_char()? {
                Ok(code) if code >= low => code,
                _ => {
                    return Err(Refusal::invalid(
                        "a class range whose end comes before its start, or is no character",
                    ));
                }
            };
            let set = CharSet::Ranges(Ranges::new([(low, high)]));
            let set = if self.flags.case_insensitive { set.ascii_case_closure() } else { set };
            return Ok((set, None));
        }
        Ok((self.single(low), Some(low)))
    }

    /// A character of a class, or (`Err`) a set an escape stands for.
    fn class_char(&mut self) -> Result<Result<u32, CharSet>, Refusal> {
        let Some(c) = self.next() else {
            return Err(Refusal::invalid("an unclosed class"));
        };
        if c != '\\' {
            return Ok(Ok(u32::from(c)));
        }
        match self.escape(true)? {
            Escape::Code(code) => Ok(Ok(code)),
            Escape::Set(set) => Ok(Err(set)),
            Escape::Assertion(_) | Escape::BackReference(_) | Escape::LineBreak => {
                Err(Refusal::invalid("an escape that is no character inside a class"))
            }
        }
    }
}

/// The length of an escape (after its `\\`) that means the same set or character in both
/// dialects; `None` for any other.
fn portable_escape(text: &[char]) -> Option<usize> {
    let hex = |count: usize| {
        let digits = text.get(1..=count)?;
        digits.iter().all(char::is_ascii_hexdigit).then_some(count + 1)
    };
    match *text.first()? {
        c if "\\][-^./$*+?(){}|dDwWtnrf".contains(c) => Some(1),
        'x' => hex(2),
        'u' => {
            let length = hex(4)?;
            let code: String = text[1..=4].iter().collect();
            let surrogate =
                u32::from_str_radix(&code, 16).is_ok_and(|code| (0xD800..0xE000).contains(&code));
            (!surrogate).then_some(length)
        }
        'p' | 'P' => {
            let close = text.iter().position(|&c| c == '}')?;
            let name: String = text.get(2..close)?.iter().collect();
            (text.get(1) == Some(&'{') && is_general_category(&name)).then_some(close + 1)
        }
        _ => None,
    }
}

/// Whether `name` is a general category, which Java and ECMAScript both name so.
pub(super) fn is_general_category(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc",
        "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp",
        "C", "Cc", "Cf", "Cs", "Co", "Cn",
    ];
    NAMES.contains(&name)
}

fn union(set: Option<CharSet>, more: CharSet) -> CharSet {
    match set {
        Some(set) => CharSet::union(vec![set, more]),
        None => more,
    }
}

/// Refuses a look-behind the engines would not match alike: one whose length is unbounded or
/// that repeats more than a character (Java refuses some of those and bounds others by rules of
/// its own), or one with an atomic group or a back-reference (ECMAScript matches a look-behind
/// backwards, which they do not survive).
fn look_behind(body: &Node) -> Result<(), Refusal> {
    let repeats_more = |node: &Node| match node {
        Node::Repeat { body, max, .. } => {
            max.is_none_or(|max| max > 1) && !matches!(**body, Node::Literal(_) | Node::Set { .. })
        }
        _ => false,
    };
    if body.longest().is_none() || body.contains(&repeats_more) {
        return Err(Refusal::no_equivalent(
            "a look-behind has no obvious maximum length, and Java refuses some such and bounds others by rules of its own",
        ));
    }
    if body.contains(&|node| matches!(node, Node::Atomic(_) | Node::BackReference(_))) {
        return Err(Refusal::no_equivalent(
            "ECMAScript matches a look-behind backwards, which an atomic group, a possessive quantifier or a back-reference in it does not survive",
        ));
    }
    Ok(())
}

/// `\R`: `\r\n`, or any one line break.
fn line_break() -> Node {
    Node::Alternation(vec![
        Node::Concat(vec![Node::Literal('\r'), Node::Literal('\n')]),
        Node::Set { set: vertical_spaces(), written: None },
    ])
}

/// Java's line terminators, which `.` does not match.
pub(super) fn line_terminators() -> CharSet {
    CharSet::ranges([(0x0A, 0x0A), (0x0D, 0x0D), (0x85, 0x85), (0x2028, 0x2029)])
}

fn digits() -> CharSet {
    CharSet::ranges([(0x30, 0x39)])
}

pub(super) fn word_characters() -> CharSet {
    CharSet::ranges([(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)])
}

/// Java's `\s`: US-ASCII white space only.
fn spaces() -> CharSet {
    CharSet::ranges([(0x09, 0x0D), (0x20, 0x20)])
}

fn horizontal_spaces() -> CharSet {
    CharSet::ranges([
        (0x09, 0x09),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200A),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
    ])
}

fn vertical_spaces() -> CharSet {
    CharSet::ranges([(0x0A, 0x0D), (0x85, 0x85), (0x2028, 0x2029)])
}
