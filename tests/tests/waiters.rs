//! AppStream's waiters, generated from botocore's `waiters-2.json`, run against scripted
//! `DescribeFleets` answers with a fake clock: success, a failure acceptor, a timeout, an
//! acceptor of the caller's, an error no acceptor expects.

use appstream_types::DescribeFleets;
use appstream_types::runtime::Operation;
use appstream_types::runtime::waiter::{State, Wait, WaitConfig, WaitError, Waiter, wait};
use appstream_types::waiters::{FleetStarted, FleetStopped};
use std::cell::Cell;
use std::convert::Infallible;
use std::time::Duration;

/// The answer of DescribeFleets with fleets in `states` (and `errors` on the first).
fn fleets(states: &[&str], errors: &str) -> String {
    let fleets: Vec<String> = (states.iter().enumerate())
        .map(|(index, state)| {
            let errors = if index == 0 { errors } else { "" };
            format!(
                r#"{{"Arn":"arn:aws:appstream:us-east-1:1:fleet/f{index}","Name":"f{index}","InstanceType":"stream.standard.small","ComputeCapacityStatus":{{"Desired":1}},"State":"{state}"{errors}}}"#
            )
        })
        .collect();
    format!(r#"{{"Fleets":[{}]}}"#, fleets.join(","))
}

/// A scripted answer: a status and a body.
type Answer = (u16, String);

fn ok(body: String) -> Answer {
    (200, body)
}

/// Runs `waiting` over `answers` in turn (the last one again when they run out) with a fake
/// clock that the sleeps advance; gives the result, the polls made and the time slept.
fn run<W: Waiter<Operation = DescribeFleets>>(
    waiting: Wait<W>,
    answers: &[Answer],
) -> (Result<String, String>, usize, Duration) {
    let (polls, now) = (Cell::new(0), Cell::new(Duration::ZERO));
    let headers: [(&str, &str); 0] = [];
    let result = wait(
        waiting,
        || {
            let (status, body) = &answers[polls.get().min(answers.len() - 1)];
            polls.set(polls.get() + 1);
            Ok::<_, Infallible>(DescribeFleets::parse_response(*status, &headers, body.as_bytes()))
        },
        |delay| now.set(now.get() + delay),
        || now.get(),
    );
    let result: Result<String, WaitError<DescribeFleets, Infallible>> =
        result.map(|finished| format!("{} after {} polls", finished.acceptor, finished.attempts));
    (result.map_err(|error| error.to_string()), polls.get(), now.get())
}

fn config<W: Waiter>() -> WaitConfig {
    WaitConfig::of::<W>().seeded(7)
}

#[test]
fn the_model_says_what_each_waiter_waits_for() {
    assert_eq!(FleetStarted::NAME, "FleetStarted");
    assert_eq!((FleetStarted::DELAY, FleetStarted::MAX_ATTEMPTS), (Duration::from_secs(30), 40));
    let acceptors: Vec<(State, &str)> =
        FleetStarted::ACCEPTORS.iter().map(|acceptor| (acceptor.state, acceptor.matcher)).collect();
    assert_eq!(
        acceptors,
        [
            (State::Success, r#"every `Fleets[].State` is `"RUNNING"` (and there is one)"#),
            (State::Failure, r#"any `Fleets[].State` is `"STOPPING"`"#),
            (State::Failure, r#"any `Fleets[].State` is `"STOPPED"`"#),
        ]
    );
    assert_eq!(WaitConfig::of::<FleetStopped>().max_wait, Duration::from_secs(1200));
}

#[test]
fn starting_starting_running_is_success() {
    let answers = [
        ok(fleets(&["STARTING"], "")),
        ok(fleets(&["STARTING", "RUNNING"], "")),
        ok(fleets(&["RUNNING", "RUNNING"], "")),
    ];
    let (result, polls, slept) = run(Wait::<FleetStarted>::new(config::<FleetStarted>()), &answers);
    assert_eq!(
        result,
        Ok(r#"acceptor 0 (success: every `Fleets[].State` is `"RUNNING"` (and there is one)) after 3 polls"#.to_owned())
    );
    assert_eq!(polls, 3);
    // Two delays of 30 s at least, doubling up to 60 s for the second.
    assert!(slept >= Duration::from_secs(60) && slept <= Duration::from_secs(90), "{slept:?}");
}

#[test]
fn starting_then_stopping_is_the_failure_acceptor() {
    let answers = [ok(fleets(&["STARTING"], "")), ok(fleets(&["STOPPING"], ""))];
    let (result, polls, _) = run(Wait::<FleetStarted>::new(config::<FleetStarted>()), &answers);
    assert_eq!(
        result,
        Err(r#"the wait failed after 2 polls: acceptor 1 (failure: any `Fleets[].State` is `"STOPPING"`) matched"#.to_owned())
    );
    assert_eq!(polls, 2);
}

#[test]
fn never_running_times_out_at_the_configured_time() {
    let answers = [ok(fleets(&["STARTING"], ""))];
    let waiting =
        Wait::<FleetStarted>::new(config::<FleetStarted>().max_wait(Duration::from_secs(600)));
    let (result, polls, slept) = run(waiting, &answers);
    assert_eq!(slept, Duration::from_secs(600), "the last poll comes at the deadline");
    let message = result.err().unwrap_or_default();
    assert!(message.starts_with("no acceptor said success or failure in 600.0 s ("), "{message}");
    assert!(message.ends_with(&format!("{polls} polls)")), "{message} {polls}");
}

#[test]
fn an_empty_answer_never_satisfies_every_fleet_running() {
    let answers = [ok(r#"{"Fleets":[]}"#.to_owned())];
    let waiting =
        Wait::<FleetStarted>::new(config::<FleetStarted>().max_wait(Duration::from_secs(100)));
    assert!(run(waiting, &answers).0.is_err());
}

#[test]
fn the_callers_acceptor_sees_fleet_errors() {
    // terraform-provider-aws#20994: a bad subnet keeps a fleet STARTING while FleetErrors says why.
    let errors = r#","FleetErrors":[{"ErrorCode":"SUBNET_NOT_FOUND","ErrorMessage":"no subnet"}]"#;
    let answers = [ok(fleets(&["STARTING"], "")), ok(fleets(&["STARTING"], errors))];
    let waiting =
        Wait::<FleetStarted>::new(config::<FleetStarted>()).acceptor_first(
            "fleet errors",
            State::Failure,
            |output: &appstream_types::DescribeFleetsResult| {
                output.fleets.iter().flatten().any(|fleet| {
                    fleet.fleet_errors.as_ref().is_some_and(|errors| !errors.is_empty())
                })
            },
        );
    let (result, polls, _) = run(waiting, &answers);
    assert_eq!(
        result,
        Err(
            "the wait failed after 2 polls: the caller's acceptor `fleet errors` (failure) matched"
                .to_owned()
        )
    );
    assert_eq!(polls, 2);
}

#[test]
fn an_error_no_acceptor_expects_ends_the_wait() {
    let answers =
        [(400, r#"{"__type":"ResourceNotFoundException","Message":"no fleet f0"}"#.to_owned())];
    let (result, polls, _) = run(Wait::<FleetStarted>::new(config::<FleetStarted>()), &answers);
    assert_eq!(
        result,
        Err("poll 1 got an error no acceptor expects: ResourceNotFoundException: no fleet f0"
            .to_owned())
    );
    assert_eq!(polls, 1);
}

#[test]
fn stopped_waits_for_every_fleet_stopped() {
    let answers =
        [ok(fleets(&["STOPPING", "STOPPED"], "")), ok(fleets(&["STOPPED", "STOPPED"], ""))];
    let (result, _, _) = run(Wait::<FleetStopped>::new(config::<FleetStopped>()), &answers);
    assert!(result.is_ok(), "{result:?}");
    let running = [ok(fleets(&["STOPPING", "RUNNING"], ""))];
    let (result, _, _) = run(Wait::<FleetStopped>::new(config::<FleetStopped>()), &running);
    assert!(result.err().unwrap_or_default().contains("acceptor 2 (failure"));
}
