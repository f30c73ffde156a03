//! aws-sdk-appstream as its users call it, answered by a canned 200 response, and its response
//! deserializer called on its own.

use crate::page::Page;
use aws_sdk_appstream::config::http::{HttpRequest, HttpResponse};
use aws_sdk_appstream::config::retry::RetryConfig;
use aws_sdk_appstream::config::timeout::TimeoutConfig;
use aws_sdk_appstream::config::{
    BehaviorVersion, ConfigBag, Credentials, IdentityCache, Layer, Region, RuntimePlugin,
    StalledStreamProtectionConfig,
};
use aws_sdk_appstream::{Client, Config};
use aws_smithy_cbor::protocol::RpcV2CborProtocol;
use aws_smithy_json::protocol::aws_json_rpc::AwsJsonRpcProtocol;
use aws_smithy_runtime_api::client::http::{
    HttpConnector, HttpConnectorFuture, SharedHttpConnector, http_client_fn,
};
use aws_smithy_runtime_api::client::ser_de::{DeserializeResponse, SharedResponseDeserializer};
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_schema::protocol::ServiceShapeNamespace;
use aws_smithy_types::body::SdkBody;
use bytes::Bytes;
use std::fmt::Debug;
use std::future::Future;

/// A client whose every call is answered `200` with the same body.
pub struct CannedClient {
    pub sdk: Client,
    pub config: Config,
}

/// The wire a canned client speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    /// awsJson 1.1, which the SDK must be told to use.
    Json,
    /// Smithy RPC v2 CBOR, the SDK's default for AppStream.
    Cbor,
}

/// Answers every request with `200` and the body; cloning `Bytes` only counts a reference,
/// so no call copies the body.
#[derive(Debug)]
struct Canned {
    status: StatusCode,
    body: Bytes,
    wire: Wire,
}

impl HttpConnector for Canned {
    fn call(&self, _request: HttpRequest) -> HttpConnectorFuture {
        HttpConnectorFuture::ready(Ok(canned_response(self.status, self.body.clone(), self.wire)))
    }
}

/// A response with the body, and for CBOR the headers the protocol requires.
fn canned_response(status: StatusCode, body: Bytes, wire: Wire) -> HttpResponse {
    let mut response = HttpResponse::new(status, SdkBody::from(body));
    if wire == Wire::Cbor {
        response.headers_mut().insert("smithy-protocol", "rpc-v2-cbor");
        response.headers_mut().insert("content-type", "application/cbor");
    }
    response
}

fn ok_status() -> Result<StatusCode, String> {
    StatusCode::try_from(200_u16).map_err(|error| format!("status 200: {error}"))
}

impl CannedClient {
    /// A client that speaks `wire` (awsJson 1.1 must be asked for: 1.138 defaults AppStream to
    /// CBOR) and signs with static credentials. No retries, and no timeouts, stalled-stream
    /// guard or identity cache: they need an async sleep, and the bench runs no tokio (static
    /// credentials need no cache).
    pub fn new(body: Bytes, wire: Wire) -> Result<Self, String> {
        let status = ok_status()?;
        let http_client = http_client_fn(move |_, _| {
            SharedHttpConnector::new(Canned { status, body: body.clone(), wire })
        });
        let builder = Config::builder();
        let builder = match wire {
            Wire::Json => builder.protocol(AwsJsonRpcProtocol::aws_json_1_1()),
            Wire::Cbor => builder.protocol(RpcV2CborProtocol::new()),
        };
        let config = builder
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new("AKIDPEERBENCH", "secret", None, None, "peer"))
            .retry_config(RetryConfig::disabled())
            .timeout_config(TimeoutConfig::disabled())
            .identity_cache(IdentityCache::no_cache())
            .stalled_stream_protection(StalledStreamProtectionConfig::disabled())
            .http_client(http_client)
            .build();
        Ok(CannedClient { sdk: Client::from_conf(config.clone()), config })
    }
}

/// Runs an SDK call to its end on this thread.
pub fn block_on<T, E: Debug>(call: impl Future<Output = Result<T, E>>) -> Result<T, String> {
    futures_executor::block_on(call).map_err(|error| format!("{error:?}"))
}

/// The SDK's own response deserializer for one operation, called without the orchestrator.
///
/// Its type is private, but the operation's public `RuntimePlugin` impl stores it in a config
/// layer as a `SharedResponseDeserializer`; it reads the protocol from the config bag, where the
/// client's service plugin puts it beside the service's namespace. The bag here holds the same.
pub struct ResponseOnly {
    bag: ConfigBag,
    response: HttpResponse,
}

impl ResponseOnly {
    pub fn new<P: Page>(config: &Config, body: Bytes, wire: Wire) -> Result<Self, String> {
        let operation = P::SdkOperation::default().config();
        let operation = operation.ok_or_else(|| format!("{} has no config layer", P::OPERATION))?;
        let protocol = config.protocol().cloned().ok_or("the config has no protocol")?;
        let mut service = Layer::new("PhotonAdminProxyService");
        service.store_put(protocol);
        service.store_put(ServiceShapeNamespace::new("com.amazonaws.appstream"));
        let mut bag = ConfigBag::of_layers([service]);
        bag.push_shared_layer(operation);
        let response = canned_response(ok_status()?, body, wire);
        Ok(ResponseOnly { bag, response })
    }

    /// The operation's output, decoded from the canned response. The deserializer is looked up
    /// in the bag on each call, as the orchestrator does.
    pub fn deserialize<P: Page>(&self) -> Result<P::Sdk, String> {
        let deserializer = self.bag.load::<SharedResponseDeserializer>();
        let deserializer = deserializer.ok_or("no response deserializer in the config bag")?;
        let output = deserializer.deserialize_nonstreaming_with_config(&self.response, &self.bag);
        let output = output.map_err(|error| format!("{error:?}"))?;
        output.downcast::<P::Sdk>().map_err(|other| format!("not the output: {other:?}"))
    }
}
