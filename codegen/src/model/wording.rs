//! serde's messages in the words of the JSON a model author wrote: objects and arrays, not
//! maps and sequences.

/// One sentence from a key path (such as "`errors[0].shape`", or "" for the entry itself)
/// and serde's message about the value there.
pub(super) fn describe(subject: &str, message: &str) -> String {
    let wrong_value =
        message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: "));
    // The expectation comes last and never holds ", expected "; the value found may.
    let said =
        if let Some((found, expected)) = wrong_value.and_then(|m| m.rsplit_once(", expected ")) {
            format!("is {}, expected {}", found_words(found), expected_words(expected))
        } else if let Some(field) = message.strip_prefix("missing field ") {
            format!("has no {field}")
        } else if let Some(field) = message.strip_prefix("duplicate field ") {
            format!("has {field} twice")
        } else {
            message.to_owned()
        };
    if subject.is_empty() { said } else { format!("{subject} {said}") }
}

fn found_words(found: &str) -> String {
    match found {
        "map" => "an object".to_owned(),
        "sequence" => "an array".to_owned(),
        "null" | "unit" => "`null`".to_owned(),
        _ => {
            if let Some(number) =
                found.strip_prefix("integer ").or_else(|| found.strip_prefix("floating point "))
            {
                format!("the number {number}")
            } else if let Some(boolean) = found.strip_prefix("boolean ") {
                boolean.to_owned()
            } else if found.starts_with("string ") {
                format!("the {found}")
            } else {
                found.to_owned()
            }
        }
    }
}

fn expected_words(expected: &str) -> &str {
    match expected {
        "a map" => "an object",
        "a sequence" => "an array",
        "a boolean" => "`true` or `false`",
        "a JSON number" => "a number",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn table() {
        let cases = [
            (
                "`shape`",
                "invalid type: integer `5`, expected a string",
                "`shape` is the number `5`, expected a string",
            ),
            (
                "`min`",
                "invalid type: floating point `1.5`, expected a string",
                "`min` is the number `1.5`, expected a string",
            ),
            (
                "`members`",
                "invalid type: sequence, expected a map",
                "`members` is an array, expected an object",
            ),
            (
                "`errors`",
                "invalid type: map, expected a sequence",
                "`errors` is an object, expected an array",
            ),
            (
                "`required`",
                "invalid type: string \"A, expected B\", expected a sequence",
                "`required` is the string \"A, expected B\", expected an array",
            ),
            (
                "`document`",
                "invalid type: string \"yes\", expected a boolean",
                "`document` is the string \"yes\", expected `true` or `false`",
            ),
            (
                "`max`",
                "invalid type: boolean `true`, expected a JSON number",
                "`max` is `true`, expected a number",
            ),
            ("", "invalid type: null, expected an object", "is `null`, expected an object"),
            ("", "missing field `shape`", "has no `shape`"),
            ("", "duplicate field `type`", "has `type` twice"),
            (
                "`x`",
                "something serde has not said before",
                "`x` something serde has not said before",
            ),
        ];
        for (subject, message, expected) in cases {
            assert_eq!(describe(subject, message), expected, "{message}");
        }
    }
}
