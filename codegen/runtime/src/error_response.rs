//! The parts of an error response every awsJson error shares: status, code and message.

use super::error::{DecodeError, ResponseMeta, UnmodeledError};
use super::headers::{Headers, request_id};

/// An error response (status 300 or more), read far enough to tell which error it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorResponse<'a> {
    status: u16,
    request_id: Option<String>,
    code: String,
    message: Option<String>,
    body: &'a [u8],
}

impl<'a> ErrorResponse<'a> {
    /// Reads the error code and message from the headers and body. Never fails: a body that is
    /// empty or not a JSON object (say, a proxy's HTML page) just has no code or message.
    ///
    /// The code is the first non-empty of the `X-Amzn-ErrorType` header (name in any case), the
    /// body's `__type`, the body's `code`, each passed through [`sanitize_error_code`]. The
    /// message is the body's `message`, else its `Message`; values that are not strings are
    /// ignored. The request id is kept from the headers.
    pub fn parse<H: Headers + ?Sized>(status: u16, headers: &H, body: &'a [u8]) -> Self {
        let fields = ::serde_json::from_slice::<Fields>(body).unwrap_or_default();
        let header = headers.header("x-amzn-errortype");
        let code = [header, text(&fields.type_), text(&fields.code)]
            .into_iter()
            .flatten()
            .map(sanitize_error_code)
            .find(|code| !code.is_empty())
            .unwrap_or_default()
            .to_owned();
        let message = into_text(fields.message).or_else(|| into_text(fields.message_upper));
        Self { status, request_id: request_id(headers), code, message, body }
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The request id (`x-amzn-RequestId`), if the answer had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The status and request id.
    pub fn meta(&self) -> ResponseMeta {
        ResponseMeta::new(self.status, self.request_id.clone())
    }

    /// The sanitized error code, like `ResourceNotFoundException`; empty if there was none.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The error message, if there was one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The raw response body.
    pub fn body(&self) -> &'a [u8] {
        self.body
    }

    /// Reads the body as a modeled error shape.
    pub fn parse_body<T: ::serde::de::DeserializeOwned>(&self) -> Result<T, DecodeError> {
        super::decode::from_body(self.body)
    }

    /// The code, message and status as an error no shape describes.
    pub fn to_unmodeled(&self) -> UnmodeledError {
        UnmodeledError {
            code: self.code.clone(),
            message: self.message.clone(),
            status: self.status,
        }
    }
}

/// Strips a namespace (up to the last `#`) and a suffix (from the first `:`), then whitespace:
/// `aws.protocoltests#FooError:http://internal.amazon.com/` gives `FooError`.
pub fn sanitize_error_code(raw: &str) -> &str {
    let name = raw.rsplit_once('#').map_or(raw, |(_, name)| name);
    name.split_once(':').map_or(name, |(name, _)| name).trim()
}

/// The four members that may name and describe the error; other members are ignored.
#[derive(Default, ::serde::Deserialize)]
struct Fields {
    #[serde(rename = "__type", default)]
    type_: Option<Lenient>,
    #[serde(default)]
    code: Option<Lenient>,
    #[serde(default)]
    message: Option<Lenient>,
    #[serde(rename = "Message", default)]
    message_upper: Option<Lenient>,
}

/// A string, or any other value (ignored), so one odd member cannot hide the others.
#[derive(::serde::Deserialize)]
#[serde(untagged)]
enum Lenient {
    Text(String),
    Other(::serde::de::IgnoredAny),
}

fn text(field: &Option<Lenient>) -> Option<&str> {
    match field {
        Some(Lenient::Text(text)) => Some(text),
        Some(Lenient::Other(_)) | None => None,
    }
}

fn into_text(field: Option<Lenient>) -> Option<String> {
    match field {
        Some(Lenient::Text(text)) => Some(text),
        Some(Lenient::Other(_)) | None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{ErrorResponse, sanitize_error_code};

    #[test]
    fn sanitizes_codes() {
        let cases = [
            ("aws.protocoltests#FooError:http://internal.amazon.com/", "FooError"),
            ("FooError:http://x", "FooError"),
            ("ns#FooError", "FooError"),
            ("a#b#FooError", "FooError"),
            (" FooError ", "FooError"),
            ("FooError", "FooError"),
            ("", ""),
            ("ns#", ""),
        ];
        for (raw, code) in cases {
            assert_eq!(sanitize_error_code(raw), code, "{raw:?}");
        }
    }

    #[test]
    fn header_wins_over_body() {
        let body = br#"{"__type":"BodyError","message":"m"}"#;
        let response = ErrorResponse::parse(400, &[("X-Amzn-ErrorType", "HeaderError:x")], body);
        assert_eq!(response.code(), "HeaderError");
        assert_eq!(response.message(), Some("m"));
        let lower = ErrorResponse::parse(400, &[("x-amzn-errortype", "ns#Lower")], body);
        assert_eq!(lower.code(), "Lower");
    }

    #[test]
    fn type_wins_over_code() {
        let response = ErrorResponse::parse(400, &[], br#"{"code":"Second","__type":"ns#First"}"#);
        assert_eq!(response.code(), "First");
        let response = ErrorResponse::parse(400, &[], br#"{"code":"OnlyCode","__type":7}"#);
        assert_eq!(response.code(), "OnlyCode");
    }

    #[test]
    fn message_or_capitalized_message() {
        let lower = ErrorResponse::parse(400, &[], br#"{"Message":"upper","message":"lower"}"#);
        assert_eq!(lower.message(), Some("lower"));
        let upper = ErrorResponse::parse(400, &[], br#"{"Message":"upper"}"#);
        assert_eq!(upper.message(), Some("upper"));
        let null = ErrorResponse::parse(400, &[], br#"{"message":null,"Message":"upper"}"#);
        assert_eq!(null.message(), Some("upper"));
        let odd = ErrorResponse::parse(400, &[], br#"{"message":{"a":[1]},"__type":"X"}"#);
        assert_eq!((odd.code(), odd.message()), ("X", None));
    }

    #[test]
    fn empty_and_html_bodies_have_no_fields() {
        for body in [&b""[..], b"<html><body>Bad Gateway</body></html>", b"[1]", b"{"] {
            let response = ErrorResponse::parse(502, &[], body);
            assert_eq!((response.code(), response.message()), ("", None));
            assert_eq!(response.status(), 502);
            assert_eq!(response.body(), body);
            let unmodeled = response.to_unmodeled();
            assert_eq!(unmodeled.to_string(), "unknown error (HTTP 502)");
        }
    }

    #[test]
    fn parses_a_modeled_body() {
        #[derive(serde::Deserialize)]
        struct NotFound {
            #[serde(rename = "Message")]
            message: Option<String>,
        }
        let response = ErrorResponse::parse(400, &[], br#"{"__type":"NotFound","Message":"gone"}"#);
        let shape: NotFound = response.parse_body().unwrap();
        assert_eq!(shape.message.as_deref(), Some("gone"));
    }
}
