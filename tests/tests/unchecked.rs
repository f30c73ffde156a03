//! The unchecked fixture (`codegen/tests/fixtures/unchecked.json`, generated into
//! `wire_tests::unchecked`): constraints the generator cannot check (patterns that do not
//! compile, a `min` above its `max`, bounds that are no usable number, constraints on shapes
//! that do not take them) leave only themselves unchecked. The model generates and compiles,
//! and `validate()` checks everything else, with the usual messages.

use awsjson_runtime::{Operation, Validate};
use std::collections::BTreeMap;
use wire_tests::unchecked::*;

/// Values that the unchecked constraints would refuse, and every checked one accepts.
fn refused_only_by_unchecked_constraints() -> PutThingInput {
    PutThingInput::new("no-match")
        .with_code("not xx")
        .with_name("abcdefg")
        .with_count(2)
        .with_ratio(7.5)
        .with_tags(BTreeMap::from([("tag".to_owned(), "v".to_owned())]))
        .with_ids(vec![])
        .with_flag(false)
        .with_settings(Settings::new().with_label("ab"))
        .with_level(Level::from(9))
        .with_choice(Choice::Many(0))
}

#[test]
fn what_is_left_unchecked_refuses_nothing() {
    let input = refused_only_by_unchecked_constraints();
    // The integer enum's unlisted value is still reported: its values are what the model lists.
    let violations = input.validate().err().map(|violations| violations.to_string());
    assert_eq!(violations.as_deref(), Some("Level: 9 is not a value the model lists (1, 2)"));
    let input = input.with_level(Level::from(1));
    assert_eq!(input.validate(), Ok(()));
    assert!(PutThing::request(&input).is_ok());
}

#[test]
fn everything_else_is_checked() {
    let input = PutThingInput::new("")
        .with_name("Not Lower")
        .with_ratio(-0.5)
        .with_tags(BTreeMap::from([("much-too-long".to_owned(), "12345".to_owned())]))
        .with_ids(vec!["a".into(), "b".into(), "c".into(), "thirteen-long".into()])
        .with_settings(Settings::new().with_label("sixsix"))
        .with_choice(Choice::Small("sixsix".into()));
    let violations = input.validate().unwrap_err();
    let messages: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            r#"Id: "" has 0 characters, fewer than the minimum of 1"#,
            r#"Name: "Not Lower" does not match the pattern ^[a-z]+$"#,
            "Ratio: -0.5 is less than the minimum of 0",
            r#"Tags["much-too-long"] (the key): "much-too-long" has 13 characters, more than the maximum of 8"#,
            r#"Tags["much-too-long"]: "12345" has 5 characters, more than the maximum of 4"#,
            "Ids: the list has 4 items, more than the maximum of 3",
            r#"Ids[3]: "thirteen-long" has 13 characters, more than the maximum of 12"#,
            r#"Settings.Label: "sixsix" has 6 characters, more than the maximum of 5"#,
            r#"Choice.Small: "sixsix" has 6 characters, more than the maximum of 5"#,
        ]
    );
}
