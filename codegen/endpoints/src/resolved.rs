//! A resolved endpoint: its URL, the headers its requests carry, and its properties.

/// What a rule set resolved: the URL requests go to, headers to add to them, and properties
/// such as `authSchemes` (how to sign them).
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedEndpoint {
    /// The URL, like `https://appstream2-fips.us-gov-west-1.amazonaws.com`.
    pub url: String,
    /// Headers every request to the endpoint carries, each with its values.
    pub headers: Vec<(String, Vec<String>)>,
    /// The endpoint's properties, as the rule set wrote them (templates filled in).
    pub properties: serde_json::Map<String, serde_json::Value>,
}

/// One entry of an endpoint's `authSchemes` property: how requests to it are signed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthScheme {
    /// `sigv4`, `sigv4a`, …
    pub name: String,
    /// The service name to sign for, where it differs from the model's.
    pub signing_name: Option<String>,
    /// The region to sign for (SigV4), where it differs from the caller's.
    pub signing_region: Option<String>,
    /// The regions to sign for (SigV4a).
    pub signing_region_set: Vec<String>,
    /// Whether the path is encoded once only when signing (S3's rule).
    pub disable_double_encoding: Option<bool>,
}

impl ResolvedEndpoint {
    /// The `authSchemes` property, in the rule set's order of preference; entries without a
    /// `name` are skipped.
    pub fn auth_schemes(&self) -> Vec<AuthScheme> {
        let Some(serde_json::Value::Array(schemes)) = self.properties.get("authSchemes") else {
            return Vec::new();
        };
        let text = |scheme: &serde_json::Value, key: &str| {
            scheme.get(key).and_then(serde_json::Value::as_str).map(str::to_owned)
        };
        schemes
            .iter()
            .filter_map(|scheme| {
                Some(AuthScheme {
                    name: text(scheme, "name")?,
                    signing_name: text(scheme, "signingName"),
                    signing_region: text(scheme, "signingRegion"),
                    signing_region_set: (scheme.get("signingRegionSet"))
                        .and_then(serde_json::Value::as_array)
                        .map(|set| {
                            set.iter().filter_map(|r| r.as_str().map(str::to_owned)).collect()
                        })
                        .unwrap_or_default(),
                    disable_double_encoding: (scheme.get("disableDoubleEncoding"))
                        .and_then(serde_json::Value::as_bool),
                })
            })
            .collect()
    }

    /// The header `name`'s values (any ASCII case).
    pub fn header(&self, name: &str) -> Option<&[String]> {
        let found = self.headers.iter().find(|(header, _)| header.eq_ignore_ascii_case(name));
        found.map(|(_, values)| values.as_slice())
    }
}
