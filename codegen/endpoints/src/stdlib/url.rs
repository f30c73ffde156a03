//! `parseURL`.

use std::net::Ipv6Addr;

use super::host::is_ipv4;

/// A URL that `parseURL` accepted: Smithy's `URL` structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Url {
    /// `http` or `https`, lowercase.
    pub scheme: String,
    /// Host and port as written, without userinfo.
    pub authority: String,
    /// The path as written: empty, or starting with `/`.
    pub path: String,
    /// The path, starting and ending with `/`.
    pub normalized_path: String,
    /// Whether the host is an IPv4 address or a bracketed IPv6 one.
    pub is_ip: bool,
}

/// `scheme://authority/path` with scheme `http` or `https` and no query, or `None`.
pub(crate) fn parse_url(value: &str) -> Option<Url> {
    // RFC 3986 has no whitespace or controls in a URL; botocore's urlparse keeps spaces.
    if value.bytes().any(|byte| byte <= b' ' || byte == 0x7f) {
        return None;
    }
    let (scheme, rest) = value.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.split_once('#').map_or(rest, |(before, _fragment)| before);
    // Smithy refuses any query, even an empty `?`; botocore only a non-empty one.
    if rest.contains('?') {
        return None;
    }
    let (authority, path) = rest.find('/').map_or((rest, ""), |slash| rest.split_at(slash));
    let authority = authority.rsplit_once('@').map_or(authority, |(_userinfo, host)| host);
    let is_ip = check_authority(authority)?;
    Some(Url {
        scheme,
        authority: authority.to_owned(),
        path: path.to_owned(),
        normalized_path: normalize(path),
        is_ip,
    })
}

/// Whether the host is an IP address, or `None` if the host is empty, an invalid IPv6
/// literal, or the port not a number up to 65535.
fn check_authority(authority: &str) -> Option<bool> {
    let (is_ip, port) = match authority.strip_prefix('[') {
        Some(bracketed) => {
            let (literal, after) = bracketed.split_once(']')?;
            if !is_ipv6_literal(literal) {
                return None;
            }
            let port = if after.is_empty() { None } else { Some(after.strip_prefix(':')?) };
            (true, port)
        }
        None => {
            let (host, port) = authority
                .split_once(':')
                .map_or((authority, None), |(host, port)| (host, Some(port)));
            if host.is_empty() || host.contains(['[', ']']) {
                return None;
            }
            (is_ipv4(host), port)
        }
    };
    let port_ok = port.is_none_or(|port| {
        !port.is_empty()
            && port.bytes().all(|byte| byte.is_ascii_digit())
            && port.parse::<u16>().is_ok()
    });
    port_ok.then_some(is_ip)
}

/// An IPv6 address, with an optional zone (`%25eth0`, RFC 6874, or botocore's `%eth0`).
fn is_ipv6_literal(literal: &str) -> bool {
    let (address, zone) =
        literal.split_once('%').map_or((literal, None), |(address, zone)| (address, Some(zone)));
    address.parse::<Ipv6Addr>().is_ok() && zone.is_none_or(is_zone)
}

/// Unreserved characters and percent-encodings, at least one.
fn is_zone(zone: &str) -> bool {
    let bytes = zone.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte == b'%' {
            let hex = bytes.get(at + 1..at + 3);
            if !hex.is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) {
                return false;
            }
            at += 3;
        } else if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            at += 1;
        } else {
            return false;
        }
    }
    !bytes.is_empty()
}

/// The path with a `/` added at either end that lacks one.
// Smithy keeps the path as written; botocore also drops `.`, `..` and empty segments and
// percent-encodes it again (`%20` becomes `%2520`).
fn normalize(path: &str) -> String {
    let mut normalized = String::with_capacity(path.len() + 2);
    if !path.starts_with('/') {
        normalized.push('/');
    }
    normalized.push_str(path);
    if !normalized.ends_with('/') {
        normalized.push('/');
    }
    normalized
}

#[cfg(test)]
mod tests {
    use super::{Url, parse_url};

    fn url(scheme: &str, authority: &str, path: &str, normalized: &str, is_ip: bool) -> Url {
        Url {
            scheme: scheme.to_owned(),
            authority: authority.to_owned(),
            path: path.to_owned(),
            normalized_path: normalized.to_owned(),
            is_ip,
        }
    }

    #[test]
    fn valid_urls() {
        let ipv6 = "[2001:db8:85a3:8d3:1319:8a2e:370:7348]";
        let ipv6_port = format!("{ipv6}:443");
        let cases = [
            // Smithy's examples and tests.
            ("https://example.com", url("https", "example.com", "", "/", false)),
            (
                "http://example.com:80/foo/bar",
                url("http", "example.com:80", "/foo/bar", "/foo/bar/", false),
            ),
            ("https://127.0.0.1", url("https", "127.0.0.1", "", "/", true)),
            ("https://[fe80::1]", url("https", "[fe80::1]", "", "/", true)),
            (
                "https://authority.com/custom-path",
                url("https", "authority.com", "/custom-path", "/custom-path/", false),
            ),
            ("https://authority.com/", url("https", "authority.com", "/", "/", false)),
            (
                "https://authority.com:8000/port",
                url("https", "authority.com:8000", "/port", "/port/", false),
            ),
            ("http://99_ab.com", url("http", "99_ab.com", "", "/", false)),
            ("http://99_ab-.com", url("http", "99_ab-.com", "", "/", false)),
            ("http://192.168.1.1/foo/", url("http", "192.168.1.1", "/foo/", "/foo/", true)),
            (
                "http://192.168.1.1:1234/foo/",
                url("http", "192.168.1.1:1234", "/foo/", "/foo/", true),
            ),
            (&format!("https://{ipv6_port}"), url("https", &ipv6_port, "", "/", true)),
            ("https://999.999.abc.blah", url("https", "999.999.abc.blah", "", "/", false)),
            // Edge cases.
            ("HTTPS://Example.com", url("https", "Example.com", "", "/", false)),
            ("http://host:8080/path/", url("http", "host:8080", "/path/", "/path/", false)),
            ("http://[::1]:8080/a", url("http", "[::1]:8080", "/a", "/a/", true)),
            ("http://[fe80::1%25en0]/", url("http", "[fe80::1%25en0]", "/", "/", true)),
            ("http://[::ffff:1.2.3.4]", url("http", "[::ffff:1.2.3.4]", "", "/", true)),
            ("http://localhost:0", url("http", "localhost:0", "", "/", false)),
            ("http://h:65535", url("http", "h:65535", "", "/", false)),
            ("http://01.2.3.4", url("http", "01.2.3.4", "", "/", false)),
            ("http://1.2.3.4.5", url("http", "1.2.3.4.5", "", "/", false)),
            ("https://user:pw@host.com/x", url("https", "host.com", "/x", "/x/", false)),
            ("https://host.com/a/#frag?x", url("https", "host.com", "/a/", "/a/", false)),
            ("https://host.com#frag", url("https", "host.com", "", "/", false)),
            // Kept as written: Smithy doesn't resolve dot segments or merge slashes.
            ("https://h/a//b/../c", url("https", "h", "/a//b/../c", "/a//b/../c/", false)),
            ("https://h//", url("https", "h", "//", "//", false)),
            ("https://h/a%20b", url("https", "h", "/a%20b", "/a%20b/", false)),
            ("https://h/é", url("https", "h", "/é", "/é/", false)),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_url(input), Some(expected), "{input}");
        }
    }

    #[test]
    fn invalid_urls() {
        for input in [
            "https://example.com:8443?foo=bar&faz=baz",
            "https://example.com/path?query1=foo",
            "https://example.com/?",
            "acbd://example.com",
            "ftp://example.com",
            "wss://localhost:8443/path",
            "http://abc.com:a/foo",
            "http://abc.com:/foo",
            "http://abc.com:65536",
            "http://abc.com:-1",
            "http://abc.com:1:2",
            "http://abc.com:+80",
            "example.com",
            "https:example.com",
            "//example.com",
            "",
            "https://",
            "https:///path",
            "https://:443",
            "https://user@",
            "http://::1/",
            "http://[::1",
            "http://[::1]x",
            "http://[::1]:",
            "http://[not-ipv6]",
            "http://[1.2.3.4]",
            "http://[fe80::1%]",
            "http://[fe80::1%25%zz]",
            "http://[fe80::1%e n]",
            "http://a]b",
            "https://exa mple.com",
            "https://example.com/a b",
            "https://example.com/\t",
            " https://example.com",
        ] {
            assert_eq!(parse_url(input), None, "{input}");
        }
    }
}
