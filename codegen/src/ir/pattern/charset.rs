//! Sets of characters, as Java's classes build them (unions, intersections, complements of
//! ranges and Unicode properties), and their ECMAScript form.
//!
//! Ranges are computed exactly. A Unicode property is kept by name: ECMAScript (`u` mode) can
//! put `\p{…}` and `\P{…}` in a class, but cannot intersect a property with anything, so such a
//! set is written with look-ahead (`(?=[…])[…]`), which means the same for one character.

use std::fmt::Write as _;

/// The largest Unicode scalar value.
const MAX: u32 = 0x10FFFF;

/// Code points, as sorted, disjoint and non-adjacent inclusive ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Ranges(Vec<(u32, u32)>);

impl Ranges {
    pub fn new(ranges: impl IntoIterator<Item = (u32, u32)>) -> Self {
        let mut sorted: Vec<(u32, u32)> = ranges.into_iter().filter(|(a, b)| a <= b).collect();
        sorted.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(sorted.len());
        for (low, high) in sorted {
            match merged.last_mut() {
                Some(last) if low <= last.1.saturating_add(1) => last.1 = last.1.max(high),
                _ => merged.push((low, high)),
            }
        }
        Ranges(merged)
    }

    pub fn iter(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.0.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, c: u32) -> bool {
        self.0.iter().any(|&(low, high)| low <= c && c <= high)
    }

    pub fn union(&self, other: &Ranges) -> Ranges {
        Ranges::new(self.iter().chain(other.iter()))
    }

    pub fn complement(&self) -> Ranges {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut next = 0;
        for &(low, high) in &self.0 {
            if low > next {
                out.push((next, low - 1));
            }
            next = high + 1;
        }
        if next <= MAX {
            out.push((next, MAX));
        }
        Ranges(out)
    }

    pub fn intersection(&self, other: &Ranges) -> Ranges {
        self.complement().union(&other.complement()).complement()
    }

    /// The set with every ASCII letter's other case added, as Java's `(?i)` (without `u`)
    /// matches: only US-ASCII letters fold.
    pub fn ascii_case_closure(&self) -> Ranges {
        let swapped = self.iter().flat_map(|(low, high)| {
            let upper = overlap((low, high), (0x61, 0x7A)).map(|(a, b)| (a - 0x20, b - 0x20));
            let lower = overlap((low, high), (0x41, 0x5A)).map(|(a, b)| (a + 0x20, b + 0x20));
            upper.into_iter().chain(lower)
        });
        Ranges::new(self.iter().chain(swapped.collect::<Vec<_>>()))
    }
}

fn overlap(a: (u32, u32), b: (u32, u32)) -> Option<(u32, u32)> {
    let (low, high) = (a.0.max(b.0), a.1.min(b.1));
    (low <= high).then_some((low, high))
}

/// A set of characters.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum CharSet {
    Ranges(Ranges),
    /// `\p{name}` as ECMAScript spells it (`L`, `Alphabetic`, `Script=Latin`), or `\P{name}`.
    Property {
        name: String,
        negated: bool,
    },
    Union(Vec<CharSet>),
    Intersection(Box<CharSet>, Box<CharSet>),
    Complement(Box<CharSet>),
}

/// A set as one ECMAScript class: `[…]`, or `[^…]` when `negated`.
#[derive(Debug, Clone, PartialEq, Default)]
struct Class {
    negated: bool,
    ranges: Ranges,
    properties: Vec<(String, bool)>,
}

impl CharSet {
    pub fn ranges(ranges: impl IntoIterator<Item = (u32, u32)>) -> CharSet {
        CharSet::Ranges(Ranges::new(ranges))
    }

    pub fn property(name: &str) -> CharSet {
        CharSet::Property { name: name.to_owned(), negated: false }
    }

    pub fn any() -> CharSet {
        CharSet::Ranges(Ranges::new([(0, MAX)]))
    }

    pub fn union(sets: Vec<CharSet>) -> CharSet {
        match <[CharSet; 1]>::try_from(sets) {
            Ok([only]) => only,
            Err(sets) => CharSet::Union(sets),
        }
    }

    pub fn complement(self) -> CharSet {
        match self {
            CharSet::Ranges(ranges) => CharSet::Ranges(ranges.complement()),
            CharSet::Property { name, negated } => CharSet::Property { name, negated: !negated },
            CharSet::Complement(inner) => *inner,
            other => CharSet::Complement(Box::new(other)),
        }
    }

    pub fn intersection(self, other: CharSet) -> CharSet {
        match (self, other) {
            (CharSet::Ranges(a), CharSet::Ranges(b)) => CharSet::Ranges(a.intersection(&b)),
            (a, b) => CharSet::Intersection(Box::new(a), Box::new(b)),
        }
    }

    /// The set with ASCII letters of either case where one case is in it, as Java's `(?i)`
    /// applies to the ranges and characters of a class (properties are chosen case-aware where
    /// they are read).
    pub fn ascii_case_closure(self) -> CharSet {
        match self {
            CharSet::Ranges(ranges) => CharSet::Ranges(ranges.ascii_case_closure()),
            other => other,
        }
    }

    /// Whether `\r` may be in the set (a `$` after it must then not take the `\n` after it).
    pub fn may_contain_cr(&self) -> bool {
        self.contains_control(0x0D) != Some(false)
    }

    /// Whether `\n` is surely in the set.
    pub fn surely_contains_lf(&self) -> bool {
        self.contains_control(0x0A) == Some(true)
    }

    /// Whether `code`, `\n` or `\r`, is in the set; `None` where a property's members are not
    /// known here.
    fn contains_control(&self, code: u32) -> Option<bool> {
        match self {
            CharSet::Ranges(ranges) => Some(ranges.contains(code)),
            CharSet::Property { name, negated } => {
                property_has_line_control(name).map(|has| has != *negated)
            }
            CharSet::Union(sets) => {
                let found: Vec<Option<bool>> =
                    sets.iter().map(|set| set.contains_control(code)).collect();
                if found.contains(&Some(true)) {
                    Some(true)
                } else if found.contains(&None) {
                    None
                } else {
                    Some(false)
                }
            }
            CharSet::Intersection(a, b) => {
                match (a.contains_control(code), b.contains_control(code)) {
                    (Some(false), _) | (_, Some(false)) => Some(false),
                    (Some(true), Some(true)) => Some(true),
                    _ => None,
                }
            }
            CharSet::Complement(inner) => inner.contains_control(code).map(|has| !has),
        }
    }

    /// The set when it is only ranges.
    #[cfg(test)]
    pub fn as_ranges(&self) -> Option<&Ranges> {
        match self {
            CharSet::Ranges(ranges) => Some(ranges),
            _ => None,
        }
    }

    /// The ECMAScript (`u` mode) that matches one character of the set.
    pub fn to_ecmascript(&self) -> String {
        if let Some(class) = self.class() {
            return class.to_ecmascript();
        }
        match self {
            CharSet::Union(sets) => {
                let parts: Vec<String> = sets.iter().map(CharSet::to_ecmascript).collect();
                format!("(?:{})", parts.join("|"))
            }
            CharSet::Intersection(a, b) => {
                format!("(?:(?={}){})", a.to_ecmascript(), b.to_ecmascript())
            }
            CharSet::Complement(inner) => format!("(?:(?!{})[\\s\\S])", inner.to_ecmascript()),
            // Ranges and properties are always one class.
            CharSet::Ranges(_) | CharSet::Property { .. } => String::new(),
        }
    }

    /// The set as one class, where ECMAScript can say it so.
    fn class(&self) -> Option<Class> {
        match self {
            CharSet::Ranges(ranges) => Some(Class { ranges: ranges.clone(), ..Class::default() }),
            CharSet::Property { name, negated } => {
                Some(Class { properties: vec![(name.clone(), *negated)], ..Class::default() })
            }
            CharSet::Complement(inner) => {
                let class = inner.class()?;
                Some(match class.single_property() {
                    // `[^\p{L}]` is `\P{L}`, which a union can take.
                    Some((name, negated)) => {
                        Class { properties: vec![(name, !negated)], ..Class::default() }
                    }
                    None if class.properties.is_empty() => {
                        let ranges =
                            if class.negated { class.ranges } else { class.ranges.complement() };
                        Class { ranges, ..Class::default() }
                    }
                    None => Class { negated: !class.negated, ..class },
                })
            }
            CharSet::Union(sets) => {
                let classes: Vec<Class> = sets.iter().map(CharSet::class).collect::<Option<_>>()?;
                let mut union = Class::default();
                for class in classes {
                    if class.negated || union.negated {
                        // A ∪ ¬B is ¬(B ∖ A): computable when no property is on either side
                        // but B's, and A is no range then.
                        let (plain, negated) =
                            if class.negated { (union, class) } else { (class, union) };
                        if plain.negated || !plain.properties.is_empty() {
                            return None;
                        }
                        if !negated.properties.is_empty() && !plain.ranges.is_empty() {
                            return None;
                        }
                        union = Class {
                            negated: true,
                            ranges: negated.ranges.intersection(&plain.ranges.complement()),
                            properties: negated.properties,
                        };
                    } else {
                        union.ranges = union.ranges.union(&class.ranges);
                        union.properties.extend(class.properties);
                    }
                }
                Some(union)
            }
            CharSet::Intersection(a, b) => {
                let (a, b) = (a.class()?, b.class()?);
                let ranges = |class: &Class| match (class.negated, class.properties.is_empty()) {
                    (_, false) => None,
                    (false, true) => Some(class.ranges.clone()),
                    (true, true) => Some(class.ranges.complement()),
                };
                let ranges = ranges(&a)?.intersection(&ranges(&b)?);
                Some(Class { ranges, ..Class::default() })
            }
        }
    }
}

impl Class {
    fn single_property(&self) -> Option<(String, bool)> {
        match self.properties.as_slice() {
            [(name, negated)] if self.ranges.is_empty() && !self.negated => {
                Some((name.clone(), *negated))
            }
            _ => None,
        }
    }

    fn to_ecmascript(&self) -> String {
        // A set of ranges that runs to the last code point reads better as what it leaves out.
        // Surrogates are left out either way: no Rust string holds one.
        let surrogates = Ranges::new([(0xD800, 0xDFFF)]).complement();
        let (negated, ranges) = if self.properties.is_empty() && self.ranges.contains(MAX) {
            (!self.negated, self.ranges.complement())
        } else {
            (self.negated, self.ranges.clone())
        };
        let ranges = ranges.intersection(&surrogates);
        let mut out = String::from(if negated { "[^" } else { "[" });
        for (low, high) in ranges.iter() {
            push_class_char(&mut out, low);
            if high > low {
                if high > low + 1 {
                    out.push('-');
                }
                push_class_char(&mut out, high);
            }
        }
        for (name, negated) in &self.properties {
            let _ = write!(out, "\\{}{{{name}}}", if *negated { 'P' } else { 'p' });
        }
        out.push(']');
        // `[]` matches nothing and `[^]` anything in ECMAScript, as meant.
        out
    }
}

/// Whether `\n` and `\r` (control characters, white space, both alike in every property)
/// have the property; `None` if unknown here.
fn property_has_line_control(name: &str) -> Option<bool> {
    let general_category = name.len() <= 2 && name.starts_with(|c: char| c.is_ascii_uppercase());
    match name {
        "C" | "Cc" | "White_Space" | "Assigned" | "Script=Common" => Some(true),
        _ if general_category => Some(false),
        "Alphabetic" | "Lowercase" | "Uppercase" | "Ideographic" | "Hex_Digit" | "Join_Control" => {
            Some(false)
        }
        _ => None,
    }
}

/// A code point inside an ECMAScript class.
fn push_class_char(out: &mut String, code: u32) {
    match char::from_u32(code) {
        Some(c @ ('\\' | ']' | '[' | '-' | '^')) => {
            out.push('\\');
            out.push(c);
        }
        Some(c) => push_char(out, c),
        // A surrogate, which no Rust string holds but a class may name as a range end.
        None => {
            let _ = write!(out, "\\u{{{code:X}}}");
        }
    }
}

/// A character as ECMAScript writes it: printable ASCII and letters and digits as they are,
/// anything else escaped, so the generated code shows what each character is.
pub(super) fn push_char(out: &mut String, c: char) {
    let code = u32::from(c);
    if (0x20..0x7F).contains(&code) || (code > 0x7F && c.is_alphanumeric()) {
        out.push(c);
    } else if let Some(escape) = ['\t', '\n', '\x0B', '\x0C', '\r'].iter().position(|&e| e == c) {
        out.push('\\');
        out.push(['t', 'n', 'v', 'f', 'r'][escape]);
    } else if code <= 0xFF {
        let _ = write!(out, "\\x{code:02X}");
    } else if code <= 0xFFFF {
        let _ = write!(out, "\\u{code:04X}");
    } else {
        let _ = write!(out, "\\u{{{code:X}}}");
    }
}

#[cfg(test)]
mod tests {
    use super::{CharSet, Ranges};

    #[test]
    fn ranges_merge_complement_and_intersect() {
        let set = Ranges::new([(0x61, 0x63), (0x62, 0x66), (0x67, 0x67), (0x30, 0x39)]);
        assert_eq!(set, Ranges::new([(0x30, 0x39), (0x61, 0x67)]));
        assert_eq!(set.complement().complement(), set);
        assert_eq!(
            set.intersection(&Ranges::new([(0x35, 0x62)])),
            Ranges::new([(0x35, 0x39), (0x61, 0x62)])
        );
        assert_eq!(
            Ranges::new([(0x5A, 0x61)]).ascii_case_closure(),
            Ranges::new([(0x41, 0x41), (0x5A, 0x61), (0x7A, 0x7A)])
        );
    }

    #[test]
    fn sets_are_one_class_where_ecmascript_can_say_so() {
        let letters = CharSet::property("L");
        let digits = CharSet::ranges([(0x30, 0x39)]);
        let cases = [
            (CharSet::union(vec![letters.clone(), digits.clone()]), r"[0-9\p{L}]"),
            (CharSet::union(vec![letters.clone(), digits.clone()]).complement(), r"[^0-9\p{L}]"),
            (letters.clone().complement(), r"[\P{L}]"),
            (CharSet::union(vec![letters.clone().complement(), digits.clone()]), r"[0-9\P{L}]"),
            (digits.clone().complement(), r"[^0-9]"),
            (CharSet::ranges([(0x5B, 0x5E), (0x2D, 0x2D)]), r"[\-\[-\^]"),
            (letters.clone().intersection(digits.clone()), r"(?:(?=[\p{L}])[0-9])"),
            (CharSet::ranges([]), "[]"),
        ];
        for (set, ecmascript) in cases {
            assert_eq!(set.to_ecmascript(), ecmascript, "{set:?}");
        }
    }
}
