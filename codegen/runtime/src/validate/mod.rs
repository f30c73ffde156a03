//! The model's constraints, checked: lengths, ranges, patterns, enum values, host labels.
//!
//! Every generated type implements [`Validate`]. [`Validate::validate`] checks every
//! constraint the model gives the value and everything in it, and reports **all** the
//! violations at once, each with its JSON path, the constraint and the value:
//!
//! - `min`/`max` of strings (counted in Unicode scalar values, as Smithy counts), blobs
//!   (bytes), lists (items) and maps (entries); `min`/`max` of numbers;
//! - `pattern`s, as ECMAScript regular expressions (compiled once, on first use);
//! - enum values the model does not list, and union members it does not list (both are kept
//!   when read, since AWS adds values without notice, and reported here);
//! - members with `hostLabel`, which must be able to go into a host name.
//!
//! Required members and a union's one member are held by the types themselves (a required
//! member is no `Option`), so values built in Rust always have them; `codegen verify` checks
//! them in JSON bodies.
//!
//! [`Operation::request`](crate::Operation::request) validates its input before it builds
//! the request; [`RequestOptions::without_validation`](crate::RequestOptions::without_validation)
//! skips that, for testing the service's own validation. Outputs are checked only when asked.
//! Sensitive values are never shown in violations.

mod pattern;
mod regex_syntax;
mod validator;
mod violation;

pub use self::pattern::Pattern;
pub use self::validator::Validator;
pub use self::violation::{Bound, Constraint, Unit, Violation, Violations};

/// A value whose model constraints can be checked.
pub trait Validate {
    /// Checks every constraint of the value and what it holds, recording each violation in
    /// `validator` at its path (relative to where the validator stands).
    fn validate_into<'a>(&'a self, validator: &mut Validator<'a>);

    /// Checks every constraint; `Err` holds all the violations, in the value's order.
    fn validate(&self) -> Result<(), Violations> {
        let mut validator = Validator::new();
        self.validate_into(&mut validator);
        validator.finish()
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into<'a>(&'a self, validator: &mut Validator<'a>) {
        (**self).validate_into(validator);
    }
}

/// Any JSON: a document has no constraints.
impl Validate for crate::Document {
    fn validate_into<'a>(&'a self, _: &mut Validator<'a>) {}
}

impl Validate for crate::Empty {
    fn validate_into<'a>(&'a self, _: &mut Validator<'a>) {}
}

#[cfg(test)]
mod tests;
