//! 10,000 random and mutated expressions: parsing never panics, what parses is written back and
//! parsed back the same, and evaluating it on a few documents never panics (errors are fine).

use serde_json::json;

use crate::jmespath::{interpret, parse};

/// Expressions to mutate: every construct of the grammar.
const SEEDS: &[&str] = &[
    "a",
    "a.b",
    "a[*].b",
    "a[].b[].c",
    "*.a",
    "[a, b]",
    "status != 'STOPPING'",
    "Reservations[].Instances[].State.Name",
    "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`",
    "a.*.b[0][1:2:-1].{x: \"y z\", w: [c, d]} | sort_by(@, &e)[-1] || 'raw\\'s'",
    "!a[?b >= `1.5` && c != `{\"k\": [null]}`][*].d[] | @.*",
    "[*, [0], [:2], [?x], `true`, &f(g, h)]",
];

/// Characters a mutation inserts: JMESPath's own, and some that are not.
const ALPHABET: &[char] = &[
    'a', 'b', '0', '1', '-', '.', '*', '@', ',', ':', '[', ']', '{', '}', '(', ')', '?', '|', '&',
    '!', '=', '<', '>', '`', '\'', '"', '\\', ' ', 'é', '😀', '\u{0}',
];

/// splitmix64: deterministic, and no new crate.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(bound.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        items.get(self.below(items.len())).copied()
    }
}

/// Pieces a mutation inserts whole, so that many mutants still parse.
const PIECES: &[&str] = &[
    "a",
    ".b",
    "[*]",
    "[]",
    "[0]",
    "[-1:]",
    "[?c]",
    ".*",
    "*",
    " | d",
    " || e",
    " && f",
    "!",
    "@",
    "(",
    ")",
    "`1`",
    "'s'",
    ", g",
    " == h",
    " < `2`",
    "&",
    "{k: v}",
    "length(@)",
];

fn mutate(random: &mut Random, seed: &str) -> String {
    let mut characters: Vec<char> = seed.chars().collect();
    for _ in 0..=random.below(2) {
        let at = random.below(characters.len() + 1);
        match random.below(4) {
            0 => characters.insert(at, random.pick(ALPHABET).unwrap_or('a')),
            1 if at < characters.len() => drop(characters.remove(at)),
            2 => {
                let piece = random.pick(PIECES).unwrap_or("a");
                characters.splice(at..at, piece.chars());
            }
            _ => {
                if let Some(slot) = characters.get_mut(at) {
                    *slot = random.pick(ALPHABET).unwrap_or('a');
                }
            }
        }
    }
    characters.into_iter().collect()
}

fn fresh(random: &mut Random) -> String {
    (0..random.below(24)).map(|_| random.pick(ALPHABET).unwrap_or('a')).collect()
}

#[test]
fn random_expressions() {
    let documents = [
        json!(null),
        json!({"a": [{"b": 1, "a": [[2]]}, {"b": "x"}], "b": {"a": {"b": [true]}}, "0": -1}),
        json!([[1, [2]], {"a": 1.5}, "ab", [], {}]),
    ];
    let mut random = Random(0x5eed);
    // Mutants that parse are mutated further, to reach deeper trees.
    let mut pool: Vec<String> = SEEDS.iter().map(|seed| (*seed).to_owned()).collect();
    let mut parsed_count = 0;
    for round in 0..10_000 {
        let source = match pool.get(random.below(pool.len())) {
            Some(parent) if round % 8 != 0 => mutate(&mut random, parent),
            _ => fresh(&mut random),
        };
        let Ok(parsed) = parse(&source) else { continue };
        parsed_count += 1;
        if pool.len() < 1_000 {
            pool.push(source.clone());
        } else if let Some(slot) = pool.get_mut(random.below(1_000)) {
            slot.clone_from(&source);
        }
        let written = parsed.root.to_string();
        let again = parse(&written).unwrap_or_else(|error| panic!("`{source}` → {error}"));
        assert_eq!(again.root, parsed.root, "`{source}` written as `{written}`");
        for document in &documents {
            let _ = interpret(&parsed.root, document);
        }
    }
    // The mutations keep enough valid expressions for the round trip to be tested.
    assert!(parsed_count > 3_000, "only {parsed_count} parsed");
}
