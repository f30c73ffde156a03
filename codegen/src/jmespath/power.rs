//! jmespath.py's binding powers: how strongly each operator binds to the expression before it.
//! The parser parses by them and `Display` writes back by them, so both read them here.

pub(super) const PIPE: u8 = 1;
pub(super) const OR: u8 = 2;
pub(super) const AND: u8 = 3;
pub(super) const COMPARE: u8 = 5;
pub(super) const FLATTEN: u8 = 9;
/// Tokens binding less than this end a projection's right-hand side: a projection with
/// nothing after it takes any token binding this much or more.
pub(super) const PROJECTION_STOP: u8 = 10;
pub(super) const STAR: u8 = 20;
pub(super) const FILTER: u8 = 21;
pub(super) const DOT: u8 = 40;
pub(super) const NOT: u8 = 45;
pub(super) const BRACE: u8 = 50;
pub(super) const BRACKET: u8 = 55;
pub(super) const PAREN: u8 = 60;
