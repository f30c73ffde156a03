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
    /// An error at `path` (`""` for the body's root) saying `message`; a message that quotes
    /// much of the input is cut (to 512 characters), so it stays readable whatever came.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        let message = match super::decode::bounded(&message, 512) {
            ::std::borrow::Cow::Borrowed(_) => message,
            ::std::borrow::Cow::Owned(cut) => cut,
        };
        Self { path: path.into(), message }
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

/// A request that could not be built: the input breaks the model's constraints
/// ([`EncodeError::violations`] lists them all), could not be written as JSON, a member bound
/// to the endpoint's host is not a valid host label, or (with the `http` feature) the `http`
/// crate refused the URL or a header.
#[derive(Debug)]
pub struct EncodeError(EncodeErrorKind);

#[derive(Debug)]
enum EncodeErrorKind {
    Body(::serde_json::Error),
    HostLabel {
        member: &'static str,
        why: String,
    },
    Invalid(crate::validate::Violations),
    NoRandomSource(String),
    Protocol(String),
    #[cfg(feature = "cbor")]
    Cbor(crate::cbor::Error),
    #[cfg(feature = "http")]
    Http(String),
}

impl EncodeError {
    /// Member `member`, a host label, cannot go into the host name: `why` says what is wrong.
    pub fn host_label(member: &'static str, why: impl Into<String>) -> Self {
        Self(EncodeErrorKind::HostLabel { member, why: why.into() })
    }

    /// The input breaks constraints of the model.
    pub fn invalid(violations: crate::validate::Violations) -> Self {
        Self(EncodeErrorKind::Invalid(violations))
    }

    /// The operating system gave no random bytes for an idempotency token (`why` says what it
    /// said); [`crate::RequestOptions::idempotency_token`] gives one instead.
    pub fn no_random_source(why: impl ::std::fmt::Display) -> Self {
        Self(EncodeErrorKind::NoRandomSource(why.to_string()))
    }

    /// The request cannot go over the protocol asked for: `why` says why (the service does not
    /// speak it, the runtime was built without its feature, a shape it cannot carry).
    pub fn protocol(why: impl Into<String>) -> Self {
        Self(EncodeErrorKind::Protocol(why.into()))
    }

    /// The violations, for an input that breaks constraints of the model.
    pub fn violations(&self) -> Option<&crate::validate::Violations> {
        match &self.0 {
            EncodeErrorKind::Invalid(violations) => Some(violations),
            _ => None,
        }
    }

    /// The `http` crate refused the request (`why` says what it said).
    #[cfg(feature = "http")]
    pub(crate) fn http(why: String) -> Self {
        Self(EncodeErrorKind::Http(why))
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            EncodeErrorKind::Body(_) => f.write_str("cannot encode the request body"),
            EncodeErrorKind::HostLabel { member, why } => {
                write!(f, "cannot put member `{member}` in the host name: {why}")
            }
            EncodeErrorKind::Invalid(violations) => {
                write!(f, "the input breaks the model's constraints: {violations}")
            }
            EncodeErrorKind::NoRandomSource(why) => {
                write!(f, "no random bytes for an idempotency token: {why}")
            }
            EncodeErrorKind::Protocol(why) => f.write_str(why),
            #[cfg(feature = "cbor")]
            EncodeErrorKind::Cbor(_) => f.write_str("cannot encode the request body as CBOR"),
            #[cfg(feature = "http")]
            EncodeErrorKind::Http(why) => write!(f, "cannot build the HTTP request: {why}"),
        }
    }
}

impl ::std::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match &self.0 {
            EncodeErrorKind::Body(error) => Some(error),
            EncodeErrorKind::HostLabel { .. }
            | EncodeErrorKind::NoRandomSource(_)
            | EncodeErrorKind::Protocol(_) => None,
            #[cfg(feature = "cbor")]
            EncodeErrorKind::Cbor(error) => Some(error),
            EncodeErrorKind::Invalid(violations) => Some(violations),
            #[cfg(feature = "http")]
            EncodeErrorKind::Http(_) => None,
        }
    }
}

impl From<::serde_json::Error> for EncodeError {
    fn from(error: ::serde_json::Error) -> Self {
        Self(EncodeErrorKind::Body(error))
    }
}

#[cfg(feature = "cbor")]
impl From<crate::cbor::Error> for EncodeError {
    fn from(error: crate::cbor::Error) -> Self {
        Self(EncodeErrorKind::Cbor(error))
    }
}

/// An error response that is none of the operation's modeled errors: its code matches no error
/// shape, or its body does not read as the shape its code names ([`UnmodeledError::unreadable`]
/// says why). The code, message and status are kept either way.
///
/// Displays as `ThrottlingException (HTTP 400): Rate exceeded`, without the `: …` part when
/// there is no message, and as `error without a code (HTTP 503)` when there is no code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmodeledError {
    /// The error code with any namespace and `:` suffix removed; `None` if the response named
    /// none.
    pub code: Option<String>,
    /// The error message, if the response had one (a body that is not JSON is its message).
    pub message: Option<String>,
    /// The HTTP status code.
    pub status: u16,
    /// Why the body did not read as the modeled error its code names; `None` when the code
    /// names none. Boxed: it is rare, and errors travel in `Result`s.
    pub unreadable: Option<Box<DecodeError>>,
}

impl fmt::Display for UnmodeledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{code} (HTTP {})", self.status)?,
            None => write!(f, "error without a code (HTTP {})", self.status)?,
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        match &self.unreadable {
            Some(why) => write!(f, " (the body does not read as that error: {why})"),
            None => Ok(()),
        }
    }
}

impl ::std::error::Error for UnmodeledError {}

/// What an answer says about itself besides its body: the HTTP status and the request id
/// (`x-amzn-RequestId`), the first thing AWS support asks for; for an error, the delay it asks
/// for and the classic code of a query-compatible service.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ResponseMeta {
    /// The HTTP status code.
    pub status: u16,
    /// The `x-amzn-RequestId` header (else `x-amz-request-id`), if the answer had one.
    pub request_id: Option<String>,
    /// What the answer asked the client to wait before trying again (`x-amz-retry-after`,
    /// `Retry-After`; see [`retry_after`](crate::retry::retry_after)).
    pub retry_after: Option<::std::time::Duration>,
    /// The `x-amzn-query-error` header of an error from an `awsQueryCompatible` service (SQS):
    /// its error code from the days of the query protocol, and who is at fault. Boxed: only
    /// one service in a hundred sends it, and errors travel in `Result`s.
    pub query_error: Option<Box<QueryError>>,
}

impl ResponseMeta {
    /// The meta of an answer with `status` and `request_id`.
    pub fn new(status: u16, request_id: Option<String>) -> Self {
        ResponseMeta { status, request_id, retry_after: None, query_error: None }
    }
}

/// An `awsQueryCompatible` service's `x-amzn-query-error` header,
/// `AWS.SimpleQueueService.NonExistentQueue;Sender`, read as botocore reads it: the code
/// before the `;`, the fault after it. A header without exactly one `;`, or with nothing before
/// it, is not read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct QueryError {
    /// The query protocol's error code, like `AWS.SimpleQueueService.NonExistentQueue`: the code
    /// botocore reports for the error, and the model's `error.code` of its shape.
    pub code: String,
    /// `Sender` (the caller's fault) or `Receiver` (the service's).
    pub fault: String,
}

impl QueryError {
    /// Reads a header value; `None` for one botocore would not read.
    pub fn parse(header: &str) -> Option<Self> {
        let mut parts = header.split(';');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(code), Some(fault), None) if !code.is_empty() => {
                Some(QueryError { code: code.to_owned(), fault: fault.to_owned() })
            }
            _ => None,
        }
    }
}

/// Why a call did not give the operation's output; either way it keeps the status and request
/// id of the answer ([`ResponseError::meta`]).
///
/// Displays as the inner error, then the request id: `LimitExceededException: The fleet limit
/// is reached (request id 8c2f…)`.
///
/// The two variants are all a response can give, so a `match` can name both; each may gain
/// fields, so patterns end in `..`.
#[derive(Debug)]
pub enum ResponseError<E> {
    /// The service answered with an error, modeled or not.
    #[non_exhaustive]
    Service { error: E, meta: ResponseMeta },
    /// The response body could not be read.
    #[non_exhaustive]
    Decode { error: DecodeError, meta: ResponseMeta },
}

impl<E> ResponseError<E> {
    /// The service answered with `error` (for a client's own tests, or a stand-in service).
    pub fn new_service(error: E, meta: ResponseMeta) -> Self {
        Self::Service { error, meta }
    }

    /// The answer's body could not be read.
    pub fn new_decode(error: DecodeError, meta: ResponseMeta) -> Self {
        Self::Decode { error, meta }
    }

    /// The service's error, if the service answered with one.
    pub fn service(&self) -> Option<&E> {
        match self {
            Self::Service { error, .. } => Some(error),
            Self::Decode { .. } => None,
        }
    }

    /// The service's error, or `self` when the body could not be read.
    pub fn into_service(self) -> Result<E, Self> {
        match self {
            Self::Service { error, .. } => Ok(error),
            decode @ Self::Decode { .. } => Err(decode),
        }
    }

    /// The status and request id of the answer.
    pub fn meta(&self) -> &ResponseMeta {
        match self {
            Self::Service { meta, .. } | Self::Decode { meta, .. } => meta,
        }
    }

    /// The answer's request id, if it had one.
    pub fn request_id(&self) -> Option<&str> {
        self.meta().request_id.as_deref()
    }

    /// The answer's HTTP status.
    pub fn status(&self) -> u16 {
        self.meta().status
    }
}

impl<E: fmt::Display> fmt::Display for ResponseError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Service { error, .. } => error.fmt(f)?,
            Self::Decode { error, .. } => error.fmt(f)?,
        }
        match self.request_id() {
            Some(id) => write!(f, " (request id {id})"),
            None => Ok(()),
        }
    }
}

/// `Display` already shows the inner error, so `source` is the inner error's source.
impl<E: ::std::error::Error + 'static> ::std::error::Error for ResponseError<E> {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            Self::Service { error, .. } => error.source(),
            Self::Decode { error, .. } => error.source(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DecodeError, EncodeError, ResponseError, ResponseMeta, UnmodeledError};
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
            code: Some("ThrottlingException".to_owned()),
            message: Some("Rate exceeded".to_owned()),
            status: 400,
            unreadable: None,
        };
        assert_eq!(error.to_string(), "ThrottlingException (HTTP 400): Rate exceeded");
        error.message = None;
        assert_eq!(error.to_string(), "ThrottlingException (HTTP 400)");
        error.unreadable = Some(Box::new(DecodeError::new("Reason", "invalid type: integer `5`")));
        assert_eq!(
            error.to_string(),
            "ThrottlingException (HTTP 400) (the body does not read as that error: at `Reason`: \
             invalid type: integer `5`)"
        );
        error.code = None;
        error.unreadable = None;
        error.status = 503;
        assert_eq!(error.to_string(), "error without a code (HTTP 503)");
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
    fn response_error_shows_the_inner_error_and_the_request_id() {
        let meta = ResponseMeta::new(200, None);
        let error: ResponseError<UnmodeledError> =
            ResponseError::Decode { error: DecodeError::new("", "bad"), meta };
        assert_eq!(error.to_string(), "bad");
        assert!(error.source().is_none());
        assert!(error.service().is_none());
        let unmodeled = UnmodeledError {
            code: Some("Boom".to_owned()),
            message: None,
            status: 500,
            unreadable: None,
        };
        let meta = ResponseMeta::new(500, Some("8c2f-41".to_owned()));
        let service = ResponseError::Service { error: unmodeled.clone(), meta };
        assert_eq!(service.to_string(), "Boom (HTTP 500) (request id 8c2f-41)");
        assert_eq!((service.status(), service.request_id()), (500, Some("8c2f-41")));
        assert_eq!(service.into_service().ok(), Some(unmodeled));
    }
}
