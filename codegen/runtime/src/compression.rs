//! Request compression, for operations whose model asks for it (`requestcompression`).

/// The body, compressed with the first of `encodings` this build supports when it has at least
/// `min_size` bytes, and the `Content-Encoding` it then has. Without the `gzip` feature no
/// encoding is supported, and every body goes as it is.
pub(crate) fn compress(
    encodings: &[&str],
    min_size: Option<usize>,
    body: Vec<u8>,
) -> (Vec<u8>, Option<&'static str>) {
    let large_enough = min_size.is_some_and(|min_size| body.len() >= min_size);
    if large_enough && encodings.contains(&"gzip") {
        #[cfg(feature = "gzip")]
        if let Some(compressed) = gzip(&body) {
            return (compressed, Some("gzip"));
        }
    }
    (body, None)
}

/// gzip with flate2's default level, as botocore does; `None` if writing failed (it cannot for
/// a `Vec`, but then the body goes uncompressed rather than lost).
#[cfg(feature = "gzip")]
fn gzip(body: &[u8]) -> Option<Vec<u8>> {
    use ::std::io::Write as _;
    let mut encoder = ::flate2::write::GzEncoder::new(Vec::new(), ::flate2::Compression::default());
    encoder.write_all(body).ok()?;
    encoder.finish().ok()
}

#[cfg(all(test, feature = "gzip"))]
mod tests {
    use super::compress;
    use std::io::Read as _;

    #[test]
    fn bodies_from_the_threshold_up_are_gzipped_and_read_back_the_same() {
        let body = br#"{"MetricData":[{"Value":1}]}"#.repeat(500);
        let (compressed, encoding) = compress(&["gzip"], Some(body.len()), body.clone());
        assert_eq!(encoding, Some("gzip"));
        assert!(compressed.len() < body.len() / 10, "{} bytes", compressed.len());
        let mut read_back = Vec::new();
        let decoded =
            flate2::read::GzDecoder::new(compressed.as_slice()).read_to_end(&mut read_back);
        assert!(decoded.is_ok());
        assert_eq!(read_back, body);
        let (kept, encoding) = compress(&["gzip"], Some(body.len() + 1), body.clone());
        assert_eq!((kept, encoding), (body, None));
    }

    #[test]
    fn encodings_this_build_does_not_know_are_not_used() {
        let (kept, encoding) = compress(&["zstd"], Some(0), b"{}".to_vec());
        assert_eq!((kept.as_slice(), encoding), (&b"{}"[..], None));
    }
}
