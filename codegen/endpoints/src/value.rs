//! The values a rule set computes with, and their types.

use ::std::fmt;

/// A value during evaluation: a parameter's, a function's result or a literal's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// An optional parameter or function result that is not set.
    Unset,
    String(String),
    Bool(bool),
    Int(i64),
    Array(Vec<Value>),
    /// The result of `aws.partition`, `parseURL` or `aws.parseArn`: fields by name.
    Record(Vec<(&'static str, Value)>),
}

impl Value {
    pub(crate) fn is_set(&self) -> bool {
        !matches!(self, Value::Unset)
    }

    /// A record of `kind`: `values` in the order of [`RecordKind::fields`].
    pub(crate) fn record<const N: usize>(kind: RecordKind, values: [Value; N]) -> Value {
        let names = kind.fields().iter().map(|(name, _)| *name);
        Value::Record(names.zip(values).collect())
    }
}

/// The records the library's functions return, and their fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordKind {
    Partition,
    Url,
    Arn,
}

impl RecordKind {
    pub(crate) fn fields(self) -> &'static [(&'static str, Type)] {
        const STRING: Type = Type::String;
        const BOOL: Type = Type::Bool;
        match self {
            RecordKind::Partition => &[
                ("name", STRING),
                ("dnsSuffix", STRING),
                ("dualStackDnsSuffix", STRING),
                ("supportsFIPS", BOOL),
                ("supportsDualStack", BOOL),
                ("implicitGlobalRegion", STRING),
            ],
            RecordKind::Url => &[
                ("scheme", STRING),
                ("authority", STRING),
                ("path", STRING),
                ("normalizedPath", STRING),
                ("isIp", BOOL),
            ],
            RecordKind::Arn => &[
                ("partition", STRING),
                ("service", STRING),
                ("region", STRING),
                ("accountId", STRING),
                ("resourceId", Type::StringArray),
            ],
        }
    }

    fn name(self) -> &'static str {
        match self {
            RecordKind::Partition => "a partition (from `aws.partition`)",
            RecordKind::Url => "a URL (from `parseURL`)",
            RecordKind::Arn => "an ARN (from `aws.parseArn`)",
        }
    }
}

/// The type of an expression, as the checker infers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Type {
    String,
    Bool,
    Int,
    StringArray,
    Record(RecordKind),
    /// What may be unset: an optional parameter not yet checked with `isSet`, or a function
    /// result that may be absent.
    Optional(Box<Type>),
}

impl Type {
    pub(crate) fn optional(self) -> Type {
        match self {
            Type::Optional(_) => self,
            other => Type::Optional(Box::new(other)),
        }
    }

    /// The type without `Optional`.
    pub(crate) fn inner(&self) -> &Type {
        match self {
            Type::Optional(inner) => inner,
            other => other,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::String => f.write_str("a string"),
            Type::Bool => f.write_str("a boolean"),
            Type::Int => f.write_str("an integer"),
            Type::StringArray => f.write_str("an array of strings"),
            Type::Record(kind) => f.write_str(kind.name()),
            Type::Optional(inner) => write!(f, "{inner} that may be unset"),
        }
    }
}
