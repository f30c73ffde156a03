//! awsJson's fast reader: a cursor over a JSON text that reads what conformant AWS bodies hold
//! (objects, arrays, strings without escapes, integers, booleans, `null`, epoch seconds) and
//! gives up, with [`Miss`], on anything else or anything unusual: serde_json then reads the
//! body and decides.

use super::{Fast, Miss, Read};
use crate::wire::{DeserializeAs, Float};
use crate::{Blob, DateTime};

/// Deeper nesting than this is left to serde_json (whose own limit is 128), so neither the
/// generated decoders nor skipping recurse far, whatever a body holds.
const MAX_DEPTH: usize = 64;

/// After this many elements, a list reserves room for as many more as the rest of the body
/// could hold at their size so far, instead of growing by doubling: a page of 1,000 fleets is
/// then 2 allocations and no copies instead of 9 and 8.
const GUESS_AFTER: usize = 16;

/// Reserves room in `values` for the elements the rest of the body (`remaining` bytes) could
/// hold if they are as long as the first ones (`read` bytes), but never more memory than
/// the rest of the body is long, whatever the elements' text and size.
fn reserve_for_the_rest<T>(values: &mut Vec<T>, read: usize, remaining: usize) {
    let per_element = (read / values.len()).max(1);
    let by_memory = remaining / ::std::mem::size_of::<T>().max(1);
    values.reserve((remaining / per_element).min(by_memory));
}

/// A position in a JSON text.
pub struct JsonReader<'a> {
    text: &'a str,
    pos: usize,
    /// Objects and arrays open around the position.
    depth: usize,
}

impl<'a> JsonReader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        JsonReader { text, pos: 0, depth: 0 }
    }

    /// Opens an object or array: the byte is consumed and the nesting counted.
    #[inline]
    fn open(&mut self, byte: u8) -> Fast<()> {
        if self.depth == MAX_DEPTH {
            return Err(Miss);
        }
        self.expect(byte)?;
        self.depth += 1;
        Ok(())
    }

    #[inline]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not JSON whitespace, not consumed. Whitespace is all below `!`, so
    /// one compare settles the common case of none.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        match self.bytes().get(self.pos) {
            Some(&byte) if byte > b' ' => Some(byte),
            _ => self.peek_past_whitespace(),
        }
    }

    #[cold]
    fn peek_past_whitespace(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&byte) = bytes.get(self.pos) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(byte);
            }
            self.pos += 1;
        }
        None
    }

    /// Consumes `byte`, after whitespace, or misses.
    #[inline]
    fn expect(&mut self, byte: u8) -> Fast<()> {
        if self.peek() != Some(byte) {
            return Err(Miss);
        }
        self.pos += 1;
        Ok(())
    }

    /// Past the `,` before an object's next member, or its closing `}` (then `false`).
    /// Always inlined: it is the start of every member's read.
    #[inline(always)]
    fn another_member(&mut self, first: &mut bool) -> Fast<bool> {
        match self.peek() {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !*first => {
                self.pos += 1;
                self.peek();
                Ok(true)
            }
            Some(b'"') if *first => {
                *first = false;
                Ok(true)
            }
            _ => Err(Miss),
        }
    }

    /// The text of a JSON number, checked against JSON's grammar.
    #[inline]
    pub fn number_text(&mut self) -> Fast<&'a str> {
        self.peek();
        let start = self.pos;
        let end = start + number_length(&self.bytes()[start..]).ok_or(Miss)?;
        self.pos = end;
        self.text.get(start..end).ok_or(Miss)
    }

    /// The first byte of the next value, not consumed.
    #[inline]
    pub fn next_byte(&mut self) -> Option<u8> {
        self.peek()
    }

    /// A string with escapes, read by serde_json as `T` (a `String`, or `IgnoredAny` to check
    /// it), from the string's text.
    pub(super) fn escaped_string<T: ::serde::de::DeserializeOwned>(&mut self) -> Fast<T> {
        self.expect(b'"')?;
        let start = self.pos - 1;
        let bytes = self.bytes();
        loop {
            let at = self.pos + plain_run(bytes.get(self.pos..).unwrap_or_default());
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    break;
                }
                // The escaped character is checked by serde_json below; here it is passed.
                Some(b'\\') if at + 2 <= bytes.len() => self.pos = at + 2,
                _ => return Err(Miss),
            }
        }
        let text = self.text.get(start..self.pos).ok_or(Miss)?;
        ::serde_json::from_str(text).map_err(|_| Miss)
    }
}

impl<'a> Read<'a> for JsonReader<'a> {
    /// Nothing but whitespace is left.
    fn finish(&mut self) -> Fast<()> {
        if self.peek().is_some() { Err(Miss) } else { Ok(()) }
    }

    /// The `{` of an object.
    #[inline]
    fn begin_object(&mut self) -> Fast<()> {
        self.open(b'{')
    }

    /// The next key of an object begun with [`Read::begin_object`], and its `:`; `None` at
    /// its `}`. `first` is true until the first key is read.
    #[inline(always)]
    fn next_key(&mut self, first: &mut bool) -> Fast<Option<&'a str>> {
        if !self.another_member(first)? {
            return Ok(None);
        }
        let key = self.str()?;
        self.expect(b':')?;
        Ok(Some(key))
    }

    /// The next member of an object begun with [`Read::begin_object`], as its index among
    /// the structure's members, `usize::MAX` for a key it does not have, and `None` at the
    /// object's `}`. Services write members in the model's order, so the member `expected` (the
    /// one after the last found) is tried first, in place: `quoted_key(expected, rest)` is the
    /// length of its quoted key if `rest` starts with it, else 0 (generated with each key a
    /// constant, so the compare is a few instructions). Any other key is scanned and looked up
    /// by `index_of`. `first` is true until the first key is read.
    #[inline]
    fn next_member(
        &mut self,
        first: &mut bool,
        expected: &mut usize,
        _names: &[&str],
        quoted_key: impl FnOnce(usize, &[u8]) -> usize,
        index_of: impl FnOnce(&str) -> usize,
    ) -> Fast<Option<usize>> {
        if !self.another_member(first)? {
            return Ok(None);
        }
        let length = quoted_key(*expected, self.bytes().get(self.pos..).unwrap_or_default());
        if length > 0 {
            self.pos += length;
            self.expect(b':')?;
            *expected += 1;
            return Ok(Some(*expected - 1));
        }
        let index = index_of(self.str()?);
        self.expect(b':')?;
        if index != usize::MAX {
            *expected = index + 1;
        }
        Ok(Some(index))
    }

    /// Consumes a `null`, if that is what comes next.
    #[inline]
    fn null(&mut self) -> bool {
        if self.peek() == Some(b'n') && self.bytes()[self.pos..].starts_with(b"null") {
            self.pos += 4;
            return true;
        }
        false
    }

    /// A string without escapes, borrowed. On a miss the position is unchanged but for
    /// whitespace, so the caller can read the same string another way.
    #[inline]
    fn str(&mut self) -> Fast<&'a str> {
        if self.peek() != Some(b'"') {
            return Err(Miss);
        }
        let bytes = self.bytes();
        let start = self.pos + 1;
        let end = start + plain_run(bytes.get(start..).unwrap_or_default());
        if bytes.get(end) != Some(&b'"') {
            return Err(Miss);
        }
        self.pos = end + 1;
        // The run holds no stop, and both ends are ASCII: they are character boundaries.
        self.text.get(start..end).ok_or(Miss)
    }

    /// A string, unescaped by serde_json if it has escapes.
    #[inline]
    fn string(&mut self) -> Fast<String> {
        match self.str() {
            Ok(text) => Ok(text.to_owned()),
            Err(Miss) => self.escaped_string(),
        }
    }

    /// `true` or `false`.
    #[inline]
    fn boolean(&mut self) -> Fast<bool> {
        match self.peek() {
            Some(b't') if self.bytes()[self.pos..].starts_with(b"true") => {
                self.pos += 4;
                Ok(true)
            }
            Some(b'f') if self.bytes()[self.pos..].starts_with(b"false") => {
                self.pos += 5;
                Ok(false)
            }
            _ => Err(Miss),
        }
    }

    /// An integer written as one (`-?(0|[1-9][0-9]*)`) that fits an `i64`; a fraction, an
    /// exponent, `-0` or a leading zero is left to serde_json.
    #[inline]
    fn integer(&mut self) -> Fast<i64> {
        self.peek();
        let bytes = self.bytes();
        let mut at = self.pos;
        let negative = bytes.get(at) == Some(&b'-');
        at += usize::from(negative);
        let digits_start = at;
        let mut value: i64 = 0;
        while let Some(digit) = bytes.get(at).filter(|byte| byte.is_ascii_digit()) {
            let digit = i64::from(digit - b'0');
            value = value.checked_mul(10).ok_or(Miss)?;
            value = if negative { value.checked_sub(digit) } else { value.checked_add(digit) }
                .ok_or(Miss)?;
            at += 1;
        }
        let count = at - digits_start;
        let leading_zero = count > 1 && bytes[digits_start] == b'0';
        let continues = matches!(bytes.get(at), Some(b'.' | b'e' | b'E'));
        if count == 0 || leading_zero || continues || (negative && value == 0) {
            return Err(Miss);
        }
        self.pos = at;
        Ok(value)
    }

    /// A list: `[`, elements read by `element`, `]`.
    #[inline]
    fn list<T>(&mut self, mut element: impl FnMut(&mut Self) -> Fast<T>) -> Fast<Vec<T>> {
        self.open(b'[')?;
        let start = self.pos;
        let mut values = Vec::new();
        if self.peek() != Some(b']') {
            loop {
                values.push(element(self)?);
                if values.len() == GUESS_AFTER {
                    reserve_for_the_rest(&mut values, self.pos - start, self.text.len() - self.pos);
                }
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => break,
                    _ => return Err(Miss),
                }
            }
        }
        self.pos += 1;
        self.depth -= 1;
        if values.capacity() > 2 * values.len() && values.len() >= GUESS_AFTER {
            values.shrink_to_fit();
        }
        Ok(values)
    }

    /// Skips any value, checking it is JSON as serde_json would.
    fn skip(&mut self) -> Fast<()> {
        match self.peek().ok_or(Miss)? {
            b'"' => match self.str() {
                Ok(_) => Ok(()),
                Err(Miss) => self.escaped_string::<::serde::de::IgnoredAny>().map(drop),
            },
            b'{' => {
                self.begin_object()?;
                let mut first = true;
                while self.next_key(&mut first)?.is_some() {
                    self.skip()?;
                }
                Ok(())
            }
            b'[' => self.list(Self::skip).map(drop),
            b't' | b'f' => self.boolean().map(drop),
            b'n' if self.null() => Ok(()),
            b'-' | b'0'..=b'9' => self.number_text().map(drop),
            _ => Err(Miss),
        }
    }

    /// The next value, read by serde_json as `T` (what the serde path does with it), for the
    /// values this reader does not read itself. It is skipped first, from its text: so its
    /// nesting counts toward this reader's bound, which keeps it within serde_json's own.
    fn serde<T: ::serde::de::DeserializeOwned>(&mut self) -> Fast<T> {
        self.peek();
        let start = self.pos;
        self.skip()?;
        let text = self.text.get(start..self.pos).ok_or(Miss)?;
        ::serde_json::from_str(text).map_err(|_| Miss)
    }

    /// Through serde_json, as the serde path reads it: NaN and the infinities are strings.
    #[inline]
    fn double(&mut self) -> Fast<f64> {
        self.serde::<DeserializeAs<Float, f64>>().map(DeserializeAs::into_inner)
    }

    #[inline]
    fn single(&mut self) -> Fast<f32> {
        self.serde::<DeserializeAs<Float, f32>>().map(DeserializeAs::into_inner)
    }

    /// Epoch seconds from the number's text, exactly, as the serde path reads them; a timestamp
    /// in a string through serde_json.
    #[inline]
    fn timestamp(&mut self) -> Fast<DateTime> {
        match self.next_byte() {
            Some(b'-' | b'0'..=b'9') => {
                DateTime::from_epoch_decimal(self.number_text()?).map_err(|_| Miss)
            }
            _ => self.serde::<DateTime>(),
        }
    }

    /// Base64 text, through serde_json.
    fn blob(&mut self) -> Fast<Blob> {
        self.serde::<Blob>()
    }
}

/// How many bytes of `bytes` hold no `"`, `\\` or control character: eight at a time, as
/// serde_json's own scan does. In a word, the lowest byte flagged is always a true stop (a false
/// flag can only sit above a true one), so the count is its position. The last bytes of a body
/// (fewer than eight) are looked at one by one.
#[inline]
pub(super) fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let zero_in = |x: u64| x.wrapping_sub(ONES) & !x;
        let found =
            (zero_in(quote) | zero_in(backslash) | (word.wrapping_sub(ONES * 0x20) & !word))
                & HIGHS;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let stop = |byte: &u8| matches!(byte, b'"' | b'\\' | 0..=0x1f);
    at + bytes[at..].iter().position(stop).unwrap_or(bytes.len() - at)
}

/// The length of the JSON number at the start of `bytes`, if one is there.
fn number_length(bytes: &[u8]) -> Option<usize> {
    let digits =
        |at: usize| bytes[at.min(bytes.len())..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    match bytes.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => at += digits(at),
        _ => return None,
    }
    if bytes.get(at) == Some(&b'.') {
        let count = digits(at + 1);
        if count == 0 {
            return None;
        }
        at += 1 + count;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let count = digits(at);
        if count == 0 {
            return None;
        }
        at += count;
    }
    Some(at)
}
