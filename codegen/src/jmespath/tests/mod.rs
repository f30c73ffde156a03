//! Tests of the parser, the printer and the interpreter, from the JMESPath specification.

mod compliance;
mod errors;
mod evaluate;
mod robustness;
mod support;
mod syntax;
