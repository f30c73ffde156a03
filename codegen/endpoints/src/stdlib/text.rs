//! `uriEncode`, `substring` and `split`.

/// Percent-encodes every UTF-8 byte but RFC 3986's unreserved characters (`A-Za-z0-9-_.~`),
/// with uppercase hexadecimal digits.
pub(crate) fn uri_encode(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(value.len());
    for &byte in value.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
    encoded
}

/// Characters `start..stop` of `value`, counted from its end when `reverse`; `None` unless
/// `value` is ASCII and `start < stop <= value.len()`.
pub(crate) fn substring(value: &str, start: usize, stop: usize, reverse: bool) -> Option<String> {
    let len = value.len();
    if start >= stop || stop > len || !value.is_ascii() {
        return None;
    }
    let range = if reverse { len - stop..len - start } else { start..stop };
    value.get(range).map(str::to_owned)
}

/// `value` split on `delimiter` into at most `limit` parts (`0`: no limit); `[""]` for an empty
/// `value`.
// Smithy refuses an empty delimiter at run time; a rule can't fail here, so it doesn't split.
pub(crate) fn split(value: &str, delimiter: &str, limit: usize) -> Vec<String> {
    if delimiter.is_empty() || limit == 1 {
        return vec![value.to_owned()];
    }
    if limit == 0 {
        value.split(delimiter).map(str::to_owned).collect()
    } else {
        value.splitn(limit, delimiter).map(str::to_owned).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{split, substring, uri_encode};

    #[test]
    fn uri_encoding() {
        let cases = [
            ("abcdefg", "abcdefg"),
            ("abc:defg", "abc%3Adefg"),
            (
                "/:,?#[]{}|@! $&'()*+;=%<>\"^`\\",
                "%2F%3A%2C%3F%23%5B%5D%7B%7D%7C%40%21%20%24%26%27%28%29%2A%2B%3B%3D%25%3C%3E%22%5E%60%5C",
            ),
            ("0123456789.underscore_dash-Tilda~", "0123456789.underscore_dash-Tilda~"),
            ("\u{1f639}", "%F0%9F%98%B9"),
            ("é", "%C3%A9"),
            ("\u{0}\u{7f}\n", "%00%7F%0A"),
            ("", ""),
            (
                " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
                "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(uri_encode(input), expected, "{input:?}");
        }
    }

    #[test]
    fn substrings() {
        // (input, start, stop, reverse, expected)
        let cases: &[(&str, usize, usize, bool, Option<&str>)] = &[
            ("abcdefg", 0, 4, false, Some("abcd")),
            ("abcd", 0, 4, false, Some("abcd")),
            ("abc", 0, 4, false, None),
            ("", 0, 4, false, None),
            ("\u{fdfd}", 0, 4, false, None),
            ("\u{7f}abcdef", 0, 4, false, Some("\u{7f}abc")),
            ("abcdefg", 0, 4, true, Some("defg")),
            ("defg", 0, 4, true, Some("defg")),
            ("abc", 0, 4, true, None),
            ("defg", 1, 3, false, Some("ef")),
            ("def", 1, 3, false, Some("ef")),
            ("ab", 1, 3, false, None),
            ("hello", 0, 2, true, Some("lo")),
            ("hello", 1, 3, true, Some("ll")),
            ("hello", 0, 0, false, None),
            ("hello", 3, 2, false, None),
            ("hello", 0, 5, true, Some("hello")),
            ("hello", 0, 6, true, None),
            ("a\u{1f431}b", 0, 2, false, None),
            // Non-ASCII anywhere refuses, even outside the range.
            ("abcdé", 0, 2, false, None),
        ];
        for &(input, start, stop, reverse, expected) in cases {
            assert_eq!(
                substring(input, start, stop, reverse).as_deref(),
                expected,
                "{input:?}[{start}..{stop}] reverse {reverse}"
            );
        }
    }

    #[test]
    fn splits() {
        // Smithy's examples, then edge cases.
        let cases: &[(&str, &str, usize, &[&str])] = &[
            ("a--b--c", "--", 0, &["a", "b", "c"]),
            ("a--b--c", "--", 2, &["a", "b--c"]),
            ("a--b--c", "--", 1, &["a--b--c"]),
            ("", "--", 0, &[""]),
            ("--", "--", 0, &["", ""]),
            ("----", "--", 0, &["", "", ""]),
            ("--b--", "--", 0, &["", "b", ""]),
            ("--x-s3--azid--suffix", "--", 0, &["", "x-s3", "azid", "suffix"]),
            ("--x-s3--azid--suffix", "--", 2, &["", "x-s3--azid--suffix"]),
            ("abc", "x", 0, &["abc"]),
            ("mybucket", "--", 1, &["mybucket"]),
            ("a--b--c", "--", 3, &["a", "b", "c"]),
            ("a--b--c", "--", 9, &["a", "b", "c"]),
            ("---", "--", 0, &["", "-"]),
            ("a.b", "", 0, &["a.b"]),
            ("", "--", 1, &[""]),
            ("é--ü", "--", 0, &["é", "ü"]),
        ];
        for &(input, delimiter, limit, expected) in cases {
            assert_eq!(split(input, delimiter, limit), expected, "{input:?} {delimiter:?} {limit}");
        }
    }
}
