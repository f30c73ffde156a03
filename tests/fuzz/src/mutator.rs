//! A small deterministic mutator for the replay test: what libFuzzer does, in miniature, so
//! that `cargo test` explores a little around every seed on every run, the same way each time.

/// xorshift64*: deterministic, seedable, no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 { 0 } else { (self.next_u64() % bound as u64) as usize }
    }

    pub fn byte(&mut self) -> u8 {
        self.next_u64() as u8
    }
}

/// Tokens a JSON-aware mutation puts in place of a value or inserts.
const JSON_TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1",
    "-1",
    "1.5",
    "1e309",
    "-1e309",
    "1e-400",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "0.000000001",
    "1496170845.734",
    "\"\"",
    "\"x\"",
    "\"NaN\"",
    "\"Infinity\"",
    "\"-Infinity\"",
    "\"2015-01-25T08:00:00Z\"",
    "\"Sun, 25 Jan 2015 08:00:00 GMT\"",
    "\"1496170845.734\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\uDFFF\"",
    "\"\\\"\"",
    "\"é\"",
    "[]",
    "{}",
    "[null]",
    "{\"\":null}",
    "[[[[[[[[]]]]]]]]",
    "\"UNKNOWN_VALUE\"",
    "\"RUNNING\"",
    "{\"Unknown\":1}",
    "\"e30=\"",
    "\"====\"",
    "\"{}\"",
    "\"[1,\"",
];

/// One mutation of `data`, chosen by `rng`; `other` is for splicing.
pub fn mutate(data: &[u8], other: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = data.to_vec();
    let rounds = 1 + rng.below(3);
    for _ in 0..rounds {
        match rng.below(10) {
            0 if !out.is_empty() => {
                let at = rng.below(out.len());
                out[at] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let at = rng.below(out.len());
                out[at] = rng.byte();
            }
            2 => {
                let at = rng.below(out.len() + 1);
                let byte =
                    *b"{}[]\",:\\0123456789-.eE tnfu\n\x00\xff".get(rng.below(34)).unwrap_or(&b'x');
                out.insert(at, byte);
            }
            3 if !out.is_empty() => {
                let at = rng.below(out.len());
                let len = 1 + rng.below(8.min(out.len() - at));
                out.drain(at..at + len);
            }
            4 if !other.is_empty() => {
                // Splice: a head of one input and a tail of the other.
                let cut = rng.below(out.len() + 1);
                let from = rng.below(other.len());
                out.truncate(cut);
                out.extend_from_slice(&other[from..]);
            }
            5 if !out.is_empty() => {
                // Duplicate a stretch.
                let at = rng.below(out.len());
                let len = 1 + rng.below(16.min(out.len() - at));
                let copy = out[at..at + len].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
            6 if !out.is_empty() => {
                out.truncate(rng.below(out.len()));
            }
            _ => json_mutation(&mut out, rng),
        }
    }
    out
}

/// Replaces a JSON scalar (a string, number or literal) with a token, or duplicates an object
/// member, where the text has them.
fn json_mutation(out: &mut Vec<u8>, rng: &mut Rng) {
    let spans = scalar_spans(out);
    let token = JSON_TOKENS[rng.below(JSON_TOKENS.len())].as_bytes();
    if spans.is_empty() {
        let at = rng.below(out.len() + 1);
        out.splice(at..at, token.iter().copied());
        return;
    }
    let (start, end) = spans[rng.below(spans.len())];
    if rng.below(4) == 0 && out.get(end) == Some(&b':') {
        // `"key": value` → `"key": value, "key": value`: a member given twice.
        let value_end = spans.iter().find(|(s, _)| *s > end).map_or(end, |(_, e)| *e);
        let member = out[start..value_end].to_vec();
        let mut insert = member;
        insert.push(b',');
        out.splice(start..start, insert);
    } else {
        out.splice(start..end, token.iter().copied());
    }
}

/// Byte ranges of JSON strings, numbers and literals, found by a rough scan (no validation).
fn scalar_spans(text: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() && spans.len() < 4096 {
        match text[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(text.len());
                spans.push((start, i));
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                let start = i;
                while i < text.len() && !b",]} \n\t\r:".contains(&text[i]) {
                    i += 1;
                }
                spans.push((start, i));
            }
            _ => i += 1,
        }
    }
    spans
}
