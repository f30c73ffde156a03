//! The resolved, named and validated form of a model that emitters read.
//!
//! Shapes live in an arena ([`Service::shapes`], sorted by wire name) and refer to each other by
//! [`ShapeId`], so cycles and order are easy. Every item carries both its wire name and its
//! Rust name. Documentation stays HTML here; turning it into Markdown is the emitter's job.

mod build;
mod cbor;
mod constraints;
mod cycles;
mod depth;
mod endpoint;
pub mod endpoint_rules;
pub mod naming;
mod nesting;
mod paginate;
pub mod pattern;
mod protocol;
mod retries;
mod satisfiable;
mod shapes;
pub mod waiters;

pub use self::build::build;
pub use self::depth::MAX_TYPE_DEPTH;
pub use self::endpoint_rules::{
    BindingSource, EndpointBinding, EndpointParameter, EndpointRules, MemberValue,
};
pub use self::paginate::paginate;

use crate::warning::{Warning, one_line};

/// Index of a shape in [`Service::shapes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId(pub usize);

/// A whole service, ready to emit.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// The protocol calls use unless they pick another.
    pub protocol: Protocol,
    /// Every protocol the model offers that the generator speaks, in the model's order.
    pub protocols: Vec<Protocol>,
    /// `metadata.targetPrefix`, the part of `X-Amz-Target` before the operation name.
    pub target_prefix: String,
    /// `serviceFullName`, or the uid when the model has no full name.
    pub title: String,
    /// `serviceId`, like `AppStream`.
    pub service_id: Option<String>,
    /// `apiVersion`, like `2016-12-01`.
    pub api_version: Option<String>,
    /// `signingName`, else `endpointPrefix` (as botocore signs).
    pub signing_name: Option<String>,
    /// `endpointPrefix`, the first label of the standard host name.
    pub endpoint_prefix: Option<String>,
    pub docs: Option<String>,
    pub operations: Vec<Operation>,
    pub shapes: Vec<Shape>,
    /// The distinct `pattern`s of the model, which [`Constraints::pattern`] indexes.
    pub patterns: Vec<Pattern>,
    /// What the generator cannot honour and leaves out: one per shape and constraint (each
    /// shape's [`Constraints::unchecked`]), in the order of the shapes; then the operations
    /// that cannot go over a protocol the model offers ([`Operation::cbor_unsupported`]).
    pub warnings: Vec<Warning>,
    /// The endpoint rule set, when the generator was given one ([`endpoint_rules::bind`]).
    pub endpoint_rules: Option<EndpointRules>,
    /// `metadata.awsQueryCompatible`: the service spoke the query protocol once, and is told
    /// so on every request.
    pub query_compatible: bool,
    /// The waiters, when the generator was given a waiters file ([`waiters::attach`]).
    pub waiters: Vec<waiters::Waiter>,
}

impl Service {
    pub fn shape(&self, id: ShapeId) -> &Shape {
        &self.shapes[id.0]
    }

    /// The error message member of an error shape's `members`: a string member called
    /// `message` in any case (services send `message` or `Message` whatever the model says).
    pub fn message_member<'a>(&self, members: &'a [Member]) -> Option<&'a Member> {
        members.iter().find(|member| {
            member.model_name.eq_ignore_ascii_case("message")
                && !member.json_value
                && matches!(self.shape(member.target).kind, ShapeKind::String)
        })
    }
}

/// The wire protocol chosen from the model's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// awsJson 1.0 (`application/x-amz-json-1.0`).
    AwsJson1_0,
    /// awsJson 1.1 (`application/x-amz-json-1.1`).
    AwsJson1_1,
    /// Smithy RPC v2 CBOR (`application/cbor`).
    RpcV2Cbor,
}

impl Protocol {
    pub fn content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
            Protocol::RpcV2Cbor => "application/cbor",
        }
    }

    pub fn is_json(self) -> bool {
        matches!(self, Protocol::AwsJson1_0 | Protocol::AwsJson1_1)
    }

    /// Its name in prose: `awsJson 1.1`, `Smithy RPC v2 CBOR`.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "awsJson 1.0",
            Protocol::AwsJson1_1 => "awsJson 1.1",
            Protocol::RpcV2Cbor => "Smithy RPC v2 CBOR",
        }
    }
}

/// `deprecated` with its optional `deprecatedMessage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deprecation {
    pub message: Option<String>,
}

/// Why an item's Rust name is not the one its wire name gives: an item with a stronger claim in
/// the same Rust namespace already has that name (see [`naming::unique_names`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The name the wire name gives.
    pub wanted: String,
    /// Who has it, for docs: "shape `FooBar`", "member `Name`", "value `RUNNING`".
    pub holder: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub wire_name: String,
    /// The unit struct implementing the runtime's `Operation` trait.
    pub rust_name: String,
    pub renamed: Option<Renamed>,
    /// The enum of the operation's errors.
    pub error_name: String,
    pub error_renamed: Option<Renamed>,
    pub input: Option<ShapeId>,
    pub output: Option<ShapeId>,
    /// Modeled errors, de-duplicated, in model order.
    pub errors: Vec<OperationError>,
    pub docs: Option<String>,
    pub deprecated: Option<Deprecation>,
    /// The endpoint's `hostPrefix`, split at its `{Label}`s.
    pub host_prefix: Option<Vec<HostSegment>>,
    /// The encodings of `requestcompression`, as the model lists them.
    pub request_compression: Vec<String>,
    /// How the operation pages, from a paginators file ([`paginate`]).
    pub pagination: Option<Pagination>,
    /// The endpoint rule set parameters it binds from its input ([`endpoint_rules::bind`]).
    pub endpoint_params: Vec<EndpointBinding>,
    /// The input members filled with a fresh UUID when left out, in model order: those the
    /// model marks `idempotencyToken` that are optional strings (a required one the caller
    /// always gives). Each is [`Member::idempotency_token`] in the input structure.
    pub idempotency_tokens: Vec<IdempotencyToken>,
    /// Why the operation cannot go over Smithy RPC v2 CBOR, in a model offering it: it reaches
    /// a `document` (`"PutThing cannot go over …"`).
    pub cbor_unsupported: Option<String>,
}

/// An input member an operation fills with an idempotency token when it is left out: an
/// `Option<String>` field, never boxed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyToken {
    pub model_name: String,
    pub rust_name: String,
    pub deprecated: bool,
}

/// How a paginated operation pages: every path here is resolved and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    /// The input members the token goes into.
    pub input_tokens: Vec<Step>,
    /// Where each token comes from in the output, one path per input token.
    pub output_tokens: Vec<Vec<Step>>,
    /// A boolean in the output that says whether more pages follow.
    pub more_results: Option<Vec<Step>>,
    /// The output's (first) result key: a list or a map.
    pub result: Option<Vec<Step>>,
    /// The input member that sets the page size.
    pub limit: Option<Step>,
}

/// One member on a path through structures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub model_name: String,
    pub rust_name: String,
    pub target: ShapeId,
    pub required: bool,
    pub boxed: bool,
}

/// A piece of a host prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostSegment {
    Literal(String),
    /// An input member with `hostLabel`, a string.
    Label {
        model_name: String,
        rust_name: String,
        required: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct OperationError {
    pub shape: ShapeId,
    pub variant_name: String,
    /// The error codes that name it: its wire shape name, then its `error.code` where that
    /// differs and names no other error of the operation (the first error to claim a code
    /// keeps it, shape names before codes).
    pub codes: Vec<String>,
    /// How the shape's `retryable` trait says the error may be retried; `None`: it has none.
    pub retryable: Option<RetryKind>,
}

/// How an error the model marks `retryable` may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryKind {
    /// `retryable: {}` or `{"throttling": false}`: it failed in passing.
    Transient,
    /// `retryable: {"throttling": true}`: the caller sends too much.
    Throttling,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub wire_name: String,
    /// The Rust type name; only structures and enums become items of their own.
    pub rust_name: String,
    pub renamed: Option<Renamed>,
    pub docs: Option<String>,
    pub sensitive: bool,
    pub deprecated: Option<Deprecation>,
    pub kind: ShapeKind,
    /// What values of the shape must be, beyond their type.
    pub constraints: Constraints,
}

/// A shape's `min`, `max` and `pattern`, checked against its kind.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Constraints {
    /// The length bounds of a string (Unicode scalar values), blob (bytes), list or map.
    pub length: Option<(Option<u64>, Option<u64>)>,
    /// The bounds of a number.
    pub range: Option<Range>,
    /// A string's pattern: an index into [`Service::patterns`].
    pub pattern: Option<usize>,
    /// What the model asks of the values that the generator cannot check: left out of
    /// `validate()`, said in the docs and by a [`Warning`] each.
    pub unchecked: Vec<Unchecked>,
}

impl Constraints {
    /// Whether nothing is checked (unchecked constraints are not).
    pub fn is_empty(&self) -> bool {
        self.length.is_none() && self.range.is_none() && self.pattern.is_none()
    }
}

/// Constraints of a shape that `validate()` leaves unchecked, and why: a pattern that does not
/// compile, a bound that is no usable number, a `min` above its `max`, a constraint on a kind
/// of shape that does not take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unchecked {
    /// The model's keys and their values as written: `("pattern", "a(b")`, `("min", "-1")`;
    /// a value that is no string or number as its JSON text (`("min", "\"1\"")`).
    pub settings: Vec<(String, String)>,
    /// Why, in the generator's words: "Java's `Pattern` rejects it".
    pub reason: String,
    /// What it is about in the model's text, where there is something to say: "an unclosed
    /// group".
    pub detail: Option<String>,
}

impl Unchecked {
    /// `` `pattern` `a(b` `` or `` `min` `10` and `max` `5` ``, each value written by `code`.
    pub fn settings_text(&self, code: impl Fn(&str) -> String) -> String {
        let settings: Vec<String> =
            (self.settings.iter()).map(|(key, value)| format!("`{key}` {}", code(value))).collect();
        settings.join(" and ")
    }

    /// `is` or `are`, as [`Unchecked::settings_text`] has one setting or more.
    pub fn verb(&self) -> &'static str {
        if self.settings.len() > 1 { "are" } else { "is" }
    }

    /// The reason with the detail in parentheses, the detail written by `text`.
    pub fn reason_text(&self, text: impl Fn(&str) -> String) -> String {
        match &self.detail {
            Some(detail) => format!("{} ({})", self.reason, text(detail)),
            None => self.reason.clone(),
        }
    }
}

/// The warning's message: ``"`pattern` `a(b` is left unchecked: it is … (Unbalanced parenthesis)"``,
/// on one line whatever the model's text holds.
impl std::fmt::Display for Unchecked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code = |value: &str| format!("`{}`", one_line(value));
        let settings = self.settings_text(code);
        let reason = self.reason_text(one_line);
        write!(f, "{settings} {} left unchecked: {reason}", self.verb())
    }
}

/// The bounds of an integer or long, or of a float or double.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Range {
    Integer { min: Option<i64>, max: Option<i64> },
    Float { min: Option<f64>, max: Option<f64> },
}

/// A `pattern` as the model writes it, and the ECMAScript (`u` mode) regular expression it
/// is checked with, which compiles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub source: String,
    pub ecmascript: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ShapeKind {
    Structure(Structure),
    /// A structure with `union`: exactly one member set. Members are never required.
    Union(Vec<Member>),
    /// A structure with `document`: any JSON.
    Document,
    Enum(Vec<EnumValue>),
    /// An integer shape with `enum` values.
    IntEnum(Vec<IntEnumValue>),
    List {
        member: Element,
    },
    Map {
        key: ShapeId,
        value: Element,
    },
    String,
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Blob,
    /// With the shape's own format (references may override it).
    Timestamp(TimestampFormat),
}

impl ShapeKind {
    /// Whether the shape becomes a Rust item of its own (a struct or an enum).
    pub fn is_item(&self) -> bool {
        matches!(
            self,
            ShapeKind::Structure(_)
                | ShapeKind::Union(_)
                | ShapeKind::Enum(_)
                | ShapeKind::IntEnum(_)
        )
    }
}

/// How a timestamp is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    /// `unixTimestamp`, the default: epoch seconds as a JSON number.
    EpochSeconds,
    Iso8601,
    Rfc822,
}

/// A list's element or a map's value; also what a member holds ([`Member::element`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Element {
    pub target: ShapeId,
    /// The reference's `timestampFormat`, which wins over the target shape's.
    pub timestamp_format: Option<TimestampFormat>,
    /// `jsonvalue`: a string whose content is JSON, held parsed (a document).
    pub json_value: bool,
}

impl Element {
    /// The shape whose checks a value held here gets: none for a `jsonvalue`, whose string
    /// shape's constraints say nothing about the parsed JSON.
    pub fn checked_target(&self) -> Option<ShapeId> {
        (!self.json_value).then_some(self.target)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub members: Vec<Member>,
    /// An error shape (`exception: true`).
    pub exception: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member's name in the model.
    pub model_name: String,
    /// The JSON key: `locationName` where set, else the member name.
    pub wire_name: String,
    pub rust_name: String,
    pub renamed: Option<Renamed>,
    pub target: ShapeId,
    pub required: bool,
    /// Set by the cycle pass on the member that closes a cycle of structures.
    pub boxed: bool,
    pub docs: Option<String>,
    pub deprecated: Option<Deprecation>,
    /// The member's `timestampFormat`, which wins over the target shape's.
    pub timestamp_format: Option<TimestampFormat>,
    /// `jsonvalue`: a string member whose content is JSON, held parsed.
    pub json_value: bool,
    /// `hostLabel`: the value goes into the endpoint's host name, so it must be a label.
    pub host_label: bool,
    /// An operation whose input this structure is fills the member with a fresh UUID when it
    /// is left out ([`Operation::idempotency_tokens`]).
    pub idempotency_token: bool,
}

impl Member {
    /// What the member holds, as a list element or map value would: its type and wire form
    /// are decided alike.
    pub fn element(&self) -> Element {
        Element {
            target: self.target,
            timestamp_format: self.timestamp_format,
            json_value: self.json_value,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumValue {
    pub wire_value: String,
    pub rust_name: String,
    pub renamed: Option<Renamed>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntEnumValue {
    pub value: i32,
    pub rust_name: String,
}
