//! AWS endpoint rule sets: botocore's `endpoint-rule-set-1.json` (Smithy's rules engine) read,
//! type-checked and evaluated, with the partition table (`partitions.json`).

mod jmespath;
mod partitions;
mod stdlib;

pub use self::jmespath::{ContextPath, ContextPathError};
pub use self::partitions::{Partition, Partitions, PartitionsError};
