//! A rule set as read from its JSON, names resolved to slots by the checker.

use crate::params::{ParamValue, ParameterType};

/// One declared parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub(crate) name: String,
    pub(crate) ty: ParameterType,
    pub(crate) built_in: Option<String>,
    pub(crate) required: bool,
    pub(crate) default: Option<ParamValue>,
    pub(crate) documentation: Option<String>,
    pub(crate) deprecated: Option<String>,
}

impl Parameter {
    /// Its name, like `Region` or `UseFIPS`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `string`, `boolean` or `stringArray`.
    pub fn ty(&self) -> ParameterType {
        self.ty
    }

    /// The SDK setting it takes its value from, like `AWS::Region` or `SDK::Endpoint`.
    pub fn built_in(&self) -> Option<&str> {
        self.built_in.as_deref()
    }

    /// Whether resolution needs a value (given, or the default).
    pub fn required(&self) -> bool {
        self.required
    }

    /// The value taken when none is given.
    pub fn default(&self) -> Option<&ParamValue> {
        self.default.as_ref()
    }

    /// What the rule set says of it.
    pub fn documentation(&self) -> Option<&str> {
        self.documentation.as_deref()
    }

    /// Why, and since when, it is deprecated (`deprecated.message`, `deprecated.since`).
    pub fn deprecated(&self) -> Option<&str> {
        self.deprecated.as_deref()
    }
}

/// A name in scope: a parameter or a condition's `assign`, read from `slot`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ref {
    pub(crate) name: String,
    pub(crate) slot: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    String(Template),
    Bool(bool),
    Int(i64),
    Array(Vec<Expr>),
    Ref(Ref),
    Call(Box<Call>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Call {
    pub(crate) function: Function,
    pub(crate) args: Vec<Expr>,
}

/// The standard library's functions and AWS's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Function {
    IsSet,
    Not,
    BooleanEquals,
    StringEquals,
    /// With its path, read when the rule set is.
    GetAttr(Vec<Step>),
    Substring,
    UriEncode,
    ParseUrl,
    IsValidHostLabel,
    Split,
    Coalesce,
    Ite,
    AwsPartition,
    AwsParseArn,
    AwsIsVirtualHostableS3Bucket,
}

impl Function {
    /// The function a rule set's `fn` names, and how many arguments it takes (`None`: any
    /// number from two).
    pub(crate) fn named(name: &str) -> Option<(Function, Option<usize>)> {
        Some(match name {
            "isSet" => (Function::IsSet, Some(1)),
            "not" => (Function::Not, Some(1)),
            "booleanEquals" => (Function::BooleanEquals, Some(2)),
            "stringEquals" => (Function::StringEquals, Some(2)),
            "getAttr" => (Function::GetAttr(Vec::new()), Some(2)),
            "substring" => (Function::Substring, Some(4)),
            "uriEncode" => (Function::UriEncode, Some(1)),
            "parseURL" => (Function::ParseUrl, Some(1)),
            "isValidHostLabel" => (Function::IsValidHostLabel, Some(2)),
            "split" => (Function::Split, Some(3)),
            "coalesce" => (Function::Coalesce, None),
            "ite" => (Function::Ite, Some(3)),
            "aws.partition" => (Function::AwsPartition, Some(1)),
            "aws.parseArn" => (Function::AwsParseArn, Some(1)),
            "aws.isVirtualHostableS3Bucket" => (Function::AwsIsVirtualHostableS3Bucket, Some(2)),
            _ => return None,
        })
    }

    /// The names [`Function::named`] knows, for messages.
    pub(crate) const NAMES: &'static str = "isSet, not, booleanEquals, stringEquals, getAttr, \
        substring, uriEncode, parseURL, isValidHostLabel, split, coalesce, ite, aws.partition, \
        aws.parseArn, aws.isVirtualHostableS3Bucket";
}

/// One step of a `getAttr` path: `name` or `[index]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step {
    Field(String),
    Index(usize),
}

/// A string literal, with `{Name}` and `{Name#path}` filled in when evaluated.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Template {
    pub(crate) parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Literal(String),
    Ref(Ref, Vec<Step>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Condition {
    pub(crate) call: Call,
    pub(crate) assign: Option<Ref>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rule {
    /// Where it is in the file, like `rules[1].rules[0]`, for messages.
    pub(crate) path: String,
    pub(crate) conditions: Vec<Condition>,
    pub(crate) kind: RuleKind,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RuleKind {
    Endpoint(EndpointTemplate),
    Error(Expr),
    Tree(Vec<Rule>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EndpointTemplate {
    pub(crate) url: Expr,
    pub(crate) headers: Vec<(String, Vec<Expr>)>,
    pub(crate) properties: Vec<(String, Property)>,
}

/// An endpoint property: JSON whose strings are templates.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Property {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(Template),
    Array(Vec<Property>),
    Object(Vec<(String, Property)>),
}
