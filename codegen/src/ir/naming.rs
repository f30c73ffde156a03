//! Every Rust name the generator emits is decided here, and only here.
//!
//! Names come out as plain strings that are always valid Rust identifiers: ASCII letters,
//! digits and `_`, never starting with a digit, keywords either raw (`r#type`) or, where Rust
//! forbids a raw form, suffixed (`self_`). Emitters turn them into tokens without checking.

use super::Renamed;
use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

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

/// The error enum of an operation whose type is `operation_type`.
/// `CreateFleetError`; an operation type with a suffix of its own (`Self_`) loses it, so the
/// name stays upper camel case (`SelfError`).
pub fn operation_error_name(operation_type: &str) -> String {
    format!("{}Error", operation_type.trim_end_matches('_'))
}

/// How a clashing name is told apart: `FooBar2` for types and variants, `foo_bar_2` for fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    Camel,
    Snake,
}

/// One claim on a name in a Rust namespace: the name a wire name gives, and who claims it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub wanted: String,
    /// The claimant's wire name.
    pub wire: String,
    /// What the claimant is, for the rename note: "shape", "member", "value", "operation".
    pub kind: &'static str,
}

impl Claim {
    pub fn new(wanted: String, wire: &str, kind: &'static str) -> Self {
        Claim { wanted, wire: wire.to_owned(), kind }
    }

    /// Whose Rust name is its wire name exactly, as `FooBar`'s is and `fooBar`'s is not.
    fn is_exact(&self) -> bool {
        bare(&self.wanted) == self.wire
    }
}

/// Final, distinct names for `claims`, given in priority order, next to names the generator
/// already uses in that namespace (`reserved`, as `(name, who)`).
///
/// Wire names that differ only in case or punctuation (`FooBar`, `fooBar`, `Foo_Bar`) give the
/// same Rust name. It goes to the first claimant whose wire name it is exactly, else to the
/// first claimant; each other one gets the smallest numeric suffix that no claimant wants and
/// none has been given (`FooBar2`, `foo_bar_2`), and a [`Renamed`] saying who has the name, so
/// the rename is documented and never a silent merge. The same claims in the same order always
/// give the same names.
pub fn unique_names(
    claims: &[Claim],
    reserved: &[(&str, &str)],
    suffix: Suffix,
) -> Vec<(String, Option<Renamed>)> {
    // Keyed without `r#`: `r#type` and `type` are one identifier.
    let mut holders: BTreeMap<&str, String> =
        reserved.iter().map(|(name, who)| (bare(name), (*who).to_owned())).collect();
    let mut keeps = vec![false; claims.len()];
    let exact_first = (0..claims.len())
        .filter(|i| claims[*i].is_exact())
        .chain((0..claims.len()).filter(|i| !claims[*i].is_exact()));
    for i in exact_first {
        let claim = &claims[i];
        if let Entry::Vacant(entry) = holders.entry(bare(&claim.wanted)) {
            entry.insert(format!("{} {}", claim.kind, crate::emit::docs::code(&claim.wire)));
            keeps[i] = true;
        }
    }
    let mut given: BTreeSet<String> = BTreeSet::new();
    claims
        .iter()
        .zip(keeps)
        .map(|(claim, keeps)| {
            if keeps {
                return (claim.wanted.clone(), None);
            }
            let holder = holders.get(bare(&claim.wanted)).cloned().unwrap_or_default();
            let renamed = Renamed { wanted: claim.wanted.clone(), holder };
            let name = (2..)
                .map(|n| with_suffix(&claim.wanted, n, suffix))
                .find(|name| !holders.contains_key(name.as_str()) && !given.contains(name))
                .unwrap_or_default();
            given.insert(name.clone());
            (name, Some(renamed))
        })
        .collect()
}

fn bare(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Never a keyword, since it ends in a digit. `self_` gives `self_2` and `Self_` gives `Self2`
/// (the case lints refuse `Self_2`); `Ipv4` gives `Ipv4_2`, which they accept, not `Ipv42`.
fn with_suffix(name: &str, n: usize, suffix: Suffix) -> String {
    let name = bare(name).trim_end_matches('_');
    match suffix {
        Suffix::Camel if !name.ends_with(|c: char| c.is_ascii_digit()) => format!("{name}{n}"),
        Suffix::Camel | Suffix::Snake => format!("{name}_{n}"),
    }
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

    fn claims(names: &[(&str, &str)]) -> Vec<Claim> {
        names.iter().map(|(wanted, wire)| Claim::new((*wanted).to_owned(), wire, "shape")).collect()
    }

    fn renamed(wanted: &str, holder: &str) -> Option<Renamed> {
        Some(Renamed { wanted: wanted.to_owned(), holder: holder.to_owned() })
    }

    #[test]
    fn distinct_names_are_kept() {
        let names = unique_names(&claims(&[("a", "a"), ("b", "B")]), &[], Suffix::Snake);
        assert_eq!(names, [("a".to_owned(), None), ("b".to_owned(), None)]);
    }

    #[test]
    fn the_exact_wire_name_keeps_the_name_and_others_get_suffixes_nobody_wants() {
        let claims = claims(&[
            ("FooBar", "FOO_BAR"),
            ("FooBar", "FooBar"),
            ("FooBar2", "FooBar2"),
            ("FooBar", "fooBar"),
        ]);
        assert_eq!(
            unique_names(&claims, &[], Suffix::Camel),
            [
                ("FooBar3".to_owned(), renamed("FooBar", "shape `FooBar`")),
                ("FooBar".to_owned(), None),
                ("FooBar2".to_owned(), None),
                ("FooBar4".to_owned(), renamed("FooBar", "shape `FooBar`")),
            ]
        );
    }

    #[test]
    fn without_an_exact_claimant_the_first_keeps_the_name() {
        let claims = claims(&[("FooBar", "fooBar"), ("FooBar", "Foo_Bar")]);
        assert_eq!(
            unique_names(&claims, &[], Suffix::Camel),
            [
                ("FooBar".to_owned(), None),
                ("FooBar2".to_owned(), renamed("FooBar", "shape `fooBar`"))
            ]
        );
    }

    #[test]
    fn raw_and_plain_identifiers_clash_and_suffixes_are_not_raw() {
        let claims = claims(&[("r#type", "type"), ("r#type", "Type"), ("self_", "self")]);
        let claims =
            [claims.clone(), vec![Claim::new("self_".to_owned(), "Self", "member")]].concat();
        assert_eq!(
            unique_names(&claims, &[], Suffix::Snake),
            [
                ("r#type".to_owned(), None),
                ("type_2".to_owned(), renamed("r#type", "shape `type`")),
                ("self_".to_owned(), None),
                ("self_2".to_owned(), renamed("self_", "shape `self`")),
            ]
        );
    }

    #[test]
    fn suffixes_keep_the_case_lints_happy() {
        let claims =
            claims(&[("Self_", "Self"), ("Self_", "self"), ("Ipv4", "Ipv4"), ("Ipv4", "IPV4")]);
        let names: Vec<String> =
            unique_names(&claims, &[], Suffix::Camel).into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["Self_", "Self2", "Ipv4", "Ipv4_2"]);
    }

    #[test]
    fn reserved_names_are_never_given() {
        let claims = claims(&[("Unmodeled", "Unmodeled")]);
        let reserved = [("Unmodeled", "the variant for unmodeled errors")];
        assert_eq!(
            unique_names(&claims, &reserved, Suffix::Camel),
            [("Unmodeled2".to_owned(), renamed("Unmodeled", "the variant for unmodeled errors"))]
        );
    }

    #[test]
    fn operation_error_names() {
        assert_eq!(operation_error_name("CreateFleet"), "CreateFleetError");
        assert_eq!(operation_error_name("Self_"), "SelfError");
    }
}
