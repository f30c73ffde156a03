//! Java's pattern syntax (`java.util.regex.Pattern`, Java SE 25), parsed into [`Node`]s with the
//! inline flags in force applied: the grammar, escapes and classes as Java's own parser reads
//! them, and its refusals as errors.

mod class;
mod escape;

pub(super) use self::class::is_general_category;
use self::escape::{line_break, line_terminators};
use super::charset::{CharSet, Ranges};
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
                    // Under any quantifier, Java never goes back into an `\R` that took
                    // `\r\n` (`\R{2}` does not match `\r\n`, nor `\R?\n` at its `\r`); alone,
                    // it does.
                    let repeated = matches!(self.peek(), Some('?' | '*' | '+' | '{'));
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
                "groups and classes nested more than {MAX_DEPTH} deep, which are not read"
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
                    return Err(Refusal::no_equivalent("`(?c)`, canonical equivalence"));
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
                "`(?iu)`, which folds case as Java's `Character.toUpperCase` and `toLowerCase` do",
            ));
        }
        if self.flags.unicode_classes {
            return Err(Refusal::no_equivalent("`(?U)`, Unicode character classes"));
        }
        Ok(())
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
            "a look-behind of no obvious maximum length, which Java refuses or bounds by rules of its own",
        ));
    }
    if body.contains(&|node| matches!(node, Node::Atomic(_) | Node::BackReference(_))) {
        return Err(Refusal::no_equivalent(
            "a look-behind holding an atomic group, a possessive quantifier or a back-reference, which ECMAScript matches backwards",
        ));
    }
    Ok(())
}
