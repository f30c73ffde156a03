//! What the runtime's own tests share.

use crate::{ErrorResponse, ServiceError, UnmodeledError};

/// Test operations whose errors are all unmodeled.
impl ServiceError for UnmodeledError {
    fn from_error_response(response: &ErrorResponse<'_>) -> Self {
        response.to_unmodeled()
    }

    fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}
