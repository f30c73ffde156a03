//! Escapes (`\\d`, `\\p{…}`, `\\x{…}`, `\\0377`, `\\1`…) as Java reads them, inside classes and out,
//! and the sets Java's predefined classes stand for.

use super::{Escape, Parser};
use crate::ir::pattern::Refusal;
use crate::ir::pattern::charset::CharSet;
use crate::ir::pattern::properties::property;
use crate::ir::pattern::syntax::{Assertion, Node};

impl Parser {
    /// After `\` outside a class.
    pub(super) fn escape_node(&mut self) -> Result<Node, Refusal> {
        let start = self.pos - 1;
        Ok(match self.escape(false)? {
            Escape::Code(code) => self.literal(code),
            Escape::Set(set) => Node::Set { set, written: self.written(start) },
            Escape::Assertion(assertion) => Node::Assertion(assertion),
            Escape::BackReference(index) => {
                if self.flags.case_insensitive {
                    return Err(Refusal::no_equivalent(
                        "a back-reference under `(?i)`, which Java compares ignoring case",
                    ));
                }
                Node::BackReference(index)
            }
            Escape::LineBreak => line_break(),
        })
    }

    /// After `\`: what it stands for, inside a class (`in_class`) or out.
    pub(super) fn escape(&mut self, in_class: bool) -> Result<Escape, Refusal> {
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
            'b' if self.chars.get(self.pos) == Some(&'{') => {
                Err(Refusal::no_equivalent("`\\b{g}`, a grapheme cluster boundary"))
            }
            'b' => outside(Escape::Assertion(Assertion::WordBoundary { negated: false })),
            'B' => outside(Escape::Assertion(Assertion::WordBoundary { negated: true })),
            'R' => outside(Escape::LineBreak),
            'X' if !in_class => Err(Refusal::no_equivalent("`\\X`, a grapheme cluster")),
            'N' => Err(Refusal::no_equivalent(
                "`\\N{…}`, a character by its Unicode name, which is not resolved here",
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
    pub(super) fn back_reference(&mut self, first: char) -> u32 {
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

    pub(super) fn named_reference(&mut self, in_class: bool) -> Result<u32, Refusal> {
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
    pub(super) fn octal(&mut self) -> Result<u32, Refusal> {
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
    pub(super) fn hex(&mut self) -> Result<u32, Refusal> {
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
    pub(super) fn unicode(&mut self) -> Result<u32, Refusal> {
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

    pub(super) fn hex_digits(&mut self, count: usize) -> Option<u32> {
        let mut value = 0;
        for _ in 0..count {
            value = value * 16 + self.next()?.to_digit(16)?;
        }
        Some(value)
    }

    /// After `\p`: `{name}`, or a one-letter name.
    pub(super) fn property_name(&mut self) -> Result<String, Refusal> {
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
}

/// `\R`: `\r\n`, or any one line break.
pub(super) fn line_break() -> Node {
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

fn word_characters() -> CharSet {
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
