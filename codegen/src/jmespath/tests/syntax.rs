//! Parsing and writing back: the normalized text of each expression, and the tree's shape where
//! binding powers decide it. The shapes are jmespath.py's (checked against its parser).

use super::support::sexpr;
use crate::jmespath::parse;

/// An expression and how `Display` writes its tree back.
const ROUND_TRIPS: &[(&str, &str)] = &[
    ("a", "a"),
    ("\"a b\"", "\"a b\""),
    ("\"a\"", "a"),
    ("\"\\u00e9t\\u00e9\"", "\"été\""),
    ("a . b", "a.b"),
    ("  a  ", "a"),
    ("(a)", "a"),
    ("((a))", "a"),
    ("@", "@"),
    ("@.a", "@.a"),
    ("@[0]", "[0]"),
    ("a[-1]", "a[-1]"),
    ("a[0][1]", "a[0][1]"),
    ("[]", "[]"),
    ("[*]", "[*]"),
    ("*", "*"),
    ("@.*.a", "*.a"),
    ("a[1:2:3]", "a[1:2:3]"),
    ("a[::-1]", "a[::-1]"),
    ("a[:2]", "a[:2]"),
    ("[1:]", "[1:]"),
    ("a.[b, c]", "a.[b, c]"),
    ("{a: b, \"c d\": e}", "{a: b, \"c d\": e}"),
    ("a.{x: y}", "a.{x: y}"),
    ("`1`", "`1`"),
    ("`\"x\"`", "'x'"),
    ("'it\\'s'", "'it\\'s'"),
    ("`{\"a\": [1, 2]}`", "`{\"a\":[1,2]}`"),
    ("`\"back\\\\slash\"`", "`\"back\\\\slash\"`"),
    ("`\"tick\\`\"`", "'tick`'"),
    ("a  ||  b", "a || b"),
    ("(a || b) && c", "(a || b) && c"),
    ("a | (b | c)", "a | (b | c)"),
    ("(a == b) == c", "a == b == c"),
    ("a == (b == c)", "a == (b == c)"),
    ("!(a.b)", "!(a.b)"),
    ("f()", "f()"),
    ("sort_by(a, &b.c)", "sort_by(a, &b.c)"),
    ("&(a | b)", "&a | b"),
    ("& &a", "& &a"),
    ("a[*].[b, c]", "a[*][b, c]"),
    ("[(*)]", "[(*)]"),
    ("a.[*]", "a.[*]"),
    ("(a[*]).b", "(a[*]).b"),
    ("(a[*])[0]", "(a[*])[0]"),
    ("(a[*].b)[0]", "(a[*].b)[0]"),
    ("(a[?b])[?c]", "(a[?b])[?c]"),
    ("(a | b).c", "(a | b).c"),
    ("(a[*].b || c).d", "(a[*].b || c).d"),
    ("`[1, 2]`[0]", "`[1,2]`[0]"),
    (
        "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`",
        "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`",
    ),
];

#[test]
fn round_trips() {
    for &(source, written) in ROUND_TRIPS {
        let parsed = parse(source).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(parsed.root.to_string(), written, "`{source}`");
        let again = parse(written).unwrap_or_else(|error| panic!("`{source}` → {error}"));
        assert_eq!(again.root, parsed.root, "`{source}` written as `{written}`");
    }
}

/// An expression and its tree: `(kind source rhs)` for projections, `(filter condition source
/// rhs)` for filters, `(. left right)` for sub-expressions.
const SHAPES: &[(&str, &str)] = &[
    ("a.b.c", r#"(. (. "a" "b") "c")"#),
    ("a[*].b", r#"(list "a" "b")"#),
    ("a[*].b.c", r#"(list "a" (. "b" "c"))"#),
    ("a.b[*].c", r#"(. "a" (list "b" "c"))"#),
    ("a[].b", r#"(flatten "a" "b")"#),
    ("a[][]", r#"(flatten (flatten "a" @) @)"#),
    ("a[].b[].c", r#"(flatten (flatten "a" "b") "c")"#),
    ("a[].b[0].c[]", r#"(flatten (flatten "a" (. (index "b" 0) "c")) @)"#),
    (
        "Reservations[].Instances[].State.Name",
        r#"(flatten (flatten "Reservations" "Instances") (. "State" "Name"))"#,
    ),
    ("a[*][0]", r#"(list "a" (index @ 0))"#),
    ("a[*][*]", r#"(list "a" (list @ @))"#),
    ("a[*][?b]", r#"(list "a" (filter "b" @ @))"#),
    ("a[*] | [0]", r#"(| (list "a" @) (index @ 0))"#),
    ("a[*].b || c", r#"(|| (list "a" "b") "c")"#),
    ("a[?b][?c]", r#"(filter "b" "a" (filter "c" @ @))"#),
    ("a[?b].c[?d]", r#"(filter "d" (filter "b" "a" "c") @)"#),
    ("a[?b == 'x'].c[0]", r#"(filter (== "b" `"x"`) "a" (index "c" 0))"#),
    ("*.*", r#"(values @ (values @ @))"#),
    ("a.*.b", r#"(values "a" "b")"#),
    // `.*` parses its right side binding as `.` does, so a second `.` ends the projection.
    ("foo.*.bar.baz", r#"(. (values "foo" "bar") "baz")"#),
    ("*.bar.baz", r#"(values @ (. "bar" "baz"))"#),
    ("x.*[0]", r#"(values "x" (index @ 0))"#),
    ("a[1:2].b", r#"(list (slice "a" 1 2 _) "b")"#),
    ("a[0][1:].b", r#"(list (slice (index "a" 0) 1 _ _) "b")"#),
    ("a.[b, c][0]", r#"(index (. "a" ["b" "c"]) 0)"#),
    ("a[*].{x: y}.z", r#"(. (list "a" {"x": "y"}) "z")"#),
    ("[*, a]", r#"[(values @ @) "a"]"#),
    ("a || b && c", r#"(|| "a" (&& "b" "c"))"#),
    ("a && b || c", r#"(|| (&& "a" "b") "c")"#),
    ("a | b | c", r#"(| (| "a" "b") "c")"#),
    ("a < b || c", r#"(|| (< "a" "b") "c")"#),
    // `!` binds more than `.`, as in jmespath.py.
    ("!a.b", r#"(. (! "a") "b")"#),
    ("!a[0]", r#"(! (index "a" 0))"#),
    ("!a[*].b", r#"(! (list "a" "b"))"#),
    ("&a | b", r#"(& (| "a" "b"))"#),
    ("a.length(@)", r#"(. "a" (call length @))"#),
    ("length(a) > `0`", r#"(> (call length "a") `0`)"#),
    ("foo[?a > `1` && b].c", r#"(filter (&& (> "a" `1`) "b") "foo" "c")"#),
];

#[test]
fn shapes() {
    for &(source, shape) in SHAPES {
        let parsed = parse(source).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(sexpr(&parsed.root), shape, "`{source}`");
        let written = parsed.root.to_string();
        let again = parse(&written).unwrap_or_else(|error| panic!("`{source}` → {error}"));
        assert_eq!(again.root, parsed.root, "`{source}` written as `{written}`");
    }
}

/// The public tree, built by hand, for the case the brief spells out.
#[test]
fn nested_flatten_tree() {
    use crate::jmespath::{Node, ProjectionKind};
    let field = |name: &str| Box::new(Node::Field(name.to_owned()));
    let flatten = |source, rhs| Node::Projection { kind: ProjectionKind::Flatten, source, rhs };
    let expected = flatten(Box::new(flatten(field("a"), field("b"))), field("c"));
    let parsed = parse("a[].b[].c").unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(parsed.root, expected);
    assert_eq!(parsed.source, "a[].b[].c");
}

/// Trees the parser never builds are written as text that parses, to a tree meaning the same.
#[test]
fn unbuilt_trees() {
    use crate::jmespath::{Node, ProjectionKind, interpret};
    let field = |name: &str| Box::new(Node::Field(name.to_owned()));
    let literal = |value| Box::new(Node::Literal(value));
    let projection = |kind, source, rhs| Node::Projection { kind, source, rhs };
    let cases = [
        (Node::Subexpr(field("a"), literal(serde_json::json!("x"))), "a.not_null('x')"),
        (
            Node::Subexpr(field("a"), Box::new(Node::Index(Box::new(Node::Current), 0))),
            "a.not_null([0])",
        ),
        (
            projection(ProjectionKind::List, field("a"), literal(serde_json::json!(1))),
            "a[*].not_null(`1`)",
        ),
        (
            projection(
                ProjectionKind::Values,
                field("a"),
                Box::new(Node::Subexpr(field("b"), field("c"))),
            ),
            "a.*.not_null(b.c)",
        ),
    ];
    let document = serde_json::json!({"a": [[1], {"b": {"c": 2}}], "b": {"c": 3}});
    for (tree, written) in cases {
        assert_eq!(tree.to_string(), written);
        let parsed = parse(written).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(interpret(&parsed.root, &document), interpret(&tree, &document), "`{written}`");
    }
}
