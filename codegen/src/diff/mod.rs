//! `codegen diff`'s changelog: what a model update changes, operation by operation.
//!
//! Old and new models are walked in parallel from each operation's input and output, member by
//! member name. Each updated operation gets the deltas botocore's changelog shows: a nested
//! Python literal of what was added (`{'VpcConfig': {'SecurityGroupIds': ['string']}}`).

mod api;
mod changelog;
mod literal;
#[cfg(test)]
mod tests;
mod walk;

pub use self::changelog::{Changelog, OperationDelta, changelog};
