//! JSON paths, as decode errors and validation name values: `Fleets[0].Tags["Owner"].Name`.

use ::std::borrow::Cow;
use ::std::fmt::Write as _;

/// One step of a JSON path.
pub(crate) enum Segment<'a> {
    Member(&'a str),
    Index(usize),
    /// The value of a map entry.
    Key(Cow<'a, str>),
    /// A map entry's key itself.
    KeyItself(&'a str),
}

/// How much of a map key a path shows.
const KEY_SHOWN: usize = 64;

/// The path as text; long keys are cut.
pub(crate) fn render(path: &[Segment<'_>]) -> String {
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Member(name) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            Segment::Index(index) => {
                let _ = write!(text, "[{index}]");
            }
            Segment::Key(key) => {
                let _ = write!(text, "[{:?}]", super::decode::bounded(key, KEY_SHOWN));
            }
            Segment::KeyItself(key) => {
                let _ = write!(text, "[{:?}] (the key)", super::decode::bounded(key, KEY_SHOWN));
            }
        }
    }
    text
}
