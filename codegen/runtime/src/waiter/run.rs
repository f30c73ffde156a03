//! The wait itself: poll, judge the answer by the acceptors, sleep, poll again.

use super::{Outcome, State, WaitConfig, Waiter};
use crate::error::ResponseError;
use crate::operation::Operation;
use crate::retry::Jitter;
use ::std::convert::Infallible;
use ::std::fmt;
use ::std::time::Duration;

type OutputOf<W> = <<W as Waiter>::Operation as Operation>::Output;
/// An acceptor's test of an output.
type OutputTest<W> = Box<dyn Fn(&OutputOf<W>) -> bool + Send + Sync>;

/// An acceptor of the caller's, on the operation's output.
struct CallerAcceptor<W: Waiter> {
    name: String,
    state: State,
    test: OutputTest<W>,
}

impl<W: Waiter> CallerAcceptor<W> {
    fn new(
        name: impl Into<String>,
        state: State,
        test: impl Fn(&OutputOf<W>) -> bool + Send + Sync + 'static,
    ) -> Self {
        CallerAcceptor { name: name.into(), state, test: Box::new(test) }
    }
}

/// The acceptor that ended a wait.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Matched {
    /// The model's acceptor at `index`, which matches what `matcher` says.
    Model { index: usize, state: State, matcher: &'static str },
    /// An acceptor the caller added, by the name it was given.
    Caller { name: String, state: State },
}

impl Matched {
    /// What the acceptor says.
    pub fn state(&self) -> State {
        match self {
            Matched::Model { state, .. } | Matched::Caller { state, .. } => *state,
        }
    }
}

impl fmt::Display for Matched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Matched::Model { index, state, matcher } => {
                write!(f, "acceptor {index} ({}: {matcher})", state.as_str())
            }
            Matched::Caller { name, state } => {
                write!(f, "the caller's acceptor `{name}` ({})", state.as_str())
            }
        }
    }
}

/// A wait that reached its success state.
#[derive(Debug)]
#[non_exhaustive]
pub struct Finished<O: Operation> {
    /// The answer that matched: an output, or an error an acceptor waits for (DynamoDB's
    /// `TableNotExists` succeeds on `ResourceNotFoundException`).
    pub outcome: Result<O::Output, ResponseError<O::Error>>,
    /// The acceptor that matched it.
    pub acceptor: Matched,
    /// The polls made.
    pub attempts: u32,
}

/// Why a wait ended without success. `X` is what the caller's poll can fail with itself.
#[derive(Debug)]
#[non_exhaustive]
pub enum WaitError<O: Operation, X = Infallible> {
    /// A failure acceptor matched: the resource will not get there.
    Failure {
        acceptor: Matched,
        /// Boxed: a whole answer, in an error that travels in `Result`s.
        outcome: Box<Result<O::Output, ResponseError<O::Error>>>,
        attempts: u32,
    },
    /// The service answered with an error no acceptor expects.
    Unexpected { error: Box<ResponseError<O::Error>>, attempts: u32 },
    /// The wait's time ran out; `last` is the last answer.
    Timeout {
        waited: Duration,
        attempts: u32,
        last: Box<Result<O::Output, ResponseError<O::Error>>>,
    },
    /// The caller's poll failed (no answer came, say).
    Poll(X),
}

impl<O: Operation, X: fmt::Display> fmt::Display for WaitError<O, X>
where
    O::Error: fmt::Display,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Failure { acceptor, attempts, .. } => {
                write!(f, "the wait failed after {attempts} polls: {acceptor} matched")
            }
            WaitError::Unexpected { error, attempts } => {
                write!(f, "poll {attempts} got an error no acceptor expects: {error}")
            }
            WaitError::Timeout { waited, attempts, .. } => write!(
                f,
                "no acceptor said success or failure in {:.1} s ({attempts} polls)",
                waited.as_secs_f64()
            ),
            WaitError::Poll(error) => write!(f, "a poll failed: {error}"),
        }
    }
}

impl<O: Operation + fmt::Debug, X: ::std::error::Error> ::std::error::Error for WaitError<O, X> where
    O::Output: fmt::Debug
{
}

/// What to do after a poll.
pub enum Poll<O: Operation> {
    /// Sleep this long, then poll again.
    Again(Duration),
    /// The wait is over.
    Done(Result<Finished<O>, WaitError<O>>),
}

impl<O: Operation + fmt::Debug> fmt::Debug for Poll<O>
where
    O::Output: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Poll::Again(delay) => f.debug_tuple("Again").field(delay).finish(),
            Poll::Done(result) => f.debug_tuple("Done").field(result).finish(),
        }
    }
}

/// One wait for `W`, driven by the caller: poll, hand the answer to [`Wait::judge`], sleep what
/// it says, and so on until it says done. [`wait`] is the loop for callers that can block.
///
/// ```ignore
/// let mut waiting = Wait::<FleetStarted>::new(WaitConfig::of::<FleetStarted>());
/// let started = tokio::time::Instant::now();
/// let finished = loop {
///     let outcome = client.call::<DescribeFleets>(&input).await?;
///     match waiting.judge(outcome, started.elapsed()) {
///         Poll::Again(delay) => tokio::time::sleep(delay).await,
///         Poll::Done(result) => break result?,
///     }
/// };
/// ```
pub struct Wait<W: Waiter> {
    config: WaitConfig,
    jitter: Jitter,
    first: Vec<CallerAcceptor<W>>,
    last: Vec<CallerAcceptor<W>>,
    attempts: u32,
}

impl<W: Waiter> fmt::Debug for Wait<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = |acceptors: &[CallerAcceptor<W>]| {
            acceptors.iter().map(|acceptor| acceptor.name.clone()).collect::<Vec<_>>()
        };
        f.debug_struct("Wait")
            .field("waiter", &W::NAME)
            .field("config", &self.config)
            .field("first", &names(&self.first))
            .field("last", &names(&self.last))
            .field("attempts", &self.attempts)
            .finish()
    }
}

impl<W: Waiter> Wait<W> {
    /// A wait with `config`'s delays and the model's acceptors only.
    pub fn new(config: WaitConfig) -> Self {
        let jitter = config.jitter();
        Wait { config, jitter, first: Vec::new(), last: Vec::new(), attempts: 0 }
    }

    /// Adds an acceptor of the caller's, asked before the model's: when `test` holds for an
    /// output, the wait says `state`. Named for the error or answer that says it matched.
    pub fn acceptor_first(
        mut self,
        name: impl Into<String>,
        state: State,
        test: impl Fn(&OutputOf<W>) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.first.push(CallerAcceptor::new(name, state, test));
        self
    }

    /// Adds an acceptor of the caller's, asked after the model's.
    pub fn acceptor_last(
        mut self,
        name: impl Into<String>,
        state: State,
        test: impl Fn(&OutputOf<W>) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.last.push(CallerAcceptor::new(name, state, test));
        self
    }

    /// The polls judged so far.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// Judges one poll's answer, `elapsed` into the wait: done (success, failure, an error no
    /// acceptor expects, out of time) or the delay before the next poll.
    pub fn judge(
        &mut self,
        outcome: Outcome<W::Operation>,
        elapsed: Duration,
    ) -> Poll<W::Operation> {
        self.attempts += 1;
        let attempts = self.attempts;
        match self.matching(&outcome) {
            Some(acceptor) if acceptor.state() == State::Success => {
                return Poll::Done(Ok(Finished { outcome, acceptor, attempts }));
            }
            Some(acceptor) if acceptor.state() == State::Failure => {
                let outcome = Box::new(outcome);
                return Poll::Done(Err(WaitError::Failure { acceptor, outcome, attempts }));
            }
            Some(_) => {}
            // Smithy: an error that no acceptor matches ends the wait.
            None => {
                if let Err(error) = outcome {
                    let error = Box::new(error);
                    return Poll::Done(Err(WaitError::Unexpected { error, attempts }));
                }
            }
        }
        match self.config.delay(attempts, elapsed, &mut self.jitter) {
            Some(delay) => Poll::Again(delay),
            None => {
                let last = Box::new(outcome);
                Poll::Done(Err(WaitError::Timeout { waited: elapsed, attempts, last }))
            }
        }
    }

    fn matching(&self, outcome: &Outcome<W::Operation>) -> Option<Matched> {
        let caller = |acceptors: &[CallerAcceptor<W>]| {
            let output = outcome.as_ref().ok()?;
            let found = acceptors.iter().find(|acceptor| (acceptor.test)(output))?;
            Some(Matched::Caller { name: found.name.clone(), state: found.state })
        };
        caller(&self.first)
            .or_else(|| {
                let index = W::matching(outcome)?;
                let acceptor = W::ACCEPTORS.get(index)?;
                Some(Matched::Model { index, state: acceptor.state, matcher: acceptor.matcher })
            })
            .or_else(|| caller(&self.last))
    }
}

/// Waits by blocking: `poll()` calls the operation, `sleep` waits, `clock` says how long the
/// wait has taken (`|| started.elapsed()`, or a fake clock in tests). Gives the answer that
/// matched a success acceptor, or why the wait ended without one.
pub fn wait<W: Waiter, X>(
    mut waiting: Wait<W>,
    mut poll: impl FnMut() -> Result<Outcome<W::Operation>, X>,
    mut sleep: impl FnMut(Duration),
    mut clock: impl FnMut() -> Duration,
) -> Result<Finished<W::Operation>, WaitError<W::Operation, X>> {
    loop {
        let outcome = poll().map_err(WaitError::Poll)?;
        match waiting.judge(outcome, clock()) {
            Poll::Again(delay) => sleep(delay),
            Poll::Done(result) => return result.map_err(widen),
        }
    }
}

fn widen<O: Operation, X>(error: WaitError<O>) -> WaitError<O, X> {
    match error {
        WaitError::Failure { acceptor, outcome, attempts } => {
            WaitError::Failure { acceptor, outcome, attempts }
        }
        WaitError::Unexpected { error, attempts } => WaitError::Unexpected { error, attempts },
        WaitError::Timeout { waited, attempts, last } => {
            WaitError::Timeout { waited, attempts, last }
        }
        WaitError::Poll(never) => match never {},
    }
}
