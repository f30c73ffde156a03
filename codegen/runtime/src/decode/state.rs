//! What a decode in progress knows beyond serde's reach: whether to track the JSON path and
//! correct missing members, the path so far, and the members corrected.
//!
//! serde gives `Deserialize` impls no context, so it lives in thread-locals that
//! [`from_body`](super::from_body) sets around a decode. A plain `serde_json::from_slice` leaves
//! them off: then nothing is tracked and a missing required member is an error, as serde has it.

pub(crate) use crate::path::Segment;
use crate::path::render;
use ::std::cell::{Cell, RefCell};

thread_local! {
    /// Whether this thread's decode tracks paths (and so may correct): read at every member, so
    /// a cell of its own.
    static TRACKING: Cell<bool> = const { Cell::new(false) };
    static STATE: RefCell<State> = const { RefCell::new(State::new()) };
}

struct State {
    correcting: bool,
    path: Vec<Segment<'static>>,
    corrected: Vec<String>,
}

impl State {
    const fn new() -> Self {
        State { correcting: false, path: Vec::new(), corrected: Vec::new() }
    }
}

/// Whether the decode tracks paths. Asked at every member: inlined into generated code, where a
/// call cost more than the check.
#[inline]
pub(crate) fn tracking() -> bool {
    TRACKING.with(Cell::get)
}

/// Runs `decode` tracking paths, correcting missing required members if `correcting`; gives
/// its result, the path where it stopped, and the paths of the members it corrected.
pub(crate) fn tracked<T>(correcting: bool, decode: impl FnOnce() -> T) -> (T, String, Vec<String>) {
    STATE.with(|state| *state.borrow_mut() = State { correcting, ..State::new() });
    TRACKING.with(|tracking| tracking.set(true));
    let result = decode();
    TRACKING.with(|tracking| tracking.set(false));
    let State { path, corrected, .. } = STATE.with(|state| state.replace(State::new()));
    (result, render(&path), corrected)
}

pub(crate) fn push(segment: Segment<'static>) {
    STATE.with(|state| state.borrow_mut().path.push(segment));
}

pub(crate) fn pop() {
    STATE.with(|state| state.borrow_mut().path.pop());
}

/// Whether a missing required member `member` is corrected (and then records it); else it is an
/// error, and the path ends in it.
pub(crate) fn correct(member: &'static str) -> bool {
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        state.path.push(Segment::Member(member));
        if !state.correcting {
            return false;
        }
        let path = render(&state.path);
        state.path.pop();
        state.corrected.push(path);
        true
    })
}

/// Whether a null value at the current path (a map entry whose values cannot be null) is
/// dropped (then recorded), as Smithy asks clients to; else it is an error.
pub(crate) fn drop_null() -> bool {
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        if !state.correcting {
            return false;
        }
        let path = render(&state.path);
        state.corrected.push(path);
        true
    })
}
