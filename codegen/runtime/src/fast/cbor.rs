//! Smithy RPC v2 CBOR's fast reader: a cursor over a CBOR body that reads what conformant
//! bodies hold (maps and arrays of definite or indefinite length, definite text and byte
//! strings, integers, floats of any precision, booleans, null and undefined, tag 1 timestamps)
//! and gives up, with [`Miss`], on anything else: the serde path ([`crate::cbor`]) then reads
//! the body and decides, with the error and its path.

use super::{Fast, Miss, Read};
use crate::{Blob, DateTime};

/// Deeper nesting is left to the serde path, as on JSON's fast path.
const MAX_DEPTH: usize = 64;

/// What an open map has left: a count of entries, or this for one of indefinite length.
const INDEFINITE: usize = usize::MAX;

const BREAK: u8 = 0xff;

/// A position in a CBOR body.
pub struct CborReader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The entries left in each map open around the position.
    maps: [usize; MAX_DEPTH],
    /// Maps, arrays and tags open around the position.
    depth: usize,
    /// How many of them are maps.
    open_maps: usize,
}

impl<'a> CborReader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        CborReader { bytes, pos: 0, maps: [0; MAX_DEPTH], depth: 0, open_maps: 0 }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn left(&self) -> usize {
        self.bytes.len() - self.pos
    }

    /// The argument after an initial byte (at `self.pos`, already passed) with `info`.
    #[inline]
    fn argument(&mut self, info: u8) -> Fast<u64> {
        let width = match info {
            0..=23 => return Ok(u64::from(info)),
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            _ => return Err(Miss),
        };
        let bytes = self.bytes.get(self.pos..self.pos + width).ok_or(Miss)?;
        self.pos += width;
        Ok(bytes.iter().fold(0, |value, byte| value << 8 | u64::from(*byte)))
    }

    /// A head of major type `major` with a definite argument, consumed; the position is kept
    /// on a miss.
    #[inline]
    fn head(&mut self, major: u8) -> Fast<u64> {
        let start = self.pos;
        let initial = self.peek().ok_or(Miss)?;
        if initial >> 5 != major {
            return Err(Miss);
        }
        self.pos += 1;
        self.argument(initial & 0x1f).inspect_err(|_| self.pos = start)
    }

    /// A definite string of major type `major` (2 or 3): its bytes, borrowed.
    #[inline]
    fn string_bytes(&mut self, major: u8) -> Fast<&'a [u8]> {
        let start = self.pos;
        let len = self.head(major)?;
        let end = usize::try_from(len).ok().and_then(|len| self.pos.checked_add(len));
        match end.and_then(|end| self.bytes.get(self.pos..end)) {
            Some(bytes) => {
                self.pos += bytes.len();
                Ok(bytes)
            }
            None => {
                self.pos = start;
                Err(Miss)
            }
        }
    }

    fn enter(&mut self) -> Fast<()> {
        if self.depth == MAX_DEPTH {
            return Err(Miss);
        }
        self.depth += 1;
        Ok(())
    }

    /// A container's length after its initial byte: `INDEFINITE`, or a count whose entries
    /// (of at least `min_size` bytes each) the rest of the body can hold.
    fn length(&mut self, info: u8, min_size: usize) -> Fast<usize> {
        if info == 31 {
            return Ok(INDEFINITE);
        }
        let count = usize::try_from(self.argument(info)?).map_err(|_| Miss)?;
        if count.saturating_mul(min_size) > self.left() { Err(Miss) } else { Ok(count) }
    }

    /// Whether the innermost open map has another entry (then counted), else closes it.
    #[inline]
    fn another_entry(&mut self) -> Fast<bool> {
        let top = self.open_maps.checked_sub(1).ok_or(Miss)?;
        let left = &mut self.maps[top];
        let another = match *left {
            INDEFINITE => {
                if self.bytes.get(self.pos) == Some(&BREAK) {
                    self.pos += 1;
                    false
                } else {
                    true
                }
            }
            0 => false,
            _ => {
                *left -= 1;
                true
            }
        };
        if !another {
            self.open_maps = top;
            self.depth -= 1;
        }
        Ok(another)
    }

    /// A float of any precision, widened.
    #[inline]
    fn float(&mut self) -> Fast<f64> {
        let (width, initial) = match self.peek() {
            Some(0xf9) => (2, 0xf9),
            Some(0xfa) => (4, 0xfa),
            Some(0xfb) => (8, 0xfb),
            _ => return Err(Miss),
        };
        let bytes = self.bytes.get(self.pos + 1..self.pos + 1 + width).ok_or(Miss)?;
        self.pos += 1 + width;
        let bits = bytes.iter().fold(0, |value, byte| value << 8 | u64::from(*byte));
        // Each width's bits fit its type: the casts keep every bit.
        #[allow(clippy::cast_possible_truncation)]
        Ok(match initial {
            0xf9 => f64::from(crate::cbor::half_to_f32(bits as u16)),
            0xfa => f64::from(f32::from_bits(bits as u32)),
            _ => f64::from_bits(bits),
        })
    }
}

impl<'a> Read<'a> for CborReader<'a> {
    fn finish(&mut self) -> Fast<()> {
        if self.pos == self.bytes.len() { Ok(()) } else { Err(Miss) }
    }

    #[inline]
    fn begin_object(&mut self) -> Fast<()> {
        let initial = self.peek().ok_or(Miss)?;
        if initial >> 5 != 5 || self.open_maps == MAX_DEPTH {
            return Err(Miss);
        }
        self.pos += 1;
        let count = self.length(initial & 0x1f, 2)?;
        self.enter()?;
        self.maps[self.open_maps] = count;
        self.open_maps += 1;
        Ok(())
    }

    #[inline]
    fn next_key(&mut self, _first: &mut bool) -> Fast<Option<&'a str>> {
        if !self.another_entry()? {
            return Ok(None);
        }
        self.str().map(Some)
    }

    /// The expected member is tried first, as on JSON's path, against its name: a known key
    /// needs no UTF-8 check. Any other key is looked up by `index_of`.
    #[inline]
    fn next_member(
        &mut self,
        _first: &mut bool,
        expected: &mut usize,
        names: &[&str],
        _quoted_key: impl FnOnce(usize, &[u8]) -> usize,
        index_of: impl FnOnce(&str) -> usize,
    ) -> Fast<Option<usize>> {
        if !self.another_entry()? {
            return Ok(None);
        }
        let start = self.pos;
        let key = self.string_bytes(3)?;
        if names.get(*expected).is_some_and(|name| name.as_bytes() == key) {
            *expected += 1;
            return Ok(Some(*expected - 1));
        }
        let Ok(key) = ::std::str::from_utf8(key) else {
            self.pos = start;
            return Err(Miss);
        };
        let index = index_of(key);
        if index != usize::MAX {
            *expected = index + 1;
        }
        Ok(Some(index))
    }

    /// `null`, or `undefined`, which the protocol reads as null.
    #[inline]
    fn null(&mut self) -> bool {
        if matches!(self.peek(), Some(0xf6 | 0xf7)) {
            self.pos += 1;
            return true;
        }
        false
    }

    #[inline]
    fn str(&mut self) -> Fast<&'a str> {
        let start = self.pos;
        let bytes = self.string_bytes(3)?;
        ::std::str::from_utf8(bytes).map_err(|_| {
            self.pos = start;
            Miss
        })
    }

    #[inline]
    fn string(&mut self) -> Fast<String> {
        self.str().map(str::to_owned)
    }

    #[inline]
    fn boolean(&mut self) -> Fast<bool> {
        let value = match self.peek() {
            Some(0xf4) => false,
            Some(0xf5) => true,
            _ => return Err(Miss),
        };
        self.pos += 1;
        Ok(value)
    }

    #[inline]
    fn integer(&mut self) -> Fast<i64> {
        let negative = match self.peek().map(|initial| initial >> 5) {
            Some(0) => false,
            Some(1) => true,
            _ => return Err(Miss),
        };
        let start = self.pos;
        let value = self.head(u8::from(negative))?;
        match i64::try_from(value) {
            Ok(value) if negative => Ok(-1 - value),
            Ok(value) => Ok(value),
            Err(_) => {
                self.pos = start;
                Err(Miss)
            }
        }
    }

    /// Any float, or an integer, widened as the serde path widens them.
    #[inline]
    #[allow(clippy::cast_precision_loss)]
    fn double(&mut self) -> Fast<f64> {
        match self.float() {
            Ok(value) => Ok(value),
            Err(Miss) => self.integer().map(|value| value as f64),
        }
    }

    #[inline]
    #[allow(clippy::cast_possible_truncation)]
    fn single(&mut self) -> Fast<f32> {
        self.double().map(|value| value as f32)
    }

    /// Tag 1 around epoch seconds, an integer or a float.
    #[inline]
    fn timestamp(&mut self) -> Fast<DateTime> {
        if self.peek() != Some(0xc1) {
            return Err(Miss);
        }
        self.pos += 1;
        match self.float() {
            Ok(seconds) => DateTime::from_f64(seconds).map_err(|_| Miss),
            Err(Miss) => self.integer().map(DateTime::from_secs),
        }
    }

    fn blob(&mut self) -> Fast<Blob> {
        self.string_bytes(2).map(Blob::new)
    }

    #[inline]
    fn list<T>(&mut self, mut element: impl FnMut(&mut Self) -> Fast<T>) -> Fast<Vec<T>> {
        let initial = self.peek().ok_or(Miss)?;
        if initial >> 5 != 4 {
            return Err(Miss);
        }
        self.pos += 1;
        let count = self.length(initial & 0x1f, 1)?;
        self.enter()?;
        let mut values = Vec::new();
        if count == INDEFINITE {
            while self.peek() != Some(BREAK) {
                values.push(element(self)?);
            }
            self.pos += 1;
        } else {
            // Never more memory than the rest of the body is long, whatever it declares.
            values.reserve(count.min(self.left() / ::std::mem::size_of::<T>().max(1)));
            for _ in 0..count {
                values.push(element(self)?);
            }
        }
        self.depth -= 1;
        Ok(values)
    }

    /// Skips any item the serde path would skip; indefinite-length strings are left to it.
    fn skip(&mut self) -> Fast<()> {
        let initial = self.peek().ok_or(Miss)?;
        let (major, info) = (initial >> 5, initial & 0x1f);
        match major {
            0 | 1 => self.head(major).map(drop),
            2 | 3 => self.string_bytes(major).map(drop),
            4 => self.list(Self::skip).map(drop),
            5 => {
                self.begin_object()?;
                while self.another_entry()? {
                    self.skip()?;
                    self.skip()?;
                }
                Ok(())
            }
            6 => {
                self.head(6)?;
                self.enter()?;
                self.skip()?;
                self.depth -= 1;
                Ok(())
            }
            _ => {
                let width = match info {
                    20..=23 => 0,
                    24 => 1,
                    25 => 2,
                    26 => 4,
                    27 => 8,
                    _ => return Err(Miss),
                };
                self.bytes.get(self.pos + 1..self.pos + 1 + width).ok_or(Miss)?;
                self.pos += 1 + width;
                Ok(())
            }
        }
    }

    fn serde<T: ::serde::de::DeserializeOwned>(&mut self) -> Fast<T> {
        let start = self.pos;
        self.skip()?;
        let item = self.bytes.get(start..self.pos).ok_or(Miss)?;
        crate::cbor::from_slice(item).map_err(|_| Miss)
    }
}
