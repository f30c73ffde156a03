//! The wire protocols a service's model may list, and what each puts on a request.

/// A wire protocol: how a request and a response carry the same generated types.
///
/// A model lists the protocols its service speaks (`metadata.protocols`, most preferred first);
/// [`Service::protocols`](crate::Service::protocols) keeps that list, and
/// [`Service::protocol`](crate::Service::protocol) is the one calls use unless
/// [`RequestOptions::protocol`](crate::RequestOptions::protocol) picks another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Protocol {
    /// awsJson 1.0: `POST /` with `X-Amz-Target` and `Content-Type: application/x-amz-json-1.0`.
    AwsJson1_0,
    /// awsJson 1.1: `POST /` with `X-Amz-Target` and `Content-Type: application/x-amz-json-1.1`.
    AwsJson1_1,
    /// Smithy RPC v2 CBOR: `POST /service/<ServiceName>/operation/<Operation>` with
    /// `Smithy-Protocol: rpc-v2-cbor` and a CBOR body (`Content-Type: application/cbor`).
    /// Building and reading its messages needs the runtime's `cbor` feature.
    RpcV2Cbor,
}

impl Protocol {
    /// The `Content-Type` of its requests and responses.
    pub const fn content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
            Protocol::RpcV2Cbor => "application/cbor",
        }
    }

    /// Its name in a botocore model's `protocols`: `json` (both awsJson versions; the model's
    /// `jsonVersion` tells them apart) or `smithy-rpc-v2-cbor`.
    pub const fn model_name(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => "json",
            Protocol::RpcV2Cbor => "smithy-rpc-v2-cbor",
        }
    }

    /// Whether it is one of the awsJson versions.
    pub const fn is_json(self) -> bool {
        matches!(self, Protocol::AwsJson1_0 | Protocol::AwsJson1_1)
    }
}

impl ::std::fmt::Display for Protocol {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(match self {
            Protocol::AwsJson1_0 => "awsJson 1.0",
            Protocol::AwsJson1_1 => "awsJson 1.1",
            Protocol::RpcV2Cbor => "Smithy RPC v2 CBOR",
        })
    }
}

/// Whether operation `O` can go over `protocol`: the service must speak it, the runtime have
/// its feature, and the operation reach no shape it cannot carry.
pub(crate) fn check<O: crate::Operation + ?Sized>(
    protocol: Protocol,
) -> Result<(), crate::EncodeError> {
    let service = O::SERVICE;
    if !service.offers(protocol) {
        let offered: Vec<String> = service.protocols().iter().map(ToString::to_string).collect();
        let name = service.service_id.unwrap_or(service.target_prefix);
        return Err(crate::EncodeError::protocol(format!(
            "{name} does not speak {protocol}: its model lists {}",
            offered.join(" and ")
        )));
    }
    if protocol == Protocol::RpcV2Cbor {
        if !cfg!(feature = "cbor") {
            return Err(crate::EncodeError::protocol(
                "Smithy RPC v2 CBOR needs awsjson-runtime's `cbor` feature",
            ));
        }
        if let Some(why) = O::CBOR_UNSUPPORTED {
            return Err(crate::EncodeError::protocol(why));
        }
    }
    Ok(())
}

/// The protocol a response says it speaks: Smithy RPC v2 CBOR's `Smithy-Protocol` header.
pub(crate) fn answered_in<H: crate::Headers + ?Sized>(headers: &H) -> Option<Protocol> {
    headers
        .header("smithy-protocol")
        .filter(|value| *value == "rpc-v2-cbor")
        .map(|_| Protocol::RpcV2Cbor)
}

/// What reading a CBOR response gives without the `cbor` feature: an error that says so.
#[cfg(not(feature = "cbor"))]
pub(crate) fn cbor_not_built<E, H: crate::Headers + ?Sized>(
    status: u16,
    headers: &H,
) -> crate::ResponseError<E> {
    let error = crate::DecodeError::new(
        "",
        "a Smithy RPC v2 CBOR response: reading it needs awsjson-runtime's `cbor` feature",
    );
    let meta = crate::ResponseMeta::new(status, crate::headers::request_id(headers));
    crate::ResponseError::Decode { error, meta }
}
