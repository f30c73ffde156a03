//! The changelog reproduces the one AWS published for AppStream on 2017-06-05, "Amazon
//! AppStream - 4 updated api methods". The shipped model is the state after that change; the
//! state before it is derived here by undoing exactly what that changelog says changed.

use awsjson_cli::diff::{OperationDelta, changelog};
use awsjson_codegen::StructStyle;
use awsjson_codegen::model::Model;
use std::path::Path;

/// The deltas as the published changelog prints them, copied verbatim (request, response).
const CREATE_FLEET: (Option<&str>, &str) = (
    Some("{'VpcConfig': {'SecurityGroupIds': ['string']}}"),
    "{'Fleet': {'VpcConfig': {'SecurityGroupIds': ['string']}}}",
);
/// DescribeFleets' request did not change: the changelog shows only its response.
const DESCRIBE_FLEETS: (Option<&str>, &str) =
    (None, "{'Fleets': {'VpcConfig': {'SecurityGroupIds': ['string']}}}");
const DESCRIBE_SESSIONS: (Option<&str>, &str) = (
    Some("{'AuthenticationType': ['USERPOOL']}"),
    "{'Sessions': {'AuthenticationType': ['USERPOOL']}}",
);
const UPDATE_FLEET: (Option<&str>, &str) = (
    Some(
        "{'AttributesToDelete': ['VPC_CONFIGURATION | ' 'VPC_CONFIGURATION_SECURITY_GROUP_IDS'], \
         'VpcConfig': {'SecurityGroupIds': ['string']}}",
    ),
    "{'Fleet': {'VpcConfig': {'SecurityGroupIds': ['string']}}}",
);

/// Joins adjacent string literals, as Python does: `'a ' 'b'` is `'a b'`.
///
/// The published changelog wraps long lines, and breaks `'VPC_CONFIGURATION |
/// VPC_CONFIGURATION_SECURITY_GROUP_IDS'` into two adjacent literals, `'VPC_CONFIGURATION | '
/// 'VPC_CONFIGURATION_SECURITY_GROUP_IDS'`: the same value to Python. Applied only to the
/// expected text, so what the changelog writes is compared as it is.
fn join_adjacent_string_literals(python: &str) -> String {
    python.replace("' '", "")
}

fn after() -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../model/appstream-2016-12-01.json");
    let json = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    awsjson_codegen::model::parse(&json).unwrap()
}

/// The model before the change: without `VpcConfig.SecurityGroupIds`, the `USERPOOL`
/// authentication type and `UpdateFleetRequest.AttributesToDelete`, nor the shapes only those
/// members reached (as `codegen subset` would cut it).
fn before(after: &Model) -> Model {
    let mut before = after.clone();
    let shapes = &mut before.shapes;
    for (shape, member) in
        [("VpcConfig", "SecurityGroupIds"), ("UpdateFleetRequest", "AttributesToDelete")]
    {
        let members = shapes.get_mut(shape).unwrap().members.as_mut().unwrap();
        assert!(members.shift_remove(member).is_some(), "{shape} has no {member}");
    }
    let authentication =
        shapes.get_mut("AuthenticationType").unwrap().enum_values.as_mut().unwrap();
    let count = authentication.len();
    authentication.retain(|value| value != "USERPOOL");
    assert_eq!(authentication.len(), count - 1);

    let operations: Vec<&str> = after.operations.keys().map(String::as_str).collect();
    let before = awsjson_codegen::model::subset(&before, &operations).unwrap();
    let cut: Vec<&String> =
        after.shapes.keys().filter(|name| !before.shapes.contains_key(*name)).collect();
    assert_eq!(cut, ["FleetAttribute", "FleetAttributes", "SecurityGroupIdList"]);
    before
}

#[test]
fn the_2017_06_05_appstream_changelog() {
    let after = after();
    let log = changelog(&before(&after), &after);
    let expected = [
        ("CreateFleet", CREATE_FLEET),
        ("DescribeFleets", DESCRIBE_FLEETS),
        ("DescribeSessions", DESCRIBE_SESSIONS),
        ("UpdateFleet", UPDATE_FLEET),
    ];
    let expected = expected.map(|(operation, (request, response))| OperationDelta {
        operation: operation.to_owned(),
        request: request.map(join_adjacent_string_literals),
        response: Some(join_adjacent_string_literals(response)),
    });
    assert_eq!(log.updated, expected);
    assert!(log.new_operations.is_empty() && log.removed_operations.is_empty());
    assert!(log.documentation_only.is_empty(), "{:?}", log.documentation_only);

    let text = log.text(false);
    assert_eq!(text.lines().next(), Some("4 updated api methods"));
    assert_eq!(log.text(true), text, "no documentation changed");
    insta::assert_snapshot!(text);
}

/// New optional members: a minor release of a crate of `#[non_exhaustive]` structs, a major
/// one where struct literals may name every field.
#[test]
fn the_2017_06_05_change_is_a_minor_release() {
    use awsjson_cli::diff::{Release, Verdict};
    let after = after();
    let report = awsjson_cli::diff::compare(&before(&after), &after, StructStyle::NonExhaustive)
        .unwrap_or_else(|(which, problems)| panic!("{which}: {problems:?}"));
    assert!(!report.verdict.is_breaking(), "{}", report.text(false));
    assert_eq!(
        (report.verdict.release, report.verdict.wire),
        (Release::Minor, Verdict::Compatible)
    );
    insta::assert_snapshot!(report.text(false));
    let literal = awsjson_cli::diff::compare(&before(&after), &after, StructStyle::Literal)
        .unwrap_or_else(|(which, problems)| panic!("{which}: {problems:?}"));
    assert_eq!(
        (literal.verdict.release, literal.verdict.wire),
        (Release::Major, Verdict::Compatible)
    );
}

#[test]
fn undoing_it_would_break_code_and_wire() {
    let after = after();
    let report = awsjson_cli::diff::compare(&after, &before(&after), StructStyle::NonExhaustive)
        .unwrap_or_else(|(which, problems)| panic!("{which}: {problems:?}"));
    assert_eq!(report.verdict.release, awsjson_cli::diff::Release::Major);
    assert_eq!(report.verdict.wire, awsjson_cli::diff::Verdict::Breaking);
}

#[test]
fn the_reverse_removes_and_adds_nothing() {
    let after = after();
    let log = changelog(&after, &before(&after));
    let names: Vec<&str> = log.updated.iter().map(|delta| delta.operation.as_str()).collect();
    assert_eq!(names, ["CreateFleet", "DescribeFleets", "DescribeSessions", "UpdateFleet"]);
    assert!(log.updated.iter().all(|delta| delta.request.is_none() && delta.response.is_none()));
}

#[test]
fn join_adjacent_string_literals_joins_only_adjacent_literals() {
    let cases = [
        ("['A | ' 'B']", "['A | B']"),
        ("{'A': 'x', 'B': ['y']}", "{'A': 'x', 'B': ['y']}"),
        ("'string'", "'string'"),
    ];
    for (python, joined) in cases {
        assert_eq!(join_adjacent_string_literals(python), joined);
    }
}
