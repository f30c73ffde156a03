//! Waiting until a resource reaches a state: the waiters of a model's `waiters-2.json`,
//! generated as types that judge an operation's answers ([`Waiter`]), polled by a loop that
//! imposes no HTTP client or async runtime ([`wait`] with closures, or [`Wait`] driven by the
//! caller), with delays by Smithy's waiter rules ([`WaitConfig`]).

mod config;
mod run;

pub use self::config::WaitConfig;
pub use self::run::{Finished, Matched, Poll, Wait, WaitError, wait};

use crate::error::ResponseError;
use crate::operation::Operation;
use ::std::time::Duration;

/// What an operation's call came to: its output, or its error.
pub type Outcome<O> = Result<<O as Operation>::Output, ResponseError<<O as Operation>::Error>>;

/// What an acceptor says when it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// The wait is over: the resource is as wanted.
    Success,
    /// The wait is over: the resource will never be as wanted.
    Failure,
    /// Not yet: poll again.
    Retry,
}

impl State {
    /// `success`, `failure` or `retry`, as the model writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            State::Success => "success",
            State::Failure => "failure",
            State::Retry => "retry",
        }
    }
}

/// One acceptor of a waiter, as the model gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Acceptor {
    /// What it says when it matches.
    pub state: State,
    /// What it matches, in words: ``every `Fleets[].State` is `"RUNNING"` ``.
    pub matcher: &'static str,
}

/// A waiter of the model: the operation it polls, its acceptors, and the model's delays.
/// Generated code implements it, one unit struct per waiter.
pub trait Waiter {
    /// The operation it polls, like `DescribeFleets`.
    type Operation: Operation;
    /// The waiter's name, like `FleetStarted`.
    const NAME: &'static str;
    /// The model's `delay`: the least time between two polls.
    const DELAY: Duration;
    /// The model's `maxAttempts`: with [`Waiter::DELAY`], how long botocore waits at most.
    const MAX_ATTEMPTS: u32;
    /// The acceptors, in the model's order.
    const ACCEPTORS: &'static [Acceptor];

    /// The index in [`Waiter::ACCEPTORS`] of the first acceptor that matches `outcome`.
    fn matching(outcome: &Outcome<Self::Operation>) -> Option<usize>;
}
