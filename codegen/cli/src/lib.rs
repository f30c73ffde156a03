//! What the `codegen` command does beyond generating: [`diff`] tells what a model update
//! changes and whether it breaks code or the wire, [`conformance`] runs protocol test suites
//! against generated code, [`verify`] checks bodies captured from real traffic against the
//! model, and [`endpoints`] runs botocore's endpoint tests against a rule set. Generating itself is [awsjson-codegen]'s, the library build scripts
//! use without any of this.
//!
//! [awsjson-codegen]: https://docs.rs/awsjson-codegen

mod cbor_item;
pub mod conformance;
pub mod diff;
pub mod endpoints;
pub mod verify;
mod wire_float;
