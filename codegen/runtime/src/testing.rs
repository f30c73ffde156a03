//! What the runtime's own tests share.

use crate::{DecodeError, ErrorResponse, ServiceError, UnmodeledError};

/// Test operations whose errors are all unmodeled.
impl ServiceError for UnmodeledError {
    fn from_error_response(response: &ErrorResponse<'_>) -> Result<Self, DecodeError> {
        Ok(response.to_unmodeled())
    }

    fn code(&self) -> &str {
        &self.code
    }

    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}
