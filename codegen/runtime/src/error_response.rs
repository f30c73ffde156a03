//! The parts of an error response every error shares, over either protocol: status, code,
//! message, request id. Read so that nothing a server sends, however odd, loses them.

use super::decode::{Decoding, bounded};
use super::error::{DecodeError, QueryError, ResponseMeta, UnmodeledError};
use super::headers::{Headers, request_id};
use super::json::from_body_with;
use super::protocol::Protocol;
use ::serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use ::std::borrow::Cow;
use ::std::fmt;

/// The most of a body that is not JSON kept as the message (a proxy's HTML page, say).
const TEXT_LIMIT: usize = 1024;

/// An error response (status 300 or more), read far enough to tell which error it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorResponse<'a> {
    status: u16,
    request_id: Option<String>,
    retry_after: Option<::std::time::Duration>,
    query_error: Option<QueryError>,
    code: Option<String>,
    message: Option<String>,
    body: &'a [u8],
    decoding: Decoding,
    protocol: Protocol,
    /// Why the body was not read at all (a Smithy RPC v2 CBOR response without its
    /// `Smithy-Protocol` header), kept in the unmodeled error.
    unread: Option<DecodeError>,
}

impl<'a> ErrorResponse<'a> {
    /// Reads the error code and message from the headers and body. Never fails.
    ///
    /// The code is the first of the `X-Amzn-ErrorType` header (name in any case), the body's
    /// `code` and the body's `__type` that says one, in Smithy's order, each passed through
    /// [`sanitize_error_code`]. The message is the body's `message`, `Message` or
    /// `errorMessage`, in that order; members of other types, members given twice and bytes
    /// that are not UTF-8 hide nothing else. A body that is not a JSON object is kept as the
    /// message, cut to 1,024 characters: `Bad Gateway`, an HTML page. The request id, the
    /// delay asked for ([`crate::retry::retry_after`]) and `x-amzn-query-error`
    /// ([`QueryError`], sent by `awsQueryCompatible` services, read wherever it comes as
    /// botocore reads it) are kept from the headers.
    pub fn parse<H: Headers + ?Sized>(status: u16, headers: &H, body: &'a [u8]) -> Self {
        let text = String::from_utf8_lossy(body);
        let (fields, is_object) = Fields::read(&text);
        let header = headers.header("x-amzn-errortype");
        let code = [header, fields.code.as_deref(), fields.type_.as_deref()]
            .into_iter()
            .flatten()
            .map(sanitize_error_code)
            .find(|code| !code.is_empty())
            .map(str::to_owned);
        let message = [fields.message, fields.message_upper, fields.error_message]
            .into_iter()
            .flatten()
            .next()
            .or_else(|| {
                let trimmed = text.trim();
                (!is_object && !trimmed.is_empty())
                    .then(|| bounded(trimmed, TEXT_LIMIT).into_owned())
            });
        Self::from_parts(status, headers, body, Protocol::AwsJson1_1, code, message)
    }

    /// A response with the code and message a protocol's reader found, and what the headers
    /// say on every protocol: the request id, the delay asked for, the query error.
    fn from_parts<H: Headers + ?Sized>(
        status: u16,
        headers: &H,
        body: &'a [u8],
        protocol: Protocol,
        code: Option<String>,
        message: Option<String>,
    ) -> Self {
        Self {
            status,
            request_id: request_id(headers),
            retry_after: crate::retry::retry_after(headers),
            query_error: headers.header("x-amzn-query-error").and_then(QueryError::parse),
            code,
            message,
            body,
            decoding: Decoding::default(),
            protocol,
            unread: None,
        }
    }

    /// Reads a Smithy RPC v2 CBOR error response. Never fails.
    ///
    /// The code is the body's `__type`, passed through [`sanitize_error_code`]: the protocol
    /// says `X-Amzn-ErrorType` is to be ignored and `code` not used. The message is the body's
    /// `message` or `Message`. A body that is not a CBOR map but is text is kept as the
    /// message, cut to 1,024 characters. The request id, the delay asked for and
    /// `x-amzn-query-error` are read as for awsJson.
    #[cfg(feature = "cbor")]
    #[cfg_attr(docsrs, doc(cfg(feature = "cbor")))]
    pub fn parse_cbor<H: Headers + ?Sized>(status: u16, headers: &H, body: &'a [u8]) -> Self {
        let mut fields = Fields::default();
        let body_or_empty = crate::cbor::or_empty_map(body);
        let mut deserializer = crate::cbor::Deserializer::from_slice(body_or_empty);
        let is_map = FieldsSeed(&mut fields).deserialize(&mut deserializer).is_ok()
            || body_or_empty.first().is_some_and(|initial| initial >> 5 == 5);
        let code = fields.type_.as_deref().map(sanitize_error_code);
        let code = code.filter(|code| !code.is_empty()).map(str::to_owned);
        let message = fields.message.or(fields.message_upper).or_else(|| {
            let text = ::std::str::from_utf8(body).ok().map(str::trim).unwrap_or_default();
            (!is_map && !text.is_empty()).then(|| bounded(text, TEXT_LIMIT).into_owned())
        });
        Self::from_parts(status, headers, body, Protocol::RpcV2Cbor, code, message)
    }

    /// An error response whose body is not read, because `why`: only its status and headers
    /// count. The unmodeled error it gives keeps `why` as [`UnmodeledError::unreadable`].
    pub fn unread<H: Headers + ?Sized>(
        status: u16,
        headers: &H,
        body: &'a [u8],
        protocol: Protocol,
        why: DecodeError,
    ) -> Self {
        // By its status alone: no code or message from its headers either.
        let unread = Some(why);
        Self { unread, ..Self::from_parts(status, headers, body, protocol, None, None) }
    }

    /// The same response, its modeled error read with `decoding` (default: correcting).
    pub fn with_decoding(mut self, decoding: Decoding) -> Self {
        self.decoding = decoding;
        self
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The request id (`x-amzn-RequestId`), if the answer had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The status, request id, delay asked for and query error.
    pub fn meta(&self) -> ResponseMeta {
        ResponseMeta {
            retry_after: self.retry_after,
            query_error: self.query_error.clone().map(Box::new),
            ..ResponseMeta::new(self.status, self.request_id.clone())
        }
    }

    /// The `x-amzn-query-error` of a query-compatible service, if the answer had one.
    pub fn query_error(&self) -> Option<&QueryError> {
        self.query_error.as_ref()
    }

    /// The sanitized error code, like `ResourceNotFoundException`; `None` if the response
    /// named none.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The error message, if there was one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The raw response body.
    pub fn body(&self) -> &'a [u8] {
        self.body
    }

    /// The protocol the response was read by.
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// Reads the body as a modeled error shape, in the response's protocol, as
    /// [`ErrorResponse::with_decoding`] says.
    pub fn parse_body<T: ::serde::de::DeserializeOwned>(&self) -> Result<T, DecodeError> {
        if let Some(why) = &self.unread {
            return Err(why.clone());
        }
        match self.protocol {
            #[cfg(feature = "cbor")]
            Protocol::RpcV2Cbor => crate::cbor::from_body_with(self.body, self.decoding),
            _ => from_body_with(self.body, self.decoding),
        }
        .map(|decoded| decoded.value)
    }

    /// The body as the error shape its code names, or, when the body does not read as one, an
    /// unmodeled error that keeps the code, message and status, and says why.
    pub fn modeled<T: ::serde::de::DeserializeOwned>(&self) -> Result<T, UnmodeledError> {
        self.parse_body().map_err(|reason| UnmodeledError {
            unreadable: Some(Box::new(reason)),
            ..self.to_unmodeled()
        })
    }

    /// The operation's error this response is, as a [`ResponseError`] with its status and
    /// request id.
    pub(crate) fn into_response_error<E: crate::ServiceError>(self) -> crate::ResponseError<E> {
        let error = E::from_error_response(&self);
        crate::ResponseError::Service { error, meta: self.meta() }
    }

    /// The code, message and status as an error no shape describes.
    pub fn to_unmodeled(&self) -> UnmodeledError {
        UnmodeledError {
            code: self.code.clone(),
            message: self.message.clone(),
            status: self.status,
            unreadable: self.unread.clone().map(Box::new),
        }
    }
}

/// Strips a suffix (from the first `:`), then a namespace (up to the first `#`), then
/// whitespace, as Smithy says: `aws.protocoltests#FooError:http://internal.amazon.com/` gives
/// `FooError`, and so does `FooError:http://internal.amazon.com/coral/#x`.
pub fn sanitize_error_code(raw: &str) -> &str {
    let name = raw.split_once(':').map_or(raw, |(name, _)| name);
    name.split_once('#').map_or(name, |(_, name)| name).trim()
}

/// The members that may name and describe the error, as far as the body could be read.
#[derive(Default)]
struct Fields {
    type_: Option<String>,
    code: Option<String>,
    message: Option<String>,
    message_upper: Option<String>,
    error_message: Option<String>,
}

impl Fields {
    /// What `text` says, and whether it is a JSON object. Reading stops at anything broken,
    /// keeping what came before it.
    fn read(text: &str) -> (Fields, bool) {
        let mut fields = Fields::default();
        let mut deserializer = ::serde_json::Deserializer::from_str(text);
        let read = FieldsSeed(&mut fields).deserialize(&mut deserializer);
        let is_object = read.is_ok() || text.trim_start().starts_with('{');
        (fields, is_object)
    }

    fn slot(&mut self, key: &str) -> Option<&mut Option<String>> {
        match key {
            "__type" => Some(&mut self.type_),
            "code" => Some(&mut self.code),
            "message" => Some(&mut self.message),
            "Message" => Some(&mut self.message_upper),
            "errorMessage" => Some(&mut self.error_message),
            _ => None,
        }
    }
}

struct FieldsSeed<'f>(&'f mut Fields);

impl<'de> DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FieldsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body (an object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match self.0.slot(&key) {
                // The first string given wins; a later one, or one of another type, is skipped.
                Some(slot) => {
                    let value = map.next_value::<Lenient>()?;
                    if slot.is_none() {
                        *slot = value.0;
                    }
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A string, or any other value (as `None`), so one odd member cannot hide the others.
struct Lenient(Option<String>);

impl<'de> ::serde::Deserialize<'de> for Lenient {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor)
    }
}

struct LenientVisitor;

impl<'de> Visitor<'de> for LenientVisitor {
    type Value = Lenient;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Lenient, E> {
        Ok(Lenient(Some(text.to_owned())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Lenient, E> {
        Ok(Lenient(Some(text)))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Lenient, E> {
        Ok(Lenient(None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Lenient, E> {
        Ok(Lenient(None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Lenient, E> {
        Ok(Lenient(None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Lenient, E> {
        Ok(Lenient(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Lenient, E> {
        Ok(Lenient(None))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Lenient, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| Lenient(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Lenient, A::Error> {
        IgnoredAny.visit_map(map).map(|_| Lenient(None))
    }
}

#[cfg(test)]
mod tests {
    use super::{ErrorResponse, sanitize_error_code};

    fn read(headers: &[(&str, &str)], body: &[u8]) -> (Option<String>, Option<String>) {
        let response = ErrorResponse::parse(400, headers, body);
        (response.code().map(str::to_owned), response.message().map(str::to_owned))
    }

    fn some(code: &str, message: &str) -> (Option<String>, Option<String>) {
        (Some(code.to_owned()), Some(message.to_owned()))
    }

    #[test]
    fn sanitizes_codes_as_smithy_says() {
        let cases = [
            ("aws.protocoltests#FooError:http://internal.amazon.com/", "FooError"),
            ("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"),
            ("aws.protocoltests.restjson#FooError", "FooError"),
            // The suffix goes first: a `#` in it is not a namespace.
            (
                "ResourceNotFoundException:http://internal.amazon.com/coral/#x",
                "ResourceNotFoundException",
            ),
            ("ns#FooError", "FooError"),
            ("a#b#FooError", "b#FooError"),
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
    fn the_header_then_code_then_type() {
        let body = br#"{"__type":"BodyType","code":"BodyCode","message":"m"}"#;
        assert_eq!(read(&[("X-Amzn-ErrorType", "HeaderError:x")], body), some("HeaderError", "m"));
        assert_eq!(read(&[("x-amzn-errortype", "ns#Lower")], body).0.as_deref(), Some("Lower"));
        assert_eq!(read(&[], body).0.as_deref(), Some("BodyCode"));
        assert_eq!(read(&[], br#"{"code":7,"__type":"ns#Typed"}"#).0.as_deref(), Some("Typed"));
        assert_eq!(
            read(&[("X-Amzn-ErrorType", " ")], br#"{"__type":"Typed"}"#).0.as_deref(),
            Some("Typed")
        );
    }

    #[test]
    fn either_message_key_and_both_at_once() {
        assert_eq!(read(&[], br#"{"__type":"A","Message":"upper"}"#), some("A", "upper"));
        assert_eq!(read(&[], br#"{"__type":"A","errorMessage":"third"}"#), some("A", "third"));
        let both = br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"lower","Message":"upper"}"#;
        assert_eq!(read(&[], both), some("QueueDoesNotExist", "lower"));
        let null = br#"{"message":null,"Message":"upper","__type":"A"}"#;
        assert_eq!(read(&[], null), some("A", "upper"));
    }

    #[test]
    fn odd_bodies_keep_what_they_say() {
        // A member given twice: the first string wins.
        let twice = br#"{"__type":"A","message":"first","message":"second"}"#;
        assert_eq!(read(&[], twice), some("A", "first"));
        // A member of the wrong type hides nothing else.
        assert_eq!(
            read(&[], br#"{"message":{"a":[1]},"__type":"X"}"#),
            (Some("X".to_owned()), None)
        );
        // Bytes that are not UTF-8.
        assert_eq!(
            read(&[], b"{\"__type\":\"A\",\"message\":\"caf\xe9\"}"),
            some("A", "caf\u{fffd}")
        );
        // Broken JSON: what came before the break is kept.
        assert_eq!(read(&[], br#"{"__type":"Cut","message":"m","Rea"#), some("Cut", "m"));
    }

    #[test]
    fn a_body_that_is_not_json_is_the_message() {
        let headers = [("X-Amzn-ErrorType", "ServiceUnavailableException")];
        assert_eq!(
            read(&headers, b"Bad Request\n"),
            some("ServiceUnavailableException", "Bad Request")
        );
        let page = b"<html><body><h1>503 Service Unavailable</h1></body></html>";
        assert_eq!(read(&[], page), (None, Some(String::from_utf8_lossy(page).into_owned())));
        let huge = "x".repeat(5000);
        let message = read(&[], huge.as_bytes()).1.unwrap_or_default();
        assert_eq!(message.chars().count(), 1025);
        assert!(message.ends_with("x…"));
        for body in [&b""[..], b"  \n"] {
            assert_eq!(read(&[], body), (None, None));
        }
        assert_eq!(read(&[], b"[1]"), (None, Some("[1]".to_owned())));
    }

    #[test]
    fn no_code_is_said_as_such() {
        let response = ErrorResponse::parse(502, &[], b"");
        assert_eq!((response.code(), response.message(), response.status()), (None, None, 502));
        assert_eq!(response.to_unmodeled().to_string(), "error without a code (HTTP 502)");
    }

    #[test]
    fn keeps_the_query_error_and_the_delay_asked_for() {
        let headers = [
            ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"),
            ("x-amz-retry-after", "1500"),
        ];
        let body = br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"gone"}"#;
        let meta = ErrorResponse::parse(400, &headers, body).meta();
        let query = meta.query_error.as_ref().map(|q| (q.code.as_str(), q.fault.as_str()));
        assert_eq!(query, Some(("AWS.SimpleQueueService.NonExistentQueue", "Sender")));
        assert_eq!(meta.retry_after, Some(std::time::Duration::from_millis(1500)));
        // botocore reads only `code;fault` with a code.
        for odd in ["NoFault", ";Sender", "a;b;c", ""] {
            let response = ErrorResponse::parse(400, &[("x-amzn-query-error", odd)], body);
            assert_eq!(response.query_error(), None, "{odd:?}");
        }
        let fault_only = ErrorResponse::parse(500, &[("x-amzn-query-error", "Code;")], body);
        assert_eq!(fault_only.query_error().map(|q| q.fault.as_str()), Some(""));
    }

    #[test]
    fn parses_a_modeled_body() {
        #[derive(serde::Deserialize)]
        struct NotFound {
            #[serde(rename = "Message")]
            message: Option<String>,
        }
        let response = ErrorResponse::parse(400, &[], br#"{"__type":"NotFound","Message":"gone"}"#);
        let shape: Option<NotFound> = response.modeled().ok();
        assert_eq!(shape.and_then(|shape| shape.message).as_deref(), Some("gone"));
    }
}
