//! CBOR written item by item, as a test spells out a body: each function is one data item's
//! head (RFC 8949 §3) or a whole small item.

/// The head of an item of `major` type with argument `n`, in the shortest form.
pub fn head(major: u8, n: u64) -> Vec<u8> {
    let major = major << 5;
    match n {
        0..=23 => vec![major | n as u8],
        24..=0xff => vec![major | 24, n as u8],
        0x100..=0xffff => [&[major | 25][..], &(n as u16).to_be_bytes()].concat(),
        0x1_0000..=0xffff_ffff => [&[major | 26][..], &(n as u32).to_be_bytes()].concat(),
        _ => [&[major | 27][..], &n.to_be_bytes()].concat(),
    }
}

/// A definite-length text string.
pub fn text(value: &str) -> Vec<u8> {
    [head(3, value.len() as u64), value.as_bytes().to_vec()].concat()
}

/// An indefinite-length text string of `chunks`.
pub fn text_in_chunks(chunks: &[&str]) -> Vec<u8> {
    let chunks: Vec<u8> = chunks.iter().flat_map(|chunk| text(chunk)).collect();
    [vec![0x7f], chunks, vec![0xff]].concat()
}

/// A definite-length byte string.
pub fn bytes(value: &[u8]) -> Vec<u8> {
    [head(2, value.len() as u64), value.to_vec()].concat()
}

/// An unsigned integer.
pub fn uint(value: u64) -> Vec<u8> {
    head(0, value)
}

/// A definite-length map of `entries` (keys are text).
pub fn map(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let items: Vec<u8> =
        entries.iter().flat_map(|(key, value)| [text(key), value.clone()].concat()).collect();
    [head(5, entries.len() as u64), items].concat()
}

/// An indefinite-length map of `entries`.
pub fn map_indefinite(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let items: Vec<u8> =
        entries.iter().flat_map(|(key, value)| [text(key), value.clone()].concat()).collect();
    [vec![0xbf], items, vec![0xff]].concat()
}

/// A definite-length array.
pub fn array(items: &[Vec<u8>]) -> Vec<u8> {
    [head(4, items.len() as u64), items.concat()].concat()
}

/// An indefinite-length array.
pub fn array_indefinite(items: &[Vec<u8>]) -> Vec<u8> {
    [vec![0x9f], items.concat(), vec![0xff]].concat()
}

/// `true` or `false`.
pub fn boolean(value: bool) -> Vec<u8> {
    vec![if value { 0xf5 } else { 0xf4 }]
}

/// A double.
pub fn double(value: f64) -> Vec<u8> {
    [&[0xfb][..], &value.to_be_bytes()].concat()
}

/// A timestamp: tag 1 around epoch seconds (an integer or a float item).
pub fn epoch_seconds(seconds: Vec<u8>) -> Vec<u8> {
    [vec![0xc1], seconds].concat()
}
