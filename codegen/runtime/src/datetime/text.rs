//! Text helpers shared by the formats: a byte cursor for reading, a stack buffer and digit
//! writers for writing, and quoting for error messages.

use super::civil::Time;
use ::std::fmt;

/// Text quoted and escaped for an error message, cut after 64 characters: it comes from the
/// network and may be huge.
pub(super) struct Quoted<'a>(pub(super) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cut = self.0.char_indices().nth(64).map_or(self.0.len(), |(at, _)| at);
        write!(f, "{:?}", self.0.get(..cut).unwrap_or(""))?;
        if cut < self.0.len() { f.write_str("…") } else { Ok(()) }
    }
}

/// A fixed buffer for number text, so reading and writing numbers does not allocate.
pub(super) struct StackText {
    bytes: [u8; 48],
    len: usize,
}

impl StackText {
    pub(super) fn new() -> Self {
        Self { bytes: [0; 48], len: 0 }
    }

    pub(super) fn as_str(&self) -> &str {
        self.bytes.get(..self.len).and_then(|b| ::std::str::from_utf8(b).ok()).unwrap_or("")
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Nanoseconds (non-zero) as fraction digits with trailing zeros trimmed.
pub(super) fn write_fraction(out: &mut dyn fmt::Write, nanos: u32) -> fmt::Result {
    let (mut digits, mut width) = (nanos, 9);
    while digits % 10 == 0 && width > 1 {
        digits /= 10;
        width -= 1;
    }
    write!(out, "{digits:0width$}")
}

/// Four digits for years 0000–9999, else signed (`+10000`, `-0001`).
pub(super) fn write_year(out: &mut dyn fmt::Write, year: i64) -> fmt::Result {
    if (0..=9999).contains(&year) { write!(out, "{year:04}") } else { write!(out, "{year:+05}") }
}

/// A forward-only reader over ASCII text.
pub(super) struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub(super) fn eat(&mut self, byte: u8) -> bool {
        self.eat_any(&[byte]).is_some()
    }

    pub(super) fn eat_any(&mut self, set: &[u8]) -> Option<u8> {
        let (&first, rest) = self.rest.split_first()?;
        set.contains(&first).then(|| {
            self.rest = rest;
            first
        })
    }

    pub(super) fn digits(&mut self) -> &'a [u8] {
        let count = self.rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let (digits, rest) = self.rest.split_at_checked(count).unwrap_or((&[], self.rest));
        self.rest = rest;
        digits
    }

    /// Exactly `width` (at most 4) digits.
    pub(super) fn number(&mut self, width: usize) -> Option<u32> {
        let (digits, rest) = self.rest.split_at_checked(width)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.rest = rest;
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    }

    /// A year: four digits, or a sign and four to twelve digits (ISO 8601's expanded form, which
    /// `write_year` writes for years outside 0000–9999).
    pub(super) fn year(&mut self) -> Option<i64> {
        let Some(sign) = self.eat_any(b"+-") else {
            return self.number(4).map(i64::from);
        };
        let digits = self.digits();
        if !(4..=12).contains(&digits.len()) {
            return None;
        }
        let magnitude = digits.iter().fold(0_i64, |n, d| n * 10 + i64::from(d - b'0'));
        Some(if sign == b'-' { -magnitude } else { magnitude })
    }

    /// `sep` then exactly `width` digits.
    pub(super) fn after(&mut self, sep: u8, width: usize) -> Option<u32> {
        if self.eat(sep) { self.number(width) } else { None }
    }

    /// `hh:mm:ss` with an optional `.` or `,` fraction (digits past 9 truncated).
    pub(super) fn time(&mut self) -> Option<Time> {
        let hour = self.number(2)?;
        let minute = self.after(b':', 2)?;
        let second = self.after(b':', 2)?;
        let mut nanos = 0;
        if self.eat_any(b".,").is_some() {
            let digits = self.digits();
            if digits.is_empty() {
                return None;
            }
            for k in 0..9 {
                nanos = nanos * 10 + digits.get(k).map_or(0, |d| u32::from(d - b'0'));
            }
        }
        Some(Time { hour, minute, second, nanos })
    }
}
