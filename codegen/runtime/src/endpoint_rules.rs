//! A service's endpoint rule set, carried by its generated code, and what a caller chooses
//! about endpoints: the region, FIPS, dual stack, a custom URL, any other parameter.

use super::endpoint::{Endpoint, EndpointError};
use super::endpoints::{ParamValue, Params, Partitions, RuleSet, RuleSetError};
use ::std::fmt;
use ::std::sync::{Arc, OnceLock};

/// A service's endpoint rule set as generated code carries it: its JSON, read (and checked
/// again) the first time an endpoint is resolved. The generator checked it at build time.
#[derive(Clone, Copy)]
pub struct EndpointRules {
    json: &'static str,
    cell: fn() -> &'static RuleSetCell,
}

/// Where a service's rule set is kept once read; generated code declares one `static` of it.
pub struct RuleSetCell(OnceLock<Result<RuleSet, RuleSetError>>);

impl RuleSetCell {
    /// Not read yet.
    pub const fn new() -> Self {
        RuleSetCell(OnceLock::new())
    }
}

impl Default for RuleSetCell {
    fn default() -> Self {
        Self::new()
    }
}

impl EndpointRules {
    /// The rule set `json`, read into `cell` when first used. Generated code:
    /// `EndpointRules::new(JSON, || { static CELL: RuleSetCell = RuleSetCell::new(); &CELL })`.
    pub const fn new(json: &'static str, cell: fn() -> &'static RuleSetCell) -> Self {
        EndpointRules { json, cell }
    }

    /// The rule set's JSON text.
    pub fn json(&self) -> &'static str {
        self.json
    }

    /// The rule set, read once.
    pub fn rule_set(&self) -> Result<&'static RuleSet, EndpointError> {
        let read = (self.cell)().0.get_or_init(|| RuleSet::from_json(self.json));
        read.as_ref().map_err(|error| EndpointError::new(error.to_string()))
    }
}

impl PartialEq for EndpointRules {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl Eq for EndpointRules {}

impl ::std::hash::Hash for EndpointRules {
    fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
        self.json.hash(state);
    }
}

impl fmt::Debug for EndpointRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EndpointRules({} bytes of JSON)", self.json.len())
    }
}

/// What a caller chooses about endpoints, for any service: the SDK settings rule sets read
/// (`AWS::Region`, `AWS::UseFIPS`, `AWS::UseDualStack`, `SDK::Endpoint`, the account id), any
/// other parameter by name, and the partition table.
///
/// ```
/// use awsjson_runtime::EndpointConfig;
///
/// let fips = EndpointConfig::new("us-gov-west-1").fips(true);
/// let dual_stack = EndpointConfig::new("us-east-1").dual_stack(true);
/// let local = EndpointConfig::new("us-east-1").url("http://localhost:4566");
/// # let _ = (fips, dual_stack, local);
/// ```
#[derive(Debug, Clone, Default)]
pub struct EndpointConfig {
    built_ins: Vec<(&'static str, ParamValue)>,
    params: Params,
    partitions: Option<Arc<Partitions>>,
}

impl EndpointConfig {
    /// The built-in of the region requests go to.
    pub const REGION: &'static str = "AWS::Region";
    /// The built-in that asks for FIPS endpoints.
    pub const USE_FIPS: &'static str = "AWS::UseFIPS";
    /// The built-in that asks for dual-stack endpoints.
    pub const USE_DUAL_STACK: &'static str = "AWS::UseDualStack";
    /// The built-in of a custom endpoint URL.
    pub const ENDPOINT: &'static str = "SDK::Endpoint";
    /// The built-in of the credentials' account id.
    pub const ACCOUNT_ID: &'static str = "AWS::Auth::AccountId";
    /// The built-in of the account-id endpoint mode.
    pub const ACCOUNT_ID_ENDPOINT_MODE: &'static str = "AWS::Auth::AccountIdEndpointMode";

    /// Endpoints in `region`.
    pub fn new(region: impl Into<String>) -> Self {
        EndpointConfig::default().built_in(Self::REGION, region.into())
    }

    /// FIPS endpoints (`AWS::UseFIPS`).
    pub fn fips(self, fips: bool) -> Self {
        self.built_in(Self::USE_FIPS, fips)
    }

    /// Dual-stack (IPv4 and IPv6) endpoints (`AWS::UseDualStack`).
    pub fn dual_stack(self, dual_stack: bool) -> Self {
        self.built_in(Self::USE_DUAL_STACK, dual_stack)
    }

    /// A custom endpoint URL (`SDK::Endpoint`): a local server, a VPC endpoint, a proxy. The
    /// rule set decides what it allows with it (no FIPS, no dual stack, as a rule).
    pub fn url(self, url: impl Into<String>) -> Self {
        self.built_in(Self::ENDPOINT, url.into())
    }

    /// The account id of the credentials (`AWS::Auth::AccountId`), for account-based
    /// endpoints (DynamoDB's).
    pub fn account_id(self, account_id: impl Into<String>) -> Self {
        self.built_in(Self::ACCOUNT_ID, account_id.into())
    }

    /// `preferred`, `required` or `disabled` (`AWS::Auth::AccountIdEndpointMode`).
    pub fn account_id_endpoint_mode(self, mode: impl Into<String>) -> Self {
        self.built_in(Self::ACCOUNT_ID_ENDPOINT_MODE, mode.into())
    }

    /// Any built-in by its name, for the parameters of every rule set that declares it.
    pub fn built_in(mut self, name: &'static str, value: impl Into<ParamValue>) -> Self {
        let value = value.into();
        match self.built_ins.iter_mut().find(|(given, _)| *given == name) {
            Some((_, old)) => *old = value,
            None => self.built_ins.push((name, value)),
        }
        self
    }

    /// A parameter of the service's rule set by its name (a generated `EndpointParams` names
    /// them all with their types); wins over the built-ins.
    pub fn param(mut self, name: impl Into<String>, value: impl Into<ParamValue>) -> Self {
        self.params.set(name, value);
        self
    }

    /// `aws.partition` reads `partitions` (a newer table than this release carries, say)
    /// instead of [`Partitions::aws`].
    pub fn partitions(mut self, partitions: Arc<Partitions>) -> Self {
        self.partitions = Some(partitions);
        self
    }

    /// The region given, if any.
    pub fn region(&self) -> Option<&str> {
        self.built_in_value(Self::REGION).and_then(|value| match value {
            ParamValue::String(region) => Some(region.as_str()),
            _ => None,
        })
    }

    fn built_in_value(&self, name: &str) -> Option<&ParamValue> {
        self.built_ins.iter().find(|(given, _)| *given == name).map(|(_, value)| value)
    }

    fn flag(&self, name: &str) -> bool {
        matches!(self.built_in_value(name), Some(ParamValue::Boolean(true)))
    }

    /// Resolves with `rules`: the built-ins for the parameters that declare them, then the
    /// parameters given by name, then `context` (what the operation's input binds, which wins
    /// as Smithy says).
    pub(crate) fn resolve(
        &self,
        rules: &RuleSet,
        context: &Params,
    ) -> Result<Endpoint, EndpointError> {
        let mut params = Params::new();
        for parameter in rules.parameters() {
            let given = parameter.built_in().and_then(|built_in| self.built_in_value(built_in));
            if let Some(value) = given {
                params.set(parameter.name(), value.clone());
            }
        }
        for (name, value) in self.params.iter().chain(context.iter()) {
            params.set(name, value.clone());
        }
        // The region, however it was given, before any rule puts it in a host name.
        let region =
            rules.built_in(Self::REGION).and_then(|parameter| params.get(parameter.name()));
        if let Some(ParamValue::String(region)) = region {
            check_region(region)?;
        }
        let partitions = self.partitions.as_deref().unwrap_or_else(|| Partitions::aws());
        let resolved = rules
            .resolve_in(&params, partitions)
            .map_err(|error| EndpointError::new(error.to_string()))?;
        Endpoint::from_resolved(&resolved)
    }

    /// Without a rule set: the custom URL, else the standard endpoint of `prefix` in the
    /// region; FIPS and dual stack need the rule set.
    pub(crate) fn fallback(
        &self,
        prefix: Option<&str>,
        service: &str,
    ) -> Result<Endpoint, EndpointError> {
        if let Some(ParamValue::String(url)) = self.built_in_value(Self::ENDPOINT) {
            return Endpoint::parse(url);
        }
        if self.flag(Self::USE_FIPS) || self.flag(Self::USE_DUAL_STACK) {
            return Err(EndpointError::new(format!(
                "`{service}` was generated without its endpoint rule set, which FIPS and \
                 dual-stack endpoints need: generate it with `Builder::endpoint_rules`"
            )));
        }
        let region = self.region().ok_or_else(|| EndpointError::new("no region was given"))?;
        let prefix = prefix.ok_or_else(|| {
            EndpointError::new(format!(
                "the model of `{service}` gives no endpoint prefix: pass the endpoint URL"
            ))
        })?;
        Endpoint::standard(prefix, region)
    }
}

/// A region is a host label, as botocore requires of a client's region: it goes into host
/// names, where anything else (`us-east-1.evil.com`, `us-east-1/#`) would send requests
/// elsewhere.
fn check_region(region: &str) -> Result<(), EndpointError> {
    super::host::label_problem(region).map_err(|why| {
        EndpointError::new(format!("`{region}` is not a region name like `us-east-1`: {why}"))
    })
}

#[cfg(test)]
mod tests {
    use super::{EndpointConfig, EndpointRules, RuleSetCell};
    use crate::{Protocol, Service};

    /// A global endpoint that signs for `us-east-1` and adds a header, whatever the region.
    const RULES: &str = r#"{"version": "1.0",
        "parameters": {"Region": {"type": "string", "builtIn": "AWS::Region"}},
        "rules": [{"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "type": "endpoint",
            "endpoint": {"url": "https://global.example.com",
                "headers": {"x-amz-region": ["{Region}"]},
                "properties": {"authSchemes": [{"name": "sigv4", "signingName": "global", "signingRegion": "us-east-1"}]}}},
            {"conditions": [], "type": "error", "error": "Invalid Configuration: Missing Region"}]}"#;

    const SERVICE: Service = Service::new("Test_20240101", Protocol::AwsJson1_0)
        .with_signing_name("test")
        .with_endpoint_rules(EndpointRules::new(RULES, || {
            static CELL: RuleSetCell = RuleSetCell::new();
            &CELL
        }));

    #[test]
    fn a_resolved_endpoint_carries_its_headers_and_signing_facts() {
        let endpoint = SERVICE.endpoint("eu-west-1").unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(endpoint.to_string(), "https://global.example.com");
        assert_eq!(endpoint.headers(), [("x-amz-region".to_owned(), "eu-west-1".to_owned())]);
        assert_eq!(
            (endpoint.signing_name(), endpoint.signing_region()),
            (Some("global"), Some("us-east-1"))
        );
        assert_eq!(endpoint.properties()["authSchemes"][0]["name"], "sigv4");
    }

    #[cfg(feature = "http")]
    #[test]
    fn an_http_request_carries_the_endpoint_headers() {
        let endpoint = SERVICE.endpoint("eu-west-1").unwrap_or_else(|error| panic!("{error}"));
        let options = crate::RequestOptions::default();
        let request = crate::Request::new(
            "T.Op",
            crate::Protocol::AwsJson1_0,
            &[],
            b"{}".to_vec(),
            None,
            &options,
        );
        let request = request.into_http(&endpoint).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(request.uri(), "https://global.example.com/");
        assert_eq!(
            request.headers().get("x-amz-region").map(|v| v.as_bytes()),
            Some(&b"eu-west-1"[..])
        );
    }

    #[test]
    fn a_region_that_is_no_host_label_is_refused_however_it_is_given() {
        let error = |config: &EndpointConfig| {
            SERVICE
                .resolve_endpoint(config)
                .err()
                .map(|error| error.to_string())
                .unwrap_or_default()
        };
        let expected = "`us-east-1.evil.com` is not a region name like `us-east-1`: '.' is not a letter, digit or `-`";
        assert_eq!(error(&EndpointConfig::new("us-east-1.evil.com")), expected);
        assert_eq!(
            error(&EndpointConfig::default().param("Region", "us-east-1.evil.com")),
            expected
        );
        assert_eq!(error(&EndpointConfig::default()), "Invalid Configuration: Missing Region");
    }

    #[test]
    fn without_a_rule_set_the_standard_endpoint_stays_and_fips_is_refused() {
        let bare = Service::new("Svc", Protocol::AwsJson1_0).with_endpoint_prefix("svc");
        let url = bare.endpoint("cn-north-1").map(|endpoint| endpoint.to_string());
        assert_eq!(url.as_deref(), Ok("https://svc.cn-north-1.amazonaws.com.cn"));
        let fips = bare.resolve_endpoint(&EndpointConfig::new("us-east-1").fips(true));
        assert_eq!(
            fips.err().map(|error| error.to_string()).as_deref(),
            Some(
                "`Svc` was generated without its endpoint rule set, which FIPS and dual-stack \
                  endpoints need: generate it with `Builder::endpoint_rules`"
            )
        );
        let custom =
            bare.resolve_endpoint(&EndpointConfig::new("us-east-1").url("http://localhost:4566"));
        assert_eq!(
            custom.map(|endpoint| endpoint.to_string()).as_deref(),
            Ok("http://localhost:4566")
        );
    }
}
