//! simd-json, which parses in place: every call first copies the body into a buffer kept
//! between calls (the bench times that copy on its own too), and reuses simd-json's scratch
//! buffers, its fastest use.

use serde::de::{DeserializeOwned, IgnoredAny};
use simd_json::{Buffers, OwnedValue};

pub struct InPlace<'a> {
    body: &'a [u8],
    buffer: Vec<u8>,
    scratch: Buffers,
}

impl<'a> InPlace<'a> {
    pub fn new(body: &'a [u8]) -> Self {
        InPlace { body, buffer: body.to_vec(), scratch: Buffers::new(body.len()) }
    }

    /// The body copied into the buffer, as each call below begins.
    pub fn copy(&mut self) {
        self.buffer.copy_from_slice(self.body);
        std::hint::black_box(&mut self.buffer);
    }

    pub fn typed<T: DeserializeOwned>(&mut self) -> Result<T, simd_json::Error> {
        self.buffer.copy_from_slice(self.body);
        simd_json::serde::from_slice_with_buffers(&mut self.buffer, &mut self.scratch)
    }

    pub fn ignored(&mut self) -> Result<IgnoredAny, simd_json::Error> {
        self.typed()
    }

    pub fn owned_value(&mut self) -> Result<OwnedValue, simd_json::Error> {
        self.buffer.copy_from_slice(self.body);
        simd_json::to_owned_value_with_buffers(&mut self.buffer, &mut self.scratch)
    }
}
