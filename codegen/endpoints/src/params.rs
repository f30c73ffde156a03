//! The values a caller gives a rule set's parameters.

use ::std::fmt;

/// A parameter's declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParameterType {
    /// `string`
    String,
    /// `boolean`
    Boolean,
    /// `stringArray`
    StringArray,
}

impl fmt::Display for ParameterType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParameterType::String => "string",
            ParameterType::Boolean => "boolean",
            ParameterType::StringArray => "stringArray",
        })
    }
}

/// A parameter's value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ParamValue {
    String(String),
    Boolean(bool),
    StringArray(Vec<String>),
}

impl ParamValue {
    /// Its type.
    pub fn ty(&self) -> ParameterType {
        match self {
            ParamValue::String(_) => ParameterType::String,
            ParamValue::Boolean(_) => ParameterType::Boolean,
            ParamValue::StringArray(_) => ParameterType::StringArray,
        }
    }

    /// The value a JSON value stands for (an endpoint test's `params`), if it is one.
    pub fn from_json(value: &serde_json::Value) -> Option<ParamValue> {
        Some(match value {
            serde_json::Value::String(text) => ParamValue::String(text.clone()),
            serde_json::Value::Bool(flag) => ParamValue::Boolean(*flag),
            serde_json::Value::Array(items) => ParamValue::StringArray(
                items.iter().map(|item| item.as_str().map(str::to_owned)).collect::<Option<_>>()?,
            ),
            _ => return None,
        })
    }
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::String(text) => write!(f, "{text:?}"),
            ParamValue::Boolean(flag) => write!(f, "{flag}"),
            ParamValue::StringArray(items) => write!(f, "{items:?}"),
        }
    }
}

impl From<&str> for ParamValue {
    fn from(value: &str) -> Self {
        ParamValue::String(value.to_owned())
    }
}

impl From<String> for ParamValue {
    fn from(value: String) -> Self {
        ParamValue::String(value)
    }
}

impl From<bool> for ParamValue {
    fn from(value: bool) -> Self {
        ParamValue::Boolean(value)
    }
}

impl From<Vec<String>> for ParamValue {
    fn from(value: Vec<String>) -> Self {
        ParamValue::StringArray(value)
    }
}

/// The parameters given for one resolution, by name; those left out take their defaults.
///
/// Generated code fills these from a typed parameters struct, so a misspelled name does not
/// compile there; here a name the rule set does not declare is refused when resolving.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    values: Vec<(String, ParamValue)>,
}

impl Params {
    /// No parameter given.
    pub fn new() -> Self {
        Self::default()
    }

    /// Gives `name` a value, replacing any it had.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<ParamValue>) -> &mut Self {
        let (name, value) = (name.into(), value.into());
        match self.values.iter_mut().find(|(given, _)| *given == name) {
            Some((_, old)) => *old = value,
            None => self.values.push((name, value)),
        }
        self
    }

    /// With `name` given `value`.
    pub fn with(mut self, name: impl Into<String>, value: impl Into<ParamValue>) -> Self {
        self.set(name, value);
        self
    }

    /// Takes `name`'s value back out (it takes its default again).
    pub fn unset(&mut self, name: &str) -> &mut Self {
        self.values.retain(|(given, _)| given != name);
        self
    }

    /// The value given to `name`.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.values.iter().find(|(given, _)| given == name).map(|(_, value)| value)
    }

    /// Every value given, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ParamValue)> {
        self.values.iter().map(|(name, value)| (name.as_str(), value))
    }
}
