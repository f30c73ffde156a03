//! Idempotency tokens: the UUIDs botocore puts in members the model marks `idempotencyToken`.

use ::std::fmt::Write as _;

/// A random (version 4) UUID, `8c2f41d0-5b7e-4c3a-9f1e-2d6b0a7c9e35`, as Python's `uuid.uuid4`
/// makes botocore's: 122 random bits from the operating system's secure random source
/// (`getrandom`), so two clients anywhere never send the same token for different requests.
/// Fails only when the system has no random source to give.
pub fn uuid_v4() -> Result<String, RandomSourceError> {
    let mut bytes = [0u8; 16];
    ::getrandom::fill(&mut bytes).map_err(|error| RandomSourceError(error.to_string()))?;
    Ok(format_uuid_v4(bytes))
}

/// `bytes` as a version 4, variant 1 UUID (RFC 9562): the version and variant bits are set,
/// the other 122 are the bytes'.
pub(crate) fn format_uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut text = String::with_capacity(36);
    for (index, byte) in bytes.iter().enumerate() {
        if matches!(index, 4 | 6 | 8 | 10) {
            text.push('-');
        }
        // Writing to a String cannot fail.
        let _ = write!(text, "{byte:02x}");
    }
    text
}

/// The operating system gave no random bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RandomSourceError(String);

impl ::std::fmt::Display for RandomSourceError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write!(f, "the system's random source failed: {}", self.0)
    }
}

impl ::std::error::Error for RandomSourceError {}

#[cfg(test)]
mod tests {
    use super::{format_uuid_v4, uuid_v4};

    #[test]
    fn sets_the_version_and_variant_bits() {
        assert_eq!(format_uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(format_uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn random_uuids_differ_and_have_the_form() {
        let (a, b) = (uuid_v4().unwrap_or_default(), uuid_v4().unwrap_or_default());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        let groups: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(a.as_bytes()[14], b'4');
        assert!(matches!(a.as_bytes()[19], b'8' | b'9' | b'a' | b'b'), "{a}");
    }
}
