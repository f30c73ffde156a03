//! The small runtime every generated file carries with it.
//!
//! This source is compiled and unit-tested as part of `codegen`, and the emitter copies it
//! (without its tests) into each generated file as `pub mod runtime { … }`. So every file here
//! names external crates by absolute path (`::serde`, `::serde_json`, `::std`), reaches sibling
//! modules only through `super::`, and never uses `crate::`.

pub mod blob;
pub mod datetime;
pub mod decode;
pub mod enums;
pub mod error;
pub mod error_response;
pub mod host;
pub mod operation;
pub mod union;
pub mod wire;

pub use self::blob::Blob;
pub use self::datetime::{DateTime, DateTimeError};
pub use self::enums::{UnknownInteger, UnknownValue};
pub use self::error::{DecodeError, EncodeError, ResponseError, UnmodeledError};
pub use self::error_response::ErrorResponse;
pub use self::operation::{Empty, Operation, Request, ServiceError};
pub use self::union::UnknownMember;
pub use self::wire::Document;
