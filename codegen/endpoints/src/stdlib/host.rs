//! `isValidHostLabel`, `aws.isVirtualHostableS3Bucket`, and the IPv4 test they share with
//! `parseURL`.

/// Whether `value` is a host label, or with `allow_subdomains` labels joined by `.`.
pub(crate) fn is_valid_host_label(value: &str, allow_subdomains: bool) -> bool {
    if allow_subdomains { value.split('.').all(is_label) } else { is_label(value) }
}

/// 1 to 63 ASCII letters, digits and hyphens, not starting with a hyphen.
// Smithy's reference accepts a trailing hyphen, which RFC 1123 and botocore refuse.
fn is_label(label: &str) -> bool {
    match label.as_bytes().split_first() {
        Some((first, rest)) => {
            label.len() <= 63
                && first.is_ascii_alphanumeric()
                && rest.iter().all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-')
        }
        None => false,
    }
}

/// Whether `value` can be the host label of a virtual-hosted S3 bucket: 3 to 63 lowercase
/// letters, digits and hyphens, starting and ending with a letter or digit; with
/// `allow_subdomains`, also dots, but no dot next to a dot or hyphen and no IPv4 address.
// Smithy caps the whole name at 63 characters (S3's limit); botocore only each label.
pub(crate) fn is_virtual_hostable_s3_bucket(value: &str, allow_subdomains: bool) -> bool {
    let bytes = value.as_bytes();
    let is_end = |byte: &u8| byte.is_ascii_lowercase() || byte.is_ascii_digit();
    let ends_ok = bytes.first().is_some_and(is_end) && bytes.last().is_some_and(is_end);
    if !(3..=63).contains(&bytes.len()) || !ends_ok {
        return false;
    }
    if !allow_subdomains {
        return bytes.iter().all(|byte| is_end(byte) || *byte == b'-');
    }
    bytes.iter().all(|byte| is_end(byte) || matches!(byte, b'-' | b'.'))
        && !bytes.windows(2).any(|pair| matches!(pair, [b'.', b'.' | b'-'] | [b'-', b'.']))
        && !is_ipv4(value)
}

/// Four dot-separated decimal groups of 1 to 3 digits, none with a leading zero.
// Smithy's heuristic: 999.1.1.1 counts (no range check); botocore also counts 01.1.1.1.
pub(super) fn is_ipv4(host: &str) -> bool {
    let mut groups = 0;
    host.split('.').all(|group| {
        groups += 1;
        let digits = group.as_bytes();
        groups <= 4
            && (1..=3).contains(&digits.len())
            && digits.iter().all(u8::is_ascii_digit)
            && !(digits.len() > 1 && digits.first() == Some(&b'0'))
    }) && groups == 4
}

#[cfg(test)]
mod tests {
    use super::{is_ipv4, is_valid_host_label, is_virtual_hostable_s3_bucket};

    #[test]
    fn host_labels() {
        let a63 = "a".repeat(63);
        let a64 = "a".repeat(64);
        let two63 = format!("{a63}.{a63}");
        // (value, valid alone, valid with subdomains)
        let cases: &[(&str, bool, bool)] = &[
            ("us-east-1", true, true),
            ("3aws4", true, true),
            ("a", true, true),
            ("UPPER-case", true, true),
            (&a63, true, true),
            (&a64, false, false),
            (&two63, false, true),
            ("part1.part2", false, true),
            ("a.b.c", false, true),
            ("", false, false),
            (".", false, false),
            ("part1.", false, false),
            (".part1", false, false),
            ("part1..part2", false, false),
            ("-foo", false, false),
            ("part1.-part2", false, false),
            // Smithy's reference: a trailing hyphen is accepted.
            ("foo-", true, true),
            ("a-.b", false, true),
            ("part1 part2", false, false),
            ("a_b", false, false),
            ("café", false, false),
            ("a.café.b", false, false),
            ("日本語", false, false),
        ];
        for &(value, alone, subdomains) in cases {
            assert_eq!(is_valid_host_label(value, false), alone, "{value:?} alone");
            assert_eq!(is_valid_host_label(value, true), subdomains, "{value:?} with subdomains");
        }
    }

    #[test]
    fn virtual_hostable_buckets() {
        let a63 = "a".repeat(63);
        let a64 = "a".repeat(64);
        let long_dotted = format!("{}.{}", "a".repeat(31), "b".repeat(32));
        // (value, valid alone, valid with subdomains)
        let cases: &[(&str, bool, bool)] = &[
            ("bucket-name", true, true),
            ("bucket-with-number-1", true, true),
            ("abc", true, true),
            ("a0b", true, true),
            ("a--b--x-s3", true, true),
            (&a63, true, true),
            (&a64, false, false),
            (&long_dotted, false, false),
            ("aa", false, false),
            ("", false, false),
            ("BucketName", false, false),
            ("abC", false, false),
            ("bucket_name", false, false),
            ("abc def", false, false),
            ("-bucket-name", false, false),
            ("bucket-name-", false, false),
            (".bucket-name", false, false),
            ("bucket-name.", false, false),
            ("bucket.name", false, true),
            ("bucket.name.multiple.dots1", false, true),
            ("a.b", false, true),
            ("bucket-.name", false, false),
            ("bucket.-name", false, false),
            ("bucket..name", false, false),
            ("192.168.5.4", false, false),
            ("0.0.0.0", false, false),
            ("127.0.0.1", false, false),
            // Not IPv4 addresses by Smithy's test.
            ("abc.def.ghi.jkl", false, true),
            ("1a2.2b3.3c4.4d5", false, true),
            ("192.168.5.04", false, true),
            ("1.2.3.4.5", false, true),
            ("1234.1.1.1", false, true),
            ("bücket", false, false),
        ];
        for &(value, alone, subdomains) in cases {
            assert_eq!(is_virtual_hostable_s3_bucket(value, false), alone, "{value:?} alone");
            assert_eq!(
                is_virtual_hostable_s3_bucket(value, true),
                subdomains,
                "{value:?} with subdomains"
            );
        }
    }

    #[test]
    fn ipv4() {
        for host in ["0.0.0.0", "127.0.0.1", "192.168.1.1", "999.999.999.999", "10.0.10.100"] {
            assert!(is_ipv4(host), "{host}");
        }
        for host in [
            "",
            "1.1.1",
            "1.1.1.1.1",
            "1..1.1",
            ".1.1.1",
            "1.1.1.",
            "01.1.1.1",
            "1.1.1.00",
            "1234.1.1.1",
            "a.1.1.1",
            "999.999.abc.blah",
            "localhost",
            "[::1]",
            "١.١.١.١",
        ] {
            assert!(!is_ipv4(host), "{host}");
        }
    }
}
