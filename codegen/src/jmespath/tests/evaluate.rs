//! What expressions mean, from the specification's examples and rules.

use serde_json::Value;

use crate::jmespath::interpret::equal;
use crate::jmespath::{interpret, parse};

/// An expression, the JSON it is evaluated on, and the JSON result.
const CASES: &[(&str, &str, &str)] = &[
    // Identifiers and sub-expressions: null for anything missing or of another type.
    ("a", r#"{"a": 1}"#, "1"),
    ("b", r#"{"a": 1}"#, "null"),
    ("a", "[1]", "null"),
    ("a.b.c", r#"{"a": {"b": {"c": "x"}}}"#, r#""x""#),
    ("a.b.c", r#"{"a": {"b": 1}}"#, "null"),
    ("\"a b\"", r#"{"a b": true}"#, "true"),
    ("@", "[1, 2]", "[1, 2]"),
    // Indexes.
    ("[0]", "[1, 2]", "1"),
    ("[-1]", "[1, 2]", "2"),
    ("[2]", "[1, 2]", "null"),
    ("[-3]", "[1, 2]", "null"),
    ("a[0]", r#"{"a": {"0": 1}}"#, "null"),
    // Slices, as Python's.
    ("[1:3]", "[0, 1, 2, 3]", "[1, 2]"),
    ("[::2]", "[0, 1, 2, 3, 4]", "[0, 2, 4]"),
    ("[::-1]", "[0, 1, 2]", "[2, 1, 0]"),
    ("[-2:]", "[0, 1, 2, 3]", "[2, 3]"),
    ("[10:]", "[0, 1]", "[]"),
    ("[:-10:-1]", "[0, 1, 2]", "[2, 1, 0]"),
    ("[1:].a", r#"[{"a": 1}, {"b": 2}, {"a": 3}]"#, "[3]"),
    ("a[1:]", r#"{"a": "text"}"#, "null"),
    // List projections drop nulls; indexes inside project.
    ("[*].a", r#"[{"a": 1}, {"b": 2}, {"a": 3}]"#, "[1, 3]"),
    ("[*].a", r#"{"a": 1}"#, "null"),
    ("[*][0]", "[[1, 2], [3], []]", "[1, 3]"),
    ("a[*].b[0]", r#"{"a": [{"b": [1]}, {"b": []}]}"#, "[1]"),
    ("(a[*].b)[0]", r#"{"a": [{"b": [1]}, {"b": [2]}]}"#, "[1]"),
    ("a[*].b | [0]", r#"{"a": [{"b": 1}, {"b": 2}]}"#, "1"),
    ("a[*].b[*].c", r#"{"a": [{"b": [{"c": 1}, {"c": 2}]}, {"b": [{"c": 3}]}]}"#, "[[1, 2], [3]]"),
    // Flatten: one level, non-lists kept, then projected.
    ("[]", "[1, [2, [3]], []]", "[1, 2, [3]]"),
    ("[][]", "[1, [2, [3]]]", "[1, 2, 3]"),
    ("a[].b", r#"{"a": [[{"b": 1}], {"b": 2}, [{"c": 3}]]}"#, "[1, 2]"),
    ("a[]", r#"{"a": {"b": 1}}"#, "null"),
    ("a[*].b[]", r#"{"a": [{"b": [1, 2]}, {"b": [3]}, {"b": 4}]}"#, "[1, 2, 3, 4]"),
    (
        "Reservations[].Instances[].State.Name",
        r#"{"Reservations": [{"Instances": [{"State": {"Name": "running"}}, {"State": {}}]},
                              {"Instances": [{"State": {"Name": "pending"}}]}]}"#,
        r#"["running", "pending"]"#,
    ),
    // Object projections.
    ("*", r#"{"a": 1, "b": null, "c": 3}"#, "[1, 3]"),
    ("*.x", r#"{"a": {"x": 1}, "b": {"y": 2}}"#, "[1]"),
    ("*", "[1, 2]", "null"),
    ("a.*.b.c", r#"{"a": {"x": {"b": {"c": 1}}}}"#, "null"),
    ("a.*.b", r#"{"a": {"x": {"b": 1}, "y": {"b": 2}}}"#, "[1, 2]"),
    (
        "VerificationAttributes.*.VerificationStatus",
        r#"{"VerificationAttributes": {"a.com": {"VerificationStatus": "Success"}}}"#,
        r#"["Success"]"#,
    ),
    // Filters.
    (
        "[?a]",
        r#"[{"a": 0}, {"a": ""}, {"a": []}, {"a": false}, {"a": {}}, {"b": 1}]"#,
        r#"[{"a": 0}]"#,
    ),
    ("[?a == `1`].b", r#"[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}, {"a": 1}]"#, r#"["x"]"#),
    ("[?a > `1`]", r#"[{"a": 1}, {"a": 2}, {"a": "3"}]"#, r#"[{"a": 2}]"#),
    ("[?@ != 'b']", r#"["a", "b", "c"]"#, r#"["a", "c"]"#),
    ("a[?b]", r#"{"a": {"b": true}}"#, "null"),
    ("[?length(@) > `1`][?@ > `1`]", "[[1, 2, 3], [4]]", "[[2, 3]]"),
    // Comparisons: equality on anything, deep; ordering on numbers only.
    ("a == b", r#"{"a": [1, {"x": 2}], "b": [1, {"x": 2}]}"#, "true"),
    ("a == b", r#"{"a": 1, "b": 1.0}"#, "true"),
    ("a == b", r#"{"a": {"x": 1}, "b": {"x": 1, "y": 2}}"#, "false"),
    ("a != b", r#"{"a": 1}"#, "true"),
    ("a == b", "{}", "true"),
    ("a < b", r#"{"a": 1, "b": 2}"#, "true"),
    ("a <= b", r#"{"a": 2, "b": 2}"#, "true"),
    ("a > b", r#"{"a": -1.5, "b": 2}"#, "false"),
    ("a >= b", r#"{"a": 3, "b": 2.5}"#, "true"),
    ("a < b", r#"{"a": "a", "b": "b"}"#, "null"),
    ("a < b", r#"{"a": 1}"#, "null"),
    ("a < b", r#"{"a": true, "b": 2}"#, "null"),
    // Logic: `&&` and `||` give an operand, `!` a boolean.
    ("a || b", r#"{"a": 0, "b": 1}"#, "0"),
    ("a || b", r#"{"a": [], "b": 1}"#, "1"),
    ("a || b", "{}", "null"),
    ("a && b", r#"{"a": "", "b": 1}"#, r#""""#),
    ("a && b", r#"{"a": "x", "b": 1}"#, "1"),
    ("!a", r#"{"a": 0}"#, "false"),
    ("!a", r#"{"a": {}}"#, "true"),
    ("!!a", r#"{"a": "x"}"#, "true"),
    ("!a.b", r#"{"a": {"b": 1}}"#, "null"),
    ("!(a.b)", r#"{"a": {"b": 1}}"#, "false"),
    // Literals.
    ("`[1, {\"a\": null}]`", "null", r#"[1, {"a": null}]"#),
    ("'a\\'b\\\\c'", "null", r#""a'b\\\\c""#),
    ("`\"a\\`b\"`", "null", r#""a`b""#),
    // Multi-selects: null on null, nulls kept inside.
    ("[a, b]", r#"{"a": 1}"#, "[1, null]"),
    ("{x: a, y: b.c}", r#"{"a": 1, "b": {"c": 2}}"#, r#"{"x": 1, "y": 2}"#),
    ("a.[b, c]", "{}", "null"),
    ("a.{b: b}", r#"{"a": null}"#, "null"),
    ("[*].[a, b]", r#"[{"a": 1}, 2]"#, "[[1, null], [null, null]]"),
    // Pipes end projections.
    ("[*].a | [0]", r#"[{"a": 1}, {"a": 2}]"#, "1"),
    ("[*].a[0]", r#"[{"a": 1}, {"a": 2}]"#, "[]"),
    // Functions.
    ("length(@)", r#""né""#, "2"),
    ("length(@)", "[1, 2, 3]", "3"),
    ("length(@)", r#"{"a": 1}"#, "1"),
    ("length(a || '')", "{}", "0"),
    ("contains(@, `2`)", "[1, 2.0]", "true"),
    ("contains(@, 'bc')", r#""abcd""#, "true"),
    ("contains(@, `1`)", r#""1""#, "false"),
    ("abs(@)", "-3", "3"),
    ("abs(@)", "-1.5", "1.5"),
    ("sort(keys(@))", r#"{"b": 1, "a": 2}"#, r#"["a", "b"]"#),
    ("sort(values(@))", r#"{"b": 1, "a": 2}"#, "[1, 2]"),
    ("to_string(@)", r#"{"a": [1, "x"]}"#, r#""{\"a\":[1,\"x\"]}""#),
    ("to_string(@)", r#""x""#, r#""x""#),
    ("to_number(@)", r#""-1.5e2""#, "-150"),
    ("to_number(@)", r#""1x""#, "null"),
    ("to_number(@)", "true", "null"),
    ("starts_with(@, 'ab')", r#""abc""#, "true"),
    ("ends_with(@, 'ab')", r#""abc""#, "false"),
    ("max(@)", "[1, 3.5, 2]", "3.5"),
    ("min(@)", r#"["b", "a"]"#, r#""a""#),
    ("max(@)", "[]", "null"),
    ("sum(@)", "[1, 2, 3.5]", "6.5"),
    ("sum(@)", "[]", "0"),
    ("avg(@)", "[1, 2]", "1.5"),
    ("avg(@)", "[]", "null"),
    ("floor(@)", "1.5", "1"),
    ("ceil(@)", "-1.5", "-1"),
    ("type(@)", "null", r#""null""#),
    (
        "[type(a), type(b), type(c), type(d), type(e)]",
        r#"{"a": 1, "b": "", "c": true, "d": [], "e": {}}"#,
        r#"["number", "string", "boolean", "array", "object"]"#,
    ),
    ("not_null(a, b, c)", r#"{"b": false, "c": 1}"#, "false"),
    ("join(', ', @)", r#"["a", "b"]"#, r#""a, b""#),
    ("sort(@)", "[3, 1, 2.5]", "[1, 2.5, 3]"),
    ("reverse(@)", r#""abc""#, r#""cba""#),
    ("reverse(@)", "[1, 2]", "[2, 1]"),
    ("map(&a, @)", r#"[{"a": 1}, {}]"#, "[1, null]"),
    (
        "sort_by(@, &a)[*].b",
        r#"[{"a": 2, "b": "x"}, {"a": 1, "b": "y"}, {"a": 2, "b": "z"}]"#,
        r#"["y", "x", "z"]"#,
    ),
    ("max_by(@, &a).b", r#"[{"a": 2, "b": "x"}, {"a": 3, "b": "y"}]"#, r#""y""#),
    ("min_by(@, &a).b", r#"[{"a": "b", "b": "x"}, {"a": "a", "b": "y"}]"#, r#""y""#),
    ("merge(a, b)", r#"{"a": {"x": 1, "y": 1}, "b": {"y": 2}}"#, r#"{"x": 1, "y": 2}"#),
    ("to_array(@)", "1", "[1]"),
    // Waiters.
    (
        "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`",
        r#"{"services": [{"deployments": [1], "runningCount": 2, "desiredCount": 2},
                          {"deployments": [1, 2], "runningCount": 2, "desiredCount": 2}]}"#,
        "false",
    ),
    (
        "length(KinesisDataStreamDestinations) > `0`  && length(KinesisDataStreamDestinations[?DestinationStatus == 'DISABLED' || DestinationStatus == 'ENABLE_FAILED']) ==  length(KinesisDataStreamDestinations)",
        r#"{"KinesisDataStreamDestinations": [{"DestinationStatus": "DISABLED"}]}"#,
        "true",
    ),
    ("status != 'CANCELLING' && status != 'CANCELLED'", r#"{"status": "RUNNING"}"#, "true"),
];

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|error| panic!("`{text}`: {error}"))
}

#[test]
fn cases() {
    for &(source, given, expected) in CASES {
        let parsed = parse(source).unwrap_or_else(|error| panic!("{error}"));
        let result = interpret(&parsed.root, &json(given))
            .unwrap_or_else(|error| panic!("`{source}` on {given}: {error}"));
        assert!(equal(&result, &json(expected)), "`{source}` on {given}: {result}, not {expected}");
    }
}
