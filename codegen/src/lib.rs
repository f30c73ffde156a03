//! Generates Rust types whose serde form is the awsJson wire format, from botocore
//! `service-2.json` models.
//!
//! The pipeline has three stages with hard borders: [`model`] parses the JSON losslessly,
//! [`ir`] resolves, names and validates it, and `emit` turns the IR into formatted Rust.
//! [`Builder`] drives it from a build script; the `codegen` binary from the command line.

mod builder;
pub mod conformance;
pub mod diff;
pub(crate) mod emit;
pub mod error;
pub mod ir;
pub mod model;
pub mod runtime;

pub use self::builder::{Builder, Summary, check, generate, load_model, subset_json};
pub use self::error::{Error, Location, Problem};
