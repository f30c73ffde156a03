//! The two pages the bench decodes, with each decoder's view of them.

use crate::sdk::{self, CannedClient};
use appstream_types::runtime::Operation;
use aws_sdk_appstream::config::RuntimePlugin;
use serde::de::DeserializeOwned;
use std::fmt::Debug;
use wire_tests::bodies;

/// One page: its body, and the identifiers of its items as each decoder reads them.
pub trait Page {
    /// The operation, like `DescribeFleets`.
    const OPERATION: &'static str;
    /// The page with no items, to time the SDK's orchestration on its own.
    const EMPTY: &'static [u8];
    type Ours: Operation<Output: PartialEq + Debug + serde::Serialize>;
    type Rusoto: DeserializeOwned;
    type Sdk: Debug + Send + Sync + 'static;
    /// The SDK's operation, whose runtime plugin holds its response deserializer.
    type SdkOperation: RuntimePlugin + Default;

    fn body(count: usize) -> Vec<u8>;
    fn ours(output: &<Self::Ours as Operation>::Output) -> Ids<'_>;
    fn rusoto(output: &Self::Rusoto) -> Ids<'_>;
    fn sdk(output: &Self::Sdk) -> Ids<'_>;
    /// `send()` through the whole client, blocked on.
    fn send(client: &CannedClient) -> Result<Self::Sdk, String>;
}

/// The identifiers of a page's items (fleet names, session ids) and its next token.
#[derive(Debug, PartialEq)]
pub struct Ids<'a> {
    pub items: Vec<Option<&'a str>>,
    pub next_token: Option<&'a str>,
}

pub struct Fleets;

impl Page for Fleets {
    const OPERATION: &'static str = "DescribeFleets";
    const EMPTY: &'static [u8] = br#"{"Fleets":[]}"#;
    type Ours = appstream_types::DescribeFleets;
    type Rusoto = rusoto_appstream::DescribeFleetsResult;
    type Sdk = aws_sdk_appstream::operation::describe_fleets::DescribeFleetsOutput;
    type SdkOperation = aws_sdk_appstream::operation::describe_fleets::DescribeFleets;

    fn body(count: usize) -> Vec<u8> {
        bodies::describe_fleets(count)
    }
    fn ours(output: &appstream_types::DescribeFleetsResult) -> Ids<'_> {
        let fleets = output.fleets.as_deref().unwrap_or_default();
        Ids {
            items: fleets.iter().map(|fleet| Some(fleet.name.as_str())).collect(),
            next_token: output.next_token.as_deref(),
        }
    }
    fn rusoto(output: &Self::Rusoto) -> Ids<'_> {
        let fleets = output.fleets.as_deref().unwrap_or_default();
        Ids {
            items: fleets.iter().map(|fleet| Some(fleet.name.as_str())).collect(),
            next_token: output.next_token.as_deref(),
        }
    }
    fn sdk(output: &Self::Sdk) -> Ids<'_> {
        Ids {
            items: output.fleets().iter().map(|fleet| fleet.name()).collect(),
            next_token: output.next_token(),
        }
    }
    fn send(client: &CannedClient) -> Result<Self::Sdk, String> {
        sdk::block_on(client.sdk.describe_fleets().send())
    }
}

pub struct Sessions;

impl Page for Sessions {
    const OPERATION: &'static str = "DescribeSessions";
    const EMPTY: &'static [u8] = br#"{"Sessions":[]}"#;
    type Ours = appstream_types::DescribeSessions;
    type Rusoto = rusoto_appstream::DescribeSessionsResult;
    type Sdk = aws_sdk_appstream::operation::describe_sessions::DescribeSessionsOutput;
    type SdkOperation = aws_sdk_appstream::operation::describe_sessions::DescribeSessions;

    fn body(count: usize) -> Vec<u8> {
        bodies::describe_sessions(count)
    }
    fn ours(output: &appstream_types::DescribeSessionsResult) -> Ids<'_> {
        let sessions = output.sessions.as_deref().unwrap_or_default();
        Ids {
            items: sessions.iter().map(|session| Some(session.id.as_str())).collect(),
            next_token: output.next_token.as_deref(),
        }
    }
    fn rusoto(output: &Self::Rusoto) -> Ids<'_> {
        let sessions = output.sessions.as_deref().unwrap_or_default();
        Ids {
            items: sessions.iter().map(|session| Some(session.id.as_str())).collect(),
            next_token: output.next_token.as_deref(),
        }
    }
    fn sdk(output: &Self::Sdk) -> Ids<'_> {
        Ids {
            items: output.sessions().iter().map(|session| session.id()).collect(),
            next_token: output.next_token(),
        }
    }
    fn send(client: &CannedClient) -> Result<Self::Sdk, String> {
        // The two members the model requires; the canned response ignores them.
        let request = client.sdk.describe_sessions().stack_name("stack-engineering");
        sdk::block_on(request.fleet_name("fleet-00042").send())
    }
}
