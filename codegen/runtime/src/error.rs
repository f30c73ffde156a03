//! Errors from encoding requests and decoding responses.

use ::std::fmt;

/// A response body that could not be read into the expected type.
///
/// Displays as ``at `Fleets[0].Name`: missing required member `Name` at line 1 column 20``, or
/// just the message when the failure is at the body's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    path: String,
    message: String,
}

impl DecodeError {
    /// An error at `path` (`""` for the body's root) saying `message`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into() }
    }

    /// Where in the body it failed, like `Fleets[0].VpcConfig.SubnetIds[1]`; `""` is the root.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What went wrong there.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "at `{}`: {}", self.path, self.message)
        }
    }
}

impl ::std::error::Error for DecodeError {}

/// A request that could not be built: the input could not be written as JSON, or a member
/// bound to the endpoint's host is not a valid host label.
#[derive(Debug)]
pub struct EncodeError(EncodeErrorKind);

#[derive(Debug)]
enum EncodeErrorKind {
    Body(::serde_json::Error),
    HostLabel { member: &'static str, why: String },
}

impl EncodeError {
    /// Member `member`, a host label, cannot go into the host name: `why` says what is wrong.
    pub fn host_label(member: &'static str, why: impl Into<String>) -> Self {
        Self(EncodeErrorKind::HostLabel { member, why: why.into() })
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            EncodeErrorKind::Body(_) => f.write_str("cannot encode the request body"),
            EncodeErrorKind::HostLabel { member, why } => {
                write!(f, "cannot put member `{member}` in the host name: {why}")
            }
        }
    }
}

impl ::std::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match &self.0 {
            EncodeErrorKind::Body(error) => Some(error),
            EncodeErrorKind::HostLabel { .. } => None,
        }
    }
}

impl From<::serde_json::Error> for EncodeError {
    fn from(error: ::serde_json::Error) -> Self {
        Self(EncodeErrorKind::Body(error))
    }
}

/// An error response whose code matches no error shape of the operation.
///
/// Displays as `ThrottlingException (HTTP 400): Rate exceeded`, without the `: …` part when
/// there is no message, and with `unknown error` when there is no code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmodeledError {
    /// The error code with any namespace and `:` suffix removed; empty if the response had none.
    pub code: String,
    /// The error message, if the response had one.
    pub message: Option<String>,
    /// The HTTP status code.
    pub status: u16,
}

impl fmt::Display for UnmodeledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = if self.code.is_empty() { "unknown error" } else { &self.code };
        write!(f, "{code} (HTTP {})", self.status)?;
        match &self.message {
            Some(message) => write!(f, ": {message}"),
            None => Ok(()),
        }
    }
}

impl ::std::error::Error for UnmodeledError {}

/// Why a call did not give the operation's output.
#[derive(Debug)]
pub enum ResponseError<E> {
    /// The service answered with an error (modeled or not).
    Service(E),
    /// The response body could not be read.
    Decode(DecodeError),
}

/// Shows the inner error unchanged.
impl<E: fmt::Display> fmt::Display for ResponseError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Service(error) => error.fmt(f),
            Self::Decode(error) => error.fmt(f),
        }
    }
}

/// Transparent: `Display` already shows the inner error, so `source` is the inner error's source.
impl<E: ::std::error::Error + 'static> ::std::error::Error for ResponseError<E> {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            Self::Service(error) => error.source(),
            Self::Decode(error) => error.source(),
        }
    }
}

impl<E> From<DecodeError> for ResponseError<E> {
    fn from(error: DecodeError) -> Self {
        Self::Decode(error)
    }
}

#[cfg(test)]
mod tests {
    use super::{DecodeError, EncodeError, ResponseError, UnmodeledError};
    use std::error::Error as _;

    #[test]
    fn decode_error_display() {
        let nested = DecodeError::new("Fleets[0].Name", "missing required member `Name`");
        assert_eq!(nested.to_string(), "at `Fleets[0].Name`: missing required member `Name`");
        assert_eq!(nested.path(), "Fleets[0].Name");
        assert_eq!(nested.message(), "missing required member `Name`");
        assert_eq!(DecodeError::new("", "EOF").to_string(), "EOF");
    }

    #[test]
    fn unmodeled_error_display() {
        let mut error = UnmodeledError {
            code: "ThrottlingException".to_owned(),
            message: Some("Rate exceeded".to_owned()),
            status: 400,
        };
        assert_eq!(error.to_string(), "ThrottlingException (HTTP 400): Rate exceeded");
        error.message = None;
        assert_eq!(error.to_string(), "ThrottlingException (HTTP 400)");
        error.code.clear();
        error.status = 503;
        assert_eq!(error.to_string(), "unknown error (HTTP 503)");
    }

    #[test]
    fn encode_error_keeps_its_source() {
        let inner = serde_json::from_str::<u8>("x").unwrap_err();
        let error = EncodeError::from(inner);
        assert_eq!(error.to_string(), "cannot encode the request body");
        assert!(error.source().unwrap().to_string().starts_with("expected value"));
        let label = EncodeError::host_label("Name", "it is empty");
        assert_eq!(label.to_string(), "cannot put member `Name` in the host name: it is empty");
        assert!(label.source().is_none());
    }

    #[test]
    fn response_error_is_transparent() {
        let error: ResponseError<UnmodeledError> = DecodeError::new("", "bad").into();
        assert_eq!(error.to_string(), "bad");
        assert!(error.source().is_none());
        let service = ResponseError::Service(UnmodeledError {
            code: "Boom".to_owned(),
            message: None,
            status: 500,
        });
        assert_eq!(service.to_string(), "Boom (HTTP 500)");
    }
}
