//! A body's values as the walk reads them, over either wire: JSON (`serde_json::Value`) or
//! Smithy RPC v2 CBOR ([`Item`]). Each wire says what its values are and how the types whose
//! form differs (floats, blobs, timestamps) are written.

use crate::cbor_item::Item;
use crate::wire_float::float;
use awsjson_codegen::ir::TimestampFormat;
use awsjson_runtime::{Blob, DateTime};
use serde::Deserialize as _;
use serde_json::Value;

pub(super) trait Node: Sized {
    /// The wire's word for a map of members: "an object" (JSON), "a map" (CBOR).
    const OBJECT: &'static str;
    /// What a float must be.
    const FLOAT: &'static str;
    /// What a blob must be.
    const BLOB: &'static str;

    /// The members of an object (a map whose keys are all text), in the body's order.
    fn entries(&self) -> Option<Vec<(&str, &Self)>>;
    fn items(&self) -> Option<&[Self]>;
    fn text(&self) -> Option<&str>;
    fn integer(&self) -> Option<i64>;
    fn float(&self) -> Option<f64>;
    fn is_boolean(&self) -> bool;
    /// Null, and CBOR's undefined: a member given so is absent.
    fn is_null(&self) -> bool;
    fn blob_len(&self) -> Option<usize>;
    /// Whether it is a timestamp of a member whose format is `format`.
    fn timestamp(&self, format: TimestampFormat) -> bool;
    /// What a timestamp of `format` must be.
    fn timestamp_expected(format: TimestampFormat) -> &'static str;
    /// The value in a finding: scalars as written, containers by their size.
    fn describe(&self) -> String;
}

impl Node for Value {
    const OBJECT: &'static str = "an object";
    const FLOAT: &'static str = r#"a number, or "NaN", "Infinity" or "-Infinity""#;
    const BLOB: &'static str = "a base64 string (a blob)";

    fn entries(&self) -> Option<Vec<(&str, &Self)>> {
        let object = self.as_object()?;
        Some(object.iter().map(|(key, value)| (key.as_str(), value)).collect())
    }

    fn items(&self) -> Option<&[Self]> {
        self.as_array().map(Vec::as_slice)
    }

    fn text(&self) -> Option<&str> {
        self.as_str()
    }

    fn integer(&self) -> Option<i64> {
        self.as_i64()
    }

    fn float(&self) -> Option<f64> {
        float(self)
    }

    fn is_boolean(&self) -> bool {
        self.is_boolean()
    }

    fn is_null(&self) -> bool {
        self.is_null()
    }

    fn blob_len(&self) -> Option<usize> {
        Blob::deserialize(self).ok().map(|blob| blob.as_bytes().len())
    }

    fn timestamp(&self, format: TimestampFormat) -> bool {
        match (format, self) {
            (TimestampFormat::EpochSeconds, Value::Number(number)) => {
                DateTime::from_epoch_decimal(&number.to_string()).is_ok()
            }
            (TimestampFormat::Iso8601, Value::String(text)) => {
                DateTime::parse_iso8601(text).is_ok()
            }
            (TimestampFormat::Rfc822, Value::String(text)) => DateTime::parse_rfc822(text).is_ok(),
            _ => false,
        }
    }

    fn timestamp_expected(format: TimestampFormat) -> &'static str {
        match format {
            TimestampFormat::EpochSeconds => "epoch seconds (a number)",
            TimestampFormat::Iso8601 => "an ISO 8601 timestamp (a string)",
            TimestampFormat::Rfc822 => "an HTTP date (a string)",
        }
    }

    fn describe(&self) -> String {
        match self {
            Value::Array(items) => format!("an array of {}", counted(items.len(), "item")),
            Value::Object(members) => {
                format!("an object with {}", counted(members.len(), "member"))
            }
            scalar => scalar.to_string(),
        }
    }
}

impl Node for Item {
    const OBJECT: &'static str = "a map";
    const FLOAT: &'static str = "a number";
    const BLOB: &'static str = "a byte string (a blob)";

    fn entries(&self) -> Option<Vec<(&str, &Self)>> {
        let Item::Map(entries) = self else { return None };
        entries.iter().map(|(key, value)| Some((key.as_text()?, value))).collect()
    }

    fn items(&self) -> Option<&[Self]> {
        match self {
            Item::Array(items) => Some(items),
            _ => None,
        }
    }

    fn text(&self) -> Option<&str> {
        self.as_text()
    }

    fn integer(&self) -> Option<i64> {
        match self {
            Item::Integer(n) => i64::try_from(*n).ok(),
            _ => None,
        }
    }

    /// A float of any width, or an integer: the protocol widens what it reads.
    fn float(&self) -> Option<f64> {
        match self {
            Item::Float(x) => Some(*x),
            // Rounding to the nearest double is what reading an integer as one does.
            #[allow(clippy::cast_precision_loss)]
            Item::Integer(n) => Some(*n as f64),
            _ => None,
        }
    }

    fn is_boolean(&self) -> bool {
        matches!(self, Item::Bool(_))
    }

    fn is_null(&self) -> bool {
        Item::is_null(self)
    }

    fn blob_len(&self) -> Option<usize> {
        match self {
            Item::Bytes(bytes) => Some(bytes.len()),
            _ => None,
        }
    }

    /// Tag 1 over epoch seconds, whatever the member's format says: the protocol ignores it.
    fn timestamp(&self, _format: TimestampFormat) -> bool {
        match self {
            Item::Tag(1, seconds) => match **seconds {
                Item::Integer(n) => i64::try_from(n).is_ok(),
                Item::Float(x) => x.is_finite(),
                _ => false,
            },
            _ => false,
        }
    }

    fn timestamp_expected(_format: TimestampFormat) -> &'static str {
        "epoch seconds under tag 1"
    }

    fn describe(&self) -> String {
        match self {
            Item::Array(items) => format!("an array of {}", counted(items.len(), "item")),
            Item::Map(entries) => format!("a map with {}", counted(entries.len(), "entry")),
            scalar => {
                let text = scalar.to_string();
                match text.char_indices().nth(64) {
                    Some((cut, _)) => format!("{}…", &text[..cut]),
                    None => text,
                }
            }
        }
    }
}

fn counted(count: usize, what: &str) -> String {
    match (count, what) {
        (1, _) => format!("1 {what}"),
        (_, "entry") => format!("{count} entries"),
        _ => format!("{count} {what}s"),
    }
}
