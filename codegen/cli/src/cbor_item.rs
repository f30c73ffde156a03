//! CBOR bodies (RFC 8949) read into a tree that keeps what the wire says: tags, byte strings
//! against text, `undefined` against null, which the runtime's serde reader hides. The
//! commands that judge bodies (`conformance`, `verify`) compare and walk this tree.
//!
//! Definite and indefinite lengths read alike, and floats of every width widen to `f64`.

use std::fmt;

/// How deep arrays, maps and tags may nest, as the runtime bounds it.
const NESTING_LIMIT: usize = 128;

/// One data item.
#[derive(Debug, Clone)]
pub enum Item {
    /// Major types 0 and 1: `-2^64..2^64`.
    Integer(i128),
    /// A half, single or double float, widened.
    Float(f64),
    Bytes(Vec<u8>),
    Text(String),
    Array(Vec<Item>),
    /// Entries in the body's order.
    Map(Vec<(Item, Item)>),
    Tag(u64, Box<Item>),
    Bool(bool),
    Null,
    Undefined,
    /// Any other simple value.
    Simple(u8),
}

impl PartialEq for Item {
    /// Floats compare bitwise, so NaN equals NaN; maps compare whatever their order.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Item::Float(a), Item::Float(b)) => {
                a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
            }
            (Item::Map(a), Item::Map(b)) => {
                a.len() == b.len() && a.iter().all(|entry| b.contains(entry))
            }
            (Item::Integer(a), Item::Integer(b)) => a == b,
            (Item::Bytes(a), Item::Bytes(b)) => a == b,
            (Item::Text(a), Item::Text(b)) => a == b,
            (Item::Array(a), Item::Array(b)) => a == b,
            (Item::Tag(a, x), Item::Tag(b, y)) => a == b && x == y,
            (Item::Bool(a), Item::Bool(b)) => a == b,
            (Item::Simple(a), Item::Simple(b)) => a == b,
            (Item::Null, Item::Null) | (Item::Undefined, Item::Undefined) => true,
            _ => false,
        }
    }
}

impl Item {
    /// The text of a text string.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Item::Text(text) => Some(text),
            _ => None,
        }
    }

    /// Whether it stands for no value: null or undefined.
    pub fn is_null(&self) -> bool {
        matches!(self, Item::Null | Item::Undefined)
    }
}

/// CBOR diagnostic notation (RFC 8949 §8), shortened in messages by their writers.
impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Integer(n) => write!(f, "{n}"),
            Item::Float(x) if x.is_nan() => f.write_str("NaN"),
            Item::Float(x) if x.is_infinite() => {
                f.write_str(if *x > 0.0 { "Infinity" } else { "-Infinity" })
            }
            Item::Float(x) if x.fract() == 0.0 && x.abs() < 1e16 => write!(f, "{x:.1}"),
            Item::Float(x) => write!(f, "{x}"),
            Item::Bytes(bytes) => {
                f.write_str("h'")?;
                bytes.iter().try_for_each(|byte| write!(f, "{byte:02x}"))?;
                f.write_str("'")
            }
            Item::Text(text) => write!(f, "{text:?}"),
            Item::Array(items) => {
                f.write_str("[")?;
                for (index, item) in items.iter().enumerate() {
                    let comma = if index == 0 { "" } else { ", " };
                    write!(f, "{comma}{item}")?;
                }
                f.write_str("]")
            }
            Item::Map(entries) => {
                f.write_str("{")?;
                for (index, (key, value)) in entries.iter().enumerate() {
                    let comma = if index == 0 { "" } else { ", " };
                    write!(f, "{comma}{key}: {value}")?;
                }
                f.write_str("}")
            }
            Item::Tag(tag, item) => write!(f, "{tag}({item})"),
            Item::Bool(flag) => write!(f, "{flag}"),
            Item::Null => f.write_str("null"),
            Item::Undefined => f.write_str("undefined"),
            Item::Simple(value) => write!(f, "simple({value})"),
        }
    }
}

/// Reads the one data item `bytes` hold; nothing may follow it. Errors end in the byte offset
/// of the item at fault (`… at byte 12`).
pub fn read(bytes: &[u8]) -> Result<Item, String> {
    let mut reader = Reader { bytes, pos: 0, depth_left: NESTING_LIMIT };
    let item = reader.item()?;
    match bytes.len() - reader.pos {
        0 => Ok(item),
        extra => {
            Err(format!("{extra} bytes after the end of the data item at byte {}", reader.pos))
        }
    }
}

/// Reads the data items `bytes` hold one after another (a CBOR sequence, RFC 8742), each with
/// its offset; the first that cannot be read ends the list with why.
pub fn read_sequence(bytes: &[u8]) -> Vec<(usize, Result<Item, String>)> {
    let mut reader = Reader { bytes, pos: 0, depth_left: NESTING_LIMIT };
    let mut items = Vec::new();
    while reader.pos < bytes.len() {
        let start = reader.pos;
        let item = reader.item();
        let failed = item.is_err();
        items.push((start, item));
        if failed {
            break;
        }
    }
    items
}

struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
    depth_left: usize,
}

impl Reader<'_> {
    fn take(&mut self, len: usize) -> Result<&[u8], String> {
        let end = self.pos.saturating_add(len);
        let slice = self.bytes.get(self.pos..end).ok_or_else(|| {
            format!("the body ends in the middle of a data item at byte {}", self.pos)
        })?;
        self.pos = end;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, String> {
        self.take(1).map(|bytes| bytes[0])
    }

    fn argument(&mut self, info: u8, start: usize) -> Result<u64, String> {
        let mut be = |len: usize| -> Result<u64, String> {
            Ok(self.take(len)?.iter().fold(0, |n, byte| n << 8 | u64::from(*byte)))
        };
        match info {
            0..=23 => Ok(u64::from(info)),
            24 => be(1),
            25 => be(2),
            26 => be(4),
            27 => be(8),
            _ => Err(format!("additional information {info} is reserved at byte {start}")),
        }
    }

    /// A definite length, refused when fewer bytes are left than it needs.
    fn length(&mut self, info: u8, start: usize) -> Result<usize, String> {
        let count = self.argument(info, start)?;
        let left = self.bytes.len() - self.pos;
        match usize::try_from(count) {
            Ok(count) if count <= left => Ok(count),
            _ => Err(format!(
                "a length of {count} is more than the {left} bytes left at byte {start}"
            )),
        }
    }

    fn at_break(&mut self) -> Result<bool, String> {
        match self.bytes.get(self.pos) {
            Some(0xff) => {
                self.pos += 1;
                Ok(true)
            }
            Some(_) => Ok(false),
            None => Err(format!(
                "the body ends before an indefinite-length item's break at byte {}",
                self.pos
            )),
        }
    }

    fn item(&mut self) -> Result<Item, String> {
        let start = self.pos;
        let initial = self.byte()?;
        let (major, info) = (initial >> 5, initial & 0x1f);
        match major {
            0 => Ok(Item::Integer(i128::from(self.argument(info, start)?))),
            1 => Ok(Item::Integer(-1 - i128::from(self.argument(info, start)?))),
            2 | 3 => {
                let bytes = if info == 31 {
                    self.chunks(major, start)?
                } else {
                    let len = self.length(info, start)?;
                    self.take(len)?.to_vec()
                };
                if major == 2 {
                    return Ok(Item::Bytes(bytes));
                }
                String::from_utf8(bytes)
                    .map(Item::Text)
                    .map_err(|_| format!("a text string is not UTF-8 at byte {start}"))
            }
            4 | 5 => self.nested(start, |reader| reader.container(major, info, start)),
            6 if info == 31 => {
                Err(format!("a tag cannot have an indefinite length at byte {start}"))
            }
            6 => {
                let tag = self.argument(info, start)?;
                self.nested(start, |reader| Ok(Item::Tag(tag, Box::new(reader.item()?))))
            }
            _ => self.simple(info, start),
        }
    }

    fn nested(
        &mut self,
        start: usize,
        read: impl FnOnce(&mut Self) -> Result<Item, String>,
    ) -> Result<Item, String> {
        let Some(left) = self.depth_left.checked_sub(1) else {
            return Err(format!("nesting deeper than {NESTING_LIMIT} levels at byte {start}"));
        };
        self.depth_left = left;
        let item = read(self);
        self.depth_left += 1;
        item
    }

    fn container(&mut self, major: u8, info: u8, start: usize) -> Result<Item, String> {
        let count = if info == 31 { None } else { Some(self.length(info, start)?) };
        let next = |reader: &mut Self, index: usize| match count {
            Some(count) => Ok(index < count),
            None => reader.at_break().map(|done| !done),
        };
        let mut index = 0;
        if major == 4 {
            let mut items = Vec::new();
            while next(self, index)? {
                items.push(self.item()?);
                index += 1;
            }
            return Ok(Item::Array(items));
        }
        let mut entries = Vec::new();
        while next(self, index)? {
            let key = self.item()?;
            entries.push((key, self.item()?));
            index += 1;
        }
        Ok(Item::Map(entries))
    }

    fn chunks(&mut self, major: u8, start: usize) -> Result<Vec<u8>, String> {
        let mut joined = Vec::new();
        while !self.at_break()? {
            let at = self.pos;
            let initial = self.byte()?;
            if initial >> 5 != major || initial & 0x1f == 31 {
                return Err(format!(
                    "a chunk of the indefinite-length string at byte {start} is not a definite \
                     string of its type at byte {at}"
                ));
            }
            let len = self.length(initial & 0x1f, at)?;
            joined.extend_from_slice(self.take(len)?);
        }
        Ok(joined)
    }

    fn simple(&mut self, info: u8, start: usize) -> Result<Item, String> {
        let mut float = |len: usize| -> Result<f64, String> {
            let bits = self.take(len)?.iter().fold(0u64, |n, byte| n << 8 | u64::from(*byte));
            Ok(match len {
                2 => half(bits as u16),
                4 => f64::from(f32::from_bits(bits as u32)),
                _ => f64::from_bits(bits),
            })
        };
        match info {
            20 => Ok(Item::Bool(false)),
            21 => Ok(Item::Bool(true)),
            22 => Ok(Item::Null),
            23 => Ok(Item::Undefined),
            25 => float(2).map(Item::Float),
            26 => float(4).map(Item::Float),
            27 => float(8).map(Item::Float),
            24 => self.byte().map(Item::Simple),
            31 => Err(format!("a break outside an indefinite-length item at byte {start}")),
            28..=30 => Err(format!("additional information {info} is reserved at byte {start}")),
            _ => Ok(Item::Simple(info)),
        }
    }
}

/// An IEEE 754 half-precision float, exactly.
fn half(bits: u16) -> f64 {
    let sign = if bits & 0x8000 == 0 { 1.0 } else { -1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f64::from(bits & 0x03ff);
    match exponent {
        0 => sign * fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        _ => sign * (1.0 + fraction / 1024.0) * 2f64.powi(exponent - 15),
    }
}

#[cfg(test)]
mod tests {
    use super::{Item, read};

    #[test]
    fn reads_every_form_and_compares_decoded_values() {
        // {_ "a": [_ 1, -2], "b": (_ h'01', h'02'), "c": 1(1.5), "d": undefined}, with a half.
        let indefinite = [
            0xbf, 0x61, b'a', 0x9f, 0x01, 0x21, 0xff, 0x61, b'b', 0x5f, 0x41, 1, 0x41, 2, 0xff,
            0x61, b'c', 0xc1, 0xf9, 0x3e, 0x00, 0x61, b'd', 0xf7, 0xff,
        ];
        // The same, definite, keys in another order, the float as a double.
        let definite = [
            0xa4, 0x61, b'd', 0xf7, 0x61, b'c', 0xc1, 0xfb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0x61,
            b'b', 0x42, 1, 2, 0x61, b'a', 0x82, 0x01, 0x21,
        ];
        let (a, b) = (read(&indefinite).unwrap(), read(&definite).unwrap());
        assert_eq!(a, b);
        assert_eq!(a.to_string(), r#"{"a": [1, -2], "b": h'0102', "c": 1(1.5), "d": undefined}"#);
        assert_eq!(read(&[0xf9, 0x7e, 0x00]).unwrap(), Item::Float(f64::NAN));
        assert_ne!(read(&[0xf6]).unwrap(), read(&[0xf7]).unwrap());
    }

    #[test]
    fn bad_bodies_say_where() {
        assert_eq!(
            read(&[0xa1, 0x61, b'a']).unwrap_err(),
            "the body ends in the middle of a data item at byte 3"
        );
        assert_eq!(
            read(&[0x5a, 0xff, 0xff, 0xff, 0xff]).unwrap_err(),
            "a length of 4294967295 is more than the 0 bytes left at byte 0"
        );
        assert_eq!(
            read(&[0x01, 0x02]).unwrap_err(),
            "1 bytes after the end of the data item at byte 1"
        );
        assert_eq!(
            read(&[0x9f, 0x01]).unwrap_err(),
            "the body ends before an indefinite-length item's break at byte 2"
        );
        assert_eq!(read(&[0x81; 200]).unwrap_err(), "nesting deeper than 128 levels at byte 128");
    }
}
