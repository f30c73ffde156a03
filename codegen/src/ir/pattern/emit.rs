//! A parsed Java pattern written as an ECMAScript (`u` mode) regular expression that matches
//! the same strings when searched for (Java's `Matcher.find`, Smithy's unanchored patterns).
//!
//! Where the two dialects mean different things, the Java meaning is spelled out: `.`, `$`
//! and `\b` by what Java's engine tests, a possessive quantifier or atomic group as a
//! look-ahead that captures and a back-reference to it (ECMAScript's look-ahead is atomic),
//! and a back-reference only where the group it names has surely matched (Java fails one to
//! a group that has not; ECMAScript matches the empty string).

use std::collections::{BTreeMap, BTreeSet};

use super::Refusal;
use super::charset::push_char;
use super::syntax::{Assertion, Node};

/// Why a node has no ECMAScript form as it stands.
pub(super) enum Failure {
    Refused(Refusal),
    /// A back-reference to group `index`, which may not have matched there: [`super::unset`]
    /// can split the pattern so that it has on every way that reaches the back-reference.
    MaybeUnset {
        index: u32,
        refusal: Refusal,
    },
}

impl From<Refusal> for Failure {
    fn from(refusal: Refusal) -> Failure {
        Failure::Refused(refusal)
    }
}

/// `node` as ECMAScript.
pub(super) fn emit(node: &Node) -> Result<String, Failure> {
    let mut emitter = Emitter { numbers: BTreeMap::new(), count: 0 };
    let at = Context {
        at_end: true,
        after_cr: true,
        at_start: true,
        behind: false,
        after_newlines: false,
    };
    let (text, _) = emitter.node(node, at, &mut BTreeSet::new())?;
    Ok(text)
}

struct Emitter {
    /// The ECMAScript number of each Java group emitted so far.
    numbers: BTreeMap<u32, u32>,
    /// Capturing groups emitted so far, the ones atomic groups add included.
    count: u32,
}

/// Where a node stands in the pattern.
#[derive(Debug, Clone, Copy)]
struct Context {
    /// Nothing follows it in the match (or in the look-ahead it is in).
    at_end: bool,
    /// The character before it may be `\r` (a `$` must then not take a `\n` after it).
    after_cr: bool,
    /// Nothing precedes it in the match, outside any look-around.
    at_start: bool,
    /// Inside a look-behind, which ECMAScript matches backwards.
    behind: bool,
    /// It follows a repetition without bound of a set that holds `\n`, which would take a last
    /// `\n` itself: a `$` then never needs to look behind it.
    after_newlines: bool,
}

/// Emitted text, and whether it is one atom that a quantifier can follow.
type Piece = (String, bool);

impl Emitter {
    /// `definite`: the Java groups that have surely matched before the node.
    fn node(
        &mut self,
        node: &Node,
        at: Context,
        definite: &mut BTreeSet<u32>,
    ) -> Result<Piece, Failure> {
        Ok(match node {
            Node::Empty => (String::new(), false),
            Node::Literal(c) => (literal(*c), true),
            Node::Set { set, written } => {
                (written.clone().unwrap_or_else(|| set.to_ecmascript()), true)
            }
            Node::Concat(nodes) => {
                let mut text = String::new();
                let mut atom = false;
                let mut after_cr = at.after_cr;
                let mut after_newlines = at.after_newlines;
                for (index, node) in nodes.iter().enumerate() {
                    let last = index + 1 == nodes.len();
                    let here = Context {
                        at_end: at.at_end && last,
                        at_start: at.at_start && index == 0,
                        after_cr,
                        behind: at.behind,
                        after_newlines,
                    };
                    let (piece, piece_is_atom) = self.node(node, here, definite)?;
                    atom = nodes.len() == 1 && piece_is_atom;
                    if matches!(node, Node::Alternation(_)) {
                        text.push_str(&format!("(?:{piece})"));
                    } else {
                        text.push_str(&piece);
                    }
                    after_cr = ends_after_cr(node, after_cr);
                    after_newlines = takes_any_newlines(node);
                }
                (text, atom)
            }
            Node::Alternation(branches) => {
                let mut texts = Vec::with_capacity(branches.len());
                let mut surely: Option<BTreeSet<u32>> = None;
                for branch in branches {
                    let mut groups = definite.clone();
                    texts.push(self.node(branch, at, &mut groups)?.0);
                    surely = Some(match surely {
                        None => groups,
                        Some(known) => known.intersection(&groups).copied().collect(),
                    });
                }
                *definite = surely.unwrap_or_default();
                (texts.join("|"), false)
            }
            Node::Group { capture, body } => {
                let open = match capture {
                    Some(capture) => {
                        self.count += 1;
                        self.numbers.insert(capture.index, self.count);
                        match &capture.name {
                            Some(name) => format!("(?<{name}>"),
                            None => "(".to_owned(),
                        }
                    }
                    None => "(?:".to_owned(),
                };
                let (text, _) = self.node(body, at, definite)?;
                if let Some(capture) = capture {
                    definite.insert(capture.index);
                }
                (format!("{open}{text})"), true)
            }
            Node::Look { behind, negated, body } => {
                let open = match (behind, negated) {
                    (false, false) => "(?=",
                    (false, true) => "(?!",
                    (true, false) => "(?<=",
                    (true, true) => "(?<!",
                };
                let inside = if *behind {
                    Context {
                        at_end: false,
                        after_cr: true,
                        at_start: false,
                        behind: true,
                        after_newlines: false,
                    }
                } else {
                    Context { at_end: true, at_start: false, ..at }
                };
                // What a look-around captures is not relied on afterwards.
                let (text, _) = self.node(body, inside, &mut definite.clone())?;
                (format!("{open}{text})"), true)
            }
            Node::Atomic(body) if is_deterministic(body) => {
                let (text, atom) = self.node(body, at, definite)?;
                (text, atom)
            }
            Node::Atomic(body) if body.contains(&repeats_what_may_be_empty) => {
                return Err(Refusal::no_equivalent(
                    "an atomic group or possessive quantifier over a repetition of what can match \
                     nothing, whose first match Java finds otherwise (it stops a loop at an empty \
                     iteration)",
                )
                .into());
            }
            Node::Atomic(body) => {
                // A look-ahead is atomic in ECMAScript: what it captured, matched again.
                self.count += 1;
                let number = self.count;
                let (text, _) = self.node(body, at, definite)?;
                (format!("(?:(?=({text}))\\{number})"), true)
            }
            Node::Repeat { body, min, max, lazy } => {
                self.repeat(body, *min, *max, *lazy, at, definite)?
            }
            Node::Assertion(assertion) => (self.assertion(*assertion, at), true),
            Node::BackReference(index) => {
                let number =
                    self.numbers.get(index).filter(|_| definite.contains(index) && !at.behind);
                match number {
                    // Grouped, so that a digit after it is not read as part of its number.
                    Some(number) => (format!("(?:\\{number})"), true),
                    None => {
                        let refusal = Refusal::no_equivalent(format!(
                            "the back-reference `\\{index}` to a group that may not have matched, \
                             which Java fails and ECMAScript matches as empty"
                        ));
                        return Err(Failure::MaybeUnset { index: *index, refusal });
                    }
                }
            }
        })
    }

    fn repeat(
        &mut self,
        body: &Node,
        min: u32,
        max: Option<u32>,
        lazy: bool,
        at: Context,
        definite: &mut BTreeSet<u32>,
    ) -> Result<Piece, Failure> {
        // Java tries a node that consumes nothing once at most (and ECMAScript cannot repeat
        // an assertion): needed once, it is there once; optional, it never changes a match.
        if body.is_zero_width() {
            return if min == 0 {
                Ok((String::new(), false))
            } else {
                self.node(body, at, definite)
            };
        }
        let again = max != Some(1) && max != Some(0);
        let inside = Context {
            at_end: at.at_end && !again,
            at_start: at.at_start && !again,
            after_cr: at.after_cr || (again && ends_after_cr(body, true)),
            behind: at.behind,
            after_newlines: at.after_newlines && !again,
        };
        let mut groups = definite.clone();
        let (text, atom) = self.node(body, inside, &mut groups)?;
        if min > 0 {
            *definite = groups;
        }
        let text = if atom { text } else { format!("(?:{text})") };
        let quantifier = match (min, max) {
            (0, None) => "*".to_owned(),
            (1, None) => "+".to_owned(),
            (0, Some(1)) => "?".to_owned(),
            (min, None) => format!("{{{min},}}"),
            (min, Some(max)) if min == max => format!("{{{min}}}"),
            (min, Some(max)) => format!("{{{min},{max}}}"),
        };
        let lazy = if lazy { "?" } else { "" };
        Ok((format!("{text}{quantifier}{lazy}"), false))
    }

    fn assertion(&self, assertion: Assertion, at: Context) -> String {
        match assertion {
            Assertion::InputStart => "^".to_owned(),
            Assertion::InputEnd => "$".to_owned(),
            // A search finds `$` alone at the end of any input, as Java does.
            Assertion::FinalTerminator { .. } if at.at_start && at.at_end => "$".to_owned(),
            // Last in the match, the terminator can be taken: the search only asks whether
            // there is a match.
            Assertion::FinalTerminator { unix_lines: true } if at.at_end && !at.behind => {
                r"\n?$".to_owned()
            }
            Assertion::FinalTerminator { unix_lines: false } if at.at_end && !at.behind => {
                if at.after_cr && !at.after_newlines {
                    r"(?:\r\n|[\r\x85\u2028\u2029]|(?<!\r)\n)?$".to_owned()
                } else {
                    r"(?:\r\n|[\n\r\x85\u2028\u2029])?$".to_owned()
                }
            }
            Assertion::FinalTerminator { unix_lines: true } => r"(?:$|(?=\n$))".to_owned(),
            Assertion::FinalTerminator { unix_lines: false } => {
                r"(?:$|(?=(?:\r\n|[\r\x85\u2028\u2029])$)|(?<!\r)(?=\n$))".to_owned()
            }
            // Java's `^` under `(?m)` never matches at the end of input, even after a
            // terminator, nor between `\r` and `\n`.
            Assertion::LineStart { unix_lines: true } => r"(?=[\s\S])(?:^|(?<=\n))".to_owned(),
            Assertion::LineStart { unix_lines: false } => {
                r"(?=[\s\S])(?:^|(?<=[\n\x85\u2028\u2029])|(?<=\r)(?!\n))".to_owned()
            }
            Assertion::LineEnd { unix_lines: true } => r"(?:$|(?=\n))".to_owned(),
            Assertion::LineEnd { unix_lines: false } => {
                r"(?:$|(?=[\r\x85\u2028\u2029])|(?<!\r)(?=\n))".to_owned()
            }
            Assertion::WordBoundary { negated } => word_boundary(negated),
        }
    }
}

/// Java's `\b` (`\B` when `negated`): between a word character and a character that is not
/// one, where a word character is `[0-9A-Za-z_]`, or a non-spacing mark that follows a letter
/// or digit (with any marks between), as `Pattern.Bound` tests.
fn word_boundary(negated: bool) -> String {
    const WORD: &str = "[0-9A-Z_a-z]";
    const BASE: &str = r"[\p{L}\p{Nd}]";
    let left = format!(r"{WORD}|{BASE}\p{{Mn}}+");
    let right = format!(r"(?={WORD})|(?<={BASE}\p{{Mn}}*)(?=\p{{Mn}})");
    let word_left = format!("(?<={left})");
    let plain_left = format!("(?<!{left})");
    let word_right = format!("(?:{right})");
    let plain_right = format!(r"(?!{WORD})(?!(?<={BASE}\p{{Mn}}*)\p{{Mn}})");
    if negated {
        format!("(?:{word_left}{word_right}|{plain_left}{plain_right})")
    } else {
        format!("(?:{word_left}{plain_right}|{plain_left}{word_right})")
    }
}

/// A character outside a class, escaped where ECMAScript would read it as syntax.
fn literal(c: char) -> String {
    let mut text = String::new();
    if "^$\\.*+?()[]{}|".contains(c) {
        text.push('\\');
        text.push(c);
    } else {
        push_char(&mut text, c);
    }
    text
}

/// Whether `node` repeats more than once something that can match the empty string: Java
/// ends such a loop at an empty iteration, where ECMAScript tries the iteration's other ways,
/// so the first match of the two can differ (and only the first counts in an atomic group).
fn repeats_what_may_be_empty(node: &Node) -> bool {
    match node {
        Node::Repeat { body, max, .. } => {
            max.is_none_or(|max| max > 1)
                && body.may_be_empty()
                && !body.is_zero_width()
                && !is_deterministic(body)
        }
        _ => false,
    }
}

/// Whether a node can match in one way only at any position, so that making it atomic (a
/// possessive quantifier) changes nothing.
fn is_deterministic(node: &Node) -> bool {
    match node {
        Node::Empty
        | Node::Literal(_)
        | Node::Set { .. }
        | Node::Assertion(_)
        | Node::BackReference(_)
        | Node::Look { .. }
        | Node::Atomic(_) => true,
        Node::Concat(nodes) => nodes.iter().all(is_deterministic),
        Node::Group { body, .. } => is_deterministic(body),
        Node::Repeat { body, min, max, .. } => Some(*min) == *max && is_deterministic(body),
        Node::Alternation(_) => false,
    }
}

/// Whether `node` repeats without bound a set that surely holds `\n`: then wherever a match
/// of it is followed by a last `\n`, another match takes that `\n` too.
fn takes_any_newlines(node: &Node) -> bool {
    match node {
        Node::Repeat { body, max: None, .. } => {
            matches!(&**body, Node::Set { set, .. } if set.surely_contains_lf())
        }
        Node::Group { body, .. } | Node::Atomic(body) => takes_any_newlines(body),
        Node::Concat(nodes) => nodes.last().is_some_and(takes_any_newlines),
        Node::Alternation(branches) => branches.iter().all(takes_any_newlines),
        _ => false,
    }
}

/// Whether the character before the end of a match of `node` may be `\r` (`after_cr`: whether
/// the one before its start may be); `true` when it cannot be told.
fn ends_after_cr(node: &Node, after_cr: bool) -> bool {
    match node {
        // Nothing is before the start of input.
        Node::Assertion(Assertion::InputStart) => false,
        Node::Empty | Node::Assertion(_) | Node::Look { .. } => after_cr,
        Node::Literal(c) => *c == '\r',
        Node::Set { set, .. } => set.may_contain_cr(),
        Node::BackReference(_) => true,
        Node::Concat(nodes) => {
            nodes.iter().fold(after_cr, |after_cr, node| ends_after_cr(node, after_cr))
        }
        Node::Alternation(branches) => {
            branches.iter().any(|branch| ends_after_cr(branch, after_cr))
        }
        Node::Group { body, .. } | Node::Atomic(body) => ends_after_cr(body, after_cr),
        Node::Repeat { body, min, max, .. } => {
            let again = max.is_none_or(|max| max > 1);
            let ends = ends_after_cr(body, after_cr || (again && ends_after_cr(body, true)));
            if *min == 0 { after_cr || ends } else { ends }
        }
    }
}
