//! Target `round_trip`: the output types of every operation of both builds, decoded from
//! arbitrary bytes, encoded, decoded and encoded again.
//!
//! Input: as `parse_response`'s ([`response::split`]), so the two share seeds; the status and
//! headers are not used.
//!
//! Checks: serde_json's plain read, the runtime's strict read and its correcting read agree
//! (plain implies strict, to the same value; strict exactly when correcting has nothing to
//! correct); whatever the correcting read gives encodes (`serde_json::to_vec`), its encoding
//! reads back strictly (every required member is there now) and plainly, to the same value
//! (compared by `Debug`, so NaNs compare equal), and encodes to the same bytes; the runtime's
//! `to_vec` (the fast path requests are encoded with) writes exactly serde_json's bytes.

use crate::response;
use appstream_types::runtime::Operation;
use appstream_types::runtime::decode::Decoding;
use appstream_types::runtime::json::from_body_with;
use serde_json::Value;
use std::fmt::Debug;

pub fn fuzz(data: &[u8]) {
    let response = response::split(data);
    (response.op.round_trip)(response.body);
}

/// The checks for one operation (the table's `round_trip`).
pub fn check<O: Operation>(body: &[u8])
where
    O::Output: serde::Serialize + Debug + appstream_types::runtime::fast::Encode,
{
    let what = || format!("{} output from {:?}", O::NAME, String::from_utf8_lossy(body));
    let plain = serde_json::from_slice::<O::Output>(body);
    let strict = from_body_with::<O::Output>(body, Decoding::Strict);
    let correcting = from_body_with::<O::Output>(body, Decoding::Correcting);
    if let Ok(plain) = &plain {
        match &strict {
            Ok(strict) => assert_eq!(
                format!("{plain:?}"),
                format!("{:?}", strict.value),
                "plain and strict reads differ: {}",
                what()
            ),
            Err(error) => {
                panic!("serde_json read it, the strict read did not ({error}): {}", what())
            }
        }
    }
    match (&strict, &correcting) {
        (Ok(_), Ok(correcting)) => {
            assert!(correcting.corrected.is_empty(), "strict read, yet corrected: {}", what());
        }
        (Ok(_), Err(error)) => panic!("strict read it, correcting did not ({error}): {}", what()),
        (Err(_), Ok(correcting)) => assert!(
            !correcting.corrected.is_empty(),
            "correcting read it with nothing to correct, strict did not: {}",
            what()
        ),
        (Err(_), Err(_)) => {}
    }
    let Ok(first) = correcting else { return };
    let encoded = serde_json::to_vec(&first.value)
        .unwrap_or_else(|error| panic!("a decoded value does not encode ({error}): {}", what()));
    let shown = || String::from_utf8_lossy(&encoded).into_owned();
    let fast = appstream_types::runtime::to_vec(&first.value)
        .unwrap_or_else(|error| panic!("the fast path does not encode it ({error}): {}", what()));
    assert!(
        fast == encoded,
        "the fast path wrote {} where serde_json wrote {}: {}",
        String::from_utf8_lossy(&fast),
        shown(),
        what()
    );
    let again = from_body_with::<O::Output>(&encoded, Decoding::Strict).unwrap_or_else(|error| {
        panic!("its encoding {} does not read back strictly ({error}): {}", shown(), what())
    });
    let plain_again = serde_json::from_slice::<O::Output>(&encoded).unwrap_or_else(|error| {
        panic!("its encoding {} does not read back plainly ({error}): {}", shown(), what())
    });
    assert_eq!(
        format!("{:?}", first.value),
        format!("{:?}", again.value),
        "read back as another value from {}: {}",
        shown(),
        what()
    );
    assert_eq!(format!("{:?}", again.value), format!("{plain_again:?}"), "{}", what());
    let re_encoded = serde_json::to_vec(&again.value)
        .unwrap_or_else(|error| panic!("the re-read value does not encode ({error}): {}", what()));
    assert!(
        re_encoded == encoded,
        "encoding is not stable: {} then {}: {}",
        shown(),
        String::from_utf8_lossy(&re_encoded),
        what()
    );
}

/// The output's zero value (`{}` read correcting: every required member present), as JSON.
pub fn example<O: Operation>() -> Option<Value>
where
    O::Output: serde::Serialize,
{
    let decoded = from_body_with::<O::Output>(b"{}", Decoding::Correcting).ok()?;
    serde_json::to_value(&decoded.value).ok()
}
