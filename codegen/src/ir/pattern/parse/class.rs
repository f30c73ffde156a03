//! Classes (`[…]`, with unions, intersections and ranges) as Java's `Pattern.clazz` reads them,
//! and the pattern's own text for a set where ECMAScript reads it alike.

use super::{Escape, Parser};
use crate::ir::pattern::Refusal;
use crate::ir::pattern::charset::{CharSet, Ranges};

impl Parser {
    /// The pattern's text from `start` to here, if ECMAScript reads it as a set of the same
    /// characters, so the translation keeps it as written: a class or escape without `(?i)` or
    /// `(?x)` in force, without nested classes or `&&`, whose escapes mean the same in both
    /// dialects (not `\s`, `\v`, `\h`, a POSIX class or an octal one), and that ECMAScript
    /// takes (it refuses a hyphen after `\w`, which Java reads as itself).
    pub(super) fn written(&self, start: usize) -> Option<String> {
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

    /// After `[` (`bracketed`), or after `&&`: the class up to its `]`, which a bracketed
    /// class consumes and an operand of `&&` leaves.
    ///
    /// As Java's `Pattern.clazz`: single Latin-1 characters are kept apart from the other
    /// items (predicates) until the `]` or a `&&`; `&&` intersects everything before it with
    /// what follows up to a `]` or `&`, or, with nothing there, with the last predicate.
    pub(super) fn class(&mut self, bracketed: bool) -> Result<CharSet, Refusal> {
        self.enter()?;
        let class = self.class_inside(bracketed);
        self.depth -= 1;
        class
    }

    pub(super) fn class_inside(&mut self, bracketed: bool) -> Result<CharSet, Refusal> {
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
    pub(super) fn class_item(&mut self) -> Result<(CharSet, Option<u32>), Refusal> {
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
    pub(super) fn class_char(&mut self) -> Result<Result<u32, CharSet>, Refusal> {
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
pub(in crate::ir::pattern) fn is_general_category(name: &str) -> bool {
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
