//! A lossless serde mirror of a botocore `service-2.json` model.
//!
//! Every key the generator understands has a typed field; every other key is kept in `extra`,
//! so a parsed model written back out says the same thing. Nothing here is validated: that is
//! the `ir` stage's job, which can then name the shape and member at fault.

mod paginators;
mod parse;
mod subset;
mod waiters;
mod wording;

pub use self::paginators::{Paginator, Paginators, parse_paginators};
pub use self::parse::parse;
pub use self::subset::{reachable_shapes, subset};
pub use self::waiters::{Acceptor, AcceptorState, Matcher, Waiter, Waiters, parse_waiters};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Keys this mirror does not model, kept verbatim.
pub type Extra = BTreeMap<String, Value>;

/// A whole botocore service model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = "an object")]
pub struct Model {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub metadata: Metadata,
    #[serde(default)]
    pub operations: BTreeMap<String, Operation>,
    #[serde(default)]
    pub shapes: BTreeMap<String, Shape>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The model's `metadata` block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(expecting = "an object")]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocols: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_full_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// A service that spoke the query protocol once (SQS, CloudWatch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_query_compatible: Option<AwsQueryCompatible>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The metadata's `awsQueryCompatible` trait, an object (`{}` in every model so far).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(expecting = "an object like `{}`")]
pub struct AwsQueryCompatible {
    #[serde(flatten)]
    pub extra: Extra,
}

/// One entry of `operations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = "an object")]
pub struct Operation {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http: Option<Http>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<ShapeRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<ShapeRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ShapeRef>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<bool>,
    #[serde(rename = "deprecatedMessage", default, skip_serializing_if = "Option::is_none")]
    pub deprecated_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<Endpoint>,
    /// The encodings the service takes compressed request bodies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requestcompression: Option<RequestCompression>,
    /// Endpoint rule set parameters the operation sets to fixed values.
    #[serde(rename = "staticContextParams", default, skip_serializing_if = "Option::is_none")]
    pub static_context_params: Option<IndexMap<String, StaticContextParam>>,
    /// Endpoint rule set parameters taken from the input by a JMESPath expression.
    #[serde(rename = "operationContextParams", default, skip_serializing_if = "Option::is_none")]
    pub operation_context_params: Option<IndexMap<String, OperationContextParam>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An operation's `requestcompression` trait.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = r#"an object like `{"encodings": ["gzip"]}`"#)]
pub struct RequestCompression {
    pub encodings: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An operation's `endpoint` trait: a prefix for the host name, with `{Member}` labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(expecting = "an object")]
pub struct Endpoint {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_prefix: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An operation's `http` binding; awsJson always posts to `/`, but the model says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(expecting = "an object")]
pub struct Http {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_uri: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"value": …}`: a static context parameter's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = r#"an object like `{"value": true}`"#)]
pub struct StaticContextParam {
    pub value: Value,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"path": "…"}`: where in the input an operation context parameter is found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = r#"an object like `{"path": "TableName"}`"#)]
pub struct OperationContextParam {
    pub path: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"name": "…"}`: the endpoint parameter an input member sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = r#"an object like `{"name": "ResourceArn"}`"#)]
pub struct ContextParam {
    pub name: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A reference to a shape: an operation's input, output or error, or a member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(expecting = r#"a shape reference like `{"shape": "Name"}`"#)]
pub struct ShapeRef {
    pub shape: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jsonvalue: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_label: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_param: Option<ContextParam>,
    /// A string member the client fills with a fresh UUID when the caller leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_token: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One entry of `shapes`. Which fields matter depends on `type`, checked by `ir`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(expecting = "an object")]
pub struct Shape {
    /// Optional here so that a shape without one is an `ir` error naming the shape.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub shape_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<IndexMap<String, ShapeRef>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<ShapeRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<ShapeRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ShapeRef>,
    /// Strings for string enums, integers for integer enums; `ir` checks which.
    #[serde(rename = "enum", default, skip_serializing_if = "Option::is_none")]
    pub enum_values: Option<Vec<Value>>,
    /// `min`, `max` and `pattern` are kept whatever they hold: one the generator cannot check
    /// leaves the value unchecked with a warning (`ir` decides), and never refuses the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp_format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<bool>,
    /// An error shape's `error` trait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorTrait>,
    /// An error the model says a client may retry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<Retryable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub union: Option<bool>,
    /// A stream of events sent as binary frames (`application/vnd.amazon.eventstream`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eventstream: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A shape's `error` trait: `{"code": "AWS.SimpleQueueService.NonExistentQueue",
/// "httpStatusCode": 400, "senderFault": true}`, every key optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(expecting = r#"an object like `{"code": "Name", "httpStatusCode": 400}`"#)]
pub struct ErrorTrait {
    /// The code the service sends for the error where it is not the shape's name: the
    /// query protocol's, for query-compatible services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status_code: Option<u16>,
    /// The caller's fault (a 4xx), not the service's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_fault: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A shape's `retryable` trait: `{}`, or `{"throttling": true}` for an error that says the
/// caller sends too much.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(expecting = r#"an object like `{"throttling": true}`"#)]
pub struct Retryable {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throttling: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Shape {
    /// The shapes this one refers to directly, with the member name (or `member`, `key`,
    /// `value`) that refers to each, in model order.
    pub fn references(&self) -> impl Iterator<Item = (&str, &ShapeRef)> {
        let members = self.members.iter().flatten();
        let members = members.map(|(name, member)| (name.as_str(), member));
        let list_member = self.member.iter().map(|member| ("member", member));
        let key = self.key.iter().map(|key| ("key", key));
        let value = self.value.iter().map(|value| ("value", value));
        members.chain(list_member).chain(key).chain(value)
    }
}

impl Operation {
    /// Input, output and error references, in that order.
    pub fn references(&self) -> impl Iterator<Item = &ShapeRef> {
        let errors = self.errors.iter().flatten();
        self.input.iter().chain(self.output.iter()).chain(errors)
    }
}
