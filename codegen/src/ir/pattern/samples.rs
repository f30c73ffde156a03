//! Strings to try a pattern on: some it likely matches (drawn from its syntax tree) and
//! variations of them at the places the dialects differ. What Java's engine says of each is
//! kept in `codegen/tests/java/` and compared with the translation.

use super::charset::CharSet;
use super::syntax::Node;

/// Characters the dialects, `(?i)` and classes treat differently.
pub(super) const TRICKY: &[char] = &[
    '\n', '\r', '\u{85}', '\u{2028}', '\u{2029}', '\t', '\x0B', '\x0C', '\x1C', ' ', '\u{A0}',
    '\u{3000}', '\0', '\x7F', '\u{9F}', 'a', 'z', 'A', 'Z', 'k', 'K', '\u{212A}', '\u{17F}', 's',
    'S', '0', '9', '_', '-', '.', '/', ':', '@', '&', '[', ']', '^', '\\', '\'', '"', '`', '|',
    'é', 'É', '\u{301}', 'ÿ', '\u{130}', 'ß', '٣', '中', '😀', '\u{200D}', '\u{FEFF}', '$',
];

/// A small deterministic generator (xorshift), so the samples are the same on every run.
pub(super) struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Strings for `node`: drawn ones, their variations, and a few of the pattern's own characters.
pub(super) fn samples(node: &Node, pattern: &str, random: &mut Random) -> Vec<String> {
    let mut texts = Vec::new();
    for _ in 0..4 {
        let mut text = String::new();
        draw(node, random, &mut text);
        texts.push(text);
    }
    let drawn = texts.clone();
    for text in &drawn {
        for _ in 0..4 {
            texts.push(vary(text, random));
        }
    }
    let own: Vec<char> = pattern.chars().chain(TRICKY.iter().copied()).collect();
    for _ in 0..4 {
        let length = random.below(6);
        texts.push((0..length).map(|_| random.pick(&own)).collect());
    }
    texts.sort();
    texts.dedup();
    texts
}

fn vary(text: &str, random: &mut Random) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = random.below(chars.len() + 1);
    match random.below(7) {
        0 if !chars.is_empty() => {
            chars.remove(at.min(chars.len() - 1));
        }
        1 if !chars.is_empty() => {
            let index = at.min(chars.len() - 1);
            chars[index] = random.pick(TRICKY);
        }
        2 => chars.push(random.pick(&['\n', '\r', '\u{85}', '\u{2028}'])),
        3 => chars.extend(['\r', '\n']),
        4 => {
            for c in &mut chars {
                *c = if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                };
            }
        }
        5 if !chars.is_empty() => {
            let from = at.min(chars.len() - 1);
            let copy: Vec<char> = chars[from..].to_vec();
            chars.extend(copy);
        }
        _ => chars.insert(at, random.pick(TRICKY)),
    }
    chars.into_iter().collect()
}

/// Appends to `out` a string `node` likely matches.
fn draw(node: &Node, random: &mut Random, out: &mut String) {
    match node {
        Node::Empty | Node::Assertion(_) | Node::Look { .. } | Node::BackReference(_) => {}
        Node::Literal(c) => out.push(*c),
        Node::Set { set, .. } => out.push(member(set, random)),
        Node::Concat(nodes) => nodes.iter().for_each(|node| draw(node, random, out)),
        Node::Alternation(branches) => draw(&branches[random.below(branches.len())], random, out),
        Node::Group { body, .. } | Node::Atomic(body) => draw(body, random, out),
        Node::Repeat { body, min, max, .. } => {
            let most = max.unwrap_or(u32::MAX).min(min.saturating_add(3));
            let count = *min as usize + random.below((most - min) as usize + 1);
            for _ in 0..count.min(40) {
                draw(body, random, out);
            }
        }
    }
}

/// A character of the set: from its ranges, or one of the tricky characters it holds.
fn member(set: &CharSet, random: &mut Random) -> char {
    if let Some(ranges) = set.as_ranges() {
        let ranges: Vec<(u32, u32)> = ranges.iter().filter(|(low, _)| *low < 0x3_0000).collect();
        if let Some(&(low, high)) = ranges.get(random.below(ranges.len().max(1))) {
            let high = high.min(low + 200);
            let code = low + random.below((high - low + 1) as usize) as u32;
            return char::from_u32(code).unwrap_or('?');
        }
        return '?';
    }
    let class = regress::Regex::with_flags(&format!("^{}$", set.to_ecmascript()), "u");
    let fits: Vec<char> = match class {
        Ok(class) => {
            TRICKY.iter().copied().filter(|c| class.find(&c.to_string()).is_some()).collect()
        }
        Err(_) => Vec::new(),
    };
    if fits.is_empty() { 'x' } else { random.pick(&fits) }
}
