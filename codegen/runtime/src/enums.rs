//! Enum values the service model did not list.

use ::std::fmt;

/// An enum value the model did not list, kept verbatim so it is written back unchanged.
///
/// AWS adds enum values without notice, so a generated enum never rejects a value: it keeps it
/// here. Only generated enums build one, and only from a string none of their known values
/// match, so an unknown value never hides a known one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// Wraps a value no known variant matched.
    // For generated enums only (hidden, outside SemVer): they call it only after every known
    // value failed to match, which is what keeps an unknown value from hiding a known one.
    #[doc(hidden)]
    pub fn new(value: String) -> Self {
        Self(value)
    }

    /// The value exactly as it appeared on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An integer enum value the model did not list, kept so it is written back unchanged.
///
/// Only generated integer enums build one, and only from a number none of their known values
/// match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownInteger(i32);

impl UnknownInteger {
    /// Wraps a value no known variant matched.
    // For generated integer enums only (hidden, outside SemVer), as `UnknownValue::new`.
    #[doc(hidden)]
    pub fn new(value: i32) -> Self {
        Self(value)
    }

    /// The value as it appeared on the wire.
    pub fn value(&self) -> i32 {
        self.0
    }
}

impl fmt::Display for UnknownInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Deserializes a generated enum from a JSON string.
///
/// A borrowed or transient `&str` goes through `From<&str>`, which allocates only for an
/// unknown value; an owned `String` is moved into `Unknown` without a copy.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: ::serde::Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    deserializer.deserialize_str(EnumVisitor(::std::marker::PhantomData))
}

struct EnumVisitor<T>(::std::marker::PhantomData<T>);

impl<T> ::serde::de::Visitor<'_> for EnumVisitor<T>
where
    T: for<'a> From<&'a str> + From<String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: ::serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::from(value))
    }

    fn visit_string<E: ::serde::de::Error>(self, value: String) -> Result<T, E> {
        Ok(T::from(value))
    }
}

#[cfg(test)]
mod tests {
    use super::{UnknownInteger, UnknownValue};

    #[test]
    fn keeps_the_value_verbatim() {
        let number = UnknownInteger::new(-7);
        assert_eq!((number.value(), number.to_string()), (-7, "-7".to_owned()));
        let value = UnknownValue::new("NEW_STATE ".to_owned());
        assert_eq!(value.as_str(), "NEW_STATE ");
        assert_eq!(value.to_string(), "NEW_STATE ");
    }

    /// A stand-in for a generated enum, counting how it was built.
    #[derive(Debug, PartialEq)]
    enum Probe {
        Known,
        FromStr(String),
        FromString(String),
    }

    impl From<&str> for Probe {
        fn from(value: &str) -> Self {
            if value == "KNOWN" { Probe::Known } else { Probe::FromStr(value.to_owned()) }
        }
    }

    impl From<String> for Probe {
        fn from(value: String) -> Self {
            if value == "KNOWN" { Probe::Known } else { Probe::FromString(value) }
        }
    }

    fn probe<'de>(deserializer: impl ::serde::Deserializer<'de>) -> Probe {
        super::deserialize(deserializer).unwrap()
    }

    #[test]
    fn borrowed_strings_go_through_from_str() {
        assert_eq!(probe(&mut ::serde_json::Deserializer::from_str(r#""KNOWN""#)), Probe::Known);
        assert_eq!(
            probe(&mut ::serde_json::Deserializer::from_str(r#""NEW""#)),
            Probe::FromStr("NEW".to_owned())
        );
    }

    #[test]
    fn owned_strings_are_moved() {
        let value = ::serde_json::Value::String("NEW".to_owned());
        assert_eq!(probe(value), Probe::FromString("NEW".to_owned()));
    }

    #[test]
    fn a_non_string_is_an_error() {
        let error = super::deserialize::<_, Probe>(&mut ::serde_json::Deserializer::from_str("7"));
        assert_eq!(
            error.unwrap_err().to_string(),
            "invalid type: integer `7`, expected a string at line 1 column 1"
        );
    }
}
