//! Binary data, written on the wire as standard base64.

use ::std::fmt;

/// Binary data (a `blob` shape); on the wire a base64 string (RFC 4648, standard alphabet, padded).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// Wraps the given bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Gives back the bytes.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl ::serde::Serialize for Blob {
    /// Base64 text; the bytes themselves to a serializer that is not human readable (CBOR's
    /// byte string).
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serializer.serialize_bytes(&self.0);
        }
        serializer.serialize_str(&encode(&self.0))
    }
}

impl<'de> ::serde::Deserialize<'de> for Blob {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            return deserializer.deserialize_bytes(BlobVisitor);
        }
        deserializer.deserialize_str(BlobVisitor)
    }
}

struct BlobVisitor;

impl ::serde::de::Visitor<'_> for BlobVisitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a base64 string")
    }

    fn visit_str<E: ::serde::de::Error>(self, text: &str) -> Result<Blob, E> {
        decode(text).map(Blob).map_err(E::custom)
    }

    fn visit_bytes<E: ::serde::de::Error>(self, bytes: &[u8]) -> Result<Blob, E> {
        Ok(Blob(bytes.to_vec()))
    }

    fn visit_byte_buf<E: ::serde::de::Error>(self, bytes: Vec<u8>) -> Result<Blob, E> {
        Ok(Blob(bytes))
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with `=` padding.
fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3).saturating_mul(4));
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = byte(0) << 16 | byte(1) << 8 | byte(2);
        // A chunk of k bytes gives k + 1 characters, then padding up to 4.
        for i in 0..4 {
            if i <= chunk.len() {
                let sextet = (n >> (18 - 6 * i)) & 0x3f;
                out.push(char::from(ALPHABET.get(sextet as usize).copied().unwrap_or(b'=')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Decodes standard base64. Padding may be left out; when present it must complete the last group.
/// Unused low bits of the last character are ignored rather than rejected.
fn decode(text: &str) -> Result<Vec<u8>, String> {
    let input = text.as_bytes();
    let data = input.strip_suffix(b"==").or_else(|| input.strip_suffix(b"=")).unwrap_or(input);
    if let Some(at) = data.iter().position(|&c| sextet(c).is_none()) {
        return Err(format!("invalid base64 at byte {at}"));
    }
    // One leftover character cannot hold a byte; padding must complete the last group.
    let (leftover, padding) = (data.len() % 4, input.len().saturating_sub(data.len()));
    if leftover == 1 || (padding > 0 && leftover + padding != 4) {
        return Err(format!("invalid base64 length {}", input.len()));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    for group in data.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in group.iter().enumerate() {
            n |= sextet(c).unwrap_or(0) << (18 - 6 * i);
        }
        // A group of k characters carries k - 1 bytes.
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend(bytes.iter().take(group.len().saturating_sub(1)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{Blob, decode, encode};

    const RFC4648: &[(&str, &str)] = &[
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ];

    #[test]
    fn rfc4648_vectors_both_ways() {
        for &(plain, encoded) in RFC4648 {
            assert_eq!(encode(plain.as_bytes()), encoded, "encode {plain:?}");
            assert_eq!(decode(encoded).unwrap(), plain.as_bytes(), "decode {encoded:?}");
        }
    }

    #[test]
    fn padding_may_be_left_out() {
        for (text, plain) in [("Zg", "f"), ("Zm8", "fo"), ("Zm9vYg", "foob"), ("Zm9vYmE", "fooba")]
        {
            assert_eq!(decode(text).unwrap(), plain.as_bytes(), "{text:?}");
        }
    }

    #[test]
    fn all_byte_values_round_trip() {
        let bytes: Vec<u8> = (0..=255).collect();
        let text = encode(&bytes);
        assert!(text.contains('+') && text.contains('/'));
        assert_eq!(decode(&text).unwrap(), bytes);
    }

    #[test]
    fn rejects_bad_input() {
        let cases = [
            ("Zm9v!", "invalid base64 at byte 4"),
            ("Zm 9v", "invalid base64 at byte 2"),
            ("Zm9-", "invalid base64 at byte 3"),
            ("Zg=a", "invalid base64 at byte 2"),
            ("Z===", "invalid base64 at byte 1"),
            ("Zm9vY", "invalid base64 length 5"),
            ("Zm9=Y", "invalid base64 at byte 3"),
            ("Zg=", "invalid base64 length 3"),
            ("Zm9vZg=", "invalid base64 length 7"),
        ];
        for (text, message) in cases {
            assert_eq!(decode(text).unwrap_err(), message, "{text:?}");
        }
    }

    #[test]
    fn serde_form_is_a_base64_string() {
        let blob = Blob::new(b"foobar".as_slice());
        assert_eq!(serde_json::to_string(&blob).unwrap(), r#""Zm9vYmFy""#);
        assert_eq!(serde_json::from_str::<Blob>(r#""Zm9vYmE""#).unwrap().as_bytes(), b"fooba");
        let err = serde_json::from_str::<Blob>(r#""Zm9v!""#).unwrap_err();
        assert_eq!(err.to_string(), "invalid base64 at byte 4 at line 1 column 7");
        assert!(serde_json::from_str::<Blob>("[1]").is_err());
    }

    #[test]
    fn conversions() {
        let blob = Blob::from(vec![1, 2]);
        assert_eq!(blob, Blob::from([1u8, 2].as_slice()));
        assert_eq!(blob.as_ref(), &[1, 2]);
        assert_eq!(blob.into_inner(), vec![1, 2]);
        assert_eq!(Blob::default().as_bytes(), b"");
    }
}
