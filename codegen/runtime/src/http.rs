//! Interop with the `http` crate (feature `http`), the types most Rust HTTP clients take and
//! give: a [`Request`] becomes an `http::Request`, and responses are read from an
//! `http::Response` or `http::HeaderMap` (see [`Operation::parse_http_response`] and
//! [`Headers`](super::Headers)).
//!
//! [`Operation::parse_http_response`]: super::Operation::parse_http_response

use super::endpoint::Endpoint;
use super::error::EncodeError;
use super::request::Request;

#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl Request {
    /// The request as an `http::Request` to `endpoint`: the method, the URL with the host prefix
    /// and paths joined ([`Request::url`]), a `Host` header (signers sign it), and every header
    /// and the body as they are, then the headers of a resolved endpoint ([`Endpoint::headers`]).
    pub fn into_http(self, endpoint: &Endpoint) -> Result<::http::Request<Vec<u8>>, EncodeError> {
        let mut builder = ::http::Request::builder()
            .method(self.method)
            .uri(self.url(endpoint))
            .header(::http::header::HOST, self.authority(endpoint));
        for (name, value) in &self.headers {
            builder = builder.header(*name, value.as_str());
        }
        for (name, value) in endpoint.headers() {
            builder = builder.header(name.as_str(), value.as_str());
        }
        builder.body(self.body).map_err(|error| EncodeError::http(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Endpoint, Operation, Protocol, Service};

    struct Put;

    impl Operation for Put {
        const NAME: &'static str = "Put";
        const TARGET: &'static str = "Test_20240101.Put";
        const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
        const SERVICE: Service = Service::new("Test_20240101", Protocol::AwsJson1_0);
        type Input = crate::Document;
        type Output = crate::Document;
        type Error = crate::UnmodeledError;

        fn host_prefix(_: &Self::Input) -> Result<Option<String>, crate::EncodeError> {
            Ok(Some("data-".to_owned()))
        }
    }

    #[test]
    fn a_request_becomes_an_http_request_to_the_endpoint() {
        let endpoint = Endpoint::parse("http://localhost:4566/custom/");
        let endpoint = endpoint.unwrap_or_else(|error| panic!("{error}"));
        let input = serde_json::json!({"Key": "v"});
        let request = Put::http_request(&input, &endpoint).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(request.method(), "POST");
        assert_eq!(request.uri(), "http://data-localhost:4566/custom/");
        let headers: Vec<(&str, &str)> = (request.headers().iter())
            .map(|(name, value)| (name.as_str(), value.to_str().unwrap_or("<not text>")))
            .collect();
        assert_eq!(
            headers,
            [
                ("host", "data-localhost:4566"),
                ("x-amz-target", "Test_20240101.Put"),
                ("content-type", "application/x-amz-json-1.0"),
                ("content-length", "11"),
            ]
        );
        assert_eq!(request.body(), br#"{"Key":"v"}"#);
    }

    #[test]
    fn a_response_is_read_from_an_http_response_with_any_byte_body() {
        let response = http::Response::builder()
            .status(200)
            .header("x-amzn-RequestId", "r-1")
            .body(r#"{"Count":3}"#.to_owned());
        let response = response.unwrap_or_else(|error| panic!("{error}"));
        let output = Put::parse_http_response(&response).ok();
        assert_eq!(output, Some(serde_json::json!({"Count": 3})));
        let failure = http::Response::builder()
            .status(503)
            .header("X-Amzn-ErrorType", "ServiceUnavailable")
            .header("x-amzn-requestid", "r-2")
            .body(Vec::<u8>::new());
        let failure = failure.unwrap_or_else(|error| panic!("{error}"));
        let error = Put::parse_http_response(&failure).err();
        let error = error.map(|error| (error.to_string(), error.request_id().map(str::to_owned)));
        assert_eq!(
            error,
            Some((
                "ServiceUnavailable (HTTP 503) (request id r-2)".to_owned(),
                Some("r-2".to_owned())
            ))
        );
    }
}
