use super::{Pattern, Validate, Validator};

/// Each message, as a user reads it.
fn messages(check: impl for<'a> FnOnce(&mut Validator<'a>)) -> Vec<String> {
    let mut validator = Validator::new();
    check(&mut validator);
    validator.violations().iter().map(ToString::to_string).collect()
}

#[test]
fn string_lengths_count_unicode_scalar_values() {
    assert_eq!(
        messages(|v| {
            v.member("UserId");
            v.string_length("x", 2..=32, false);
            v.leave();
            v.member("Name");
            v.string_length("ééé", 1..=3, false);
            v.string_length("éééé", 1..=3, false);
            v.string_length("😀", 2.., false);
            v.leave();
        }),
        [
            r#"UserId: "x" has 1 character, fewer than the minimum of 2"#,
            r#"Name: "éééé" has 4 characters, more than the maximum of 3"#,
            r#"Name: "😀" has 1 character, fewer than the minimum of 2"#,
        ]
    );
}

#[test]
fn long_and_sensitive_values_are_not_shown_whole() {
    let long = "a".repeat(300);
    let shown = messages(|v| v.string_length(&long, ..=256, false));
    let expected = format!(
        "(top level): \"{}…\" has 300 characters, more than the maximum of 256",
        "a".repeat(64)
    );
    assert_eq!(shown, [expected]);
    assert_eq!(
        messages(|v| {
            v.member("Password");
            v.string_length("hunter2", 8.., true);
        }),
        [
            "Password: the value (sensitive, not shown) has 7 characters, fewer than the minimum of 8"
        ]
    );
}

#[test]
fn sizes_of_lists_maps_and_blobs() {
    assert_eq!(
        messages(|v| {
            v.member("SecurityGroupIds");
            v.list_length(6, ..=5);
            v.list_length(5, ..=5);
            v.leave();
            v.member("Tags");
            v.map_length(0, 1..=50);
            v.leave();
            v.member("Data");
            v.blob_length(1, 2..);
            v.blob_length(0, ..=4);
        }),
        [
            "SecurityGroupIds: the list has 6 items, more than the maximum of 5",
            "Tags: the map has 0 entries, fewer than the minimum of 1",
            "Data: the blob has 1 byte, fewer than the minimum of 2",
        ]
    );
}

#[test]
fn ranges_of_numbers() {
    assert_eq!(
        messages(|v| {
            v.member("DesiredInstances");
            v.integer_range(0, 1.., false);
            v.integer_range(11, 1..=10, false);
            v.integer_range(10, 1..=10, false);
            v.integer_range(i64::MAX, ..=10, false);
            v.leave();
            v.member("Ratio");
            v.float_range(1.5, ..=1.0, false);
            v.float_range(f64::NAN, 0.0.., false);
            v.float_range(f64::INFINITY, 0.0.., false);
        }),
        [
            "DesiredInstances: 0 is less than the minimum of 1",
            "DesiredInstances: 11 is outside the range 1 to 10",
            "DesiredInstances: 9223372036854775807 is more than the maximum of 10",
            "Ratio: 1.5 is more than the maximum of 1",
            r#"Ratio: "NaN" is less than the minimum of 0"#,
        ]
    );
}

#[test]
fn patterns_are_ecmascript_and_unanchored() {
    static NAME: Pattern =
        Pattern::new("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$", "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$");
    static NO_TRAILING_DOT: Pattern =
        Pattern::new(r"^[0-9a-z\.\-]*(?<!\.)$", r"^[0-9a-z\.\-]*(?<!\.)$");
    static NOT_AWS: Pattern = Pattern::new(
        r"^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$",
        r"^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$",
    );
    static DIGITS: Pattern = Pattern::new("[0-9]+", "[0-9]+");
    assert_eq!(NAME.is_match("fleet-1"), Ok(true));
    assert_eq!(NO_TRAILING_DOT.is_match("a.b"), Ok(true));
    assert_eq!(NO_TRAILING_DOT.is_match("a.b."), Ok(false));
    assert_eq!(NOT_AWS.is_match("Ünïcode tag"), Ok(true));
    assert_eq!(NOT_AWS.is_match("aws:reserved"), Ok(false));
    assert_eq!(DIGITS.is_match("abc123def"), Ok(true), "not anchored");
    assert_eq!(
        messages(|v| {
            v.member("Name");
            v.pattern("my fleet!", &NAME, false);
            v.pattern("fleet", &NAME, false);
            v.leave();
            v.member("Tags");
            v.map_key("aws:owner");
            v.pattern("aws:owner", &NOT_AWS, false);
            v.leave();
            v.key("aws:owner");
            v.pattern("x", &DIGITS, true);
        }),
        [
            r#"Name: "my fleet!" does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$"#,
            r#"Tags["aws:owner"] (the key): "aws:owner" does not match the pattern ^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"#,
            r#"Tags["aws:owner"]: the value (sensitive, not shown) does not match the pattern [0-9]+"#,
        ]
    );
}

#[test]
fn a_pattern_that_does_not_compile_is_reported_not_a_panic() {
    static BROKEN: Pattern = Pattern::new(r"\p{Print}+", r"\p{Print}+");
    assert!(BROKEN.compile().is_err());
    assert_eq!(
        messages(|v| v.pattern("x", &BROKEN, false)),
        [
            r#"(top level): "x" could not be checked against the pattern \p{Print}+: Invalid property name"#
        ]
    );
}

#[test]
fn unlisted_values_unknown_members_and_host_labels() {
    let states = ["STARTING", "RUNNING", "STOPPING", "STOPPED"];
    let many: Vec<String> = (0..12).map(|n| format!("V{n}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    assert_eq!(
        messages(|v| {
            v.member("State");
            v.unlisted("PAUSED", &states, false);
            v.unlisted("V99", &many, false);
            v.unlisted_integer(7, &[1, 2], false);
            v.leave();
            v.unknown_member("Extra", "Config", true);
            v.member("FleetName");
            v.host_label("a.b", false);
            v.host_label("ok-1", false);
        }),
        [
            r#"State: "PAUSED" is not a value the model lists (STARTING, RUNNING, STOPPING, STOPPED)"#,
            r#"State: "V99" is not a value the model lists (V0, V1, V2, V3, V4, V5, V6, V7, and 4 more)"#,
            "State: 7 is not a value the model lists (1, 2)",
            "Extra: union `Config` has no such member",
            r#"FleetName: "a.b" cannot be a host label: '.' is not a letter, digit or `-`"#,
        ]
    );
}

#[test]
fn paths_through_lists_and_maps() {
    assert_eq!(
        messages(|v| {
            v.member("Fleets");
            v.index(3);
            v.member("Tags");
            v.key("Owner");
            v.string_length("", 1.., false);
        }),
        [r#"Fleets[3].Tags["Owner"]: "" has 0 characters, fewer than the minimum of 1"#]
    );
}

struct Pair(String, String);

impl Validate for Pair {
    fn validate_into<'a>(&'a self, v: &mut Validator<'a>) {
        for (name, value) in [("First", &self.0), ("Second", &self.1)] {
            v.member(name);
            v.string_length(value, 1.., false);
            v.leave();
        }
    }
}

#[test]
fn validate_reports_every_violation_at_once() {
    assert_eq!(Pair("a".into(), "b".into()).validate(), Ok(()));
    let Err(violations) = Pair(String::new(), String::new()).validate() else {
        panic!("expected violations");
    };
    assert_eq!(violations.len(), 2);
    assert_eq!(
        violations.to_string(),
        r#"First: "" has 0 characters, fewer than the minimum of 1; Second: "" has 0 characters, fewer than the minimum of 1"#
    );
    let boxed: Box<Pair> = Box::new(Pair(String::new(), "b".into()));
    assert_eq!(boxed.validate().map_err(|v| v.len()), Err(1));
}

#[test]
fn display_shows_ten_violations_then_a_count() {
    let mut validator = Validator::new();
    for index in 0..25 {
        validator.index(index);
        validator.list_length(0, 1..);
        validator.leave();
    }
    let Err(violations) = validator.finish() else { panic!("expected violations") };
    let text = violations.to_string();
    assert_eq!(text.matches("the list has 0 items").count(), 10);
    assert!(
        text.ends_with("[9]: the list has 0 items, fewer than the minimum of 1; and 15 more"),
        "{text}"
    );
    assert_eq!(violations.iter().count(), 25);
}
