//! Errors, with their exact messages.

use crate::jmespath::{InterpretErrorKind, MAX_DEPTH, interpret, parse};

/// An expression that does not parse, and the error as displayed.
const PARSE_ERRORS: &[(&str, &str)] = &[
    ("", "at 0: expected an expression, found the end of the expression in ``"),
    (
        "Fleets[.State",
        "at 7: expected an index, a slice or `*` after `[`, found `.` in `Fleets[.State`",
    ),
    (
        "a.",
        "at 2: expected an identifier, `*`, `[` or `{` after `.`, found the end of the expression in `a.`",
    ),
    ("a..b", "at 2: expected an identifier, `*`, `[` or `{` after `.`, found `.` in `a..b`"),
    (".a", "at 0: expected an expression, found `.` in `.a`"),
    ("a[0", "at 3: expected `]`, found the end of the expression in `a[0`"),
    ("a[0 1]", "at 4: expected `]`, found `1` in `a[0 1]`"),
    ("a[1:2:3:4]", "at 7: expected a number or `]` in a slice, found `:` in `a[1:2:3:4]`"),
    ("a[1:2 3]", "at 6: expected `:` or `]`, found `3` in `a[1:2 3]`"),
    ("a[::0]", "at 4: a slice's step cannot be 0 in `a[::0]`"),
    ("a[*b", "at 3: expected `]`, found `b` in `a[*b`"),
    ("a[?b)", "at 4: expected `]`, found `)` in `a[?b)`"),
    ("a[\"b\"]", "at 2: expected an index, a slice or `*` after `[`, found `\"b\"` in `a[\"b\"]`"),
    ("a.[]", "at 2: expected an identifier, `*`, `[` or `{` after `.`, found `[]` in `a.[]`"),
    ("a.@", "at 2: expected an identifier, `*`, `[` or `{` after `.`, found `@` in `a.@`"),
    ("[a b]", "at 3: expected `,` or `]`, found `b` in `[a b]`"),
    ("[a,]", "at 3: expected an expression, found `]` in `[a,]`"),
    ("{a b}", "at 3: expected `:`, found `b` in `{a b}`"),
    ("{}", "at 1: expected a key (an identifier) in `{…}`, found `}` in `{}`"),
    ("f(a b)", "at 4: expected `,` or `)`, found `b` in `f(a b)`"),
    ("f(a,)", "at 4: expected an expression, found `)` in `f(a,)`"),
    ("\"f\"(a)", "at 3: a quoted identifier cannot name a function in `\"f\"(a)`"),
    ("(f)(a)", "at 3: only a name can call a function in `(f)(a)`"),
    ("a b", "at 2: expected the end of the expression, found `b` in `a b`"),
    ("a = b", "at 2: expected `==`, found `=` in `a = b`"),
    ("-a", "at 0: expected a digit after `-` in `-a`"),
    (
        "a[99999999999999999999]",
        "at 2: the number `99999999999999999999` is out of range in `a[99999999999999999999]`",
    ),
    ("\"abc", "at 0: unterminated quoted identifier in `\"abc`"),
    ("'abc", "at 0: unterminated raw string literal in `'abc`"),
    ("`{\"a\": }`", "at 0: invalid JSON literal: expected value in ``{\"a\": }``"),
    ("\"\\x\"", "at 0: invalid quoted identifier: invalid escape in `\"\\x\"`"),
    ("a é", "at 2: unexpected character 'é' in `a é`"),
    ("a*", "at 1: unexpected `*` after an expression in `a*`"),
    ("a[*]*", "at 4: expected `.`, `[` or `[?` after a projection, found `*` in `a[*]*`"),
    ("(a", "at 2: expected `)`, found the end of the expression in `(a`"),
    ("a ||", "at 4: expected an expression, found the end of the expression in `a ||`"),
];

#[test]
fn parse_errors() {
    for &(source, message) in PARSE_ERRORS {
        match parse(source) {
            Ok(parsed) => panic!("`{source}` parsed as `{}`", parsed.root),
            Err(error) => assert_eq!(error.to_string(), message, "`{source}`"),
        }
    }
}

/// An expression, the JSON it is evaluated on, and the error's kind and message.
const INTERPRET_ERRORS: &[(&str, &str, InterpretErrorKind, &str)] = &[
    ("nope(@)", "1", InterpretErrorKind::UnknownFunction, "unknown function `nope`"),
    ("length(@, @)", "[]", InterpretErrorKind::Arity, "`length` takes 1 argument, not 2"),
    ("contains(@)", "[]", InterpretErrorKind::Arity, "`contains` takes 2 arguments, not 1"),
    ("not_null()", "[]", InterpretErrorKind::Arity, "`not_null` takes at least 1 argument, not 0"),
    (
        "length(@)",
        "1",
        InterpretErrorKind::Type,
        "`length`'s argument 1 must be a string, an array or an object, not a number",
    ),
    (
        "length(a)",
        "{}",
        InterpretErrorKind::Type,
        "`length`'s argument 1 must be a string, an array or an object, not null",
    ),
    (
        "abs('x')",
        "1",
        InterpretErrorKind::Type,
        "`abs`'s argument 1 must be a number, not a string",
    ),
    (
        "sum(@)",
        "[1, \"2\"]",
        InterpretErrorKind::Type,
        "`sum`'s argument 1 must be an array of numbers, not a string",
    ),
    (
        "max(@)",
        "[1, \"2\"]",
        InterpretErrorKind::Type,
        "`max`'s argument 1 must be an array of numbers or of strings, not a string",
    ),
    (
        "map(a, @)",
        "[]",
        InterpretErrorKind::Type,
        "`map`'s argument 1 must be an expression reference (`&…`), not null",
    ),
    (
        "keys(&a)",
        "{}",
        InterpretErrorKind::Type,
        "`keys`'s argument 1 must be a value, not an expression reference",
    ),
    (
        "sort_by(@, &a)",
        "[{\"a\": 1}, {\"a\": \"b\"}]",
        InterpretErrorKind::Type,
        "`sort_by`'s expression must give numbers only or strings only, not a string",
    ),
    (
        "&a",
        "{}",
        InterpretErrorKind::Type,
        "the expression reference `&a` is only allowed as a function argument",
    ),
    // Errors inside projections and conditions are not dropped as nulls are.
    (
        "[*].length(@)",
        "[[1], 2]",
        InterpretErrorKind::Type,
        "`length`'s argument 1 must be a string, an array or an object, not a number",
    ),
];

#[test]
fn interpret_errors() {
    for &(source, given, kind, message) in INTERPRET_ERRORS {
        let parsed = parse(source).unwrap_or_else(|error| panic!("{error}"));
        let given: serde_json::Value =
            serde_json::from_str(given).unwrap_or_else(|error| panic!("{given}: {error}"));
        match interpret(&parsed.root, &given) {
            Ok(value) => panic!("`{source}` on {given} gave {value}"),
            Err(error) => {
                assert_eq!(
                    (error.kind(), error.to_string().as_str()),
                    (kind, message),
                    "`{source}`"
                )
            }
        }
    }
}

/// The deepest tree the parser allows is printed, parsed back and evaluated without
/// overflowing a test thread's stack; one level more is an error.
#[test]
fn depth_limit() {
    let projections = |count: usize| format!("{}b", "a[*].".repeat(count));
    let deepest = projections(MAX_DEPTH - 1);
    let parsed = parse(&deepest).unwrap_or_else(|error| panic!("{error}"));
    let written = parsed.root.to_string();
    assert_eq!(written, deepest);
    let value = interpret(&parsed.root, &serde_json::json!({"a": [{"a": []}]}));
    assert_eq!(value, Ok(serde_json::json!([[]])));
    let error = parse(&projections(MAX_DEPTH)).err().map(|error| error.message().to_owned());
    assert_eq!(error.as_deref(), Some("the expression nests deeper than 128 levels"));
    let parens = format!("{}a{}", "(".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
    assert_eq!(parse(&parens).map_err(|error| error.offset()), Err(MAX_DEPTH));
}
