//! A request that got no answer, as the caller's HTTP client reports it.

use ::std::fmt;
use ::std::io;

/// Why a request got no answer: what a client hands to [`Classifier::classify`] when its
/// HTTP client fails. botocore retries every connection error; so do these, except
/// [`TransportErrorKind::Other`].
///
/// [`Classifier::classify`]: super::Classifier::classify
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError {
    kind: TransportErrorKind,
    detail: String,
}

/// What kind of failure a [`TransportError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection was made: refused, unreachable, a name that did not resolve.
    Connect,
    /// The connection was reset or closed before the whole answer came.
    Reset,
    /// No answer in time.
    Timeout,
    /// A failure that would come again: a bad URL, a certificate refused, a bug.
    Other,
}

impl TransportError {
    /// A failure of `kind`; `detail` is what the HTTP client said.
    pub fn new(kind: TransportErrorKind, detail: impl Into<String>) -> Self {
        TransportError { kind, detail: detail.into() }
    }

    /// The kind of an I/O error, by its [`io::ErrorKind`].
    pub fn from_io(error: &io::Error) -> Self {
        use io::ErrorKind as Io;
        let kind = match error.kind() {
            Io::ConnectionRefused
            | Io::AddrNotAvailable
            | Io::NotConnected
            | Io::HostUnreachable
            | Io::NetworkUnreachable => TransportErrorKind::Connect,
            Io::ConnectionReset
            | Io::ConnectionAborted
            | Io::BrokenPipe
            | Io::UnexpectedEof
            | Io::NetworkDown => TransportErrorKind::Reset,
            Io::TimedOut | Io::WouldBlock => TransportErrorKind::Timeout,
            _ => TransportErrorKind::Other,
        };
        Self::new(kind, error.to_string())
    }

    /// What kind of failure it is.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// What the HTTP client said.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// Whether trying again may help: every kind but [`TransportErrorKind::Other`].
    pub fn is_retryable(&self) -> bool {
        self.kind != TransportErrorKind::Other
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Connect => "no connection could be made",
            TransportErrorKind::Reset => "the connection closed before the answer came",
            TransportErrorKind::Timeout => "no answer came in time",
            TransportErrorKind::Other => "the request could not be sent",
        };
        if self.detail.is_empty() {
            f.write_str(what)
        } else {
            write!(f, "{what}: {}", self.detail)
        }
    }
}

impl ::std::error::Error for TransportError {}

#[cfg(test)]
mod tests {
    use super::{TransportError, TransportErrorKind};
    use std::io;

    #[test]
    fn io_errors_are_sorted_by_kind() {
        let cases = [
            (io::ErrorKind::ConnectionRefused, TransportErrorKind::Connect),
            (io::ErrorKind::ConnectionReset, TransportErrorKind::Reset),
            (io::ErrorKind::UnexpectedEof, TransportErrorKind::Reset),
            (io::ErrorKind::TimedOut, TransportErrorKind::Timeout),
            (io::ErrorKind::WouldBlock, TransportErrorKind::Timeout),
            (io::ErrorKind::InvalidInput, TransportErrorKind::Other),
        ];
        for (io_kind, kind) in cases {
            let error = TransportError::from_io(&io::Error::new(io_kind, "x"));
            assert_eq!(error.kind(), kind, "{io_kind:?}");
            assert_eq!(error.is_retryable(), kind != TransportErrorKind::Other);
        }
    }

    #[test]
    fn displays_what_happened_and_what_the_client_said() {
        let reset = TransportError::new(TransportErrorKind::Reset, "connection reset by peer");
        assert_eq!(
            reset.to_string(),
            "the connection closed before the answer came: connection reset by peer"
        );
        assert_eq!(
            TransportError::new(TransportErrorKind::Timeout, "").to_string(),
            "no answer came in time"
        );
    }
}
