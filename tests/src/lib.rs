//! Wire-format tests for the generated crates live in `tests/`.
