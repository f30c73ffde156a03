//! What one attempt of a call came to when it did not succeed.

use super::{Classification, Classifier, Retryable, TransportError};
use crate::error::ResponseError;
use crate::operation::ServiceError;
use ::std::fmt;

/// A failed attempt: the service's answer was an error (or did not read), or no answer came.
/// What a client's attempt closure gives [`RetryStrategy::run`](super::RetryStrategy::run).
#[derive(Debug)]
pub enum AttemptError<E> {
    /// The service answered with an error, or an answer that did not read.
    Response(ResponseError<E>),
    /// No answer came.
    Transport(TransportError),
}

impl<E: ServiceError> Retryable for AttemptError<E> {
    fn classify(&self, classifier: &Classifier) -> Classification {
        match self {
            AttemptError::Response(error) => error.classify(classifier),
            AttemptError::Transport(error) => error.classify(classifier),
        }
    }
}

impl<E> From<ResponseError<E>> for AttemptError<E> {
    fn from(error: ResponseError<E>) -> Self {
        AttemptError::Response(error)
    }
}

impl<E> From<TransportError> for AttemptError<E> {
    fn from(error: TransportError) -> Self {
        AttemptError::Transport(error)
    }
}

impl<E: fmt::Display> fmt::Display for AttemptError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttemptError::Response(error) => error.fmt(f),
            AttemptError::Transport(error) => error.fmt(f),
        }
    }
}

/// `Display` already shows the inner error, so `source` is the inner error's source.
impl<E: ::std::error::Error + 'static> ::std::error::Error for AttemptError<E> {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            AttemptError::Response(error) => error.source(),
            AttemptError::Transport(error) => error.source(),
        }
    }
}
