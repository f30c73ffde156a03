//! One page ready to time: its body in each form a decoder takes, every decoder checked against
//! our typed decode first, so no subject can time an error path.

use crate::page::{Ids, Page};
use crate::sdk::{CannedClient, ResponseOnly, Wire};
use crate::simd::InPlace;
use appstream_types::runtime::{Decoding, Operation, Protocol};
use bytes::Bytes;
use serde::de::IgnoredAny;
use wire_tests::bench::Subject;

pub struct Prepared<P: Page> {
    pub body: Vec<u8>,
    pub items: usize,
    client: CannedClient,
    empty_client: CannedClient,
    response_only: ResponseOnly,
    /// The same page as Smithy RPC v2 CBOR: our encoding of our decoded page.
    pub cbor_body: Vec<u8>,
    cbor_response_only: ResponseOnly,
    /// Whether simd-json decodes our types to what `parse_response` gives; why not otherwise.
    pub simd_typed: Result<(), String>,
    page: std::marker::PhantomData<P>,
}

/// The subjects' names, one set per page; the first is the baseline.
pub mod names {
    pub const IGNORED_ANY: &str = "serde_json IgnoredAny";
    pub const PARSE_RESPONSE: &str = "ours parse_response";
    pub const OURS_FROM_SLICE: &str = "ours serde_json::from_slice";
    pub const RUSOTO: &str = "rusoto 0.48 serde_json::from_slice";
    pub const SDK_DESERIALIZER: &str = "aws-sdk 1.138 response deserializer";
    pub const SDK_SEND: &str = "aws-sdk 1.138 client send()";
    pub const SDK_SEND_EMPTY: &str = "aws-sdk 1.138 send(), empty page";
    pub const OURS_CBOR: &str = "ours parse_response_for CBOR";
    pub const SDK_CBOR_DESERIALIZER: &str = "aws-sdk 1.138 CBOR response deserializer";
    pub const VALUE: &str = "serde_json::Value";
    pub const COPY: &str = "body copy (simd-json's input)";
    pub const SIMD_TYPED: &str = "simd-json ours, with copy";
    pub const SIMD_IGNORED_ANY: &str = "simd-json IgnoredAny, with copy";
    pub const SIMD_OWNED_VALUE: &str = "simd-json OwnedValue, with copy";
}

impl<P: Page> Prepared<P> {
    pub fn new(items: usize) -> Result<Self, String> {
        let body = P::body(items);
        let ours = P::Ours::parse_response(200, &[], &body)
            .map_err(|error| format!("{} parse_response: {error:?}", P::OPERATION))?;
        let expected = P::ours(&ours);
        if expected.items.len() != items || expected.next_token.is_none() {
            return Err(format!("{} decodes to {} items", P::OPERATION, expected.items.len()));
        }
        let check = |decoder: &str, ids: Ids<'_>| {
            if ids == expected {
                Ok(())
            } else {
                Err(format!("{} by {decoder}: {ids:?}", P::OPERATION))
            }
        };
        let decoded = from_slice::<<P::Ours as Operation>::Output>(&body)?;
        if decoded != ours {
            return Err(format!("{}: from_slice differs from parse_response", P::OPERATION));
        }
        from_slice::<IgnoredAny>(&body)?;
        from_slice::<serde_json::Value>(&body)?;
        check("rusoto", P::rusoto(&from_slice::<P::Rusoto>(&body)?))?;

        let page = Bytes::from(body.clone());
        let client = CannedClient::new(page.clone(), Wire::Json)?;
        check("the SDK client", P::sdk(&P::send(&client)?))?;
        let response_only = ResponseOnly::new::<P>(&client.config, page, Wire::Json)?;
        check("the SDK deserializer", P::sdk(&response_only.deserialize::<P>()?))?;

        let cbor_body = appstream_types::runtime::cbor::to_vec(&ours)
            .map_err(|error| format!("{} to CBOR: {error}", P::OPERATION))?;
        if parse_cbor::<P>(&cbor_body)? != ours {
            return Err(format!("{}: the CBOR page reads otherwise", P::OPERATION));
        }
        let cbor_client = CannedClient::new(Bytes::from(cbor_body.clone()), Wire::Cbor)?;
        check("the SDK client over CBOR", P::sdk(&P::send(&cbor_client)?))?;
        let cbor_page = Bytes::from(cbor_body.clone());
        let cbor_response_only =
            ResponseOnly::new::<P>(&cbor_client.config, cbor_page, Wire::Cbor)?;
        check("the SDK CBOR deserializer", P::sdk(&cbor_response_only.deserialize::<P>()?))?;
        let empty_client = CannedClient::new(Bytes::from_static(P::EMPTY), Wire::Json)?;
        let empty = P::send(&empty_client)?;
        if !P::sdk(&empty).items.is_empty() {
            return Err(format!("{}: the empty page is not empty", P::OPERATION));
        }

        let mut simd = InPlace::new(&body);
        let simd_error =
            |error: simd_json::Error| format!("{} by simd-json: {error}", P::OPERATION);
        simd.ignored().map_err(simd_error)?;
        simd.owned_value().map_err(simd_error)?;
        let simd_typed = match simd.typed::<<P::Ours as Operation>::Output>() {
            Ok(output) if output == ours => Ok(()),
            Ok(output) => Err(first_difference(&format!("{ours:#?}"), &format!("{output:#?}"))),
            Err(error) => Err(format!("error: {error}")),
        };
        let page = std::marker::PhantomData;
        Ok(Prepared {
            body,
            items,
            client,
            empty_client,
            response_only,
            cbor_body,
            cbor_response_only,
            simd_typed,
            page,
        })
    }

    /// Every subject, the baseline first; simd-json's typed decode only where it checked out.
    pub fn subjects(&self) -> Vec<Subject<'_>> {
        use names::*;
        let body = &self.body[..];
        let mut subjects = vec![
            Subject::new(IGNORED_ANY, move || from_slice::<IgnoredAny>(body)),
            Subject::new(PARSE_RESPONSE, move || P::Ours::parse_response(200, &[], body)),
            Subject::new(OURS_FROM_SLICE, move || {
                from_slice::<<P::Ours as Operation>::Output>(body)
            }),
            Subject::new(RUSOTO, move || from_slice::<P::Rusoto>(body)),
            Subject::new(SDK_DESERIALIZER, || self.response_only.deserialize::<P>()),
            Subject::new(SDK_SEND, || P::send(&self.client)),
            Subject::new(SDK_SEND_EMPTY, || P::send(&self.empty_client)),
            Subject::new(VALUE, move || from_slice::<serde_json::Value>(body)),
            Subject::new(OURS_CBOR, || parse_cbor::<P>(&self.cbor_body)),
            Subject::new(SDK_CBOR_DESERIALIZER, || self.cbor_response_only.deserialize::<P>()),
        ];
        let mut copy = InPlace::new(body);
        subjects.push(Subject::new(COPY, move || copy.copy()));
        if self.simd_typed.is_ok() {
            let mut simd = InPlace::new(body);
            subjects.push(Subject::new(SIMD_TYPED, move || {
                simd.typed::<<P::Ours as Operation>::Output>()
            }));
        }
        let mut simd = InPlace::new(body);
        subjects.push(Subject::new(SIMD_IGNORED_ANY, move || simd.ignored()));
        let mut simd = InPlace::new(body);
        subjects.push(Subject::new(SIMD_OWNED_VALUE, move || simd.owned_value()));
        subjects
    }
}

/// Our read of a CBOR 200 response, as a client that sent the request over CBOR reads it.
fn parse_cbor<P: Page>(body: &[u8]) -> Result<<P::Ours as Operation>::Output, String> {
    let headers = [("Smithy-Protocol", "rpc-v2-cbor")];
    let (cbor, decoding) = (Protocol::RpcV2Cbor, Decoding::Correcting);
    P::Ours::parse_response_for(cbor, 200, &headers, body, decoding)
        .map(|decoded| decoded.value)
        .map_err(|error| format!("{} from CBOR: {error:?}", P::OPERATION))
}

fn from_slice<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|error| format!("{}: {error}", std::any::type_name::<T>()))
}

/// The first line where two pretty-printed values differ.
fn first_difference(expected: &str, got: &str) -> String {
    let mut lines = expected.lines().zip(got.lines());
    match lines.find(|(a, b)| a != b) {
        Some((a, b)) => format!("differs: expected `{}`, got `{}`", a.trim(), b.trim()),
        None => "differs in length".to_owned(),
    }
}
