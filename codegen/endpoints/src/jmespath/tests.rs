use serde_json::{Value, json};

use super::{ContextPath, Node};

fn path(expression: &str) -> ContextPath {
    ContextPath::parse(expression).unwrap_or_else(|error| panic!("{expression}: {error}"))
}

fn eval(expression: &str, input: &Value) -> Value {
    path(expression).evaluate(input)
}

fn transact_items() -> Value {
    json!({
        "TransactItems": [
            {"ConditionCheck": {
                "TableName": "Checks",
                "Key": {"id": {"S": "1"}},
                "ConditionExpression": "attribute_exists(id)"
            }},
            {"Put": {"TableName": "Orders", "Item": {"id": {"S": "2"}}}},
            {"Delete": {"TableName": "Carts", "Key": {"id": {"S": "3"}}}},
            {"Update": {
                "TableName": "Stock",
                "Key": {"id": {"S": "4"}},
                "UpdateExpression": "SET n = n - :one"
            }},
            {"Get": {"TableName": "Ignored"}}
        ],
        "ClientRequestToken": "token"
    })
}

#[test]
fn dynamodb_paths() {
    let items = transact_items();
    assert_eq!(
        eval(
            "TransactItems[*].[ConditionCheck.TableName, Put.TableName, Delete.TableName, Update.TableName][]",
            &items
        ),
        json!(["Checks", "Orders", "Carts", "Stock"])
    );
    let gets = json!({"TransactItems": [
        {"Get": {"TableName": "Users", "Key": {"id": {"S": "1"}}}},
        {"Get": {"Key": {"id": {"S": "2"}}}},
        {"Get": {"TableName": "Groups", "Key": {"id": {"S": "3"}}}}
    ]});
    assert_eq!(eval("TransactItems[*].Get.TableName", &gets), json!(["Users", "Groups"]));
    assert_eq!(eval("TransactItems[*].Get.TableName", &items), json!(["Ignored"]));
    let batch = json!({"RequestItems": {
        "Groups": {"ConsistentRead": true, "Keys": [{"id": {"S": "2"}}]},
        "Users": {"Keys": [{"id": {"S": "1"}}]}
    }});
    assert_eq!(eval("keys(RequestItems)", &batch), json!(["Groups", "Users"]));
    let import = json!({"TableCreationParameters": {"TableName": "Imported", "KeySchema": []}});
    assert_eq!(eval("TableCreationParameters.TableName", &import), json!("Imported"));
    // Missing input: null, or an empty projection.
    let empty = json!({});
    assert_eq!(eval("TableCreationParameters.TableName", &empty), Value::Null);
    assert_eq!(eval("keys(RequestItems)", &empty), Value::Null);
    assert_eq!(eval("TransactItems[*].Get.TableName", &empty), Value::Null);
    assert_eq!(eval("TransactItems[*].Get.TableName", &json!({"TransactItems": []})), json!([]));
}

#[test]
fn evaluation() {
    // Keys in sorted order, which serde_json keeps with or without `preserve_order`.
    // Keys in sorted order, so that `keys` and `*` give the same with serde_json's
    // `preserve_order` (which the runtime turns on) as without.
    let input = json!({
        "a": {"b": {"c": 1}, "list": [1, [2, 3], null, [[4]], {"x": 5}]},
        "map": {"one": {"v": 1}, "three": {"w": 3}, "two": {"v": 2}},
        "nested": [[{"n": 1}, {"n": 2}], [{"n": 3}], {"n": 4}],
        "people": [{"age": 3, "name": "ann"}, {"name": "bob"}, {"age": 4}, 7],
        "s": "text",
        "with space": {"quoted\"key": "q"}
    });
    let cases = [
        ("a.b.c", json!(1)),
        ("a.b.missing", Value::Null),
        ("a.b.c.d", Value::Null),
        ("s.length", Value::Null),
        ("@", input.clone()),
        ("@.a.b", json!({"c": 1})),
        (r#""with space"."quoted\"key""#, json!("q")),
        (r#""a".b"#, json!({"c": 1})),
        ("people[*].name", json!(["ann", "bob"])),
        ("people[*].age", json!([3, 4])),
        ("people[*]", input["people"].clone()),
        ("people[0].name", json!("ann")),
        ("people[-1]", json!(7)),
        ("people[-4].name", json!("ann")),
        ("people[-5]", Value::Null),
        ("people[4]", Value::Null),
        ("s[0]", Value::Null),
        ("people[*].name[0]", json!([])),
        ("nested[*].n", json!([4])),
        ("nested[]", json!([{"n": 1}, {"n": 2}, {"n": 3}, {"n": 4}])),
        ("nested[].n", json!([1, 2, 3, 4])),
        ("nested[*][0].n", json!([1, 3])),
        // A flatten projects, so it leaves out nulls too.
        ("a.list[]", json!([1, 2, 3, [4], {"x": 5}])),
        ("a.list[][]", json!([1, 2, 3, 4, {"x": 5}])),
        ("a.list[].x", json!([5])),
        ("a.b[]", Value::Null),
        ("map.*.v", json!([1, 2])),
        ("*.v", json!([])),
        ("map.*", json!([{"v": 1}, {"w": 3}, {"v": 2}])),
        ("people.*", Value::Null),
        ("[a.b.c, s, missing]", json!([1, "text", null])),
        ("a.b.[c, c]", json!([1, 1])),
        ("a.missing.[c]", Value::Null),
        ("people[*].[name, age]", json!([["ann", 3], ["bob", null], [null, 4], [null, null]])),
        ("people[*].[name, age][]", json!(["ann", 3, "bob", 4])),
        // A multi-select list after `.` ends the projection's right side, as jmespath.py parses.
        ("people[*].[name][0]", json!(["ann"])),
        ("keys(@)", json!(["a", "map", "nested", "people", "s", "with space"])),
        ("keys(map)", json!(["one", "three", "two"])),
        ("map.keys(@)", json!(["one", "three", "two"])),
        ("keys(s)", Value::Null),
        ("people[*].keys(@)", json!([["age", "name"], ["name"], ["age"]])),
        ("[*]", Value::Null),
        ("[0]", Value::Null),
        ("[]", Value::Null),
    ];
    for (expression, expected) in cases {
        assert_eq!(eval(expression, &input), expected, "{expression}");
    }
    // On a list at the top.
    let list = json!([[1, 2], 3, [4]]);
    assert_eq!(eval("[]", &list), json!([1, 2, 3, 4]));
    assert_eq!(eval("[*][0]", &list), json!([1, 4]));
    assert_eq!(eval("[0][1]", &list), json!(2));
    assert_eq!(eval("[-1]", &list), json!([4]));
}

#[test]
fn syntax_trees() {
    let field = |name: &str| Box::new(Node::Field(name.to_owned()));
    let cases = [
        ("a.b", Node::Subexpression(field("a"), field("b"))),
        ("a[*].b", Node::ListProjection(field("a"), field("b"))),
        (
            "a[*].b.c",
            Node::ListProjection(field("a"), Box::new(Node::Subexpression(field("b"), field("c")))),
        ),
        (
            "a[*].b[]",
            Node::ListProjection(
                Box::new(Node::Flatten(Box::new(Node::ListProjection(field("a"), field("b"))))),
                Box::new(Node::Current),
            ),
        ),
        ("a[-2]", Node::Index(field("a"), -2)),
        ("keys(a)", Node::Keys(field("a"))),
        (" a . b ", Node::Subexpression(field("a"), field("b"))),
    ];
    for (expression, expected) in cases {
        assert_eq!(path(expression).root, expected, "{expression}");
    }
    assert_eq!(path("a.b").expression(), "a.b");
}

#[test]
fn parse_errors() {
    let cases = [
        (
            "a[?b == `1`]",
            1,
            "JMESPath filter expressions (`[?…]`) are not supported in context paths",
        ),
        ("a | b", 2, "JMESPath pipe expressions (`|`) are not supported"),
        ("a || b", 2, "JMESPath or-expressions (`||`)"),
        ("a && b", 2, "JMESPath and-expressions (`&&`)"),
        (
            "length(a)",
            0,
            "the JMESPath function `length` is not supported in context paths (only `keys` is)",
        ),
        ("sort_by(a, &b)", 11, "JMESPath expression references (`&`)"),
        ("a.length(@)", 2, "the JMESPath function `length` is not supported"),
        ("!a", 0, "JMESPath not-expressions (`!`)"),
        ("a != b", 2, "JMESPath comparisons"),
        ("a == b", 2, "JMESPath comparisons"),
        ("a < b", 2, "JMESPath comparisons"),
        ("`1`", 0, "JMESPath JSON literals"),
        ("'raw'", 0, "JMESPath raw string literals"),
        ("a.{b: c}", 2, "JMESPath multi-select hashes"),
        ("a[1:2]", 3, "JMESPath slices"),
        ("a[::-1]", 2, "JMESPath slices"),
        ("$a", 0, "unexpected character '$'"),
        ("é", 0, "unexpected character 'é'"),
        ("\"é\".x y", 6, "expected the end of the expression, found identifier `y`"),
        (
            "",
            0,
            "expected an expression (an identifier, `@`, `*`, `[` or `keys(…)`), found the end of the expression",
        ),
        ("a.", 2, "expected an identifier, `*` or `[` after `.`, found the end of the expression"),
        ("a.@", 2, "expected an identifier, `*` or `[` after `.`, found `@`"),
        (
            "a.[0]",
            3,
            "expected an expression (an identifier, `@`, `*`, `[` or `keys(…)`), found number `0`",
        ),
        ("a[", 2, "expected an index or `*` after `[`, found the end of the expression"),
        ("a[b]", 2, "expected an index or `*` after `[`, found identifier `b`"),
        ("a[0", 3, "expected `]`, found the end of the expression"),
        ("a[*", 3, "expected `]`, found the end of the expression"),
        ("[a, b", 5, "expected `,` or `]`, found the end of the expression"),
        ("[a,]", 3, "expected an expression"),
        ("a[*]b", 4, "expected the end of the expression, found identifier `b`"),
        ("a[*]*", 4, "expected `.`, `[`, `[]` or the end after a projection, found `*`"),
        ("a *", 2, "expected `.`, `[`, `[]` or the end, found `*`"),
        ("a[0](b)", 4, "only an identifier can name a function"),
        ("\"keys\"(a)", 6, "a quoted identifier cannot name a function"),
        ("keys()", 0, "`keys` takes one argument, not 0"),
        ("keys(a, b)", 0, "`keys` takes one argument, not 2"),
        ("keys(a", 6, "expected `,` or `)`, found the end of the expression"),
        ("\"open", 0, "unterminated quoted identifier"),
        ("\"bad\\q\"", 0, "invalid quoted identifier"),
        ("a[-]", 2, "expected a digit after `-`"),
        ("a[99999999999999999999]", 2, "the number `99999999999999999999` is out of range"),
        ("a]", 1, "expected the end of the expression, found `]`"),
        ("a b", 2, "expected the end of the expression, found identifier `b`"),
        (
            "1",
            0,
            "expected an expression (an identifier, `@`, `*`, `[` or `keys(…)`), found number `1`",
        ),
    ];
    for (expression, offset, message) in cases {
        let error = match ContextPath::parse(expression) {
            Ok(parsed) => panic!("{expression} parsed: {parsed:?}"),
            Err(error) => error,
        };
        assert_eq!(error.offset(), offset, "{expression}: {error}");
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("at character {offset}: {message}")),
            "{expression}: {shown}"
        );
    }
}

#[test]
fn long_paths_are_refused() {
    let long = vec!["a"; 128].join(".");
    assert_eq!(path(&long).evaluate(&json!({"a": 1})), Value::Null);
    let too_long = format!("{long}.b");
    let error = ContextPath::parse(&too_long).err().map(|error| error.to_string());
    assert_eq!(error.as_deref(), Some("at character 256: context paths are limited to 256 tokens"));
    let nested = format!("{}a{}", "[".repeat(200), "]".repeat(200));
    assert!(ContextPath::parse(&nested).is_err());
}
