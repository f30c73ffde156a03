//! One page ready to time: its body in each form a decoder takes, every decoder checked against
//! our typed decode first, so no subject can time an error path.

use crate::page::{Ids, Page};
use crate::sdk::{CannedClient, ResponseOnly};
use appstream_types::runtime::Operation;
use bytes::Bytes;
use serde::de::IgnoredAny;
use wire_tests::bench::Subject;

pub struct Prepared<P: Page> {
    pub body: Vec<u8>,
    pub items: usize,
    client: CannedClient,
    empty_client: CannedClient,
    response_only: ResponseOnly,
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
    pub const VALUE: &str = "serde_json::Value";
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
        let client = CannedClient::new(page.clone())?;
        check("the SDK client", P::sdk(&P::send(&client)?))?;
        let response_only = ResponseOnly::new::<P>(&client.config, page)?;
        check("the SDK deserializer", P::sdk(&response_only.deserialize::<P>()?))?;
        let empty_client = CannedClient::new(Bytes::from_static(P::EMPTY))?;
        let empty = P::send(&empty_client)?;
        if !P::sdk(&empty).items.is_empty() {
            return Err(format!("{}: the empty page is not empty", P::OPERATION));
        }

        let page = std::marker::PhantomData;
        Ok(Prepared { body, items, client, empty_client, response_only, page })
    }

    /// Every subject, the baseline first.
    pub fn subjects(&self) -> Vec<Subject<'_>> {
        use names::*;
        let body = &self.body[..];
        vec![
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
        ]
    }
}

fn from_slice<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|error| format!("{}: {error}", std::any::type_name::<T>()))
}
