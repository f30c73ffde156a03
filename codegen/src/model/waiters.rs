//! A botocore `waiters-2.json`: how to wait, by polling an operation, until a resource is in
//! a state.

use super::Extra;
use super::parse::named_entries;
use crate::error::{Location, Problem};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The whole file: waiters by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(expecting = r#"an object like `{"version": 2, "waiters": {…}}`"#)]
pub struct Waiters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    pub waiters: IndexMap<String, Waiter>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One waiter: the operation it polls, how often, and what each answer means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an object with `operation`, `delay`, `maxAttempts` and `acceptors`"
)]
pub struct Waiter {
    pub operation: String,
    /// Seconds between polls.
    pub delay: u32,
    pub max_attempts: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub acceptors: Vec<Acceptor>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What an answer means when it matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = "an object with `state`, `matcher` and `expected`")]
pub struct Acceptor {
    pub state: AcceptorState,
    pub matcher: Matcher,
    /// The JMESPath expression of the `path` matchers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub argument: Option<String>,
    pub expected: serde_json::Value,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "`success`, `failure` or `retry`")]
pub enum AcceptorState {
    Success,
    Failure,
    Retry,
}

/// How an answer is compared with `expected`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "`path`, `pathAll`, `pathAny`, `status` or `error`")]
pub enum Matcher {
    /// The expression's value equals `expected`.
    Path,
    /// The expression gives a non-empty list whose every element equals `expected`.
    PathAll,
    /// The expression gives a list with an element equal to `expected`.
    PathAny,
    /// The HTTP status equals `expected`.
    Status,
    /// The error code equals `expected` (a string), or, with `true`/`false`, there is an
    /// error or not.
    Error,
}

impl Matcher {
    /// The name the file gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Matcher::Path => "path",
            Matcher::PathAll => "pathAll",
            Matcher::PathAny => "pathAny",
            Matcher::Status => "status",
            Matcher::Error => "error",
        }
    }
}

/// Parses a waiters file, or reports every waiter that is not one (each named).
pub fn parse_waiters(json: &[u8]) -> Result<Waiters, Vec<Problem>> {
    named_entries::<Waiters, Waiter>(json, "waiters", Location::Waiter)
}

#[cfg(test)]
mod tests {
    use super::{AcceptorState, Matcher, parse_waiters};

    #[test]
    fn reads_botocores_form() {
        let json = br#"{"version": 2, "waiters": {"FleetStarted": {
            "delay": 30, "maxAttempts": 40, "operation": "DescribeFleets",
            "acceptors": [
                {"state": "success", "matcher": "pathAll", "argument": "Fleets[].State",
                 "expected": "RUNNING"},
                {"state": "retry", "matcher": "error", "expected": "ResourceNotFoundException"}
            ]}}}"#;
        let waiters = parse_waiters(json).unwrap_or_else(|problems| panic!("{problems:?}"));
        let waiter = &waiters.waiters["FleetStarted"];
        assert_eq!((waiter.delay, waiter.max_attempts), (30, 40));
        assert_eq!(waiter.acceptors[0].matcher, Matcher::PathAll);
        assert_eq!(waiter.acceptors[1].state, AcceptorState::Retry);
        assert_eq!(waiter.acceptors[1].argument, None);
    }

    #[test]
    fn every_broken_waiter_is_named() {
        let json = br#"{"waiters": {
            "A": {"operation": "X", "delay": "soon", "maxAttempts": 1, "acceptors": []},
            "B": {"operation": "X", "delay": 1, "maxAttempts": 1,
                  "acceptors": [{"state": "done", "matcher": "path", "expected": 1}]},
            "C": {"operation": "X", "delay": 1, "maxAttempts": 1, "acceptors": []}
        }}"#;
        let problems: Vec<String> = match parse_waiters(json) {
            Ok(_) => panic!("the waiters are broken"),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        };
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("waiter `A`: `delay`"), "{problems:?}");
        assert!(problems[1].starts_with("waiter `B`: `acceptors[0].state`"), "{problems:?}");
    }
}
