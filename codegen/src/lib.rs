//! Generates Rust types whose serde form is the awsJson wire format, from botocore
//! `service-2.json` models.
//!
//! The pipeline has three stages with hard borders: [`model`] parses the JSON losslessly,
//! [`ir`] resolves, names and validates it, and [`emit`] turns the IR into formatted Rust.
//! [`Builder`] drives it from a build script. The command line (`codegen generate`, `check`,
//! `subset`, `diff`, `conformance`) is the separate awsjson-cli package, so a build script
//! compiles the generator alone.
//!
//! Generated code holds only the service's own items; what all services share (`DateTime`,
//! `Blob`, the `Operation` trait, the error types) is the [awsjson-runtime] crate, the one
//! dependency a crate of generated code needs:
//!
//! ```toml
//! [dependencies]
//! awsjson-runtime = "0.1"
//!
//! [build-dependencies]
//! awsjson-codegen = "0.1"
//! ```
//!
//! A model may offer Smithy RPC v2 CBOR beside awsJson, or alone: generated calls speak
//! awsJson where it is offered (as botocore chooses), else CBOR, and [`Builder::protocol`]
//! picks another of the model's protocols as the default. Operations that reach a `document`,
//! which CBOR cannot carry, go over awsJson only; each is a [`Warning`].
//!
//! [awsjson-runtime]: https://docs.rs/awsjson-runtime

mod builder;
pub mod emit;
pub mod error;
pub mod ir;
/// JMESPath, the language of waiters' acceptors: parser, syntax tree and reference interpreter.
pub mod jmespath;
pub mod model;
mod output;
mod protocol;
mod selection;
mod warning;

pub use self::builder::{Builder, Summary, check, generate, load_model, subset_json};
pub use self::emit::{Decoding, StructStyle};
pub use self::error::{Error, Fix, Location, Problem};
pub use self::output::write_file;
pub use self::protocol::Protocol;
pub use self::warning::Warning;

/// The README's build script, compiled as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
