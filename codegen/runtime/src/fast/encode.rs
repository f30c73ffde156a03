//! The fast path of writing JSON: generated [`Encode`] impls write a value's JSON straight into
//! a buffer, byte for byte what `serde_json::to_vec` writes through the value's `Serialize`,
//! with strings that need no escape copied whole instead of looked at byte by byte. Values it
//! does not write itself (timestamps, floats, blobs, documents, maps, unions, integer enums) go
//! through serde_json, so they are the same bytes by construction.

use super::json::plain_run;
use crate::{Blob, DateTime, Document, Empty};
use ::std::collections::BTreeMap;

/// What a fast write gives: serde_json's error where a value's `Serialize` refuses it.
pub type Written = Result<(), ::serde_json::Error>;

/// A type the fast path writes.
pub trait Encode {
    fn encode(&self, out: &mut Vec<u8>) -> Written;
}

/// The JSON of `value`, byte for byte what `serde_json::to_vec(value)` gives.
pub fn to_vec<T: Encode + ?Sized>(value: &T) -> Result<Vec<u8>, ::serde_json::Error> {
    let mut out = Vec::with_capacity(128);
    value.encode(&mut out)?;
    Ok(out)
}

/// A JSON string: copied whole between quotes when nothing in it needs an escape, else written
/// by serde_json's escaper.
#[inline]
pub fn string(out: &mut Vec<u8>, text: &str) -> Written {
    if plain_run(text.as_bytes()) == text.len() {
        out.reserve(text.len() + 2);
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        ::serde_json::to_writer(out, text)
    }
}

/// `value` through its `Serialize`, as serde_json writes it.
#[inline]
pub fn serde<T: ::serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Written {
    ::serde_json::to_writer(out, value)
}

/// A member's key (its JSON text and the `:`, written by the generator), after a `,` unless
/// it is the object's first.
#[inline]
pub fn key(out: &mut Vec<u8>, first: &mut bool, quoted_key_and_colon: &[u8]) {
    if !::std::mem::take(first) {
        out.push(b',');
    }
    out.extend_from_slice(quoted_key_and_colon);
}

impl Encode for str {
    #[inline]
    fn encode(&self, out: &mut Vec<u8>) -> Written {
        string(out, self)
    }
}

impl Encode for String {
    #[inline]
    fn encode(&self, out: &mut Vec<u8>) -> Written {
        string(out, self)
    }
}

impl Encode for bool {
    #[inline]
    fn encode(&self, out: &mut Vec<u8>) -> Written {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
        Ok(())
    }
}

macro_rules! integer {
    ($($type:ty),*) => {
        $(impl Encode for $type {
            #[inline]
            fn encode(&self, out: &mut Vec<u8>) -> Written {
                // Decimal digits, as serde_json writes them; at most 20 bytes.
                let mut digits = [0u8; 20];
                let mut at = digits.len();
                let mut rest = self.unsigned_abs();
                loop {
                    at -= 1;
                    digits[at] = b'0' + (rest % 10) as u8;
                    rest /= 10;
                    if rest == 0 {
                        break;
                    }
                }
                if *self < 0 {
                    out.push(b'-');
                }
                out.extend_from_slice(&digits[at..]);
                Ok(())
            }
        })*
    };
}

integer!(i32, i64);

impl<T: Encode> Encode for Vec<T> {
    #[inline]
    fn encode(&self, out: &mut Vec<u8>) -> Written {
        out.push(b'[');
        for (index, value) in self.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            value.encode(out)?;
        }
        out.push(b']');
        Ok(())
    }
}

impl<T: Encode + ?Sized> Encode for Box<T> {
    #[inline]
    fn encode(&self, out: &mut Vec<u8>) -> Written {
        (**self).encode(out)
    }
}

macro_rules! through_serde {
    ($($type:ty),*) => {
        $(impl Encode for $type {
            fn encode(&self, out: &mut Vec<u8>) -> Written {
                serde(out, self)
            }
        })*
    };
}

through_serde!(DateTime, Blob, Document, Empty);

impl<K: ::serde::Serialize, V: ::serde::Serialize> Encode for BTreeMap<K, V> {
    fn encode(&self, out: &mut Vec<u8>) -> Written {
        serde(out, self)
    }
}
