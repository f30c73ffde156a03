//! Waiters that do not fit their model are refused, each problem naming the waiter, the
//! acceptor's index and the expression; what fits with a doubt is a warning.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> PathBuf {
    root().join("codegen/tests/fixtures/waiters").join(name)
}

fn appstream_2017() -> PathBuf {
    root().join("model/appstream-2016-12-01.json")
}

/// What generating `model` with `waiters` says, the waiters file named by its file name.
fn refusal(model: &Path, waiters: &Path) -> String {
    let result = awsjson_codegen::Builder::new(model).waiters(waiters).generate();
    match result {
        Ok(_) => panic!("generated with broken waiters: {}", waiters.display()),
        Err(error) => error.to_string().replace(&waiters.display().to_string(), "waiters.json"),
    }
}

#[test]
fn botocore_2059_is_refused_naming_the_values_fleet_state_lists() {
    // AppStream's waiters from 2020 to 2023 waited for ACTIVE and INACTIVE, which FleetState
    // never was: every waiter timed out, in every SDK.
    let values = "it is one of `STARTING`, `RUNNING`, `STOPPING`, `STOPPED`";
    let expected = format!(
        "`waiters.json` has 6 problems:
  waiter `FleetStarted`, acceptor 0: `Fleets[].State`: compares `FleetState` with `ACTIVE`, which it never is: {values}
  waiter `FleetStarted`, acceptor 1: `Fleets[].State`: compares `FleetState` with `PENDING_DEACTIVATE`, which it never is: {values}
  waiter `FleetStarted`, acceptor 2: `Fleets[].State`: compares `FleetState` with `INACTIVE`, which it never is: {values}
  waiter `FleetStopped`, acceptor 0: `Fleets[].State`: compares `FleetState` with `INACTIVE`, which it never is: {values}
  waiter `FleetStopped`, acceptor 1: `Fleets[].State`: compares `FleetState` with `PENDING_ACTIVATE`, which it never is: {values}
  waiter `FleetStopped`, acceptor 2: `Fleets[].State`: compares `FleetState` with `ACTIVE`, which it never is: {values}"
    );
    assert_eq!(
        refusal(&appstream_2017(), &fixture("appstream-botocore-2059.waiters.json")),
        expected
    );
}

#[test]
fn every_problem_names_its_waiter_acceptor_and_expression() {
    assert_eq!(
        refusal(&appstream_2017(), &fixture("problems.waiters.json")),
        "`waiters.json` has 10 problems:
  waiter `NoSuchMember`, acceptor 0: `Fleets[0].Status`: `Fleet` has no member `Status` (its members: `Arn`, `Name`, `DisplayName`, `Description`, `ImageName`, `InstanceType`, `ComputeCapacityStatus`, `MaxUserDurationInSeconds`, `DisconnectTimeoutInSeconds`, `State`, `VpcConfig`, `CreatedTime`, `FleetErrors`, `EnableDefaultInternetAccess`)
  waiter `NotAList`, acceptor 0: `NextToken`: `String` is not a list: `pathAll` and `pathAny` need one
  waiter `WrongExpectedType`, acceptor 0: `Fleets[].State`: compares `FleetState` with `true`, which are never equal
  waiter `ProjectionNotAList`, acceptor 0: `NextToken[*].Name`: `[*]` projects `String`, which is not a list
  waiter `UnsupportedFunction`, acceptor 0: `starts_with(NextToken, 'a')`: function `starts_with` is not supported (botocore's waiters use `length` and `contains`)
  waiter `DoesNotParse`, acceptor 0: `Fleets[.State`: at 7: expected an index, a slice or `*` after `[`, found `.` in `Fleets[.State`
  waiter `OrderedStrings`, acceptor 0: `NextToken > 'a'`: orders `String`: only numbers have an order
  waiter `NoOperation`: the model has no operation `DescribeThings`
  waiter `BadStatus`, acceptor 0: `status` expects an HTTP status, not `\"OK\"`
  waiter `NoArgument`, acceptor 0: `path` needs an `argument`, the expression to compare"
    );
}

#[test]
fn doubts_are_warnings_and_the_waiter_is_generated() {
    let waiters = r#"{"version": 2, "waiters": {
        "GoneFleet": {"operation": "DescribeFleets", "delay": 5, "maxAttempts": 3, "acceptors": [
            {"state": "success", "matcher": "error", "expected": "ValidationException"},
            {"state": "retry", "matcher": "path", "argument": "length(Fleets) > `0`", "expected": true}
        ]},
        "FleetCreated": {"operation": "CreateFleet", "delay": 5, "maxAttempts": 3, "acceptors": [
            {"state": "success", "matcher": "status", "expected": 200}
        ]}
    }}"#;
    let path = std::env::temp_dir().join(format!("doubts-{}.waiters.json", std::process::id()));
    assert!(std::fs::write(&path, waiters).is_ok());
    let warnings = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&warnings);
    let code = awsjson_codegen::Builder::new(appstream_2017())
        .operations(["DescribeFleets"])
        .waiters(&path)
        .on_warning(move |warning| {
            seen.lock().map(|mut seen| seen.push(warning.to_string())).map_err(|e| e.to_string())
        })
        .generate();
    let _ = std::fs::remove_file(&path);
    let code = code.unwrap_or_else(|error| panic!("{error}"));
    let warnings = warnings.lock().map(|w| w.clone()).unwrap_or_default();
    assert_eq!(
        warnings,
        [
            "waiter `GoneFleet`, acceptor 0: `error` expects `ValidationException`, which is none \
             of `DescribeFleets`'s modeled errors: it matches only if the service answers with \
             that code all the same",
            "waiter `FleetCreated`: left out: it polls `CreateFleet`, which the selection leaves out",
        ]
    );
    assert!(code.contains("pub struct GoneFleet;"), "the waiter is generated");
    assert!(!code.contains("pub struct FleetCreated;"), "its operation is not");
}

/// AppStream's waiters as generated, reviewed: their docs, constants and acceptors in Rust.
#[test]
fn appstream_waiters_as_generated() {
    let code = awsjson_codegen::Builder::new(appstream_2017())
        .waiters(root().join("model/appstream-2016-12-01.waiters.json"))
        .generate()
        .unwrap_or_else(|error| panic!("{error}"));
    let start = code.find("pub mod waiters {").unwrap_or_else(|| panic!("no waiters module"));
    // The module ends where the next top-level item begins.
    let end = code[start..].find("\n}\n").map_or(code.len(), |end| start + end + 3);
    insta::assert_snapshot!(&code[start..end]);
}
