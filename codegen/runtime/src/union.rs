//! Unions: a JSON object with exactly one member set. Generated unions read their members with
//! these helpers and keep a member the model does not list as [`UnknownMember`].

use super::wire::Document;
use ::std::borrow::Cow;
use ::std::fmt;

/// A union member the model does not list, kept with its value so it is written back
/// unchanged: AWS adds members without notice.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownMember {
    name: String,
    value: Document,
}

impl UnknownMember {
    /// A member called `name` (one the union does not list) holding `value`.
    pub fn new(name: impl Into<String>, value: Document) -> Self {
        Self { name: name.into(), value }
    }

    /// The member's name on the wire.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The member's value as it came.
    pub fn value(&self) -> &Document {
        &self.value
    }
}

/// A member name read from the wire, borrowed from the body when it can be.
pub struct MemberName<'de>(Cow<'de, str>);

impl MemberName<'_> {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> ::serde::Deserialize<'de> for MemberName<'de> {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(MemberNameVisitor)
    }
}

struct MemberNameVisitor;

impl<'de> ::serde::de::Visitor<'de> for MemberNameVisitor {
    type Value = MemberName<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E: ::serde::de::Error>(self, name: &'de str) -> Result<Self::Value, E> {
        Ok(MemberName(Cow::Borrowed(name)))
    }

    fn visit_str<E: ::serde::de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(MemberName(Cow::Owned(name.to_owned())))
    }

    fn visit_string<E: ::serde::de::Error>(self, name: String) -> Result<Self::Value, E> {
        Ok(MemberName(Cow::Owned(name)))
    }
}

/// Collects the one member of a union `T` while its object is read.
pub struct OneMember<T> {
    union: &'static str,
    found: Option<(String, T)>,
}

impl<T> OneMember<T> {
    /// An empty collector for the union shape called `union`.
    pub fn new(union: &'static str) -> Self {
        Self { union, found: None }
    }

    /// Records member `name`; `None` (a `null` member) counts as not set.
    pub fn set<E: ::serde::de::Error>(&mut self, name: &str, value: Option<T>) -> Result<(), E> {
        let Some(value) = value else {
            return Ok(());
        };
        if let Some((first, _)) = &self.found {
            return Err(E::custom(format_args!(
                "union `{}` has more than one member set: `{first}` and `{name}`",
                self.union
            )));
        }
        self.found = Some((name.to_owned(), value));
        Ok(())
    }

    /// The member that was set; an error if none was.
    pub fn finish<E: ::serde::de::Error>(self) -> Result<T, E> {
        match self.found {
            Some((_, value)) => Ok(value),
            None => Err(E::custom(format_args!("union `{}` has no member set", self.union))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MemberName, OneMember, UnknownMember};
    use serde::de::value::Error;

    #[test]
    fn exactly_one_member() {
        let mut one = OneMember::new("Shape");
        one.set::<Error>("A", None::<u8>).unwrap();
        assert_eq!(
            OneMember::<u8>::new("Shape").finish::<Error>().unwrap_err().to_string(),
            "union `Shape` has no member set"
        );
        one.set::<Error>("B", Some(1)).unwrap();
        assert_eq!(
            one.set::<Error>("C", Some(2)).unwrap_err().to_string(),
            "union `Shape` has more than one member set: `B` and `C`"
        );
        assert_eq!(one.finish::<Error>().unwrap(), 1);
    }

    #[test]
    fn names_borrow_from_the_body() {
        let name: MemberName<'_> = serde_json::from_str(r#""Plain""#).unwrap();
        assert!(matches!(name.0, std::borrow::Cow::Borrowed("Plain")));
        let escaped: MemberName<'_> = serde_json::from_str(r#""Tab\t""#).unwrap();
        assert!(matches!(escaped.0, std::borrow::Cow::Owned(ref name) if name == "Tab\t"));
        let unknown = UnknownMember::new("New", serde_json::json!([1]));
        assert_eq!((unknown.name(), unknown.value()), ("New", &serde_json::json!([1])));
    }
}
