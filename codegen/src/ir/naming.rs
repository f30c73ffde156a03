//! Every Rust name the generator emits is decided here, and only here.
//!
//! Names come out as plain strings that are always valid Rust identifiers: ASCII letters,
//! digits and `_`, never starting with a digit, keywords either raw (`r#type`) or, where Rust
//! forbids a raw form, suffixed (`self_`). Emitters turn them into tokens without checking.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords of every edition, strict and reserved; `r#` makes them usable as names.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "static",
    "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
    "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a `_` suffix instead.
const NOT_RAW: &[&str] = &["crate", "extern", "self", "Self", "super"];

/// The variant every generated enum keeps unknown wire values in.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// The variant every operation error enum keeps unmodeled errors in.
pub const UNMODELED_VARIANT: &str = "Unmodeled";

/// A type name (`CreateFleetRequest`, `IamRoleArn`) for a shape or operation name.
pub fn type_name(wire: &str) -> String {
    finish(sanitize(wire).to_upper_camel_case(), "Empty", "T")
}

/// A field name (`iam_role_arn`, `r#type`) for a structure member.
pub fn field_name(wire: &str) -> String {
    finish(sanitize(wire).to_snake_case(), "empty", "_")
}

/// An enum variant for a wire value (`stream.standard.small` → `StreamStandardSmall`).
/// A value that would take the fallback variant's name gets `Value` appended.
pub fn variant_name(wire: &str) -> String {
    let name = finish(sanitize(wire).to_upper_camel_case(), "Empty", "V");
    if name == UNKNOWN_VARIANT { format!("{name}Value") } else { name }
}

/// An integer enum variant for a value: `V1`, and `VMinus1` for `-1`.
pub fn int_variant_name(value: i32) -> String {
    if value < 0 { format!("VMinus{}", value.unsigned_abs()) } else { format!("V{value}") }
}

/// The variant of an operation error enum that holds the error shape `type_name`.
pub fn error_variant_name(type_name: &str) -> String {
    if type_name == UNMODELED_VARIANT { format!("{type_name}Error") } else { type_name.to_owned() }
}

/// The error enum of an operation whose type is `operation_type`.
pub fn operation_error_name(operation_type: &str) -> String {
    format!("{operation_type}Error")
}

/// Word breaks for anything that is not an ASCII letter or digit, so that heck splits on it.
fn sanitize(wire: &str) -> String {
    wire.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect()
}

/// Makes a cased name a valid identifier: never empty, no leading digit, keywords escaped.
fn finish(name: String, if_empty: &str, digit_prefix: &str) -> String {
    let name = if name.is_empty() { if_empty.to_owned() } else { name };
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{name}")
    } else if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        let table = [
            ("CreateFleetRequest", "CreateFleetRequest"),
            ("IAMRoleArn", "IamRoleArn"),
            ("fleetState", "FleetState"),
            ("Self", "Self_"),
            ("self", "Self_"),
            ("Option", "Option"),
            ("3DModel", "T3dModel"),
            ("", "Empty"),
            ("__", "Empty"),
            ("Ünïcode", "NCode"),
        ];
        for (wire, rust) in table {
            assert_eq!(type_name(wire), rust, "type name of {wire:?}");
        }
    }

    #[test]
    fn field_names() {
        let table = [
            ("Name", "name"),
            ("IAMRoleArn", "iam_role_arn"),
            ("VpcConfig", "vpc_config"),
            ("MaxUserDurationInSeconds", "max_user_duration_in_seconds"),
            ("Type", "r#type"),
            ("type", "r#type"),
            ("Self", "self_"),
            ("super", "super_"),
            ("crate", "crate_"),
            ("extern", "extern_"),
            ("gen", "r#gen"),
            ("async", "r#async"),
            ("2FA", "_2fa"),
            ("", "empty"),
            ("x-amz-meta", "x_amz_meta"),
        ];
        for (wire, rust) in table {
            assert_eq!(field_name(wire), rust, "field name of {wire:?}");
        }
    }

    #[test]
    fn variant_names() {
        let table = [
            ("RUNNING", "Running"),
            ("IAM_SERVICE_ROLE_IS_MISSING", "IamServiceRoleIsMissing"),
            ("stream.standard.small", "StreamStandardSmall"),
            ("WINDOWS_SERVER_2019", "WindowsServer2019"),
            ("a:b", "AB"),
            ("x/y", "XY"),
            ("with spaces", "WithSpaces"),
            ("1080p", "V1080p"),
            ("", "Empty"),
            ("Unknown", "UnknownValue"),
            ("UNKNOWN", "UnknownValue"),
        ];
        for (wire, rust) in table {
            assert_eq!(variant_name(wire), rust, "variant name of {wire:?}");
        }
    }

    #[test]
    fn error_variants_avoid_the_unmodeled_variant() {
        assert_eq!(error_variant_name("LimitExceededException"), "LimitExceededException");
        assert_eq!(error_variant_name("Unmodeled"), "UnmodeledError");
        assert_eq!(operation_error_name("CreateFleet"), "CreateFleetError");
    }
}
