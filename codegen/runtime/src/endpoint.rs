//! Where requests go: an endpoint URL, and the URL of one request to it.

use ::std::fmt;

/// An endpoint: a service's standard one ([`Service::endpoint`](super::Service::endpoint)) or
/// any URL ([`Endpoint::parse`]), with or without a path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    scheme: &'static str,
    host: String,
    port: Option<u16>,
    path: String,
    query: Option<String>,
    /// What a rule set's endpoint adds: headers for every request, and how to sign.
    resolved: Resolved,
}

/// What an endpoint resolved by a rule set says besides its URL.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
struct Resolved {
    headers: Vec<(String, String)>,
    signing_name: Option<String>,
    signing_region: Option<String>,
    /// The properties as JSON text (`""` when none), read on demand.
    properties: String,
}

/// Why a URL or region gives no endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointError(String);

impl EndpointError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ::std::error::Error for EndpointError {}

impl Endpoint {
    /// Reads an endpoint URL: `http` or `https`, a host (a name, an IPv4 address or a bracketed
    /// IPv6 one), an optional port, and an optional path and query, which every request keeps
    /// (`https://proxy.example.com/appstream/`). User names and fragments are refused: no HTTP
    /// request carries them.
    pub fn parse(url: &str) -> Result<Self, EndpointError> {
        let refuse = |why: &str| EndpointError::new(format!("endpoint URL `{url}`: {why}"));
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| refuse("expected `https://host` or `http://host`"))?;
        let scheme = match scheme.to_ascii_lowercase().as_str() {
            "https" => "https",
            "http" => "http",
            _ => return Err(refuse("the scheme must be `https` or `http`")),
        };
        if rest.contains('#') {
            return Err(refuse("an endpoint has no fragment (`#…`)"));
        }
        let (rest, query) = match rest.split_once('?') {
            Some((rest, query)) => (rest, Some(query.to_owned())),
            None => (rest, None),
        };
        let (authority, path) = match rest.find('/') {
            Some(slash) => rest.split_at(slash),
            None => (rest, ""),
        };
        if authority.contains('@') {
            return Err(refuse("an endpoint has no user name (`…@`)"));
        }
        let (host, port) = split_port(authority).map_err(|why| refuse(&why))?;
        if host.is_empty() {
            return Err(refuse("there is no host"));
        }
        if let Some(bad) = host.chars().find(|c| c.is_whitespace() || c.is_control()) {
            return Err(refuse(&format!("the host contains {bad:?}")));
        }
        let (host, path) = (host.to_owned(), path.to_owned());
        Ok(Endpoint { scheme, host, port, path, query, resolved: Resolved::default() })
    }

    /// `https://{prefix}.{region}.{dns suffix}` in the partition `region` belongs to.
    pub(crate) fn standard(prefix: &str, region: &str) -> Result<Self, EndpointError> {
        let dns_suffix = dns_suffix(region)?;
        let host = format!("{prefix}.{region}.{dns_suffix}");
        let (port, path, query) = (None, String::new(), None);
        Ok(Endpoint { scheme: "https", host, port, path, query, resolved: Resolved::default() })
    }

    /// The endpoint a rule set resolved: its URL read as [`Endpoint::parse`] reads one, with
    /// its headers and the signing name and region of its first `authSchemes` entry.
    pub fn from_resolved(
        resolved: &crate::endpoints::ResolvedEndpoint,
    ) -> Result<Self, EndpointError> {
        let mut endpoint = Endpoint::parse(&resolved.url)?;
        let headers = resolved.headers.iter();
        let headers = headers
            .flat_map(|(name, values)| values.iter().map(move |v| (name.clone(), v.clone())));
        let scheme = resolved.auth_schemes().into_iter().next();
        let properties = match resolved.properties.is_empty() {
            true => String::new(),
            false => serde_json::Value::Object(resolved.properties.clone()).to_string(),
        };
        endpoint.resolved = Resolved {
            headers: headers.collect(),
            signing_name: scheme.as_ref().and_then(|scheme| scheme.signing_name.clone()),
            signing_region: scheme.and_then(|scheme| scheme.signing_region),
            properties,
        };
        Ok(endpoint)
    }

    /// Headers every request to this endpoint carries (from its rule set), one pair per value;
    /// [`Request::into_http`](super::Request) adds them.
    pub fn headers(&self) -> &[(String, String)] {
        &self.resolved.headers
    }

    /// The service name to sign requests to this endpoint for, where its rule set names one
    /// (`authSchemes`); else the model's ([`Service::signing_name`](super::Service)).
    pub fn signing_name(&self) -> Option<&str> {
        self.resolved.signing_name.as_deref()
    }

    /// The region to sign requests to this endpoint for, where its rule set names one (a
    /// global endpoint signs for `us-east-1` whatever the caller's region); else the caller's.
    pub fn signing_region(&self) -> Option<&str> {
        self.resolved.signing_region.as_deref()
    }

    /// The endpoint's properties as its rule set wrote them (`authSchemes`, …); empty for an
    /// endpoint parsed from a URL.
    pub fn properties(&self) -> serde_json::Map<String, serde_json::Value> {
        match serde_json::from_str(&self.resolved.properties) {
            Ok(serde_json::Value::Object(properties)) => properties,
            _ => serde_json::Map::new(),
        }
    }

    /// `https` or `http`.
    pub fn scheme(&self) -> &'static str {
        self.scheme
    }

    /// The host, as given (an IPv6 address with its brackets).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port, if the URL gave one.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The `Host` header of a request with `host_prefix` ([`Request::host_prefix`]): the host
    /// with the prefix before it, and the port if the URL gave one.
    ///
    /// [`Request::host_prefix`]: super::Request::host_prefix
    pub fn authority(&self, host_prefix: Option<&str>) -> String {
        let mut authority = host_prefix.unwrap_or_default().to_owned();
        authority.push_str(&self.host);
        if let Some(port) = self.port {
            authority.push(':');
            authority.push_str(&port.to_string());
        }
        authority
    }

    /// The URL of a request with `path` and `host_prefix`, joined as botocore joins them: the
    /// host prefix before the host; for the path `/` (every awsJson request's), the endpoint's
    /// own path or `/`; else the two paths with one `/` between them; the endpoint's query kept.
    pub fn url(&self, path: &str, host_prefix: Option<&str>) -> String {
        let path = if path.is_empty() || path == "/" {
            if self.path.is_empty() { "/".to_owned() } else { self.path.clone() }
        } else if let (Some(base), Some(rest)) =
            (self.path.strip_suffix('/'), path.strip_prefix('/'))
        {
            format!("{base}/{rest}")
        } else {
            format!("{}{path}", self.path)
        };
        let query = self.query.as_ref().map(|query| format!("?{query}")).unwrap_or_default();
        format!("{}://{}{path}{query}", self.scheme, self.authority(host_prefix))
    }
}

/// The URL, as [`Endpoint::parse`] would read it back.
impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.authority(None), self.path)?;
        match &self.query {
            Some(query) => write!(f, "?{query}"),
            None => Ok(()),
        }
    }
}

/// `host[:port]`, where the host may be a bracketed IPv6 address.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), String> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(ipv6) => {
            let (address, after) =
                ipv6.split_once(']').ok_or("the IPv6 address has no closing `]`")?;
            let port = match after {
                "" => None,
                _ => Some(after.strip_prefix(':').ok_or("expected `:port` after `]`")?),
            };
            (&authority[..address.len() + 2], port)
        }
        None => match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let port = match port {
        None => None,
        Some(port) => Some(
            port.parse::<u16>()
                .map_err(|_| format!("the port must be a number from 0 to 65535, not `{port}`"))?,
        ),
    };
    Ok((host, port))
}

/// The DNS suffix of the partition of `region`: `aws`, `aws-cn` or `aws-us-gov`.
fn dns_suffix(region: &str) -> Result<&'static str, EndpointError> {
    let label = |part: &str| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    if !region.split('-').all(label) {
        return Err(EndpointError::new(format!(
            "`{region}` is not a region name like `us-east-1` (lowercase letters and digits \
             between hyphens)"
        )));
    }
    // Partitions whose endpoints follow other rules (the isolated ones) are not guessed at.
    const ELSEWHERE: &[&str] = &["us-iso-", "us-isob-", "us-isof-", "eu-isoe-"];
    if ELSEWHERE.iter().any(|prefix| region.starts_with(prefix)) {
        return Err(EndpointError::new(format!(
            "region `{region}` is in a partition other than aws, aws-cn and aws-us-gov: pass \
             its endpoint URL"
        )));
    }
    Ok(if region.starts_with("cn-") { "amazonaws.com.cn" } else { "amazonaws.com" })
}

#[cfg(test)]
mod tests {
    use super::Endpoint;

    fn parse(url: &str) -> Endpoint {
        Endpoint::parse(url).unwrap_or_else(|error| panic!("{error}"))
    }

    fn refusal(url: &str) -> String {
        Endpoint::parse(url).err().map(|error| error.to_string()).unwrap_or_default()
    }

    #[test]
    fn standard_endpoints_in_the_three_partitions() {
        let standard =
            |region: &str| Endpoint::standard("appstream2", region).map(|e| e.to_string());
        assert_eq!(
            standard("us-east-1").as_deref(),
            Ok("https://appstream2.us-east-1.amazonaws.com")
        );
        assert_eq!(
            standard("cn-northwest-1").as_deref(),
            Ok("https://appstream2.cn-northwest-1.amazonaws.com.cn")
        );
        assert_eq!(
            standard("us-gov-west-1").as_deref(),
            Ok("https://appstream2.us-gov-west-1.amazonaws.com")
        );
        let error =
            |region: &str| standard(region).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            error("us-iso-east-1"),
            "region `us-iso-east-1` is in a partition other than aws, aws-cn and aws-us-gov: pass \
             its endpoint URL"
        );
        for bad in ["", "US-EAST-1", "us-east-1.evil.com", "us--1", "-us-east-1"] {
            assert!(error(bad).ends_with("is not a region name like `us-east-1` (lowercase letters and digits between hyphens)"), "{bad}");
        }
    }

    #[test]
    fn urls_are_joined_as_botocore_joins_them() {
        let cases = [
            ("https://example.com", "/", None, "https://example.com/"),
            ("https://example.com/", "/", None, "https://example.com/"),
            ("https://example.com/custom/", "/", None, "https://example.com/custom/"),
            ("https://example.com/custom", "/", None, "https://example.com/custom"),
            ("https://example.com/custom/", "/op", None, "https://example.com/custom/op"),
            ("https://example.com/custom", "/op", None, "https://example.com/custom/op"),
            ("http://127.0.0.1:5000", "/", Some("data-"), "http://data-127.0.0.1:5000/"),
            (
                "https://example.com/a?x=1",
                "/",
                Some("us-west-2a-"),
                "https://us-west-2a-example.com/a?x=1",
            ),
            ("HTTPS://[::1]:8443/p/", "/", None, "https://[::1]:8443/p/"),
        ];
        for (endpoint, path, host_prefix, expected) in cases {
            assert_eq!(parse(endpoint).url(path, host_prefix), expected, "{endpoint} + {path}");
        }
        assert_eq!(parse("http://localhost:4566").authority(Some("data.")), "data.localhost:4566");
        assert_eq!(parse("https://example.com/custom/").to_string(), "https://example.com/custom/");
    }

    #[test]
    fn what_is_not_an_endpoint_is_refused_by_name() {
        assert_eq!(
            refusal("example.com"),
            "endpoint URL `example.com`: expected `https://host` or `http://host`"
        );
        assert_eq!(
            refusal("ftp://example.com"),
            "endpoint URL `ftp://example.com`: the scheme must be `https` or `http`"
        );
        assert_eq!(refusal("https://"), "endpoint URL `https://`: there is no host");
        assert_eq!(refusal("https://:443"), "endpoint URL `https://:443`: there is no host");
        assert_eq!(
            refusal("https://example.com:99999"),
            "endpoint URL `https://example.com:99999`: the port must be a number from 0 to 65535, not `99999`"
        );
        assert_eq!(
            refusal("https://user@example.com"),
            "endpoint URL `https://user@example.com`: an endpoint has no user name (`…@`)"
        );
        assert_eq!(
            refusal("https://example.com/#top"),
            "endpoint URL `https://example.com/#top`: an endpoint has no fragment (`#…`)"
        );
        assert_eq!(
            refusal("https://[::1"),
            "endpoint URL `https://[::1`: the IPv6 address has no closing `]`"
        );
        assert_eq!(
            refusal("https://exa mple.com"),
            "endpoint URL `https://exa mple.com`: the host contains ' '"
        );
    }
}
