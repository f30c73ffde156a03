//! What went wrong reading or writing CBOR, and where.

use ::std::fmt;

/// A CBOR body that could not be read (or a value that could not be written): what was wrong,
/// and the offset of the data item it was found in, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
    offset: Option<usize>,
}

impl Error {
    pub(crate) fn at(message: impl Into<String>, offset: usize) -> Self {
        Error { message: message.into(), offset: Some(offset) }
    }

    /// The same error, placed at `offset` unless it already has a place.
    pub(crate) fn or_at(mut self, offset: usize) -> Self {
        self.offset.get_or_insert(offset);
        self
    }

    /// What was wrong, without the offset.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte offset of the data item the error was found in.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(f, "{} at byte {offset}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl ::std::error::Error for Error {}

impl ::serde::de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error { message: message.to_string(), offset: None }
    }
}

impl ::serde::ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error { message: message.to_string(), offset: None }
    }
}
