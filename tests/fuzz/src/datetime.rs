//! Target `datetime`: `DateTime` from every text form, from JSON and from numbers, and back.
//!
//! Input: the bytes as text (lossy UTF-8) go to `parse_iso8601`, `parse_rfc822`,
//! `from_epoch_decimal`, serde_json (as JSON text, as a JSON string holding the text, and
//! through a `serde_json::Value`), and the wire forms `Iso8601` and `Rfc822`; the first 8 bytes
//! are also an `f64` for `from_f64`, and the first 12 seconds and nanoseconds for
//! `from_secs_and_nanos`.
//!
//! Checks, besides never panicking: every value any of them gives writes each of its forms
//! (`to_iso8601`, `to_rfc822`, `to_epoch_decimal`, serde's epoch number, the wire forms, and
//! those texts as JSON strings) and each reads back equal; writing is stable.

use awsjson_runtime::DateTime;
use awsjson_runtime::wire::{DeserializeAs, Iso8601, Rfc822, SerializeAs};

pub fn fuzz(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parsed = [
        DateTime::parse_iso8601(&text).ok(),
        DateTime::parse_rfc822(&text).ok(),
        DateTime::from_epoch_decimal(&text).ok(),
        serde_json::from_slice::<DateTime>(data).ok(),
        serde_json::from_str::<DateTime>(&text).ok(),
        serde_json::to_string(&*text).ok().and_then(|json| serde_json::from_str(&json).ok()),
        serde_json::from_slice::<DeserializeAs<Iso8601, DateTime>>(data)
            .ok()
            .map(DeserializeAs::into_inner),
        serde_json::from_slice::<DeserializeAs<Rfc822, DateTime>>(data)
            .ok()
            .map(DeserializeAs::into_inner),
    ];
    for (index, time) in parsed.into_iter().enumerate() {
        if let Some(time) = time {
            writes_back(time, &format!("reader {index} of {text:?}"));
        }
    }
    // Through `Value`, numbers come as `f64`: only never panicking is asked of it.
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        if let Ok(time) = serde_json::from_value::<DateTime>(value) {
            writes_back(time, &format!("a Value of {text:?}"));
        }
    }
    if let Some(bytes) = data.get(..8) {
        let mut float = [0; 8];
        float.copy_from_slice(bytes);
        let float = f64::from_le_bytes(float);
        if let Ok(time) = DateTime::from_f64(float) {
            writes_back(time, &format!("from_f64({float:e})"));
        }
    }
    if let Some(bytes) = data.get(..12) {
        let mut seconds = [0; 8];
        seconds.copy_from_slice(&bytes[..8]);
        let mut nanos = [0; 4];
        nanos.copy_from_slice(&bytes[8..]);
        let (seconds, nanos) = (i64::from_le_bytes(seconds), u32::from_le_bytes(nanos));
        let exact = DateTime::from_secs_and_nanos(seconds, nanos);
        assert_eq!(exact.is_ok(), nanos < 1_000_000_000, "nanos {nanos}");
        if let Ok(time) = exact {
            assert_eq!((time.secs(), time.subsec_nanos()), (seconds, nanos));
            writes_back(time, &format!("{seconds} s {nanos} ns"));
        }
        let whole = DateTime::from_secs(seconds);
        writes_back(whole, &format!("{seconds} s"));
    }
}

/// Every form `time` writes reads back equal, and writes the same again.
pub fn writes_back(time: DateTime, what: &str) {
    let iso = time.to_iso8601();
    assert_eq!(time.to_string(), iso, "Display is ISO 8601: {what}");
    let http = time.to_rfc822();
    let epoch = time.to_epoch_decimal();
    let json = serde_json::to_string(&time)
        .unwrap_or_else(|error| panic!("{time:?} does not serialize ({error}): {what}"));
    let forms: [(&str, Result<DateTime, String>); 4] = [
        ("ISO 8601", DateTime::parse_iso8601(&iso).map_err(|e| e.to_string())),
        ("RFC 822", DateTime::parse_rfc822(&http).map_err(|e| e.to_string())),
        ("epoch", DateTime::from_epoch_decimal(&epoch).map_err(|e| e.to_string())),
        ("JSON", serde_json::from_str::<DateTime>(&json).map_err(|e| e.to_string())),
    ];
    for (form, read) in forms {
        assert_eq!(
            read,
            Ok(time),
            "{time:?} as {form} ({iso} / {http} / {epoch} / {json}) reads back otherwise: {what}"
        );
    }
    assert_eq!(json, epoch, "serde writes the epoch decimal: {what}");
    let slice: Result<DateTime, _> = serde_json::from_slice(json.as_bytes());
    assert_eq!(slice.ok(), Some(time), "JSON bytes {json}: {what}");
    for text in [&iso, &http, &epoch] {
        let quoted = serde_json::to_string(text).unwrap_or_default();
        let read: Result<DateTime, _> = serde_json::from_str(&quoted);
        assert_eq!(read.ok(), Some(time), "{time:?} as the JSON string {quoted}: {what}");
    }
    let wire_iso = serde_json::to_string(&SerializeAs::<Iso8601, DateTime>::new(&time));
    let wire_iso = wire_iso.unwrap_or_else(|e| panic!("{time:?} as wire Iso8601 ({e}): {what}"));
    assert_eq!(wire_iso, serde_json::to_string(&iso).unwrap_or_default(), "{what}");
    let wire_http = serde_json::to_string(&SerializeAs::<Rfc822, DateTime>::new(&time));
    let wire_http = wire_http.unwrap_or_else(|e| panic!("{time:?} as wire Rfc822 ({e}): {what}"));
    for wire in [&wire_iso, &wire_http] {
        let read = serde_json::from_str::<DeserializeAs<Iso8601, DateTime>>(wire);
        assert_eq!(read.ok().map(DeserializeAs::into_inner), Some(time), "{wire}: {what}");
    }
    let again = DateTime::parse_iso8601(&iso).map(|time| time.to_iso8601());
    assert_eq!(again.ok().as_ref(), Some(&iso), "ISO 8601 is stable: {what}");
}
