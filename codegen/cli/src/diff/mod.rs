//! `codegen diff OLD NEW`: what a model update changes, what it does to the generated Rust, and
//! whether it breaks code that uses the crate or messages on the wire.
//!
//! The changelog walks old and new models in parallel from each operation's input and output,
//! member by member name, and gives the deltas botocore's changelog shows: a nested Python
//! literal of what was added (`{'VpcConfig': {'SecurityGroupIds': ['string']}}`). The Rust
//! impact compares the two IRs item by item, and judges each change for callers and the wire.

mod api;
mod changelog;
mod impact;
mod literal;
mod members;
mod report;
#[cfg(test)]
mod tests;
mod types;
mod verdict;
mod waiters;
mod walk;

pub use self::changelog::{Changelog, OperationDelta, changelog};
pub use self::impact::rust_impact;
pub use self::report::{ModelError, Report, Waiters, compare, diff, diff_with, diff_with_waiters};
pub use self::verdict::{Change, Judgement, Overall, Release, Verdict};
