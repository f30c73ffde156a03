//! An operation as a pair of pure functions: input to HTTP request, HTTP response to output.

use super::error::{DecodeError, EncodeError, ResponseError};
use super::error_response::ErrorResponse;

/// An HTTP request ready to sign and send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Always `POST` for awsJson.
    pub method: &'static str,
    /// Always `/` for awsJson.
    pub path: &'static str,
    /// `X-Amz-Target`, then `Content-Type`.
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body.
    pub body: Vec<u8>,
    /// What goes before the endpoint's host name (`data-` for `data-service.example.com`),
    /// for operations whose model gives an endpoint `hostPrefix`.
    pub host_prefix: Option<String>,
}

/// An operation's error type: built from any error response, modeled or not.
///
/// An error like any other (`Display`, `Debug`, `Send`, `Sync`), so code generic over an
/// [`Operation`] can pass it on with `?`.
pub trait ServiceError: ::std::error::Error + Send + Sync + Sized + 'static {
    /// Picks the error shape by [`ErrorResponse::code`] and reads it; a code that matches no
    /// shape should give an unmodeled error rather than fail. Fails only if a modeled body is
    /// malformed.
    fn from_error_response(response: &ErrorResponse<'_>) -> Result<Self, DecodeError>;

    /// The error code, like `ResourceNotFoundException`: a modeled error's shape name, or the
    /// code an unmodeled error came with.
    fn code(&self) -> &str;

    /// The error message, if the error has one.
    fn message(&self) -> Option<&str>;
}

/// One awsJson operation of a service.
pub trait Operation {
    /// The operation's name, like `DescribeFleets`.
    const NAME: &'static str;
    /// The `X-Amz-Target` header value, like `PhotonAdminProxyService.DescribeFleets`.
    const TARGET: &'static str;
    /// The `Content-Type` header value, like `application/x-amz-json-1.1`.
    const CONTENT_TYPE: &'static str;
    /// The request body type.
    type Input: ::serde::Serialize;
    /// The successful response body type.
    type Output: ::serde::de::DeserializeOwned;
    /// The error type.
    type Error: ServiceError;

    /// The host prefix of the model's endpoint `hostPrefix`, its `{Label}`s filled in from
    /// the input; `None` for operations without one.
    fn host_prefix(input: &Self::Input) -> Result<Option<String>, EncodeError> {
        let _ = input;
        Ok(None)
    }

    /// Builds the request: `POST /` with the target and content type headers and a JSON body.
    fn request(input: &Self::Input) -> Result<Request, EncodeError> {
        Ok(Request {
            host_prefix: Self::host_prefix(input)?,
            method: "POST",
            path: "/",
            headers: vec![
                ("X-Amz-Target", Self::TARGET.to_owned()),
                ("Content-Type", Self::CONTENT_TYPE.to_owned()),
            ],
            body: ::serde_json::to_vec(input)?,
        })
    }

    /// Reads a response: a 2xx body as the output, anything else as an error.
    fn parse_response(
        status: u16,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Self::Output, ResponseError<Self::Error>> {
        if (200..=299).contains(&status) {
            return Ok(super::decode::from_body(body)?);
        }
        let response = ErrorResponse::parse(status, headers, body);
        match Self::Error::from_error_response(&response) {
            Ok(error) => Err(ResponseError::Service(error)),
            Err(error) => Err(ResponseError::Decode(error)),
        }
    }
}

/// The input or output of an operation the model gives none: written as `{}`, read from any
/// JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Empty;

impl ::serde::Serialize for Empty {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ::serde::ser::SerializeMap::end(serializer.serialize_map(Some(0))?)
    }
}

impl<'de> ::serde::Deserialize<'de> for Empty {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <::serde::de::IgnoredAny as ::serde::Deserialize>::deserialize(deserializer)?;
        Ok(Empty)
    }
}

#[cfg(test)]
mod tests {
    use super::super::error::{DecodeError, ResponseError, UnmodeledError};
    use super::super::error_response::ErrorResponse;
    use super::{Empty, Operation, Request, ServiceError};
    use serde::{Deserialize, Serialize};

    #[derive(Serialize)]
    struct Input {
        #[serde(rename = "Names")]
        names: Vec<String>,
        #[serde(rename = "NextToken", skip_serializing_if = "Option::is_none")]
        next_token: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Output {
        #[serde(rename = "Count")]
        count: u32,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct NotFound {
        #[serde(rename = "Message")]
        message: Option<String>,
    }

    #[derive(Debug, PartialEq)]
    enum Error {
        NotFound(NotFound),
        Unmodeled(UnmodeledError),
    }

    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.code())
        }
    }

    impl std::error::Error for Error {}

    impl ServiceError for Error {
        fn from_error_response(response: &ErrorResponse<'_>) -> Result<Self, DecodeError> {
            match response.code() {
                "ResourceNotFoundException" => Ok(Self::NotFound(response.parse_body()?)),
                _ => Ok(Self::Unmodeled(response.to_unmodeled())),
            }
        }

        fn code(&self) -> &str {
            match self {
                Self::NotFound(_) => "ResourceNotFoundException",
                Self::Unmodeled(error) => &error.code,
            }
        }

        fn message(&self) -> Option<&str> {
            match self {
                Self::NotFound(error) => error.message.as_deref(),
                Self::Unmodeled(error) => error.message.as_deref(),
            }
        }
    }

    struct Describe;

    impl Operation for Describe {
        const NAME: &'static str = "Describe";
        const TARGET: &'static str = "Test_20240101.Describe";
        const CONTENT_TYPE: &'static str = "application/x-amz-json-1.1";
        type Input = Input;
        type Output = Output;
        type Error = Error;
    }

    struct Ping;

    impl Operation for Ping {
        const NAME: &'static str = "Ping";
        const TARGET: &'static str = "Test_20240101.Ping";
        const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
        type Input = Empty;
        type Output = Empty;
        type Error = Error;
    }

    #[test]
    fn builds_the_request() {
        let input = Input { names: vec!["a".to_owned()], next_token: None };
        let expected = Request {
            method: "POST",
            path: "/",
            headers: vec![
                ("X-Amz-Target", "Test_20240101.Describe".to_owned()),
                ("Content-Type", "application/x-amz-json-1.1".to_owned()),
            ],
            body: br#"{"Names":["a"]}"#.to_vec(),
            host_prefix: None,
        };
        assert_eq!(Describe::request(&input).unwrap(), expected);
    }

    #[test]
    fn empty_input_writes_an_empty_object() {
        let request = Ping::request(&Empty).unwrap();
        assert_eq!(request.body, b"{}");
        assert_eq!(request.headers[1].1, "application/x-amz-json-1.0");
        assert_eq!(Ping::parse_response(200, &[], b"").unwrap(), Empty);
        assert_eq!(Ping::parse_response(200, &[], br#"{"x":[1,null]}"#).unwrap(), Empty);
    }

    #[test]
    fn reads_a_success() {
        let output = Describe::parse_response(200, &[], br#"{"Count":3,"New":true}"#).unwrap();
        assert_eq!(output, Output { count: 3 });
        let Err(ResponseError::Decode(error)) = Describe::parse_response(204, &[], b"") else {
            panic!("expected a decode error");
        };
        assert_eq!(
            error.to_string(),
            "at `Count`: missing required member `Count` at line 1 column 2"
        );
    }

    #[test]
    fn reads_a_modeled_error() {
        let body = br#"{"__type":"com.amazon#ResourceNotFoundException","Message":"no fleet"}"#;
        let result = Describe::parse_response(400, &[], body);
        let Err(ResponseError::Service(Error::NotFound(shape))) = result else {
            panic!("expected NotFound, got {result:?}");
        };
        assert_eq!(shape.message.as_deref(), Some("no fleet"));
        let error = Error::NotFound(shape);
        assert_eq!(
            (error.code(), error.message()),
            ("ResourceNotFoundException", Some("no fleet"))
        );
    }

    #[test]
    fn keeps_an_unmodeled_error() {
        let headers = [("x-amzn-ErrorType", "ThrottlingException:http://internal/")];
        let result = Describe::parse_response(400, &headers, br#"{"message":"slow down"}"#);
        let Err(ResponseError::Service(Error::Unmodeled(error))) = result else {
            panic!("expected Unmodeled, got {result:?}");
        };
        assert_eq!(error.code, "ThrottlingException");
        assert_eq!(error.message.as_deref(), Some("slow down"));
        assert_eq!(error.status, 400);
        let error = Error::Unmodeled(error);
        assert_eq!((error.code(), error.message()), ("ThrottlingException", Some("slow down")));
    }

    #[test]
    fn server_error_with_empty_body() {
        let result = Describe::parse_response(500, &[], b"");
        let Err(ResponseError::Service(Error::Unmodeled(error))) = result else {
            panic!("expected Unmodeled, got {result:?}");
        };
        assert_eq!(error, UnmodeledError { code: String::new(), message: None, status: 500 });
    }

    #[test]
    fn malformed_modeled_error_is_a_decode_error() {
        let body = br#"{"__type":"ResourceNotFoundException","Message":5}"#;
        let Err(ResponseError::Decode(error)) = Describe::parse_response(404, &[], body) else {
            panic!("expected a decode error");
        };
        assert_eq!(error.path(), "Message");
    }
}
